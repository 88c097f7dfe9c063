"""The preview grid's column header: two lines per column (what it is imported as, the file's own
header), tinted when the guess is unsure or the column is not imported, with a ▾ that invites a click
(not on a photo folder's fixed columns, where a click changes nothing).
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import QHeaderView, QWidget

from ui.import_wizard.preview_model import (
    CONFIDENCE_ROLE,
    FIELD_ROLE,
    LOW_CONFIDENCE,
    MAPPABLE_ROLE,
    SOURCE_COLUMN_ROLE,
)

SURE = QColor("#e6eef7")
UNSURE = QColor("#ffe3a3")
IGNORED = QColor("#eceef0")
PLAIN = QColor("#eef1f4")
BORDER = QColor("#cfd6dd")
FIELD_TEXT = QColor("#12385e")
HEADER_TEXT = QColor("#5f6b77")


class MappingHeader(QHeaderView):
    """A horizontal header that shows the column mapping and asks for a change on click."""

    sig_mapping_clicked = Signal(int, QPoint)
    """A mapped/mappable column title was clicked: (0-based column of the file, global popup position)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setSectionsClickable(True)
        self.setHighlightSections(False)
        self.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.sectionClicked.connect(self._clicked)
        self.setMouseTracking(True)

    def _source_column(self, section: int) -> int:
        model = self.model()
        if model is None:
            return -1
        value = model.headerData(section, Qt.Orientation.Horizontal, SOURCE_COLUMN_ROLE)
        return int(value) if isinstance(value, int) else -1

    def mappable(self, section: int) -> bool:
        """True when a click on this section's title offers to change what its column is imported as."""
        model = self.model()
        if model is None or self._source_column(section) < 0:
            return False
        return model.headerData(section, Qt.Orientation.Horizontal, MAPPABLE_ROLE) is not False

    def _clicked(self, section: int) -> None:
        column = self._source_column(section)
        if column < 0 or not self.mappable(section):
            return
        x = self.sectionViewportPosition(section)
        self.sig_mapping_clicked.emit(column, self.mapToGlobal(QPoint(x, self.height())))

    def sizeHint(self) -> QSize:
        """Tall enough for two lines of text."""
        base = super().sizeHint()
        lines = self.fontMetrics().lineSpacing() * 2 + 14
        return QSize(base.width(), max(base.height(), lines))

    def sectionSizeFromContents(self, logicalIndex: int) -> QSize:
        """Width of the longer of the two lines, plus room for the ▾."""
        model = self.model()
        if model is None:
            return super().sectionSizeFromContents(logicalIndex)
        text = str(model.headerData(logicalIndex, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole) or "")
        bold = QFont(self.font())
        bold.setBold(True)
        fm = QFontMetrics(bold)
        width = max((fm.horizontalAdvance(line) for line in text.split("\n")), default=0)
        return QSize(width + 34, self.fontMetrics().lineSpacing() * 2 + 14)

    def paintSection(self, painter: QPainter, rect: QRect, logicalIndex: int) -> None:
        """Paint the two lines and the tint; status/problem columns get one plain line."""
        model = self.model()
        if model is None or not rect.isValid():
            return
        painter.save()
        column = self._source_column(logicalIndex)
        text = str(model.headerData(logicalIndex, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole) or "")
        field = model.headerData(logicalIndex, Qt.Orientation.Horizontal, FIELD_ROLE)
        confidence = model.headerData(logicalIndex, Qt.Orientation.Horizontal, CONFIDENCE_ROLE) or 0.0
        if column < 0:
            fill = PLAIN
        elif field is None:
            fill = IGNORED
        elif float(confidence) < LOW_CONFIDENCE:
            fill = UNSURE
        else:
            fill = SURE
        painter.fillRect(rect, fill)
        painter.setPen(QPen(BORDER))
        painter.drawLine(rect.topRight(), rect.bottomRight())
        painter.drawLine(rect.bottomLeft(), rect.bottomRight())
        inner = rect.adjusted(6, 4, -6, -4)
        first, _, second = text.partition("\n")
        bold = QFont(self.font())
        bold.setBold(True)
        if column < 0:
            painter.setFont(bold)
            painter.setPen(QPen(HEADER_TEXT))
            painter.drawText(inner, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), first)
        else:
            line = self.fontMetrics().lineSpacing()
            top = QRect(inner.left(), inner.top(), inner.width() - 16, line)
            bottom = QRect(inner.left(), inner.top() + line + 2, inner.width() - 16, line)
            painter.setFont(bold)
            painter.setPen(QPen(FIELD_TEXT if field is not None else HEADER_TEXT))
            fm = painter.fontMetrics()
            painter.drawText(top, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                             fm.elidedText(first, Qt.TextElideMode.ElideRight, top.width()))
            painter.setFont(self.font())
            painter.setPen(QPen(HEADER_TEXT))
            fm = painter.fontMetrics()
            painter.drawText(bottom, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                             fm.elidedText(second, Qt.TextElideMode.ElideRight, bottom.width()))
            if self.mappable(logicalIndex):
                painter.setPen(QPen(FIELD_TEXT))
                arrow = QRect(inner.right() - 12, inner.top(), 14, inner.height())
                painter.drawText(arrow, int(Qt.AlignmentFlag.AlignCenter), "▾")
        painter.restore()

    def column_at_section(self, section: int) -> int:
        """The file's column shown in a section (-1 for status/problem columns)."""
        return self._source_column(section)

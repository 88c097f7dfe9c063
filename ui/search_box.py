"""The search box: debounced live search, and Enter for USB barcode scanners."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit, QWidget

DEBOUNCE_MS = 150


class SearchBox(QLineEdit):
    """A line edit that reports what to search for once the typing pauses.

    A scanner types a whole code and Enter within a few milliseconds: every keystroke restarts
    the debounce timer, so no half-typed code is searched, and Enter reports the code at once.
    """

    sig_search_changed = Signal(str)
    """The text to search for (after a short pause in typing, or cleared)."""

    sig_code_entered = Signal(str)
    """Enter was pressed with this text: a scanned barcode or SKU, or a search to run now."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setClearButtonEnabled(True)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self._fire)
        self._last = ""
        self.textEdited.connect(self._edited)
        self.textChanged.connect(self._changed)
        self.returnPressed.connect(self._enter)
        self.retranslate()

    def retranslate(self) -> None:
        """Set the translated placeholder."""
        self.setPlaceholderText(self.tr("Search name, pinyin initials (qdpj), barcode or SKU…"))

    def changeEvent(self, event: QEvent) -> None:
        """Re-translate on a language change."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _edited(self, _text: str) -> None:
        self._timer.start()

    def _changed(self, text: str) -> None:
        if not text and self._last:  # cleared by the clear button or programmatically
            self._timer.stop()
            self._fire()

    def _fire(self) -> None:
        text = self.text().strip()
        if text != self._last:
            self._last = text
            self.sig_search_changed.emit(text)

    def _enter(self) -> None:
        self._timer.stop()
        text = self.text().strip()
        self._last = text
        self.sig_code_entered.emit(text)
        self.selectAll()  # the next scan replaces this code

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Escape clears the search."""
        if event.key() == Qt.Key.Key_Escape and self.text():
            self.clear()
            return
        super().keyPressEvent(event)

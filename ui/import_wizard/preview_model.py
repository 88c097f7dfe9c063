"""The preview grid's model: the file's own cells per data row, tinted by what the import will do.

Built for 100,000-row files: it keeps only the plan and computes every cell, colour and tooltip
in `data()` on demand. Column 0 says what happens to the row, then (when some rows have problems)
a "Problem" column with the reasons, then one column per column of the file.

It can show only the rows of one action ("only the rows with problems"): the worker that planned
the import lists the rows of each action (work.rows_by_action), and the model then shows one of
those lists; the row titles stay the spreadsheet's row numbers.
"""

from __future__ import annotations

import bisect
import html
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPixmap

from importers.errors import ImportRefused, Issue, column_letter
from importers.fields import IMAGE
from importers.pictures import Picture, PictureReader
from importers.plan import ImportPlan, RowPlan
from importers.table import ParsedRow
from ui.import_wizard import labels
from ui.thumbnails import Preview, Previews, Thumbnails

Index = QModelIndex | QPersistentModelIndex

# Custom roles of the horizontal header (data columns only).
FIELD_ROLE = Qt.ItemDataRole.UserRole + 1  # mapped field name, or None
CONFIDENCE_ROLE = Qt.ItemDataRole.UserRole + 2  # 0..1 (1.0 when chosen by the user)
SOURCE_COLUMN_ROLE = Qt.ItemDataRole.UserRole + 3  # 0-based column of the file, or -1
HEADER_TEXT_ROLE = Qt.ItemDataRole.UserRole + 4  # the file's own header text
ACTION_ROLE = Qt.ItemDataRole.UserRole + 5  # a row's action (any column)
MAPPABLE_ROLE = Qt.ItemDataRole.UserRole + 6  # True when a click on the title changes what the column is imported as

LOW_CONFIDENCE = 0.75
THUMB_HEIGHT = 20  # pixels: a row's photo in the grid, about a line of text high
PREVIEW_SIZE = 240  # pixels: the longer side of a photo in a picture cell's tooltip
ACTIONS = ("new", "changed", "unchanged", "error")

ROW_COLOURS: dict[str, QColor] = {
    "new": QColor("#e3f4e1"),
    "changed": QColor("#fdf0cf"),
    "unchanged": QColor("#ffffff"),
    "error": QColor("#fbe1df"),
}
ERROR_CELL = QColor("#f4b9b4")
GREY_TEXT = QColor("#6b7580")
ERROR_TEXT = QColor("#a01d14")
WARNING_CELL = QColor("#f7df9e")  # a value taken that deserves a look (时价)
WARNING_TEXT = QColor("#7a5200")


class PreviewModel(QAbstractTableModel):
    """Rows of an ImportPlan with their original cells; read-only, lazily computed."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._plan: ImportPlan | None = None
        self._parsed: list[ParsedRow] = []
        self._width = 0
        self._groups: dict[str, list[int]] | None = None  # action -> plan row indexes (made when first needed)
        self._filter: str | None = None  # the action of the rows shown (None: every row)
        self._rows: list[int] | None = None  # the plan rows shown, in order (None: every row)
        self._problem_column = False
        self._brushes = {a: QBrush(c) for a, c in ROW_COLOURS.items()}
        self._error_cell = QBrush(ERROR_CELL)
        self._grey = QBrush(GREY_TEXT)
        self._red = QBrush(ERROR_TEXT)
        self._warn_cell = QBrush(WARNING_CELL)
        self._amber = QBrush(WARNING_TEXT)
        self._bold = QFont()
        self._bold.setBold(True)
        self._thumbs = Thumbnails(THUMB_HEIGHT, parent=self)
        self._thumbs.sig_ready.connect(self._thumbnail_arrived)
        self._previews = Previews(PREVIEW_SIZE, parent=self)

    # ---- content ---------------------------------------------------------------------------
    def set_plan(self, plan: ImportPlan | None, has_problems: bool | None = None,
                 rows: dict[str, list[int]] | None = None) -> None:
        """Show a plan (None: empty). `has_problems` (errors or warnings: the problem column is
        shown) skips a scan when the caller knows; so do `rows`, the plan's row indexes per action
        (work.rows_by_action). A filter set with `set_filter` stays on."""
        self.beginResetModel()
        self._plan = plan
        self._groups = rows or None
        if plan is None:
            self._parsed, self._width, self._problem_column = [], 0, False
            self._rows = None
        else:
            table = plan.table
            self._parsed = table.rows
            if len(self._parsed) != len(plan.rows):  # plans keep one row per parsed row, in order
                by_number = {r.row_number: r for r in table.rows}
                self._parsed = [by_number[p.row_number] for p in plan.rows]
            self._width = len(table.headers) or max((len(r.raw) for r in self._parsed[:200]), default=0)
            if has_problems is None:
                has_problems = any(r.issues for r in plan.rows)
            self._problem_column = has_problems
            self._rows = self.rows_of(self._filter) if self._filter is not None else None
        self.endResetModel()

    def rows_of(self, action: str) -> list[int]:
        """The plan's row indexes of one action, in order (listed by the worker; else one pass, once)."""
        if self._plan is None:
            return []
        if self._groups is None:
            groups: dict[str, list[int]] = {a: [] for a in ACTIONS}
            for i, r in enumerate(self._plan.rows):
                groups.setdefault(r.action, []).append(i)
            self._groups = groups
        return self._groups.get(action, [])

    def set_filter(self, action: str | None) -> None:
        """Show only the rows of `action` ("new", "changed", "unchanged", "error"); None: every row.
        No row is looked at: the rows of each action are listed already."""
        if action == self._filter:
            return
        self.beginResetModel()
        self._filter = action
        self._rows = self.rows_of(action) if action is not None and self._plan is not None else None
        self.endResetModel()

    @property
    def filter(self) -> str | None:
        """The action of the rows shown, or None when every row is."""
        return self._filter

    def source_row(self, row: int) -> int:
        """The plan's row index shown on a row of the grid."""
        return self._rows[row] if self._rows is not None else row

    def view_row(self, source_row: int) -> int:
        """The grid row showing a plan row, or -1 when the filter hides it."""
        if self._rows is None:
            return source_row if 0 <= source_row < self.rowCount() else -1
        i = bisect.bisect_left(self._rows, source_row)
        return i if i < len(self._rows) and self._rows[i] == source_row else -1

    def next_row(self, row: int, action: str = "error", step: int = 1) -> int:
        """The grid row of the next (`step` 1) or previous (-1) row of `action` after grid row `row`
        (-1: from the top), going round at the end; -1 when none is shown."""
        count = self.rowCount()
        if not count:
            return -1
        if self._filter == action:
            return (row + step) % count if row >= 0 or step > 0 else count - 1
        if self._filter is not None:
            return -1  # the filter shows none of them
        found = self.rows_of(action)
        if not found:
            return -1
        if step > 0:
            return found[bisect.bisect_right(found, row) % len(found)]
        i = bisect.bisect_left(found, row if row >= 0 else count) - 1
        return found[i]  # -1 goes round to the last

    @property
    def plan(self) -> ImportPlan | None:
        """The plan shown."""
        return self._plan

    @property
    def _first(self) -> int:
        return 2 if self._problem_column else 1

    def source_column(self, section: int) -> int:
        """The file's 0-based column shown in a section, or -1 for the status/problem columns."""
        c = section - self._first
        return c if 0 <= c < self._width else -1

    def section_of(self, source_column: int) -> int:
        """The section showing a column of the file."""
        return source_column + self._first

    @property
    def problem_section(self) -> int:
        """The section of the "Problem" column, or -1 when there is none."""
        return 1 if self._problem_column else -1

    def row_plan(self, row: int) -> RowPlan | None:
        """The plan of a row of the grid."""
        if self._plan is None or not 0 <= row < self.rowCount():
            return None
        return self._plan.rows[self.source_row(row)]

    # ---- Qt model interface ----------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        """Number of data rows shown (0 under a valid parent: a flat table)."""
        if parent.isValid() or self._plan is None:
            return 0
        return len(self._rows) if self._rows is not None else len(self._plan.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        """Status column + the file's columns + the problem column (when any)."""
        if parent.isValid() or self._plan is None:
            return 0
        return 1 + self._width + (1 if self._problem_column else 0)

    def flags(self, index: Index) -> Qt.ItemFlag:
        """Selectable, never editable."""
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Cell text, row tint, tooltips: computed on demand from the plan row."""
        plan = self._plan
        if plan is None or not index.isValid():
            return None
        row, col = index.row(), index.column()
        rows = self._rows
        if rows is not None:
            if not 0 <= row < len(rows):
                return None
            row = rows[row]  # from here on, the plan's row index
        elif not 0 <= row < len(plan.rows):
            return None
        rp = plan.rows[row]
        c = col - self._first  # the file's column, when >= 0
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return labels.action_label(rp.action)
            if c < 0:
                return self._problem_text(rp) if rp.issues else ""
            if c < self._width:
                if c == 2 and plan.kind == "photos":  # a folder of photos: the product each goes to
                    return rp.name if rp.product_id else ""
                raw = self._parsed[row].raw
                return labels.cell_text(raw[c]) if c < len(raw) else ""
            return None
        if role == Qt.ItemDataRole.DecorationRole:
            return self._thumbnail(row, c) if c >= 0 else None
        if role == Qt.ItemDataRole.BackgroundRole:
            if rp.issues and 0 <= c < self._width and self._cell_issue(rp, c) is not None:
                return self._error_cell if rp.action == "error" else self._warn_cell
            return self._brushes.get(rp.action)
        if role == Qt.ItemDataRole.ToolTipRole:
            pictures = self._pictures_at(row, c) if c >= 0 else ()
            if pictures:  # the first picture, what the pictures of this cell are, what happens to the row
                preview = self.picture_preview(row, c)
                lines = []
                for n, p in enumerate(pictures):
                    width, height = p.width or "?", p.height or "?"  # as stored
                    if n == 0 and preview is not None and preview.upright is not None:
                        width, height = preview.upright  # as shown: a phone photo turned upright
                    lines.append(self.tr("Picture: {kind}, {width} × {height}, {kb} KB").format(
                        kind=p.kind, width=width, height=height, kb=max(1, round(p.size / 1024))))
                text = "\n".join([*lines, self._tooltip(rp, c) or ""]).strip()
                if preview is None:  # not ready yet (asked for: the next tooltip shows it)
                    return text
                return (f'{preview.html()}<p style="white-space:pre">'
                        + html.escape(text).replace("\n", "<br>") + "</p>")
            return self._tooltip(rp, c)
        if role == Qt.ItemDataRole.ForegroundRole:
            if rp.action == "unchanged" or (c >= 0 and self._other_item(row, c)):
                return self._grey
            if rp.action == "error" and c < 0:
                return self._red
            if rp.issues and c < 0:
                return self._amber
            return None
        if role == Qt.ItemDataRole.FontRole:
            return self._bold if col == 0 and rp.action != "unchanged" else None
        if role == ACTION_ROLE:
            return rp.action
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Vertical: the spreadsheet row number. Horizontal: mapped field over the file's header."""
        plan = self._plan
        if plan is None:
            return None
        if orientation == Qt.Orientation.Vertical:
            if role == Qt.ItemDataRole.DisplayRole and 0 <= section < self.rowCount():
                section = self.source_row(section)  # the spreadsheet's row number, whatever is shown
                if len(plan.table.sheets) > 1:  # sheets read together: which sheet's row
                    return f"{self._parsed[section].sheet} {plan.rows[section].row_number}"
                return str(plan.rows[section].row_number)
            return None
        if not 0 <= section < self.columnCount():
            return None
        c = self.source_column(section)
        if c < 0:
            if role == Qt.ItemDataRole.DisplayRole:
                return self.tr("What happens") if section == 0 else self.tr("Problem")
            if role == SOURCE_COLUMN_ROLE:
                return -1
            return None
        table = plan.table
        mapped = table.mapping.get(table.block_column(c))  # side-by-side blocks repeat the first one's fields
        photos = plan.kind == "photos"  # a folder: its columns are fixed and have no letters
        own = table.headers[c] if c < len(table.headers) else ""
        header = labels.photo_header(c) if photos else own
        if role == Qt.ItemDataRole.DisplayRole:
            field = labels.field_label(mapped[0] if mapped else None)
            if photos and header == field:  # a folder's picture column: "Picture", once
                return field
            return f"{field}\n{header or column_letter(c)}"
        if role == FIELD_ROLE:
            return mapped[0] if mapped else None
        if role == CONFIDENCE_ROLE:
            return float(mapped[1]) if mapped else 0.0
        if role == SOURCE_COLUMN_ROLE:
            return c
        if role == HEADER_TEXT_ROLE:
            return header
        if role == MAPPABLE_ROLE:
            return not photos
        if role == Qt.ItemDataRole.ToolTipRole:
            if photos:  # nothing to change: both lines of the title say it all
                return None
            field = labels.field_label(mapped[0]) if mapped else ""
            if mapped is None:
                text = self.tr("Column {letter} “{header}” is not imported.")
            elif mapped[1] < LOW_CONFIDENCE:
                text = self.tr("Column {letter} “{header}” looks like “{field}”, but please check.")
            else:
                text = self.tr("Column {letter} “{header}” is imported as “{field}”.")
            text = text.format(letter=column_letter(c), header=header, field=field)
            return text + "\n" + self.tr("Click to change.")
        return None

    # ---- helpers ---------------------------------------------------------------------------
    def _pictures_at(self, row: int, c: int) -> tuple[Picture, ...]:
        """The photos of the row's item when `c` is its picture column, else none."""
        assert self._plan is not None
        table = self._plan.table
        column = table.field_columns.get(IMAGE)
        parsed = self._parsed[row]
        if column is None or c != column + table.shift(parsed.item):
            return ()
        pictures: tuple[Picture, ...] = parsed.values.get(IMAGE, ())
        return pictures

    def _thumbnail(self, row: int, c: int) -> QPixmap | None:
        """The first photo of the row's item, small, in its picture column; None elsewhere."""
        pictures = self._pictures_at(row, c)
        if not pictures:
            return None
        first, path = pictures[0], self._plan.table.source if self._plan else Path()
        return self._thumbs.get(first.sha256, lambda: _picture_bytes(path, first))

    def picture_key(self, row: int, c: int) -> str | None:
        """The key (hash) of the first picture in plan row `row`, file column `c`; None when none."""
        pictures = self._pictures_at(row, c) if self._plan is not None and c >= 0 else ()
        return pictures[0].sha256 if pictures else None

    def picture_preview(self, row: int, c: int) -> Preview | None:
        """The tooltip-sized first picture of plan row `row`, file column `c`, when it is ready;
        otherwise None, and it is made in the background (`previews.sig_ready` says when)."""
        pictures = self._pictures_at(row, c) if self._plan is not None and c >= 0 else ()
        if not pictures:
            return None
        first, path = pictures[0], self._plan.table.source if self._plan else Path()
        return self._previews.get(first.sha256, lambda: _picture_bytes(path, first))

    @property
    def previews(self) -> Previews:
        """The tooltip-sized pictures (made in the background when a tooltip first asks)."""
        return self._previews

    def _thumbnail_arrived(self, _key: str) -> None:
        if self.rowCount() and self.columnCount():
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1),
                                  [Qt.ItemDataRole.DecorationRole])

    @property
    def thumbnails(self) -> Thumbnails:
        """The thumbnails of the pictures shown (decoded in the background)."""
        return self._thumbs

    def _other_item(self, row: int, c: int) -> bool:
        """True for a cell of another item of the row (side-by-side block, spec price column)."""
        assert self._plan is not None
        return not self._plan.table.belongs(self._parsed[row].item, c)

    @property
    def _has_columns(self) -> bool:
        """False for a folder of photos: its problems name no column letter (a folder has none)."""
        return self._plan is not None and self._plan.kind != "photos"

    @staticmethod
    def _errors(rp: RowPlan) -> list[Issue]:
        return [i for i in rp.issues if i.severity == "error"]

    def _cell_issue(self, rp: RowPlan, c: int) -> Issue | None:
        letter = column_letter(c)
        for i in rp.issues:
            if i.column == letter:
                return i
        return None

    def _issue_text(self, i: Issue) -> str:
        message, fix = labels.pick(i.message_zh, i.message_en), labels.pick(i.fix_zh, i.fix_en)
        sep = "，" if labels.is_chinese() else ". "
        return f"{message}{sep}{fix}" if fix else message

    def _problem_text(self, rp: RowPlan) -> str:
        errors = self._errors(rp) or rp.issues
        if not errors:
            return ""
        first = errors[0]
        where = f"{first.column}: " if first.column and self._has_columns else ""
        more = f" (+{len(errors) - 1})" if len(errors) > 1 else ""
        return f"{where}{labels.pick(first.message_zh, first.message_en)}{more}"

    def _tooltip(self, rp: RowPlan, c: int) -> str | None:
        if rp.action != "error" and rp.issues:  # warnings: what was taken, and what to check
            notes = [self._issue_text(i) for i in rp.issues]
            if rp.action == "changed":
                return "\n".join([*labels.diff_lines(rp.diffs), *notes])
            return "\n".join([self.tr("This row will be added.") if rp.action == "new" else "", *notes]).strip()
        if rp.action == "changed":
            return "\n".join(labels.diff_lines(rp.diffs)) or None
        if rp.action == "error":
            if 0 <= c < self._width:
                issue = self._cell_issue(rp, c)
                if issue is not None:
                    return self._issue_text(issue)
            lines = []
            for i in self._errors(rp) or rp.issues:
                where = self.tr("Column {letter}").format(letter=i.column) + ": " if i.column and self._has_columns else ""
                lines.append(f"{where}{self._issue_text(i)}")
            return "\n".join(lines) or None
        if rp.action == "new":
            return self.tr("This row will be added.")
        return self.tr("Already there with the same values: nothing changes.") if rp.action == "unchanged" else None


def _picture_bytes(path: Path, picture: Picture) -> bytes | None:
    """A picture of the file at `path` (a background thread reads it); None when it is gone.
    The file is opened and closed again: kept open, Windows would stop Excel saving it meanwhile."""
    try:
        with PictureReader(path) as reader:
            return reader.read(picture)
    except ImportRefused:
        return None

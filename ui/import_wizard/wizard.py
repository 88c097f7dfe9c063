"""The import wizard: choose a file, see what will change, import, then fix or undo.

Three pages in one dialog. Every read, plan, import, report and undo runs as an Operation off the
UI thread (each opens its own Store on `store_path`); the dialog only shows results.
"""

from __future__ import annotations

import bisect
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QContextMenuEvent, QCursor, QDragEnterEvent, QDropEvent, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QTableView,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from catalog.batches import UndoRefused
from catalog.products import Cancelled
from importers import ImportRefused
from importers.errors import column_letter
from importers.fields import SPEC_PRICE, fields_for
from importers.plan import ImportPlan
from ui.errors import friendly_message
from ui.import_wizard import asks, labels, moved_note, work
from ui.import_wizard.chips import CountChips, chip_point_size
from ui.import_wizard.choose_page import ChoosePage
from ui.import_wizard.mapping_header import MappingHeader
from ui.import_wizard.notes import ERROR, INFO, WARNING, label, note
from ui.import_wizard.preview_model import PreviewModel
from ui.import_wizard.result_page import ResultPage
from ui.operations import Operation, OperationRunner
from ui.style import fit_to_screen

log = logging.getLogger(__name__)

KIND_CHOICES = ("auto", "products", "menu", "ledger")


class ImportWizard(QDialog):
    """Import a spreadsheet into the shop at `store_path`; `path` starts with that file (drag and drop)."""

    sig_import_finished = Signal(str)
    """An import was written: the batch id (the main window refreshes its views)."""

    sig_plan_ready = Signal()
    """A preview (read + plan) is shown; `plan` and `counts` describe it."""

    sig_refused = Signal(str)
    """A file could not be read: the plain message shown to the user."""

    sig_undone = Signal(str)
    """The import of this wizard was undone: its batch id."""

    def __init__(self, store_path: Path, path: Path | str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store_path = Path(store_path)
        self.runner = OperationRunner(self)
        self.read_result: work.ReadResult | None = None
        self.applied: work.ApplyResult | None = None
        self.report_saved: Path | None = None
        self._queued: work.ReadRequest | None = None
        self._reading = False
        self._applying: Operation | None = None
        self._user_changed = False
        self._filling = False
        self._together: list[str] = []  # the file's sheets read together when no sheet is chosen
        # a field the user gave a column while other columns had it: (the read's request, field,
        # the column clicked, each column's field before); said in mapping_note when read
        self._moving: tuple[work.ReadRequest, str, int, list[str | None]] | None = None
        # what the notes say, kept as the way to word it (not the words): a language change words it again
        self._notes: dict[QLabel, Callable[[], str]] = {}
        self.setAcceptDrops(True)
        self.setMinimumSize(760, 520)
        fit_to_screen(self, 1040, 700)
        self._build()
        self.retranslate()
        if path is not None:
            self.open_file(Path(path))

    # ---- building --------------------------------------------------------------------------
    def _build(self) -> None:
        self.pages = QStackedWidget()
        self.choose_page = ChoosePage()
        self.choose_page.choose_button.clicked.connect(self.choose_file)
        self.choose_page.photos_button.clicked.connect(self.choose_photo_folder)
        self.choose_page.close_button.clicked.connect(self.reject)
        self.result_page = ResultPage()
        self.result_page.report_button.clicked.connect(self.save_problem_rows)
        self.result_page.undo_button.clicked.connect(self.undo_import)
        self.result_page.close_button.clicked.connect(self.accept)
        self.pages.addWidget(self.choose_page)
        self.pages.addWidget(self._build_preview_page())
        self.pages.addWidget(self.result_page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 14)
        layout.addWidget(self.pages)

    def _build_preview_page(self) -> QWidget:
        page = QWidget()
        self.file_title = label("title", wrap=False)
        self.sheet_caption = QLabel()
        self.sheet_combo = QComboBox()
        self.sheet_combo.setMinimumContentsLength(10)
        self.sheet_combo.activated.connect(self._sheet_chosen)
        self.kind_caption = QLabel()
        self.kind_combo = QComboBox()
        self.kind_combo.activated.connect(self._kind_chosen)
        self.kind_reason = label("hint")
        self.header_info = label("hint")
        self.remembered_note = note(*INFO)
        self.warnings_note = note(*WARNING)
        self.message_note = note(*ERROR)
        self.mapping_note = note(*INFO)
        self.chips = CountChips()
        self.chips.sig_filter_changed.connect(self.set_row_filter)
        self.chips.sig_next_problem_requested.connect(self.go_to_problem)
        self.mapping_hint = label("hint")
        self.model = PreviewModel(self)
        self.model.previews.sig_ready.connect(self._preview_arrived)
        self.view = QTableView()
        self.header = MappingHeader(self.view)
        self.view.setHorizontalHeader(self.header)
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setWordWrap(False)
        self.view.setCornerButtonEnabled(False)
        self.view.setTabKeyNavigation(False)  # Tab leaves the grid for the buttons (arrows move inside)
        self.view.installEventFilter(self)  # F4, Alt+Down, the menu key: the current column's mapping menu
        self.header.setStretchLastSection(True)
        self.view.verticalHeader().setSectionResizeMode(self.view.verticalHeader().ResizeMode.Fixed)
        self.view.verticalHeader().setDefaultSectionSize(self.fontMetrics().lineSpacing() + 10)
        self.header.sig_mapping_clicked.connect(self._mapping_clicked)
        # while work runs, a still picture of the grid stands in for it (see _freeze_grid)
        self.grid_still = QLabel()
        self.grid_still.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.grid_still.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.grid_stack = QStackedWidget()
        self.grid_stack.addWidget(self.view)
        self.grid_stack.addWidget(self.grid_still)
        self.overwrite_box = QCheckBox()
        self.overwrite_box.toggled.connect(self.set_overwrite_blanks)
        self.busy_label = label("hint", wrap=False)
        self._flashed = ""  # a brief message in busy_label, cleared when _flash_timer times out
        self._flash_timer = QTimer(self)  # the wizard's own: it ends with it
        self._flash_timer.setSingleShot(True)
        self._flash_timer.timeout.connect(self._flash_ended)
        self.back_button = QPushButton()
        self.back_button.setAutoDefault(False)
        self.back_button.clicked.connect(self._back_to_choose)
        self.cancel_button = QPushButton()
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.clicked.connect(self.reject)
        self.import_button = QPushButton()
        self.import_button.setProperty("primary", True)
        self.import_button.clicked.connect(self.start_apply)

        top = QHBoxLayout()
        top.setSpacing(8)
        top.addWidget(self.sheet_caption)
        top.addWidget(self.sheet_combo)
        top.addSpacing(16)
        top.addWidget(self.kind_caption)
        top.addWidget(self.kind_combo)
        top.addSpacing(8)
        top.addWidget(self.kind_reason, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.back_button)
        bottom.addWidget(self.busy_label, 1)
        bottom.addWidget(self.cancel_button)
        bottom.addWidget(self.import_button)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addWidget(self.file_title)
        layout.addLayout(top)
        layout.addWidget(self.header_info)
        layout.addWidget(self.remembered_note)
        layout.addWidget(self.warnings_note)
        layout.addWidget(self.message_note)
        layout.addWidget(self.mapping_note)
        layout.addWidget(self.chips)
        layout.addWidget(self.mapping_hint)
        layout.addWidget(self.grid_stack, 1)
        layout.addWidget(self.overwrite_box)
        layout.addLayout(bottom)
        return page

    def retranslate(self) -> None:
        """Set every fixed text in the current language."""
        self.setWindowTitle(self.tr("Import a spreadsheet"))
        self.choose_page.retranslate()
        self.sheet_caption.setText(self.tr("Sheet:"))
        self.kind_caption.setText(self.tr("This file holds:"))
        self.kind_combo.clear()
        for kind in KIND_CHOICES:
            self.kind_combo.addItem(labels.kind_label(kind), kind)
        self.mapping_hint.setText(self.tr(
            "Each column title says what it will be saved as. Yellow titles are a guess: "
            "click a title to change it (keyboard: F4 in the grid opens the menu of the current column). "
            "Point at a row to see details."))
        self.overwrite_box.setText(self.tr("Empty cells clear what is stored (normally empty cells keep the stored value)"))
        self.back_button.setText(self.tr("Choose another file"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.result_page.retranslate()
        if self.read_result is not None:
            self._show_result(self.read_result)
            self._size_columns()  # the titles' widths in the new language
        for widget, render in self._notes.items():
            widget.setText(render())

    def changeEvent(self, event: QEvent) -> None:
        """Re-translate on a language change; re-size the count chips on a text size change."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        elif event.type() == QEvent.Type.FontChange and self.read_result is not None:
            self._show_result(self.read_result)
        super().changeEvent(event)

    # ---- state -----------------------------------------------------------------------------
    @property
    def plan(self) -> ImportPlan | None:
        """The plan previewed now (None before the first read)."""
        return self.read_result.plan if self.read_result is not None else None

    @property
    def counts(self) -> dict[str, int]:
        """new/changed/unchanged/error counts of the preview."""
        return dict(self.read_result.counts) if self.read_result is not None else {}

    @property
    def busy(self) -> bool:
        """True while a read, plan or import runs."""
        return self._reading or self._applying is not None

    def _set_busy(self, text: str) -> None:
        """Enter (`text`: what is going on) or leave ("") the busy state; call it before starting work."""
        busy = bool(text)
        if busy:
            self._freeze_grid()
        for w in (self.sheet_combo, self.kind_combo, self.overwrite_box, self.import_button, self.back_button,
                  self.choose_page.choose_button, self.choose_page.photos_button, self.header, self.chips):
            w.setEnabled(not busy)
        self.busy_label.setText(text)
        self.choose_page.status.setText(text)
        if not busy:
            self._thaw_grid()

    @property
    def grid_frozen(self) -> bool:
        """True while a still picture stands in for the preview grid (work is running)."""
        return self.grid_stack.currentWidget() is self.grid_still

    def _freeze_grid(self) -> None:
        """Put a still picture of the preview grid in its place until the work ends.

        Every paint of the live grid asks the Python model ~1,650 questions (7 roles and the flags
        of each visible cell, row and column counts, the header's sections). Each is a separate
        entry into Python from Qt's C++ painting, which takes the GIL back after Qt let it go (a
        Python paintEvent cannot keep it: PySide lets it go inside). While a worker runs Python
        (read, plan, import) on another core, it picks the GIL up in one of those openings (one
        time in 4 to 20 in our measurements) and CPython then keeps the UI thread waiting a whole
        switch interval (5 ms) before it may ask the next question: a repaint that takes 15-30 ms
        alone took 0.3-3 s during an import (issue 3: a scroll, an uncovered window, or the paint
        still pending when Import was clicked). The picture is drawn by Qt alone. It is taken here,
        before the work starts; the grid is busy (read-only) meanwhile anyway.
        """
        if self.grid_frozen or not self.view.isVisible() or self.model.rowCount() == 0:
            return
        self.grid_still.setPixmap(self.view.grab())
        self.grid_stack.setCurrentWidget(self.grid_still)

    def _thaw_grid(self) -> None:
        """The live grid again (the work has ended)."""
        if self.grid_frozen:
            self.grid_stack.setCurrentWidget(self.view)
            self.grid_still.clear()

    # ---- choosing and reading --------------------------------------------------------------
    def choose_file(self) -> None:
        """Ask for a file and read it."""
        path = asks.choose_file(self)
        if path is not None:
            self.open_file(path)

    def choose_photo_folder(self) -> None:
        """Ask for a folder of product photos and read it."""
        path = asks.choose_photo_folder(self)
        if path is not None:
            self.open_file(path)

    def open_file(self, path: Path) -> None:
        """Read a file (from the file dialog or a drop) and preview it."""
        self._user_changed = False
        self._together = []
        self._say(self.choose_page.error, None)
        self._say(self.mapping_note, None)
        self.model.set_filter(None)  # another file: every row
        self._start_read(work.ReadRequest(Path(path)))

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        """Accept one dropped local file."""
        urls = event.mimeData().urls()
        if len(urls) == 1 and urls[0].isLocalFile() and not self.busy:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        """Read the dropped file."""
        urls = event.mimeData().urls()
        if urls and urls[0].isLocalFile():
            event.acceptProposedAction()
            self.open_file(Path(urls[0].toLocalFile()))

    def _start_read(self, request: work.ReadRequest) -> None:
        if self._reading:
            self._queued = request  # the newest choice wins once the running read ends
            return
        self._reading = True
        self._say(self.message_note, None)
        self._set_busy(self.tr("Reading “{name}”…").format(name=request.path.name))
        op = Operation(
            work=lambda job: work.read_and_plan(job, request),
            on_success=self._read_done,
            on_failure=self._read_failed,
            label=self.tr("Reading “{name}”…").format(name=request.path.name),
            db_path=self.store_path,
        )
        self.runner.run(op)

    def _replan(self, overwrite_blanks: bool) -> None:
        if self.read_result is None:
            return
        if self._reading:
            self._queued = work.ReadRequest(self.read_result.request.path, self.read_result.plan.table.sheet_argument,
                                            self._kind_for_reread(), dict(self.read_result.overrides), overwrite_blanks,
                                            False, reuse=self.read_result.plan.table)
            return
        self._reading = True
        self._set_busy(self.tr("Checking the rows again…"))
        previous = self.read_result
        op = Operation(
            work=lambda job: work.replan(job, previous, overwrite_blanks),
            on_success=self._read_done,
            on_failure=self._read_failed,
            label=self.tr("Checking the rows again…"),
            db_path=self.store_path,
        )
        self.runner.run(op)

    def _read_done(self, result: work.ReadResult) -> None:
        self._reading = False
        old = self.read_result
        self.read_result = result
        self.applied = None
        if len(result.plan.table.sheets) > 1:
            self._together = list(result.plan.table.sheets)
        chosen = self._chosen_row(old, result)
        self.model.set_plan(result.plan, result.counts["error"] > 0 or result.noted, result.rows)
        if self.model.filter is not None and not result.counts.get(self.model.filter):
            self.model.set_filter(None)  # none of those rows left (the problems were fixed): every row
        self._discard(old, result)
        self._set_busy("")
        self._show_moved(result)
        self._show_result(result)
        self._size_columns()
        self.pages.setCurrentIndex(1)
        self._focus_preview()
        self._choose_again(result, chosen)
        if self._queued is not None:
            request, self._queued = self._queued, None
            self._start_read(request)
            return
        self.sig_plan_ready.emit()

    def _focus_preview(self) -> None:
        """Give the grid the focus unless a control of the preview has it: a chip given the focus
        first (a photo folder hides the combos before them) would look pressed."""
        focus = self.focusWidget()
        page = self.pages.widget(1)
        if focus is None or not page.isAncestorOf(focus) or not focus.isVisibleTo(self) \
                or focus in self.chips.buttons.values():
            self.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def _chosen_row(self, old: work.ReadResult | None, new: work.ReadResult) -> tuple[int, int, int] | None:
        """The row chosen in the grid before a re-read of the same table (a mapping or option
        changed): (its plan row index, its spreadsheet row number, the grid column); else None."""
        current = self.view.currentIndex()
        if old is None or not current.isValid() or old.plan.table.source != new.plan.table.source \
                or old.plan.table.sheet_argument != new.plan.table.sheet_argument:
            return None
        source = self.model.source_row(current.row())
        if not 0 <= source < len(old.plan.rows):
            return None
        return source, old.plan.rows[source].row_number, current.column()

    def _choose_again(self, result: work.ReadResult, chosen: tuple[int, int, int] | None) -> None:
        """Choose, and bring into view, the spreadsheet row chosen before the re-read (matched by
        its row number), when the rows shown include it."""
        if chosen is None:
            return
        source, number, column = chosen
        rows = result.plan.rows
        if not (0 <= source < len(rows) and rows[source].row_number == number):  # the plan has other rows
            source = bisect.bisect_left(rows, number, key=lambda r: r.row_number)
            if len(result.plan.table.sheets) > 1 or not (source < len(rows) and rows[source].row_number == number):
                return
        row = self.model.view_row(source)
        if row >= 0:
            self._go_to(row, min(column, self.model.columnCount() - 1))

    def _discard(self, old: work.ReadResult | None, new: work.ReadResult) -> None:
        """Free an old plan's rows on a worker in small pieces (100,000 rows take a while to free)."""
        if old is None:
            return
        trash: list[list[Any]] = [old.plan.rows, *old.rows.values()]
        if old.plan.table is not new.plan.table:
            trash.append(old.plan.table.rows)
        self.runner.run(Operation(work=lambda job: work.free_lists(job, trash), cancellable=False,
                                  on_failure=lambda exc, text: log.warning("freeing a plan failed: %s", text)))

    def _read_failed(self, exc: BaseException, details: str) -> None:
        self._reading = False
        self._moving = None
        self._set_busy("")
        if self._queued is not None:
            request, self._queued = self._queued, None
            self._start_read(request)
            return
        if isinstance(exc, Cancelled):
            return
        render: Callable[[], str]
        if isinstance(exc, ImportRefused):
            refused = exc
            render = lambda: labels.pick(refused.message_zh, refused.message_en)  # noqa: E731
        else:
            log.error("reading a file for import failed\n%s", details)
            render = lambda: friendly_message(exc)  # noqa: E731
        if self.read_result is None or self.pages.currentIndex() == 0:
            self.pages.setCurrentIndex(0)
            self._say(self.choose_page.error, render)
        else:
            self._say(self.message_note, render)
            self._fill_choosers(self.read_result)  # the combos go back to what is shown
        self.sig_refused.emit(render())

    # ---- showing a plan --------------------------------------------------------------------
    def _show_result(self, result: work.ReadResult) -> None:
        table = result.plan.table
        self.setWindowTitle(self.tr("Import product photos") if table.kind == "photos" else self.tr("Import a spreadsheet"))
        self.file_title.setText(table.source.name)
        self.file_title.setToolTip(str(table.source))
        self._fill_choosers(result)
        if result.request.kind == "auto":
            reason = labels.pick(table.kind_reason_zh, table.kind_reason_en)
            self.kind_reason.setText(self.tr("PortDesk thinks this is: {kind}. {reason}").format(
                kind=labels.kind_label(table.kind), reason=reason))
        else:
            self.kind_reason.setText("")
        if table.kind == "photos":
            info = self.tr("%n photo(s): each goes to the product whose barcode, SKU or name is its file name"
                           " (a second photo: “name_2”).", "", len(table.rows))
        elif table.header_row is not None:
            info = self.tr("Column titles are on row {row}; {rows} data rows below them.").format(
                row=table.header_row, rows=result.data_rows)
        else:
            info = self.tr("No row of column titles was found; columns were guessed from their values.")
        if table.skipped:
            info += " " + self.tr("Left out: %n other row(s) (titles, blank rows, totals).", "", len(table.skipped))
        self.header_info.setText(info)
        self.remembered_note.setText(self.tr(
            "The column choices you confirmed last time for a file like this were used."))
        self.remembered_note.setVisible(result.remembered)
        warnings = [labels.pick(zh, en) for zh, en in table.warnings]
        self.warnings_note.setText("\n".join(f"⚠ {w}" for w in warnings[:6]))
        self.warnings_note.setVisible(bool(warnings))
        c = result.counts
        self.chips.set_counts(c, chip_point_size(QApplication.font()))
        self.chips.set_filter(self.model.filter, self.model.rowCount())
        todo = c["new"] + c["changed"]
        if not todo:
            self.import_button.setText(self.tr("Nothing to import"))
        elif table.kind == "photos":
            self.import_button.setText(self.tr("Import %n photo(s)", "", todo))
        else:
            self.import_button.setText(self.tr("Import %n row(s)", "", todo))
        self.import_button.setEnabled(todo > 0 and not self.busy)
        if self.import_button.isEnabled():  # Enter imports (set here, in the dialog: see _make_default)
            self._make_default(self.import_button)
        self._filling = True
        self.overwrite_box.setChecked(result.request.overwrite_blanks)
        self._filling = False
        self.overwrite_box.setVisible(result.plan.kind not in ("ledger", "photos"))

    def _fill_choosers(self, result: work.ReadResult) -> None:
        table = result.plan.table
        self._filling = True
        try:
            self.sheet_combo.clear()
            if self._together:  # the sheets of one list, read as one table: the automatic choice
                self.sheet_combo.addItem(self.tr("All of {sheets}").format(sheets="、".join(self._together)), None)
            for name in table.sheet_names:
                self.sheet_combo.addItem(name, name)
            self.sheet_combo.setCurrentIndex(0 if len(table.sheets) > 1 else max(0, self.sheet_combo.findData(table.sheet)))
            self.sheet_combo.setEnabled(not self.busy)
            for w in (self.sheet_caption, self.sheet_combo):
                w.setVisible(len(table.sheet_names) > 1)
            index = self.kind_combo.findData(result.request.kind)
            self.kind_combo.setCurrentIndex(max(0, index))
            for w in (self.kind_caption, self.kind_combo, self.mapping_hint):  # a folder of photos: one kind, no mapping
                w.setVisible(table.kind != "photos")
        finally:
            self._filling = False

    def _size_columns(self) -> None:
        """Column widths from the header and the first rows only (never a scan of 100,000 rows)."""
        fm = self.view.fontMetrics()
        for section in range(self.model.columnCount()):
            width = self.header.sectionSizeFromContents(section).width()
            for row in range(min(30, self.model.rowCount())):
                text = str(self.model.data(self.model.index(row, section)) or "")
                width = max(width, fm.horizontalAdvance(text) + 30)
            self.view.setColumnWidth(section, min(width, 360))

    # ---- the user's choices ----------------------------------------------------------------
    def _kind_for_reread(self) -> str:
        assert self.read_result is not None
        kind = self.read_result.request.kind
        return self.read_result.plan.table.kind if kind == "auto" and self.read_result.remembered else kind

    def _sheet_chosen(self, _index: int) -> None:
        if not self._filling:
            self.set_sheet(self.sheet_combo.currentData())

    def _kind_chosen(self, _index: int) -> None:
        if not self._filling:
            self.set_kind(str(self.kind_combo.currentData()))

    def set_sheet(self, sheet: str | None) -> None:
        """Read another sheet of the file (None: the automatic choice, which reads the sheets of
        one list together)."""
        if self.read_result is None or sheet == self.read_result.plan.table.sheet_argument:
            return
        self._user_changed = False
        self._say(self.mapping_note, None)
        r = self.read_result.request
        self._start_read(work.ReadRequest(r.path, sheet, r.kind, {}, r.overwrite_blanks, True))

    def set_kind(self, kind: str) -> None:
        """Read the file as another kind ("auto", "products", "menu" or "ledger")."""
        if self.read_result is None or kind == self.read_result.request.kind:
            return
        self._user_changed = False
        self._say(self.mapping_note, None)
        r = self.read_result.request
        self._start_read(work.ReadRequest(r.path, self.read_result.plan.table.sheet_argument, kind, {}, r.overwrite_blanks, True,
                                          reuse=self.read_result.plan.table))

    def set_column_mapping(self, column: int, field: str | None) -> None:
        """Import a column of the file as `field` (None: do not import it), and plan again. A field
        one column at a time (a spec's price excepted): the column that had it is no longer
        imported, and the wizard says so in `mapping_note` once the rows are planned again."""
        if self.read_result is None:
            return
        table = self.read_result.plan.table
        own = table.block_column(column)  # side-by-side blocks share their first's
        holders = self._columns_with(field, own)
        overrides = dict(self.read_result.overrides)
        overrides.pop(own, None)  # the newest choice last: the cores apply the choices in order
        for other in holders:
            if other in overrides:
                overrides[other] = None  # an earlier choice of the same field gives way to this one
        overrides[own] = field
        self._user_changed = True
        self._say(self.mapping_note, None)
        r = self.read_result.request
        request = work.ReadRequest(r.path, table.sheet_argument, self._kind_for_reread(), overrides,
                                   r.overwrite_blanks, False, reuse=table)
        before = moved_note.fields_before(table)
        self._moving = (request, field, column, before) if field is not None and holders else None
        self._start_read(request)

    def _columns_with(self, field: str | None, but: int = -1) -> list[int]:
        """The columns (other than `but`) imported as `field` now; none for a spec's price (one per column)."""
        if self.read_result is None or field is None or field == SPEC_PRICE:
            return []
        mapping = self.read_result.plan.table.mapping
        return sorted(c for c, (f, _conf) in mapping.items() if f == field and c != but)

    def _show_moved(self, result: work.ReadResult) -> None:
        """Say which columns lost the field the user gave another column, in every side-by-side
        block (never silently)."""
        moving = self._moving
        if moving is None or moving[0] is not result.request:  # another read (one queued before it)
            return
        self._moving = None
        _request, field, column, before = moving
        change = moved_note.moved(field, column, before, result.plan.table)
        if change is not None:
            self._say(self.mapping_note, lambda: moved_note.moved_text(field, *change))

    def _say(self, widget: QLabel, render: Callable[[], str] | None) -> None:
        """Show a note worded by `render` (worded again on a language change); None hides it."""
        if render is None:
            self._notes.pop(widget, None)
            widget.hide()
            return
        self._notes[widget] = render
        widget.setText(render())
        widget.show()

    def set_overwrite_blanks(self, on: bool) -> None:
        """Choose whether empty cells clear stored values, and plan again."""
        if self._filling or self.read_result is None or on == self.read_result.request.overwrite_blanks:
            return
        self._replan(on)

    def mapping_menu(self, column: int) -> QMenu:
        """The menu of fields a column can be imported as (the current one checked)."""
        assert self.read_result is not None
        table = self.read_result.plan.table
        current = table.mapping.get(table.block_column(column), (None, 0.0))[0]
        menu = QMenu(self)
        header = table.headers[column] if column < len(table.headers) else ""
        title = menu.addAction(self.tr("Column “{header}” is:").format(header=header))
        title.setEnabled(False)
        menu.addSeparator()
        ignore = menu.addAction(self.tr("Not imported"))
        ignore.setCheckable(True)
        ignore.setChecked(current is None)
        ignore.triggered.connect(lambda _=False, c=column: self.set_column_mapping(c, None))
        menu.addSeparator()
        holders = {f: c for c, (f, _conf) in table.mapping.items() if f != SPEC_PRICE}  # one column each
        own = table.block_column(column)
        for field in fields_for(table.kind):
            text = labels.field_label(field)
            holder = holders.get(field)
            if holder is not None and holder != own:  # picking it takes it from that column
                text = self.tr("{field} (column {letter})").format(field=text, letter=column_letter(holder))
            action = menu.addAction(text)
            action.setCheckable(True)
            action.setChecked(field == current)
            action.setData(field)
            action.triggered.connect(lambda _=False, c=column, f=field: self.set_column_mapping(c, f))
        return menu

    def _mapping_clicked(self, column: int, where: QPoint) -> None:
        self.open_mapping_menu(column, where)

    def open_mapping_menu(self, column: int, where: QPoint | None = None) -> QMenu | None:
        """Pop up the mapping menu of a column of the file (under its title unless `where`, a
        global position, says otherwise); None when the columns cannot be changed now."""
        if self.read_result is None or self.busy or self.read_result.plan.kind == "photos":
            return None
        if where is None:
            section = self.model.section_of(column)
            x = self.header.sectionViewportPosition(section)
            where = self.header.mapToGlobal(QPoint(max(0, x), self.header.height()))
        menu = self.mapping_menu(column)
        menu.aboutToHide.connect(menu.deleteLater)
        menu.popup(where)
        return menu

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """In the grid, F4, Alt+Down and the menu key open the mapping menu of the current column."""
        if watched is self.view and self._is_menu_key(event):
            current = self.view.currentIndex()
            column = self.model.source_column(current.column()) if current.isValid() else -1
            self.open_mapping_menu(max(0, column))
            event.accept()
            return True
        return super().eventFilter(watched, event)

    @staticmethod
    def _is_menu_key(event: QEvent) -> bool:
        if event.type() == QEvent.Type.ContextMenu:
            return isinstance(event, QContextMenuEvent) and event.reason() == QContextMenuEvent.Reason.Keyboard
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        key, mods = event.key(), event.modifiers()
        return ((key in (Qt.Key.Key_F4, Qt.Key.Key_Menu) and mods == Qt.KeyboardModifier.NoModifier)
                or (key == Qt.Key.Key_Down and mods == Qt.KeyboardModifier.AltModifier))

    # ---- finding rows ----------------------------------------------------------------------
    def set_row_filter(self, action: str | None) -> None:
        """Show only the rows of `action` ("new", "changed", "unchanged" or "error"; None: every
        row). The row chosen stays chosen, and in sight, when it is still shown."""
        current = self.view.currentIndex()
        source = self.model.source_row(current.row()) if current.isValid() else -1
        column = max(0, current.column())
        self.model.set_filter(action)
        self.chips.set_filter(self.model.filter, self.model.rowCount())
        row = self.model.view_row(source) if source >= 0 else -1
        if row >= 0:
            self._go_to(row, column)
        else:
            self.view.scrollToTop()

    def go_to_problem(self, step: int = 1) -> None:
        """Choose the next (`step` 1) or the previous (-1) row with a problem, going round at the
        end; every row is shown first when the filter hides the problems."""
        if self.busy or self.read_result is None or not self.read_result.counts.get("error"):
            return
        if self.model.filter not in (None, "error"):
            self.set_row_filter(None)
        current = self.view.currentIndex()
        # nothing chosen yet (the grid's current cell is only where it starts): from the top
        chosen = current.isValid() and self.view.selectionModel().hasSelection()
        start = current.row() if chosen else -1
        row = self.model.next_row(start, "error", step)
        if row < 0:
            return
        self._go_to(row, max(0, current.column()))
        if start >= 0 and (row <= start if step > 0 else row >= start):  # went round the end
            self._flash(self.tr("All problems seen: back to the first one.") if step > 0
                        else self.tr("All problems seen: back to the last one."))

    def _flash(self, text: str, ms: int = 4000) -> None:
        """Say something briefly in the status line at the bottom (unless work is going on)."""
        if self.busy:
            return
        self.busy_label.setText(text)
        self._flashed = text
        self._flash_timer.start(ms)

    def _flash_ended(self) -> None:
        if self.busy_label.text() == self._flashed:
            self.busy_label.setText("")

    def _go_to(self, row: int, column: int) -> None:
        index = self.model.index(row, column)
        self.view.setCurrentIndex(index)
        self.view.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)

    def _preview_arrived(self, key: str) -> None:
        """A picture's tooltip preview is ready: when the tooltip of its cell is showing, show it
        again with the picture (the mouse has not moved)."""
        if not QToolTip.isVisible() or self.grid_frozen or not self.view.isVisible():
            return
        where = QCursor.pos()
        viewport = self.view.viewport()
        index = self.view.indexAt(viewport.mapFromGlobal(where))
        if not index.isValid():
            return
        c = self.model.source_column(index.column())
        if self.model.picture_key(self.model.source_row(index.row()), c) != key:
            return
        QToolTip.showText(where, str(self.model.data(index, Qt.ItemDataRole.ToolTipRole) or ""), viewport,
                          self.view.visualRect(index))

    def _make_default(self, button: QPushButton) -> None:
        """Make `button` the dialog's default (Enter) button. Qt registers the default with the
        dialog only when the flag changes, and a flag set before the button was in the dialog was
        not registered: another button took it over when the dialog was shown."""
        button.setDefault(False)
        button.setDefault(True)

    def _back_to_choose(self) -> None:
        self._say(self.choose_page.error, None)
        self.pages.setCurrentIndex(0)

    # ---- importing -------------------------------------------------------------------------
    def make_apply_operation(self) -> Operation:
        """The Operation that imports the previewed plan (start it with `self.runner.run`)."""
        assert self.read_result is not None
        plan, remember = self.read_result.plan, self._user_changed
        op = Operation(
            work=lambda job: work.apply_import(job, plan, remember),
            on_success=self._applied,
            on_failure=self._apply_failed,
            label=self.tr("Importing… Nothing is saved until it has finished."),
            db_path=self.store_path,
        )
        self._applying = op
        self._set_busy(self.tr("Importing…"))
        self.cancel_button.setText(self.tr("Stop importing"))
        return op

    def start_apply(self) -> None:
        """Import the good rows of the preview (in one transaction, off the UI thread)."""
        if self.read_result is None or self.busy or self._applying is not None:
            return
        self.runner.run(self.make_apply_operation())

    def cancel_apply(self) -> None:
        """Stop a running import: everything it did is rolled back."""
        if self._applying is not None:
            self._applying.job.cancel_event.set()

    def _end_apply(self) -> None:
        self._applying = None
        self._set_busy("")
        self.cancel_button.setText(self.tr("Cancel"))

    def _applied(self, result: work.ApplyResult) -> None:
        self._end_apply()
        self.applied = result
        self.result_page.show_applied(result, self.read_result)
        self.pages.setCurrentIndex(2)
        self._make_default(self.result_page.close_button)  # Enter closes the result page
        self.result_page.close_button.setFocus(Qt.FocusReason.OtherFocusReason)
        if result.batch_id is not None:
            self.sig_import_finished.emit(result.batch_id)

    def _apply_failed(self, exc: BaseException, details: str) -> None:
        self._end_apply()
        if self.read_result is not None:
            self._show_result(self.read_result)
        if isinstance(exc, Cancelled):
            self._say(self.message_note, lambda: self.tr("The import was stopped. Nothing was changed."))
        else:
            log.error("import failed\n%s", details)
            self._say(self.message_note, lambda: self.tr(
                "The import did not finish, and nothing was changed.") + "\n" + friendly_message(exc))

    # ---- after importing -------------------------------------------------------------------
    def suggested_report_path(self) -> Path:
        """Where the problem rows are saved by default: next to the file, "<name>-to fix.xlsx"
        ("<name>-待修正.xlsx" in Chinese)."""
        assert self.read_result is not None
        source = self.read_result.plan.table.source
        return source.with_name(self.tr("{name}-to fix").format(name=source.stem) + ".xlsx")

    def save_problem_rows(self) -> None:
        """Ask where, then write the rows that were not imported (with reasons) to an .xlsx."""
        if self.read_result is None:
            return
        out = asks.report_path(self, self.suggested_report_path())
        if out is None:
            return
        plan = self.read_result.plan
        self.result_page.set_busy(self.tr("Saving…"))
        self.runner.run(Operation(
            work=lambda job: work.save_report(job, plan, out),
            on_success=lambda n: self._report_saved(out, int(n)),
            on_failure=self._report_failed,
            label=self.tr("Saving…"),
            cancellable=False,
        ))

    def _report_saved(self, out: Path, rows: int) -> None:
        self.result_page.set_busy("")
        self.report_saved = out
        self.result_page.show_report_saved(out, rows)

    def _report_failed(self, exc: BaseException, details: str) -> None:
        self.result_page.set_busy("")
        log.error("saving the error report failed\n%s", details)
        self.result_page.show_report_failed(None if isinstance(exc, OSError) else lambda: friendly_message(exc))

    def undo_import(self) -> None:
        """Ask, then undo the import made by this wizard."""
        if self.applied is None or self.applied.batch_id is None:
            return
        if not asks.confirm(self, self.tr("Undo this import"), self.tr(
                "Put the products back exactly as they were before this import?")):
            return
        batch = self.applied.batch_id
        self.result_page.undo_button.setEnabled(False)
        self.result_page.set_busy(self.tr("Undoing…"))
        self.runner.run(Operation(
            work=lambda job: work.undo_batch(job, batch),
            on_success=lambda _n: self._undone(batch),
            on_failure=self._undo_failed,
            label=self.tr("Undoing…"),
            cancellable=False,
            db_path=self.store_path,
        ))

    def _undone(self, batch: str) -> None:
        self.result_page.set_busy("")
        self.result_page.show_undone()
        self.sig_undone.emit(batch)

    def _undo_failed(self, exc: BaseException, details: str) -> None:
        self.result_page.set_busy("")
        render: Callable[[], str]
        if isinstance(exc, UndoRefused):
            refused = str(exc)
            render = lambda: labels.pick_joined(refused)  # noqa: E731
        else:
            log.error("undo failed\n%s", details)
            render = lambda: friendly_message(exc)  # noqa: E731
        self.result_page.show_undo_failed(render)

    # ---- closing ---------------------------------------------------------------------------
    def reject(self) -> None:
        """Cancel: during an import this stops it (rolling back); otherwise the dialog closes."""
        if self._applying is not None:
            self.cancel_apply()
            return
        self.shutdown()
        super().reject()

    def done(self, result: int) -> None:
        """Closing stops background work first."""
        self.shutdown()
        super().done(result)

    def closeEvent(self, event: QCloseEvent) -> None:
        """Closing the window cancels running work and waits for it."""
        self.shutdown()
        super().closeEvent(event)

    def shutdown(self) -> None:
        """Cancel running work (an import rolls back) and wait for its thread."""
        if self.runner.busy:
            self.runner.shutdown()


def open_wizard(store_path: Path, path: Path | str | None, parent: QWidget | None = None) -> ImportWizard:
    """Create, show and return a modeless wizard (deleted when closed)."""
    wizard = ImportWizard(store_path, path, parent)
    wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    wizard.show()
    QTimer.singleShot(0, wizard.raise_)
    return wizard

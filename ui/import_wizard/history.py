"""Import history: every import with its counts, and an Undo button for each one not yet undone."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from catalog.batches import BatchInfo, UndoRefused, local_time
from ui.errors import friendly_message
from ui.import_wizard import asks, labels, work
from ui.operations import Job, Operation, OperationRunner

log = logging.getLogger(__name__)


def list_batches(job: Job) -> list[BatchInfo]:
    """Every import batch, newest first (worker thread)."""
    return job.store.batches.list()


class ImportHistoryDialog(QDialog):
    """Lists the imports of the shop at `store_path`; each can be undone from here."""

    sig_undone = Signal(str)
    """An import was undone: its batch id (the main window refreshes its views)."""

    sig_loaded = Signal()
    """The list was (re)loaded from the database."""

    COLUMNS = 8  # time, file, kind, added, updated, problems, state, undo

    def __init__(self, store_path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store_path = Path(store_path)
        self.runner = OperationRunner(self)
        self.batches: list[BatchInfo] = []
        self.model = QStandardItemModel(0, self.COLUMNS, self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(self.fontMetrics().lineSpacing() + 18)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.view.horizontalHeader().setSectionResizeMode(7, QHeaderView.ResizeMode.Fixed)
        self.view.setColumnWidth(7, 120)
        self.title = QLabel()
        self.title.setProperty("role", "title")
        self.hint = QLabel()
        self.hint.setProperty("role", "hint")
        self.hint.setWordWrap(True)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.hide()
        self.empty = QLabel()
        self.empty.setProperty("role", "hint")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.hide()
        self.close_button = QPushButton()
        self.close_button.clicked.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 14)
        layout.setSpacing(10)
        layout.addWidget(self.title)
        layout.addWidget(self.hint)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.empty)
        layout.addWidget(self.message)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.close_button)
        layout.addLayout(bottom)
        self.resize(900, 480)
        self.retranslate()
        self.reload()

    def retranslate(self) -> None:
        """Set every fixed text in the current language."""
        self.setWindowTitle(self.tr("Import history"))
        self.title.setText(self.tr("Import history"))
        self.hint.setText(self.tr(
            "Every file and photo folder you imported. Undo puts the products back as they were before that import."))
        self.empty.setText(self.tr("Nothing has been imported yet."))
        self.close_button.setText(self.tr("Close"))
        self.model.setHorizontalHeaderLabels([
            self.tr("Time"), self.tr("File"), self.tr("Kind"), self.tr("Added"), self.tr("Updated"),
            self.tr("Problems"), self.tr("State"), "",
        ])
        self._fill()

    def changeEvent(self, event: QEvent) -> None:
        """Re-translate on a language change."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def reload(self) -> None:
        """Read the list of imports again (off the UI thread)."""
        self.runner.run(Operation(work=list_batches, on_success=self._loaded, on_failure=self._failed,
                                  cancellable=False, db_path=self.store_path))

    def _loaded(self, batches: list[BatchInfo]) -> None:
        self.batches = batches
        self._fill()
        self.sig_loaded.emit()

    def _fill(self) -> None:
        self.model.removeRows(0, self.model.rowCount())
        for row, b in enumerate(self.batches):
            s: dict[str, Any] = b.summary or {}
            errors = s.get("errors", [])
            cells = [
                local_time(b.created_at), b.file_name, labels.kind_label(b.kind),
                str(s.get("created", "")), str(s.get("updated", "")),
                str(len(errors) if isinstance(errors, list) else errors),
                self.tr("Undone {time}").format(time=local_time(b.undone_at)) if b.undone_at else self.tr("Imported"),
                "",
            ]
            items = [QStandardItem(c) for c in cells]
            items[1].setToolTip(str(s.get("file", b.file_name)))
            for i in (3, 4, 5):
                items[i].setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.model.appendRow(items)
            if not b.undone_at:
                button = QPushButton(self.tr("Undo"))
                button.setToolTip(self.tr("Put everything back as it was before this import"))
                button.clicked.connect(lambda _=False, batch=b.id: self.undo(batch))
                self.view.setIndexWidget(self.model.index(row, 7), button)
        self.view.setVisible(bool(self.batches))
        self.empty.setVisible(not self.batches)
        self._fit_columns()

    def _fit_columns(self) -> None:
        """Fit the columns sized to their contents to the new texts now (an undone import's
        "Undone <time>" would otherwise stay cut to the old "Imported" width until reopened)."""
        header = self.view.horizontalHeader()
        for column in range(self.COLUMNS):
            if header.sectionResizeMode(column) == QHeaderView.ResizeMode.ResizeToContents:
                header.resizeSection(column, max(header.sectionSizeHint(column), self.view.sizeHintForColumn(column)))

    def undo_button(self, batch_id: str) -> QPushButton | None:
        """The Undo button of a batch's row (None when it is undone or not listed)."""
        for row, b in enumerate(self.batches):
            if b.id == batch_id:
                widget = self.view.indexWidget(self.model.index(row, 7))
                return widget if isinstance(widget, QPushButton) else None
        return None

    def undo(self, batch_id: str) -> None:
        """Ask, then undo one import."""
        info = next((b for b in self.batches if b.id == batch_id), None)
        name = info.file_name if info else batch_id
        if not asks.confirm(self, self.tr("Undo this import"), self.tr(
                "Undo the import of “{file}” and put everything back as it was before it?").format(file=name)):
            return
        self.message.hide()
        self.runner.run(Operation(work=lambda job: work.undo_batch(job, batch_id),
                                  on_success=lambda _n: self._undone(batch_id), on_failure=self._failed,
                                  label=self.tr("Undoing…"), cancellable=False, db_path=self.store_path))

    def _undone(self, batch_id: str) -> None:
        self._show(self.tr("The import was undone."), error=False)
        self.sig_undone.emit(batch_id)
        self.reload()

    def _failed(self, exc: BaseException, details: str) -> None:
        if isinstance(exc, UndoRefused):
            self._show(labels.pick_joined(str(exc)), error=True)
        else:
            log.error("import history failed\n%s", details)
            self._show(friendly_message(exc), error=True)

    def _show(self, text: str, error: bool) -> None:
        colour, border = ("#fdecea", "#e8a49c") if error else ("#e6f4e4", "#9fcf98")
        self.message.setStyleSheet(
            f"QLabel {{ background: {colour}; border: 1px solid {border}; border-radius: 4px; padding: 6px 10px; }}")
        self.message.setText(text)
        self.message.show()

    def done(self, result: int) -> None:
        """Closing waits for background work."""
        if self.runner.busy:
            self.runner.shutdown()
        super().done(result)

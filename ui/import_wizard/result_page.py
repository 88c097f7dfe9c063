"""The wizard's last page: what was imported, the problem rows to save and fix, and undo."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from catalog.batches import short_id
from ui.import_wizard import work
from ui.import_wizard.notes import ERROR, INFO, label, note
from ui.import_wizard.problem_photos import ProblemPhotosModel


class ResultPage(QWidget):
    """Shows an import's result and, after it, a saved report or an undo. The wizard connects the
    buttons (`report_button`, `undo_button`, `close_button`) and runs the work."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = label("title")
        self.title.setStyleSheet("QLabel { color: #1d6a2a; }")
        self.summary = label()
        self.summary.setStyleSheet("QLabel { font-size: 13pt; }")
        self.batch = label("hint")
        self.problems_text = label()
        # a photo folder: the files not imported and why (a folder has no spreadsheet to fix)
        self.problem_photos = ProblemPhotosModel(self)
        self.problem_photos_view = QTableView()
        self.problem_photos_view.setModel(self.problem_photos)
        self.problem_photos_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.problem_photos_view.setWordWrap(False)
        self.problem_photos_view.setTabKeyNavigation(False)
        self.problem_photos_view.verticalHeader().hide()
        self.problem_photos_view.horizontalHeader().setStretchLastSection(True)
        self.problem_photos_view.hide()
        self.report_button = QPushButton()
        self.report_note = note(*INFO)
        self.undo_text = label("hint")
        self.undo_button = QPushButton()
        self.undo_note = note(*ERROR)
        self.busy = label("hint", wrap=False)
        self.close_button = QPushButton()
        self.close_button.setProperty("primary", True)
        for button in (self.report_button, self.undo_button):
            button.setAutoDefault(False)
            button.setMinimumHeight(38)
        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        layout.addWidget(self.title)
        layout.addWidget(self.summary)
        layout.addWidget(self.batch)
        layout.addSpacing(10)
        layout.addWidget(self.problems_text)
        layout.addWidget(self.problem_photos_view, 3)
        layout.addWidget(self.report_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.report_note)
        layout.addSpacing(10)
        layout.addWidget(self.undo_text)
        layout.addWidget(self.undo_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.undo_note)
        layout.addStretch(1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.busy, 1)
        bottom.addWidget(self.close_button)
        layout.addLayout(bottom)
        self._shown: tuple[work.ApplyResult, work.ReadResult | None] | None = None
        self._undone = False
        # what the notes say, kept as the way to word it: a language change words it again
        self._notes: dict[QLabel, Callable[[], str]] = {}

    def retranslate(self) -> None:
        """Set every text in the current language."""
        self.title.setText(self.tr("Import finished"))
        self.report_button.setText(self.tr("Save the problem rows to a spreadsheet to fix…"))
        self.undo_text.setText(self.tr("Imported the wrong file? You can put everything back as it was."))
        self.undo_button.setText(self.tr("Undo this import"))
        self.close_button.setText(self.tr("Close"))
        undone = self._undone
        if self._shown is not None:
            self.show_applied(*self._shown)
        if undone:
            self.show_undone()
        for widget, render in self._notes.items():
            widget.setText(render())

    def show_applied(self, result: work.ApplyResult, read: work.ReadResult | None) -> None:
        """Show what an import did; `read` is the preview it imported (a photo folder lists its
        problem photos here)."""
        self._shown, self._undone = (result, read), False
        if result.batch_id is None:
            self.title.setText(self.tr("Nothing was imported"))
            self.summary.setText(self.tr("Every row was already there or had a problem."))
        else:
            self.title.setText("✔ " + self.tr("Import finished"))
            text = self.tr("Added {new} · Updated {changed} · No change {same}").format(
                new=result.created, changed=result.updated, same=result.unchanged)
            if result.pictures:
                text += "\n" + self.tr("Product photos added: {n}").format(n=result.pictures)
            self.summary.setText(text)
        self.batch.setText(self.tr("Import number: {id}").format(id=short_id(result.batch_id)) if result.batch_id else "")
        photos = read is not None and read.plan.kind == "photos"
        if photos:  # a folder: its problem rows are files, to rename or replace there
            self.problems_text.setText(self.tr(
                "Photos not imported: {n}. Each is listed below with the reason: rename or replace it "
                "in the folder, then import the folder again.").format(n=result.errors))
        else:
            self.problems_text.setText(self.tr(
                "Rows not imported because of problems: {n}. Save them to a spreadsheet, "
                "fix the cells marked there, and import that file again.").format(n=result.errors))
        self._show_problem_photos(read if photos and result.errors > 0 else None)
        self.problems_text.setVisible(result.errors > 0)
        self.report_button.setVisible(result.errors > 0 and not photos)
        for w in (self.undo_text, self.undo_button):
            w.setVisible(result.batch_id is not None)

    def _show_problem_photos(self, read: work.ReadResult | None) -> None:
        """List the photos of the folder `read` that were not imported (None: hide the list)."""
        if read is None:
            self.problem_photos.set_rows(None, [])
            self.problem_photos_view.hide()
            return
        if self.problem_photos.plan is not read.plan:
            rows = read.rows.get("error")
            if rows is None:  # not listed by the worker: at most 10,000 photos
                rows = [i for i, r in enumerate(read.plan.rows) if r.action == "error"]
            self.problem_photos.set_rows(read.plan, rows)
        else:
            self.problem_photos.retranslate()
        view = self.problem_photos_view
        view.resizeColumnToContents(0)
        view.setColumnWidth(0, min(view.columnWidth(0) + 20, 360))
        view.show()

    def set_busy(self, text: str) -> None:
        """Say what is going on ("Saving…"); "" when it has ended."""
        self.busy.setText(text)

    def show_report_saved(self, out: Path, rows: int) -> None:
        """The problem rows were saved to `out`."""
        self._say(self.report_note, lambda: self.tr("Saved %n row(s) to {path}", "", rows).format(path=str(out)))

    def show_report_failed(self, render: Callable[[], str] | None) -> None:
        """Saving the problem rows failed: `render` words why (None: the file could not be written)."""
        self._say(self.report_note, render or (lambda: self.tr(
            "The file could not be saved. Is it open in Excel or WPS? Close it and try again.")))

    def show_undone(self) -> None:
        """The import was undone: nothing is left to fix or undo."""
        self._undone = True
        self.title.setText(self.tr("The import was undone"))
        self.summary.setText(self.tr("Everything is back as it was before the import."))
        for w in (self.undo_text, self.undo_button, self.problems_text, self.report_button, self.report_note,
                  self.problem_photos_view, self.undo_note):  # a refusal of an earlier try no longer stands
            w.hide()
        self._notes.pop(self.report_note, None)
        self._notes.pop(self.undo_note, None)

    def show_undo_failed(self, render: Callable[[], str]) -> None:
        """The undo was refused or failed: `render` words why; the button works again."""
        self.undo_button.setEnabled(True)
        self._say(self.undo_note, render)

    def _say(self, widget: QLabel, render: Callable[[], str]) -> None:
        self._notes[widget] = render
        widget.setText(render())
        widget.show()

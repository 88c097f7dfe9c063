"""Print and export: Save PDF, Print preview, Print, Save PNG pictures and Save HTML web menu.

Layout and file writing run in an Operation (off the UI thread, progress and cancel); a QPrinter
is painted on the UI thread, as `menus.render` requires. Each question goes through `asks`.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QMarginsF, QObject, QSizeF, Qt, Signal
from PySide6.QtGui import QPageLayout, QPageSize, QPaintEvent
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStyle,
    QStyleOptionComboBox,
    QStylePainter,
    QWidget,
)

from catalog.menus import MenuError
from menus.html import write_html
from menus.layout import Document, Page
from menus.render import page_image, paint_printer, write_pdf
from menus.templates import TEMPLATES, Cancelled
from ui.menus import asks
from ui.menus.documents import PrintRequest, build_document, load_menu
from ui.operations import Job, Operation, OperationRunner
from ui.style import fit_to_screen

PNG_DPI = 150
_A4_PT = QPageSize(QPageSize.PageSizeId.A4).size(QPageSize.Unit.Point)


def page_size_for(page: Page) -> QPageSize:
    """The paper of a laid-out page: A4 when it is A4, else an exact custom size (thermal strips)."""
    w, h = page.size.width(), page.size.height()
    if abs(w - _A4_PT.width()) < 1 and abs(h - _A4_PT.height()) < 1:
        return QPageSize(QPageSize.PageSizeId.A4)
    return QPageSize(
        QSizeF(w * 25.4 / 72, h * 25.4 / 72), QPageSize.Unit.Millimeter, "", QPageSize.SizeMatchPolicy.ExactMatch
    )


def configure_printer(printer: QPrinter, doc: Document) -> None:
    """Give the printer the document's paper (A4 portrait, or the strip's width × content height),
    no margins and full-page painting, so the print dialog opens with the right paper."""
    if not doc.pages:
        raise ValueError("没有可打印的内容 / Nothing to print")
    printer.setFullPage(True)
    printer.setDocName(doc.title)
    printer.setPageLayout(
        QPageLayout(page_size_for(doc.pages[0]), QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0))
    )


def write_pngs(doc: Document, folder: Path, stem: str, job: Job | None = None) -> list[Path]:
    """One PNG per page as `folder/stem-N.png` (each written atomically); returns the paths."""
    folder.mkdir(parents=True, exist_ok=True)
    paths: list[Path] = []
    for number, page in enumerate(doc.pages, start=1):
        if job is not None and job.cancelled():
            raise Cancelled
        path = folder / f"{stem}-{number}.png"
        tmp = path.with_name(f".{path.name}.part")
        try:
            if not page_image(page, PNG_DPI).save(str(tmp), "PNG"):  # type: ignore[call-overload]
                raise OSError(f"无法写入图片 {path} / Cannot write {path}")
            os.replace(tmp, path)
        finally:
            with contextlib.suppress(FileNotFoundError):
                tmp.unlink()
        paths.append(path)
        if job is not None:
            job.progress(number / len(doc.pages), f"第 {number} / {len(doc.pages)} 页")
    return paths


class PrintActions(QObject):
    """The print and export actions of one shop, for any PrintRequest.

    Give it the dialog's OperationRunner (or it makes its own: call `shutdown()` then).
    """

    sig_saved = Signal(object)
    """Files were written: the list of their Paths (a PDF, PNG pages, or index.html)."""

    sig_printed = Signal(int)
    """A document was sent to the printer: the number of pages."""

    sig_failed = Signal(str)
    """An action failed or was cancelled: the message shown (or "" when cancelled)."""

    sig_preview_painted = Signal(int)
    """The print preview painted the document into a printer: the number of pages."""

    def __init__(self, store_path: Path, parent_widget: QWidget, runner: OperationRunner | None = None) -> None:
        super().__init__(parent_widget)
        self.store_path = Path(store_path)
        self.parent_widget = parent_widget
        self._own_runner = runner is None
        self.runner = runner or OperationRunner(parent_widget)

    def shutdown(self) -> None:
        """Stop and join running work when this object made its own runner."""
        if self._own_runner:
            self.runner.shutdown()

    # -- the actions --------------------------------------------------------------------------

    def save_pdf(self, request: PrintRequest, stem: str = "") -> Operation | None:
        """Ask where, then write the PDF in the background; None when the user cancelled."""
        path = asks.ask_save_path(
            self.parent_widget, self.tr("Save as PDF"), f"{stem or request.template}.pdf", self.tr("PDF files (*.pdf)")
        )
        if path is None:
            return None
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")

        def work(job: Job) -> list[Path]:
            doc = build_document(job.store, request, job.cancel_event)
            job.progress(0.05, self.tr("Laid out %n page(s)", "", len(doc.pages)))
            return [write_pdf(doc, path, job.progress, job.cancel_event)]

        return self._run(work, self.tr("Saving the PDF…"), self._saved)

    def save_png(self, request: PrintRequest, stem: str = "") -> Operation | None:
        """Ask for a folder, then write one picture per page there."""
        folder = asks.ask_folder(self.parent_widget, self.tr("Save pictures into which folder?"))
        if folder is None:
            return None

        def work(job: Job) -> list[Path]:
            doc = build_document(job.store, request, job.cancel_event)
            return write_pngs(doc, folder, stem or request.template, job)

        return self._run(work, self.tr("Saving pictures…"), self._saved)

    def save_html(self, menu_id: str | None) -> Operation | None:
        """Ask for a folder, then write the web menu `index.html` there."""
        folder = asks.ask_folder(self.parent_widget, self.tr("Save the web menu into which folder?"))
        if folder is None:
            return None

        def work(job: Job) -> list[Path]:
            from menus.from_catalog import shop_from_store

            return [write_html(shop_from_store(job.store), load_menu(job.store, menu_id), folder)]

        return self._run(work, self.tr("Saving the web menu…"), self._saved)

    def print_preview(self, request: PrintRequest) -> Operation:
        """Lay out in the background, then open the print preview (painted on the UI thread)."""
        return self._run(
            lambda job: build_document(job.store, request, job.cancel_event),
            self.tr("Preparing the preview…"),
            self._open_preview,
        )

    def print(self, request: PrintRequest) -> Operation:
        """Lay out in the background, then ask for the printer and print."""
        return self._run(
            lambda job: build_document(job.store, request, job.cancel_event),
            self.tr("Preparing to print…"),
            self._print_document,
        )

    # -- on the UI thread ---------------------------------------------------------------------

    def paint(self, printer: QPrinter, doc: Document) -> bool:
        """Paint the document into a printer (preview, PDF printer or real printer); False on error."""
        try:
            paint_printer(printer, doc)
        except Exception as exc:
            self._failed(exc, "")
            return False
        return True

    def _open_preview(self, doc: Document) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        configure_printer(printer, doc)
        dialog = QPrintPreviewDialog(printer, self.parent_widget)
        dialog.setWindowTitle(self.tr("Print preview"))
        fit_to_screen(dialog, 900, 760)

        def painted(target: QPrinter) -> None:
            if self.paint(target, doc):
                self.sig_preview_painted.emit(len(doc.pages))

        dialog.paintRequested.connect(painted)
        try:
            asks.show_print_preview(dialog)
        finally:
            dialog.deleteLater()

    def _print_document(self, doc: Document) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        configure_printer(printer, doc)
        if asks.ask_print(printer, self.parent_widget) and self.paint(printer, doc):
            self.sig_printed.emit(len(doc.pages))

    def _saved(self, paths: list[Path]) -> None:
        self.sig_saved.emit(paths)
        where = str(paths[0]) if len(paths) == 1 else str(paths[0].parent)
        asks.inform(self.parent_widget, self.tr("Saved"), self.tr("Saved to:\n%1").replace("%1", where))

    def _failed(self, exc: BaseException, _details: str) -> None:
        if isinstance(exc, Cancelled):
            self.sig_failed.emit("")
            return
        if isinstance(exc, (ValueError, OSError, MenuError, LookupError)):
            message = str(exc)
        else:
            message = self.tr("This could not be finished. Your data is safe; please try again.")
        self.sig_failed.emit(message)
        asks.warn(self.parent_widget, self.tr("Could not finish"), message)

    def _run(self, work: Callable[[Job], Any], label: str, on_success: Callable[[Any], None]) -> Operation:
        return self.runner.run(Operation(
            work=work, on_success=on_success, on_failure=self._failed, label=label, db_path=self.store_path
        ))


def template_titles() -> dict[str, str]:
    """Translated names of the templates, as the UI shows them."""
    return {
        "a4": QCoreApplication.translate("PrintBar", "A4 menu (several pages)"),
        "tent-a5": QCoreApplication.translate("PrintBar", "Table tents (A4 folded to A5, one per table)"),
        "stickers-a4": QCoreApplication.translate("PrintBar", "Product QR stickers (A4 sheet, 3 × 8)"),
        "thermal-58": QCoreApplication.translate("PrintBar", "Receipt menu (58 mm thermal paper)"),
        "thermal-80": QCoreApplication.translate("PrintBar", "Receipt menu (80 mm thermal paper)"),
    }


class ElidedComboBox(QComboBox):
    """A combo box that may be narrower than its text: it shows the text cut with "…", and the
    whole text as its tooltip."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.currentTextChanged.connect(self.setToolTip)

    def paintEvent(self, event: QPaintEvent) -> None:
        """Paint as a combo box does, the text elided to the room it has."""
        del event
        painter = QStylePainter(self)
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        painter.drawComplexControl(QStyle.ComplexControl.CC_ComboBox, option)
        room = self.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, option,
                                           QStyle.SubControl.SC_ComboBoxEditField, self)
        option.currentText = self.fontMetrics().elidedText(option.currentText, Qt.TextElideMode.ElideRight,
                                                           max(0, room.width() - 4))
        painter.drawControl(QStyle.ControlElement.CE_ComboBoxLabel, option)


class PrintBar(QWidget):
    """A row of print buttons: the layout to use, Print, Print preview, Save PDF, pictures, web page.

    `request_for(template)` says what to print now (None: nothing, it has told the user why).
    """

    sig_action_requested = Signal(str)
    """A button was pressed: "print", "preview", "pdf", "png" or "html"."""

    def __init__(
        self,
        actions: PrintActions,
        request_for: Callable[[str], PrintRequest | None],
        templates: Sequence[str] = tuple(TEMPLATES),
        *,
        html: bool = True,
        stem_for: Callable[[str], str] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.actions = actions
        self.request_for = request_for
        self.stem_for = stem_for or (lambda template: template)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.template_combo = ElidedComboBox()
        # sized by a few letters, not the longest title (cut with "…", whole in its tooltip): the
        # menus window then fits a 1024-pixel screen with large text
        self.template_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.template_combo.setMinimumContentsLength(4)
        titles = template_titles()
        for name in templates:
            self.template_combo.addItem(titles.get(name, TEMPLATES[name].title), name)
        self.template_label = QLabel(self.tr("Layout:"))
        row.addWidget(self.template_label)
        row.addWidget(self.template_combo, 1)
        self.template_label.setVisible(len(templates) > 1)
        self.template_combo.setVisible(len(templates) > 1)
        self.buttons: dict[str, QPushButton] = {}
        labels = {
            "print": self.tr("Print…"), "preview": self.tr("Print preview…"), "pdf": self.tr("Save PDF…"),
            "png": self.tr("Save pictures…"), "html": self.tr("Save web menu…"),
        }
        for key, text in labels.items():
            if key == "html" and not html:
                continue
            button = QPushButton(text)
            button.setAutoDefault(False)
            button.clicked.connect(lambda _=False, k=key: self.trigger(k))
            row.addWidget(button)
            self.buttons[key] = button
        self.buttons["print"].setProperty("primary", True)

    @property
    def template(self) -> str:
        """The chosen template name."""
        return str(self.template_combo.currentData())

    def set_template(self, name: str) -> None:
        """Choose a template by name."""
        self.template_combo.setCurrentIndex(max(0, self.template_combo.findData(name)))

    def trigger(self, key: str) -> Operation | None:
        """Run one action ("print", "preview", "pdf", "png", "html") for the current request."""
        self.sig_action_requested.emit(key)
        request = self.request_for(self.template)
        if request is None:
            return None
        stem = self.stem_for(self.template)
        if key == "print":
            return self.actions.print(request)
        if key == "preview":
            return self.actions.print_preview(request)
        if key == "pdf":
            return self.actions.save_pdf(request, stem)
        if key == "png":
            return self.actions.save_png(request, stem)
        return self.actions.save_html(request.menu_id)


__all__ = [
    "PrintActions", "PrintBar", "PrintRequest", "configure_printer", "page_size_for", "template_titles",
    "write_pngs",
]

"""Every question the menus UI asks the user, one small function each. Tests replace these
(pytest-qt's note on dialogs) so no modal dialog ever blocks a test run."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QImageReader
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QDialog, QFileDialog, QInputDialog, QWidget

from ui.dialogs import ask_save_path as ask_save_path
from ui.dialogs import confirm as confirm  # shared with the other windows; tests replace them here
from ui.dialogs import inform as inform
from ui.dialogs import warn as warn


def ask_text(parent: QWidget | None, title: str, label: str, text: str = "") -> str | None:
    """One line of text (a name); None when cancelled or left blank."""
    value, ok = QInputDialog.getText(parent, title, label, text=text)
    return value.strip() if ok and value.strip() else None






def ask_folder(parent: QWidget | None, title: str) -> Path | None:
    """A folder to write into; None when cancelled."""
    path = QFileDialog.getExistingDirectory(parent, title)
    return Path(path) if path else None


def ask_image(parent: QWidget | None) -> Path | None:
    """A picture file (the shop logo); None when cancelled."""
    kinds = " ".join(f"*.{bytes(f).decode()}" for f in QImageReader.supportedImageFormats())
    title = QCoreApplication.translate("MenusAsks", "Choose a picture")
    pictures = QCoreApplication.translate("MenusAsks", "Pictures")
    everything = QCoreApplication.translate("MenusAsks", "All files")
    path, _ = QFileDialog.getOpenFileName(parent, title, "", f"{pictures} ({kinds});;{everything} (*)")
    return Path(path) if path else None


def run_dialog(dialog: QDialog) -> bool:
    """Show a modal dialog (new menu, product picker, shop info, tables); True when accepted."""
    return dialog.exec() == QDialog.DialogCode.Accepted


def ask_print(printer: QPrinter, parent: QWidget | None) -> bool:
    """The system print dialog: the user picks the printer and paper; True to print."""
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(QCoreApplication.translate("MenusAsks", "Print"))
    return dialog.exec() == QDialog.DialogCode.Accepted


def show_print_preview(dialog: QPrintPreviewDialog) -> None:
    """Show the print preview (it prints from its own toolbar)."""
    dialog.exec()

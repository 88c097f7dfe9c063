"""Small question and message entry points shared by the main window. Tests replace these
(pytest-qt's note on dialogs): each is one function that shows one standard dialog."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QWidget

SPREADSHEET_FILTER = "*.xlsx *.xlsm *.xls *.xlsb *.ods *.et *.csv *.tsv"


def ask_open_spreadsheet(parent: QWidget | None) -> Path | None:
    """Ask which spreadsheet to import; None when cancelled."""
    title = QCoreApplication.translate("Dialogs", "Import a spreadsheet")
    kinds = QCoreApplication.translate("Dialogs", "Spreadsheets")
    everything = QCoreApplication.translate("Dialogs", "All files")
    path, _ = QFileDialog.getOpenFileName(parent, title, "", f"{kinds} ({SPREADSHEET_FILTER});;{everything} (*)")
    return Path(path) if path else None


def ask_photo_folder(parent: QWidget | None) -> Path | None:
    """Ask for a folder of product photos named by barcode, SKU or name; None when cancelled."""
    title = QCoreApplication.translate("Dialogs", "Choose the folder of product photos")
    path = QFileDialog.getExistingDirectory(parent, title)
    return Path(path) if path else None


def ask_save_path(parent: QWidget | None, title: str, suggested: str, filters: str) -> Path | None:
    """Ask where to save a file; None when cancelled."""
    path, _ = QFileDialog.getSaveFileName(parent, title, suggested, filters)
    return Path(path) if path else None


def ask_text(parent: QWidget | None, title: str, label: str, text: str = "") -> str | None:
    """Ask for one line of text; None when cancelled."""
    value, ok = QInputDialog.getText(parent, title, label, text=text)
    return value if ok else None


def confirm(parent: QWidget | None, title: str, text: str) -> bool:
    """A yes/no question; True for yes."""
    return QMessageBox.question(parent, title, text) == QMessageBox.StandardButton.Yes


def inform(parent: QWidget | None, title: str, text: str) -> None:
    """An information message with one OK button."""
    QMessageBox.information(parent, title, text)


def warn(parent: QWidget | None, title: str, text: str) -> None:
    """A warning message with one OK button."""
    QMessageBox.warning(parent, title, text)

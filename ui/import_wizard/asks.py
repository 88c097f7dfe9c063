"""The questions the import screens ask: one small function each, which tests replace
(pytest-qt's note on dialogs)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QWidget

from ui import dialogs
from ui.dialogs import confirm as confirm  # the one yes/no question; tests replace it here


def choose_file(parent: QWidget | None) -> Path | None:
    """Ask which spreadsheet to import; None when cancelled."""
    return dialogs.ask_open_spreadsheet(parent)


def choose_photo_folder(parent: QWidget | None) -> Path | None:
    """Ask for a folder of product photos named by barcode, SKU or name; None when cancelled."""
    return dialogs.ask_photo_folder(parent)


def report_path(parent: QWidget | None, suggested: Path) -> Path | None:
    """Ask where to save the rows to fix (an .xlsx); None when cancelled."""
    title = QCoreApplication.translate("ImportAsks", "Save the rows to fix")
    workbooks = QCoreApplication.translate("ImportAsks", "Excel workbook")
    path, _ = QFileDialog.getSaveFileName(parent, title, str(suggested), f"{workbooks} (*.xlsx)")
    if not path:
        return None
    out = Path(path)
    return out if out.suffix.lower() == ".xlsx" else out.with_name(out.name + ".xlsx")

"""The questions the import screens ask: one small function each, which tests replace
(pytest-qt's note on dialogs)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QWidget

from ui import dialogs
from ui.dialogs import confirm as confirm  # the one yes/no question; tests replace it here


def _tr(text: str) -> str:
    return QCoreApplication.translate("ImportAsks", text)


def choose_file(parent: QWidget | None) -> Path | None:
    """Ask which spreadsheet to import; None when cancelled."""
    return dialogs.ask_open_spreadsheet(parent)


def report_path(parent: QWidget | None, suggested: Path) -> Path | None:
    """Ask where to save the rows to fix (an .xlsx); None when cancelled."""
    path, _ = QFileDialog.getSaveFileName(
        parent, _tr("Save the rows to fix"), str(suggested), f"{_tr('Excel workbook')} (*.xlsx)"
    )
    if not path:
        return None
    out = Path(path)
    return out if out.suffix.lower() == ".xlsx" else out.with_name(out.name + ".xlsx")

"""The import screens: the wizard (choose, preview, import, fix, undo) and the import history.

Wire it to the main window with :func:`connect_main_window`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ui.import_wizard.history import ImportHistoryDialog
from ui.import_wizard.wizard import ImportWizard, open_wizard

__all__ = ["ImportHistoryDialog", "ImportWizard", "connect_main_window", "open_wizard"]


def connect_main_window(window: Any, store_path: Path) -> None:
    """Answer the main window's `sig_import_requested(path)` with the wizard; refresh after imports.

    `window` is a `ui.main_window.MainWindow` (its "coming soon" answer is disconnected).
    """

    def start(path: str) -> None:
        wizard = open_wizard(store_path, Path(path), window)
        wizard.sig_import_finished.connect(lambda _batch: window.refresh_all())
        wizard.sig_undone.connect(lambda _batch: window.refresh_all())

    window.disconnect_default_import()
    window.sig_import_requested.connect(start)

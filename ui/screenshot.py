"""Render a PortDesk window offscreen to a PNG (`portdesk screenshot`): docs, reviews and tests."""

from __future__ import annotations

import os
from pathlib import Path

VIEWS = ("main", "settings", "editor")
SIZES = {"main": (1200, 760), "settings": (520, 200), "editor": (900, 640)}


def save_screenshot(data_dir: Path, out: Path, view: str = "main", lang: str | None = None) -> None:
    """Render `view` ("main", "settings" or "editor") of the shop in `data_dir` to the PNG `out`."""
    if view not in VIEWS:
        raise ValueError(f"unknown view {view!r}; valid views: {', '.join(VIEWS)}")
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication, QWidget

    from catalog.store import Store
    from desktop.paths import database_path
    from ui import i18n, style
    from ui.app import ensure_app
    from ui.main_window import MainWindow
    from ui.product_editor import ProductEditor
    from ui.settings import AppSettings
    from ui.settings_dialog import SettingsDialog

    app = ensure_app()
    settings = AppSettings.load(Path(data_dir))
    i18n.install(lang or settings.language)
    style.apply(app, settings.large_font)
    store = Store.open(database_path(Path(data_dir)))
    window = MainWindow(store, Path(data_dir), settings)
    shown: QWidget = window
    try:
        if view == "settings":
            shown = SettingsDialog(settings, window)
        elif view == "editor":
            ids = store.products.ids()
            product = store.products.get(ids[0]) if ids else None
            shown = ProductEditor(store, lambda p: p, product, parent=window)
        width, height = SIZES[view]
        shown.resize(width, height)
        shown.show()
        for _ in range(3):
            QApplication.processEvents()
        window.runner.wait_idle()  # the sidebar counts: wait for them, then paint them
        QApplication.processEvents()
        pixmap = shown.grab()
        out = Path(out)
        out.parent.mkdir(parents=True, exist_ok=True)
        if not pixmap.save(str(out), "PNG"):
            raise OSError(f"cannot write {out}")
    finally:
        shown.close()
        window.close()
        window.deleteLater()
        if shown is not window:
            shown.deleteLater()
        QApplication.processEvents()
        store.close()

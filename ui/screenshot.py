"""Render a PortDesk window offscreen to a PNG (`portdesk screenshot`): docs, reviews and tests."""

from __future__ import annotations

import os
import time
from pathlib import Path

VIEWS = ("main", "settings", "editor", "import", "menus")
SIZES = {"main": (1200, 760), "settings": (520, 200), "editor": (900, 640), "import": (1100, 720), "menus": (1200, 760)}
# What the "import" view previews: a shopkeeper's price list with one row the import refuses.
SAMPLE_SHEET = """商品名称,规格,条码,售价,会员价,单位,分类,库存
青岛啤酒原浆,1L,6901035600156,¥26.00,22,杯,酒水/啤酒,10
青岛啤酒原浆,2L,,45元,,杯,酒水/啤酒,5
崂山可乐,330ml,6921581596048,3.5,,罐,酒水/饮料,100
花生米,,,abc,,份,凉菜,
辣炒蛤蜊,大份,,38,,份,海鲜,
"""


def save_screenshot(data_dir: Path, out: Path, view: str = "main", lang: str | None = None) -> None:
    """Render `view` ("main", "settings", "editor", "import" or "menus") of the shop in `data_dir` to
    the PNG `out`. "import" previews a small sample price list (written next to the database)."""
    if view not in VIEWS:
        raise ValueError(f"unknown view {view!r}; valid views: {', '.join(VIEWS)}")
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication, QWidget

    from catalog.store import Store
    from desktop.paths import database_path
    from ui import i18n, style
    from ui.app import ensure_app
    from ui.import_wizard import ImportWizard
    from ui.main_window import MainWindow
    from ui.menus.menu_editor import MenusDialog
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
        elif view == "import":
            sample = Path(data_dir) / "samples" / "价目表.csv"
            sample.parent.mkdir(parents=True, exist_ok=True)
            sample.write_text(SAMPLE_SHEET, encoding="utf-8")
            wizard = ImportWizard(database_path(Path(data_dir)), sample, window)
            wizard.runner.wait_idle()  # the file is read and planned in a worker
            shown = wizard
        elif view == "menus":
            shown = MenusDialog(database_path(Path(data_dir)), window)
        width, height = SIZES[view]
        shown.resize(width, height)
        shown.show()
        for _ in range(3):
            QApplication.processEvents()
        if isinstance(shown, MenusDialog):  # the A4 preview renders in a worker after a short pause
            deadline = time.monotonic() + 30
            while shown.preview.busy and time.monotonic() < deadline:
                QApplication.processEvents()
                time.sleep(0.01)
        window.runner.wait_idle()  # the sidebar counts: wait for them, then paint them
        QApplication.processEvents()
        # photos are decoded in the background: wait for them, take them in, then paint them
        window.model.photos.wait()
        if isinstance(shown, ImportWizard):
            shown.model.thumbnails.wait()
        for _ in range(2):
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

"""Fixtures for the GUI tests: a real shop database, a main window on it, a PNG photo.

Catalog-window test modules use `pytestmark = pytest.mark.usefixtures("english_ui", "no_unexpected_dialogs")`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication

from catalog.models import Product, Spec
from catalog.store import Store


@pytest.fixture(scope="session")
def qapp() -> QApplication:
    """The QApplication of the GUI tests (pytest-qt's fixture, overridden).

    Earlier tests in the same run may have painted with a plain QGuiApplication (menus, CLI);
    `ensure_app` replaces it by a QApplication once, before any widget exists. The UI speaks
    English, as the app does on an English system: its translator gives the plural forms.
    """
    from ui import i18n
    from ui.app import ensure_app

    app = ensure_app()
    i18n.install("en")
    return app


@pytest.fixture
def english_ui(qapp: object) -> Iterator[None]:
    """The UI in English (source strings) for the test, and again afterwards."""
    from ui import i18n

    i18n.install("en")
    yield
    i18n.install("en")


@pytest.fixture
def styled(qapp: QApplication) -> Iterator[Callable[[bool], None]]:
    """`styled(large)` applies PortDesk's style (normal or large text); the app's own look comes back afterwards."""
    from ui import style

    sheet, font, palette, name = qapp.styleSheet(), qapp.font(), qapp.palette(), qapp.style().name()
    yield lambda large: style.apply(qapp, large)
    qapp.setStyleSheet(sheet)
    qapp.setStyle(name)
    qapp.setPalette(palette)
    qapp.setFont(font)


@pytest.fixture
def no_unexpected_dialogs(monkeypatch: pytest.MonkeyPatch) -> None:
    """A modal dialog would hang an offscreen test: every entry point fails unless a test replaces it."""
    from ui import dialogs, errors, image_strip

    def unexpected(*args: object, **kwargs: object) -> None:
        raise AssertionError(f"unexpected dialog: {args[1:]!r}")

    for name in ("ask_open_spreadsheet", "ask_photo_folder", "ask_save_path", "ask_text", "confirm", "inform", "warn"):
        monkeypatch.setattr(dialogs, name, unexpected)
    monkeypatch.setattr(errors, "ask", unexpected)
    monkeypatch.setattr(image_strip, "ask_image_path", unexpected)


@pytest.fixture
def add_product(store: Store) -> Callable[..., Product]:
    """Save a product with one spec: add_product(name, barcode=..., sku=..., price=fen, category=path)."""

    def add(name: str, *, barcode: str | None = None, sku: str | None = None, price: int = 100,
            category: str | None = None, **fields: object) -> Product:
        cat_id = store.categories.ensure_path(category) if category else None
        spec = Spec(sku=sku, barcode=barcode, price_fen=price)
        return store.products.save(Product(name, category_id=cat_id, specs=[spec], **fields))  # type: ignore[arg-type]

    return add


@pytest.fixture
def beer_shop(add_product: Callable[..., Product]) -> dict[str, Product]:
    """A few beer-street products in two categories."""
    return {
        "qd": add_product("青岛啤酒", barcode="6901035600019", sku="QD500", price=800, category="酒水/啤酒"),
        "ls": add_product("崂山啤酒", barcode="6901035611111", sku="LS500", price=500, category="酒水/啤酒"),
        "gl": add_product("辣炒蛤蜊", sku="D001", price=3800, category="海鲜", kind="dish"),
        "sj": add_product("鲅鱼水饺", sku="D002", price=3200, category="主食", kind="dish"),
    }


@pytest.fixture
def window(qtbot: object, store: Store, data_dir: Path) -> Iterator[object]:
    """The main window on the test shop (shown, so views lay out and paint)."""
    from ui.main_window import MainWindow

    win = MainWindow(store, data_dir)
    qtbot.addWidget(win)  # type: ignore[attr-defined]
    win.show()
    qtbot.waitExposed(win)  # type: ignore[attr-defined]
    yield win
    win.shutdown()
    win.close()
    win.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def png_file(tmp_path: Path, qapp: object) -> Path:
    """A small real PNG photo on disk."""
    from PySide6.QtGui import QColor, QImage

    img = QImage(40, 30, QImage.Format.Format_RGB32)
    img.fill(QColor("#3a7"))
    path = tmp_path / "photo.png"
    assert img.save(str(path))
    return path

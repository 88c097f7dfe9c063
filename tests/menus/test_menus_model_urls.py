"""Qt-free parts: money formatting, stable URLs, the model, import hygiene."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

from menus import urls
from menus.model import Menu, MenuItem, Section, Shop, Spec, Table, as_menu
from menus.money import format_fen

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("fen", "text"),
    [(0, "¥0"), (3800, "¥38"), (1250, "¥12.50"), (1205, "¥12.05"), (1, "¥0.01"), (-150, "-¥1.50")],
)
def test_format_fen(fen: int, text: str) -> None:
    assert format_fen(fen) == text


def test_urls_offline_default_base_and_local_id() -> None:
    shop = Shop("老船长啤酒屋", local_id="shop-7f3a9c2e")
    menu = Menu("m1", "夏季菜单", "main", ())
    table = Table("t1", "A1", "A01", "大厅")
    assert urls.menu_url(shop, menu) == "https://port.shibei.example/m/shop-7f3a9c2e/main"
    assert urls.table_url(shop, menu, table) == "https://port.shibei.example/m/shop-7f3a9c2e/main?t=A01"
    assert urls.product_url(shop, "p-yj") == "https://port.shibei.example/p/shop-7f3a9c2e/p-yj"


def test_urls_connected_shop_uses_merchant_and_its_base() -> None:
    shop = Shop("x", base_url="https://port.qd.example/", merchant_id="M123", local_id="shop-1")
    assert urls.product_url(shop, "p 1/2") == "https://port.qd.example/p/M123/p%201%2F2"


def test_default_base_url_can_be_overridden_by_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(urls, "DEFAULT_BASE_URL", "http://127.0.0.1:8765")
    assert urls.menu_url(Shop("x", local_id="L1"), "main") == "http://127.0.0.1:8765/m/L1/main"


def test_table_url_ignores_menu_content() -> None:
    shop = Shop("x", local_id="L1")
    table = Table("t1", "A1", "A01")
    item = MenuItem("p1", "辣炒蛤蜊", (Spec("", 3800),))
    before = Menu("m1", "夏季菜单", "main", ())
    after = Menu("m2", "冬季菜单（新）", "main", (Section("海鲜", (item,)),))
    assert urls.table_url(shop, before, table) == urls.table_url(shop, after, table)


def test_empty_ids_are_refused() -> None:
    with pytest.raises(ValueError):
        urls.product_url(Shop("x", local_id="L1"), "")


def test_model_accepts_spec_tuples_and_checks_spicy() -> None:
    item = MenuItem("p1", "青岛啤酒原浆", [("1L", 3800, 3200), ("2L", 6800, None)])  # type: ignore[arg-type]
    assert item.specs == (Spec("1L", 3800, 3200), Spec("2L", 6800, None))
    with pytest.raises(ValueError):
        MenuItem("p2", "x", (), spicy_level=4)
    with pytest.raises(ValueError):
        MenuItem("p3", "  ", ())
    wrapped = as_menu([item])
    assert wrapped.items() == [item]


def test_qt_free_modules_import_with_pyside_blocked() -> None:
    code = (
        "import sys; sys.modules['PySide6'] = None\nimport menus.model, menus.urls, menus.money, menus.html\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)


def test_no_menus_module_imports_qtwidgets() -> None:
    for path in (ROOT / "menus").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom | ast.Import):
                names = (
                    [node.module or ""] if isinstance(node, ast.ImportFrom) else [a.name for a in node.names]
                )
                assert not any("QtWidgets" in n for n in names), path


def test_rendering_never_imports_qtwidgets() -> None:
    code = (
        "import sys, menus.render, menus.templates, menus.samples, menus.qr\n"
        "assert 'PySide6.QtWidgets' not in sys.modules, 'QtWidgets imported'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)

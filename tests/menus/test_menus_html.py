"""The static HTML menu: escaped, self-contained, complete."""

from __future__ import annotations

from pathlib import Path

from menus.html import build_html, write_html
from menus.model import Menu, MenuItem, Section, Shop, Spec
from menus.money import format_fen


def test_script_names_are_shown_as_text(shop: Shop) -> None:
    evil = MenuItem(
        'p"><img src=x onerror=alert(2)>',
        "<script>alert(1)</script>",
        (Spec("<b>大</b>", 1200, 1000),),
        description='" onmouseover="alert(3)',
        allergens=("<i>x</i>",),
        unit="<u>",
    )
    menu = Menu("m", "<style>body{display:none}</style>", "main", (Section("</section><script>", (evil,)),))
    html = build_html(Shop("<svg onload=alert(4)>", phone='"><script>', local_id="L"), menu)
    assert "<script" not in html and "<svg" not in html and "<img src=x" not in html and "<b>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert 'onmouseover="alert' not in html
    assert html.count("<style>") == 1  # only our own stylesheet


def test_html_menu_is_complete_and_self_contained(shop: Shop, menu: Menu, tmp_path: Path) -> None:
    path = write_html(shop, menu, tmp_path / "site")
    assert path == tmp_path / "site" / "index.html"
    html = path.read_text(encoding="utf-8")
    assert 'name="viewport"' in html and "<style>" in html
    for item in menu.items():
        assert item.name in html
        for spec in item.specs:
            assert format_fen(spec.price_fen) in html
    assert "已售罄" in html and "中辣" in html and "含贝类" in html
    assert 'src="data:image/png;base64,' in html  # logo and photos inlined: works from disk
    assert 'src="http' not in html and '<link rel="stylesheet"' not in html
    assert list((tmp_path / "site").iterdir()) == [path]  # no temp file left behind


def test_a_dish_without_a_price_shows_the_days_price(shop: Shop) -> None:
    menu = Menu("m", "海鲜", "main", (Section("海鲜", (MenuItem("p1", "清蒸大虾", (Spec("", 0),), unit="斤"),
                                                       MenuItem("p2", "辣炒梭子蟹", (Spec("", 16800, market_price=True),)))),))
    html = build_html(shop, menu)
    assert html.count(">时价<") == 2 and "¥0" not in html and "168" not in html


def test_the_default_unit_is_not_printed(shop: Shop) -> None:
    items = (MenuItem("p1", "老醋蛰头", (Spec("", 2800),), unit="件"), MenuItem("p2", "鲅鱼水饺", (Spec("", 2000),), unit="斤"))
    html = build_html(shop, Menu("m", "菜单", "main", (Section("凉菜", items),)))
    assert "/件" not in html and "¥28" in html and "¥20/斤" in html

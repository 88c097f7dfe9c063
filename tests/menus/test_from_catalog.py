"""From the shop database to printed PDFs: the adapter, checked with real poppler and zbar tools."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from catalog.models import Product, Spec
from catalog.store import Store
from menus.from_catalog import all_products_menu, pick_menu, shop_from_store, tables_for
from menus.render import render_pdf


@pytest.fixture
def shop_store(store: Store) -> Store:
    store.set_setting("shop_name", "登州路老船长啤酒屋")
    seafood = store.categories.ensure_path("海鲜")
    beer = store.categories.ensure_path("啤酒")
    store.products.save(Product("辣炒蛤蜊", kind="dish", category_id=seafood, spicy_level=2, allergens=["shellfish"],
                                specs=[Spec("大份", price_fen=3800), Spec("小份", price_fen=2200)]))
    store.products.save(Product("青岛原浆", category_id=beer, specs=[Spec("1L", price_fen=2500, member_price_fen=2200)]))
    store.products.save(Product("毛豆", specs=[Spec(price_fen=1200)]))
    return store


def test_shop_local_id_is_stable(shop_store: Store) -> None:
    first = shop_from_store(shop_store)
    assert first.name == "登州路老船长啤酒屋" and len(first.local_id) == 12
    assert shop_from_store(shop_store).local_id == first.local_id


def test_all_products_menu_sections(shop_store: Store) -> None:
    menu = all_products_menu(shop_store)
    assert [s.title for s in menu.sections] == ["海鲜", "啤酒", "其他"]
    clams = menu.sections[0].items[0]
    assert (clams.name, clams.spicy_level, clams.allergens, [s.price_fen for s in clams.specs]) == (
        "辣炒蛤蜊", 2, ("shellfish",), [3800, 2200])


def test_a_spec_sold_at_the_days_price_prints_no_member_price(
    shop_store: Store, tmp_path: Path, pdf_text: Callable[[Path], str]
) -> None:
    """时价 beside "会员 ¥52" (the member price of the price set before) told a member the dish costs ¥52."""
    seafood = shop_store.categories.ensure_path("海鲜")
    shop_store.products.save(Product("原汁海螺", kind="dish", category_id=seafood, unit="斤", specs=[
        Spec("", price_fen=5800, member_price_fen=5200, market_price=True)]))
    menu = all_products_menu(shop_store)
    conch = next(i for s in menu.sections for i in s.items if i.name == "原汁海螺")
    assert [(s.market_price, s.member_price_fen) for s in conch.specs] == [(True, None)]
    beer = next(i for s in menu.sections for i in s.items if i.name == "青岛原浆")
    assert [s.member_price_fen for s in beer.specs] == [2200]  # a priced spec keeps its member price
    text = pdf_text(render_pdf("thermal-80", shop_from_store(shop_store), menu, [], tmp_path / "menu.pdf"))
    assert "时价" in text and "¥52" not in text and "¥22" in text


def test_unknown_menu_names_the_known_ones(shop_store: Store) -> None:
    shop_store.menus.create_from_categories("堂食")
    with pytest.raises(LookupError, match="堂食"):
        pick_menu(shop_store, "外卖")


def test_table_tents_from_the_database_decode_to_stable_urls(
    shop_store: Store, tmp_path: Path, decode_qr: Callable[[Path], list[list[str]]], pdf_text: Callable[[Path], str]
) -> None:
    record = shop_store.menus.create_from_categories("堂食菜单")
    shop_store.tables.bulk_create("大厅", "A", 1, 2)
    shop = shop_from_store(shop_store)
    menu = pick_menu(shop_store, "堂食菜单")
    out = render_pdf("tent-a5", shop, menu, tables_for(shop_store), tmp_path / "tents.pdf")
    urls = sorted({u for page in decode_qr(out) for u in page})
    base = f"https://port.shibei.example/m/{shop.local_id}/{record.slug}"
    assert urls == [f"{base}?t=A1", f"{base}?t=A2"]
    # editing the menu changes nothing in the tables' URLs
    record.name = "新菜单"
    record.sections.reverse()
    shop_store.menus.save(record)
    again = render_pdf("tent-a5", shop, pick_menu(shop_store, "新菜单"), tables_for(shop_store), tmp_path / "t2.pdf")
    assert sorted({u for page in decode_qr(again) for u in page}) == urls
    assert "登州路老船长啤酒屋" in pdf_text(again)

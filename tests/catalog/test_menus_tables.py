"""Stored menus and dining tables: stable slugs and codes, sections, outbox capture."""

from __future__ import annotations

import pytest

from catalog.menus import MenuError, MenuSection, slugify
from catalog.models import Product
from catalog.store import Store


def test_menu_from_categories_and_stable_slug(store: Store) -> None:
    seafood = store.categories.ensure_path("海鲜")
    beer = store.categories.ensure_path("啤酒")
    clams = store.products.save(Product("辣炒蛤蜊", kind="dish", category_id=seafood))
    store.products.save(Product("下架的菜", category_id=seafood, status="off"))
    draft = store.products.save(Product("青岛原浆", category_id=beer))
    menu = store.menus.create_from_categories("堂食菜单")
    assert menu.slug == "tangshicaidan"
    assert [(s.title, s.product_ids) for s in menu.sections] == [("海鲜", [clams.id]), ("啤酒", [draft.id])]  # pinyin order
    menu.name = "夏季菜单"
    menu.sections.reverse()
    store.menus.save(menu)
    again = store.menus.get(menu.id)
    assert again is not None and again.name == "夏季菜单" and again.slug == "tangshicaidan"
    assert [s.title for s in again.sections] == ["啤酒", "海鲜"]
    assert store.menus.find("tangshicaidan") == again == store.menus.find("夏季菜单")


def test_slugs_are_unique_and_ascii(store: Store) -> None:
    a = store.menus.create("外卖")
    store.menus.archive(a.id)
    b = store.menus.create("外卖")
    assert (a.slug, b.slug) == ("waimai", "waimai-2")
    assert slugify("Beer List 啤酒单!") == "beer-list-pijiudan"
    with pytest.raises(MenuError, match="already exists"):
        store.menus.create("外卖")


def test_sections_items_can_be_edited(store: Store) -> None:
    p1 = store.products.save(Product("毛豆"))
    p2 = store.products.save(Product("花生"))
    menu = store.menus.create("凉菜", [MenuSection("小吃", [p1.id, p2.id])])
    menu.sections[0].product_ids = [p2.id]
    menu.sections.append(MenuSection("新品", [p1.id]))
    store.menus.save(menu)
    got = store.menus.get(menu.id)
    assert got is not None
    assert [(s.title, s.product_ids) for s in got.sections] == [("小吃", [p2.id]), ("新品", [p1.id])]
    entities = {r.entity for r in store.outbox.pending()}
    assert {"menu", "menu_section", "menu_item"} <= entities


def test_tables_bulk_create_rename_keeps_code(store: Store) -> None:
    hall = store.tables.bulk_create("大厅", "A", 1, 12)
    assert [t.name for t in hall][:3] == ["A1", "A2", "A3"] and len(hall) == 12
    assert [t.code for t in hall][-1] == "A12"
    rooms = store.tables.bulk_create("二楼", "包间", 1, 2)
    assert [t.code for t in rooms] == ["ELBJ1", "ELBJ2"]
    terrace = store.tables.bulk_create("露台", "A", 1, 1)
    assert terrace[0].code == "A1-2"  # codes are unique across the shop
    store.tables.rename(hall[0].id, "窗边A1")
    renamed = next(t for t in store.tables.all() if t.id == hall[0].id)
    assert (renamed.name, renamed.code) == ("窗边A1", "A1")
    with pytest.raises(MenuError, match="already exists"):
        store.tables.bulk_create("大厅", "A", 12, 13)
    assert len(store.tables.all("大厅")) == 12  # all or none
    assert store.tables.areas() == ["二楼", "大厅", "露台"]


def test_archived_table_codes_are_never_reused(store: Store) -> None:
    (t,) = store.tables.bulk_create("大厅", "B", 1, 1)
    store.tables.archive([t.id])
    (again,) = store.tables.bulk_create("大厅", "B", 1, 1)
    assert again.code == "B1-2"


def test_bad_ranges_refused(store: Store) -> None:
    with pytest.raises(MenuError):
        store.tables.bulk_create("大厅", "A", 5, 1)
    with pytest.raises(MenuError):
        store.tables.bulk_create("大厅", "A", 1, 10_000)

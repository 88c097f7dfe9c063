"""The demo restaurant: realistic content, valid barcodes, pictures, one transaction, idempotent."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image

from catalog.demo import IMAGE_SIZE, MENU_NAME, SHOP_SETTINGS, ean13, ean13_valid, load_demo, stable_id
from catalog.models import ALLERGENS, Product
from catalog.products import ProductError
from catalog.store import Store


def _all(store: Store) -> list[Product]:
    products = [store.products.get(i) for i in store.products.ids(include_archived=True)]
    return [p for p in products if p is not None]


def _by_name(store: Store) -> dict[str, Product]:
    return {p.name: p for p in _all(store)}


def test_ean13_check_digit() -> None:
    assert ean13("400638133393") == "4006381333931"  # the textbook example
    assert ean13("690123456789") == "6901234567892"
    assert ean13_valid("4006381333931") and not ean13_valid("4006381333932")
    with pytest.raises(ValueError):
        ean13("12345")


def test_shop_settings_and_category_tree(shop: Store) -> None:
    for key, value in SHOP_SETTINGS.items():
        assert shop.get_setting(key) == value
    assert shop.get_setting("shop_name") == "登州路老船长啤酒屋"
    paths = {shop.categories.path_of(c.id) for c in shop.categories.all()}
    assert {"啤酒", "啤酒/原浆·扎啤", "啤酒/瓶装·罐装", "海鲜", "烧烤", "凉菜", "主食", "外带商品"} <= paths
    top = [c.name for c in shop.categories.all() if c.parent_id is None]
    assert top[0] == "啤酒"  # menu order, not pinyin order


def test_about_forty_products_with_valid_prices(shop: Store) -> None:
    products = _all(shop)
    assert 35 <= len(products) <= 50
    assert len({p.name for p in products}) == len(products)
    for p in products:
        assert p.category_id is not None, p.name
        assert p.specs, p.name
        for s in p.specs:
            assert s.price_fen > 0, p.name
            assert s.member_price_fen is not None and s.member_price_fen <= s.price_fen, p.name
            assert s.cost_fen is not None and s.cost_fen < s.price_fen, p.name
    skus = [s.sku for p in products for s in p.specs]
    assert all(skus) and len(set(skus)) == len(skus)


def test_barcodes_are_valid_ean13(shop: Store) -> None:
    codes = [s.barcode for p in _all(shop) for s in p.specs if s.barcode]
    assert len(codes) >= 12
    assert all(ean13_valid(c) for c in codes), codes
    assert len(set(codes)) == len(codes)
    beers = _by_name(shop)["青岛啤酒经典"]
    assert all(s.barcode and s.barcode.startswith("690") for s in beers.specs)
    found = shop.products.find_by_code(beers.specs[0].barcode or "")
    assert found == [(beers.id, beers.specs[0].id)]


def test_draft_beers_have_cup_sizes(shop: Store) -> None:
    products = _by_name(shop)
    assert [s.name for s in products["青岛原浆啤酒"].specs][:2] == ["1L", "2L"]
    assert any(s.name.startswith("扎") for s in products["青岛原浆啤酒"].specs)
    assert [s.name for s in products["青岛纯生扎啤"].specs] == ["330ml", "500ml"]
    assert shop.categories.path_of(products["青岛原浆啤酒"].category_id) == "啤酒/原浆·扎啤"
    assert "alcohol" in products["青岛原浆啤酒"].allergens
    assert "alcohol" not in products["青岛无醇啤酒"].allergens


def test_dishes_have_attributes_spicy_levels_and_allergens(shop: Store) -> None:
    dishes = [p for p in _all(shop) if p.kind == "dish"]
    assert len(dishes) >= 20
    groups = {g.name: g for p in dishes for g in p.attributes}
    assert [o.name for o in groups["口味"].options] == ["原味", "微辣", "中辣", "特辣"]
    assert [o.name for o in groups["做法"].options] == ["蒜蓉", "辣炒", "清蒸"]
    assert groups["口味"].kind == "taste" and groups["做法"].kind == "method"
    assert groups["加料"].kind == "addon" and groups["加料"].multi
    assert any(o.price_fen > 0 for o in groups["加料"].options)
    assert {p.spicy_level for p in dishes} >= {0, 1, 2, 3}
    for p in _all(shop):
        assert set(p.allergens) <= set(ALLERGENS), p.name
    clams = _by_name(shop)["辣炒蛤蜊"]
    assert clams.kind == "dish" and clams.spicy_level == 2 and clams.allergens == ["shellfish"]
    assert "crustacean" in _by_name(shop)["海捕大虾"].allergens


def test_a_dish_is_sold_out_and_a_beer_is_off_the_shelf(shop: Store) -> None:
    products = _all(shop)
    assert [p.name for p in products if p.sold_out] == ["清蒸梭子蟹"]
    assert any(p.status == "off" for p in products)
    assert [(p.name, s.price_fen) for p in products for s in p.specs if s.market_price] == [("原汁海螺", 5800)]  # 时价


def test_take_home_goods_have_shelf_life_and_retail_links(shop: Store) -> None:
    products = _by_name(shop)
    assert products["桶装青岛原浆"].shelf_life_days == 7
    assert "2L" in [s.name for s in products["桶装青岛原浆"].specs]
    assert products["真空包装鲅鱼水饺"].shelf_life_days and products["即食海蜇"].shelf_life_days
    take_home = shop.categories.ensure_path("外带商品")
    for p in products.values():
        if p.category_id == take_home:
            assert p.shelf_life_days is not None and p.kind == "goods", p.name
    spec_owner = {s.id: p for p in products.values() for s in p.specs}
    linked = {p.name: spec_owner[p.retail_spec_id].name for p in products.values() if p.retail_spec_id}
    assert linked["青岛原浆啤酒"] == "桶装青岛原浆"
    assert linked["鲅鱼水饺"] == "真空包装鲅鱼水饺"
    assert linked["老醋蜇头"] == "即食海蜇"
    for target in linked.values():
        assert products[target].category_id == take_home


def test_every_product_has_a_small_png_picture(shop: Store) -> None:
    products = _all(shop)
    digests = set()
    for p in products:
        assert len(p.images) == 1, p.name
        data = shop.media.get(p.images[0])
        assert data is not None and data.startswith(b"\x89PNG")
        assert len(data) < 60_000
        with Image.open(io.BytesIO(data)) as im:
            assert im.size == (IMAGE_SIZE, IMAGE_SIZE)
        digests.add(p.images[0])
    assert len(digests) == len(products)  # each picture has its own colours


def test_menu_and_tables(shop: Store) -> None:
    menu = shop.menus.find(MENU_NAME)
    assert menu is not None and menu.sections[0].title == "啤酒"
    on_menu = {pid for s in menu.sections for pid in s.product_ids}
    assert stable_id("product", "辣炒蛤蜊") in on_menu
    tables = shop.tables.all()
    assert len(tables) == 20 and all(t.menu_id == menu.id for t in tables)


def test_every_change_wrote_outbox_rows(shop: Store) -> None:
    rows = shop.outbox.pending(limit=10_000)
    inserted = {(r.entity, r.entity_id) for r in rows if r.op == "insert"}
    for p in _all(shop):
        assert ("product", p.id) in inserted, p.name
        for s in p.specs:
            assert ("spec", s.id) in inserted
        assert ("media", p.images[0]) in inserted
    for c in shop.categories.all():
        assert ("category", c.id) in inserted
    images = shop.conn.execute("SELECT id FROM product_images").fetchall()
    assert all(("image", r[0]) in inserted for r in images)


def test_loading_twice_adds_nothing_and_keeps_edits(shop: Store) -> None:
    products, outbox, media = shop.products.count(), shop.outbox.count(), shop.conn.execute(
        "SELECT count(*) FROM media").fetchone()[0]
    clams = _by_name(shop)["辣炒蛤蜊"]
    clams.specs[0].price_fen = 3600
    shop.products.save(clams)
    after_edit = shop.outbox.count()
    assert load_demo(shop) == 0
    assert shop.products.count() == products
    assert shop.outbox.count() == after_edit > outbox
    assert shop.conn.execute("SELECT count(*) FROM media").fetchone()[0] == media
    assert len(shop.categories.all()) == 8 and len(shop.tables.all()) == 20
    assert _by_name(shop)["辣炒蛤蜊"].specs[0].price_fen == 3600


def test_ids_are_stable_across_databases(tmp_path: Path) -> None:
    ids = []
    for name in ("a.sqlite", "b.sqlite"):
        with Store.open(tmp_path / name) as s:
            load_demo(s)
            ids.append(sorted(s.products.ids(include_archived=True)))
    assert ids[0] == ids[1]
    assert stable_id("product", "辣炒蛤蜊") in ids[0]


def test_a_failed_load_leaves_nothing_behind(store: Store) -> None:
    from catalog.models import Spec

    store.products.save(Product("自家蛤蜊", specs=[Spec(sku="LC-HX-01", price_fen=100)]))  # takes a demo SKU
    outbox = store.outbox.count()
    with pytest.raises(ProductError, match="LC-HX-01"):
        load_demo(store)
    assert store.products.count() == 1
    assert store.categories.all() == []
    assert store.get_setting("shop_name") is None
    assert store.conn.execute("SELECT count(*) FROM media").fetchone()[0] == 0
    assert store.outbox.count() == outbox

"""Products and specs in a real SQLite file: save, load, archive, listing rows, outbox capture."""

from __future__ import annotations

import sqlite3
from decimal import Decimal
from pathlib import Path

import pytest

from catalog.models import AttributeGroup, AttributeOption, Product, Spec
from catalog.products import Cancelled, ProductError
from catalog.store import Store


def _beer() -> Product:
    return Product(
        "青岛啤酒原浆",
        unit="杯",
        specs=[
            Spec("1L", "QD-1L", "6901035600156", 2500, 2200, 900, Decimal("12.5")),
            Spec("2L", "QD-2L", None, 4500),
        ],
    )


def test_round_trip_keeps_every_field(store: Store) -> None:
    cat = store.categories.ensure_path("海鲜")
    digest = store.media.add(b"\x89PNG\r\n\x1a\n" + b"0" * 100)
    dish = Product(
        "辣炒蛤蜊", kind="dish", category_id=cat, unit="份", description="当天现捞", status="off", shelf_life_days=None,
        spicy_level=2, allergens=["shellfish"], sold_out=True, images=[digest],
        attributes=[AttributeGroup("口味", "taste", [AttributeOption("微辣"), AttributeOption("特辣")], required=True),
                    AttributeGroup("加料", "addon", [AttributeOption("加蒜", 200)], multi=True)],
        specs=[Spec("大份", price_fen=3800), Spec("小份", price_fen=2200)],
    )
    store.products.save(dish)
    loaded = store.products.get(dish.id)
    assert loaded is not None
    assert (loaded.name, loaded.kind, loaded.category_id, loaded.unit, loaded.status) == ("辣炒蛤蜊", "dish", cat, "份", "off")
    assert loaded.spicy_level == 2 and loaded.allergens == ["shellfish"] and loaded.sold_out
    assert loaded.attributes == dish.attributes
    assert [(s.name, s.price_fen) for s in loaded.specs] == [("大份", 3800), ("小份", 2200)]
    assert loaded.images == [digest]
    assert store.media.get(digest) is not None


def test_money_is_integer_fen_and_stock_is_three_decimals(store: Store) -> None:
    p = store.products.save(_beer())
    raw = store.conn.execute("SELECT price_fen, typeof(price_fen), stock_milli FROM specs WHERE sku = 'QD-1L'").fetchone()
    assert tuple(raw) == (2500, "integer", 12500)
    assert p.specs[0].stock == Decimal("12.500")


def test_removed_spec_is_archived_not_deleted(store: Store) -> None:
    p = store.products.save(_beer())
    dropped = p.specs[1].id
    p.specs = p.specs[:1]
    store.products.save(p)
    assert [s.name for s in store.products.get(p.id).specs] == ["1L"]  # type: ignore[union-attr]
    assert store.conn.execute("SELECT archived FROM specs WHERE id = ?", (dropped,)).fetchone()[0] == 1


def test_sku_used_by_another_product_is_refused_with_its_name(store: Store) -> None:
    store.products.save(_beer())
    other = Product("崂山啤酒", specs=[Spec(sku="QD-1L", price_fen=600)])
    with pytest.raises(ProductError, match=r"QD-1L.*青岛啤酒原浆"):
        store.products.save(other)
    assert store.products.get(other.id) is None


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"name": "  "}, "name"),
        ({"spicy_level": 5}, "Spicy"),
        ({"shelf_life_days": -1}, "Shelf life"),
    ],
)
def test_invalid_products_are_refused_with_a_reason(store: Store, change: dict[str, object], message: str) -> None:
    p = _beer()
    for k, v in change.items():
        setattr(p, k, v)
    with pytest.raises(ProductError, match=message):
        store.products.save(p)
    assert store.products.count() == 0


def test_negative_price_is_refused(store: Store) -> None:
    p = Product("毛豆", specs=[Spec(price_fen=-1)])
    with pytest.raises(ProductError, match="negative"):
        store.products.save(p)


def test_every_change_writes_outbox_rows_in_the_same_transaction(store: Store) -> None:
    p = store.products.save(_beer())
    rows = store.outbox.pending()
    assert {(r.entity, r.op) for r in rows} == {("product", "insert"), ("spec", "insert")}
    before = store.outbox.count()
    store.products.save(p)  # nothing changed: nothing to sync
    assert store.outbox.count() == before
    p.specs[0].price_fen = 2600
    store.products.save(p)
    last = store.outbox.pending()[-1]
    assert (last.entity, last.entity_id, last.op, last.fields) == ("spec", p.specs[0].id, "update", ["price_fen"])


def test_a_failed_batch_leaves_neither_rows_nor_outbox(store: Store) -> None:
    good = Product("崂山可乐", specs=[Spec(sku="LS-1", price_fen=300)])
    clash = Product("崂山可乐无糖", specs=[Spec(sku="LS-1", price_fen=300)])
    with pytest.raises(ProductError):
        store.products.save_many([good, clash])
    assert store.products.count() == 0
    assert store.outbox.count() == 0


def test_cancel_rolls_back_everything(store: Store) -> None:
    products = [Product(f"商品{i}", specs=[Spec(price_fen=i)]) for i in range(200)]
    calls = {"n": 0}

    def cancel() -> bool:
        calls["n"] += 1
        return calls["n"] > 3

    with pytest.raises(Cancelled):
        store.products.save_many(products, cancel=cancel)
    assert store.products.count() == 0
    assert store.outbox.count() == 0


def test_pulled_changes_are_not_echoed_to_the_outbox(store: Store) -> None:
    with store.outbox.capture_paused():
        store.conn.execute("INSERT INTO products (id, name) VALUES ('remote', '远端商品')")
    assert store.outbox.count() == 0
    store.conn.execute("UPDATE products SET name = '改名' WHERE id = 'remote'")
    assert [(r.op, r.fields) for r in store.outbox.pending()] == [("update", ["name"])]


def test_acknowledge_removes_only_acknowledged_rows(store: Store) -> None:
    store.products.save(_beer())
    rows = store.outbox.pending()
    assert store.outbox.acknowledge(rows[0].mutation_id) == 1
    assert [r.mutation_id for r in store.outbox.pending()] == [r.mutation_id for r in rows[1:]]


def test_archive_hides_from_listing_and_restore_brings_back(store: Store) -> None:
    p = store.products.save(_beer())
    store.products.set_archived([p.id])
    assert store.products.ids() == [] and store.products.count() == 0
    assert store.products.ids(include_archived=True) == [p.id]
    store.products.set_archived([p.id], archived=False)
    assert store.products.ids() == [p.id]


def test_rows_summarise_specs(store: Store) -> None:
    cat = store.categories.ensure_path("酒水/啤酒")
    p = _beer()
    p.category_id = cat
    store.products.save(p)
    (row,) = store.products.rows([p.id])
    assert (row.name, row.category, row.spec_count, row.min_price_fen, row.max_price_fen) == ("青岛啤酒原浆", "啤酒", 2, 2500, 4500)
    assert row.barcode == "6901035600156" and row.stock == Decimal("12.500")


def test_listing_sorts_by_pinyin(store: Store) -> None:
    for name in ["崂山可乐", "啊哈", "青岛啤酒", "白菜"]:
        store.products.save(Product(name))
    assert [r.name for r in store.products.rows(store.products.ids())] == ["啊哈", "白菜", "崂山可乐", "青岛啤酒"]


def test_category_filter_includes_subcategories(store: Store) -> None:
    drinks = store.categories.ensure_path("酒水")
    beer = store.categories.ensure_path("酒水/啤酒")
    a = store.products.save(Product("青岛啤酒", category_id=beer))
    b = store.products.save(Product("矿泉水", category_id=drinks))
    store.products.save(Product("花生"))
    assert set(store.products.ids(category_id=drinks)) == {a.id, b.id}
    assert store.products.ids(category_id=beer) == [a.id]


def test_sold_out_toggle(store: Store) -> None:
    p = store.products.save(_beer())
    store.products.set_sold_out(p.id, True)
    assert store.products.get(p.id).sold_out  # type: ignore[union-attr]


def test_each_thread_opens_its_own_store(tmp_path: Path) -> None:
    import threading

    path = tmp_path / "shared.sqlite"
    main = Store.open(path)
    errors: list[BaseException] = []

    def worker() -> None:
        try:
            with Store.open(path) as own:
                own.products.save(Product("线程商品"))
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    t = threading.Thread(target=worker)
    t.start()
    t.join()
    assert not errors
    assert main.products.count() == 1
    with pytest.raises(sqlite3.ProgrammingError):
        threading.Thread(target=lambda: main.products.count()).run() if False else _use_in_other_thread(main)
    main.close()


def _use_in_other_thread(store: Store) -> None:
    box: list[BaseException] = []

    def run() -> None:
        try:
            store.products.count()
        except BaseException as exc:
            box.append(exc)

    t = __import__("threading").Thread(target=run)
    t.start()
    t.join()
    raise box[0]


def test_get_many_keeps_the_order_and_leaves_out_unknown_ids(store: Store) -> None:
    made = [store.products.save(Product(f"商品{i}", specs=[Spec("大", price_fen=100 + i), Spec("小", price_fen=50 + i)]))
            for i in range(1203)]  # more than two chunks of 500
    wanted = [made[1200].id, "no-such-id", made[3].id, made[700].id]
    got = store.products.get_many(wanted)
    assert [p.name for p in got] == ["商品1200", "商品3", "商品700"]
    assert got == [store.products.get(i) for i in wanted if i != "no-such-id"]
    assert [(s.name, s.price_fen) for s in got[1].specs] == [("大", 103), ("小", 53)]
    assert store.products.get("no-such-id") is None


def test_price_ranges_say_shijia_for_specs_sold_at_the_days_price() -> None:
    from catalog.money import price_range

    assert price_range([1200]) == "¥12.00" and price_range([1800, 1200, None]) == "¥12.00–18.00"
    assert price_range([], market=True) == "时价" and price_range([None, None], market=True) == "时价"
    assert price_range([6800], market=True) == "¥68.00 / 时价" and price_range([], dash="-") == ""
    assert price_range([1200, 1800], dash="-") == "¥12.00-18.00"


def test_a_list_row_leaves_the_prices_of_a_spec_sold_at_the_days_price_out(store: Store) -> None:
    crab = store.products.save(Product(name="梭子蟹", kind="dish", specs=[
        Spec("活蟹", price_fen=16800, member_price_fen=15800, market_price=True), Spec("冻蟹", price_fen=8800, member_price_fen=8000)]))
    row = store.products.rows([crab.id])[0]
    assert (row.min_price_fen, row.max_price_fen, row.member_price_fen, row.market_price) == (8800, 8800, 8000, True)
    only = store.products.save(Product(name="海螺", kind="dish", specs=[Spec(price_fen=5800, member_price_fen=5200, market_price=True)]))
    row = store.products.rows([only.id])[0]
    assert (row.min_price_fen, row.member_price_fen, row.market_price) == (None, None, True)

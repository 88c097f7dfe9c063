"""A purchase list (进货单) gives the catalog its products and costs, never its sale prices or stock."""

from __future__ import annotations

from pathlib import Path

from catalog.store import Store
from importers.apply import apply_plan
from importers.plan import build_plan
from importers.table import read_table

PURCHASES = """日期,供应商,品名,规格,数量,单价,金额
2026-11-05,利群批发,青岛啤酒经典,500ml,24,3.2,76.8
2026-11-05,利群批发,崂山矿泉水,550ml,48,1.1,52.8
"""


def _specs(store: Store) -> list[tuple[str, int, int | None, int]]:
    return [tuple(r) for r in store.conn.execute(  # type: ignore[misc]
        "SELECT p.name, s.price_fen, s.cost_fen, s.stock_milli FROM specs s JOIN products p ON p.id = s.product_id"
        " ORDER BY p.name")]


def test_a_purchase_list_sets_costs_and_leaves_prices_and_stock(store: Store, tmp_path: Path) -> None:
    goods = tmp_path / "商品.csv"
    goods.write_text("品名,规格,售价,库存\n青岛啤酒经典,500ml,5,120\n崂山矿泉水,550ml,2,60\n", encoding="utf-8")
    apply_plan(store, build_plan(store, read_table(goods)))
    path = tmp_path / "十一月.csv"
    path.write_text(PURCHASES, encoding="utf-8")
    table = read_table(path)
    assert table.kind == "products" and table.mapping[5] == ("cost_fen", 0.95) and 4 not in table.mapping
    assert any("进货单" in zh and "进价" in zh for zh, _en in table.warnings)
    apply_plan(store, build_plan(store, table))
    assert _specs(store) == [("崂山矿泉水", 200, 110, 60_000), ("青岛啤酒经典", 500, 320, 120_000)]


def test_a_purchase_list_by_its_file_name(tmp_path: Path) -> None:
    path = tmp_path / "11月进货单.csv"
    path.write_text("品名,数量,单价\n青岛啤酒经典,24,3.2\n", encoding="utf-8")
    assert read_table(path).fields == {"name", "cost_fen"}


def test_a_product_list_with_a_supplier_column_keeps_its_sale_prices(tmp_path: Path) -> None:
    path = tmp_path / "商品.csv"
    path.write_text("品名,供应商,进价,售价,库存\n青岛啤酒经典,利群批发,3.2,5,120\n", encoding="utf-8")
    table = read_table(path)
    assert table.fields == {"name", "cost_fen", "price_fen", "stock"} and not table.warnings


def test_a_product_bought_again_takes_the_latest_cost_and_the_earlier_row_is_no_problem(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "进货.csv"
    path.write_text(PURCHASES + "2026-11-08,利群批发,青岛啤酒经典,500ml,24,3.3,79.2\n", encoding="utf-8")
    plan = build_plan(store, read_table(path))
    assert [(r.action, [i.code for i in r.issues]) for r in plan.rows] == [
        ("unchanged", ["bought_again"]), ("new", ["no_sale_price"]), ("new", ["no_sale_price"])]
    assert "第 4 行又进了一次" in plan.rows[0].issues[0].message_zh
    apply_plan(store, plan)
    assert [(name, cost) for name, _price, cost, _stock in _specs(store)] == [("崂山矿泉水", 110), ("青岛啤酒经典", 330)]


def test_a_product_new_in_a_purchase_list_starts_off_sale_and_a_new_spec_is_said(store: Store, tmp_path: Path) -> None:
    goods = tmp_path / "商品.csv"
    goods.write_text("品名,规格,售价\n青岛啤酒经典,500ml,5\n", encoding="utf-8")
    apply_plan(store, build_plan(store, read_table(goods)))
    path = tmp_path / "进货.csv"
    path.write_text("日期,供应商,品名,规格,数量,单价\n2026-11-05,利群,海天酱油,500ml,12,8.5\n"
                    "2026-11-05,利群,青岛啤酒经典,500ml*12,2,38\n", encoding="utf-8")
    plan = build_plan(store, read_table(path))
    assert [[i.code for i in r.issues] for r in plan.rows] == [["no_sale_price"], ["no_sale_price"]]
    apply_plan(store, plan)
    status = dict(store.conn.execute("SELECT name, status FROM products"))
    assert status == {"海天酱油": "off", "青岛啤酒经典": "on"}  # no ¥0 product on sale

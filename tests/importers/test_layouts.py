"""Rows holding several items: side-by-side blocks, and a price column per spec."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from catalog.store import Store
from importers import read_table
from importers.layouts import priced_specs, spec_price_columns
from importers.mapping import match_columns
from importers.readers import Cell


def _write(tmp_path: Path, text: str, name: str = "菜单.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("header", ["小份", "中杯", "大碗", "特大份", "例", "半只", "整只", "单人", "双人", "2人", "四人份",
                                    "330ml", "500ML", "1L", "1.5升", "500g", "8寸", "扎", "桶", "杯", "Small", "L"])
def test_spec_headers(header: str) -> None:
    headers = ["菜名", header]
    assert spec_price_columns(headers, match_columns(headers, "menu"), lambda c: [12, "¥15", "时价"]) == [1], header


@pytest.mark.parametrize("headers", [["菜名", "价格", "大份"], ["菜名", "规格", "大份"], ["条码", "大份"]])
def test_no_spec_columns_beside_a_price_or_spec_column_or_without_a_name(headers: list[str]) -> None:
    assert spec_price_columns(headers, match_columns(headers, "menu"), lambda c: [12]) == []


@pytest.mark.parametrize(("header", "cells"), [("备注", [12]), ("大份", ["好吃", "很辣", 12]), ("大份", [])])
def test_a_spec_column_holds_prices(header: str, cells: list[Cell]) -> None:
    headers = ["菜名", header]
    assert spec_price_columns(headers, match_columns(headers, "menu"), lambda c: cells) == []


def test_a_price_column_per_spec_gives_an_item_per_spec(tmp_path: Path) -> None:
    table = read_table(_write(tmp_path, "菜名,小份,大份,备注\n辣炒蛤蜊,28,38,招牌\n葱油花蛤,,36,\n米饭,,,\n"))
    assert {table.headers[c]: f for c, (f, _conf) in table.mapping.items()} == {
        "菜名": "name", "小份": "spec_price", "大份": "spec_price", "备注": "description"}
    assert table.spec_price_columns == [1, 2] and {"price_fen", "spec"} <= table.fields
    got = [(r.row_number, r.item, r.values.get("name"), r.values.get("spec"), r.values.get("price_fen"), r.values.get("description"))
           for r in table.rows]
    assert got == [(2, 0, "辣炒蛤蜊", "小份", 2800, "招牌"), (2, 1, "辣炒蛤蜊", "大份", 3800, "招牌"),
                   (3, 1, "葱油花蛤", "大份", 3600, None), (4, 2, "米饭", None, None, None)]  # a dish without prices
    assert [table.belongs(1, c) for c in range(4)] == [True, False, True, True]


def test_a_bad_price_names_its_own_cell(tmp_path: Path) -> None:
    table = read_table(_write(tmp_path, "菜名,小份,大份\n辣炒蛤蜊,28,abc\n葱油花蛤,26,36\n海肠捞饭,48,58\n香辣蟹,88,108\n"))
    assert [(r.row_number, i.column, i.header) for r in table.rows for i in r.issues] == [(2, "C", "大份")]


def test_the_user_can_turn_a_spec_column_off_or_on(tmp_path: Path) -> None:
    path = _write(tmp_path, "菜名,小份,大份\n辣炒蛤蜊,28,38\n")
    off = read_table(path, mapping_override={2: None})
    assert off.spec_price_columns == [1] and [r.values["spec"] for r in off.rows] == ["小份"]
    # a remembered mapping names every column: spec prices included
    again = read_table(path, mapping_override={0: "name", 1: "spec_price", 2: "spec_price"})
    assert [r.values["price_fen"] for r in again.rows] == [2800, 3800]
    odd = _write(tmp_path, "菜名,堂食,外卖\n辣炒蛤蜊,38,42\n", "堂食外卖.csv")  # not sizes: chosen by hand
    assert read_table(odd).spec_price_columns == []
    chosen = read_table(odd, mapping_override={1: "spec_price", 2: "spec_price"})
    assert [(r.values["spec"], r.values["price_fen"]) for r in chosen.rows] == [("堂食", 3800), ("外卖", 4200)]


def test_a_price_group_over_spec_columns_gives_an_item_per_spec(tmp_path: Path) -> None:
    """A two-row header "价格" merged over "小份 | 大份" was read as one price column (价格/小份): every
    大份 price was dropped without a word, its typos too."""
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    for row in (["海鲜菜单"], ["菜名", "价格", None, "分类"], [None, "小份", "大份", None], ["辣炒蛤蜊", 28, 38, "海鲜"],
                ["清蒸鲅鱼", "时价", "x", "海鲜"], ["海肠捞饭", 58, -8, "主食"]):
        ws.append(row)
    for merged in ("A1:D1", "B2:C2", "A2:A3", "D2:D3"):
        ws.merge_cells(merged)
    wb.save(tmp_path / "菜单.xlsx")
    table = read_table(tmp_path / "菜单.xlsx")
    assert {table.headers[c]: f for c, (f, _conf) in table.mapping.items()} == {
        "菜名": "name", "价格/小份": "spec_price", "价格/大份": "spec_price", "分类": "category"}
    got = [(r.row_number, r.values.get("spec"), r.values.get("price_fen"), [(i.column, i.code) for i in r.issues])
           for r in table.rows]
    assert got == [(4, "小份", 2800, []), (4, "大份", 3800, []), (5, "小份", None, [("B", "market_price")]),
                   (5, "大份", None, [("C", "bad_money")]), (6, "小份", 5800, []), (6, "大份", None, [("C", "negative_price")])]
    # the error report's one-row header "价格/大份" reads the same
    again = read_table(_write(tmp_path, "菜名,价格/小份,价格/大份\n清蒸鲅鱼,,30\n", "待修正.csv"))
    assert [(r.values.get("spec"), r.values.get("price_fen")) for r in again.rows] == [("大份", 3000)]


@pytest.mark.parametrize(("price", "spec", "pairs"), [
    ("小份28/大份38", "", [("小份", "28"), ("大份", "38")]),
    ("小份：28 大份：38", "", [("小份", "28"), ("大份", "38")]),
    ("例 38，半只 68", "", [("例", "38"), ("半只", "68")]),
    ("8元/杯 25元/扎", "", [("杯", "8"), ("扎", "25")]),
    ("28/38", "小/大", [("小", "28"), ("大", "38")]),
    ("12元(小) 18元(大)", "", [("小", "12"), ("大", "18")]),  # the spec in brackets after its price
    ("12(小)/18(大)", "", [("小", "12"), ("大", "18")]),
    ("小份12/大份-5", "", [("小份", "12"), ("大份", "-5")]),  # a negative price stays one (then refused)
    ("12元(约500g)", "", None),  # one price and a note
    ("12.5元/斤", "", None),  # one price per unit
    ("¥12", "", None), (12, "", None), ("时价", "", None), ("小份28", "", None),
    ("28/38", "", None),  # two prices, no specs to tell them apart: the cell's error
    ("28/38", "小/中/大", None),
])
def test_priced_specs(price: Cell, spec: Cell, pairs: list[tuple[str, str]] | None) -> None:
    assert priced_specs(price, spec) == pairs


def test_a_price_cell_listing_specs_gives_an_item_per_spec(tmp_path: Path) -> None:
    table = read_table(_write(tmp_path, "菜名,规格,价格,单位\n辣炒蛤蜊,,小份28/大份38,份\n啤酒,,8元/杯 25元/扎,\n"
                                        "葱油花蛤,小/大,26/36,份\n香辣蟹,,88,只\n"))
    got = [(r.row_number, r.item, r.values["name"], r.values.get("spec"), r.values.get("price_fen"), r.values.get("unit"))
           for r in table.rows]
    assert got == [(2, 0, "辣炒蛤蜊", "小份", 2800, "份"), (2, 1, "辣炒蛤蜊", "大份", 3800, "份"),
                   (3, 0, "啤酒", "杯", 800, None), (3, 1, "啤酒", "扎", 2500, None),
                   (4, 0, "葱油花蛤", "小", 2600, "份"), (4, 1, "葱油花蛤", "大", 3600, "份"),
                   (5, 0, "香辣蟹", None, 8800, "只")]


SIDE_BY_SIDE = [("菜名", "价格", None, "菜名", "价格"), ("一、凉菜", None, None, "三、主食", None),
                ("拍黄瓜", "小份12/大份18", None, "鲅鱼水饺", 20), ("老醋蛰头", 28, None, "米饭", 2),
                ("二、热菜", None, None, "四、酒水", None), ("辣炒蛤蜊", 38, None, "青岛啤酒", "8元/杯 25元/扎")]


def test_side_by_side_blocks_read_their_own_headings_and_spec_prices(store: Store, tmp_path: Path) -> None:
    from importers.apply import apply_plan
    from importers.plan import build_plan
    from tests.workbooks import write_book

    table = read_table(write_book(tmp_path / "菜单.xlsx", {"菜单": [list(r) for r in SIDE_BY_SIDE]}))
    got = [(r.values["name"], r.values.get("spec"), r.values.get("price_fen"), r.values.get("category")) for r in table.rows]
    assert sorted(got, key=str) == sorted([
        ("拍黄瓜", "小份", 1200, "凉菜"), ("拍黄瓜", "大份", 1800, "凉菜"), ("老醋蛰头", None, 2800, "凉菜"),
        ("鲅鱼水饺", None, 2000, "主食"), ("米饭", None, 200, "主食"), ("辣炒蛤蜊", None, 3800, "热菜"),
        ("青岛啤酒", "杯", 800, "酒水"), ("青岛啤酒", "扎", 2500, "酒水")], key=str)
    assert not any(r.issues for r in table.rows)  # no heading became a ¥0 dish
    assert any("第 2、5 行是分组标题（凉菜、主食、热菜、酒水）" in zh for zh, _en in table.warnings)
    plan = build_plan(store, table)
    beer = next(r for r in table.rows if r.values.get("spec") == "扎")
    assert table.shift(beer.item) == 3 and table.belongs(beer.item, 4) and not table.belongs(beer.item, 1)
    apply_plan(store, plan)
    assert store.products.count() == 6


def test_a_negative_price_among_a_cells_specs_is_a_problem_and_a_bracketed_note_no_price(tmp_path: Path) -> None:
    table = read_table(_write(tmp_path, "菜名,价格\n拍黄瓜,小份12/大份-5\n大虾,12元(小) 18元(大)\n"), kind="menu")
    got = [(r.values.get("spec"), r.values.get("price_fen"), [i.code for i in r.issues]) for r in table.rows]
    assert got == [("小份", 1200, []), ("大份", None, ["negative_price"]), ("小", 1200, []), ("大", 1800, [])]


@pytest.mark.parametrize("header", ["菜名,价格,,品名,单价", "菜名,价格,菜名,价钱"])
def test_a_block_whose_header_says_the_same_in_other_words_is_read_too(tmp_path: Path, header: str) -> None:
    gap = ",," if header.count(",") == 4 else ","
    text = f"{header}\n拍黄瓜,12{gap}米饭,2\n辣炒蛤蜊,28{gap}青岛啤酒,8\n"
    table = read_table(_write(tmp_path, text))
    assert sorted((r.values["name"], r.values["price_fen"]) for r in table.rows) == [
        ("拍黄瓜", 1200), ("米饭", 200), ("辣炒蛤蜊", 2800), ("青岛啤酒", 800)]

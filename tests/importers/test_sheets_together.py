"""The sheets of one list (a menu's 凉菜, 热菜, 酒水) are read as one table when no sheet is chosen."""

from __future__ import annotations

import shutil
from pathlib import Path

from openpyxl import load_workbook

from catalog.store import Store
from importers import read_table
from importers.apply import apply_plan, summary
from importers.plan import build_plan
from importers.report import write_error_report
from tests.workbooks import write_book

MENU = {
    "凉菜": [["菜名", "价格"], ["拍黄瓜", 12], ["老醋花生", 15]],
    "热菜": [["菜名", "价格"], ["辣炒蛤蜊", 38], ["一、海鲜"], ["清蒸大虾", "abc"], ["香辣蟹", 88]],
    "说明": [["本菜单价格含税"]],
}


def test_the_sheets_of_a_menu_are_one_table_with_their_names_as_categories(tmp_path: Path) -> None:
    table = read_table(write_book(tmp_path / "菜单.xlsx", MENU))
    assert table.sheets == ["凉菜", "热菜"] and table.sheet == "凉菜" and table.sheet_argument is None
    assert [(r.sheet, r.row_number, r.values["name"], r.values["category"]) for r in table.rows] == [
        ("凉菜", 2, "拍黄瓜", "凉菜"), ("凉菜", 3, "老醋花生", "凉菜"), ("热菜", 2, "辣炒蛤蜊", "热菜"),
        ("热菜", 4, "清蒸大虾", "热菜/海鲜"), ("热菜", 5, "香辣蟹", "热菜/海鲜")]  # a heading inside a sheet: a subcategory
    assert [(i.sheet, i.row, i.column) for r in table.rows for i in r.issues] == [("热菜", 4, "B")]
    assert "凉菜、热菜" in table.warnings[-1][0]
    one = read_table(tmp_path / "菜单.xlsx", sheet="热菜")  # a sheet chosen: that sheet alone
    assert one.sheets == ["热菜"] and [r.sheet for r in one.rows] == [None, None, None]
    assert "category" not in {f for f, _c in one.mapping.values()}
    assert [r.values.get("category") for r in one.rows] == [None, "海鲜", "海鲜"]
    # named as a group (热菜), the sheet read alone gives the products it creates that category, no others
    from catalog.store import Store
    from importers.apply import apply_plan
    from importers.plan import build_plan

    with Store.open(tmp_path / "shop.sqlite") as store:
        plan = build_plan(store, one)
        assert [r.category for r in plan.rows if r.action != "error"] == ["热菜", "海鲜"]
        apply_plan(store, plan)
        other = read_table(write_book(tmp_path / "价目表.xlsx", {"价目表": MENU["热菜"]}))
        assert [r.values.get("\x00default_category") for r in other.rows] == [None, None, None]  # 价目表 names no group


def test_copies_of_one_list_are_not_read_together(tmp_path: Path) -> None:
    """Monthly price lists share their products: only the first is read (choose another by name)."""
    months = {"10月": [["品名", "售价"], ["青岛纯生", 8], ["崂山可乐", 3]],
              "11月": [["品名", "售价"], ["青岛纯生", 9], ["崂山可乐", 3], ["雪碧", 3]]}
    table = read_table(write_book(tmp_path / "价目表.xlsx", months))
    assert table.sheets == ["10月"] and len(table.rows) == 2


def test_sheets_with_default_names_are_read_together_without_categories(tmp_path: Path) -> None:
    table = read_table(write_book(tmp_path / "商品.xlsx", {"Sheet1": [["品名", "售价"], ["可乐", 3]],
                                                      "Sheet2": [["品名", "售价"], ["雪碧", 3]]}))
    assert table.sheets == ["Sheet1", "Sheet2"] and [r.values.get("category") for r in table.rows] == [None, None]


def test_a_menu_of_sheets_imports_with_categories_and_reports_by_sheet(store: Store, tmp_path: Path) -> None:
    drinks = [["菜名", "价格"], ["青岛原浆", 25], ["崂山啤酒", 8], ["酸梅汤", 6], ["可乐", 5], ["拍黄瓜", 12]]
    path = write_book(tmp_path / "菜单.xlsx", {**MENU, "酒水": drinks})  # one name of five already seen: still its own list
    plan = build_plan(store, read_table(path))
    dup = next(r for r in plan.rows if r.action == "error" and r.name == "拍黄瓜")
    assert "「凉菜」第 2 行" in dup.issues[-1].message_zh and "row 2 of 凉菜" in dup.issues[-1].message_en
    assert dup.issues[-1].sheet == "酒水"
    result = summary(plan, apply_plan(store, plan))
    assert result["sheets"] == ["凉菜", "热菜", "酒水"] and result["created"] == 8
    paths = {r[0]: r[1] for r in store.conn.execute(
        "SELECT p.name, coalesce(parent.name || '/', '') || c.name FROM products p JOIN categories c ON c.id = p.category_id"
        " LEFT JOIN categories parent ON parent.id = c.parent_id")}
    assert paths == {"拍黄瓜": "凉菜", "老醋花生": "凉菜", "辣炒蛤蜊": "热菜", "香辣蟹": "热菜/海鲜", "青岛原浆": "酒水",
                     "崂山啤酒": "酒水", "酸梅汤": "酒水", "可乐": "酒水"}
    report = tmp_path / "report.xlsx"
    assert write_error_report(plan, report) == 2
    wb = load_workbook(report)
    assert wb.sheetnames == ["热菜", "酒水"]
    assert [r[:2] for r in wb["热菜"].iter_rows(values_only=True)] == [("菜名", "价格"), ("清蒸大虾", "abc")]
    assert "原文件「热菜」第 4 行" in wb["热菜"]["C2"].value
    # the same file again: every row recognised (the sheet's name is part of what it is known by)
    again = build_plan(store, read_table(path))
    assert [r.action for r in again.rows if r.known] == ["unchanged"] * 8


def test_the_report_of_sheets_read_together_imports_as_it_is(store: Store, tmp_path: Path) -> None:
    path = write_book(tmp_path / "菜单.xlsx", MENU)
    plan = build_plan(store, read_table(path))
    apply_plan(store, plan)
    report = tmp_path / "待修正.xlsx"
    write_error_report(plan, report)
    fixed = tmp_path / "改好.xlsx"
    shutil.copyfile(report, fixed)
    wb = load_workbook(fixed)
    wb["热菜"]["B2"] = 98
    wb.save(fixed)
    again = build_plan(store, read_table(fixed))
    assert [(r.action, r.name) for r in again.rows] == [("new", "清蒸大虾")]


def test_sheets_of_two_column_menus_keep_their_blocks(tmp_path: Path) -> None:
    two = {"凉菜": [["菜名", "价格", "菜名", "价格"], ["拍黄瓜", 12, "老醋花生", 15]],
           "热菜": [["菜名", "价格", "菜名", "价格"], ["辣炒蛤蜊", 38, "香辣蟹", 88]]}
    table = read_table(write_book(tmp_path / "两栏.xlsx", two))
    assert table.sheets == ["凉菜", "热菜"] and table.blocks == [0, 2]
    assert [(r.sheet, r.item, r.values["name"], r.values["category"]) for r in table.rows] == [
        ("凉菜", 0, "拍黄瓜", "凉菜"), ("凉菜", 1, "老醋花生", "凉菜"), ("热菜", 0, "辣炒蛤蜊", "热菜"), ("热菜", 1, "香辣蟹", "热菜")]
    assert [table.belongs(1, c) for c in range(4)] == [False, False, True, True]


def test_sheets_left_out_are_named(tmp_path: Path) -> None:
    months = {"10月": [["品名", "售价"], ["青岛纯生", 8], ["崂山可乐", 3]],
              "11月": [["品名", "售价"], ["青岛纯生", 9], ["崂山可乐", 3]],
              "供应商": [["供应商", "电话"], ["青啤经销", "0532-8888"]],
              "说明": [["本表价格含税"]]}
    table = read_table(write_book(tmp_path / "价目表.xlsx", months))
    notes = [en for _zh, en in table.warnings]
    assert any("The sheets 供应商 hold data too, under another header" in n for n in notes)
    assert any('The sheets 11月 list mostly the same products as "10月"' in n for n in notes)
    assert not any("说明" in n for n in notes)  # a note, not a table
    chosen = read_table(tmp_path / "价目表.xlsx", sheet="11月")  # a sheet chosen: nothing to say of the others
    assert not any("sheets" in en for _zh, en in chosen.warnings)


def test_a_ledger_is_read_one_sheet_at_a_time(tmp_path: Path) -> None:
    bills = {"账单": [["交易时间", "商品", "金额"], ["2026-11-01 12:00", "啤酒", 25]],
             "副本": [["交易时间", "商品", "金额"], ["2026-11-02 12:00", "海鲜", 88]]}
    table = read_table(write_book(tmp_path / "流水.xlsx", bills))
    assert table.kind == "ledger" and table.sheets == ["账单"] and len(table.rows) == 1
    assert "a ledger is imported one sheet at a time" in table.warnings[-1][1]

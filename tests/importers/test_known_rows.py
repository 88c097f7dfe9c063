"""Rows imported before are recognised by their raw cells, and the plan is exactly the full one.

Every scenario plans the file twice: on the shop database as it is (known rows used) and on a
copy whose remembered rows were deleted (every row compared in full). Both plans must agree row
by row: action, record ids, changes and problems.
"""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import openpyxl
import pytest

from catalog.batches import UndoRefused
from catalog.store import Store
from importers.apply import apply_plan
from importers.lookups import Lookups
from importers.plan import ImportPlan, build_plan
from importers.table import read_table

GOODS = """商品名称,规格,货号,条码,售价,单位,分类,库存
青岛啤酒原浆,1L,,6901035600156,25,杯,酒水/啤酒,10
青岛啤酒原浆,2L,,,45,杯,酒水/啤酒,5
崂山可乐,330ml,KL-1,6921581596048,3.5,罐,酒水/饮料,100
花生米,,,,abc,份,凉菜,
辣炒蛤蜊,大份,,,38,份,海鲜,
辣炒蛤蜊,小份,,,28,份,海鲜,
"""


def _write(tmp_path: Path, text: str, name: str = "goods.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _outcome(plan: ImportPlan) -> list[tuple[object, ...]]:
    return [(r.row_number, r.action, r.product_id if r.action == "unchanged" else None,
             r.spec_id if r.action == "unchanged" else None, dict(r.diffs), [(i.code, i.column) for i in r.issues])
            for r in plan.rows]


def _plan_both(store: Store, path: Path, tmp_path: Path, **options: object) -> ImportPlan:
    """The plan with known rows, after checking it against the full comparison on a copy."""
    plan = build_plan(store, read_table(path), **options)  # type: ignore[arg-type]
    copy = tmp_path / "full.sqlite"
    store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    shutil.copyfile(store.path, copy)
    with Store.open(copy) as full:
        full.conn.execute("UPDATE specs SET import_key = NULL")
        reference = build_plan(full, read_table(path), **options)  # type: ignore[arg-type]
    copy.unlink()
    assert not any(r.known for r in reference.rows)
    assert _outcome(plan) == _outcome(reference)
    return plan


def _known(plan: ImportPlan) -> list[int]:
    return [r.row_number for r in plan.rows if r.known]


def test_the_same_file_again_is_recognised_without_coercing(store: Store, tmp_path: Path) -> None:
    path = _write(tmp_path, GOODS)
    apply_plan(store, build_plan(store, read_table(path)))
    assert store.conn.execute("SELECT count(*) FROM specs WHERE import_key IS NOT NULL").fetchone()[0] == 5  # the five good rows
    table = read_table(path)
    plan = build_plan(store, table)
    assert _known(plan) == [2, 3, 4, 6, 7]
    assert [r.action for r in plan.rows] == ["unchanged", "unchanged", "unchanged", "error", "unchanged", "unchanged"]
    assert not any(r.coerced for r in table.rows)  # a plan keeps no values it works out
    assert apply_plan(store, plan) is None
    assert _plan_both(store, path, tmp_path).count("unchanged") == 5


def test_an_edited_cell_is_compared_in_full(store: Store, tmp_path: Path) -> None:
    apply_plan(store, build_plan(store, read_table(_write(tmp_path, GOODS))))
    edited = _write(tmp_path, GOODS.replace("KL-1,6921581596048,3.5", "KL-1,6921581596048,4"), "edited.csv")
    plan = _plan_both(store, edited, tmp_path)
    assert _known(plan) == [2, 3, 6, 7]
    assert plan.rows[2].action == "changed" and plan.rows[2].diffs == {"price_fen": (350, 400)}
    apply_plan(store, plan)
    again = _plan_both(store, edited, tmp_path)
    assert _known(again) == [2, 3, 4, 6, 7]  # the changed row was remembered as it is now


def test_records_edited_by_hand_are_compared_in_full(store: Store, tmp_path: Path) -> None:
    path = _write(tmp_path, GOODS)
    apply_plan(store, build_plan(store, read_table(path)))
    (cola_id,) = {pid for pid, _sid in store.products.find_by_code("KL-1")}
    cola = store.products.get(cola_id)
    assert cola is not None
    store.products.save(dataclasses.replace(cola, specs=[dataclasses.replace(cola.specs[0], price_fen=300)]))
    (clam_id,) = store.products.ids(query="辣炒蛤蜊")
    clam = store.products.get(clam_id)
    assert clam is not None
    store.products.save(dataclasses.replace(clam, unit="盘"))
    plan = _plan_both(store, path, tmp_path)
    assert _known(plan) == [2, 3]
    assert [r.action for r in plan.rows[2:]] == ["changed", "error", "changed", "changed"]


def test_a_renamed_category_is_compared_in_full(store: Store, tmp_path: Path) -> None:
    path = _write(tmp_path, GOODS)
    apply_plan(store, build_plan(store, read_table(path)))
    seafood = next(c for c in store.categories.all() if c.name == "海鲜")
    store.categories.rename(seafood.id, "海产")
    plan = _plan_both(store, path, tmp_path)
    assert _known(plan) == [2, 3, 4]
    assert plan.rows[4].diffs == {"category": ("海产", "海鲜")}


def test_another_mapping_or_option_recognises_nothing(store: Store, tmp_path: Path) -> None:
    path = _write(tmp_path, GOODS)
    apply_plan(store, build_plan(store, read_table(path)))
    assert _known(_plan_both(store, path, tmp_path, overwrite_blanks=True)) == []
    remapped = build_plan(store, read_table(path, mapping_override={"库存": None}))
    assert not any(r.known for r in remapped.rows) and remapped.count("unchanged") == 5


def test_duplicate_rows_stay_errors(store: Store, tmp_path: Path) -> None:
    text = GOODS + "崂山可乐,330ml,KL-1,6921581596048,3.5,罐,酒水/饮料,100\n"
    path = _write(tmp_path, text)
    apply_plan(store, build_plan(store, read_table(path)))
    plan = _plan_both(store, path, tmp_path)
    assert plan.rows[-1].action == "error" and not plan.rows[-1].known and plan.rows[2].known


def test_rows_that_disagree_about_their_product_are_not_remembered(store: Store, tmp_path: Path) -> None:
    # two specs of one new product with different units: the product keeps the first
    text = "商品名称,规格,售价,单位\n扎啤,1L,20,杯\n扎啤,2L,36,桶\n"
    path = _write(tmp_path, text)
    apply_plan(store, build_plan(store, read_table(path)))
    assert store.conn.execute("SELECT count(*) FROM specs WHERE import_key IS NOT NULL").fetchone()[0] == 0
    plan = _plan_both(store, path, tmp_path)
    # the same file again changes nothing: the later row's other unit is no change back and forth
    assert [r.action for r in plan.rows] == ["unchanged", "unchanged"]


def test_a_later_import_that_changes_the_product_invalidates_its_rows(store: Store, tmp_path: Path) -> None:
    path = _write(tmp_path, GOODS)
    apply_plan(store, build_plan(store, read_table(path)))
    other = _write(tmp_path, "商品名称,规格,售价,单位\n辣炒蛤蜊,中份,33,盘\n", "other.csv")
    apply_plan(store, build_plan(store, read_table(other)))  # a new spec, and the product's unit changes
    plan = _plan_both(store, path, tmp_path)
    assert _known(plan) == [2, 3, 4]


def test_undo_and_archive_forget_rows(store: Store, tmp_path: Path) -> None:
    path = _write(tmp_path, GOODS)
    batch = apply_plan(store, build_plan(store, read_table(path)))
    assert batch is not None
    store.batches.undo(batch)
    assert store.conn.execute("SELECT count(*) FROM specs WHERE import_key IS NOT NULL").fetchone()[0] == 0  # removed with their specs
    apply_plan(store, build_plan(store, read_table(path)))
    (beer_id,) = store.products.ids(query="青岛啤酒原浆")
    store.products.set_archived([beer_id])
    plan = _plan_both(store, path, tmp_path)
    assert _known(plan) == [4, 6, 7] and [r.action for r in plan.rows[:2]] == ["new", "new"]


def test_the_prefetched_lookups_skip_the_index_for_a_file_imported_before(store: Store, tmp_path: Path) -> None:
    good = _write(tmp_path, GOODS.replace("花生米,,,,abc,份,凉菜,\n", ""), "good.csv")
    apply_plan(store, build_plan(store, read_table(good), lookups=Lookups.prefetch(store.path, good)))
    lookups = Lookups.prefetch(store.path, good)  # the same bytes: its rows are likely all known
    plan = build_plan(store, read_table(good), lookups=lookups)
    assert lookups.seen_before and plan.count("unchanged") == 5 and all(r.known for r in plan.rows)
    assert lookups._thread is not None
    lookups._thread.join(5)
    assert not lookups._thread.is_alive() and lookups._index is None  # never loaded
    # another file (a row changed): the index loads at once, while the file is parsed
    changed = _write(tmp_path, GOODS.replace(",38,", ",39,"), "b.csv")
    other = Lookups.prefetch(store.path, changed)
    assert other._thread is not None
    other._thread.join(5)
    assert not other.seen_before and other._index is not None
    plan = build_plan(store, read_table(changed), lookups=other)
    assert plan.count("changed") == 1 and plan.count("unchanged") == 4


def test_after_undo_a_restored_spec_no_longer_matches_its_newer_row(store: Store, tmp_path: Path) -> None:
    apply_plan(store, build_plan(store, read_table(_write(tmp_path, GOODS))))
    edited = _write(tmp_path, GOODS.replace(",3.5,", ",4,"), "edited.csv")
    batch = apply_plan(store, build_plan(store, read_table(edited)))  # the cola spec changes and keeps the new row
    assert batch is not None
    assert _known(_plan_both(store, edited, tmp_path)) == [2, 3, 4, 6, 7]
    store.batches.undo(batch)
    plan = _plan_both(store, edited, tmp_path)
    assert _known(plan) == [2, 3, 6, 7] and plan.rows[2].diffs == {"price_fen": (350, 400)}


def test_undo_refused_names_an_edited_spec_that_keeps_a_row(store: Store, tmp_path: Path) -> None:
    apply_plan(store, build_plan(store, read_table(_write(tmp_path, GOODS))))
    batch = apply_plan(store, build_plan(store, read_table(_write(tmp_path, GOODS.replace(",3.5,", ",4,"), "b.csv"))))
    assert batch is not None
    (cola_id,) = {pid for pid, _sid in store.products.find_by_code("KL-1")}
    cola = store.products.get(cola_id)
    assert cola is not None
    store.products.save(dataclasses.replace(cola, specs=[dataclasses.replace(cola.specs[0], member_price_fen=380)]))
    with pytest.raises(UndoRefused, match="330ml"):  # described without the spec's row key (JSON holds no bytes)
        store.batches.undo(batch)


def test_the_command_line_recognises_the_same_file(store: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import json

    from desktop.cli import main

    path = _write(tmp_path, GOODS)
    args = ["--data-dir", str(tmp_path / "data"), "import", str(path), "--json"]
    main(args)
    capsys.readouterr()
    main(args)
    again = json.loads(capsys.readouterr().out)
    assert (again["rows"], again["created"], again["updated"], again["unchanged"], again["batch"]) == (6, 0, 0, 5, None)
    assert [e["row"] for e in again["errors"]] == [5]


def test_a_row_that_changes_a_product_another_row_describes_is_not_trusted(store: Store, tmp_path: Path) -> None:
    path = _write(tmp_path, GOODS)
    apply_plan(store, build_plan(store, read_table(path)))
    # the big portion now says the unit is 盘, the small one still says 份: the product ends up 盘
    torn = _write(tmp_path, GOODS.replace("辣炒蛤蜊,大份,,,38,份", "辣炒蛤蜊,大份,,,38,盘"), "torn.csv")
    first = _plan_both(store, torn, tmp_path)
    assert [r.action for r in first.rows[4:]] == ["changed", "unchanged"] and first.rows[5].known
    apply_plan(store, first)
    again = _plan_both(store, torn, tmp_path)  # the small portion's row disagrees with the product: it stays 盘
    assert [r.action for r in again.rows[4:]] == ["unchanged", "unchanged"]
    assert store.conn.execute("SELECT unit FROM products WHERE name = '辣炒蛤蜊'").fetchone()[0] == "盘"


def test_a_new_spec_of_an_untouched_stored_product_is_recognised(store: Store, tmp_path: Path) -> None:
    apply_plan(store, build_plan(store, read_table(_write(tmp_path, GOODS))))
    other = _write(tmp_path, "商品名称,规格,售价,单位\n辣炒蛤蜊,中份,33,份\n", "other.csv")  # same unit: the product stays
    first = build_plan(store, read_table(other))
    assert [(r.action, r.new_spec, r.new_product) for r in first.rows] == [("new", True, False)]
    apply_plan(store, first)
    assert _known(_plan_both(store, other, tmp_path)) == [2]


def _menu_xlsx(path: Path, sections: list[tuple[str, list[tuple[str, float]]]]) -> Path:
    """A printed-menu style sheet: a title, a header, and each section's heading merged across."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["老船长啤酒屋菜单"])
    ws.merge_cells("A1:D1")
    ws.append(["序号", "菜名", "单位", "价格"])
    n = 0
    for i, (heading, dishes) in enumerate(sections):
        ws.append([f"{'一二三四五'[i]}、{heading}"])
        ws.merge_cells(f"A{ws.max_row}:D{ws.max_row}")
        for name, price in dishes:
            n += 1
            ws.append([n, name, "份", price])
    wb.save(path)
    return path


def test_headings_give_categories_and_moving_a_dish_is_seen(store: Store, tmp_path: Path) -> None:
    """The heading above a row is part of what a re-import recognises it by."""
    menu = [("凉菜", [("拍黄瓜", 12), ("老醋花生", 15)]), ("海鲜", [("辣炒蛤蜊", 38), ("清蒸大虾", 88)])]
    path = _menu_xlsx(tmp_path / "菜单.xlsx", menu)
    table = read_table(path)
    assert table.sections == [(3, "凉菜"), (6, "海鲜")] and [s.reason for s in table.skipped if s.row_number in (3, 6)] == [
        "section", "section"]
    assert "分组标题" in table.warnings[-1][0]
    apply_plan(store, build_plan(store, table))
    categories = dict(store.conn.execute(
        "SELECT p.name, c.name FROM products p JOIN categories c ON c.id = p.category_id").fetchall())
    assert categories == {"拍黄瓜": "凉菜", "老醋花生": "凉菜", "辣炒蛤蜊": "海鲜", "清蒸大虾": "海鲜"}

    assert _known(_plan_both(store, path, tmp_path)) == [4, 5, 7, 8]  # the same menu again
    # 老醋花生 moves under 海鲜 (same cells, same row number): compared in full, its category changes
    moved = _menu_xlsx(tmp_path / "菜单2.xlsx", [("凉菜", [("拍黄瓜", 12)]), ("海鲜", [("老醋花生", 15), ("辣炒蛤蜊", 38),
                                                                                  ("清蒸大虾", 88)])])
    plan = _plan_both(store, moved, tmp_path)
    assert [(r.action, dict(r.diffs)) for r in plan.rows if r.action != "unchanged"] == [
        ("changed", {"category": ("凉菜", "海鲜")})]


def test_a_category_column_wins_over_headings(store: Store, tmp_path: Path) -> None:
    path = _write(tmp_path, "序号,品名,分类,售价\n一、酒水,,,\n1,青岛纯生,啤酒,8\n2,崂山可乐,饮料,3\n", "酒水.csv")
    table = read_table(path)
    assert table.sections == [] and [s.reason for s in table.skipped] == ["section"]
    assert [r.values["category"] for r in table.rows] == ["啤酒", "饮料"]


def test_a_two_column_menu_imports_every_dish_and_is_recognised_again(store: Store, tmp_path: Path) -> None:
    """Both dishes of a row share its cells: which block an item comes from is part of its key."""
    path = _write(tmp_path, "菜名,价格,菜名,价格\n拍黄瓜,12,辣炒蛤蜊,38\n老醋花生,15,清蒸大虾,88\n", "两栏菜单.csv")
    plan = build_plan(store, read_table(path))
    assert [(r.row_number, r.action, r.name) for r in plan.rows] == [
        (2, "new", "拍黄瓜"), (2, "new", "辣炒蛤蜊"), (3, "new", "老醋花生"), (3, "new", "清蒸大虾")]
    apply_plan(store, plan)
    prices = dict(store.conn.execute("SELECT p.name, s.price_fen FROM specs s JOIN products p ON p.id = s.product_id").fetchall())
    assert prices == {"拍黄瓜": 1200, "辣炒蛤蜊": 3800, "老醋花生": 1500, "清蒸大虾": 8800}
    again = _plan_both(store, path, tmp_path)
    assert _known(again) == [2, 2, 3, 3] and again.count("unchanged") == 4
    # the two dishes of row 3 swap places: each is compared in full, and nothing changes
    swapped = _write(tmp_path, "菜名,价格,菜名,价格\n拍黄瓜,12,辣炒蛤蜊,38\n清蒸大虾,88,老醋花生,15\n", "换位.csv")
    plan = _plan_both(store, swapped, tmp_path)
    assert _known(plan) == [2, 2] and plan.count("unchanged") == 4


def test_a_price_column_per_spec_imports_the_specs_and_is_recognised_again(store: Store, tmp_path: Path) -> None:
    path = _write(tmp_path, "酒水,杯,扎,桶\n青岛原浆,10,25,\n崂山啤酒,8,,120\n", "酒水单.csv")
    plan = build_plan(store, read_table(path))
    assert [(r.row_number, r.action, r.name, r.spec) for r in plan.rows] == [
        (2, "new", "青岛原浆", "杯"), (2, "new", "青岛原浆", "扎"), (3, "new", "崂山啤酒", "杯"), (3, "new", "崂山啤酒", "桶")]
    apply_plan(store, plan)
    specs = store.conn.execute("SELECT p.name, s.name, s.price_fen, s.sort_order FROM specs s JOIN products p"
                               " ON p.id = s.product_id ORDER BY p.name, s.sort_order").fetchall()
    assert [tuple(r) for r in specs] == [("崂山啤酒", "杯", 800, 0), ("崂山啤酒", "桶", 12000, 1),
                                         ("青岛原浆", "杯", 1000, 0), ("青岛原浆", "扎", 2500, 1)]
    assert _known(_plan_both(store, path, tmp_path)) == [2, 2, 3, 3]
    # a new price for 扎: that item alone is compared in full and changes
    dearer = _write(tmp_path, "酒水,杯,扎,桶\n青岛原浆,10,28,\n崂山啤酒,8,,120\n", "酒水单2.csv")
    plan = _plan_both(store, dearer, tmp_path)
    assert [(r.spec, r.action, dict(r.diffs)) for r in plan.rows if not r.known] == [
        ("杯", "unchanged", {}), ("扎", "changed", {"price_fen": (2500, 2800)})]


def test_specs_listed_in_one_price_cell_are_imported_and_recognised_again(store: Store, tmp_path: Path) -> None:
    path = _write(tmp_path, "菜名,价格\n辣炒蛤蜊,小份28/大份38\n香辣蟹,88\n", "菜单.csv")
    plan = build_plan(store, read_table(path))
    assert [(r.name, r.spec, r.action) for r in plan.rows] == [("辣炒蛤蜊", "小份", "new"), ("辣炒蛤蜊", "大份", "new"),
                                                               ("香辣蟹", "", "new")]
    apply_plan(store, plan)
    assert _known(_plan_both(store, path, tmp_path)) == [2, 2, 3]
    dearer = _write(tmp_path, "菜名,价格\n辣炒蛤蜊,小份28/大份42\n香辣蟹,88\n", "菜单2.csv")
    plan = _plan_both(store, dearer, tmp_path)
    assert [(r.spec, r.action, dict(r.diffs)) for r in plan.rows if r.action != "unchanged"] == [
        ("大份", "changed", {"price_fen": (3800, 4200)})]


def test_a_known_first_row_still_decides_its_products_values(store: Store, tmp_path: Path) -> None:
    # two specs of one product with different units: the product keeps the first row's (杯)
    text = "商品名称,规格,售价,单位,保质期\n扎啤,1L,20,杯,12个月\n扎啤,2L,36,桶,365天\n"
    path = _write(tmp_path, text)
    apply_plan(store, build_plan(store, read_table(path)))
    apply_plan(store, build_plan(store, read_table(path)))  # unchanged: now its rows are remembered
    # only the 2L price is edited: the known 1L row still says what the product's unit and shelf life are
    plan = _plan_both(store, _write(tmp_path, text.replace("2L,36", "2L,38"), "edited.csv"), tmp_path)
    assert _known(plan) == [2]
    assert [r.diffs for r in plan.rows] == [{}, {"price_fen": (3600, 3800)}]
    apply_plan(store, plan)
    assert [tuple(r) for r in store.conn.execute("SELECT unit, shelf_life_days FROM products")] == [("杯", 360)]

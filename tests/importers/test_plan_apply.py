"""Plan, apply, re-import and undo, end to end on real files and a real SQLite database."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

import pytest
from openpyxl import load_workbook

from catalog.batches import UndoRefused, short_id
from catalog.models import Product, Spec
from catalog.products import Cancelled
from catalog.store import Store
from importers.apply import apply_plan, summary
from importers.plan import build_plan, kind_does_not_fit, no_product_column
from importers.report import REASON_HEADER, write_error_report
from importers.table import read_table

GOODS = """商品名称,规格,条码,售价,会员价,单位,分类,库存
青岛啤酒原浆,1L,6901035600156,¥25.00,22,杯,酒水/啤酒,10
青岛啤酒原浆,2L,,45元,,杯,酒水/啤酒,5
崂山可乐,330ml,6921581596048,3.5,,罐,酒水/饮料,100
,,,12,,,,
花生米,,,abc,,份,凉菜,
辣炒蛤蜊,大份,,38,,份,海鲜,
"""


def _write(tmp_path: Path, text: str, name: str = "goods.csv", encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding=encoding)
    return path


# What a spec remembers of the row that imported it is a cache (importers.known_rows): an undo
# leaves it stale, and a stale one never matches (tested in test_known_rows.py).
_CACHE = {"import_key", "import_state"}


def _snapshot(store: Store) -> list[tuple[object, ...]]:
    rows = []
    for table in ("categories", "products", "specs"):
        rows += [tuple(v for k, v in zip(r.keys(), r, strict=True) if k not in _CACHE)
                 for r in store.conn.execute(f"SELECT * FROM {table} ORDER BY id")]
    return rows


def test_dry_run_counts_and_errors(store: Store, tmp_path: Path) -> None:
    plan = build_plan(store, read_table(_write(tmp_path, GOODS)))
    s = summary(plan, None)
    assert (s["rows"], s["created"], s["updated"], s["unchanged"]) == (6, 4, 0, 0)
    assert [(e["row"], e["column"]) for e in s["errors"]] == [(5, "A"), (6, "D")]
    assert s["header_row"] == 1 and s["mapping"]["售价"] == "price_fen"
    assert store.products.count() == 0  # a dry run writes nothing


def test_apply_groups_specs_and_creates_categories(store: Store, tmp_path: Path) -> None:
    plan = build_plan(store, read_table(_write(tmp_path, GOODS)))
    batch = apply_plan(store, plan)
    assert batch is not None
    assert store.products.count() == 3
    (beer,) = store.products.rows(store.products.ids(query="qdpj"))
    assert (beer.spec_count, beer.min_price_fen, beer.max_price_fen, beer.category, beer.unit) == (2, 2500, 4500, "啤酒", "杯")
    assert store.categories.path_of(store.products.get(beer.id).category_id) == "酒水/啤酒"  # type: ignore[union-attr]
    assert store.products.find_by_code("6921581596048")
    assert {r.entity for r in store.outbox.pending()} >= {"category", "product", "spec"}


def test_reimporting_the_same_file_changes_nothing(store: Store, tmp_path: Path) -> None:
    path = _write(tmp_path, GOODS)
    apply_plan(store, build_plan(store, read_table(path)))
    before, outbox = _snapshot(store), store.outbox.count()
    again = build_plan(store, read_table(path))
    assert [r.action for r in again.rows] == ["unchanged", "unchanged", "unchanged", "error", "error", "unchanged"]
    assert apply_plan(store, again) is None
    assert _snapshot(store) == before and store.outbox.count() == outbox


def test_changed_rows_show_field_diffs_and_blanks_do_not_overwrite(store: Store, tmp_path: Path) -> None:
    apply_plan(store, build_plan(store, read_table(_write(tmp_path, GOODS))))
    edited = GOODS.replace("¥25.00,22,杯", "26,,杯")  # new price, member price left blank
    plan = build_plan(store, read_table(_write(tmp_path, edited, "edited.csv")))
    assert plan.rows[0].action == "changed"
    assert plan.rows[0].diffs == {"price_fen": (2500, 2600)}
    apply_plan(store, plan)
    spec = store.products.get(store.products.find_by_code("6901035600156")[0][0]).specs[0]  # type: ignore[union-attr]
    assert (spec.price_fen, spec.member_price_fen) == (2600, 2200)
    blanked = build_plan(store, read_table(_write(tmp_path, edited, "edited2.csv")), overwrite_blanks=True)
    assert blanked.rows[0].diffs == {"member_price_fen": (2200, None)}


def test_match_by_sku_then_barcode_then_name_and_spec(store: Store, tmp_path: Path) -> None:
    kept = store.products.save(Product("旧名字", specs=[Spec("500ml", sku="QD-500", price_fen=800),
                                                         Spec("330ml", barcode="6901035603577", price_fen=600)]))
    other = store.products.save(Product("崂山可乐", specs=[Spec("330ml", price_fen=300)]))
    text = "名称,规格,货号,条码,售价\n青岛纯生,500ml,QD-500,,900\n青岛纯生,330ml,,6901035603577,650\n崂山可乐,330ml,,,350\n"
    plan = build_plan(store, read_table(_write(tmp_path, text)))
    assert [(r.action, r.spec_id) for r in plan.rows] == [
        ("changed", kept.specs[0].id), ("changed", kept.specs[1].id), ("changed", other.specs[0].id)]
    assert plan.rows[0].diffs["name"] == ("旧名字", "青岛纯生")


def test_undo_restores_exactly_the_state_before(store: Store, tmp_path: Path) -> None:
    store.products.save(Product("崂山可乐", specs=[Spec("330ml", barcode="6921581596048", price_fen=300)]))
    before = _snapshot(store)
    batch = apply_plan(store, build_plan(store, read_table(_write(tmp_path, GOODS))))
    assert batch is not None and _snapshot(store) != before
    store.batches.undo(batch)
    assert _snapshot(store) == before
    assert store.products.ids(query="qdpj") == []  # the search follows
    with pytest.raises(UndoRefused, match="already undone"):
        store.batches.undo(batch)


def test_undo_refused_when_a_later_import_changed_the_rows(store: Store, tmp_path: Path) -> None:
    first = apply_plan(store, build_plan(store, read_table(_write(tmp_path, GOODS))))
    second = apply_plan(store, build_plan(store, read_table(_write(tmp_path, GOODS.replace("3.5", "4"), "b.csv"))))
    assert first and second
    with pytest.raises(UndoRefused, match="changed after the import") as refused:
        store.batches.undo(first)
    assert f"The import {short_id(second)} (b.csv) changed them" in str(refused.value)  # what to undo first
    assert f"改过它们的导入是 {short_id(second)}（b.csv）" in str(refused.value)
    store.batches.undo(second)
    store.batches.undo(first)  # in reverse order both undo cleanly
    assert store.products.count() == 0


def test_undo_refused_names_what_uses_a_category_it_made(store: Store, tmp_path: Path) -> None:
    first = apply_plan(store, build_plan(store, read_table(_write(tmp_path, "商品名称,售价,分类\n酸梅汤,8,饮料\n", "a.csv"))))
    second = apply_plan(store, build_plan(store, read_table(_write(tmp_path, "商品名称,售价,分类\n橙汁,9,饮料\n", "b.csv"))))
    assert first and second
    with pytest.raises(UndoRefused) as refused:
        store.batches.undo(first)
    assert f'used by the product "橙汁". It was added by the later import {short_id(second)} (b.csv)' in str(refused.value)
    store.batches.undo(second)
    store.batches.undo(first)
    assert store.products.count() == 0 and store.categories.all() == []


def test_error_report_can_be_fixed_and_imported(store: Store, tmp_path: Path) -> None:
    plan = build_plan(store, read_table(_write(tmp_path, GOODS)))
    apply_plan(store, plan)
    report = tmp_path / "errors.xlsx"
    assert write_error_report(plan, report) == 2
    ws = load_workbook(report).active
    rows = [[c.value for c in r] for r in ws.iter_rows()]
    assert rows[0][-1] == REASON_HEADER and len(rows) == 3
    assert "abc" in [str(v) for v in rows[2]] and "valid amount" in rows[2][-1]
    ws.cell(row=3, column=4, value="8")  # the shopkeeper fixes the price
    ws.delete_rows(2)  # and drops the row without a name
    wb = ws.parent
    wb.save(report)
    fixed = build_plan(store, read_table(report))
    assert [r.action for r in fixed.rows] == ["new"]
    apply_plan(store, fixed)
    assert store.products.rows(store.products.ids(query="花生米"))[0].min_price_fen == 800


def test_gbk_csv_imports(store: Store, tmp_path: Path) -> None:
    path = _write(tmp_path, GOODS, "gbk.csv", encoding="gb18030")
    plan = build_plan(store, read_table(path))
    assert plan.count("new") == 4


def test_ledger_import_is_idempotent(store: Store, tmp_path: Path) -> None:
    text = "日期,商品,数量,金额,支付方式\n2024-03-01 12:30,青岛原浆 1L,2,50.00,微信\n2024-03-01 12:30,青岛原浆 1L,2,50.00,微信\n2024-03-02,毛豆,1,12,现金\n"
    path = _write(tmp_path, text, "ledger.csv")
    table = read_table(path)
    assert table.kind == "ledger"
    plan = build_plan(store, table)
    assert plan.count("new") == 3  # two identical sales on one day are two sales
    batch = apply_plan(store, plan)
    assert store.conn.execute("SELECT count(*), sum(amount_fen) FROM ledger_entries").fetchone()[:] == (3, 11200)
    again = build_plan(store, read_table(path))
    assert again.count("unchanged") == 3 and apply_plan(store, again) is None
    assert batch is not None
    store.batches.undo(batch)
    assert store.conn.execute("SELECT count(*) FROM ledger_entries").fetchone()[0] == 0


@pytest.mark.parametrize("checks_before_it_stops", [0, 1])
def test_stopping_a_ledger_import_rolls_it_back(store: Store, tmp_path: Path, checks_before_it_stops: int) -> None:
    """The wizard's "Stop importing" did nothing to a ledger: its entries were written all the same."""
    text = "日期,商品,数量,金额,支付方式\n2024-03-01 12:30,青岛原浆 1L,2,50.00,微信\n2024-03-02,毛豆,1,12,现金\n"
    plan = build_plan(store, read_table(_write(tmp_path, text, "ledger.csv")))
    asked: list[bool] = []

    def cancel() -> bool:  # stops at the first check, or at the next (after the entries are inserted)
        asked.append(True)
        return len(asked) > checks_before_it_stops

    with pytest.raises(Cancelled):
        apply_plan(store, plan, cancel=cancel)
    assert store.conn.execute("SELECT count(*) FROM ledger_entries").fetchone()[0] == 0
    assert store.conn.execute("SELECT count(*) FROM import_batches").fetchone()[0] == 0
    assert apply_plan(store, plan) is not None  # the same plan imports once not stopped
    assert store.conn.execute("SELECT count(*) FROM ledger_entries").fetchone()[0] == 2


def test_undo_refused_after_an_edit_in_the_app_names_the_record(store: Store, tmp_path: Path) -> None:
    batch = apply_plan(store, build_plan(store, read_table(_write(tmp_path, GOODS))))
    assert batch is not None
    [pid] = store.products.ids(query="崂山可乐")
    cola = store.products.get(pid)
    assert cola is not None
    cola.specs[0].price_fen = 400  # the shopkeeper edits a price after the import
    store.products.save(cola)
    with pytest.raises(UndoRefused, match="崂山可乐"):
        store.batches.undo(batch)
    assert store.products.count() == 3  # nothing was removed


def test_batch_records_only_updates_and_undo_writes_deletes_to_the_outbox(store: Store, tmp_path: Path) -> None:
    first = apply_plan(store, build_plan(store, read_table(_write(tmp_path, GOODS))))
    stamp = store.conn.execute("SELECT stamp FROM import_batches WHERE id = ?", (first,)).fetchone()[0]
    assert len(stamp) == len("2026-11-29T12:00:00.123456Z")  # microseconds: no other write stamps those
    kinds = {r[0] for r in store.conn.execute("SELECT entity FROM import_changes WHERE batch_id = ?", (first,))}
    assert kinds == {"category"}  # inserted products and specs are known by their stamp
    assert store.conn.execute("SELECT count(*) FROM products WHERE created_at = ? AND updated_at = ?", (stamp, stamp)).fetchone()[0] == 3
    pending = [(r.entity, r.op) for r in store.outbox.pending(limit=100)]
    assert pending.count(("product", "insert")) == 3 and pending.count(("spec", "insert")) == 4
    second = apply_plan(store, build_plan(store, read_table(_write(tmp_path, GOODS.replace("3.5", "4"), "b.csv"))))
    assert [r[0] for r in store.conn.execute("SELECT op FROM import_changes WHERE batch_id = ?", (second,))] == ["update"]
    assert second is not None and first is not None
    store.batches.undo(second)
    store.batches.undo(first)
    assert store.products.count() == 0
    # nothing was pushed yet: an import and its undo leave nothing to push, categories included
    assert store.outbox.pending(limit=1000) == []


def test_undo_after_a_push_writes_delete_rows(store: Store, tmp_path: Path) -> None:
    batch = apply_plan(store, build_plan(store, read_table(_write(tmp_path, GOODS))))
    assert batch is not None
    pushed = store.outbox.pending(limit=1000)
    store.outbox.record_sent(pushed[-1].mutation_id)  # a push left; its answer has not come back
    store.batches.undo(batch)
    ops = [(r.entity, r.op) for r in store.outbox.pending(limit=1000) if r.entity in ("product", "spec")]
    # the inserts may have been applied on the server: they stay, and deletes follow (specs first)
    assert ops == [("product", "insert")] * 3 + [("spec", "insert")] * 4 + [("spec", "delete")] * 4 + [("product", "delete")] * 3
    store.outbox.acknowledge(pushed[-1].mutation_id)  # the server answers at last
    assert [r.op for r in store.outbox.pending(limit=1000) if r.entity in ("product", "spec")] == ["delete"] * 7
    assert [r.op for r in store.outbox.pending(limit=1000) if r.entity == "category"] == ["delete"] * 4  # 酒水 啤酒 饮料 海鲜


def test_undo_of_a_batch_made_before_stamps_compares_the_after_copies(store: Store) -> None:
    """Batches written before schema level 4 kept a JSON copy of every record after the import
    (without the columns of later levels)."""
    saved = store.products.save(Product("老批次啤酒", specs=[Spec("1L", price_fen=1000)]))
    pid, spec_id = saved.id, saved.specs[0].id
    store.conn.execute("INSERT INTO import_batches (id, file_name, kind) VALUES ('old', 'old.xlsx', 'products')")
    for seq, (entity, table, rid) in enumerate((("product", "products", pid), ("spec", "specs", spec_id)), start=1):
        cols = [r[1] for r in store.conn.execute(f"PRAGMA table_info({table})")
                if r[1] not in ("updated_at", "created_at", "sort_key", "search_text", "import_key", "import_state")]
        after = store.conn.execute(
            f"SELECT json_object({', '.join(f'{c!r}, {c}' for c in cols)}) FROM {table} WHERE id = ?", (rid,)).fetchone()[0]
        store.conn.execute("INSERT INTO import_changes (batch_id, seq, entity, entity_id, op, after) VALUES ('old', ?, ?, ?, 'insert', ?)",
                           (seq, entity, rid, after))
    store.conn.execute("UPDATE specs SET price_fen = 1200 WHERE id = ?", (spec_id,))
    with pytest.raises(UndoRefused, match="规格“1L”"):
        store.batches.undo("old")
    store.conn.execute("UPDATE specs SET price_fen = 1000 WHERE id = ?", (spec_id,))
    assert store.batches.undo("old") == 2
    assert store.products.count() == 0


def test_undo_refused_when_a_spec_was_added_by_hand_to_an_imported_product(store: Store, tmp_path: Path) -> None:
    batch = apply_plan(store, build_plan(store, read_table(_write(tmp_path, GOODS))))
    assert batch is not None
    [pid] = store.products.ids(query="辣炒蛤蜊")
    clams = store.products.get(pid)
    assert clams is not None
    clams.specs.append(Spec("小份", price_fen=2800))  # the shopkeeper adds a spec in the app
    store.products.save(clams)
    with pytest.raises(UndoRefused, match="辣炒蛤蜊 小份"):  # undoing would delete it with the product
        store.batches.undo(batch)
    assert store.conn.execute("SELECT count(*) FROM specs WHERE name = '小份'").fetchone()[0] == 1


def test_specs_of_one_product_spread_over_chunks_are_numbered_and_searchable(
        store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import importers.apply

    monkeypatch.setattr(importers.apply, "_CHUNK", 2)  # rows 2 and 4 of the file land in different chunks
    store.products.save(Product("崂山可乐", specs=[Spec("330ml", barcode="6921581596048", price_fen=300)]))
    text = ("商品名称,规格,售价\n青岛啤酒原浆,1L,25\n崂山可乐,500ml,4\n青岛啤酒原浆,2L,45\n花生米,,8\n"
            "青岛啤酒原浆,5L,99\n崂山可乐,1L,6\n")
    batch = apply_plan(store, build_plan(store, read_table(_write(tmp_path, text))))
    assert batch is not None
    beer = store.products.get(store.products.ids(query="原浆")[0])
    cola = store.products.get(store.products.ids(query="可乐")[0])
    assert beer is not None and cola is not None
    assert [(s.name, s.sort_order) for s in beer.specs] == [("1L", 0), ("2L", 1), ("5L", 2)]
    assert [(s.name, s.sort_order) for s in cola.specs] == [("330ml", 0), ("500ml", 1), ("1L", 2)]
    assert store.products.ids(query="5l") == [beer.id]  # every spec is in the search text
    assert store.products.ids(query="500ml") == [cola.id]
    store.batches.undo(batch)
    assert store.products.count() == 1


def test_a_large_import_and_its_undo_leave_the_wal_to_the_close(tmp_path: Path) -> None:
    """Folding the WAL of a large import into the file (~0.3-0.5 s per 100,000 rows) happens when
    the importing store closes (after the wizard has shown the result), not inside the commit."""
    db = tmp_path / "shop.sqlite"
    rows = "\n".join(f"商品{i:05d} 很长的名字用来占地方{'啊' * 40},{i},{10 + i % 90}.50,饮料" for i in range(6000))
    src = _write(tmp_path, "品名,货号,售价,分类\n" + rows)

    def db_file() -> bytes:
        return hashlib.sha256(db.read_bytes()).digest()

    with Store.open(db) as ui:  # the main window's connection stays open meanwhile
        batch = None
        for step in ("import", "undo"):
            worker = Store.open(db)
            before = db_file()
            if step == "import":
                batch = apply_plan(worker, build_plan(worker, read_table(src)))
            else:
                assert batch is not None
                assert worker.batches.undo(batch) == 2 * 6000 + 1  # products, their specs, the category
            assert db_file() == before  # committed into the WAL only
            assert ui.conn.execute("SELECT count(*) FROM products").fetchone()[0] == (6000 if step == "import" else 0)
            worker.close()
            assert db_file() != before  # folded into the file
    assert db.stat().st_size > 4_000_000


def test_a_table_without_a_name_sku_or_barcode_column_cannot_be_imported(tmp_path: Path) -> None:
    table = read_table(_write(tmp_path, "序号,等级,备注\n1,一级,好\n2,二级,差\n", "检测.csv"))
    assert table.kind == "products"
    refused = no_product_column(table)
    assert refused is not None and refused.code == "no_product_column"
    assert "检测.csv" in refused.message_zh and "序号、等级、备注" in refused.message_zh
    assert "序号, 等级, 备注" in refused.message_en and "header row 1" in refused.message_en
    # a price list by barcode (or SKU) alone updates stored products: that is an import
    assert no_product_column(read_table(_write(tmp_path, "条码,售价\n6901035600156,26\n", "调价.csv"))) is None
    assert no_product_column(read_table(_write(tmp_path, "货号,售价\nQD-500,26\n", "调价2.csv"))) is None


def test_a_kind_chosen_that_the_table_cannot_be_says_so_in_one_sentence(tmp_path: Path) -> None:
    """A ledger chosen for a table without dates (or amounts), or a product list or menu chosen for a
    payment bill: one sentence naming the file, the sheet and what is missing, not every row's error."""
    no_dates = read_table(_write(tmp_path, "商品,数量,金额\n青岛啤酒,2,16\n", "卖货.csv"), kind="ledger")
    refused = kind_does_not_fit(no_dates)
    assert refused is not None and refused.code == "no_ledger_column"
    assert "卖货.csv" in refused.message_zh and "没有日期列" in refused.message_zh and "商品、数量、金额" in refused.message_zh
    assert "has no date column" in refused.message_en and "header row 1" in refused.message_en
    no_money = read_table(_write(tmp_path, "日期,商品\n2024-03-01,青岛啤酒\n", "卖货2.csv"), kind="ledger")
    assert "没有金额列" in (kind_does_not_fit(no_money) or pytest.fail()).message_zh
    bill = ("交易时间,交易类型,交易对方,商品,收/支,金额(元),支付方式,当前状态,交易单号\n"
            "2024-03-01 12:00:00,二维码收款,顾客A,/,收入,¥60.00,/,已收钱,1000050001\n")
    for kind, what in (("products", "商品清单"), ("menu", "菜单")):
        refused = kind_does_not_fit(read_table(_write(tmp_path, bill, "微信.csv"), kind=kind))
        assert refused is not None and refused.code == "bill_not_products"
        assert f"是微信支付账单，不能按{what}导入" in refused.message_zh and "a WeChat Pay bill" in refused.message_en
    for fits in (read_table(_write(tmp_path, bill, "微信.csv")), read_table(_write(tmp_path, GOODS)),
                 read_table(_write(tmp_path, "日期,商品,金额\n2024-03-01,青岛啤酒,16\n", "流水.csv"), kind="ledger")):
        assert kind_does_not_fit(fits) is None


def test_a_price_list_by_barcode_updates_the_stored_spec(store: Store, tmp_path: Path) -> None:
    apply_plan(store, build_plan(store, read_table(_write(tmp_path, GOODS))))
    plan = build_plan(store, read_table(_write(tmp_path, "条码,售价\n6901035600156,26.5\n6921581596048,4\n", "调价.csv")))
    assert [r.action for r in plan.rows] == ["changed", "changed"]
    apply_plan(store, plan)
    prices = dict(store.conn.execute("SELECT barcode, price_fen FROM specs WHERE barcode IS NOT NULL").fetchall())
    assert prices == {"6901035600156": 2650, "6921581596048": 400}


def test_a_woocommerce_export_imports_every_product(store: Store, data: Path) -> None:
    table = read_table(data / "woocommerce_sample_products.csv")
    plan = build_plan(store, table)
    assert (plan.row_count, plan.count("new"), plan.errors) == (24, 24, [])
    apply_plan(store, plan)
    hoodie = store.conn.execute(
        "SELECT s.price_fen, c.name FROM specs s JOIN products p ON p.id = s.product_id"
        " JOIN categories c ON c.id = p.category_id WHERE s.sku = 'cc-hoodie-with-logo'").fetchone()
    assert tuple(hoodie) == (4500, "Hoodies")  # "Clothing > Hoodies", its regular price 45
    parents = {r[0] for r in store.conn.execute("SELECT name FROM categories WHERE parent_id IS NULL")}
    assert "Clothing" in parents


def test_a_stock_list_of_unknown_skus_says_which_sku_in_its_cell(store: Store, tmp_path: Path) -> None:
    plan = build_plan(store, read_table(_write(tmp_path, "序号,货号,盘点数量\n1,A01,5\n2,A02,7\n", "盘点.csv")))
    issues = [i for r in plan.rows for i in r.issues]
    assert [(i.row, i.column, i.header, i.code, i.value) for i in issues] == [
        (2, "B", "货号", "unknown_sku", "A01"), (3, "B", "货号", "unknown_sku", "A02")]
    assert "A01" in issues[0].message_zh and "no name column" in issues[0].message_en


def test_a_market_price_adds_the_dish_with_a_warning(store: Store, tmp_path: Path) -> None:
    """Seafood sold at 时价 is no error: the dish is added without a price, and the plan says so."""
    plan = build_plan(store, read_table(_write(tmp_path, "菜名,单位,价格\n辣炒蛤蜊,份,38\n清蒸大虾,斤,时价/斤\n", "菜单.csv")))
    assert [r.action for r in plan.rows] == ["new", "new"] and plan.errors == []
    assert [(i.row, i.column, i.code, i.severity, i.value) for i in plan.warnings] == [(3, "C", "market_price", "warning", "时价/斤")]
    result = summary(plan, apply_plan(store, plan))
    assert result["created"] == 2 and result["errors"] == [] and [w["row"] for w in result["warnings"]] == [3]
    def prices() -> dict[str, tuple[int, int]]:
        return {r[0]: (r[1], r[2]) for r in store.conn.execute(
            "SELECT p.name, s.price_fen, s.market_price FROM specs s JOIN products p ON p.id = s.product_id")}

    assert prices() == {"辣炒蛤蜊": (3800, 0), "清蒸大虾": (0, 1)}
    # a stored price is kept when the sheet says 时价 (the last price the shop set)
    store.conn.execute("UPDATE specs SET price_fen = 12800 WHERE market_price = 1")
    again = build_plan(store, read_table(_write(tmp_path, "菜名,单位,价格\n清蒸大虾,斤,时价\n", "菜单2.csv")))
    assert [r.action for r in again.rows] == ["unchanged"]
    # a price today: sold at it; 时价 again the next day, for a dish that had a price
    today = build_plan(store, read_table(_write(tmp_path, "菜名,单位,价格\n清蒸大虾,斤,98\n辣炒蛤蜊,份,时价\n", "菜单3.csv")))
    assert [(r.action, r.diffs) for r in today.rows] == [
        ("changed", {"price_fen": (12800, 9800), "market_price": (1, 0)}), ("changed", {"market_price": (0, 1)})]
    apply_plan(store, today)
    assert prices() == {"辣炒蛤蜊": (3800, 1), "清蒸大虾": (9800, 0)}
    product = store.products.get(store.conn.execute("SELECT id FROM products WHERE name = '辣炒蛤蜊'").fetchone()[0])
    assert product is not None and product.specs[0].market_price and product.specs[0].price_fen == 3800


def test_a_dish_marked_sold_out_in_its_note_column_is_sold_out_without_that_note(store: Store, tmp_path: Path) -> None:
    """A 备注 of "今日估清" says the dish's state today: it is stored as sold out, not as its description."""
    menu = "菜名,价格,备注\n辣炒蛤蜊,38,今日估清\n鲅鱼水饺,30,手工现包\n清蒸大虾,88,已售罄！\n"
    plan = build_plan(store, read_table(_write(tmp_path, menu, "菜单.csv"), kind="menu"))
    assert [r.action for r in plan.rows] == ["new"] * 3 and plan.errors == []
    assert [(w.row, w.column, w.code) for w in plan.warnings] == [(2, "C", "sold_out_note"), (4, "C", "sold_out_note")]
    assert plan.warnings[0].message_en == '"今日估清": the dish is marked sold out (not its description)'
    apply_plan(store, plan)
    rows = store.conn.execute("SELECT name, sold_out, description FROM products ORDER BY name").fetchall()
    assert sorted(tuple(r) for r in rows) == sorted([("辣炒蛤蜊", 1, ""), ("鲅鱼水饺", 0, "手工现包"), ("清蒸大虾", 1, "")])
    again = build_plan(store, read_table(_write(tmp_path, menu, "菜单.csv"), kind="menu"))
    assert {r.action for r in again.rows} == {"unchanged"}
    # the next day: the status column's 上架 puts 辣炒蛤蜊 back on sale, and the note no longer
    # saying 估清 puts 清蒸大虾 back (a status column says it when it has a value: 鲅鱼水饺 is sold out)
    today = build_plan(store, read_table(_write(
        tmp_path, "菜名,价格,状态,备注\n辣炒蛤蜊,38,上架,今日估清\n清蒸大虾,88,,\n鲅鱼水饺,30,估清,手工现包\n", "菜单2.csv"), kind="menu"))
    assert [(r.name, r.action, r.diffs.get("sold_out")) for r in today.rows] == [
        ("辣炒蛤蜊", "changed", (1, 0)), ("清蒸大虾", "changed", (1, 0)), ("鲅鱼水饺", "changed", (0, 1))]
    assert [i.code for r in today.rows for i in r.issues] == []  # the note said nothing that decided
    apply_plan(store, today)
    assert dict(store.conn.execute("SELECT name, sold_out FROM products").fetchall()) == {"辣炒蛤蜊": 0, "鲅鱼水饺": 1, "清蒸大虾": 0}
    # 下架 says nothing about sold out: an off-sale dish that is sold out stays so
    store.conn.execute("UPDATE products SET status = 'off' WHERE name = '鲅鱼水饺'")
    off = build_plan(store, read_table(_write(tmp_path, "菜名,价格,状态\n鲅鱼水饺,30,下架\n", "菜单3.csv"), kind="menu"))
    assert [r.action for r in off.rows] == ["unchanged"]


def test_the_error_report_of_a_two_column_menu_holds_the_bad_dish_only(store: Store, tmp_path: Path) -> None:
    plan = build_plan(store, read_table(_write(tmp_path, "菜名,价格,菜名,价格\n拍黄瓜,12,辣炒蛤蜊,abc\n", "两栏.csv")))
    assert [r.action for r in plan.rows] == ["new", "error"]
    report = tmp_path / "report.xlsx"
    assert write_error_report(plan, report) == 1
    rows = list(load_workbook(report).active.iter_rows(values_only=True))
    assert rows[0][:4] == ("菜名", "价格", "菜名 (2)", "价格 (2)") and rows[1][:4] == (None, None, "辣炒蛤蜊", "abc")
    assert "D" in rows[1][4]


def test_the_error_report_of_a_spec_price_keeps_the_dish_and_that_price(store: Store, tmp_path: Path) -> None:
    text = "菜名,小份,大份,备注\n辣炒蛤蜊,28,abc,招牌\n葱油花蛤,26,36,\n海肠捞饭,48,58,\n香辣蟹,88,108,\n"
    plan = build_plan(store, read_table(_write(tmp_path, text, "菜单.csv")))
    assert [(r.row_number, r.spec, r.action) for r in plan.rows][:2] == [(2, "小份", "new"), (2, "大份", "error")]
    report = tmp_path / "report.xlsx"
    assert write_error_report(plan, report) == 1
    rows = list(load_workbook(report).active.iter_rows(values_only=True))
    assert rows[1][:4] == ("辣炒蛤蜊", None, "abc", "招牌")  # the imported 小份 price left out
    # "rows" are the spreadsheet's (as the shopkeeper counts them), "items" what the counts count
    s = summary(plan, None)
    assert (s["rows"], s["items"], s["created"], len(s["errors"])) == (4, 8, 7, 1)


def test_the_sheets_a_file_was_imported_from_are_known_by_its_bytes(store: Store, tmp_path: Path) -> None:
    from importers.remembered import trusted_sheets
    from importers.sniff import file_sha256

    src = _write(tmp_path, GOODS)
    batch = apply_plan(store, build_plan(store, read_table(src)))
    assert batch is not None and trusted_sheets(store, src) == {"goods"}
    # a summary written before "sheets" existed names its one sheet
    store.conn.execute("UPDATE import_batches SET summary = json_remove(summary, '$.sheets') WHERE id = ?", (batch,))
    assert store.batches.sheets_read(file_sha256(src)) == {"goods"}
    assert trusted_sheets(store, tmp_path / "missing.csv") == frozenset()


def test_a_file_removed_after_its_preview_still_imports_what_was_previewed(store: Store, tmp_path: Path) -> None:
    path = _write(tmp_path, GOODS)
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    plan = build_plan(store, read_table(path))
    path.unlink()  # the preview holds every value: the file is not read again
    batch = apply_plan(store, plan)
    assert batch and store.products.count() == 3
    assert store.conn.execute("SELECT file_sha256 FROM import_batches WHERE id = ?", (batch,)).fetchone()[0] == digest


def test_a_negative_price_is_a_problem_row_in_the_dry_run_and_the_others_import(store: Store, tmp_path: Path) -> None:
    path = _write(tmp_path, "品名,售价,会员价,进价\n可乐,3,,1\n退货冲减,-5,,\n雪碧,3,(2),\n芬达,3,,−1\n橙汁,4,,\n")
    plan = build_plan(store, read_table(path))
    s = summary(plan, None)
    assert [(e["row"], e["column"]) for e in s["errors"]] == [(3, "B"), (4, "C"), (5, "D")]
    assert "价格不能小于 0" in s["errors"][0]["message"]
    assert apply_plan(store, plan)
    assert sorted(r[0] for r in store.conn.execute("SELECT name FROM products")) == ["可乐", "橙汁"]


def _specs(store: Store) -> list[tuple[str, str, int]]:
    return [(r[0], r[1], r[2]) for r in store.conn.execute(
        "SELECT p.name, s.name, s.price_fen FROM specs s JOIN products p ON p.id = s.product_id"
        " WHERE s.archived = 0 ORDER BY p.name, s.name")]


def test_a_price_list_without_specs_updates_each_products_only_spec(store: Store, tmp_path: Path) -> None:
    apply_plan(store, build_plan(store, read_table(_write(tmp_path, "品名,规格,售价\n青岛啤酒经典,500ml,6\n崂山可乐,,3\n"))))
    plan = build_plan(store, read_table(_write(tmp_path, "品名,售价\n青岛啤酒经典,6.5\n崂山可乐,3\n", "prices.csv")))
    assert [(r.name, r.action, r.diffs) for r in plan.rows] == [
        ("青岛啤酒经典", "changed", {"price_fen": (600, 650)}), ("崂山可乐", "unchanged", {})]
    apply_plan(store, plan)
    assert _specs(store) == [("崂山可乐", "", 300), ("青岛啤酒经典", "500ml", 650)]  # no second, nameless spec


def test_a_row_without_a_spec_for_a_product_of_several_is_a_problem(store: Store, tmp_path: Path) -> None:
    apply_plan(store, build_plan(store, read_table(_write(tmp_path, "品名,规格,售价\n扎啤,杯,15\n扎啤,扎,40\n"))))
    plan = build_plan(store, read_table(_write(tmp_path, "品名,售价\n扎啤,16\n", "prices.csv")))
    (row,) = plan.rows
    assert row.action == "error" and "有 2 个规格（杯、扎）" in row.issues[-1].message_zh
    assert "add a spec column" in row.issues[-1].fix_en.lower()


def test_a_spec_named_later_names_the_only_spec_that_had_none(store: Store, tmp_path: Path) -> None:
    apply_plan(store, build_plan(store, read_table(_write(tmp_path, "品名,售价\n青岛啤酒,6\n"))))
    plan = build_plan(store, read_table(_write(tmp_path, "品名,规格,售价\n青岛啤酒,500ml,6\n青岛啤酒,330ml,5\n", "v2.csv")))
    assert [(r.spec, r.action) for r in plan.rows] == [("500ml", "changed"), ("330ml", "new")]
    apply_plan(store, plan)
    assert _specs(store) == [("青岛啤酒", "330ml", 500), ("青岛啤酒", "500ml", 600)]


def test_names_typed_in_another_width_or_case_are_the_same_product(store: Store, tmp_path: Path) -> None:
    apply_plan(store, build_plan(store, read_table(_write(
        tmp_path, "品名,规格,售价\n娃哈哈AD钙奶,220ml,4\n苹果(烟台红富士),,8\nCoca Cola,330ml,3\n"))))
    plan = build_plan(store, read_table(_write(
        tmp_path, "品名,规格,售价\n娃哈哈ＡＤ钙奶,２２０ml,4.5\n苹果（烟台红富士）,,8\ncoca  cola,330ML,3\n", "v2.csv")))
    assert [(r.action, r.diffs) for r in plan.rows] == [
        ("changed", {"price_fen": (400, 450)}), ("unchanged", {}), ("unchanged", {})]  # the stored spelling stays


def test_names_spaced_otherwise_or_with_units_in_characters_are_the_same(store: Store, tmp_path: Path) -> None:
    apply_plan(store, build_plan(store, read_table(_write(tmp_path, "品名,规格,售价\n散装大米,,2.8\n康师傅红烧牛肉面,105g,3.5\n"))))
    plan = build_plan(store, read_table(_write(tmp_path, "品名,规格,售价\n散装 大米,,2.8\n康师傅红烧牛肉面,105克,3.5\n", "v2.csv")))
    assert [r.action for r in plan.rows] == ["unchanged", "unchanged"]


def test_one_barcode_on_two_products_of_the_file_is_a_problem_in_its_cell(store: Store, tmp_path: Path) -> None:
    plan = build_plan(store, read_table(_write(tmp_path, "品名,条码,售价\n牛奶,6901035603164,5\n豆浆,6901035603164,4\n")))
    assert [r.action for r in plan.rows] == ["new", "error"]
    (issue,) = plan.rows[1].issues
    assert (issue.row, issue.column) == (3, "B") and "条码 6901035603164 与第 2 行重复" in issue.message_zh


def test_the_unit_a_price_gives_is_kept_without_a_unit_column(store: Store, tmp_path: Path) -> None:
    apply_plan(store, build_plan(store, read_table(_write(tmp_path, "品名,售价\n苹果,12元/斤\n可乐,3\n"))))
    units = dict(store.conn.execute("SELECT name, unit FROM products"))
    assert units == {"苹果": "斤", "可乐": "件"}
    apply_plan(store, build_plan(store, read_table(_write(tmp_path, "品名,售价\n苹果,13\n", "v2.csv"))))
    assert dict(store.conn.execute("SELECT name, unit FROM products"))["苹果"] == "斤"  # a price without one keeps it


def test_ledger_dates_without_a_year_take_the_titles_and_a_bad_date_is_one_problem(tmp_path: Path) -> None:
    from tests.workbooks import write_book

    rows = [["2026年11月销售流水", None, None, None], ["日期", "品名", "数量", "金额"],
            ["11/3", "青岛啤酒", 2, 12], ["11月7日", "崂山可乐", 1, 3], ["下周一", "花生米", 1, 6]]
    table = read_table(write_book(tmp_path / "流水.xlsx", {"流水": rows}))
    assert table.kind == "ledger" and table.year == 2026
    assert [r.values.get("occurred_at") for r in table.rows[:2]] == [dt.date(2026, 11, 3), dt.date(2026, 11, 7)]
    (issue,) = table.rows[2].issues  # the cell's problem, not also "this row has no date"
    assert (issue.column, issue.code) == ("A", "bad_date")
    untitled = read_table(write_book(tmp_path / "sales.xlsx", {"Sheet1": rows[1:4]}))
    assert [i.code for r in untitled.rows for i in r.issues] == ["date_no_year", "date_no_year"]
    assert "has no year" in untitled.rows[0].issues[0].message_en


def test_lines_of_text_without_a_header_are_not_taken_for_products(tmp_path: Path) -> None:
    notes = _write(tmp_path, "今天去进货，记得买鸡蛋和大米。\n明天早点开门。\n王姐电话 13800000000\n", "notes.txt")
    refused = no_product_column(read_table(notes))
    assert refused is not None and refused.code == "not_a_list" and "没有表头" in refused.message_zh
    # a list without a header is still read when its values show what it is
    assert no_product_column(read_table(_write(tmp_path, "青岛啤酒,6901035600156,6\n崂山可乐,6921581596048,3\n", "list.csv"))) is None


def test_an_undo_refused_over_a_products_only_spec_names_the_product(store: Store, tmp_path: Path) -> None:
    first = apply_plan(store, build_plan(store, read_table(_write(tmp_path, "品名,售价\n可乐,3\n"))))
    apply_plan(store, build_plan(store, read_table(_write(tmp_path, "品名,售价\n可乐,4\n", "v2.csv"))))
    assert first is not None
    with pytest.raises(UndoRefused, match="规格“可乐”"):  # not the spec's id: it has no name of its own
        store.batches.undo(first)


def test_rows_of_one_product_giving_other_units_keep_the_first_and_say_so(store: Store, tmp_path: Path) -> None:
    path = _write(tmp_path, "品名,规格,单位,售价\n中性笔,黑色,支,1.5\n中性笔,黑色 12支装,盒,15\n")
    plan = build_plan(store, read_table(path))
    assert [[i.code for i in r.issues] for r in plan.rows] == [[], ["product_differs"]]
    assert "单位与第 2 行不同" in plan.rows[1].issues[0].message_zh
    apply_plan(store, plan)
    again = build_plan(store, read_table(_write(tmp_path, "品名,规格,单位,售价\n中性笔,黑色,支,1.5\n中性笔,黑色 12支装,盒,15\n", "again.csv")))
    assert [r.action for r in again.rows] == ["unchanged", "unchanged"]  # no change back and forth


def test_a_ledger_adds_up_whatever_its_source(store: Store, tmp_path: Path) -> None:
    bill = ("交易时间,交易类型,交易对方,商品,收支,金额(元),支付方式,当前状态,交易单号\n"
            "2026-10-31 22:41:05,二维码收款,王先生,收款,收入,¥286.00,零钱,已收钱,T1\n"
            "2026-10-30 10:20:00,商户消费,经销商,原浆,支出,¥650.00,零钱,支付成功,T2\n"
            "2026-10-28 09:00:00,零钱提现,招商银行(1234),/,/,¥1000.00,招商银行,提现已到账,T3\n")
    plan = build_plan(store, read_table(_write(tmp_path, bill, "微信支付账单.csv")))
    assert [r.action for r in plan.rows] == ["new", "new", "unchanged"]  # a withdrawal is neither in nor out
    assert plan.rows[2].issues[0].code == "neutral"
    apply_plan(store, plan)
    pos = "日期,单号,品名,数量,金额\n2026-11-01,S1,可乐,1,3\n2026-11-01,TH1,可乐退货,1,-3\n"
    apply_plan(store, build_plan(store, read_table(_write(tmp_path, pos, "销售流水.csv"), kind="ledger")))
    rows = store.conn.execute("SELECT direction, amount_fen FROM ledger_entries ORDER BY direction, amount_fen").fetchall()
    assert [tuple(r) for r in rows] == [("in", 300), ("in", 28600), ("out", 300), ("out", 65000)]  # all positive


def test_a_footer_and_a_sign_off_are_notes_not_rows(tmp_path: Path) -> None:
    menu = _write(tmp_path, "菜名,价格\n大虾,88\n扇贝,5\n海鲜价格随行就市，以当天为准,\n")
    assert [r.values["name"] for r in read_table(menu).rows] == ["大虾", "扇贝"]
    ledger = _write(tmp_path, "日期,品名,金额\n2026-11-01,可乐,3\n记账人：小王   核对：老板娘,,\n", "流水.csv")
    table = read_table(ledger, kind="ledger")
    assert len(table.rows) == 1 and not table.rows[0].issues


def test_rows_with_other_skus_are_other_specs_whatever_their_names(store: Store, tmp_path: Path) -> None:
    text = "品名,规格,货号,售价,库存\niPhone15手机壳,磨砂,IP15-MS-BK,29,50\niPhone15手机壳,磨砂,IP15-MS-WH,29,30\n"
    plan = build_plan(store, read_table(_write(tmp_path, text)))
    assert [r.action for r in plan.rows] == ["new", "new"]  # the black and the white case
    apply_plan(store, plan)
    white = build_plan(store, read_table(_write(tmp_path, "品名,规格,货号,售价,库存\niPhone15手机壳,磨砂,IP15-MS-WH,25,30\n", "w.csv")))
    assert [(r.action, r.diffs) for r in white.rows] == [("changed", {"price_fen": (2900, 2500)})]
    apply_plan(store, white)
    stock = dict(store.conn.execute("SELECT sku, stock_milli FROM specs"))
    assert stock == {"IP15-MS-BK": 50_000, "IP15-MS-WH": 30_000}  # the black one untouched


def test_a_colour_column_joins_the_spec(store: Store, tmp_path: Path) -> None:
    text = "品名,规格,颜色,售价\niPhone15手机壳,磨砂,黑,25\niPhone15手机壳,磨砂,白,25\n数据线,1米,,15\n"
    table = read_table(_write(tmp_path, text))
    assert [r.values.get("spec") for r in table.rows] == ["磨砂 黑", "磨砂 白", "1米"]
    assert any("“颜色”列的内容并入规格" in zh for zh, _en in table.warnings)
    apply_plan(store, build_plan(store, table))
    assert sorted(s for _p, s, _price in _specs(store)) == ["1米", "磨砂 白", "磨砂 黑"]
    assert {r.action for r in build_plan(store, read_table(_write(tmp_path, text, "again.csv"))).rows} == {"unchanged"}


def test_a_new_product_with_an_empty_price_says_so(store: Store, tmp_path: Path) -> None:
    plan = build_plan(store, read_table(_write(tmp_path, "品名,售价\n可乐,3\n雪碧,\n大虾,时价\n")))
    assert [[i.code for i in r.issues] for r in plan.rows] == [[], ["no_price"], ["market_price"]]
    assert plan.rows[1].issues[0].column == "B" and plan.rows[1].action == "new"
    menu = build_plan(store, read_table(_write(tmp_path, "菜名,小份,大份\n拍黄瓜,12,18\n海参,,\n", "菜单.csv")))
    assert [[i.code for i in r.issues] for r in menu.rows] == [[], [], ["no_price"]]  # no price in any size's column


def test_a_bills_refund_is_money_back_and_a_negative_expense_is_income(store: Store, tmp_path: Path) -> None:
    bill = ("交易时间,交易分类,交易对方,对方账号,商品说明,收/支,金额,收/付款方式,交易状态\n"
            "2026-10-01 10:00:00,日用百货,超市,x,纸巾,支出,50.00,余额,交易成功\n"
            "2026-10-02 10:00:00,退款,超市,x,退款-纸巾,不计收支,50.00,余额,退款成功\n"
            "2026-10-03 10:00:00,转账,余额宝,x,转入余额宝,不计收支,500.00,余额,交易成功\n")
    plan = build_plan(store, read_table(_write(tmp_path, bill, "支付宝交易明细.csv"), kind="ledger"))
    assert [(r.action, (r.ledger or {}).get("direction")) for r in plan.rows] == [
        ("new", "out"), ("new", "in"), ("unchanged", None)]  # the refund nets the purchase; a transfer is neither
    hand = "日期,品名,收支,金额\n2026-11-01,退货,支出,-50\n2026-11-01,退菜,,-28\n"
    rows = build_plan(store, read_table(_write(tmp_path, hand, "流水.csv"), kind="ledger")).rows
    assert [(r.ledger or {}).get("direction") for r in rows] == ["in", "out"]  # money back under 支出; a refund by sign
    assert [(r.ledger or {}).get("amount_fen") for r in rows] == [5000, 2800]


def test_a_refund_fixed_in_the_error_report_is_imported_after_its_payment(store: Store, tmp_path: Path) -> None:
    """A bill's refund shares its payment's order id. When the refund's amount had a typo, the
    fixed error report listed it alone: its id was the payment's, so it was planned "unchanged"
    and the money back never reached the ledger."""
    header = "交易时间,交易类型,交易对方,商品,收/支,金额(元),支付方式,当前状态,交易单号,商户单号\n"
    payment = "2024-03-01 12:00:00,商户消费,青啤批发,啤酒,支出,¥120.00,零钱,支付成功,4200001,M1\n"
    refund = "2024-03-02 12:00:00,商户消费-退款,青啤批发,啤酒,收入,¥{},零钱,已退款,4200001,M1\n"
    sale = "2024-03-03 12:00:00,二维码收款,顾客A,/,收入,¥60.00,/,已收钱,4200002,/\n"
    first = build_plan(store, read_table(_write(tmp_path, header + payment + refund.format("2O.00") + sale, "微信.csv")))
    assert [r.action for r in first.rows] == ["new", "error", "new"]
    apply_plan(store, first)
    report = tmp_path / "待修正.xlsx"
    assert write_error_report(first, report) == 1
    wb = load_workbook(report)
    wb.active["F2"] = "¥20.00"  # type: ignore[index]
    wb.save(report)
    fixed = build_plan(store, read_table(report))
    assert [(r.action, (r.ledger or {}).get("direction")) for r in fixed.rows] == [("new", "in")]
    apply_plan(store, fixed)
    ledger = store.conn.execute("SELECT order_id, direction, amount_fen FROM ledger_entries ORDER BY occurred_at").fetchall()
    assert [tuple(r) for r in ledger] == [("4200001", "out", 12000), ("4200001#2", "in", 2000), ("4200002", "in", 6000)]
    for again in (report, _write(tmp_path, header + payment + refund.format("20.00") + sale, "微信2.csv")):
        assert {r.action for r in build_plan(store, read_table(again)).rows} == {"unchanged"}  # each entry once


def test_a_jd_payment_refunded_in_full_is_not_income(store: Store, tmp_path: Path) -> None:
    """JD marks a payment refunded in full 不计收支, "(已全额退款)" in its amount, and lists its refunds
    as 不计收支 rows of their own: the refunds are money back, so the payment is money out (it was
    counted as income, twice the refund)."""
    bill = ("交易时间,商户名称,交易说明,金额,收/付款方式,交易状态,收/支,交易分类,交易订单号\n"
            "2024-12-24 22:33:07,京东平台商户,软壳裤 等多件,468.32(已全额退款),信用卡,交易成功,不计收支,网购,1001\n"
            "2024-12-24 22:33:54,京东平台商户,退款-软壳裤,397.84,信用卡,退款成功,不计收支,网购,1002\n"
            "2024-12-24 22:43:31,京东平台商户,退款-夹克,70.48,信用卡,退款成功,不计收支,网购,1003\n"
            "2024-12-28 13:27:56,京东平台商户,卫衣 等多件,131.77(已退款89.84),信用卡,交易成功,支出,网购,1004\n"
            "2024-12-28 13:28:32,京东平台商户,退款-卫衣,89.84,信用卡,退款成功,不计收支,网购,1005\n"
            "2024-12-26 22:35:50,京东平台商户,蜜柚,0.00,先享后付,交易成功,不计收支,先享后付,1006\n")
    table = read_table(_write(tmp_path, bill, "京东交易流水.csv"))
    assert (table.kind, table.bill_source) == ("ledger", "jd")
    plan = build_plan(store, table)
    assert [(r.action, (r.ledger or {}).get("direction")) for r in plan.rows] == [
        ("new", "out"), ("new", "in"), ("new", "in"), ("new", "out"), ("new", "in"), ("unchanged", None)]
    apply_plan(store, plan)
    net = store.conn.execute("SELECT sum(CASE direction WHEN 'in' THEN amount_fen ELSE -amount_fen END)"
                             " FROM ledger_entries").fetchone()[0]
    assert net == -4193  # what the shop paid for the 卫衣 it kept: 131.77 - 89.84


def test_a_blank_in_a_products_first_row_takes_a_later_rows_value(store: Store, tmp_path: Path) -> None:
    text = "品名,规格,单位,描述,售价\n可乐,330ml,,,3\n可乐,500ml,瓶,冰镇,4\n可乐,2L,瓶,家庭装,8\n"
    plan = build_plan(store, read_table(_write(tmp_path, text)))
    assert [[i.code for i in r.issues] for r in plan.rows] == [[], [], ["product_differs"]]
    assert "与第 3 行不同" in plan.rows[2].issues[0].message_zh
    apply_plan(store, plan)
    assert tuple(store.conn.execute("SELECT unit, description FROM products").fetchone()) == ("瓶", "冰镇")


def test_codes_compare_in_any_case_and_without_the_zeros_a_number_drops(store: Store, tmp_path: Path) -> None:
    apply_plan(store, build_plan(store, read_table(_write(tmp_path, "品名,规格,货号,售价\n可乐,330ml,A-02,3\n雪碧,330ml,0033,3\n"))))
    plan = build_plan(store, read_table(_write(tmp_path, "品名,规格,货号,售价\n可乐,330ml,a-02,3.5\n雪碧,330ml,33,3.5\n", "v2.csv")))
    assert [r.action for r in plan.rows] == ["changed", "changed"]  # the same specs, not new ones
    apply_plan(store, plan)
    assert store.conn.execute("SELECT count(*) FROM specs").fetchone()[0] == 2


def test_a_blank_first_row_of_a_stored_product_lets_a_later_row_update_it(store: Store, tmp_path: Path) -> None:
    apply_plan(store, build_plan(store, read_table(_write(tmp_path, "品名,规格,售价\n可乐,330ml,3\n可乐,500ml,4\n"))))
    plan = build_plan(store, read_table(_write(tmp_path, "品名,规格,单位,售价\n可乐,330ml,,3\n可乐,500ml,瓶,4\n", "v2.csv")))
    assert [(r.action, r.diffs) for r in plan.rows] == [("unchanged", {}), ("changed", {"unit": ("件", "瓶")})]


def test_blank_status_flavour_and_allergen_cells_keep_the_stored_ones(store: Store, tmp_path: Path) -> None:
    header = "菜名,价格,状态,口味,过敏原\n"
    apply_plan(store, build_plan(store, read_table(_write(tmp_path, header + "辣炒蛤蜊,38,下架,麻辣、蒜蓉,贝类\n"), kind="menu")))
    stored = store.conn.execute("SELECT status, attributes, allergens FROM products").fetchone()
    assert (stored[0], stored[2]) == ("off", '["贝类"]') and "蒜蓉" in stored[1]
    before = _snapshot(store)
    blank = _write(tmp_path, header + "辣炒蛤蜊,38,,,\n", "blank.csv")
    plan = build_plan(store, read_table(blank, kind="menu"))
    assert [r.action for r in plan.rows] == ["unchanged"]  # a dish taken off sale stays off; its allergens stay
    assert apply_plan(store, plan) is None and _snapshot(store) == before
    cleared = build_plan(store, read_table(blank, kind="menu"), overwrite_blanks=True)
    assert cleared.rows[0].diffs == {"status": ("off", "on"), "allergens": ('["贝类"]', "[]"), "attributes": (stored[1], "[]")}


def test_a_column_numbering_the_rows_is_no_sku(store: Store, tmp_path: Path) -> None:
    first = _write(tmp_path, "编号,商品名称,售价\n1,青岛啤酒,5\n2,崂山可乐,3\n3,花生米,12\n合计,,20\n", "first.csv")
    table = read_table(first)
    assert "sku" not in table.fields and any("行号" in zh for zh, _en in table.warnings)
    apply_plan(store, build_plan(store, table))
    # another list numbered from 1 again: new products, not the first list's renamed
    second = build_plan(store, read_table(_write(tmp_path, "编号,商品名称,售价\n1,鱿鱼丝,15\n2,酸梅汤,8\n", "second.csv")))
    assert [r.action for r in second.rows] == ["new", "new"]
    apply_plan(store, second)
    assert sorted(r[0] for r in store.conn.execute("SELECT name FROM products")) == sorted(
        ["青岛啤酒", "崂山可乐", "花生米", "鱿鱼丝", "酸梅汤"])
    # real codes, or the user's own choice, stay SKUs
    assert read_table(_write(tmp_path, "编号,商品名称,售价\n1001,青岛啤酒,5\n1002,崂山可乐,3\n", "codes.csv")).fields >= {"sku"}
    assert read_table(first, mapping_override={"编号": "sku"}).fields >= {"sku"}
    assert read_table(_write(tmp_path, "货号,库存\n1,5\n2,6\n", "stock.csv")).fields >= {"sku"}  # no names: the only key


def test_a_row_naming_another_product_under_a_stored_barcode_is_refused(store: Store, tmp_path: Path) -> None:
    """雪碧 with 芬达's barcode (a typo) renamed 芬达 to 雪碧 and took its SKU and price: 芬达 was gone."""
    apply_plan(store, build_plan(store, read_table(_write(tmp_path, "商品名称,货号,条码,售价\n芬达,005,6901035600170,3\n"))))
    header = "商品名称,货号,条码,售价\n"
    plan = build_plan(store, read_table(_write(tmp_path, header + "雪碧,004,6901035600170,5\n", "b.csv")))
    assert [r.action for r in plan.rows] == ["error"]
    assert [(i.column, i.code) for i in plan.errors] == [("C", "barcode_of_another")]
    assert "芬达" in plan.errors[0].message_zh and "005" in plan.errors[0].message_en
    # the same product renamed (SKU kept) or given a new SKU (name kept) is an update by its barcode
    renamed = build_plan(store, read_table(_write(tmp_path, header + "芬达橙味,005,6901035600170,3.5\n", "c.csv")))
    recoded = build_plan(store, read_table(_write(tmp_path, header + "芬达,F-005,6901035600170,3.5\n", "d.csv")))
    assert [(r.action, sorted(r.diffs)) for r in (*renamed.rows, *recoded.rows)] == [
        ("changed", ["name", "price_fen"]), ("changed", ["price_fen", "sku"])]


def test_a_barcode_another_stored_spec_keeps_is_refused(store: Store, tmp_path: Path) -> None:
    apply_plan(store, build_plan(store, read_table(_write(
        tmp_path, "商品名称,货号,条码,售价\n青岛啤酒,A1,6901234567892,5\n崂山可乐,B1,96385074,3\n"))))
    plan = build_plan(store, read_table(_write(tmp_path, "商品名称,货号,条码,售价\n崂山可乐,B1,6901234567892,3\n", "typo.csv")))
    assert [(r.action, [(i.column, i.code) for i in r.issues]) for r in plan.rows] == [("error", [("C", "barcode_taken")])]
    assert "青岛啤酒" in plan.errors[0].message_zh
    assert apply_plan(store, plan) is None
    assert sorted(tuple(r) for r in store.conn.execute("SELECT sku, barcode FROM specs")) == [
        ("A1", "6901234567892"), ("B1", "96385074")]
    # barcodes typed the wrong way round, put right in one file: each moves to the other spec
    swap = build_plan(store, read_table(_write(
        tmp_path, "商品名称,货号,条码,售价\n青岛啤酒,A1,96385074,5\n崂山可乐,B1,6901234567892,3\n", "swap.csv")))
    assert [r.action for r in swap.rows] == ["changed", "changed"]
    apply_plan(store, swap)
    assert sorted(tuple(r) for r in store.conn.execute("SELECT sku, barcode FROM specs")) == [
        ("A1", "96385074"), ("B1", "6901234567892")]


SHOPIFY = """Handle,Title,Body (HTML),Vendor,Option1 Name,Option1 Value,Variant SKU,Variant Inventory Qty,Variant Price,Variant Barcode
tsingtao-beer,Tsingtao Beer,<p>Classic</p>,Tsingtao,Size,330ml,TS-330,24,5.00,6901035603577
tsingtao-beer,,,,,500ml,TS-500,12,8.00,
laoshan-cola,Laoshan Cola,,Laoshan,Title,Default Title,LS-1,50,3.50,
"""


def test_a_shopify_export_gives_its_variant_rows_their_products_name(store: Store, tmp_path: Path) -> None:
    path = _write(tmp_path, SHOPIFY, "products_export.csv")
    plan = build_plan(store, read_table(path))
    assert [r.action for r in plan.rows] == ["new", "new", "new"] and not plan.errors
    apply_plan(store, plan)
    assert sorted(tuple(r) for r in store.conn.execute(
        "SELECT p.name, s.name, s.sku, s.price_fen FROM specs s JOIN products p ON p.id = s.product_id")) == [
        ("Laoshan Cola", "", "LS-1", 350), ("Tsingtao Beer", "330ml", "TS-330", 500), ("Tsingtao Beer", "500ml", "TS-500", 800)]
    assert build_plan(store, read_table(path)).count("unchanged") == 3
    # its Body (HTML) is the description as text, not "<p>Classic</p>"
    assert store.conn.execute("SELECT description FROM products WHERE name = 'Tsingtao Beer'").fetchone()[0] == "Classic"


def test_a_sku_typed_in_full_width_is_the_same_sku(store: Store, tmp_path: Path) -> None:
    apply_plan(store, build_plan(store, read_table(_write(tmp_path, "商品名称,规格,货号,售价\n青岛啤酒,500ml,QD001,5\n"))))
    again = build_plan(store, read_table(_write(tmp_path, "商品名称,规格,货号,售价\n青岛啤酒,500ml,ＱＤ００１,5\n", "wide.csv")))
    assert [r.action for r in again.rows] == ["unchanged"]  # not a second 500ml spec with the SKU "ＱＤ００１"
    new = build_plan(store, read_table(_write(tmp_path, "商品名称,货号,售价\n崂山可乐,ＬＳ－１,3\n", "new.csv")))
    assert new.rows[0].spec_values["sku"] == "LS-1"


def test_a_price_cell_listing_a_spec_at_the_days_price_gives_that_spec_shijia(store: Store, tmp_path: Path) -> None:
    plan = build_plan(store, read_table(_write(tmp_path, "菜名,价格\n海捕大虾,半斤68/一斤时价\n拍黄瓜,12\n", "菜单.csv"), kind="menu"))
    assert [(r.name, r.spec, r.action) for r in plan.rows] == [("海捕大虾", "半斤", "new"), ("海捕大虾", "一斤", "new"), ("拍黄瓜", "", "new")]
    assert [(w.row, w.code) for w in plan.warnings] == [(2, "market_price")] and plan.errors == []
    apply_plan(store, plan)
    assert sorted(tuple(r) for r in store.conn.execute("SELECT name, price_fen, market_price FROM specs")) == [
        ("", 1200, 0), ("一斤", 0, 1), ("半斤", 6800, 0)]

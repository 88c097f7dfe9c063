"""Every real-world file of the shared corpus either parses or is refused with one sentence.

For a selection of files the exact sheet, header row, kind and number of data rows are
asserted; each expectation was checked by looking at the file itself.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pytest

from importers import ImportRefused, read_table

CORPUS = Path(__file__).parents[2].parent / "shared" / "corpus"
FILES = sorted(p for p in CORPUS.rglob("*") if p.is_file() and p.name not in ("MANIFEST.tsv", "README.md")) if CORPUS.is_dir() else []

pytestmark = pytest.mark.skipif(not CORPUS.is_dir(), reason=f"the shared corpus folder {CORPUS} is not present")

# path: (sheet, first header row, kind, data rows)
EXPECTED: dict[str, tuple[str, int | None, str, int]] = {
    "double-entry-generator/example-alipay-records.csv": ("example-alipay-records", 25, "ledger", 10),
    "double-entry-generator/example-jd-records.csv": ("example-jd-records", 22, "ledger", 26),
    "double-entry-generator/example-mt-records.csv": ("example-mt-records", 20, "ledger", 29),
    "double-entry-generator/example-wechat-records.csv": ("example-wechat-records", 17, "ledger", 27),
    "double-entry-generator/example-wechat-records.xlsx": ("example-wechat-records", 18, "ledger", 27),
    "double-entry-generator/交易明细_xxxx_2025xxxx_2025xxxx.xls": ("交易明细_1546_20250101_20250620.xls", 6, "ledger", 6),
    "double-entry-generator/example-hxsec-records.xls": ("example-hxsec-records", 1, "ledger", 13),
    "jsherp/goods_template.xls": ("商品信息", 2, "products", 2),
    "jsherp/buy_sale_item_template.xls": ("商品信息", 2, "products", 2),
    "jsherp/customer_template.xls": ("信息", 2, "products", 2),
    "jsherp/member_template.xls": ("信息", 2, "products", 2),
    "easyexcel/compatibility_t01.xls": ("产品数据", 2, "products", 1),
    "easyexcel/compatibility_t02.xlsx": ("测试配方1027", 2, "products", 1),
    "easyexcel/compatibility_t03.xlsx": ("重算文件", 1, "products", 1),
    "easyexcel/issue2346_111.xls": ("Sheet1", 1, "ledger", 2),
    "easyexcel/currentSheetMiss.xls": ("检测记录表3月", 1, "products", 1771),
    "easypoi-test/20181107202743.csv": ("20181107202743", 1, "ledger", 10),
    "easypoi-test/20181107202743_comma.csv": ("20181107202743_comma", 1, "ledger", 10),
    "easypoi-test/checkTwo.xls": ("测试 -正确", 1, "products", 4),
    "easypoi-test/sameName.xls": ("Sheet0", 1, "products", 4),
    "easypoi-test/saxtest.xlsx": ("成绩", 2, "products", 30),
    "frictionless-py/skip-rows.xlsx": ("Sheet 1", 2, "products", 1),
    "greaterwms/goodslist.xlsx": ("goods_20210509094649082", 1, "products", 41),
    "greaterwms/goodslist_cn.xlsx": ("goods_20210509094649082", 1, "products", 0),
    "greaterwms/goodslist_export_a188c6.xlsx": ("sheet1", 1, "products", 8),
    "hutool/priceIndex.xls": ("sheet1", 1, "products", 4),
    "hutool/readBySax.xls": ("sheet", 1, "products", 2),
    "hutool/aaa.xls": ("Sheet1", 1, "products", 4),
    "hutool/test_lines_cr.csv": ("test_lines_cr", 2, "products", 3),
    "wimoor/MaterialInfo.xlsx": ("Sheet1", 3, "products", 0),  # its one row is the template's 示例SKU
    "wimoor/MaterialBaseInfo.xlsx": ("Sheet1", 1, "products", 0),
    "wimoor/MaterialSupplier.xlsx": ("Sheet1", 1, "products", 0),
    "wimoor/stocktaking.xlsx": ("Sheet1", 2, "products", 1),
    "wimoor/PurchaseAlibabaPayDate.xlsx": ("Sheet1", 11, "ledger", 0),
    "wimoor/voucher_entries_record_template.xlsx": ("凭证列表", 3, "ledger", 0),
    "wimoor/FBA-fee-template.xlsx": ("Sheet1", 1, "products", 45),
    "wimoor/subject_template.xlsx": ("科目模板", 1, "products", 0),
    "calamine/header-row.xlsx": ("Sheet1", 9, "products", 1),
    "calamine/temperature-in-middle.xlsx": ("Sheet1", 4, "products", 2),
    "tablib/bad_dimensions.xlsx": ("Sheet1", 1, "products", 3),
    "xlrd/ragged.xls": ("Sheet1", 1, "products", 4),
    "xlrd/biff4_no_format_no_window2.xls": ("Sheet 1", 1, "products", 26),
    "sheetjs-test-files/wps_fn.et": ("Sheet1", 1, "products", 2),
    "calamine/sst_continue.xls": ("Sheet1", None, "products", 136),
    "frictionless-py/multiline-headers.xlsx": ("Лист1", 1, "products", 1),
    "sheetjs-test-files/biff5_text_and_numbers.xls": ("Sheet1", 1, "products", 2),
    "frictionless-py/table-infer-iso-8859-7.csv": ("table-infer-iso-8859-7", 1, "products", 4),
}

REFUSED: dict[str, str] = {
    "calamine/pass_protected.xlsx": "encrypted",
    "python-calamine/password.xls": "encrypted",
    "openpyxl/null_file.xlsx": "empty",
    "openpyxl/null_archive.xlsx": "not_spreadsheet",
    "calamine/too_small.xls": "not_spreadsheet",
    "calamine/errors.xlsx": "no_table",
}


@pytest.mark.parametrize("path", FILES, ids=[str(p.relative_to(CORPUS)) for p in FILES])
def test_every_file_parses_or_is_refused(path: Path, one_sentence: Callable[[str, str], bool]) -> None:
    started = time.perf_counter()
    try:
        table = read_table(path)
    except ImportRefused as refused:
        assert refused.code != "internal", refused.__cause__
        assert one_sentence(refused.message_zh, refused.message_en), (refused.message_zh, refused.message_en)
        assert path.name in refused.message_zh
    else:
        assert table.sheet in table.sheet_names
        assert len(table.headers) >= 1
        for row in table.rows:
            for issue in row.issues:
                assert issue.row == row.row_number and issue.message_zh and issue.fix_zh
    assert time.perf_counter() - started < 20


@pytest.mark.parametrize("rel", sorted(EXPECTED))
def test_known_files(rel: str) -> None:
    sheet, header_row, kind, n_rows = EXPECTED[rel]
    table = read_table(CORPUS / rel)
    assert (table.sheet, table.header_row, table.kind, len(table.rows)) == (sheet, header_row, kind, n_rows)


def test_multiline_header_band() -> None:
    # Header cells over rows 1-5 (merged down and across), one data row on row 6.
    t = read_table(CORPUS / "frictionless-py/multiline-headers.xlsx")
    assert t.header_rows == [1, 4, 5]
    assert t.headers == ["Region", "Caloric contribution (%)",
                         "Cumulative impact of changes on cost of food basket/from previous quarter",
                         "Cumulative impact of changes on cost of food basket/from baseline (%)"]
    assert [(r.row_number, r.raw) for r in t.rows] == [(6, ["A", "B", "C", "D"])]


def test_biff5_words_above_numbers() -> None:
    t = read_table(CORPUS / "sheetjs-test-files/biff5_text_and_numbers.xls")
    assert t.format == "xls" and t.headers == ["English", "Hello", "World"]
    assert [r.raw for r in t.rows] == [["Hebrew", "????", "????"], [1337.0, 13.37, 1337.0]]
    assert [(s.row_number, s.reason) for s in t.skipped] == [(3, "blank")]


def test_greek_single_byte_csv() -> None:
    t = read_table(CORPUS / "frictionless-py/table-infer-iso-8859-7.csv")
    assert t.encoding in ("iso8859_7", "cp1253")  # identical for every byte of this file
    assert [r.values.get("name") for r in t.rows] == ["Λεωνιδας", "Αλεξανδρος", "Μυρων", "Ευστοργιος"]
    assert t.warnings and "UTF-8" in t.warnings[0][0]


@pytest.mark.parametrize("rel", sorted(REFUSED))
def test_known_refusals(rel: str) -> None:
    with pytest.raises(ImportRefused) as err:
        read_table(CORPUS / rel)
    assert err.value.code == REFUSED[rel]


def test_bill_sources() -> None:
    sources = {
        "double-entry-generator/example-alipay-records.csv": "alipay",
        "double-entry-generator/example-jd-records.csv": "jd",
        "double-entry-generator/example-mt-records.csv": "meituan",
        "double-entry-generator/example-wechat-records.csv": "wechat",
        "double-entry-generator/example-wechat-records.xlsx": "wechat",
    }
    for rel, source in sources.items():
        table = read_table(CORPUS / rel)
        assert table.bill_source == source, rel
        assert all(r.ok for r in table.rows), rel
        assert all("amount_fen" in r.values and "occurred_at" in r.values for r in table.rows), rel


@pytest.mark.parametrize("path", FILES, ids=[str(p.relative_to(CORPUS)) for p in FILES])
def test_every_file_dry_runs_and_applies_whole(path: Path, tmp_path: Path) -> None:
    """Dry run, apply into a fresh database, re-import: counts add up, nothing half-written, twice is once."""
    from catalog.store import Store
    from importers.apply import apply_plan
    from importers.plan import build_plan

    try:
        table = read_table(path)
    except ImportRefused:
        return  # refusals are checked above
    with Store.open(tmp_path / "shop.sqlite") as store:
        plan = build_plan(store, table)
        actions = [r.action for r in plan.rows]
        assert len(actions) == len(table.rows)
        assert store.outbox.count() == 0 and store.products.count() == 0  # a dry run writes nothing
        apply_plan(store, plan)
        new_rows = [r for r in plan.rows if r.action == "new"]
        if table.kind == "ledger":
            stored = store.conn.execute("SELECT count(*) FROM ledger_entries").fetchone()[0]
        else:
            stored = store.conn.execute("SELECT count(*) FROM specs WHERE archived = 0").fetchone()[0]
        assert stored == len(new_rows)
        again = build_plan(store, read_table(path))
        assert again.count("new") == 0 and again.count("changed") == 0
        assert again.count("unchanged") == len(new_rows) + plan.count("unchanged")  # (a bill's neutral rows are both times)

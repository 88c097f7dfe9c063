"""Exporting products to .xlsx/.csv: text codes, money format, formula neutralisation, atomic writes."""

from __future__ import annotations

import csv
import io
import os
import sys
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from catalog.models import Product, Spec
from catalog.products import Cancelled
from catalog.store import Store
from importers.export import HEADERS, PHOTO_HEADER, ExportError, export_products, neutralize
from importers.plan import build_plan
from importers.table import read_table

EVIL_NAME = '=HYPERLINK("http://evil.example/x","点我")'


def _spec_count(store: Store) -> int:
    return sum(len(p.specs) for p in (store.products.get(i) for i in store.products.ids()) if p)


def _read_xlsx(path: Path) -> list[list[openpyxl.cell.Cell]]:
    wb = openpyxl.load_workbook(path)
    return [list(r) for r in wb.active.iter_rows()]


def test_neutralize() -> None:
    for text in ("=1+2", "+1", "-1", "@SUM(A1)", "\tx", "\rx"):
        assert neutralize(text) == "'" + text
    assert neutralize("青岛啤酒") == "青岛啤酒" and neutralize("") == "" and neutralize("a=b") == "a=b"


def test_xlsx_rows_types_and_formats(shop: Store, tmp_path: Path) -> None:
    out = tmp_path / "商品.xlsx"
    count = export_products(shop, out)
    assert count == _spec_count(shop) > 40
    rows = _read_xlsx(out)
    assert [c.value for c in rows[0]] == [*HEADERS, PHOTO_HEADER]  # the demo's products have photos
    assert len(rows) == count + 1
    col = {h: i for i, h in enumerate(HEADERS)}
    beer = [r for r in rows if r[col["条码"]].value == "6901035606011"]
    assert len(beer) == 1
    r = beer[0]
    assert r[col["名称"]].value == "青岛啤酒经典" and r[col["规格"]].value == "330ml罐"
    assert r[col["条码"]].data_type == "s" and r[col["条码"]].number_format == "@"
    assert r[col["货号"]].data_type == "s" and r[col["货号"]].value == "LC-QD-330"
    assert r[col["分类"]].value == "啤酒/瓶装·罐装"
    assert r[col["售价"]].value == 6 and r[col["售价"]].number_format == "0.00"
    assert r[col["会员价"]].value == 5.5 and r[col["成本价"]].value == 3.5
    assert r[col["库存"]].value == 120
    assert r[col["状态"]].value == "上架" and r[col["类型"]].value == "商品"
    keg = next(r for r in rows if r[col["名称"]].value == "桶装青岛原浆")
    assert keg[col["保质期(天)"]].value == 7
    assert all(c.data_type != "f" for row in rows for c in row)


def test_rows_are_grouped_by_category_in_menu_order(shop: Store, tmp_path: Path) -> None:
    out = tmp_path / "a.xlsx"
    export_products(shop, out)
    categories = [r[4].value for r in _read_xlsx(out)[1:]]
    firsts = list(dict.fromkeys(c.split("/")[0] for c in categories))
    assert firsts == ["啤酒", "海鲜", "烧烤", "凉菜", "主食", "外带商品"]


def test_leading_zeros_and_long_codes_stay_text(store: Store, tmp_path: Path) -> None:
    store.products.save(Product("进口饼干", specs=[Spec(barcode="0012345678905", sku="000123", price_fen=1250)]))
    store.products.save(Product("旧商品", specs=[Spec(price_fen=100)], archived=True))
    out = tmp_path / "a.xlsx"
    assert export_products(store, out) == 1
    row = _read_xlsx(out)[1]
    assert row[3].value == "0012345678905" and row[3].data_type == "s"
    assert row[2].value == "000123"
    assert row[6].value == Decimal("12.5") and row[4].value is None  # no category


def test_formulas_are_neutralized_in_xlsx_and_csv(store: Store, tmp_path: Path) -> None:
    store.products.save(Product(EVIL_NAME, unit="@件", specs=[Spec(name="+1", sku="-2+3", price_fen=100)]))
    xlsx, csv_path = tmp_path / "a.xlsx", tmp_path / "a.csv"
    export_products(store, xlsx)
    export_products(store, csv_path)
    row = _read_xlsx(xlsx)[1]
    for index, original in ((0, EVIL_NAME), (1, "+1"), (2, "-2+3"), (5, "@件")):
        assert row[index].data_type == "s" and row[index].quotePrefix  # text, kept text when edited
        assert row[index].value == original  # as typed: no quote shown in Excel, none imported back
    text = csv_path.read_text(encoding="utf-8-sig")
    data = list(csv.reader(io.StringIO(text)))
    assert data[1][0] == "'" + EVIL_NAME and data[1][1] == "'+1" and data[1][2] == "'-2+3"
    assert not any(line.startswith("=") for line in text.splitlines())
    for path in (xlsx, csv_path):  # each imports back as it was: the CSV's quotes come off again
        plan = build_plan(store, read_table(path))
        assert [r.action for r in plan.rows] == ["unchanged"], path


def test_csv_is_utf8_with_bom_and_plain_numbers(shop: Store, tmp_path: Path) -> None:
    out = tmp_path / "商品.csv"
    count = export_products(shop, out)
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0] == list(HEADERS) and len(rows) == count + 1
    beer = next(r for r in rows if r[3] == "6901035606011")
    assert beer[6:10] == ["6.00", "5.50", "3.50", "120"]
    dumplings = next(r for r in rows if r[0] == "真空包装鲅鱼水饺")
    assert dumplings[11] == "180" and dumplings[12] == "商品"


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_our_importer_reads_the_export_back(shop: Store, tmp_path: Path, suffix: str) -> None:
    from importers import read_table

    out = tmp_path / f"export{suffix}"
    count = export_products(shop, out)
    table = read_table(out, kind="products")
    fields = {field for field, _ in table.mapping.values()}
    assert {"name", "spec", "sku", "barcode", "category", "unit", "price_fen", "member_price_fen", "cost_fen",
            "stock", "status", "shelf_life_days"} <= fields
    assert len(table.rows) == count and all(r.ok for r in table.rows)
    expected = {
        (p.name, s.name or None): (s.barcode, None if s.market_price else s.price_fen, s.market_price, s.member_price_fen,
                                   s.cost_fen)
        for p in (shop.products.get(i) for i in shop.products.ids()) if p for s in p.specs
    }
    got = {
        (r.values["name"], r.values.get("spec") or None): (
            r.values.get("barcode"), r.values.get("price_fen"), r.values.get("market_price", False),
            r.values["member_price_fen"], r.values["cost_fen"])
        for r in table.rows
    }
    assert got == expected and sum(v[2] for v in got.values()) == 1  # the demo's 时价 dish is exported as 时价


def test_the_xlsx_carries_each_products_first_photo_and_imports_back_unchanged(shop: Store, tmp_path: Path) -> None:
    from importers import read_table
    from importers.apply import apply_plan
    from importers.plan import build_plan

    out = tmp_path / "export.xlsx"
    export_products(shop, out)
    table = read_table(out, kind="products")
    assert table.field_columns["image"] == len(HEADERS)
    first_photos = {p.name: p.images[0] for p in (shop.products.get(i) for i in shop.products.ids()) if p and p.images}
    got: dict[str, str] = {}
    for r in table.rows:
        for picture in r.values.get("image", ()):
            got[r.values["name"]] = picture.sha256  # the very bytes stored: the same hash
    assert got == first_photos and len(got) > 10
    assert len(openpyxl.load_workbook(out).active._images) == len(got)  # one per product, on its first row
    plan = build_plan(shop, table)
    assert {r.action for r in plan.rows} == {"unchanged"} and apply_plan(shop, plan) is None


def test_a_shop_without_photos_exports_no_photo_column(store: Store, tmp_path: Path) -> None:
    store.products.save(Product("可乐", specs=[Spec(price_fen=300)]))
    out = tmp_path / "export.xlsx"
    export_products(store, out)
    assert [c.value for c in _read_xlsx(out)[0]] == list(HEADERS)


def test_unsupported_format_is_refused(shop: Store, tmp_path: Path) -> None:
    with pytest.raises(ExportError, match=r"\.xlsx"):
        export_products(shop, tmp_path / "a.txt")
    assert not (tmp_path / "a.txt").exists()


@pytest.mark.parametrize("where", ["missing-folder", "folder-is-a-file", "target-is-a-folder"])
def test_unwritable_target_raises_a_plain_error(shop: Store, tmp_path: Path, where: str) -> None:
    if where == "missing-folder":
        out = tmp_path / "nope" / "a.xlsx"
    elif where == "folder-is-a-file":
        (tmp_path / "file").write_text("x")
        out = tmp_path / "file" / "a.csv"
    else:
        out = tmp_path / "a.xlsx"
        out.mkdir()
    with pytest.raises(ExportError) as info:
        export_products(shop, out)
    assert str(out) in str(info.value) and "\n" not in str(info.value)
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_cancel_leaves_the_old_file_and_no_temp(shop: Store, tmp_path: Path) -> None:
    out = tmp_path / "a.csv"
    out.write_text("old", encoding="utf-8")
    calls = []

    def cancel() -> bool:
        calls.append(1)
        return len(calls) > 5

    with pytest.raises(Cancelled):
        export_products(shop, out, cancel=cancel)
    assert out.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp") or p.name.startswith(".a.")] == []


def test_progress_reaches_one(shop: Store, tmp_path: Path) -> None:
    seen: list[float] = []
    export_products(shop, tmp_path / "a.xlsx", progress=lambda f, _label: seen.append(f))
    assert seen and seen[-1] == 1.0 and seen == sorted(seen)


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_exported_file_is_readable_by_others_like_any_new_file(shop: Store, tmp_path: Path) -> None:
    out = tmp_path / "a.xlsx"
    export_products(shop, out)
    umask = os.umask(0)
    os.umask(umask)
    assert out.stat().st_mode & 0o777 == 0o666 & ~umask

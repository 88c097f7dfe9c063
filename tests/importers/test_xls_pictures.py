"""Pictures in .xls workbooks (Excel 97-2003, WPS): read from the Office Drawing records of real
files (one LibreOffice wrote, one Excel wrote), placed in their rows, stored, undone."""

from __future__ import annotations

import hashlib
import io
import shutil
import struct
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image

from catalog.store import Store
from importers.apply import apply_plan
from importers.errors import ImportRefused
from importers.pictures import PictureReader
from importers.plan import build_plan
from importers.table import read_table
from importers.xls_pictures import XlsPictures, _bmp_file, workbook_stream
from tests.importers.photo_colours import photos_by_colour as _photos
from tests.workbooks import png, write_pictured_book


def test_pictures_of_an_xls_go_to_the_products_in_their_rows(data: Path) -> None:
    table = read_table(data / "pictured_goods.xls")
    assert (table.sheet, table.header_row, table.mapping[2]) == ("商品", 2, ("image", 1.0))
    pictures = {r.values["name"]: r.values.get("image", []) for r in table.rows}
    assert {name: [(p.mime, p.width, p.height) for p in got] for name, got in pictures.items()} == {
        "青岛啤酒 500ml": [("image/png", 40, 16)], "崂山可乐": [("image/jpeg", 40, 16)], "辣炒蛤蜊": [],
        "拍黄瓜": [("image/png", 40, 16)], "老醋花生": [("image/png", 40, 16)]}  # the last one grouped with a caption
    assert pictures["青岛啤酒 500ml"] == pictures["拍黄瓜"]  # one picture the file stores once, in two rows
    # the logo above the header is nobody's photo and goes unsaid
    assert any("4 张图片作为所在行商品的图片导入" in zh for zh, _en in table.warnings)
    assert not any("不在任何商品的行里" in zh for zh, _en in table.warnings)


def test_an_xls_import_stores_the_photos_and_undo_removes_them(store: Store, data: Path) -> None:
    path = data / "pictured_goods.xls"
    batch = apply_plan(store, build_plan(store, read_table(path)))
    assert batch
    assert _photos(store) == {"青岛啤酒 500ml": ["red"], "崂山可乐": ["blue"], "辣炒蛤蜊": [], "拍黄瓜": ["red"],
                              "老醋花生": ["purple"]}
    again = build_plan(store, read_table(path))
    assert {r.action for r in again.rows} == {"unchanged"}
    store.batches.undo(batch)
    assert store.products.count() == 0 and store.conn.execute("SELECT count(*) FROM media").fetchone()[0] == 0


def test_each_sheet_of_an_xls_keeps_its_own_pictures(store: Store, data: Path) -> None:
    apply_plan(store, build_plan(store, read_table(data / "pictured_goods.xls", sheet="酒水")))
    assert _photos(store) == {"扎啤": [], "原浆": ["green"]}


def test_an_xls_changed_after_the_preview_is_refused(store: Store, data: Path, tmp_path: Path) -> None:
    path = tmp_path / "商品.xls"
    shutil.copy(data / "pictured_goods.xls", path)
    plan = build_plan(store, read_table(path))
    shutil.copy(data / "date_1904.xls", path)
    with pytest.raises(ImportRefused, match="在预览之后被修改、移走或删除了"):
        apply_plan(store, plan)
    assert store.products.count() == 0 and store.outbox.count() == 0


def test_excel_pictures_outside_the_list_are_no_products_photos(data: Path) -> None:
    """Excel's own .xls: EMF logos above the header, a PNG stamp under the totals."""
    path = data / "INB21040528-332360-USA.xls"
    book = XlsPictures.open(path)
    assert book is not None
    placed = book.sheet("INVOICE")
    assert sorted((p.row, p.col, p.picture.kind, p.picture.problem) for p in placed) == [
        (20, 4, "EMF", "format"), (21, 4, "EMF", "format"), (51, 7, "PNG", None)]
    assert [(p.picture.width, p.picture.height) for p in placed if p.picture.kind == "PNG"] == [(335, 170)]
    table = read_table(path, sheet="INVOICE")
    assert "image" not in table.fields  # the stamp sits in a blank row under the list: no picture column
    assert any("另有 1 张图片不在任何商品的行里" in zh for zh, _en in table.warnings)
    with PictureReader(path) as reader:  # the bytes stored are those measured
        stamp = next(p.picture for p in placed if p.picture.mime)
        assert hashlib.sha256(reader.read(stamp)).hexdigest() == stamp.sha256


def test_a_column_whose_cells_hold_values_is_no_picture_column(tmp_path: Path) -> None:
    rows = [["品名", "售价", "杂项"], ["可乐", 3, "冰镇"], ["雪碧", 3, "常温"], ["芬达", 3, None]]
    path = write_pictured_book(tmp_path / "goods.xlsx", rows, {"C2": png("red"), "C3": png("blue"), "C4": png("green")})
    table = read_table(path)
    assert "image" not in table.fields  # two of its three pictures sit over words
    assert any("3 张图片没有导入" in zh for zh, _en in table.warnings)


@pytest.mark.parametrize("mode", ["RGB", "RGBA", "P", "L", "1"])
def test_a_dib_picture_gets_the_file_header_pillow_reads(mode: str) -> None:
    out = io.BytesIO()
    Image.new(mode, (7, 5), 1 if mode in ("P", "L", "1") else "red").save(out, "BMP")
    bmp = out.getvalue()
    assert _bmp_file(bmp[14:]) == bmp  # an .xls stores a BMP without its first 14 bytes


def _drawing_spans(stream: bytes) -> list[tuple[int, int]]:
    """(start, end) of the data of the drawing records (and their continuations) in a BIFF stream."""
    spans, at, taking = [], 0, False
    while at + 4 <= len(stream):
        kind, length = struct.unpack_from("<HH", stream, at)
        if kind in (0xEB, 0xEC) or (taking and kind == 0x3C):
            spans.append((at + 4, at + 4 + length))
            taking = True
        else:
            taking = False
        at += 4 + length
    return spans


GOODS = Path(__file__).parent / "data" / "pictured_goods.xls"
STREAM = workbook_stream(GOODS) or b""
SPANS = _drawing_spans(STREAM)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.integers(0, 10**9), st.integers(0, 255)), min_size=1, max_size=8))
def test_damaged_drawing_records_give_fewer_pictures_never_an_error(changes: list[tuple[int, int]]) -> None:
    assert SPANS  # the file has drawing records to damage
    total = sum(end - start for start, end in SPANS)
    stream = bytearray(STREAM)
    for where, value in changes:
        offset = where % total
        for start, end in SPANS:
            if offset < end - start:
                stream[start + offset] = value
                break
            offset -= end - start
    book = XlsPictures(bytes(stream))
    for name in ("商品", "酒水"):
        for placed in book.sheet(name):
            assert placed.row >= 0 and placed.col >= 0


def test_a_truncated_xls_gives_no_pictures(tmp_path: Path) -> None:
    path = tmp_path / "cut.xls"
    path.write_bytes(GOODS.read_bytes()[:3000])
    assert XlsPictures.open(path) is None

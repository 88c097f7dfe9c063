"""Pictures in .ods workbooks (LibreOffice, WPS): read from a real file LibreOffice wrote, placed
in their rows, stored; those anchored to the page are said, not guessed."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest

from catalog.store import Store
from importers.apply import apply_plan
from importers.errors import ImportRefused
from importers.ods_content import OdsContent
from importers.plan import build_plan
from importers.table import read_table
from tests.importers.conftest import DATA
from tests.importers.photo_colours import photos_by_colour


def test_pictures_anchored_to_cells_go_to_the_products_in_their_rows(store: Store, data: Path) -> None:
    path = data / "pictured_goods.ods"
    table = read_table(path)
    assert (table.sheet, table.header_row, table.mapping[2]) == ("商品", 2, ("image", 1.0))
    assert any("4 张图片作为所在行商品的图片导入" in zh for zh, _en in table.warnings)
    assert not any("锚点" in zh for zh, _en in table.warnings)  # the picture on the page is on the other sheet
    batch = apply_plan(store, build_plan(store, table))
    assert batch
    assert photos_by_colour(store) == {"青岛啤酒 500ml": ["red"], "崂山可乐": ["blue"], "辣炒蛤蜊": [], "拍黄瓜": ["red"],
                                       "老醋花生": ["purple"]}  # the last one grouped with a caption
    assert {r.action for r in build_plan(store, read_table(path)).rows} == {"unchanged"}
    store.batches.undo(batch)
    assert store.conn.execute("SELECT count(*) FROM media").fetchone()[0] == 0


def test_a_picture_anchored_to_the_page_is_said_not_imported(store: Store, data: Path) -> None:
    table = read_table(data / "pictured_goods.ods", sheet="酒水")
    assert any("另有 1 张图片固定在页面上" in zh and "到单元格" in zh for zh, _en in table.warnings)
    apply_plan(store, build_plan(store, table))
    assert photos_by_colour(store) == {"扎啤": [], "原浆": ["green"]}


def _with_content(source: Path, path: Path, content: bytes) -> Path:
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(path, "w") as dst:
        for info in src.infolist():
            dst.writestr(info, content if info.filename == "content.xml" else src.read(info))
    return path


def test_repeated_rows_and_cells_are_counted(data: Path, tmp_path: Path) -> None:
    """LibreOffice writes runs of like rows and cells once, with a repeat count."""
    with zipfile.ZipFile(data / "pictured_goods.ods") as zf:
        content = zf.read("content.xml").decode()
    member = next(n for n in zipfile.ZipFile(data / "pictured_goods.ods").namelist() if n.startswith("Pictures/"))
    # a sheet: 3 empty rows written as one, then a row whose 2 empty cells are one, then a picture
    sheet = ('<table:table table:name="T"><table:table-row table:number-rows-repeated="3"><table:table-cell/>'
             '</table:table-row><table:table-row><table:table-cell table:number-columns-repeated="2"/>'
             f'<table:table-cell><draw:frame><draw:image xlink:href="{member}"/></draw:frame></table:table-cell>'
             '</table:table-row></table:table>')
    content = content.replace("</office:spreadsheet>", sheet + "</office:spreadsheet>")
    found = OdsContent.read(_with_content(data / "pictured_goods.ods", tmp_path / "r.ods", content.encode()))
    assert [(p.row, p.col) for p in found.sheet("T")] == [(3, 2)]


def test_an_entity_bomb_in_the_content_gives_no_pictures_and_one_sentence(data: Path, tmp_path: Path) -> None:
    bomb = (b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>'
            b'<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0">&b;'
            b'</office:document-content>')
    path = _with_content(data / "pictured_goods.ods", tmp_path / "bomb.ods", bomb)
    found = OdsContent.read(path)
    assert found.anchors == {} and found.on_page == {}
    with pytest.raises(ImportRefused, match="没有任何数据"):
        read_table(path)


def test_an_ods_without_pictures_is_read_as_before(data: Path, tmp_path: Path) -> None:
    path = tmp_path / "plain.ods"
    shutil.copy(data / "merged_cells.ods", path)
    table = read_table(path)
    assert not any("图片" in zh for zh, _en in table.warnings)


@pytest.mark.parametrize("chunk", [7, 97, 1000])
def test_the_content_read_in_small_chunks_places_the_same_pictures(data: Path, monkeypatch: pytest.MonkeyPatch,
                                                                  chunk: int) -> None:
    import importers.ods_content as ods

    whole = OdsContent.read(data / "pictured_goods.ods")
    monkeypatch.setattr(ods, "_CHUNK", chunk)
    pieces = OdsContent.read(data / "pictured_goods.ods")
    assert (pieces.anchors, pieces.on_page) == (whole.anchors, whole.on_page)
    assert sum(map(len, whole.anchors.values())) == 6 and whole.on_page == {"酒水": 1}


def test_merged_cells_of_an_ods_are_read(data: Path) -> None:
    """calamine gives an .ods no merged ranges: a category merged down its products was lost."""
    from importers.readers import open_book
    from importers.sniff import sniff_path

    path = data / "merged_cells.ods"
    book = open_book(path, sniff_path(path))
    try:
        raw = book.load(book.sheets[0].name)
    finally:
        book.close()
    assert raw.merged == [(1, 0, 2, 0)] and raw.rows[2][0] == ""  # A2:A3, as LibreOffice shows it


def test_a_category_merged_down_its_products_reaches_each_of_them(tmp_path: Path) -> None:
    text = '<table:table-cell office:value-type="string"><text:p>{}</text:p></table:table-cell>'
    content = ('<table:table table:name="商品"><table:table-row>' + "".join(text.format(h) for h in ("分类", "品名", "售价"))
               + '</table:table-row>'
               '<table:table-row><table:table-cell table:number-rows-spanned="2" office:value-type="string">'
               '<text:p>酒水</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>青岛啤酒</text:p>'
               '</table:table-cell><table:table-cell office:value-type="float" office:value="6"><text:p>6</text:p>'
               '</table:table-cell></table:table-row>'
               '<table:table-row><table:covered-table-cell/><table:table-cell office:value-type="string"><text:p>崂山可乐'
               '</text:p></table:table-cell><table:table-cell office:value-type="float" office:value="3"><text:p>3</text:p>'
               '</table:table-cell></table:table-row></table:table>')
    with zipfile.ZipFile(DATA / "pictured_goods.ods") as zf:
        whole = zf.read("content.xml").decode()
    start, end = whole.index("<office:spreadsheet>") + len("<office:spreadsheet>"), whole.index("</office:spreadsheet>")
    path = _with_content(DATA / "pictured_goods.ods", tmp_path / "分类.ods", (whole[:start] + content + whole[end:]).encode())
    table = read_table(path)
    assert [(r.values["name"], r.values.get("category")) for r in table.rows] == [("青岛啤酒", "酒水"), ("崂山可乐", "酒水")]

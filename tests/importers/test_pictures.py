"""Pictures in the sheet become the photos of the products in their rows: floating pictures and
WPS cell images, read from real .xlsx files, applied to a real SQLite store, undone."""

from __future__ import annotations

import hashlib
import io
import re
import zipfile
from pathlib import Path

import openpyxl
import pytest
from hypothesis import given
from hypothesis import strategies as st
from openpyxl.drawing.image import Image as SheetImage
from openpyxl.drawing.spreadsheet_drawing import AnchorMarker, TwoCellAnchor

from catalog.batches import UndoRefused
from catalog.store import Store
from importers.apply import apply_plan, summary
from importers.errors import ImportRefused
from importers.plan import build_plan
from importers.table import read_table
from tests.workbooks import png, write_excel365_book, write_pictured_book, write_wps_book

RED, BLUE, GREEN = png("red"), png("blue"), png("green")
MENU = [["菜名", "价格", "图片"], ["辣炒蛤蜊", 38, None], ["拍黄瓜", 12, None], ["老醋花生", 15, None]]


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _photos(store: Store, name: str) -> list[str]:
    (pid,) = [r[0] for r in store.conn.execute("SELECT id FROM products WHERE name = ?", (name,))]
    product = store.products.get(pid)
    assert product is not None
    return product.images


def _import(store: Store, path: Path) -> str | None:
    return apply_plan(store, build_plan(store, read_table(path)))


def test_floating_pictures_belong_to_the_rows_they_sit_in(tmp_path: Path) -> None:
    path = write_pictured_book(tmp_path / "菜单.xlsx", MENU, {"C2": RED, "C4": BLUE})
    table = read_table(path)
    assert table.mapping[2] == ("image", 1.0)
    got = {r.values["name"]: [p.sha256 for p in r.values.get("image", ())] for r in table.rows}
    assert got == {"辣炒蛤蜊": [_sha(RED)], "拍黄瓜": [], "老醋花生": [_sha(BLUE)]}
    assert [(p.mime, p.width, p.height) for p in table.rows[0].values["image"]] == [("image/png", 8, 8)]
    assert any("2 张图片作为所在行商品的图片导入" in zh for zh, _en in table.warnings)


def test_a_column_of_pictures_without_a_header_is_mapped_to_them(tmp_path: Path) -> None:
    rows = [["品名", "售价", None], ["可乐", 3, None], ["雪碧", 3, None]]
    table = read_table(write_pictured_book(tmp_path / "goods.xlsx", rows, {"C2": RED, "C3": BLUE}))
    assert table.mapping[2] == ("image", 0.9)
    assert [len(r.values.get("image", ())) for r in table.rows] == [1, 1]


def test_the_user_can_leave_the_pictures_out(tmp_path: Path) -> None:
    path = write_pictured_book(tmp_path / "菜单.xlsx", MENU, {"C2": RED})
    table = read_table(path, mapping_override={2: None})
    assert "image" not in table.fields and not any("image" in r.values for r in table.rows)
    assert any("1 张图片没有导入" in zh for zh, _en in table.warnings)


def test_a_logo_above_the_header_is_no_product_photo(tmp_path: Path) -> None:
    rows = [["海鲜酒家价目表", None, None], ["菜名", "价格", "备注"], ["辣炒蛤蜊", 38, ""]]
    table = read_table(write_pictured_book(tmp_path / "价目表.xlsx", rows, {"C1": RED}))
    assert table.header_row == 2 and "image" not in table.fields
    assert not any("图片" in zh for zh, _en in table.warnings)


def test_a_picture_straddling_two_rows_goes_to_the_one_it_covers_most(tmp_path: Path) -> None:
    path = tmp_path / "菜单.xlsx"
    wb = openpyxl.Workbook()
    for row in MENU:
        wb.active.append(row)
    image = SheetImage(io.BytesIO(RED))
    # from the bottom tenth of row 2 (0-based 1) to most of row 3: the picture is row 3's
    image.anchor = TwoCellAnchor(_from=AnchorMarker(col=2, row=1, rowOff=170_000), to=AnchorMarker(col=3, row=2, rowOff=180_000))
    wb.active.add_image(image)
    wb.save(path)
    table = read_table(path)
    assert [r.values["name"] for r in table.rows if "image" in r.values] == ["拍黄瓜"]


def test_wps_cell_images_are_read_and_their_formula_text_is_no_value(tmp_path: Path) -> None:
    rows = [["商品名称", "售价", "商品图片"], ["青岛啤酒", 8, '=DISPIMG("ID_A1",1)'], ["崂山可乐", 3, '=DISPIMG("ID_B2",1)'],
            ["花生米", 6, ""]]
    table = read_table(write_wps_book(tmp_path / "wps.xlsx", rows, {"ID_A1": RED, "ID_B2": BLUE}))
    assert [[p.sha256 for p in r.values.get("image", ())] for r in table.rows] == [[_sha(RED)], [_sha(BLUE)], []]
    assert all("DISPIMG" not in str(c) for r in table.rows for c in r.raw)


def test_wps_cell_images_in_a_column_named_otherwise_are_found(tmp_path: Path) -> None:
    rows = [["名称", "价格", ""], ["青岛啤酒", 8, '=DISPIMG("ID_A1",1)']]
    table = read_table(write_wps_book(tmp_path / "wps.xlsx", rows, {"ID_A1": RED}))
    assert table.mapping[2][0] == "image" and table.rows[0].values["image"][0].sha256 == _sha(RED)


def _replace_picture(path: Path, index: int, data: bytes) -> None:
    """Put other bytes in the workbook's `index`-th picture (openpyxl itself writes every picture as PNG)."""
    with zipfile.ZipFile(path) as zf:
        members = {i.filename: zf.read(i) for i in zf.infolist()}
    members[sorted(n for n in members if n.startswith("xl/media/"))[index]] = data
    with zipfile.ZipFile(path, "w") as zf:
        for name, content in members.items():
            zf.writestr(name, content)


def test_a_picture_that_cannot_be_stored_is_a_warning_in_its_cell(tmp_path: Path) -> None:
    path = write_pictured_book(tmp_path / "菜单.xlsx", MENU, {"C2": RED, "C3": BLUE})
    _replace_picture(path, 1, b"\x01\x00\x00\x00" + bytes(36) + b" EMF" + bytes(60))  # a metafile pasted from Office
    table = read_table(path)
    clam, cucumber = table.rows[0], table.rows[1]
    assert "image" in clam.values and "image" not in cucumber.values and cucumber.ok
    (issue,) = cucumber.issues
    assert (issue.row, issue.column, issue.severity, issue.code) == (3, "C", "warning", "picture_format")
    assert "PNG" in issue.fix_zh


def test_a_bmp_picture_is_stored_as_png(store: Store, tmp_path: Path) -> None:
    path = write_pictured_book(tmp_path / "菜单.xlsx", MENU, {"C2": RED})
    _replace_picture(path, 0, png("red", fmt="BMP"))
    (picture,) = read_table(path).rows[0].values["image"]
    assert (picture.mime, picture.convert) == ("image/png", True)
    _import(store, path)
    (digest,) = _photos(store, "辣炒蛤蜊")
    assert store.media.get(digest)[:8] == b"\x89PNG\r\n\x1a\n"  # type: ignore[index]


def test_side_by_side_blocks_keep_their_own_pictures(tmp_path: Path) -> None:
    rows = [["菜名", "价格", "图片", "菜名", "价格", "图片"], ["拍黄瓜", 12, None, "辣炒蛤蜊", 38, None]]
    table = read_table(write_pictured_book(tmp_path / "菜单.xlsx", rows, {"C2": RED, "F2": BLUE}))
    assert [(r.values["name"], [p.sha256 for p in r.values["image"]]) for r in table.rows] == [
        ("拍黄瓜", [_sha(RED)]), ("辣炒蛤蜊", [_sha(BLUE)])]


def test_import_gives_new_products_their_photos_with_outbox_rows_in_order(store: Store, tmp_path: Path) -> None:
    path = write_pictured_book(tmp_path / "菜单.xlsx", MENU, {"C2": RED, "C4": RED})
    plan = build_plan(store, read_table(path))
    assert store.conn.execute("SELECT count(*) FROM media").fetchone()[0] == 0  # a dry run writes nothing
    assert apply_plan(store, plan)
    assert _photos(store, "辣炒蛤蜊") == [_sha(RED)] == _photos(store, "老醋花生") and _photos(store, "拍黄瓜") == []
    assert store.media.get(_sha(RED)) == RED and store.media.mime(_sha(RED)) == "image/png"
    order = [(r.entity, r.op) for r in store.outbox.pending()]
    media = order.index(("media", "insert"))
    assert order.count(("media", "insert")) == 1 and order.count(("image", "insert")) == 2
    assert max(i for i, e in enumerate(order) if e[0] == "product") < media < order.index(("image", "insert"))


def test_reimporting_the_same_pictures_changes_nothing(store: Store, tmp_path: Path) -> None:
    path = write_pictured_book(tmp_path / "菜单.xlsx", MENU, {"C2": RED})
    _import(store, path)
    outbox = store.outbox.count()
    again = build_plan(store, read_table(path))
    assert {r.action for r in again.rows} == {"unchanged"} and apply_plan(store, again) is None
    # the same rows again in another file: compared in full, the photo already is the product's
    other = write_pictured_book(tmp_path / "菜单2.xlsx", [*MENU, ["皮蛋豆腐", 10, None]], {"C2": RED})
    plan = build_plan(store, read_table(other))
    assert [r.action for r in plan.rows] == ["unchanged", "unchanged", "unchanged", "new"]
    assert store.outbox.count() == outbox


def test_a_new_picture_comes_first_and_undo_puts_the_old_order_back(store: Store, tmp_path: Path) -> None:
    _import(store, write_pictured_book(tmp_path / "一.xlsx", MENU, {"C2": RED}))
    plan = build_plan(store, read_table(write_pictured_book(tmp_path / "二.xlsx", MENU, {"C2": BLUE})))
    (changed,) = [r for r in plan.rows if r.action == "changed"]
    assert (changed.name, changed.diffs) == ("辣炒蛤蜊", {"images": (1, 2)})  # photos before and after
    batch = apply_plan(store, plan)
    assert batch and _photos(store, "辣炒蛤蜊") == [_sha(BLUE), _sha(RED)]  # the old photo stays, second
    assert summary(plan, batch)["updated"] == 1
    store.batches.undo(batch)
    assert _photos(store, "辣炒蛤蜊") == [_sha(RED)]
    assert store.media.get(_sha(BLUE)) is None  # never pushed, shown by nothing: gone with its outbox row
    assert ("media", _sha(BLUE)) not in {(r.entity, r.entity_id) for r in store.outbox.pending()}


def test_undo_of_an_import_with_pictures_leaves_nothing_to_push(store: Store, tmp_path: Path) -> None:
    batch = _import(store, write_pictured_book(tmp_path / "菜单.xlsx", MENU, {"C2": RED, "C3": BLUE}))
    assert batch
    store.batches.undo(batch)
    assert store.outbox.count() == 0 and store.products.count() == 0
    assert store.conn.execute("SELECT count(*) FROM media").fetchone()[0] == 0
    assert store.conn.execute("SELECT count(*) FROM product_images").fetchone()[0] == 0


def test_undo_keeps_photo_bytes_whose_upload_may_be_on_its_way(store: Store, tmp_path: Path) -> None:
    batch = _import(store, write_pictured_book(tmp_path / "菜单.xlsx", MENU, {"C2": RED}))
    assert batch
    store.outbox.record_sent(max(r.mutation_id for r in store.outbox.pending()))
    store.batches.undo(batch)
    assert store.media.get(_sha(RED)) == RED  # a push may still read it
    assert ("product", "delete") in {(r.entity, r.op) for r in store.outbox.pending()}


def test_undo_is_refused_when_an_imported_photo_was_removed_since(store: Store, tmp_path: Path) -> None:
    _import(store, write_pictured_book(tmp_path / "一.xlsx", MENU, {"C2": RED}))
    batch = _import(store, write_pictured_book(tmp_path / "二.xlsx", MENU, {"C2": BLUE}))
    assert batch
    with store.transaction():
        store.conn.execute("DELETE FROM product_images WHERE sha256 = ?", (_sha(BLUE),))
    with pytest.raises(UndoRefused, match="图片“辣炒蛤蜊”"):
        store.batches.undo(batch)


def test_a_file_changed_after_the_preview_is_refused_and_nothing_is_written(store: Store, tmp_path: Path) -> None:
    path = write_pictured_book(tmp_path / "菜单.xlsx", MENU, {"C2": RED})
    plan = build_plan(store, read_table(path))
    write_pictured_book(path, MENU, {"C2": BLUE})
    with pytest.raises(ImportRefused, match="在预览之后被修改、移走或删除了"):
        apply_plan(store, plan)
    assert store.products.count() == 0 and store.outbox.count() == 0
    path.unlink()  # moved away meanwhile: the same plain refusal
    with pytest.raises(ImportRefused, match="moved or deleted after it was previewed"):
        apply_plan(store, plan)
    assert store.products.count() == 0 and store.outbox.count() == 0


def test_a_ledger_does_not_import_pictures(tmp_path: Path) -> None:
    rows = [["交易时间", "商品", "金额", "凭证"], ["2026-11-01 12:00:00", "青岛啤酒", 8, None]]
    table = read_table(write_pictured_book(tmp_path / "流水.xlsx", rows, {"D2": RED}), kind="ledger")
    assert "image" not in table.fields and any("流水" in zh and "图片" in zh for zh, _en in table.warnings)


def test_the_error_report_keeps_the_photos_of_its_rows(store: Store, tmp_path: Path) -> None:
    from importers.report import write_error_report

    rows = [MENU[0], ["辣炒蛤蜊", 38, None], ["拍黄瓜", "十二元", None], ["老醋花生", "abc", None]]
    plan = build_plan(store, read_table(write_pictured_book(tmp_path / "菜单.xlsx", rows, {"C2": RED, "C3": BLUE})))
    assert write_error_report(plan, tmp_path / "report.xlsx") == 2
    report = read_table(tmp_path / "report.xlsx")
    assert [(r.values["name"], [p.sha256 for p in r.values.get("image", ())]) for r in report.rows] == [
        ("拍黄瓜", [_sha(BLUE)]), ("老醋花生", [])]


def test_excel365_pictures_placed_in_cells_are_read(tmp_path: Path) -> None:
    rows = [["名称", "价格", "图片"], ["青岛啤酒", 8], ["崂山可乐", 3], ["花生米", 6]]
    path = write_excel365_book(tmp_path / "365.xlsx", rows, {(1, 2): RED, (3, 2): BLUE}, floating={(6, 2): GREEN})
    table = read_table(path)
    assert table.mapping[2] == ("image", 1.0)
    assert [[p.sha256 for p in r.values.get("image", ())] for r in table.rows] == [[_sha(RED)], [], [_sha(BLUE)]]
    # the floating picture below the list belongs to no product, and the note says so
    assert any("2 张图片作为所在行商品的图片导入" in zh for zh, _en in table.warnings)
    assert any("另有 1 张图片不在任何商品的行里" in zh for zh, _en in table.warnings)


def test_floating_pictures_written_by_another_program_are_placed_alike(tmp_path: Path) -> None:
    rows = [["名称", "价格", "图片"], ["青岛啤酒", 8], ["崂山可乐", 3]]
    path = write_excel365_book(tmp_path / "xw.xlsx", rows, {}, floating={(2, 2): GREEN})
    assert [len(r.values.get("image", ())) for r in read_table(path).rows] == [0, 1]


def test_a_picture_an_ods_keeps_but_shows_in_no_cell_is_nobodys_photo(data: Path, tmp_path: Path) -> None:
    import shutil

    path = tmp_path / "菜单.ods"
    shutil.copy(data / "merged_cells.ods", path)
    before = read_table(path)
    with zipfile.ZipFile(path, "a") as zf:  # where LibreOffice keeps the pictures of a sheet
        zf.writestr("Pictures/10000001.png", RED)
    table = read_table(path)
    assert len(table.rows) == len(before.rows) and "image" not in table.fields
    assert table.warnings == before.warnings


def test_an_xlsb_with_pictures_is_known_to_have_them(tmp_path: Path) -> None:
    from importers.sniff import sniff_path

    path = tmp_path / "商品.xlsb"
    with zipfile.ZipFile(path, "w") as zf:  # the parts an .xlsb holds its workbook and a picture in
        zf.writestr("xl/workbook.bin", b"\x83\x01\x00")
        zf.writestr("xl/media/image1.png", RED)
    assert sniff_path(path).format == "xlsb" and sniff_path(path).pictures  # so the import says they are not read


def test_an_entity_bomb_in_a_drawing_leaves_its_pictures_out_and_the_rows_in(tmp_path: Path) -> None:
    path = write_pictured_book(tmp_path / "菜单.xlsx", MENU, {"C2": RED})
    with zipfile.ZipFile(path) as zf:
        members = {i.filename: zf.read(i) for i in zf.infolist()}
    (drawing,) = [n for n in members if n.startswith("xl/drawings/drawing")]
    entities = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10 if i else "lol"}">' for i in range(10))
    body = members[drawing].split(b"?>", 1)[-1]  # without its XML declaration
    body = re.sub(rb"<([\w]+:)?wsDr", lambda m: m.group(0) + b' data-bomb="&l9;"', body, count=1)
    members[drawing] = f'<?xml version="1.0"?><!DOCTYPE wsDr [{entities}]>'.encode() + body
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    table = read_table(path)
    assert len(table.rows) == 3 and not any("image" in r.values for r in table.rows)


def test_a_picture_column_of_web_links_says_they_are_not_downloaded(tmp_path: Path) -> None:
    path = tmp_path / "shopify.csv"
    path.write_text("Title,Variant Price,Image Src\nT-shirt,19.9,https://cdn.example.com/t.jpg\n", encoding="utf-8")
    table = read_table(path)
    assert table.mapping[2][0] == "image" and "image" not in table.rows[0].values
    assert any("does not download them" in en for _zh, en in table.warnings)


def test_a_picture_wrapped_in_alternate_content_is_found(tmp_path: Path) -> None:
    path = write_pictured_book(tmp_path / "菜单.xlsx", MENU, {"C3": RED})
    with zipfile.ZipFile(path) as zf:
        members = {i.filename: zf.read(i) for i in zf.infolist()}
    (drawing,) = [n for n in members if n.startswith("xl/drawings/drawing")]
    mc = b'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
    members[drawing] = re.sub(  # as some programs write it: the anchor inside mc:AlternateContent/mc:Choice
        rb"(<(?:\w+:)?oneCellAnchor.*</(?:\w+:)?oneCellAnchor>)",
        lambda m: b'<mc:AlternateContent ' + mc + b'><mc:Choice Requires="a14">' + m.group(1) + b"</mc:Choice></mc:AlternateContent>",
        members[drawing], flags=re.S)
    assert b"AlternateContent" in members[drawing]
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    assert [r.values["name"] for r in read_table(path).rows if "image" in r.values] == ["拍黄瓜"]


@given(start=st.integers(0, 1000), start_off=st.integers(0, 10_000_000), span=st.integers(-3, 50),
       end_off=st.integers(0, 10_000_000))
def test_a_picture_is_placed_in_a_row_it_covers(start: int, start_off: int, span: int, end_off: int) -> None:
    from importers.pictures import most_covered

    end = start + span if span >= 0 else None
    row = most_covered(start, start_off, end, end_off, 190_500)
    assert start <= row <= (end if end is not None and end >= start else start)
    if end is not None and end - start > 1:
        assert row in (start, start + 1)  # a whole row lies between: never the last, partly covered one


def test_sheets_read_together_keep_each_sheets_pictures(tmp_path: Path) -> None:
    path = tmp_path / "菜单.xlsx"
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for name, rows, photo in (("凉菜", [["菜名", "价格", "图片"], ["拍黄瓜", 12, None], ["老醋花生", 15, None]], RED),
                              ("热菜", [["菜名", "价格", "图片"], ["辣炒蛤蜊", 38, None]], BLUE)):
        ws = wb.create_sheet(name)
        for row in rows:
            ws.append(row)
        ws.add_image(SheetImage(io.BytesIO(photo)), "C2")  # the first dish of each sheet
    wb.save(path)
    table = read_table(path)
    assert table.sheets == ["凉菜", "热菜"]
    assert {r.values["name"]: [p.sha256 for p in r.values.get("image", ())] for r in table.rows} == {
        "拍黄瓜": [_sha(RED)], "老醋花生": [], "辣炒蛤蜊": [_sha(BLUE)]}

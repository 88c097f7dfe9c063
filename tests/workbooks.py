"""Small real workbooks for tests, written with openpyxl."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import openpyxl

MENU_SHEETS: dict[str, list[list[object]]] = {
    "凉菜": [["菜名", "价格"], ["拍黄瓜", 12], ["老醋花生", 15]],
    "热菜": [["菜名", "价格"], ["辣炒蛤蜊", 38]],
}


def write_book(path: Path, sheets: dict[str, list[list[object]]]) -> Path:
    """An .xlsx at `path` with these sheets (name -> rows), in order."""
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        for row in rows:
            ws.append(row)
    wb.save(path)
    return path


def png(color: str = "red", size: tuple[int, int] = (8, 8), fmt: str = "PNG") -> bytes:
    """A small real picture (PNG unless `fmt` says another Pillow format)."""
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", size, color).save(out, fmt)
    return out.getvalue()


def write_pictured_book(path: Path, rows: list[list[object]], pictures: dict[str, bytes], sheet: str = "商品") -> Path:
    """An .xlsx with one sheet of `rows` and floating pictures, each anchored at a cell ("C2"), as
    Excel or WPS leave a picture inserted over the sheet."""
    from openpyxl.drawing.image import Image as SheetImage

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = sheet
    for row in rows:
        ws.append(row)
    for cell, data in pictures.items():
        ws.add_image(SheetImage(io.BytesIO(data)), cell)
    wb.save(path)
    return path


def write_wps_book(path: Path, rows: list[list[object]], images: dict[str, bytes]) -> Path:
    """An .xlsx as WPS writes cell images (嵌入单元格): a cell holding '=DISPIMG("ID_…",1)' shows the
    picture of that ID, listed in xl/cellimages.xml."""
    plain = path.with_suffix(".plain.xlsx")
    write_book(plain, {"Sheet1": rows})
    ns = ('xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" '
          'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
          'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
          'xmlns:etc="http://www.wps.cn/officeDocument/2017/etCustomData"')
    pics = "".join(
        f'<etc:cellImage><xdr:pic><xdr:nvPicPr><xdr:cNvPr id="{i + 2}" name="{ident}"/><xdr:cNvPicPr/></xdr:nvPicPr>'
        f'<xdr:blipFill><a:blip r:embed="rId{i + 1}"/><a:stretch><a:fillRect/></a:stretch></xdr:blipFill>'
        '<xdr:spPr><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr></xdr:pic></etc:cellImage>'
        for i, ident in enumerate(images))
    rels = "".join(f'<Relationship Id="rId{i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image"'
                   f' Target="media/image{i + 1}.png"/>' for i in range(len(images)))
    with zipfile.ZipFile(plain) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            data = src.read(info)
            if info.filename.startswith("xl/worksheets/sheet"):  # the formula's cached text, as WPS saves it
                data = re.sub(rb'<c r="([A-Z]+\d+)"><f>DISPIMG\("([^"]+)",1\)</f><v ?/>',
                              rb'<c r="\1" t="str"><f>_xlfn.DISPIMG("\2",1)</f><v>=DISPIMG("\2",1)</v>', data)
            out.writestr(info, data)
        out.writestr("xl/cellimages.xml", f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><etc:cellImages {ns}>{pics}</etc:cellImages>')
        out.writestr("xl/_rels/cellimages.xml.rels", '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships'
                     f' xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{rels}</Relationships>')
        for i, data in enumerate(images.values()):
            out.writestr(f"xl/media/image{i + 1}.png", data)
    plain.unlink()
    return path


def write_excel365_book(path: Path, rows: list[list[object]], in_cells: dict[tuple[int, int], bytes],
                        floating: dict[tuple[int, int], bytes] | None = None) -> Path:
    """An .xlsx as Excel 365 writes pictures placed in cells (插入 → 图片 → 放置在单元格中): each
    (row, column), 0-based, holds its picture as a rich value; `floating` ones are laid over cells."""
    import xlsxwriter

    wb = xlsxwriter.Workbook(str(path))
    ws = wb.add_worksheet("商品")
    for r, row in enumerate(rows):
        ws.write_row(r, 0, row)
    for (r, c), data in in_cells.items():
        ws.embed_image(r, c, f"picture{r}_{c}.png", {"image_data": io.BytesIO(data)})
    for (r, c), data in (floating or {}).items():
        ws.insert_image(r, c, f"float{r}_{c}.png", {"image_data": io.BytesIO(data)})
    wb.close()
    return path

"""Makes pictured_goods.xls and pictured_goods.ods, test files with pictures in their rows (run
by hand; needs LibreOffice's `soffice` on PATH): an .xlsx is written with openpyxl, one picture is
put into a group with a caption (as a shop groups a photo with a "新品" label), and LibreOffice
saves it as Excel 97-2003 (pictures as Office Drawing records, as Excel and WPS write them) and as
.ods (pictures anchored to their cells; the one the .xlsx places by position anchored to the page).

    python -m tests.importers.data.make_pictured_books
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import tempfile
import zipfile
from pathlib import Path

import openpyxl
from openpyxl.drawing.image import Image as SheetImage
from openpyxl.drawing.spreadsheet_drawing import AbsoluteAnchor
from openpyxl.drawing.xdr import XDRPoint2D, XDRPositiveSize2D

from tests.workbooks import png

HERE = Path(__file__).parent
GOODS = [["海鲜酒家商品表", None, None], ["品名", "售价", "图片"], ["青岛啤酒 500ml", 6, None], ["崂山可乐", 3, None],
         ["辣炒蛤蜊", 38, None], ["拍黄瓜", 12, None], ["老醋花生", 15, None]]
DRINKS = [["名称", "价格", "照片"], ["扎啤", 15, None], ["原浆", 25, None]]
# cell -> (colour, format): the logo above the header, two rows sharing one picture, a JPEG, a BMP
GOODS_PICTURES = {"C1": ("yellow", "PNG"), "C3": ("red", "PNG"), "C4": ("blue", "JPEG"), "C6": ("red", "PNG"),
                  "C7": ("purple", "BMP")}
DRINKS_PICTURES = {"C3": ("green", "PNG")}
DRINKS_ON_PAGE = ("orange", 3_000_000, 3_000_000)  # a picture placed by position (EMU), far below the list
_GROUP = ('<twoCellAnchor><from><col>2</col><colOff>0</colOff><row>6</row><rowOff>0</rowOff></from>'
          '<to><col>3</col><colOff>0</colOff><row>7</row><rowOff>0</rowOff></to>'
          '<grpSp><nvGrpSpPr><cNvPr id="20" name="Group 1"/><cNvGrpSpPr/></nvGrpSpPr><grpSpPr><a:xfrm>'
          '<a:off x="1219200" y="1143000"/><a:ext cx="609600" cy="190500"/><a:chOff x="1219200" y="1143000"/>'
          '<a:chExt cx="609600" cy="190500"/></a:xfrm></grpSpPr>{pic}'
          '<sp><nvSpPr><cNvPr id="21" name="Text 1"/><cNvSpPr txBox="1"/></nvSpPr><spPr><a:xfrm>'
          '<a:off x="1600200" y="1143000"/><a:ext cx="228600" cy="190500"/></a:xfrm><a:prstGeom prst="rect"/>'
          '</spPr><txBody><a:bodyPr/><a:p><a:r><a:t>新品</a:t></a:r></a:p></txBody></sp></grpSp><clientData/></twoCellAnchor>')


def _picture(colour: str, fmt: str) -> SheetImage:
    return SheetImage(io.BytesIO(png(colour, (40, 16), fmt)))


def _group_last_picture(xlsx: Path) -> None:
    """Put the first sheet's last picture into a group with a text box."""
    with zipfile.ZipFile(xlsx) as zf:
        parts = {n: zf.read(n) for n in zf.namelist()}
    drawing = parts["xl/drawings/drawing1.xml"].decode()
    anchors = re.findall(r"<oneCellAnchor>.*?</oneCellAnchor>", drawing)
    pic = re.search(r"<pic>.*?</pic>", anchors[-1])
    assert pic is not None
    with_xfrm = pic.group().replace('<spPr>', '<spPr><a:xfrm><a:off x="1219200" y="1143000"/>'
                                    '<a:ext cx="381000" cy="152400"/></a:xfrm>')
    parts["xl/drawings/drawing1.xml"] = drawing.replace(anchors[-1], _GROUP.format(pic=with_xfrm)).encode()
    with zipfile.ZipFile(xlsx, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in parts.items():
            zf.writestr(name, data)


def main() -> None:
    """Write pictured_goods.xls and pictured_goods.ods next to this script."""
    wb = openpyxl.Workbook()
    goods = wb.active
    assert goods is not None
    goods.title = "商品"
    for row in GOODS:
        goods.append(row)
    for cell, (colour, fmt) in GOODS_PICTURES.items():
        goods.add_image(_picture(colour, fmt), cell)
    drinks = wb.create_sheet("酒水")
    for row in DRINKS:
        drinks.append(row)
    for cell, (colour, fmt) in DRINKS_PICTURES.items():
        drinks.add_image(_picture(colour, fmt), cell)
    colour, x, y = DRINKS_ON_PAGE
    on_page = _picture(colour, "PNG")
    on_page.anchor = AbsoluteAnchor(pos=XDRPoint2D(x, y), ext=XDRPositiveSize2D(381000, 152400))
    drinks.add_image(on_page)
    with tempfile.TemporaryDirectory() as tmp:
        xlsx = Path(tmp) / "pictured_goods.xlsx"
        wb.save(xlsx)
        _group_last_picture(xlsx)
        for ext, filter_ in (("xls", "xls:MS Excel 97"), ("ods", "ods")):
            subprocess.run(["soffice", "--headless", "--convert-to", filter_, str(xlsx), "--outdir", tmp],
                           check=True, capture_output=True)
            shutil.copy(Path(tmp) / f"pictured_goods.{ext}", HERE / f"pictured_goods.{ext}")


if __name__ == "__main__":
    main()

"""Export the catalog to a spreadsheet (.xlsx or .csv) that Excel/WPS open well and our importer reads back.

One row per spec, the product's columns repeated. Barcodes and SKUs are text (Excel keeps leading
zeros and never shows 6.9E+12); prices are yuan with two decimals. In an .xlsx, each product's
first photo sits in a 图片 column of its first row, as its original bytes (importing the file
back recognises them: nothing changes). Text that a spreadsheet would
run as a formula (starting with = + - @, tab or CR) gets a leading single quote (OWASP CSV
injection guidance). The file is written to a temporary name and moved into place, so a failure
never leaves half a file.
"""

from __future__ import annotations

import csv
import os
import tempfile
import uuid
from collections.abc import Callable, Iterator
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.drawing.image import Image
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from catalog.models import Product
from catalog.money import MARKET_PRICE
from catalog.products import Cancelled
from catalog.store import Store

HEADERS: tuple[str, ...] = (
    "名称", "规格", "货号", "条码", "分类", "单位", "售价", "会员价", "成本价", "库存", "状态", "保质期(天)", "类型",
)
"""Column headers, in Chinese as the shopkeepers' own sheets (matched by importers.mapping)."""
PHOTO_HEADER = "图片"
"""The .xlsx's last column when some product has a photo."""

FORMATS: tuple[str, ...] = (".xlsx", ".csv")
_TEXT = frozenset({0, 1, 2, 3, 4, 5, 10, 12})
_MONEY = frozenset({6, 7, 8})
_WIDTHS = (24, 14, 16, 17, 18, 6, 10, 10, 10, 10, 6, 11, 6)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_STATUS = {"on": "上架", "off": "下架"}
_KIND = {"goods": "商品", "dish": "菜品"}


def _status(status: str, sold_out: bool) -> str:
    """The 状态 cell: 上架, 下架, or 估清 for a dish on sale but sold out (it imports back as that)."""
    return "估清" if sold_out and status == "on" else _STATUS.get(status, status)

Cell = str | int | float | Decimal | None
Row = tuple[tuple[Cell, ...], str | None]  # a spec's cells, and its product's first photo on its first row
_PHOTO_FORMATS = frozenset({"image/png", "image/jpeg", "image/gif"})  # kept byte for byte by openpyxl
_PHOTO_PX = 20  # the height a photo is shown at over its cell (the file keeps it whole)
Progress = Callable[[float, str], None]


class ExportError(ValueError):
    """An export that cannot be done, with a plain reason naming the file."""


def neutralize(text: str) -> str:
    """`=HYPERLINK(...)` → `'=HYPERLINK(...)`: text a spreadsheet would run as a formula gets a quote
    (in a CSV; the import takes the quote off again: importers.readers)."""
    return "'" + text if text.startswith(_FORMULA_START) else text


def text_cell(ws: WriteOnlyWorksheet, text: str) -> WriteOnlyCell:
    """An .xlsx cell holding `text` as text, never a formula, as typed: "=1+1", "-18℃冷冻" and
    "+雪碧" stay what they are (marked quote-prefixed, so Excel keeps them text when edited)."""
    cell = WriteOnlyCell(ws, value=text)
    cell.data_type = "s"
    if text.startswith(_FORMULA_START):
        cell.quotePrefix = True
    return cell


def export_products(
    store: Store, out: Path, *, progress: Progress | None = None, cancel: Callable[[], bool] | None = None
) -> int:
    """Write every active (not archived) product to `out` (.xlsx or .csv); returns the number of rows.

    Raises ExportError with a plain message when the format is not supported or the file cannot
    be written; `cancel()` returning True stops with `Cancelled` and leaves no file behind.
    """
    out = Path(out)
    suffix = out.suffix.lower()
    if suffix not in FORMATS:
        raise ExportError(
            f"只能导出为 .xlsx 或 .csv 文件，而不是“{out.name}” / Can only export to .xlsx or .csv, not “{out.name}”"
        )
    count = 0

    def counted() -> Iterator[Row]:
        nonlocal count
        for row in _rows(store, progress, cancel):
            count += 1
            yield row

    _write_atomically(store, out, suffix, counted())
    return count


def _ids_by_category(store: Store) -> list[str]:
    """Active product ids grouped by category in tree order (display order inside each), then
    the uncategorised ones."""
    tree = store.categories.all()
    own: dict[str, list[str]] = {}
    seen: set[str] = set()
    for cat in reversed(tree):  # leaves first: a category's ids() include its subtree
        own[cat.id] = [i for i in store.products.ids(category_id=cat.id) if i not in seen]
        seen.update(own[cat.id])
    ordered = [i for cat in tree for i in own[cat.id]]
    return ordered + [i for i in store.products.ids() if i not in seen]


def _rows(store: Store, progress: Progress | None, cancel: Callable[[], bool] | None) -> Iterator[Row]:
    ids = _ids_by_category(store)
    paths: dict[str | None, str] = {}
    for n, p in enumerate(_products(store, ids)):
        if cancel is not None and cancel():
            raise Cancelled()
        if p.category_id not in paths:
            paths[p.category_id] = store.categories.path_of(p.category_id)
        for k, s in enumerate(p.specs):
            yield (
                p.name, s.name, s.sku, s.barcode, paths[p.category_id], p.unit, MARKET_PRICE if s.market_price else _yuan(s.price_fen),
                _yuan(s.member_price_fen), _yuan(s.cost_fen), s.stock, _status(p.status, p.sold_out),
                p.shelf_life_days, _KIND.get(p.kind, p.kind),
            ), p.images[0] if p.images and k == 0 else None
        if progress is not None and (n % 200 == 0 or n == len(ids) - 1):
            progress((n + 1) / len(ids), p.name)


def _products(store: Store, ids: list[str], chunk: int = 500) -> Iterator[Product]:
    """The products in this order, read a chunk at a time."""
    for start in range(0, len(ids), chunk):
        yield from store.products.get_many(ids[start : start + chunk])


def _yuan(fen: int | None) -> Decimal | None:
    return None if fen is None else (Decimal(fen) / 100).quantize(Decimal("0.01"))


def _write_atomically(store: Store, out: Path, suffix: str, rows: Iterator[Row]) -> None:
    # A new file beside the target (same disk, so os.replace is atomic), made with the usual
    # permissions (mkstemp would make it private to this user).
    tmp = out.parent / f".{out.stem}.{uuid.uuid4().hex[:8]}{suffix}.tmp"
    try:
        open(tmp, "xb").close()
    except OSError as exc:
        raise ExportError(_cannot_write(out, exc)) from exc
    try:
        if suffix == ".xlsx":
            _write_xlsx(store, tmp, rows)
        else:
            _write_csv(tmp, (cells for cells, _photo in rows))
        with open(tmp, "rb+") as f:
            os.fsync(f.fileno())
        os.replace(tmp, out)
    except OSError as exc:
        raise ExportError(_cannot_write(out, exc)) from exc
    finally:
        tmp.unlink(missing_ok=True)


def _cannot_write(out: Path, exc: OSError) -> str:
    reason = exc.strerror or str(exc)
    if isinstance(exc, PermissionError):
        hint = "文件可能正被 Excel/WPS 打开或没有写入权限，请关闭后重试"
        hint_en = "it may be open in Excel/WPS or not writable; close it and try again"
    elif isinstance(exc, (FileNotFoundError, NotADirectoryError)):
        hint, hint_en = "请确认文件夹存在", "check that the folder exists"
    elif isinstance(exc, IsADirectoryError):
        hint, hint_en = "这是一个文件夹，请给出文件名", "that is a folder; give a file name"
    else:
        hint, hint_en = "请换一个位置", "try another place"
    return f"无法写入 {out}（{reason}），{hint} / Cannot write {out} ({reason}): {hint_en}"


def _write_csv(path: Path, rows: Iterator[tuple[Cell, ...]]) -> None:
    # UTF-8 with BOM: Excel and WPS on Chinese Windows then read it as UTF-8, not GBK.
    with open(path, "w", encoding="utf-8-sig", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(HEADERS)
        for row in rows:
            writer.writerow([_csv_cell(i, v) for i, v in enumerate(row)])


def _csv_cell(index: int, value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return neutralize(value)
    if isinstance(value, Decimal) and index not in _MONEY:
        return format(value.normalize(), "f")
    return str(value)


def _write_xlsx(store: Store, path: Path, rows: Iterator[Row]) -> None:
    photos = store.products.any_photos()
    wb = Workbook(write_only=True)
    ws: WriteOnlyWorksheet = wb.create_sheet("商品")
    for i, width in enumerate(_WIDTHS + ((8,) if photos else ()), start=1):
        ws.column_dimensions[get_column_letter(i)].width = width
    ws.freeze_panes = "A2"
    bold, fill = Font(bold=True), PatternFill("solid", fgColor="FFF2CC")
    header = []
    for title in HEADERS + ((PHOTO_HEADER,) if photos else ()):
        cell = WriteOnlyCell(ws, value=title)
        cell.font, cell.fill, cell.alignment = bold, fill, Alignment(horizontal="center")
        header.append(cell)
    ws.append(header)
    with tempfile.TemporaryDirectory(prefix="portdesk-photos-") as folder:
        files: dict[str, str | None] = {}  # photo hash -> its file (openpyxl reads each when saving)
        photo_column = get_column_letter(len(HEADERS) + 1)
        for n, (cells, photo) in enumerate(rows, start=2):
            ws.append([_xlsx_cell(ws, i, v) for i, v in enumerate(cells)])
            if photos and photo is not None:
                if photo not in files:
                    files[photo] = _photo_file(store, photo, Path(folder))
                if files[photo] is not None:
                    ws.add_image(_shown_small(files[photo] or ""), f"{photo_column}{n}")
        wb.save(path)


def _photo_file(store: Store, sha256: str, folder: Path) -> str | None:
    """The photo's bytes in a file of `folder` (openpyxl then holds only its name until it saves),
    or None for a format openpyxl would convert (WebP): importing the file back would see another photo."""
    if store.media.mime(sha256) not in _PHOTO_FORMATS:
        return None
    data = store.media.get(sha256)
    if data is None:
        return None
    file = folder / sha256
    file.write_bytes(data)
    return str(file)  # a str: openpyxl closes what it opened to measure it


def _shown_small(file: str) -> Image:
    """The picture, shown a line high over its cell."""
    image = Image(file)
    scale = _PHOTO_PX / max(image.height, 1)
    image.width, image.height = max(1, round(image.width * scale)), _PHOTO_PX
    return image


def _xlsx_cell(ws: WriteOnlyWorksheet, index: int, value: Cell) -> WriteOnlyCell | None:
    if value is None or value == "":
        return None
    if isinstance(value, str):
        cell = text_cell(ws, value)
        if index in _TEXT:
            cell.number_format = "@"  # Excel keeps it text when edited (leading zeros, long codes)
        return cell
    if isinstance(value, Decimal) and index in _MONEY:
        cell = WriteOnlyCell(ws, value=value)
        cell.number_format = "0.00"
        return cell
    if isinstance(value, Decimal):
        integral = value == value.to_integral_value()
        return WriteOnlyCell(ws, value=int(value) if integral else float(value))
    return WriteOnlyCell(ws, value=value)

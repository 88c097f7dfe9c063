"""Pictures in a table's rows: which rows get which pictures, the picture column, and what the
import says of them (the pictures themselves are read by importers.pictures)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from importers.errors import Issue, column_letter
from importers.fields import IMAGE, Kind
from importers.mapping import ColumnMatch
from importers.pictures import Placed
from importers.readers import RawSheet, Row
from importers.structure import Structure

if TYPE_CHECKING:
    from importers.row_reading import Coerce
    from importers.table import ParsedRow


def picture_notes(parts: list[tuple[RawSheet, Structure]], rows: list[ParsedRow], kind: Kind,
                   mapping: dict[int, ColumnMatch]) -> list[tuple[str, str]]:
    """What becomes of the pictures in the data rows, and of those elsewhere below the header (a
    logo above it is no product's photo, and goes unsaid)."""
    unplaced = sum(raw.unplaced for raw, _st in parts)
    if not any(raw.pictures for raw, _st in parts) and not unplaced:
        return []
    first = parts[0][0].name
    data_rows = {(r.sheet or first, r.row_number) for r in rows}
    below = [(raw.name, p.row + 1) for raw, st in parts for p in raw.pictures if p.row >= st.data_start]
    n = sum(1 for at in below if at in data_rows)
    outside = len(below) - n
    notes = []
    if n and kind == "ledger":
        notes.append((f"表格里有 {n} 张图片，流水不导入图片。", f"Pictures in the sheet ({n}) are not imported: a ledger has no pictures."))
    elif n and any(m.field == IMAGE for m in mapping.values()):
        notes.append((f"表格里的 {n} 张图片作为所在行商品的图片导入。",
                      f"Pictures in the sheet ({n}) are imported as the photos of the products in their rows."))
    elif n:
        notes.append((f"表格里的 {n} 张图片没有导入：要导入，请把图片所在的列设为“图片”。",
                      f"Pictures in the sheet ({n}) are not imported: to import them, map the column they are in to \"image\"."))
    if outside and kind != "ledger":
        notes.append((f"另有 {outside} 张图片不在任何商品的行里，没有导入。",
                      f"Pictures outside the rows of the products ({outside}) are not imported."))
    if unplaced and kind != "ledger":
        notes.append((f"另有 {unplaced} 张图片固定在页面上，不在单元格里，没有导入：要导入，请在 WPS 或 LibreOffice"
                      " 里把它们的锚点设为“到单元格”。",
                      f"Pictures anchored to the page, in no cell ({unplaced}), are not imported: to import them,"
                      " anchor them to their cells in WPS or LibreOffice."))
    return notes


def picture_links(mapping: dict[int, ColumnMatch], kind: Kind, sample: Callable[[int], list[Any]]) -> list[tuple[str, str]]:
    """A note when the picture column holds web links (platform exports: 美团, 有赞, Shopify):
    they are not downloaded, so the products get no photo from them. `sample(column)` gives some
    of a column's values."""
    col = next((c for c, m in mapping.items() if m.field == IMAGE), None)
    if col is None or kind == "ledger":
        return []
    if not any(isinstance(v, str) and v.strip().lower().startswith(("http://", "https://")) for v in sample(col)):
        return []
    return [("图片列是网址，PortDesk 不会下载这些图片：请在商品资料里为商品添加图片。",
             "The picture column holds web links: PortDesk does not download them; add the photos in the products.")]


def with_pictures(coerce: Coerce, by_row: dict[int, list[Placed]], cols: range | None, headers: list[str]) -> Coerce:
    """`coerce`, giving a row the pictures in its cells (those in `cols`, when given) as its "image"
    value; a picture the catalog cannot store is a warning in its cell."""

    def with_pictures(row: Row, row_number: int) -> tuple[dict[str, Any], list[Issue]]:
        values, issues = coerce(row, row_number)
        placed = [p for p in by_row.get(row_number, ()) if cols is None or p.col in cols]
        if placed:
            good = tuple(dict.fromkeys(p.picture for p in placed if p.picture.mime))
            if good:
                values[IMAGE] = good
            bad = [_picture_issue(p, row_number, headers) for p in placed if not p.picture.mime]
            if bad:
                issues = [*issues, *bad]
        return values, issues

    return with_pictures


def _picture_issue(placed: Placed, row_number: int, headers: list[str]) -> Issue:
    """A warning for a picture that is not imported: its format, or its size."""
    p, col = placed.picture, placed.col
    header = headers[col] if col < len(headers) else ""
    if p.problem == "size":
        return Issue(row_number, column_letter(col), header, IMAGE, "picture_size",
                     f"这张图片有 {p.size / 1048576:.0f} MB，超过 10 MB，没有导入",
                     f"This picture is {p.size / 1048576:.0f} MB, over 10 MB: it was not imported",
                     "请换一张小一些的图片，或导入后在商品资料里添加", "Use a smaller picture, or add one in the product after importing",
                     f"{p.kind} 图片", "warning")
    return Issue(row_number, column_letter(col), header, IMAGE, "picture_format",
                 f"这张图片是 {p.kind} 格式，不能导入", f"This picture is {p.kind}, which cannot be imported",
                 "请在 Excel 或 WPS 里把它换成 PNG 或 JPEG 图片", "Replace it with a PNG or JPEG picture in Excel or WPS",
                 f"{p.kind} 图片", "warning")


def picture_column(pictures: list[Placed], data_start: int, mapping: dict[int, ColumnMatch], rows: list[Row]) -> int | None:
    """The column to map to pictures when none is: the one most pictures below the header sit in,
    if no other field took it (else the next such column that is free); None without pictures.
    Only pictures in rows that hold values count (a stamp under the list is nobody's photo), and
    a picture sits over an empty cell: a column whose cells under its pictures hold values mostly
    (a stamp over the totals) is no picture column."""
    if not pictures or any(m.field == IMAGE for m in mapping.values()):
        return None
    counts: dict[int, int] = {}
    filled: dict[int, int] = {}
    for p in pictures:
        row = rows[p.row] if p.row < len(rows) else []
        if p.row >= data_start and any(str(v).strip() for v in row):
            counts[p.col] = counts.get(p.col, 0) + 1
            if p.col < len(row) and str(row[p.col]).strip():
                filled[p.col] = filled.get(p.col, 0) + 1
    free = [c for c in sorted(counts, key=lambda c: (-counts[c], c))
            if c not in mapping and 2 * filled.get(c, 0) <= counts[c]]
    return free[0] if free else None

"""What python-calamine does not read of an .ods workbook (LibreOffice, WPS, Excel save as .ods):
its merged cells, and the cell each picture sits in. A picture's bytes are a zip member
(Pictures/...), measured and read as an .xlsx's are. Also how large calamine would lay each sheet
out (`Layout`): it repeats a cell or a row as often as table:number-columns-repeated and
number-rows-repeated say, so a file of 1 KB can ask for billions of cells or gigabytes of text.

A merged cell is a table:table-cell with table:number-rows-spanned / number-columns-spanned.

A picture anchored to a cell (LibreOffice's default: 锚点 → 到单元格) is a draw:frame inside the
table:table-cell of content.xml; the cell is found by counting rows and cells, repeats included.
One that ends in another cell (table:end-cell-address) goes to the cell it covers most. A picture
anchored to the page (table:shapes) is placed by its position on the page, in no cell: it is
counted, and the import says how to anchor it. content.xml is scanned as bytes, a few MB at a
time (no XML parser: no entity is ever expanded), and only the rows that hold a drawing are
taken apart (and those that merge cells).
"""

from __future__ import annotations

import html
import re
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Final

from importers.pictures import BookPictures, Placed, most_covered

_CHUNK: Final = 4 << 20
_ROW_END: Final = b"</table:table-row>"
_HEAD: Final = re.compile(
    rb'<table:table\s[^>]*?table:name="(?P<sheet>[^"]*)"|<table:shapes>(?P<shapes>.*?)</table:shapes>', re.S)
_CELL: Final = re.compile(
    rb"<table:(?:covered-)?table-cell\b(?P<attrs>[^>]*?)(?:/>|>(?P<body>.*?)</table:(?:covered-)?table-cell>)", re.S)
_SHAPE_TAGS: Final = re.compile(rb"<(/?)draw:(frame|g|image)\b([^>]*?)(/?)>", re.S)
_ROWS_REPEATED: Final = re.compile(rb'table:number-rows-repeated="([0-9]{1,9})"')
_COLUMNS_REPEATED: Final = re.compile(rb'table:number-columns-repeated="([0-9]{1,9})"')
_ROWS_SPANNED: Final = re.compile(rb'table:number-rows-spanned="([0-9]{1,9})"')
_COLUMNS_SPANNED: Final = re.compile(rb'table:number-columns-spanned="([0-9]{1,9})"')
_HREF: Final = re.compile(rb'xlink:href="([^"]*)"')
_ATTR: Final = re.compile(rb'([A-Za-z][\w.-]*:[\w.-]+)="([^"]*)"')
# LibreOffice's default row height and column width (0.452 cm, 2.258 cm), in 1/1000 cm
_ROW_UNIT: Final = 452
_COL_UNIT: Final = 2258
_CM: Final = {"cm": 1.0, "mm": 0.1, "in": 2.54, "pt": 2.54 / 72, "pc": 2.54 / 6, "px": 2.54 / 96}
_LENGTH: Final = re.compile(r"^\s*(-?[0-9.]+)\s*([a-z]*)\s*$")
_ADDRESS: Final = re.compile(r"\.\$?([A-Z]{1,3})\$?([0-9]{1,7})$")


@dataclass
class Layout:
    """How large calamine would lay a sheet out: the rows down to the last one with a value, the
    widest of those rows (to its last value), and the text its repeated cells copy."""

    rows: int = 0
    width: int = 0
    repeated_text: int = 0  # bytes of cell XML that repeats copy (beyond the file's own)

    @property
    def cells(self) -> int:
        """The cells of the dense block calamine allocates."""
        return self.rows * self.width

    def add_row(self, row: int, piece: bytes, start: int, close: int) -> int:
        """Count the row whose start tag runs from `start` to `close` in `piece` (its cells follow
        to the end) at 0-based `row`; the rows it stands for (its repeat)."""
        find = piece.find
        repeat = 1 if find(b"repeated", start, close) < 0 else _repeat(piece[start:close], _ROWS_REPEATED)
        if find(b"value-type", close) < 0 and find(b"<text:", close) < 0:
            return repeat  # no value: it widens nothing (trailing blank rows are repeated by the million)
        end, extra = len(piece), 0  # extra: the bytes of cell XML the row's repeated cells copy
        at = find(b"repeated", close)
        if at >= 0:  # LibreOffice pads each row with an empty cell repeated to column 1024: not counted
            end = _without_trailing_blanks(piece, close, end)
            at = find(b"repeated", close, end)
        if at < 0:
            width = piece.count(b"<table:table-cell", close, end) + piece.count(b"<table:covered-table-cell", close, end)
        else:
            width = col = 0
            for m in _CELL.finditer(piece, close, end):
                times = _repeat(m.group("attrs"), _COLUMNS_REPEATED)
                col += times
                if m.group("body") or b"office:value-type" in m.group("attrs"):
                    width = col
                    extra += (times - 1) * len(m.group(0))
        if repeat > 1 or extra:
            self.repeated_text += repeat * extra + (repeat - 1) * (end - close)
        self.rows = row + repeat
        if width > self.width:
            self.width = width
        return repeat


def _without_trailing_blanks(piece: bytes, begin: int, end: int) -> int:
    """Where a row's cells (`piece[begin:end]`) end without the empty ones at their end
    (<table:table-cell .../> without a value)."""
    while end > begin and piece[end - 1] in b" \t\r\n":
        end -= 1
    while piece.endswith(b"/>", begin, end):
        start = piece.rfind(b"<", begin, end - 2)
        if start < 0 or not piece.startswith((b"<table:table-cell", b"<table:covered-table-cell"), start) \
                or piece.find(b"value-type", start, end) >= 0:
            break
        end = start
    return end


@dataclass
class OdsContent:
    """Where the pictures of an .ods file sit (`sheet(name)` places them; `on_page` counts, per
    sheet, those anchored to the page, in no cell) and its merged cells (`merges`, per sheet:
    0-based first row, first column, last row, last column, as calamine gives an .xlsx's)."""

    pictures: BookPictures
    anchors: dict[str, list[tuple[int, int, str]]] = field(default_factory=dict)  # sheet -> (row, col, member)
    on_page: dict[str, int] = field(default_factory=dict)
    merges: dict[str, list[tuple[int, int, int, int]]] = field(default_factory=dict)
    layouts: dict[str, Layout] = field(default_factory=dict)

    @classmethod
    def read(cls, path: Path) -> OdsContent:
        """Read the merged cells and where the pictures of the .ods at `path` sit; none of either
        when its content cannot be read."""
        found = cls(BookPictures(path))
        try:
            with zipfile.ZipFile(path) as zf, zf.open("content.xml") as fh:
                found._scan(fh)
        except (OSError, EOFError, KeyError, ValueError, zipfile.BadZipFile, zlib.error):  # damaged: no pictures
            found.anchors, found.on_page, found.merges, found.layouts = {}, {}, {}, {}
        return found

    def close(self) -> None:
        """Close the file."""
        self.pictures.close()

    def sheet(self, name: str) -> list[Placed]:
        """The pictures in the cells of the sheet called `name` (0-based rows and columns)."""
        placed = []
        for row, col, member in self.anchors.get(name, ()):
            picture = self.pictures.picture(member)
            if picture is not None:
                placed.append(Placed(row, col, picture))
        return placed

    def _scan(self, fh: IO[bytes]) -> None:
        """Count rows through content.xml, a chunk at a time, split at the ends of rows; only a
        row that holds a drawing or merges cells is taken apart (an XML parser handling every
        element took 3 s for 60,000 rows, this 0.2 s). The elements are found by the prefixes the OpenDocument spec and
        every writer use."""
        name, row, carry = "", 0, b""
        layout = Layout()  # rows before any table:table (none in a valid file): counted nowhere
        while True:
            chunk = fh.read(_CHUNK)
            buf = carry + chunk
            cut = buf.rfind(_ROW_END) + len(_ROW_END) if chunk else len(buf)
            if chunk and cut < len(_ROW_END):  # not one whole row yet
                carry = buf
                continue
            for piece in buf[:cut].split(_ROW_END):  # what comes before a row (a sheet's start, its shapes), then the row
                start = piece.rfind(b"<table:table-row")
                head = piece if start < 0 else piece[:start]
                if b"<table:table " in head or b"<table:shapes>" in head:
                    for m in _HEAD.finditer(head):
                        if m.group("sheet") is not None:
                            name, row = html.unescape(m.group("sheet").decode("utf-8", "replace")), 0
                            self.anchors.setdefault(name, [])
                            layout = self.layouts[name] = Layout()
                        elif top := len(_top_shapes(m.group("shapes"))):
                            self.on_page[name] = self.on_page.get(name, 0) + top
                if start >= 0:
                    close = piece.find(b">", start)
                    if piece.find(b"<draw:", close) >= 0:
                        self.anchors.setdefault(name, []).extend(_row_pictures(row, piece[close + 1:]))
                    if piece.find(b"-spanned=", close) >= 0:
                        self.merges.setdefault(name, []).extend(_row_merges(row, piece[close + 1:]))
                    row += layout.add_row(row, piece, start, close + 1)
            carry = buf[cut:]
            if not chunk:
                return


def _repeat(attrs: bytes, pattern: re.Pattern[bytes]) -> int:
    """The count an attribute gives (a repeat or a span); 1 without it."""
    if b"repeated" not in attrs and b"spanned" not in attrs:
        return 1
    m = pattern.search(attrs)
    return max(1, int(m.group(1))) if m else 1


def _top_shapes(body: bytes) -> list[tuple[bytes, bytes | None]]:
    """(attributes, first picture's member or None) of each shape not inside another shape."""
    shapes: list[tuple[bytes, bytes | None]] = []
    depth = 0
    for m in _SHAPE_TAGS.finditer(body):
        closing, kind, attrs, empty = m.group(1), m.group(2), m.group(3), m.group(4)
        if kind == b"image":
            if depth and shapes and shapes[-1][1] is None:
                href = _HREF.search(attrs)
                shapes[-1] = (shapes[-1][0], href.group(1) if href else None)
        elif closing:
            depth = max(0, depth - 1)
        else:
            if depth == 0:
                shapes.append((attrs, None))
            depth += 0 if empty else 1
    return shapes


def _row_pictures(row: int, body: bytes) -> Iterator[tuple[int, int, str]]:
    """(row, column, member) of the pictures anchored in the cells of one row's XML."""
    col = 0
    for m in _CELL.finditer(body):
        cell_body = m.group("body") or b""
        if b"<draw:" in cell_body:
            for attrs, href in _top_shapes(cell_body):
                member = html.unescape((href or b"").decode("utf-8", "replace")).lstrip("./")
                if member and "://" not in member:
                    at = _covered((row, col), _attributes(attrs))
                    yield at[0], at[1], member
        col += _repeat(m.group("attrs"), _COLUMNS_REPEATED)


def _row_merges(row: int, body: bytes) -> Iterator[tuple[int, int, int, int]]:
    """(first row, first column, last row, last column) of the cells one row's XML merges."""
    col = 0
    for m in _CELL.finditer(body):
        attrs = m.group("attrs")
        if b"-spanned=" in attrs:
            rows, cols = _repeat(attrs, _ROWS_SPANNED), _repeat(attrs, _COLUMNS_SPANNED)
            if rows > 1 or cols > 1:
                yield row, col, row + rows - 1, col + cols - 1
        col += _repeat(attrs, _COLUMNS_REPEATED)


def _attributes(attrs: bytes) -> dict[str, str]:
    return {k.decode(): html.unescape(v.decode("utf-8", "replace")) for k, v in _ATTR.findall(attrs)}


def _covered(cell: tuple[int, int], attrs: dict[str, str]) -> tuple[int, int]:
    """The cell a shape anchored in `cell` covers most: itself, or one on the way to its end cell."""
    get = attrs.get
    end = _ADDRESS.search(get("table:end-cell-address") or "")
    if end is None:
        return cell
    end_col = 0
    for ch in end.group(1):
        end_col = end_col * 26 + ord(ch) - 64
    end_row, end_col = int(end.group(2)) - 1, end_col - 1
    row = most_covered(cell[0], _length(get("svg:y")), end_row, _length(get("table:end-y")), _ROW_UNIT)
    col = most_covered(cell[1], _length(get("svg:x")), end_col, _length(get("table:end-x")), _COL_UNIT)
    return row, col


def _length(text: str | None) -> int:
    """An ODF length ("0.452cm", "0.17in") in 1/1000 cm; 0 when missing or unreadable."""
    m = _LENGTH.match(text or "")
    if m is None:
        return 0
    try:
        return max(0, round(float(m.group(1)) * _CM.get(m.group(2) or "cm", 1.0) * 1000))
    except ValueError:
        return 0

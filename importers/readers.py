"""Readers: turn a sniffed file into sheets of raw rows (lists of cell values).

Every reader returns a :class:`Book`; sheets are loaded on demand with :meth:`Book.load`.
Cells are ``str`` (``""`` for empty), ``int``, ``float``, ``bool``, ``date``, ``datetime``,
``time`` or ``timedelta``. Row and column positions are absolute (row 0 is spreadsheet row 1).
Every library error is turned into :class:`~importers.errors.ImportRefused`.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import io
import itertools
import re
import struct
import unicodedata
import zipfile
import zlib
from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any, Final, TypeAlias

from importers.errors import ImportRefused
from importers.ods_content import OdsContent
from importers.pictures import BookPictures, Placed, dispimg_cells
from importers.shared_strings import MAX_SHARED_TEXT, shared_text_ok
from importers.sniff import Sniffed, check_zip_limits, refuse
from importers.xls_pictures import XlsPictures

Cell: TypeAlias = str | int | float | bool | dt.date | dt.datetime | dt.time | dt.timedelta
Row: TypeAlias = list[Cell]
Merge: TypeAlias = tuple[int, int, int, int]  # r0, c0, r1, c1 inclusive, 0-based

MAX_CELLS: Final = 30_000_000  # used range (rows x columns) we agree to materialise
SPARSE_FROM: Final = 4_000_000  # a larger used range must be filled with cells (see _filled)
MAX_TEXT_BYTES: Final = 300 << 20  # CSV/HTML/XML files larger than this are refused
MAX_ROWS: Final = 1_048_576
MAX_COLS: Final = 16_384
MAX_SPANNED: Final = 1_000_000  # cells of rows still to come that HTML rowspans may cover at once


@dataclass(slots=True)
class SheetInfo:
    """A sheet's name and whether it should be offered at all."""

    name: str
    visible: bool = True
    worksheet: bool = True


@dataclass(slots=True)
class RawSheet:
    """A loaded sheet: absolute rows plus merged ranges (``None`` if the format cannot tell)."""

    name: str
    rows: list[Row]
    merged: list[Merge] | None = None
    pictures: list[Placed] = field(default_factory=list)  # the pictures in its cells
    unplaced: int = 0  # pictures placed by their position on the page, in no cell (.ods)


@dataclass(slots=True)
class Book:
    """An opened workbook of any format."""

    path: Path
    format: str
    sheets: list[SheetInfo]
    loader: Callable[[str], RawSheet]
    closer: Callable[[], None] | None = None
    date1904: bool = False
    encoding: str | None = None
    delimiter: str | None = None
    warnings: list[tuple[str, str]] = field(default_factory=list)
    _cache: dict[str, RawSheet] = field(default_factory=dict)

    def load(self, name: str) -> RawSheet:
        """Load (once) and return the sheet called ``name``."""
        sheet = self._cache.get(name)
        if sheet is None:
            sheet = self.loader(name)
            self._cache[name] = sheet
        return sheet

    def close(self) -> None:
        """Release the underlying file."""
        if self.closer is not None:
            with contextlib.suppress(Exception):  # closing must never mask the real outcome
                self.closer()
            self.closer = None


def _is_fatal(exc: BaseException) -> bool:
    return isinstance(exc, KeyboardInterrupt | SystemExit | GeneratorExit | MemoryError)


def damaged(path: Path, sheet: str | None = None) -> ImportRefused:
    """The standard refusal for a file a library could not parse."""
    name = path.name
    return ImportRefused(
        "damaged",
        f"文件「{name}」已损坏或格式不完整，无法读取，请在 Excel 或 WPS 中打开后另存为 .xlsx 再导入。",
        f"The file \"{name}\" is damaged or incomplete and cannot be read; open it in Excel or WPS, save it as .xlsx and import that.",
        path=path, sheet=sheet,
    )


def _where(path: Path, sheet: str | None) -> tuple[str, str]:
    """How a refusal names a sheet of a file, in Chinese and in English."""
    name = path.name
    return (f"文件「{name}」中的" + (f"工作表「{sheet}」" if sheet else "表格"),
            (f'sheet "{sheet}"' if sheet else "table") + f' in "{name}"')


def too_large(path: Path, sheet: str | None = None) -> ImportRefused:
    """The refusal for a sheet whose used range is too large to read safely."""
    where, where_en = _where(path, sheet)
    return ImportRefused(
        "too_large",
        f"{where}范围太大（几千万个单元格，或者远处有多余的单元格），请删除多余的空行空列"
        f"（按 Ctrl+End 可找到最远的单元格）或拆分文件后再导入。",
        f"The {where_en} is too large (tens of millions of cells, or a stray cell far from the data); "
        f"delete unused rows/columns (Ctrl+End shows the farthest cell) or split the file.",
        path=path, sheet=sheet,
    )


def too_much_text(path: Path, sheet: str | None = None) -> ImportRefused:
    """The refusal for a sheet whose cells repeat so much shared text that reading it is unsafe."""
    where, where_en = _where(path, sheet)
    return ImportRefused(
        "too_large",
        f"{where}里的文字展开后超过 128 MB（同一段长文字被大量单元格重复引用），无法安全读取，"
        "请删除不需要的长文字或拆分文件后再导入。",
        f"The text of the {where_en} expands to more than 128 MB (long text repeated in many cells),"
        " which cannot be read safely; delete the long text you do not need or split the file.",
        path=path, sheet=sheet,
    )


def open_book(path: Path, sniffed: Sniffed, trusted: Collection[str] = frozenset()) -> Book:
    """Open ``path`` with the reader that fits its sniffed format.

    ``trusted`` names the sheets of these very bytes that were read safely before (an import of
    the same file: see `catalog.batches.Batches.sheets_read`): their extent is not checked again.
    """
    fmt = sniffed.format
    if fmt == "xls" and sniffed.cut_short:  # calamine panics on a cut .xls (and Rust prints that on stderr)
        return _open_xlrd(path, sniffed)
    if fmt in ("xlsx", "xlsb", "ods", "xls"):
        try:
            return _open_calamine(path, sniffed, trusted)
        except ImportRefused as refused:
            if fmt == "xls" and refused.code == "damaged":
                return _open_xlrd(path, sniffed)
            raise
    if fmt == "biff":
        return _open_xlrd(path, sniffed)
    if fmt == "text":
        return _open_text(path)
    if fmt == "html":
        return _open_html(path)
    if fmt == "xml2003":
        return _open_xml2003(path)
    raise damaged(path)  # pragma: no cover - every Format is handled above


# --------------------------------------------------------------------------- calamine


def _sheet_rows(sheet: Any) -> list[Row]:
    """The rows of a loaded calamine sheet, exactly as ``to_python(skip_empty_area=False)`` gives them.

    ``to_python`` converts the whole sheet in one call holding the GIL (0.1-0.2 s for 100,000
    rows here, more on an old PC), so a UI thread waiting to paint stalls that long. A Python
    loop over ``iter_rows`` takes about as long and lets other threads in between rows.
    ``iter_rows`` leaves out empty leading columns: they are put back (checked equal to
    ``to_python`` on every sheet of the corpus).
    """
    start = sheet.start
    lead = start[1] if start else 0
    if lead:
        pad = [""] * lead
        return [pad + r for r in sheet.iter_rows()]
    return [r for r in sheet.iter_rows()]  # a loop, not list(): see above


def _open_calamine(path: Path, sniffed: Sniffed, trusted: Collection[str] = frozenset()) -> Book:
    import python_calamine as pc

    # merged cells and pictures, which calamine leaves out; and, as calamine lays out every sheet
    # of an .ods when it opens it, the size of each first
    ods = OdsContent.read(path) if sniffed.format == "ods" else None
    for name, layout in (ods.layouts if ods is not None else {}).items():
        if layout.cells > MAX_CELLS:  # rows and cells repeated by the million
            raise too_large(path, name)
        if layout.repeated_text > MAX_SHARED_TEXT:  # a long text repeated by the thousand
            raise too_much_text(path, name)
    fh = path.open("rb")
    try:
        wb = pc.CalamineWorkbook.from_filelike(fh)
        metas = wb.sheets_metadata
    except BaseException as exc:
        fh.close()
        if _is_fatal(exc):
            raise
        if isinstance(exc, pc.PasswordError):
            name = path.name
            raise refuse(
                "encrypted",
                f"文件「{name}」设置了打开密码，请在 Excel 或 WPS 中取消密码并另存后再导入。",
                f"The file \"{name}\" is password-protected; remove the password in Excel or WPS, save it and import again.",
                path,
            ) from None
        raise damaged(path) from None

    sheets: list[SheetInfo] = []
    for meta in metas:
        visible = meta.visible == pc.SheetVisibleEnum.Visible
        worksheet = meta.typ == pc.SheetTypeEnum.WorkSheet
        sheets.append(SheetInfo(meta.name, visible, worksheet))

    guarded: set[str | None] = set()
    parts: dict[str, str] | None = None
    pictures = BookPictures(path) if sniffed.format == "xlsx" and sniffed.pictures else None
    xls: list[XlsPictures | None] = []  # an .xls/.et file's pictures, read with its first sheet

    def xls_pictures(name: str) -> list[Placed]:
        if not xls:
            xls.append(XlsPictures.open(path))
        return [] if xls[0] is None else xls[0].sheet(name)

    def part_of(name: str) -> str | None:
        nonlocal parts
        if parts is None:
            with zipfile.ZipFile(path) as zf:
                parts = _worksheet_parts(zf)
        return parts.get(name)

    def guard(name: str) -> None:
        if name in trusted:  # these bytes of this sheet passed the check when they were imported
            return
        part = part_of(name)
        if part in guarded or None in guarded:
            return
        _guard_xlsx_extent(path, part, name)
        guarded.add(part)

    def load(name: str) -> RawSheet:
        if sniffed.format == "xlsx":
            try:
                guard(name)
            except (zipfile.BadZipFile, OSError):
                raise damaged(path, name) from None
        try:
            sheet = wb.get_sheet_by_name(name)
            height, width = sheet.height, sheet.width
            end = sheet.end
            if end is not None and (end[0] + 1) * (end[1] + 1) > MAX_CELLS:
                raise too_large(path, name)
            if height * width > MAX_CELLS:
                raise too_large(path, name)
            rows = _sheet_rows(sheet)
            merged_raw = sheet.merged_cell_ranges
        except ImportRefused:
            raise
        except BaseException as exc:
            if _is_fatal(exc):
                raise
            raise damaged(path, name) from None
        merged = None if merged_raw is None else [(a[0], a[1], b[0], b[1]) for a, b in merged_raw]
        if merged is None and ods is not None:
            merged = ods.merges.get(name, [])
        if sniffed.format == "xls":
            sheet_pictures = xls_pictures(name)
        elif ods is not None:
            sheet_pictures = ods.sheet(name)
        else:
            sheet_pictures = [] if pictures is None else _pictures_of(pictures, part_of(name), rows)
        return RawSheet(name, rows, merged, sheet_pictures, 0 if ods is None else ods.on_page.get(name, 0))

    def close() -> None:
        try:
            wb.close()
        finally:
            fh.close()
            for one in (pictures, ods):
                if one is not None:
                    one.close()

    book = Book(path, sniffed.format, sheets, load, close, date1904=sniffed.date1904)
    if sniffed.pictures and pictures is None and ods is None:
        book.warnings.append(("这个文件里的图片不会导入：要导入图片，请用 WPS 或 Excel 把它另存为 .xlsx 后再导入。",
                              "Pictures in this kind of file are not imported: to import them, save it as .xlsx in WPS"
                              " or Excel and import that."))
    return book


def _pictures_of(pictures: BookPictures, part: str | None, rows: list[Row]) -> list[Placed]:
    """A sheet's floating pictures and WPS cell images; a cell image's ``=DISPIMG(...)`` text is
    cleared (it is the picture, not a value). A picture that cannot be read is left out."""
    try:
        placed = pictures.sheet(part)
        for ri, ci, ident in list(dispimg_cells(rows)):
            picture = pictures.cell_image(ident)
            rows[ri][ci] = ""
            if picture is not None:
                placed.append(Placed(ri, ci, picture))
    except (zipfile.BadZipFile, OSError, EOFError, zlib.error):  # a damaged part: the cells are read all the same
        return []
    return placed


def _col_index(letters: bytes) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + (ch - 64)
    return n


_WORKSHEET_REL: Final = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet"
_REL_ID: Final = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"


def _worksheet_parts(zf: zipfile.ZipFile) -> dict[str, str]:
    """Sheet name -> worksheet part ("xl/worksheets/sheet1.xml"), from the workbook's relations.

    Best effort: names that cannot be resolved are missing and their load scans every part.
    """
    import defusedxml.ElementTree as DET

    try:
        names = set(zf.namelist())
        if "xl/workbook.xml" not in names or "xl/_rels/workbook.xml.rels" not in names:
            return {}
        if max(zf.getinfo(n).file_size for n in ("xl/workbook.xml", "xl/_rels/workbook.xml.rels")) > 16 << 20:
            return {}
        rels = DET.fromstring(zf.read("xl/_rels/workbook.xml.rels"))
        targets: dict[str, str] = {}
        for rel in rels:
            target = rel.get("Target") or ""
            if rel.get("Type") == _WORKSHEET_REL and target:
                part = target.lstrip("/") if target.startswith("/") else "xl/" + target
                targets[rel.get("Id") or ""] = part
        book = DET.fromstring(zf.read("xl/workbook.xml"))
        out: dict[str, str] = {}
        for el in book.iter():
            if el.tag.rsplit("}", 1)[-1] == "sheet":
                part = targets.get(el.get(_REL_ID) or "")
                if part in names and el.get("name") is not None:
                    out[el.get("name") or ""] = part
        return out
    except Exception:  # a malformed workbook part: fall back to scanning every worksheet
        return {}


def _guard_xlsx_extent(path: Path, part: str | None, sheet: str | None) -> None:
    """Refuse a worksheet whose cells span an absurd range, before calamine allocates it.

    calamine lays a sheet out as one dense block from its first to its last cell, so two cells
    far apart (A1 and XFD1048576) would ask for hundreds of gigabytes and abort the process.
    The declared <dimension> is not trusted: the sheet XML itself is streamed through
    :func:`_sheet_extent_ok`. ``part`` is the worksheet to check (``None``: every worksheet).
    """
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
            check_zip_limits(path, infos)
            for info in infos:
                fname = info.filename
                if part is not None and fname != part:
                    continue
                if part is None and not fname.endswith(".xml"):
                    continue
                if not _sheet_extent_ok(path, info):
                    _check_crc(zf, info)  # a damaged member inflates to garbage: that is no "too large"
                    raise too_large(path, sheet)
                if not shared_text_ok(path, infos, info, _xml_chunks):
                    raise too_much_text(path, sheet)
    except ImportRefused:
        raise
    except (zipfile.BadZipFile, EOFError, OSError, ValueError, KeyError, NotImplementedError, RuntimeError, zlib.error):
        raise damaged(path, sheet) from None


def _check_crc(zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> None:
    """Read ``info`` through :mod:`zipfile`, which raises BadZipFile if its CRC does not match."""
    with zf.open(info) as fh:
        while fh.read(_CHUNK):
            pass


_CHUNK: Final = 1 << 20


def _inflate(path: Path, info: zipfile.ZipInfo) -> Iterator[bytes]:
    """The decompressed bytes of a zip member, in pieces of at most :data:`_CHUNK` bytes.

    Deflated members are inflated straight from the file with zlib, skipping zipfile's per-read
    overhead and CRC check (calamine checks it when it reads the sheet); other methods and
    encrypted members go through :mod:`zipfile`.
    """
    if info.compress_type not in (zipfile.ZIP_DEFLATED, zipfile.ZIP_STORED) or info.flag_bits & 0x1:
        with zipfile.ZipFile(path) as zf, zf.open(info) as fh:
            while chunk := fh.read(_CHUNK):
                yield chunk
        return
    with path.open("rb") as fh:
        fh.seek(info.header_offset)
        header = fh.read(30)
        if len(header) < 30 or header[:4] != b"PK\x03\x04":
            raise zipfile.BadZipFile("bad local file header")
        name_len, extra_len = struct.unpack("<HH", header[26:30])
        fh.seek(info.header_offset + 30 + name_len + extra_len)
        remaining = info.compress_size
        inflater = zlib.decompressobj(-15) if info.compress_type == zipfile.ZIP_DEFLATED else None
        while remaining > 0:
            data = fh.read(min(remaining, 1 << 18))
            if not data:
                raise EOFError("truncated zip member")
            remaining -= len(data)
            if inflater is None:
                yield data
                continue
            while data:
                out = inflater.decompress(data, _CHUNK)
                data = inflater.unconsumed_tail
                if out:
                    yield out
        if inflater is not None:
            while out := inflater.decompress(b"", _CHUNK):
                yield out


def _xml_chunks(path: Path, info: zipfile.ZipInfo) -> Iterator[bytes | memoryview]:
    """Decompressed ``info`` in pieces that end on a ``>`` (no tag or reference is ever split).

    Pieces are views into the inflated buffers where possible: only the few bytes of a tag cut
    by a buffer boundary are copied.
    """
    tail = b""
    for item in _inflate(path, info):
        first = item.find(b">") + 1
        if not first:
            tail += item
            if len(tail) > 1 << 20:  # no '>' for a megabyte: not worth keeping apart
                yield tail
                tail = b""
            continue
        last = item.rfind(b">") + 1
        yield tail + item[:first]
        if last > first:
            yield memoryview(item)[first:last]
        tail = item[last:]
    if tail:
        yield tail


def _sheet_extent_ok(path: Path, info: zipfile.ZipInfo) -> bool:
    """True if the worksheet part ``info`` cannot make calamine lay out more than MAX_CELLS.

    One streamed pass. Pieces where every cell carries a plain reference within A1:Z999999
    cost two literal-prefixed regex searches; in other pieces the columns past Z are read and
    the longest row number is measured. Only if that bound is over SPARSE_FROM cells is the
    largest row number read (and then a block over SPARSE_FROM must be filled: `_filled`), and
    only cells without references (or with namespace prefixes) make the tags be followed one
    by one, the way calamine places them.
    """
    if info.file_size == 0:
        return True
    max_col = 26
    digits = 0  # the longest row number seen in a cell reference, in digits
    plain = risky = False
    for buf in _xml_chunks(path, info):
        if _RISKY_CELL.search(buf) is None and _RISKY_NS.search(buf) is None:
            plain = True
            continue
        if _IMPLICIT.search(buf) or _RISKY_NS.search(buf):
            return _fits(*_extent_by_position(path, info))
        risky = True
        for letters in set(_WIDE_COLS.findall(buf)):
            max_col = max(max_col, _col_index(letters[:5].upper()))
        while digits < len(_CELL_ROW_DIGITS) and _CELL_ROW_DIGITS[digits].search(buf):
            digits += 1
    bound = max(10**digits - 1, 999_999 if plain else 0)
    if not risky or (_fits(bound, max_col) and bound * max_col <= SPARSE_FROM):
        return True
    rows = _max_row(path, info, max(digits, 6 if plain else 0)) if max_col <= MAX_COLS else 0
    if rows and _fits(rows, max_col):
        return rows * max_col <= SPARSE_FROM or _filled(path, info, rows * max_col)
    return _fits(*_extent_by_position(path, info))  # self-closing (empty) cells do not count there


def _filled(path: Path, info: zipfile.ZipInfo, extent: int) -> bool:
    """Whether a worksheet's cells fill at least a twentieth of the block from A1 to its farthest
    cell. A stray cell far from the data (a space typed in IV65536 once) makes calamine lay out
    millions of empty cells: 16.7 million took 0.7 GB."""
    cells = 0
    for buf in _xml_chunks(path, info):
        data = bytes(buf)
        cells += data.count(b"<c ") + data.count(b":c ")
        if cells * 20 >= extent:
            return True
    return False


def _fits(rows: int, cols: int) -> bool:
    return rows <= MAX_ROWS and cols <= MAX_COLS and rows * cols <= MAX_CELLS


# Everything that could place a cell outside A1:Z999999 (26 x 999,999 < MAX_CELLS): a cell
# whose first attribute is not a reference of one letter and at most six digits (a wider
# column, a row past 999,999, or no reference at all, which calamine counts on from the
# previous cell and row), and any prefixed cell element (calamine ignores namespace prefixes).
# A cell with its own reference is placed by it alone, so <row r="..."> needs no check.
_RISKY_CELL: Final = re.compile(rb'<c(?! r="[A-Z]?\d{1,6}")\b')
_RISKY_NS: Final = re.compile(rb":c[\s>/]")
_IMPLICIT: Final = re.compile(rb'<c(?! r=")\b')
_WIDE_COLS: Final = re.compile(rb'<c r="([A-Za-z]{2,})\d')  # calamine reads "ab1" as "AB1"
_CELL_ROW_DIGITS: Final = tuple(re.compile(rb'<c r="[A-Za-z]*+\d{%d}' % k) for k in range(1, 12))


def _max_row(path: Path, info: zipfile.ZipInfo, digits: int) -> int:
    """The largest row number of the cell references, none of which is longer than ``digits``."""
    for width in range(min(digits, len(_CELL_ROW_DIGITS)), 0, -1):
        pattern = re.compile(rb'<c r="[A-Za-z]*+(\d{%d})"' % width)
        best: bytes = b""
        for buf in _xml_chunks(path, info):
            found: list[bytes] = pattern.findall(buf)
            if found:
                best = max(best, max(found))  # equal lengths: the byte order is the numeric order
        if best:
            return int(best.decode())
    return 0


_TAG: Final = re.compile(rb'<(/?)(?:[A-Za-z_][\w.-]*:)?(row|c)(?=[\s>/])([^>]*)>')
_ATTR_R: Final = re.compile(rb'(?:^|\s)r\s*=\s*["\']([^"\']*)["\']')
_REF: Final = re.compile(rb"([A-Za-z]*)(\d*)")


def _extent_by_position(path: Path, info: zipfile.ZipInfo) -> tuple[int, int]:
    """(rows, columns) spanned from A1, following calamine's rules for cells without references.

    A row without ``r`` follows the previous row; a cell without ``r`` follows the previous cell
    of its row. Self-closing cells move the position but hold no value.
    """
    row = 0  # 0-based index of the current row
    col = 0  # 0-based column of the next cell without a reference
    max_row = max_col = 0
    for buf in _xml_chunks(path, info):
        for close, name, attrs in _TAG.findall(buf):
            empty = attrs.endswith(b"/")
            ref = _ATTR_R.search(attrs)
            if name == b"row":
                if close:
                    row, col = row + 1, 0
                    continue
                if ref is not None:
                    number = ref.group(1)
                    row = int(number[:12]) - 1 if number.isdigit() else row
                if empty:
                    row, col = row + 1, 0
                continue
            if close:
                continue
            r, c = row, col
            if ref is not None:
                m = _REF.fullmatch(ref.group(1))
                if m is not None and m.group(2):
                    r = int(m.group(2)[:12]) - 1
                    c = _col_index(m.group(1)[:5].upper()) - 1 if m.group(1) else col
            col = c + 1
            if not empty:
                max_row = max(max_row, r + 1)
                max_col = max(max_col, c + 1)
    return max_row, max_col


# --------------------------------------------------------------------------- xlrd (BIFF2-5)


def _open_xlrd(path: Path, sniffed: Sniffed) -> Book:
    import xlrd

    try:
        data = path.read_bytes()
        book = xlrd.open_workbook(file_contents=data, logfile=io.StringIO(), on_demand=False)
    except BaseException as exc:
        if _is_fatal(exc):
            raise
        msg = str(exc).lower()
        if "encrypt" in msg or "password" in msg:
            name = path.name
            raise refuse(
                "encrypted",
                f"文件「{name}」设置了打开密码，请在 Excel 或 WPS 中取消密码并另存后再导入。",
                f"The file \"{name}\" is password-protected; remove the password in Excel or WPS, save it and import again.",
                path,
            ) from None
        if sniffed.wps and not sniffed.cut_short:
            name = path.name
            raise refuse(
                "unsupported",
                f"无法读取 WPS 表格文件「{name}」，请在 WPS 中把它另存为 .xlsx 后再导入。",
                f"The WPS spreadsheet \"{name}\" cannot be read; save it as .xlsx in WPS and import that.",
                path,
            ) from None
        raise damaged(path) from None

    datemode = book.datemode
    sheets = [SheetInfo(s.name, getattr(s, "visibility", 0) == 0, True) for s in book.sheets()]

    def convert(ctype: int, value: Any) -> Cell:
        if ctype == xlrd.XL_CELL_TEXT:
            return str(value)
        if ctype == xlrd.XL_CELL_NUMBER:
            return float(value)
        if ctype == xlrd.XL_CELL_DATE:
            try:
                d = xlrd.xldate.xldate_as_datetime(value, datemode)
            except Exception:
                return float(value)
            if value < 1:
                only_time: dt.time = d.time()
                return only_time
            if d.time() == dt.time(0):
                only_date: dt.date = d.date()
                return only_date
            stamp: dt.datetime = d
            return stamp
        if ctype == xlrd.XL_CELL_BOOLEAN:
            return bool(value)
        return ""

    def load(name: str) -> RawSheet:
        try:
            sh = book.sheet_by_name(name)
            if sh.nrows * max(sh.ncols, 1) > MAX_CELLS:
                raise too_large(path, name)
            rows: list[Row] = []
            for r in range(sh.nrows):
                types = sh.row_types(r)
                values = sh.row_values(r)
                rows.append([convert(t, v) for t, v in zip(types, values, strict=False)])
            merged = [(r0, c0, r1 - 1, c1 - 1) for r0, r1, c0, c1 in getattr(sh, "merged_cells", [])]
        except ImportRefused:
            raise
        except BaseException as exc:
            if _is_fatal(exc):
                raise
            raise damaged(path, name) from None
        return RawSheet(name, rows, merged)

    return Book(path, "xls" if sniffed.format == "xls" else "biff", sheets, load, book.release_resources,
                date1904=bool(datemode))


# --------------------------------------------------------------------------- text (CSV/TSV/TXT)


_CJK_OK: Final = (
    (0x4E00, 0x9FFF),
    (0x3400, 0x4DBF),
    (0x3000, 0x303F),
    (0xFF00, 0xFFEF),
    (0x2000, 0x206F),
    (0x00A0, 0x00FF),
    (0x2460, 0x24FF),
    (0x25A0, 0x25FF),
    (0x2150, 0x218F),
    (0x2190, 0x21FF),
    (0x2100, 0x214F),
)


def _plausible_cjk(text: str) -> bool:
    """True if the non-ASCII characters of ``text`` look like real Chinese text."""
    total = 0
    good = 0
    for ch in text:
        o = ord(ch)
        if o < 128:
            continue
        total += 1
        for lo, hi in _CJK_OK:
            if lo <= o <= hi:
                good += 1
                break
        if total >= 4000:
            break
    return total == 0 or good >= 0.9 * total


def decode_text(data: bytes, path: Path) -> tuple[str, str, list[tuple[str, str]]]:
    """Decode ``data``: BOMs, then strict UTF-8 and GB18030, then Big5, then charset-normalizer.

    Returns (text, encoding, warnings). Raises :class:`ImportRefused` if nothing fits.
    """
    warnings: list[tuple[str, str]] = []
    if data.startswith(b"\xef\xbb\xbf"):
        return _decode(data[3:], "utf-8", path), "utf-8-sig", warnings
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        enc = "utf-16-le" if data[:2] == b"\xff\xfe" else "utf-16-be"
        return _decode(data[2:], enc, path), "utf-16", warnings
    sample = data[:4096]
    if sample.count(b"\x00") > len(sample) // 3:
        enc = "utf-16-le" if sample[1::2].count(0) > sample[0::2].count(0) else "utf-16-be"
        return _decode(data, enc, path), enc, warnings
    try:
        return data.decode("utf-8"), "utf-8", warnings
    except UnicodeDecodeError as exc:
        # A file cut in the middle of a multi-byte character is still UTF-8.
        if exc.start >= len(data) - 3 and exc.reason == "unexpected end of data":
            return data[: exc.start].decode("utf-8"), "utf-8", warnings
    candidates: list[tuple[str, str]] = []
    for enc in ("gb18030", "big5"):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        if _plausible_cjk(text):
            candidates.append((enc, text))
    if len(candidates) == 1:
        return candidates[0][1], candidates[0][0], warnings
    if len(candidates) > 1:
        import charset_normalizer

        best = charset_normalizer.from_bytes(data[:200_000], cp_isolation=["gb18030", "big5"]).best()
        chosen = "big5" if best is not None and best.encoding == "big5" else "gb18030"
        return dict(candidates)[chosen], chosen, warnings
    encoding = _guess_single_byte(data[:200_000])
    if encoding:
        try:
            text = data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            text = ""
        if text:
            warnings.append(
                (
                    f"文件编码不是 UTF-8 或 GBK，已按 {encoding} 读取，如有乱码请另存为 UTF-8 后重新导入。",
                    f"The file is neither UTF-8 nor GBK and was read as {encoding}; if text looks garbled, save it as UTF-8 and import again.",
                )
            )
            return text, encoding, warnings
    name = path.name
    raise refuse(
        "encoding",
        f"无法识别文件「{name}」的文字编码，请在 Excel 或 WPS 中另存为 UTF-8 编码的 CSV 或 .xlsx 后再导入。",
        f"The text encoding of \"{name}\" cannot be recognised; save it as UTF-8 CSV or .xlsx in Excel or WPS and import that.",
        path,
    )


# Legacy single-byte code pages worth a second look when the first guess reads as nonsense:
# charset-normalizer stops at the first "definitive" language family, and on a few dozen bytes
# its language model cannot tell Greek from Bulgarian.
_SINGLE_BYTE: Final = (
    "cp1252", "cp1250", "cp1251", "cp1253", "iso8859_7", "cp1254", "cp1257", "iso8859_2",
    "iso8859_5", "iso8859_15", "koi8_r", "koi8_u", "cp866", "mac_roman", "mac_cyrillic", "mac_greek",
)
_VOWELS: Final = frozenset("aeiouyæøœαεηιουωаеёиоуыэюяіїєәөүұ")
_WORD: Final = re.compile(r"[^\W\d_]+")


def _vowel_share(text: str) -> float | None:
    """Share of vowels among the letters of the non-ASCII Latin, Greek and Cyrillic words.

    Real words of alphabetic languages are 25-55 % vowels; text decoded with the wrong code
    page of the same shape (Greek read as Cyrillic, Cyrillic read as Latin-1) is nearly all
    consonants or nearly all accented vowels. ``None`` when there are too few such letters.
    """
    letters = vowels = 0
    for word in _WORD.findall(text, 0, 100_000):
        if word.isascii():
            continue
        for ch in word.lower():
            o = ord(ch)
            if o >= 0x530:
                continue
            letters += 1
            if ch in _VOWELS or (o < 0x400 and unicodedata.normalize("NFD", ch)[0] in _VOWELS):
                vowels += 1
    return vowels / letters if letters >= 12 else None


def _reads_as_words(text: str) -> bool:
    share = _vowel_share(text)
    return share is None or 0.2 <= share <= 0.7


# Non-ASCII characters that are neither letters nor marks: where a code page of the right script
# but the wrong variant puts a symbol in place of a letter ("¶ρτος" for "Άρτος").
_NOT_LETTER: Final = re.compile(r"[^\w\s\x00-\x7f]")


def _guess_single_byte(data: bytes) -> str | None:
    """The encoding of text that is neither UTF-8 nor Chinese, or ``None``.

    charset-normalizer proposes; on a few dozen bytes it cannot be trusted alone (it stops at
    the first "definitive" language family, and reads a short Greek list as Bulgarian or Mac
    Greek). Its proposals and the common legacy code pages (only those it finds plausible come
    back) are ranked: decodings whose words read as words first, then Windows and ISO code pages
    before DOS, KOI8 and Mac ones, lower chaos, higher language coherence, fewer non-ASCII
    symbols (cp1253 reads ISO-8859-7 "Άρτος" as "¶ρτος"), and charset-normalizer's own order.
    """
    import charset_normalizer

    first = charset_normalizer.from_bytes(data)
    if first.best() is None:
        return None
    matches = {str(m.encoding): m for m in charset_normalizer.from_bytes(data, cp_isolation=list(_SINGLE_BYTE))}
    for m in first:
        matches.setdefault(str(m.encoding), m)

    # Ties keep charset-normalizer's own order, then the order of _SINGLE_BYTE.
    order: dict[str, int] = {}
    for enc in [*(str(m.encoding) for m in first), *_SINGLE_BYTE]:
        order.setdefault(enc, len(order))

    def rank(enc: str) -> tuple[bool, bool, float, float, int, int]:
        m = matches[enc]
        text = str(m)[:100_000]
        return (not _reads_as_words(text), not enc.startswith(("cp12", "iso8859")), round(m.chaos, 2),
                -round(m.coherence, 2), len(_NOT_LETTER.findall(text)), order.get(enc, len(order)))

    return min(matches, key=rank)


def _decode(data: bytes, enc: str, path: Path) -> str:
    try:
        return data.decode(enc)
    except UnicodeDecodeError:
        return data.decode(enc, "replace")


def sniff_delimiter(text: str) -> str:
    """Pick the delimiter (comma, tab, semicolon, pipe) that splits most lines consistently."""
    lines = [ln for ln in text[:200_000].splitlines()[:200] if ln.strip()][:80]
    best = ","
    best_score = 0.0
    for delim in (",", "\t", ";", "|"):
        counts = [ln.count(delim) for ln in lines]
        positive = [c for c in counts if c > 0]
        if not positive:
            continue
        mode = max(set(positive), key=positive.count)
        agree = sum(1 for c in positive if c == mode)
        score = agree * (1 + min(mode, 30)) + 0.1 * len(positive)
        if delim == ",":
            score *= 1.05  # ties go to the comma
        if score > best_score:
            best, best_score = delim, score
    return best


_FORMULA_QUOTED: Final = re.compile(r'^="(.*)"$', re.S)
_FORMULA_CHARS: Final = frozenset("=+-@")  # what importers.export.neutralize puts a quote before


class TooManyRows(ValueError):
    """A text file holds more rows than a worksheet can (1,048,576)."""


def parse_csv_text(text: str, delimiter: str) -> list[Row]:
    """Split decoded text into rows; cells are stripped strings (``="001"`` becomes ``001``, and
    ``'+雪碧`` ``+雪碧``: the quote a CSV export puts before text a spreadsheet would run as a formula)."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows: list[Row] = []
    strip_chars = " \t\r\n\u3000\xa0\ufeff"
    for rec in reader:
        row: Row = []
        for cell in rec:
            c = cell.strip(strip_chars)
            if c[:2] == '="' and c[-1:] == '"':
                m = _FORMULA_QUOTED.match(c)
                if m:
                    c = m.group(1).strip(strip_chars)
            elif c[:1] == "'" and c[1:2] in _FORMULA_CHARS:
                c = c[1:]
            row.append(c)
        rows.append(row)
        if len(rows) > MAX_ROWS:
            raise TooManyRows("too many rows")
    return rows


def _read_limited(path: Path) -> bytes:
    _check_text_size(path)
    return path.read_bytes()


def _check_text_size(path: Path) -> None:
    """Refuse a text file (CSV, HTML, XML) larger than :data:`MAX_TEXT_BYTES`."""
    size = path.stat().st_size
    if size > MAX_TEXT_BYTES:
        name = path.name
        raise refuse(
            "too_large",
            f"文本文件「{name}」超过 300 MB，太大无法导入，请拆分成几个较小的文件。",
            f"The text file \"{name}\" is larger than 300 MB, which is too large; split it into smaller files.",
            path,
        )


def _open_text(path: Path) -> Book:
    data = _read_limited(path)
    text, encoding, warnings = decode_text(data, path)
    delimiter = sniff_delimiter(text)
    csv.field_size_limit(16 << 20)
    try:
        rows = parse_csv_text(text, delimiter)
    except TooManyRows:
        raise refuse(
            "too_large",
            f"文本文件「{path.name}」超过 1048576 行（Excel 一个工作表的行数上限），太大无法导入，请拆分成几个较小的文件。",
            f"The text file \"{path.name}\" has more than 1,048,576 rows (the most a worksheet holds), which is too"
            " large; split it into smaller files.",
            path,
        ) from None
    except (csv.Error, ValueError):
        raise damaged(path) from None
    name = path.stem or "Sheet1"
    if sum(len(r) for r in rows) > MAX_CELLS:
        raise too_large(path)
    lines = [r for r in rows if any(str(c).strip() for c in r)]
    if not lines:
        raise refuse("empty", f"文件「{path.name}」里没有任何数据（只有空行），请选择保存了数据的表格。",
                     f"The file \"{path.name}\" holds no data (blank lines only); choose a spreadsheet that contains data.", path)
    if len(lines) == 1 and len([c for c in lines[0] if str(c).strip()]) <= 1:
        raise refuse(
            "not_spreadsheet",
            f"文件「{path.name}」里只有一行文字，不是表格，请选择 Excel、WPS 或 CSV 表格文件。",
            f"The file \"{path.name}\" holds a single line of text, not a table; choose an Excel, WPS or CSV spreadsheet.",
            path,
        )

    def load(_: str) -> RawSheet:
        return RawSheet(name, rows, None)

    return Book(path, "csv", [SheetInfo(name)], load, None, encoding=encoding, delimiter=delimiter,
                warnings=warnings)


# --------------------------------------------------------------------------- HTML tables


class _TableParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tables: list[tuple[list[Row], list[Merge]]] = []
        # per open table: its rows, merges, and the columns of rows to come that a rowspan covers
        self._stack: list[tuple[list[Row], list[Merge], dict[int, set[int]]]] = []
        self._cell: list[str] | None = None
        self._cell_span: tuple[int, int] = (1, 1)
        self._row: Row | None = None
        self._skip_row = False
        self._ignore = 0
        self.cells = 0
        self.spanned = 0  # cells of rows to come covered by rowspans (see MAX_SPANNED)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("style", "script"):
            self._ignore += 1
        elif tag == "table":
            self._stack.append(([], [], {}))
        elif not self._stack:
            return
        elif tag == "tr":
            self._finish_row()
            style = (dict(attrs).get("style") or "").replace(" ", "").lower()
            self._skip_row = "display:none" in style
            self._row = []
        elif tag in ("td", "th"):
            if self._row is None:
                self._row = []
            self._finish_cell()
            a = dict(attrs)
            self._cell = []
            self._cell_span = (_span(a.get("rowspan")), _span(a.get("colspan")))
        elif tag == "br" and self._cell is not None:
            self._cell.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("style", "script"):
            self._ignore = max(0, self._ignore - 1)
        elif tag in ("td", "th"):
            self._finish_cell()
        elif tag == "tr":
            self._finish_row()
        elif tag == "table" and self._stack:
            self._finish_row()
            rows, merges, occupied = self._stack.pop()
            self.spanned -= sum(len(cols) for cols in occupied.values())
            self.tables.append((rows, merges))

    def handle_data(self, data: str) -> None:
        if self._cell is not None and not self._ignore:
            self._cell.append(re.sub(r"\s+", " ", data))

    def _finish_cell(self) -> None:
        if self._cell is None or self._row is None or not self._stack:
            self._cell = None
            return
        rows, merges, occupied = self._stack[-1]
        r = len(rows)
        c = len(self._row)
        taken = occupied.get(r)
        while taken and c in taken:
            self._row.append("")
            c += 1
        text = re.sub(r" *\n *", "\n", "".join(self._cell)).strip(" \n\xa0")
        self._row.append(text)
        rs, cs = self._cell_span
        for _ in range(cs - 1):
            self._row.append("")
        if rs > 1 or cs > 1:
            merges.append((r, c, r + rs - 1, c + cs - 1))
            self.spanned += (rs - 1) * cs
            if self.spanned > MAX_SPANNED:  # a few hundred <td rowspan=1000 colspan=1000> ask for gigabytes
                raise ValueError("too many spanned cells")
            for rr in range(r + 1, r + rs):
                occupied.setdefault(rr, set()).update(range(c, c + cs))
        self.cells += cs
        if self.cells > MAX_CELLS:
            raise ValueError("too many cells")
        self._cell = None

    def _finish_row(self) -> None:
        self._finish_cell()
        if self._row is not None and self._stack and not self._skip_row:
            rows, _merges, occupied = self._stack[-1]
            self.spanned -= len(occupied.pop(len(rows), ()))  # this row is done with
            rows.append(self._row)
        self._row = None
        self._skip_row = False


def _span(value: str | None) -> int:
    try:
        return max(1, min(int(value or "1"), 1000))
    except ValueError:
        return 1


_META_CHARSET: Final = re.compile(rb"""charset\s*=\s*["']?([A-Za-z0-9_\-]+)""", re.I)


def _open_html(path: Path) -> Book:
    data = _read_limited(path)
    m = _META_CHARSET.search(data[:4096])
    text: str | None = None
    encoding = None
    if m:
        encoding = m.group(1).decode("ascii").lower()
        try:
            text = data.decode(encoding)
        except (LookupError, UnicodeDecodeError):
            text = None
    if text is None:
        text, encoding, _ = decode_text(data, path)
    parser = _TableParser()
    try:
        parser.feed(text)
        parser.close()
    except ValueError:
        raise too_large(path) from None
    except Exception:
        raise damaged(path) from None
    tables = [t for t in parser.tables if any(any(c != "" for c in r) for r in t[0])]
    if not tables:
        name = path.name
        raise refuse(
            "not_spreadsheet",
            f"文件「{name}」是网页文件，里面没有表格，请选择 Excel、WPS 或 CSV 文件。",
            f"The file \"{name}\" is a web page without any table; choose an Excel, WPS or CSV file.",
            path,
        )
    names = [f"表{i + 1}" for i in range(len(tables))]
    by_name = dict(zip(names, tables, strict=True))

    def load(name: str) -> RawSheet:
        rows, merges = by_name[name]
        return RawSheet(name, rows, merges)

    return Book(path, "html", [SheetInfo(n) for n in names], load, None, encoding=encoding)


# --------------------------------------------------------------------------- SpreadsheetML 2003


_SS: Final = "{urn:schemas-microsoft-com:office:spreadsheet}"
_XML_ENCODING: Final = re.compile(rb"""\s*<\?xml[^>]*?\sencoding\s*=\s*["']([A-Za-z0-9_.\-]{1,40})["']""")


_X: Final = "{urn:schemas-microsoft-com:office:excel}"
MAX_XML_DEPTH: Final = 1_000  # elements open at once (a real file nests about ten deep)
MAX_CELL_ELEMENTS: Final = 10_000  # elements in one cell (rich text has a few)
MAX_ROW_ELEMENTS: Final = 4 * MAX_COLS + MAX_CELL_ELEMENTS  # elements in one row, its cells' included


class _Xml2003Sheet:
    """One worksheet of a SpreadsheetML file while it is being read."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.rows: list[Row] = []
        self.merges: list[Merge] = []
        self.table: Any = None  # its first <Table>: the only one read
        self.r = -1
        self.hidden = False


def _open_xml2003(path: Path) -> Book:
    import defusedxml

    _check_text_size(path)
    name = path.name
    sheets: dict[str, RawSheet] = {}
    infos: list[SheetInfo] = []
    try:
        with path.open("rb") as fh:
            _read_xml2003(path, _xml2003_events(fh), sheets, infos)
    except ImportRefused:
        raise
    except defusedxml.DefusedXmlException:
        raise refuse(
            "unsafe",
            f"文件「{name}」包含不安全的 XML 实体定义，为安全起见已拒绝导入，请在 Excel 中另存为 .xlsx 后再导入。",
            f"The file \"{name}\" contains unsafe XML entity definitions and was refused; save it as .xlsx in Excel and import that.",
            path,
        ) from None
    except Exception:
        raise damaged(path) from None
    if not infos:
        raise refuse(
            "not_spreadsheet",
            f"文件「{name}」是 XML 文档但里面没有工作表，请在 Excel 中另存为 .xlsx 后再导入。",
            f"The file \"{name}\" is XML without any worksheet; save it as .xlsx in Excel and import that.",
            path,
        )
    return Book(path, "xml2003", infos, sheets.__getitem__, None)


_CELL: Final = _SS + "Cell"
_ROW: Final = _SS + "Row"
_TABLE: Final = _SS + "Table"
_WORKSHEET: Final = _SS + "Worksheet"


def _read_xml2003(path: Path, events: Iterator[tuple[str, Any]], sheets: dict[str, RawSheet],
                  infos: list[SheetInfo]) -> None:
    """Stream a SpreadsheetML file into ``sheets`` and ``infos``.

    Each <Row> of a worksheet's first <Table> is read once it ends and then dropped, and every
    other element once it ends, so memory holds the rows read and one row's elements. A file
    nesting elements absurdly deep, or an absurd number of them in one cell or row, is damaged.
    """
    open_: list[Any] = []  # the elements started and not yet ended
    open_sheets: list[_Xml2003Sheet] = []
    row_el: Any = None  # the <Row> being read
    in_row = in_cell = 0  # elements started inside that row, and inside its current cell
    total = 0
    for event, el in events:
        if row_el is not None:  # most events: the elements of a row
            if event == "start":
                open_.append(el)
                in_row += 1
                in_cell = 0 if el.tag == _CELL else in_cell + 1
                if in_cell > MAX_CELL_ELEMENTS or in_row > MAX_ROW_ELEMENTS or len(open_) > MAX_XML_DEPTH:
                    raise damaged(path)
                continue
            open_.pop()
            if el is not row_el:
                continue  # read with the row
            row_el = None
            sheet = open_sheets[-1]
            total += _read_xml2003_row(path, el, sheet)
            if total > MAX_CELLS:
                raise too_large(path, sheet.name)
        elif event == "start":
            open_.append(el)
            if len(open_) > MAX_XML_DEPTH:
                raise damaged(path)
            tag = el.tag
            if tag == _WORKSHEET:
                open_sheets.append(_Xml2003Sheet(el.get(_SS + "Name") or f"Sheet{len(infos) + len(open_sheets) + 1}"))
            elif not open_sheets:
                pass
            elif tag == _TABLE and open_sheets[-1].table is None and open_[-2] is _ws_element(open_):
                open_sheets[-1].table = el
            elif tag == _ROW and open_sheets[-1].table is not None and any(e is open_sheets[-1].table for e in open_):
                row_el, in_row, in_cell = el, 0, 0
            continue
        else:
            open_.pop()
            tag = el.tag
            if tag == _X + "Visible" and len(open_) >= 2 and open_[-1].tag == _X + "WorksheetOptions" \
                    and open_sheets and open_[-2] is _ws_element(open_):
                open_sheets[-1].hidden = (el.text or "").startswith("SheetHidden")
            elif tag == _WORKSHEET and open_sheets:
                sheet = open_sheets.pop()
                sheets[sheet.name] = RawSheet(sheet.name, sheet.rows, sheet.merges)
                infos.append(SheetInfo(sheet.name, not sheet.hidden, True))
        el.clear()  # an ended row, or any element outside the rows: done with
        if open_:
            open_[-1].remove(el)


def _ws_element(open_: list[Any]) -> Any:
    """The innermost open <Worksheet> element (``None`` if there is none)."""
    for el in reversed(open_):
        if el.tag == _WORKSHEET:
            return el
    return None


def _read_xml2003_row(path: Path, row_el: Any, sheet: _Xml2003Sheet) -> int:
    """Read one ended <Row> into ``sheet``; returns how many cells its row now holds."""
    rows = sheet.rows
    idx = row_el.get(f"{_SS}Index")
    r = sheet.r = _bounded_index(idx, MAX_ROWS, path) if idx else sheet.r + 1
    while len(rows) <= r:
        rows.append([])
    row = rows[r]
    c = -1
    for cell in row_el.iter(_CELL):
        cidx = cell.get(f"{_SS}Index")
        c = _bounded_index(cidx, MAX_COLS, path) if cidx else c + 1
        while len(row) <= c:
            row.append("")
        data_el = cell.find(f"{_SS}Data")
        value: Cell = ""
        if data_el is not None:
            value = _xml_value(data_el.get(f"{_SS}Type") or "String", "".join(data_el.itertext()))
        row[c] = value
        across = _bounded_span(cell.get(f"{_SS}MergeAcross"), c, MAX_COLS, path)
        down = _bounded_span(cell.get(f"{_SS}MergeDown"), r, MAX_ROWS, path)
        if across or down:
            sheet.merges.append((r, c, r + down, c + across))
        c += across
    return len(row)


def _xml2003_events(fh: Any) -> Iterator[tuple[str, Any]]:
    """iterparse's ("start"/"end", element) pairs of a SpreadsheetML file; entities and external
    references are refused.

    expat reads no multi-byte legacy encoding: a file that declares GB2312, GBK or Big5 (as
    Chinese accounting tools write it) is decoded here and parsed as text.
    """
    import defusedxml
    import defusedxml.ElementTree as DET

    options = {"forbid_dtd": False, "forbid_entities": True, "forbid_external": True}
    events = DET.iterparse(fh, ("start", "end"), **options)
    try:
        first = next(events)
    except defusedxml.DefusedXmlException:
        raise
    except ValueError:  # raised before any element: the declared encoding
        fh.seek(0)
        declared = _XML_ENCODING.match(fh.read(512))
        if declared is None:
            raise
        encoding = declared.group(1).decode("ascii").lower()
        fh.seek(0)
        text = io.TextIOWrapper(fh, encoding="gb18030" if encoding in ("gb2312", "gbk", "cp936") else encoding)
        events = DET.iterparse(text, ("start", "end"), **options)
        first = next(events)
    return itertools.chain((first,), events)


def _bounded_index(value: str, limit: int, path: Path) -> int:
    try:
        n = int(value)
    except ValueError:
        raise damaged(path) from None
    if n < 1 or n > limit:
        raise too_large(path)
    return n - 1


def _bounded_span(value: str | None, start: int, limit: int, path: Path) -> int:
    """How many more rows or columns a merged SpreadsheetML cell covers (MergeDown/MergeAcross);
    a merge reaching past the sheet's last row or column is refused: the cells after it would be
    laid out billions of columns to the right."""
    if not value:
        return 0
    try:
        n = max(int(value), 0)
    except ValueError:
        raise damaged(path) from None
    if start + n >= limit:
        raise too_large(path)
    return n


def _xml_value(kind: str, text: str) -> Cell:
    if kind == "Number":
        try:
            f = float(text)
        except ValueError:
            return text
        return f
    if kind == "Boolean":
        return text.strip() in ("1", "true", "TRUE")
    if kind == "DateTime":
        try:
            d = dt.datetime.fromisoformat(text.strip().rstrip("Z"))
        except ValueError:
            return text
        if d.year <= 1900 and d.month == 1 and d.day in (0, 1, 31) and d.year < 1900:
            return d.time()
        return d.date() if d.time() == dt.time(0) else d
    return text

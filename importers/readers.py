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
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any, Final, TypeAlias

from importers.errors import ImportRefused
from importers.sniff import Sniffed, check_zip_limits, refuse

Cell: TypeAlias = str | int | float | bool | dt.date | dt.datetime | dt.time | dt.timedelta
Row: TypeAlias = list[Cell]
Merge: TypeAlias = tuple[int, int, int, int]  # r0, c0, r1, c1 inclusive, 0-based

MAX_CELLS: Final = 30_000_000  # used range (rows x columns) we agree to materialise
MAX_TEXT_BYTES: Final = 300 << 20  # CSV/HTML/XML files larger than this are refused
MAX_ROWS: Final = 1_048_576
MAX_COLS: Final = 16_384


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
    exc = refuse(
        "damaged",
        f"文件「{name}」已损坏或格式不完整，无法读取，请在 Excel 或 WPS 中打开后另存为 .xlsx 再导入。",
        f"The file \"{name}\" is damaged or incomplete and cannot be read; open it in Excel or WPS, save it as .xlsx and import that.",
        path,
    )
    exc.sheet = sheet
    return exc


def too_large(path: Path, sheet: str | None = None) -> ImportRefused:
    """The refusal for a sheet whose used range is too large to read safely."""
    name = path.name
    where = f"工作表「{sheet}」" if sheet else "表格"
    where_en = f'sheet "{sheet}"' if sheet else "table"
    exc = refuse(
        "too_large",
        f"文件「{name}」中的{where}范围太大（超过三千万个单元格），请删除多余的空行空列或拆分文件后再导入。",
        f"The {where_en} in \"{name}\" is too large (over 30 million cells); delete unused rows/columns or split the file.",
        path,
    )
    exc.sheet = sheet
    return exc


def open_book(path: Path, sniffed: Sniffed) -> Book:
    """Open ``path`` with the reader that fits its sniffed format."""
    fmt = sniffed.format
    if fmt in ("xlsx", "xlsb", "ods", "xls"):
        if fmt == "xlsx":
            _guard_xlsx_dimensions(path)
        try:
            return _open_calamine(path, sniffed)
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


def _open_calamine(path: Path, sniffed: Sniffed) -> Book:
    import python_calamine as pc

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

    def load(name: str) -> RawSheet:
        try:
            sheet = wb.get_sheet_by_name(name)
            height, width = sheet.height, sheet.width
            end = sheet.end
            if end is not None and (end[0] + 1) * (end[1] + 1) > MAX_CELLS:
                raise too_large(path, name)
            if height * width > MAX_CELLS:
                raise too_large(path, name)
            rows: list[Row] = sheet.to_python(skip_empty_area=False)
            merged_raw = sheet.merged_cell_ranges
        except ImportRefused:
            raise
        except BaseException as exc:
            if _is_fatal(exc):
                raise
            raise damaged(path, name) from None
        merged = None if merged_raw is None else [(a[0], a[1], b[0], b[1]) for a, b in merged_raw]
        return RawSheet(name, rows, merged)

    def close() -> None:
        try:
            wb.close()
        finally:
            fh.close()

    return Book(path, sniffed.format, sheets, load, close, date1904=sniffed.date1904)


_DIM_RE: Final = re.compile(rb'<(?:\w+:)?dimension[^>]*\bref="([A-Z]+)?(\d+)?(?::([A-Z]+)(\d+))?"')


def _col_index(letters: bytes) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + (ch - 64)
    return n


def _guard_xlsx_dimensions(path: Path) -> None:
    """Refuse worksheets whose real used range is absurdly large, without trusting <dimension>.

    The declared dimension is read first (cheap); only when it is missing or huge do we stream
    through the sheet XML counting real cell references, in bounded memory.
    """
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
            check_zip_limits(path, infos)
            for info in infos:
                fname = info.filename
                if not (fname.startswith("xl/worksheets/") and fname.endswith(".xml")):
                    continue
                with zf.open(info) as fh:
                    head = fh.read(16384)
                m = _DIM_RE.search(head)
                if m and m.group(3) and m.group(4):
                    cells = _col_index(m.group(3)) * int(m.group(4))
                    if cells <= MAX_CELLS:
                        continue
                elif m and m.group(1) and not m.group(3):
                    continue  # a single-cell dimension such as "A1"
                _scan_cells(path, zf, info)
    except ImportRefused:
        raise
    except (zipfile.BadZipFile, EOFError, OSError, ValueError, KeyError, NotImplementedError, RuntimeError):
        raise damaged(path) from None


_WIDE_REF_RE: Final = re.compile(rb'r="[A-Z]{2,3}\d')
_ANY_REF_RE: Final = re.compile(rb'r="([A-Z]{1,3})(\d{1,7})"')


def _scan_cells(path: Path, zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> None:
    """Stream the sheet XML and refuse it if its real used range is too large.

    Fast path: with no cell beyond column Z the range is at most 26 x 1,048,576 cells, which
    is within :data:`MAX_CELLS`, so a single regex search per chunk decides it. Only sheets
    with wider columns pay for a full scan of the cell references.
    """
    wide = False
    with zf.open(info) as fh:
        tail = b""
        while True:
            chunk = fh.read(1 << 22)
            if not chunk:
                break
            if _WIDE_REF_RE.search(tail + chunk):
                wide = True
                break
            tail = chunk[-16:]
    if not wide:
        return
    max_row = 0
    max_col = 0
    cols: set[bytes] = set()
    with zf.open(info) as fh:
        tail = b""
        while True:
            chunk = fh.read(1 << 22)
            if not chunk:
                break
            buf = tail + chunk
            for letters, digits in _ANY_REF_RE.findall(buf):
                cols.add(letters)
                if len(digits) >= 5:
                    row = int(digits)
                    if row > max_row:
                        max_row = row
            tail = buf[-64:]
    for letters in cols:
        col = _col_index(letters)
        if col > max_col:
            max_col = col
    max_row = max(max_row, 9999)
    if max_row * max_col > MAX_CELLS or max_col > MAX_COLS or max_row > MAX_ROWS:
        raise too_large(path)


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
        if sniffed.wps:
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
    import charset_normalizer

    best = charset_normalizer.from_bytes(data[:200_000]).best()
    if best is not None and best.encoding:
        try:
            text = data.decode(best.encoding)
        except (UnicodeDecodeError, LookupError):
            text = ""
        if text:
            warnings.append(
                (
                    f"文件编码不是 UTF-8 或 GBK，已按 {best.encoding} 读取，如有乱码请另存为 UTF-8 后重新导入。",
                    f"The file is neither UTF-8 nor GBK and was read as {best.encoding}; if text looks garbled, save it as UTF-8 and import again.",
                )
            )
            return text, best.encoding, warnings
    name = path.name
    raise refuse(
        "encoding",
        f"无法识别文件「{name}」的文字编码，请在 Excel 或 WPS 中另存为 UTF-8 编码的 CSV 或 .xlsx 后再导入。",
        f"The text encoding of \"{name}\" cannot be recognised; save it as UTF-8 CSV or .xlsx in Excel or WPS and import that.",
        path,
    )


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


def parse_csv_text(text: str, delimiter: str) -> list[Row]:
    """Split decoded text into rows; cells are stripped strings (``="001"`` becomes ``001``)."""
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
            row.append(c)
        rows.append(row)
        if len(rows) > MAX_ROWS:
            raise ValueError("too many rows")
    return rows


def _read_limited(path: Path) -> bytes:
    size = path.stat().st_size
    if size > MAX_TEXT_BYTES:
        name = path.name
        raise refuse(
            "too_large",
            f"文本文件「{name}」超过 300 MB，太大无法导入，请拆分成几个较小的文件。",
            f"The text file \"{name}\" is larger than 300 MB, which is too large; split it into smaller files.",
            path,
        )
    return path.read_bytes()


def _open_text(path: Path) -> Book:
    data = _read_limited(path)
    text, encoding, warnings = decode_text(data, path)
    delimiter = sniff_delimiter(text)
    csv.field_size_limit(16 << 20)
    try:
        rows = parse_csv_text(text, delimiter)
    except (csv.Error, ValueError):
        raise damaged(path) from None
    name = path.stem or "Sheet1"
    if sum(len(r) for r in rows) > MAX_CELLS:
        raise too_large(path)
    lines = [r for r in rows if any(c != "" for c in r)]
    if len(lines) <= 1 and all(len([c for c in r if c != ""]) <= 1 for r in lines):
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
        self._stack: list[tuple[list[Row], list[Merge], dict[tuple[int, int], bool]]] = []
        self._cell: list[str] | None = None
        self._cell_span: tuple[int, int] = (1, 1)
        self._row: Row | None = None
        self._skip_row = False
        self._ignore = 0
        self.cells = 0

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
            rows, merges, _ = self._stack.pop()
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
        while occupied.get((r, c)):
            self._row.append("")
            c += 1
        text = re.sub(r" *\n *", "\n", "".join(self._cell)).strip(" \n\xa0")
        self._row.append(text)
        rs, cs = self._cell_span
        for _ in range(cs - 1):
            self._row.append("")
        if rs > 1 or cs > 1:
            merges.append((r, c, r + rs - 1, c + cs - 1))
            for rr in range(r + 1, r + rs):
                for cc in range(c, c + cs):
                    occupied[(rr, cc)] = True
        self.cells += cs
        if self.cells > MAX_CELLS:
            raise ValueError("too many cells")
        self._cell = None

    def _finish_row(self) -> None:
        self._finish_cell()
        if self._row is not None and self._stack and not self._skip_row:
            self._stack[-1][0].append(self._row)
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


def _open_xml2003(path: Path) -> Book:
    import defusedxml
    import defusedxml.ElementTree as DET

    data = _read_limited(path)
    name = path.name
    try:
        root = DET.fromstring(data, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except (defusedxml.DefusedXmlException, ValueError):
        raise refuse(
            "unsafe",
            f"文件「{name}」包含不安全的 XML 实体定义，为安全起见已拒绝导入，请在 Excel 中另存为 .xlsx 后再导入。",
            f"The file \"{name}\" contains unsafe XML entity definitions and was refused; save it as .xlsx in Excel and import that.",
            path,
        ) from None
    except Exception:
        raise damaged(path) from None

    sheets: dict[str, RawSheet] = {}
    infos: list[SheetInfo] = []
    total = 0
    for ws in root.iter(f"{_SS}Worksheet"):
        sname = ws.get(f"{_SS}Name") or f"Sheet{len(infos) + 1}"
        rows: list[Row] = []
        merges: list[Merge] = []
        table = ws.find(f"{_SS}Table")
        if table is not None:
            r = -1
            for row_el in table.iter(f"{_SS}Row"):
                idx = row_el.get(f"{_SS}Index")
                r = _bounded_index(idx, MAX_ROWS, path) if idx else r + 1
                while len(rows) <= r:
                    rows.append([])
                row = rows[r]
                c = -1
                for cell in row_el.iter(f"{_SS}Cell"):
                    cidx = cell.get(f"{_SS}Index")
                    c = _bounded_index(cidx, MAX_COLS, path) if cidx else c + 1
                    while len(row) <= c:
                        row.append("")
                    data_el = cell.find(f"{_SS}Data")
                    value: Cell = ""
                    if data_el is not None:
                        value = _xml_value(data_el.get(f"{_SS}Type") or "String", "".join(data_el.itertext()))
                    row[c] = value
                    across = int(cell.get(f"{_SS}MergeAcross") or 0)
                    down = int(cell.get(f"{_SS}MergeDown") or 0)
                    if across or down:
                        merges.append((r, c, r + max(down, 0), c + max(across, 0)))
                    c += max(across, 0)
                total += len(row)
                if total > MAX_CELLS:
                    raise too_large(path, sname)
        hidden = False
        opts = ws.find("{urn:schemas-microsoft-com:office:excel}WorksheetOptions")
        if opts is not None:
            vis = opts.find("{urn:schemas-microsoft-com:office:excel}Visible")
            hidden = vis is not None and (vis.text or "").startswith("SheetHidden")
        sheets[sname] = RawSheet(sname, rows, merges)
        infos.append(SheetInfo(sname, not hidden, True))
    if not infos:
        raise refuse(
            "not_spreadsheet",
            f"文件「{name}」是 XML 文档但里面没有工作表，请在 Excel 中另存为 .xlsx 后再导入。",
            f"The file \"{name}\" is XML without any worksheet; save it as .xlsx in Excel and import that.",
            path,
        )
    return Book(path, "xml2003", infos, sheets.__getitem__, None)


def _bounded_index(value: str, limit: int, path: Path) -> int:
    try:
        n = int(value)
    except ValueError:
        raise damaged(path) from None
    if n < 1 or n > limit:
        raise too_large(path)
    return n - 1


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

"""The public entry point: ``read_table(path) -> ParsedTable``."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final, TypeVar

from importers.errors import CellError, ImportRefused, Issue
from importers.fields import (
    FIELD_LABELS_EN,
    FIELD_LABELS_ZH,
    IMAGE,
    OCCURRED_TIME,
    SPEC_PRICE,
    Kind,
    fields_for,
)
from importers.gcpause import gc_paused
from importers.kinds import KindGuess, detect_kind
from importers.layouts import blank_row_cells, priced_specs, side_by_side, spec_of_header, spec_price_columns
from importers.mapping import (
    ColumnMatch,
    apply_override,
    clean_header,
    header_signature,
    match_columns,
    normalize_header,
)
from importers.picture_rows import picture_column, picture_links, picture_notes, with_pictures
from importers.pictures import Placed
from importers.purchases import as_purchases, is_purchase_list
from importers.readers import Book, Cell, RawSheet, Row, open_book
from importers.row_reading import (
    DEFAULT_CATEGORY,
    REQUIRED,
    Coerce,
    in_sheet,
    pair,
    row_coercer,
    setting,
    spec_price,
    variant_columns,
    with_variants,
)
from importers.shortcuts import follow
from importers.sniff import file_sha256, sniff_path
from importers.structure import (
    Structure,
    classify_row,
    detect_structure,
    fill_vertical_merges,
    is_group_name,
    section_title,
)
from importers.values import (
    Dates,
    clean_text,
    is_empty,
    to_datetime,
    to_time,
)


class ParsedRow:
    """One data row: its spreadsheet row number, its raw cells, and its coerced values and cell
    issues, worked out the first time they are asked for (a re-import recognises most rows by
    their raw cells alone: see importers.known_rows)."""

    __slots__ = ("_coerce", "_issues", "_values", "item", "key_cells", "raw", "row_number", "section", "sheet")

    def __init__(self, row_number: int, raw: Row, coerce: Callable[[Row, int], tuple[dict[str, Any], list[Issue]]],
                 section: str | None = None, item: int = 0) -> None:
        """Row `row_number` (1-based) holding `raw`; `coerce` works its values and issues out.
        `section` is the heading above it that gives it its category (see `structure.section_title`);
        `item` which of the row's items this is, when it holds several (`ParsedTable.blocks`, spec
        price columns: importers.layouts)."""
        self.row_number, self.raw, self.section, self.item = row_number, raw, section, item
        self.sheet: str | None = None  # its sheet, when the table was read from several
        # what a re-import recognises it by (importers.known_rows): its cells, and its heading and
        # item when it has them (an attribute, not a property: read for 100,000 rows at a time)
        self.key_cells: Row = raw if section is None and not item else [*raw, "\x00section", section or "", item]
        self._coerce: Callable[[Row, int], tuple[dict[str, Any], list[Issue]]] | None = coerce
        self._values: dict[str, Any] | None = None
        self._issues: list[Issue] | None = None

    def _work_out(self) -> None:
        assert self._coerce is not None
        self._values, self._issues = self._coerce(self.raw, self.row_number)
        self._coerce = None

    def work_out(self) -> tuple[dict[str, Any], list[Issue]]:
        """The values and issues, without keeping them if they were not worked out yet: a plan
        reads each row once, and 100,000 kept dicts of values cost ~35 MB."""
        if self._coerce is None:
            return self.values, self.issues
        return self._coerce(self.raw, self.row_number)

    @property
    def values(self) -> dict[str, Any]:
        """Field name -> coerced value, for the cells that hold one."""
        if self._values is None:
            self._work_out()
        assert self._values is not None
        return self._values

    @property
    def issues(self) -> list[Issue]:
        """The problems of this row's cells (and missing required fields)."""
        if self._issues is None:
            self._work_out()
        assert self._issues is not None
        return self._issues

    @property
    def coerced(self) -> bool:
        """True once the values were worked out."""
        return self._coerce is None

    @property
    def ok(self) -> bool:
        """True if no cell of this row has an error (warnings are fine)."""
        return not any(i.severity == "error" for i in self.issues)

    def __repr__(self) -> str:
        return f"ParsedRow({self.row_number}, {self.raw!r})"


@dataclass(slots=True)
class SkippedRow:
    """A row that is not data: "title", "blank", "totals", "description", "section" or "header"."""

    row_number: int
    reason: str


@dataclass(slots=True)
class ParsedTable:
    """A file read into a typed table, ready for a plan/apply step."""

    source: Path
    format: str
    sheet: str
    sheet_names: list[str]
    header_row: int | None  # 1-based first header row; None when the sheet has no header
    header_rows: list[int]  # all header rows (1-based): two-row headers have two
    headers: list[str]
    header_signature: str
    kind: Kind
    kind_reason_zh: str
    kind_reason_en: str
    bill_source: str | None
    mapping: dict[int, tuple[str, float]]
    matches: dict[int, ColumnMatch]
    rows: list[ParsedRow]
    skipped: list[SkippedRow]
    warnings: list[tuple[str, str]] = field(default_factory=list)
    # headings inside the list that name the category of the rows below them: (row number, title)
    sections: list[tuple[int, str]] = field(default_factory=list)
    # side-by-side blocks (a menu typed in two or three columns of 菜名|价格): how far each block's
    # columns are from the first block's, which `mapping` describes; [0] for an ordinary table
    blocks: list[int] = field(default_factory=lambda: [0])
    variants: list[int] = field(default_factory=list)  # columns whose cells join the spec (variant_columns)
    encoding: str | None = None
    delimiter: str | None = None
    date1904: bool = False
    year: int | None = None  # of the dates written without one, from the title or the sheet's or file's name
    month: int | None = None  # the month named with that year, if any ("2026年12月": "1月2日" is in 2027)
    purchases: bool = False  # a purchase list (importers.purchases): its unit price is the cost
    # every sheet the rows come from: the sheets of one list ("凉菜", "热菜", ...) are read as one
    # table when nobody chose a sheet; [sheet] otherwise
    sheets: list[str] = field(default_factory=list)
    # the sha256 of the bytes read (kept with the import's batch), None when it could not be taken
    sha256: str | None = None
    # the (closed) book, and each sheet as read with its structure: read_table(reuse=...) maps them again
    origin: tuple[Book, list[tuple[RawSheet, Structure]]] | None = field(default=None, repr=False, compare=False)

    @property
    def issues(self) -> list[Issue]:
        """Every cell issue of every row, in row order."""
        return [i for r in self.rows for i in r.issues]

    @property
    def sheet_argument(self) -> str | None:
        """What `read_table(sheet=...)` reads this table again with: its sheet, or None (the
        automatic choice) for sheets read together."""
        return self.sheet if len(self.sheets) < 2 else None

    def block_of(self, column: int) -> int | None:
        """Which of the side-by-side blocks `column` lies in (0 for an ordinary table's columns),
        None for a column left or right of them all (see `blocks`)."""
        if len(self.blocks) < 2 or not self.mapping:
            return 0
        start, width = min(self.mapping), self.blocks[1]
        j = (column - start) // width if column >= start else -1
        return j if 0 <= j < len(self.blocks) else None

    def block_column(self, column: int) -> int:
        """The first block's column that `column` repeats, or `column` itself (see `blocks`)."""
        j = self.block_of(column)
        return column - self.blocks[j] if j else column

    @property
    def data_rows(self) -> int:
        """How many rows of the sheet(s) hold data: a row holding several items (a 小份 and a 大份
        price, side-by-side blocks) counts once."""
        return len({(r.sheet, r.row_number) for r in self.rows})

    @property
    def spec_price_columns(self) -> list[int]:
        """The columns mapped as a spec's price ("小份", "330ml"), in order: item j of a row is the j-th."""
        return [c for c, (f, _conf) in sorted(self.mapping.items()) if f == SPEC_PRICE]

    def shift(self, item: int) -> int:
        """How far right of the first block's columns the cells of a row's item `item` are (0
        unless the table is in side-by-side blocks: see `blocks`)."""
        return self.blocks[item % len(self.blocks)] if len(self.blocks) > 1 else 0

    def belongs(self, item: int, column: int) -> bool:
        """False for a cell of another item of the same row: another side-by-side block, or another
        spec's price column."""
        if len(self.blocks) > 1:
            block = self.block_of(column)
            return block is None or block == item % len(self.blocks)
        specs = self.spec_price_columns
        return column not in specs or specs.index(column) == item

    @property
    def fields(self) -> set[str]:
        """The fields the rows carry values of: the mapped ones (a spec's price column gives the
        price and the spec), and the category when headings name it."""
        found = {f for f, _conf in self.mapping.values()}
        if SPEC_PRICE in found:
            found |= {"price_fen", "spec"}
        if self.variants:
            found.add("spec")
        if self.sections:
            found.add("category")
        return found

    @property
    def field_columns(self) -> dict[str, int]:
        """Field name -> 0-based column index, for the mapped columns."""
        return {f: c for c, (f, _conf) in self.mapping.items()}


def read_table(
    path: str | Path,
    *,
    sheet: str | None = None,
    kind: str = "auto",
    mapping_override: Mapping[int | str, str | None] | None = None,
    reuse: ParsedTable | None = None,
    trusted: Collection[str] = frozenset(),
) -> ParsedTable:
    """Read any spreadsheet file into a :class:`ParsedTable`.

    ``sheet`` picks a sheet by name (default: the first visible sheet holding a table);
    ``kind`` is "auto", "products", "menu" or "ledger"; ``mapping_override`` maps columns
    (0-based index, letter or header text) to field names (or ``None`` to ignore a column).
    ``reuse``, an earlier table of the same file and sheet, is mapped again without reading
    the file (another kind or mapping in the import wizard; 100,000 rows spare ~1 s of parsing).
    ``trusted`` names sheets of these exact bytes imported before (`trusted_sheets`): their
    size check is skipped (~0.15 s of a 100,000-row re-import).
    Raises :class:`ImportRefused` with one sentence in Chinese and English for files that
    cannot be imported; never any other exception for a bad file.
    """
    p = follow(Path(path))  # a Windows shortcut to a workbook reads the workbook
    from importers.photo_folder import is_photo_source, read_photos  # it builds on this module

    if is_photo_source(p):
        return _guarded(p, lambda: read_photos(p), _damaged)
    if kind not in ("auto", "products", "menu", "ledger"):
        raise ImportRefused("bad_kind", f"不认识的导入类型「{kind}」，请选择 商品/菜单/流水。",
                            f"Unknown import kind \"{kind}\"; choose products, menu or ledger.", path=p)
    if reuse is not None and reuse.origin is not None and reuse.source == p and sheet in (None, reuse.sheet):
        old_book, parts = reuse.origin
        again = _guarded(p, lambda: _read_sheet(old_book, parts, kind, mapping_override), _internal)
        again.sha256 = reuse.sha256
        return again
    book = _guarded(p, lambda: open_book(p, sniff_path(p), trusted), _damaged)
    try:
        table = _guarded(p, lambda: _read_book(book, sheet, kind, mapping_override), _internal)
    finally:
        book.close()
    try:  # remembered for this file as it stands: the CLI and the wizard took it already (trusted sheets)
        table.sha256 = file_sha256(p)
    except OSError:  # gone since it was read: the batch just does not know its bytes
        table.sha256 = None
    return table


T = TypeVar("T")


def _guarded(p: Path, step: Callable[[], T], otherwise: Callable[[Path], ImportRefused]) -> T:
    """Run a step of reading `p` with the GC paused; ImportRefused passes, a file too large or too
    deep says so, and anything else becomes the one plain sentence `otherwise` makes."""
    try:
        with gc_paused():
            return step()
    except ImportRefused:
        raise
    except (MemoryError, RecursionError):
        raise ImportRefused("too_large", f"文件「{p.name}」太大或结构太复杂，无法导入，请拆分后再试。",
                            f"The file \"{p.name}\" is too large or too complex to import; split it and try again.",
                            path=p) from None
    except Exception as exc:
        raise otherwise(p) from exc  # the cause stays chained for the logs


def _damaged(p: Path) -> ImportRefused:
    return ImportRefused("damaged", f"文件「{p.name}」无法读取，请在 Excel 或 WPS 中打开后另存为 .xlsx 再导入。",
                         f"The file \"{p.name}\" cannot be read; open it in Excel or WPS, save it as .xlsx and import that.",
                         path=p)


def _internal(p: Path) -> ImportRefused:
    # A bug on our side must still reach the user as one sentence.
    return ImportRefused("internal", f"读取文件「{p.name}」时出现程序错误，请把这个文件发给技术支持。",
                         f"An internal error occurred while reading \"{p.name}\"; please send this file to support.",
                         path=p)


def _no_table(book: Book) -> ImportRefused:
    name = book.path.name
    return ImportRefused("no_table", f"文件「{name}」里没有任何数据，请确认选对了文件。",
                         f"The file \"{name}\" contains no data; check that this is the right file.", path=book.path)


def choose_sheet(book: Book, wanted: str | None) -> tuple[RawSheet, Structure]:
    """Pick the sheet to import: ``wanted`` by name, else the first visible sheet with a table."""
    names = [s.name for s in book.sheets]
    if wanted is not None:
        if wanted not in names:  # typed by hand: "sheet1", " 热菜 " for Sheet1, 热菜
            alike = [n for n in names if n.strip().casefold() == wanted.strip().casefold()]
            wanted = alike[0] if len(alike) == 1 else wanted
        if wanted not in names:
            listed = "、".join(names[:8])
            raise ImportRefused("sheet_not_found", f"文件「{book.path.name}」里没有名为「{wanted}」的工作表，现有的是：{listed}。",
                                f"The file \"{book.path.name}\" has no sheet named \"{wanted}\"; it has: {', '.join(names[:8])}.",
                                path=book.path, sheet=wanted)
        raw = book.load(wanted)
        if not any(any(v != "" for v in r) for r in raw.rows):
            raise ImportRefused("empty_sheet", f"文件「{book.path.name}」的工作表「{wanted}」是空的，请选择有数据的工作表。",
                                f"The sheet \"{wanted}\" of \"{book.path.name}\" is empty; choose a sheet that has data.",
                                path=book.path, sheet=wanted)
        return raw, detect_structure(raw)
    order = [s for s in book.sheets if s.visible and s.worksheet] + [s for s in book.sheets if not (s.visible and s.worksheet)]
    fallback: tuple[RawSheet, Structure] | None = None
    for info in order:
        raw = book.load(info.name)
        if not _has_content(raw.rows):
            continue
        st = detect_structure(raw)
        has_data = st.data_start < len(raw.rows) and _has_content(raw.rows[st.data_start:])
        good = bool(st.header_rows) and (has_data or st.known >= 2)
        if good and (info.visible and info.worksheet):
            return raw, st
        if fallback is None or (good and not fallback[1].header_rows):
            fallback = (raw, st)
    if fallback is None:
        raise _no_table(book)
    return fallback


def _has_content(rows: list[Row]) -> bool:
    for r in rows:
        if r.count("") != len(r):
            for v in r:
                if v != "" and (v.__class__ is not str or clean_text(v)):
                    return True
    return False


_YEAR: Final = re.compile(
    r"(?<!\d)((?:19|20)\d{2})(?:\s*年\s*(\d{1,2})\s*月|年|[-./_](\d{1,2})(?!\d)|(0[1-9]|1[0-2])(?!\d)|(?!\d))")


def month_hint(*texts: str) -> tuple[int | None, int | None]:
    """The year, and the month if it is named with it, that a table's title, sheet name or file name
    gives ("2026年11月销售流水", "流水202611", "2026"): where its dates written without a year lie.
    (None, None) when they give no year, or several."""
    found = {(int(m.group(1)), next((int(g) for g in m.groups()[1:] if g), None)) for text in texts
             for m in _YEAR.finditer(text)}
    years = {y for y, _m in found}
    if len(years) != 1:
        return None, None
    months = {mo for _y, mo in found if mo is not None and 1 <= mo <= 12}
    return years.pop(), months.pop() if len(months) == 1 else None


def _preamble_text(rows: list[Row], upto: int) -> str:
    parts: list[str] = []
    for r in rows[: min(upto, 60)]:
        for v in r:
            if v.__class__ is str and v:
                parts.append(v)
    return " ".join(parts)[:4000]


def _sample(rows: list[Row], start: int, col: int, n: int = 30) -> list[Cell]:
    out: list[Cell] = []
    for r in rows[start:]:
        if col < len(r) and r[col] != "" and not is_empty(r[col]):
            out.append(r[col])
            if len(out) >= n:
                break
    return out


def _all_parse(values: list[Cell], fn: Callable[[Any], Any]) -> bool:
    if not values:
        return False
    for v in values:
        try:
            fn(v)
        except CellError:
            return False
    return True


def _is_time_only(v: Cell) -> bool:
    if isinstance(v, dt.time):
        return True
    if isinstance(v, str):
        try:
            to_time(v)
        except CellError:
            return False
        return True
    return False


def _refine_ledger(mapping: dict[int, ColumnMatch], headers: list[str], rows: list[Row], start: int) -> None:
    """Ledger fix-ups that need the values: split date/time columns."""
    by_field = {m.field: c for c, m in mapping.items()}
    occ = by_field.get("occurred_at")
    if occ is not None and OCCURRED_TIME not in by_field:
        sample = _sample(rows, start, occ)
        if sample and all(_is_time_only(v) for v in sample):
            mapping[occ] = ColumnMatch(OCCURRED_TIME, mapping[occ].confidence, "rule")
            for c, h in enumerate(headers):
                key = normalize_header(h)
                if c not in mapping and ("日期" in key or "date" in key) and _all_parse(_sample(rows, start, c), to_datetime):
                    mapping[c] = ColumnMatch("occurred_at", 0.8, "rule")
                    break
        else:
            for c, h in enumerate(headers):
                key = normalize_header(h)
                if c in mapping or not ("时间" in key or "time" in key):
                    continue
                sample = _sample(rows, start, c)
                if sample and all(_is_time_only(v) for v in sample):
                    mapping[c] = ColumnMatch(OCCURRED_TIME, 0.8, "rule")
                    break


def _counts_rows(rows: list[Row], start: int, col: int) -> bool:
    """Whether the numbers of column `col` below `start` count the rows: 1, 2, 3, ... (at least 2 of
    them, and at most 2 other cells: a 合计 row, a heading)."""
    expected, others = 1, 0
    for r in rows[start:]:
        v = r[col] if col < len(r) else ""
        if v.__class__ is str:
            v = v.strip()
            if not v:
                continue
            if not (v.isdigit() and v.isascii()):
                others += 1
                if others > 2:
                    return False
                continue
            v = int(v)
        if v.__class__ not in (int, float) or v != expected:
            return False
        expected += 1
    return expected > 2 and others < expected - 1


def _unmap_row_numbers(mapping: dict[int, ColumnMatch], headers: list[str], rows: list[Row], start: int) -> list[tuple[str, str]]:
    """Unmap a SKU column that only numbers the rows of a list with names (编号 1, 2, 3, ...): taken
    as SKUs, the next list numbered from 1 would rename the products of this one. Returns the note."""
    col = next((c for c, m in mapping.items() if m.field == "sku" and m.via != "override"), None)
    if col is None or not any(m.field == "name" for m in mapping.values()) or not _counts_rows(rows, start, col):
        return []
    del mapping[col]
    header = headers[col] if col < len(headers) else ""
    return [(f"“{header}”列是 1、2、3…的行号，不作为货号导入（商品按名称和规格对应）；如果它确实是货号，请在导入向导里把这一列设为“货号”。",
             f"The \"{header}\" column numbers the rows 1, 2, 3, ...: it is not imported as the SKU (products are matched by"
             " name and spec); if it really is the SKU, map it as the SKU in the import wizard.")]


def _fill_variant_rows(rows: list[Row], headers: list[str], mapping: dict[int, ColumnMatch], start: int) -> None:
    """A Shopify export lists a product's other variants on the rows below its first, under the same
    Handle, with the Title (the name) left blank: those rows get the first row's name, in place, so
    they become specs of its product. Its "Default Title" variant of a product without variants is
    no spec."""
    keys = [normalize_header(h) for h in headers]
    name = next((c for c, m in mapping.items() if m.field == "name"), None)
    if "handle" not in keys or name is None:
        return
    handle = keys.index("handle")
    spec = next((c for c, m in mapping.items() if m.field == "spec"), None)
    last: tuple[Cell, Cell] | None = None  # the handle and name of the last row that gave a name
    for r in rows[start:]:
        if handle >= len(r) or name >= len(r) or r[handle] == "":
            continue
        if r[name] != "":
            last = (r[handle], r[name])
        elif last is not None and last[0] == r[handle]:
            r[name] = last[1]
        if spec is not None and spec < len(r) and r[spec] == "Default Title":
            r[spec] = ""


def _guess_from_values(rows: list[Row], start: int, width: int) -> dict[int, ColumnMatch]:
    """For header-less sheets: guess a few fields from what the columns hold."""
    from importers.values import to_barcode, to_fen

    mapping: dict[int, ColumnMatch] = {}
    used: set[str] = set()
    for c in range(width):
        sample = _sample(rows, start, c)
        if not sample:
            continue
        if "occurred_at" not in used and all(isinstance(v, dt.date) for v in sample):
            mapping[c] = ColumnMatch("occurred_at", 0.5, "values")
            used.add("occurred_at")
        elif "barcode" not in used and all(isinstance(v, str) and v.isdigit() and len(v) in (8, 12, 13) for v in sample):
            if _all_parse(sample, to_barcode):
                mapping[c] = ColumnMatch("barcode", 0.5, "values")
                used.add("barcode")
        elif "name" not in used and all(isinstance(v, str) and not v.replace(".", "").isdigit() for v in sample):
            mapping[c] = ColumnMatch("name", 0.4, "values")
            used.add("name")
        elif (
            "price_fen" not in used
            and all(isinstance(v, str) and v.strip()[:1] in "¥￥" for v in sample)
            and _all_parse(sample, to_fen)
        ):
            mapping[c] = ColumnMatch("price_fen", 0.5, "values")
            used.add("price_fen")
    return mapping


def _read_book(book: Book, sheet_name: str | None, kind: str, override: Mapping[int | str, str | None] | None) -> ParsedTable:
    raw, st = choose_sheet(book, sheet_name)
    if sheet_name is not None:
        return _read_sheet(book, [(raw, st)], kind, override)
    same, others = _other_sheets(book, raw, st)
    if others:
        book.warnings.append((f"工作表 {'、'.join(others)} 也有数据，但表头不同，没有一起导入；要导入，请单独选择它。",
                              f"The sheets {', '.join(others)} hold data too, under another header: they are not "
                              "imported with this one; choose them to import them."))
    return _read_sheet(book, [(raw, st), *same], kind, override)


def _other_sheets(book: Book, first: RawSheet, st: Structure) -> tuple[list[tuple[RawSheet, Structure]], list[str]]:
    """The other visible sheets whose header is the same as `first`'s (candidates to read as one
    table with it: the sheets of a menu, 凉菜, 热菜, 酒水), and the names of those that hold a
    table under another header."""
    key = [normalize_header(h) for h in st.headers] if st.header_rows else None
    found, others = [], []
    for info in book.sheets:
        if info.name == first.name or not (info.visible and info.worksheet):
            continue
        try:
            raw = book.load(info.name)
        except ImportRefused:  # too large, damaged: the sheet chosen is read all the same
            continue
        if not _has_content(raw.rows):
            continue
        other = detect_structure(raw)
        if key is not None and other.header_rows and [normalize_header(h) for h in other.headers] == key:
            found.append((raw, other))
        elif other.header_rows and other.data_start < len(raw.rows) and _has_content(raw.rows[other.data_start:]):
            others.append(info.name)
    return found, others


def _read_sheet(book: Book, parts: list[tuple[RawSheet, Structure]], kind: str,
                override: Mapping[int | str, str | None] | None) -> ParsedTable:
    """The table of the first sheet of `parts`, read with the others whose header it shares when
    they list other products (see `_one_list`)."""
    raw, st = parts[0]
    rows = raw.rows
    headers = st.headers
    # Merged data cells are filled first (in place: a table made again from these rows sees them
    # the same), so the guesses below sample what the rows hold.
    wide = set(fill_vertical_merges(rows, raw.merged, st.data_start, st.width))
    warnings = list(book.warnings) + list(st.warnings)
    preamble = _preamble_text(rows, st.header_rows[0] if st.header_rows else 0)
    guess: KindGuess
    guess, maps = detect_kind(headers, preamble, raw.name)
    if kind == "auto":
        chosen: Kind = guess.kind
        reason_zh, reason_en = guess.reason_zh, guess.reason_en
    else:
        chosen = kind  # type: ignore[assignment]
        reason_zh, reason_en = "按你指定的类型读取。", "Read as the kind you chose."
    purchases = chosen != "menu" and guess.source is None and is_purchase_list(headers, preamble, raw.name, book.path.name)
    if purchases and kind == "auto" and chosen == "ledger":  # a purchase is no sale: its products and costs are read
        chosen = "products"
        reason_zh, reason_en = ("这是进货单，按商品清单读取：商品和进价导入，售价和库存不变。",
                                "This is a purchase list, read as a product list: its products and costs are imported, "
                                "sale prices and stock stay as they are.")
    mapping = dict(maps[chosen])
    if not st.header_rows:
        mapping = _guess_from_values(rows, st.data_start, st.width)
    if purchases and chosen == "products":
        purchase_notes = as_purchases(mapping, headers)
        purchases = bool(purchase_notes)  # nothing to read otherwise: a product list naming suppliers
        warnings += purchase_notes
    if chosen == "ledger":
        _refine_ledger(mapping, headers, rows, st.data_start)
    else:
        for c in spec_price_columns(headers, mapping, lambda col: _sample(rows, st.data_start, col)):
            mapping[c] = ColumnMatch(SPEC_PRICE, 0.8, "values")
        picture_col = picture_column(raw.pictures, st.data_start, mapping, rows)
        if picture_col is not None:
            mapping[picture_col] = ColumnMatch(IMAGE, 0.9, "pictures")
        warnings += _unmap_row_numbers(mapping, headers, rows, st.data_start)
    try:
        mapping = apply_override(mapping, override, headers, fields_for(chosen))
    except KeyError as exc:
        bad = str(exc.args[0]) if exc.args else str(exc)
        raise ImportRefused("bad_mapping", f"列对应设置有误：{bad} 不存在，请重新选择。",
                            f"The column mapping is wrong: {bad} does not exist; choose again.",
                            path=book.path, sheet=raw.name) from None

    if chosen != "ledger":
        _fill_variant_rows(rows, headers, mapping, st.data_start)
    dates = Dates(book.date1904, *month_hint(preamble, raw.name, book.path.name))
    header_rows_set = {r for r in st.header_rows}
    header_raw_row = rows[st.header_rows[-1]] if st.header_rows else None
    together = _one_list(parts, mapping) if len(parts) > 1 and chosen != "ledger" else parts[:1]
    if len(together) == 1:
        parsed, skipped, sections, blocks = _build_rows(rows, st, mapping, headers, chosen, dates, wide, header_raw_row,
                                                        pictures=raw.pictures,
                                                        category=raw.name if is_group_name(raw.name) else None)
    else:
        parsed, skipped, sections, blocks = [], [], [], [0]
        for part_raw, part_st in together:
            part_wide = wide if part_raw is raw else set(
                fill_vertical_merges(part_raw.rows, part_raw.merged, part_st.data_start, part_st.width))
            part_header = part_raw.rows[part_st.header_rows[-1]] if part_st.header_rows else None
            got, part_skipped, part_sections, blocks = _build_rows(  # one header, so the same blocks
                part_raw.rows, part_st, mapping, headers, chosen, dates, part_wide, part_header, part_raw.name,
                part_raw.pictures)
            parsed += got
            skipped += part_skipped
            sections += part_sections
        names = "、".join(r.name for r, _st in together)
        warnings.append((f"工作表 {names} 的表头相同，一起导入{'，工作表名作为分类' if sections else ''}。",
                         f"The sheets {', '.join(r.name for r, _st in together)} share their header and are imported "
                         f"together{', each named as its category' if sections else ''}."))
    copies = [r.name for r, _st in parts[1:] if all(r is not t for t, _ in together)]
    if copies and chosen == "ledger":  # bills are never read together (a copy sheet would count twice)
        warnings.append((f"工作表 {'、'.join(copies)} 的表头与「{raw.name}」相同；流水每次只导入一个工作表，要导入它，请单独选择它。",
                         f"The sheets {', '.join(copies)} have the same header as \"{raw.name}\": a ledger is imported "
                         "one sheet at a time; choose one to import it."))
    elif copies:  # same header, mostly the same products: versions of one list
        warnings.append((f"工作表 {'、'.join(copies)} 的商品与「{raw.name}」大多相同，没有一起导入；要导入它，请单独选择它。",
                         f"The sheets {', '.join(copies)} list mostly the same products as \"{raw.name}\": they are not "
                         "imported with it; choose one to import it instead."))
    variants = variant_columns(headers, mapping) if chosen != "ledger" and len(blocks) == 1 else []
    if variants:
        names = "、".join(headers[c] for c in variants)
        warnings.append((f"“{names}”列的内容并入规格（如“磨砂 黑”），同一商品的不同{names}是不同的规格。",
                         f"The {', '.join(headers[c] for c in variants)} column joins the spec (\"磨砂 黑\"): each is a spec of its own."))
    if len(blocks) > 1:
        warnings.append((f"表格是并排的 {len(blocks)} 栏（表头重复），每一栏的商品都会导入。",
                         f"The table has {len(blocks)} blocks side by side (the header repeats): the items of every block are imported."))
    if sections and len(together) == 1:
        shown = sections[:6]
        more = " …" if len(sections) > 6 else ""
        numbers = list(dict.fromkeys(str(r) for r, _t in shown))  # side-by-side blocks: one row, several headings
        warnings.append((
            f"第 {'、'.join(numbers)}{more} 行是分组标题（{'、'.join(t for _r, t in shown)}{more}），"
            "下面的商品归入这些分类。",
            f"Row{'s' if len(sections) > 1 else ''} {', '.join(numbers)}{more} "
            f"{'are headings' if len(sections) > 1 else 'is a heading'} ({', '.join(t for _r, t in shown)}{more}):"
            " the products below go into those categories."))
    warnings += picture_notes(together, parsed, chosen, mapping)
    warnings += picture_links(mapping, chosen, lambda col: _sample(rows, st.data_start, col))
    skipped_all = [SkippedRow(r, reason) for r, reason in st.skipped] + skipped
    if not parsed:
        warnings.append(("表头下面没有数据行。", "There are no data rows under the header."))
    missing = [f for f in REQUIRED.get(chosen, ()) if f not in {m.field for m in mapping.values()}]
    if missing:
        warnings.append((f"没有找到“{FIELD_LABELS_ZH[missing[0]]}”列，请在列对应中指定。",
                         f"No column was recognised as the {FIELD_LABELS_EN[missing[0]]}; map it by hand."))
    _ = header_rows_set
    return ParsedTable(
        source=book.path,
        format=book.format,
        sheet=raw.name,
        sheet_names=[s.name for s in book.sheets],
        header_row=st.header_rows[0] + 1 if st.header_rows else None,
        header_rows=[r + 1 for r in st.header_rows],
        headers=headers,
        # none without a header row: every headerless file of that width would share one remembered mapping
        header_signature=header_signature(headers) if st.header_rows else "",
        kind=chosen,
        kind_reason_zh=reason_zh,
        kind_reason_en=reason_en,
        bill_source=guess.source if kind == "auto" or kind == guess.kind else None,
        mapping={c: (m.field, m.confidence) for c, m in mapping.items()},
        matches=mapping,
        rows=parsed,
        skipped=skipped_all,
        warnings=warnings,
        sections=sections,
        blocks=blocks,
        variants=variants,
        sheets=[r.name for r, _st in together],
        encoding=book.encoding,
        delimiter=book.delimiter,
        date1904=book.date1904,
        year=dates.year,
        month=dates.month,
        purchases=purchases and chosen == "products",
        origin=(book, parts),
    )


def _build_rows(
    rows: list[Row],
    st: Structure,
    mapping: dict[int, ColumnMatch],
    headers: list[str],
    kind: Kind,
    dates: Dates,
    wide: set[int],
    header_raw_row: Row | None,
    sheet: str | None = None,
    pictures: list[Placed] | None = None,
    category: str | None = None,
) -> tuple[list[ParsedRow], list[SkippedRow], list[tuple[int, str]], list[int]]:
    """The data rows (their values worked out when first asked for), the skipped rows, the
    headings that named categories, and the side-by-side block shifts.

    In a products or menu list: headings ("一、啤酒") are skipped as "section" rows and, when no
    column is the category, give the rows below them theirs (under `sheet`'s name when the
    table is read from several sheets). A row holding several items gives one ParsedRow each,
    numbered by `item`: one per side-by-side block, per spec price column, or per (spec, price)
    pair its price cell lists (importers.layouts). The `pictures` in a row's cells (of its block)
    are its product's photos when a column is mapped to them (importers.pictures)."""
    fields = {m.field for m in mapping.values()}
    listing = kind != "ledger" and "name" in fields  # a list of products or dishes
    specs = sorted(c for c, m in mapping.items() if m.field == SPEC_PRICE)
    base_map = {c: m for c, m in mapping.items() if m.field != SPEC_PRICE}
    blocks = side_by_side(headers, base_map, lambda h: next((m.field for m in match_columns([h], kind).values()), None)) \
        if listing and not specs else [0]
    coerce = row_coercer(base_map, headers, kind, dates)
    variants = variant_columns(headers, mapping) if listing and len(blocks) == 1 else []
    if variants:
        coerce = with_variants(coerce, variants)
    # the items of a row that holds several: (the cells that must not all be blank, how to read it)
    items: list[tuple[list[int], Coerce]] = []
    if len(blocks) > 1:
        items = [([c + shift for c in base_map], row_coercer({c + shift: m for c, m in base_map.items()}, headers, kind,
                                                               dates)) for shift in blocks]
    elif specs:
        items = [([c], spec_price(row_coercer({**base_map, c: ColumnMatch("price_fen", 0.8, "rule")}, headers, kind,
                                                dates), spec_of_header(clean_header(headers[c])) if c < len(headers) else ""))
                 for c in specs]
    by_row: dict[int, list[Placed]] = {}  # row number -> the pictures in its cells
    if listing and IMAGE in fields:
        for one in pictures or ():
            by_row.setdefault(one.row + 1, []).append(one)
    if by_row:
        coerce = with_pictures(coerce, by_row, None, headers)
        if len(blocks) > 1:
            first, width = min(base_map), blocks[1]
            items = [(cols, with_pictures(fn, by_row, range(first + shift, first + shift + width), headers))
                     for (cols, fn), shift in zip(items, blocks, strict=True)]
        else:
            items = [(cols, with_pictures(fn, by_row, None, headers)) for cols, fn in items]
    # one price column that may list several specs' prices ("小份28/大份38"): where its cells are
    price_col = next((c for c, m in base_map.items() if m.field == "price_fen"), None) if listing and not items else None
    spec_col = next((c for c, m in base_map.items() if m.field == "spec"), None)
    out: list[ParsedRow] = []
    skipped: list[SkippedRow] = []
    named: list[tuple[int, str]] = []  # the headings that gave rows their category
    start = st.data_start
    mapped = frozenset(mapping)
    sections = listing and len(blocks) == 1  # headings group the products of a list
    give_category = listing and "category" not in fields  # headings' and sheets' names
    if sheet is not None:  # one of several sheets of a list: its issues say so, its name may be the category
        coerce = in_sheet(coerce, sheet)
        items = [(cols, in_sheet(fn, sheet)) for cols, fn in items]
    if category and give_category:  # a sheet read alone named as a group (热菜, 啤酒): new products' category
        coerce = setting(coerce, DEFAULT_CATEGORY, category)
        items = [(cols, setting(fn, DEFAULT_CATEGORY, category)) for cols, fn in items]
    base = sheet if sheet is not None and give_category and not _DEFAULT_SHEET.match(sheet) else None

    current, current_items, section = coerce, items, base
    block_state = [_Block(fn, base, fn) for _cols, fn in items] if len(blocks) > 1 else []
    if base is not None:
        current, current_items = setting(coerce, "category", base), [(cols, setting(fn, "category", base)) for cols, fn in items]
        for state in block_state:
            state.current = setting(state.plain, "category", base)
        named.append((0, base))
    for ri in range(start, len(rows)):
        row = rows[ri]
        reason = classify_row(row, header_raw_row, ri - start < 3, ri in wide)
        # a row whose first two cells are filled is no heading: most rows, decided without a call
        if sections and (reason == "description" or (reason is None and (len(row) < 2 or row[0] == "" or row[1] == ""))):
            title = section_title(row, ri in wide, mapped, rows[ri + 1] if ri + 1 < len(rows) else None)
            if title is not None:
                skipped.append(SkippedRow(ri + 1, "section"))
                if give_category:
                    path = f"{base}/{title}" if base else title
                    current, section = setting(coerce, "category", path), path
                    current_items = [(cols, setting(fn, "category", path)) for cols, fn in items]
                    named.append((ri + 1, title))
                continue
        if len(blocks) > 1 and reason in (None, "description"):
            why = _block_items(out, named, row, ri, rows, blocks, block_state, base_map, base, give_category,
                               headings_only=reason is not None)
            if why is not None:
                skipped.append(SkippedRow(ri + 1, reason or why))
            continue
        if reason is not None:
            skipped.append(SkippedRow(ri + 1, reason))
            continue
        if not items:
            if price_col is not None and price_col < len(row) and row[price_col].__class__ is str:
                pairs = priced_specs(row[price_col], row[spec_col] if spec_col is not None and spec_col < len(row) else "")
                if pairs is not None:  # one item per spec the price cell lists
                    for j, (spec_name, price) in enumerate(pairs):
                        out.append(ParsedRow(ri + 1, row, pair(current, price_col, spec_col, spec_name, price), section, j))
                    continue
            out.append(ParsedRow(ri + 1, row, current, section))
            continue
        made = False
        for j, (cols, fn) in enumerate(current_items):  # one item per spec price that holds anything
            if not blank_row_cells(row, cols):
                out.append(ParsedRow(ri + 1, row, fn, section, j))
                made = True
        if not made and specs:  # a dish without any spec's price is still the dish
            out.append(ParsedRow(ri + 1, row, current, section, len(items)))
    if sheet is not None:
        for parsed in out:
            parsed.sheet = sheet
    if by_row:  # a row is recognised again only with the same pictures (importers.known_rows)
        for parsed in out:
            in_row = by_row.get(parsed.row_number)
            if in_row:
                parsed.key_cells = [*parsed.key_cells, "\x00pictures", *(p.picture.sha256 or p.picture.member for p in in_row)]
    return out, skipped, named, blocks


@dataclass(slots=True)
class _Block:
    """A side-by-side block being read: how its items read (with the category its last heading
    gives), that heading, and how they read without one."""

    current: Coerce
    section: str | None
    plain: Coerce


def _block_items(out: list[ParsedRow], named: list[tuple[int, str]], row: Row, ri: int, rows: list[Row], blocks: list[int],
                 state: list[_Block], base_map: dict[int, ColumnMatch], base: str | None, give_category: bool,
                 headings_only: bool) -> str | None:
    """The items of one row of a table in side-by-side blocks, added to `out`: each block is read
    as a list of its own, its headings ("一、凉菜" above its dishes) giving its rows their category
    (under `base`, the sheet's name, if any; unless `give_category` is false: a column gives it),
    and its price cells that list several specs' prices ("小份12/大份18") giving one item per spec.
    Item j of block b is numbered b + j * len(blocks) (`ParsedTable.shift` finds the block again).
    `headings_only`: the row reads as a note, only headings are taken from it. Returns why the
    row gave no item ("section" for headings only), None when it gave some."""
    first, width = min(base_map), blocks[1]
    rel_mapped = frozenset(c - first for c in base_map)
    price_col = next((c for c, m in base_map.items() if m.field == "price_fen"), None)
    spec_col = next((c for c, m in base_map.items() if m.field == "spec"), None)
    nxt = rows[ri + 1] if ri + 1 < len(rows) else None
    made = headings = False
    for b, shift in enumerate(blocks):
        lo = first + shift
        cells = row[lo:lo + width]
        if all(is_empty(v) for v in cells):
            continue
        block = state[b]
        title = section_title(cells, False, rel_mapped, nxt[lo:lo + width] if nxt is not None else None)
        if title is not None:
            headings = True
            if give_category:
                path = f"{base}/{title}" if base else title
                block.current, block.section = setting(block.plain, "category", path), path
                named.append((ri + 1, title))
            continue
        if headings_only:
            continue
        made = True
        pairs = None
        if price_col is not None and price_col + shift < len(row):
            spec = row[spec_col + shift] if spec_col is not None and spec_col + shift < len(row) else ""
            pairs = priced_specs(row[price_col + shift], spec)
        if pairs is None or price_col is None:
            out.append(ParsedRow(ri + 1, row, block.current, block.section, b))
            continue
        for j, (spec_name, one) in enumerate(pairs):
            one_spec = pair(block.current, price_col + shift, None if spec_col is None else spec_col + shift, spec_name, one)
            out.append(ParsedRow(ri + 1, row, one_spec, block.section, b + j * len(blocks)))
    return None if made else "section" if headings else "description"


# Names a spreadsheet program gives new sheets: never a category.
_DEFAULT_SHEET: Final = re.compile(r"^\s*(?:sheet|工作表|表|feuil+e?|tabelle|hoja|лист)\s*\d*\s*$", re.IGNORECASE)


def _one_list(parts: list[tuple[RawSheet, Structure]], mapping: dict[int, ColumnMatch]) -> list[tuple[RawSheet, Structure]]:
    """The first sheet and those of the others (same header) that list other products: at most a
    fifth of their names in the sheets taken before them. Monthly copies of one price list
    ("10月", "11月") share most names and are not read together; a menu's 凉菜, 热菜, 酒水 are."""
    name_col = next((c for c, m in mapping.items() if m.field == "name"), None)
    if name_col is None:
        return parts[:1]

    def names(raw: RawSheet, st: Structure) -> set[str]:
        return {clean_text(str(r[name_col])) for r in raw.rows[st.data_start:] if name_col < len(r) and not is_empty(r[name_col])}

    together, seen = parts[:1], names(*parts[0])
    for raw, st in parts[1:]:
        own = names(raw, st)
        if own and len(own & seen) * 5 <= len(own):
            together.append((raw, st))
            seen |= own
    return together

"""How a data row's cells become its values and issues: the coercer of a table's mapped columns
(`row_coercer`), and the wrappers that read one of a row's several items (a pair of a price cell,
a spec's price column), give it a category or a sheet, or join its variant columns to its spec.
importers.table builds a table's rows with them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import replace
from decimal import ROUND_HALF_UP, Decimal
from typing import Any, Final

from importers.errors import CellError, Issue, column_letter
from importers.fields import (
    AMOUNT_IN,
    AMOUNT_OUT,
    FIELD_LABELS_EN,
    FIELD_LABELS_ZH,
    FIELD_TYPES,
    IMAGE,
    OCCURRED_TIME,
    Kind,
)
from importers.mapping import ColumnMatch, normalize_header
from importers.readers import Cell, Row
from importers.values import (
    EMPTY_TOKENS,
    Dates,
    clean_text,
    is_empty,
    is_market_price,
    make_coercer,
    parse_price,
    quantity_unit,
)

_CODE: Final = 2  # a SKU or order number's `is_text`: plain text, unless typed in full width (ＱＤ００１)
_PROSE: Final = 3  # a description's `is_text`: plain text, unless it holds HTML tags (to_prose)
# works a data row's values and cell issues out of its raw cells (and its row number)
Coerce = Callable[[Row, int], tuple[dict[str, Any], list[Issue]]]
_PRICE_FIELDS: Final = frozenset({"price_fen", "member_price_fen", "cost_fen"})
_STRIP_CHARS: Final = " \t\r\n\u3000\xa0\ufeff\u200b"
REQUIRED: Final[dict[str, tuple[str, ...]]] = {
    "products": ("name",),
    "menu": ("name",),
    "ledger": ("occurred_at",),
}



def in_sheet(coerce: Coerce, sheet: str) -> Coerce:
    """`coerce`, its issues naming `sheet` (a table read from several sheets)."""

    def in_its_sheet(row: Row, row_number: int) -> tuple[dict[str, Any], list[Issue]]:
        values, issues = coerce(row, row_number)
        return values, [replace(i, sheet=sheet) for i in issues] if issues else issues

    return in_its_sheet



def pair(coerce: Coerce, price_col: int, spec_col: int | None, spec: str, price: str) -> Coerce:
    """`coerce` reading one of the (spec, price) pairs a row lists, as if its cells held just that."""

    def one_pair(row: Row, row_number: int) -> tuple[dict[str, Any], list[Issue]]:
        cells = list(row)
        cells[price_col] = price
        if spec_col is not None:
            cells[spec_col] = spec
        values, issues = coerce(cells, row_number)
        values["spec"] = spec
        return values, issues

    return one_pair


# columns that tell a product's variants apart beside (or instead of) its 规格: their cells join its spec
_VARIANT_HEADERS: Final = frozenset({"颜色", "颜色分类", "色号", "尺码", "尺寸", "长度", "款式", "型号", "版本", "容量",
                                     "规格", "规格型号"})  # 规格 too, when 型号 took the spec


def variant_columns(headers: list[str], mapping: Mapping[int, ColumnMatch] | Mapping[int, tuple[str, float]]) -> list[int]:
    """The columns no field reads whose header names a variant (颜色, 尺码, 长度, 型号): a phone case
    磨砂 in 黑 and in 白 is two specs, "磨砂 黑" and "磨砂 白"."""
    fields = {m.field if isinstance(m, ColumnMatch) else m[0] for m in mapping.values()}
    if "name" not in fields:
        return []
    return [c for c, h in enumerate(headers) if c not in mapping and normalize_header(h) in _VARIANT_HEADERS]


def with_variants(coerce: Coerce, columns: list[int]) -> Coerce:
    """`coerce`, the cells of the variant `columns` joined to the row's spec."""

    def joined(row: Row, row_number: int) -> tuple[dict[str, Any], list[Issue]]:
        values, issues = coerce(row, row_number)
        spec = str(values.get("spec") or "")
        parts = [clean_text(str(row[c])) for c in columns if c < len(row) and not is_empty(row[c])]
        parts = [p for p in dict.fromkeys(parts) if p and p.casefold() not in spec.casefold()]  # "550ml" once
        if parts:
            values["spec"] = " ".join(p for p in (spec, *parts) if p)
        return values, issues

    return joined


def spec_price(coerce: Coerce, spec: str) -> Coerce:
    """`coerce` reading one spec's price column (its header names the spec): "50/桶" under 桶 is 50
    a 桶, the spec, not the product's unit."""
    named = setting(coerce, "spec", spec)

    def priced(row: Row, row_number: int) -> tuple[dict[str, Any], list[Issue]]:
        values, issues = named(row, row_number)
        if values.get("unit") == spec:
            del values["unit"]
        return values, issues

    return priced


def setting(coerce: Coerce, field_name: str, value: str) -> Coerce:
    """`coerce`, with `value` as every row's `field_name`: the spec a price column's header names,
    the category a heading above the rows names."""

    def set_too(row: Row, row_number: int) -> tuple[dict[str, Any], list[Issue]]:
        values, issues = coerce(row, row_number)
        values[field_name] = value
        return values, issues

    return set_too



_GRAMS: Final = {"g": 1, "两": 50, "斤": 500, "kg": 1000}  # weights a stock can be converted between


def _stock_in_another_unit(row_number: int, c: int, headers: list[str], cell: str, values: dict[str, Any]) -> Issue | None:
    """A note for a stock cell written in another unit than the row's: a weight is converted
    ("5.5千克" of a product sold by the 斤 is 11 斤); "12箱" of one sold by the 瓶 is taken as
    12 瓶 (how many 瓶 a 箱 holds is not known), and the note asks for the conversion."""
    unit, own = quantity_unit(cell), values["unit"]
    if unit is None or unit == own:
        return None
    where = (row_number, column_letter(c), headers[c] if c < len(headers) else "", "stock", "stock_unit")
    if unit in _GRAMS and own in _GRAMS:
        values["stock"] = (values["stock"] * _GRAMS[unit] / _GRAMS[own]).quantize(Decimal("0.001"), rounding=ROUND_HALF_UP)
        n = format(values["stock"].normalize(), "f")
        return Issue(*where, f"库存「{_show(cell)}」已换算成 {n} {own}", f"The stock \"{_show(cell)}\" was converted to {n} {own}",
                     "按 1 斤 = 500 克、1 两 = 50 克换算", "1 斤 = 500 g, 1 两 = 50 g", _show(cell), "warning")
    n = format(values["stock"].normalize(), "f")
    return Issue(*where, f"库存「{_show(cell)}」的单位是{unit}，商品按{own}卖：按 {n} {own}导入",
                 f"The stock \"{_show(cell)}\" is in {unit} and the product is sold by the {own}: imported as {n} {own}",
                 f"请把库存换算成{own}", f"Convert the stock to {own}", _show(cell), "warning")


def row_coercer(
    mapping: dict[int, ColumnMatch], headers: list[str], kind: Kind, dates: Dates
) -> Callable[[Row, int], tuple[dict[str, Any], list[Issue]]]:
    """The function that turns a data row's raw cells into its values and cell issues."""
    # One spec per mapped column, prepared once: (column, field, coercer, is_text (True, _CODE or _PROSE), price_unit).
    specs: list[tuple[int, str, Callable[[Any], Any], bool | int, bool]] = []
    for c, m in mapping.items():
        if m.field == IMAGE:
            continue  # pictures, not cell values: see importers.picture_rows.with_pictures
        ftype = FIELD_TYPES.get(m.field, "text")
        is_text = _CODE if ftype == "code" else _PROSE if ftype == "prose" else ftype == "text"
        specs.append((c, m.field, make_coercer(ftype, dates), is_text, m.field in _PRICE_FIELDS))
    empty_tokens = EMPTY_TOKENS
    strip_chars = _STRIP_CHARS
    ledger = kind == "ledger"
    neutral_col = next((c for c, m in mapping.items() if m.field == "direction"), -1) if ledger else -1
    required_cols: dict[str, int | None] = {m.field: c for c, m in mapping.items() if m.field in REQUIRED.get(kind, ())}
    no_issues: list[Issue] = []  # shared by the rows without any: never appended to
    stock_col = next((c for c, m in mapping.items() if m.field == "stock"), -1)

    def coerce(row: Row, row_number: int) -> tuple[dict[str, Any], list[Issue]]:
        values: dict[str, Any] = {}
        issues: list[Issue] | None = None
        n = len(row)
        for c, fname, fn, is_text, price_unit in specs:
            if c >= n:
                continue
            v = row[c]
            if v.__class__ is str:
                if v == "" or v in empty_tokens:
                    if c == neutral_col and v.strip() in ("/", "／"):  # a bill's 收支 "/": neither in nor out
                        values["direction"] = None
                    continue
                if is_text:
                    # Fast path for plain text: no function call for the common case.
                    t = v.strip(strip_chars)
                    if is_text is not _PROSE or "<" not in t:  # a description with HTML tags: to_prose, below
                        if t and t not in empty_tokens:
                            values[fname] = t if is_text is not _CODE or t.isascii() else fn(t)  # a code typed in full width: to_code
                        continue
            try:
                out_v = fn(v)
            except CellError as e:
                if is_empty(v):
                    continue
                if issues is None:
                    issues = []
                if price_unit and is_market_price(v):  # no price, and said so
                    if fname == "price_fen":
                        values["market_price"] = True
                        issues.append(Issue(row_number, column_letter(c), headers[c] if c < len(headers) else "", fname,
                                            "market_price", f"「{_show(v)}」：按时价出售，菜单上印“时价”",
                                            f"\"{_show(v)}\": sold at the day's price; menus print 时价",
                                            "当天的价格不用填写", "No price is needed", _show(v), "warning"))
                    else:
                        issues.append(Issue(row_number, column_letter(c), headers[c] if c < len(headers) else "", fname,
                                            "market_price", f"「{_show(v)}」：按时价出售，这一格没有价格",
                                            f"\"{_show(v)}\": sold at the day's price, so no price was taken",
                                            "这一格可以留空", "This cell can be left empty", _show(v), "warning"))
                    continue
                issues.append(Issue(row_number, column_letter(c), headers[c] if c < len(headers) else "", fname,
                                    e.code, e.message_zh, e.message_en, e.fix_zh, e.fix_en, _show(v)))
                continue
            if out_v.__class__ is str and (out_v == "" or out_v in empty_tokens):
                continue
            values[fname] = out_v
            if price_unit and v.__class__ is str and "/" in v and "unit" not in values:
                unit = parse_price(v)[1]
                if unit:
                    values["unit"] = unit
        if ledger:
            _finish_ledger(values)
        elif (0 <= stock_col < n and isinstance(cell := row[stock_col], str) and not cell[-1:].isdigit()
              and "stock" in values and "unit" in values):  # "12箱", "5.5千克": a plain number (a CSV's "12") has no unit
            said = _stock_in_another_unit(row_number, stock_col, headers, cell, values)
            if said is not None:
                issues = [*(issues or []), said]
        for f, rc in required_cols.items():
            if f not in values:
                if issues is None:
                    issues = []
                elif any(i.field == f for i in issues):
                    continue  # its cell holds a value that is wrong: said already
                label, label_en = FIELD_LABELS_ZH.get(f, f), FIELD_LABELS_EN.get(f, f)
                issues.append(Issue(row_number, column_letter(rc) if rc is not None else "",
                                    headers[rc] if rc is not None and rc < len(headers) else "",
                                    f, "missing", f"这一行没有填写“{label}”", f"This row has no {label_en}",
                                    f"请补上“{label}”，或删除这一行", f"Fill in the {label_en} or delete the row"))
        return values, issues if issues is not None else no_issues

    return coerce


# the category a row's product gets if the import creates it (the name of the sheet read alone: 热菜)
DEFAULT_CATEGORY: Final = "\x00default_category"
SIGNED: Final = "\x00signed"  # a ledger row's values: its direction was taken from its amount's sign


def _finish_ledger(values: dict[str, Any]) -> None:
    t = values.pop(OCCURRED_TIME, None)
    if t is not None:
        d = values.get("occurred_at")
        if isinstance(d, dt.date) and not isinstance(d, dt.datetime):
            values["occurred_at"] = dt.datetime.combine(d, t)
    fin = values.pop(AMOUNT_IN, None)
    fout = values.pop(AMOUNT_OUT, None)
    if "amount_fen" not in values and (fin or fout):
        if fin:
            values["amount_fen"] = abs(fin)
            values.setdefault("direction", "in" if fin > 0 else "out")
        else:
            values["amount_fen"] = abs(fout or 0)
            values.setdefault("direction", "out" if (fout or 0) > 0 else "in")
    amt = values.get("amount_fen")
    if amt is not None and "direction" not in values:
        values["direction"] = "out" if amt < 0 else "in"
        values[SIGNED] = True  # the direction is the amount's sign, not a cell's word


def _show(v: Cell) -> str:
    s = v if isinstance(v, str) else repr(v) if isinstance(v, float) else str(v)
    return s[:80]

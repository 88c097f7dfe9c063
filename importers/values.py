"""Value coercion: money to integer fen, dates, barcodes, units, quantities.

Each field type has a coercer ``f(cell) -> value`` that raises :class:`CellError` for a bad
cell. Coercers take the fast path for clean cells (``int``/``float`` and plain digit
strings) and only fall back to regular expressions for messy text. Money never goes
through float arithmetic for its result: floats are read via their shortest decimal
representation and rounded half-up with :class:`~decimal.Decimal`.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any, Final, NamedTuple

from importers.errors import CellError

Coercer = Callable[[Any], Any]

_HUNDRED: Final = Decimal(100)
_ONE: Final = Decimal(1)
_MILLI: Final = Decimal("0.001")
EXCEL_EPOCH: Final = dt.datetime(1899, 12, 30)
EXCEL_EPOCH_1904: Final = dt.datetime(1904, 1, 1)
MAX_FEN: Final = 10**13  # 1000 亿元: anything larger is certainly a wrong column

EMPTY_TOKENS: Final = frozenset({"", "-", "--", "—", "/", "\\", "n/a", "N/A", "NA", "无", "空", "null", "NULL", "None"})

_STRIP: Final = " \t\r\n\u3000\xa0\ufeff\u200b"


def clean_text(s: str) -> str:
    """Strip spaces (including full-width and NBSP) and tabs around ``s``."""
    return s.strip(_STRIP)


def nfkc(s: str) -> str:
    """Full-width digits/letters/punctuation to their ASCII forms (￥ stays a yen sign)."""
    return unicodedata.normalize("NFKC", s)


def _err(code: str, zh: str, en: str, fix_zh: str, fix_en: str) -> CellError:
    return CellError(code, zh, en, fix_zh, fix_en)


# --------------------------------------------------------------------------- money

_MONEY_RE: Final = re.compile(
    r"""^(?P<sign>[-+])?\s*
        (?:¥|\$|rmb|cny|人民币)?\s*
        (?P<sign2>[-+])?\s*
        (?P<num>\d{1,3}(?:,\d{3})+(?:\.\d*)?|\d+(?:\.\d*)?|\.\d+)\s*
        (?:(?:元|块|圆)\s*(?P<jiao>\d)\s*(?:角|毛)?(?:\s*(?P<fen>\d)\s*分)?|元|块|圆|rmb|cny)?\s*
        (?:/\s*(?P<unit>[^\d\s/()]{1,4}))?\s*
        (?P<note>\([^()]*\))?$""",
    re.X | re.I,
)


def _bad_money(value: object) -> CellError:
    return _err(
        "bad_money",
        f"「{value}」不是有效的金额",
        f"\"{value}\" is not a valid amount of money",
        "请填写数字金额，例如 12.50",
        "Enter a plain amount such as 12.50",
    )


def _fen_from_decimal(d: Decimal, value: object) -> int:
    try:
        fen = int((d * _HUNDRED).quantize(_ONE, rounding=ROUND_HALF_UP))
    except (InvalidOperation, ValueError, OverflowError):
        raise _bad_money(value) from None
    if abs(fen) >= MAX_FEN:
        raise _err(
            "money_too_large",
            f"金额「{value}」大得不合理",
            f"The amount \"{value}\" is implausibly large",
            "请检查这一列是不是金额，或者单位是否写错",
            "Check that this column holds money and the unit is right",
        )
    return fen


def _fen_from_float(v: float) -> int:
    if not -1e13 < v < 1e13:  # also false for NaN and infinities
        if v == v and v not in (float("inf"), float("-inf")):
            return _fen_from_decimal(Decimal(repr(v)), v)  # raises "implausibly large"
        raise _bad_money(v)
    x = v * 100.0
    r = round(x)
    if abs(x - r) < 1e-6 and abs(r) < MAX_FEN:
        # Same result as Decimal(repr(v)) rounded half-up, without building a Decimal.
        return int(r)
    return _fen_from_decimal(Decimal(repr(v)), v)


# money as said aloud: "12块钱", "12块五", "5毛", "1块2毛5", "12元8分" (yuan, jiao, fen)
_SPOKEN: Final = re.compile(
    r"^(?:(?P<yuan>\d+)\s*[元块圆])?\s*(?:(?P<jiao>[\d一二三四五六七八九])\s*[角毛]?)?\s*(?:(?P<fen>\d)\s*分?)?\s*钱?$")
_DIGIT: Final = {ch: i for i, ch in enumerate("〇一二三四五六七八九")}


def _spoken_fen(text: str) -> int | None:
    """Fen of an amount said aloud, None when `text` is none: a yuan, jiao (角/毛) or fen (分) word
    must name what its digits are."""
    m = _SPOKEN.match(text)
    if m is None or not (m.group("yuan") or re.search(r"[角毛分]", text)):
        return None
    if m.group("yuan") is None and not re.search(r"[角毛]", text) and m.group("jiao"):
        return None  # "5分" alone reads as fen below; a bare digit is no amount
    jiao = m.group("jiao")
    jiao_n = int(jiao) if jiao and jiao.isdigit() else _DIGIT.get(jiao or "〇", 0)
    return int(m.group("yuan") or 0) * 100 + jiao_n * 10 + int(m.group("fen") or 0)


def parse_price(value: Any) -> tuple[int, str | None]:
    """Parse a price cell into (fen, per-unit or None): "12.50元/斤" -> (1250, "斤")."""
    cls = value.__class__
    if cls is int:
        if abs(value) * 100 >= MAX_FEN:
            return _fen_from_decimal(Decimal(value), value), None
        return value * 100, None
    if cls is float:
        return _fen_from_float(value), None
    if cls is bool:
        raise _bad_money(value)
    if cls is not str:
        if isinstance(value, int | float):
            return parse_price(float(value) if isinstance(value, float) else int(value))
        raise _bad_money(value)
    s = value
    if s.isdigit() and s.isascii():
        return _fen_from_decimal(Decimal(s), value), None
    s = clean_text(nfkc(s)).replace("￥", "¥")
    negative = False
    if len(s) >= 2 and s[0] == "(" and s[-1] == ")":
        negative = True
        s = s[1:-1]
    elif s.startswith("−"):
        s = "-" + s[1:]
    m = _MONEY_RE.match(s)
    if not m:
        spoken = _spoken_fen(s) if "钱" in s or "毛" in s or "角" in s or "分" in s or "块" in s else None
        if spoken is None:
            raise _bad_money(value)
        return -spoken if negative else spoken, None
    num = m.group("num").replace(",", "")
    if num.endswith("."):
        num = num[:-1]
    try:
        d = Decimal(num)
    except InvalidOperation:
        raise _bad_money(value) from None
    if m.group("jiao"):  # "12块5", "12元5角8分": yuan, then jiao (dimes) and fen
        d += Decimal(m.group("jiao")) / 10 + Decimal(m.group("fen") or 0) / 100
    if m.group("sign") == "-" or m.group("sign2") == "-":
        negative = not negative
    if negative:
        d = -d
    unit = m.group("unit")
    return _fen_from_decimal(d, value), normalize_unit(unit) if unit else None


def to_fen(value: Any) -> int:
    """Money cell to integer fen (分), half-up: "¥12.50", "12元", "(3.5)", 12.345 -> 1235."""
    if value.__class__ is float:
        x = value * 100.0
        r = round(x) if x == x and -1e15 < x < 1e15 else 0
        if -1e-6 < x - r < 1e-6 and -MAX_FEN < r < MAX_FEN:
            return r  # identical to the Decimal half-up result for every such float
    return parse_price(value)[0]


def to_price_fen(value: Any) -> int:
    """A price (售价, 会员价, 进价) to integer fen, as `to_fen`; a negative one is an error (a refund
    or a write-off is a ledger entry, not a price)."""
    fen = to_fen(value)
    if fen < 0:
        raise _err(
            "negative_price",
            f"「{value}」是负数，价格不能小于 0",
            f"\"{value}\" is negative; a price cannot be below 0",
            "请填写 0 或更大的金额；退货、冲减请记在流水里",
            "Enter 0 or more; record refunds and write-offs in the ledger",
        )
    return fen


# --------------------------------------------------------------------------- decimal quantities

_QTY_RE: Final = re.compile(r"^(?P<num>[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|[-+]?\.\d+)\s*(?P<unit>[^\d\s]{0,4})$")


def _bad_number(value: object) -> CellError:
    return _err(
        "bad_number",
        f"「{value}」不是有效的数字",
        f"\"{value}\" is not a valid number",
        "请填写数字，例如 12 或 0.5",
        "Enter a number such as 12 or 0.5",
    )


_OUT_OF_STOCK: Final = frozenset({"缺货", "无货", "没货", "断货", "售罄", "售完", "卖完", "已售完", "已售罄"})


def to_stock(value: Any) -> Decimal:
    """A stock cell as `to_decimal3` reads it; "缺货", "无货", "售罄" are 0."""
    if value.__class__ is str and clean_text(value) in _OUT_OF_STOCK:
        return Decimal("0.000")
    return to_decimal3(value)


_DEC_CACHE: dict[int | float, Decimal] = {}


def to_decimal3(value: Any) -> Decimal:
    """Quantity/stock/weight cell to a Decimal with 3 places ("5.5千克" -> Decimal("5.500"))."""
    cls = value.__class__
    if cls is int or cls is float:
        hit = _DEC_CACHE.get(value)
        if hit is not None:
            return hit
        if value == value and -1e15 < value < 1e15:
            d = (Decimal(value) if cls is int else Decimal(repr(value))).quantize(_MILLI, rounding=ROUND_HALF_UP)
            if len(_DEC_CACHE) < 20000:
                _DEC_CACHE[value] = d
            return d
        raise _bad_number(value)
    if cls is int:
        return Decimal(value).quantize(_MILLI)
    if cls is float:
        if value != value or value in (float("inf"), float("-inf")):
            raise _bad_number(value)
        return Decimal(repr(value)).quantize(_MILLI, rounding=ROUND_HALF_UP)
    if cls is not str:
        raise _bad_number(value)
    s = clean_text(nfkc(value)).replace(" ", "")
    m = _QTY_RE.match(s)
    if not m:
        raise _bad_number(value)
    try:
        d = Decimal(m.group("num").replace(",", ""))
        if m.group("unit")[:1] == "万":  # "1.2万", "3万件": ten thousands, not a unit
            d *= 10_000
        if abs(d) >= 10**15:
            raise _bad_number(value)
        return d.quantize(_MILLI, rounding=ROUND_HALF_UP)
    except InvalidOperation:
        raise _bad_number(value) from None


def quantity_unit(value: str) -> str | None:
    """The unit a quantity cell is written in ("12箱" -> "箱", "5.5千克" -> "kg"); None for a
    plain number, 万 (ten thousands) or a cell `to_decimal3` does not read."""
    m = _QTY_RE.match(clean_text(nfkc(value)).replace(" ", ""))
    unit = m.group("unit") if m else ""
    return normalize_unit(unit) if unit and unit[:1] != "万" else None


_DAYS_RE: Final = re.compile(r"^(?P<num>\d+(?:\.\d+)?)\s*(?P<unit>天|日|d|days?|[个個]月|月|months?|年|years?|y|[周週]|星期|weeks?)?$", re.I)


def to_days(value: Any) -> int:
    """Shelf life to whole days: 180, "180天", "6个月" (30 days each), "1年" (365 days)."""
    cls = value.__class__
    if cls is int and 0 <= value <= 100_000:
        return int(value)
    if cls is float and 0 <= value <= 100_000 and value == int(value):
        return int(value)
    s = clean_text(nfkc(str(value))).replace(" ", "")
    m = _DAYS_RE.match(s)
    if not m:
        raise _err(
            "bad_days",
            f"「{value}」不是有效的保质期",
            f"\"{value}\" is not a valid shelf life",
            "请填写天数，例如 180 或 180天、6个月",
            "Enter days, e.g. 180, 180天 or 6个月",
        )
    n = Decimal(m.group("num"))
    if n > 100_000:
        raise _err("bad_days", f"保质期「{value}」大得不合理", f"The shelf life \"{value}\" is implausibly long",
                   "请填写天数，例如 180", "Enter the number of days, e.g. 180")
    unit = (m.group("unit") or "天").lower()
    if unit in ("个月", "個月", "月") or unit.startswith("month"):
        n *= 30
    elif unit in ("年", "y") or unit.startswith("year"):
        n *= 365
    elif unit in ("周", "週", "星期") or unit.startswith("week"):
        n *= 7
    return int(n.quantize(_ONE, rounding=ROUND_HALF_UP))


# --------------------------------------------------------------------------- dates

_DAYPART: Final = r"上午|下午|晚上|中午|凌晨|早上|早晨|傍晚|夜里|夜间|am|pm"
_CLOCK: Final = r"""(?:[\sT]*(?P<ampm1>""" + _DAYPART + r""")?\s*(?P<H>\d{1,2})\s*(?:[:时点]\s*(?P<M>\d{1,2}|半)?|(?=\s*(?:上午|下午|am|pm)))
    \s*(?:[:分]\s*(?P<S>\d{1,2}(?:\.\d+)?)\s*秒?|分)?\s*(?P<ampm2>上午|下午|am|pm)?)?$"""
_AFTERNOON: Final = frozenset({"下午", "晚上", "傍晚", "夜里", "夜间", "pm"})
_MORNING: Final = frozenset({"上午", "凌晨", "早上", "早晨", "am"})
_DATE_RE: Final = re.compile(
    r"""^(?P<y>\d{4}|\d{2}(?=\s*年)|(?:1[3-9]|[2-9]\d)(?=\s*[-/.]))\s*[-/.年]\s*(?P<m>\d{1,2})\s*[-/.月]\s*(?P<d>\d{1,2})\s*[日号]?"""
    + _CLOCK, re.X | re.I)
# a date without its year ("11/3", "11月7日"): the year comes from the table's title or name
_MONTH_DAY_RE: Final = re.compile(r"^(?P<y>)(?P<m>\d{1,2})\s*[-/.月]\s*(?P<d>\d{1,2})\s*[日号]?" + _CLOCK, re.X | re.I)
_COMPACT_RE: Final = re.compile(r"^(?P<y>(?:19|20)\d{2})(?P<m>\d{2})(?P<d>\d{2})(?:\s*(?P<H>\d{2}):?(?P<M>\d{2}):?(?P<S>\d{2})?)?$")
_TIME_RE: Final = re.compile(r"^(?P<H>\d{1,2})\s*[:时点]\s*(?P<M>\d{1,2})(?:\s*[:分]\s*(?P<S>\d{1,2}(?:\.\d+)?)\s*秒?)?$")


def _bad_date(value: object) -> CellError:
    return _err(
        "bad_date",
        f"「{value}」不是有效的日期时间",
        f"\"{value}\" is not a valid date or time",
        "请填写日期，例如 2024-03-01 或 2024-03-01 12:30:00",
        "Enter a date such as 2024-03-01 or 2024-03-01 12:30:00",
    )


def serial_to_datetime(serial: float, date1904: bool = False) -> dt.datetime:
    """Excel serial day number to a datetime (1900 or 1904 date system)."""
    if not 0 < serial < 2958466:
        raise _bad_date(serial)
    base = EXCEL_EPOCH_1904 if date1904 else EXCEL_EPOCH
    # Round to the millisecond so 45000.1 does not become 02:23:59.999999.
    ms = round(serial * 86_400_000)
    return base + dt.timedelta(milliseconds=ms)


def _simplify_datetime(d: dt.datetime) -> dt.date | dt.datetime:
    return d.date() if d.time() == dt.time(0) else d


class Dates(NamedTuple):
    """How a table's date cells read: in Excel's 1904 date system or not, and the year of the dates
    written without one ("11/3"), when the table's title or name gives it (and the month named
    with it: a December ledger's "1月2日" is in the next year)."""

    date1904: bool = False
    year: int | None = None
    month: int | None = None


def to_datetime(value: Any, date1904: bool = False, year: int | None = None, month: int | None = None) -> dt.date | dt.datetime:
    """Date cell to ``date`` (no time part) or ``datetime``.

    Accepts real dates, Excel serials (1900 or 1904 system), "2024年3月1日", "2024/3/1",
    "2024-03-01 12:30:00", "20250101", "26-11-3", "2026年11月3号下午2点", with stray spaces/tabs
    around; "11/3" and "11月3日" in `year` (without one they are an error saying so).
    """
    cls = value.__class__
    if cls is dt.datetime:
        return _simplify_datetime(value)
    if cls is dt.date:
        return value  # type: ignore[no-any-return]
    if cls is float or cls is int:
        if cls is int and 19000101 <= value <= 21001231:
            return to_datetime(str(value))
        return _simplify_datetime(serial_to_datetime(float(value), date1904))
    if cls is not str:
        raise _bad_date(value)
    s = clean_text(value)
    try:
        return _simplify_datetime(dt.datetime.fromisoformat(s))
    except ValueError:
        pass
    s = clean_text(nfkc(s))
    if len(s) == 5 and s.isdigit() and s[0] in "234567":  # an Excel day number that lost its format (a CSV)
        return to_datetime(int(s), date1904)
    m = _DATE_RE.match(s) or _MONTH_DAY_RE.match(s)
    if m is None:
        m = _COMPACT_RE.match(s)
        if m is None:
            raise _bad_date(value)
        ampm = None
    else:
        ampm = (m.group("ampm1") or m.group("ampm2") or "").lower() or None
    if not m.group("y") and year is None:
        raise _err("date_no_year", f"「{value}」没有写年份", f"\"{value}\" has no year",
                   "请写出年份，例如 2026-11-03，或在表格标题里写上年份（如“2026年11月销售流水”）",
                   "Write the year, such as 2026-11-03, or put it in the table's title (\"Sales November 2026\")")
    try:
        y = int(m.group("y")) if m.group("y") else year or 0
        y = y + 2000 if y < 100 else y
        mo, d = int(m.group("m")), int(m.group("d"))
        if not m.group("y") and month is not None:  # the month nearest the title's: across New Year too
            y += 1 if mo < month - 6 else -1 if mo > month + 6 else 0
        if m.group("H") is None:
            return dt.date(y, mo, d)
        minutes = m.group("M") or "0"
        hh, mm = int(m.group("H")), 30 if minutes == "半" else int(minutes)
        sec_s = m.group("S") or "0"
        sec = float(sec_s)
        if (ampm in _AFTERNOON and hh < 12) or (ampm == "中午" and hh < 11):  # 中午1点 is 13:00, 中午12点 noon
            hh += 12
        elif ampm in _MORNING and hh == 12:
            hh = 0
        return _simplify_datetime(dt.datetime(y, mo, d, hh, mm, int(sec), round((sec % 1) * 1_000_000) % 1_000_000))
    except ValueError:
        raise _bad_date(value) from None


def to_time(value: Any) -> dt.time:
    """Time-of-day cell ("18:53:19", 0.5, a real time) to ``time``."""
    cls = value.__class__
    if cls is dt.time:
        return value  # type: ignore[no-any-return]
    if cls is dt.datetime:
        return value.time()  # type: ignore[no-any-return]
    if cls is dt.timedelta:
        secs = int(value.total_seconds()) % 86400
        return dt.time(secs // 3600, secs // 60 % 60, secs % 60)
    if cls is float or cls is int:
        if 0 <= value < 1:
            secs = round(value * 86400) % 86400
            return dt.time(secs // 3600, secs // 60 % 60, secs % 60)
        raise _bad_date(value)
    if cls is not str:
        raise _bad_date(value)
    m = _TIME_RE.match(clean_text(nfkc(value)))
    if not m:
        raise _bad_date(value)
    try:
        sec = float(m.group("S") or 0)
        return dt.time(int(m.group("H")), int(m.group("M")), int(sec))
    except ValueError:
        raise _bad_date(value) from None


# --------------------------------------------------------------------------- barcodes


def gtin_check_ok(code: str) -> bool:
    """True if the last digit of an EAN-8/UPC-A/EAN-13/GTIN-14 is the right check digit."""
    b = code.encode("ascii")
    odd = b[-2::-2]  # weight 3: every other digit leftwards from the one before the check digit
    even = b[-3::-2]
    total = 3 * (sum(odd) - 48 * len(odd)) + sum(even) - 48 * len(even)
    return (10 - total % 10) % 10 == b[-1] - 48


_SCI_RE: Final = re.compile(r"^\d(?:\.\d+)?[eE]\+?\d+$")


def _destroyed(value: object) -> CellError:
    return _err(
        "barcode_destroyed",
        f"条码「{value}」已被 Excel 变成科学计数法，后几位数字已经丢失",
        f"The barcode \"{value}\" was turned into scientific notation by Excel and its last digits are lost",
        "请把这一列设成“文本”格式，重新输入或扫描条码后再导入",
        "Format the column as Text in Excel, re-enter or re-scan the barcodes, then import again",
    )


def to_barcode(value: Any) -> str:
    """Barcode cell to text; validates EAN-13/EAN-8/UPC-A/GTIN-14 check digits.

    A float that is an exact integer (6901234567892.0) is fine; "6.93217E+12" or a float
    whose trailing digits were zeroed by Excel (6932170000000.0, bad check digit) is an error.
    """
    cls = value.__class__
    from_float = False
    if cls is str and len(value) == 13 and value.isdigit() and value.isascii():
        if gtin_check_ok(value):
            return str(value)
        s = str(value)
    elif cls is str:
        s = clean_text(value)
        if s[:1] == "'":  # Excel's mark for "keep as text", typed into a CSV
            s = s[1:].strip()
        if not (s.isdigit() and s.isascii()):
            s2 = clean_text(nfkc(s)).replace(" ", "")
            if _SCI_RE.match(s2):
                s2 = _full_scientific(s2, value)
            head, dot, tail = s2.partition(".")
            if dot and tail and not tail.strip("0"):  # "6901234567892.0": a number cell written out as text
                s2 = head
            if s2.isdigit() and s2.isascii():
                s = s2
            else:
                return s  # an internal code such as "A-001": kept as text
    elif cls is int:
        if value < 0:
            raise _bad_barcode(value)
        s = str(value)
    elif cls is float:
        if value != value or value < 0 or value >= 1e15 or value != int(value):
            if value == value and 1e15 <= value < 1e30:
                raise _destroyed(value)
            raise _bad_barcode(value)
        s = str(int(value))
        from_float = True
    else:
        raise _bad_barcode(value)
    if len(s) in (7, 11, 12) and s.isascii() and s.isdigit() and not (len(s) == 12 and gtin_check_ok(s)) and gtin_check_ok("0" + s):
        s = "0" + s  # a UPC-A (or EAN-8/13) whose leading 0 a number cell dropped: its check digit says so
    if len(s) in (8, 12, 13, 14) and s.isascii() and not gtin_check_ok(s):
        if from_float and len(s) >= 12 and s.endswith("000"):
            raise _destroyed(f"{value:.6g}" if from_float else value)
        raise _err(
            "barcode_check_digit",
            f"条码「{s}」的校验位不对",
            f"The check digit of barcode \"{s}\" is wrong",
            "请对照商品包装核对条码，或用扫码枪重新扫描",
            "Compare it with the package or scan it again",
        )
    return s


def _full_scientific(text: str, value: object) -> str:
    """The digits of a barcode in scientific notation that kept them all ("6.901234567892E+12");
    else the error that Excel destroyed them ("6.93217E+12")."""
    mantissa, _e, exponent = text.upper().partition("E")
    if len(mantissa.replace(".", "")) - 1 >= int(exponent):  # as many digits after the point as the exponent shifts
        number = Decimal(text)
        if number == number.to_integral_value():
            return str(int(number))
    raise _destroyed(value)


def _bad_barcode(value: object) -> CellError:
    return _err(
        "bad_barcode",
        f"「{value}」不是有效的条码",
        f"\"{value}\" is not a valid barcode",
        "请填写条码数字，并把这一列设为“文本”格式",
        "Enter the barcode digits and format the column as Text",
    )


# --------------------------------------------------------------------------- codes and text


def to_code(value: Any) -> str:
    """SKU/order-number cell to text; 2001.0 -> "2001" (numbers are never kept as floats)."""
    cls = value.__class__
    if cls is str:
        return clean_text(value if value.isascii() else nfkc(value))  # "ＱＤ００１" typed in full width is "QD001"
    if cls is float:
        if value.is_integer() and abs(value) < 1e16:
            return str(int(value))
        return repr(value)
    if cls is int:
        return str(value)
    if cls is bool:
        return "1" if value else "0"
    return str(value)


def to_text(value: Any) -> str:
    """Any cell to clean text: 250.0 -> "250", dates to ISO."""
    cls = value.__class__
    if cls is str:
        return clean_text(value)
    if cls is float:
        if value.is_integer() and abs(value) < 1e16:
            return str(int(value))
        return repr(value)
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return str(value)


_LIST_SPLIT: Final = re.compile(r"[,，、;；|/\n]+")


def to_list(value: Any) -> tuple[str, ...]:
    """A multi-option cell ("麻辣、孜然, 原味") to a tuple of options."""
    s = to_text(value)
    return tuple(p for p in (clean_text(x) for x in _LIST_SPLIT.split(s)) if p)


# --------------------------------------------------------------------------- units

UNIT_ALIASES: Final[dict[str, str]] = {
    "kg": "kg", "公斤": "kg", "千克": "kg", "kgs": "kg", "kilogram": "kg",
    "g": "g", "克": "g", "gram": "g",
    "斤": "斤", "市斤": "斤", "两": "两",
    "l": "L", "升": "L", "公升": "L", "ml": "ml", "毫升": "ml",
    "件": "件", "个": "个", "只": "只", "支": "支", "根": "根", "条": "条", "张": "张", "本": "本",
    "瓶": "瓶", "箱": "箱", "杯": "杯", "份": "份", "听": "听", "罐": "罐", "包": "包", "盒": "盒",
    "袋": "袋", "打": "打", "扎": "扎", "桶": "桶", "碗": "碗", "盘": "盘", "串": "串", "套": "套",
    "双": "双", "对": "对", "台": "台", "把": "把", "块": "块", "片": "片", "提": "提", "板": "板",
    "pcs": "件", "pc": "件", "piece": "件", "pieces": "件", "ea": "个", "each": "个",
    "bottle": "瓶", "box": "盒", "case": "箱", "carton": "箱", "cup": "杯", "can": "罐",
    "bag": "袋", "pack": "包", "dozen": "打", "portion": "份", "serving": "份",
    # Traditional Chinese
    "個": "个", "隻": "只", "條": "条", "張": "张", "盤": "盘", "雙": "双", "對": "对", "臺": "台", "塊": "块",
    "聽": "听", "兩": "两", "紮": "扎",
}


_UNIT_CACHE: dict[str, str] = {}


def normalize_unit(value: Any) -> str:
    """Unit cell to its canonical form: 公斤/KG -> "kg", 克 -> "g", others kept as typed."""
    if value.__class__ is str:
        hit = _UNIT_CACHE.get(value)
        if hit is not None:
            return hit
    s = clean_text(nfkc(to_text(value)))
    out = UNIT_ALIASES.get(s.lower(), s)
    if value.__class__ is str and len(_UNIT_CACHE) < 4096:
        _UNIT_CACHE[value] = out
    return out


# --------------------------------------------------------------------------- enums

_DIRECTION: Final[dict[str, str | None]] = {
    "收入": "in", "收": "in", "入": "in", "in": "in", "income": "in", "credit": "in", "贷": "in",
    "支出": "out", "支": "out", "出": "out", "out": "out", "expense": "out", "debit": "out", "借": "out",
    "不计收支": None, "中性交易": None, "/": None, "其他": None,
}


def to_direction(value: Any) -> str | None:
    """收/支 cell to "in", "out" or None (不计收支, transfers)."""
    s = clean_text(to_text(value))
    try:
        return _DIRECTION[s.lower()]
    except KeyError:
        raise _err(
            "bad_direction",
            f"「{value}」无法判断是收入还是支出",
            f"\"{value}\" is neither income nor expense",
            "请填写“收入”或“支出”",
            "Enter 收入 (income) or 支出 (expense)",
        ) from None


_STATUS: Final[dict[str, str]] = {
    "上架": "active", "在售": "active", "启用": "active", "正常": "active", "1": "active", "是": "active",
    "active": "active", "on": "active", "yes": "active", "有效": "active",
    "下架": "inactive", "停售": "inactive", "禁用": "inactive", "停用": "inactive", "0": "inactive",
    "否": "inactive", "inactive": "inactive", "off": "inactive", "no": "inactive", "无效": "inactive",
    "估清": "sold_out", "售罄": "sold_out", "沽清": "sold_out", "sold out": "sold_out",
}


# What a menu writes for a dish sold out today, in its status or its 备注 column ("今日估清", "已售罄")
_SOLD_OUT: Final = frozenset({"估清", "沽清", "售罄", "售完", "卖完", "卖光", "賣完", "售馨", "soldout"})
_SOLD_OUT_AROUND: Final = re.compile(r"^(?:今日|今天|当日|本日|已经|已|暂时|暂)+|[了!！。.~～\s]+$")


def is_sold_out(value: Any) -> bool:
    """True for a cell that only says a dish is sold out: 估清, 今日估清, 已售罄, "sold out"."""
    if not isinstance(value, str) or len(value) > 12:
        return False
    s = _SOLD_OUT_AROUND.sub("", value.strip().lower().replace(" ", ""))
    return s in _SOLD_OUT


def to_status(value: Any) -> str:
    """Status cell to "active", "inactive" or "sold_out"."""
    s = to_text(value).lower()
    try:
        return _STATUS[s]
    except KeyError:
        if is_sold_out(s):
            return "sold_out"
        raise _err(
            "bad_status",
            f"「{value}」不是有效的状态",
            f"\"{value}\" is not a valid status",
            "请填写 上架/下架/估清（或 1/0）",
            "Enter 上架 (on sale), 下架 (off sale) or 估清 (sold out), or 1/0",
        ) from None


_SPICY: Final[dict[str, int]] = {
    "不辣": 0, "无": 0, "免辣": 0, "微辣": 1, "小辣": 1, "少辣": 1, "中辣": 2, "辣": 2,
    "特辣": 3, "重辣": 3, "超辣": 3, "变态辣": 3, "麻辣": 2,
    "mild": 1, "medium": 2, "hot": 3, "none": 0,
}


def to_spicy(value: Any) -> int:
    """Spicy level to 0..3: 不辣/微辣/中辣/特辣, digits, or a row of 🌶 peppers."""
    cls = value.__class__
    if (cls is int or cls is float) and 0 <= value <= 5 and value == int(value):
        return min(int(value), 3)
    s = clean_text(to_text(value))
    if s.isdecimal() and s.isascii() and int(s) <= 5:
        return min(int(s), 3)
    if s and set(s) <= {"🌶", "\ufe0f", "辣", "*", "★", "☆"}:
        return min(sum(1 for ch in s if ch in "🌶辣*★"), 3)
    try:
        return _SPICY[s.lower()]
    except KeyError:
        raise _err(
            "bad_spicy",
            f"「{value}」不是有效的辣度",
            f"\"{value}\" is not a valid spicy level",
            "请填写 不辣/微辣/中辣/特辣 或 0-3",
            "Enter 不辣/微辣/中辣/特辣 or 0-3",
        ) from None


# --------------------------------------------------------------------------- dispatch


# Field types whose coercer is a pure function of the cell giving an immutable value: prices,
# quantities, units and statuses repeat from row to row (9.9, 12, "瓶"), so their results are kept.
_REPEATING: Final = frozenset({"money", "price", "decimal", "stock", "unit", "days", "direction", "status", "spicy"})
_MEMO_LIMIT: Final = 50_000


PLAIN_DATES: Final = Dates()


def make_coercer(kind: str, dates: Dates = PLAIN_DATES) -> Coercer:
    """The coercer for a field type (see ``importers.fields.FIELD_TYPES``); for the types whose
    values repeat, one that remembers its results (each cell by value and type: 1, 1.0 and True
    differ), made per table."""
    fn = _coercer(kind, dates)
    return _memoized(fn) if kind in _REPEATING else fn


def _memoized(fn: Coercer) -> Coercer:
    results: dict[tuple[type, Any], Any] = {}

    def coerce(value: Any) -> Any:
        key = (value.__class__, value)
        found = results.get(key, results)
        if found is not results:
            return found
        out = fn(value)  # a CellError is raised each time: bad cells are few
        if len(results) < _MEMO_LIMIT:
            results[key] = out
        return out

    return coerce


def _coercer(kind: str, dates: Dates) -> Coercer:
    if kind == "money":
        return to_fen
    if kind == "price":
        return to_price_fen
    if kind == "decimal":
        return to_decimal3
    if kind == "stock":
        return to_stock
    if kind == "datetime":
        if dates != PLAIN_DATES:
            return lambda v: to_datetime(v, dates.date1904, dates.year, dates.month)
        return to_datetime
    if kind == "time":
        return to_time
    if kind == "barcode":
        return to_barcode
    if kind == "code":
        return to_code
    if kind == "unit":
        return normalize_unit
    if kind == "days":
        return to_days
    if kind == "direction":
        return to_direction
    if kind == "status":
        return to_status
    if kind == "spicy":
        return to_spicy
    if kind == "list":
        return to_list
    if kind == "prose":
        return to_prose
    return to_text


_TAG: Final = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)\b[^<>]*>")
_BREAKS: Final = frozenset({"br", "p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol"})


def to_prose(value: Any) -> str:
    """A description cell as text: the HTML of a shop platform's export ("<p>Classic<br>lager</p>",
    Shopify's Body (HTML)) as its lines of plain text; other text as `to_text` reads it."""
    text = to_text(value)
    if "<" not in text or not _TAG.search(text):
        return text
    import html

    plain = _TAG.sub(lambda m: "\n" if m.group(2).lower() in _BREAKS else "", text)
    lines = (" ".join(line.split()) for line in html.unescape(plain).splitlines())
    return "\n".join(line for line in lines if line)


# Prices a restaurant writes instead of a number: seafood 时价, a price to be agreed.
_MARKET_PRICE: Final = ("时价", "时令价", "市价", "面议", "议价", "询价", "电询", "电议", "另议", "待定", "現價", "時價")


def is_market_price(value: Any) -> bool:
    """True for a price cell such as "时价", "时价/斤" or "面议": sold at a price set on the day."""
    return value.__class__ is str and clean_text(value).startswith(_MARKET_PRICE)


def is_empty(value: Any) -> bool:
    """True for cells that carry no value ("", whitespace, "-", "/", "N/A", "无")."""
    if value.__class__ is str:
        return clean_text(value) in EMPTY_TOKENS
    return False

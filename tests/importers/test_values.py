"""Value coercion: money in fen, decimals, dates, barcodes, units, enums; fuzzed with hypothesis."""

from __future__ import annotations

import contextlib
import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from importers.errors import CellError
from importers.values import (
    gtin_check_ok,
    is_market_price,
    is_sold_out,
    make_coercer,
    normalize_unit,
    parse_price,
    serial_to_datetime,
    to_barcode,
    to_datetime,
    to_days,
    to_decimal3,
    to_direction,
    to_fen,
    to_list,
    to_spicy,
    to_status,
    to_time,
)


@pytest.mark.parametrize(
    ("cell", "fen"),
    [
        ("¥12.50", 1250),
        ("￥12.5", 1250),
        ("12元", 1200),
        ("12块5", 1250),  # yuan, then jiao, as said aloud
        ("12元5角8分", 1258),
        ("8块5毛", 850),
        ("12块钱", 1200), ("12块五", 1250), ("5毛", 50), ("3毛钱", 30), ("1块2毛5", 125), ("12元8分", 1208),
        ("１２．５０", 1250),  # full-width digits
        ("1,234.56", 123456),
        ("(12.50)", -1250),
        ("-3", -300),
        ("¥-3.5", -350),
        (" 28.16\t", 2816),
        ("0.005", 1),  # half up
        ("0.004", 0),
        ("131.77(已退款89.84)", 13177),
        (12, 1200),
        (12.345, 1235),
        (1.005, 101),  # the shortest repr is "1.005": half up gives 101, not float's 100
        (0.1 + 0.2, 30),
        (2.675, 268),
        (-0.015, -2),
    ],
)
def test_money_to_fen(cell: object, fen: int) -> None:
    assert to_fen(cell) == fen
    assert isinstance(to_fen(cell), int)


def test_price_with_unit() -> None:
    assert parse_price("12.50元/斤") == (1250, "斤")
    assert parse_price("¥8/公斤") == (800, "kg")
    assert parse_price("12元/個") == (1200, "个")
    assert parse_price("5") == (500, None)


@pytest.mark.parametrize("cell", ["abc", "12.5.5", "¥", "", True, "1e5元x", float("nan"), "12 34"])
def test_bad_money_is_a_cell_error(cell: object) -> None:
    with pytest.raises(CellError) as err:
        to_fen(cell)
    assert err.value.message_zh and err.value.fix_en


def test_money_too_large() -> None:
    with pytest.raises(CellError):
        to_fen(1e14)


@pytest.mark.parametrize(
    ("cell", "value"),
    [(5, Decimal("5.000")), (5.5, Decimal("5.500")), ("5.5千克", Decimal("5.500")), ("1,000", Decimal("1000.000")),
     (0.0005, Decimal("0.001")), ("-2", Decimal("-2.000")), ("３", Decimal("3.000")),
     ("1.2万", Decimal("12000.000")), ("3万件", Decimal("30000.000"))],  # 万: ten thousands, not a unit
)
def test_decimal3(cell: object, value: Decimal) -> None:
    got = to_decimal3(cell)
    assert got == value and got.as_tuple().exponent == -3


@pytest.mark.parametrize(("cell", "days"), [(180, 180), (180.0, 180), ("180天", 180), ("6个月", 180), ("1年", 365), ("2周", 14),
                                           ("6個月", 180), ("2週", 14)])
def test_days(cell: object, days: int) -> None:
    assert to_days(cell) == days


@pytest.mark.parametrize(
    ("cell", "value"),
    [
        ("2024年3月1日", dt.date(2024, 3, 1)),
        ("2024/3/1", dt.date(2024, 3, 1)),
        ("2024-03-01 12:30:00", dt.datetime(2024, 3, 1, 12, 30)),
        ("2024.3.1 8:05", dt.datetime(2024, 3, 1, 8, 5)),
        ("2019-09-26 12:45:27\t", dt.datetime(2019, 9, 26, 12, 45, 27)),
        ("20250101", dt.date(2025, 1, 1)),
        (20250101, dt.date(2025, 1, 1)),
        ("2020/1/1 1:01 下午", dt.datetime(2020, 1, 1, 13, 1)),
        (45352.0, dt.date(2024, 3, 1)),
        (45352.5, dt.datetime(2024, 3, 1, 12, 0)),
        (dt.datetime(2024, 3, 1), dt.date(2024, 3, 1)),
        (dt.date(2024, 3, 1), dt.date(2024, 3, 1)),
        ("2026年11月3号", dt.date(2026, 11, 3)),
        ("26-11-3", dt.date(2026, 11, 3)),
        ("2026年11月3日下午2点", dt.datetime(2026, 11, 3, 14, 0)),
        ("2026年11月3日 晚上8点30分", dt.datetime(2026, 11, 3, 20, 30)),
        ("2026年11月3日下午2点半", dt.datetime(2026, 11, 3, 14, 30)),
        ("2026年11月3日中午1点", dt.datetime(2026, 11, 3, 13, 0)),
        ("2026年11月3日中午12点", dt.datetime(2026, 11, 3, 12, 0)),
        ("2026年11月3日凌晨1点", dt.datetime(2026, 11, 3, 1, 0)),
        ("46329", dt.date(2026, 11, 3)),  # a day number whose format a CSV lost
    ],
)
def test_dates(cell: object, value: object) -> None:
    assert to_datetime(cell) == value


def test_1904_date_system() -> None:
    # The same serial is 1462 days later in the 1904 system.
    assert to_datetime(43830.0, True) == dt.date(2024, 1, 1)
    assert to_datetime(43830.0) == dt.date(2019, 12, 31)
    assert serial_to_datetime(1.5) == dt.datetime(1899, 12, 31, 12)


def test_a_date_without_its_year_takes_the_tables_year_or_asks_for_one() -> None:
    assert to_datetime("11/3", year=2026) == dt.date(2026, 11, 3)
    assert to_datetime("11月7日 下午3点", year=2026) == dt.datetime(2026, 11, 7, 15, 0)
    with pytest.raises(CellError, match="has no year") as info:
        to_datetime("11月7日")
    assert "2026-11-03" in info.value.fix_en and "没有写年份" in info.value.message_zh


@pytest.mark.parametrize("cell", ["2024-13-01", "明天", "", 3e7, -1.0, "2024年2月30日", "3-11-5", "11/3/2026", "12:30"])
def test_bad_dates(cell: object) -> None:
    with pytest.raises(CellError):
        to_datetime(cell)


def test_times() -> None:
    assert to_time("18:53:19") == dt.time(18, 53, 19)
    assert to_time(0.5) == dt.time(12)
    assert to_time(dt.time(4, 39)) == dt.time(4, 39)


@pytest.mark.parametrize(
    ("cell", "code"),
    [
        ("6901234567892", "6901234567892"),
        (6901234567892.0, "6901234567892"),  # an exact integer float is fine
        (6901234567892, "6901234567892"),
        ("96385074", "96385074"),  # EAN-8
        ("036000291452", "036000291452"),  # UPC-A keeps its leading zero as text
        (36000291452, "036000291452"),  # a number cell dropped it: the check digit puts it back
        ("'6901234567892", "6901234567892"),  # Excel's text mark, typed into a CSV
        (13800000000, "13800000000"),  # no barcode with a zero in front either: left as it is
        (" 6901234567892\t", "6901234567892"),
        ("A-001", "A-001"),  # internal codes are kept as text
        (2001.0, "2001"),  # jshERP sample barcodes
        ("6901234567892.0", "6901234567892"),  # a number cell written out as text (pandas, some POS exports)
        ("6.901234567892E+12", "6901234567892"),  # scientific notation that kept every digit
    ],
)
def test_barcodes(cell: object, code: str) -> None:
    assert to_barcode(cell) == code


@pytest.mark.parametrize("cell", ["6.93217E+12", "6.90123E12", 6932170000000.0, 6.93217e20, "6.90123456789E+12"])
def test_barcode_destroyed_by_excel(cell: object) -> None:
    with pytest.raises(CellError) as err:
        to_barcode(cell)
    assert err.value.code == "barcode_destroyed"
    assert "文本" in err.value.fix_zh


def test_barcode_bad_check_digit() -> None:
    with pytest.raises(CellError) as err:
        to_barcode("6901234567893")
    assert err.value.code == "barcode_check_digit"
    assert gtin_check_ok("4006381333931") and not gtin_check_ok("4006381333932")


@pytest.mark.parametrize(
    ("cell", "unit"),
    [("公斤", "kg"), ("KG", "kg"), ("千克", "kg"), ("克", "g"), ("g", "g"), ("斤", "斤"), ("个", "个"), ("瓶", "瓶"),
     ("听", "听"), ("罐", "罐"), ("pcs", "件"), ("杯", "杯"), ("打", "打"), ("扎", "扎"), (" 盒 ", "盒"),
     ("個", "个"), ("隻", "只"), ("條", "条"), ("張", "张"), ("兩", "两")],  # Traditional Chinese
)
def test_units(cell: str, unit: str) -> None:
    assert normalize_unit(cell) == unit


def test_enums() -> None:
    assert to_direction("收入") == "in" and to_direction("支出") == "out" and to_direction("不计收支") is None
    assert to_status("上架") == "active" and to_status(0.0) == "inactive" and to_status("估清") == "sold_out"
    assert [to_status(s) for s in ("今日估清", "已售罄", "Sold out", "卖完了！")] == ["sold_out"] * 4
    assert [is_sold_out(s) for s in ("估清", "今天沽清", "已经卖完了", "暂时估清。")] == [True] * 4
    assert not any(is_sold_out(s) for s in ("估清后请联系老板补货", "今日特价", "手工现包", "", None, 0))
    assert to_spicy("微辣") == 1 and to_spicy("🌶🌶🌶") == 3 and to_spicy(2.0) == 2
    assert to_list("麻辣、孜然, 原味") == ("麻辣", "孜然", "原味")
    for fn, bad in ((to_direction, "也许"), (to_status, "??"), (to_spicy, "很烫")):
        with pytest.raises(CellError):
            fn(bad)


cells = st.one_of(
    st.text(max_size=30),
    st.text(alphabet="0123456789.,-+¥￥元()（）/斤公克Ee 　\t%$", max_size=20),
    st.integers(min_value=-(10**20), max_value=10**20),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.dates(),
    st.datetimes(),
    st.times(),
)


@settings(max_examples=400, deadline=None)
@given(cell=cells)
def test_coercers_raise_only_cell_errors(cell: object) -> None:
    for ftype in ("money", "decimal", "datetime", "time", "barcode", "code", "unit", "days", "direction", "status",
                  "spicy", "list", "text"):
        with contextlib.suppress(CellError):
            make_coercer(ftype)(cell)


def _outcome(fn: object, cell: object) -> object:
    try:
        return ("ok", fn(cell))  # type: ignore[operator]
    except CellError as e:
        return ("error", e.code)


@settings(max_examples=300, deadline=None)
@given(cell_list=st.lists(cells, max_size=6))
def test_coercers_that_remember_give_what_a_fresh_call_gives(cell_list: list[object]) -> None:
    for ftype in ("money", "decimal", "unit", "days", "direction", "status", "spicy"):
        coerce = make_coercer(ftype)
        for cell in [*cell_list, *cell_list, 1, 1.0, True, "1", "1.0"]:  # each value twice, and lookalikes
            assert _outcome(coerce, cell) == _outcome(make_coercer(ftype), cell), (ftype, cell)


@settings(max_examples=300, deadline=None)
@given(value=st.decimals(min_value=Decimal("-1e9"), max_value=Decimal("1e9"), places=2, allow_nan=False))
def test_money_text_roundtrip(value: Decimal) -> None:
    assert to_fen(f"{value:.2f}") == int(value * 100)
    assert to_fen(f"¥{value:,.2f}") == int(value * 100)


@pytest.mark.parametrize(("cell", "market"), [
    ("时价", True), (" 时价/斤 ", True), ("面议", True), ("時價", True), ("询价", True),
    ("12元", False), ("¥38", False), (38, False), ("", False), ("价格时价", False),
])
def test_market_price_words(cell: object, market: bool) -> None:
    assert is_market_price(cell) is market


def test_a_date_without_its_year_near_new_year_takes_the_nearer_year() -> None:
    assert to_datetime("1月2日", year=2026, month=12) == dt.date(2027, 1, 2)  # a December ledger into January
    assert to_datetime("12月31日", year=2027, month=1) == dt.date(2026, 12, 31)
    assert to_datetime("11/3", year=2026, month=11) == dt.date(2026, 11, 3)


def test_the_year_and_month_a_title_or_file_name_gives() -> None:
    from importers.table import month_hint

    assert month_hint("2026年12月销售流水") == (2026, 12)
    assert month_hint("", "Sheet1", "流水202611.xlsx") == (2026, 11)
    assert month_hint("2026年销售") == (2026, None)
    assert month_hint("2025-2026年度") == (None, None)  # two years: none


@pytest.mark.parametrize("cell", ["缺货", "无货", "售罄", " 断货 "])
def test_a_stock_cell_saying_out_of_stock_is_zero(cell: str) -> None:
    from importers.values import to_stock

    assert to_stock(cell) == Decimal("0.000") and to_stock("80个") == Decimal("80.000")


def test_a_description_in_html_is_read_as_its_lines_of_text() -> None:
    from importers.values import to_prose

    assert to_prose("<p>Classic <b>lager</b>,&nbsp;330&amp;ml</p><ul><li>冰镇</li><li>现打</li></ul>") == "Classic lager, 330&ml\n冰镇\n现打"
    assert to_prose("<P>两行<BR/>文字</P>") == "两行\n文字"
    assert to_prose("a < b, c > d") == "a < b, c > d" and to_prose(" 手工现包 ") == "手工现包"

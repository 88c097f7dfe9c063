"""Structure detection on raw rows: header row, two-row headers, totals and note rows."""

from __future__ import annotations

import pytest

from importers.readers import RawSheet, Row
from importers.structure import (
    classify_row,
    detect_structure,
    fill_vertical_merges,
    is_total_label,
    section_title,
)


def _sheet(rows: list[Row], merged: list[tuple[int, int, int, int]] | None = None) -> RawSheet:
    return RawSheet("S", rows, merged)


def test_header_under_preamble() -> None:
    rows: list[Row] = [["微信支付账单明细"], ["微信昵称：[测试]"], ["起始时间：[2019-08-01]"], [""], ["共2笔记录"],
                       ["交易时间", "交易对方", "金额(元)", "收/支"],
                       ["2019-09-26 12:45:27", "米线店", "¥28.16", "支出"], ["2019-09-24 10:10:11", "好友", "¥0.35", "收入"]]
    st = detect_structure(_sheet(rows))
    assert st.header_rows == [5] and st.data_start == 6
    assert [r for r, _ in st.skipped] == [1, 2, 3, 4, 5]


@pytest.mark.parametrize("notes", [59, 61, 80, 400])
def test_header_under_a_preamble_longer_than_the_scan(notes: int) -> None:
    # A WeChat Pay export whose notes run past the first 60 lines: "it has no header row" before.
    rows: list[Row] = [["微信支付账单明细"], ["共2笔记录"], [""]] + [[f"说明第{i}行：本账单仅供参考"] for i in range(notes)]
    h = len(rows)
    rows += [["交易时间", "交易对方", "金额(元)", "收/支"], ["2024-03-01 12:00:00", "米线店", "¥28.16", "支出"],
             ["2024-03-02 10:10:11", "好友", "¥0.35", "收入"]]
    st = detect_structure(_sheet(rows))
    assert st.header_rows == [h] and st.data_start == h + 1 and st.headers[0] == "交易时间"
    assert [r for r, _ in st.skipped] == list(range(1, h + 1))


def test_data_under_a_long_preamble_is_no_header() -> None:
    # One-cell notes, then rows of data without a header: the first data row is not taken for one.
    rows: list[Row] = [[f"说明第{i}行"] for i in range(70)]
    rows += [[f"商品{i}", 3.5 + i, 6901234567892 + i] for i in range(30)]
    st = detect_structure(_sheet(rows))
    assert st.header_rows == [] and st.headers == ["列A", "列B", "列C"] and st.data_start == 0


@pytest.mark.parametrize("data", [
    [["可乐", 3.5, "瓶"], ["雪碧", 3, "瓶"]],
    [["品名", "售价"], ["可乐", 3.5]],
    [[1.0, 2.0], [3.0, 4.0]],
])
def test_a_long_preamble_reads_like_a_short_one(data: list[Row]) -> None:
    def header_of(notes: int) -> tuple[list[int], list[str]]:
        st = detect_structure(_sheet([[f"说明第{i}行"] for i in range(notes)] + data * 20))
        return [h - notes for h in st.header_rows], st.headers

    assert header_of(75) == header_of(5)


def test_header_row_in_middle_and_column_offset() -> None:
    rows: list[Row] = [[], [], [], ["", "label", "value"], ["", "celsius", 22.2], ["", "fahrenheit", 72.0]]
    st = detect_structure(_sheet(rows))
    assert st.header_rows == [3] and st.headers[1:] == ["label", "value"]


def test_two_row_header_from_merges() -> None:
    rows: list[Row] = [["班级", "小组A", "", "小组B", ""], ["", "姓名", "年龄", "姓名", "年龄"], ["一班", "张三", 11, "李四", 12]]
    st = detect_structure(_sheet(rows, [(0, 0, 1, 0), (0, 1, 0, 2), (0, 3, 0, 4)]))
    assert st.header_rows == [0, 1]
    assert st.headers == ["班级", "小组A/姓名", "小组A/年龄", "小组B/姓名", "小组B/年龄"]


def test_duplicate_headers_made_unique() -> None:
    st = detect_structure(_sheet([["id", "name", "id"], [1, "a", 2]]))
    assert st.headers == ["id", "name", "id (2)"]


def test_headerless() -> None:
    st = detect_structure(_sheet([[1.0, 2.0], [3.0, 4.0]]))
    assert st.header_rows == [] and st.headers == ["列A", "列B"] and st.warnings


def test_totals_labels() -> None:
    for label in ("合计", "总计：", "小计", "Total", "TOTAL:", "70409090 SUB-TOTAL", "Grand Total", " 合 计 "):
        assert is_total_label(label), label
    for label in ("总共消费:28.16", "合肥", "Totally Spies", "小米手机"):
        assert not is_total_label(label), label


def test_classify_rows() -> None:
    header: Row = ["品名", "售价"]
    assert classify_row(["", ""], header, False, False) == "blank"
    assert classify_row(["  ", ""], header, False, False) == "blank"
    assert classify_row(["合计", 30], header, False, False) == "totals"
    assert classify_row(["", "TOTAL"], header, False, False) == "totals"
    assert classify_row(["品名", "售价"], header, False, False) == "header"
    assert classify_row(["注：价格含税", ""], header, False, False) == "description"
    assert classify_row(["以上数据仅供参考", ""], header, False, True) == "description"
    assert classify_row(["必填，文本", "请输入数字"], header, True, False) == "description"
    assert classify_row(["可乐", 3], header, True, False) is None


def test_fill_vertical_merges_only() -> None:
    rows: list[Row] = [["h1", "h2"], ["啤酒", "a"], ["", "b"], ["note", ""]]
    wide = fill_vertical_merges(rows, [(1, 0, 2, 0), (3, 0, 3, 3)], 1)
    assert rows[2][0] == "啤酒" and rows[3] == ["note", ""] and wide == [3]


def test_header_band_reached_by_merged_header_cells() -> None:
    # frictionless-py multiline-headers.xlsx: the header fills rows 1-5; "(%)" on row 5 sits under a
    # cell merged over rows 1-4, and two header cells of row 4 are merged down into row 5.
    rows: list[Row] = [
        ["Region", "Caloric contribution", "Cumulative impact", ""],
        ["", "", "", ""],
        ["", "", "", ""],
        ["", "", "from previous quarter", "from baseline (%)"],
        ["", "(%)", "", ""],
        ["A", "B", "C", "D"],
    ]
    merges = [(0, 0, 4, 0), (0, 1, 3, 1), (0, 2, 2, 3), (3, 2, 4, 2), (3, 3, 4, 3)]
    st = detect_structure(_sheet(rows, merges))
    assert st.header_rows == [0, 3, 4] and st.data_start == 5
    assert st.headers == ["Region", "Caloric contribution (%)", "Cumulative impact/from previous quarter",
                          "Cumulative impact/from baseline (%)"]


def test_category_row_below_a_merged_header_is_data() -> None:
    # 品名 is merged over both header rows; it ends above the category row, so 饮料 is data.
    rows: list[Row] = [["品名", "价格", ""], ["", "零售", "会员"], ["饮料", "", ""], ["可乐", 3.0, 2.5]]
    st = detect_structure(_sheet(rows, [(0, 0, 1, 0), (0, 1, 0, 2)]))
    assert st.header_rows == [0, 1] and st.data_start == 2


def test_all_text_rows_first_is_header() -> None:
    # sheetjs biff5_text_and_numbers.xls: two rows of words above a row of numbers.
    rows: list[Row] = [["English", "Hello", "World"], ["Hebrew", "????", "????"], ["", "", ""],
                       [1337.0, 13.37, 1337.0]]
    st = detect_structure(_sheet(rows))
    assert st.header_rows == [0] and st.data_start == 1 and st.headers == ["English", "Hello", "World"]


def test_title_above_header_stays_a_title() -> None:
    rows: list[Row] = [["2024年商品价格表", "", ""], ["品名", "单位", "售价"], ["可乐", "瓶", 3.0], ["雪碧", "瓶", 3.0]]
    st = detect_structure(_sheet(rows))
    assert st.header_rows == [1] and st.skipped == [(1, "title")]


# --------------------------------------------------------------------------- classify_row fast path


def _classify_reference(row: Row, header_row: Row | None, near_header: bool, wide_merge: bool) -> str | None:
    """classify_row as it was before its fast path (the fast path must agree with it)."""
    from importers.structure import _EXAMPLE, _INSTRUCTION, _NOTE_START, _TOTAL_FIRST_OR_SPACE, is_blank

    n = len(row)
    empties = row.count("")
    if empties == n:
        return "blank"
    seen = 0
    first: str | None = None
    for v in row:
        if isinstance(v, str) and v != "":
            if v[0] in _TOTAL_FIRST_OR_SPACE and is_total_label(v):
                return "totals"
            if first is None:
                first = v
            seen += 1
            if seen == 2:
                break
    nonempty = n - empties
    if nonempty <= 2 and all(is_blank(v) for v in row):
        return "blank"
    if header_row is not None and row == header_row:
        return "header"
    if first is not None:
        first = first.strip()
        if nonempty == 1 and (wide_merge or first.startswith(_NOTE_START)):
            return "description"
        if near_header:
            if _EXAMPLE.match(first):
                return "description"
            hits = sum(1 for v in row if isinstance(v, str) and v and _INSTRUCTION.search(v))
            if hits and hits * 2 >= nonempty:
                return "description"
    return None


_WORDS = ["", "", " ", "\u3000", "合计", "小计：", "Total", "sub-total", "可乐", "注：含税", "#备注", "请填写数量",
          "必填", "示例", "品名", "售价", "6901234567892", "以上价格", "TOTAL PRICE", "Grand Total", " 合 计 "]


def test_classify_row_fast_path_agrees() -> None:
    import random

    rnd = random.Random(7)
    header: Row = ["品名", "售价", "单位"]
    cells: list[object] = [*_WORDS, 0, 3.5, 1.0, True]
    for _ in range(20_000):
        row: Row = [rnd.choice(cells) for _ in range(rnd.randint(0, 6))]  # type: ignore[misc]
        hdr = rnd.choice([None, header, list(row)])
        for near in (False, True):
            for wide in (False, True):
                assert classify_row(row, hdr, near, wide) == _classify_reference(row, hdr, near, wide), (row, hdr, near, wide)


_DISH: Row = [1, "拍黄瓜", "份", 12]


@pytest.mark.parametrize(
    ("row", "wide", "title"),
    [
        (["一、啤酒", "", "", ""], True, "啤酒"),  # merged across the table
        (["二、海鲜", "", "", ""], False, "海鲜"),  # numbered, in the 序号 column
        (["凉菜", "", "", ""], False, "凉菜"),  # in the 序号 column, above a number
        (["", "【招牌菜】", "", ""], False, "招牌菜"),  # bracketed, in the name column
        (["", "凉菜：", "", ""], False, "凉菜"),
        (["", "★ 特价", "", ""], False, "特价"),
        (["", "啤酒类", "", ""], False, "啤酒类"),
        (["(3)主食", "", "", ""], False, "主食"),
        (["", "拍黄瓜", "", ""], False, None),  # a lone name, unmarked: a product without its price
        (["注：价格含税", "", "", ""], True, None),  # a note
        (["合计", "", "", ""], True, None),
        (["一、啤酒", "", 8, ""], True, None),  # two cells
        ([12, "", "", ""], True, None),  # a number
        (["这是一行很长很长的说明文字，不是分组标题，写了很多很多字", "", "", ""], True, None),
    ],
)
def test_section_title(row: Row, wide: bool, title: str | None) -> None:
    mapped = frozenset({1, 2, 3})  # name, unit, price; column A (序号) unmapped
    assert section_title(row, wide, mapped, _DISH) == title


def test_a_section_needs_a_fuller_row_below_and_a_column_of_numbers() -> None:
    mapped = frozenset({1, 2, 3})
    assert section_title(["一、啤酒", "", "", ""], True, mapped, None) is None  # the last row
    assert section_title(["一、啤酒", "", "", ""], True, mapped, ["", "拍黄瓜", "", ""]) is None
    assert section_title(["E", "", "", ""], False, mapped, ["F", "Fish", "", ""]) is None  # an ID column of codes
    assert section_title(["老张", "", "", ""], False, mapped, ["A7", "拍黄瓜", "份", 12]) is None


@pytest.mark.parametrize(("text", "title"), [
    ("凉菜", "凉菜"),  # what shops call their groups, alone above priced rows, even unmarked
    ("三 主食", "主食"), ("1.凉菜", "凉菜"), ("（二）热菜", "热菜"),  # numbered
    ("—— 主食 ——", "主食"),  # between rules
])
def test_a_heading_in_the_name_column(text: str, title: str) -> None:
    assert section_title([text, ""], False, frozenset({0, 1}), ["拍黄瓜", 12]) == title


def test_a_lone_name_that_is_no_group_stays_a_product() -> None:
    assert section_title(["拍黄瓜", ""], False, frozenset({0, 1}), ["老醋蛰头", 28]) is None
    assert section_title(["——以上价格含税", ""], False, frozenset({0, 1}), ["老醋蛰头", 28]) is None  # a note

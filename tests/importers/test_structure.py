"""Structure detection on raw rows: header row, two-row headers, totals and note rows."""

from __future__ import annotations

from importers.readers import RawSheet, Row
from importers.structure import classify_row, detect_structure, fill_vertical_merges, is_total_label


def _sheet(rows: list[Row], merged: list[tuple[int, int, int, int]] | None = None) -> RawSheet:
    return RawSheet("S", rows, merged)


def test_header_under_preamble() -> None:
    rows: list[Row] = [["微信支付账单明细"], ["微信昵称：[测试]"], ["起始时间：[2019-08-01]"], [""], ["共2笔记录"],
                       ["交易时间", "交易对方", "金额(元)", "收/支"],
                       ["2019-09-26 12:45:27", "米线店", "¥28.16", "支出"], ["2019-09-24 10:10:11", "好友", "¥0.35", "收入"]]
    st = detect_structure(_sheet(rows))
    assert st.header_rows == [5] and st.data_start == 6
    assert [r for r, _ in st.skipped] == [1, 2, 3, 4, 5]


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

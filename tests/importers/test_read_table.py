"""read_table end to end on real files and on files built here with openpyxl."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from importers import ImportRefused, read_table
from importers.mapping import header_signature


def _xlsx(path: Path, rows: list[list[object]], merges: tuple[str, ...] = (), title: str = "Sheet1") -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = title
    for r in rows:
        ws.append(r)
    for m in merges:
        ws.merge_cells(m)
    wb.save(path)
    return path


def test_jsherp_goods_template(data: Path) -> None:
    t = read_table(data / "goods_template.xls")
    assert (t.sheet, t.header_row, t.kind, len(t.rows)) == ("商品信息", 2, "products", 2)
    assert t.headers[0] == "名称" and "基本条码" in t.headers  # the * markers are gone
    first = t.rows[0]
    assert first.row_number == 3
    assert first.values["name"] == "可乐test"
    assert first.values["price_fen"] == 1200 and first.values["cost_fen"] == 500
    assert first.values["barcode"] == "2001" and first.values["unit"] == "瓶"
    assert first.values["shelf_life_days"] == 180 and first.values["status"] == "active"
    assert [s.reason for s in t.skipped] == ["title"]


def test_wechat_bill(data: Path) -> None:
    t = read_table(data / "example-wechat-records.csv")
    assert (t.kind, t.bill_source, t.header_row, len(t.rows)) == ("ledger", "wechat", 17, 27)
    r = t.rows[0]
    assert r.values["occurred_at"] == dt.datetime(2019, 9, 26, 12, 45, 27)
    assert r.values["amount_fen"] == 2816 and r.values["direction"] == "out"
    assert r.values["counterparty"] == "云膳过桥米线(传奇广场店)" and r.values["order_id"] == "3985734"
    assert t.encoding == "utf-8" and t.delimiter == ","
    assert "微信" in t.kind_reason_zh


def test_alipay_gbk(data: Path) -> None:
    t = read_table(data / "example-alipay-records.csv")
    assert (t.kind, t.bill_source, t.header_row, len(t.rows)) == ("ledger", "alipay", 25, 10)
    assert t.encoding == "gb18030"
    assert t.rows[0].values["amount_fen"] == 4974 and t.rows[0].values["channel"] == "交通银行信用卡(7449)"
    assert all(not r.issues for r in t.rows)


def test_bank_statement_splits_income_and_expense(data: Path) -> None:
    t = read_table(data / "交易明细_xxxx_2025xxxx_2025xxxx.xls")
    assert (t.kind, t.header_row, len(t.rows)) == ("ledger", 6, 6)
    v = t.rows[0].values
    assert v["occurred_at"] == dt.datetime(2025, 1, 1, 18, 53, 19)  # 日期 + 时间 columns combined
    assert v["amount_fen"] == 6700 and v["direction"] == "out"
    assert t.skipped[-1].reason == "description"  # the merged footer note


def test_text_file_named_xls(data: Path) -> None:
    t = read_table(data / "example-hxsec-records.xls")
    assert t.format == "csv" and t.delimiter == "\t" and t.encoding == "gb18030"
    assert t.headers[0] == "交收日期"  # ="..." quoting removed
    assert t.rows[0].values["occurred_at"] == dt.datetime(2023, 2, 12, 0, 0) or t.rows[0].values["occurred_at"] == dt.date(2023, 2, 12)


def test_two_row_header_with_merged_groups(data: Path) -> None:
    t = read_table(data / "MaterialBaseInfo.xlsx")
    assert t.header_rows == [1, 2]
    assert t.headers[:5] == ["SKU", "名称", "采购成本", "带包装/长(cm)", "带包装/宽(cm)"]
    assert t.headers[7] == "净产品/长(cm)"
    t2 = read_table(data / "sameName.xls")
    assert t2.header_rows == [1, 2] and t2.headers[1] == "小组A/学生姓名" and t2.headers[5] == "小组B/学生姓名"
    assert len(t2.rows) == 4


def test_vertical_merges_are_filled_down(tmp_path: Path) -> None:
    p = _xlsx(tmp_path / "m.xlsx", [["分类", "品名", "售价"], ["啤酒", "青岛纯生", 8], ["", "崂山啤酒", 5], ["饮料", "可乐", 3]],
              merges=("A2:A3",))
    t = read_table(p)
    assert [r.values.get("category") for r in t.rows] == ["啤酒", "啤酒", "饮料"]


def test_totals_and_title(data: Path) -> None:
    t = read_table(data / "skip-rows.xlsx")
    assert t.header_row == 2 and len(t.rows) == 1
    assert [(s.row_number, s.reason) for s in t.skipped] == [(1, "title"), (4, "totals")]


def test_built_products_sheet(tmp_path: Path) -> None:
    p = _xlsx(
        tmp_path / "价目表.xlsx",
        [
            ["青岛登州路啤酒街 价目表"],
            ["说明：带*的列必填"],
            ["商品名称*", "条形码", "零售价（元）", "会员价", "进价", "单位", "库存", "分类", "保质期"],
            ["青岛啤酒 500ml", 6901234567892.0, "¥6.50", 6, "4.2元", "瓶", 120, "啤酒", "365天"],
            ["鲜扎啤", "6.93217E+12", "12元/斤", "", "", "", "5.5", "扎啤", ""],
            ["", "", "", "", "", "", "", "", ""],
            ["合计", "", 18.5, "", "", "", 125.5, "", ""],
        ],
        merges=("A1:I1", "A2:I2"),
        title="啤酒",
    )
    t = read_table(p)
    assert (t.sheet, t.header_row, t.kind, len(t.rows)) == ("啤酒", 3, "products", 2)
    assert t.headers[:3] == ["商品名称", "条形码", "零售价(元)"]
    a, b = t.rows
    assert a.values == {
        "name": "青岛啤酒 500ml", "barcode": "6901234567892", "price_fen": 650, "member_price_fen": 600,
        "cost_fen": 420, "unit": "瓶", "stock": Decimal("120.000"), "category": "啤酒", "shelf_life_days": 365,
    }
    assert b.values["price_fen"] == 1200 and b.values["unit"] == "斤"
    assert [i.code for i in b.issues] == ["barcode_destroyed"]
    issue = b.issues[0]
    assert (issue.row, issue.column, issue.header, issue.field) == (5, "B", "条形码", "barcode")
    assert [(s.row_number, s.reason) for s in t.skipped] == [(1, "title"), (2, "title"), (6, "blank"), (7, "totals")]
    assert t.mapping[2] == ("price_fen", 1.0)


def test_totals_above_data_and_description_row(tmp_path: Path) -> None:
    p = _xlsx(tmp_path / "x.xlsx", [
        ["品名", "售价", "规格"],
        ["（必填）请填写商品名称", "请输入数字", "示例：500ml"],
        ["总计", 30, ""],
        ["可乐", 3, "330ml"],
        ["雪碧", 3, "330ml"],
        ["注：价格含税"],
    ])
    t = read_table(p)
    assert [r.values["name"] for r in t.rows] == ["可乐", "雪碧"]
    assert [(s.row_number, s.reason) for s in t.skipped] == [(2, "description"), (3, "totals"), (6, "description")]


def test_menu_kind_and_traditional_headers(tmp_path: Path) -> None:
    p = _xlsx(tmp_path / "菜單.xlsx", [
        ["菜名", "規格", "價格", "辣度", "口味", "過敏原"],
        ["辣炒蛤蜊", "大份", 38, "中辣", "香辣、蒜蓉", "贝类"],
        ["辣炒蛤蜊", "小份", 22, "中辣", "香辣", "贝类"],
    ])
    t = read_table(p)
    assert t.kind == "menu"
    fields = {f for f, _c in t.mapping.values()}
    assert {"name", "spec", "price_fen", "spicy_level", "flavors", "allergens"} <= fields
    assert t.rows[0].values["flavors"] == ("香辣", "蒜蓉") and t.rows[0].values["spicy_level"] == 2


def test_a_menu_with_a_barcode_column_is_a_menu(tmp_path: Path) -> None:
    """菜名 says dishes: a barcode column (the bottled beer sold to take home) does not make it a product list."""
    p = _xlsx(tmp_path / "价目.xlsx", [["菜名", "价格", "条码", "分类"], ["辣炒蛤蜊", 38, None, "海鲜"],
                                       ["青岛啤酒", 8, "6901035600156", "酒水"]])
    assert read_table(p).kind == "menu"
    goods = _xlsx(tmp_path / "商品.xlsx", [["商品名称", "售价", "条码", "分类"], ["青岛啤酒", 8, "6901035600156", "啤酒"]])
    assert read_table(goods).kind == "products"


@pytest.mark.parametrize("header", [["销售时间", "商品名称", "数量", "单价", "小计", "支付方式"],
                                    ["日期", "商品", "数量", "单价", "小计"]])
def test_a_sales_ledger_with_unit_prices_and_subtotals_is_a_ledger(tmp_path: Path, header: list[str]) -> None:
    """A till's 流水 (time, item, quantity, unit price, 小计) was read as a product list: each sale's
    quantity became the product's stock and its unit price the product's price."""
    rows = [["2024-03-01 12:00", "青岛啤酒", 2, 8, 16, "微信"], ["2024-03-01 12:05", "辣炒蛤蜊", 1, 38, 38, "现金"]]
    t = read_table(_xlsx(tmp_path / "流水.xlsx", [header, *[r[: len(header)] for r in rows]]))
    assert t.kind == "ledger"
    assert [(r.values["item"], r.values["amount_fen"]) for r in t.rows] == [("青岛啤酒", 1600), ("辣炒蛤蜊", 3800)]


def test_kind_and_mapping_override(tmp_path: Path) -> None:
    p = _xlsx(tmp_path / "x.xlsx", [["名称", "价钱啊", "备注"], ["可乐", 3, "冰"]])
    t = read_table(p, kind="menu", mapping_override={"价钱啊": "price_fen", "C": None})
    assert t.kind == "menu" and t.mapping == {0: ("name", 1.0), 1: ("price_fen", 1.0)}
    assert t.rows[0].values == {"name": "可乐", "price_fen": 300}
    with pytest.raises(ImportRefused) as err:
        read_table(p, mapping_override={"nope": "name"})
    assert err.value.code == "bad_mapping"


def test_header_signature_is_stable() -> None:
    assert header_signature(["商品名称*", "零售价（元）"]) == header_signature(["商品名称", "零售价(元)"])
    assert header_signature(["商品名称", "售价"]) != header_signature(["商品名称", "进价"])


def test_sheet_choice_and_override(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "说明"
    hidden = wb.create_sheet("隐藏")
    hidden.append(["品名", "售价"])
    hidden.append(["x", 1])
    hidden.sheet_state = "hidden"
    wb.create_sheet("空表")
    data = wb.create_sheet("商品")
    data.append(["品名", "售价"])
    data.append(["可乐", 3])
    wb.save(tmp_path / "w.xlsx")
    t = read_table(tmp_path / "w.xlsx")
    assert t.sheet == "商品" and t.sheet_names == ["说明", "隐藏", "空表", "商品"]
    assert read_table(tmp_path / "w.xlsx", sheet="隐藏").rows[0].values["name"] == "x"
    with pytest.raises(ImportRefused) as err:
        read_table(tmp_path / "w.xlsx", sheet="不存在")
    assert err.value.code == "sheet_not_found" and "商品" in err.value.message_zh


def test_headerless_sheet(tmp_path: Path) -> None:
    p = _xlsx(tmp_path / "x.xlsx", [["可乐", "6901234567892", 3.5], ["雪碧", "6901234567892", 3.5]])
    t = read_table(p)
    assert t.header_row is None and t.headers == ["列A", "列B", "列C"]
    assert len(t.rows) == 2 and t.warnings and "表头" in t.warnings[0][0]
    assert t.mapping[0][0] == "name" and t.mapping[1][0] == "barcode"


def test_wide_dimension_claim_is_trimmed(data: Path) -> None:
    t = read_table(data / "compatibility_t03.xlsx")  # declares A1:XFD2
    assert len(t.headers) == 12 and len(t.rows) == 1
    t2 = read_table(data / "bad_dimensions.xlsx")  # declares A1:AMJ4
    assert t2.headers == ["PN", "Qty", "Price"] and len(t2.rows) == 3


def test_csv_encodings_and_delimiters(tmp_path: Path) -> None:
    text = "品名;售价;规格\n可乐;3.5;330ml\n雪碧;3;330ml\n"
    for enc, bom in (("utf-8", b""), ("utf-8-sig", b""), ("gb18030", b""), ("utf-16-le", b"\xff\xfe"), ("big5", b"")):
        p = tmp_path / f"{enc}.csv"
        body = "品名|售價|規格\n可樂|3.5|330ml\n雪碧|3|330ml\n" if enc == "big5" else text
        p.write_bytes(bom + body.encode(enc))
        t = read_table(p)
        assert [r.values["price_fen"] for r in t.rows] == [350, 300], enc
        assert t.rows[0].values["name"] in ("可乐", "可樂")
        assert t.delimiter == ("|" if enc == "big5" else ";")
    tsv = tmp_path / "t.txt"
    tsv.write_text("品名\t售价\n可乐\t3\n", encoding="utf-8")
    assert read_table(tsv).delimiter == "\t"


def test_other_formats(data: Path) -> None:
    html = read_table(data / "crlf_crlf.htm")
    assert html.format == "html" and html.headers == ["Normal", "abc def"] and html.rows[0].raw[1] == "abc\n\ndef"
    xml = read_table(data / "sushi.xml")
    assert xml.format == "xml2003" and xml.headers == ["🍣"]
    biff = read_table(data / "crlf_CRLFX5_2.XLS")
    assert biff.format == "biff" and biff.headers[0] == "Normal"


def test_1904_dates(data: Path) -> None:
    t = read_table(data / "date_1904.xls")
    assert t.rows[0].raw[0] == dt.date(2021, 1, 1)


def test_reuse_maps_an_earlier_table_again_without_reading_the_file(tmp_path: Path) -> None:
    path = _xlsx(tmp_path / "价目表.xlsx", [
        ["商品名称", "类别", "售价", "备注"],
        ["青岛啤酒", "啤酒", 6, "冰镇"],
        ["崂山可乐", "饮料", 3.5, None],
    ], merges=())
    first = read_table(path)
    fresh = read_table(path, mapping_override={"备注": "description", "类别": None})
    path.unlink()  # from here on the file is gone: only the earlier table can answer
    again = read_table(path, mapping_override={"备注": "description", "类别": None}, reuse=first)
    assert again.mapping == fresh.mapping and "category" not in {f for f, _ in again.mapping.values()}
    assert [r.values for r in again.rows] == [r.values for r in fresh.rows]
    assert again.rows[0].values["description"] == "冰镇"
    assert read_table(path, kind="menu", reuse=first).kind == "menu"
    with pytest.raises(ImportRefused):
        read_table(path, sheet="另一张", reuse=first)  # another sheet needs the file


def test_side_by_side_blocks_are_found_by_their_repeated_header() -> None:
    from importers.layouts import side_by_side
    from importers.mapping import match_columns

    def blocks(headers: list[str]) -> list[int]:
        return side_by_side(headers, match_columns(headers, "menu"))

    assert blocks(["菜名", "价格", "菜名", "价格"]) == [0, 2]
    assert blocks(["序号", "菜名", "价格", "序号", "菜名", "价格"]) == [0, 3]
    assert blocks(["菜名", "价格", "", "菜名", "价格", "", "菜名", "价格"]) == [0, 3, 6]  # blank columns between
    assert blocks(["菜名", "价格", "备注"]) == [0]
    assert blocks(["菜名", "价格", "菜名"]) == [0]  # the price does not repeat
    assert blocks(["条码", "价格", "条码", "价格"]) == [0]  # no name: not a list of items


def test_a_menu_typed_in_two_columns_gives_every_dish(tmp_path: Path) -> None:
    path = tmp_path / "菜单.csv"
    path.write_text("菜名,价格,菜名,价格\n拍黄瓜,12,辣炒蛤蜊,38\n老醋花生,15,清蒸大虾,abc\n皮蛋豆腐,10,,\n", encoding="utf-8")
    table = read_table(path)
    assert table.blocks == [0, 2] and "2 blocks side by side" in table.warnings[-1][1]
    assert [(r.row_number, r.item, r.values.get("name")) for r in table.rows] == [
        (2, 0, "拍黄瓜"), (2, 1, "辣炒蛤蜊"), (3, 0, "老醋花生"), (3, 1, "清蒸大虾"), (4, 0, "皮蛋豆腐")]
    assert [(i.row, i.column, i.header) for i in table.rows[3].issues] == [(3, "D", "价格 (2)")]  # the cell of its own block
    assert [table.block_column(c) for c in range(4)] == [0, 1, 0, 1]


_SS_GBK = ('<?xml version="1.0" encoding="{enc}"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" '
           'xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet ss:Name="商品"><Table>'
           '<Row><Cell><Data ss:Type="String">品名</Data></Cell><Cell><Data ss:Type="String">售价</Data></Cell></Row>'
           '<Row><Cell><Data ss:Type="String">{name}</Data></Cell><Cell><Data ss:Type="Number">3.5</Data></Cell></Row>'
           "</Table></Worksheet></Workbook>")


@pytest.mark.parametrize(("enc", "codec", "name"), [
    ("GB2312", "gbk", "崂山可樂"),  # declared GB2312, written as GBK (樂 is no GB2312 character): what such tools do
    ("GBK", "gbk", "崂山可乐"),
    ("big5", "big5", "嶗山可樂"),
])
def test_spreadsheetml_in_a_chinese_legacy_encoding(tmp_path: Path, enc: str, codec: str, name: str) -> None:
    # expat reads no multi-byte legacy encoding: these were refused as "unsafe XML entity definitions".
    path = tmp_path / "导出.xls"
    path.write_bytes(_SS_GBK.format(enc=enc, name=name).encode(codec))
    table = read_table(path)
    assert table.format == "xml2003" and table.sheet == "商品"
    assert [(r.values["name"], r.values["price_fen"]) for r in table.rows] == [(name, 350)]


def test_spreadsheetml_in_gbk_with_entities_is_still_refused(tmp_path: Path) -> None:
    doc = _SS_GBK.format(enc="GBK", name="&x;").replace("?><Workbook", '?><!DOCTYPE w [<!ENTITY x "可乐">]><Workbook')
    path = tmp_path / "实体.xls"
    path.write_bytes(doc.encode("gbk"))
    with pytest.raises(ImportRefused) as refused:
        read_table(path)
    assert refused.value.code == "unsafe"


def test_a_csv_longer_than_a_worksheet_says_so(tmp_path: Path, one_sentence: Callable[[str, str], bool]) -> None:
    path = tmp_path / "流水.csv"
    path.write_bytes("品名\n".encode() + b"a\n" * 1_048_577)
    with pytest.raises(ImportRefused) as refused:
        read_table(path)
    # it was "damaged or incomplete: save it as .xlsx", which no spreadsheet program can do with it
    assert refused.value.code == "too_large" and "1048576" in refused.value.message_zh
    assert one_sentence(refused.value.message_zh, refused.value.message_en)


def test_a_templates_example_row_is_no_product(tmp_path: Path) -> None:
    p = _xlsx(tmp_path / "模板.xlsx", [
        ["商品导入模板"],
        ["*商品名称", "*售价", "条形码"],
        ["示例：可口可乐", "3.5", "6901234567892"],  # the template's sample, same barcode as the real row
        ["可乐", 3.5, "6901234567892"],
        ["雪碧", 3, "6901035603911"],
    ])
    t = read_table(p)
    assert t.header_row == 2 and [r.values["name"] for r in t.rows] == ["可乐", "雪碧"]
    assert [(s.row_number, s.reason) for s in t.skipped] == [(1, "title"), (3, "description")]
    for sample in (["示例", "可口可乐", 3.5], ["（示例）可口可乐", 3.5, ""], ["例：可口可乐", 3.5, ""]):
        p = _xlsx(tmp_path / "样例.xlsx", [["品名", "售价", "单位"], sample, ["可乐", 3, "瓶"]])
        assert [r.values["name"] for r in read_table(p).rows] == ["可乐"], sample
    p = _xlsx(tmp_path / "菜单.xlsx", [["菜名", "价格"], ["例汤", 8], ["米饭", 2]])  # 例汤 is a dish
    assert [r.values["name"] for r in read_table(p).rows] == ["例汤", "米饭"]


def test_a_stock_in_another_unit_is_converted_when_it_is_a_weight_and_noted(tmp_path: Path) -> None:
    p = tmp_path / "库存.csv"
    p.write_text("商品名称,单位,库存\n青岛啤酒,瓶,12箱\n崂山可乐,罐,24罐\n花生,斤,5.5千克\n虾仁,kg,300克\n木耳,斤,8\n", encoding="utf-8")
    t = read_table(p, kind="products")
    assert [r.values["stock"] for r in t.rows] == [Decimal("12"), Decimal("24"), Decimal("11"), Decimal("0.3"), Decimal("8")]
    notes = [(r.row_number, [(i.code, i.severity) for i in r.issues]) for r in t.rows if r.issues]
    assert notes == [(2, [("stock_unit", "warning")]), (4, [("stock_unit", "warning")]), (5, [("stock_unit", "warning")])]
    assert "12 瓶" in t.rows[0].issues[0].message_zh and "换算" in t.rows[0].issues[0].fix_zh
    assert t.rows[2].issues[0].message_en == 'The stock "5.5千克" was converted to 11 斤'


def test_a_bill_export_whose_notes_run_past_60_lines(tmp_path: Path) -> None:
    # It was refused: "it has no header row and no price, barcode or SKU column".
    notes = "".join(f"说明第{i}行：本账单仅供参考\n" for i in range(45))
    head = "微信支付账单明细\n微信昵称：[小王]\n共2笔记录\n\n" + "注：\n" * 12 + notes
    path = tmp_path / "微信支付账单.csv"
    path.write_text(head + "交易时间,交易对方,商品,收/支,金额(元),当前状态\n"
                    "2024-03-01 12:00:00,青岛啤酒屋,扎啤,收入,¥11.00,已收钱\n"
                    "2024-03-02 12:00:00,青岛啤酒屋,扎啤,收入,¥12.00,已收钱\n", encoding="utf-8")
    table = read_table(path)
    assert table.kind == "ledger" and table.header_row == 62 and len(table.rows) == 2

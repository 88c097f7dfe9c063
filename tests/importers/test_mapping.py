"""Header normalisation, synonyms (Chinese, English, Traditional), fuzzy matches and overrides."""

from __future__ import annotations

import pytest

from importers.mapping import (
    ColumnMatch,
    apply_override,
    clean_header,
    header_hint,
    match_columns,
    normalize_header,
)


@pytest.mark.parametrize(
    ("raw", "clean", "key"),
    [
        ("名称*", "名称", "名称"),
        ("*设备设施名称", "设备设施名称", "设备设施名称"),
        ("商品名称（必填）", "商品名称", "商品名称"),
        ("备案用商品名\n称", "备案用商品名 称", "备案用商品名称"),
        ("金额(元)", "金额(元)", "金额"),
        ("收/支", "收/支", "收支"),
        ("零售價", "零售價", "零售价"),
        ("记账日          ", "记账日", "记账日"),
        ("Barcode", "Barcode", "barcode"),
    ],
)
def test_normalize(raw: str, clean: str, key: str) -> None:
    assert clean_header(raw) == clean
    assert normalize_header(raw) == key


def test_hint() -> None:
    assert header_hint("金额(元)") == "元" and header_hint("商品长(单位: mm)") == "单位: mm"


def _fields(headers: list[str], kind: str = "products") -> dict[str, str]:
    return {headers[c]: m.field for c, m in match_columns(headers, kind).items()}  # type: ignore[arg-type]


def test_product_synonyms() -> None:
    got = _fields(["品名", "条形码", "货号", "规格", "单位", "类别", "零售价", "成本价", "会员价", "库存", "保质期(天)", "状态"])
    assert got == {
        "品名": "name", "条形码": "barcode", "货号": "sku", "规格": "spec", "单位": "unit", "类别": "category",
        "零售价": "price_fen", "成本价": "cost_fen", "会员价": "member_price_fen", "库存": "stock",
        "保质期(天)": "shelf_life_days", "状态": "status",
    }


def test_english_and_traditional() -> None:
    assert _fields(["Product Name", "Price", "Barcode", "SKU", "Unit"]) == {
        "Product Name": "name", "Price": "price_fen", "Barcode": "barcode", "SKU": "sku", "Unit": "unit"}
    assert _fields(["品名", "售價", "條碼", "庫存"]) == {"品名": "name", "售價": "price_fen", "條碼": "barcode", "庫存": "stock"}


def test_fuzzy_has_lower_confidence() -> None:
    m = match_columns(["商品名字", "零售单价格"], "products")
    assert m[0].field == "name" and 0.6 <= m[0].confidence < 1.0
    assert m[1].field == "price_fen" and m[1].confidence < 1.0


def test_negative_words_block_false_matches() -> None:
    got = _fields(["商品编码", "商品描述", "商品长(单位: mm)", "商品重量(单位: 克)", "成本价(单位: 元)", "一销价(单位: 元)"])
    assert got.get("商品长(单位: mm)") is None and got.get("商品重量(单位: 克)") is None
    assert got["商品描述"] == "name"  # the description column is the only name-like one


def test_ledger_synonyms() -> None:
    got = _fields(["交易时间", "交易类型", "交易对方", "商品", "收/支", "金额(元)", "支付方式", "交易单号", "商户单号", "备注"],
                  "ledger")
    assert got == {"交易时间": "occurred_at", "交易类型": "tx_type", "交易对方": "counterparty", "商品": "item",
                   "收/支": "direction", "金额(元)": "amount_fen", "支付方式": "channel", "交易单号": "order_id",
                   "备注": "note"}


def test_each_field_once() -> None:
    m = match_columns(["售价", "零售价", "价格"], "products")
    assert [x.field for x in m.values()] == ["price_fen"]


def test_override() -> None:
    headers = ["名称", "价钱", "备注"]
    base = match_columns(headers, "products")
    out = apply_override(base, {1: "price_fen", "备注": None, "A": "sku"}, headers, ["name", "price_fen", "sku"])
    assert out == {0: ColumnMatch("sku", 1.0, "override"), 1: ColumnMatch("price_fen", 1.0, "override")}
    with pytest.raises(KeyError):
        apply_override(base, {"名称": "not_a_field"}, headers, ["name"])


def test_part_numbers_are_skus() -> None:
    """The electronics market's sheets: 料号 and PN / P/N / Part No. identify the part."""
    assert _fields(["PN", "Qty", "Price"]) == {"PN": "sku", "Qty": "stock", "Price": "price_fen"}
    assert _fields(["P/N", "名称", "价格"])["P/N"] == "sku"
    assert _fields(["料号", "品名", "单价"]) == {"料号": "sku", "品名": "name", "单价": "price_fen"}
    assert _fields(["Part No.", "Description"])["Part No."] == "sku"


def test_a_long_header_ending_in_name_is_the_name_when_nothing_else_is() -> None:
    m = match_columns(["设备设施名称", "入库数量", "品牌"], "products")
    assert (m[0].field, m[0].via) == ("name", "rule") and m[0].confidence < 1.0
    assert _fields(["商品名称", "设备设施名称"]) == {"商品名称": "name"}  # a real name column wins
    # ...名称 of something else is never the product's name
    for header in ("客户名称", "供应商名称", "仓库名称", "门店名称", "品牌名称", "联系人名称"):
        assert "name" not in _fields([header, "金额"]).values(), header
    assert _fields(["分类名称", "单位名称"]) == {"分类名称": "category", "单位名称": "unit"}


def test_woocommerce_export_headers() -> None:
    """A WooCommerce product export: its tax columns are not status or category, its regular price
    is the price (the sale price is the discounted one), its categories are the category."""
    headers = ["ID", "Type", "SKU", "Name", "Published", "Description", "Tax status", "Tax class", "In stock?", "Stock",
               "Sale price", "Regular price", "Categories", "Tags", "Shipping class"]
    got = _fields(headers)
    assert {h: got.get(h) for h in ("SKU", "Name", "Tax status", "Tax class", "Stock", "Sale price", "Regular price",
                                    "Categories", "Shipping class")} == {
        "SKU": "sku", "Name": "name", "Tax status": None, "Tax class": None, "Stock": "stock", "Sale price": None,
        "Regular price": "price_fen", "Categories": "category", "Shipping class": None}
    assert _fields(["Name", "Sale price"])["Sale price"] == "price_fen"  # alone, it is the price


def test_status_is_not_an_order_payment_or_review_status() -> None:
    assert _fields(["品名", "销售状态"])["销售状态"] == "status"
    for header in ("支付状态", "订单状态", "审核状态", "库存状态", "发货状态"):
        assert "status" not in _fields(["品名", header]).values(), header


@pytest.mark.parametrize(
    ("source", "headers", "expected"),
    [
        ("银豹 POS", "名称,分类,条码,规格,主单位,库存量,进货价,销售价,批发价,会员价,商品状态,保质期,商品描述",
         {"名称": "name", "分类": "category", "条码": "barcode", "规格": "spec", "主单位": "unit", "库存量": "stock",
          "进货价": "cost_fen", "销售价": "price_fen", "会员价": "member_price_fen", "商品状态": "status",
          "保质期": "shelf_life_days", "商品描述": "description"}),
        ("美团外卖", "商品名称,分类名称,规格名称,价格,库存,餐盒价格,餐盒数量,单位,上架状态,SKU码/货号,UPC码/条形码",
         {"商品名称": "name", "分类名称": "category", "规格名称": "spec", "价格": "price_fen", "库存": "stock",
          "单位": "unit", "上架状态": "status", "SKU码/货号": "sku", "UPC码/条形码": "barcode"}),
        ("有赞", "商品名称,商品编码,规格,价格,库存,商品条码,商品分组,商品类型,划线价,成本价",
         {"商品名称": "name", "商品编码": "sku", "规格": "spec", "价格": "price_fen", "库存": "stock",
          "商品条码": "barcode", "商品分组": "category", "成本价": "cost_fen"}),
        ("Shopify", "Handle,Title,Body (HTML),Vendor,Type,Option1 Name,Option1 Value,Variant SKU,Variant Inventory Qty,"
         "Variant Price,Variant Compare At Price,Variant Barcode",
         {"Title": "name", "Body (HTML)": "description", "Option1 Value": "spec", "Variant SKU": "sku",
          "Variant Inventory Qty": "stock", "Variant Price": "price_fen", "Variant Barcode": "barcode"}),
        ("报关单", "货物名称(中文)、描述,规格、型号,数量,单价",
         {"货物名称(中文)、描述": "name", "规格、型号": "spec", "数量": "stock", "单价": "price_fen"}),
    ],
)
def test_pos_and_platform_exports(source: str, headers: str, expected: dict[str, str]) -> None:
    """Product exports of the POS systems and platforms the shops use."""
    assert _fields(headers.split(",")) == expected, source


def test_a_wholesale_price_is_no_member_price() -> None:
    """Printed on a menu as 会员价, a wholesale price would mislead the customers; beside a 零售价 the user
    maps it if they want; a wholesaler's only price is its price."""
    assert _fields(["品名", "批发价", "零售价"]) == {"品名": "name", "零售价": "price_fen"}
    assert _fields(["品名", "批发价", "会员价"]) == {"品名": "name", "批发价": "price_fen", "会员价": "member_price_fen"}
    assert _fields(["品名", "规格", "批发价"]) == {"品名": "name", "规格": "spec", "批发价": "price_fen"}


def test_a_packaging_fee_is_not_the_price() -> None:
    assert "price_fen" not in _fields(["商品名称", "餐盒价格"]).values()


@pytest.mark.parametrize("headers", [["商品名称", "单价", "售价"], ["商品名称", "售价", "单价"], ["商品名称", "单价(元)", "零售价(元)"]])
def test_beside_a_sale_price_a_unit_price_is_left_to_the_user(headers: list[str]) -> None:
    # 单价 beside 售价 is often what the shop paid: the sale price is the 售价, whichever comes first
    sale_price = next(h for h in headers if "售" in h)
    assert _fields(headers) == {"商品名称": "name", sale_price: "price_fen"}
    assert _fields(["商品名称", "单价"])["单价"] == "price_fen"  # alone, it is the price


@pytest.mark.parametrize(("header", "field"), [("商品圖片", "image"), ("淨含量", "spec"), ("採購價", "cost_fen"),
                                               ("劃線價", "price_fen"), ("商品分組", "category")])
def test_traditional_headers_map_like_simplified(header: str, field: str) -> None:
    assert _fields(["商品名稱", header]) == {"商品名稱": "name", header: field}


def test_a_traditional_bank_statement_splits_income_and_expense() -> None:
    assert _fields(["交易日期", "摘要", "借方發生額", "貸方發生額"], "ledger") == {
        "交易日期": "occurred_at", "摘要": "note", "借方發生額": "amount_out_fen", "貸方發生額": "amount_in_fen"}
    assert _fields(["交易時間", "實收金額"], "ledger") == {"交易時間": "occurred_at", "實收金額": "amount_fen"}

"""Column mapping: header normalisation, Chinese/English synonyms, fuzzy matching, signatures."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Final

from rapidfuzz import fuzz, process

from importers.fields import AMOUNT_IN, AMOUNT_OUT, KINDS, OCCURRED_TIME, SPEC_PRICE, Kind, fields_for

# A small Traditional -> Simplified table for the characters that occur in header words.
_T2S: Final = str.maketrans(
    "價碼條單規類別庫數額時間號貨編稱進會員備註說質過種幣標記總計購賣買銷錢賬帳戶態狀對據項產國際務個"
    "價體積寬長進貨訂發資料選填張雙對條盤點門類經營稅額種類規號廠廣東聯繫電話舊新顏色現場廳鍋湯麵飯雞鴨魚蝦"
    "蔥薑蒜醬漿壺瓶罐盒層檔劃圖實應採淨組結縮詳貸鏈題餘轉寶銀線",
    "价码条单规类别库数额时间号货编称进会员备注说质过种币标记总计购卖买销钱账账户态状对据项产国际务个"
    "价体积宽长进货订发资料选填张双对条盘点门类经营税额种类规号厂广东联系电话旧新颜色现场厅锅汤面饭鸡鸭鱼虾"
    "葱姜蒜酱浆壶瓶罐盒层档划图实应采净组结缩详贷链题余转宝银线",
)

_MARKERS: Final = re.compile(r"[(\[【]?(?:必填|必选|选填|可选|非必填|required|optional)(?:项)?[)\]】]?|[*★☆※#＊]", re.I)
_PAREN: Final = re.compile(r"\([^()]*\)|\[[^\[\]]*\]|【[^【】]*】|<[^<>]*>")
_DROP: Final = re.compile(r"[\s/_\-:：.·、|\\'\"`]+")


def clean_header(value: object) -> str:
    """Header as shown to the user: one line, required-markers removed, spaces collapsed."""
    s = value if isinstance(value, str) else _num_text(value)
    s = unicodedata.normalize("NFKC", s)
    s = _MARKERS.sub("", s)
    s = re.sub(r"\s+", " ", s).strip(" :：")
    return s


def _num_text(value: object) -> str:
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e16:
        return str(int(value))
    return "" if value is None else str(value)


def normalize_header(value: object) -> str:
    """Matching key of a header: NFKC, markers and parentheses dropped, simplified, lower case."""
    s = clean_header(value)
    bare = _PAREN.sub("", s)
    if _DROP.sub("", bare):
        s = bare
    s = _DROP.sub("", s)
    return s.translate(_T2S).lower()


def header_hint(value: object) -> str:
    """The parenthesised part of a header ("金额(元)" -> "元"), lower case; "" if none."""
    s = clean_header(value)
    parts = re.findall(r"\(([^()]*)\)|【([^【】]*)】|\[([^\[\]]*)\]", s)
    return " ".join("".join(p) for p in parts).lower()


def header_signature(headers: Sequence[object]) -> str:
    """A stable hash of the normalised header tuple, to remember a confirmed mapping."""
    key = "\x1f".join(normalize_header(h) for h in headers)
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


# field -> (synonym, weight). Synonyms are written already normalised (simplified, lower case,
# no spaces or slashes). Weight < 1 ranks a synonym below a better one for the same field.
_S = tuple[tuple[str, float], ...]


def _w(words: str, weight: float = 1.0) -> _S:
    return tuple((w, weight) for w in words.split())


SYNONYMS: Final[dict[str, dict[str, _S]]] = {
    "products": {
        "name": _w("品名 商品名称 名称 商品名 产品名称 产品名 货品名称 货品名 品名称 商品 菜名 菜品 菜品名称 菜品名 "
                   "name productname itemname goodsname product item 物料名称 货物名称 货物名称中文描述 品项 项目名称 商品全称")
        + _w("商品标题 标题 title 酒水 酒水名称 饮品 饮品名称 酒品 酒名 菜式", 0.9),
        "spec": _w("规格 规格型号 型号 容量 净含量 spec specs specification size 尺码 商品规格 产品规格")
        + _w("option1value", 0.8),
        "sku": _w("货号 商品编码 商品编号 编码 编号 产品编码 产品编号 sku 本地sku 商品代码 物料编码 款号 itemno itemcode "
                  "productcode goodscode code 自编码 商品货号 助记码 料号 物料号 物料代码 配件编码 pn partno partnumber mpn "
                  "variantsku")
        + _w("id 序号", 0.5),
        "barcode": _w("条码 条形码 国际码 商品条码 基本条码 barcode ean upc gtin 69码 条码号 商品条形码 ean13 国际条码 "
                      "upc码 variantbarcode"),
        "price_fen": _w("售价 零售价 价格 销售价 标价 现价 price retailprice unitprice regularprice 商品价格 零售单价 "
                        "销售单价 卖价 一销价 菜价 售价元 定价 价钱 价位 variantprice")
        + _w("单价", 0.95)  # often the cost beside a 售价 (as in a purchase list): the 售价 is the sale price
        + _w("saleprice", 0.9)  # WooCommerce's "Sale price" is the discounted one, next to "Regular price"
        + _w("原价 市场价 最低售价 划线价 variantcompareatprice", 0.8)
        + _w("批发价", 0.6),  # a wholesaler's only price; beside a 零售价 it is left for the user to map
        # not 批发价: a wholesale price printed on a menu as the member price misleads the customers
        "member_price_fen": _w("会员价 会员价格 memberprice vip价 vip价格 会员售价"),
        "cost_fen": _w("进价 成本价 成本 采购价 进货价 cost costprice purchaseprice 商品成本 采购成本 采购单价 进货单价"),
        "unit": _w("单位 计量单位 基本单位 unit uom 商品单位 销售单位 单位名称"),
        "category": _w("分类 类别 商品分类 品类 类目 category categories 商品类别 菜品分类 菜品类别 分类名称 大类 class "
                       "productcategory productcategories 商品分组 分组 菜品分组")
        + _w("商品类型 类型", 0.8),  # Youzan's 商品类型 is physical/virtual, its 商品分组 the category
        "stock": _w("库存 库存数量 现有库存 存量 stock inventory 盘点数量 入库数量 库存量 当前库存 期初库存 数量 qty quantity "
                   "variantinventoryqty"),
        "shelf_life_days": _w("保质期 保质期天 shelflife 保质天数 保质期限 有效期"),
        "status": _w("状态 上架状态 是否上架 status 销售状态 商品状态"),
        "description": _w("描述 说明 备注 商品描述 简介 description remark remarks notes note 商品说明 产品描述 详情")
        + _w("body", 0.8),  # Shopify's "Body (HTML)"
        "image": _w("图片 商品图片 产品图片 主图 商品主图 照片 商品照片 实物图 商品图 产品图 菜品图片 菜品图 菜品照片 缩略图 "
                    "image images photo photos picture pictures pic imagesrc 图片链接 商品图片链接"),
    },
    "menu": {
        "spicy_level": _w("辣度 辣度等级 辣 spicy spicylevel 辣味"),
        "flavors": _w("口味 口味选项 做法 flavor flavors taste 口味做法 可选口味"),
        "allergens": _w("过敏原 过敏 allergens allergen 过敏信息 致敏原"),
    },
    "ledger": {
        "occurred_at": _w("日期 时间 交易时间 交易日期 交易创建时间 付款时间 下单时间 记账日期 记账日 销售日期 订单时间 "
                          "创建时间 date time datetime 日期时间 支付时间 订单支付时间 交易发生时间 成交时间 营业日期 账单日期 "
                          "销售时间 收银时间 结账时间")
        + _w("交易成功时间 发生时间 入账时间 交收日期 结算日期 实结日期", 0.8),
        OCCURRED_TIME: _w("时刻 交易时刻"),
        "item": _w("商品 商品名称 品名 商品说明 菜品 菜名 名称 商品名 订单标题 交易说明 item product 货品 项目 菜品名称 "
                   "商品信息 goods 品项"),
        "spec": _w("规格 spec 规格型号"),
        "qty": _w("数量 销量 件数 份数 qty quantity 销售数量 成交数量 数量件"),
        AMOUNT_IN: _w("收入 收入金额 贷方发生额 贷方金额 贷方 收款 入账金额 存入 收入元"),
        AMOUNT_OUT: _w("支出 支出金额 借方发生额 借方金额 借方 付款金额 支取 支出元"),
        "amount_fen": _w("金额 实收 实付金额 交易金额 销售额 销售金额 amount 总价 支付金额 实收金额 实付 营业额 "
                         "收款金额 金额元 合计金额 总金额 成交金额 发生额 小计 小计金额")
        + _w("订单金额 应收 应收金额 total", 0.85),
        "channel": _w("支付方式 渠道 收付款方式 付款方式 支付渠道 收款方式 channel paymentmethod 交易渠道 支付类型 收款渠道 "
                      "结算方式 付款渠道 收款账户"),
        "direction": _w("收支 收支类型 收支方向 收入支出 借贷方向 incomeexpense direction"),
        "counterparty": _w("交易对方 商户名称 对方户名 对方 客户 对方名称 counterparty 交易对象 客户名称 对方账户名 付款人 "
                           "收款方 商户"),
        "order_id": _w("交易单号 交易订单号 订单号 单号 流水号 交易号 orderid orderno 订单编号 交易流水号 小票号 单据号 "
                       "交易编号") + _w("商户单号 商家订单号 商家单号", 0.7),
        "note": _w("备注 说明 摘要 note remark memo remarks 附言"),
        "tx_type": _w("交易类型 交易分类 业务类型 类型 业务名称 交易种类"),
    },
}

# Words that rule a field out when the match is only fuzzy or partial (exact matches ignore them).
_NEGATIVE: Final[dict[str, tuple[str, ...]]] = {
    "name": ("长", "宽", "高", "重", "体积", "颜色", "形状", "品牌", "产地", "供应商", "日期", "时间", "编码", "编号",
             "代码", "码", "价", "数量", "单位", "类", "规格", "id", "人", "率", "费", "额", "库存", "客户", "会员",
             "仓库", "门店", "公司", "商户"),
    "item": ("时间", "日期", "编码", "编号", "单号", "码", "价", "额", "数量", "类", "长", "宽", "高", "重", "颜色", "形状",
             "品牌", "产地", "供应商", "单位", "规格"),
    "price_fen": ("率", "数量", "时间", "日期", "码", "库存", "成本", "进价", "采购", "餐盒", "包装", "运费", "配送"),
    "member_price_fen": ("率", "数量"),
    "cost_fen": ("率", "数量", "时间", "日期"),
    "amount_fen": ("率", "时间", "日期", "号", "数量", "余额", "码"),
    "occurred_at": ("号", "金额", "额", "数量", "周期", "率"),
    "stock": ("价", "额", "金额", "时间", "日期", "率", "要求"),
    "qty": ("价", "额", "金额", "率"),
    "sku": ("价", "时间", "日期", "条码", "条形码", "税", "供应商", "客户", "账", "人", "地址"),
    "barcode": ("价", "时间", "日期"),
    "category": ("价", "时间", "日期", "数量", "码", "tax", "税", "shipping", "运费", "配送", "客户", "会员"),
    "status": ("tax", "税", "库存", "stock", "支付", "付款", "订单", "发货", "物流", "退款", "审核", "review", "payment",
               "order", "shipping"),
    "unit": ("价", "时间", "数量", "重量", "长", "宽", "高"),
    "order_id": ("时间", "日期", "金额"),
    "counterparty": ("账号", "时间", "金额"),
    "spec": ("价", "时间"),
    "description": ("价", "时间", "日期", "数量"),
    "note": ("价", "时间", "日期", "数量", "金额"),
}

MIN_CONFIDENCE: Final = 0.6


@dataclass(frozen=True, slots=True)
class ColumnMatch:
    """How one column maps: the canonical field, a confidence in 0..1 and how it was found."""

    field: str
    confidence: float
    via: str  # "exact", "contains", "fuzzy", "override", "values", "rule"


def synonyms_for(kind: Kind) -> dict[str, _S]:
    """All synonyms of the fields of ``kind`` (menus include the product synonyms)."""
    if kind == "ledger":
        return SYNONYMS["ledger"]
    if kind == "menu":
        return {**SYNONYMS["products"], **SYNONYMS["menu"]}
    return SYNONYMS["products"]


def candidates(key: str, kind: Kind) -> list[ColumnMatch]:
    """Every plausible field for one normalised header key, best first."""
    if not key:
        return []
    out: dict[str, ColumnMatch] = {}
    syns = synonyms_for(kind)
    for fname, words in syns.items():
        best: ColumnMatch | None = None
        for word, weight in words:
            if key == word:
                m = ColumnMatch(fname, weight, "exact")
            elif len(word) >= 2 and word in key and len(word) * 2 >= len(key):
                if any(neg in key for neg in _NEGATIVE.get(fname, ())):
                    continue
                m = ColumnMatch(fname, round(weight * (0.55 + 0.35 * len(word) / len(key)), 3), "contains")
            else:
                continue
            if best is None or m.confidence > best.confidence:
                best = m
        if best is not None:
            out[fname] = best
    # Fuzzy matching (typos, one-character variants such as 商品名 vs 商品名称).
    choices = [(word, fname, weight) for fname, words in syns.items() for word, weight in words]
    for _word, score, idx in process.extract(key, [c[0] for c in choices], scorer=fuzz.ratio, limit=5, score_cutoff=75):
        word, fname, weight = choices[idx]
        if any(neg in key for neg in _NEGATIVE.get(fname, ())):
            continue
        conf = round(weight * (0.55 + 0.35 * (score - 75) / 25), 3)
        if fname not in out or out[fname].confidence < conf:
            out[fname] = ColumnMatch(fname, conf, "fuzzy")
    return sorted(out.values(), key=lambda m: -m.confidence)


_ALTERNATIVES: Final = re.compile(r"[/／、|]")


def _column_candidates(header: object, key: str, kind: Kind) -> list[ColumnMatch]:
    """The candidates of a whole header and, when it lists alternatives ("SKU码/货号", "UPC码/条形码",
    "规格、型号"), of each of them, a little below a match of the whole."""
    found = {m.field: m for m in candidates(key, kind)}
    parts = [p for p in _ALTERNATIVES.split(_PAREN.sub("", clean_header(header))) if p.strip()]
    if len(parts) > 1:
        for part in parts:
            for m in candidates(normalize_header(part), kind):
                conf = round(m.confidence * 0.95, 3)
                if m.field not in found or found[m.field].confidence < conf:
                    found[m.field] = ColumnMatch(m.field, conf, m.via)
    return sorted(found.values(), key=lambda m: -m.confidence)


def match_columns(headers: Sequence[object], kind: Kind) -> dict[int, ColumnMatch]:
    """Map header cells to canonical fields of ``kind``: each field used once, best match first."""
    keys = [normalize_header(h) for h in headers]
    allowed = set(fields_for(kind))
    proposals: list[tuple[float, int, int, ColumnMatch]] = []
    for col, key in enumerate(keys):
        for rank, m in enumerate(_column_candidates(headers[col], key, kind)):
            if m.field in allowed and m.confidence >= MIN_CONFIDENCE:
                proposals.append((m.confidence, -rank, -col, m))
    proposals.sort(key=lambda p: (p[0], p[1], p[2]), reverse=True)
    mapping: dict[int, ColumnMatch] = {}
    used: set[str] = set()
    for _conf, _rank, negcol, m in proposals:
        col = -negcol
        if col in mapping or m.field in used:
            continue
        mapping[col] = m
        used.add(m.field)
    if kind in ("products", "menu") and "name" not in used:
        for col, m in list(mapping.items()):
            key = keys[col]
            if m.field == "description" and ("描述" in key or "说明" in key or "desc" in key or "title" in key):
                mapping[col] = ColumnMatch("name", round(min(m.confidence, 0.7), 3), "rule")
                used.add("name")
                break
    if kind in ("products", "menu") and "name" not in used:
        # "设备设施名称", "商品中文全称名称": long headers ending in 名称 that name the thing itself
        for col, key in enumerate(keys):
            if col not in mapping and key.endswith("名称") and not any(w in key for w in _NOT_A_PRODUCT_NAME):
                mapping[col] = ColumnMatch("name", 0.65, "rule")
                break
    return dict(sorted(mapping.items()))


# Words in a "...名称" header that name something other than the product (the name's own
# negative words too: 分类名称, 单位名称, 品牌名称, 供应商名称, 联系人名称, ...).
_NOT_A_PRODUCT_NAME: Final = _NEGATIVE["name"] + (
    "店铺", "企业", "厂", "部门", "地区", "省", "市", "账户", "银行", "文件", "工作表", "sheet", "字段", "列")


def apply_override(
    mapping: Mapping[int, ColumnMatch],
    override: Mapping[int | str, str | None] | None,
    headers: Sequence[object],
    allowed: Iterable[str],
) -> dict[int, ColumnMatch]:
    """Apply a user's mapping override: keys are 0-based column indexes, column letters or
    header texts; values are field names, or ``None`` to leave the column unmapped.

    Raises ``KeyError`` naming the first unknown column or field.
    """
    result = dict(mapping)
    if not override:
        return result
    allowed_set = set(allowed)
    letters = {_letter(i): i for i in range(len(headers))}
    by_header = {clean_header(h): i for i, h in enumerate(headers)}
    by_key = {normalize_header(h): i for i, h in enumerate(headers)}
    for key, fname in override.items():
        col: int | None
        if isinstance(key, int):
            col = key if 0 <= key < len(headers) else None
        else:
            col = by_header.get(clean_header(key))
            if col is None:
                col = by_key.get(normalize_header(key))
            if col is None:
                col = letters.get(key.upper())
        if col is None:
            raise KeyError(f"column {key!r}")
        if fname is None:
            result.pop(col, None)
            continue
        if fname not in allowed_set:
            raise KeyError(f"field {fname!r}")
        for other, m in list(result.items()):
            if m.field == fname and other != col and fname != SPEC_PRICE:  # a spec price per column
                del result[other]
        result[col] = ColumnMatch(fname, 1.0, "override")
    return dict(sorted(result.items()))


def _letter(index: int) -> str:
    from importers.errors import column_letter

    return column_letter(index)


def known_header_score(value: object) -> float:
    """How strongly a cell looks like a known header word of any kind (0..1)."""
    key = normalize_header(value)
    if not key or len(key) > 24:
        return 0.0
    best = 0.0
    for kind in KINDS:
        for m in candidates(key, kind):
            if m.confidence > best:
                best = m.confidence
            break
    return best

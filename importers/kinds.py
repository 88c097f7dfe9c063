"""Guess what a table is: a product list, a menu, or a sales ledger (incl. bill exports)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Final

from importers.fields import AMOUNT_IN, AMOUNT_OUT, KINDS, Kind
from importers.mapping import ColumnMatch, match_columns, normalize_header

# (source id, words in the preamble above the header, Chinese name, English name)
BILL_SOURCES: Final[tuple[tuple[str, tuple[str, ...], str, str], ...]] = (
    ("wechat", ("微信支付账单", "微信昵称", "微信支付"), "微信支付账单", "WeChat Pay bill"),
    ("alipay", ("支付宝",), "支付宝账单", "Alipay bill"),
    ("meituan", ("美团交易账单", "美团用户名", "美团"), "美团账单", "Meituan bill"),
    ("jd", ("京东账号", "京东"), "京东账单", "JD bill"),
)

# Header sets that identify a bill export even without its preamble.
BILL_HEADERS: Final[tuple[tuple[str, frozenset[str]], ...]] = (
    ("wechat", frozenset({"交易时间", "交易类型", "交易对方", "商品", "收支", "金额", "支付方式", "当前状态"})),
    ("alipay", frozenset({"交易时间", "交易分类", "交易对方", "对方账号", "商品说明", "收支", "金额", "收付款方式"})),
    ("meituan", frozenset({"交易创建时间", "交易成功时间", "交易类型", "订单标题", "收支", "订单金额", "实付金额"})),
    ("jd", frozenset({"交易时间", "商户名称", "交易说明", "金额", "收付款方式", "交易状态", "收支", "交易分类"})),
)

_WEIGHTS: Final[dict[Kind, dict[str, float]]] = {
    "products": {"name": 1.5, "price_fen": 1.2, "barcode": 1.0, "sku": 0.6, "spec": 0.6, "unit": 0.6,
                 "cost_fen": 0.7, "stock": 0.5, "category": 0.5, "member_price_fen": 0.6, "shelf_life_days": 0.6,
                 "status": 0.2, "description": 0.2},
    "menu": {"name": 1.5, "price_fen": 1.2, "spec": 0.3, "unit": 0.3, "category": 0.5, "spicy_level": 1.5,
             "flavors": 1.5, "allergens": 1.5, "description": 0.2},
    "ledger": {"occurred_at": 1.6, "amount_fen": 1.4, AMOUNT_IN: 1.0, AMOUNT_OUT: 1.0, "direction": 1.0,
               "channel": 0.8, "counterparty": 0.8, "order_id": 0.6, "qty": 0.4, "item": 0.4, "tx_type": 0.5,
               "note": 0.1},
}
_MENU_WORDS: Final = ("菜", "餐", "菜单", "menu", "dish", "饮品", "酒水")
_KIND_ZH: Final[dict[str, str]] = {"products": "商品清单", "menu": "菜单", "ledger": "流水账"}
_KIND_EN: Final[dict[str, str]] = {"products": "product list", "menu": "menu", "ledger": "sales ledger"}


@dataclass(frozen=True, slots=True)
class KindGuess:
    """The detected kind, the bill source if any ("wechat", "alipay", "meituan", "jd") and why."""

    kind: Kind
    source: str | None
    reason_zh: str
    reason_en: str
    scores: Mapping[str, float] = field(default_factory=dict)


def kind_scores(headers: Sequence[str], sheet_name: str = "") -> tuple[dict[str, float], dict[str, dict[int, ColumnMatch]]]:
    """Score every kind against the headers; returns (scores, mapping per kind)."""
    scores: dict[str, float] = {}
    maps: dict[str, dict[int, ColumnMatch]] = {}
    for kind in KINDS:
        mapping = match_columns(headers, kind)
        maps[kind] = mapping
        weights = _WEIGHTS[kind]
        score = sum(weights.get(m.field, 0.0) * m.confidence for m in mapping.values())
        fields = {m.field for m in mapping.values()}
        if kind == "ledger":
            has_money = bool(fields & {"amount_fen", AMOUNT_IN, AMOUNT_OUT})
            if "occurred_at" not in fields or not (has_money or "qty" in fields):
                score *= 0.3
        if kind == "menu":
            menu_only = fields & {"spicy_level", "flavors", "allergens"}
            words = " ".join(normalize_header(h) for h in headers) + " " + sheet_name.lower()
            if any(w in words for w in _MENU_WORDS):
                score += 1.05  # more than a barcode column gives a product list: 菜名 | 价格 | 条码 is a menu
            if not menu_only and not any(w in words for w in _MENU_WORDS):
                score *= 0.5
        if kind == "products" and "name" not in fields:
            score *= 0.6
        scores[kind] = round(score, 3)
    return scores, maps


def detect_kind(headers: Sequence[str], preamble: str = "", sheet_name: str = "") -> tuple[KindGuess, dict[str, dict[int, ColumnMatch]]]:
    """Guess the kind of a table from its preamble text (bill exports) and its headers."""
    scores, maps = kind_scores(headers, sheet_name)
    keys = {normalize_header(h) for h in headers}
    for source, words, zh, en in BILL_SOURCES:
        if any(w in preamble for w in words) and scores["ledger"] > 0:
            return KindGuess("ledger", source, f"表头上方写着“{zh}”，按{zh}（流水账）读取。",
                             f"The lines above the header identify a {en}; read as a sales ledger.", scores), maps
    for source, sig in BILL_HEADERS:
        if len(sig & keys) >= len(sig) - 1:
            zh, en = next((z, e) for s, _w, z, e in BILL_SOURCES if s == source)
            return KindGuess("ledger", source, f"表头与{zh}一致，按流水账读取。",
                             f"The headers match a {en}; read as a sales ledger.", scores), maps
    best: Kind = max(KINDS, key=lambda k: (scores[k], k == "products"))
    if scores[best] < 0.8:
        return KindGuess("products", None, "没有认出任何已知的列名，先按商品清单读取，请手动指定每一列。",
                         "No known column names were recognised; read as a product list, map the columns by hand.",
                         scores), maps
    mapped = maps[best]
    names = "、".join(headers[c] for c in list(mapped)[:4])
    names_en = ", ".join(headers[c] for c in list(mapped)[:4])
    return KindGuess(best, None, f"根据列名（{names}）判断这是{_KIND_ZH[best]}。",
                     f"The column names ({names_en}) suggest a {_KIND_EN[best]}.", scores), maps

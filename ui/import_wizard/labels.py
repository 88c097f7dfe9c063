"""Words the import screens show: field and kind names, action names, value formatting, language.

Labels are marked with QT_TRANSLATE_NOOP (context "ImportFields") so lupdate finds them and
translated when shown, so a language switch takes effect on the next repaint.
"""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from typing import Any, cast

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale

_CTX = "ImportFields"

FIELD_LABELS = cast(dict[str, str], {
    "name": QT_TRANSLATE_NOOP("ImportFields", "Name"),
    "spec": QT_TRANSLATE_NOOP("ImportFields", "Spec"),
    "sku": QT_TRANSLATE_NOOP("ImportFields", "Item no."),
    "barcode": QT_TRANSLATE_NOOP("ImportFields", "Barcode"),
    "price_fen": QT_TRANSLATE_NOOP("ImportFields", "Price"),
    "spec_price": QT_TRANSLATE_NOOP("ImportFields", "Price of the spec in the header"),
    "member_price_fen": QT_TRANSLATE_NOOP("ImportFields", "Member price"),
    "cost_fen": QT_TRANSLATE_NOOP("ImportFields", "Cost price"),
    "unit": QT_TRANSLATE_NOOP("ImportFields", "Unit"),
    "category": QT_TRANSLATE_NOOP("ImportFields", "Category"),
    "stock": QT_TRANSLATE_NOOP("ImportFields", "Stock"),
    "shelf_life_days": QT_TRANSLATE_NOOP("ImportFields", "Shelf life (days)"),
    "status": QT_TRANSLATE_NOOP("ImportFields", "Status"),
    "description": QT_TRANSLATE_NOOP("ImportFields", "Description"),
    "spicy_level": QT_TRANSLATE_NOOP("ImportFields", "Spicy level"),
    "flavors": QT_TRANSLATE_NOOP("ImportFields", "Flavours"),
    "allergens": QT_TRANSLATE_NOOP("ImportFields", "Allergens"),
    "occurred_at": QT_TRANSLATE_NOOP("ImportFields", "Date and time"),
    "occurred_time": QT_TRANSLATE_NOOP("ImportFields", "Time of day"),
    "amount_in_fen": QT_TRANSLATE_NOOP("ImportFields", "Income"),
    "amount_out_fen": QT_TRANSLATE_NOOP("ImportFields", "Expense"),
    "item": QT_TRANSLATE_NOOP("ImportFields", "Item"),
    "qty": QT_TRANSLATE_NOOP("ImportFields", "Quantity"),
    "amount_fen": QT_TRANSLATE_NOOP("ImportFields", "Amount"),
    "channel": QT_TRANSLATE_NOOP("ImportFields", "Payment method"),
    "direction": QT_TRANSLATE_NOOP("ImportFields", "In / out"),
    "counterparty": QT_TRANSLATE_NOOP("ImportFields", "Paid by / to"),
    "order_id": QT_TRANSLATE_NOOP("ImportFields", "Order no."),
    "note": QT_TRANSLATE_NOOP("ImportFields", "Note"),
    "tx_type": QT_TRANSLATE_NOOP("ImportFields", "Transaction type"),
    "image": QT_TRANSLATE_NOOP("ImportFields", "Picture"),
    "photo_key": QT_TRANSLATE_NOOP("ImportFields", "Matched by barcode, SKU or name"),
    "photo_product": QT_TRANSLATE_NOOP("ImportFields", "Goes to product"),
    # stored columns that appear in a plan's diffs
    "stock_milli": QT_TRANSLATE_NOOP("ImportFields", "Stock"),
    "attributes": QT_TRANSLATE_NOOP("ImportFields", "Flavours"),
    "sold_out": QT_TRANSLATE_NOOP("ImportFields", "Sold out"),
    "market_price": QT_TRANSLATE_NOOP("ImportFields", "Sold at the day's price (时价)"),
    "images": QT_TRANSLATE_NOOP("ImportFields", "Photos"),
})

KIND_LABELS = cast(dict[str, str], {
    "auto": QT_TRANSLATE_NOOP("ImportFields", "Let PortDesk decide"),
    "products": QT_TRANSLATE_NOOP("ImportFields", "Products"),
    "menu": QT_TRANSLATE_NOOP("ImportFields", "Menu (dishes)"),
    "ledger": QT_TRANSLATE_NOOP("ImportFields", "Sales ledger"),
    "photos": QT_TRANSLATE_NOOP("ImportFields", "Product photos"),
})

# The subtitles of a photo folder's columns (the folder has no titles of its own: the reader's are
# Chinese placeholders).
PHOTO_HEADERS = cast(list[str], [
    QT_TRANSLATE_NOOP("ImportFields", "Picture"),
    QT_TRANSLATE_NOOP("ImportFields", "File name"),
    QT_TRANSLATE_NOOP("ImportFields", "Product"),
])

ACTION_LABELS = cast(dict[str, str], {
    "new": QT_TRANSLATE_NOOP("ImportFields", "New"),
    "changed": QT_TRANSLATE_NOOP("ImportFields", "Update"),
    "unchanged": QT_TRANSLATE_NOOP("ImportFields", "No change"),
    "error": QT_TRANSLATE_NOOP("ImportFields", "Problem"),
})


def tr(text: str) -> str:
    """Translate a label of this module."""
    return QCoreApplication.translate(_CTX, text)


def field_label(name: str | None) -> str:
    """The user's word for a field (or a stored column); "Not imported" for None."""
    if name is None:
        return QCoreApplication.translate("ImportFields", "Not imported")
    source = FIELD_LABELS.get(name)
    return tr(source) if source else name


def kind_label(kind: str) -> str:
    """The user's word for an import kind."""
    source = KIND_LABELS.get(kind)
    return tr(source) if source else kind


def photo_header(column: int) -> str:
    """The subtitle of a column of a photo folder's preview (picture, file name, product)."""
    return tr(PHOTO_HEADERS[column]) if 0 <= column < len(PHOTO_HEADERS) else ""


def action_label(action: str) -> str:
    """The user's word for a row action (new, changed, unchanged, error)."""
    source = ACTION_LABELS.get(action)
    return tr(source) if source else action


def is_chinese() -> bool:
    """True when the UI language (QLocale default, set by ui.i18n.install) is Chinese."""
    return QLocale().language() == QLocale.Language.Chinese


def pick(zh: str, en: str) -> str:
    """The Chinese or English one of a pair of core messages, per UI language."""
    return zh if is_chinese() else en


def pick_joined(text: str) -> str:
    """One language of a core message written as "中文 / English"."""
    zh, sep, en = text.partition(" / ")
    if not sep:
        return text
    return zh.strip() if is_chinese() else en.strip()


def yuan(fen: int) -> str:
    """Integer fen as money: 2500 -> "¥25.00"."""
    sign = "-" if fen < 0 else ""
    return f"{sign}¥{abs(fen) // 100}.{abs(fen) % 100:02d}"


def cell_text(value: Any) -> str:
    """A raw spreadsheet cell as text for the preview grid."""
    if value is None or value == "":
        return ""
    if value.__class__ is str:
        return str(value)
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() and abs(value) < 1e15 else f"{value:.15g}"
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M" if value.second == 0 else "%Y-%m-%d %H:%M:%S")
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return str(value)


def diff_value(column: str, value: Any) -> str:
    """A stored or new value of a diff, the way a shopkeeper reads it."""
    if value is None or value == "":
        return QCoreApplication.translate("ImportFields", "(blank)")
    if column.endswith("_fen") and isinstance(value, int):
        return yuan(value)
    if column == "stock_milli" and isinstance(value, int):
        return f"{Decimal(value) / 1000:f}".rstrip("0").rstrip(".") or "0"
    if column in ("sold_out", "market_price"):
        return QCoreApplication.translate("ImportFields", "yes") if value else QCoreApplication.translate("ImportFields", "no")
    if column == "status":
        return QCoreApplication.translate("ImportFields", "off the shelf") if value == "off" else QCoreApplication.translate("ImportFields", "on sale")
    if column in ("allergens", "attributes") and isinstance(value, str):
        try:
            parsed = json.loads(value)
        except ValueError:
            return value
        if column == "allergens" and isinstance(parsed, list):
            return "、".join(str(x) for x in parsed) or QCoreApplication.translate("ImportFields", "(blank)")
        if isinstance(parsed, list):
            names = [str(o.get("name", "")) for g in parsed if isinstance(g, dict) for o in g.get("options", [])]
            return "、".join(n for n in names if n) or QCoreApplication.translate("ImportFields", "(blank)")
    return cell_text(value)


def diff_lines(diffs: dict[str, tuple[Any, Any]]) -> list[str]:
    """One line per changed field: "Price: ¥25.00 → ¥26.00"."""
    return [f"{field_label(col)}: {diff_value(col, old)} → {diff_value(col, new)}" for col, (old, new) in diffs.items()]

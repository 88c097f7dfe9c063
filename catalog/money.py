"""Money is integer fen (分). Formatting and parsing of yuan amounts for display and input."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

MILLI = Decimal("0.001")


def format_fen(fen: int | None, *, symbol: str = "¥") -> str:
    """`1250` → `¥12.50`; None → empty string. Negative amounts keep their sign: `-¥3.00`."""
    if fen is None:
        return ""
    sign = "-" if fen < 0 else ""
    yuan, cents = divmod(abs(fen), 100)
    return f"{sign}{symbol}{yuan:,}.{cents:02d}"


MARKET_PRICE = "时价"  # what is shown for a spec sold at the day's price (Spec.market_price)


def price_range(prices: Sequence[int | None], market: bool = False, dash: str = "–",
                fmt: Callable[..., str] = format_fen) -> str:
    """Prices as a list shows them: "¥12.00", "¥12.00–18.00"; with " / 时价" when a spec (`market`)
    is sold at the day's price, "时价" alone when every one is. `fmt(fen, symbol=...)` formats an
    amount (menus.money.format_fen: "¥12")."""
    known = sorted(v for v in prices if v is not None)
    if not known:
        text = ""
    elif known[0] == known[-1]:
        text = fmt(known[0])
    else:
        text = f"{fmt(known[0])}{dash}{fmt(known[-1], symbol='')}"
    if market:
        return f"{text} / {MARKET_PRICE}" if text else MARKET_PRICE
    return text


def parse_yuan(text: str) -> int:
    """`12.5`, `¥12.50`, `12元` → fen. Raises ValueError with a plain message on bad input."""
    cleaned = text.strip().replace("¥", "").replace("￥", "").replace("元", "").replace(",", "").strip()
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        raise ValueError(f"“{text}” 不是有效的金额 / “{text}” is not a valid amount") from None
    if not value.is_finite():
        raise ValueError(f"“{text}” 不是有效的金额 / “{text}” is not a valid amount")
    return int((value * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def milli_to_decimal(milli: int) -> Decimal:
    """Stored thousandths → Decimal with 3 places."""
    return (Decimal(milli) / 1000).quantize(MILLI)


def decimal_to_milli(value: Decimal | int | str) -> int:
    """A quantity (Decimal, int or text) → integer thousandths, rounded half up."""
    return int((Decimal(value) * 1000).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def format_qty(value: Decimal) -> str:
    """A quantity without trailing zeros: 3.000 → 3, 1.250 → 1.25."""
    text = format(value.normalize(), "f")
    return text

"""Money as printed: integer fen to "¥38" (whole yuan) or "¥12.50" (never "¥12.5")."""

from __future__ import annotations

from catalog.money import MARKET_PRICE


def format_fen(fen: int, symbol: str = "¥") -> str:
    """Format integer fen: whole yuan without decimals, otherwise always two decimals."""
    sign = "-" if fen < 0 else ""
    yuan, cents = divmod(abs(int(fen)), 100)
    if cents == 0:
        return f"{sign}{symbol}{yuan}"
    return f"{sign}{symbol}{yuan}.{cents:02d}"


DEFAULT_UNIT = "件"  # what a product is counted in unless the shop says otherwise: "¥28/件" says nothing


def shown_price(fen: int, unit: str = "", market: bool = False) -> str:
    """A spec's price as a menu prints it, "¥38/份" ("¥38" for the default unit 件); "时价" for one sold at the day's price
    (`market`), and for one without a price (never print "¥0": a dish is imported at 0 until the shop sets its price)."""
    return MARKET_PRICE if market or fen == 0 else format_fen(fen) + (f"/{unit}" if unit and unit != DEFAULT_UNIT else "")

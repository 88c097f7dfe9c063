"""Money as printed: integer fen to "¥38" (whole yuan) or "¥12.50" (never "¥12.5")."""

from __future__ import annotations


def format_fen(fen: int, symbol: str = "¥") -> str:
    """Format integer fen: whole yuan without decimals, otherwise always two decimals."""
    sign = "-" if fen < 0 else ""
    yuan, cents = divmod(abs(int(fen)), 100)
    if cents == 0:
        return f"{sign}{symbol}{yuan}"
    return f"{sign}{symbol}{yuan}.{cents:02d}"

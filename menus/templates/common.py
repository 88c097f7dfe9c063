"""Pieces shared by the templates: page geometry, palette, labels and box moving."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSizeF

from menus.layout import Box, Page, RuleBox, mm
from menus.model import ALLERGEN_LABELS, SPICY_LABELS, Menu, MenuItem, Shop, Table
from menus.typeset import Typesetter

A4 = (210.0, 297.0)
"""A4 portrait in millimetres."""

INK = "#1f2a30"
MUTED = "#66737a"
ACCENT = "#0b4f6c"  # Jiaozhou Bay blue
AMBER = "#d99a1e"  # beer
RED = "#c62828"
SOLD_OUT_GREY = "#9aa3a8"


class Cancelled(Exception):
    """Raised when the cancel token is set while laying out or painting."""


@dataclass(frozen=True, slots=True)
class Job:
    """Everything a template needs: the shop, the menu, the tables and the typesetter."""

    ts: Typesetter
    shop: Shop
    menu: Menu
    tables: Sequence[Table]
    cancel: threading.Event | None = None

    def check(self) -> None:
        """Raise Cancelled when the cancel token is set."""
        if self.cancel is not None and self.cancel.is_set():
            raise Cancelled


def new_page(width_mm: float, height_mm: float, margin_mm: float | tuple[float, float, float, float]) -> Page:
    """A page of the given size whose printable area is inset by the margin(s) (l, t, r, b)."""
    if isinstance(margin_mm, tuple):
        left, top, right, bottom = margin_mm
    else:
        left = top = right = bottom = margin_mm
    size = QSizeF(mm(width_mm), mm(height_mm))
    printable = QRectF(mm(left), mm(top), mm(width_mm - left - right), mm(height_mm - top - bottom))
    return Page(size, printable)


def move(box: Box, dx: float, dy: float) -> Box:
    """Shift a box by (dx, dy) points in place and return it."""
    if isinstance(box, RuleBox):
        box.p1 = QPointF(box.p1.x() + dx, box.p1.y() + dy)
        box.p2 = QPointF(box.p2.x() + dx, box.p2.y() + dy)
    else:
        box.rect = box.rect.translated(dx, dy)
    return box


def spicy_label(level: int) -> str:
    """微辣 / 中辣 / 特辣, or '' when not spicy."""
    return SPICY_LABELS[level][0] if level in SPICY_LABELS else ""


def allergen_text(item: MenuItem) -> str:
    """'含：贝类、甲壳类' for the item's allergens, or ''."""
    if not item.allergens:
        return ""
    names = [ALLERGEN_LABELS.get(code, (code, code))[0] for code in item.allergens]
    return "含：" + "、".join(names)


ALLERGEN_ICONS: dict[str, tuple[str, str]] = {
    "shellfish": ("贝", "#2a7f9e"), "crustacean": ("虾", "#c0504d"), "fish": ("鱼", "#3c78b4"),
    "gluten": ("麦", "#b8862b"), "peanut": ("花", "#9c6b3c"), "tree_nut": ("果", "#7a5230"),
    "dairy": ("奶", "#5b8cc2"), "egg": ("蛋", "#c79a00"), "soy": ("豆", "#6b8e23"),
    "sesame": ("芝", "#8a7a5a"), "alcohol": ("酒", "#8e44ad"),
}
"""Allergen code -> (the one character printed in its round icon, the icon's colour)."""


def allergen_icon(code: str) -> tuple[str, str, str]:
    """(icon character, colour, label) of an allergen code; unknown codes use their first character."""
    label = ALLERGEN_LABELS.get(code, (code, code))[0]
    glyph, colour = ALLERGEN_ICONS.get(code, (label[:1] or "?", "#7f8c8d"))
    return glyph, colour, label

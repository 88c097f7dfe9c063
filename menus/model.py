"""The input model of menus: plain frozen dataclasses, no Qt, no database.

The catalog adapter (written elsewhere) turns catalog rows into these objects; the
layouts, the QR URLs and the HTML menu only ever read them. Money is integer fen.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from catalog.models import ALLERGENS

ALLERGEN_LABELS: dict[str, tuple[str, str]] = ALLERGENS
"""Known allergen codes and their (Chinese, English) labels (the catalog's). Unknown codes print as given."""

SPICY_LABELS: dict[int, tuple[str, str]] = {1: ("微辣", "Mild"), 2: ("中辣", "Medium"), 3: ("特辣", "Hot")}
"""Spicy levels 1-3 and their (Chinese, English) labels; 0 means not spicy."""


@dataclass(frozen=True, slots=True)
class Spec:
    """One spec (规格) of an item: its name and price; member price optional; `market_price`: sold
    at the day's price (时价), whatever `price_fen` says."""

    name: str
    price_fen: int
    member_price_fen: int | None = None
    market_price: bool = False


@dataclass(frozen=True, slots=True)
class MenuItem:
    """One product or dish as a menu shows it."""

    product_id: str
    name: str
    specs: tuple[Spec, ...]
    description: str = ""
    sold_out: bool = False
    spicy_level: int = 0
    allergens: tuple[str, ...] = ()
    image: bytes | None = None
    unit: str = ""

    def __post_init__(self) -> None:
        if not self.name.strip():
            raise ValueError(f"product {self.product_id!r} has no name")
        if not 0 <= self.spicy_level <= 3:
            raise ValueError(f"spicy_level must be 0-3, got {self.spicy_level} for {self.name!r}")
        # Accept lists and (name, price, member) tuples from adapters; store tuples of Spec.
        specs = tuple(s if isinstance(s, Spec) else Spec(*s) for s in self.specs)
        object.__setattr__(self, "specs", specs)
        object.__setattr__(self, "allergens", tuple(self.allergens))


@dataclass(frozen=True, slots=True)
class Section:
    """A titled group of items (a category such as 海鲜 or 啤酒)."""

    title: str
    items: tuple[MenuItem, ...]

    def __post_init__(self) -> None:
        object.__setattr__(self, "items", tuple(self.items))


@dataclass(frozen=True, slots=True)
class Menu:
    """A named menu. `slug` is stable: it is part of every printed table QR code."""

    id: str
    name: str
    slug: str
    sections: tuple[Section, ...]

    def __post_init__(self) -> None:
        object.__setattr__(self, "sections", tuple(self.sections))

    def items(self) -> list[MenuItem]:
        """All items of all sections, in order."""
        return [item for section in self.sections for item in section.items]


@dataclass(frozen=True, slots=True)
class Table:
    """A dining table: `code` is stable and goes into its QR URL, `name` is printed (A1)."""

    id: str
    name: str
    code: str
    area: str = ""


@dataclass(frozen=True, slots=True)
class Shop:
    """The shop as printed on menus and addressed by QR URLs.

    `merchant_id` is the port's id once the shop has connected; before that `local_id`,
    a stable id made on this PC, stands in for it. `base_url` None means the default.
    """

    name: str
    address: str = ""
    phone: str = ""
    opening_hours: str = ""
    logo: bytes | None = None
    base_url: str | None = None
    merchant_id: str | None = None
    local_id: str = "local"


def as_menu(menu_or_items: Menu | Sequence[MenuItem], *, name: str = "全部商品", slug: str = "all") -> Menu:
    """Return `menu_or_items` as a Menu, wrapping a bare list of items into one section."""
    if isinstance(menu_or_items, Menu):
        return menu_or_items
    items = tuple(menu_or_items)
    return Menu(id=slug, name=name, slug=slug, sections=(Section(title=name, items=items),))

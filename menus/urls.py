"""Stable QR URLs, known offline (no Qt).

    menu:    {base}/m/{merchant}/{menu_slug}
    table:   {base}/m/{merchant}/{menu_slug}?t={table_code}
    product: {base}/p/{merchant}/{product_id}

`merchant` is the port's merchant id, or the shop's stable local id before the shop has
ever connected (the port maps that id to the merchant on pairing, so early prints keep
working). A table URL depends only on the menu slug and the table code, never on the
menu's content.
"""

from __future__ import annotations

from urllib.parse import quote

from menus.model import Menu, Shop, Table

DEFAULT_BASE_URL = "https://port.shibei.example"
"""Base URL used while the shop has no `base_url`; settings may assign another one."""


def _seg(value: str) -> str:
    """Percent-encode one path segment or query value (no '/' left unescaped)."""
    if not value:
        raise ValueError("an empty id cannot go into a QR URL")
    return quote(str(value), safe="-._~")


def base_url(shop: Shop) -> str:
    """The shop's base URL without a trailing slash (the module default when unset)."""
    return (shop.base_url or DEFAULT_BASE_URL).rstrip("/")


def merchant_key(shop: Shop) -> str:
    """The merchant path segment: the port's merchant id, else the stable local shop id."""
    return shop.merchant_id or shop.local_id


def menu_url(shop: Shop, menu: Menu | str) -> str:
    """URL of a menu (by Menu or by its slug)."""
    slug = menu if isinstance(menu, str) else menu.slug
    return f"{base_url(shop)}/m/{_seg(merchant_key(shop))}/{_seg(slug)}"


def table_url(shop: Shop, menu: Menu | str, table: Table) -> str:
    """URL printed on a table tent: the menu URL plus `?t={table code}`."""
    return f"{menu_url(shop, menu)}?t={_seg(table.code)}"


def product_url(shop: Shop, product_id: str) -> str:
    """URL printed on a product sticker."""
    return f"{base_url(shop)}/p/{_seg(merchant_key(shop))}/{_seg(product_id)}"

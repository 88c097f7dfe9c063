"""What to print, and its laid-out document: the bridge from a print request to `menus.render`.

Runs on any thread with that thread's own Store (no widgets here).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

from catalog.store import Store
from menus.from_catalog import all_products_menu, menu_from_record, shop_from_store, tables_for
from menus.layout import Document
from menus.model import Menu
from menus.render import layout_document
from menus.templates import get_template


@dataclass(frozen=True)
class PrintRequest:
    """A template and what goes on it: a menu (None: the first menu) and, for tents, tables."""

    template: str
    menu_id: str | None = None
    table_ids: tuple[str, ...] = ()


def load_menu(store: Store, menu_id: str | None, *, with_images: bool = True) -> Menu:
    """The stored menu `menu_id`; else the first menu; else every listed product."""
    record = store.menus.get(menu_id) if menu_id else None
    if record is None:
        menus = store.menus.all()
        record = menus[0] if menus else None
    if record is None:
        return all_products_menu(store, with_images=with_images)
    return menu_from_record(store, record, with_images=with_images)


def build_document(store: Store, request: PrintRequest, cancel: threading.Event | None = None) -> Document:
    """Lay out the request. Tents are grouped by each table's own menu (its QR opens that menu).

    Raises ValueError with a plain reason when there is nothing to print.
    """
    shop = shop_from_store(store)
    template = get_template(request.template)
    if not template.needs_tables:
        return layout_document(request.template, shop, load_menu(store, request.menu_id), (), cancel)
    wanted = set(request.table_ids)
    chosen = [t for t in store.tables.all() if t.id in wanted]
    if not chosen:
        raise ValueError("请先选择要打印桌牌的桌台 / Select the tables to print tents for")
    groups: dict[str | None, list] = {}
    for table in chosen:
        groups.setdefault(table.menu_id or request.menu_id, []).append(table)
    doc: Document | None = None
    for menu_id, tables in groups.items():
        part = layout_document(
            request.template, shop, load_menu(store, menu_id, with_images=False), tables_for(store, tables), cancel
        )
        if doc is None:
            doc = part
        else:
            doc.pages.extend(part.pages)
    assert doc is not None
    return doc

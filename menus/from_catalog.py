"""The adapter from the shop database to the menus model (Qt-free)."""

from __future__ import annotations

import uuid

from catalog.menus import DiningTable, MenuRecord
from catalog.store import Store
from menus.model import Menu, MenuItem, Section, Shop, Spec, Table

ALL_PRODUCTS_SLUG = "all"


def shop_from_store(store: Store) -> Shop:
    """The shop as printed: name, address, phone, hours, logo, base URL and merchant id from settings.

    Before the shop ever connects, a stable local id (made once, kept in settings) stands in for
    the merchant id in QR URLs.
    """
    local_id = store.get_setting("shop_local_id")
    if not local_id:
        local_id = uuid.uuid4().hex[:12]
        store.set_setting("shop_local_id", local_id)
    logo_hash = store.get_setting("shop_logo")
    return Shop(
        name=store.get_setting("shop_name") or "我的小店",
        address=store.get_setting("shop_address") or "",
        phone=store.get_setting("shop_phone") or "",
        opening_hours=store.get_setting("shop_hours") or "",
        logo=store.media.get(logo_hash) if logo_hash else None,
        base_url=store.get_setting("port_base_url") or None,
        merchant_id=store.get_setting("merchant_id") or None,
        local_id=local_id,
    )


def menu_items(store: Store, product_ids: list[str], *, with_images: bool = True) -> list[MenuItem]:
    """Menu items for products (archived or unlisted ones are left out), keeping the given order."""
    items = []
    for p in store.products.get_many(product_ids):
        if p.archived or p.status != "on":
            continue
        image = store.media.get(p.images[0]) if with_images and p.images else None
        # a spec sold at the day's price (时价) has no member price either: its stored one was the old price's
        specs = tuple(Spec(s.name, s.price_fen, None if s.market_price else s.member_price_fen, s.market_price)
                      for s in p.specs)
        items.append(MenuItem(
            product_id=p.id, name=p.name, specs=specs, description=p.description, sold_out=p.sold_out,
            spicy_level=p.spicy_level, allergens=tuple(p.allergens), image=image, unit=p.unit,
        ))
    return items


def menu_from_record(store: Store, record: MenuRecord, *, with_images: bool = True) -> Menu:
    """A stored menu as the painter's model (empty sections dropped)."""
    sections = []
    for s in record.sections:
        items = menu_items(store, s.product_ids, with_images=with_images)
        if items:
            sections.append(Section(s.title, tuple(items)))
    return Menu(id=record.id, name=record.name, slug=record.slug, sections=tuple(sections))


def all_products_menu(store: Store, *, with_images: bool = True) -> Menu:
    """A menu of every listed product, one section per top-level category (uncategorised last)."""
    sections = []
    for cat in store.categories.all():
        if cat.parent_id is None:
            items = menu_items(store, store.products.ids(category_id=cat.id), with_images=with_images)
            if items:
                sections.append(Section(cat.name, tuple(items)))
    loose = [p.id for p in store.products.get_many(store.products.ids()) if p.category_id is None]
    if loose:
        sections.append(Section("其他", tuple(menu_items(store, loose, with_images=with_images))))
    return Menu(id=ALL_PRODUCTS_SLUG, name="全部商品", slug=ALL_PRODUCTS_SLUG, sections=tuple(sections))


def pick_menu(store: Store, name: str | None, *, with_images: bool = True) -> Menu:
    """The menu called `name` (name or slug); without a name, the first stored menu or all products.

    Raises LookupError naming the menus that exist when `name` is unknown.
    """
    if name:
        record = store.menus.find(name)
        if record is None:
            known = "、".join(m.name for m in store.menus.all()) or "（无 / none）"
            raise LookupError(f"没有名为“{name}”的菜单，现有：{known} / No menu called “{name}”; menus: {known}")
        return menu_from_record(store, record, with_images=with_images)
    menus = store.menus.all()
    if menus:
        return menu_from_record(store, menus[0], with_images=with_images)
    return all_products_menu(store, with_images=with_images)


def tables_for(store: Store, tables: list[DiningTable] | None = None) -> list[Table]:
    """Dining tables as the painter's model (all active tables by default)."""
    return [Table(t.id, t.name, t.code, t.area) for t in (tables if tables is not None else store.tables.all())]

"""Menus built from the catalog (sections of products) and dining tables with stable QR codes.

A menu's `slug` and a table's `code` go into printed QR URLs, so they are chosen once (from the
pinyin of the name) and never change when the menu or table is renamed or edited.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass, field

from catalog.categories import Categories
from catalog.db import transaction
from catalog.models import new_id
from catalog.pinyin import keys

_NOW = "strftime('%Y-%m-%dT%H:%M:%fZ','now')"


class MenuError(ValueError):
    """A menu or table operation that cannot be done, with a plain reason."""


@dataclass
class MenuSection:
    """A titled section of a menu and the products in it, in order."""

    title: str
    product_ids: list[str] = field(default_factory=list)
    id: str = field(default_factory=new_id)


@dataclass
class MenuRecord:
    """A stored menu with its sections."""

    name: str
    slug: str
    note: str = ""
    sections: list[MenuSection] = field(default_factory=list)
    sort_order: int = 0
    id: str = field(default_factory=new_id)


@dataclass
class DiningTable:
    """A table (or room) of the shop; `code` is its stable QR parameter."""

    name: str
    code: str
    area: str = ""
    menu_id: str | None = None
    seats: int | None = None
    sort_order: int = 0
    id: str = field(default_factory=new_id)


def slugify(text: str) -> str:
    """URL-safe lower-case ASCII from a name via pinyin: `堂食菜单` → `tangshicaidan`."""
    words = (keys(w)[0] for w in re.split(r"\s+|[^\w]+", text) if w)
    slug = "-".join(re.sub(r"[^a-z0-9]+", "", w.lower()) for w in words)
    return re.sub(r"-{2,}", "-", slug).strip("-") or "menu"


class Menus:
    """Repository of menus over one connection."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def all(self) -> list[MenuRecord]:
        """Every active menu with its sections, in display order."""
        ids = [r[0] for r in self.conn.execute("SELECT id FROM menus WHERE archived = 0 ORDER BY sort_order, name")]
        return [m for m in (self.get(i) for i in ids) if m is not None]

    def get(self, menu_id: str) -> MenuRecord | None:
        """One menu with sections and product ids, or None."""
        r = self.conn.execute("SELECT * FROM menus WHERE id = ?", (menu_id,)).fetchone()
        if r is None:
            return None
        sections = []
        for s in self.conn.execute(
            "SELECT id, title FROM menu_sections WHERE menu_id = ? ORDER BY sort_order", (menu_id,)
        ).fetchall():
            items = [row[0] for row in self.conn.execute(
                "SELECT product_id FROM menu_items WHERE section_id = ? ORDER BY sort_order", (s["id"],)
            )]
            sections.append(MenuSection(s["title"], items, s["id"]))
        return MenuRecord(r["name"], r["slug"], r["note"], sections, r["sort_order"], r["id"])

    def find(self, name_or_slug: str) -> MenuRecord | None:
        """The active menu with this name or slug."""
        r = self.conn.execute(
            "SELECT id FROM menus WHERE archived = 0 AND (name = ? OR slug = ?) ORDER BY name = ? DESC LIMIT 1",
            (name_or_slug, name_or_slug, name_or_slug),
        ).fetchone()
        return None if r is None else self.get(r[0])

    def create(self, name: str, sections: list[MenuSection] | None = None, note: str = "") -> MenuRecord:
        """A new menu; its slug comes from the pinyin of the name, made unique."""
        if not name.strip():
            raise MenuError("菜单名称不能为空 / A menu needs a name")
        with transaction(self.conn):
            if self.conn.execute("SELECT 1 FROM menus WHERE name = ? AND archived = 0", (name.strip(),)).fetchone():
                raise MenuError(f"菜单“{name}”已存在 / Menu “{name}” already exists")
            menu = MenuRecord(name.strip(), self._unique_slug(slugify(name)), note, sections or [])
            self.conn.execute(
                "INSERT INTO menus (id, name, slug, note, sort_order) VALUES (?, ?, ?, ?, "
                "(SELECT coalesce(max(sort_order), 0) + 1 FROM menus))",
                (menu.id, menu.name, menu.slug, menu.note),
            )
            self._write_sections(menu)
        return menu

    def create_from_categories(self, name: str, category_ids: list[str] | None = None) -> MenuRecord:
        """A menu with one section per category (top level, or the given ones) holding its active products."""
        tree = [c for c in Categories(self.conn).all() if c.parent_id is None or category_ids is not None]
        if category_ids is not None:
            by_id = {c.id: c for c in tree}
            tree = [by_id[cid] for cid in category_ids if cid in by_id]
        sections = []
        for c in tree:
            products = [r[0] for r in self.conn.execute(
                "WITH RECURSIVE t(id) AS (SELECT ? UNION SELECT c.id FROM categories c JOIN t ON c.parent_id = t.id)"
                " SELECT p.id FROM products p WHERE p.archived = 0 AND p.status = 'on' AND p.category_id IN (SELECT id FROM t)"
                " ORDER BY p.sort_order, p.sort_key",
                (c.id,),
            )]
            if products:
                sections.append(MenuSection(c.name, products))
        return self.create(name, sections)

    def save(self, menu: MenuRecord) -> None:
        """Store a menu's name, note and sections (the slug never changes)."""
        if not menu.name.strip():
            raise MenuError("菜单名称不能为空 / A menu needs a name")
        with transaction(self.conn):
            cur = self.conn.execute(
                f"UPDATE menus SET name = ?, note = ?, sort_order = ?, updated_at = {_NOW}"
                " WHERE id = ? AND (name IS NOT ? OR note IS NOT ? OR sort_order IS NOT ?)",
                (menu.name.strip(), menu.note, menu.sort_order, menu.id, menu.name.strip(), menu.note, menu.sort_order),
            )
            if cur.rowcount == 0 and not self.conn.execute("SELECT 1 FROM menus WHERE id = ?", (menu.id,)).fetchone():
                raise MenuError(f"找不到菜单 {menu.name} / No menu {menu.name}")
            self._write_sections(menu)

    def archive(self, menu_id: str) -> None:
        """Archive a menu (its URL keeps answering on the platform side; tables keep their codes)."""
        with transaction(self.conn):
            self.conn.execute(f"UPDATE menus SET archived = 1, updated_at = {_NOW} WHERE id = ?", (menu_id,))

    def _unique_slug(self, base: str) -> str:
        slug, n = base, 2
        while self.conn.execute("SELECT 1 FROM menus WHERE slug = ?", (slug,)).fetchone():
            slug, n = f"{base}-{n}", n + 1
        return slug

    def _write_sections(self, menu: MenuRecord) -> None:
        keep = {s.id for s in menu.sections}
        for (sid,) in self.conn.execute("SELECT id FROM menu_sections WHERE menu_id = ?", (menu.id,)).fetchall():
            if sid not in keep:
                self.conn.execute("DELETE FROM menu_sections WHERE id = ?", (sid,))
        for order, section in enumerate(menu.sections):
            self.conn.execute(
                "INSERT INTO menu_sections (id, menu_id, title, sort_order) VALUES (?, ?, ?, ?)"
                f" ON CONFLICT (id) DO UPDATE SET title = excluded.title, sort_order = excluded.sort_order, updated_at = {_NOW}"
                " WHERE title IS NOT excluded.title OR sort_order IS NOT excluded.sort_order",
                (section.id, menu.id, section.title, order),
            )
            wanted = list(dict.fromkeys(section.product_ids))
            existing = dict(self.conn.execute(
                "SELECT product_id, id FROM menu_items WHERE section_id = ?", (section.id,)
            ).fetchall())
            for pid, item_id in existing.items():
                if pid not in wanted:
                    self.conn.execute("DELETE FROM menu_items WHERE id = ?", (item_id,))
            for i, pid in enumerate(wanted):
                self.conn.execute(
                    "INSERT INTO menu_items (id, section_id, product_id, sort_order) VALUES (?, ?, ?, ?)"
                    f" ON CONFLICT (section_id, product_id) DO UPDATE SET sort_order = excluded.sort_order, updated_at = {_NOW}"
                    " WHERE sort_order IS NOT excluded.sort_order",
                    (existing.get(pid, new_id()), section.id, pid, i),
                )


class Tables:
    """Repository of dining tables over one connection."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def all(self, area: str | None = None) -> list[DiningTable]:
        """Active tables, by area then order."""
        sql = "SELECT * FROM dining_tables WHERE archived = 0" + ("" if area is None else " AND area = ?")
        rows = self.conn.execute(sql + " ORDER BY area, sort_order, name", () if area is None else (area,)).fetchall()
        return [DiningTable(r["name"], r["code"], r["area"], r["menu_id"], r["seats"], r["sort_order"], r["id"]) for r in rows]

    def areas(self) -> list[str]:
        """The areas in use (大厅, 二楼, ...)."""
        return [r[0] for r in self.conn.execute("SELECT DISTINCT area FROM dining_tables WHERE archived = 0 ORDER BY area")]

    def bulk_create(
        self, area: str, prefix: str, first: int, last: int, *, menu_id: str | None = None, seats: int | None = None
    ) -> list[DiningTable]:
        """Tables `prefix+first` … `prefix+last` in an area (e.g. 大厅 A1-A12), all or none.

        A name already used in that area is refused; codes are made unique across the shop.
        """
        if first > last or first < 0 or last - first >= 500:
            raise MenuError("桌号范围无效（最多 500 张）/ Invalid table range (at most 500)")
        names = [f"{prefix}{n}" for n in range(first, last + 1)]
        created = []
        with transaction(self.conn):
            for order, name in enumerate(names, start=first):
                if self.conn.execute(
                    "SELECT 1 FROM dining_tables WHERE archived = 0 AND area = ? AND name = ?", (area, name)
                ).fetchone():
                    raise MenuError(f"{area}已有桌台“{name}” / Table “{name}” already exists in {area or 'this area'}")
                table = DiningTable(name, self._unique_code(name, area), area, menu_id, seats, order)
                self.conn.execute(
                    "INSERT INTO dining_tables (id, area, name, code, menu_id, seats, sort_order) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (table.id, area, name, table.code, menu_id, seats, order),
                )
                created.append(table)
        return created

    def rename(self, table_id: str, name: str) -> None:
        """Rename a table; its code (and so its printed QR) stays the same."""
        if not name.strip():
            raise MenuError("桌台名称不能为空 / A table needs a name")
        with transaction(self.conn):
            self.conn.execute(
                f"UPDATE dining_tables SET name = ?, updated_at = {_NOW} WHERE id = ? AND name IS NOT ?",
                (name.strip(), table_id, name.strip()),
            )

    def set_menu(self, table_ids: list[str], menu_id: str | None) -> None:
        """Choose which menu the tables' QR codes open."""
        with transaction(self.conn):
            self.conn.executemany(
                f"UPDATE dining_tables SET menu_id = ?, updated_at = {_NOW} WHERE id = ? AND menu_id IS NOT ?",
                [(menu_id, t, menu_id) for t in table_ids],
            )

    def archive(self, table_ids: list[str]) -> None:
        """Remove tables from the shop (their codes are never reused)."""
        with transaction(self.conn):
            self.conn.executemany(
                f"UPDATE dining_tables SET archived = 1, updated_at = {_NOW} WHERE id = ?", [(t,) for t in table_ids]
            )

    def _unique_code(self, name: str, area: str) -> str:
        base = re.sub(r"[^A-Za-z0-9]+", "", name).upper()
        if not base or not base.isascii() or base != name.upper():
            base = (keys(area)[1] + keys(name)[1]).upper() or "T"
            base = re.sub(r"[^A-Z0-9]+", "", base) or "T"
        code, n = base, 2
        while self.conn.execute("SELECT 1 FROM dining_tables WHERE code = ?", (code,)).fetchone():
            code, n = f"{base}-{n}", n + 1
        return code

"""The category tree (分类): add, rename, move, archive, list in tree order."""

from __future__ import annotations

import sqlite3

from catalog.db import transaction
from catalog.models import Category
from catalog.pinyin import keys


class CategoryError(ValueError):
    """A category operation that cannot be done, with a plain reason."""


class Categories:
    """Repository of categories over one connection."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def all(self, *, include_archived: bool = False) -> list[Category]:
        """Every category in tree order (parents before children, siblings by sort order, then pinyin)."""
        rows = self.conn.execute(
            "SELECT id, parent_id, name, sort_order, archived FROM categories"
            + ("" if include_archived else " WHERE archived = 0")
        ).fetchall()
        rows.sort(key=lambda r: (r["sort_order"], keys(r["name"])[0], r["name"]))
        children: dict[str | None, list[Category]] = {}
        known = {r["id"] for r in rows}
        for r in rows:
            parent = r["parent_id"] if r["parent_id"] in known else None
            children.setdefault(parent, []).append(
                Category(r["name"], r["parent_id"], r["sort_order"], bool(r["archived"]), r["id"])
            )
        ordered: list[Category] = []

        def walk(parent: str | None) -> None:
            for c in children.get(parent, []):
                ordered.append(c)
                walk(c.id)

        walk(None)
        return ordered

    def get(self, category_id: str) -> Category | None:
        """One category by id, or None."""
        r = self.conn.execute(
            "SELECT id, parent_id, name, sort_order, archived FROM categories WHERE id = ?", (category_id,)
        ).fetchone()
        return None if r is None else Category(r["name"], r["parent_id"], r["sort_order"], bool(r["archived"]), r["id"])

    def add(self, name: str, parent_id: str | None = None, sort_order: int = 0) -> Category:
        """Create a category; a sibling with the same name is refused."""
        name = name.strip()
        if not name:
            raise CategoryError("分类名称不能为空 / A category needs a name")
        cat = Category(name, parent_id, sort_order)
        with transaction(self.conn):
            if self._sibling(name, parent_id) is not None:
                raise CategoryError(f"分类“{name}”已存在 / Category “{name}” already exists")
            self.conn.execute(
                "INSERT INTO categories (id, parent_id, name, sort_order) VALUES (?, ?, ?, ?)",
                (cat.id, parent_id, name, sort_order),
            )
        return cat

    def ensure_path(self, path: str, sep: str = "/") -> str:
        """The id of category `a/b/c`, creating missing levels. Also accepts `>` and `＞` as separators."""
        for other in (">", "＞", "／", "\\"):
            path = path.replace(other, sep)
        parent: str | None = None
        with transaction(self.conn):
            for part in (p.strip() for p in path.split(sep)):
                if not part:
                    continue
                found = self._sibling(part, parent)
                parent = found if found is not None else self.add(part, parent).id
        if parent is None:
            raise CategoryError("分类名称不能为空 / A category needs a name")
        return parent

    def rename(self, category_id: str, name: str) -> None:
        """Rename a category (siblings keep unique names)."""
        name = name.strip()
        if not name:
            raise CategoryError("分类名称不能为空 / A category needs a name")
        with transaction(self.conn):
            cat = self._require(category_id)
            other = self._sibling(name, cat.parent_id)
            if other is not None and other != category_id:
                raise CategoryError(f"分类“{name}”已存在 / Category “{name}” already exists")
            self._touch(category_id, name=name)

    def move(self, category_id: str, parent_id: str | None) -> None:
        """Move a category under another (or to the top); cycles are refused."""
        with transaction(self.conn):
            cat = self._require(category_id)
            ancestor = parent_id
            while ancestor is not None:
                if ancestor == category_id:
                    raise CategoryError("不能把分类移到它自己的子分类下 / A category cannot move under itself")
                ancestor = self._require(ancestor).parent_id
            if self._sibling(cat.name, parent_id) not in (None, category_id):
                raise CategoryError(f"目标位置已有“{cat.name}” / “{cat.name}” already exists there")
            self._touch(category_id, parent_id=parent_id)

    def archive(self, category_id: str) -> None:
        """Archive a category and its subtree; their products move to “uncategorised”."""
        with transaction(self.conn):
            ids = self.subtree(category_id)
            marks = ",".join("?" * len(ids))
            self.conn.execute(f"UPDATE products SET category_id = NULL, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE category_id IN ({marks})", ids)
            self.conn.execute(f"UPDATE categories SET archived = 1, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE id IN ({marks})", ids)

    def subtree(self, category_id: str) -> list[str]:
        """The ids of a category and all its descendants."""
        rows = self.conn.execute(
            "WITH RECURSIVE t(id) AS (SELECT ? UNION SELECT c.id FROM categories c JOIN t ON c.parent_id = t.id)"
            " SELECT id FROM t",
            (category_id,),
        ).fetchall()
        return [r[0] for r in rows]

    def path_of(self, category_id: str | None) -> str:
        """`酒水/啤酒` for a category id; empty for None."""
        parts: list[str] = []
        while category_id is not None:
            cat = self.get(category_id)
            if cat is None:
                break
            parts.append(cat.name)
            category_id = cat.parent_id
        return "/".join(reversed(parts))

    def _sibling(self, name: str, parent_id: str | None) -> str | None:
        r = self.conn.execute(
            "SELECT id FROM categories WHERE name = ? AND parent_id IS ? AND archived = 0", (name, parent_id)
        ).fetchone()
        return None if r is None else str(r[0])

    def _require(self, category_id: str) -> Category:
        cat = self.get(category_id)
        if cat is None:
            raise CategoryError(f"找不到分类 {category_id} / No category {category_id}")
        return cat

    def _touch(self, category_id: str, **values: object) -> None:
        sets = ", ".join(f"{k} = ?" for k in values)
        self.conn.execute(
            f"UPDATE categories SET {sets}, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE id = ?",
            (*values.values(), category_id),
        )

"""The shop database: one SQLite file opened through `Store`, the entry point of the catalog core.

Each thread opens its own `Store` on the same file (SQLite connections are not shared across
threads). Writes go through `transaction()`; the outbox rows of every change are written by
triggers in the same transaction (see migrations/0001_initial.sql).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from catalog.batches import Batches
from catalog.categories import Categories
from catalog.db import checkpoint, connect, transaction
from catalog.media import Media
from catalog.menus import Menus, Tables
from catalog.models import new_id
from catalog.outbox import Outbox
from catalog.products import Products


class Store:
    """An open shop database with its repositories: categories, products, media, menus, tables, outbox."""

    def __init__(self, conn: sqlite3.Connection, path: Path) -> None:
        self.conn = conn
        self.path = path
        self.categories = Categories(conn)
        self.products = Products(conn)
        self.media = Media(conn)
        self.outbox = Outbox(conn)
        self.menus = Menus(conn)
        self.tables = Tables(conn)
        self.batches = Batches(conn)

    @classmethod
    def open(cls, path: Path | str) -> Store:
        """Open (creating and migrating if needed) the shop database at `path`."""
        path = Path(path)
        return cls(connect(path), path)

    def close(self) -> None:
        """Fold the WAL back into the database file (a large write left it: `db.checkpoint_later`),
        then close the connection."""
        try:
            if not self.conn.in_transaction:
                checkpoint(self.conn)
        except sqlite3.Error:  # a locked or read-only file: the next commit or close folds it
            pass
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """An atomic block: everything inside commits together or not at all."""
        with transaction(self.conn) as conn:
            yield conn

    def get_setting(self, key: str, default: str | None = None) -> str | None:
        """A stored setting of this shop (shop name, base URL, language, ...)."""
        row = self.conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        return default if row is None else str(row[0])

    def set_setting(self, key: str, value: str) -> None:
        """Store a setting of this shop."""
        with self.transaction():
            self.conn.execute(
                "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (key, value),
            )

    @property
    def device_id(self) -> str:
        """This database's stable device id (made on first use), which numbers its outbox."""
        existing = self.get_setting("device_id")
        if existing:
            return existing
        value = new_id()
        self.set_setting("device_id", value)
        return value

    def is_empty(self) -> bool:
        """True when the shop has no products and no categories yet (first launch)."""
        row = self.conn.execute(
            "SELECT NOT EXISTS (SELECT 1 FROM products) AND NOT EXISTS (SELECT 1 FROM categories)"
        ).fetchone()
        return bool(row[0])

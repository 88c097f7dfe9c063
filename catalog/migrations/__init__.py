"""Numbered schema migrations: `NNNN_name.sql` files applied in order, each in one transaction.

The schema level is `PRAGMA user_version`. A migration file, once released, never changes:
a schema change is a new file with the next number. A migration that rebuilds a table others
refer to says `-- foreign_keys: off` on a line of its own: it runs with foreign keys off (else
dropping the old table would cascade to its children) and must leave `PRAGMA foreign_key_check`
clean, or it is rolled back (SQLite's documented way to change a table's definition).
"""

from __future__ import annotations

import re
import sqlite3
from importlib import resources

_NAME = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")


def available() -> list[tuple[int, str, str]]:
    """All migrations shipped with PortDesk as (number, file name, SQL), in order."""
    found = []
    for entry in resources.files(__package__).iterdir():
        m = _NAME.match(entry.name)
        if m:
            found.append((int(m.group(1)), entry.name, entry.read_text(encoding="utf-8")))
    found.sort()
    numbers = [n for n, _, _ in found]
    if numbers != list(range(1, len(numbers) + 1)):
        raise RuntimeError(f"migration numbers must be 1..N without gaps, found {numbers}")
    return found


def latest() -> int:
    """The schema level this version of PortDesk creates."""
    return len(available())


def current(conn: sqlite3.Connection) -> int:
    """The schema level of an open database."""
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


class SchemaTooNewError(Exception):
    """The database was written by a newer PortDesk."""


def migrate(conn: sqlite3.Connection, target: int | None = None) -> int:
    """Apply every migration above the database's level up to `target` (default: latest).

    Each migration runs in its own transaction together with its `user_version` bump, so a
    crash leaves the database at a clean level. Returns the new level.
    """
    migrations = available()
    target = len(migrations) if target is None else target
    level = current(conn)
    if level > len(migrations):
        raise SchemaTooNewError(
            f"数据库版本 {level} 比本程序支持的 {len(migrations)} 新，请升级 PortDesk。"
            f" / The database (schema {level}) is newer than this PortDesk (schema {len(migrations)}); please upgrade."
        )
    for number, name, sql in migrations:
        if level < number <= target:
            keys_off = _FOREIGN_KEYS_OFF.search(sql) is not None
            keys_were = conn.execute("PRAGMA foreign_keys").fetchone()[0]
            if keys_off:
                conn.execute("PRAGMA foreign_keys=OFF")  # a no-op inside a transaction: set before it
            conn.execute("BEGIN IMMEDIATE")
            try:
                for statement in _split(sql):
                    conn.execute(statement)
                if keys_off and conn.execute("PRAGMA foreign_key_check").fetchone() is not None:
                    raise sqlite3.IntegrityError(f"migration {name} left broken foreign keys")
                conn.execute(f"PRAGMA user_version={number}")
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            else:
                conn.execute("COMMIT")
            finally:
                if keys_off:
                    conn.execute(f"PRAGMA foreign_keys={int(keys_were)}")
            level = number
    return level


_FOREIGN_KEYS_OFF = re.compile(r"^--\s*foreign_keys:\s*off\s*$", re.MULTILINE)


def _split(sql: str) -> list[str]:
    """Split a migration into statements (sqlite3.complete_statement keeps triggers whole)."""
    statements, buf = [], ""
    for line in sql.splitlines(keepends=True):
        if not buf and line.strip().startswith("--"):
            continue
        buf += line
        if sqlite3.complete_statement(buf):
            if buf.strip():
                statements.append(buf.strip())
            buf = ""
    if buf.strip():
        statements.append(buf.strip())
    return statements

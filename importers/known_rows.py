"""Rows imported before, recognised by their raw cells: a re-import skips coercing and comparing them.

When an import writes or confirms a spec from a good row, the spec keeps that row's *key* (its
raw cells as bytes) and a *state*: the context the file was read in (kind, header, column
mapping, options, rules), the `updated_at` of the spec and of its product right after the import,
and the category path the row named (schema level 5: specs.import_key, specs.import_state,
table import_states; one state serves every row of a batch that shares it). A later import of a
row with the same key, read in the same context, whose spec and product still carry those stamps
and whose product's category path is still the one the row named, would be planned "unchanged"
by the full comparison: the plan says so without working out the row's values. Anything else (a
cell edited, another mapping, a record edited by hand or by another import, a category renamed)
goes through the full comparison as before.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterable
from functools import cache
from typing import Final

from importers.table import ParsedTable

# Bump when how cells are coerced or rows are matched changes without a new release: the keys
# remembered before then count for nothing (their rows take the full comparison once).
RULES: Final = 2


@cache
def _version() -> str:
    """PortDesk's version (read once, when first needed: importlib.metadata costs ~30 ms)."""
    from importlib import metadata

    try:
        return metadata.version("portdesk")
    except metadata.PackageNotFoundError:  # a frozen bundle without metadata
        return "?"


def context(table: ParsedTable, overwrite_blanks: bool) -> int:
    """What besides its cells decides a row's plan: kind, header, column mapping, options, rules."""
    basis = json.dumps([RULES, _version(), table.kind, table.header_signature, table.date1904, table.year, table.month, overwrite_blanks,
                        sorted((c, f) for c, (f, _conf) in table.mapping.items())], ensure_ascii=False)
    return int.from_bytes(hashlib.blake2b(basis.encode("utf-8"), digest_size=8).digest(), "big", signed=True)


class KnownRows:
    """The remembered rows whose spec and product are untouched since, by context: key -> (spec id, product id)."""

    def __init__(self, by_context: dict[int, dict[bytes, tuple[str, str]]]) -> None:
        self._by_context = by_context

    @classmethod
    def load(cls, conn: sqlite3.Connection, category_paths: dict[str | None, str]) -> KnownRows:
        """The still valid entries of the database (`category_paths`: category id -> its path)."""
        states = {r[0]: (r[1], r[2]) for r in conn.execute("SELECT id, context, category FROM import_states")}
        cur = conn.cursor()
        cur.row_factory = None
        by_context: dict[int, dict[bytes, tuple[str, str]]] = {}
        ambiguous: set[tuple[int, bytes]] = set()
        for key, state, spec_id, product_id, category_id in cur.execute(
            "SELECT s.import_key, s.import_state, s.id, s.product_id, p.category_id FROM specs s"
            " JOIN import_states st ON st.id = s.import_state AND st.spec_at = s.updated_at"
            " JOIN products p ON p.id = s.product_id AND p.updated_at = st.product_at AND p.archived = 0"
            " WHERE s.import_key IS NOT NULL AND s.archived = 0"
        ):
            ctx, category = states.get(state, (None, None))  # None: a state made after it was read
            if ctx is None or (category is not None and category_paths.get(category_id, "") != category):
                continue
            entries = by_context.get(ctx)
            if entries is None:
                entries = by_context[ctx] = {}
            elif key in entries:
                ambiguous.add((ctx, key))  # one row, two specs (two files held the same row): decide in full
            entries[key] = (spec_id, product_id)
        for ctx, key in ambiguous:
            del by_context[ctx][key]
        return cls(by_context)

    def __len__(self) -> int:
        return sum(len(entries) for entries in self._by_context.values())

    def match(self, keys: Iterable[bytes], ctx: int) -> list[tuple[str, str] | None]:
        """For each row key (importers.row_keys), (spec id, product id) if that row is known in context `ctx`, else None."""
        entries = self._by_context.get(ctx)
        return list(map(entries.get, keys)) if entries is not None else [None for _ in keys]


class States:
    """The import_states rows a batch refers to, made as they are first needed."""

    def __init__(self, conn: sqlite3.Connection, ctx: int) -> None:
        self._conn, self._ctx = conn, ctx
        self._ids: dict[tuple[str, str, str | None], int] = {}

    def id(self, spec_at: str, product_at: str, category: str | None) -> int:
        """The id of the state (this batch's context, the two stamps, the category path)."""
        key = (spec_at, product_at, category)
        found = self._ids.get(key)
        if found is None:
            cur = self._conn.execute("INSERT INTO import_states (context, spec_at, product_at, category) VALUES (?, ?, ?, ?)",
                                     (self._ctx, spec_at, product_at, category))
            found = self._ids[key] = int(cur.lastrowid or 0)
        return found


def stamps(conn: sqlite3.Connection, table: str, ids: Iterable[str]) -> dict[str, str]:
    """id -> updated_at of these records of `table` ("products" or "specs")."""
    wanted = list(ids)
    found: dict[str, str] = {}
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        found.update(conn.execute(f"SELECT id, updated_at FROM {table} WHERE id IN ({','.join('?' * len(chunk))})",
                                  chunk).fetchall())
    return found


def forget_unused_states(conn: sqlite3.Connection) -> None:
    """Delete the states no spec refers to any more."""
    conn.execute("DELETE FROM import_states WHERE id NOT IN"
                 " (SELECT DISTINCT import_state FROM specs WHERE import_state IS NOT NULL)")

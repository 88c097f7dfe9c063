"""Rows imported before, recognised by their raw cells: a re-import skips coercing and comparing them.

After an import, every good row's raw cells (its *key*) are remembered for the spec the row
created, changed or found equal, together with the column mapping and options the file was read
with (the *context*) and the `updated_at` of the spec and of its product right after the import
(table `import_rows`, schema level 5). A later import of a row with the same key and context,
whose spec and product still carry those stamps and whose product's category path is still the
one the row named, would be planned "unchanged" by the full comparison: the plan says so without
working out the row's values. Anything else (a cell edited, another mapping, a record edited by
hand or by another import, a category renamed) goes through the full comparison as before.
"""

from __future__ import annotations

import hashlib
import json
import marshal
import sqlite3
from collections.abc import Iterable, Iterator
from importlib import metadata
from typing import Any, Final

from importers.readers import Row
from importers.table import ParsedTable

# Bump when how cells are coerced or rows are matched changes without a new release: the keys
# remembered before then count for nothing (their rows take the full comparison once).
RULES: Final = 1

_PLAIN: Final = frozenset({str, int, float, bool, type(None)})


def _version() -> str:
    try:
        return metadata.version("portdesk")
    except metadata.PackageNotFoundError:  # a frozen bundle without metadata
        return "?"


_VERSION: Final = _version()


def row_key(raw: Row) -> bytes:
    """The raw cells of a row as bytes: equal exactly when the cells are (value and type)."""
    try:
        return marshal.dumps(raw, 2)  # version 2: no back-references, so the bytes depend on the values only
    except ValueError:  # dates and times
        return marshal.dumps([c if c.__class__ in _PLAIN else (c.__class__.__name__, repr(c)) for c in raw], 2)


def context(table: ParsedTable, overwrite_blanks: bool) -> int:
    """What besides its cells decides a row's plan: kind, header, column mapping, options, rules."""
    basis = json.dumps([RULES, _VERSION, table.kind, table.header_signature, table.date1904, overwrite_blanks,
                        sorted((c, f) for c, (f, _conf) in table.mapping.items())], ensure_ascii=False)
    return int.from_bytes(hashlib.blake2b(basis.encode("utf-8"), digest_size=8).digest(), "big", signed=True)


class KnownRows:
    """The remembered rows whose spec and product are untouched since: key -> (context, (spec id, product id))."""

    def __init__(self, entries: dict[bytes, tuple[int, tuple[str, str]]]) -> None:
        self._entries = entries

    @classmethod
    def load(cls, conn: sqlite3.Connection, category_paths: dict[str | None, str]) -> KnownRows:
        """The still valid entries of the database (`category_paths`: category id -> its path)."""
        cur = conn.cursor()
        cur.row_factory = None
        entries: dict[bytes, tuple[int, tuple[str, str]]] = {}
        ambiguous: set[bytes] = set()
        for key, ctx, spec_id, product_id, category_id, category in cur.execute(
            "SELECT r.row_key, r.context, r.spec_id, s.product_id, p.category_id, r.category FROM import_rows r"
            " JOIN specs s ON s.id = r.spec_id AND s.updated_at = r.spec_at AND s.archived = 0"
            " JOIN products p ON p.id = s.product_id AND p.updated_at = r.product_at AND p.archived = 0"
        ):
            if category is not None and category_paths.get(category_id, "") != category:
                continue
            if key in entries:
                ambiguous.add(key)  # one row, two specs (two files imported the same row): decide in full
            entries[key] = (ctx, (spec_id, product_id))
        for key in ambiguous:
            del entries[key]
        return cls(entries)

    def __len__(self) -> int:
        return len(self._entries)

    def match(self, rows: Iterable[Row], ctx: int) -> list[tuple[str, str] | None]:
        """For each row, (spec id, product id) if it is known in context `ctx`, else None."""
        get, dumps = self._entries.get, marshal.dumps
        out: list[tuple[str, str] | None] = []
        for raw in rows:
            try:
                found = get(dumps(raw, 2))  # row_key, inlined: 100,000 calls cost ~15 ms
            except ValueError:
                found = get(row_key(raw))
            out.append(found[1] if found is not None and found[0] == ctx else None)
        return out


_CHUNK: Final = 20_000


def remember(conn: sqlite3.Connection, rows: Iterator[tuple[str, Row, str | None]], ctx: int) -> int:
    """Remember (spec id, raw cells, category path or None) rows, read in context `ctx`, with the
    current stamps of their spec and product: call it after the rows' records were written, in
    the same transaction. Returns how many were remembered."""
    conn.execute("DROP TABLE IF EXISTS temp.stage_import_rows")
    conn.execute("CREATE TABLE temp.stage_import_rows (spec_id, row_key, category)")
    count = 0
    chunk: list[tuple[Any, ...]] = []
    for spec_id, raw, category in rows:
        chunk.append((spec_id, row_key(raw), category))
        if len(chunk) >= _CHUNK:
            conn.executemany("INSERT INTO temp.stage_import_rows VALUES (?, ?, ?)", chunk)
            count += len(chunk)
            chunk = []
    if chunk:
        conn.executemany("INSERT INTO temp.stage_import_rows VALUES (?, ?, ?)", chunk)
        count += len(chunk)
    if count:
        conn.execute(
            "INSERT OR REPLACE INTO import_rows (spec_id, row_key, context, category, spec_at, product_at)"
            " SELECT t.spec_id, t.row_key, ?, t.category, s.updated_at, p.updated_at FROM temp.stage_import_rows t"
            " JOIN specs s ON s.id = t.spec_id JOIN products p ON p.id = s.product_id ORDER BY t.spec_id", (ctx,))
    conn.execute("DROP TABLE temp.stage_import_rows")
    return count

"""Product search: name, SKU, barcode, full pinyin and pinyin initials, substring matches.

Each product row carries a `search_text` (lower-cased name, full pinyin, initials, spec names,
SKUs, barcodes), written with the product. Queries run against an in-memory copy of those texts
joined into one string in display order: `str.find` scans it at C speed (a few ms for 100,000
products) and writing a product costs nothing extra, unlike an FTS5 trigram index, which would
triple the time of a large import. The copy is reloaded when the database changed.
"""

from __future__ import annotations

import sqlite3
from bisect import bisect_right
from collections.abc import Iterable

from catalog.pinyin import keys

_SEP = "\n"


def document(name: str, spec_parts: Iterable[str]) -> str:
    """The searchable text of a product: its name first, then pinyin, initials and spec words."""
    full, initials = keys(name)
    words = [name.lower(), full, initials]
    words += [p.lower() for p in spec_parts if p]
    return " ".join(words).replace(_SEP, " ")


class SearchIndex:
    """An in-memory search over the active products of one connection, in display order."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self._data_version: int | None = None
        self._ids: list[str] = []
        self._starts: list[int] = []
        self._texts: list[str] = []
        self._blob = ""

    def invalidate(self) -> None:
        """Forget the loaded texts (this connection wrote products)."""
        self._data_version = None

    def _refresh(self) -> None:
        version = int(self.conn.execute("PRAGMA data_version").fetchone()[0])
        if version == self._data_version:
            return
        cur = self.conn.cursor()
        cur.row_factory = None
        rows = cur.execute(
            "SELECT id, search_text FROM products WHERE archived = 0 ORDER BY sort_order, sort_key, id"
        ).fetchall()
        self._ids = [r[0] for r in rows]
        self._texts = [r[1] for r in rows]
        self._starts = []
        pos = 0
        for t in self._texts:
            self._starts.append(pos)
            pos += len(t) + 1
        self._blob = _SEP.join(self._texts)
        self._data_version = version

    def _docs_containing(self, term: str) -> list[int]:
        blob, starts, found = self._blob, self._starts, []
        pos = blob.find(term)
        while pos >= 0:
            i = bisect_right(starts, pos) - 1
            found.append(i)
            nxt = i + 1
            if nxt >= len(starts):
                break
            pos = blob.find(term, starts[nxt])
        return found

    def find(self, query: str) -> list[str]:
        """Ids of active products matching every whitespace-separated term, in display order,
        names starting with the query first."""
        terms = sorted({t for t in query.lower().split() if t}, key=len, reverse=True)
        if not terms:
            return []
        self._refresh()
        hits = self._docs_containing(terms[0])
        for term in terms[1:]:
            hits = [i for i in hits if term in self._texts[i]]
        q = query.strip().lower()
        first = [i for i in hits if self._texts[i].startswith(q)]
        if first:
            lead = set(first)
            hits = first + [i for i in hits if i not in lead]
        return [self._ids[i] for i in hits]

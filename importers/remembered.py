"""What earlier imports left to reuse: the column mapping a user confirmed, reused for files with
the same header, and the sheets of a file read before (`trusted_sheets`).

A mapping is keyed by `ParsedTable.header_signature` and stored in the `import_mappings` table as
JSON ``{"<column index>": "<field>"}``. Columns missing from a remembered mapping were ignored.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from catalog.store import Store
from importers.fields import KINDS, Kind
from importers.sniff import file_sha256


@dataclass(frozen=True, slots=True)
class RememberedMapping:
    """A confirmed mapping: the kind it was made for and column index -> field."""

    signature: str
    kind: Kind
    mapping: dict[int, str]


def load(store: Store, signature: str) -> RememberedMapping | None:
    """The remembered mapping for a header signature, or None (also for unreadable rows, and for
    the empty signature of a table without a header row)."""
    if not signature:
        return None
    row = store.conn.execute(
        "SELECT kind, mapping FROM import_mappings WHERE signature = ?", (signature,)
    ).fetchone()
    if row is None:
        return None
    kind, text = str(row[0]), str(row[1])
    if kind not in KINDS:
        return None
    try:
        raw = json.loads(text)
        mapping = {int(k): str(v) for k, v in raw.items() if v}
    except (ValueError, TypeError, AttributeError):
        return None
    kinds: dict[str, Kind] = {k: k for k in KINDS}
    return RememberedMapping(signature, kinds[kind], mapping)


def load_mapping(store: Store, signature: str) -> dict[int, str] | None:
    """Column index -> field of the mapping confirmed for this header signature, or None."""
    found = load(store, signature)
    return None if found is None else found.mapping


def save_mapping(store: Store, signature: str, kind: str, mapping: Mapping[int, str]) -> None:
    """Remember (or replace) the confirmed mapping of a header signature (a table without a
    header row has none: its columns are guessed from their values each time)."""
    if not signature:
        return
    if kind not in KINDS:
        raise ValueError(f"unknown import kind {kind!r}")
    text = json.dumps({str(int(c)): str(f) for c, f in sorted(mapping.items())}, ensure_ascii=False)
    with store.transaction() as conn:
        conn.execute(
            "INSERT INTO import_mappings (signature, kind, mapping) VALUES (?, ?, ?)"
            " ON CONFLICT (signature) DO UPDATE SET kind = excluded.kind, mapping = excluded.mapping,"
            " updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')",
            (signature, kind, text),
        )


def forget_mapping(store: Store, signature: str) -> None:
    """Drop the remembered mapping of a header signature (no error if there is none)."""
    with store.transaction() as conn:
        conn.execute("DELETE FROM import_mappings WHERE signature = ?", (signature,))


def trusted_sheets(store: Store, path: Path) -> frozenset[str]:
    """The sheets of the file at `path` that an import in force read from these very bytes (they
    passed the reader's size checks then: `importers.read_table(trusted=...)` skips them); empty
    for a new or changed file, or one that cannot be read (reading it will say why)."""
    try:
        return store.batches.sheets_read(file_sha256(path))
    except OSError:
        return frozenset()

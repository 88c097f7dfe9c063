"""Reading and acknowledging the sync outbox (rows are written by triggers, see 0001_initial.sql)."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from catalog.db import transaction

SENT_UPTO_KEY = "outbox_sent_upto"  # settings key: see Outbox.record_sent


@dataclass(frozen=True)
class OutboxRow:
    """One local change waiting for the server's acknowledgement."""

    mutation_id: int
    entity: str
    entity_id: str
    op: str
    fields: list[str]
    created_at: str


class Outbox:
    """Repository of the outbox over one connection."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def pending(self, limit: int = 500, after: int = 0) -> list[OutboxRow]:
        """Unacknowledged changes in mutation order."""
        rows = self.conn.execute(
            "SELECT mutation_id, entity, entity_id, op, fields, created_at FROM outbox"
            " WHERE mutation_id > ? ORDER BY mutation_id LIMIT ?",
            (after, limit),
        ).fetchall()
        return [OutboxRow(r[0], r[1], r[2], r[3], json.loads(r[4]), r[5]) for r in rows]

    def count(self) -> int:
        """How many changes wait to be pushed."""
        return int(self.conn.execute("SELECT count(*) FROM outbox").fetchone()[0])

    def sent_upto(self) -> int:
        """The highest mutation id ever handed to the server (0: nothing was ever sent)."""
        row = self.conn.execute("SELECT value FROM settings WHERE key = ?", (SENT_UPTO_KEY,)).fetchone()
        return 0 if row is None else int(row[0])

    def record_sent(self, up_to: int) -> None:
        """Say that rows up to `up_to` are being sent: call it before a push leaves (committed).

        Rows above it never left this PC, so they may still be dropped when what they describe
        is undone before a push; rows at or below it may already be applied on the server,
        whatever became of the response, and are only ever removed by `acknowledge`.
        """
        with transaction(self.conn):
            self.conn.execute(
                "INSERT INTO settings (key, value) VALUES (?, ?)"
                " ON CONFLICT (key) DO UPDATE SET value = max(CAST(value AS INTEGER), CAST(excluded.value AS INTEGER))",
                (SENT_UPTO_KEY, str(up_to)),
            )

    def acknowledge(self, up_to: int) -> int:
        """Remove every row the server has acknowledged (mutation_id <= up_to); returns how many."""
        with transaction(self.conn):
            cur = self.conn.execute("DELETE FROM outbox WHERE mutation_id <= ?", (up_to,))
        return cur.rowcount

    def add(self, changes: list[tuple[str, str, str, list[str]]]) -> None:
        """Write (entity, id, op, changed fields) rows for changes made while capture was paused.

        Bulk writers (imports) pause the per-row triggers and call this in the same transaction:
        one executemany costs a fraction of 100,000 trigger runs.
        """
        self.conn.executemany(
            "INSERT INTO outbox (entity, entity_id, op, fields) VALUES (?, ?, ?, ?)",
            [(e, i, op, json.dumps(fields) if fields else "[]") for e, i, op, fields in changes],
        )

    @contextmanager
    def capture_paused(self, reason: str = "sync") -> Iterator[None]:
        """Inside one transaction, apply changes that must not be echoed to the outbox (pulled ones)."""
        with transaction(self.conn):
            self.conn.execute("INSERT INTO capture_off (reason) VALUES (?)", (reason,))
            try:
                yield
            finally:
                self.conn.execute("DELETE FROM capture_off")

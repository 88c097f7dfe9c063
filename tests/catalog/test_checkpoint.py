"""A large write's commit leaves the WAL to be folded back when its connection closes
(catalog.db.checkpoint_later), not while the shopkeeper waits for the result."""

from __future__ import annotations

from pathlib import Path

from catalog.db import checkpoint_later
from catalog.store import Store

_BIG = 1500  # pages of 4 KiB: more than the 1000 after which a commit folds the WAL itself


def _write_big(store: Store) -> None:
    with store.transaction():
        store.conn.executemany("INSERT INTO settings (key, value) VALUES (?, ?)",
                               ((f"k{i}", "x" * 3000) for i in range(_BIG)))


def _sizes(db: Path) -> tuple[int, int]:
    """(database file, WAL file) sizes in bytes."""
    wal = db.with_name(db.name + "-wal")
    return db.stat().st_size, wal.stat().st_size if wal.exists() else 0


def test_a_large_write_folds_the_wal_when_its_store_closes(tmp_path: Path) -> None:
    db = tmp_path / "shop.sqlite"
    with Store.open(db) as ui:  # another connection stays open, as the main window's does
        before, _ = _sizes(db)
        worker = Store.open(db)
        with checkpoint_later(worker.conn):
            _write_big(worker)
        after_commit, wal = _sizes(db)
        assert after_commit == before and wal > _BIG * 4096  # committed, still only in the WAL
        assert ui.get_setting("k7") == "x" * 3000  # and readable by every connection
        assert worker.conn.execute("PRAGMA wal_autocheckpoint").fetchone()[0] == 1000  # restored
        worker.close()
        folded, _ = _sizes(db)
        assert folded > before + _BIG * 4096


def test_without_it_the_commit_folds_the_wal_itself(tmp_path: Path) -> None:
    db = tmp_path / "shop.sqlite"
    with Store.open(db) as ui, Store.open(db) as worker:
        before, _ = _sizes(db)
        _write_big(worker)
        assert _sizes(db)[0] > before + _BIG * 4096
        assert ui.get_setting("k7") == "x" * 3000


"""Schema migrations: every earlier level upgrades to the same schema a fresh database gets."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from catalog import migrations
from catalog.db import DatabaseError, connect


def _schema(conn: sqlite3.Connection) -> list[tuple[str, str]]:
    rows = conn.execute(
        "SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name"
    ).fetchall()
    return [(r[0], r[1]) for r in rows]


def _columns(conn: sqlite3.Connection, table: str) -> list[str]:
    return [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]


def test_fresh_database_is_at_latest_level(tmp_path: Path) -> None:
    conn = connect(tmp_path / "a.sqlite")
    assert migrations.current(conn) == migrations.latest() >= 2
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    conn.close()


@pytest.mark.parametrize("level", range(0, migrations.latest()))
def test_upgrade_from_every_earlier_level(tmp_path: Path, level: int) -> None:
    old_path = tmp_path / f"level{level}.sqlite"
    old = sqlite3.connect(old_path, isolation_level=None)
    migrations.migrate(old, target=level)
    assert migrations.current(old) == level
    if level >= 1:  # data written by that version survives the upgrade
        old.execute("INSERT INTO products (id, name) VALUES ('p1', '青岛啤酒')")
        old.execute("INSERT INTO specs (id, product_id, price_fen) VALUES ('s1', 'p1', 800)")
    old.close()

    upgraded = connect(old_path)
    fresh = connect(tmp_path / "fresh.sqlite")
    assert migrations.current(upgraded) == migrations.latest()
    assert _schema(upgraded) == _schema(fresh)
    for _, name in _schema(fresh):
        if fresh.execute("SELECT type FROM sqlite_master WHERE name = ?", (name,)).fetchone()[0] == "table":
            assert _columns(upgraded, name) == _columns(fresh, name)
    if level >= 1:
        assert upgraded.execute("SELECT price_fen FROM specs WHERE id = 's1'").fetchone()[0] == 800
    upgraded.close()
    fresh.close()


def test_rebuilding_import_batches_keeps_every_batch_and_its_undo_records(tmp_path: Path) -> None:
    path = tmp_path / "level5.sqlite"
    old = sqlite3.connect(path, isolation_level=None)
    migrations.migrate(old, target=5)
    old.execute("PRAGMA foreign_keys=ON")
    old.execute("INSERT INTO import_batches (id, file_name, kind, stamp, summary) VALUES"
                " ('b1', '商品.xlsx', 'products', '2026-11-01T00:00:00.000001Z', '{\"created\": 1}')")
    old.execute("INSERT INTO import_changes (batch_id, seq, entity, entity_id, op, before) VALUES"
                " ('b1', 1, 'product', 'p1', 'update', '{}')")
    old.execute("INSERT INTO ledger_entries (id, batch_id, occurred_at, amount_fen) VALUES ('l1', 'b1', '2026-11-01', 800)")
    old.close()

    conn = connect(path)
    assert migrations.current(conn) == migrations.latest()
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1  # on again after the rebuild
    assert [tuple(r) for r in conn.execute("SELECT file_name, stamp, summary FROM import_batches")] == [
        ("商品.xlsx", "2026-11-01T00:00:00.000001Z", '{"created": 1}')]
    assert conn.execute("SELECT count(*) FROM import_changes").fetchone()[0] == 1  # no cascade at the rebuild
    assert {r[2] for r in conn.execute("PRAGMA foreign_key_list(import_changes)")} == {"import_batches"}
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    conn.execute("INSERT INTO import_batches (id, file_name, kind) VALUES ('b2', '商品图片', 'photos')")
    with pytest.raises(sqlite3.IntegrityError):
        conn.execute("INSERT INTO import_batches (id, file_name, kind) VALUES ('b3', 'x', 'other')")
    conn.execute("DELETE FROM ledger_entries")
    conn.execute("DELETE FROM import_batches WHERE id = 'b1'")
    assert conn.execute("SELECT count(*) FROM import_changes").fetchone()[0] == 0  # the cascade works again
    conn.close()


def test_specs_get_the_market_price_flag_and_forget_the_rows_that_may_have_said_shijia(tmp_path: Path) -> None:
    """Level 7: a spec imported from a 时价 cell had price 0; its file row is read again next time,
    so that import sets the flag. A spec with a price keeps what its row imported."""
    path = tmp_path / "level6.sqlite"
    old = sqlite3.connect(path, isolation_level=None)
    migrations.migrate(old, target=6)
    old.execute("INSERT INTO products (id, name) VALUES ('p1', '清蒸大虾'), ('p2', '辣炒蛤蜊')")
    old.execute("INSERT INTO specs (id, product_id, price_fen, import_key) VALUES ('s1', 'p1', 0, x'01'), ('s2', 'p2', 3800, x'02')")
    old.execute("INSERT INTO products (id, name, description) VALUES ('p3', '梭子蟹', ' 今日估清 '), ('p4', '鲅鱼水饺', '手工现包')")
    old.execute("DELETE FROM outbox")
    old.close()

    conn = connect(path)
    assert [tuple(r) for r in conn.execute("SELECT id, market_price, import_key FROM specs ORDER BY id")] == [
        ("s1", 0, None), ("s2", 0, b"\x02")]
    # a 备注 of 估清 imported before as the description: now the dish's state, as an import reads it
    assert [tuple(r) for r in conn.execute("SELECT id, sold_out, description FROM products WHERE id IN ('p3', 'p4') ORDER BY id")] == [
        ("p3", 1, ""), ("p4", 0, "手工现包")]
    assert [r[0] for r in conn.execute("SELECT entity_id FROM outbox")] == ["p3"]  # that change goes to the port
    conn.execute("DELETE FROM outbox")
    conn.execute("UPDATE specs SET market_price = 1 WHERE id = 's1'")
    assert conn.execute("SELECT fields FROM outbox").fetchone()[0] == '["market_price"]'
    with pytest.raises(sqlite3.IntegrityError):
        conn.execute("UPDATE specs SET market_price = 2 WHERE id = 's1'")
    conn.close()


def test_failed_migration_leaves_the_database_at_its_level(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = migrations.available()
    broken = [*real, (len(real) + 1, f"{len(real) + 1:04d}_broken.sql", "CREATE TABLE x (a);\nTHIS IS NOT SQL;")]
    monkeypatch.setattr(migrations, "available", lambda: broken)
    conn = sqlite3.connect(tmp_path / "b.sqlite", isolation_level=None)
    with pytest.raises(sqlite3.OperationalError):
        migrations.migrate(conn)
    assert migrations.current(conn) == len(real)
    assert conn.execute("SELECT count(*) FROM sqlite_master WHERE name = 'x'").fetchone()[0] == 0
    conn.close()


def test_database_from_a_newer_portdesk_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "new.sqlite"
    raw = sqlite3.connect(path)
    raw.execute(f"PRAGMA user_version = {migrations.latest() + 5}")
    raw.close()
    with pytest.raises(migrations.SchemaTooNewError, match="upgrade"):
        connect(path)


def test_not_a_database_gives_a_plain_message(tmp_path: Path) -> None:
    path = tmp_path / "junk.sqlite"
    path.write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(DatabaseError, match=r"junk\.sqlite"):
        connect(path)


def test_every_foreign_key_of_a_big_table_is_indexed(tmp_path: Path) -> None:
    """Deleting a parent looks up its children: without an index that is a scan per deleted row
    (undoing a 100,000-row import never ended). Small tables are exempt."""
    conn = sqlite3.connect(tmp_path / "fk.sqlite")
    migrations.migrate(conn)
    small = {("categories", "parent_id"), ("dining_tables", "menu_id")}
    missing = []
    tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    for table in tables:
        leading = set()
        for (index,) in conn.execute(f"SELECT name FROM pragma_index_list('{table}')"):
            first = conn.execute(f"SELECT name FROM pragma_index_info('{index}') WHERE seqno = 0").fetchone()
            if first and first[0]:
                leading.add(first[0])
        for fk in conn.execute(f"PRAGMA foreign_key_list({table})"):
            if fk[3] not in leading and (table, fk[3]) not in small:
                missing.append(f"{table}.{fk[3]}")
    assert missing == []

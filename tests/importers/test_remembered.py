"""Remembered column mappings: saved per header signature, reused on the next read."""

from __future__ import annotations

from pathlib import Path

import pytest

from catalog.store import Store
from importers import read_table
from importers.remembered import forget_mapping, load, load_mapping, save_mapping


def test_nothing_remembered(store: Store) -> None:
    assert load_mapping(store, "abc") is None
    assert load(store, "abc") is None


def test_save_and_load_round_trip(store: Store) -> None:
    save_mapping(store, "sig1", "products", {0: "name", 3: "price_fen"})
    assert load_mapping(store, "sig1") == {0: "name", 3: "price_fen"}
    found = load(store, "sig1")
    assert found is not None and found.kind == "products"


def test_save_replaces(store: Store) -> None:
    save_mapping(store, "sig1", "products", {0: "name"})
    save_mapping(store, "sig1", "menu", {1: "name", 2: "spicy_level"})
    found = load(store, "sig1")
    assert found is not None
    assert found.kind == "menu" and found.mapping == {1: "name", 2: "spicy_level"}
    assert store.conn.execute("SELECT count(*) FROM import_mappings").fetchone()[0] == 1


def test_survives_reopen(tmp_path: Path) -> None:
    path = tmp_path / "shop.sqlite"
    with Store.open(path) as s:
        save_mapping(s, "sig2", "ledger", {0: "occurred_at", 1: "amount_fen"})
    with Store.open(path) as s:
        assert load_mapping(s, "sig2") == {0: "occurred_at", 1: "amount_fen"}


def test_bad_kind_refused(store: Store) -> None:
    with pytest.raises(ValueError):
        save_mapping(store, "sig", "cars", {0: "name"})


def test_forget(store: Store) -> None:
    save_mapping(store, "sig", "products", {0: "name"})
    forget_mapping(store, "sig")
    assert load_mapping(store, "sig") is None


def test_reused_as_override(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "goods.csv"
    path.write_text("货物,备注,价钱\n啤酒,好喝,8\n", encoding="utf-8")
    first = read_table(path, kind="products")
    save_mapping(store, first.header_signature, "products", {0: "name", 1: "description", 2: "price_fen"})
    remembered = load_mapping(store, first.header_signature)
    assert remembered is not None
    again = read_table(path, kind="products", mapping_override={c: remembered.get(c) for c in range(len(first.headers))})
    assert again.rows[0].values == {"name": "啤酒", "description": "好喝", "price_fen": 800}


def test_a_table_without_a_header_row_remembers_nothing(store: Store, tmp_path: Path) -> None:
    """Every headerless file of one width had the same signature: a mapping confirmed for
    名称 | 售价 | 库存 was used for another laid out 名称 | 库存 | 售价, its stock read as the price."""
    one, other = tmp_path / "a.csv", tmp_path / "b.csv"
    one.write_text("青岛啤酒,8,100\n崂山可乐,3.5,50\n", encoding="utf-8")
    other.write_text("青岛啤酒,100,¥8\n崂山可乐,50,¥3.5\n", encoding="utf-8")
    first, second = read_table(one, kind="products"), read_table(other, kind="products")
    assert first.header_row is None and first.header_signature == second.header_signature == ""
    save_mapping(store, first.header_signature, "products", {0: "name", 1: "price_fen", 2: "stock"})
    assert load(store, second.header_signature) is None
    assert store.conn.execute("SELECT count(*) FROM import_mappings").fetchone()[0] == 0

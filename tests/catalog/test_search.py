"""Search by name, pinyin, initials, SKU and barcode, on a real database."""

from __future__ import annotations

from pathlib import Path

import pytest

from catalog.models import Product, Spec
from catalog.pinyin import keys
from catalog.store import Store


@pytest.fixture
def shop(store: Store) -> Store:
    store.products.save_many([
        Product("青岛啤酒原浆", specs=[Spec("1L", "QD001", "6901035600156", 2500)]),
        Product("青岛纯生", specs=[Spec("500ml", "QD002", "6901035603577", 800)]),
        Product("崂山可乐", specs=[Spec("330ml", "LS001", "6921581596048", 400)]),
        Product("辣炒蛤蜊", kind="dish"),
        Product("银行卡套"),
        Product("Type-C 数据线", specs=[Spec("1米", "CABLE-1")]),
    ])
    return store


def names(store: Store, query: str) -> list[str]:
    return [r.name for r in store.products.rows(store.products.ids(query=query))]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("qdpj", ["青岛啤酒原浆"]),  # pinyin initials
        ("qd", ["青岛啤酒原浆", "青岛纯生"]),
        ("qingdao", ["青岛啤酒原浆", "青岛纯生"]),  # full pinyin
        ("QINGDAO", ["青岛啤酒原浆", "青岛纯生"]),
        ("啤酒", ["青岛啤酒原浆"]),  # two-character substring
        ("蛤", ["辣炒蛤蜊"]),
        ("原浆", ["青岛啤酒原浆"]),
        ("lcgl", ["辣炒蛤蜊"]),
        ("yhk", ["银行卡套"]),  # 行 read as hang in 银行
        ("qd002", ["青岛纯生"]),  # SKU, case-insensitive
        ("6921581596048", ["崂山可乐"]),  # barcode
        ("901035600", ["青岛啤酒原浆"]),  # partial barcode
        ("type-c", ["Type-C 数据线"]),
        ("青岛 500ml", ["青岛纯生"]),  # every term must match
        ("不存在", []),
    ],
)
def test_queries(shop: Store, query: str, expected: list[str]) -> None:
    assert sorted(names(shop, query)) == sorted(expected)


def test_exact_code_first_then_name_prefix(store: Store) -> None:
    store.products.save_many([
        Product("啤酒杯", specs=[Spec(sku="X1")]),
        Product("青岛啤酒", specs=[Spec(barcode="6901035600156")]),
        Product("配件 6901035600156 套装"),
    ])
    assert names(store, "6901035600156")[0] == "青岛啤酒"
    assert names(store, "啤酒")[0] == "啤酒杯"


def test_index_follows_edits_and_other_connections(store: Store, tmp_path: Path) -> None:
    p = store.products.save(Product("崂山白花蛇草水"))
    assert names(store, "bhsc") == ["崂山白花蛇草水"]
    p.name = "崂山矿泉水"
    store.products.save(p)
    assert names(store, "bhsc") == [] and names(store, "kqs") == ["崂山矿泉水"]
    with Store.open(store.path) as other:
        other.products.save(Product("崂山可乐"))
    assert names(store, "lskl") == ["崂山可乐"]
    store.products.set_archived([p.id])
    assert names(store, "kqs") == []


def test_find_by_code(shop: Store) -> None:
    found = shop.products.find_by_code(" 6921581596048 ")
    assert len(found) == 1
    assert shop.products.get(found[0][0]).name == "崂山可乐"  # type: ignore[union-attr]
    assert shop.products.find_by_code("") == []


@pytest.mark.parametrize(
    ("name", "full", "initials"),
    [("青岛啤酒", "qingdaopijiu", "qdpj"), ("长城干红", "changchengganhong", "ccgh"), ("重庆小面", "chongqingxiaomian", "cqxm"),
     ("500ml青岛", "500mlqingdao", "500mlqd"), ("绿豆", "lvdou", "ld")],
)
def test_pinyin_keys(name: str, full: str, initials: str) -> None:
    assert keys(name) == (full, initials)

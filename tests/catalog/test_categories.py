"""The category tree: add, paths, rename, move without cycles, archive."""

from __future__ import annotations

import pytest

from catalog.categories import CategoryError
from catalog.models import Product
from catalog.store import Store


def test_tree_order_and_paths(store: Store) -> None:
    beer = store.categories.ensure_path("酒水/啤酒")
    store.categories.ensure_path("海鲜")
    store.categories.ensure_path("酒水＞饮料")
    assert [c.name for c in store.categories.all()] == ["海鲜", "酒水", "啤酒", "饮料"]
    assert store.categories.path_of(beer) == "酒水/啤酒"
    assert store.categories.ensure_path("酒水 / 啤酒") == beer


def test_duplicate_sibling_refused(store: Store) -> None:
    store.categories.add("海鲜")
    with pytest.raises(CategoryError, match="already exists"):
        store.categories.add("海鲜")


def test_move_under_itself_refused(store: Store) -> None:
    top = store.categories.ensure_path("酒水")
    child = store.categories.ensure_path("酒水/啤酒")
    with pytest.raises(CategoryError, match="under itself"):
        store.categories.move(top, child)
    store.categories.move(child, None)
    assert store.categories.get(child).parent_id is None  # type: ignore[union-attr]


def test_rename_and_archive_subtree(store: Store) -> None:
    top = store.categories.ensure_path("酒水")
    child = store.categories.ensure_path("酒水/啤酒")
    p = store.products.save(Product("青岛啤酒", category_id=child))
    store.categories.rename(top, "饮品")
    assert store.categories.path_of(child) == "饮品/啤酒"
    store.categories.archive(top)
    assert store.categories.all() == []
    assert store.products.get(p.id).category_id is None  # type: ignore[union-attr]
    assert {r.entity for r in store.outbox.pending()} >= {"category", "product"}


def test_empty_name_refused(store: Store) -> None:
    with pytest.raises(CategoryError):
        store.categories.add("   ")

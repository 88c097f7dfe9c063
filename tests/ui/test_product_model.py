"""The product table model: Qt's model contract, lazy chunked loading, filters, sorting."""

from __future__ import annotations

import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableView

from catalog.search import document
from catalog.store import Store
from ui.product_model import CHUNK, COLUMNS, PHOTO_HEIGHT, PHOTO_WIDTH, ProductTableModel

BIG = 100_000

pytestmark = pytest.mark.usefixtures("english_ui", "no_unexpected_dialogs")


def test_model_passes_qt_model_tester(qtmodeltester, store, beer_shop):
    model = ProductTableModel(store)
    model.set_filter()
    assert model.rowCount() == 4
    qtmodeltester.check(model)
    model.set_filter(query="啤酒")
    qtmodeltester.check(model)


def test_cells_show_money_status_and_sold_out(store, add_product):
    add_product("辣炒蛤蜊", price=3850, status="off", sold_out=True, kind="dish")
    model = ProductTableModel(store)
    model.set_filter()
    row = {key: model.index(0, i).data() for i, key in enumerate(COLUMNS)}
    assert row["name"] == "辣炒蛤蜊"
    assert row["price"] == "¥38.50"
    assert row["status"] == "Off shelf"
    assert row["sold_out"] == "Sold out"
    assert model.index(0, 0).data(Qt.ItemDataRole.UserRole) == model.product_id(0)


def test_a_product_with_photos_shows_its_first_beside_its_name(qtbot, store, add_product):
    from tests.workbooks import png

    first, second = store.media.add(png("red", (60, 30))), store.media.add(png("blue"))
    add_product("辣炒蛤蜊", images=[first, second])
    add_product("拍黄瓜")
    model = ProductTableModel(store)
    model.set_filter()
    names = [model.index(r, 0).data() for r in range(2)]
    cell = model.index(names.index("辣炒蛤蜊"), 0)
    with qtbot.waitSignal(model.dataChanged, timeout=5000):  # decoded in the background meanwhile
        placeholder = cell.data(Qt.ItemDataRole.DecorationRole)
    assert placeholder.height() == PHOTO_HEIGHT and placeholder.toImage().pixelColor(5, 5).alpha() == 0
    photo = cell.data(Qt.ItemDataRole.DecorationRole).toImage()
    assert (photo.height(), photo.width()) == (PHOTO_HEIGHT, PHOTO_WIDTH)  # a 2:1 photo fitted into the box
    assert photo.pixelColor(PHOTO_WIDTH // 2, PHOTO_HEIGHT // 2).red() == 255  # the first photo, not the second
    assert photo.pixelColor(PHOTO_WIDTH // 2, 0).alpha() == 0  # centred: blank above and below
    blank = model.index(names.index("拍黄瓜"), 0).data(Qt.ItemDataRole.DecorationRole)  # a blank box: names line up
    assert (blank.width(), blank.height()) == (PHOTO_WIDTH, PHOTO_HEIGHT) and blank.toImage().pixelColor(5, 5).alpha() == 0
    assert model.index(names.index("辣炒蛤蜊"), 1).data(Qt.ItemDataRole.DecorationRole) is None


def test_a_shop_without_photos_has_no_photo_boxes(store, add_product):
    add_product("拍黄瓜")
    model = ProductTableModel(store)
    model.set_filter()
    assert model.index(0, 0).data(Qt.ItemDataRole.DecorationRole) is None


def test_name_sort_reverses_without_reloading(store, beer_shop, monkeypatch):
    model = ProductTableModel(store)
    model.set_filter()
    first = [model.index(r, 0).data() for r in range(model.rowCount())]
    monkeypatch.setattr(store.products, "ids", lambda **kw: pytest.fail("sorting must not re-query"))
    model.sort(0, Qt.SortOrder.DescendingOrder)
    assert [model.index(r, 0).data() for r in range(model.rowCount())] == first[::-1]
    model.sort(3, Qt.SortOrder.AscendingOrder)  # unsupported column: order unchanged
    assert [model.index(r, 0).data() for r in range(model.rowCount())] == first[::-1]


@pytest.fixture(scope="module")
def big_shop(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """100,000 products inserted directly with executemany (save_many would take ~15 s)."""
    path = tmp_path_factory.mktemp("big") / "shop.sqlite"
    with Store.open(path) as store:
        products, specs = [], []
        for i in range(BIG):
            pid, name = str(uuid.uuid4()), f"商品{i:06d}"
            products.append((pid, name, f"shangpin{i:06d}", document(name, [f"SKU{i:06d}"])))
            specs.append((str(uuid.uuid4()), pid, f"SKU{i:06d}", f"69{i:011d}", 100 + i % 5000))
        with store.transaction() as conn:
            conn.executemany("INSERT INTO products (id, name, sort_key, search_text) VALUES (?, ?, ?, ?)", products)
            conn.executemany(
                "INSERT INTO specs (id, product_id, sku, barcode, price_fen) VALUES (?, ?, ?, ?, ?)", specs
            )
    yield path


@pytest.fixture
def big_store(big_shop: Path) -> Iterator[Store]:
    """The 100,000-product shop, opened for one test."""
    with Store.open(big_shop) as store:
        yield store


def test_only_visible_rows_are_fetched(qtbot, big_store, monkeypatch):
    calls: list[int] = []
    real_rows = big_store.products.rows

    def counting_rows(ids):
        calls.append(len(ids))
        return real_rows(ids)

    monkeypatch.setattr(big_store.products, "rows", counting_rows)
    model = ProductTableModel(big_store)
    started = time.perf_counter()
    model.set_filter()
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.resize(900, 600)
    view.show()
    qtbot.waitExposed(view)
    qtbot.wait(50)
    assert time.perf_counter() - started < 3.0
    assert model.rowCount() == BIG
    assert 1 <= len(calls) <= 2 and sum(calls) <= 2 * CHUNK
    assert model.cached_count() <= 2 * CHUNK
    view.scrollToBottom()
    qtbot.wait(50)
    assert model.index(BIG - 1, 0).data() == "商品099999"
    assert model.cached_count() <= 4 * CHUNK
    assert sum(calls) <= 4 * CHUNK


def test_search_on_big_shop_keeps_rows_lazy(big_store):
    model = ProductTableModel(big_store)
    model.set_filter(query="sp0999")
    assert model.rowCount() == 100  # 商品099900 … 商品099999 by pinyin initials
    assert model.cached_count() == 0
    assert model.index(0, 0).data().startswith("商品0999")

"""The product editor: create with two specs and a photo, edit, undo, redo; plain validation messages."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from PySide6.QtCore import Qt

from catalog.models import AttributeOption
from catalog.store import Store
from ui import image_strip
from ui.attribute_table import format_options, parse_options
from ui.product_editor import ProductEditor

pytestmark = pytest.mark.usefixtures("english_ui", "no_unexpected_dialogs")


def drive(window, monkeypatch, fill):
    """Replace the modal exec() of the main window's editor with `fill(editor)` (then Save)."""
    opened: list[ProductEditor] = []

    def run(editor: ProductEditor) -> None:
        opened.append(editor)
        fill(editor)

    monkeypatch.setattr(window, "_run_editor", run)
    return opened


def shown_names(win) -> list[str]:
    return [win.model.index(r, 0).data() for r in range(win.model.rowCount())]


def test_create_edit_undo_redo_round_trip(qtbot, window, monkeypatch, png_file):
    store = window.store
    beer = store.categories.ensure_path("酒水/啤酒")
    window.refresh_all()
    monkeypatch.setattr(image_strip, "ask_image_path", lambda _parent: png_file)

    def fill_new(ed: ProductEditor) -> None:
        ed.name_edit.setText("青岛啤酒")
        ed.category_combo.setCurrentIndex(ed.category_combo.findData(beer))
        ed.unit_combo.setCurrentText("瓶")
        ed.spec_table.set_cell(0, "name", "500ml")
        ed.spec_table.set_cell(0, "sku", "QD500")
        ed.spec_table.set_cell(0, "barcode", "6901035600019")
        ed.spec_table.set_cell(0, "price", "8")
        ed.spec_table.set_cell(0, "member_price", "7.5")
        ed.spec_table.set_cell(0, "cost", "¥4.20")
        ed.spec_table.set_cell(0, "stock", "24")
        row = ed.spec_table.add_row()
        ed.spec_table.set_cell(row, "name", "330ml")
        ed.spec_table.set_cell(row, "sku", "QD330")
        ed.spec_table.set_cell(row, "price", "6.00")
        qtbot.mouseClick(ed.image_strip.add_button, Qt.MouseButton.LeftButton)
        ed.shelf_life_spin.setValue(180)
        ed.allergen_checks["gluten"].setChecked(True)
        ed.allergen_checks["alcohol"].setChecked(True)
        ed.accept()
        assert ed.error_label.isHidden(), ed.error_label.text()

    opened = drive(window, monkeypatch, fill_new)
    window.act_new.trigger()
    created = opened[0].saved
    assert created is not None
    p = store.products.get(created.id)
    assert p.name == "青岛啤酒" and p.unit == "瓶" and p.category_id == beer and p.shelf_life_days == 180
    assert [(s.name, s.sku, s.price_fen, s.member_price_fen, s.cost_fen) for s in p.specs] == [
        ("500ml", "QD500", 800, 750, 420), ("330ml", "QD330", 600, None, None)]
    assert p.specs[0].barcode == "6901035600019" and p.specs[0].stock == Decimal("24")
    assert len(p.images) == 1 and store.media.get(p.images[0]) == png_file.read_bytes()
    assert p.allergens == ["gluten", "alcohol"]
    assert window.selected_ids() == [p.id]
    assert opened[0].image_strip.list.count() == 1
    assert not opened[0].image_strip.list.item(0).icon().isNull()  # the thumbnail

    def fill_edit(ed: ProductEditor) -> None:
        assert ed.name_edit.text() == "青岛啤酒"
        assert ed.spec_table.table.rowCount() == 2
        ed.name_edit.setText("青岛纯生")
        ed.spec_table.set_cell(0, "price", "9.50")
        ed.spec_table.table.selectRow(1)
        ed.spec_table.remove_selected()
        ed.accept()

    opened = drive(window, monkeypatch, fill_edit)
    window.act_edit.trigger()
    p = store.products.get(created.id)
    assert p.name == "青岛纯生" and [s.price_fen for s in p.specs] == [950]
    assert shown_names(window) == ["青岛纯生"]

    window.act_undo.trigger()  # the edit
    p = store.products.get(created.id)
    assert p.name == "青岛啤酒" and [s.price_fen for s in p.specs] == [800, 600] and len(p.images) == 1
    assert shown_names(window) == ["青岛啤酒"]
    window.act_undo.trigger()  # the creation: archived
    assert store.products.get(created.id).archived
    assert shown_names(window) == []
    window.act_redo.trigger()
    assert not store.products.get(created.id).archived
    window.act_redo.trigger()
    p = store.products.get(created.id)
    assert p.name == "青岛纯生" and [s.price_fen for s in p.specs] == [950]
    assert shown_names(window) == ["青岛纯生"]


def test_validation_messages_are_plain_and_keep_the_dialog_open(qtbot, store, add_product):
    add_product("崂山啤酒", sku="LS1")
    saved = []

    def save(p):
        saved.append(store.products.save(p))
        return saved[-1]

    ed = ProductEditor(store, save)
    qtbot.addWidget(ed)
    ed.accept()
    assert ed.error_label.text() == "Please type the product's name."
    ed.name_edit.setText("青岛啤酒")
    ed.spec_table.set_cell(0, "price", "八块")
    ed.accept()
    assert "“八块” is not a valid amount" in ed.error_label.text() and "Spec row 1" in ed.error_label.text()
    ed.spec_table.set_cell(0, "price", "8")
    ed.spec_table.set_cell(0, "sku", "LS1")  # taken: the store's own words
    ed.accept()
    assert "LS1" in ed.error_label.text() and "崂山啤酒" in ed.error_label.text()
    assert "Traceback" not in ed.error_label.text()
    assert not saved and ed.result() == 0
    ed.spec_table.set_cell(0, "sku", "QD1")
    ed.accept()
    assert saved and ed.saved is not None and ed.result() == ProductEditor.DialogCode.Accepted


def test_dish_attributes_round_trip(qtbot, store):
    ed = ProductEditor(store, store.products.save)
    qtbot.addWidget(ed)
    ed.name_edit.setText("辣炒蛤蜊")
    ed.kind_combo.setCurrentIndex(ed.kind_combo.findData("dish"))
    ed.spicy_combo.setCurrentIndex(2)
    ed.sold_out_check.setChecked(True)
    row = ed.attribute_table.add_row()
    ed.attribute_table.table.item(row, 0).setText("加料")
    ed.attribute_table.table.cellWidget(row, 1).setCurrentIndex(2)
    ed.attribute_table.table.item(row, 2).setText("加蛋+2, 加粉丝＋1.5，原味")
    ed.accept()
    p = store.products.get(ed.saved.id)
    assert p.kind == "dish" and p.spicy_level == 2 and p.sold_out
    group = p.attributes[0]
    assert (group.name, group.kind) == ("加料", "addon")
    assert [(o.name, o.price_fen) for o in group.options] == [("加蛋", 200), ("加粉丝", 150), ("原味", 0)]
    again = ProductEditor(store, store.products.save, p)
    qtbot.addWidget(again)
    assert again.attribute_table.groups() == p.attributes


def test_options_text_parses_and_formats():
    assert parse_options("微辣、中辣; 加蛋 + ¥2元") == [
        AttributeOption("微辣"), AttributeOption("中辣"), AttributeOption("加蛋", 200)]
    assert format_options([AttributeOption("加蛋", 250), AttributeOption("微辣")]) == "加蛋+2.50, 微辣"


def test_the_photo_strip_shows_photos_decoded_in_the_background(qtbot: Any, store: Store) -> None:
    from tests.workbooks import png

    digest = store.media.add(png("red", (300, 200), fmt="JPEG"))
    strip = image_strip.ImageStrip(store)
    qtbot.addWidget(strip)
    with qtbot.waitSignal(strip.thumbnails.sig_ready, timeout=5000):
        strip.set_images([digest])
    icon = strip.list.item(0).icon().pixmap(image_strip.THUMB, image_strip.THUMB)
    assert icon.toImage().pixelColor(icon.width() // 2, icon.height() // 2).red() > 200
    assert strip.images() == [digest]


def test_a_spec_sold_at_the_days_price_is_typed_as_shijia_and_keeps_its_last_price(qtbot: Any, store: Store) -> None:
    from catalog.models import Product, Spec

    shrimp = store.products.save(Product(name="清蒸大虾", kind="dish", unit="斤",
                                         specs=[Spec("活虾", price_fen=12800), Spec("冻虾", price_fen=6800)]))
    ed = ProductEditor(store, store.products.save, shrimp)
    qtbot.addWidget(ed)
    assert ed.spec_table.table.item(0, 3).text() == "128.00"
    ed.spec_table.set_cell(0, "price", "时价")  # today's price depends on the catch
    ed.accept()
    saved = store.products.get(shrimp.id)
    assert saved is not None
    assert [(s.name, s.price_fen, s.market_price) for s in saved.specs] == [("活虾", 12800, True), ("冻虾", 6800, False)]
    row = store.products.rows([shrimp.id])[0]
    assert row.market_price and (row.min_price_fen, row.max_price_fen) == (6800, 6800)
    again = ProductEditor(store, store.products.save, saved)
    qtbot.addWidget(again)
    assert again.spec_table.table.item(0, 3).text() == "时价"
    again.spec_table.set_cell(0, "price", "138")  # a price again
    again.accept()
    saved = store.products.get(shrimp.id)
    assert saved is not None and (saved.specs[0].price_fen, saved.specs[0].market_price) == (13800, False)
    outbox = [r[0] for r in store.conn.execute("SELECT fields FROM outbox WHERE entity = 'spec' AND op = 'update'")]
    assert any("market_price" in f for f in outbox)  # the flag's change goes to the port like any field

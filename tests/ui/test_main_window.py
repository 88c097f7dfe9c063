"""The main window on a real shop: search (pinyin too), scanner, sidebar, welcome, delete + undo, drops."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent, QInputMethodEvent
from PySide6.QtWidgets import QApplication

from ui import dialogs
from ui.search_box import DEBOUNCE_MS

pytestmark = pytest.mark.usefixtures("english_ui", "no_unexpected_dialogs")


def type_chinese(widget, text: str) -> None:
    """Commit text through the input method, as a Chinese IME does (QTest types ASCII only)."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def shown_names(win) -> list[str]:
    return [win.model.index(r, 0).data() for r in range(win.model.rowCount())]


def test_lists_every_product_with_counts_in_the_sidebar(qtbot, window, beer_shop):
    window.refresh_all()
    assert len(shown_names(window)) == 4
    qtbot.waitUntil(lambda: window.sidebar.tree_model.index_of(None).siblingAtColumn(1).data() == "4")
    beer = window.store.categories.ensure_path("酒水/啤酒")
    drinks = window.store.categories.ensure_path("酒水")
    assert window.sidebar.tree_model.index_of(beer).siblingAtColumn(1).data() == "2"
    assert window.sidebar.tree_model.index_of(drinks).siblingAtColumn(1).data() == "2"
    assert "4 product" in window.count_label.text()
    assert window.sync_label.text() == "Sync: offline"


def test_search_box_filters_by_pinyin_initials_after_a_pause(qtbot, window, beer_shop):
    window.refresh_all()
    qtbot.keyClicks(window.search_box, "qdpj")
    assert len(shown_names(window)) == 4  # debounced: nothing yet
    with qtbot.waitSignal(window.search_box.sig_search_changed, timeout=DEBOUNCE_MS * 10):
        pass
    assert shown_names(window) == ["青岛啤酒"]
    window.search_box.clear()
    assert len(shown_names(window)) == 4


def test_search_by_chinese_and_sku(qtbot, window, beer_shop):
    window.refresh_all()
    type_chinese(window.search_box, "啤酒")
    qtbot.waitUntil(lambda: len(shown_names(window)) == 2)
    window.search_box.clear()
    qtbot.keyClicks(window.search_box, "d00")
    qtbot.waitUntil(lambda: sorted(shown_names(window)) == ["辣炒蛤蜊", "鲅鱼水饺"])


def test_scanner_code_and_enter_selects_the_product(qtbot, window, beer_shop):
    window.refresh_all()
    window.search_box.setFocus()
    qtbot.keyClicks(window.search_box, "6901035611111")
    qtbot.keyClick(window.search_box, Qt.Key.Key_Return)  # at once, no debounce wait
    assert window.selected_ids() == [beer_shop["ls"].id]
    assert window.search_box.selectedText() == "6901035611111"  # the next scan replaces it
    qtbot.keyClicks(window.search_box, "QD500")
    qtbot.keyClick(window.search_box, Qt.Key.Key_Enter)
    assert window.selected_ids() == [beer_shop["qd"].id]
    assert window.search_box.text() == "QD500"


def test_scan_finds_a_product_outside_the_selected_category(qtbot, window, beer_shop):
    window.refresh_all()
    window.sidebar.select_category(beer_shop["gl"].category_id)
    assert shown_names(window) == ["辣炒蛤蜊"]
    qtbot.keyClicks(window.search_box, "6901035600019")
    qtbot.keyClick(window.search_box, Qt.Key.Key_Return)
    assert window.selected_ids() == [beer_shop["qd"].id]
    assert window.sidebar.current_category() is None


def test_sidebar_filters_by_category_including_subcategories(qtbot, window, beer_shop):
    window.refresh_all()
    drinks = window.store.categories.ensure_path("酒水")
    window.sidebar.select_category(drinks)
    assert sorted(shown_names(window)) == ["崂山啤酒", "青岛啤酒"]
    window.sidebar.select_category(None)
    assert len(shown_names(window)) == 4


def test_sidebar_adds_renames_and_deletes_categories(qtbot, window, beer_shop, monkeypatch):
    window.refresh_all()
    monkeypatch.setattr(dialogs, "ask_text", lambda *a, **k: "凉菜")
    new_id = window.sidebar.add_category(None)
    assert window.store.categories.get(new_id).name == "凉菜"
    assert window.sidebar.current_category() == new_id
    monkeypatch.setattr(dialogs, "ask_text", lambda *a, **k: "海鲜")  # taken: plain message, no crash
    warnings: list[str] = []
    monkeypatch.setattr(dialogs, "warn", lambda _p, _t, text: warnings.append(text))
    window.sidebar.rename_category(new_id)
    assert warnings and "已存在" in warnings[0]
    seafood = beer_shop["gl"].category_id
    monkeypatch.setattr(dialogs, "confirm", lambda *a: True)
    window.sidebar.delete_category(seafood)
    assert window.store.categories.get(seafood).archived
    assert window.sidebar.current_category() == new_id  # the selection survives the reload
    window.sidebar.select_category(None)
    assert "辣炒蛤蜊" in shown_names(window)  # the product stays, without a category


def test_first_launch_shows_the_welcome_panel(qtbot, window, monkeypatch):
    assert window.stack.currentWidget() is window.welcome
    requested: list[str] = []
    window.sig_import_requested.disconnect(window._import_coming_soon)
    window.sig_import_requested.connect(requested.append)
    monkeypatch.setattr(dialogs, "ask_open_spreadsheet", lambda _p: __import__("pathlib").Path("/tmp/货品.xlsx"))
    qtbot.mouseClick(window.welcome.import_button, Qt.MouseButton.LeftButton)
    assert requested == ["/tmp/货品.xlsx"]
    window.store.products.save(__import__("catalog.models", fromlist=["Product"]).Product("青岛啤酒"))
    window.refresh_all()
    assert window.stack.currentWidget() is not window.welcome


def test_import_is_answered_with_coming_soon_until_the_wizard_connects(qtbot, window, monkeypatch):
    told: list[str] = []
    monkeypatch.setattr(dialogs, "inform", lambda _p, _t, text: told.append(text))
    window.sig_import_requested.emit("/tmp/a.xlsx")
    assert told and "/tmp/a.xlsx" in told[0]


def test_dropping_a_file_requests_its_import(qtbot, window, tmp_path):
    window.disconnect_default_import()
    path = tmp_path / "菜单.xlsx"
    path.write_bytes(b"x")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    with qtbot.waitSignal(window.sig_import_requested) as blocker:
        window.dropEvent(event)
    assert blocker.args == [str(path)]


def test_delete_asks_then_undo_restores(qtbot, window, beer_shop, monkeypatch):
    window.refresh_all()
    assert window.select_product(beer_shop["gl"].id)
    monkeypatch.setattr(dialogs, "confirm", lambda *a: True)
    window.act_delete.trigger()
    assert "辣炒蛤蜊" not in shown_names(window)
    window.act_undo.trigger()
    assert "辣炒蛤蜊" in shown_names(window)
    assert window.selected_ids() == [beer_shop["gl"].id]
    window.act_redo.trigger()
    assert "辣炒蛤蜊" not in shown_names(window)


def test_unsupported_sort_column_keeps_the_name_order(qtbot, window, beer_shop):
    window.refresh_all()
    before = shown_names(window)
    window.table.horizontalHeader().setSortIndicator(3, Qt.SortOrder.AscendingOrder)
    assert shown_names(window) == before
    assert window.table.horizontalHeader().sortIndicatorSection() == 0
    window.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.DescendingOrder)
    assert shown_names(window) == before[::-1]


def test_load_demo_from_the_welcome_panel_runs_in_the_background(qtbot, window):
    assert window.stack.currentWidget() is window.welcome
    qtbot.mouseClick(window.welcome.demo_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is not window.welcome, timeout=15000)
    assert window.model.rowCount() == window.store.products.count() > 10
    assert window.sidebar.tree_model.rowCount() > 1
    window.runner.wait_idle()


def test_export_products_writes_the_file_off_the_ui_thread(qtbot, window, beer_shop, tmp_path, monkeypatch):
    out = tmp_path / "商品.csv"
    monkeypatch.setattr(dialogs, "ask_save_path", lambda *a: out)
    window.act_export.trigger()
    qtbot.waitUntil(lambda: "商品.csv" in window.statusBar().currentMessage(), timeout=15000)
    text = out.read_bytes().decode("utf-8-sig")
    assert "青岛啤酒" in text and "6901035600019" in text


def test_export_error_is_shown_in_plain_words(qtbot, window, beer_shop, tmp_path, monkeypatch):
    monkeypatch.setattr(dialogs, "ask_save_path", lambda *a: tmp_path / "products.pdf")
    warned: list[str] = []
    monkeypatch.setattr(dialogs, "warn", lambda _p, _t, text: warned.append(text))
    window.act_export.trigger()
    qtbot.waitUntil(lambda: bool(warned), timeout=15000)
    assert "Traceback" not in warned[0]


def test_import_product_photos_opens_the_wizard_on_the_chosen_folder(qtbot, window, beer_shop, tmp_path,
                                                                     monkeypatch):
    from tests.workbooks import png
    from ui.import_wizard import ImportWizard, connect_main_window

    folder = tmp_path / "商品图片"
    folder.mkdir()
    (folder / "6901035600019.jpg").write_bytes(png("red", fmt="JPEG"))  # 青岛啤酒's barcode
    connect_main_window(window, window.store.path)
    asked: list[object] = []
    monkeypatch.setattr(dialogs, "ask_photo_folder", lambda parent: asked.append(parent) or folder)
    action = window.act_import_photos
    assert action in window.menu_file.actions() and action.isVisible()
    assert window.menu_file.actions().index(action) == window.menu_file.actions().index(window.act_import) + 1
    assert action.text() == "Import product &photos…"
    action.trigger()
    assert asked == [window]
    wizards = [w for w in QApplication.topLevelWidgets() if isinstance(w, ImportWizard) and w.isVisible()]
    assert len(wizards) == 1
    wizard = wizards[0]
    qtbot.waitUntil(lambda: wizard.plan is not None and not wizard.busy, timeout=20_000)
    assert wizard.read_result.request.path == folder and wizard.plan.kind == "photos"
    assert wizard.counts["changed"] == 1  # the photo goes to 青岛啤酒
    wizard.close()


def test_import_product_photos_cancelled_opens_nothing(qtbot, window, monkeypatch):
    from ui.import_wizard import ImportWizard, connect_main_window

    connect_main_window(window, window.store.path)
    monkeypatch.setattr(dialogs, "ask_photo_folder", lambda parent: None)
    window.act_import_photos.trigger()
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, ImportWizard) and w.isVisible()]

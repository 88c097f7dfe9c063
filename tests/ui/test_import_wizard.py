"""The import wizard and the import history, on real files and a real shop database."""

from __future__ import annotations

import gc
import re
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from openpyxl import Workbook, load_workbook
from PySide6.QtCore import Qt

from catalog.models import Product, Spec
from catalog.store import Store
from importers import ImportRefused, read_table
from importers.remembered import load_mapping
from importers.report import REASON_HEADER
from tests.workbooks import MENU_SHEETS, write_book
from ui.import_wizard import ImportHistoryDialog, ImportWizard, asks, work
from ui.import_wizard.preview_model import (
    ACTION_ROLE,
    ERROR_CELL,
    FIELD_ROLE,
    GREY_TEXT,
    HEADER_TEXT_ROLE,
    ROW_COLOURS,
    THUMB_HEIGHT,
    WARNING_CELL,
    WARNING_TEXT,
    PreviewModel,
)

GOODS = """商品名称,规格,条码,售价,会员价,单位,分类,库存
青岛啤酒原浆,1L,6901035600156,¥26.00,22,杯,酒水/啤酒,10
青岛啤酒原浆,2L,,45元,,杯,酒水/啤酒,5
崂山可乐,330ml,6921581596048,3.5,,罐,酒水/饮料,100
花生米,,,abc,,份,凉菜,
辣炒蛤蜊,大份,,38,,份,海鲜,
"""
ODD_HEADERS = "货物,备注,价钱,杂项\n啤酒,好喝,8,x\n可乐,,3,y\n"


def _csv(tmp_path: Path, text: str, name: str = "goods.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _count(store: Store, table: str) -> int:
    return int(store.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


@pytest.fixture
def existing(store: Store) -> Product:
    """The shop already sells 青岛啤酒原浆 1L at ¥25.00."""
    return store.products.save(Product("青岛啤酒原浆", specs=[Spec(name="1L", barcode="6901035600156", price_fen=2500)]))


@pytest.fixture
def open_wizard(qtbot: object, store: Store) -> Iterator[Callable[[Path | None], ImportWizard]]:
    """Open a wizard on the test shop; with a path, wait until its preview is shown."""
    made: list[ImportWizard] = []

    def make(path: Path | None) -> ImportWizard:
        # the wizard starts reading in its constructor; results come through the event loop,
        # so waiting for the signal right after construction is in time
        wizard = ImportWizard(store.path, path)
        qtbot.addWidget(wizard)  # type: ignore[attr-defined]
        made.append(wizard)
        if path is not None:
            with qtbot.waitSignal(wizard.sig_plan_ready, timeout=20_000):  # type: ignore[attr-defined]
                pass
        return wizard

    yield make
    for w in made:
        w.shutdown()


def _wait_plan(qtbot: object, wizard: ImportWizard, action: Callable[[], None]) -> None:
    with qtbot.waitSignal(wizard.sig_plan_ready, timeout=20_000):  # type: ignore[attr-defined]
        action()


def _apply(qtbot: object, wizard: ImportWizard) -> str:
    with qtbot.waitSignal(wizard.sig_import_finished, timeout=20_000) as blocker:  # type: ignore[attr-defined]
        wizard.start_apply()
    return str(blocker.args[0])


def test_preview_counts_and_colours(open_wizard: Callable[[Path | None], ImportWizard], existing: Product,
                                    tmp_path: Path) -> None:
    wizard = open_wizard(_csv(tmp_path, GOODS))
    assert wizard.counts == {"new": 3, "changed": 1, "unchanged": 0, "error": 1}
    assert wizard.pages.currentIndex() == 1
    chips = {action: button.text() for action, button in wizard.chips.buttons.items()}
    assert chips == {"new": "New 3", "changed": "Update 1", "unchanged": "No change 0", "error": "Problems 1"}
    assert not wizard.chips.buttons["unchanged"].isEnabled()  # no row to show
    assert wizard.import_button.text() == "Import 4 rows" and wizard.import_button.isEnabled()
    model = wizard.model
    assert model.rowCount() == 5
    assert model.headerData(0, Qt.Orientation.Vertical) == "2"  # spreadsheet row numbers
    # row 0 (青岛啤酒原浆 1L) changes its price: amber, with the diff as tooltip
    assert model.data(model.index(0, 0)) == "Update"
    assert model.data(model.index(0, 0), Qt.ItemDataRole.BackgroundRole).color() == ROW_COLOURS["changed"]
    assert "Price: ¥25.00 → ¥26.00" in model.data(model.index(0, 3), Qt.ItemDataRole.ToolTipRole)
    # the original cells are shown as written
    name_section = model.section_of(0)
    assert model.data(model.index(0, name_section)) == "青岛啤酒原浆"
    assert model.data(model.index(0, model.section_of(3))) == "¥26.00"
    assert model.data(model.index(1, 0), Qt.ItemDataRole.BackgroundRole).color() == ROW_COLOURS["new"]
    assert model.headerData(name_section, Qt.Orientation.Horizontal, FIELD_ROLE) == "name"
    assert "Column titles are on row 1" in wizard.header_info.text()


def test_error_rows_show_reasons(open_wizard: Callable[[Path | None], ImportWizard], tmp_path: Path) -> None:
    wizard = open_wizard(_csv(tmp_path, GOODS))
    model = wizard.model
    row = next(r for r in range(model.rowCount()) if model.data(model.index(r, 0)) == "Problem")
    assert model.headerData(row, Qt.Orientation.Vertical) == "5"
    assert model.data(model.index(row, 0), Qt.ItemDataRole.BackgroundRole).color() == ROW_COLOURS["error"]
    problem = model.problem_section
    assert problem > 0 and model.headerData(problem, Qt.Orientation.Horizontal) == "Problem"
    assert "abc" in model.data(model.index(row, problem))
    tooltip = model.data(model.index(row, 0), Qt.ItemDataRole.ToolTipRole)
    assert "Column D" in tooltip and "abc" in tooltip
    price_cell = model.index(row, model.section_of(3))
    assert model.data(price_cell, Qt.ItemDataRole.BackgroundRole).color() == ERROR_CELL
    assert "abc" in model.data(price_cell, Qt.ItemDataRole.ToolTipRole)


def test_change_mapping_replans(qtbot: object, open_wizard: Callable[[Path | None], ImportWizard],
                                tmp_path: Path) -> None:
    source = _csv(tmp_path, ODD_HEADERS)
    wizard = open_wizard(source)
    assert wizard.counts["new"] == 0 and wizard.counts["error"] == 2  # no name column was recognised
    source.unlink()  # a new mapping is applied to the rows already read: the file is not read again
    assert "name" in wizard.warnings_note.text()
    menu = wizard.mapping_menu(0)
    action = next(a for a in menu.actions() if a.data() == "name")
    _wait_plan(qtbot, wizard, action.trigger)
    assert wizard.counts == {"new": 2, "changed": 0, "unchanged": 0, "error": 0}
    assert wizard.model.headerData(wizard.model.section_of(0), Qt.Orientation.Horizontal, FIELD_ROLE) == "name"
    _wait_plan(qtbot, wizard, lambda: wizard.set_column_mapping(2, "price_fen"))
    _wait_plan(qtbot, wizard, lambda: wizard.set_column_mapping(1, None))
    table = wizard.plan.table if wizard.plan else None
    assert table is not None
    assert {c: f for c, (f, _) in table.mapping.items()} == {0: "name", 2: "price_fen"}
    assert table.rows[0].values == {"name": "啤酒", "price_fen": 800}


def test_apply_writes_and_emits(qtbot: object, open_wizard: Callable[[Path | None], ImportWizard],
                                existing: Product, store: Store, tmp_path: Path) -> None:
    wizard = open_wizard(_csv(tmp_path, GOODS))
    batch = _apply(qtbot, wizard)
    assert batch and wizard.applied is not None and wizard.applied.batch_id == batch
    assert (wizard.applied.created, wizard.applied.updated, wizard.applied.errors) == (3, 1, 1)
    assert wizard.pages.currentIndex() == 2
    assert "Added 3" in wizard.result_page.summary.text()
    names = {r[0] for r in store.conn.execute("SELECT name FROM products")}
    assert names == {"青岛啤酒原浆", "崂山可乐", "辣炒蛤蜊"}
    price = store.conn.execute("SELECT price_fen FROM specs WHERE barcode = '6901035600156'").fetchone()[0]
    assert price == 2600
    assert wizard.result_page.report_button.isVisibleTo(wizard) and wizard.result_page.undo_button.isVisibleTo(wizard)


def test_cancel_during_apply_writes_nothing(qtbot: object, open_wizard: Callable[[Path | None], ImportWizard],
                                            existing: Product, store: Store, tmp_path: Path) -> None:
    wizard = open_wizard(_csv(tmp_path, GOODS))
    before = [tuple(r) for r in store.conn.execute("SELECT * FROM specs ORDER BY id")]
    finished: list[str] = []
    wizard.sig_import_finished.connect(finished.append)
    op = wizard.make_apply_operation()
    wizard.cancel_apply()  # the cancel is seen at the first check, inside the transaction
    assert op.job.cancelled()
    wizard.runner.run(op)
    qtbot.waitUntil(lambda: not wizard.runner.busy and wizard.message_note.isVisibleTo(wizard), timeout=20_000)  # type: ignore[attr-defined]
    assert "Nothing was changed" in wizard.message_note.text()
    assert finished == [] and wizard.applied is None and wizard.pages.currentIndex() == 1
    assert _count(store, "import_batches") == 0 and _count(store, "products") == 1
    assert [tuple(r) for r in store.conn.execute("SELECT * FROM specs ORDER BY id")] == before
    assert wizard.import_button.isEnabled()  # the user can try again


def test_error_report_saved(qtbot: object, open_wizard: Callable[[Path | None], ImportWizard],
                            monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    source = _csv(tmp_path, GOODS)
    wizard = open_wizard(source)
    _apply(qtbot, wizard)
    asked: list[Path] = []
    out = tmp_path / "out" / "fix.xlsx"

    def fake(parent: object, suggested: Path) -> Path:
        asked.append(suggested)
        return out

    monkeypatch.setattr(asks, "report_path", fake)
    wizard.save_problem_rows()
    qtbot.waitUntil(lambda: wizard.report_saved == out, timeout=20_000)  # type: ignore[attr-defined]
    assert asked == [source.with_name("goods-to fix.xlsx")]
    ws = load_workbook(out).active
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0][-1] == REASON_HEADER and len(rows) == 2 and rows[1][0] == "花生米"
    assert "fix.xlsx" in wizard.result_page.report_note.text()
    # the saved file imports again, with the problem still reported
    again = read_table(out)
    assert again.rows[0].values["name"] == "花生米"


def test_undo_from_wizard_and_refused_undo(qtbot: object, open_wizard: Callable[[Path | None], ImportWizard],
                                           monkeypatch: pytest.MonkeyPatch, existing: Product, store: Store,
                                           tmp_path: Path) -> None:
    monkeypatch.setattr(asks, "confirm", lambda *a: True)
    wizard = open_wizard(_csv(tmp_path, GOODS))
    _apply(qtbot, wizard)
    with qtbot.waitSignal(wizard.sig_undone, timeout=20_000):  # type: ignore[attr-defined]
        wizard.undo_import()
    assert _count(store, "products") == 1
    assert store.conn.execute("SELECT price_fen FROM specs").fetchone()[0] == 2500
    wizard = open_wizard(_csv(tmp_path, GOODS))
    _apply(qtbot, wizard)
    beer = store.products.get(existing.id)
    assert beer is not None and beer.specs[0].price_fen == 2600
    beer.specs[0].price_fen = 2700  # an edit in the app after the import: undo must refuse, plainly
    store.products.save(beer)
    wizard.undo_import()
    qtbot.waitUntil(lambda: wizard.result_page.undo_note.isVisibleTo(wizard), timeout=20_000)  # type: ignore[attr-defined]
    text = wizard.result_page.undo_note.text()
    assert text.startswith("Cannot undo") and "1L" in text and "无法" not in text
    assert _count(store, "products") == 3 and store.conn.execute(
        "SELECT price_fen FROM specs WHERE barcode = '6901035600156'").fetchone()[0] == 2700


@pytest.mark.usefixtures("english_ui")
def test_an_undo_that_works_the_second_time_leaves_no_refusal_shown(
        qtbot: object, open_wizard: Callable[[Path | None], ImportWizard], monkeypatch: pytest.MonkeyPatch,
        existing: Product, store: Store, tmp_path: Path) -> None:
    """The wizard is modeless: refused because a later import changed its rows, the shopkeeper
    undoes that one (import history) and presses undo here again. The page said the import was
    undone under the red "Cannot undo" of the first try."""
    from importers.apply import apply_plan
    from importers.plan import build_plan

    monkeypatch.setattr(asks, "confirm", lambda *a: True)
    wizard = open_wizard(_csv(tmp_path, GOODS))
    _apply(qtbot, wizard)
    later = apply_plan(store, build_plan(store, read_table(_csv(tmp_path, GOODS.replace("26", "28"), "later.csv"))))
    assert later is not None
    page = wizard.result_page
    wizard.undo_import()
    qtbot.waitUntil(lambda: page.undo_note.isVisibleTo(wizard), timeout=20_000)  # type: ignore[attr-defined]
    assert "later.csv" in page.undo_note.text()
    store.batches.undo(later)
    with qtbot.waitSignal(wizard.sig_undone, timeout=20_000):  # type: ignore[attr-defined]
        wizard.undo_import()
    assert page.title.text() == "The import was undone" and _count(store, "products") == 1
    assert not page.undo_note.isVisibleTo(wizard)  # the refusal of the first try no longer stands


@pytest.mark.usefixtures("english_ui")
def test_the_result_page_keeps_what_it_says_across_a_language_switch(
        qtbot: object, open_wizard: Callable[[Path | None], ImportWizard], monkeypatch: pytest.MonkeyPatch,
        existing: Product, store: Store, tmp_path: Path) -> None:
    from PySide6.QtWidgets import QApplication

    from ui import i18n

    monkeypatch.setattr(asks, "confirm", lambda *a: True)
    wizard = open_wizard(_csv(tmp_path, GOODS))
    _apply(qtbot, wizard)
    with qtbot.waitSignal(wizard.sig_undone, timeout=20_000):  # type: ignore[attr-defined]
        wizard.undo_import()
    undone = wizard.result_page
    wizard = open_wizard(_csv(tmp_path, GOODS))
    _apply(qtbot, wizard)
    refused = wizard.result_page
    beer = store.products.get(existing.id)
    assert beer is not None
    beer.specs[0].price_fen = 2700  # edited after the import: the undo is refused
    store.products.save(beer)
    wizard.undo_import()
    qtbot.waitUntil(lambda: refused.undo_note.isVisibleTo(wizard), timeout=20_000)  # type: ignore[attr-defined]
    assert refused.undo_note.text().startswith("Cannot undo") and refused.undo_button.isEnabled()
    i18n.install("zh_CN")
    try:
        QApplication.sendPostedEvents()  # the LanguageChange
        assert refused.undo_note.text().startswith("无法撤销") and "Cannot" not in refused.undo_note.text()
        assert refused.title.text() == "✔ 导入完成" and refused.undo_button.isVisibleTo(wizard)
        # still undone, in Chinese: not the import's result again, and no undo button to press twice
        assert undone.title.text() == "导入已撤销" and undone.undo_button.isHidden()
        assert undone.summary.text() == "一切已恢复到导入之前。"
    finally:
        i18n.install("en")


def test_undo_from_history(qtbot: object, open_wizard: Callable[[Path | None], ImportWizard],
                           monkeypatch: pytest.MonkeyPatch, existing: Product, store: Store, tmp_path: Path) -> None:
    wizard = open_wizard(_csv(tmp_path, GOODS))
    batch = _apply(qtbot, wizard)
    assert _count(store, "products") == 3
    history = ImportHistoryDialog(store.path)
    qtbot.addWidget(history)  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: bool(history.batches), timeout=20_000)  # type: ignore[attr-defined]
    assert [b.id for b in history.batches] == [batch]
    assert history.model.item(0, 1).text() == "goods.csv" and history.model.item(0, 2).text() == "Products"
    assert history.model.item(0, 3).text() == "3" and history.model.item(0, 5).text() == "1"
    asked: list[str] = []
    monkeypatch.setattr(asks, "confirm", lambda parent, title, text: asked.append(text) or True)
    button = history.undo_button(batch)
    assert button is not None
    with qtbot.waitSignal(history.sig_loaded, timeout=20_000):  # type: ignore[attr-defined]
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
    assert "goods.csv" in asked[0]
    assert _count(store, "products") == 1
    assert store.conn.execute("SELECT price_fen FROM specs").fetchone()[0] == 2500
    assert history.batches[0].undone_at and history.undo_button(batch) is None
    assert history.model.item(0, 6).text().startswith("Undone")
    history.done(0)


def test_remembered_mapping_reused(qtbot: object, open_wizard: Callable[[Path | None], ImportWizard],
                                   store: Store, tmp_path: Path) -> None:
    first = open_wizard(_csv(tmp_path, ODD_HEADERS, "一月.csv"))
    assert not first.remembered_note.isVisibleTo(first)
    _wait_plan(qtbot, first, lambda: first.set_column_mapping(0, "name"))
    _wait_plan(qtbot, first, lambda: first.set_column_mapping(2, "price_fen"))
    _apply(qtbot, first)
    signature = first.plan.table.header_signature if first.plan else ""
    assert load_mapping(store, signature) == {0: "name", 1: "description", 2: "price_fen"}
    # next month's file has the same header: the confirmed mapping is used at once
    second = open_wizard(_csv(tmp_path, "货物,备注,价钱,杂项\n崂山啤酒,,6,z\n", "二月.csv"))
    assert second.read_result is not None and second.read_result.remembered
    assert second.remembered_note.isVisibleTo(second)
    assert "last time" in second.remembered_note.text()
    assert second.counts["new"] == 1
    assert second.plan is not None and second.plan.table.rows[0].values == {"name": "崂山啤酒", "price_fen": 600}


def test_preview_model_passes_qtmodeltester(qtmodeltester: object, open_wizard: Callable[[Path | None], ImportWizard],
                                            existing: Product, tmp_path: Path) -> None:
    wizard = open_wizard(_csv(tmp_path, GOODS))
    qtmodeltester.check(wizard.model, force_py=True)  # type: ignore[attr-defined]
    wizard.model.set_plan(None)
    qtmodeltester.check(wizard.model, force_py=True)  # type: ignore[attr-defined]


def test_refused_file_shows_plain_message(qtbot: object, store: Store, tmp_path: Path) -> None:
    empty = tmp_path / "空.xlsx"
    empty.write_bytes(b"")
    with pytest.raises(ImportRefused) as refused:
        read_table(empty)
    wizard = ImportWizard(store.path, empty)
    qtbot.addWidget(wizard)  # type: ignore[attr-defined]
    with qtbot.waitSignal(wizard.sig_refused, timeout=20_000) as blocker:  # type: ignore[attr-defined]
        pass
    assert blocker.args == [refused.value.message_en]
    assert wizard.pages.currentIndex() == 0 and wizard.choose_page.error.isVisibleTo(wizard)
    assert wizard.choose_page.error.text() == refused.value.message_en
    assert "Traceback" not in wizard.choose_page.error.text()
    wizard.shutdown()


def test_refused_message_in_chinese(qtbot: object, store: Store, tmp_path: Path) -> None:
    from ui import i18n

    i18n.install("zh_CN")
    empty = tmp_path / "空.csv"
    empty.write_bytes(b"")
    wizard = ImportWizard(store.path, empty)
    qtbot.addWidget(wizard)  # type: ignore[attr-defined]
    with qtbot.waitSignal(wizard.sig_refused, timeout=20_000) as blocker:  # type: ignore[attr-defined]
        pass
    with pytest.raises(ImportRefused) as refused:
        read_table(empty)
    assert blocker.args == [refused.value.message_zh] and "空.csv" in wizard.choose_page.error.text()
    wizard.shutdown()


def test_sheet_kind_and_overwrite_choices(qtbot: object, open_wizard: Callable[[Path | None], ImportWizard],
                                          tmp_path: Path) -> None:
    path = tmp_path / "book.xlsx"
    wb = Workbook()
    ws = wb.active
    ws.title = "饮料"
    ws.append(["商品名称", "售价"])
    ws.append(["崂山可乐", 3.5])
    menu = wb.create_sheet("菜单")
    menu.append(["菜名", "价格", "辣度"])
    menu.append(["辣炒蛤蜊", 38, "中辣"])
    menu.append(["鲅鱼水饺", 32, ""])
    wb.save(path)
    wizard = open_wizard(path)
    assert wizard.plan is not None and wizard.plan.table.sheet == "饮料"
    assert wizard.sheet_combo.isVisibleTo(wizard) and wizard.sheet_combo.count() == 2
    _wait_plan(qtbot, wizard, lambda: wizard.set_sheet("菜单"))
    assert wizard.plan.table.sheet == "菜单" and wizard.model.rowCount() == 2
    assert wizard.sheet_combo.currentText() == "菜单"
    _wait_plan(qtbot, wizard, lambda: wizard.set_kind("menu"))
    assert wizard.plan.kind == "menu" and wizard.kind_combo.currentData() == "menu"
    _wait_plan(qtbot, wizard, lambda: wizard.overwrite_box.setChecked(True))
    assert wizard.plan.overwrite_blanks and wizard.read_result is not None and wizard.read_result.request.overwrite_blanks


def test_choose_file_from_dialog(qtbot: object, open_wizard: Callable[[Path | None], ImportWizard],
                                 monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    wizard = open_wizard(None)
    assert wizard.pages.currentIndex() == 0
    monkeypatch.setattr(asks, "choose_file", lambda parent: _csv(tmp_path, GOODS))
    _wait_plan(qtbot, wizard, lambda: qtbot.mouseClick(wizard.choose_page.choose_button, Qt.MouseButton.LeftButton))  # type: ignore[attr-defined]
    assert wizard.counts["new"] == 4



def _hold(monkeypatch: pytest.MonkeyPatch, name: str) -> threading.Event:
    """Make the work function `work.<name>` wait (on its worker thread) until the returned event is set."""
    release = threading.Event()
    real = getattr(work, name)

    def held(*args: Any, **kwargs: Any) -> Any:
        assert release.wait(20), "the test never let the work go on"
        return real(*args, **kwargs)

    monkeypatch.setattr(work, name, held)
    return release


def test_grid_is_a_still_picture_while_work_runs(qtbot: object, open_wizard: Callable[[Path | None], ImportWizard],
                                                 monkeypatch: pytest.MonkeyPatch, store: Store,
                                                 tmp_path: Path) -> None:
    """While a worker runs Python, every question the grid's paint asks the Python model can cost
    the UI thread a 5 ms wait for the GIL: so no paint may ask any (issue 3)."""
    asked: list[int] = []
    data = PreviewModel.data

    def counting_data(self: PreviewModel, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        asked.append(role)
        return data(self, index, role)

    monkeypatch.setattr(PreviewModel, "data", counting_data)  # before the wizard: Qt looks overrides up once
    rows = "".join(f"商品{i},{i + 1}.5,瓶\n" for i in range(300))
    wizard = open_wizard(_csv(tmp_path, "商品名称,售价,单位\n" + rows))
    wizard.show()
    qtbot.waitExposed(wizard)  # type: ignore[attr-defined]
    assert not wizard.grid_frozen and wizard.grid_stack.currentWidget() is wizard.view

    def scroll_and_repaint() -> None:
        bar = wizard.view.verticalScrollBar()
        bar.setValue(bar.value() + bar.pageStep())
        wizard.repaint()
        qtbot.wait(30)  # type: ignore[attr-defined]

    asked.clear()
    scroll_and_repaint()
    assert asked  # the live grid asks the model, as it must
    top = wizard.view.verticalScrollBar().value()

    release = _hold(monkeypatch, "apply_import")
    finished: list[str] = []
    wizard.sig_import_finished.connect(finished.append)
    wizard.start_apply()
    assert wizard.grid_frozen and wizard.grid_stack.currentWidget() is wizard.grid_still
    still = wizard.grid_still.pixmap()
    assert not still.isNull() and still.deviceIndependentSize().toSize() == wizard.view.size()
    asked.clear()
    for _ in range(3):
        scroll_and_repaint()
    assert asked == [] and wizard.runner.busy  # painted, scrolled, and the model was never asked
    release.set()
    qtbot.waitUntil(lambda: bool(finished), timeout=20_000)  # type: ignore[attr-defined]
    assert not wizard.grid_frozen and wizard.grid_still.pixmap().isNull()
    assert wizard.pages.currentIndex() == 2 and _count(store, "products") == 300
    assert wizard.view.verticalScrollBar().value() >= top


def test_grid_frozen_while_checking_the_rows_again(qtbot: object, open_wizard: Callable[[Path | None], ImportWizard],
                                                   monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    wizard = open_wizard(_csv(tmp_path, GOODS))
    wizard.show()
    qtbot.waitExposed(wizard)  # type: ignore[attr-defined]
    release = _hold(monkeypatch, "replan")
    wizard.overwrite_box.setChecked(True)
    assert wizard.grid_frozen and not wizard.header.isEnabled()
    with qtbot.waitSignal(wizard.sig_plan_ready, timeout=20_000):  # type: ignore[attr-defined]
        release.set()
    assert not wizard.grid_frozen and wizard.header.isEnabled()
    assert wizard.read_result is not None and wizard.read_result.request.overwrite_blanks


def test_grid_not_frozen_when_work_fails(qtbot: object, open_wizard: Callable[[Path | None], ImportWizard],
                                         monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    wizard = open_wizard(_csv(tmp_path, GOODS))
    wizard.show()
    qtbot.waitExposed(wizard)  # type: ignore[attr-defined]

    def broken(job: object, plan: object, remember: bool) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(work, "apply_import", broken)
    wizard.start_apply()
    assert wizard.grid_frozen
    qtbot.waitUntil(lambda: wizard.message_note.isVisibleTo(wizard), timeout=20_000)  # type: ignore[attr-defined]
    assert not wizard.grid_frozen and wizard.grid_stack.currentWidget() is wizard.view
    assert wizard.import_button.isEnabled()


def test_apply_leaves_what_it_made_out_of_the_collectors_sight(monkeypatch: pytest.MonkeyPatch, store: Store) -> None:
    """An import leaves many long-lived objects behind (pinyin tables loaded on first use, caches);
    resuming the collector without freezing them made its next collections walk them all with
    the GIL held, right when the result is shown."""
    kept: list[Any] = []

    def fake_apply_plan(*args: Any, **kwargs: Any) -> None:
        kept.extend([i] for i in range(20_000))  # tracked objects that outlive the import

    monkeypatch.setattr(work, "apply_plan", fake_apply_plan)
    enabled = gc.isenabled()
    job = work.Job(store.path)
    try:
        result = work.apply_import(job, SimpleNamespace(rows=[]), remember=False)  # type: ignore[arg-type]
    finally:
        job.close()
    assert result.batch_id is None and gc.isenabled() == enabled
    young = {id(o) for generation in range(3) for o in gc.get_objects(generation)}
    assert not any(id(o) in young for o in kept)  # frozen: no collection will walk them


def test_the_same_file_again_shows_every_row_unchanged(qtbot: object, open_wizard: Callable[[Path | None], ImportWizard],
                                                        store: Store, tmp_path: Path) -> None:
    path = _csv(tmp_path, GOODS.replace("花生米,,,abc,,份,凉菜,\n", ""))
    _apply(qtbot, open_wizard(path))
    again = open_wizard(path)  # every row is known from the first import (importers.known_rows)
    assert again.counts == {"new": 0, "changed": 0, "unchanged": 4, "error": 0}
    assert again.plan is not None and all(r.known for r in again.plan.rows)
    assert again.model.rowCount() == 4 and not again.import_button.isEnabled()
    first_cell = again.model.index(0, again.model.section_of(0))
    assert again.model.data(first_cell) == "青岛啤酒原浆"  # the file's own cells, as for any row


def test_a_file_with_nothing_to_import_is_remembered_for_next_time(qtbot: object, open_wizard: Callable[[Path | None], ImportWizard],
                                                                    store: Store, tmp_path: Path) -> None:
    path = _csv(tmp_path, GOODS.replace("花生米,,,abc,,份,凉菜,\n", ""))
    _apply(qtbot, open_wizard(path))
    store.conn.execute("UPDATE specs SET import_key = NULL")  # as after an upgrade: no row is known any more
    compared = open_wizard(path)
    assert compared.counts["unchanged"] == 4 and compared.plan is not None and not any(r.known for r in compared.plan.rows)
    assert not compared.import_button.isEnabled()
    assert _count(store, "import_batches") == 1  # no batch, no change: only the rows were remembered
    again = open_wizard(path)
    assert again.plan is not None and all(r.known for r in again.plan.rows)


@pytest.mark.usefixtures("english_ui")
def test_a_market_price_is_imported_with_a_warning_shown(open_wizard: Callable[[Path | None], ImportWizard],
                                                         tmp_path: Path) -> None:
    """时价 is no error: the dish is added, sold at the day's price, and the row says so in amber."""
    wizard = open_wizard(_csv(tmp_path, "菜名,单位,价格\n辣炒蛤蜊,份,38\n清蒸大虾,斤,时价\n"))
    assert wizard.counts == {"new": 2, "changed": 0, "unchanged": 0, "error": 0}
    assert wizard.import_button.text() == "Import 2 rows"
    model = wizard.model
    problem = model.problem_section
    assert problem > 0 and model.data(model.index(0, problem)) == ""
    assert "时价" in model.data(model.index(1, problem))
    assert model.data(model.index(1, problem), Qt.ItemDataRole.ForegroundRole).color() == WARNING_TEXT
    price_cell = model.index(1, model.section_of(2))
    assert model.data(price_cell, Qt.ItemDataRole.BackgroundRole).color() == WARNING_CELL
    tooltip = model.data(model.index(1, 0), Qt.ItemDataRole.ToolTipRole)
    assert "This row will be added." in tooltip and "menus print 时价" in tooltip


@pytest.mark.usefixtures("english_ui")
def test_a_dish_turned_to_the_days_price_says_so_in_words(open_wizard: Callable[[Path | None], ImportWizard],
                                                          store: Store, tmp_path: Path) -> None:
    """The row's changes read "market_price: 0 → 1": the stored column's name and the flag's bits."""
    from PySide6.QtWidgets import QApplication

    from ui import i18n

    store.products.save(Product(name="清蒸大虾", kind="dish", unit="斤", specs=[Spec("", price_fen=8800)]))
    wizard = open_wizard(_csv(tmp_path, "菜名,价格\n清蒸大虾,时价\n", "今日.csv"))
    assert wizard.counts == {"new": 0, "changed": 1, "unchanged": 0, "error": 0}
    model = wizard.model
    assert "Sold at the day's price (时价): no → yes" in model.data(model.index(0, 0), Qt.ItemDataRole.ToolTipRole)
    i18n.install("zh_CN")
    try:
        QApplication.sendPostedEvents()  # the LanguageChange
        tooltip = model.data(model.index(0, 0), Qt.ItemDataRole.ToolTipRole)
        assert "按时价出售: 否 → 是" in tooltip and "market_price" not in tooltip
    finally:
        i18n.install("en")


@pytest.mark.usefixtures("english_ui")
def test_a_two_column_menu_shows_each_dish_with_its_own_block(qtbot: object,
                                                              open_wizard: Callable[[Path | None], ImportWizard],
                                                              tmp_path: Path) -> None:
    wizard = open_wizard(_csv(tmp_path, "菜名,价格,菜名,价格\n拍黄瓜,12,辣炒蛤蜊,38\n老醋花生,15,清蒸大虾,88\n"))
    assert wizard.counts == {"new": 4, "changed": 0, "unchanged": 0, "error": 0}
    assert "blocks side by side" in wizard.warnings_note.text()
    model = wizard.model
    for c in (0, 2):  # both name columns say what they are imported as
        assert model.headerData(model.section_of(c), Qt.Orientation.Horizontal, FIELD_ROLE) == "name"
    # the second item of row 2 is 辣炒蛤蜊: the first block's cells are greyed for it, its own are not
    assert model.headerData(1, Qt.Orientation.Vertical) == "2"
    assert model.data(model.index(1, model.section_of(0)), Qt.ItemDataRole.ForegroundRole).color() == GREY_TEXT
    assert model.data(model.index(1, model.section_of(2)), Qt.ItemDataRole.ForegroundRole) is None
    assert model.data(model.index(0, model.section_of(2)), Qt.ItemDataRole.ForegroundRole).color() == GREY_TEXT
    # changing the second block's price column changes the first's too: they are one mapping
    menu = wizard.mapping_menu(3)
    assert next(a for a in menu.actions() if a.data() == "price_fen").isChecked()
    _wait_plan(qtbot, wizard, lambda: wizard.set_column_mapping(3, None))
    assert wizard.plan is not None and all("price_fen" not in f for f, _c in wizard.plan.table.mapping.values())


@pytest.mark.usefixtures("english_ui")
def test_a_price_column_per_spec_shows_one_row_per_spec(qtbot: object, open_wizard: Callable[[Path | None], ImportWizard],
                                                        tmp_path: Path) -> None:
    wizard = open_wizard(_csv(tmp_path, "菜名,小份,大份\n辣炒蛤蜊,28,38\n葱油花蛤,26,36\n"))
    assert wizard.counts == {"new": 4, "changed": 0, "unchanged": 0, "error": 0}
    assert "2 data rows below them" in wizard.header_info.text()  # the sheet's rows, not its 4 specs
    model = wizard.model
    for c in (1, 2):
        section = model.section_of(c)
        assert model.headerData(section, Qt.Orientation.Horizontal, FIELD_ROLE) == "spec_price"
        assert model.headerData(section, Qt.Orientation.Horizontal).startswith("Price of the spec in the header")
    # the first item of row 2 is its 小份: the 大份 price is greyed there, the name is not
    assert model.data(model.index(0, model.section_of(2)), Qt.ItemDataRole.ForegroundRole).color() == GREY_TEXT
    assert model.data(model.index(0, model.section_of(1)), Qt.ItemDataRole.ForegroundRole) is None
    assert model.data(model.index(1, model.section_of(0)), Qt.ItemDataRole.ForegroundRole) is None
    # not a spec price after all: one column off, one item fewer per row
    _wait_plan(qtbot, wizard, lambda: wizard.set_column_mapping(2, None))
    assert wizard.counts["new"] == 2


@pytest.mark.usefixtures("english_ui")
def test_the_sheets_of_a_menu_are_previewed_together_and_one_can_be_chosen(
        qtbot: object, open_wizard: Callable[[Path | None], ImportWizard], tmp_path: Path) -> None:
    path = write_book(tmp_path / "菜单.xlsx", MENU_SHEETS)
    wizard = open_wizard(path)
    assert wizard.counts["new"] == 3
    combo = wizard.sheet_combo
    assert [combo.itemText(i) for i in range(combo.count())] == ["All of 凉菜、热菜", "凉菜", "热菜"]
    assert combo.currentIndex() == 0 and combo.isVisibleTo(wizard)
    assert wizard.model.headerData(2, Qt.Orientation.Vertical) == "热菜 2"  # which sheet's row
    _wait_plan(qtbot, wizard, lambda: wizard.set_sheet("热菜"))
    assert wizard.counts["new"] == 1 and combo.currentText() == "热菜" and combo.itemText(0) == "All of 凉菜、热菜"
    assert wizard.model.headerData(0, Qt.Orientation.Vertical) == "2"
    _wait_plan(qtbot, wizard, lambda: wizard.set_sheet(None))  # all of them again
    assert wizard.counts["new"] == 3 and combo.currentIndex() == 0


@pytest.mark.usefixtures("english_ui")
def test_pictures_in_the_sheet_show_in_their_column_and_in_the_changes(
        qtbot: object, open_wizard: Callable[[Path | None], ImportWizard], store: Store, tmp_path: Path) -> None:
    from tests.workbooks import png, write_pictured_book

    rows = [["菜名", "价格", "图片"], ["辣炒蛤蜊", 38, None], ["拍黄瓜", 12, None]]
    wizard = open_wizard(write_pictured_book(tmp_path / "菜单.xlsx", rows, {"C2": png("red", (40, 40))}))
    model = wizard.model
    column = model.section_of(2)
    assert model.headerData(column, Qt.Orientation.Horizontal).startswith("Picture\n")
    with qtbot.waitSignal(model.dataChanged, timeout=5000):  # decoded in the background meanwhile
        model.data(model.index(0, column), Qt.ItemDataRole.DecorationRole)
    thumb = model.data(model.index(0, column), Qt.ItemDataRole.DecorationRole)
    assert thumb is not None and thumb.height() == THUMB_HEIGHT and thumb.toImage().pixelColor(5, 5).red() == 255
    assert model.data(model.index(1, column), Qt.ItemDataRole.DecorationRole) is None
    assert model.data(model.index(0, column), Qt.ItemDataRole.ToolTipRole).startswith("Picture: PNG, 40 × 40, 1 KB\n")
    assert model.data(model.index(0, model.section_of(0)), Qt.ItemDataRole.DecorationRole) is None
    assert "imported as the photos" in wizard.warnings_note.text()
    assert _apply(qtbot, wizard)
    assert "Product photos added: 1" in wizard.result_page.summary.text()
    wizard.close()
    again = open_wizard(write_pictured_book(tmp_path / "二.xlsx", rows, {"C2": png("blue", (40, 40))}))
    assert again.counts["changed"] == 1  # another photo for 辣炒蛤蜊: it comes first, the old one stays
    assert "Photos: 1 → 2" in again.model.data(again.model.index(0, 0), Qt.ItemDataRole.ToolTipRole)


@pytest.mark.usefixtures("english_ui")
def test_a_folder_of_photos_is_previewed_with_the_product_each_goes_to(
        qtbot: object, open_wizard: Callable[[Path | None], ImportWizard], existing: Product, store: Store,
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.workbooks import png

    folder = tmp_path / "图片"
    folder.mkdir()
    (folder / "6901035600156.jpg").write_bytes(png("red", fmt="JPEG"))
    (folder / "不认识.png").write_bytes(png("blue"))
    wizard = open_wizard(None)
    monkeypatch.setattr(asks, "choose_photo_folder", lambda _parent: folder)
    with qtbot.waitSignal(wizard.sig_plan_ready, timeout=20_000):  # type: ignore[attr-defined]
        qtbot.mouseClick(wizard.choose_page.photos_button, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
    assert wizard.counts == {"new": 0, "changed": 1, "unchanged": 0, "error": 1}
    assert wizard.import_button.text() == "Import 1 photo" and "2 photos: each goes to the product" in wizard.header_info.text()
    assert wizard.kind_combo.isHidden() and wizard.overwrite_box.isHidden() and wizard.mapping_hint.isHidden()
    model = wizard.model
    assert model.data(model.index(0, model.section_of(2))) == "青岛啤酒原浆"  # the product it goes to
    assert model.data(model.index(1, model.section_of(2))) == ""
    assert "No product has the barcode, SKU or name" in model.data(model.index(1, model.problem_section))
    assert _apply(qtbot, wizard)
    assert "Product photos added: 1" in wizard.result_page.summary.text()
    assert len(store.products.get(existing.id).images) == 1  # type: ignore[union-attr]


# ---- one language at a time; a photo folder is not a sheet; text sizes; small screens ------------
CJK = re.compile(r"[\u3400-\u9fff]")
ENGLISH_WORD = re.compile(r"[A-Za-z]{2,}")  # a lone column letter ("第 B 列") is no English
TITLED = "商品价格表\n商品名称,售价,条码\n青岛啤酒原浆,26,6901035600156\n花生米,abc,\n"  # one title row above the titles


def _photo_folder(tmp_path: Path) -> Path:
    from tests.workbooks import png

    folder = tmp_path / "photos"
    folder.mkdir()
    (folder / "6901035600156.jpg").write_bytes(png("red", fmt="JPEG"))  # 青岛啤酒原浆's barcode
    (folder / "4006381333931.png").write_bytes(png("blue"))  # no product has it: a problem row
    return folder


def _in_one_language(lang: str, text: str) -> None:
    """No Chinese in the English UI, no stray English in the Chinese UI."""
    if lang == "en":
        assert not CJK.search(text), text
    else:
        assert not ENGLISH_WORD.search(text), text


@pytest.mark.usefixtures("english_ui")
@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_the_wizard_speaks_one_language(lang: str, open_wizard: Callable[[Path | None], ImportWizard],
                                        existing: Product, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from ui import i18n

    i18n.install(lang)
    wizard = open_wizard(_csv(tmp_path, TITLED, "goods.csv"))
    model = wizard.model
    # the column titles' tooltips, less the file's own titles (the shop's words, in any language)
    for c in range(3):
        section = model.section_of(c)
        tip = model.headerData(section, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
        header = model.headerData(section, Qt.Orientation.Horizontal, HEADER_TEXT_ROLE)
        assert header and header in tip and "\n" in tip
        _in_one_language(lang, tip.replace(header, ""))
    # one row left out (the title above the column titles): a singular in English
    info = wizard.header_info.text()
    _in_one_language(lang, info)
    assert ("Left out: 1 other row (titles" in info) if lang == "en" else ("另有 1 行" in info)
    assert wizard.import_button.text() == ("Import 1 row" if lang == "en" else "导入 1 行")
    # the name suggested for the problem rows
    suggested: list[Path] = []
    monkeypatch.setattr(asks, "report_path", lambda _parent, path: suggested.append(path))
    wizard.save_problem_rows()
    assert suggested[0].parent == tmp_path
    assert suggested[0].name == ("goods-to fix.xlsx" if lang == "en" else "goods-待修正.xlsx")
    # a folder of photos: its column subtitles
    photos = open_wizard(_photo_folder(tmp_path))
    titles = [photos.model.headerData(photos.model.section_of(c), Qt.Orientation.Horizontal) for c in range(3)]
    for title in titles:
        _in_one_language(lang, title)
    subtitles = [photos.model.headerData(photos.model.section_of(c), Qt.Orientation.Horizontal, HEADER_TEXT_ROLE)
                 for c in range(3)]
    assert subtitles == (["Picture", "File name", "Product"] if lang == "en" else ["图片", "文件名", "商品"])


def test_several_rows_left_out_read_as_a_plural(open_wizard: Callable[[Path | None], ImportWizard],
                                               english_ui: None, tmp_path: Path) -> None:
    wizard = open_wizard(_csv(tmp_path, "价格表\n2024年\n" + TITLED.split("\n", 1)[1]))
    assert "Left out: 2 other rows (titles" in wizard.header_info.text()


def test_every_literal_text_of_the_ui_has_its_chinese(english_ui: None) -> None:
    """lupdate does not see a tr() inside an f-string: such a text stays English in the Chinese UI."""
    import ast

    from PySide6.QtCore import QCoreApplication

    from ui import i18n

    i18n.install("zh_CN")
    missing = []
    for py in sorted(Path("ui").rglob("*.py")):
        tree = ast.parse(py.read_text(encoding="utf-8"))
        for cls in (n for n in ast.walk(tree) if isinstance(n, ast.ClassDef)):
            for node in ast.walk(cls):
                if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "tr"
                        and node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)):
                    text = node.args[0].value
                    if ENGLISH_WORD.search(text) and QCoreApplication.translate(cls.name, text) == text:
                        missing.append(f"{py}:{node.lineno} {text!r}")
    assert missing == []


def _arrow_ink(wizard: ImportWizard, section: int) -> int:
    """The darkest lightness where a section's ▾ goes (the tints are all light)."""
    header = wizard.header
    image = header.grab().toImage()
    x, width = header.sectionViewportPosition(section), header.sectionSize(section)
    right = x + width - 1 - 6  # the section's inner right edge (MappingHeader.paintSection)
    lightness = [image.pixelColor(px, py).lightness() for px in range(right - 12, right + 2)
                 for py in range(4, header.height() - 4)]
    return min(lightness)


@pytest.mark.usefixtures("english_ui")
@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_a_photo_folder_has_no_columns_to_change_or_name(lang: str, qtbot: object,
                                                         open_wizard: Callable[[Path | None], ImportWizard],
                                                         existing: Product, tmp_path: Path) -> None:
    from ui import i18n

    i18n.install(lang)
    sheet = open_wizard(_csv(tmp_path, GOODS))
    sheet.resize(1600, 700)  # every column in sight
    sheet.show()
    qtbot.waitExposed(sheet)  # type: ignore[attr-defined]
    assert _arrow_ink(sheet, sheet.model.section_of(0)) < 150  # a sheet's titles invite a click
    wizard = open_wizard(_photo_folder(tmp_path))
    wizard.resize(1600, 700)
    wizard.show()
    qtbot.waitExposed(wizard)  # type: ignore[attr-defined]
    model = wizard.model
    for c in range(3):
        section = model.section_of(c)
        assert not wizard.header.mappable(section)
        assert model.headerData(section, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole) is None
        assert _arrow_ink(wizard, section) > 200  # no ▾
        with qtbot.assertNotEmitted(wizard.header.sig_mapping_clicked):  # type: ignore[attr-defined]
            wizard.header.sectionClicked.emit(section)
    row = next(r for r in range(model.rowCount()) if model.data(model.index(r, 0), ACTION_ROLE) == "error")
    problem = model.data(model.index(row, model.problem_section))
    tooltip = model.data(model.index(row, 0), Qt.ItemDataRole.ToolTipRole)
    assert "4006381333931" in problem and "4006381333931" in tooltip
    for text in (problem, tooltip):
        assert not re.match(r"[A-Z]: ", text) and "Column" not in text and " 列" not in text, text


@pytest.mark.parametrize("large", [False, True], ids=["normal", "large"])
def test_count_chips_are_never_smaller_than_the_text_around_them(
        large: bool, styled: Callable[[bool], None], open_wizard: Callable[[Path | None], ImportWizard],
        tmp_path: Path) -> None:
    from PySide6.QtWidgets import QApplication

    def chip_size(wizard: ImportWizard) -> float:
        sizes = {button.font().pointSizeF() for button in wizard.chips.buttons.values()}
        assert len(sizes) == 1
        return sizes.pop()

    styled(large)
    wizard = open_wizard(_csv(tmp_path, GOODS))
    assert chip_size(wizard) > QApplication.font().pointSizeF()
    styled(not large)  # the text size changed in the settings while the wizard is open
    assert chip_size(wizard) > QApplication.font().pointSizeF()


SMALL_SCREEN = """
import json, sys
from pathlib import Path
from PySide6.QtWidgets import QApplication
from catalog.store import Store
from ui.app import ensure_app
from ui import i18n, style
app = ensure_app()
i18n.install(sys.argv[2])
style.apply(app, "--large" in sys.argv)
store_path = Path(sys.argv[1])
from ui.import_wizard import ImportWizard
from ui.main_window import MainWindow
from ui.menus import MenusDialog, TablesDialog
store = Store.open(store_path)
window = MainWindow(store, store_path.parent)
window.show()
found = {}
for name, make in (("main", lambda: window), ("wizard", lambda: ImportWizard(store_path, None, window)),
                   ("menus", lambda: MenusDialog(store_path, window)), ("tables", lambda: TablesDialog(store_path, window))):
    w = make()
    w.show()
    app.processEvents()
    found[name] = w.frameGeometry().getRect()
    if w is not window:
        w.close()
free = app.primaryScreen().availableGeometry()
print(json.dumps({"free": free.getRect(), "windows": found}))
window.shutdown()
store.close()
"""


@pytest.mark.parametrize(("lang", "large"), [("zh_CN", False), ("en", True)], ids=["zh_CN-normal", "en-large"])
def test_windows_start_inside_a_1024x768_screen(lang: str, large: bool, tmp_path: Path) -> None:
    """The main window, the import wizard and the menus and tables windows on an old shop PC's screen."""
    import json
    import os
    import subprocess
    import sys

    screen = tmp_path / "screen.json"
    screen.write_text(json.dumps({"windowFrameMargins": True, "screens": [
        {"name": "old-pc", "x": 0, "y": 0, "width": 1024, "height": 768, "logicalDpiX": 96, "logicalDpiY": 96,
         "dpr": 1}]}))
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={screen}")
    args = [sys.executable, "-c", SMALL_SCREEN, str(tmp_path / "shop.sqlite"), lang, *(["--large"] if large else [])]
    done = subprocess.run(args, env=env, capture_output=True, text=True, timeout=120, cwd=Path.cwd())
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["free"] == [0, 0, 1024, 768]
    assert set(result["windows"]) == {"main", "wizard", "menus", "tables"}
    for name, (x, y, w, h) in result["windows"].items():
        assert x >= 0 and y >= 0 and x + w <= 1024 and y + h <= 768, (name, x, y, w, h)


# ---- finding the problem rows; mapping a field another column has; a picture's tooltip -----------
def _row_titles(model: PreviewModel) -> list[str]:
    return [model.headerData(r, Qt.Orientation.Vertical) for r in range(model.rowCount())]


@pytest.mark.usefixtures("english_ui")
def test_only_the_problem_rows_can_be_shown_and_f8_goes_from_one_to_the_next(
        qtbot: object, qtmodeltester: object, open_wizard: Callable[[Path | None], ImportWizard], tmp_path: Path) -> None:
    from PySide6.QtWidgets import QApplication

    rows = "".join(f"商品{i},{'abc' if i % 100 == 7 else i + 1},瓶\n" for i in range(300))
    wizard = open_wizard(_csv(tmp_path, "商品名称,售价,单位\n" + rows))
    wizard.show()
    qtbot.waitExposed(wizard)  # type: ignore[attr-defined]
    wizard.activateWindow()  # F8 is a shortcut of the active window
    qtbot.waitUntil(lambda: QApplication.activeWindow() is wizard)  # type: ignore[attr-defined]
    model, problems, new = wizard.model, wizard.chips.buttons["error"], wizard.chips.buttons["new"]
    assert wizard.counts["error"] == 3 and model.rowCount() == 300
    assert problems.toolTip() == "Show only rows with problems"
    qtbot.mouseClick(problems, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
    assert problems.isChecked() and problems.text() == "✔ Problems 3" and problems.toolTip() == "Show all rows again"
    assert _row_titles(model) == ["9", "109", "209"]  # the spreadsheet's row numbers
    assert all(model.data(model.index(r, 0), ACTION_ROLE) == "error" for r in range(3))
    assert "abc" in model.data(model.index(1, model.problem_section))
    assert "Showing 3 of 300 rows." in wizard.chips.filter_hint.text()
    # the row chosen among the problems stays chosen, and in sight, when every row is shown again
    wizard.view.setCurrentIndex(model.index(1, 0))
    qtbot.mouseClick(problems, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
    assert not problems.isChecked() and model.rowCount() == 300 and wizard.chips.filter_hint.text() == ""
    assert wizard.view.currentIndex().row() == 107
    assert wizard.view.rowAt(wizard.view.viewport().height() // 2) in range(100, 115)
    # only the new rows; the link beside the chips shows them all again
    qtbot.mouseClick(new, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
    assert new.isChecked() and not problems.isChecked() and model.rowCount() == 297
    assert _row_titles(model)[6:9] == ["8", "10", "11"]
    wizard.chips.filter_hint.linkActivated.emit("all")
    assert not new.isChecked() and model.rowCount() == 300
    # F8 goes from problem to problem, round at the end; Shift+F8 goes back; the filter of the new
    # rows (no problem among them) makes way
    qtbot.mouseClick(new, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
    assert wizard.chips.next_button.text() == "Next problem (F8)"
    visited = []
    for _ in range(4):
        qtbot.keyClick(wizard.view, Qt.Key.Key_F8)  # type: ignore[attr-defined]
        visited.append(model.headerData(wizard.view.currentIndex().row(), Qt.Orientation.Vertical))
    assert visited == ["9", "109", "209", "9"] and model.filter is None and not new.isChecked()
    qtbot.keyClick(wizard.view, Qt.Key.Key_F8, Qt.KeyboardModifier.ShiftModifier)  # type: ignore[attr-defined]
    assert model.headerData(wizard.view.currentIndex().row(), Qt.Orientation.Vertical) == "209"
    qtbot.mouseClick(wizard.chips.next_button, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
    assert model.headerData(wizard.view.currentIndex().row(), Qt.Orientation.Vertical) == "9"
    # within the problem rows, F8 goes on among them
    qtbot.mouseClick(problems, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
    assert wizard.view.currentIndex().row() == 0
    qtbot.keyClick(wizard.view, Qt.Key.Key_F8)  # type: ignore[attr-defined]
    assert wizard.view.currentIndex().row() == 1 and model.rowCount() == 3
    qtmodeltester.check(model, force_py=True)  # type: ignore[attr-defined]


@pytest.mark.usefixtures("english_ui")
def test_fixing_every_problem_shows_every_row_again(qtbot: object, open_wizard: Callable[[Path | None], ImportWizard],
                                                    tmp_path: Path) -> None:
    wizard = open_wizard(_csv(tmp_path, ODD_HEADERS))  # no name column: every row has a problem
    qtbot.mouseClick(wizard.chips.buttons["error"], Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
    assert wizard.model.rowCount() == 2 and wizard.model.filter == "error"
    _wait_plan(qtbot, wizard, lambda: wizard.set_column_mapping(2, "price_fen"))  # still no name: still shown alone
    assert wizard.model.filter == "error" and wizard.chips.buttons["error"].isChecked()
    _wait_plan(qtbot, wizard, lambda: wizard.set_column_mapping(0, "name"))
    assert wizard.counts["error"] == 0 and wizard.model.filter is None and wizard.model.rowCount() == 2
    assert not wizard.chips.buttons["error"].isChecked() and not wizard.chips.buttons["error"].isEnabled()
    assert not wizard.chips.next_button.isVisibleTo(wizard)


@pytest.mark.usefixtures("english_ui")
@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_a_field_another_column_has_is_named_with_its_column_and_its_move_is_said(
        lang: str, qtbot: object, open_wizard: Callable[[Path | None], ImportWizard], tmp_path: Path) -> None:
    from ui import i18n

    i18n.install(lang)
    wizard = open_wizard(_csv(tmp_path, ODD_HEADERS))  # 货物 A, 备注 B (description), 价钱 C, 杂项 D
    _wait_plan(qtbot, wizard, lambda: wizard.set_column_mapping(3, "unit"))  # an earlier choice for D
    _wait_plan(qtbot, wizard, lambda: wizard.set_column_mapping(0, "name"))
    assert not wizard.mapping_note.isVisibleTo(wizard)  # nothing moved
    menu = wizard.mapping_menu(3)
    texts = {a.data(): a.text() for a in menu.actions() if a.data()}
    if lang == "en":
        assert texts["name"] == "Name (column A)" and texts["description"] == "Description (column B)"
        assert texts["unit"] == "Unit" and texts["barcode"] == "Barcode"  # its own field, and a free one
    else:
        assert texts["name"] == "名称（A 列）" and texts["description"] == "描述（B 列）"
        assert texts["unit"] == "单位" and texts["barcode"] == "条码"
    # D takes the name from A: the choice made last wins, and the move is said
    action = next(a for a in menu.actions() if a.data() == "name")
    _wait_plan(qtbot, wizard, action.trigger)
    table = wizard.plan.table if wizard.plan else None
    assert table is not None and table.mapping[3][0] == "name" and 0 not in table.mapping
    assert wizard.mapping_note.isVisibleTo(wizard)
    assert wizard.mapping_note.text() == ("“Name” moved from column A to column D. Column A is now not imported."
                                          if lang == "en" else "“名称”已从 A 列改到 D 列。A 列现在不导入。")
    # a choice that takes nothing from another column says nothing
    _wait_plan(qtbot, wizard, lambda: wizard.set_column_mapping(0, "spec"))
    assert not wizard.mapping_note.isVisibleTo(wizard)


@pytest.mark.usefixtures("english_ui")
def test_a_picture_cells_tooltip_shows_the_picture_once_made_in_the_background(
        qtbot: object, open_wizard: Callable[[Path | None], ImportWizard], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    import base64

    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QCursor, QHelpEvent, QImage
    from PySide6.QtWidgets import QApplication, QToolTip

    from tests.workbooks import png, write_pictured_book
    from ui.import_wizard import preview_model

    readers: list[int] = []
    real = preview_model._picture_bytes

    def counted(path: Path, picture: Any) -> bytes | None:
        readers.append(threading.get_ident())
        return real(path, picture)

    monkeypatch.setattr(preview_model, "_picture_bytes", counted)
    rows = [["菜名", "价格", "图片"], ["辣炒蛤蜊", 38, None]]
    wizard = open_wizard(write_pictured_book(tmp_path / "菜单.xlsx", rows, {"C2": png("red", (900, 150))}))
    wizard.resize(1000, 600)
    wizard.show()
    qtbot.waitExposed(wizard)  # type: ignore[attr-defined]
    model, view = wizard.model, wizard.view
    index = model.index(0, model.section_of(2))
    qtbot.waitUntil(lambda: model.data(index, Qt.ItemDataRole.DecorationRole) is not model.thumbnails.placeholder)  # type: ignore[attr-defined]
    readers.clear()  # the thumbnail's
    # the first hover: the text at once, and the picture is asked for (never read on the UI thread)
    viewport = view.viewport()
    where = view.visualRect(index).center()
    QCursor.setPos(viewport.mapToGlobal(where))
    with qtbot.waitSignal(model.previews.sig_ready, timeout=5000):  # type: ignore[attr-defined]
        QApplication.sendEvent(viewport, QHelpEvent(QEvent.Type.ToolTip, where, viewport.mapToGlobal(where)))
        first = QToolTip.text()
        assert first.startswith("Picture: PNG, 900 × 150") and "<img" not in first
    assert readers and threading.get_ident() not in readers
    # arrived while the tooltip shows: it shows the picture now, above the text
    qtbot.waitUntil(lambda: "<img" in QToolTip.text(), timeout=5000)  # type: ignore[attr-defined]
    tip = model.data(index, Qt.ItemDataRole.ToolTipRole)
    found = re.match(r'<img src="data:image/png;base64,([^"]+)" width="(\d+)" height="(\d+)">', tip)
    assert found is not None and (found.group(2), found.group(3)) == ("240", "40")  # the longer side 240 px
    image = QImage.fromData(base64.b64decode(found.group(1)), "PNG")
    assert (image.width(), image.height()) == (240, 40) and image.pixelColor(120, 20).red() == 255
    assert "Picture: PNG, 900 × 150" in tip and "This row will be added." in tip
    assert len(readers) == 1  # kept: the next hover reads nothing
    assert model.data(index, Qt.ItemDataRole.ToolTipRole) == tip and len(readers) == 1
    QToolTip.hideText()


# ---- GUI QA pass 2 ---------------------------------------------------------------------------------
@pytest.mark.usefixtures("english_ui")
def test_a_photo_folders_result_lists_the_photos_not_imported_and_offers_no_spreadsheet(
        qtbot: object, open_wizard: Callable[[Path | None], ImportWizard], existing: Product, tmp_path: Path) -> None:
    from PySide6.QtWidgets import QApplication

    from ui import i18n

    wizard = open_wizard(_photo_folder(tmp_path))
    wizard.show()
    assert _apply(qtbot, wizard)
    assert wizard.result_page.report_button.isHidden()  # a folder's rows are files: nothing to save and fix
    assert wizard.result_page.problem_photos_view.isVisibleTo(wizard)
    text = wizard.result_page.problems_text.text()
    assert "Photos not imported: 1." in text and "rename or replace" in text and "folder again" in text
    model = wizard.result_page.problem_photos
    assert model.rowCount() == 1
    assert model.data(model.index(0, 0)) == "4006381333931.png"
    assert "No product has the barcode, SKU or name" in model.data(model.index(0, 1))
    i18n.install("zh_CN")  # the reasons follow the language
    try:
        QApplication.sendPostedEvents()  # the LanguageChange
        assert "没有条码、货号或名称" in model.data(model.index(0, 1))
        assert "文件夹" in wizard.result_page.problems_text.text()
    finally:
        i18n.install("en")
    wizard._undone(wizard.applied.batch_id or "")  # type: ignore[union-attr]  # undone: nothing to list
    assert not wizard.result_page.problem_photos_view.isVisibleTo(wizard)


@pytest.mark.usefixtures("english_ui")
def test_a_spreadsheets_result_still_offers_to_save_the_problem_rows(
        qtbot: object, open_wizard: Callable[[Path | None], ImportWizard], tmp_path: Path) -> None:
    wizard = open_wizard(_csv(tmp_path, GOODS))
    wizard.show()
    assert _apply(qtbot, wizard)
    assert wizard.result_page.report_button.isVisibleTo(wizard) and not wizard.result_page.problem_photos_view.isVisibleTo(wizard)


def _chosen_title(wizard: ImportWizard) -> str | None:
    current = wizard.view.currentIndex()
    return wizard.model.headerData(current.row(), Qt.Orientation.Vertical) if current.isValid() else None


def _in_sight(wizard: ImportWizard) -> bool:
    rect = wizard.view.visualRect(wizard.view.currentIndex())
    return rect.isValid() and wizard.view.viewport().rect().intersects(rect)


@pytest.mark.usefixtures("english_ui")
def test_a_mapping_change_keeps_the_chosen_row_chosen_and_in_sight(
        qtbot: object, open_wizard: Callable[[Path | None], ImportWizard], tmp_path: Path) -> None:
    rows = "".join(f"商品{i},{'abc' if i % 100 == 7 else i + 1},瓶\n" for i in range(300))
    wizard = open_wizard(_csv(tmp_path, "商品名称,售价,单位\n" + rows))
    wizard.resize(1000, 600)
    wizard.show()
    qtbot.waitExposed(wizard)  # type: ignore[attr-defined]
    qtbot.mouseClick(wizard.chips.buttons["error"], Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
    wizard.view.setCurrentIndex(wizard.model.index(2, 1))
    assert _chosen_title(wizard) == "209"
    _wait_plan(qtbot, wizard, lambda: wizard.set_column_mapping(2, None))  # the unit: not imported
    assert wizard.model.filter == "error" and _chosen_title(wizard) == "209" and _in_sight(wizard)
    assert wizard.view.currentIndex().column() == 1
    # the price not imported: no problem left, every row is shown, the row stays chosen and in sight
    _wait_plan(qtbot, wizard, lambda: wizard.set_column_mapping(1, None))
    assert wizard.model.filter is None and wizard.model.rowCount() == 300
    assert _chosen_title(wizard) == "209" and _in_sight(wizard)


@pytest.mark.usefixtures("english_ui")
def test_the_history_state_column_fits_its_text_after_an_undo(
        qtbot: object, open_wizard: Callable[[Path | None], ImportWizard], monkeypatch: pytest.MonkeyPatch,
        existing: Product, store: Store, tmp_path: Path) -> None:
    wizard = open_wizard(_csv(tmp_path, GOODS))
    batch = _apply(qtbot, wizard)
    history = ImportHistoryDialog(store.path)
    qtbot.addWidget(history)  # type: ignore[attr-defined]
    history.show()
    qtbot.waitUntil(lambda: bool(history.batches), timeout=20_000)  # type: ignore[attr-defined]
    monkeypatch.setattr(asks, "confirm", lambda parent, title, text: True)
    with qtbot.waitSignal(history.sig_loaded, timeout=20_000):  # type: ignore[attr-defined]
        history.undo(batch)
    view = history.view
    assert history.model.item(0, 6).text().startswith("Undone")
    assert view.columnWidth(6) >= view.sizeHintForColumn(6)  # "Undone 2025-…" whole, not "Un…"
    history.done(0)


def _shown_active(qtbot: object, wizard: ImportWizard) -> None:
    from PySide6.QtWidgets import QApplication

    wizard.resize(1000, 600)
    wizard.show()
    qtbot.waitExposed(wizard)  # type: ignore[attr-defined]
    wizard.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is wizard)  # type: ignore[attr-defined]


def _menus() -> list[Any]:
    from PySide6.QtWidgets import QApplication, QMenu

    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QMenu) and w.isVisible()]


@pytest.mark.usefixtures("english_ui")
def test_the_keyboard_leaves_the_grid_opens_the_mapping_menu_and_skips_an_empty_hint(
        qtbot: object, open_wizard: Callable[[Path | None], ImportWizard], tmp_path: Path) -> None:
    from PySide6.QtWidgets import QApplication

    wizard = open_wizard(_csv(tmp_path, GOODS))
    _shown_active(qtbot, wizard)
    view, model = wizard.view, wizard.model
    # Tab goes on from the grid to the controls below it
    view.setFocus()
    view.setCurrentIndex(model.index(0, model.section_of(1)))
    qtbot.keyClick(view, Qt.Key.Key_Tab)  # type: ignore[attr-defined]
    assert QApplication.focusWidget() is not view and not view.tabKeyNavigation()
    # F4, Alt+Down and the menu key open the menu of the current column (the hint says so)
    assert "F4" in wizard.mapping_hint.text()
    for key, mods in ((Qt.Key.Key_F4, Qt.KeyboardModifier.NoModifier), (Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier),
                      (Qt.Key.Key_Menu, Qt.KeyboardModifier.NoModifier)):
        view.setFocus()
        qtbot.keyClick(view, key, mods)  # type: ignore[attr-defined]
        menus = _menus()
        assert len(menus) == 1, key
        assert menus[0].actions()[0].text() == "Column “规格” is:"  # column B of GOODS
        assert view.currentIndex().row() == 0  # the key did not move in the grid
        menus[0].close()
    # the hint beside the chips is a Tab stop only when it shows its link
    assert wizard.chips.filter_hint.focusPolicy() == Qt.FocusPolicy.NoFocus
    qtbot.mouseClick(wizard.chips.buttons["new"], Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
    assert wizard.chips.filter_hint.focusPolicy() != Qt.FocusPolicy.NoFocus


@pytest.mark.usefixtures("english_ui")
def test_enter_imports_from_the_preview_and_closes_the_result_page(
        qtbot: object, open_wizard: Callable[[Path | None], ImportWizard], tmp_path: Path) -> None:
    from PySide6.QtWidgets import QApplication

    wizard = open_wizard(_csv(tmp_path, GOODS))
    _shown_active(qtbot, wizard)
    wizard.chips.buttons["new"].setFocus()  # focus passes other buttons first
    wizard.back_button.setFocus()
    wizard.view.setFocus()
    assert wizard.import_button.isDefault()
    with qtbot.waitSignal(wizard.sig_import_finished, timeout=20_000):  # type: ignore[attr-defined]
        qtbot.keyClick(wizard.view, Qt.Key.Key_Return)  # type: ignore[attr-defined]
    assert wizard.pages.currentIndex() == 2
    qtbot.waitUntil(lambda: QApplication.focusWidget() is wizard.result_page.close_button)  # type: ignore[attr-defined]
    assert wizard.result_page.close_button.isDefault()
    qtbot.keyClick(wizard.result_page.close_button, Qt.Key.Key_Return)  # type: ignore[attr-defined]
    assert not wizard.isVisible() and wizard.result() == 1


@pytest.mark.usefixtures("english_ui")
def test_no_chip_has_the_focus_at_first_and_a_focused_chip_does_not_look_down(
        qtbot: object, styled: Callable[[bool], None], open_wizard: Callable[[Path | None], ImportWizard],
        existing: Product, tmp_path: Path) -> None:
    from PySide6.QtGui import QColor
    from PySide6.QtWidgets import QApplication

    from ui.import_wizard.chips import FOCUS_RING

    styled(False)
    wizard = open_wizard(_photo_folder(tmp_path))  # no sheet or kind combo before the chips
    _shown_active(qtbot, wizard)
    focus = QApplication.focusWidget()
    assert focus is wizard.view and focus not in wizard.chips.buttons.values()

    def ring(button: Any) -> int:
        image = button.grab().toImage()
        blue = QColor(FOCUS_RING)
        return sum(1 for x in range(image.width()) for y in range(image.height())
                   if image.pixelColor(x, y) == blue)

    chip = wizard.chips.buttons["changed"]
    chip.setFocus()
    qtbot.waitUntil(chip.hasFocus)  # type: ignore[attr-defined]
    focused = ring(chip)
    qtbot.mouseClick(chip, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
    wizard.view.setFocus()
    qtbot.waitUntil(lambda: not chip.hasFocus())  # type: ignore[attr-defined]
    assert chip.isChecked()
    assert focused > 20 and ring(chip) == 0  # the focus ring is blue; a chip that is down has none


SIDE_BY_SIDE = "菜名,价格,备注,菜名,价格,备注\n拍黄瓜,12,凉菜,辣炒蛤蜊,38,热菜\n老醋花生,15,凉菜,清蒸大虾,88,海鲜\n"


@pytest.mark.usefixtures("english_ui")
@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_a_move_in_side_by_side_blocks_names_every_column_that_changed(
        lang: str, qtbot: object, open_wizard: Callable[[Path | None], ImportWizard], tmp_path: Path) -> None:
    from ui import i18n

    i18n.install(lang)
    wizard = open_wizard(_csv(tmp_path, SIDE_BY_SIDE))  # two blocks: A-C and D-F
    assert wizard.plan is not None and wizard.plan.table.block_column(5) == 2
    _wait_plan(qtbot, wizard, lambda: wizard.set_column_mapping(5, "name"))  # F (the second 备注) is the name now
    assert wizard.mapping_note.isVisibleTo(wizard)
    assert wizard.mapping_note.text() == (
        "“Name” moved from columns A and D to columns C and F. Columns A and D are now not imported."
        if lang == "en" else "“名称”已从 A、D 列改到 C、F 列。A、D 列现在不导入。")


@pytest.mark.usefixtures("english_ui")
def test_a_language_switch_words_the_notes_again_and_fits_the_columns_again(
        qtbot: object, open_wizard: Callable[[Path | None], ImportWizard], tmp_path: Path) -> None:
    from PySide6.QtWidgets import QApplication

    from ui import i18n

    i18n.install("zh_CN")
    wizard = open_wizard(_csv(tmp_path, ODD_HEADERS))
    _wait_plan(qtbot, wizard, lambda: wizard.set_column_mapping(0, "name"))
    _wait_plan(qtbot, wizard, lambda: wizard.set_column_mapping(3, "name"))  # the name moves from A to D
    op = wizard.make_apply_operation()
    wizard.cancel_apply()
    wizard.runner.run(op)
    qtbot.waitUntil(lambda: not wizard.runner.busy and wizard.message_note.isVisibleTo(wizard), timeout=20_000)  # type: ignore[attr-defined]
    assert wizard.message_note.text() == "导入已停止，没有做任何修改。"
    assert wizard.mapping_note.text().startswith("“名称”已从 A 列改到 D 列")
    chinese = [wizard.view.columnWidth(s) for s in range(wizard.model.columnCount())]
    i18n.install("en")
    QApplication.sendPostedEvents()  # the LanguageChange
    assert wizard.message_note.text() == "The import was stopped. Nothing was changed."
    assert wizard.mapping_note.text() == "“Name” moved from column A to column D. Column A is now not imported."
    english = [wizard.view.columnWidth(s) for s in range(wizard.model.columnCount())]
    wizard._size_columns()  # what fits the English titles
    assert english == [wizard.view.columnWidth(s) for s in range(wizard.model.columnCount())] != chinese


@pytest.mark.usefixtures("english_ui")
def test_f8_starts_at_the_first_problem_and_says_when_it_goes_round(
        qtbot: object, open_wizard: Callable[[Path | None], ImportWizard], tmp_path: Path) -> None:
    rows = "".join(f"商品{i},{'abc' if i in (0, 5) else i + 1},瓶\n" for i in range(10))
    wizard = open_wizard(_csv(tmp_path, "商品名称,售价,单位\n" + rows))  # problems on rows 2 and 7
    _shown_active(qtbot, wizard)
    wizard.view.setFocus()
    assert not wizard.view.selectionModel().hasSelection()
    qtbot.keyClick(wizard.view, Qt.Key.Key_F8)  # type: ignore[attr-defined]
    assert _chosen_title(wizard) == "2" and wizard.busy_label.text() == ""
    qtbot.keyClick(wizard.view, Qt.Key.Key_F8)  # type: ignore[attr-defined]
    assert _chosen_title(wizard) == "7"
    qtbot.keyClick(wizard.view, Qt.Key.Key_F8)  # type: ignore[attr-defined]
    assert _chosen_title(wizard) == "2" and wizard.busy_label.text() == "All problems seen: back to the first one."
    qtbot.waitUntil(lambda: wizard.busy_label.text() == "", timeout=6000)  # type: ignore[attr-defined]


@pytest.mark.usefixtures("english_ui")
def test_a_turned_phone_photos_tooltip_gives_its_upright_size(
        qtbot: object, open_wizard: Callable[[Path | None], ImportWizard], existing: Product, tmp_path: Path) -> None:
    import io

    from PIL import Image

    folder = tmp_path / "photos"
    folder.mkdir()
    exif = Image.Exif()
    exif[0x0112] = 6  # EXIF orientation: turn 90° to stand upright (a phone held upright)
    out = io.BytesIO()
    Image.new("RGB", (80, 60), "red").save(out, "JPEG", exif=exif.tobytes())  # stored wide, shown tall
    (folder / "6901035600156.jpg").write_bytes(out.getvalue())
    wizard = open_wizard(folder)
    model = wizard.model
    index = model.index(0, model.section_of(0))
    with qtbot.waitSignal(model.previews.sig_ready, timeout=5000):  # type: ignore[attr-defined]
        model.data(index, Qt.ItemDataRole.ToolTipRole)  # asks for the preview
    tip = model.data(index, Qt.ItemDataRole.ToolTipRole)
    assert "<img" in tip and "Picture: JPG, 60 × 80" in tip


@pytest.mark.usefixtures("english_ui")
@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_a_photo_folder_is_worded_as_photos_not_a_spreadsheet(
        lang: str, qtbot: object, open_wizard: Callable[[Path | None], ImportWizard], existing: Product,
        store: Store, tmp_path: Path) -> None:
    from ui import i18n

    i18n.install(lang)
    wizard = open_wizard(_photo_folder(tmp_path))
    assert wizard.windowTitle() == ("Import product photos" if lang == "en" else "导入商品图片")
    model = wizard.model
    assert model.headerData(model.section_of(0), Qt.Orientation.Horizontal) == ("Picture" if lang == "en" else "图片")
    sheet = open_wizard(_csv(tmp_path, GOODS))
    assert sheet.windowTitle() == ("Import a spreadsheet" if lang == "en" else "导入表格")
    history = ImportHistoryDialog(store.path)
    qtbot.addWidget(history)  # type: ignore[attr-defined]
    assert ("photo folder" in history.hint.text()) if lang == "en" else ("图片文件夹" in history.hint.text())
    history.done(0)

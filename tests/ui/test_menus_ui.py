"""The menus UI on a real shop file: menus, sections and dishes, the live preview, shop details,
tables, and printing to real PDFs checked with poppler and zbar. Questions are answered by
replacing `ui.menus.asks` (pytest-qt's note on dialogs); nothing of ours is mocked."""

from __future__ import annotations

import hashlib
import subprocess
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex
from PySide6.QtGui import QColor, QImage
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog, QPrintPreviewWidget
from PySide6.QtWidgets import QDialog

from catalog.models import Product
from catalog.store import Store
from menus.from_catalog import shop_from_store, tables_for
from menus.urls import table_url
from ui.menus import MenusDialog, ShopInfoDialog, TablesDialog, asks
from ui.menus.new_menu import NewMenuDialog
from ui.menus.picker import ProductPickerDialog
from ui.menus.tables_dialog import COL_CODE, COL_NAME

TIMEOUT_MS = 20_000


class Answers:
    """Stands in for the user: records messages, says yes, answers dialogs through handlers."""

    def __init__(self) -> None:
        self.messages: list[tuple[str, str]] = []
        self.texts: list[str] = []
        self.save_path: Path | None = None
        self.folder: Path | None = None
        self.image: Path | None = None
        self.handlers: dict[type, Callable[[Any], bool]] = {}
        self.print_printer: Callable[[QPrinter], bool] | None = None
        self.preview: Callable[[QPrintPreviewDialog], None] | None = None

    def run_dialog(self, dialog: QDialog) -> bool:
        handler = self.handlers[type(dialog)]
        return handler(dialog)


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch) -> Answers:
    """Replace every question the menus UI asks."""
    a = Answers()
    monkeypatch.setattr(asks, "inform", lambda _p, title, text: a.messages.append((title, text)))
    monkeypatch.setattr(asks, "warn", lambda _p, title, text: a.messages.append((title, text)))
    monkeypatch.setattr(asks, "confirm", lambda _p, _title, _text: True)
    monkeypatch.setattr(asks, "ask_text", lambda *_args, **_kw: a.texts.pop(0) if a.texts else None)
    monkeypatch.setattr(asks, "ask_save_path", lambda *_args: a.save_path)
    monkeypatch.setattr(asks, "ask_folder", lambda *_args: a.folder)
    monkeypatch.setattr(asks, "ask_image", lambda *_args: a.image)
    monkeypatch.setattr(asks, "run_dialog", a.run_dialog)
    monkeypatch.setattr(asks, "ask_print", lambda printer, _parent: a.print_printer(printer))  # type: ignore[misc]
    monkeypatch.setattr(asks, "show_print_preview", lambda dialog: a.preview(dialog))  # type: ignore[misc]
    return a


@pytest.fixture
def menus_dialog(qtbot: Any, store: Store, beer_shop: dict[str, Product], answers: Answers) -> Iterator[MenusDialog]:
    """The menus dialog on the test shop, shown; its threads are joined at teardown."""
    store.set_setting("shop_name", "老船长啤酒屋")
    dialog = MenusDialog(store.path)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    yield dialog
    dialog.shutdown()
    assert not dialog.runner.busy and not dialog.preview.runner.busy


@pytest.fixture
def tables_dialog(qtbot: Any, store: Store, beer_shop: dict[str, Product], answers: Answers) -> Iterator[TablesDialog]:
    """The tables dialog on a shop with a dine-in and a beer menu."""
    store.set_setting("shop_name", "老船长啤酒屋")
    store.menus.create_from_categories("堂食")
    store.menus.create("啤酒单")
    dialog = TablesDialog(store.path)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    yield dialog
    dialog.shutdown()
    assert not dialog.runner.busy


def make_menu(dialog: MenusDialog, answers: Answers, name: str, *, empty: bool = False) -> None:
    def fill(d: NewMenuDialog) -> bool:
        d.name.setText(name)
        (d.empty if empty else d.from_categories).setChecked(True)
        return True

    answers.handlers[NewMenuDialog] = fill
    assert dialog.new_menu() is not None


def titles(store: Store, name: str) -> list[str]:
    record = store.menus.find(name)
    assert record is not None
    return [s.title for s in record.sections]


def non_white(image: QImage) -> int:
    """How many sampled pixels are not white (a blank page has none)."""
    white = QColor("white").rgb()
    return sum(
        image.pixel(x, y) != white
        for x in range(0, image.width(), 4)
        for y in range(0, image.height(), 4)
    )


def qr_texts(pdf: Path, tmp_path: Path) -> list[str]:
    """Every QR code on every page of a PDF, decoded with pdftoppm + zbarimg."""
    subprocess.run(["pdftoppm", "-r", "150", "-png", str(pdf), str(tmp_path / "page")], check=True)
    found: list[str] = []
    for page in sorted(tmp_path.glob("page-*.png")):
        out = subprocess.run(["zbarimg", "--raw", "-q", str(page)], capture_output=True, text=True)
        found.extend(line for line in out.stdout.splitlines() if line)
    return found


def pdf_text(pdf: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout


# -- menus, sections, items -------------------------------------------------------------------

def test_new_menu_from_categories_and_edit_sections_and_items(menus_dialog, answers, store, beer_shop):
    dlg = menus_dialog
    assert dlg.record is None and "New" in dlg.menu_title.text()
    make_menu(dlg, answers, "堂食")
    assert sorted(titles(store, "堂食")) == ["主食", "海鲜", "酒水"]
    drinks = next(s for s in store.menus.find("堂食").sections if s.title == "酒水")
    assert drinks.product_ids == [beer_shop["ls"].id, beer_shop["qd"].id] or sorted(drinks.product_ids) == sorted(
        [beer_shop["ls"].id, beer_shop["qd"].id])
    assert dlg.menu_list.count() == 1 and dlg.record.name == "堂食"
    assert "/tangshi" in dlg.url_label.text()

    # add and rename a section
    dlg.section_list.setCurrentRow(dlg.section_list.count() - 1)
    answers.texts = ["今日特价"]
    dlg.add_section()
    assert titles(store, "堂食")[-1] == "今日特价"
    answers.texts = ["特价"]
    dlg.rename_section()
    assert titles(store, "堂食")[-1] == "特价"

    # add a product through the searchable picker (pinyin initials)
    def pick(picker: ProductPickerDialog) -> bool:
        picker.search.setText("qdpj")
        picker.refresh()
        assert picker.list.count() == 1
        picker.set_checked(beer_shop["qd"].id)
        return True

    answers.handlers[ProductPickerDialog] = pick
    assert dlg.add_items() == [beer_shop["qd"].id]
    assert store.menus.find("堂食").sections[-1].product_ids == [beer_shop["qd"].id]
    assert "青岛啤酒" in dlg.item_list.item(0).text() and "¥8" in dlg.item_list.item(0).text()

    # move the section to the top with the Up button
    before = titles(store, "堂食")
    for _ in range(len(before)):
        dlg.section_up_button.click()
    assert titles(store, "堂食") == ["特价", *before[:-1]]

    # reorder items in 酒水 with Down, then remove one
    row = titles(store, "堂食").index("酒水")
    dlg.section_list.setCurrentRow(row)
    ids = list(store.menus.find("堂食").sections[row].product_ids)
    dlg.item_list.setCurrentRow(0)
    dlg.item_down_button.click()
    assert store.menus.find("堂食").sections[row].product_ids == [ids[1], ids[0]]
    dlg.item_list.clearSelection()
    dlg.item_list.item(0).setSelected(True)
    dlg.remove_items_button.click()
    assert store.menus.find("堂食").sections[row].product_ids == [ids[0]]
    assert store.products.get(ids[1]) is not None  # the product stays in the catalog

    # dragging a section (a model move, as a drop does) is saved too
    model = dlg.section_list.model()
    first = titles(store, "堂食")[0]
    assert model.moveRow(QModelIndex(), 0, QModelIndex(), model.rowCount())
    assert titles(store, "堂食")[-1] == first

    # remove a section, rename and delete the menu
    dlg.section_list.setCurrentRow(titles(store, "堂食").index("特价"))
    dlg.remove_section()
    assert "特价" not in titles(store, "堂食")
    answers.texts = ["堂食菜单"]
    slug = store.menus.find("堂食").slug
    dlg.rename_menu()
    assert store.menus.find("堂食菜单").slug == slug  # the QR address never changes
    dlg.delete_menu()
    assert store.menus.all() == [] and dlg.menu_list.count() == 0


def test_empty_menu_and_several_menus(menus_dialog, answers, store):
    make_menu(menus_dialog, answers, "外卖", empty=True)
    make_menu(menus_dialog, answers, "啤酒单", empty=True)
    assert [m.name for m in store.menus.all()] == ["外卖", "啤酒单"]
    assert store.menus.find("外卖").sections == []
    assert menus_dialog.menu_list.count() == 2 and menus_dialog.record.name == "啤酒单"
    with pytest.raises(AssertionError):  # a duplicate name is refused, in plain words
        make_menu(menus_dialog, answers, "外卖", empty=True)
    assert len(store.menus.all()) == 2
    assert "已存在" in answers.messages[-1][1]


# -- live preview -----------------------------------------------------------------------------

def test_live_preview_renders_off_the_ui_thread_after_edits(qtbot, menus_dialog, answers, store):
    dlg = menus_dialog
    with qtbot.waitSignal(dlg.preview.sig_preview_updated, timeout=TIMEOUT_MS):
        make_menu(dlg, answers, "堂食")
    assert dlg.preview.last_thread_id not in (None, threading.get_ident())
    first = dlg.preview.images[0]
    assert first.width() > 400 and non_white(first) > 200
    renders = dlg.preview.renders

    # several quick edits (typing, clicking) end in one fresh render with the new state
    answers.texts = ["今日特价啤酒大促销"]
    dlg.add_section()
    dlg.section_list.setCurrentRow(0)
    answers.texts = ["第一区"]
    with qtbot.waitSignal(dlg.preview.sig_preview_updated, timeout=TIMEOUT_MS):
        dlg.rename_section()
        dlg.preview.schedule()
        dlg.preview.schedule()
    qtbot.waitUntil(lambda: not dlg.preview.busy, timeout=TIMEOUT_MS)
    assert dlg.preview.renders == renders + 1
    assert dlg.preview.images[0] != first
    assert dlg.preview.last_thread_id != threading.get_ident()
    labels = [w for w in dlg.preview.pages.children() if hasattr(w, "pixmap") and w.property("page") is not None]
    qtbot.waitUntil(lambda: all(not label.pixmap().isNull() for label in labels))


def test_preview_follows_shop_details(qtbot, menus_dialog, answers, store, png_file):
    dlg = menus_dialog
    with qtbot.waitSignal(dlg.preview.sig_preview_updated, timeout=TIMEOUT_MS):
        make_menu(dlg, answers, "堂食")
    before = dlg.preview.images[0]

    def edit(shop: ShopInfoDialog) -> bool:
        shop.fields["shop_name"].setText("登州路海鲜大排档")
        return shop.save()

    answers.handlers[ShopInfoDialog] = edit
    with qtbot.waitSignal(dlg.preview.sig_preview_updated, timeout=TIMEOUT_MS):
        dlg.shop_button.click()
    assert store.get_setting("shop_name") == "登州路海鲜大排档"
    assert dlg.preview.images[0] != before


# -- shop details -----------------------------------------------------------------------------

def test_shop_info_is_saved_with_logo(qtbot, store, answers, png_file):
    store.set_setting("port_base_url", "https://port.qingdao.example")
    dialog = ShopInfoDialog(store.path)
    qtbot.addWidget(dialog)
    assert dialog.base_url_label.text() == "https://port.qingdao.example"
    dialog.fields["shop_name"].setText("")
    assert not dialog.save() and "name" in dialog.error.text()
    values = {"shop_name": "老船长啤酒屋", "shop_address": "青岛市市北区登州路56号",
              "shop_phone": "0532-8866 1903", "shop_hours": "11:00–02:00"}
    for key, value in values.items():
        dialog.fields[key].setText(value)
    answers.image = png_file
    assert dialog.choose_logo()
    assert dialog.logo_view.pixmap() is not None and not dialog.logo_view.pixmap().isNull()
    assert dialog.save()
    dialog.shutdown()
    for key, value in values.items():
        assert store.get_setting(key) == value
    data = png_file.read_bytes()
    assert store.get_setting("shop_logo") == hashlib.sha256(data).hexdigest()
    shop = shop_from_store(store)
    assert shop.logo == data and shop.name == "老船长啤酒屋"


def test_shop_info_refuses_a_file_that_is_not_a_picture(qtbot, store, answers, tmp_path):
    bad = tmp_path / "logo.png"
    bad.write_text("not a picture")
    dialog = ShopInfoDialog(store.path)
    qtbot.addWidget(dialog)
    answers.image = bad
    assert not dialog.choose_logo()
    assert "logo.png" in dialog.error.text()
    dialog.shutdown()


# -- tables -----------------------------------------------------------------------------------

def bulk(dialog: TablesDialog, area: str, prefix: str, first: int, last: int, menu: str) -> list:
    dialog.area_edit.setEditText(area)
    dialog.prefix_edit.setText(prefix)
    dialog.first_spin.setValue(first)
    dialog.last_spin.setValue(last)
    dialog.bulk_menu.setCurrentIndex(dialog.bulk_menu.findText(menu))
    return dialog.bulk_create()


def test_tables_bulk_create_rename_and_menu(tables_dialog, store, answers):
    dlg = tables_dialog
    assert "12 tables" in dlg.bulk_hint.text()
    created = bulk(dlg, "大厅", "A", 1, 12, "堂食")
    assert [t.name for t in store.tables.all("大厅")] == [f"A{n}" for n in range(1, 13)]
    dine_in = store.menus.find("堂食")
    assert {t.menu_id for t in store.tables.all()} == {dine_in.id}
    assert dlg.model.rowCount() == 12 and len(dlg.selected_ids()) == 12
    assert dlg.model.item(0, 4).text().endswith("/tangshi?t=A1")

    # the same range again is refused as a whole, in plain words
    assert bulk(dlg, "大厅", "A", 10, 14, "堂食") == []
    assert "A10" in answers.messages[-1][1] and len(store.tables.all()) == 12

    # rename in place: the code (and the printed QR) stays
    a3 = created[2]
    row = [t.id for t in dlg.tables].index(a3.id)
    dlg.model.item(row, COL_NAME).setText("靠窗 A3")
    renamed = next(t for t in store.tables.all() if t.id == a3.id)
    assert (renamed.name, renamed.code) == ("靠窗 A3", "A3")
    row = [t.id for t in dlg.tables].index(a3.id)
    assert dlg.model.item(row, COL_CODE).text() == "A3"
    answers.texts = ["包间3"]
    dlg.select_ids([a3.id])
    dlg.rename_button.click()
    assert next(t for t in store.tables.all() if t.id == a3.id).name == "包间3"

    # choose another menu for two tables
    beer = store.menus.find("啤酒单")
    dlg.select_ids([created[0].id, created[1].id])
    dlg.menu_for_selected.setCurrentIndex(dlg.menu_for_selected.findText("啤酒单"))
    dlg.set_menu_button.click()
    menus = {t.name: t.menu_id for t in store.tables.all()}
    assert menus["A1"] == menus["A2"] == beer.id and menus["A4"] == dine_in.id
    assert dlg.selected_ids() == [created[0].id, created[1].id]

    # remove (archive) one
    dlg.select_ids([created[11].id])
    dlg.remove_button.click()
    assert "A12" not in [t.name for t in store.tables.all()]


def test_save_pdf_of_tents_for_selected_tables_has_their_qr_urls(qtbot, tables_dialog, store, answers, tmp_path):
    dlg = tables_dialog
    created = bulk(dlg, "大厅", "A", 1, 12, "堂食")
    dlg.select_ids([created[0].id])
    dlg.menu_for_selected.setCurrentIndex(dlg.menu_for_selected.findText("啤酒单"))
    dlg.set_menu_button.click()
    chosen = [created[0], created[4], created[11]]
    dlg.select_ids([t.id for t in chosen])
    answers.save_path = tmp_path / "tents"
    with qtbot.waitSignal(dlg.actions.sig_saved, timeout=TIMEOUT_MS) as saved:
        dlg.print_bar.buttons["pdf"].click()
    pdf = tmp_path / "tents.pdf"
    assert saved.args[0] == [pdf] and pdf.exists()
    assert answers.messages[-1][0] == "Saved"

    shop = shop_from_store(store)
    slugs = {m.id: m.slug for m in store.menus.all()}
    fresh = {t.id: t for t in store.tables.all()}
    expected = {table_url(shop, slugs[fresh[t.id].menu_id], tables_for(store, [fresh[t.id]])[0]) for t in chosen}
    assert any("/pijiudan?t=A1" in url for url in expected)
    decoded = qr_texts(pdf, tmp_path)
    assert set(decoded) == expected
    assert len(decoded) == 2 * len(chosen)  # both faces of each tent


def test_print_tents_needs_a_selection(tables_dialog, answers):
    bulk(tables_dialog, "二楼", "包间", 1, 4, "堂食")
    tables_dialog.view.clearSelection()
    assert tables_dialog.print_bar.trigger("pdf") is None
    assert answers.messages[-1][0] == "No tables selected"


# -- print, preview, export -------------------------------------------------------------------

def test_print_preview_opens_and_paints_pages_into_a_printer(qtbot, menus_dialog, answers, store, tmp_path):
    dlg = menus_dialog
    make_menu(dlg, answers, "堂食")
    out = tmp_path / "preview.pdf"
    seen: dict[str, int] = {}

    def preview(dialog: QPrintPreviewDialog) -> None:
        dialog.show()
        qtbot.waitExposed(dialog)
        widget = dialog.findChild(QPrintPreviewWidget)
        qtbot.waitUntil(lambda: widget.pageCount() > 0, timeout=TIMEOUT_MS)
        seen["pages"] = widget.pageCount()
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        dialog.paintRequested.emit(printer)
        dialog.close()

    answers.preview = preview
    dlg.print_bar.set_template("a4")
    with qtbot.waitSignal(dlg.actions.sig_preview_painted, timeout=TIMEOUT_MS):
        dlg.print_bar.buttons["preview"].click()
    qtbot.waitUntil(lambda: "pages" in seen and out.exists(), timeout=TIMEOUT_MS)
    text = pdf_text(out)
    assert "老船长啤酒屋" in text and "辣炒蛤蜊" in text and "¥38" in text
    assert seen["pages"] >= 1


def test_print_thermal_uses_the_strip_as_paper(qtbot, menus_dialog, answers, store, tmp_path):
    dlg = menus_dialog
    make_menu(dlg, answers, "堂食")
    out = tmp_path / "thermal.pdf"
    sizes: list[tuple[float, float]] = []

    def choose_printer(printer: QPrinter) -> bool:
        size = printer.pageLayout().fullRect(printer.pageLayout().Unit.Millimeter)
        sizes.append((size.width(), size.height()))
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        return True

    answers.print_printer = choose_printer
    dlg.print_bar.set_template("thermal-58")
    with qtbot.waitSignal(dlg.actions.sig_printed, timeout=TIMEOUT_MS):
        dlg.print_bar.buttons["print"].click()
    (width, height), = sizes
    assert abs(width - 58) < 0.5 and 60 < height < 2000  # the strip's width and its content height
    assert "鲅鱼水饺" in pdf_text(out)
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True, check=True).stdout
    page_w = float(next(line for line in info.splitlines() if line.startswith("Page size")).split()[2])
    assert abs(page_w - 58 * 72 / 25.4) < 2


def test_save_pdf_can_be_cancelled_and_leaves_no_file(qtbot, menus_dialog, answers, tmp_path):
    dlg = menus_dialog
    make_menu(dlg, answers, "堂食")
    answers.save_path = tmp_path / "menu.pdf"
    with qtbot.waitSignal(dlg.actions.sig_failed, timeout=TIMEOUT_MS) as failed:
        op = dlg.actions.save_pdf(dlg._request_for("a4"))
        op.job.cancel_event.set()
    assert failed.args == [""]
    assert not list(tmp_path.glob("*.pdf")) and not list(tmp_path.glob(".*.part"))


def test_save_png_pages(qtbot, menus_dialog, answers, tmp_path):
    make_menu(menus_dialog, answers, "堂食")
    answers.folder = tmp_path / "pictures"
    menus_dialog.print_bar.set_template("thermal-80")
    with qtbot.waitSignal(menus_dialog.actions.sig_saved, timeout=TIMEOUT_MS) as saved:
        menus_dialog.print_bar.buttons["png"].click()
    paths = saved.args[0]
    assert paths and all(p.exists() and p.name.endswith(".png") for p in paths)
    image = QImage(str(paths[0]))
    assert abs(image.width() - round(80 / 25.4 * 150)) <= 2 and non_white(image) > 100


def test_html_export_escapes_items(qtbot, menus_dialog, answers, store, add_product, tmp_path):
    add_product('<b>蛤蜊 & "辣"</b>', price=4200, category="海鲜", kind="dish")
    make_menu(menus_dialog, answers, "堂食")
    answers.folder = tmp_path / "web"
    with qtbot.waitSignal(menus_dialog.actions.sig_saved, timeout=TIMEOUT_MS):
        menus_dialog.print_bar.buttons["html"].click()
    html = (tmp_path / "web" / "index.html").read_text(encoding="utf-8")
    assert "&lt;b&gt;蛤蜊 &amp; &quot;辣&quot;&lt;/b&gt;" in html
    assert "<b>蛤蜊" not in html and "老船长啤酒屋" in html and "¥42" in html


def test_the_menus_window_fits_1024_pixels_with_large_english_text(qtbot, styled, english_ui, store, beer_shop,
                                                                    answers):
    """The layout chooser may be narrower than its title: cut with "…", whole in its tooltip."""
    styled(True)
    store.menus.create_from_categories("堂食")
    dialog = MenusDialog(store.path)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    try:
        assert dialog.minimumSizeHint().expandedTo(dialog.minimumSize()).width() <= 990  # room for the frame
        combo = dialog.print_bar.template_combo
        title = combo.currentText()
        assert combo.toolTip() == title
        dialog.resize(dialog.minimumSizeHint())
        qtbot.waitUntil(lambda: combo.width() < combo.fontMetrics().horizontalAdvance(title))
    finally:
        dialog.shutdown()


def test_the_picker_shows_prices_as_menus_print_them() -> None:
    from decimal import Decimal

    from catalog.models import ProductRow
    from ui.menus.picker import price_text

    def row(lo: int | None, hi: int | None, market: bool = False) -> ProductRow:
        return ProductRow("p", "海捕大虾", "dish", "海鲜", "斤", "on", False, 2, "", "", "", lo, hi, None, Decimal(0), "",
                          None, market)

    assert [price_text(row(3800, 3800)), price_text(row(6800, 12800)), price_text(row(None, None))] == ["¥38", "¥68–128", ""]
    assert [price_text(row(None, None, True)), price_text(row(6800, 6800, True))] == ["时价", "¥68 / 时价"]

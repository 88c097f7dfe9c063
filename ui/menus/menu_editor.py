"""The menus dialog: the shop's menus, their sections and dishes, a live A4 preview, and printing.

Every edit is saved to the shop database at once (there is no Save button to forget) and the
preview follows a moment later. Prices, member prices, sold-out, spicy and allergen marks come
from the catalog, so the menu never has to be retyped when a price changes.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from catalog.menus import MenuError, MenuRecord, MenuSection
from catalog.models import ALLERGENS
from catalog.store import Store
from menus.from_catalog import shop_from_store
from menus.money import format_fen
from menus.urls import menu_url
from ui.menus import asks
from ui.menus.documents import PrintRequest
from ui.menus.new_menu import NewMenuDialog
from ui.menus.picker import ProductPickerDialog, price_text
from ui.menus.preview import PreviewPane
from ui.menus.print_actions import PrintActions, PrintBar
from ui.operations import OperationRunner
from ui.style import fit_to_screen

ID_ROLE = Qt.ItemDataRole.UserRole


def _button(text: str, slot: object, tip: str = "") -> QPushButton:
    button = QPushButton(text)
    button.setAutoDefault(False)
    button.clicked.connect(lambda _=False: slot())  # type: ignore[operator]
    if tip:
        button.setToolTip(tip)
    return button


def _reorderable_list() -> QListWidget:
    widget = QListWidget()
    widget.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
    widget.setDefaultDropAction(Qt.DropAction.MoveAction)
    widget.setAlternatingRowColors(True)
    return widget


class MenusDialog(QDialog):
    """Build the shop's menus (堂食, 外卖, 啤酒单 …) from the catalog and print them.

    Opens its own Store on `store_path` (closed in `shutdown()`, which closing the dialog calls).
    """

    sig_menus_changed = Signal()
    """A menu was created, renamed, archived or edited (its sections or dishes)."""

    def __init__(self, store_path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store_path = Path(store_path)
        self.store = Store.open(self.store_path)
        shop_from_store(self.store)  # makes the shop's stable local id now, on this thread
        self.record: MenuRecord | None = None
        self.runner = OperationRunner(self)
        self.actions = PrintActions(self.store_path, self, self.runner)
        self._closed = False
        self.setWindowTitle(self.tr("Menus and printing"))
        fit_to_screen(self, 1280, 800)
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)

        self.preview = PreviewPane(self.store_path, self)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self._menus_column())
        splitter.addWidget(self._editor_column())
        splitter.addWidget(self.preview)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setStretchFactor(2, 1)
        splitter.setSizes([240, 520, 520])
        self.print_bar = PrintBar(self.actions, self._request_for, stem_for=self._stem_for)
        self.close_button = _button(self.tr("Close"), self.accept)
        bottom = QHBoxLayout()
        bottom.addWidget(self.print_bar, 1)
        bottom.addSpacing(24)
        bottom.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addLayout(bottom)
        self.reload_menus()

    # -- building the columns -----------------------------------------------------------------

    def _menus_column(self) -> QWidget:
        box = QGroupBox(self.tr("Menus"))
        self.menu_list = QListWidget()
        self.menu_list.currentItemChanged.connect(lambda cur, _prev: self._menu_selected(cur))
        self.new_menu_button = _button(self.tr("New…"), self.new_menu)
        self.rename_menu_button = _button(self.tr("Rename…"), self.rename_menu)
        self.delete_menu_button = _button(self.tr("Delete"), self.delete_menu)
        self.shop_button = _button(self.tr("Shop name, logo, address…"), self.open_shop_info)
        self.tables_button = _button(self.tr("Tables and QR tents…"), self.open_tables)
        row = QHBoxLayout()
        for b in (self.new_menu_button, self.rename_menu_button, self.delete_menu_button):
            row.addWidget(b)
        layout = QVBoxLayout(box)
        layout.addWidget(self.menu_list, 1)
        layout.addLayout(row)
        layout.addSpacing(12)
        layout.addWidget(self.shop_button)
        layout.addWidget(self.tables_button)
        return box

    def _editor_column(self) -> QWidget:
        column = QWidget()
        self.menu_title = QLabel("")
        self.menu_title.setProperty("role", "title")
        self.url_label = QLabel("")
        self.url_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.url_label.setWordWrap(True)
        self.url_note = QLabel(self.tr(
            "This address never changes, even when you rename the menu or change its dishes, "
            "so QR codes you have printed keep working."
        ))
        self.url_note.setProperty("role", "hint")
        self.url_note.setWordWrap(True)

        self.section_list = _reorderable_list()
        self.section_list.currentItemChanged.connect(lambda cur, _prev: self._section_selected(cur))
        self.section_list.itemDoubleClicked.connect(lambda _item: self.rename_section())
        self.section_list.model().rowsMoved.connect(self._sections_dragged)
        self.add_section_button = _button(self.tr("Add…"), self.add_section)
        self.rename_section_button = _button(self.tr("Rename…"), self.rename_section)
        self.remove_section_button = _button(self.tr("Remove"), self.remove_section)
        self.section_up_button = _button(self.tr("Up"), lambda: self.move_section(-1))
        self.section_down_button = _button(self.tr("Down"), lambda: self.move_section(1))
        sections = self._list_box(
            self.tr("Sections"), self.section_list,
            [self.add_section_button, self.rename_section_button, self.remove_section_button,
             self.section_up_button, self.section_down_button],
        )

        self.item_list = _reorderable_list()
        self.item_list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.item_list.model().rowsMoved.connect(self._items_dragged)
        self.add_items_button = _button(self.tr("Add dishes…"), self.add_items)
        self.remove_items_button = _button(self.tr("Remove"), self.remove_items)
        self.item_up_button = _button(self.tr("Up"), lambda: self.move_item(-1))
        self.item_down_button = _button(self.tr("Down"), lambda: self.move_item(1))
        self.items_box = self._list_box(
            self.tr("Dishes in this section"), self.item_list,
            [self.add_items_button, self.remove_items_button, self.item_up_button, self.item_down_button],
        )
        self.items_hint = QLabel(self.tr(
            "Prices, member prices, sold-out, spicy and allergen marks come from the products. "
            "Drag to change the order."
        ))
        self.items_hint.setProperty("role", "hint")
        self.items_hint.setWordWrap(True)

        layout = QVBoxLayout(column)
        layout.setContentsMargins(6, 0, 6, 0)
        layout.addWidget(self.menu_title)
        layout.addWidget(self.url_label)
        layout.addWidget(self.url_note)
        layout.addWidget(sections, 2)
        layout.addWidget(self.items_box, 3)
        layout.addWidget(self.items_hint)
        return column

    @staticmethod
    def _list_box(title: str, widget: QListWidget, buttons: list[QPushButton]) -> QGroupBox:
        box = QGroupBox(title)
        side = QVBoxLayout()
        for b in buttons:
            side.addWidget(b)
        side.addStretch(1)
        row = QHBoxLayout(box)
        row.addWidget(widget, 1)
        row.addLayout(side)
        return box

    # -- menus --------------------------------------------------------------------------------

    def reload_menus(self, select_id: str | None = None) -> None:
        """Refill the list of menus and select one (the current, the given, or the first)."""
        keep = select_id or (self.record.id if self.record else None)
        self.menu_list.blockSignals(True)
        self.menu_list.clear()
        for menu in self.store.menus.all():
            item = QListWidgetItem(menu.name)
            item.setData(ID_ROLE, menu.id)
            self.menu_list.addItem(item)
        self.menu_list.blockSignals(False)
        row = next((i for i in range(self.menu_list.count()) if self.menu_list.item(i).data(ID_ROLE) == keep), 0)
        if self.menu_list.count():
            self.menu_list.setCurrentRow(row)
        self._menu_selected(self.menu_list.currentItem())

    def select_menu(self, menu_id: str) -> None:
        """Show the menu with this id."""
        self.reload_menus(menu_id)

    def new_menu(self) -> MenuRecord | None:
        """Ask for a name and where to start from, then create the menu."""
        dialog = NewMenuDialog(self.store, self)
        try:
            if not asks.run_dialog(dialog):
                return None
            name, category_ids = dialog.menu_name(), dialog.category_ids()
        finally:
            dialog.deleteLater()
        try:
            record = (
                self.store.menus.create(name) if category_ids is None
                else self.store.menus.create_from_categories(name, category_ids)
            )
        except MenuError as exc:
            asks.warn(self, self.tr("Cannot create the menu"), str(exc))
            return None
        self.reload_menus(record.id)
        self.sig_menus_changed.emit()
        return record

    def rename_menu(self) -> None:
        """Ask for a new name (the QR address stays the same)."""
        if self.record is None:
            return
        name = asks.ask_text(self, self.tr("Rename menu"), self.tr("New name:"), self.record.name)
        if name and name != self.record.name:
            old = self.record.name
            self.record.name = name
            if not self._save():
                self.record.name = old
            self.reload_menus(self.record.id)

    def delete_menu(self) -> None:
        """Archive the current menu after asking."""
        if self.record is None:
            return
        if not asks.confirm(self, self.tr("Delete menu"), self.tr(
            "Delete the menu “%1”? Its products stay in the catalog.").replace("%1", self.record.name)):
            return
        self.store.menus.archive(self.record.id)
        self.record = None
        self.reload_menus()
        self.sig_menus_changed.emit()

    def _menu_selected(self, item: QListWidgetItem | None) -> None:
        self.record = self.store.menus.get(item.data(ID_ROLE)) if item is not None else None
        has = self.record is not None
        for w in (self.rename_menu_button, self.delete_menu_button, self.section_list, self.item_list,
                  self.add_section_button, self.print_bar):
            w.setEnabled(has)
        if self.record is None:
            self.menu_title.setText(self.tr("No menu yet: press “New…” to make one."))
            self.url_label.clear()
            self.url_note.hide()
            self.section_list.clear()
            self.item_list.clear()
            self.preview.show_menu(None)
            return
        self.menu_title.setText(self.record.name)
        shop = shop_from_store(self.store)
        self.url_label.setText(self.tr("QR address: %1  (code: %2)")
                               .replace("%1", menu_url(shop, self.record.slug)).replace("%2", self.record.slug))
        self.url_note.show()
        self._fill_sections(0)
        self.preview.show_menu(self.record.id)

    # -- sections -----------------------------------------------------------------------------

    def current_section(self) -> MenuSection | None:
        """The selected section of the current menu."""
        item = self.section_list.currentItem()
        if self.record is None or item is None:
            return None
        return next((s for s in self.record.sections if s.id == item.data(ID_ROLE)), None)

    def add_section(self) -> None:
        """Ask for a title and add an empty section after the current one."""
        if self.record is None:
            return
        title = asks.ask_text(self, self.tr("Add section"), self.tr("Section title (e.g. Seafood, Draft beer):"))
        if not title:
            return
        index = self.section_list.currentRow() + 1 if self.section_list.currentRow() >= 0 else len(self.record.sections)
        self.record.sections.insert(index, MenuSection(title))
        self._save()
        self._fill_sections(index)

    def rename_section(self) -> None:
        """Ask for a new title of the current section."""
        section = self.current_section()
        if section is None:
            return
        title = asks.ask_text(self, self.tr("Rename section"), self.tr("New title:"), section.title)
        if title and title != section.title:
            section.title = title
            self._save()
            self._fill_sections(self.section_list.currentRow())

    def remove_section(self) -> None:
        """Remove the current section (after asking when it has dishes); the products stay."""
        section = self.current_section()
        if section is None or self.record is None:
            return
        if section.product_ids and not asks.confirm(self, self.tr("Remove section"), self.tr(
            "Remove the section “%1” and its %2 dish(es) from this menu? The products stay in the catalog.")
                .replace("%1", section.title).replace("%2", str(len(section.product_ids)))):
            return
        row = self.section_list.currentRow()
        self.record.sections.remove(section)
        self._save()
        self._fill_sections(min(row, len(self.record.sections) - 1))

    def move_section(self, step: int) -> None:
        """Move the current section up (-1) or down (+1)."""
        row = self.section_list.currentRow()
        if self.record is None or row < 0 or not 0 <= row + step < len(self.record.sections):
            return
        sections = self.record.sections
        sections[row], sections[row + step] = sections[row + step], sections[row]
        self._save()
        self._fill_sections(row + step)

    def _sections_dragged(self, *_args: object) -> None:
        if self.record is None:
            return
        by_id = {s.id: s for s in self.record.sections}
        order = [self.section_list.item(i).data(ID_ROLE) for i in range(self.section_list.count())]
        self.record.sections = [by_id[i] for i in order if i in by_id]
        self._save()

    def _fill_sections(self, select_row: int) -> None:
        self.section_list.blockSignals(True)
        self.section_list.clear()
        for s in self.record.sections if self.record else []:
            item = QListWidgetItem(f"{s.title}  ({len(s.product_ids)})")
            item.setData(ID_ROLE, s.id)
            self.section_list.addItem(item)
        self.section_list.blockSignals(False)
        if self.section_list.count():
            self.section_list.setCurrentRow(max(0, min(select_row, self.section_list.count() - 1)))
        self._section_selected(self.section_list.currentItem())

    def _section_selected(self, _item: QListWidgetItem | None) -> None:
        section = self.current_section()
        for w in (self.rename_section_button, self.remove_section_button, self.section_up_button,
                  self.section_down_button, self.add_items_button, self.remove_items_button,
                  self.item_up_button, self.item_down_button):
            w.setEnabled(section is not None)
        self.items_box.setTitle(
            self.tr("Dishes in “%1”").replace("%1", section.title) if section else self.tr("Dishes in this section")
        )
        self._fill_items(section, [])

    # -- items --------------------------------------------------------------------------------

    def add_items(self) -> list[str]:
        """Pick products with the searchable picker and append them to the current section."""
        section = self.current_section()
        if section is None:
            return []
        picker = ProductPickerDialog(self.store, set(section.product_ids), self)
        try:
            chosen = picker.chosen_ids() if asks.run_dialog(picker) else []
        finally:
            picker.shutdown()
            picker.deleteLater()
        if chosen:
            section.product_ids.extend(p for p in chosen if p not in section.product_ids)
            self._save()
            self._refresh_section_caption()
            self._fill_items(section, chosen)
        return chosen

    def remove_items(self) -> None:
        """Take the selected dishes off this section (the products stay in the catalog)."""
        section = self.current_section()
        chosen = {it.data(ID_ROLE) for it in self.item_list.selectedItems()}
        if section is None or not chosen:
            return
        row = min(self.item_list.row(it) for it in self.item_list.selectedItems())
        section.product_ids = [p for p in section.product_ids if p not in chosen]
        self._save()
        self._refresh_section_caption()
        self._fill_items(section, [])
        if self.item_list.count():
            self.item_list.setCurrentRow(min(row, self.item_list.count() - 1))

    def move_item(self, step: int) -> None:
        """Move the current dish up (-1) or down (+1)."""
        section = self.current_section()
        row = self.item_list.currentRow()
        if section is None or row < 0 or not 0 <= row + step < len(section.product_ids):
            return
        ids = section.product_ids
        ids[row], ids[row + step] = ids[row + step], ids[row]
        self._save()
        self._fill_items(section, [ids[row + step]])

    def _items_dragged(self, *_args: object) -> None:
        section = self.current_section()
        if section is None:
            return
        section.product_ids = [self.item_list.item(i).data(ID_ROLE) for i in range(self.item_list.count())]
        self._save()

    def _fill_items(self, section: MenuSection | None, select_ids: list[str]) -> None:
        self.item_list.clear()
        if section is None:
            return
        rows = {r.id: r for r in self.store.products.rows(section.product_ids)}
        for pid in section.product_ids:
            row = rows.get(pid)
            product = self.store.products.get(pid)
            if row is None or product is None:
                continue
            parts = [row.name, price_text(row)]
            if row.member_price_fen is not None:
                parts.append(self.tr("member %1").replace("%1", format_fen(row.member_price_fen)))
            if product.spicy_level:
                parts.append(self._spicy_names()[min(product.spicy_level, 3)])
            if row.sold_out:
                parts.append(self.tr("SOLD OUT"))
            if product.archived or row.status != "on":
                parts.append(self.tr("(not on sale: hidden on the menu)"))
            item = QListWidgetItem("   ".join(p for p in parts if p))
            item.setData(ID_ROLE, pid)
            if product.allergens:
                item.setToolTip(self.tr("Contains: %1").replace("%1", self._allergen_names(product.allergens)))
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsDropEnabled)
            self.item_list.addItem(item)
            if pid in select_ids:
                item.setSelected(True)
                self.item_list.setCurrentItem(item)

    def _spicy_names(self) -> list[str]:
        return ["", self.tr("mild"), self.tr("medium spicy"), self.tr("very spicy")]

    def _allergen_names(self, codes: list[str]) -> str:
        chinese = QLocale().language() == QLocale.Language.Chinese
        return "、".join(ALLERGENS.get(c, (c, c))[0 if chinese else 1] for c in codes)

    def _refresh_section_caption(self) -> None:
        section, item = self.current_section(), self.section_list.currentItem()
        if section is not None and item is not None:
            item.setText(f"{section.title}  ({len(section.product_ids)})")

    # -- saving, printing, other dialogs ------------------------------------------------------

    def _save(self) -> bool:
        """Store the current menu and refresh the preview; False (and a message) when refused."""
        if self.record is None:
            return False
        try:
            self.store.menus.save(self.record)
        except MenuError as exc:
            asks.warn(self, self.tr("Cannot save the menu"), str(exc))
            return False
        self.preview.schedule()
        self.sig_menus_changed.emit()
        return True

    def _request_for(self, template: str) -> PrintRequest | None:
        if self.record is None:
            return None
        tables: tuple[str, ...] = ()
        if template == "tent-a5":
            tables = tuple(t.id for t in self.store.tables.all() if t.menu_id == self.record.id)
            if not tables:
                asks.inform(self, self.tr("No tables"), self.tr(
                    "No table uses this menu yet. Open “Tables and QR tents…” to add tables and choose their menu."))
                return None
        return PrintRequest(template, self.record.id, tables)

    def _stem_for(self, template: str) -> str:
        return f"{self.record.name if self.record else 'menu'}-{template}"

    def open_shop_info(self) -> None:
        """Edit the shop's name, logo, address, phone and hours; the preview follows."""
        from ui.menus.shop_info import ShopInfoDialog

        dialog = ShopInfoDialog(self.store_path, self)
        try:
            if asks.run_dialog(dialog):
                self.preview.schedule()
                self._menu_selected(self.menu_list.currentItem())
        finally:
            dialog.shutdown()
            dialog.deleteLater()

    def open_tables(self) -> None:
        """Manage tables, their menus and their QR tents."""
        from ui.menus.tables_dialog import TablesDialog

        dialog = TablesDialog(self.store_path, self)
        try:
            asks.run_dialog(dialog)
        finally:
            dialog.shutdown()
            dialog.deleteLater()

    def shutdown(self) -> None:
        """Stop background work, join its threads and close the Store (safe to call twice)."""
        if self._closed:
            return
        self._closed = True
        self.preview.shutdown()
        self.runner.shutdown()
        self.store.close()

    def done(self, result: int) -> None:
        """Closing the dialog (Close, Esc, the window button) also shuts it down."""
        self.shutdown()
        super().done(result)



"""Tables and areas (大厅 A1-A12, 二楼 包间1-4 …): add in bulk, rename, choose their menu, remove,
and print their QR table tents. A table's code never changes, so a reprinted tent matches the old one."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from catalog.menus import DiningTable, MenuError
from catalog.store import Store
from menus.from_catalog import shop_from_store, tables_for
from menus.urls import table_url
from ui.menus import asks
from ui.menus.documents import PrintRequest
from ui.menus.print_actions import PrintActions, PrintBar
from ui.operations import OperationRunner
from ui.style import fit_to_screen

ID_ROLE = Qt.ItemDataRole.UserRole
COL_AREA, COL_NAME, COL_CODE, COL_MENU, COL_URL = range(5)


class TablesDialog(QDialog):
    """The shop's dining tables with their codes, menus and QR addresses, and tent printing.

    Opens its own Store on `store_path`; `shutdown()` (called when the dialog closes) joins
    background work and closes it.
    """

    sig_tables_changed = Signal()
    """Tables were added, renamed, given a menu or removed."""

    def __init__(self, store_path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store_path = Path(store_path)
        self.store = Store.open(self.store_path)
        self.shop = shop_from_store(self.store)
        self.runner = OperationRunner(self)
        self.actions = PrintActions(self.store_path, self, self.runner)
        self._closed = False
        self._filling = False
        self.setWindowTitle(self.tr("Tables and QR table tents"))
        fit_to_screen(self, 1000, 700)

        self.model = QStandardItemModel(0, 5, self)
        self.model.setHorizontalHeaderLabels(
            [self.tr("Area"), self.tr("Table"), self.tr("Code (never changes)"), self.tr("Menu"), self.tr("QR address")]
        )
        self.model.itemChanged.connect(self._item_edited)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().hide()
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_URL, QHeaderView.ResizeMode.Stretch)
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._selection_changed())

        self.rename_button = QPushButton(self.tr("Rename…"))
        self.rename_button.clicked.connect(lambda _=False: self.rename_current())
        self.menu_for_selected = QComboBox()
        self.set_menu_button = QPushButton(self.tr("Use this menu"))
        self.set_menu_button.clicked.connect(lambda _=False: self.set_menu_for_selected(self.menu_for_selected.currentData()))
        self.remove_button = QPushButton(self.tr("Remove…"))
        self.remove_button.clicked.connect(lambda _=False: self.remove_selected())
        self.select_all_button = QPushButton(self.tr("Select all"))
        self.select_all_button.clicked.connect(lambda _=False: self.view.selectAll())
        self.selection_label = QLabel("")
        self.selection_label.setProperty("role", "hint")
        tools = QHBoxLayout()
        tools.addWidget(self.select_all_button)
        tools.addWidget(self.rename_button)
        tools.addSpacing(16)
        tools.addWidget(QLabel(self.tr("Menu for the selected tables:")))
        tools.addWidget(self.menu_for_selected)
        tools.addWidget(self.set_menu_button)
        tools.addSpacing(16)
        tools.addWidget(self.remove_button)
        tools.addStretch(1)

        self.print_bar = PrintBar(
            self.actions, self._request_for, ("tent-a5",), html=False, stem_for=lambda _t: "table-tents"
        )
        print_box = QGroupBox(self.tr("Print QR table tents for the selected tables (one A4 sheet each, fold in half)"))
        print_row = QHBoxLayout(print_box)
        print_row.addWidget(self.selection_label)
        print_row.addStretch(1)
        print_row.addWidget(self.print_bar)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.clicked.connect(lambda _=False: self.accept())
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self._bulk_box())
        layout.addLayout(tools)
        layout.addWidget(self.view, 1)
        layout.addWidget(print_box)
        layout.addLayout(bottom)
        self.reload()
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)

    def _bulk_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Add tables"))
        self.area_edit = QComboBox()
        self.area_edit.setEditable(True)
        self.area_edit.lineEdit().setPlaceholderText(self.tr("e.g. Hall"))
        self.prefix_edit = QLineEdit("A")
        self.prefix_edit.setMaximumWidth(120)
        self.first_spin = QSpinBox()
        self.first_spin.setRange(0, 9999)
        self.first_spin.setValue(1)
        self.last_spin = QSpinBox()
        self.last_spin.setRange(0, 9999)
        self.last_spin.setValue(12)
        self.bulk_menu = QComboBox()
        self.add_button = QPushButton(self.tr("Add tables"))
        self.add_button.setProperty("primary", True)
        self.add_button.clicked.connect(lambda _=False: self.bulk_create())
        self.bulk_hint = QLabel("")
        self.bulk_hint.setProperty("role", "hint")
        for w in (self.prefix_edit, self.first_spin, self.last_spin):
            signal = w.textChanged if isinstance(w, QLineEdit) else w.valueChanged
            signal.connect(lambda *_: self._update_bulk_hint())
        grid = QGridLayout(box)
        grid.addWidget(QLabel(self.tr("Area:")), 0, 0)
        grid.addWidget(self.area_edit, 0, 1)
        grid.addWidget(QLabel(self.tr("Name before the number:")), 0, 2)
        grid.addWidget(self.prefix_edit, 0, 3)
        grid.addWidget(QLabel(self.tr("From:")), 0, 4)
        grid.addWidget(self.first_spin, 0, 5)
        grid.addWidget(QLabel(self.tr("To:")), 0, 6)
        grid.addWidget(self.last_spin, 0, 7)
        grid.addWidget(QLabel(self.tr("Menu:")), 1, 0)
        grid.addWidget(self.bulk_menu, 1, 1)
        grid.addWidget(self.bulk_hint, 1, 2, 1, 4)
        grid.addWidget(self.add_button, 1, 6, 1, 2)
        grid.setColumnStretch(1, 1)
        self._update_bulk_hint()
        return box

    # -- data ---------------------------------------------------------------------------------

    def reload(self, select_ids: set[str] | None = None) -> None:
        """Refill the areas, menus and the table list (keeping or setting the selection)."""
        keep = select_ids if select_ids is not None else set(self.selected_ids())
        menus = self.store.menus.all()
        self._menu_names = {m.id: m.name for m in menus}
        self._menu_slugs = {m.id: m.slug for m in menus}
        for combo in (self.bulk_menu, self.menu_for_selected):
            current = combo.currentData()
            combo.clear()
            for m in menus:
                combo.addItem(m.name, m.id)
            combo.addItem(self.tr("(no menu)"), None)
            combo.setCurrentIndex(max(0, combo.findData(current)) if current else 0)
        area = self.area_edit.currentText()
        self.area_edit.clear()
        self.area_edit.addItems(self.store.tables.areas())
        self.area_edit.setEditText(area or (self.store.tables.areas() or [self.tr("Hall")])[0])
        self._filling = True
        self.model.removeRows(0, self.model.rowCount())
        self.tables = self.store.tables.all()
        for table in self.tables:
            self.model.appendRow(self._row(table))
        self._filling = False
        selection = self.view.selectionModel()
        for row, table in enumerate(self.tables):
            if table.id in keep:
                selection.select(
                    self.model.index(row, 0),
                    QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
                )
        self._selection_changed()

    def _row(self, table: DiningTable) -> list[QStandardItem]:
        slug = self._menu_slugs.get(table.menu_id or "")
        url = table_url(self.shop, slug, tables_for(self.store, [table])[0]) if slug else self.tr("(choose a menu)")
        cells = [table.area, table.name, table.code, self._menu_names.get(table.menu_id or "", self.tr("(no menu)")), url]
        items = []
        for col, text in enumerate(cells):
            item = QStandardItem(text)
            item.setData(table.id, ID_ROLE)
            if col != COL_NAME:
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            else:
                item.setToolTip(self.tr("Double-click to rename; the code and QR stay the same."))
            items.append(item)
        return items

    def selected_ids(self) -> list[str]:
        """Ids of the selected tables, in list order."""
        rows = sorted({i.row() for i in self.view.selectionModel().selectedRows()})
        return [self.model.item(r, 0).data(ID_ROLE) for r in rows]

    def select_ids(self, ids: list[str]) -> None:
        """Select these tables (and only these)."""
        self.view.clearSelection()
        self.reload(set(ids))

    # -- actions ------------------------------------------------------------------------------

    def bulk_create(self) -> list[DiningTable]:
        """Add the tables described by the Add tables row (all or none)."""
        try:
            created = self.store.tables.bulk_create(
                self.area_edit.currentText().strip(), self.prefix_edit.text().strip(),
                self.first_spin.value(), self.last_spin.value(), menu_id=self.bulk_menu.currentData(),
            )
        except MenuError as exc:
            asks.warn(self, self.tr("Cannot add the tables"), str(exc))
            return []
        self.view.clearSelection()
        self.reload({t.id for t in created})
        self.sig_tables_changed.emit()
        return created

    def rename_current(self) -> None:
        """Ask for a new name of the current table (its code stays)."""
        index = self.view.currentIndex()
        ids = self.selected_ids()
        table_id = ids[0] if ids else (self.model.item(index.row(), 0).data(ID_ROLE) if index.isValid() else None)
        table = next((t for t in self.tables if t.id == table_id), None)
        if table is None:
            return
        name = asks.ask_text(self, self.tr("Rename table"), self.tr(
            "New name (the code %1 and the printed QR stay the same):").replace("%1", table.code), table.name)
        if name:
            self.rename(table.id, name)

    def rename(self, table_id: str, name: str) -> bool:
        """Rename a table; False with a message when refused."""
        try:
            self.store.tables.rename(table_id, name)
        except MenuError as exc:
            asks.warn(self, self.tr("Cannot rename the table"), str(exc))
            self.reload()
            return False
        self.reload()
        self.sig_tables_changed.emit()
        return True

    def set_menu_for_selected(self, menu_id: str | None) -> None:
        """Give the selected tables this menu (their QR codes open it)."""
        ids = self.selected_ids()
        if not ids:
            asks.inform(self, self.tr("No tables selected"), self.tr("Select one or more tables first."))
            return
        self.store.tables.set_menu(ids, menu_id)
        self.reload(set(ids))
        self.sig_tables_changed.emit()

    def remove_selected(self) -> None:
        """Remove the selected tables after asking (their codes are never reused)."""
        ids = self.selected_ids()
        if not ids or not asks.confirm(self, self.tr("Remove tables"), self.tr(
                "Remove %1 table(s)? Their printed QR tents will stop pointing at a table.").replace("%1", str(len(ids)))):
            return
        self.store.tables.archive(ids)
        self.reload(set())
        self.sig_tables_changed.emit()

    def _item_edited(self, item: QStandardItem) -> None:
        if self._filling or item.column() != COL_NAME:
            return
        self.rename(item.data(ID_ROLE), item.text())

    def _selection_changed(self) -> None:
        n = len(self.selected_ids())
        self.selection_label.setText(self.tr("%1 table(s) selected").replace("%1", str(n)))
        for w in (self.rename_button, self.set_menu_button, self.remove_button):
            w.setEnabled(n > 0)

    def _update_bulk_hint(self) -> None:
        prefix, first, last = self.prefix_edit.text().strip(), self.first_spin.value(), self.last_spin.value()
        if first > last:
            self.bulk_hint.setText(self.tr("“To” must not be smaller than “From”."))
        else:
            self.bulk_hint.setText(self.tr("Makes %1 tables: %2 … %3")
                                   .replace("%1", str(last - first + 1))
                                   .replace("%2", f"{prefix}{first}").replace("%3", f"{prefix}{last}"))

    def _request_for(self, template: str) -> PrintRequest | None:
        ids = self.selected_ids()
        if not ids:
            asks.inform(self, self.tr("No tables selected"), self.tr(
                "Select the tables to print tents for (or press “Select all”)."))
            return None
        menus = self.store.menus.all()
        return PrintRequest(template, menus[0].id if menus else None, tuple(ids))

    def shutdown(self) -> None:
        """Join background work and close the Store (safe to call twice)."""
        if self._closed:
            return
        self._closed = True
        self.runner.shutdown()
        self.store.close()

    def done(self, result: int) -> None:
        """Closing the dialog also shuts it down."""
        self.shutdown()
        super().done(result)

"""The category sidebar: "All products" on top, then the category tree, with product counts."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QMenu, QTreeView, QWidget

from catalog.categories import CategoryError
from catalog.store import Store
from ui import dialogs

ID_ROLE = Qt.ItemDataRole.UserRole + 1
ALL = ""  # the id role value of the "All products" item


class CategoryTreeModel(QStandardItemModel):
    """Two columns (name, count) over `store.categories.all()`; the first row is "All products"."""

    def __init__(self, store: Store, parent: Any = None) -> None:
        super().__init__(parent)
        self.store = store
        self._items: dict[str, QStandardItem] = {}
        self._counts: dict[str, int] = {}
        self.reload()

    def reload(self) -> None:
        """Rebuild the tree from the store (small: a shop has tens of categories)."""
        self.clear()
        self.setColumnCount(2)
        self._items = {}
        root = self.invisibleRootItem()
        all_item = self._make(self.tr("All products"), ALL)
        root.appendRow([all_item, self._count_item(ALL)])
        for cat in self.store.categories.all():
            parent = self._items.get(cat.parent_id or "\0")
            item = self._make(cat.name, cat.id)
            (parent if parent is not None else root).appendRow([item, self._count_item(cat.id)])
        self.set_counts(self._counts)

    def _make(self, text: str, cat_id: str) -> QStandardItem:
        item = QStandardItem(text)
        item.setEditable(False)
        item.setData(cat_id, ID_ROLE)
        self._items[cat_id] = item
        return item

    def _count_item(self, cat_id: str) -> QStandardItem:
        item = QStandardItem("")
        item.setEditable(False)
        item.setData(cat_id, ID_ROLE)
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        item.setForeground(Qt.GlobalColor.darkGray)
        return item

    def set_counts(self, counts: dict[str, int]) -> None:
        """Show product counts per category id ("" is the total)."""
        self._counts = dict(counts)
        for cat_id, item in self._items.items():
            sibling = self._sibling_count(item)
            if sibling is not None:
                n = counts.get(cat_id)
                sibling.setText("" if n is None else f"{n:,}")

    def _sibling_count(self, item: QStandardItem) -> QStandardItem | None:
        parent = item.parent() or self.invisibleRootItem()
        return parent.child(item.row(), 1)

    def index_of(self, cat_id: str | None) -> QModelIndex:
        """The model index of a category (None: "All products")."""
        item = self._items.get(cat_id or ALL)
        return item.index() if item is not None else QModelIndex()

    def retranslate(self) -> None:
        """The language changed: rename the "All products" item."""
        item = self._items.get(ALL)
        if item is not None:
            item.setText(self.tr("All products"))


class CategorySidebar(QTreeView):
    """The category tree with a context menu to add, rename and delete categories."""

    sig_category_selected = Signal(object)
    """The user picked a category: its id (str), or None for "All products"."""

    sig_categories_changed = Signal()
    """Categories were added, renamed or deleted (products may have moved to no category)."""

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.tree_model = CategoryTreeModel(store, self)
        self.setModel(self.tree_model)
        self.setHeaderHidden(True)
        self.setUniformRowHeights(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._context_menu)
        self._after_reload()
        self.setCurrentIndex(self.tree_model.index_of(None))
        self.selectionModel().currentRowChanged.connect(self._current_changed)

    def _after_reload(self) -> None:
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.expandAll()

    def current_category(self) -> str | None:
        """The selected category id, or None for "All products"."""
        value = self.currentIndex().data(ID_ROLE)
        return value or None

    def select_category(self, cat_id: str | None) -> None:
        """Select a category (None: "All products"), emitting sig_category_selected."""
        self.setCurrentIndex(self.tree_model.index_of(cat_id))

    def reload(self) -> None:
        """Re-read the tree, keeping the selection when the category still exists."""
        current = self.current_category()
        self.selectionModel().blockSignals(True)
        self.tree_model.reload()
        self._after_reload()
        index = self.tree_model.index_of(current)
        self.selectionModel().blockSignals(False)
        if index.isValid():
            self.setCurrentIndex(index)
        else:
            self.select_category(None)
            self.sig_category_selected.emit(None)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.sig_category_selected.emit(current.data(ID_ROLE) or None)

    # ---- editing -----------------------------------------------------------------------------
    def _context_menu(self, pos: QPoint) -> None:
        cat_id = self.indexAt(pos).data(ID_ROLE) or None
        menu = QMenu(self)
        menu.addAction(self.tr("New category…"), lambda: self.add_category(None))
        if cat_id:
            menu.addAction(self.tr("New subcategory…"), lambda: self.add_category(cat_id))
            menu.addSeparator()
            menu.addAction(self.tr("Rename…"), lambda: self.rename_category(cat_id))
            menu.addAction(self.tr("Delete…"), lambda: self.delete_category(cat_id))
        menu.exec(self.viewport().mapToGlobal(pos))

    def add_category(self, parent_id: str | None) -> str | None:
        """Ask for a name and add a category (under `parent_id`); returns its id."""
        name = dialogs.ask_text(self, self.tr("New category"), self.tr("Category name:"))
        if not name:
            return None
        try:
            cat = self.store.categories.add(name, parent_id)
        except CategoryError as exc:
            dialogs.warn(self, self.tr("Cannot add the category"), str(exc))
            return None
        self.reload()
        self.sig_categories_changed.emit()
        self.select_category(cat.id)
        return cat.id

    def rename_category(self, cat_id: str) -> None:
        """Ask for a new name and rename a category."""
        cat = self.store.categories.get(cat_id)
        if cat is None:
            return
        name = dialogs.ask_text(self, self.tr("Rename category"), self.tr("Category name:"), cat.name)
        if not name or name == cat.name:
            return
        try:
            self.store.categories.rename(cat_id, name)
        except CategoryError as exc:
            dialogs.warn(self, self.tr("Cannot rename the category"), str(exc))
            return
        self.reload()
        self.sig_categories_changed.emit()

    def delete_category(self, cat_id: str) -> None:
        """Ask, then delete (archive) a category; its products keep existing without a category."""
        cat = self.store.categories.get(cat_id)
        if cat is None:
            return
        question = self.tr(
            "Delete the category “%1” and its subcategories?\nIts products are kept, without a category."
        ).replace("%1", cat.name)
        if not dialogs.confirm(self, self.tr("Delete category"), question):
            return
        try:
            self.store.categories.archive(cat_id)
        except CategoryError as exc:
            dialogs.warn(self, self.tr("Cannot delete the category"), str(exc))
            return
        self.reload()
        self.sig_categories_changed.emit()

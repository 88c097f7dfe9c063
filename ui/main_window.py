"""The main window: category sidebar, search box, product table, menus, undo, status bar."""

from __future__ import annotations

import importlib
import importlib.util
import logging
import sys
from pathlib import Path

from PySide6.QtCore import (
    QByteArray,
    QEvent,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    Qt,
    QTimer,
    QUrl,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDesktopServices,
    QDragEnterEvent,
    QDropEvent,
    QKeySequence,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

import ui.i18n
import ui.style
from catalog.models import Product
from catalog.store import Store
from desktop.paths import log_dir
from ui import dialogs
from ui.category_tree import CategorySidebar
from ui.operations import Job, Operation, OperationRunner
from ui.product_editor import ProductEditor
from ui.product_model import COLUMNS, SORTABLE, ProductTableModel
from ui.search_box import SearchBox
from ui.settings import AppSettings
from ui.settings_dialog import SettingsDialog
from ui.undo import ArchiveProductsCommand, CreateProductCommand, EditProductCommand
from ui.welcome import WelcomePanel

log = logging.getLogger(__name__)
Flag = QItemSelectionModel.SelectionFlag

VERSION = "0.1.0"
_WIDTHS = {"name": 180, "specs": 85, "category": 80, "price": 118, "member_price": 96, "barcode": 125,
           "sku": 95, "stock": 50, "unit": 40, "status": 78, "sold_out": 64}


def _module_available(name: str) -> bool:
    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):
        return False


def _count_products(job: Job, category_ids: list[str]) -> dict[str, int]:
    """Worker: products per category (subcategories included) and the total under ""."""
    counts = {"": job.store.products.count()}
    for cat_id in category_ids:
        if job.cancelled():
            break
        counts[cat_id] = len(job.store.products.ids(category_id=cat_id))
    return counts


class MainWindow(QMainWindow):
    """The shop's catalog window."""

    sig_import_requested = Signal(str)
    """A spreadsheet or a folder of product photos should be imported: its path (chosen in a dialog
    or dropped on the window).
    The import wizard connects here; until then a "coming soon" note answers."""

    sig_products_changed = Signal(list)
    """Products were added, edited, deleted or restored; the argument is their ids."""

    def __init__(self, store: Store, data_dir: Path, settings: AppSettings | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.data_dir = data_dir
        self.settings = settings or AppSettings()
        self.runner = OperationRunner(self)
        self._closed = False
        self.undo_stack = QUndoStack(self)
        self.setAcceptDrops(True)
        self.setWindowIcon(ui.style.app_icon())
        ui.style.fit_to_screen(self, 1200, 760)
        self._build_widgets()
        self._build_actions()
        self._build_menus()
        self._build_status_bar()
        self.sig_import_requested.connect(self._import_coming_soon)
        self._default_import_connected = True
        self.retranslate()
        self._restore_geometry()
        self.model.set_filter()
        self._show_catalog_or_welcome()
        QTimer.singleShot(0, self.refresh_counts)

    # ---- construction ------------------------------------------------------------------------
    def _build_widgets(self) -> None:
        self.sidebar = CategorySidebar(self.store, self)
        self.sidebar.setMinimumWidth(160)
        self.sidebar.sig_category_selected.connect(self._category_selected)
        self.sidebar.sig_categories_changed.connect(self._categories_changed)
        self.search_box = SearchBox(self)
        self.search_box.sig_search_changed.connect(self._search)
        self.search_box.sig_code_entered.connect(self._code_entered)
        self.new_button = QPushButton(self)
        self.new_button.setProperty("primary", True)
        self.new_button.clicked.connect(lambda: self.new_product())
        self.model = ProductTableModel(self.store, self)
        self.model.sig_listing_changed.connect(self._listing_changed)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.setCornerButtonEnabled(False)
        vheader = self.table.verticalHeader()
        vheader.setVisible(False)
        vheader.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # never measures rows: stays lazy
        vheader.setDefaultSectionSize(self.fontMetrics().height() + 12)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setHighlightSections(False)
        header.setStretchLastSection(True)
        for i, key in enumerate(COLUMNS):
            self.table.setColumnWidth(i, _WIDTHS[key])
        self.table.setSortingEnabled(True)
        header.setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        header.sortIndicatorChanged.connect(self._sort_indicator_changed)
        self.table.doubleClicked.connect(self._double_clicked)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)

        top = QHBoxLayout()
        top.setSpacing(10)
        top.addWidget(self.search_box, 1)
        top.addWidget(self.new_button)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.setSpacing(8)
        right_layout.addLayout(top)
        right_layout.addWidget(self.table, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.sidebar)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([190, 1010])
        self.splitter.setChildrenCollapsible(False)
        catalog_page = QWidget(self)
        page_layout = QVBoxLayout(catalog_page)
        page_layout.setContentsMargins(12, 12, 12, 6)
        page_layout.addWidget(self.splitter)
        self.welcome = WelcomePanel(self)
        self.welcome.sig_demo_requested.connect(self.load_demo)
        self.welcome.sig_import_requested.connect(self.import_spreadsheet)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(catalog_page)
        self.stack.addWidget(self.welcome)
        self.setCentralWidget(self.stack)

    def _action(self, slot: object, shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None) -> QAction:
        action = QAction(self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        return action

    def _build_actions(self) -> None:
        self.act_import = self._action(self.import_spreadsheet, "Ctrl+I")
        self.act_import_photos = self._action(self.import_photo_folder)
        self.act_export = self._action(self.export_products, "Ctrl+E")
        self.act_demo = self._action(self.load_demo)
        self.act_history = self._action(lambda: self._open_module_dialog("ui.import_wizard", "ImportHistoryDialog"))
        self.act_menus = self._action(lambda: self._open_module_dialog("ui.menus", "MenusDialog"), "Ctrl+M")
        self.act_tables = self._action(lambda: self._open_module_dialog("ui.menus", "TablesDialog"))
        self.act_shop = self._action(lambda: self._open_module_dialog("ui.menus", "ShopInfoDialog"))
        for act in (self.act_import_photos, self.act_history):
            act.setVisible(_module_available("ui.import_wizard"))
        for act in (self.act_menus, self.act_tables, self.act_shop):
            act.setVisible(_module_available("ui.menus"))
        self.act_settings = self._action(self.open_settings, "Ctrl+,")
        self.act_quit = self._action(self.close, QKeySequence.StandardKey.Quit)
        self.act_undo = self.undo_stack.createUndoAction(self)
        self.act_undo.setShortcut(QKeySequence("Ctrl+Z"))
        self.act_redo = self.undo_stack.createRedoAction(self)
        self.act_redo.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
        self.act_new = self._action(lambda: self.new_product(), "Ctrl+N")
        self.act_edit = self._action(self.edit_selected, "Ctrl+O")
        self.act_delete = self._action(self.delete_selected, QKeySequence.StandardKey.Delete)
        self.act_find = self._action(self.focus_search, "Ctrl+F")
        self.act_sidebar = self._action(lambda on: self.sidebar.setVisible(on))
        self.act_sidebar.setCheckable(True)
        self.act_sidebar.setChecked(True)
        self.act_refresh = self._action(self.refresh_all, "F5")
        self.act_data_folder = self._action(lambda: self._open_folder(self.data_dir))
        self.act_logs = self._action(lambda: self._open_folder(log_dir(self.data_dir)))
        self.act_about = self._action(self.about)
        for act in (self.act_edit, self.act_delete):
            act.setEnabled(False)
        self.table.addAction(self.act_delete)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.menu_file = bar.addMenu("")
        for act in (self.act_import, self.act_import_photos, self.act_history, self.act_export, self.act_demo, None,
                    self.act_menus, self.act_tables, self.act_shop, None, self.act_settings, None, self.act_quit):
            self.menu_file.addSeparator() if act is None else self.menu_file.addAction(act)
        self.menu_edit = bar.addMenu("")
        for act in (self.act_undo, self.act_redo, None, self.act_new, self.act_edit, self.act_delete, None,
                    self.act_find):
            self.menu_edit.addSeparator() if act is None else self.menu_edit.addAction(act)
        self.menu_view = bar.addMenu("")
        self.menu_view.addAction(self.act_sidebar)
        self.menu_view.addAction(self.act_refresh)
        self.menu_help = bar.addMenu("")
        for act in (self.act_data_folder, self.act_logs, None, self.act_about):
            self.menu_help.addSeparator() if act is None else self.menu_help.addAction(act)

    def _build_status_bar(self) -> None:
        self.count_label = QLabel(self)
        self.selection_label = QLabel(self)
        self.sync_label = QLabel(self)
        self.sync_label.setProperty("role", "hint")
        bar = self.statusBar()
        bar.addWidget(self.count_label)
        bar.addWidget(self.selection_label)
        bar.addPermanentWidget(self.sync_label)

    def retranslate(self) -> None:
        """Set every translated text (called again when the language changes)."""
        self.setWindowTitle(self.tr("PortDesk – shop assistant"))
        self.new_button.setText(self.tr("+ New product"))
        self.menu_file.setTitle(self.tr("&File"))
        self.menu_edit.setTitle(self.tr("&Edit"))
        self.menu_view.setTitle(self.tr("&View"))
        self.menu_help.setTitle(self.tr("&Help"))
        self.act_import.setText(self.tr("&Import spreadsheet…"))
        self.act_import_photos.setText(self.tr("Import product &photos…"))
        self.act_export.setText(self.tr("&Export products…"))
        self.act_demo.setText(self.tr("Load &demo shop"))
        self.act_history.setText(self.tr("Import &history…"))
        self.act_menus.setText(self.tr("&Menus and printing…"))
        self.act_tables.setText(self.tr("&Tables and QR tents…"))
        self.act_shop.setText(self.tr("Shop &details…"))
        self.act_settings.setText(self.tr("&Settings…"))
        self.act_quit.setText(self.tr("&Quit"))
        self.undo_stack.setUndoLimit(200)
        self.act_undo.setText(self.tr("&Undo"))
        self.act_redo.setText(self.tr("&Redo"))
        self.act_new.setText(self.tr("&New product…"))
        self.act_edit.setText(self.tr("&Edit product…"))
        self.act_delete.setText(self.tr("&Delete product"))
        self.act_find.setText(self.tr("&Find"))
        self.act_sidebar.setText(self.tr("Show &categories"))
        self.act_refresh.setText(self.tr("&Refresh"))
        self.act_data_folder.setText(self.tr("Open &data folder"))
        self.act_logs.setText(self.tr("Open &log folder"))
        self.act_about.setText(self.tr("&About PortDesk"))
        self.sync_label.setText(self.tr("Sync: offline"))
        self.model.retranslate()
        self.sidebar.tree_model.retranslate()
        self._listing_changed(self.model.rowCount())
        self._selection_changed()

    def changeEvent(self, event: QEvent) -> None:
        """Re-translate on a language change."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # ---- listing, search, scanner ------------------------------------------------------------
    def _category_selected(self, cat_id: str | None) -> None:
        self.model.set_filter(category_id=cat_id, query=self.search_box.text())

    def _categories_changed(self) -> None:
        self.model.reload()
        self.refresh_counts()
        self._show_catalog_or_welcome()

    def _search(self, text: str) -> None:
        self.model.set_filter(category_id=self.sidebar.current_category(), query=text)
        if self.model.rowCount():
            self.table.scrollToTop()

    def _code_entered(self, text: str) -> None:
        """Enter in the search box: a scanned code selects its product; anything else searches now."""
        products = list(dict.fromkeys(pid for pid, _spec in self.store.products.find_by_code(text)))
        self.model.set_filter(category_id=self.sidebar.current_category(), query=text)
        if len(products) != 1:
            return
        pid = products[0]
        if self.model.row_of(pid) is None and self.sidebar.current_category() is not None:
            self.sidebar.blockSignals(True)
            self.sidebar.select_category(None)
            self.sidebar.blockSignals(False)
            self.model.set_filter(category_id=None, query=text)
        self.select_product(pid)
        self.search_box.setFocus()
        self.search_box.selectAll()

    def select_product(self, product_id: str) -> bool:
        """Select and show a product's row; False when it is not in the listing."""
        row = self.model.row_of(product_id)
        if row is None:
            return False
        index = self.model.index(row, 0)
        self.table.selectionModel().select(
            index, Flag.ClearAndSelect | Flag.Rows
        )
        self.table.selectionModel().setCurrentIndex(index, Flag.NoUpdate)
        self.table.scrollTo(index)
        return True

    def selected_ids(self) -> list[str]:
        """The ids of the selected products, in listing order."""
        rows = sorted(i.row() for i in self.table.selectionModel().selectedRows())
        return [pid for pid in (self.model.product_id(r) for r in rows) if pid is not None]

    def _sort_indicator_changed(self, column: int, order: Qt.SortOrder) -> None:
        if COLUMNS[column] not in SORTABLE:  # the store lists in one order; keep the indicator on name
            header = self.table.horizontalHeader()
            header.blockSignals(True)
            header.setSortIndicator(0, Qt.SortOrder.DescendingOrder if self.model.descending else Qt.SortOrder.AscendingOrder)
            header.blockSignals(False)
            self.statusBar().showMessage(self.tr("The list can be sorted by name only."), 3000)

    def _listing_changed(self, count: int) -> None:
        total = self.store.products.count() if (self.model.query or self.model.category_id) else count
        if count == total:
            self.count_label.setText(self.tr("%n product(s)", "", count))
        else:
            self.count_label.setText(self.tr("Showing %1 of %2").replace("%1", f"{count:,}").replace("%2", f"{total:,}"))
        self._selection_changed()

    def _selection_changed(self, *_args: QItemSelection) -> None:
        n = len(self.table.selectionModel().selectedRows())
        self.selection_label.setText(self.tr("%n selected", "", n) if n else "")
        self.act_edit.setEnabled(n == 1)
        self.act_delete.setEnabled(n > 0)

    def focus_search(self) -> None:
        """Put the cursor in the search box, its text selected."""
        self.search_box.setFocus()
        self.search_box.selectAll()

    def _show_catalog_or_welcome(self) -> None:
        self.stack.setCurrentWidget(self.welcome if self.store.is_empty() else self.stack.widget(0))

    def refresh_counts(self) -> None:
        """Recount products per category in the background and show the counts in the sidebar."""
        if self._closed:
            return
        ids = [c.id for c in self.store.categories.all()]
        self.runner.run(Operation(
            lambda job: _count_products(job, ids), on_success=self.sidebar.tree_model.set_counts,
            on_failure=lambda exc, _tb: log.warning("counting products failed: %s", exc), db_path=self.store.path,
            label=self.tr("Counting products…"),
        ))

    def refresh_all(self) -> None:
        """Re-read categories and the listing (after an import or a demo load)."""
        self.sidebar.reload()
        self.model.reload()
        self.refresh_counts()
        self._show_catalog_or_welcome()

    # ---- editing ------------------------------------------------------------------------------
    def _notify(self, product_ids: list[str], listing_changed: bool) -> None:
        if listing_changed:
            selected = self.selected_ids()
            self.model.reload()
            for pid in [*product_ids, *selected]:
                if self.select_product(pid):
                    break
            self.refresh_counts()
            self._show_catalog_or_welcome()
        else:
            self.model.refresh_products(product_ids)
        self.sig_products_changed.emit(list(product_ids))

    def _save_new(self, product: Product) -> Product:
        saved = self.store.products.save(product)
        self.undo_stack.push(CreateProductCommand(self.store, self._notify, saved))
        self._notify([saved.id], True)
        return saved

    def _save_edit(self, old: Product, product: Product) -> Product:
        saved = self.store.products.save(product)
        self.undo_stack.push(EditProductCommand(self.store, self._notify, old, saved))
        self._notify([saved.id], old.category_id != saved.category_id or old.name != saved.name)
        return saved

    def new_product(self) -> ProductEditor:
        """Open the editor for a new product in the selected category."""
        editor = ProductEditor(self.store, self._save_new, category_id=self.sidebar.current_category(), parent=self)
        self._run_editor(editor)
        return editor

    def edit_product(self, product_id: str) -> ProductEditor | None:
        """Open the editor for one product."""
        product = self.store.products.get(product_id)
        if product is None:
            return None
        editor = ProductEditor(self.store, lambda p: self._save_edit(product, p), product, parent=self)
        self._run_editor(editor)
        return editor

    def _run_editor(self, editor: ProductEditor) -> None:
        """Show an editor (modal). Tests replace this to drive the dialog themselves."""
        editor.exec()

    def edit_selected(self) -> None:
        """Edit the selected product."""
        ids = self.selected_ids()
        if len(ids) == 1:
            self.edit_product(ids[0])

    def _double_clicked(self, index: QModelIndex) -> None:
        pid = self.model.product_id(index.row())
        if pid is not None:
            self.edit_product(pid)

    def delete_selected(self) -> None:
        """Delete (archive) the selected products after asking; Undo brings them back."""
        ids = self.selected_ids()
        if not ids:
            return
        names = [r.name for r in self.store.products.rows(ids[:1])]
        text = (self.tr("Delete “%1”?").replace("%1", names[0]) if len(ids) == 1 and names
                else self.tr("Delete %1 products?").replace("%1", str(len(ids))))
        text += "\n" + self.tr("You can undo this with Edit › Undo.")
        if not dialogs.confirm(self, self.tr("Delete products"), text):
            return
        self.store.products.set_archived(ids, True)
        self.undo_stack.push(ArchiveProductsCommand(self.store, self._notify, ids, names or [""] * len(ids)))
        self._notify(ids, True)

    # ---- file actions ---------------------------------------------------------------------------
    def import_spreadsheet(self) -> None:
        """Ask for a spreadsheet and request its import (sig_import_requested)."""
        path = dialogs.ask_open_spreadsheet(self)
        if path is not None:
            self.sig_import_requested.emit(str(path))

    def import_photo_folder(self) -> None:
        """Ask for a folder of product photos and request its import (sig_import_requested), as a
        dropped folder does."""
        path = dialogs.ask_photo_folder(self)
        if path is not None:
            self.sig_import_requested.emit(str(path))

    def _import_coming_soon(self, path: str) -> None:
        """Default answer to sig_import_requested until the import wizard connects (and disconnects this)."""
        dialogs.inform(self, self.tr("Import"), self.tr(
            "Importing spreadsheets is coming in the next version.\nThe file you chose: %1").replace("%1", path))

    def disconnect_default_import(self) -> None:
        """Stop the "coming soon" answer: the import wizard handles sig_import_requested now."""
        if self._default_import_connected:
            self.sig_import_requested.disconnect(self._import_coming_soon)
            self._default_import_connected = False

    def export_products(self) -> None:
        """Export every product to .xlsx or .csv in the background."""
        if not _module_available("importers.export"):
            dialogs.inform(self, self.tr("Export"), self.tr("Exporting products is coming in the next version."))
            return
        path = dialogs.ask_save_path(self, self.tr("Export products"), str(Path.home() / "products.xlsx"),
                                     "Excel (*.xlsx);;CSV (*.csv)")
        if path is None:
            return

        def work(job: Job) -> Path:
            from importers.export import export_products

            export_products(job.store, path)
            return path

        self.runner.run(Operation(
            work, on_success=lambda p: self.statusBar().showMessage(self.tr("Exported to %1").replace("%1", str(p)), 8000),
            on_failure=self._operation_failed, label=self.tr("Exporting products…"), db_path=self.store.path,
        ))

    def load_demo(self) -> None:
        """Fill the shop with the demo beer-street restaurant (in the background)."""
        if not _module_available("catalog.demo"):
            dialogs.inform(self, self.tr("Demo shop"), self.tr("The demo shop is not available in this version."))
            return
        if not self.store.is_empty() and not dialogs.confirm(self, self.tr("Load demo shop"), self.tr(
                "Add the demo restaurant's products to this shop?")):
            return

        def work(job: Job) -> None:
            from catalog.demo import load_demo

            load_demo(job.store)

        self.runner.run(Operation(
            work, on_success=lambda _r: self._demo_loaded(), on_failure=self._operation_failed,
            label=self.tr("Loading the demo shop…"), cancellable=False, db_path=self.store.path,
        ))

    def _open_module_dialog(self, module: str, name: str) -> None:
        """Open a dialog of another screen (import history, menus, tables, shop details) on this shop."""
        dialog_class = getattr(importlib.import_module(module), name)
        dialog = dialog_class(self.store.path, self)
        undone = getattr(dialog, "sig_undone", None)
        if undone is not None:
            undone.connect(lambda *_a: self.refresh_all())
        dialog.exec()
        dialog.deleteLater()
        self.refresh_all()

    def _demo_loaded(self) -> None:
        self.refresh_all()
        self.statusBar().showMessage(self.tr("The demo shop is loaded."), 8000)

    def _operation_failed(self, exc: BaseException, details: str) -> None:
        """A background job failed: plain errors from the cores (ValueError kinds such as ExportError,
        ProductError) are shown as worded; anything else goes to the error reporter."""
        if isinstance(exc, ValueError):
            log.warning("operation failed: %s", exc)
            dialogs.warn(self, self.tr("Could not finish"), str(exc))
            return
        sys.excepthook(type(exc), exc, exc.__traceback__)

    def open_settings(self) -> SettingsDialog:
        """Show the settings dialog and apply what changed."""
        dialog = SettingsDialog(self.settings, self)
        if self._run_dialog(dialog):
            self.apply_settings(dialog.settings)
        return dialog

    def _run_dialog(self, dialog: SettingsDialog) -> bool:
        """Show a modal dialog; True when accepted. Tests replace this."""
        return bool(dialog.exec())

    def apply_settings(self, new: AppSettings) -> None:
        """Store new settings and apply language and text size at once."""
        old = self.settings
        self.settings = new
        if new.language != old.language:
            ui.i18n.install(new.language)
        if new.large_font != old.large_font:
            app = QApplication.instance()
            if isinstance(app, QApplication):
                ui.style.apply(app, new.large_font)
            self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 12)
        self._save_settings()

    def about(self) -> None:
        """The About box."""
        QMessageBox.about(self, self.tr("About PortDesk"), self.tr(
            "<h3>PortDesk %1</h3><p>The shop assistant of the Qingdao digital port (数字港商户助手).</p>"
            "<p>Your data stays on this computer: %2</p>").replace("%1", VERSION).replace("%2", str(self.data_dir)))

    def _open_folder(self, folder: Path) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    # ---- window life ----------------------------------------------------------------------------
    def bring_to_front(self) -> None:
        """Another launch asked for this window: show it on top."""
        if self.isMinimized():
            self.showNormal()
        self.show()
        self.raise_()
        self.activateWindow()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        """Accept dragged local files."""
        if any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        """A dropped file is a spreadsheet to import."""
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.sig_import_requested.emit(paths[0])

    def _restore_geometry(self) -> None:
        if self.settings.geometry:
            self.restoreGeometry(QByteArray.fromBase64(self.settings.geometry.encode()))
        if self.settings.splitter:
            self.splitter.restoreState(QByteArray.fromBase64(self.settings.splitter.encode()))

    def _save_settings(self) -> None:
        try:
            self.settings.save(self.data_dir)
        except OSError as exc:
            log.warning("cannot save settings: %s", exc)

    def shutdown(self) -> None:
        """Stop background work (joining threads) and remember the window layout."""
        if self._closed:
            return
        self._closed = True
        self.runner.shutdown()
        self.settings.geometry = bytes(self.saveGeometry().toBase64().data()).decode()
        self.settings.splitter = bytes(self.splitter.saveState().toBase64().data()).decode()
        self._save_settings()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Closing the window stops background work first."""
        self.shutdown()
        super().closeEvent(event)

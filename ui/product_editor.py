"""The product editor dialog: every field of a product or dish, validated in plain words.

The dialog builds a `Product` and hands it to a `save` callable (the main window's, which writes
through the store and records an undo step). Bad input and the store's ProductError messages are
shown in the dialog; the dialog stays open so nothing typed is lost.
"""

from __future__ import annotations

import copy
from collections.abc import Callable

from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from catalog.media import MediaError
from catalog.models import ALLERGENS, SPICY_LEVELS, Product
from catalog.products import ProductError
from catalog.store import Store
from ui.attribute_table import AttributeTable
from ui.image_strip import ImageStrip
from ui.spec_table import SpecTable

UNITS = ("件", "个", "瓶", "罐", "箱", "斤", "kg", "g", "杯", "份", "扎", "盒", "包")


def chinese_ui() -> bool:
    """True when the UI language (QLocale default, set by ui.i18n.install) is Chinese."""
    return QLocale().language() == QLocale.Language.Chinese


class ProductEditor(QDialog):
    """Create or edit one product. After `exec()` returns Accepted, `saved` is the stored product."""

    def __init__(
        self,
        store: Store,
        save: Callable[[Product], Product],
        product: Product | None = None,
        *,
        category_id: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self._save = save
        self.original = copy.deepcopy(product) if product is not None else None
        self.saved: Product | None = None
        self.setWindowTitle(self.tr("Edit product") if product else self.tr("New product"))
        self.setMinimumSize(820, 600)
        self._build()
        self._load(product or Product(name="", category_id=category_id))

    # ---- building ----------------------------------------------------------------------------
    def _build(self) -> None:
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self._basic_page(), self.tr("Product"))
        self.tabs.addTab(self._details_page(), self.tr("Details and photos"))
        self.tabs.addTab(self._dish_page(), self.tr("Dish options"))
        self.error_label = QLabel(self)
        self.error_label.setProperty("role", "error")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 12)
        layout.setSpacing(10)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)

    def _basic_page(self) -> QWidget:
        page = QWidget(self)
        self.name_edit = QLineEdit(page)
        self.name_edit.setMaxLength(200)
        self.kind_combo = QComboBox(page)
        self.kind_combo.addItem(self.tr("Goods"), "goods")
        self.kind_combo.addItem(self.tr("Dish"), "dish")
        self.category_combo = QComboBox(page)
        self.category_combo.addItem(self.tr("(No category)"), None)
        for cat in self.store.categories.all():
            self.category_combo.addItem(self.store.categories.path_of(cat.id).replace("/", " / "), cat.id)
        self.unit_combo = QComboBox(page)
        self.unit_combo.setEditable(True)
        self.unit_combo.addItems(UNITS)
        self.status_combo = QComboBox(page)
        self.status_combo.addItem(self.tr("On sale"), "on")
        self.status_combo.addItem(self.tr("Off shelf"), "off")
        form = QGridLayout()
        form.setHorizontalSpacing(12)
        form.setVerticalSpacing(8)
        pairs = (
            (self.tr("Name"), self.name_edit, 0, 0, 3), (self.tr("Kind"), self.kind_combo, 1, 0, 1),
            (self.tr("Category"), self.category_combo, 1, 2, 1), (self.tr("Unit"), self.unit_combo, 2, 0, 1),
            (self.tr("Status"), self.status_combo, 2, 2, 1),
        )
        for text, widget, row, col, span in pairs:
            label = QLabel(text, page)
            label.setBuddy(widget)
            form.addWidget(label, row, col)
            form.addWidget(widget, row, col + 1, 1, span)
        form.setColumnStretch(1, 1)
        form.setColumnStretch(3, 1)
        self.spec_table = SpecTable(page)
        specs_box = QGroupBox(self.tr("Specs and prices (money in yuan)"), page)
        box_layout = QVBoxLayout(specs_box)
        box_layout.addWidget(self.spec_table)
        layout = QVBoxLayout(page)
        layout.addLayout(form)
        layout.addWidget(specs_box, 1)
        return page

    def _details_page(self) -> QWidget:
        page = QWidget(self)
        self.description_edit = QPlainTextEdit(page)
        self.description_edit.setMaximumHeight(120)
        self.shelf_life_spin = QSpinBox(page)
        self.shelf_life_spin.setRange(-1, 36500)
        self.shelf_life_spin.setSpecialValueText(self.tr("Not set"))
        self.shelf_life_spin.setSuffix(self.tr(" days"))
        self.image_strip = ImageStrip(self.store, page)
        self.image_strip.sig_error.connect(self.show_error)
        form = QFormLayout(page)
        form.addRow(self.tr("Description"), self.description_edit)
        form.addRow(self.tr("Shelf life"), self.shelf_life_spin)
        form.addRow(self.tr("Photos"), self.image_strip)
        return page

    def _dish_page(self) -> QWidget:
        page = QWidget(self)
        zh = chinese_ui()
        self.sold_out_check = QCheckBox(self.tr("Sold out today (估清)"), page)
        self.spicy_combo = QComboBox(page)
        for level, (zh_name, en_name) in enumerate(SPICY_LEVELS):
            self.spicy_combo.addItem(zh_name if zh else en_name, level)
        allergens_box = QGroupBox(self.tr("Allergens"), page)
        grid = QGridLayout(allergens_box)
        self.allergen_checks: dict[str, QCheckBox] = {}
        for i, (key, (zh_name, en_name)) in enumerate(ALLERGENS.items()):
            check = QCheckBox(zh_name if zh else en_name, allergens_box)
            self.allergen_checks[key] = check
            grid.addWidget(check, i // 5, i % 5)
        self.attribute_table = AttributeTable(page)
        attrs_box = QGroupBox(self.tr("Choices for the guest (taste, method, add-ons)"), page)
        QVBoxLayout(attrs_box).addWidget(self.attribute_table)
        top = QHBoxLayout()
        top.addWidget(self.sold_out_check)
        top.addSpacing(24)
        top.addWidget(QLabel(self.tr("Spicy"), page))
        top.addWidget(self.spicy_combo)
        top.addStretch(1)
        layout = QVBoxLayout(page)
        layout.addLayout(top)
        layout.addWidget(allergens_box)
        layout.addWidget(attrs_box, 1)
        return page

    # ---- loading and reading -----------------------------------------------------------------
    def _load(self, p: Product) -> None:
        self.name_edit.setText(p.name)
        self.kind_combo.setCurrentIndex(max(0, self.kind_combo.findData(p.kind)))
        self.category_combo.setCurrentIndex(max(0, self.category_combo.findData(p.category_id)))
        self.unit_combo.setCurrentText(p.unit)
        self.status_combo.setCurrentIndex(max(0, self.status_combo.findData(p.status)))
        self.spec_table.set_specs(p.specs)
        self.description_edit.setPlainText(p.description)
        self.shelf_life_spin.setValue(-1 if p.shelf_life_days is None else p.shelf_life_days)
        self.image_strip.set_images(p.images)
        self.sold_out_check.setChecked(p.sold_out)
        self.spicy_combo.setCurrentIndex(max(0, min(3, p.spicy_level)))
        for key, check in self.allergen_checks.items():
            check.setChecked(key in p.allergens)
        self.attribute_table.set_groups(p.attributes)
        self.name_edit.setFocus()

    def product(self) -> Product:
        """The product as typed; raises ValueError with a plain message on bad input."""
        name = self.name_edit.text().strip()
        if not name:
            self.tabs.setCurrentIndex(0)
            self.name_edit.setFocus()
            raise ValueError(self.tr("Please type the product's name."))
        unit = self.unit_combo.currentText().strip()
        if not unit:
            raise ValueError(self.tr("Please choose or type a unit, e.g. 件 or 斤."))
        try:
            specs = self.spec_table.specs()
        except ValueError:
            self.tabs.setCurrentIndex(0)
            raise
        try:
            attributes = self.attribute_table.groups()
        except ValueError:
            self.tabs.setCurrentIndex(2)
            raise
        p = copy.deepcopy(self.original) if self.original is not None else Product(name=name)
        p.name = name
        p.kind = self.kind_combo.currentData()
        p.category_id = self.category_combo.currentData()
        p.unit = unit
        p.status = self.status_combo.currentData()
        p.description = self.description_edit.toPlainText().strip()
        days = self.shelf_life_spin.value()
        p.shelf_life_days = None if days < 0 else days
        p.images = self.image_strip.images()
        p.sold_out = self.sold_out_check.isChecked()
        p.spicy_level = int(self.spicy_combo.currentData())
        p.allergens = [k for k, c in self.allergen_checks.items() if c.isChecked()]
        p.attributes = attributes
        p.specs = specs
        return p

    def show_error(self, message: str) -> None:
        """Show a plain message above the buttons."""
        self.error_label.setText(message)
        self.error_label.setVisible(bool(message))

    def accept(self) -> None:
        """Validate and save; on a problem, say what is wrong and stay open."""
        try:
            product = self.product()
            self.saved = self._save(product)
        except (ValueError, ProductError, MediaError) as exc:  # ProductError is shown as the store words it
            self.show_error(str(exc))
            return
        self.show_error("")
        super().accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter inside a table moves on instead of saving the dialog."""
        focus = self.focusWidget()
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and focus is not None and focus.inherits(
            "QAbstractItemView"
        ):
            return
        super().keyPressEvent(event)

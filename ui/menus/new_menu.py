"""The "New menu" question: a name, and whether to start from the categories or empty."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from catalog.store import Store


class NewMenuDialog(QDialog):
    """Ask for a new menu: its name and its first sections (one per ticked category, or none)."""

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New menu"))
        self.resize(440, 460)
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("e.g. Dine-in, Takeaway, Beer list"))
        self.from_categories = QRadioButton(self.tr("Fill it from my categories (one section each)"))
        self.empty = QRadioButton(self.tr("Start empty, I add sections myself"))
        self.categories = QListWidget()
        for cat in store.categories.all():
            if cat.parent_id is None:
                item = QListWidgetItem(cat.name)
                item.setData(Qt.ItemDataRole.UserRole, cat.id)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Checked)
                self.categories.addItem(item)
        has_categories = self.categories.count() > 0
        self.from_categories.setChecked(has_categories)
        self.from_categories.setEnabled(has_categories)
        self.empty.setChecked(not has_categories)
        self.categories.setEnabled(has_categories)
        self.empty.toggled.connect(lambda on: self.categories.setEnabled(not on))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Create menu"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        self.error = QLabel("")
        self.error.setProperty("role", "error")
        form = QFormLayout()
        form.addRow(self.tr("Menu name:"), self.name)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.from_categories)
        layout.addWidget(self.categories, 1)
        layout.addWidget(self.empty)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def menu_name(self) -> str:
        """The name typed."""
        return self.name.text().strip()

    def category_ids(self) -> list[str] | None:
        """Ticked top-level categories when filling from categories; None to start empty."""
        if not self.from_categories.isChecked():
            return None
        items = (self.categories.item(i) for i in range(self.categories.count()))
        return [it.data(Qt.ItemDataRole.UserRole) for it in items if it.checkState() == Qt.CheckState.Checked]

    def _accept(self) -> None:
        if not self.menu_name():
            self.error.setText(self.tr("Please type a name for the menu."))
            self.name.setFocus()
            return
        self.accept()

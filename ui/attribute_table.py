"""Dish attribute groups (口味/做法/加料) in the product editor: one row per group.

Options are typed on one line, separated by commas; an extra price follows a plus sign:
`微辣, 中辣, 加蛋+2` → 微辣, 中辣, and 加蛋 for ¥2.00 more.
"""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from catalog.models import AttributeGroup, AttributeOption
from catalog.money import parse_yuan
from ui.add_remove import add_remove_layout
from ui.spec_table import yuan_text

KINDS = ("taste", "method", "addon")
_SPLIT = re.compile(r"[,，、;；]")
_PRICED = re.compile(r"^(.*?)\s*[+＋]\s*([¥￥]?\s*\d+(?:\.\d+)?\s*元?)\s*$")


def parse_options(text: str) -> list[AttributeOption]:
    """`微辣, 加蛋+2` → options; raises ValueError on a bad price."""
    out: list[AttributeOption] = []
    for part in (p.strip() for p in _SPLIT.split(text)):
        if not part:
            continue
        m = _PRICED.match(part)
        if m and m.group(1).strip():
            out.append(AttributeOption(m.group(1).strip(), parse_yuan(m.group(2))))
        else:
            out.append(AttributeOption(part, 0))
    return out


def format_options(options: list[AttributeOption]) -> str:
    """Options back to one line: `微辣, 加蛋+2.00`."""
    return ", ".join(o.name if not o.price_fen else f"{o.name}+{yuan_text(o.price_fen)}" for o in options)


class AttributeTable(QWidget):
    """Edit a dish's attribute groups; `groups()` reads them back."""

    COLS = 5

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = QTableWidget(0, self.COLS, self)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.add_button, self.remove_button = add_remove_layout(self, self.table, self.add_row, self.remove_selected)
        self.retranslate()

    def retranslate(self) -> None:
        """Set translated headers and button texts."""
        self.table.setHorizontalHeaderLabels([
            self.tr("Group"), self.tr("Type"), self.tr("Options (comma separated, extra price after +)"),
            self.tr("Required"), self.tr("Several"),
        ])
        self.add_button.setText(self.tr("Add group"))
        self.remove_button.setText(self.tr("Remove group"))

    def _kind_labels(self) -> list[str]:
        return [self.tr("Taste"), self.tr("Method"), self.tr("Add-on")]

    def set_groups(self, groups: list[AttributeGroup]) -> None:
        """Show these groups."""
        self.table.setRowCount(0)
        for g in groups:
            self.add_row(g)

    def add_row(self, group: AttributeGroup | None = None) -> int:
        """Append a group row; returns its index."""
        group = group or AttributeGroup(name="")
        row = self.table.rowCount()
        self.table.insertRow(row)
        self.table.setItem(row, 0, QTableWidgetItem(group.name))
        combo = QComboBox(self.table)
        combo.addItems(self._kind_labels())
        combo.setCurrentIndex(KINDS.index(group.kind) if group.kind in KINDS else 0)
        self.table.setCellWidget(row, 1, combo)
        self.table.setItem(row, 2, QTableWidgetItem(format_options(group.options)))
        for col, flag in ((3, group.required), (4, group.multi)):
            item = QTableWidgetItem()
            item.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            item.setCheckState(Qt.CheckState.Checked if flag else Qt.CheckState.Unchecked)
            self.table.setItem(row, col, item)
        return row

    def remove_selected(self) -> None:
        """Remove the selected groups."""
        for row in sorted({i.row() for i in self.table.selectedIndexes()}, reverse=True):
            self.table.removeRow(row)

    def groups(self) -> list[AttributeGroup]:
        """The groups as typed (rows without a name are skipped); raises ValueError on a bad price."""
        out: list[AttributeGroup] = []
        for row in range(self.table.rowCount()):
            name = (self.table.item(row, 0).text() if self.table.item(row, 0) else "").strip()
            options_text = self.table.item(row, 2).text() if self.table.item(row, 2) else ""
            if not name:
                if options_text.strip():
                    raise ValueError(self.tr("Attribute row %1 needs a group name.").replace("%1", str(row + 1)))
                continue
            try:
                options = parse_options(options_text)
            except ValueError:
                raise ValueError(
                    self.tr("Attribute “%1”: an extra price is not a valid amount.").replace("%1", name)
                ) from None
            combo = self.table.cellWidget(row, 1)
            kind = KINDS[combo.currentIndex()] if isinstance(combo, QComboBox) else "taste"
            required = self.table.item(row, 3).checkState() == Qt.CheckState.Checked
            multi = self.table.item(row, 4).checkState() == Qt.CheckState.Checked
            out.append(AttributeGroup(name, kind, options, required, multi))  # type: ignore[arg-type]
        return out

"""The photos of a folder that were not imported, with the reason of each (the result page of a
photo-folder import: a folder has no spreadsheet to save and fix, its rows are files).

A folder holds at most 10,000 photos: the model keeps only the plan and the indexes of its
problem rows, and words each cell in `data()` when it is painted.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from importers.plan import ImportPlan
from ui.import_wizard import labels

Index = QModelIndex | QPersistentModelIndex


class ProblemPhotosModel(QAbstractTableModel):
    """Two read-only columns: the photo's file name (in the folder) and why it was not imported."""

    COLUMNS = 2

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._plan: ImportPlan | None = None
        self._rows: list[int] = []

    def set_rows(self, plan: ImportPlan | None, rows: list[int]) -> None:
        """Show the plan rows `rows` (indexes of `plan.rows` with action "error"); None: nothing."""
        self.beginResetModel()
        self._plan, self._rows = plan, list(rows) if plan is not None else []
        self.endResetModel()

    @property
    def plan(self) -> ImportPlan | None:
        """The plan whose problem rows are shown."""
        return self._plan

    def retranslate(self) -> None:
        """Word the titles and reasons again in the current language."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.COLUMNS - 1)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, self.COLUMNS - 1))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        """One row per photo not imported."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        """File name, reason."""
        return 0 if parent.isValid() else self.COLUMNS

    def flags(self, index: Index) -> Qt.ItemFlag:
        """Selectable (to copy a name), never editable."""
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """The file name or the reason (what is wrong and what to do)."""
        if self._plan is None or not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        rp = self._plan.rows[self._rows[index.row()]]
        if index.column() == 0:
            return rp.name  # a photo the folder could not give: its file name (importers.plan)
        errors = [i for i in rp.issues if i.severity == "error"] or rp.issues
        sep = "，" if labels.is_chinese() else ". "
        texts = []
        for i in errors:
            message, fix = labels.pick(i.message_zh, i.message_en), labels.pick(i.fix_zh, i.fix_en)
            texts.append(f"{message}{sep}{fix}" if fix else message)
        return ("；" if labels.is_chinese() else "; ").join(texts)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Column titles; rows have none."""
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if section == 0:
            return self.tr("Photo file")
        if section == 1:
            return self.tr("Why it was not imported")
        return None

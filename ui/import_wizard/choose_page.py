"""The wizard's first page: choose a file or a folder of photos, or drop one on it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from ui.import_wizard.notes import ERROR, label, note


class ChoosePage(QWidget):
    """The buttons that start an import, what is being read and why a file was refused (`error`).
    The wizard connects the buttons."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = label("title")
        self.hint = label("hint")
        self.choose_button = QPushButton()
        self.choose_button.setProperty("big", True)
        self.choose_button.setProperty("primary", True)
        self.photos_button = QPushButton()
        self.photos_button.setAutoDefault(False)
        self.drop_hint = label("hint")
        self.drop_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.status = label()
        self.status.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.error = note(*ERROR)
        self.error.setProperty("role", "error")
        self.close_button = QPushButton()
        self.close_button.setAutoDefault(False)
        drop = QFrame()
        drop.setObjectName("dropArea")
        drop.setStyleSheet("#dropArea { border: 2px dashed #b9c4cf; border-radius: 10px; background: white; }")
        inner = QVBoxLayout(drop)
        inner.setContentsMargins(30, 40, 30, 40)
        inner.setSpacing(14)
        inner.addStretch(1)
        inner.addWidget(self.choose_button, 0, Qt.AlignmentFlag.AlignHCenter)
        inner.addWidget(self.drop_hint)
        inner.addWidget(self.photos_button, 0, Qt.AlignmentFlag.AlignHCenter)
        inner.addWidget(self.status)
        inner.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        layout.addWidget(self.title)
        layout.addWidget(self.hint)
        layout.addWidget(drop, 1)
        layout.addWidget(self.error)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.close_button)
        layout.addLayout(bottom)

    def retranslate(self) -> None:
        """Set every fixed text in the current language."""
        self.title.setText(self.tr("Import a spreadsheet"))
        self.hint.setText(self.tr(
            "Choose an Excel, WPS or CSV file with your products, menu or sales. "
            "You will see what changes before anything is saved."))
        self.choose_button.setText(self.tr("Choose a file…"))
        self.drop_hint.setText(self.tr("or drag the file into this window"))
        self.photos_button.setText(self.tr("Product photos named by barcode, SKU or name: choose their folder…"))
        self.close_button.setText(self.tr("Close"))

"""The first-launch panel on an empty shop: two big buttons, load the demo shop or import a file."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ui.style import app_icon


class WelcomePanel(QWidget):
    """Shown instead of the product table while the shop has no products and no categories."""

    sig_demo_requested = Signal()
    """The user wants the demo shop (a Dengzhou Road beer-street restaurant) loaded."""

    sig_import_requested = Signal()
    """The user wants to import a spreadsheet (the receiver asks which file)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.icon = QLabel(self)
        self.icon.setPixmap(app_icon().pixmap(96, 96))
        self.icon.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title = QLabel(self)
        self.title.setProperty("role", "title")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint = QLabel(self)
        self.hint.setProperty("role", "hint")
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint.setWordWrap(True)
        self.demo_button = QPushButton(self)
        self.import_button = QPushButton(self)
        for b in (self.demo_button, self.import_button):
            b.setProperty("big", True)
            b.setMinimumWidth(240)
        self.import_button.setProperty("primary", True)
        self.demo_button.clicked.connect(self.sig_demo_requested)
        self.import_button.clicked.connect(self.sig_import_requested)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.import_button)
        buttons.addSpacing(24)
        buttons.addWidget(self.demo_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(2)
        layout.addWidget(self.icon)
        layout.addSpacing(12)
        layout.addWidget(self.title)
        layout.addSpacing(8)
        layout.addWidget(self.hint)
        layout.addSpacing(28)
        layout.addLayout(buttons)
        layout.addStretch(3)
        self.retranslate()

    def retranslate(self) -> None:
        """Set the translated texts."""
        self.title.setText(self.tr("Welcome to PortDesk"))
        self.hint.setText(
            self.tr("Your shop has no products yet. Import the product list you keep in Excel or WPS,\n"
                    "or look around first with a demo beer-street restaurant.")
        )
        self.demo_button.setText(self.tr("Load demo shop"))
        self.import_button.setText(self.tr("Import a spreadsheet"))

    def changeEvent(self, event: QEvent) -> None:
        """Re-translate on a language change."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

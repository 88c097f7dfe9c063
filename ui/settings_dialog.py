"""The settings dialog: language and font size (per-PC preferences in settings.json)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from ui.i18n import LANGUAGES
from ui.settings import AppSettings


class SettingsDialog(QDialog):
    """Edit AppSettings; after Accepted, `settings` holds the chosen values (the caller applies them)."""

    def __init__(self, settings: AppSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = AppSettings(**vars(settings))
        self.setWindowTitle(self.tr("Settings"))
        self.setMinimumWidth(460)
        self.language_combo = QComboBox(self)
        self.language_combo.addItem(self.tr("Follow the system"), "")
        for code, name in LANGUAGES.items():
            self.language_combo.addItem(name, code)
        self.language_combo.setCurrentIndex(max(0, self.language_combo.findData(settings.language)))
        self.large_font_check = QCheckBox(self.tr("Larger text (easier to read)"), self)
        self.large_font_check.setChecked(settings.large_font)
        hint = QLabel(self.tr("Changes apply at once."), self)
        hint.setProperty("role", "hint")
        form = QFormLayout()
        form.setVerticalSpacing(12)
        form.addRow(self.tr("Language"), self.language_combo)
        form.addRow(self.tr("Text size"), self.large_font_check)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("OK"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 18, 18, 12)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addStretch(1)
        layout.addWidget(buttons)

    def accept(self) -> None:
        """Keep the chosen values."""
        self.settings.language = self.language_combo.currentData()
        self.settings.large_font = self.large_font_check.isChecked()
        super().accept()

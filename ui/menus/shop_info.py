"""The shop as printed on menus and tents: name, logo, address, phone and opening hours."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from catalog.media import MediaError
from catalog.store import Store
from menus.urls import DEFAULT_BASE_URL
from ui.menus import asks

SETTING_KEYS = ("shop_name", "shop_address", "shop_phone", "shop_hours")
LOGO_KEY = "shop_logo"
LOGO_PREVIEW_PX = 72
MAX_LOGO_BYTES = 5 * 1024 * 1024


class ShopInfoDialog(QDialog):
    """Edit the shop's printed details; Save stores them as shop settings (logo in the media store).

    Opens its own Store on `store_path`; `shutdown()` (called when the dialog closes) closes it.
    """

    sig_saved = Signal()
    """The shop details were saved."""

    def __init__(self, store_path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = Store.open(store_path)
        self._closed = False
        self._logo: bytes | None = None
        logo_hash = self.store.get_setting(LOGO_KEY)
        if logo_hash:
            self._logo = self.store.media.get(logo_hash)
        self.setWindowTitle(self.tr("Shop details"))
        self.resize(560, 420)
        self.fields: dict[str, QLineEdit] = {}
        placeholders = {
            "shop_name": self.tr("e.g. Old Captain Beer House"),
            "shop_address": self.tr("e.g. No. 56 Dengzhou Road, Shibei District, Qingdao"),
            "shop_phone": self.tr("e.g. 0532-8866 1903"),
            "shop_hours": self.tr("e.g. 11:00–02:00"),
        }
        for key in SETTING_KEYS:
            edit = QLineEdit(self.store.get_setting(key) or "")
            edit.setPlaceholderText(placeholders[key])
            self.fields[key] = edit
        self.logo_view = QLabel()
        self.logo_view.setFixedSize(LOGO_PREVIEW_PX, LOGO_PREVIEW_PX)
        self.logo_view.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.logo_view.setStyleSheet("border: 1px solid #c9cfd6; background: white;")
        self.choose_logo_button = QPushButton(self.tr("Choose picture…"))
        self.choose_logo_button.clicked.connect(lambda _=False: self.choose_logo())
        self.remove_logo_button = QPushButton(self.tr("No logo"))
        self.remove_logo_button.clicked.connect(lambda _=False: self.set_logo(None))
        logo_row = QHBoxLayout()
        logo_row.addWidget(self.logo_view)
        logo_row.addWidget(self.choose_logo_button)
        logo_row.addWidget(self.remove_logo_button)
        logo_row.addStretch(1)
        base = self.store.get_setting("port_base_url") or DEFAULT_BASE_URL
        self.base_url_label = QLabel(base)
        self.base_url_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.base_url_note = QLabel(self.tr("Set by the digital port when this PC is paired; QR codes use it."))
        self.base_url_note.setProperty("role", "hint")
        self.base_url_note.setWordWrap(True)
        self.error = QLabel("")
        self.error.setProperty("role", "error")
        self.error.setWordWrap(True)

        form = QFormLayout()
        form.addRow(self.tr("Shop name:"), self.fields["shop_name"])
        form.addRow(self.tr("Logo:"), logo_row)
        form.addRow(self.tr("Address:"), self.fields["shop_address"])
        form.addRow(self.tr("Phone:"), self.fields["shop_phone"])
        form.addRow(self.tr("Opening hours:"), self.fields["shop_hours"])
        form.addRow(self.tr("QR web address:"), self.base_url_label)
        form.addRow("", self.base_url_note)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self._save_and_close)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self._show_logo()
        for button in (self.choose_logo_button, self.remove_logo_button):
            button.setAutoDefault(False)

    def choose_logo(self) -> bool:
        """Ask for a picture file and use it as the logo; False when cancelled or not a picture."""
        path = asks.ask_image(self)
        if path is None:
            return False
        try:
            data = path.read_bytes()
        except OSError as exc:
            self.error.setText(self.tr("Cannot read %1: %2").replace("%1", str(path)).replace("%2", exc.strerror or ""))
            return False
        if len(data) > MAX_LOGO_BYTES or QImage.fromData(data).isNull():
            self.error.setText(self.tr("%1 is not a picture PortDesk can use (PNG or JPEG, under 5 MB).")
                               .replace("%1", path.name))
            return False
        self.set_logo(data)
        return True

    def set_logo(self, data: bytes | None) -> None:
        """Use these picture bytes as the logo (None: no logo); saved with Save."""
        self._logo = data
        self.error.clear()
        self._show_logo()

    def save(self) -> bool:
        """Store every field (and the logo) as shop settings; False with a message when refused."""
        if not self.fields["shop_name"].text().strip():
            self.error.setText(self.tr("Please type the shop's name: it is printed on every menu."))
            self.fields["shop_name"].setFocus()
            return False
        try:
            with self.store.transaction():
                for key, edit in self.fields.items():
                    self.store.set_setting(key, edit.text().strip())
                self.store.set_setting(LOGO_KEY, self.store.media.add(self._logo) if self._logo else "")
        except MediaError as exc:
            self.error.setText(str(exc))
            return False
        self.sig_saved.emit()
        return True

    def shutdown(self) -> None:
        """Close the dialog's Store (safe to call twice)."""
        if not self._closed:
            self._closed = True
            self.store.close()

    def done(self, result: int) -> None:
        """Closing the dialog also closes its Store."""
        super().done(result)
        self.shutdown()

    def _save_and_close(self) -> None:
        if self.save():
            self.accept()

    def _show_logo(self) -> None:
        pixmap = QPixmap()
        if self._logo and pixmap.loadFromData(self._logo):
            self.logo_view.setPixmap(pixmap.scaled(
                LOGO_PREVIEW_PX - 4, LOGO_PREVIEW_PX - 4, Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            ))
        else:
            self.logo_view.setText(self.tr("none"))
        self.remove_logo_button.setEnabled(self._logo is not None)

"""Product photos in the editor: thumbnails, add (file → store.media) and remove."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSize, Qt, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QFileDialog,
    QListView,
    QListWidget,
    QListWidgetItem,
    QWidget,
)

from catalog.media import MediaError, read_media
from catalog.store import Store
from ui.add_remove import add_remove_layout
from ui.thumbnails import Thumbnails

THUMB = 96
DIGEST_ROLE = Qt.ItemDataRole.UserRole + 1


def ask_image_path(parent: QWidget) -> Path | None:
    """Ask the user for an image file; None when cancelled. Tests replace this."""
    title = QCoreApplication.translate("ImageStrip", "Choose a photo")
    kinds = QCoreApplication.translate("ImageStrip", "Photos")
    path, _ = QFileDialog.getOpenFileName(parent, title, "", f"{kinds} (*.png *.jpg *.jpeg *.gif *.webp)")
    return Path(path) if path else None


class ImageStrip(QWidget):
    """The photos of one product, in display order (the first is the main photo)."""

    sig_error = Signal(str)
    """A photo could not be added; the argument is a plain message for the user."""

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.list = QListWidget(self)
        self.list.setViewMode(QListView.ViewMode.IconMode)
        self.list.setIconSize(QSize(THUMB, THUMB))
        self.list.setFlow(QListView.Flow.LeftToRight)
        self.list.setWrapping(False)
        self.list.setFixedHeight(THUMB + 28)
        self.list.setMovement(QListView.Movement.Static)
        # a phone photo takes tens of ms to decode: decoded in the background, shown when it arrives
        self.thumbnails = Thumbnails(THUMB, kept=50, parent=self)
        self.thumbnails.sig_ready.connect(self._thumbnail_arrived)
        self.add_button, self.remove_button = add_remove_layout(self, self.list, self.choose, self.remove_selected)
        self.retranslate()

    def retranslate(self) -> None:
        """Set translated button texts."""
        self.add_button.setText(self.tr("Add photo…"))
        self.remove_button.setText(self.tr("Remove photo"))

    def set_images(self, digests: list[str]) -> None:
        """Show these stored images."""
        self.list.clear()
        for d in digests:
            self._append(d)

    def _append(self, digest: str) -> None:
        item = QListWidgetItem(self._icon(digest), "")
        item.setData(DIGEST_ROLE, digest)
        item.setSizeHint(QSize(THUMB + 8, THUMB + 8))
        self.list.addItem(item)

    def _icon(self, digest: str) -> QIcon:
        path = self.store.path
        pixmap = self.thumbnails.get(digest, lambda: read_media(path, digest))
        return QIcon() if pixmap is None else QIcon(pixmap)

    def _thumbnail_arrived(self, digest: str) -> None:
        for i in range(self.list.count()):
            item = self.list.item(i)
            if item.data(DIGEST_ROLE) == digest:
                item.setIcon(self._icon(digest))

    def images(self) -> list[str]:
        """The sha256 digests in display order."""
        return [self.list.item(i).data(DIGEST_ROLE) for i in range(self.list.count())]

    def choose(self) -> None:
        """Ask for a file and add it."""
        path = ask_image_path(self)
        if path is not None:
            self.add_file(path)

    def add_file(self, path: Path) -> str | None:
        """Store an image file in the shop database and show it; returns its digest."""
        try:
            data = path.read_bytes()
            digest = self.store.media.add(data)
        except OSError as exc:
            self.sig_error.emit(self.tr("Cannot read “%1”: %2").replace("%1", path.name).replace("%2", exc.strerror or ""))
            return None
        except MediaError as exc:
            self.sig_error.emit(f"{path.name}: {exc}")
            return None
        if digest not in self.images():
            self._append(digest)
        return digest

    def remove_selected(self) -> None:
        """Remove the selected photos from the product (the bytes stay stored)."""
        for item in self.list.selectedItems():
            self.list.takeItem(self.list.row(item))

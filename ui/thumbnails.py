"""Thumbnails decoded off the UI thread, kept by key (an image's hash).

A phone photo of a few MB takes tens of milliseconds to decode: a table painting a screenful
of them on the UI thread would stall for a second. `Thumbnails.get` answers at once from its
cache, or with a blank placeholder while one background thread reads and decodes the picture
(`QImageReader` decodes a JPEG straight at the small size, turned upright as its EXIF orientation
says); `sig_ready` then says which key arrived, and the model repaints.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject, QRunnable, QSize, Qt, QThreadPool, Signal
from PySide6.QtGui import QImage, QImageIOHandler, QImageReader, QPainter, QPixmap

Read = Callable[[], bytes | None]  # runs on the background thread: the picture's bytes, None if gone


class _Relay(QObject):
    """Lives on the UI thread: a decoded image emitted from the background arrives here queued."""

    sig_done = Signal(str, object)
    """A key and its QImage (None: it could not be read or decoded)."""


class _Decode(QRunnable):
    def __init__(self, key: str, read: Read, height: int, width: int | None, relay: _Relay) -> None:
        super().__init__()
        self.key, self.read, self.height, self.width, self.relay = key, read, height, width, relay

    def run(self) -> None:
        """Read and decode at the thumbnail's size (the background thread)."""
        image: QImage | None = None
        try:
            data = self.read()
        except Exception:  # a picture that cannot be read is only a missing thumbnail
            data = None
        if data:
            buffer = QBuffer()
            buffer.setData(QByteArray(data))
            buffer.open(QIODevice.OpenModeFlag.ReadOnly)
            reader = QImageReader(buffer)
            reader.setAutoTransform(True)  # a phone photo stands up as its EXIF orientation says
            size = reader.size()  # as stored: the scaled size is applied before the turn
            turned = bool(reader.transformation() & QImageIOHandler.Transformation.TransformationRotate90)
            shown_height = size.width() if turned else size.height()
            if size.isValid() and shown_height > 0:
                scale = self.height / shown_height
                reader.setScaledSize(QSize(max(1, round(size.width() * scale)), max(1, round(size.height() * scale))))
            decoded = reader.read()
            if not decoded.isNull():
                image = decoded if decoded.height() == self.height else decoded.scaledToHeight(
                    self.height, Qt.TransformationMode.SmoothTransformation)
                if self.width is not None:
                    image = _boxed(image, self.width, self.height)
        self.relay.sig_done.emit(self.key, image)


def _boxed(image: QImage, width: int, height: int) -> QImage:
    """The image fitted into a transparent width x height box, centred (a list's names then line up)."""
    if image.width() > width:
        image = image.scaledToWidth(width, Qt.TransformationMode.SmoothTransformation)
    box = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
    box.fill(Qt.GlobalColor.transparent)
    painter = QPainter(box)
    painter.drawImage((width - image.width()) // 2, (height - image.height()) // 2, image)
    painter.end()
    return box


class Thumbnails(QObject):
    """A cache of small pictures of one height, filled by a background thread."""

    sig_ready = Signal(str)
    """The thumbnail of this key arrived (or is known to be missing): repaint what shows it."""

    def __init__(self, height: int, kept: int = 500, parent: QObject | None = None, width: int | None = None) -> None:
        """Thumbnails `height` pixels high; with `width`, each is fitted into a box of that size."""
        super().__init__(parent)
        self.height, self.width, self.kept = height, width, kept
        self._pool = QThreadPool(self)  # made before the relay: destroyed first, it waits for its work
        self._pool.setMaxThreadCount(1)
        # pictures asked for but not started are dropped when this goes (a closed window, the app
        # quitting): only the one being decoded is waited for
        self.destroyed.connect(self._pool.clear)
        self._relay = _Relay(self)
        self._relay.sig_done.connect(self._arrived)
        self._cache: OrderedDict[str, QPixmap | None] = OrderedDict()
        self._pending: set[str] = set()
        self.placeholder = QPixmap(width or height, height)
        """Blank, of a thumbnail's size: shown until a thumbnail arrives."""
        self.placeholder.fill(Qt.GlobalColor.transparent)

    def get(self, key: str, read: Read) -> QPixmap | None:
        """The thumbnail of `key`; a blank placeholder while it is decoded (`read` runs in the
        background); None when the picture could not be read."""
        if key in self._cache:
            self._cache.move_to_end(key)
            return self._cache[key]
        if key not in self._pending:
            self._pending.add(key)
            self._pool.start(_Decode(key, read, self.height, self.width, self._relay))
        return self.placeholder

    def clear(self) -> None:
        """Forget every thumbnail (work already started still reports)."""
        self._cache.clear()

    def wait(self) -> None:
        """Block until the background work is done (shutting down, tests)."""
        self._pool.waitForDone()

    def _arrived(self, key: str, image: QImage | None) -> None:
        self._pending.discard(key)
        self._cache[key] = None if image is None else QPixmap.fromImage(image)
        while len(self._cache) > self.kept:
            self._cache.popitem(last=False)
        self.sig_ready.emit(key)

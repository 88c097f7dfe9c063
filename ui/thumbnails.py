"""Thumbnails decoded off the UI thread, kept by key (an image's hash).

A phone photo of a few MB takes tens of milliseconds to decode: a table painting a screenful
of them on the UI thread would stall for a second. `Thumbnails.get` answers at once from its
cache, or with a blank placeholder while one background thread reads and decodes the picture
(`QImageReader` decodes a JPEG straight at the small size, turned upright as its EXIF orientation
says); `sig_ready` then says which key arrived, and the model repaints.

`Previews` does the same for a tooltip's bigger picture (240 px on its longer side): decoded and
encoded as a PNG data: URL in the background, a few kept, so a rich-text tooltip can show it.
"""

from __future__ import annotations

import base64
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject, QRunnable, QSize, Qt, QThreadPool, Signal
from PySide6.QtGui import (
    QGuiApplication,
    QImage,
    QImageIOHandler,
    QImageReader,
    QImageWriter,
    QPainter,
    QPixmap,
)

Read = Callable[[], bytes | None]  # runs on the background thread: the picture's bytes, None if gone


class _Relay(QObject):
    """Lives on the UI thread: a decoded image emitted from the background arrives here queued."""

    sig_done = Signal(str, object)
    """A key and what was made of its picture: a QImage or a Preview (None: it could not be read or decoded)."""


def _decode(data: bytes, fit: Callable[[int, int], float]) -> QImage | None:
    """Decode picture bytes at `fit(width, height)` times the upright picture's size (a JPEG is
    decoded straight at that size), turned upright as its EXIF orientation says; None when they
    are no picture. Runs on a background thread (QImage, never QPixmap)."""
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer)
    reader.setAutoTransform(True)  # a phone photo stands up as its EXIF orientation says
    size = reader.size()  # as stored: the scaled size is applied before the turn
    turned = bool(reader.transformation() & QImageIOHandler.Transformation.TransformationRotate90)
    shown_width, shown_height = (size.height(), size.width()) if turned else (size.width(), size.height())
    if size.isValid() and shown_width > 0 and shown_height > 0:
        scale = fit(shown_width, shown_height)
        reader.setScaledSize(QSize(max(1, round(size.width() * scale)), max(1, round(size.height() * scale))))
    decoded = reader.read()
    return None if decoded.isNull() else decoded


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
        decoded = _decode(data, lambda _w, h: self.height / h) if data else None
        if decoded is not None:
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


class _BackgroundCache(QObject):
    """What Thumbnails and Previews share: pictures made one at a time by a thread of their own,
    the last `kept` kept (a missing one as None), `sig_ready` when one arrives."""

    sig_ready = Signal(str)
    """The picture of this key arrived (or is known to be missing): repaint what shows it."""

    def __init__(self, kept: int, parent: QObject | None) -> None:
        super().__init__(parent)
        self.kept = kept
        self._pool = QThreadPool(self)  # made before the relay: destroyed first, it waits for its work
        self._pool.setMaxThreadCount(1)
        # pictures asked for but not started are dropped when this goes (a closed window, the app
        # quitting): only the one being made is waited for
        self.destroyed.connect(self._pool.clear)
        self._relay = _Relay(self)
        self._relay.sig_done.connect(self._arrived)
        self._cache: OrderedDict[str, Any] = OrderedDict()
        self._pending: set[str] = set()

    def _cached(self, key: str, work: Callable[[], QRunnable]) -> tuple[bool, Any]:
        """(True, the kept picture) when `key` is kept; else (False, None), its `work` started unless it is under way."""
        if key in self._cache:
            self._cache.move_to_end(key)
            return True, self._cache[key]
        if key not in self._pending:
            self._pending.add(key)
            self._pool.start(work())
        return False, None

    def wait(self) -> None:
        """Block until the background work is done (shutting down, tests)."""
        self._pool.waitForDone()

    def _kept(self, made: Any) -> Any:
        """What is kept of what the thread made (on the UI thread)."""
        return made

    def _arrived(self, key: str, made: Any) -> None:
        self._pending.discard(key)
        self._cache[key] = None if made is None else self._kept(made)
        while len(self._cache) > self.kept:
            self._cache.popitem(last=False)
        self.sig_ready.emit(key)


class Thumbnails(_BackgroundCache):
    """A cache of small pictures of one height, filled by a background thread."""

    def __init__(self, height: int, kept: int = 500, parent: QObject | None = None, width: int | None = None) -> None:
        """Thumbnails `height` pixels high; with `width`, each is fitted into a box of that size."""
        super().__init__(kept, parent)
        self.height, self.width = height, width
        self.placeholder = QPixmap(width or height, height)
        """Blank, of a thumbnail's size: shown until a thumbnail arrives."""
        self.placeholder.fill(Qt.GlobalColor.transparent)

    def get(self, key: str, read: Read) -> QPixmap | None:
        """The thumbnail of `key`; a blank placeholder while it is decoded (`read` runs in the
        background); None when the picture could not be read."""
        found, pixmap = self._cached(key, lambda: _Decode(key, read, self.height, self.width, self._relay))
        return pixmap if found else self.placeholder

    def clear(self) -> None:
        """Forget every thumbnail (work already started still reports)."""
        self._cache.clear()

    def _kept(self, made: Any) -> QPixmap:
        return QPixmap.fromImage(made)  # a QPixmap is made on the UI thread only

@dataclass(frozen=True)
class Preview:
    """A picture ready for a rich-text tooltip: a data: URL of a PNG, and its size in logical
    pixels; `upright` is the whole picture's size as shown, turned as its EXIF orientation says
    (a phone photo stored 4032 x 3024 stands 3024 x 4032), when known."""

    url: str
    width: int
    height: int
    upright: tuple[int, int] | None = None

    def html(self) -> str:
        """An <img> of the picture at its logical size (sharp on a high-DPI screen too)."""
        return f'<img src="{self.url}" width="{self.width}" height="{self.height}">'


class _Encode(QRunnable):
    def __init__(self, key: str, read: Read, longest: int, ratio: float, relay: _Relay) -> None:
        super().__init__()
        self.key, self.read, self.longest, self.ratio, self.relay = key, read, longest, ratio, relay

    def run(self) -> None:
        """Read, decode at the preview's size and encode as a PNG data: URL (the background thread)."""
        preview: Preview | None = None
        try:
            preview = self._make()
        finally:  # whatever happened, the key is no longer pending
            self.relay.sig_done.emit(self.key, preview)

    def _make(self) -> Preview | None:
        pixels = max(1, round(self.longest * self.ratio))
        try:
            data = self.read()
        except Exception:  # a picture that cannot be read only has no preview
            return None
        own: list[int] = []  # the picture's longer side, upright
        upright: list[tuple[int, int]] = []  # its size, upright

        def fit(width: int, height: int) -> float:
            own.append(max(width, height))
            upright.append((width, height))
            return min(1.0, pixels / max(width, height))  # the pixels a sharp preview needs, no more

        image = _decode(data, fit) if data else None
        if image is None:
            return None
        longest = max(image.width(), image.height())
        if longest > pixels:
            image = image.scaled(pixels, pixels, Qt.AspectRatioMode.KeepAspectRatio,
                                 Qt.TransformationMode.SmoothTransformation)
            longest = pixels
        buffer = QBuffer()
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        if not QImageWriter(buffer, QByteArray(b"PNG")).write(image):
            return None
        url = "data:image/png;base64," + base64.b64encode(buffer.data().data()).decode("ascii")
        shown = min(self.longest, own[0] if own else longest)  # logical pixels: a small picture is not enlarged
        return Preview(url, max(1, round(image.width() * shown / longest)), max(1, round(image.height() * shown / longest)),
                       upright[0] if upright else None)


class Previews(_BackgroundCache):
    """Pictures at a tooltip's size (at most `longest` logical pixels on the longer side, never
    enlarged), decoded and PNG-encoded on a background thread; the last `kept` are kept."""

    def __init__(self, longest: int = 240, kept: int = 12, parent: QObject | None = None,
                 ratio: float | None = None) -> None:
        """`ratio`: the screens' device pixel ratio to make pictures sharp for (None: the highest one now)."""
        super().__init__(kept, parent)
        self.longest, self.ratio = longest, ratio

    def get(self, key: str, read: Read) -> Preview | None:
        """The preview of `key` when it is ready; else None, and it is made in the background
        (`read` runs there) unless it is known to be missing."""
        def work() -> QRunnable:
            ratio = self.ratio or max((s.devicePixelRatio() for s in QGuiApplication.screens()), default=1.0)
            return _Encode(key, read, self.longest, max(1.0, ratio), self._relay)

        _found, preview = self._cached(key, work)
        return preview

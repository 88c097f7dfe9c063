"""QR codes: a module matrix from the `qrcode` library, painted as crisp rectangles.

Drawing modules with QPainter keeps them vector in PDF and sharp at any printer DPI.
The rectangle passed in always includes the 4-module quiet zone on every side.
"""

from __future__ import annotations

from functools import lru_cache

import qrcode
import qrcode.constants
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPainterPath

QUIET_ZONE = 4
"""Light modules kept around the code on every side (the QR standard's minimum)."""

_LEVELS = {
    "L": qrcode.constants.ERROR_CORRECT_L,
    "M": qrcode.constants.ERROR_CORRECT_M,
    "Q": qrcode.constants.ERROR_CORRECT_Q,
    "H": qrcode.constants.ERROR_CORRECT_H,
}


@lru_cache(maxsize=4096)
def qr_matrix(data: str, level: str = "M") -> tuple[tuple[bool, ...], ...]:
    """The dark/light modules of the smallest QR code holding `data` (no quiet zone)."""
    code = qrcode.QRCode(error_correction=_LEVELS[level], border=0, box_size=1)
    code.add_data(data)
    code.make(fit=True)
    return tuple(tuple(bool(m) for m in row) for row in code.modules)


def modules_with_quiet_zone(data: str, level: str = "M") -> int:
    """Side of the code in modules, quiet zone included."""
    return len(qr_matrix(data, level)) + 2 * QUIET_ZONE


@lru_cache(maxsize=4096)
def _runs(data: str, level: str) -> tuple[tuple[int, int, int], ...]:
    """Horizontal runs of dark modules as (row, first column, length)."""
    runs: list[tuple[int, int, int]] = []
    for y, row in enumerate(qr_matrix(data, level)):
        x = 0
        while x < len(row):
            if row[x]:
                start = x
                while x < len(row) and row[x]:
                    x += 1
                runs.append((y, start, x - start))
            else:
                x += 1
    return tuple(runs)


def paint_qr(painter: QPainter, rect: QRectF, data: str, level: str = "M") -> None:
    """Paint a QR code for `data` filling the square `rect` (quiet zone included)."""
    side = min(rect.width(), rect.height())
    x0 = rect.x() + (rect.width() - side) / 2
    y0 = rect.y() + (rect.height() - side) / 2
    module = side / modules_with_quiet_zone(data, level)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    painter.fillRect(QRectF(x0, y0, side, side), QColor("white"))
    path = QPainterPath()
    for y, x, length in _runs(data, level):
        path.addRect(
            QRectF(x0 + (x + QUIET_ZONE) * module, y0 + (y + QUIET_ZONE) * module, length * module, module)
        )
    painter.setPen(Qt.PenStyle.NoPen)
    painter.fillPath(path, QColor("black"))
    painter.restore()


def qr_image(data: str, pixels_per_module: int = 8, level: str = "M") -> QImage:
    """A QImage of the code with its quiet zone, for on-screen previews and copying."""
    side = modules_with_quiet_zone(data, level) * pixels_per_module
    image = QImage(side, side, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    paint_qr(painter, QRectF(0, 0, side, side), data, level)
    painter.end()
    return image

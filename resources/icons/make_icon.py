"""Draw the PortDesk app icon (a blue harbour tile with 港 over a wave) into PNGs of every size.

Run once after changing the drawing: `python resources/icons/make_icon.py`. The PNGs are committed.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QGuiApplication,
    QImage,
    QLinearGradient,
    QPainter,
    QPainterPath,
    QPen,
)

HERE = Path(__file__).resolve().parent
SIZES = (16, 24, 32, 48, 64, 128, 256)


def draw(size: int) -> QImage:
    """The icon at `size` x `size` pixels, transparent outside the rounded tile."""
    img = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    img.fill(Qt.GlobalColor.transparent)
    p = QPainter(img)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    s = float(size)
    tile = QRectF(s * 0.04, s * 0.04, s * 0.92, s * 0.92)
    grad = QLinearGradient(tile.topLeft(), tile.bottomRight())
    grad.setColorAt(0, QColor("#2d84c9"))
    grad.setColorAt(1, QColor("#174f86"))
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(grad)
    p.drawRoundedRect(tile, s * 0.2, s * 0.2)
    # the wave
    wave = QPainterPath(QPointF(s * 0.16, s * 0.76))
    for i in range(3):
        x0 = s * (0.16 + i * 0.227)
        wave.cubicTo(QPointF(x0 + s * 0.06, s * 0.69), QPointF(x0 + s * 0.17, s * 0.83), QPointF(x0 + s * 0.227, s * 0.76))
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.setPen(QPen(QColor("#8fd3ff"), max(1.0, s * 0.045), Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
    p.drawPath(wave)
    # the character
    font = QFont("WenQuanYi Micro Hei")
    font.setPixelSize(max(8, int(s * 0.5)))
    font.setBold(True)
    p.setFont(font)
    p.setPen(QColor("white"))
    p.drawText(QRectF(0, s * 0.08, s, s * 0.6), Qt.AlignmentFlag.AlignCenter, "港")
    p.end()
    return img


def main() -> int:
    """Write portdesk-<size>.png for every size."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    for size in SIZES:
        draw(size).save(str(HERE / f"portdesk-{size}.png"))
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Draw a laid-out Document onto any QPaintDevice: QPdfWriter, QPrinter or QImage.

The painter never decides where anything goes; it only draws the boxes the layout
computed, in points, scaled to the device's resolution.
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QImage, QImageReader, QPaintEngine, QPainter, QPainterPath, QPen

from menus.layout import Align, ChiliBox, FillBox, ImageBox, Page, QrBox, RuleBox, TextBox
from menus.qr import paint_qr
from menus.typeset import Typesetter


def upright(data: bytes) -> QImage:
    """A photo's bytes as an image standing as its EXIF orientation says (a phone photo taken upright
    is stored lying on its side, with a note to turn it)."""
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer)
    reader.setAutoTransform(True)
    return reader.read()

class PagePainter:
    """Paints pages of boxes with the fonts of one Typesetter."""

    def __init__(self, typesetter: Typesetter) -> None:
        self.ts = typesetter
        self._images: dict[bytes, QImage] = {}

    def paint(self, painter: QPainter, page: Page, scale: float) -> None:
        """Paint `page` with `painter`; `scale` is device pixels per point."""
        painter.save()
        painter.scale(scale, scale)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
        for box in page.boxes:
            painter.save()
            if not isinstance(box, RuleBox) and box.rotated:
                c = box.rect.center()
                painter.translate(c)
                painter.rotate(180)
                painter.translate(-c)
            if isinstance(box, TextBox):
                self._text(painter, box)
            elif isinstance(box, QrBox):
                paint_qr(painter, box.rect, box.data, box.level)
            elif isinstance(box, FillBox):
                self._fill(painter, box)
            elif isinstance(box, RuleBox):
                self._rule(painter, box)
            elif isinstance(box, ImageBox):
                self._image(painter, box)
            elif isinstance(box, ChiliBox):
                self._chilis(painter, box)
            painter.restore()
        painter.restore()

    def _text(self, painter: QPainter, box: TextBox) -> None:
        font = self.ts.font(box.font)
        ascent = self.ts.ascent(box.font)
        descent = self.ts.descent(box.font)
        pad = (box.line_height - ascent - descent) / 2
        color = QColor(box.color)
        inv = 1 / Typesetter.SCALE
        engine = painter.paintEngine()
        vector_text = engine is not None and engine.type() == QPaintEngine.Type.Pdf
        for i, (line, width) in enumerate(zip(box.lines, box.widths, strict=True)):
            if box.align is Align.LEFT:
                x = box.rect.left()
            elif box.align is Align.RIGHT:
                x = box.rect.right() - width
            else:
                x = box.rect.center().x() - width / 2
            baseline = box.rect.top() + i * box.line_height + pad + ascent
            painter.save()
            painter.translate(x, baseline)
            painter.scale(inv, inv)
            if box.font.bold and not vector_text:
                # Raster and printer engines skip synthetic bold under a scaled transform:
                # fill and stroke the outline instead (PDF keeps real, searchable text).
                path = QPainterPath()
                path.addText(QPointF(0, 0), font, line)
                painter.setPen(QPen(color, font.pixelSize() * 0.045))
                painter.setBrush(color)
                painter.drawPath(path)
            else:
                painter.setFont(font)
                painter.setPen(color)
                painter.drawText(QPointF(0, 0), line)
            painter.restore()
            if box.strike and line:
                y = baseline - ascent * 0.33
                painter.setPen(QPen(color, max(0.6, box.font.size / 14)))
                painter.drawLine(QPointF(x - 1, y), QPointF(x + width + 1, y))

    @staticmethod
    def _fill(painter: QPainter, box: FillBox) -> None:
        painter.setPen(QPen(QColor(box.stroke), box.stroke_width) if box.stroke else Qt.PenStyle.NoPen)
        painter.setBrush(QBrush(QColor(box.fill)) if box.fill else Qt.BrushStyle.NoBrush)
        if box.radius:
            painter.drawRoundedRect(box.rect, box.radius, box.radius)
        else:
            painter.drawRect(box.rect)

    @staticmethod
    def _rule(painter: QPainter, box: RuleBox) -> None:
        pen = QPen(QColor(box.color), box.width)
        if box.dashed:
            pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.drawLine(box.p1, box.p2)

    def _image(self, painter: QPainter, box: ImageBox) -> None:
        image = self._images.get(box.data)
        if image is None:
            image = upright(box.data)
            self._images[box.data] = image
        if image.isNull():
            return
        r = box.rect
        ratio = min(r.width() / image.width(), r.height() / image.height())
        w, h = image.width() * ratio, image.height() * ratio
        painter.drawImage(QRectF(r.center().x() - w / 2, r.center().y() - h / 2, w, h), image)

    @staticmethod
    def _chilis(painter: QPainter, box: ChiliBox) -> None:
        size = box.rect.height()
        painter.setPen(Qt.PenStyle.NoPen)
        for i in range(box.count):
            x = box.rect.left() + i * size * 0.8
            y = box.rect.top()
            body = QPainterPath()
            body.moveTo(x + size * 0.30, y + size * 0.25)
            body.cubicTo(
                x + size * 0.75,
                y + size * 0.20,
                x + size * 0.80,
                y + size * 0.55,
                x + size * 0.20,
                y + size * 0.98,
            )
            body.cubicTo(
                x + size * 0.45,
                y + size * 0.60,
                x + size * 0.10,
                y + size * 0.45,
                x + size * 0.30,
                y + size * 0.25,
            )
            painter.setBrush(QColor("#d7261e"))
            painter.drawPath(body)
            stem = QPainterPath()
            stem.moveTo(x + size * 0.28, y + size * 0.27)
            stem.cubicTo(
                x + size * 0.40,
                y + size * 0.05,
                x + size * 0.55,
                y + size * 0.05,
                x + size * 0.62,
                y + size * 0.02,
            )
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(
                QPen(QColor("#3a8d2f"), size * 0.12, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
            )
            painter.drawPath(stem)
            painter.setPen(Qt.PenStyle.NoPen)

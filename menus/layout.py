"""Layout: pure geometry. Templates turn a menu into positioned boxes on pages
(measuring text with `menus.typeset`); `menus.painter` draws those boxes on any
QPaintDevice afterwards.

All coordinates are PDF points (1/72 inch) from the top-left corner of the page.
Every text box knows its exact lines, so tests can prove that no text leaves the
printable area and that no two texts overlap.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from PySide6.QtCore import QPointF, QRectF, QSizeF

PT_PER_MM = 72 / 25.4


def mm(value: float) -> float:
    """Millimetres to points."""
    return value * PT_PER_MM


class Align(Enum):
    """Horizontal alignment of the lines of a text box."""

    LEFT = "left"
    CENTER = "center"
    RIGHT = "right"


@dataclass(frozen=True, slots=True)
class FontSpec:
    """A font size in points and a weight; the family is always the CJK family."""

    size: float
    bold: bool = False


@dataclass(slots=True)
class TextBox:
    """Lines of text, already broken, drawn inside `rect` (the tight box of the lines)."""

    rect: QRectF
    lines: tuple[str, ...]
    widths: tuple[float, ...]
    font: FontSpec
    line_height: float
    align: Align = Align.LEFT
    color: str = "#222222"
    strike: bool = False
    rotated: bool = False

    @property
    def text(self) -> str:
        """The text as drawn, lines joined with newlines."""
        return "\n".join(self.lines)


@dataclass(slots=True)
class QrBox:
    """A QR code whose square `rect` includes the quiet zone."""

    rect: QRectF
    data: str
    level: str = "M"
    rotated: bool = False


@dataclass(slots=True)
class ImageBox:
    """A PNG/JPEG image fitted into `rect`, keeping its aspect ratio."""

    rect: QRectF
    data: bytes
    rotated: bool = False


@dataclass(slots=True)
class FillBox:
    """A filled and/or outlined (rounded) rectangle."""

    rect: QRectF
    fill: str | None = None
    stroke: str | None = None
    radius: float = 0.0
    stroke_width: float = 0.5
    rotated: bool = False


@dataclass(slots=True)
class RuleBox:
    """A straight line, solid or dashed (cut and fold lines)."""

    p1: QPointF
    p2: QPointF
    color: str = "#999999"
    width: float = 0.5
    dashed: bool = False

    @property
    def rect(self) -> QRectF:
        """The bounding rectangle of the line (zero width or height when straight)."""
        return QRectF(self.p1, self.p2).normalized()


@dataclass(slots=True)
class ChiliBox:
    """`count` little chili peppers drawn as shapes in `rect` (spicy level)."""

    rect: QRectF
    count: int
    rotated: bool = False


Box = TextBox | QrBox | ImageBox | FillBox | RuleBox | ChiliBox


@dataclass(slots=True)
class Page:
    """One page: its size in points, the area printers can print, and its boxes."""

    size: QSizeF
    printable: QRectF
    boxes: list[Box] = field(default_factory=list)

    def add(self, box: Box) -> Box:
        """Append a box and return it."""
        self.boxes.append(box)
        return box

    def text_boxes(self) -> list[TextBox]:
        """The text boxes of this page, in drawing order."""
        return [b for b in self.boxes if isinstance(b, TextBox)]


@dataclass(slots=True)
class Document:
    """A laid-out document: pages ready to paint."""

    title: str
    pages: list[Page] = field(default_factory=list)

    def text_boxes(self) -> list[tuple[int, QRectF, str]]:
        """Every text drawn, as (page index, rect in points, text)."""
        return [(i, b.rect, b.text) for i, p in enumerate(self.pages) for b in p.text_boxes()]

    def qr_boxes(self) -> list[tuple[int, QrBox]]:
        """Every QR code drawn, as (page index, box)."""
        return [(i, b) for i, p in enumerate(self.pages) for b in p.boxes if isinstance(b, QrBox)]


def rotate_box_180(box: Box, center: QPointF) -> Box:
    """Rotate a box by 180 degrees about `center` (for the upside-down half of a tent)."""

    def flip(r: QRectF) -> QRectF:
        return QRectF(2 * center.x() - r.right(), 2 * center.y() - r.bottom(), r.width(), r.height())

    if isinstance(box, RuleBox):
        p1 = QPointF(2 * center.x() - box.p1.x(), 2 * center.y() - box.p1.y())
        p2 = QPointF(2 * center.x() - box.p2.x(), 2 * center.y() - box.p2.y())
        return RuleBox(p1, p2, box.color, box.width, box.dashed)
    box.rect = flip(box.rect)
    box.rotated = not box.rotated
    return box

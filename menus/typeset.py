"""Text measuring and line breaking with the CJK font (QTextLayout based)."""

from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtGui import QFont, QFontMetricsF, QTextLayout, QTextOption

from menus.fonts import cjk_family, ensure_gui_app
from menus.layout import Align, FontSpec, TextBox


class Typesetter:
    """Measures and breaks text with the CJK font.

    Fonts are used at `SCALE` times their point size as pixel sizes, unhinted, so
    measurements are precise and linear; the painter draws with the very same fonts
    under a 1/SCALE transform, so what is measured is what is drawn.
    """

    SCALE = 16

    def __init__(self, family: str | None = None, line_spacing: float = 1.2) -> None:
        ensure_gui_app()
        self.family = family or cjk_family()
        self.line_spacing = line_spacing
        self._fonts: dict[FontSpec, QFont] = {}
        self._metrics: dict[FontSpec, QFontMetricsF] = {}
        self._widths: dict[tuple[FontSpec, str], float] = {}

    def font(self, spec: FontSpec) -> QFont:
        """The QFont for `spec` at SCALE pixels per point."""
        font = self._fonts.get(spec)
        if font is None:
            font = QFont(self.family)
            font.setPixelSize(max(1, round(spec.size * self.SCALE)))
            font.setBold(spec.bold)
            font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
            font.setKerning(False)
            self._fonts[spec] = font
        return font

    def metrics(self, spec: FontSpec) -> QFontMetricsF:
        """Font metrics for `spec` (in scaled pixels)."""
        fm = self._metrics.get(spec)
        if fm is None:
            fm = QFontMetricsF(self.font(spec))
            self._metrics[spec] = fm
        return fm

    def line_height(self, spec: FontSpec) -> float:
        """Distance between two baselines, in points."""
        return self.metrics(spec).height() / self.SCALE * self.line_spacing

    def ascent(self, spec: FontSpec) -> float:
        """Ascent in points."""
        return self.metrics(spec).ascent() / self.SCALE

    def descent(self, spec: FontSpec) -> float:
        """Descent in points."""
        return self.metrics(spec).descent() / self.SCALE

    def width(self, text: str, spec: FontSpec) -> float:
        """Advance width of a single line of text, in points."""
        key = (spec, text)
        width = self._widths.get(key)
        if width is None:
            width = self.metrics(spec).horizontalAdvance(text) / self.SCALE
            self._widths[key] = width
        return width

    def wrap(self, text: str, spec: FontSpec, width: float, max_lines: int | None = None) -> list[str]:
        """Break `text` into lines no wider than `width` points.

        Chinese breaks between any two characters, Latin at word boundaries (or
        anywhere when a word is too long). With `max_lines`, the last line is elided
        with an ellipsis.
        """
        lines: list[str] = []
        for paragraph in text.replace("\r\n", "\n").split("\n"):
            lines.extend(self._wrap_paragraph(paragraph, spec, width))
        if max_lines is not None and len(lines) > max_lines:
            kept = lines[: max_lines - 1]
            rest = "".join(lines[max_lines - 1 :])
            kept.append(self.elide(rest, spec, width))
            lines = kept
        return lines

    def elide(self, text: str, spec: FontSpec, width: float) -> str:
        """`text` cut with an ellipsis so that it fits `width` points."""
        if self.width(text, spec) <= width:
            return text
        ellipsis = "…"
        budget = width - self.width(ellipsis, spec)
        lo, hi = 0, len(text)
        while lo < hi:  # longest prefix that fits
            mid = (lo + hi + 1) // 2
            if self.width(text[:mid], spec) <= budget:
                lo = mid
            else:
                hi = mid - 1
        return text[:lo].rstrip() + ellipsis

    def _wrap_paragraph(self, text: str, spec: FontSpec, width: float) -> list[str]:
        if not text:
            return [""]
        layout = QTextLayout(text, self.font(spec))
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        layout.setTextOption(option)
        layout.beginLayout()
        lines: list[str] = []
        limit = width * self.SCALE
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(limit)
            start, length = line.textStart(), line.textLength()
            lines.append(text[start : start + length].strip())
        layout.endLayout()
        # Guard: a line Qt could not break further (one glyph wider than the box) is elided.
        return [ln if self.width(ln, spec) <= width + 0.01 else self.elide(ln, spec, width) for ln in lines]

    def text_box(
        self,
        text: str,
        spec: FontSpec,
        x: float,
        y: float,
        width: float,
        *,
        align: Align = Align.LEFT,
        max_lines: int | None = None,
        color: str = "#222222",
        strike: bool = False,
    ) -> TextBox:
        """Lay out `text` in a column `width` wide with its top at `y`; return the tight box."""
        lines = tuple(self.wrap(text, spec, width, max_lines))
        widths = tuple(self.width(line, spec) for line in lines)
        natural = max(widths, default=0.0)
        if align is Align.LEFT:
            left = x
        elif align is Align.RIGHT:
            left = x + width - natural
        else:
            left = x + (width - natural) / 2
        lh = self.line_height(spec)
        rect = QRectF(left, y, natural, lh * len(lines))
        return TextBox(rect, lines, widths, spec, lh, align, color, strike)

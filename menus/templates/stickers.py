"""`stickers-a4`: product labels on a common A4 sticker sheet (3 × 8 labels of 70 × 37 mm).

One label per product spec (the 1L and the 2L bottle each get their own price), each
with the product's QR code, name, spec, price and member price. Content keeps clear of
the label edges and at least 5 mm from the sheet edges, which laser printers cannot reach.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRectF

from menus.layout import Align, Box, Document, FontSpec, QrBox, TextBox, mm
from menus.model import MenuItem, Spec
from menus.money import format_fen, shown_price
from menus.templates.common import A4, ACCENT, INK, MUTED, Job, move, new_page
from menus.urls import product_url

F_NAME = FontSpec(9, bold=True)
F_SPEC = FontSpec(8)
F_PRICE = FontSpec(13, bold=True)
F_MEMBER = FontSpec(7.5)
F_SHOP = FontSpec(6.5)


@dataclass(frozen=True, slots=True)
class Sheet:
    """A sticker sheet: label grid and position in millimetres."""

    cols: int = 3
    rows: int = 8
    label_w: float = 70.0
    label_h: float = 37.0
    top: float = 0.5
    left: float = 0.0
    gap_x: float = 0.0
    gap_y: float = 0.0
    padding: float = 3.0
    sheet_safe: float = 5.0
    qr_side: float = 26.0

    @property
    def per_page(self) -> int:
        """Labels per sheet."""
        return self.cols * self.rows


SHEET_70X37 = Sheet()
"""The common 24-up sheet (3 × 8, 70 × 37 mm)."""


def layout(job: Job, sheet: Sheet = SHEET_70X37) -> Document:
    """As many sheets as the labels need, filled row by row."""
    doc = Document(f"{job.shop.name} · 商品贴纸")
    labels = [(item, spec) for item in job.menu.items() for spec in item.specs]
    for start in range(0, len(labels), sheet.per_page):
        job.check()
        page = new_page(*A4, sheet.sheet_safe)
        for slot, (item, spec) in enumerate(labels[start : start + sheet.per_page]):
            row, col = divmod(slot, sheet.cols)
            x = sheet.left + col * (sheet.label_w + sheet.gap_x)
            y = sheet.top + row * (sheet.label_h + sheet.gap_y)
            label = QRectF(mm(x), mm(y), mm(sheet.label_w), mm(sheet.label_h))
            content = label.adjusted(
                mm(sheet.padding), mm(sheet.padding), -mm(sheet.padding), -mm(sheet.padding)
            )
            content = content.intersected(page.printable)
            for box in _label(job, item, spec, content, sheet):
                page.add(box)
        doc.pages.append(page)
    return doc


def _label(job: Job, item: MenuItem, spec: Spec, content: QRectF, sheet: Sheet) -> list[Box]:
    """The QR code on the left, the texts on the right; shorter names when space is short."""
    side = min(mm(sheet.qr_side), content.height())
    qr = QrBox(
        QRectF(content.left(), content.center().y() - side / 2, side, side),
        product_url(job.shop, item.product_id),
    )
    x = content.left() + side + mm(1.5)
    w = content.right() - x
    for name_lines, with_shop in ((3, True), (2, True), (2, False), (1, False)):
        texts = _texts(job, item, spec, x, content.top() + mm(0.5), w, name_lines, with_shop)
        if texts[-1].rect.bottom() <= content.bottom():
            break
    bottom = texts[-1].rect.bottom()
    dy = max(0.0, (content.bottom() - bottom) / 2)  # centre the texts beside the QR code
    return [qr, *(move(t, 0, dy) for t in texts)]


def _texts(
    job: Job, item: MenuItem, spec: Spec, x: float, y: float, w: float, name_lines: int, with_shop: bool
) -> list[TextBox]:
    ts = job.ts
    out = [ts.text_box(item.name, F_NAME, x, y, w, max_lines=name_lines, color=INK)]
    if spec.name:
        out.append(
            ts.text_box(spec.name, F_SPEC, x, out[-1].rect.bottom() + mm(0.3), w, max_lines=1, color=MUTED)
        )
    price = shown_price(spec.price_fen, item.unit, spec.market_price)
    out.append(ts.text_box(price, F_PRICE, x, out[-1].rect.bottom() + mm(0.3), w, max_lines=1, color=ACCENT))
    if spec.member_price_fen is not None:
        member = f"会员 {format_fen(spec.member_price_fen)}"
        out.append(ts.text_box(member, F_MEMBER, x, out[-1].rect.bottom(), w, max_lines=1, color="#a35f00"))
    if with_shop:
        out.append(
            ts.text_box(
                job.shop.name,
                F_SHOP,
                x,
                out[-1].rect.bottom() + mm(0.6),
                w,
                max_lines=1,
                color=MUTED,
                align=Align.LEFT,
            )
        )
    return out

"""`a4`: a multi-page A4 menu. Shop header with the menu QR on page 1, sections that
flow across pages (a heading is never left alone at the bottom of a page, a section
that continues gets a "（续）" heading), prices per spec, member prices, sold-out marks,
spicy level and allergens, and "第 1 / 3 页" page numbers.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, QRectF

from menus.layout import Align, Box, ChiliBox, Document, FillBox, FontSpec, ImageBox, Page, QrBox, RuleBox, mm
from menus.model import MenuItem
from menus.money import format_fen, shown_price
from menus.templates.common import (
    A4,
    ACCENT,
    INK,
    MUTED,
    RED,
    SOLD_OUT_GREY,
    Job,
    allergen_icon,
    move,
    new_page,
    spicy_label,
)
from menus.urls import menu_url

MARGIN = 12.0  # mm, safe for every A4 laser printer
FOOTER = mm(8)
MEMBER = "#a35f00"

F_SHOP = FontSpec(22, bold=True)
F_MENU = FontSpec(13, bold=True)
F_INFO = FontSpec(9)
F_RUNNING = FontSpec(9)
F_SECTION = FontSpec(14, bold=True)
F_NAME = FontSpec(11.5, bold=True)
F_BADGE = FontSpec(8, bold=True)
F_TAG = FontSpec(8)
F_DESC = FontSpec(8.5)
F_SPEC = FontSpec(9.5)
F_PRICE = FontSpec(11, bold=True)
F_MEMBER = FontSpec(8.5)
F_PAGE = FontSpec(9)
F_SCAN = FontSpec(8, bold=True)

SPEC_W, PRICE_W, MEMBER_W, GAP = mm(17), mm(21), mm(21), mm(2)
PRICE_COL = SPEC_W + PRICE_W + MEMBER_W + 2 * GAP
THUMB = mm(16)


@dataclass
class Block:
    """Boxes laid out from y = 0, and their height."""

    boxes: list[Box] = field(default_factory=list)
    height: float = 0.0

    def place(self, page: Page, y: float) -> None:
        """Move the boxes down by `y` and put them on `page`."""
        for box in self.boxes:
            page.add(move(box, 0, y))


def layout(job: Job) -> Document:
    """Lay out the whole menu on as many A4 pages as it needs."""
    return _A4Flow(job).run()


class _A4Flow:
    def __init__(self, job: Job) -> None:
        self.job = job
        self.ts = job.ts
        probe = new_page(*A4, MARGIN)
        self.left = probe.printable.left()
        self.right = probe.printable.right()
        self.width = probe.printable.width()
        self.bottom = probe.printable.bottom() - FOOTER
        self.doc = Document(f"{job.shop.name} · {job.menu.name}")
        self.page: Page = probe
        self.y = 0.0

    def run(self) -> Document:
        self._new_page()
        for section in self.job.menu.sections:
            if not section.items:
                continue
            self.job.check()
            for index, item in enumerate(section.items):
                block = self._item(item)
                heading = self._heading(section.title) if index == 0 else None
                need = block.height + (heading.height if heading else 0)
                if self.y + need > self.bottom:
                    self._new_page()
                    if heading is None:
                        heading = self._heading(f"{section.title}（续）")
                if heading is not None:
                    heading.place(self.page, self.y)
                    self.y += heading.height
                block.place(self.page, self.y)
                self.y += block.height
        self._page_numbers()
        return self.doc

    # pages -----------------------------------------------------------------------------
    def _new_page(self) -> None:
        self.page = new_page(*A4, MARGIN)
        self.doc.pages.append(self.page)
        top = self.page.printable.top()
        block = self._first_header() if len(self.doc.pages) == 1 else self._running_header()
        block.place(self.page, top)
        self.y = top + block.height

    def _first_header(self) -> Block:
        ts, shop, b = self.ts, self.job.shop, Block()
        qr_side = mm(26)  # the code itself stays >= 20 mm
        x = self.left
        if shop.logo:
            b.boxes.append(ImageBox(QRectF(x, 0, mm(20), mm(20)), shop.logo))
            x += mm(24)
        text_w = self.right - qr_side - mm(6) - x
        name = ts.text_box(shop.name, F_SHOP, x, 0, text_w, max_lines=2, color=ACCENT)
        menu = ts.text_box(
            self.job.menu.name, F_MENU, x, name.rect.bottom() + mm(1), text_w, max_lines=2, color=INK
        )
        info = " · ".join(
            part
            for part in (
                f"地址：{shop.address}" if shop.address else "",
                f"电话：{shop.phone}" if shop.phone else "",
                f"营业时间：{shop.opening_hours}" if shop.opening_hours else "",
            )
            if part
        )
        b.boxes += [name, menu]
        bottom = menu.rect.bottom()
        if info:
            info_box = ts.text_box(info, F_INFO, x, bottom + mm(1.5), text_w, max_lines=3, color=MUTED)
            b.boxes.append(info_box)
            bottom = info_box.rect.bottom()
        qr_x = self.right - qr_side
        b.boxes.append(QrBox(QRectF(qr_x, 0, qr_side, qr_side), menu_url(shop, self.job.menu)))
        scan = ts.text_box(
            "扫码点餐", F_SCAN, qr_x, qr_side + mm(0.5), qr_side, align=Align.CENTER, color=ACCENT
        )
        b.boxes.append(scan)
        bottom = max(bottom, scan.rect.bottom(), mm(20) if shop.logo else 0)
        rule_y = bottom + mm(2)
        b.boxes.append(RuleBox(QPointF(self.left, rule_y), QPointF(self.right, rule_y), ACCENT, 1.2))
        b.height = rule_y + mm(3)
        return b

    def _running_header(self) -> Block:
        b = Block()
        text = f"{self.job.shop.name} · {self.job.menu.name}"
        box = self.ts.text_box(text, F_RUNNING, self.left, 0, self.width, max_lines=1, color=MUTED)
        rule_y = box.rect.bottom() + mm(1.5)
        b.boxes += [box, RuleBox(QPointF(self.left, rule_y), QPointF(self.right, rule_y), "#c9d3d8", 0.6)]
        b.height = rule_y + mm(2)
        return b

    def _page_numbers(self) -> None:
        total = len(self.doc.pages)
        for number, page in enumerate(self.doc.pages, start=1):
            lh = self.ts.line_height(F_PAGE)
            y = page.printable.bottom() - lh
            page.add(
                self.ts.text_box(
                    f"第 {number} / {total} 页",
                    F_PAGE,
                    self.left,
                    y,
                    self.width,
                    align=Align.CENTER,
                    color=MUTED,
                )
            )

    # blocks ----------------------------------------------------------------------------
    def _heading(self, title: str) -> Block:
        b = Block()
        top = mm(4)
        box = self.ts.text_box(
            title, F_SECTION, self.left + mm(3), top, self.width - mm(3), max_lines=2, color=ACCENT
        )
        b.boxes.append(FillBox(QRectF(self.left, top, mm(1.2), box.rect.height()), fill=ACCENT))
        b.boxes.append(box)
        rule_y = box.rect.bottom() + mm(1)
        b.boxes.append(RuleBox(QPointF(self.left, rule_y), QPointF(self.right, rule_y), "#b9c9d0", 0.8))
        b.height = rule_y + mm(0.5)
        return b

    def _item(self, item: MenuItem) -> Block:
        ts, b = self.ts, Block()
        pad = mm(2)
        grey = item.sold_out
        x = self.left
        if item.image:
            b.boxes.append(ImageBox(QRectF(x, pad, THUMB, THUMB), item.image))
            x += THUMB + mm(3)
        col_w = self.right - PRICE_COL - mm(4) - x
        name = ts.text_box(
            item.name, F_NAME, x, pad, col_w, max_lines=3, color=SOLD_OUT_GREY if grey else INK, strike=grey
        )
        b.boxes.append(name)
        y = self._badges(b, item, x, name.rect.bottom() + mm(0.8), col_w)
        if item.description:
            desc = ts.text_box(item.description, F_DESC, x, y + mm(0.5), col_w, max_lines=3, color=MUTED)
            b.boxes.append(desc)
            y = desc.rect.bottom()
        left_bottom = max(y, pad + THUMB if item.image else 0.0)
        right_bottom = self._prices(b, item, pad)
        b.height = max(left_bottom, right_bottom) + pad
        b.boxes.append(
            RuleBox(QPointF(self.left, b.height), QPointF(self.right, b.height), "#e3e7e9", 0.5, dashed=True)
        )
        return b

    def _badges(self, b: Block, item: MenuItem, x0: float, y: float, width: float) -> float:
        """Flow the sold-out badge, chili marks and allergen tag; return the bottom."""
        ts = self.ts
        lh = ts.line_height(F_TAG)
        pieces: list[tuple[float, list[Box]]] = []
        if item.sold_out:
            text = ts.text_box("已售罄", F_BADGE, mm(1.2), 0, width, color="#ffffff")
            w = text.rect.width() + mm(2.4)
            pieces.append((w, [FillBox(QRectF(0, 0, w, lh), fill=RED, radius=mm(0.8)), text]))
        if item.spicy_level:
            size = lh * 0.9
            chili_w = size * (0.8 * (item.spicy_level - 1) + 0.85)
            text = ts.text_box(spicy_label(item.spicy_level), F_TAG, chili_w + mm(0.8), 0, width, color=RED)
            pieces.append(
                (text.rect.right(), [ChiliBox(QRectF(0, lh * 0.05, chili_w, size), item.spicy_level), text])
            )
        for code in item.allergens:  # a round icon per allergen, then its name
            glyph, colour, label = allergen_icon(code)
            icon = ts.text_box(glyph, F_BADGE, 0, 0, lh, color="#ffffff", align=Align.CENTER)
            name = ts.text_box(label, F_TAG, lh + mm(0.6), 0, width - lh, color=MUTED)
            pieces.append((name.rect.right(), [FillBox(QRectF(0, 0, lh, lh), fill=colour, radius=lh / 2), icon, name]))
        if not pieces:
            return y - mm(0.8)
        cx, row_bottom = x0, y
        for w, boxes in pieces:
            if cx > x0 and cx + w > x0 + width:
                cx, y = x0, row_bottom + mm(0.8)
            for box in boxes:
                move(box, cx, y)
                b.boxes.append(box)
                row_bottom = max(row_bottom, box.rect.bottom())
            cx += w + mm(2.5)
        return row_bottom

    def _prices(self, b: Block, item: MenuItem, top: float) -> float:
        """Lay out one row per spec in the price column; return the bottom."""
        ts = self.ts
        x = self.right - PRICE_COL
        y = top
        grey = item.sold_out
        for spec in item.specs:
            cells = [
                ts.text_box(
                    shown_price(spec.price_fen, item.unit, spec.market_price),
                    F_PRICE,
                    x + SPEC_W + GAP,
                    y,
                    PRICE_W,
                    align=Align.RIGHT,
                    max_lines=2,
                    color=SOLD_OUT_GREY if grey else ACCENT,
                    strike=grey,
                ),
            ]
            if spec.name:
                color = SOLD_OUT_GREY if grey else INK
                cells.append(ts.text_box(spec.name, F_SPEC, x, y, SPEC_W, max_lines=2, color=color))
            if spec.member_price_fen is not None:
                cells.append(
                    ts.text_box(
                        f"会员 {format_fen(spec.member_price_fen)}",
                        F_MEMBER,
                        x + SPEC_W + PRICE_W + 2 * GAP,
                        y + (ts.line_height(F_PRICE) - ts.line_height(F_MEMBER)) / 2,
                        MEMBER_W,
                        align=Align.RIGHT,
                        max_lines=2,
                        color=SOLD_OUT_GREY if grey else MEMBER,
                        strike=grey,
                    )
                )
            b.boxes += cells
            y = max(c.rect.bottom() for c in cells) + mm(0.6)
        return y

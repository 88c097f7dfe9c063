"""`tent-a5`: table tents. One A4 sheet per table, folded along the middle into two
A5-landscape faces; the upper face is printed upside down so both read upright once
the sheet stands as a tent. Each face: a large QR, the table name, the shop name and
"扫码点餐 Scan to order".
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF

from menus.layout import Align, Box, Document, FillBox, FontSpec, QrBox, RuleBox, TextBox, mm, rotate_box_180
from menus.model import Table
from menus.templates.common import A4, ACCENT, AMBER, INK, MUTED, Job, move, new_page
from menus.urls import table_url

MARGIN = 10.0  # mm from every edge of the sheet, and from the fold
QR_SIDE = 72.0  # mm including the quiet zone: the code itself is about 57 mm wide

F_TABLE = FontSpec(64, bold=True)
F_AREA = FontSpec(14)
F_SCAN = FontSpec(24, bold=True)
F_SCAN_EN = FontSpec(13)
F_SHOP = FontSpec(16, bold=True)
F_HINT = FontSpec(10)


def layout(job: Job) -> Document:
    """One page per table: the lower face upright, the upper face upside down."""
    doc = Document(f"{job.shop.name} · 桌牌")
    for table in job.tables:
        job.check()
        page = new_page(*A4, MARGIN)
        half = page.size.height() / 2
        lower = QRectF(
            mm(MARGIN), half + mm(MARGIN), page.size.width() - 2 * mm(MARGIN), half - 2 * mm(MARGIN)
        )
        for box in _face(job, table, lower):
            page.add(box)
        for box in _face(job, table, lower):  # the same face turned over the fold
            page.add(rotate_box_180(box, QPointF(page.size.width() / 2, half)))
        page.add(
            RuleBox(
                QPointF(mm(4), half), QPointF(page.size.width() - mm(4), half), "#b0b0b0", 0.5, dashed=True
            )
        )
        doc.pages.append(page)
    return doc


def _face(job: Job, table: Table, face: QRectF) -> list[Box]:
    """The boxes of one face inside `face` (upright): a band with the shop name, then the
    QR code on the left and the table name with the call to scan on the right."""
    ts = job.ts
    band_h = mm(15)
    band = FillBox(QRectF(face.left(), face.top(), face.width(), band_h), fill=ACCENT, radius=mm(2))
    shop = ts.text_box(
        job.shop.name,
        F_SHOP,
        face.left() + mm(6),
        0,
        face.width() - mm(12),
        align=Align.CENTER,
        max_lines=1,
        color="#ffffff",
    )
    move(shop, 0, face.top() + (band_h - shop.rect.height()) / 2)
    boxes: list[Box] = [band, shop]
    body_top = face.top() + band_h + mm(4)
    side = mm(QR_SIDE)
    qr_top = body_top + (face.bottom() - body_top - side) / 2
    boxes.append(QrBox(QRectF(face.left(), qr_top, side, side), table_url(job.shop, job.menu, table)))
    x = face.left() + side + mm(8)
    w = face.right() - x
    column: list[TextBox] = [
        ts.text_box(table.name, F_TABLE, x, 0, w, align=Align.CENTER, max_lines=1, color=ACCENT)
    ]
    if table.area:
        column.append(
            ts.text_box(
                table.area,
                F_AREA,
                x,
                column[-1].rect.bottom(),
                w,
                align=Align.CENTER,
                max_lines=1,
                color=MUTED,
            )
        )
    scan = ts.text_box(
        "扫码点餐", F_SCAN, x, column[-1].rect.bottom() + mm(6), w, align=Align.CENTER, max_lines=1, color=INK
    )
    column.append(scan)
    column.append(
        ts.text_box(
            "Scan to order", F_SCAN_EN, x, scan.rect.bottom(), w, align=Align.CENTER, max_lines=1, color=MUTED
        )
    )
    rule_y = column[-1].rect.bottom() + mm(4)
    hint = "微信 / 支付宝扫一扫，看菜单、直接下单"
    column.append(
        ts.text_box(hint, F_HINT, x, rule_y + mm(3), w, align=Align.CENTER, max_lines=2, color=MUTED)
    )
    height = column[-1].rect.bottom()
    dy = body_top + (face.bottom() - body_top - height) / 2
    boxes += [move(b, 0, dy) for b in column]
    boxes.append(RuleBox(QPointF(x + w * 0.3, rule_y + dy), QPointF(x + w * 0.7, rule_y + dy), AMBER, 1.5))
    return boxes

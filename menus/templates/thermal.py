"""`thermal-58` and `thermal-80`: the menu on a continuous receipt strip (48 mm or 72 mm
printable width), black only, one long page as tall as the content, ending with the
menu QR code. Very long menus continue on further pages of at most MAX_PAGE_MM.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSizeF

from menus.layout import Align, Box, Document, FontSpec, Page, QrBox, RuleBox, TextBox, mm
from menus.model import MenuItem, Spec
from menus.money import format_fen, shown_price
from menus.templates.common import Job, allergen_text, move, spicy_label
from menus.urls import menu_url

BLACK = "#000000"
TOP, BOTTOM = 3.0, 10.0  # mm; the bottom leaves room for the tear bar
MAX_PAGE_MM = 1500.0


@dataclass(frozen=True, slots=True)
class Roll:
    """A receipt paper roll: paper width, printable width, font scale and QR size (mm)."""

    paper: float
    printable: float
    scale: float
    qr: float


ROLL_58 = Roll(paper=58.0, printable=48.0, scale=1.0, qr=34.0)
ROLL_80 = Roll(paper=80.0, printable=72.0, scale=1.15, qr=42.0)


def layout_58(job: Job) -> Document:
    """The menu on 58 mm paper."""
    return layout(job, ROLL_58)


def layout_80(job: Job) -> Document:
    """The menu on 80 mm paper."""
    return layout(job, ROLL_80)


def layout(job: Job, roll: Roll) -> Document:
    """Stack header, items and the QR footer; cut pages to fit their content."""
    ts, k = job.ts, roll.scale
    f = {
        "shop": FontSpec(13 * k, bold=True),
        "menu": FontSpec(10 * k, bold=True),
        "info": FontSpec(7.5 * k),
        "section": FontSpec(10 * k, bold=True),
        "name": FontSpec(9 * k, bold=True),
        "spec": FontSpec(8.5 * k),
        "price": FontSpec(9 * k, bold=True),
        "tag": FontSpec(7.5 * k),
    }
    left = mm((roll.paper - roll.printable) / 2)
    width = mm(roll.printable)
    blocks: list[tuple[list[Box], float]] = []

    def text(s: str, spec: FontSpec, y: float, **kw: object) -> TextBox:
        return ts.text_box(s, spec, left, y, width, color=BLACK, **kw)  # type: ignore[arg-type]

    def rule(y: float) -> RuleBox:
        return RuleBox(QPointF(left, y), QPointF(left + width, y), BLACK, 0.6, dashed=True)

    # header
    shop = job.shop
    head: list[Box] = [text(shop.name, f["shop"], 0, align=Align.CENTER, max_lines=2)]
    head.append(
        text(job.menu.name, f["menu"], head[-1].rect.bottom() + mm(1), align=Align.CENTER, max_lines=2)
    )
    for info in (
        shop.address,
        shop.phone and f"电话 {shop.phone}",
        shop.opening_hours and f"营业 {shop.opening_hours}",
    ):
        if info:
            head.append(text(info, f["info"], head[-1].rect.bottom(), align=Align.CENTER, max_lines=3))
    y = head[-1].rect.bottom() + mm(2)
    head.append(rule(y))
    blocks.append((head, y + mm(1)))

    for section in job.menu.sections:
        job.check()
        if not section.items:
            continue
        title = text(f"【{section.title}】", f["section"], mm(1.5), max_lines=2)
        first = _item(job, section.items[0], left, width, f, title.rect.bottom() + mm(1))
        blocks.append(([title, *first[0]], first[1]))
        for item in section.items[1:]:
            blocks.append(_item(job, item, left, width, f, 0))

    # footer: the menu QR code
    side = mm(roll.qr)
    foot: list[Box] = [rule(mm(2))]
    foot.append(QrBox(QRectF(left + (width - side) / 2, mm(4), side, side), menu_url(shop, job.menu)))
    foot.append(
        text("扫码点餐 Scan to order", f["menu"], mm(4) + side + mm(0.5), align=Align.CENTER, max_lines=2)
    )
    blocks.append((foot, foot[-1].rect.bottom()))
    return _paginate(job, roll, blocks)


def _item(
    job: Job, item: MenuItem, left: float, width: float, f: dict[str, FontSpec], top: float
) -> tuple[list[Box], float]:
    """Name, one row per spec (name left, price right), then the tags; and the height."""
    ts = job.ts
    pad = mm(1)
    price_w = width * 0.55
    specs = list(item.specs)
    out: list[Box] = []
    if len(specs) == 1 and not specs[0].name:
        # One price, no spec name: the price goes on the name's first line.
        price = ts.text_box(
            _price(item, specs[0]),
            f["price"],
            left + width - price_w,
            top + pad,
            price_w,
            align=Align.RIGHT,
            max_lines=2,
            color=BLACK,
            strike=item.sold_out,
        )
        name_w = width - price.rect.width() - mm(2)
        out.append(
            ts.text_box(
                item.name, f["name"], left, top + pad, name_w, max_lines=3, color=BLACK, strike=item.sold_out
            )
        )
        out.append(price)
        y = max(b.rect.bottom() for b in out)
        specs = []
    else:
        out.append(
            ts.text_box(
                item.name, f["name"], left, top + pad, width, max_lines=3, color=BLACK, strike=item.sold_out
            )
        )
        y = out[-1].rect.bottom()
    for spec in specs:
        cells = [
            ts.text_box(
                _price(item, spec),
                f["price"],
                left + width - price_w,
                y,
                price_w,
                align=Align.RIGHT,
                max_lines=2,
                color=BLACK,
                strike=item.sold_out,
            ),
        ]
        if spec.name:
            name_w = width - price_w - mm(3)
            cells.append(ts.text_box(spec.name, f["spec"], left + mm(2), y, name_w, max_lines=2, color=BLACK))
        out += cells
        y = max(c.rect.bottom() for c in cells)
    tags = " ".join(
        t
        for t in ("[已售罄]" if item.sold_out else "", spicy_label(item.spicy_level), allergen_text(item))
        if t
    )
    if tags:
        out.append(ts.text_box(tags, f["tag"], left + mm(2), y, width - mm(2), max_lines=3, color=BLACK))
        y = out[-1].rect.bottom()
    return out, y + pad


def _price(item: MenuItem, spec: Spec) -> str:
    """'¥38/份 会员¥32'."""
    text = shown_price(spec.price_fen, item.unit, spec.market_price)
    if spec.member_price_fen is not None:
        text += f" 会员{format_fen(spec.member_price_fen)}"
    return text


def _paginate(job: Job, roll: Roll, blocks: list[tuple[list[Box], float]]) -> Document:
    """Stack blocks onto strips no longer than MAX_PAGE_MM, each cut to its content."""
    doc = Document(f"{job.shop.name} · {job.menu.name}")
    limit = mm(MAX_PAGE_MM - TOP - BOTTOM)
    pages: list[tuple[list[Box], float]] = [([], 0.0)]
    for boxes, height in blocks:
        placed, y = pages[-1]
        if y + height > limit and placed:
            pages.append(([], 0.0))
            placed, y = pages[-1]
        placed.extend(move(b, 0, mm(TOP) + y) for b in boxes)
        pages[-1] = (placed, y + height)
    margin = (roll.paper - roll.printable) / 2
    for boxes, height in pages:
        size = QSizeF(mm(roll.paper), mm(TOP) + height + mm(BOTTOM))
        printable = QRectF(mm(margin), mm(TOP), mm(roll.printable), height)
        doc.pages.append(Page(size, printable, list(boxes)))
    return doc

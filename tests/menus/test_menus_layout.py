"""Geometry: every text box stays inside the printable area and overlaps no other text
or QR code; long menus flow over pages with numbered pages and no orphaned headings."""

from __future__ import annotations

import itertools

import pytest
from PySide6.QtCore import QRectF

from menus.layout import Document, QrBox, TextBox, mm
from menus.model import Menu, MenuItem, Section, Shop, Spec, Table
from menus.render import layout_document
from menus.samples import big_menu
from menus.templates import TEMPLATES, a4

EPS = 0.01  # points


def _inside(inner: QRectF, outer: QRectF) -> bool:
    return outer.adjusted(-EPS, -EPS, EPS, EPS).contains(inner)


def _overlap(a: QRectF, b: QRectF) -> bool:
    return a.adjusted(EPS, EPS, -EPS, -EPS).intersects(b.adjusted(EPS, EPS, -EPS, -EPS))


def assert_clean(doc: Document) -> None:
    """No text or QR leaves the printable area; no two of them overlap on a page."""
    assert doc.pages
    for index, page in enumerate(doc.pages):
        boxes = [b for b in page.boxes if isinstance(b, TextBox | QrBox)]
        for box in boxes:
            label = box.text if isinstance(box, TextBox) else box.data
            assert _inside(box.rect, page.printable), (index, label, box.rect, page.printable)
            assert label.strip(), (index, "an empty text box", box.rect)
        for a, b in itertools.combinations(boxes, 2):
            la = a.text if isinstance(a, TextBox) else a.data
            lb = b.text if isinstance(b, TextBox) else b.data
            assert not _overlap(a.rect, b.rect), (index, la, lb, a.rect, b.rect)


def _hostile_menu() -> Menu:
    """Names and texts that try to break the layout."""
    long_latin = "Supercalifragilisticexpialidocious-Tsingtao-Draft-Beer-Unfiltered-1903"
    items = (
        MenuItem(
            "h1",
            "辣" * 80,
            (Spec("超大份" * 6, 999999, 888888),),
            "描述" * 60,
            spicy_level=3,
            allergens=(
                "shellfish",
                "crustacean",
                "fish",
                "gluten",
                "peanut",
                "dairy",
                "egg",
                "soy",
                "alcohol",
            ),
        ),
        MenuItem("h2", long_latin, (Spec(long_latin, 100),), long_latin * 3, sold_out=True),
        MenuItem("h3", "<script>alert(1)</script>", tuple(Spec(f"{i}L", 1000 * i) for i in range(1, 7))),
    )
    return Menu("h", "测试" * 30, "hostile", (Section("很长的分类名称" * 10, items), Section("空", ())))


@pytest.mark.parametrize("template", list(TEMPLATES))
def test_sample_layout_is_clean(template: str, shop: Shop, menu: Menu, tables: list[Table]) -> None:
    assert_clean(layout_document(template, shop, menu, tables))


@pytest.mark.parametrize("template", list(TEMPLATES))
def test_hostile_texts_stay_inside(template: str, tables: list[Table]) -> None:
    shop = Shop(
        "登州路" * 20,
        address="青岛市市北区" * 10,
        phone="0532-" * 10,
        opening_hours="全天" * 20,
        local_id="L",
    )
    long_tables = [Table("t", "VIP包间" * 8, "VIP-1", "二楼" * 20), *tables]
    assert_clean(layout_document(template, shop, _hostile_menu(), long_tables))


@pytest.mark.parametrize("template", list(TEMPLATES))
def test_big_menu_layout_is_clean(template: str, shop: Shop, tables: list[Table]) -> None:
    assert_clean(layout_document(template, shop, big_menu(100), tables))


def test_hundred_items_flow_over_numbered_pages(shop: Shop) -> None:
    menu = big_menu(100)
    doc = layout_document("a4", shop, menu)
    n = len(doc.pages)
    assert n >= 3
    for number, page in enumerate(doc.pages, start=1):
        assert f"第 {number} / {n} 页" in [b.text for b in page.text_boxes()]
    names = [
        b.text.replace("\n", "")
        for b in doc.pages[0].text_boxes() + [x for p in doc.pages[1:] for x in p.text_boxes()]
    ]
    assert all(item.name in names for item in menu.items())


def test_a4_headings_never_orphaned(shop: Shop) -> None:
    doc = layout_document("a4", shop, big_menu(100, per_section=7))
    continued = 0
    for page in doc.pages:
        texts = page.text_boxes()
        headings = [b for b in texts if b.font == a4.F_SECTION]
        names = [b for b in texts if b.font == a4.F_NAME]
        continued += sum("（续）" in h.text for h in headings)
        for heading in headings:  # an item follows every heading on the same page
            assert any(n.rect.top() > heading.rect.bottom() for n in names), heading.text
    assert continued >= 1  # a section went over a page and got its "（续）" heading


def test_tent_qr_is_large_and_faces_are_mirrored(shop: Shop, menu: Menu, tables: list[Table]) -> None:
    doc = layout_document("tent-a5", shop, menu, tables)
    assert len(doc.pages) == len(tables)
    for page in doc.pages:
        qrs = [b for b in page.boxes if isinstance(b, QrBox)]
        assert len(qrs) == 2 and sorted(q.rotated for q in qrs) == [False, True]
        for q in qrs:
            assert q.rect.width() >= mm(25)
        # the upside-down face is the upright one turned about the page centre
        upright, turned = sorted(qrs, key=lambda q: q.rotated)
        c = page.size.width() / 2, page.size.height() / 2
        assert abs((upright.rect.center().x() + turned.rect.center().x()) / 2 - c[0]) < 0.01
        assert abs((upright.rect.center().y() + turned.rect.center().y()) / 2 - c[1]) < 0.01


def test_thermal_strip_fits_content_and_width(shop: Shop, menu: Menu) -> None:
    for template, paper, printable in (("thermal-58", 58, 48), ("thermal-80", 80, 72)):
        doc = layout_document(template, shop, menu)
        assert len(doc.pages) == 1
        page = doc.pages[0]
        assert abs(page.size.width() - mm(paper)) < 0.01
        assert abs(page.printable.width() - mm(printable)) < 0.01
        assert page.printable.left() >= mm(2)
        bottom = max(b.rect.bottom() for b in page.boxes if isinstance(b, TextBox | QrBox))
        assert page.size.height() - bottom <= mm(12)  # cut right after the content


def test_stickers_grid_three_by_eight(shop: Shop) -> None:
    doc = layout_document("stickers-a4", shop, big_menu(30))
    labels = sum(len(i.specs) for i in big_menu(30).items())
    qrs = [q for _, q in doc.qr_boxes()]
    assert len(qrs) == labels and len(doc.pages) == -(-labels // 24)
    assert len({round(q.rect.left()) for q in qrs}) == 3
    assert all(q.rect.width() >= mm(20) for q in qrs)


def test_a4_margins_are_printer_safe(shop: Shop, menu: Menu) -> None:
    page = layout_document("a4", shop, menu).pages[0]
    p = page.printable
    assert min(p.left(), p.top(), page.size.width() - p.right(), page.size.height() - p.bottom()) >= mm(8)


def test_a4_draws_a_round_icon_per_allergen(shop: Shop) -> None:
    from menus.layout import FillBox

    item = MenuItem("p1", "椒盐皮皮虾", (Spec("一斤", 8800),), allergens=("crustacean", "gluten", "mystery"))
    doc = layout_document("a4", shop, Menu("m", "菜单", "m", (Section("海鲜", (item,)),)))
    page = doc.pages[0]
    icons = [b for b in page.boxes if isinstance(b, FillBox) and b.radius and abs(b.radius * 2 - b.rect.height()) < 0.01]
    assert len(icons) == 3
    texts = [b.text for b in page.text_boxes()]
    for glyph, label in (("虾", "甲壳类"), ("麦", "麸质"), ("m", "mystery")):
        assert glyph in texts and label in texts
    for icon in icons:  # each glyph sits inside its icon
        assert any(icon.rect.contains(b.rect.center()) for b in page.text_boxes() if len(b.text) == 1)

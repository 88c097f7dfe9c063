"""Every template rendered to a real PDF and checked with real tools: zbarimg decodes
every QR code to exactly the expected URL, pdftotext finds every name and price, and
pdffonts shows every font embedded."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from menus.model import Menu, Shop, Table
from menus.money import format_fen
from menus.render import layout_document, render_pdf
from menus.templates import TEMPLATES
from menus.urls import menu_url, product_url, table_url


def _flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def expected_qr(template: str, shop: Shop, menu: Menu, tables: list[Table]) -> list[list[str]]:
    """The URLs each page must carry, sorted per page."""
    if template == "a4":
        return [[menu_url(shop, menu)], []]
    if template == "tent-a5":
        return [[table_url(shop, menu, t)] * 2 for t in tables]
    if template == "stickers-a4":
        return [sorted(product_url(shop, i.product_id) for i in menu.items() for _ in i.specs)]
    return [[menu_url(shop, menu)]]  # thermal strips: one page, menu QR at the end


@pytest.mark.parametrize("template", list(TEMPLATES))
def test_pdf_qr_codes_decode_to_exact_urls(
    template: str,
    shop: Shop,
    menu: Menu,
    tables: list[Table],
    tmp_path: Path,
    decode_qr: Callable[[Path], list[list[str]]],
) -> None:
    pdf = render_pdf(template, shop, menu, tables, tmp_path / f"{template}.pdf")
    assert decode_qr(pdf) == expected_qr(template, shop, menu, tables)


@pytest.mark.parametrize("template", list(TEMPLATES))
def test_pdf_fonts_are_all_embedded(
    template: str,
    shop: Shop,
    menu: Menu,
    tables: list[Table],
    tmp_path: Path,
    pdf_fonts: Callable[[Path], list[dict[str, str]]],
) -> None:
    pdf = render_pdf(template, shop, menu, tables, tmp_path / f"{template}.pdf")
    fonts = pdf_fonts(pdf)
    assert fonts, "no fonts: the text was not written as text"
    assert all(f["emb"] == "yes" for f in fonts), fonts


@pytest.mark.parametrize("template", ["a4", "stickers-a4", "thermal-58", "thermal-80"])
def test_pdf_text_has_every_name_and_price(
    template: str,
    shop: Shop,
    menu: Menu,
    tables: list[Table],
    tmp_path: Path,
    pdf_text: Callable[[Path], str],
) -> None:
    pdf = render_pdf(template, shop, menu, tables, tmp_path / f"{template}.pdf")
    text = _flat(pdf_text(pdf))
    doc = layout_document(template, shop, menu, tables)
    elided = [_flat(t)[:-1] for _, _, t in doc.text_boxes() if t.endswith("…")]
    for item in menu.items():
        name = _flat(item.name)
        if template == "stickers-a4" and name not in text:
            # a sticker may elide a long name: its visible start must be printed
            assert any(name.startswith(prefix) and prefix + "…" in text for prefix in elided), item.name
        else:
            assert name in text, item.name
        for spec in item.specs:
            assert format_fen(spec.price_fen) in text, (item.name, spec)
            if spec.member_price_fen is not None:
                assert format_fen(spec.member_price_fen) in text, (item.name, spec)
    if template != "stickers-a4":
        assert "已售罄" in text and "中辣" in text and "贝类" in text


def test_a4_long_name_wraps_instead_of_eliding(shop: Shop, menu: Menu) -> None:
    from menus.samples import LONG_NAME

    doc = layout_document("a4", shop, menu)
    boxes = [t for _, _, t in doc.text_boxes() if t.replace("\n", "") == LONG_NAME]
    assert len(boxes) == 1 and boxes[0].count("\n") >= 1


def test_tent_pdf_text(
    shop: Shop, menu: Menu, tables: list[Table], tmp_path: Path, pdf_text: Callable[[Path], str]
) -> None:
    pdf = render_pdf("tent-a5", shop, menu, tables, tmp_path / "tent.pdf")
    pages = pdf_text(pdf).split("\f")
    for table, page in zip(tables, pages, strict=False):
        flat = _flat(page)
        assert flat.count(table.name) >= 2 and flat.count(shop.name) >= 2
        assert "扫码点餐" in flat and "Scantoorder" in flat
        assert table.area in flat


def test_a4_pdf_has_page_numbers(
    shop: Shop, menu: Menu, tmp_path: Path, pdf_text: Callable[[Path], str]
) -> None:
    pdf = render_pdf("a4", shop, menu, [], tmp_path / "a4.pdf")
    pages = [p for p in pdf_text(pdf).split("\f") if p.strip()]
    assert [f"第 {i} / {len(pages)} 页" in p for i, p in enumerate(pages, 1)] == [True] * len(pages)


@pytest.mark.parametrize("template", ["a4", "stickers-a4", "thermal-80"])
def test_a_dish_without_a_price_is_printed_at_the_days_price(
    template: str, shop: Shop, menu: Menu, tables: list[Table], tmp_path: Path, pdf_text: Callable[[Path], str]
) -> None:
    """A dish sold at 时价 is imported at 0 until the shop sets its price: never print "¥0"."""
    from dataclasses import replace

    from menus.model import MenuItem, Section, Spec

    shrimp = MenuItem("p-shrimp", "清蒸大虾", (Spec("", 0),), unit="斤")
    # sold at the day's price, with yesterday's price stored: 时价 too, never the stored price
    crab = MenuItem("p-crab", "辣炒梭子蟹", (Spec("", 16800, market_price=True),), unit="斤")
    market = replace(menu, sections=(Section("海鲜", (shrimp, crab)), *menu.sections))
    text = pdf_text(render_pdf(template, shop, market, tables, tmp_path / f"{template}.pdf"))
    assert "清蒸大虾" in text and "时价" in text and "¥0" not in text
    assert "辣炒梭子蟹" in text and text.count("时价") == 2 and "168" not in text

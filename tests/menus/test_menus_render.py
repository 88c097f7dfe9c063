"""Rendering plumbing: progress, cancel, PNG pages, printers, worker threads."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from menus.model import Menu, Shop, Table
from menus.render import layout_document, paint_printer, render_images, render_pdf, render_png
from menus.samples import big_menu
from menus.templates import Cancelled


def test_progress_reports_every_page_and_ends_at_one(shop: Shop, tmp_path: Path) -> None:
    seen: list[tuple[float, str]] = []
    render_pdf("a4", shop, big_menu(60), [], tmp_path / "a4.pdf", progress=lambda f, m: seen.append((f, m)))
    fractions = [f for f, _ in seen]
    assert fractions == sorted(fractions) and fractions[-1] == 1.0
    assert len(seen) == len(layout_document("a4", shop, big_menu(60)).pages) + 1
    assert all(isinstance(m, str) and m for _, m in seen)


def test_cancel_between_pages_leaves_no_file(
    shop: Shop, menu: Menu, tables: list[Table], tmp_path: Path
) -> None:
    cancel = threading.Event()
    out = tmp_path / "tents.pdf"

    def progress(fraction: float, _message: str) -> None:
        if fraction > 0.3:
            cancel.set()

    with pytest.raises(Cancelled):
        render_pdf("tent-a5", shop, menu, tables * 3, out, progress=progress, cancel=cancel)
    assert list(tmp_path.iterdir()) == []


def test_cancel_before_start(shop: Shop, menu: Menu, tmp_path: Path) -> None:
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(Cancelled):
        render_pdf("a4", shop, menu, [], tmp_path / "a4.pdf", cancel=cancel)
    assert not (tmp_path / "a4.pdf").exists()


def test_render_png_pages_at_dpi(shop: Shop, menu: Menu, tables: list[Table], tmp_path: Path) -> None:
    paths = render_png("tent-a5", shop, menu, tables, tmp_path, dpi=100)
    assert [p.name for p in paths] == ["tent-a5-1.png", "tent-a5-2.png", "tent-a5-3.png"]
    image = QImage(str(paths[0]))
    assert (image.width(), image.height()) == (827, 1169)  # A4 at 100 dpi


def test_thermal_png_is_a_narrow_strip(shop: Shop, menu: Menu) -> None:
    (image,) = render_images("thermal-58", shop, menu, dpi=203)  # a typical thermal head
    assert image.width() == round(58 / 25.4 * 203)
    assert image.height() > 4 * image.width()


def test_tents_need_tables(shop: Shop, menu: Menu, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="桌台"):
        render_pdf("tent-a5", shop, menu, [], tmp_path / "x.pdf")
    with pytest.raises(ValueError, match="a4"):
        render_pdf("a5", shop, menu, [], tmp_path / "x.pdf")


def test_paint_on_a_qprinter(shop: Shop, menu: Menu, tmp_path: Path, pdf_text) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtPrintSupport import QPrinter  # the caller (UI) imports QtPrintSupport, not menus

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    paint_printer(printer, layout_document("thermal-80", shop, menu))
    text = pdf_text(tmp_path / "printed.pdf")
    assert "青岛啤酒原浆" in text and "扫码点餐" in text


def test_render_in_a_worker_thread(shop: Shop, tables: list[Table], tmp_path: Path) -> None:
    errors: list[BaseException] = []

    def work() -> None:
        try:
            render_pdf("a4", shop, big_menu(50), tables, tmp_path / "bg.pdf")
            render_png("stickers-a4", shop, big_menu(10), tables, tmp_path, dpi=72)
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    thread = threading.Thread(target=work)
    thread.start()
    thread.join(60)
    assert not errors and (tmp_path / "bg.pdf").stat().st_size > 1000

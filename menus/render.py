"""Render a template to PDF, PNG or a QPrinter: layout once, then paint page by page
with progress (fraction, message) and a cancel token checked between pages.

Long renders belong in a worker thread: QPdfWriter and QImage may be painted off the
GUI thread; a QPrinter (print preview, real printing) is painted on the GUI thread.
"""

from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QMarginsF, QSizeF
from PySide6.QtGui import QColor, QImage, QPagedPaintDevice, QPageLayout, QPageSize, QPainter, QPdfWriter

from menus.layout import Document, Page
from menus.model import Menu, MenuItem, Shop, Table, as_menu
from menus.painter import PagePainter
from menus.templates import Cancelled, Job, get_template
from menus.typeset import Typesetter

if TYPE_CHECKING:  # QtPrintSupport pulls in QtWidgets: only the caller imports it
    from PySide6.QtPrintSupport import QPrinter

Progress = Callable[[float, str], None]
"""A progress callback: fraction done in [0, 1] and a short message in Chinese."""

PDF_RESOLUTION = 1200
_local = threading.local()


def typesetter() -> Typesetter:
    """The Typesetter of the calling thread (Qt fonts are not shared across threads)."""
    ts = getattr(_local, "ts", None)
    if ts is None:
        ts = _local.ts = Typesetter()
    return ts


def layout_document(
    template: str,
    shop: Shop,
    menu_or_items: Menu | Sequence[MenuItem],
    tables: Sequence[Table] = (),
    cancel: threading.Event | None = None,
) -> Document:
    """Lay out `template` for the shop, the menu (or bare items) and tables; no painting."""
    tmpl = get_template(template)
    if tmpl.needs_tables and not tables:
        raise ValueError(f"模板 {template} 需要至少一张桌台")
    job = Job(typesetter(), shop, as_menu(menu_or_items), tuple(tables), cancel)
    return tmpl.layout(job)


def render_pdf(
    template: str,
    shop: Shop,
    menu_or_items: Menu | Sequence[MenuItem],
    tables: Sequence[Table],
    out_path: str | os.PathLike[str],
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
) -> Path:
    """Write a PDF with embedded font subsets; atomic: a cancelled or failed run leaves no file."""
    doc = layout_document(template, shop, menu_or_items, tables, cancel)
    _report(progress, 0.05, f"排版完成，共 {len(doc.pages)} 页")
    return write_pdf(doc, out_path, progress, cancel)


def write_pdf(
    doc: Document,
    out_path: str | os.PathLike[str],
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
) -> Path:
    """Paint a laid-out Document into a PDF at `out_path` (written atomically)."""
    out = Path(out_path)
    tmp = out.with_name(f".{out.name}.part")
    writer = QPdfWriter(str(tmp))
    writer.setResolution(PDF_RESOLUTION)
    writer.setTitle(doc.title)
    writer.setCreator("PortDesk 数字港商户助手")
    ok = False
    try:
        _paint_pages(writer, doc, progress, cancel)
        ok = True
    finally:
        del writer  # closes the file
        if ok:
            os.replace(tmp, out)
        else:
            with contextlib.suppress(FileNotFoundError):
                tmp.unlink()
    return out


def render_images(
    template: str,
    shop: Shop,
    menu_or_items: Menu | Sequence[MenuItem],
    tables: Sequence[Table] = (),
    dpi: float = 150,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
) -> list[QImage]:
    """One white QImage per page at `dpi` (previews, PNG export)."""
    doc = layout_document(template, shop, menu_or_items, tables, cancel)
    painter_ = PagePainter(typesetter())
    images: list[QImage] = []
    for index, page in enumerate(doc.pages):
        _check(cancel)
        images.append(page_image(page, dpi, painter_))
        _report(progress, (index + 1) / len(doc.pages), f"第 {index + 1} / {len(doc.pages)} 页")
    return images


def render_png(
    template: str,
    shop: Shop,
    menu_or_items: Menu | Sequence[MenuItem],
    tables: Sequence[Table],
    out_dir: str | os.PathLike[str],
    dpi: float = 150,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
    stem: str | None = None,
) -> list[Path]:
    """Write one PNG per page as `{out_dir}/{stem or template}-{n}.png`; return the paths."""
    folder = Path(out_dir)
    folder.mkdir(parents=True, exist_ok=True)
    paths: list[Path] = []
    images = render_images(template, shop, menu_or_items, tables, dpi, progress, cancel)
    for number, image in enumerate(images, start=1):
        path = folder / f"{stem or template}-{number}.png"
        tmp = path.with_name(f".{path.name}.part")
        if not image.save(str(tmp), "PNG"):  # type: ignore[call-overload]
            raise OSError(f"无法写入图片 {path}")
        os.replace(tmp, path)
        paths.append(path)
    return paths


def page_image(page: Page, dpi: float, painter_: PagePainter | None = None) -> QImage:
    """Paint one page into a new white QImage at `dpi`."""
    scale = dpi / 72
    image = QImage(
        round(page.size.width() * scale), round(page.size.height() * scale), QImage.Format.Format_RGB32
    )
    dots = round(dpi / 0.0254)
    image.setDotsPerMeterX(dots)
    image.setDotsPerMeterY(dots)
    image.fill(QColor("white"))
    p = QPainter(image)
    try:
        (painter_ or PagePainter(typesetter())).paint(p, page, scale)
    finally:
        p.end()
    return image


def paint_printer(
    printer: QPrinter,
    doc: Document,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
) -> None:
    """Paint a Document on a QPrinter: for QPrintPreviewDialog.paintRequested and printing.

    Each page asks for its own paper size; when the printer keeps a smaller paper, the
    page is scaled down to fit instead of being cut.
    """
    printer.setFullPage(True)
    printer.setDocName(doc.title)
    _paint_pages(printer, doc, progress, cancel)


def _page_layout(page: Page) -> QPageLayout:
    w, h = page.size.width(), page.size.height()
    a4 = QPageSize(QPageSize.PageSizeId.A4).size(QPageSize.Unit.Point)
    if abs(w - a4.width()) < 1 and abs(h - a4.height()) < 1:
        size = QPageSize(QPageSize.PageSizeId.A4)
    else:
        size = QPageSize(
            QSizeF(w * 25.4 / 72, h * 25.4 / 72),
            QPageSize.Unit.Millimeter,
            "",
            QPageSize.SizeMatchPolicy.ExactMatch,
        )
    return QPageLayout(size, QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0))


def _paint_pages(
    device: QPagedPaintDevice,
    doc: Document,
    progress: Progress | None,
    cancel: threading.Event | None,
) -> None:
    """Paint every page on a paged device, one device page per Document page."""
    if not doc.pages:
        raise ValueError("没有可打印的内容")
    pp = PagePainter(typesetter())
    device.setPageLayout(_page_layout(doc.pages[0]))
    painter = QPainter()
    if not painter.begin(device):
        raise OSError("无法开始绘制（文件被占用或打印机不可用？）")
    try:
        total = len(doc.pages)
        for index, page in enumerate(doc.pages):
            _check(cancel)
            if index:
                device.setPageLayout(_page_layout(page))
                device.newPage()
            scale = device.logicalDpiX() / 72
            paper = device.pageLayout().fullRect(QPageLayout.Unit.Point)
            fit = min(1.0, paper.width() / page.size.width(), paper.height() / page.size.height())
            pp.paint(painter, page, scale * fit)
            _report(progress, 0.05 + 0.95 * (index + 1) / total, f"第 {index + 1} / {total} 页")
    finally:
        painter.end()


def _check(cancel: threading.Event | None) -> None:
    if cancel is not None and cancel.is_set():
        raise Cancelled


def _report(progress: Progress | None, fraction: float, message: str) -> None:
    if progress is not None:
        progress(min(1.0, fraction), message)

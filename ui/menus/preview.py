"""The live preview: the A4 menu re-rendered off the UI thread a moment after each edit.

Edits call `schedule()`; after a pause (debounce) one render runs in an Operation with its own
Store. A newer edit cancels a running render and starts again when it stops, so only the latest
state is ever shown and typing never waits for painting.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QImage, QPixmap, QResizeEvent
from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget

from menus.from_catalog import shop_from_store
from menus.render import render_images
from menus.templates import Cancelled
from ui.menus.documents import load_menu
from ui.operations import Job, Operation, OperationRunner

DEBOUNCE_MS = 300
PREVIEW_DPI = 96


class QuietRunner(OperationRunner):
    """An OperationRunner that never pops up a progress dialog (background previews)."""

    def _poll(self) -> None:
        if not self.busy:
            self._timer.stop()


@dataclass(frozen=True)
class PreviewResult:
    """A finished render: which request it answers, its page images and the thread that made them."""

    generation: int
    images: list[QImage]
    thread_id: int


class PreviewPane(QWidget):
    """The pages of one menu as the A4 template prints them, kept up to date after edits."""

    sig_preview_updated = Signal(int)
    """A new preview is on screen: the number of pages."""

    sig_preview_failed = Signal(str)
    """The preview could not be drawn: a short reason."""

    def __init__(self, store_path: Path, parent: QWidget | None = None, template: str = "a4") -> None:
        super().__init__(parent)
        self.store_path = Path(store_path)
        self.template = template
        self.runner = QuietRunner(self)
        self.menu_id: str | None = None
        self.images: list[QImage] = []
        self.last_thread_id: int | None = None
        """The thread that painted the preview on screen (tests check it is not the UI thread)."""
        self.renders = 0
        """How many renders finished and were shown."""
        self._generation = 0
        self._running: Operation | None = None
        self._pending = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self._start)

        self.title = QLabel(self.tr("Preview (A4)"))
        self.title.setProperty("role", "hint")
        self.status = QLabel("")
        self.status.setProperty("role", "hint")
        self.pages = QWidget()
        self.pages.setStyleSheet("background: #d9dde2;")
        self.pages_layout = QVBoxLayout(self.pages)
        self.pages_layout.setSpacing(12)
        self.pages_layout.setContentsMargins(12, 12, 12, 12)
        self.pages_layout.addStretch(1)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setWidget(self.pages)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.scroll, 1)
        layout.addWidget(self.status)

    @property
    def busy(self) -> bool:
        """True while a render waits or runs."""
        return self._timer.isActive() or self._running is not None

    def show_menu(self, menu_id: str | None) -> None:
        """Preview another menu (None clears the pane)."""
        self.menu_id = menu_id
        if menu_id is None:
            self._generation += 1
            self._set_images([])
            return
        self.schedule()

    def schedule(self) -> None:
        """Re-render after the debounce pause (each call restarts the pause)."""
        self._generation += 1
        self.status.setText(self.tr("Updating…"))
        self._timer.start()

    def shutdown(self) -> None:
        """Stop the timer, cancel a running render and join its thread."""
        self._timer.stop()
        self.runner.shutdown()
        self._running = None

    def _start(self) -> None:
        if self.menu_id is None:
            return
        if self._running is not None:  # a render is going: stop it, start again when it ends
            self._running.job.cancel_event.set()
            self._pending = True
            return
        generation, menu_id, template = self._generation, self.menu_id, self.template
        dpi = PREVIEW_DPI * max(1.0, self.devicePixelRatioF())

        def work(job: Job) -> PreviewResult:
            store = job.store
            images = render_images(
                template, shop_from_store(store), load_menu(store, menu_id), (), dpi, job.progress, job.cancel_event
            )
            return PreviewResult(generation, images, threading.get_ident())

        self._running = self.runner.run(Operation(
            work=work, on_success=self._done, on_failure=self._failed, label=self.tr("Preview"),
            db_path=self.store_path,
        ))

    def _finished(self) -> None:
        self._running = None
        if self._pending:
            self._pending = False
            self._start()

    def _done(self, result: PreviewResult) -> None:
        current = result.generation == self._generation
        if current:
            self.last_thread_id = result.thread_id
            self.renders += 1
            self._set_images(result.images)
            self.status.setText(self.tr("%n page(s)", "", len(result.images)))
        self._finished()
        if current:
            self.sig_preview_updated.emit(len(result.images))
        elif not self._pending and not self._timer.isActive():
            self._start()

    def _failed(self, exc: BaseException, _details: str) -> None:
        self._finished()
        if isinstance(exc, Cancelled):
            return
        message = str(exc) if isinstance(exc, (ValueError, LookupError, OSError)) else self.tr("The preview could not be drawn.")
        self.status.setText(message)
        self.sig_preview_failed.emit(message)

    def _set_images(self, images: list[QImage]) -> None:
        self.images = images
        while self.pages_layout.count() > 1:
            item = self.pages_layout.takeAt(0)
            if item is not None and item.widget() is not None:
                item.widget().deleteLater()
        for index in range(len(images)):
            label = QLabel()
            label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            label.setProperty("page", index)
            self.pages_layout.insertWidget(index, label)
            label.show()
        self._scale_pages()

    def _scale_pages(self) -> None:
        width = max(120, self.scroll.viewport().width() - 24)
        ratio = self.devicePixelRatioF()
        for index, image in enumerate(self.images):
            item = self.pages_layout.itemAt(index)
            label = item.widget() if item is not None else None
            if not isinstance(label, QLabel):
                continue
            pixmap = QPixmap.fromImage(image).scaledToWidth(
                round(width * ratio), Qt.TransformationMode.SmoothTransformation
            )
            pixmap.setDevicePixelRatio(ratio)
            label.setPixmap(pixmap)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Fit the pages to the new width."""
        super().resizeEvent(event)
        self._scale_pages()

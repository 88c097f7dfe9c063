"""Long work off the UI thread: an operation runs in a QThread with its own Store, reports progress
by polling, can be cancelled, and hands its result back to the UI thread.

Modelled on Anki's `CollectionOp` and `ProgressManager`, calibre's abort event and Spyder's worker
bookkeeping: the work function never touches widgets; it gets a `Job` with `progress()`,
`cancelled()` and a lazily opened `store` (SQLite connections are per thread). The UI thread polls
the progress on a timer (never a signal per step), a progress dialog appears only when the work
takes longer than half a second, and every running thread is kept referenced and joined on
shutdown. The outcome is handed over as soon as the work function returns; the thread then
closes its store (which folds a large write's WAL back into the database file: see
`catalog.db.checkpoint_later`) and is joined when it has ended. Nothing here runs a nested event loop or waits for a worker that is still working.
"""

from __future__ import annotations

import logging
import sys
import threading
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, Qt, QThread, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QProgressBar, QPushButton, QVBoxLayout, QWidget

from catalog.store import Store

log = logging.getLogger(__name__)

SHOW_PROGRESS_AFTER_S = 0.5
POLL_MS = 100
PROGRESS_STEPS = 1000


class Job:
    """What a work function sees: progress reporting, a cancel flag and its own Store."""

    def __init__(self, db_path: Path | None) -> None:
        self.db_path = db_path
        self.cancel_event = threading.Event()
        self._lock = threading.Lock()
        self._fraction = 0.0
        self._message = ""
        self._store: Store | None = None

    @property
    def store(self) -> Store:
        """A Store opened on this worker thread (closed when the job ends)."""
        if self._store is None:
            if self.db_path is None:
                raise RuntimeError("this operation was started without a database path")
            self._store = Store.open(self.db_path)
        return self._store

    def progress(self, fraction: float, message: str = "") -> None:
        """Record progress (0..1) and an optional message; cheap, call it as often as you like."""
        with self._lock:
            self._fraction = max(0.0, min(1.0, fraction))
            if message:
                self._message = message

    def snapshot(self) -> tuple[float, str]:
        """The last reported (fraction, message)."""
        with self._lock:
            return self._fraction, self._message

    def cancelled(self) -> bool:
        """True once the user asked to cancel; the work should stop (and roll back) soon."""
        return self.cancel_event.is_set()

    def close(self) -> None:
        """Close the worker's Store (called on the worker thread)."""
        if self._store is not None:
            self._store.close()
            self._store = None


@dataclass
class Operation:
    """One piece of long work: `work(job)` runs off the UI thread; the callbacks run on it.

    `on_success(result)` and `on_failure(exc, traceback_text)` are called on the UI thread;
    without `on_failure` the error goes to the app's error reporter (sys.excepthook).
    """

    work: Callable[[Job], Any]
    on_success: Callable[[Any], None] | None = None
    on_failure: Callable[[BaseException, str], None] | None = None
    label: str = ""
    cancellable: bool = True
    db_path: Path | None = None
    job: Job = field(init=False)

    def __post_init__(self) -> None:
        self.job = Job(self.db_path)


class ProgressDialog(QDialog):
    """The delayed progress window of an operation: a message, a bar and (when allowed) Cancel.

    Not a QProgressDialog on purpose: once shown, a modal QProgressDialog runs a nested
    `QCoreApplication.processEvents()` inside every `setValue()` that changes the value. Called
    from the runner's poll, that re-entered the event loop in the middle of the poll: an
    operation could finish and be delivered (its dialog closed) while the poll still worked on
    it. Setting values here only schedules a repaint. Esc and the window's close button mean
    Cancel; the runner closes the dialog when the work has ended.
    """

    canceled = Signal()
    """The user asked to cancel (Cancel button, Esc or the close button)."""

    def __init__(self, parent: QWidget | None, title: str, label: str, cancel_text: str | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self._label = QLabel(label)
        self._label.setWordWrap(True)
        self._label.setMinimumWidth(320)
        self._bar = QProgressBar()
        self._bar.setRange(0, PROGRESS_STEPS)
        self._bar.setValue(0)
        self.cancel_button: QPushButton | None = None
        self._ended = False
        layout = QVBoxLayout(self)
        layout.addWidget(self._label)
        layout.addWidget(self._bar)
        if cancel_text is not None:
            self.cancel_button = QPushButton(cancel_text)
            self.cancel_button.setAutoDefault(False)
            self.cancel_button.clicked.connect(self._cancel)
            row = QHBoxLayout()
            row.addStretch(1)
            row.addWidget(self.cancel_button)
            layout.addLayout(row)

    def value(self) -> int:
        """The bar's value (0..PROGRESS_STEPS)."""
        return self._bar.value()

    def setValue(self, value: int) -> None:
        """Move the bar (repaints later; never processes events)."""
        self._bar.setValue(max(0, min(PROGRESS_STEPS, value)))

    def labelText(self) -> str:
        """The message shown above the bar."""
        return self._label.text()

    def setLabelText(self, text: str) -> None:
        """Show another message above the bar."""
        self._label.setText(text)

    def wasCanceled(self) -> bool:
        """True once the user asked to cancel."""
        return self.cancel_button is not None and not self.cancel_button.isEnabled()

    def _cancel(self) -> None:
        if self.cancel_button is None or not self.cancel_button.isEnabled():
            return
        self.cancel_button.setEnabled(False)  # asked once; the work stops (and rolls back) soon
        self.canceled.emit()

    def reject(self) -> None:
        """Esc: cancel the work (if allowed); the dialog stays until the work has stopped."""
        self._cancel()

    def closeEvent(self, event: QCloseEvent) -> None:
        """The window's close button: like Esc, while the work runs."""
        if self._ended:
            event.accept()
            return
        event.ignore()
        self._cancel()

    def finish(self) -> None:
        """Hide and delete the dialog (the runner calls this when the work has ended)."""
        self._ended = True
        self.hide()
        self.deleteLater()


class _Thread(QThread):
    """Runs one operation's work function and keeps its outcome for the UI thread."""

    sig_work_done = Signal()
    """The work function has returned or raised: its outcome can be delivered. The thread goes on
    to close the job's store (which may fold a large write's WAL back into the database file)."""

    def __init__(self, op: Operation) -> None:
        super().__init__()
        self.op = op
        self.result: Any = None
        self.error: BaseException | None = None
        self.error_text = ""

    def run(self) -> None:
        """The worker thread body."""
        try:
            self.result = self.op.work(self.op.job)
        except BaseException as exc:  # handed to the UI thread, never lost
            self.error = exc
            self.error_text = traceback.format_exc()
        self.sig_work_done.emit()
        try:
            self.op.job.close()
        except Exception:  # closing must not hide the real outcome
            log.exception("closing the worker store failed")


class OperationRunner(QObject):
    """Starts operations, shows delayed progress, delivers results, and joins threads on shutdown."""

    sig_operation_finished = Signal(object)
    """An operation finished (successfully or not); the argument is the Operation."""

    def __init__(self, parent_widget: QWidget | None = None) -> None:
        super().__init__(parent_widget)
        self._parent_widget = parent_widget
        self._running: dict[_Thread, tuple[float, ProgressDialog | None]] = {}
        self._delivered: set[_Thread] = set()  # running threads whose outcome was handed over
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self._poll)
        self._closed = False

    @property
    def busy(self) -> bool:
        """True while any operation runs."""
        return bool(self._running)

    def run(self, op: Operation) -> Operation:
        """Start an operation in the background and return it."""
        thread = _Thread(op)
        thread.sig_work_done.connect(lambda t=thread: self._deliver(t), Qt.ConnectionType.QueuedConnection)
        thread.finished.connect(lambda t=thread: self._finished(t), Qt.ConnectionType.QueuedConnection)
        self._running[thread] = (time.monotonic(), None)
        thread.start()
        self._timer.start()
        return op

    def _poll(self) -> None:
        """Every POLL_MS on the UI thread: show the dialog of work older than half a second, move bars."""
        now = time.monotonic()
        for thread, (started, dialog) in list(self._running.items()):
            fraction, message = thread.op.job.snapshot()
            if thread in self._delivered:
                continue
            if dialog is None and now - started >= SHOW_PROGRESS_AFTER_S and thread.isRunning():
                dialog = self._make_dialog(thread.op)
                self._running[thread] = (started, dialog)
            if dialog is not None:
                dialog.setValue(round(fraction * PROGRESS_STEPS))
                if message:
                    dialog.setLabelText(message)
        if not self._running:
            self._timer.stop()

    def _make_dialog(self, op: Operation) -> ProgressDialog:
        dialog = ProgressDialog(self._parent_widget, self.tr("Please wait"), op.label or self.tr("Working…"),
                                self.tr("Cancel") if op.cancellable else None)
        if op.cancellable:
            dialog.canceled.connect(op.job.cancel_event.set)
        dialog.show()
        return dialog

    def _deliver(self, thread: _Thread) -> None:
        """The work has ended: close its dialog and hand its outcome to the callbacks (once). The
        thread may still be closing its store; `_finished` joins it."""
        if thread in self._delivered:
            return
        self._delivered.add(thread)
        entry = self._running.get(thread)
        if entry is not None and entry[1] is not None:
            entry[1].finish()
            self._running[thread] = (entry[0], None)
        if self._closed:
            return
        op = thread.op
        try:
            if thread.error is not None:
                if op.on_failure is not None:
                    op.on_failure(thread.error, thread.error_text)
                else:
                    sys.excepthook(type(thread.error), thread.error, thread.error.__traceback__)
            elif op.on_success is not None:
                op.on_success(thread.result)
        finally:
            self.sig_operation_finished.emit(op)

    def _finished(self, thread: _Thread) -> None:
        self._deliver(thread)  # already done unless its signal was lost
        self._delivered.discard(thread)
        self._running.pop(thread, None)
        thread.wait()  # run() has returned (this is its finished signal): only the thread's exit is left
        thread.deleteLater()

    def wait_idle(self, timeout_s: float = 30.0) -> bool:
        """Process events until every operation has finished and delivered (screenshots, tests)."""
        deadline = time.monotonic() + timeout_s
        while self._running and time.monotonic() < deadline:
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
            QThread.msleep(5)
        return not self._running

    def shutdown(self, timeout_ms: int = 10_000) -> None:
        """Cancel every running operation and wait for its thread (call before quitting)."""
        self._timer.stop()
        for thread in list(self._running):
            thread.op.job.cancel_event.set()
        self._closed = True
        for thread, (_started, dialog) in list(self._running.items()):
            if dialog is not None:
                dialog.finish()
            if not thread.wait(timeout_ms):  # still referenced: never destroyed while running
                log.error("operation %r did not stop within %d ms", thread.op.label, timeout_ms)
                continue
            del self._running[thread]

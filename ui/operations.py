"""Long work off the UI thread: an operation runs in a QThread with its own Store, reports progress
by polling, can be cancelled, and hands its result back to the UI thread.

Modelled on Anki's `CollectionOp` and `ProgressManager`, calibre's abort event and Spyder's worker
bookkeeping: the work function never touches widgets; it gets a `Job` with `progress()`,
`cancelled()` and a lazily opened `store` (SQLite connections are per thread). A progress dialog
appears only when the work takes longer than half a second, and every running thread is kept
referenced and joined on shutdown.
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
from PySide6.QtWidgets import QProgressDialog, QWidget

from catalog.store import Store

log = logging.getLogger(__name__)

SHOW_PROGRESS_AFTER_S = 0.5
POLL_MS = 100


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


class _Thread(QThread):
    """Runs one operation's work function and keeps its outcome for the UI thread."""

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
        finally:
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
        self._running: dict[_Thread, tuple[float, QProgressDialog | None]] = {}
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
        thread.finished.connect(lambda t=thread: self._finished(t), Qt.ConnectionType.QueuedConnection)
        self._running[thread] = (time.monotonic(), None)
        thread.start()
        self._timer.start()
        return op

    def _poll(self) -> None:
        now = time.monotonic()
        for thread, (started, dialog) in list(self._running.items()):
            fraction, message = thread.op.job.snapshot()
            if dialog is None and now - started >= SHOW_PROGRESS_AFTER_S and thread.isRunning():
                dialog = self._make_dialog(thread.op)
                self._running[thread] = (started, dialog)
            if dialog is not None:
                dialog.setValue(int(fraction * 1000))
                if message:
                    dialog.setLabelText(message)
        if not self._running:
            self._timer.stop()

    def _make_dialog(self, op: Operation) -> QProgressDialog:
        dialog = QProgressDialog(self._parent_widget)
        dialog.setWindowTitle(self.tr("Please wait"))
        dialog.setLabelText(op.label or self.tr("Working…"))
        dialog.setRange(0, 1000)
        dialog.setMinimumDuration(0)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        if op.cancellable:
            dialog.setCancelButtonText(self.tr("Cancel"))
            dialog.canceled.connect(op.job.cancel_event.set)
        else:
            dialog.setCancelButton(None)
        dialog.show()
        return dialog

    def _finished(self, thread: _Thread) -> None:
        entry = self._running.pop(thread, None)
        thread.wait()
        if entry is not None and entry[1] is not None:
            entry[1].close()
            entry[1].deleteLater()
        op = thread.op
        thread.deleteLater()
        if self._closed:
            return
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
                dialog.close()
            if not thread.wait(timeout_ms):  # still referenced: never destroyed while running
                log.error("operation %r did not stop within %d ms", thread.op.label, timeout_ms)
                continue
            del self._running[thread]

"""The operation runner's progress dialog: polled, never a nested event loop, Esc and close mean Cancel.

(The basics, own Store per thread, the half-second delay, cancel and join, are in
test_operations_and_screenshot.py.)
"""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer
from PySide6.QtWidgets import QApplication, QPushButton, QWidget

from ui.operations import PROGRESS_STEPS, Job, Operation, OperationRunner, ProgressDialog

pytestmark = pytest.mark.usefixtures("english_ui", "no_unexpected_dialogs")


@pytest.fixture
def parent(qtbot: object) -> QWidget:
    """A shown window for dialogs to be modal to."""
    widget = QWidget()
    qtbot.addWidget(widget)  # type: ignore[attr-defined]
    widget.resize(400, 300)
    widget.show()
    qtbot.waitExposed(widget)  # type: ignore[attr-defined]
    return widget


@pytest.fixture
def runner(parent: QWidget) -> Iterator[OperationRunner]:
    """A runner whose dialogs belong to `parent`; shut down (threads joined) after the test."""
    r = OperationRunner(parent)
    yield r
    r.shutdown()


def _held_operation(**kwargs: object) -> tuple[Operation, threading.Event, list[str]]:
    """An operation that reports half-way and waits until the returned event is set (or it is cancelled)."""
    go_on = threading.Event()
    outcome: list[str] = []

    def work(job: Job) -> str:
        job.progress(0.5, "half-way")
        while not go_on.wait(0.01):
            if job.cancelled():
                raise RuntimeError("cancelled")
        return "done"

    op = Operation(work, on_success=outcome.append, on_failure=lambda exc, _tb: outcome.append(str(exc)),
                   label="Holding", **kwargs)  # type: ignore[arg-type]
    return op, go_on, outcome


def _dialog_of(runner: OperationRunner, qtbot: object) -> ProgressDialog:
    qtbot.waitUntil(lambda: any(d is not None for _s, d in runner._running.values()), timeout=3000)  # type: ignore[attr-defined]
    dialog = next(d for _s, d in runner._running.values() if d is not None)
    qtbot.waitExposed(dialog)  # type: ignore[attr-defined]
    return dialog


def _gone(dialog: ProgressDialog) -> bool:
    """Hidden, or already deleted (the runner deletes it later)."""
    return not shiboken6.isValid(dialog) or not dialog.isVisible()


def test_setting_progress_never_processes_events(qtbot: object, parent: QWidget) -> None:
    dialog = ProgressDialog(parent, "Please wait", "Working…", "Cancel")
    qtbot.addWidget(dialog)  # type: ignore[attr-defined]
    dialog.show()
    qtbot.waitExposed(dialog)  # type: ignore[attr-defined]
    delivered: list[int] = []
    for step in (100, 400, 900):
        QTimer.singleShot(0, lambda s=step: delivered.append(s))
        dialog.setValue(step)  # a modal QProgressDialog would run the timer right here
        dialog.setLabelText(f"step {step}")
        assert delivered == [s for s in (100, 400, 900) if s < step]
        QCoreApplication.processEvents()
        assert delivered[-1] == step
    assert dialog.value() == 900 and dialog.labelText() == "step 900"
    dialog.setValue(PROGRESS_STEPS + 5)
    assert dialog.value() == PROGRESS_STEPS
    dialog.finish()


def test_dialog_shows_progress_then_closes_when_the_work_ends(qtbot: object, runner: OperationRunner,
                                                               parent: QWidget) -> None:
    op, go_on, outcome = _held_operation()
    runner.run(op)
    dialog = _dialog_of(runner, qtbot)
    assert dialog.parentWidget() is parent and dialog.isModal()
    assert dialog.windowTitle() == "Please wait"
    qtbot.waitUntil(lambda: dialog.value() == PROGRESS_STEPS // 2 and dialog.labelText() == "half-way")  # type: ignore[attr-defined]
    with qtbot.waitSignal(runner.sig_operation_finished, timeout=5000):  # type: ignore[attr-defined]
        go_on.set()
    assert outcome == ["done"] and _gone(dialog)
    qtbot.waitUntil(lambda: not runner.busy, timeout=3000)  # type: ignore[attr-defined]  # its store closed, joined
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert parent.findChildren(ProgressDialog) == []  # deleted, not just hidden


def test_escape_and_close_button_cancel_but_the_dialog_stays_until_the_work_stops(
        qtbot: object, runner: OperationRunner) -> None:
    op, _go_on, outcome = _held_operation()
    runner.run(op)
    dialog = _dialog_of(runner, qtbot)
    dialog.close()  # the window's close button, while the work runs
    assert dialog.isVisible() and op.job.cancelled() and dialog.wasCanceled()
    qtbot.waitUntil(lambda: outcome == ["cancelled"], timeout=5000)  # type: ignore[attr-defined]
    assert _gone(dialog)
    qtbot.waitUntil(lambda: not runner.busy, timeout=3000)  # type: ignore[attr-defined]

    op2, _go_on2, outcome2 = _held_operation()
    runner.run(op2)
    dialog2 = _dialog_of(runner, qtbot)
    qtbot.keyClick(dialog2, Qt.Key.Key_Escape)  # type: ignore[attr-defined]
    assert op2.job.cancelled()
    assert dialog2.cancel_button is not None and not dialog2.cancel_button.isEnabled()  # asked once
    qtbot.waitUntil(lambda: outcome2 == ["cancelled"], timeout=5000)  # type: ignore[attr-defined]


def test_work_that_cannot_be_cancelled_has_no_cancel(qtbot: object, runner: OperationRunner) -> None:
    op, go_on, outcome = _held_operation(cancellable=False)
    runner.run(op)
    dialog = _dialog_of(runner, qtbot)
    assert dialog.findChild(QPushButton) is None and dialog.cancel_button is None
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # type: ignore[attr-defined]
    dialog.close()
    assert dialog.isVisible() and not op.job.cancelled()
    with qtbot.waitSignal(runner.sig_operation_finished, timeout=5000):  # type: ignore[attr-defined]
        go_on.set()
    assert outcome == ["done"] and _gone(dialog)


def test_shutdown_closes_the_dialog_and_joins(qtbot: object, runner: OperationRunner) -> None:
    op, _go_on, _outcome = _held_operation()
    runner.run(op)
    dialog = _dialog_of(runner, qtbot)
    runner.shutdown()
    assert op.job.cancelled() and not runner.busy and _gone(dialog)


def test_the_outcome_is_handed_over_before_the_worker_closes_its_store(
        runner: OperationRunner, qtbot: object, monkeypatch: pytest.MonkeyPatch) -> None:
    """Closing may fold a large import's WAL into the file (catalog.db.checkpoint_later): the
    shopkeeper sees the result first; the thread is joined when the close is done."""
    release = threading.Event()
    closed: list[bool] = []
    real_close = Job.close

    def held_close(self: Job) -> None:
        release.wait(5)
        real_close(self)
        closed.append(True)

    monkeypatch.setattr(Job, "close", held_close)
    seen: list[str] = []
    finished: list[Operation] = []
    runner.sig_operation_finished.connect(finished.append)
    op = runner.run(Operation(lambda job: "done", on_success=seen.append))
    qtbot.waitUntil(lambda: seen == ["done"], timeout=3000)  # type: ignore[attr-defined]
    assert finished == [op] and not closed
    assert runner.busy  # still referenced and running: closing its store
    release.set()
    qtbot.waitUntil(lambda: not runner.busy, timeout=3000)  # type: ignore[attr-defined]
    assert closed == [True] and seen == ["done"] and finished == [op]  # delivered once


def test_a_failure_is_handed_over_before_the_worker_closes_its_store(
        runner: OperationRunner, qtbot: object, monkeypatch: pytest.MonkeyPatch) -> None:
    release = threading.Event()
    real_close = Job.close
    monkeypatch.setattr(Job, "close", lambda self: (release.wait(5), real_close(self)))
    failures: list[str] = []

    def work(job: Job) -> None:
        raise ValueError("bad row")

    runner.run(Operation(work, on_failure=lambda exc, _tb: failures.append(str(exc))))
    qtbot.waitUntil(lambda: failures == ["bad row"], timeout=3000)  # type: ignore[attr-defined]
    assert runner.busy
    release.set()
    qtbot.waitUntil(lambda: not runner.busy, timeout=3000)  # type: ignore[attr-defined]
    assert failures == ["bad row"]

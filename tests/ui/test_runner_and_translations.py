"""Background operations (own Store per thread, delayed progress, cancel, join), translation files."""

from __future__ import annotations

import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from catalog.models import Product
from resources.translations import update as translations
from ui import operations
from ui.operations import Job, Operation, OperationRunner

pytestmark = pytest.mark.usefixtures("english_ui", "no_unexpected_dialogs")


@pytest.fixture
def runner(qapp):
    """An operation runner that is always shut down (threads joined) after the test."""
    r = OperationRunner()
    yield r
    r.shutdown()


def test_work_runs_off_the_ui_thread_with_its_own_store(qtbot, store, runner):
    store.products.save(Product("青岛啤酒"))
    seen: dict[str, object] = {}

    def work(job: Job) -> int:
        seen["thread"] = threading.get_ident()
        seen["conn"] = job.store.conn
        return job.store.products.count()

    results: list[int] = []
    with qtbot.waitSignal(runner.sig_operation_finished, timeout=5000):
        runner.run(Operation(work, on_success=results.append, db_path=store.path))
    assert results == [1]
    assert seen["thread"] != threading.get_ident() and seen["conn"] is not store.conn


def test_progress_dialog_only_after_half_a_second_and_cancel(qtbot, runner):
    failures: list[str] = []

    def slow(job: Job) -> None:
        job.progress(0.25, "step one")
        while not job.cancelled():
            time.sleep(0.01)
        raise RuntimeError("cancelled")

    op = runner.run(Operation(slow, on_failure=lambda exc, _tb: failures.append(str(exc)), label="Slow"))
    qtbot.wait(200)
    assert all(d is None for _s, d in runner._running.values())  # no flashing dialog
    qtbot.waitUntil(lambda: any(d is not None for _s, d in runner._running.values()), timeout=3000)
    dialog = next(d for _s, d in runner._running.values())
    qtbot.waitUntil(lambda: dialog.value() == 250)
    assert dialog.labelText() == "step one"
    cancel_button = dialog.findChild(QPushButton)
    qtbot.mouseClick(cancel_button, Qt.MouseButton.LeftButton)
    assert op.job.cancelled()
    qtbot.waitUntil(lambda: failures == ["cancelled"], timeout=3000)
    qtbot.waitUntil(lambda: not runner.busy, timeout=3000)  # the thread ends once its store is closed


def test_shutdown_cancels_and_joins_running_threads(qtbot, runner):
    started = threading.Event()

    def forever(job: Job) -> None:
        started.set()
        while not job.cancelled():
            time.sleep(0.005)

    op = runner.run(Operation(forever))
    assert started.wait(3)
    runner.shutdown()
    assert op.job.cancelled() and not runner.busy


@pytest.mark.parametrize("lang", translations.LANGS)
def test_translations_are_finished(lang):
    assert translations.unfinished(translations.ts_path(lang)) == []


@pytest.mark.skipif(shutil.which("pyside6-lrelease") is None and not (Path(sys.executable).parent / "pyside6-lrelease").exists(),
                    reason="pyside6-lrelease not installed")
@pytest.mark.parametrize("lang", translations.LANGS)
def test_compiled_translations_match_their_ts(lang, tmp_path):
    """The committed .qm must be what lrelease makes of the committed .ts (not older, not edited)."""
    ts = translations.ts_path(lang)
    qm = ts.with_suffix(".qm")
    assert qm.exists(), f"{qm.name} is missing: run python resources/translations/update.py --release"
    fresh = tmp_path / qm.name
    subprocess.run([translations.tool("pyside6-lrelease"), str(ts), "-qm", str(fresh)], check=True,
                   capture_output=True)
    assert fresh.read_bytes() == qm.read_bytes(), (
        f"{qm.name} is older than {ts.name}: run python resources/translations/update.py --release")


def test_operations_module_has_no_sql():
    source = Path(operations.__file__).read_text(encoding="utf-8")
    assert "SELECT" not in source and "execute(" not in source

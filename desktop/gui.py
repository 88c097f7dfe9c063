"""`portdesk` without a command: start the desktop app on a data folder.

`run()` is the composition root of the GUI: logging, the QApplication, one instance per data
folder, translations, the look, error hooks, the shop database and the main window.
"""

from __future__ import annotations

import importlib.util
import logging
import sys
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import QApplication

from desktop.paths import database_path, log_dir

log = logging.getLogger("portdesk.gui")


def setup_logging(data_dir: Path) -> None:
    """Use the CLI's rotating log file when `desktop.logs` exists, else plain stderr logging."""
    try:
        from desktop.logs import setup
    except ImportError:
        logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
        return
    setup(data_dir)


@dataclass
class Session:
    """A started app: close() stops background work and closes the database."""

    app: QApplication
    store: object
    window: object
    server: object
    reporter: object

    def close(self) -> None:
        """Shut the window's workers down, close the database and stop listening."""
        from ui.errors import ErrorReporter
        from ui.main_window import MainWindow

        if isinstance(self.window, MainWindow):
            self.window.shutdown()
            self.window.deleteLater()
        self.store.close()  # type: ignore[attr-defined]
        self.server.close()  # type: ignore[attr-defined]
        if isinstance(self.reporter, ErrorReporter):
            self.reporter.uninstall()


def start(data_dir: Path, lang: str | None = None) -> Session | None:
    """Create the app and show the main window; None when another instance took the request."""
    from ui import errors, i18n, single_instance, style
    from ui.app import ensure_app
    from ui.settings import AppSettings

    data_dir = Path(data_dir)
    setup_logging(data_dir)
    app = ensure_app()
    if single_instance.signal_running(data_dir):
        log.info("PortDesk already runs on %s; asked it to come forward", data_dir)
        return None
    server = single_instance.InstanceServer(data_dir)
    if not server.listen():
        log.warning("cannot listen for other launches: %s", server.server.errorString())
    settings = AppSettings.load(data_dir)
    i18n.install(lang or settings.language)
    style.apply(app, settings.large_font)
    reporter = errors.ErrorReporter(log_hint=str(log_dir(data_dir)))
    reporter.install()

    from catalog.db import DatabaseError
    from catalog.store import Store

    try:
        store = Store.open(database_path(data_dir))
    except DatabaseError as exc:
        log.error("%s", exc)
        errors.ask(None, str(exc), "")
        server.close()
        reporter.uninstall()
        return None

    from ui.main_window import MainWindow

    window = MainWindow(store, data_dir, settings)
    reporter.parent_widget = window
    server.sig_activate_requested.connect(window.bring_to_front)
    _wire_import_wizard(window, store.path)
    window.show()
    return Session(app, store, window, server, reporter)


def _wire_import_wizard(window: object, store_path: Path) -> None:
    """Answer import requests with the import wizard, imported on the first request (it pulls in
    the spreadsheet readers, which would slow the start by a few hundred ms)."""
    if importlib.util.find_spec("ui.import_wizard") is None:
        log.info("the import wizard is not part of this build")
        return
    signal = window.sig_import_requested  # type: ignore[attr-defined]

    def first_request(path: str) -> None:
        signal.disconnect(first_request)
        from ui.import_wizard import connect_main_window

        connect_main_window(window, store_path)
        signal.emit(path)  # the wizard answers this first request too

    window.disconnect_default_import()  # type: ignore[attr-defined]
    signal.connect(first_request)


def run(data_dir: Path, lang: str | None = None) -> int:
    """Start the desktop app on `data_dir` (language `lang`, else the setting or the system's) and
    run it until the window closes. A second launch on the same folder returns 0 at once."""
    session = start(data_dir, lang)
    if session is None:
        return 0
    # Qt calls the Python item models from C++ hundreds of times per repaint, taking the GIL back
    # each time; while a worker runs Python, each of those waits up to the switch interval (5 ms
    # by default), so one repaint of a table can take a second. 1 ms keeps it within ~0.1-0.4 s
    # (measured with bench/bench_import_gui.py) for a few per cent of worker throughput.
    sys.setswitchinterval(0.001)
    try:
        return session.app.exec()
    finally:
        session.close()

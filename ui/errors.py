"""Uncaught errors: log the traceback, show the user a calm message (details only on request).

`ErrorReporter.install()` replaces sys.excepthook and threading.excepthook. Errors from other
threads are handed to the UI thread through a queued signal. Errors the cores word for users
(ProductError, CategoryError, MediaError, DatabaseError) are shown as they are.
"""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from catalog.categories import CategoryError
from catalog.db import DatabaseError
from catalog.media import MediaError
from catalog.products import ProductError

log = logging.getLogger("portdesk.errors")

USER_ERRORS: tuple[type[BaseException], ...] = (ProductError, CategoryError, MediaError, DatabaseError)


def ask(parent: QWidget | None, message: str, details: str) -> None:
    """Show the error dialog (a "Show details" button reveals the traceback). Tests replace this."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("ErrorReporter", "Something went wrong"))
    box.setText(message)
    if details:
        box.setDetailedText(details)
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.exec()


def friendly_message(exc: BaseException, log_hint: str = "") -> str:
    """What the user reads: the core's own words for known errors, else a calm general message."""
    if isinstance(exc, USER_ERRORS):
        return str(exc)
    text = QCoreApplication.translate(
        "ErrorReporter",
        "PortDesk ran into a problem and could not finish what it was doing.\n"
        "Your saved data is safe. If this happens again, please send the log file to support.",
    )
    if log_hint:
        text += "\n" + QCoreApplication.translate("ErrorReporter", "Log folder: %1").replace("%1", log_hint)
    return text


class ErrorReporter(QObject):
    """Installs the exception hooks and shows one dialog at a time on the UI thread."""

    sig_error = Signal(str, str)
    """An error happened: (message for the user, traceback text for the details)."""

    def __init__(self, parent_widget: QWidget | None = None, log_hint: str = "") -> None:
        super().__init__()
        self.parent_widget = parent_widget
        self.log_hint = log_hint
        self._showing = False
        self._old_hook = sys.excepthook
        self._old_thread_hook = threading.excepthook
        self.sig_error.connect(self._show, Qt.ConnectionType.QueuedConnection)

    def install(self) -> None:
        """Route uncaught exceptions (main and other threads) through this reporter."""
        sys.excepthook = self.excepthook
        threading.excepthook = self.thread_excepthook

    def uninstall(self) -> None:
        """Put the previous hooks back."""
        if sys.excepthook == self.excepthook:
            sys.excepthook = self._old_hook
        if threading.excepthook == self.thread_excepthook:
            threading.excepthook = self._old_thread_hook

    def excepthook(
        self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
    ) -> None:
        """sys.excepthook: log, then show the friendly dialog."""
        if issubclass(exc_type, KeyboardInterrupt):
            self._old_hook(exc_type, exc, tb)
            return
        details = "".join(traceback.format_exception(exc_type, exc, tb))
        if isinstance(exc, USER_ERRORS):
            log.warning("%s", exc)
        else:
            log.error("uncaught exception\n%s", details)
        self.sig_error.emit(friendly_message(exc, self.log_hint), details)

    def thread_excepthook(self, args: threading.ExceptHookArgs) -> None:
        """threading.excepthook: the same, from a worker thread."""
        if args.exc_value is None:
            return
        self.excepthook(args.exc_type, args.exc_value, args.exc_traceback)

    def _show(self, message: str, details: str) -> None:
        if self._showing or QApplication.instance() is None:
            return  # one dialog at a time; the rest are in the log
        self._showing = True
        try:
            ask(self.parent_widget, message, details)
        finally:
            self._showing = False

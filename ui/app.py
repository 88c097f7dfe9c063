"""Creating the QApplication with PortDesk's name, organisation and high-DPI defaults."""

from __future__ import annotations

import logging
import sys

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

log = logging.getLogger(__name__)

APP_NAME = "PortDesk"
ORG_NAME = "Qingdao Digital Port"
ORG_DOMAIN = "portdesk.local"
APP_VERSION = "0.1.0"


def ensure_app(argv: list[str] | None = None) -> QApplication:
    """The running QApplication, created (with names and high-DPI policy) when there is none."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    if existing is not None:
        # The CLI or a test painted with a QGuiApplication (menus.fonts); widgets need a QApplication.
        if isinstance(existing, QGuiApplication) and QGuiApplication.topLevelWindows():
            raise RuntimeError("a non-widget Qt application with open windows is already running")
        log.info("replacing the running %s with a QApplication", type(existing).__name__)
        existing.shutdown()
        del existing
    QCoreApplication.setApplicationName(APP_NAME)
    QCoreApplication.setOrganizationName(ORG_NAME)
    QCoreApplication.setOrganizationDomain(ORG_DOMAIN)
    QCoreApplication.setApplicationVersion(APP_VERSION)
    # Qt 6 scales by the screen's DPI already; pass fractional factors through (125 %, 150 % on Windows).
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
    app = QApplication(argv if argv is not None else sys.argv[:1])
    QGuiApplication.setApplicationDisplayName("PortDesk 数字港商户助手")
    return app

"""The one place that picks a CJK font family and makes sure a QGuiApplication exists."""

from __future__ import annotations

import sys
from functools import lru_cache

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFontDatabase, QGuiApplication

CJK_FAMILIES: tuple[str, ...] = (
    "WenQuanYi Micro Hei",
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "Microsoft YaHei",
    "PingFang SC",
    "SimHei",
    "Heiti SC",
    "Droid Sans Fallback",
)
"""CJK families tried in order; the first one QFontDatabase knows wins."""


def ensure_gui_app() -> QCoreApplication:
    """Return the running Qt application, creating a QGuiApplication if there is none.

    Fonts and QPainter text need a QGuiApplication. The desktop app creates its
    QApplication first, so this only creates one in the CLI, tests and benchmarks.
    """
    app = QCoreApplication.instance()
    if app is None:
        app = QGuiApplication(sys.argv[:1] or ["portdesk"])
    return app


@lru_cache(maxsize=1)
def cjk_family() -> str:
    """The family name of an installed CJK font (falls back to Qt's general font)."""
    ensure_gui_app()
    installed = set(QFontDatabase.families())
    for family in CJK_FAMILIES:
        if family in installed:
            return family
    return QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont).family()

"""Loading translations: Qt's own first (standard buttons, dialogs), then PortDesk's.

Source strings are English; `resources/translations/portdesk_zh_CN.qm` carries the Chinese.
The language is a setting ("" follows the system locale: Chinese systems get Chinese).
"""

from __future__ import annotations

import contextlib
import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

log = logging.getLogger(__name__)

TRANSLATIONS_DIR = Path(__file__).resolve().parent.parent / "resources" / "translations"
LANGUAGES: dict[str, str] = {"zh_CN": "简体中文", "en": "English"}

_installed: list[QTranslator] = []
_current: dict[str, object] = {}


def system_language() -> str:
    """zh_CN when the system locale is Chinese, else en."""
    return "zh_CN" if QLocale.system().language() == QLocale.Language.Chinese else "en"


def resolve(lang: str | None) -> str:
    """A supported language code for a requested one ("" or None: follow the system)."""
    if lang:
        lang = lang.replace("-", "_")
        if lang in LANGUAGES:
            return lang
        if lang.lower().startswith("zh"):
            return "zh_CN"
        if lang.lower().startswith("en"):
            return "en"
        log.warning("unknown language %r; following the system", lang)
    return system_language()


def qm_path(lang: str) -> Path:
    """The compiled translation file of a language."""
    return TRANSLATIONS_DIR / f"portdesk_{lang}.qm"


def install(lang: str | None) -> str:
    """Install Qt's and PortDesk's translators for `lang` (replacing earlier ones); returns the code used.

    Installing sends a LanguageChange event to every widget, which then re-translates itself.
    """
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("create the QApplication before installing translations")
    code = resolve(lang)
    if _current.get("code") == code and _current.get("app") is app:
        return code
    for old in _installed:
        with contextlib.suppress(RuntimeError):  # its application was shut down (replaced)
            app.removeTranslator(old)
    _installed.clear()
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt = QTranslator()  # kept alive by _installed, not by the app (which may be replaced)
    if qt.load(QLocale(code), "qtbase", "_", qt_dir):
        app.installTranslator(qt)
        _installed.append(qt)
    ours = QTranslator()
    if ours.load(str(qm_path(code))):
        app.installTranslator(ours)
        _installed.append(ours)
    elif code != "en":
        log.warning("translation file %s is missing; the UI stays in English", qm_path(code))
    QLocale.setDefault(QLocale(code))
    _current.update(code=code, app=app)
    return code


def current() -> str | None:
    """The language installed last (None before the first install)."""
    code = _current.get("code")
    return code if isinstance(code, str) else None

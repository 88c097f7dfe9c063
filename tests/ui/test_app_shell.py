"""The app shell: single instance, translations and the language switch, the error hook, settings."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication

from catalog.products import ProductError
from desktop import gui
from ui import errors, i18n, single_instance
from ui.main_window import MainWindow
from ui.settings import AppSettings

pytestmark = pytest.mark.usefixtures("english_ui", "no_unexpected_dialogs")


def test_second_launch_signals_the_first_and_returns_0(qtbot, data_dir, monkeypatch):
    server = single_instance.InstanceServer(data_dir)
    assert server.listen()
    try:
        with qtbot.waitSignal(server.sig_activate_requested, timeout=3000):
            assert single_instance.signal_running(data_dir)
        # run() on the same folder hands over and never opens the database or a window
        monkeypatch.setattr(gui, "setup_logging", lambda _d: None)
        with qtbot.waitSignal(server.sig_activate_requested, timeout=3000):
            assert gui.run(data_dir) == 0
        assert not (data_dir / "shop.sqlite").exists()
    finally:
        server.close()


def test_no_running_instance_and_other_folders_are_separate(qtbot, data_dir, tmp_path):
    assert not single_instance.signal_running(data_dir, timeout_ms=200)
    server = single_instance.InstanceServer(data_dir)
    assert server.listen()
    try:
        assert not single_instance.signal_running(tmp_path / "another-shop", timeout_ms=200)
        assert single_instance.server_name(data_dir) == single_instance.server_name(Path(str(data_dir) + "/."))
    finally:
        server.close()


def test_activation_brings_the_window_forward(qtbot, window, data_dir):
    server = single_instance.InstanceServer(data_dir)
    assert server.listen()
    server.sig_activate_requested.connect(window.bring_to_front)
    window.showMinimized()
    try:
        with qtbot.waitSignal(server.sig_activate_requested, timeout=3000):
            single_instance.signal_running(data_dir)
        assert not window.isMinimized()
    finally:
        server.close()


def test_translations_switch_between_chinese_and_english(qtbot, window):
    assert i18n.install("zh_CN") == "zh_CN"
    qtbot.waitUntil(lambda: window.menu_file.title() == "文件(&F)")
    assert window.model.headerData(0, __import__("PySide6.QtCore").QtCore.Qt.Orientation.Horizontal) == "名称"
    assert window.sidebar.tree_model.index_of(None).data() == "全部商品"
    assert window.welcome.import_button.text() == "导入表格"
    assert QCoreApplication.translate("QPlatformTheme", "&Yes") == "是(&Y)"  # Qt's own translator too
    i18n.install("en")
    qtbot.waitUntil(lambda: window.menu_file.title() == "&File")
    assert window.sidebar.tree_model.index_of(None).data() == "All products"


def test_language_setting_is_stored_and_applied(qtbot, window, data_dir, monkeypatch):
    def choose_chinese(dialog) -> bool:
        dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("zh_CN"))
        dialog.accept()
        return True

    monkeypatch.setattr(window, "_run_dialog", choose_chinese)
    window.open_settings()
    qtbot.waitUntil(lambda: window.act_import.text() == "导入表格(&I)…")
    assert AppSettings.load(data_dir).language == "zh_CN"


def test_language_follows_the_system_when_unset(monkeypatch):
    assert i18n.resolve("zh-CN") == "zh_CN" and i18n.resolve("en_US") == "en" and i18n.resolve("zh_TW") == "zh_CN"
    monkeypatch.setattr(i18n, "system_language", lambda: "zh_CN")
    assert i18n.resolve("") == "zh_CN" and i18n.resolve(None) == "zh_CN"


def test_uncaught_error_is_logged_and_shown_without_traceback(qtbot, monkeypatch, caplog):
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(errors, "ask", lambda _parent, message, details: shown.append((message, details)))
    reporter = errors.ErrorReporter(log_hint="/data/logs")
    try:
        raise RuntimeError("disk on fire")
    except RuntimeError as exc:
        reporter.excepthook(type(exc), exc, exc.__traceback__)
    qtbot.waitUntil(lambda: len(shown) == 1)
    message, details = shown[0]
    assert "Your saved data is safe" in message and "/data/logs" in message
    assert "Traceback" not in message and "disk on fire" not in message
    assert "RuntimeError: disk on fire" in details  # behind the "Show details" button
    assert "disk on fire" in caplog.text


def test_errors_from_worker_threads_reach_the_ui_thread(qtbot, monkeypatch):
    shown: list[tuple[str, int]] = []
    monkeypatch.setattr(errors, "ask", lambda _p, message, _d: shown.append((message, threading.get_ident())))
    reporter = errors.ErrorReporter()
    reporter.install()
    try:
        t = threading.Thread(target=lambda: (_ for _ in ()).throw(ProductError("商品名称不能为空 / A product needs a name")))
        t.start()
        t.join()
        qtbot.waitUntil(lambda: len(shown) == 1)
    finally:
        reporter.uninstall()
    assert shown[0] == ("商品名称不能为空 / A product needs a name", threading.get_ident())


def test_hooks_are_installed_and_removed(qapp):
    reporter = errors.ErrorReporter()
    import sys

    before = sys.excepthook
    reporter.install()
    assert sys.excepthook == reporter.excepthook and threading.excepthook == reporter.thread_excepthook
    reporter.uninstall()
    assert sys.excepthook == before


def test_gui_start_opens_the_shop_and_closes_cleanly(qtbot, data_dir, monkeypatch):
    monkeypatch.setattr(gui, "setup_logging", lambda _d: None)
    session = gui.start(data_dir, "en")
    assert session is not None
    try:
        assert isinstance(session.window, MainWindow) and session.window.isVisible()
        assert (data_dir / "shop.sqlite").exists()
        assert session.window.stack.currentWidget() is session.window.welcome
        assert single_instance.signal_running(data_dir)  # it listens for later launches
    finally:
        session.close()
        session.window.close()


def test_settings_file_survives_garbage(data_dir):
    (data_dir / "settings.json").write_text("{not json", encoding="utf-8")
    assert AppSettings.load(data_dir) == AppSettings()
    AppSettings(language="en", large_font=True).save(data_dir)
    assert AppSettings.load(data_dir).large_font


def test_import_requests_open_the_import_wizard_lazily(qtbot, data_dir, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QApplication

    monkeypatch.setattr(gui, "setup_logging", lambda _d: None)
    sheet = tmp_path / "商品.csv"
    sheet.write_text("商品名称,售价\n青岛啤酒,8\n", encoding="utf-8")
    session = gui.start(data_dir, "en")
    assert session is not None
    try:
        session.window.sig_import_requested.emit(str(sheet))  # no "coming soon" dialog: the wizard answers
        wizards = [w for w in QApplication.topLevelWidgets() if type(w).__name__ == "ImportWizard" and w.isVisible()]
        assert len(wizards) == 1
        wizards[0].runner.wait_idle()
        wizards[0].close()
    finally:
        session.close()
        session.window.close()

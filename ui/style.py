"""The calm look: Fusion style, a readable CJK font at 10.5-13 pt, soft colours, roomy spacing."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QColor, QFont, QFontDatabase, QGuiApplication, QIcon, QPalette
from PySide6.QtWidgets import QApplication, QWidget

ICONS_DIR = Path(__file__).resolve().parent.parent / "resources" / "icons"

# Preferred CJK UI families, most likely first on a shop's Windows PC.
CJK_FAMILIES = (
    "Microsoft YaHei UI", "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "Source Han Sans SC",
    "WenQuanYi Micro Hei", "SimHei",
)
ACCENT = "#1f6fb2"
# A disabled primary button: grey, so it never passes for one that can be clicked.
DISABLED_BG = "#e1e5e9"
DISABLED_FG = "#8a949e"
DISABLED_BORDER = "#cdd3d9"
NORMAL_PT = 10.5
LARGE_PT = 13.0
SCREEN_MARGIN = 60  # pixels kept free around a window's first size: its title bar and frame, some desktop


def ui_font(large: bool = False) -> QFont:
    """The app font: the first installed CJK family, 10.5 pt (13 pt when `large`)."""
    installed = set(QFontDatabase.families())
    family = next((f for f in CJK_FAMILIES if f in installed), QFont().family())
    font = QFont(family)
    font.setPointSizeF(LARGE_PT if large else NORMAL_PT)
    return font


def app_icon() -> QIcon:
    """The PortDesk icon at every size shipped in resources/icons."""
    icon = QIcon()
    for size in (16, 24, 32, 48, 64, 128, 256):
        path = ICONS_DIR / f"portdesk-{size}.png"
        if path.exists():
            icon.addFile(str(path))
    return icon


_QSS = """
QMainWindow, QDialog { background: #f6f7f9; }
QLineEdit, QComboBox, QSpinBox, QPlainTextEdit, QTextEdit {
    padding: 4px 6px; border: 1px solid #c9cfd6; border-radius: 4px; background: white;
}
QComboBox { padding-right: 22px; }  /* the text stops before the drop-down arrow */
QLineEdit:focus, QComboBox:focus, QSpinBox:focus, QPlainTextEdit:focus { border-color: %(accent)s; }
QPushButton { padding: 5px 14px; border: 1px solid #b9c1ca; border-radius: 4px; background: #ffffff; }
QPushButton:hover { background: #eef4fa; }
QPushButton:default, QPushButton[primary="true"] {
    background: %(accent)s; color: white; border-color: %(accent)s;
}
QPushButton:default:disabled, QPushButton[primary="true"]:disabled {
    background: %(disabled_bg)s; color: %(disabled_fg)s; border-color: %(disabled_border)s;
}
QPushButton[big="true"] { padding: 18px 28px; font-size: %(big)spt; }
QTableView, QTreeView { background: white; border: 1px solid #d8dde3; gridline-color: #eceff2; }
QTableView::item, QTreeView::item { padding: 2px 6px; }
QHeaderView::section {
    background: #eef1f4; border: none; border-right: 1px solid #dde2e7; border-bottom: 1px solid #d8dde3;
    padding: 5px 6px;
}
QStatusBar { background: #eef1f4; }
QLabel[role="error"] { color: #b3261e; }
QLabel[role="title"] { font-size: %(title)spt; font-weight: bold; }
QLabel[role="hint"] { color: #5f6b77; }
"""


def apply(app: QApplication, large: bool = False) -> None:
    """Give the app its style, palette, font and icon."""
    app.setStyle("Fusion")
    font = ui_font(large)
    app.setFont(font)
    palette = app.palette()
    palette.setColor(QPalette.ColorRole.Highlight, QColor(ACCENT))
    palette.setColor(QPalette.ColorRole.HighlightedText, QColor("white"))
    palette.setColor(QPalette.ColorRole.AlternateBase, QColor("#f7f9fb"))
    app.setPalette(palette)
    size = font.pointSizeF()
    app.setStyleSheet(_QSS % {
        "accent": ACCENT, "big": f"{size + 3:g}", "title": f"{size + 8:g}",
        "disabled_bg": DISABLED_BG, "disabled_fg": DISABLED_FG, "disabled_border": DISABLED_BORDER,
    })
    app.setWindowIcon(app_icon())


def fit_to_screen(window: QWidget, width: int, height: int) -> None:
    """Give a top-level window its default size, made smaller where the screen is smaller
    (a 1024x768 shop PC): it never starts out hanging off the screen."""
    parent = window.parentWidget()
    screen = parent.window().screen() if parent is not None else window.screen()
    screen = screen or QGuiApplication.primaryScreen()
    if screen is None:
        window.resize(width, height)
        return
    free = screen.availableGeometry()
    window.resize(min(width, free.width() - SCREEN_MARGIN), min(height, free.height() - SCREEN_MARGIN))

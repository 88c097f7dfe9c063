"""The preview's count chips: how many rows are new, updates, unchanged and have problems.

Each chip is a toggle that shows only its rows (click it again: every row); "Next problem" (F8,
Shift+F8 for the one before) goes from problem row to problem row. The chips only say what the
user asked for: the wizard filters the model.
"""

from __future__ import annotations

import html
from functools import partial

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

ACTIONS = ("new", "changed", "unchanged", "error")
CHIP_SCALE = 8 / 7  # the count chips stand out a little from the text around them: 12 pt beside 10.5 pt
CHIP_COLOURS = {
    "new": ("#d3eecf", "#1d5a17"),
    "changed": ("#fbe6b0", "#6b4a00"),
    "unchanged": ("#e9ecef", "#4a545e"),
    "error": ("#f7cfcb", "#8c1a12"),
}
FOCUS_RING = "#1565c0"  # the keyboard focus: a blue dotted ring, unlike a chip that is down (solid, its own colour)
CHIP_STYLE = """
QPushButton {{ background: {bg}; color: {fg}; border: 2px solid {bg}; border-radius: 6px; padding: 2px 10px; }}
QPushButton:hover {{ border-color: {fg}; }}
QPushButton:checked {{ border: 2px solid {fg}; font-weight: bold; }}
QPushButton:focus {{ border: 2px dotted {focus}; }}
QPushButton:checked:focus {{ border: 2px dotted {focus}; font-weight: bold; }}
QPushButton:disabled {{ background: #f1f3f5; color: #8a949e; border-color: #f1f3f5; }}
"""
NEXT_KEY = QKeySequence(Qt.Key.Key_F8)
PREVIOUS_KEY = QKeySequence(Qt.Modifier.SHIFT | Qt.Key.Key_F8)


def chip_point_size(font: QFont) -> float:
    """The point size of the count chips for text in `font` (the application's: normal or large)."""
    base = font.pointSizeF()
    if base <= 0:  # a font sized in pixels
        base = font.pixelSize() * 72 / 96
    return round(base * CHIP_SCALE * 2) / 2


class CountChips(QWidget):
    """The count chips (toggles that show only their rows), "Next problem", and what is shown."""

    sig_filter_changed = Signal(object)
    """The user chose the rows to show: an action ("new", "changed", "unchanged", "error") or None for all."""

    sig_next_problem_requested = Signal(int)
    """Go to the next (1) or the previous (-1) row with a problem."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._counts = dict.fromkeys(ACTIONS, 0)
        self._filter: str | None = None
        self._shown = 0
        self.buttons: dict[str, QPushButton] = {}
        """One checkable chip per action."""
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        for action in ACTIONS:
            button = QPushButton()
            button.setCheckable(True)
            button.setAutoDefault(False)
            button.setCursor(Qt.CursorShape.PointingHandCursor)
            button.setStyleSheet(CHIP_STYLE.format(bg=CHIP_COLOURS[action][0], fg=CHIP_COLOURS[action][1],
                                                   focus=FOCUS_RING))
            button.clicked.connect(partial(self._clicked, action))
            self.buttons[action] = button
            layout.addWidget(button)
        layout.addSpacing(10)
        self.next_button = QPushButton()
        self.next_button.setAutoDefault(False)
        self.next_button.clicked.connect(lambda: self.sig_next_problem_requested.emit(1))
        layout.addWidget(self.next_button)
        self.filter_hint = QLabel()
        self.filter_hint.setProperty("role", "hint")
        self.filter_hint.setWordWrap(True)  # never widens the window (a 1024x768 screen, large text)
        self.filter_hint.setTextFormat(Qt.TextFormat.RichText)
        self.filter_hint.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse
                                                 | Qt.TextInteractionFlag.LinksAccessibleByKeyboard)
        self.filter_hint.linkActivated.connect(lambda _link: self.sig_filter_changed.emit(None))
        layout.addSpacing(6)
        layout.addWidget(self.filter_hint, 1)
        # F8 and Shift+F8 while the preview is shown (a hidden or disabled widget's shortcuts sleep)
        self._next_key = QShortcut(NEXT_KEY, self, lambda: self._key(1))
        self._previous_key = QShortcut(PREVIOUS_KEY, self, lambda: self._key(-1))
        self.retranslate()

    @property
    def filter(self) -> str | None:
        """The action whose chip is down, or None (every row shown)."""
        return self._filter

    def set_counts(self, counts: dict[str, int], point_size: float) -> None:
        """Show the counts of a plan, the chips' text `point_size` pt; a chip with no rows cannot be chosen."""
        self._counts = {a: int(counts.get(a, 0)) for a in ACTIONS}
        for button in self.buttons.values():
            font = QFont(self.font())
            font.setPointSizeF(point_size)
            button.setFont(font)
        self.retranslate()

    def set_filter(self, action: str | None, shown: int = 0) -> None:
        """Put the chip of `action` down (None: every chip up) without emitting; `shown` rows are shown."""
        self._filter, self._shown = action, shown
        self.retranslate()

    def retranslate(self) -> None:
        """Set every text in the current language."""
        c = self._counts
        texts = {
            "new": self.tr("New {n}").format(n=c["new"]),
            "changed": self.tr("Update {n}").format(n=c["changed"]),
            "unchanged": self.tr("No change {n}").format(n=c["unchanged"]),
            "error": self.tr("Problems {n}").format(n=c["error"]),
        }
        tips = {
            "new": self.tr("Show only the new rows"),
            "changed": self.tr("Show only the rows that update a product"),
            "unchanged": self.tr("Show only the rows with no change"),
            "error": self.tr("Show only rows with problems"),
        }
        for action, button in self.buttons.items():
            down = action == self._filter
            button.setChecked(down)
            button.setText(("✔ " if down else "") + texts[action])
            button.setToolTip(self.tr("Show all rows again") if down else tips[action])
            button.setEnabled(c[action] > 0 or down)
        self.next_button.setText(self.tr("Next problem (F8)"))
        self.next_button.setToolTip(self.tr("Go to the next row with a problem. Shift+F8: the one before."))
        self.next_button.setVisible(c["error"] > 0)
        total = sum(c.values())
        # an empty hint is no stop for Tab (its link is reachable from the keyboard when shown)
        self.filter_hint.setFocusPolicy(Qt.FocusPolicy.NoFocus if self._filter is None else Qt.FocusPolicy.StrongFocus)
        if self._filter is None:
            self.filter_hint.setText("")
        else:
            shown = self.tr("Showing {shown} of %n row(s).", "", total).format(shown=self._shown)
            show_all = self.tr("Show all rows")
            self.filter_hint.setText(f'{html.escape(shown)} <a href="all">{html.escape(show_all)}</a>')

    def changeEvent(self, event: QEvent) -> None:
        """Re-translate on a language change."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _clicked(self, action: str, *_checked: object) -> None:
        self.sig_filter_changed.emit(action if self.buttons[action].isChecked() else None)

    def _key(self, step: int) -> None:
        if self._counts["error"]:
            self.sig_next_problem_requested.emit(step)

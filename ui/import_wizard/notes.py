"""The labels the wizard's pages are made of: plain text, hints, titles and coloured notes."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel


def label(role: str = "", wrap: bool = True) -> QLabel:
    """A selectable label; `role` ("title", "hint", "error") styles it (ui.style)."""
    widget = QLabel()
    widget.setWordWrap(wrap)
    widget.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if role:
        widget.setProperty("role", role)
    return widget


def note(colour: str, border: str) -> QLabel:
    """A hidden, boxed note in `colour`: shown when there is something to say."""
    widget = label()
    widget.setStyleSheet(f"QLabel {{ background: {colour}; border: 1px solid {border}; border-radius: 4px; padding: 6px 10px; }}")
    widget.hide()
    return widget


INFO = ("#e8f1fb", "#a9c7e8")
WARNING = ("#fff6dc", "#e9cf87")
ERROR = ("#fdecea", "#e8a49c")

"""The editor's small lists (specs, dish options, photos): a view above an Add / Remove button row."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget


def add_remove_layout(
    owner: QWidget, view: QWidget, on_add: Callable[[], object], on_remove: Callable[[], object]
) -> tuple[QPushButton, QPushButton]:
    """Lay out `view` above Add and Remove buttons in `owner`; returns (add, remove).

    The caller sets the buttons' texts in its `retranslate()`, so a language switch updates them.
    """
    add, remove = QPushButton(owner), QPushButton(owner)
    add.clicked.connect(lambda: on_add())
    remove.clicked.connect(lambda: on_remove())
    buttons = QHBoxLayout()
    buttons.addWidget(add)
    buttons.addWidget(remove)
    buttons.addStretch(1)
    layout = QVBoxLayout(owner)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(view)
    layout.addLayout(buttons)
    return add, remove

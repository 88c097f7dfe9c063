"""The calm look (ui.style) as painted: buttons that cannot be clicked must look it."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QDialog, QHBoxLayout, QPushButton

from ui import style


def _fill(button: QPushButton) -> QColor:
    """The button's background as painted, beside its text (inside the border and the padding)."""
    image = button.grab().toImage()
    return image.pixelColor(5, image.height() // 2)


def _greyish(colour: QColor) -> bool:
    return colour.hslSaturation() < 40 and abs(colour.red() - colour.blue()) < 24


@pytest.mark.parametrize("large", [False, True], ids=["normal", "large"])
def test_a_disabled_primary_or_default_button_is_grey(qtbot: object, styled: Callable[[bool], None],
                                                      large: bool) -> None:
    styled(large)
    dialog = QDialog()
    qtbot.addWidget(dialog)  # type: ignore[attr-defined]
    layout = QHBoxLayout(dialog)
    buttons: dict[str, QPushButton] = {}
    for key in ("primary", "primary_off", "default_off"):
        button = QPushButton("导入 12 行 Import")
        button.setAutoDefault(False)
        if key.startswith("primary"):
            button.setProperty("primary", True)
        else:
            button.setDefault(True)
        button.setEnabled(not key.endswith("_off"))
        layout.addWidget(button)
        buttons[key] = button
    dialog.show()
    qtbot.waitExposed(dialog)  # type: ignore[attr-defined]

    assert _fill(buttons["primary"]) == QColor(style.ACCENT)  # an enabled one keeps the accent
    for key in ("primary_off", "default_off"):
        fill = _fill(buttons[key])
        assert fill != QColor(style.ACCENT) and _greyish(fill), (key, fill.name())
        assert fill.lightness() > 180, (key, fill.name())  # light grey, not a dark block

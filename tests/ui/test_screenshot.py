"""`portdesk screenshot`: the main window and each dialog rendered offscreen to a PNG."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from catalog.demo import load_demo
from catalog.store import Store
from desktop.paths import database_path
from ui.screenshot import SIZES, save_screenshot


@pytest.fixture
def demo_dir(tmp_path: Path, qapp: object) -> Path:
    folder = tmp_path / "shop"
    with Store.open(database_path(folder)) as store:
        load_demo(store)
    return folder


def _colours(image: QImage, x0: int, y0: int, x1: int, y1: int) -> set[int]:
    return {image.pixel(x, y) for x in range(x0, x1, 3) for y in range(y0, y1, 3)}


def test_import_view_previews_the_sample_with_its_problem_row(demo_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "import.png"
    save_screenshot(demo_dir, out, "import", "en")
    image = QImage(str(out))
    assert (image.width(), image.height()) == SIZES["import"]
    assert (demo_dir / "samples" / "价目表.csv").is_file()
    # the grid was filled by the worker before the picture: its rows are tinted (green new, red problem)
    tints = {c & 0xFFFFFF for c in _colours(image, 20, 200, image.width() - 20, 360)}
    reddish = [c for c in tints if (c >> 16) > ((c >> 8) & 0xFF) + 8 and (c >> 16) > (c & 0xFF) + 8]
    greenish = [c for c in tints if ((c >> 8) & 0xFF) > (c >> 16) + 8 and ((c >> 8) & 0xFF) > (c & 0xFF) + 8]
    assert reddish and greenish


def test_menus_view_waits_for_the_a4_preview(demo_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "menus.png"
    save_screenshot(demo_dir, out, "menus", "en")
    image = QImage(str(out))
    assert (image.width(), image.height()) == SIZES["menus"]
    # the preview pane (right third) shows a rendered page, not an empty grey box
    assert len(_colours(image, image.width() * 2 // 3, 60, image.width() - 30, image.height() - 100)) > 40


@pytest.mark.usefixtures("english_ui", "store")
def test_screenshot_writes_png_of_the_right_size(data_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "main.png"
    save_screenshot(data_dir, out, "main", "zh_CN")
    image = QImage(str(out))
    assert out.stat().st_size > 5000 and (image.width(), image.height()) == (1200, 760)
    save_screenshot(data_dir, tmp_path / "editor.png", "editor", "en")
    assert QImage(str(tmp_path / "editor.png")).width() == 900
    save_screenshot(data_dir, tmp_path / "settings.png", "settings")
    assert QImage(str(tmp_path / "settings.png")).height() == 200
    with pytest.raises(ValueError, match="main, settings, editor"):
        save_screenshot(data_dir, tmp_path / "x.png", "dashboard")

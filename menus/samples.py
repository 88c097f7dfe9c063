"""A sample beer-street restaurant (shop, menu, tables) and the sample pictures of every
template in docs/menus. Regenerate with:  python -m menus.samples [OUT_DIR]
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPainterPath

from menus.fonts import cjk_family, ensure_gui_app
from menus.model import Menu, MenuItem, Section, Shop, Spec, Table

LONG_NAME = "登州路老字号秘制酱香海鲜大咖豪华拼盘含鲍鱼海参扇贝蛤蜊皮皮虾八爪鱼（四至六人份）"
"""A 40-character dish name: it must wrap or be elided, never overflow."""


def sample_shop(*, with_logo: bool = True) -> Shop:
    """A restaurant on Dengzhou Road that has never connected to the port."""
    return Shop(
        name="老船长啤酒屋",
        address="青岛市市北区登州路56号",
        phone="0532-8866 1903",
        opening_hours="11:00–次日02:00",
        logo=sample_logo() if with_logo else None,
        local_id="shop-7f3a9c2e",
    )


def sample_menu(*, with_images: bool = True) -> Menu:
    """A realistic beer-street menu: specs, member prices, spicy, allergens, sold out."""
    beer = sample_beer_image() if with_images else None
    S = Spec
    sections = (
        Section(
            "招牌原浆 · Draft Beer",
            (
                MenuItem(
                    "p-yj",
                    "青岛啤酒原浆",
                    (S("1L", 3800, 3200), S("2L", 6800, 6000)),
                    "当天灌装的未过滤原浆，麦香浓郁，建议24小时内饮用",
                    allergens=("alcohol", "gluten"),
                    image=beer,
                ),
                MenuItem(
                    "p-cs",
                    "青岛纯生",
                    (S("500ml 瓶", 1500, 1200),),
                    allergens=("alcohol", "gluten"),
                    unit="瓶",
                ),
                MenuItem(
                    "p-hp",
                    "青岛黑啤",
                    (S("1L", 4500, 4000),),
                    "焦糖与咖啡香",
                    allergens=("alcohol", "gluten"),
                    sold_out=True,
                ),
                MenuItem("p-dg", "扎啤（大杯）", (S("", 1800),), allergens=("alcohol",), unit="杯"),
            ),
        ),
        Section(
            "海鲜 · Seafood",
            (
                MenuItem(
                    "p-lcgl",
                    "辣炒蛤蜊",
                    (S("小份", 3800, 3400), S("大份", 6800, 6000)),
                    "登州路招牌，现炒现卖",
                    spicy_level=2,
                    allergens=("shellfish",),
                ),
                MenuItem(
                    "p-ppx",
                    "椒盐皮皮虾",
                    (S("", 8800, 7800),),
                    spicy_level=1,
                    allergens=("crustacean",),
                    unit="斤",
                ),
                MenuItem("p-sb", "蒜蓉粉丝扇贝", (S("", 1200),), allergens=("shellfish", "soy"), unit="只"),
                MenuItem(
                    "p-xlx",
                    "香辣蟹",
                    (S("", 12800, 11800),),
                    "选用胶州湾梭子蟹",
                    spicy_level=3,
                    allergens=("crustacean",),
                ),
                MenuItem(
                    "p-pp",
                    LONG_NAME,
                    (S("四人份", 38800, 35800), S("六人份", 52800)),
                    allergens=("shellfish", "crustacean", "fish"),
                ),
            ),
        ),
        Section(
            "凉菜小吃 · Snacks",
            (
                MenuItem("p-lchs", "老醋花生", (S("", 1600),), allergens=("peanut",)),
                MenuItem("p-phg", "拍黄瓜", (S("", 1250),), "蒜香清爽"),
                MenuItem("p-kyy", "铁板鱿鱼", (S("", 2800),), spicy_level=1, allergens=("shellfish",)),
            ),
        ),
        Section(
            "主食 · Staples",
            (
                MenuItem(
                    "p-byjz",
                    "鲅鱼水饺",
                    (S("12个", 3200, 2800),),
                    "青岛老味道",
                    allergens=("fish", "gluten", "egg"),
                ),
                MenuItem(
                    "p-hdjz", "海胆水饺", (S("12个", 5800),), allergens=("shellfish", "gluten"), sold_out=True
                ),
            ),
        ),
        Section(
            "打包带走 · To Go",
            (
                MenuItem(
                    "p-yjwd",
                    "原浆外带桶",
                    (S("2L 桶装", 6800, 6000), S("5L 桶装", 15800, 14800)),
                    "密封桶装，冷藏可存3天",
                    allergens=("alcohol", "gluten"),
                    unit="桶",
                ),
                MenuItem(
                    "p-lcglbz",
                    "即食辣炒蛤蜊（真空装）",
                    (S("500g", 4500),),
                    spicy_level=2,
                    allergens=("shellfish",),
                    unit="袋",
                ),
            ),
        ),
    )
    return Menu(id="m-main", name="夏季菜单", slug="main", sections=sections)


def sample_tables() -> list[Table]:
    """Hall tables A1-A6 and terrace tables B1-B4."""
    hall = [Table(f"t-a{i}", f"A{i}", f"A{i:02d}", "大厅") for i in range(1, 7)]
    terrace = [Table(f"t-b{i}", f"B{i}", f"B{i:02d}", "露台") for i in range(1, 5)]
    return hall + terrace


def big_menu(n_items: int, per_section: int = 12) -> Menu:
    """A long generated menu of `n_items` items (for pagination tests and the benchmark)."""
    dishes = [
        "辣炒蛤蜊",
        "椒盐皮皮虾",
        "清蒸鲈鱼",
        "蒜蓉扇贝",
        "酱爆八爪鱼",
        "青岛啤酒原浆",
        "烤鱿鱼",
        "海肠捞饭",
    ]
    sections = []
    for s in range(0, n_items, per_section):
        items = tuple(
            MenuItem(
                f"p{i:04d}",
                f"{dishes[i % len(dishes)]} {i + 1}号",
                (Spec("小份", 1800 + i * 10, 1600 + i * 10), Spec("大份", 3200 + i * 15))
                if i % 3 == 0
                else (Spec("", 2250 + i * 5),),
                "现点现做，鲜香可口" if i % 2 else "",
                sold_out=i % 17 == 5,
                spicy_level=i % 4,
                allergens=("shellfish",) if i % 5 == 0 else (),
            )
            for i in range(s, min(n_items, s + per_section))
        )
        sections.append(Section(f"第 {s // per_section + 1} 类", items))
    return Menu(id="m-big", name="全部菜品", slug="all-dishes", sections=tuple(sections))


def _png(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")  # type: ignore[call-overload]  # the stubs say bytes
    return bytes(data.data())


def sample_logo() -> bytes:
    """A round blue logo with a gold 港 (a PNG), drawn with Qt."""
    ensure_gui_app()
    image = QImage(240, 240, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setBrush(QColor("#0b4f6c"))
    p.setPen(Qt.PenStyle.NoPen)
    p.drawEllipse(QRectF(4, 4, 232, 232))
    p.setPen(QColor("#f2c14e"))
    font = QFont(cjk_family())
    font.setPixelSize(130)
    font.setBold(True)
    p.setFont(font)
    p.drawText(QRectF(0, 0, 240, 240), Qt.AlignmentFlag.AlignCenter, "港")
    p.end()
    return _png(image)


def sample_beer_image() -> bytes:
    """A glass of amber beer with a foam head (a PNG), drawn with Qt."""
    ensure_gui_app()
    image = QImage(200, 200, QImage.Format.Format_ARGB32)
    image.fill(QColor("#fdf6e3"))
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    glass = QPainterPath()
    glass.moveTo(QPointF(55, 50))
    glass.lineTo(QPointF(145, 50))
    glass.lineTo(QPointF(135, 180))
    glass.lineTo(QPointF(65, 180))
    glass.closeSubpath()
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor("#e8a317"))
    p.drawPath(glass)
    p.setBrush(QColor("#ffffff"))
    for x, y, r in ((70, 48, 20), (98, 40, 24), (128, 48, 20)):
        p.drawEllipse(QPointF(x, y), r, r * 0.8)
    p.end()
    return _png(image)


def write_samples(out_dir: str | Path = "docs/menus", dpi: float = 110) -> list[Path]:
    """Render every template for the sample shop into PNGs in `out_dir`, and the HTML menu."""
    from menus.html import write_html
    from menus.render import render_png
    from menus.templates import TEMPLATES

    shop, menu, tables = sample_shop(), sample_menu(), sample_tables()[:2]
    out = Path(out_dir)
    paths: list[Path] = []
    for name in TEMPLATES:
        for old in out.glob(f"{name}-*.png"):
            old.unlink()
        paths += render_png(name, shop, menu, tables, out, dpi=dpi)
    paths.append(write_html(shop, menu, out / "html"))
    return paths


if __name__ == "__main__":
    for path in write_samples(sys.argv[1] if len(sys.argv) > 1 else "docs/menus"):
        print(path)

"""The menu templates, by name. Each one turns a Job into a laid-out Document."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from menus.layout import Document
from menus.templates import a4, stickers, tent, thermal
from menus.templates.common import Cancelled, Job


@dataclass(frozen=True, slots=True)
class Template:
    """A named layout: `title` is what the UI shows, `layout` does the work."""

    name: str
    title: str
    layout: Callable[[Job], Document]
    needs_tables: bool = False


TEMPLATES: dict[str, Template] = {
    t.name: t
    for t in (
        Template("a4", "A4 菜单（多页）", a4.layout),
        Template("tent-a5", "桌牌（A4 对折成 A5，每桌一张）", tent.layout, needs_tables=True),
        Template("stickers-a4", "商品二维码贴纸（A4，3×8，70×37 mm）", stickers.layout),
        Template("thermal-58", "小票菜单（58 mm 热敏纸）", thermal.layout_58),
        Template("thermal-80", "小票菜单（80 mm 热敏纸）", thermal.layout_80),
    )
}
"""Every template, keyed by the name the CLI and the UI use."""


def get_template(name: str) -> Template:
    """The template called `name`; ValueError naming the valid ones otherwise."""
    try:
        return TEMPLATES[name]
    except KeyError:
        raise ValueError(f"未知的模板 {name!r}；可用：{', '.join(TEMPLATES)}") from None


__all__ = ["TEMPLATES", "Cancelled", "Job", "Template", "get_template"]

"""A static HTML menu (no Qt): one mobile-first index.html with inline CSS and images
inlined as data: URIs, so it works opened straight from disk or from any web host.
Every text from the catalog goes through html.escape.
"""

from __future__ import annotations

import base64
import os
from html import escape
from pathlib import Path

from menus.model import ALLERGEN_LABELS, SPICY_LABELS, Menu, MenuItem, Shop
from menus.money import format_fen, shown_price
from menus.urls import menu_url

CSS = """
*{box-sizing:border-box}
body{margin:0;font-family:"PingFang SC","Microsoft YaHei","Noto Sans CJK SC","WenQuanYi Micro Hei",sans-serif;
 background:#f4f6f7;color:#1f2a30;line-height:1.45}
header{background:#0b4f6c;color:#fff;padding:20px 16px 16px;display:flex;gap:14px;align-items:center}
header img{width:56px;height:56px;border-radius:50%;background:#fff;object-fit:cover}
header h1{margin:0;font-size:1.4rem}
header p{margin:2px 0 0;font-size:.85rem;opacity:.85}
nav{position:sticky;top:0;background:#fff;display:flex;gap:8px;overflow-x:auto;padding:10px 12px;
 box-shadow:0 1px 3px rgba(0,0,0,.08);z-index:1}
nav a{white-space:nowrap;text-decoration:none;color:#0b4f6c;border:1px solid #cfe0e6;border-radius:16px;padding:4px 12px;font-size:.9rem}
main{max-width:760px;margin:0 auto;padding:8px 12px 40px}
h2{font-size:1.1rem;color:#0b4f6c;border-left:4px solid #0b4f6c;padding-left:8px;margin:22px 0 8px}
.item{background:#fff;border-radius:10px;padding:12px;margin:8px 0;display:flex;gap:12px}
.item img{width:72px;height:72px;border-radius:8px;object-fit:cover;flex:none}
.body{flex:1;min-width:0}
.name{font-weight:700;font-size:1.02rem;overflow-wrap:anywhere}
.desc{color:#66737a;font-size:.85rem;margin-top:2px}
.tags{margin-top:4px;display:flex;flex-wrap:wrap;gap:6px;font-size:.75rem}
.tag{border-radius:4px;padding:1px 6px;background:#eef2f4;color:#55636a}
.tag.spicy{background:#fdecea;color:#c62828}
.tag.out{background:#c62828;color:#fff;font-weight:700}
.specs{margin-top:6px;display:grid;grid-template-columns:1fr auto auto;gap:2px 12px;font-size:.92rem}
.price{color:#0b4f6c;font-weight:700;text-align:right}
.member{color:#a35f00;font-size:.8rem;text-align:right;align-self:center}
.soldout .name,.soldout .price,.soldout .member{color:#9aa3a8;text-decoration:line-through}
footer{text-align:center;color:#66737a;font-size:.8rem;padding:16px}
"""


def _data_uri(data: bytes) -> str:
    kind = "image/png" if data[:8] == b"\x89PNG\r\n\x1a\n" else "image/jpeg"
    return f"data:{kind};base64,{base64.b64encode(data).decode('ascii')}"


def _item(item: MenuItem) -> str:
    tags = []
    if item.sold_out:
        tags.append('<span class="tag out">已售罄</span>')
    if item.spicy_level:
        zh, en = SPICY_LABELS[item.spicy_level]
        tags.append(
            f'<span class="tag spicy" title="{escape(en)}">{"🌶" * item.spicy_level} {escape(zh)}</span>'
        )
    for code in item.allergens:
        zh, en = ALLERGEN_LABELS.get(code, (code, code))
        tags.append(f'<span class="tag" title="{escape(en)}">含{escape(zh)}</span>')
    specs = "".join(
        f'<span>{escape(s.name)}</span><span class="price">{escape(shown_price(s.price_fen, item.unit, s.market_price))}</span>'
        f'<span class="member">{"会员 " + escape(format_fen(s.member_price_fen)) if s.member_price_fen is not None else ""}</span>'
        for s in item.specs
    )
    image = f'<img src="{_data_uri(item.image)}" alt="{escape(item.name)}">' if item.image else ""
    desc = f'<div class="desc">{escape(item.description)}</div>' if item.description else ""
    tag_html = f'<div class="tags">{"".join(tags)}</div>' if tags else ""
    cls = "item soldout" if item.sold_out else "item"
    return (
        f'<article class="{cls}" id="{escape(item.product_id)}">{image}<div class="body">'
        f'<div class="name">{escape(item.name)}</div>{desc}{tag_html}<div class="specs">{specs}</div></div></article>'
    )


def build_html(shop: Shop, menu: Menu) -> str:
    """The complete index.html of the menu as a string."""
    info = " · ".join(escape(p) for p in (shop.address, shop.phone, shop.opening_hours) if p)
    logo = f'<img src="{_data_uri(shop.logo)}" alt="">' if shop.logo else ""
    sections = [s for s in menu.sections if s.items]
    nav = "".join(f'<a href="#s{i}">{escape(s.title)}</a>' for i, s in enumerate(sections))
    body = "".join(
        f'<section id="s{i}"><h2>{escape(s.title)}</h2>{"".join(_item(it) for it in s.items)}</section>'
        for i, s in enumerate(sections)
    )
    phone = (
        f' · <a href="tel:{escape(shop.phone.replace(" ", ""))}">{escape(shop.phone)}</a>'
        if shop.phone
        else ""
    )
    return (
        '<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width,initial-scale=1">'
        f"<title>{escape(shop.name)} · {escape(menu.name)}</title>"
        f'<link rel="canonical" href="{escape(menu_url(shop, menu))}">'
        f"<style>{CSS}</style></head><body>"
        f"<header>{logo}<div><h1>{escape(shop.name)}</h1><p>{escape(menu.name)}</p><p>{info}</p></div></header>"
        f"<nav>{nav}</nav><main>{body}</main>"
        f"<footer>{escape(shop.name)}{phone}<br>价格单位：人民币元 · 会员价需出示会员码</footer>"
        "</body></html>\n"
    )


def write_html(shop: Shop, menu: Menu, out_dir: str | os.PathLike[str]) -> Path:
    """Write `out_dir/index.html` atomically and return its path."""
    folder = Path(out_dir)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "index.html"
    tmp = folder / ".index.html.part"
    tmp.write_text(build_html(shop, menu), encoding="utf-8")
    os.replace(tmp, path)
    return path

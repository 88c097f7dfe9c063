"""Demo data: a Dengzhou Road beer-street restaurant (登州路老船长啤酒屋), loaded in one transaction.

Every record has a stable id (uuid5 of a fixed namespace and its name), so loading the demo
twice adds nothing the second time, and records that already exist (perhaps edited by the user)
are left as they are. Pictures are small flat illustrations drawn locally with Pillow.
"""

from __future__ import annotations

import io
import random
import uuid
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from PIL import Image, ImageDraw

from catalog.models import AttributeGroup, AttributeOption, Product, ProductKind, Spec, Status
from catalog.store import Store

NAMESPACE = uuid.UUID("6f1c1c52-4a57-5a0e-9d0b-5d3c1a7e2b90")
"""Namespace of the demo's uuid5 ids: never change it, or a second load would duplicate."""

SHOP_SETTINGS: dict[str, str] = {
    "shop_name": "登州路老船长啤酒屋",
    "shop_address": "青岛市市北区登州路56号",
    "shop_phone": "0532-8383 5656",
    "shop_hours": "11:00-次日02:00",
}

IMAGE_SIZE = 256


def stable_id(kind: str, name: str) -> str:
    """The demo's id of a record: uuid5 of the namespace and `kind:name`."""
    return str(uuid.uuid5(NAMESPACE, f"{kind}:{name}"))


def ean13(body: str) -> str:
    """A 12-digit body with its EAN-13 check digit appended: `690103560601` → `6901035606014`."""
    if len(body) != 12 or not body.isdigit():
        raise ValueError(f"an EAN-13 body has 12 digits, got {body!r}")
    total = sum(int(d) * (3 if i % 2 else 1) for i, d in enumerate(body))
    return body + str((10 - total % 10) % 10)


def ean13_valid(code: str) -> bool:
    """True when `code` is 13 digits with a correct check digit."""
    return len(code) == 13 and code.isdigit() and ean13(code[:12]) == code


# ---- dish attribute groups ------------------------------------------------------------------

def _taste() -> AttributeGroup:
    names = ("原味", "微辣", "中辣", "特辣")
    return AttributeGroup("口味", "taste", [AttributeOption(n) for n in names], required=True)


def _method() -> AttributeGroup:
    names = ("蒜蓉", "辣炒", "清蒸")
    return AttributeGroup("做法", "method", [AttributeOption(n) for n in names], required=True)


def _addons(*options: tuple[str, int]) -> AttributeGroup:
    return AttributeGroup("加料", "addon", [AttributeOption(n, p) for n, p in options], multi=True)


# ---- the catalog ----------------------------------------------------------------------------

CATEGORIES: tuple[str, ...] = (
    "啤酒", "啤酒/原浆·扎啤", "啤酒/瓶装·罐装", "海鲜", "烧烤", "凉菜", "主食", "外带商品",
)


@dataclass(frozen=True)
class _S:
    """A spec of the demo: name, price, member price, cost (fen), stock, barcode body, SKU."""

    name: str
    price: int
    member: int | None = None
    cost: int | None = None
    stock: str = "0"
    barcode: str | None = None  # 12-digit body; the check digit is computed
    sku: str | None = None
    market: bool = False  # sold at the day's price (时价); `price` is the last one set


@dataclass(frozen=True)
class _P:
    """A product of the demo and how to draw its picture."""

    name: str
    category: str
    picture: tuple[str, str]  # (shape, main colour)
    specs: tuple[_S, ...]
    kind: ProductKind = "goods"
    unit: str = "份"
    description: str = ""
    spicy: int = 0
    allergens: tuple[str, ...] = ()
    attributes: tuple[Callable[[], AttributeGroup], ...] = ()
    sold_out: bool = False
    status: Status = "on"
    shelf_life_days: int | None = None
    retail: tuple[str, str] | None = None  # (product name, spec name) of the take-home item


_DRAFT = "啤酒/原浆·扎啤"
_BOTTLED = "啤酒/瓶装·罐装"
_BEER = ("gluten", "alcohol")
_SAUCE = (("加蒜蓉", 200), ("加粉丝", 300), ("加辣", 0))

PRODUCTS: tuple[_P, ...] = (
    # 原浆·扎啤: cup sizes as specs, no barcodes
    _P("青岛原浆啤酒", _DRAFT, ("glass", "#F2A516"), (
        _S("1L", 2800, 2500, 1200, sku="LC-YJ-1L"), _S("2L", 5200, 4800, 2300, sku="LC-YJ-2L"),
        _S("扎（2.5L）", 6500, 5800, 2900, sku="LC-YJ-Z")),
        description="当天灌装的鲜啤，不经过滤杀菌，麦香浓郁", allergens=_BEER, retail=("桶装青岛原浆", "2L")),
    _P("青岛原浆黑啤", _DRAFT, ("glass", "#4A2511"), (
        _S("1L", 3200, 2900, 1400, sku="LC-HP-1L"), _S("2L", 6000, 5500, 2700, sku="LC-HP-2L")),
        description="焦糖与咖啡香，口感顺滑", allergens=_BEER),
    _P("青岛纯生扎啤", _DRAFT, ("glass", "#F6C945"), (
        _S("330ml", 1000, 900, 400, sku="LC-ZP-330"), _S("500ml", 1500, 1300, 600, sku="LC-ZP-500")),
        allergens=_BEER),
    _P("崂山扎啤", _DRAFT, ("glass", "#F4B93A"), (
        _S("330ml", 800, 700, 300, sku="LC-LS-330"), _S("500ml", 1200, 1000, 450, sku="LC-LS-500")),
        allergens=_BEER),
    _P("小麦白啤原浆", _DRAFT, ("glass", "#F7DB8A"), (
        _S("500ml", 1800, 1600, 700, sku="LC-BP-500"), _S("1L", 3200, 2900, 1300, sku="LC-BP-1L")),
        description="小麦芽酿造，带香蕉和丁香的果香", allergens=_BEER),
    _P("精酿IPA（季节限定）", _DRAFT, ("glass", "#D9822B"), (
        _S("330ml", 2800, 2500, 1100, sku="LC-IPA-330"),), allergens=_BEER, status="off"),
    # 瓶装·罐装: real-looking EAN-13 barcodes (China prefix 690-693)
    _P("青岛啤酒经典", _BOTTLED, ("can", "#1F7A4D"), (
        _S("330ml罐", 600, 550, 350, "120", "690103560601", "LC-QD-330"),
        _S("500ml罐", 800, 750, 480, "96", "690103560602", "LC-QD-500"),
        _S("600ml瓶", 800, 750, 450, "48", "690103561003", "LC-QD-600")), unit="瓶", allergens=_BEER),
    _P("青岛纯生啤酒", _BOTTLED, ("bottle", "#2E7D32"), (
        _S("500ml瓶", 1200, 1100, 650, "72", "690103560705", "LC-CS-500"),), unit="瓶", allergens=_BEER),
    _P("青岛白啤", _BOTTLED, ("can", "#E8E4D8"), (
        _S("500ml罐", 1000, 900, 560, "48", "690103560812", "LC-BP-G500"),), unit="罐", allergens=_BEER),
    _P("青岛奥古特", _BOTTLED, ("bottle", "#7A4A12"), (
        _S("330ml瓶", 1500, 1350, 800, "36", "690103560921", "LC-AGT-330"),), unit="瓶", allergens=_BEER),
    _P("崂山啤酒", _BOTTLED, ("bottle", "#1B5E20"), (
        _S("500ml瓶", 500, 450, 280, "144", "690342410015", "LC-LSP-500"),), unit="瓶", allergens=_BEER),
    _P("青岛啤酒皮尔森", _BOTTLED, ("can", "#C62828"), (
        _S("450ml罐", 1000, 900, 550, "60", "690103561204", "LC-PES-450"),), unit="罐", allergens=_BEER),
    _P("青岛无醇啤酒", _BOTTLED, ("can", "#1565C0"), (
        _S("330ml罐", 800, 700, 420, "24", "690103561310", "LC-WC-330"),), unit="罐",
        description="酒精度小于0.5%vol，开车也能喝", allergens=("gluten",)),
    # 海鲜
    _P("辣炒蛤蜊", "海鲜", ("plate", "#E8A25C"), (_S("", 3800, 3400, 1500, sku="LC-HX-01"),), kind="dish",
       description="胶州湾花蛤，大火爆炒", spicy=2, allergens=("shellfish",), attributes=(_taste,)),
    _P("蒜蓉粉丝扇贝", "海鲜", ("plate", "#F0C987"), (
        _S("6只", 4800, 4300, 2000, sku="LC-HX-02-6"), _S("12只", 8800, 7900, 3800, sku="LC-HX-02-12")),
       kind="dish", allergens=("shellfish",), attributes=(lambda: _addons(*_SAUCE),)),
    _P("海捕大虾", "海鲜", ("plate", "#F26B3A"), (
        _S("半斤", 6800, 6200, 3200, sku="LC-HX-03-B"), _S("一斤", 12800, 11800, 6200, sku="LC-HX-03-J")),
       kind="dish", unit="斤", allergens=("crustacean",), attributes=(_method,)),
    _P("清蒸梭子蟹", "海鲜", ("plate", "#E0542E"), (_S("约半斤", 8800, 8000, 4500, sku="LC-HX-04"),),
       kind="dish", unit="只", description="今日海况不好，暂时估清", allergens=("crustacean",), sold_out=True),
    _P("辣炒八带", "海鲜", ("plate", "#B8433A"), (_S("", 4200, 3800, 1800, sku="LC-HX-05"),), kind="dish",
       spicy=3, allergens=("shellfish",), attributes=(_taste,)),
    _P("原汁海螺", "海鲜", ("plate", "#C9A27E"), (_S("", 5800, 5200, 2600, sku="LC-HX-06", market=True),), kind="dish",
       allergens=("shellfish",)),
    _P("香辣皮皮虾", "海鲜", ("plate", "#D9534F"), (_S("一斤", 9800, 8800, 4800, sku="LC-HX-07"),), kind="dish",
       unit="斤", spicy=2, allergens=("crustacean",), attributes=(_taste, lambda: _addons(("加年糕", 500), ("加土豆", 300)))),
    _P("家常焖鲅鱼", "海鲜", ("plate", "#8D6E63"), (_S("", 4800, 4300, 2000, sku="LC-HX-08"),), kind="dish",
       spicy=1, allergens=("fish", "soy", "gluten")),
    # 烧烤
    _P("烤羊肉串", "烧烤", ("skewer", "#A0522D"), (_S("10串", 3000, 2700, 1400, sku="LC-SK-01"),), kind="dish",
       spicy=1, attributes=(_taste, lambda: _addons(("多放孜然", 0), ("加烤馒头片", 500)))),
    _P("烤鱿鱼", "烧烤", ("skewer", "#E3A857"), (_S("", 2800, 2500, 1100, sku="LC-SK-02"),), kind="dish",
       spicy=1, allergens=("shellfish",), attributes=(_taste,)),
    _P("蒜蓉烤生蚝", "烧烤", ("plate", "#D8CBB0"), (
        _S("6只", 3600, 3200, 1600, sku="LC-SK-03-6"), _S("12只", 6600, 5900, 3100, sku="LC-SK-03-12")),
       kind="dish", allergens=("shellfish",), attributes=(lambda: _addons(*_SAUCE),)),
    _P("烤五花肉", "烧烤", ("skewer", "#C1694F"), (_S("10串", 2500, 2200, 1100, sku="LC-SK-04"),), kind="dish",
       attributes=(_taste,)),
    _P("烤馒头片", "烧烤", ("skewer", "#E9C46A"), (_S("5片", 1000, 900, 300, sku="LC-SK-05"),), kind="dish",
       allergens=("gluten", "sesame")),
    _P("烤韭菜", "烧烤", ("skewer", "#6A994E"), (_S("", 1200, 1000, 400, sku="LC-SK-06"),), kind="dish",
       attributes=(_taste,)),
    # 凉菜
    _P("老醋蜇头", "凉菜", ("plate", "#D4B483"), (_S("", 2800, 2500, 1100, sku="LC-LC-01"),), kind="dish",
       description="也有外带装：即食海蜇", retail=("即食海蜇", "250g")),
    _P("凉拌海凉粉", "凉菜", ("plate", "#9FC9A7"), (_S("", 1800, 1600, 600, sku="LC-LC-02"),), kind="dish",
       attributes=(_taste,)),
    _P("油炸花生米", "凉菜", ("plate", "#B5651D"), (_S("", 1200, 1000, 400, sku="LC-LC-03"),), kind="dish",
       allergens=("peanut",)),
    _P("盐水毛豆", "凉菜", ("plate", "#7CB342"), (_S("", 1000, 900, 350, sku="LC-LC-04"),), kind="dish",
       allergens=("soy",)),
    _P("葱拌八带", "凉菜", ("plate", "#C97B63"), (_S("", 3200, 2900, 1300, sku="LC-LC-05"),), kind="dish",
       allergens=("shellfish",)),
    _P("拍黄瓜", "凉菜", ("plate", "#4CAF50"), (_S("", 1000, 900, 250, sku="LC-LC-06"),), kind="dish",
       spicy=1, attributes=(_taste,)),
    # 主食
    _P("鲅鱼水饺", "主食", ("bowl", "#F5F0E6"), (
        _S("半斤", 2800, 2500, 1000, sku="LC-ZS-01-B"), _S("一斤", 5200, 4700, 1900, sku="LC-ZS-01-J")),
       kind="dish", unit="斤", description="青岛名吃，现包现煮", allergens=("gluten", "fish", "egg"),
       retail=("真空包装鲅鱼水饺", "500g")),
    _P("海鲜炒面", "主食", ("plate", "#E9B872"), (_S("", 2600, 2300, 900, sku="LC-ZS-02"),), kind="dish",
       allergens=("gluten", "shellfish", "crustacean", "egg", "soy"), attributes=(_taste,)),
    _P("海肠捞饭", "主食", ("bowl", "#E07A5F"), (_S("", 3800, 3400, 1600, sku="LC-ZS-03"),), kind="dish",
       allergens=("soy",)),
    _P("蛤蜊疙瘩汤", "主食", ("bowl", "#F2E8CF"), (_S("", 2200, 2000, 700, sku="LC-ZS-04"),), kind="dish",
       allergens=("shellfish", "gluten", "egg")),
    # 外带商品 (餐饮零售化): packaged, with shelf life; in-store EAN-13 codes start with 2
    _P("桶装青岛原浆", "外带商品", ("keg", "#F2A516"), (
        _S("1L", 2600, 2300, 1200, "30", "200000100012", "LC-WD-YJ-1L"),
        _S("2L", 4800, 4300, 2300, "24", "200000100029", "LC-WD-YJ-2L")), unit="桶",
       description="当天灌装，冷藏保存，开封后请当天喝完", allergens=_BEER, shelf_life_days=7),
    _P("真空包装鲅鱼水饺", "外带商品", ("package", "#1E88E5"), (
        _S("500g", 3800, 3400, 1700, "40", "200000100036", "LC-WD-SJ-500"),), unit="袋",
       description="约24只，-18℃冷冻保存", allergens=("gluten", "fish", "egg"), shelf_life_days=180),
    _P("即食海蜇", "外带商品", ("package", "#26A69A"), (
        _S("250g", 2200, 1900, 900, "35", "200000100043", "LC-WD-HZ-250"),), unit="盒",
       description="附老醋汁，0-4℃冷藏", shelf_life_days=30),
    _P("青岛啤酒经典礼盒", "外带商品", ("package", "#2E7D32"), (
        _S("500ml×12罐", 8800, 8200, 5500, "20", "690103569901", "LC-WD-LH-12"),), unit="箱",
       allergens=_BEER, shelf_life_days=365),
    _P("香辣海螺（真空装）", "外带商品", ("package", "#C62828"), (
        _S("200g", 2600, 2300, 1100, "25", "200000100050", "LC-WD-HL-200"),), unit="袋",
       spicy=2, allergens=("shellfish",), shelf_life_days=15),
    _P("即食鱿鱼丝", "外带商品", ("package", "#FB8C00"), (
        _S("100g", 1800, 1600, 800, "60", "690821150108", "LC-WD-YYS-100"),), unit="袋",
       allergens=("shellfish",), shelf_life_days=180),
)


def load_demo(store: Store) -> int:
    """Fill the shop with the demo restaurant in one transaction; returns how many products it added.

    Idempotent: records that already exist (by their stable id) are left untouched, so loading
    twice never duplicates and never overwrites the user's edits. Shop settings are only set
    when missing.
    """
    with store.transaction():
        for key, value in SHOP_SETTINGS.items():
            if not store.get_setting(key):
                store.set_setting(key, value)
        categories = _ensure_categories(store)
        existing = set(store.products.ids(include_archived=True))
        missing = [p for p in PRODUCTS if stable_id("product", p.name) not in existing]
        spec_ids = {(p.name, s.name): stable_id("spec", f"{p.name}|{s.name}") for p in PRODUCTS for s in p.specs}
        products = [
            _build(p, categories[p.category], [store.media.add(_picture(p), width=IMAGE_SIZE, height=IMAGE_SIZE)],
                   spec_ids)
            for p in missing
        ]
        for product in products:
            if product.retail_spec_id is not None and not _spec_exists(store, product.retail_spec_id, products):
                product.retail_spec_id = None
        # A dish links to a take-home spec: save the take-home products (the link targets) first.
        store.products.save_many(sorted(products, key=lambda product: product.retail_spec_id is not None))
        _ensure_menu_and_tables(store)
    return len(products)


MENU_NAME = "堂食菜单"
TABLES: tuple[tuple[str, str, int, int], ...] = (("大厅", "A", 1, 12), ("露天", "B", 1, 8))
"""(area, prefix, first, last) of the demo's dining tables: 大厅 A1-A12, 露天 B1-B8."""


def _ensure_menu_and_tables(store: Store) -> None:
    """A dine-in menu from the categories and tables with QR codes, unless already there."""
    menu = store.menus.find(MENU_NAME) or store.menus.create_from_categories(MENU_NAME)
    areas = set(store.tables.areas())
    for area, prefix, first, last in TABLES:
        if area not in areas:
            store.tables.bulk_create(area, prefix, first, last, menu_id=menu.id, seats=4)


def _ensure_categories(store: Store) -> dict[str, str]:
    """The ids of the demo's category paths, creating the missing ones in menu order."""
    known = {(c.parent_id, c.name): c.id for c in store.categories.all()}
    ids: dict[str, str] = {}
    for order, path in enumerate(CATEGORIES):
        parent_path, _, name = path.rpartition("/")
        key = (ids[parent_path] if parent_path else None, name)
        if key not in known:
            known[key] = store.categories.add(name, key[0], sort_order=order).id
        ids[path] = known[key]
    return ids


def _spec_exists(store: Store, spec_id: str, batch: list[Product]) -> bool:
    if any(s.id == spec_id for p in batch for s in p.specs):
        return True
    return store.conn.execute("SELECT 1 FROM specs WHERE id = ?", (spec_id,)).fetchone() is not None


def _build(p: _P, category_id: str, images: list[str], spec_ids: dict[tuple[str, str], str]) -> Product:
    specs = [
        Spec(
            name=s.name, sku=s.sku, barcode=ean13(s.barcode) if s.barcode else None, price_fen=s.price,
            member_price_fen=s.member, cost_fen=s.cost, stock=Decimal(s.stock), sort_order=i,
            id=spec_ids[(p.name, s.name)], market_price=s.market,
        )
        for i, s in enumerate(p.specs)
    ]
    return Product(
        name=p.name, kind=p.kind, category_id=category_id, unit=p.unit, description=p.description, status=p.status,
        shelf_life_days=p.shelf_life_days, spicy_level=p.spicy, allergens=list(p.allergens),
        attributes=[make() for make in p.attributes], sold_out=p.sold_out,
        retail_spec_id=spec_ids[p.retail] if p.retail else None, specs=specs, images=images,
        id=stable_id("product", p.name),
    )


# ---- pictures -------------------------------------------------------------------------------

_BACKGROUNDS = ("#FFF3E0", "#E3F2FD", "#E8F5E9", "#FCE4EC", "#EDE7F6", "#E0F7FA", "#FFFDE7", "#F3E5F5")
_S2 = 2 * IMAGE_SIZE  # drawn at twice the size, then scaled down for smooth edges

Color = tuple[int, int, int]


def _rgb(hex_color: str) -> Color:
    value = int(hex_color.lstrip("#"), 16)
    return (value >> 16) & 255, (value >> 8) & 255, value & 255


def _shade(color: Color, factor: float) -> Color:
    """Darker (factor < 1) or lighter (factor > 1, towards white) version of a colour."""
    if factor <= 1:
        r, g, b = (int(c * factor) for c in color)
    else:
        r, g, b = (int(c + (255 - c) * (factor - 1)) for c in color)
    return r, g, b


def _picture(p: _P) -> bytes:
    """A 256 px PNG illustration of a demo product (deterministic: same product, same bytes)."""
    seed = zlib.crc32(p.name.encode("utf-8"))
    rnd = random.Random(seed)
    bg = _rgb(_BACKGROUNDS[seed % len(_BACKGROUNDS)])
    image = Image.new("RGB", (_S2, _S2), bg)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, int(_S2 * 0.74), _S2, _S2), fill=_shade(bg, 0.93))
    shape, color = p.picture
    _PAINTERS[shape](draw, _rgb(color), rnd, p.spicy)
    out = io.BytesIO()
    image.resize((IMAGE_SIZE, IMAGE_SIZE), Image.Resampling.LANCZOS).save(out, format="PNG", optimize=True)
    return out.getvalue()


Draw = ImageDraw.ImageDraw


def _glass(d: Draw, beer: Color, rnd: random.Random, spicy: int) -> None:
    glass = (236, 240, 241)
    d.ellipse((130, 392, 380, 432), fill=_shade(glass, 0.8))
    d.ellipse((290, 200, 400, 350), outline=glass, width=26)
    d.rounded_rectangle((150, 150, 330, 420), radius=26, fill=beer)
    d.rectangle((176, 190, 196, 392), fill=_shade(beer, 1.35))
    for _ in range(7):
        x, y, r = rnd.randint(210, 310), rnd.randint(220, 390), rnd.randint(4, 8)
        d.ellipse((x - r, y - r, x + r, y + r), fill=_shade(beer, 1.25))
    d.rectangle((150, 135, 330, 175), fill=(255, 255, 255))
    for x in (166, 210, 258, 306):
        r = rnd.randint(30, 40)
        d.ellipse((x - r, 140 - r, x + r, 140 + r), fill=(255, 253, 245))


def _bottle(d: Draw, color: Color, rnd: random.Random, spicy: int) -> None:
    d.ellipse((180, 420, 332, 446), fill=_shade(color, 0.5))
    d.rounded_rectangle((196, 210, 316, 440), radius=34, fill=color)
    d.polygon([(232, 170), (280, 170), (316, 236), (196, 236)], fill=color)
    d.rectangle((232, 100, 280, 180), fill=color)
    d.rounded_rectangle((226, 84, 286, 110), radius=6, fill=(212, 175, 55))
    d.rectangle((196, 280, 316, 370), fill=(250, 244, 226))
    d.rectangle((196, 300, 316, 322), fill=(198, 40, 40))
    d.rectangle((214, 230, 228, 420), fill=_shade(color, 1.3))


def _can(d: Draw, color: Color, rnd: random.Random, spicy: int) -> None:
    silver = (200, 205, 210)
    d.ellipse((176, 410, 336, 446), fill=_shade(silver, 0.8))
    d.rounded_rectangle((176, 130, 336, 430), radius=22, fill=color)
    d.ellipse((176, 114, 336, 150), fill=silver)
    d.ellipse((196, 120, 316, 144), fill=_shade(silver, 0.85))
    band = (255, 255, 255) if sum(color) < 600 else (198, 40, 40)
    d.rectangle((176, 250, 336, 310), fill=band)
    d.ellipse((236, 258, 276, 302), fill=color)
    d.rectangle((196, 160, 210, 410), fill=_shade(color, 1.25))


def _plate(d: Draw, food: Color, rnd: random.Random, spicy: int) -> None:
    d.ellipse((86, 120, 426, 440), fill=(210, 205, 196))
    d.ellipse((80, 100, 432, 420), fill=(255, 255, 255))
    d.ellipse((130, 144, 382, 376), outline=(228, 226, 222), width=6)
    cx, cy = 256, 260
    for _ in range(14):
        x, y = cx + rnd.randint(-90, 90), cy + rnd.randint(-70, 70)
        w, h = rnd.randint(34, 60), rnd.randint(24, 44)
        d.ellipse((x - w // 2, y - h // 2, x + w // 2, y + h // 2), fill=_shade(food, rnd.uniform(0.8, 1.15)))
    for _ in range(10):
        x, y = cx + rnd.randint(-95, 95), cy + rnd.randint(-75, 75)
        d.ellipse((x - 6, y - 6, x + 6, y + 6), fill=(76, 175, 80))
    for _ in range(4 * spicy):
        x, y = cx + rnd.randint(-95, 95), cy + rnd.randint(-75, 75)
        d.ellipse((x - 7, y - 4, x + 7, y + 4), fill=(211, 47, 47))


def _skewer(d: Draw, meat: Color, rnd: random.Random, spicy: int) -> None:
    d.ellipse((90, 380, 430, 430), fill=(190, 185, 176))
    for offset in (-70, 0, 70):
        d.line((110 + offset, 420, 400 + offset, 110), fill=(176, 132, 84), width=8)
        for step in range(4):
            t = 0.22 + step * 0.18
            x = 110 + offset + (290 * t)
            y = 420 - (310 * t)
            s = rnd.randint(24, 30)
            d.rounded_rectangle((x - s, y - s, x + s, y + s), radius=10, fill=_shade(meat, rnd.uniform(0.8, 1.1)))
    for _ in range(20):
        x, y = rnd.randint(120, 420), rnd.randint(120, 400)
        d.ellipse((x - 3, y - 3, x + 3, y + 3), fill=(90, 60, 30) if not spicy else (200, 40, 30))


def _bowl(d: Draw, color: Color, rnd: random.Random, spicy: int) -> None:
    bowl = (33, 101, 168)
    d.ellipse((130, 400, 382, 440), fill=(190, 185, 176))
    d.chord((96, 110, 416, 420), 0, 180, fill=bowl)
    d.ellipse((96, 214, 416, 300), fill=_shade(bowl, 0.8))
    d.ellipse((112, 222, 400, 292), fill=color)
    for _ in range(6):
        x, y = rnd.randint(160, 350), rnd.randint(224, 262)
        d.ellipse((x - 30, y - 18, x + 30, y + 18), fill=_shade(color, 1.1), outline=_shade(color, 0.85), width=3)
    d.rectangle((140, 330, 372, 342), fill=(255, 255, 255))


def _package(d: Draw, color: Color, rnd: random.Random, spicy: int) -> None:
    d.ellipse((130, 410, 382, 444), fill=(190, 185, 176))
    d.rounded_rectangle((136, 110, 376, 430), radius=22, fill=color)
    d.rectangle((136, 110, 376, 150), fill=_shade(color, 0.75))
    d.rounded_rectangle((176, 200, 336, 360), radius=18, fill=(250, 248, 240))
    for _ in range(8):
        x, y = rnd.randint(200, 312), rnd.randint(224, 336)
        d.ellipse((x - 16, y - 12, x + 16, y + 12), fill=_shade(color, rnd.uniform(1.2, 1.5)))
    d.rectangle((136, 384, 376, 398), fill=(255, 255, 255))


def _keg(d: Draw, beer: Color, rnd: random.Random, spicy: int) -> None:
    steel = (176, 190, 197)
    d.ellipse((150, 404, 362, 444), fill=_shade(steel, 0.7))
    d.rectangle((160, 150, 352, 424), fill=steel)
    d.ellipse((160, 130, 352, 170), fill=_shade(steel, 1.2))
    for y in (200, 370):
        d.rectangle((160, y, 352, y + 12), fill=_shade(steel, 0.8))
    d.rounded_rectangle((200, 240, 312, 340), radius=14, fill=beer)
    d.rectangle((236, 96, 276, 140), fill=(55, 71, 79))
    d.rectangle((206, 92, 306, 106), fill=(55, 71, 79))


_PAINTERS: dict[str, Callable[[Draw, Color, random.Random, int], None]] = {
    "glass": _glass, "bottle": _bottle, "can": _can, "plate": _plate, "skewer": _skewer, "bowl": _bowl,
    "package": _package, "keg": _keg,
}

"""Synthetic shops for benchmarks: N realistic-looking products with Chinese names."""

from __future__ import annotations

import random
from pathlib import Path

from catalog.models import Product, Spec
from catalog.store import Store

_BRANDS = ["青岛", "崂山", "雪花", "燕京", "百威", "哈尔滨", "珠江", "金威", "琅琊台", "即墨"]
_THINGS = ["啤酒", "原浆", "纯生", "黑啤", "白啤", "扎啤", "可乐", "矿泉水", "花生", "毛豆", "蛤蜊", "扇贝",
           "生蚝", "鲅鱼水饺", "鱿鱼", "大虾", "海蛎子", "海肠", "辣炒蛤蜊", "烤串", "数据线", "充电器", "手机壳"]
_SPECS = ["", "500ml", "330ml", "1L", "2L", "大份", "小份", "一斤", "半斤", "Type-C", "6罐装"]


def make_products(n: int, seed: int = 7) -> list[Product]:
    """n products with unique names, SKUs and EAN-13-like barcodes."""
    rnd = random.Random(seed)
    out = []
    for i in range(n):
        name = f"{rnd.choice(_BRANDS)}{rnd.choice(_THINGS)}{rnd.choice(_SPECS)}{i}"
        out.append(Product(name, specs=[Spec(sku=f"SKU{i:06d}", barcode=f"69{i:011d}", price_fen=rnd.randint(100, 20000))]))
    return out


def make_shop(path: Path, n: int) -> Path:
    """A shop database at `path` with n products (made once; reused if it already has them)."""
    with Store.open(path) as store:
        if store.products.count() < n:
            store.products.save_many(make_products(n))
    return path

"""The photos of a shop's products as the colours they show: the pictured test files are painted
in one colour per picture, so a test can say which picture went to which product."""

from __future__ import annotations

import io

from PIL import Image

from catalog.store import Store

COLOURS = {"red": (255, 0, 0), "blue": (0, 0, 255), "purple": (128, 0, 128), "green": (0, 128, 0),
           "orange": (255, 165, 0)}


def colour(data: bytes) -> str:
    """The name of the colour a one-colour picture is painted in (JPEG: the nearest)."""
    with Image.open(io.BytesIO(data)) as im:
        pixel = im.convert("RGB").getpixel((im.width // 2, im.height // 2))
    assert isinstance(pixel, tuple)
    return min(COLOURS, key=lambda c: sum((a - b) ** 2 for a, b in zip(COLOURS[c], pixel, strict=True)))


def photos_by_colour(store: Store) -> dict[str, list[str]]:
    """Each product's photos, by product name, as the colours they show."""
    got = {}
    for pid, name in store.conn.execute("SELECT id, name FROM products"):
        product = store.products.get(pid)
        assert product is not None
        got[name] = [colour(store.media.get(sha) or b"") for sha in product.images]
    return got

"""A folder or .zip of product photos named by barcode, SKU or name: read, planned, applied,
imported again and undone, on real files and a real SQLite store."""

from __future__ import annotations

import hashlib
import zipfile
from pathlib import Path

import pytest

from catalog.models import Product, Spec
from catalog.store import Store
from importers.apply import apply_plan, summary
from importers.errors import ImportRefused
from importers.photo_folder import numbered
from importers.plan import build_plan
from importers.table import read_table
from tests.workbooks import png

RED, BLUE, GREEN, GOLD = png("red"), png("blue"), png("green"), png("gold")


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@pytest.fixture
def shop(store: Store) -> Store:
    """Three products: one with a barcode, one with a SKU, one known by name with a photo already."""
    store.products.save(Product("青岛啤酒", specs=[Spec(barcode="6901035600156", price_fen=800)]))
    store.products.save(Product("崂山可乐", specs=[Spec(sku="LS-330", price_fen=300)]))
    old = store.media.add(GOLD)
    store.products.save(Product("辣炒蛤蜊", kind="dish", specs=[Spec(price_fen=3800)], images=[old]))
    return store


def _photos(store: Store, name: str) -> list[str]:
    (pid,) = [r[0] for r in store.conn.execute("SELECT id FROM products WHERE name = ?", (name,))]
    product = store.products.get(pid)
    assert product is not None
    return product.images


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "商品图片"
    (folder / "海鲜").mkdir(parents=True, exist_ok=True)  # made again: the same files, the same bytes
    (folder / "6901035600156.jpg").write_bytes(RED)
    (folder / "LS-330.png").write_bytes(BLUE)
    (folder / "海鲜" / "辣炒蛤蜊_2.png").write_bytes(BLUE)  # in a subfolder, its second photo
    (folder / "海鲜" / "辣炒蛤蜊.png").write_bytes(GREEN)
    (folder / "鲅鱼水饺.png").write_bytes(RED)  # no such product
    (folder / "说明.txt").write_text("not a photo", encoding="utf-8")
    (folder / ".DS_Store").write_bytes(b"\0")
    return folder


def test_photos_are_named_by_barcode_sku_or_name_and_a_number() -> None:
    assert numbered("辣炒蛤蜊_2") == ("辣炒蛤蜊", 2) and numbered("花生米(3)") == ("花生米", 3)
    assert numbered("6901035600156-2") == ("6901035600156", 2) and numbered("青岛啤酒") is None


def test_a_folder_of_photos_goes_to_the_products_its_names_name(shop: Store, tmp_path: Path) -> None:
    table = read_table(_folder(tmp_path))
    assert table.kind == "photos"
    assert [r.raw[1] for r in table.rows] == ["6901035600156.jpg", "LS-330.png", "鲅鱼水饺.png", "海鲜/辣炒蛤蜊.png",
                                              "海鲜/辣炒蛤蜊_2.png"]  # the folder's own photos, then its subfolders'
    plan = build_plan(shop, table)
    assert [(r.action, r.name) for r in plan.rows] == [
        ("changed", "青岛啤酒"), ("changed", "崂山可乐"), ("error", "鲅鱼水饺.png"), ("changed", "辣炒蛤蜊"), ("changed", "辣炒蛤蜊")]
    (issue,) = plan.rows[2].issues
    assert issue.code == "photo_unmatched" and "鲅鱼水饺" in issue.message_zh and "改名" in issue.fix_zh
    assert plan.rows[3].diffs == {"images": (1, 3)}  # 辣炒蛤蜊: one photo before, three after
    batch = apply_plan(shop, plan)
    assert batch and summary(plan, batch)["pictures"] == 4
    assert _photos(shop, "青岛啤酒") == [_sha(RED)] and _photos(shop, "崂山可乐") == [_sha(BLUE)]
    assert _photos(shop, "辣炒蛤蜊") == [_sha(GREEN), _sha(BLUE), _sha(GOLD)]  # the folder's first, in name order
    assert shop.products.count() == 3  # a photo never makes a product

    again = build_plan(shop, read_table(_folder(tmp_path)))
    assert [r.action for r in again.rows] == ["unchanged"] * 2 + ["error"] + ["unchanged"] * 2
    assert apply_plan(shop, again) is None

    shop.batches.undo(batch)
    assert _photos(shop, "辣炒蛤蜊") == [_sha(GOLD)] and _photos(shop, "青岛啤酒") == []
    assert shop.conn.execute("SELECT count(*) FROM media").fetchone()[0] == 1  # the new photos' bytes went too


def test_a_zip_of_photos_is_a_folder_too(shop: Store, tmp_path: Path) -> None:
    path = tmp_path / "图片.zip"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("图片/6901035600156.jpg", RED)
        zf.writestr("图片/LS-330.png", BLUE)
        zf.writestr("__MACOSX/图片/._LS-330.png", b"\0\1")
    plan = build_plan(shop, read_table(path))
    assert [(r.action, r.name) for r in plan.rows] == [("changed", "青岛啤酒"), ("changed", "崂山可乐")]
    assert apply_plan(shop, plan) and _photos(shop, "崂山可乐") == [_sha(BLUE)]


def test_a_file_that_is_not_a_usable_photo_is_a_problem_of_its_own(shop: Store, tmp_path: Path) -> None:
    folder = tmp_path / "photos"
    folder.mkdir()
    (folder / "6901035600156.jpg").write_bytes(b"\x01\x00\x00\x00" + bytes(40) + b" EMF")  # named .jpg, is not one
    (folder / "LS-330.png").write_bytes(BLUE)
    plan = build_plan(shop, read_table(folder))
    assert [r.action for r in plan.rows] == ["error", "changed"]
    assert plan.rows[0].issues[0].code == "picture_format" and "JPG 或 PNG" in plan.rows[0].issues[0].fix_zh


def test_a_folder_without_photos_is_refused_in_one_sentence(tmp_path: Path, one_sentence) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "文档"
    folder.mkdir()
    (folder / "说明.txt").write_text("x", encoding="utf-8")
    with pytest.raises(ImportRefused) as refused:
        read_table(folder)
    assert refused.value.code == "no_photos" and one_sentence(refused.value.message_zh, refused.value.message_en)


def test_a_zip_bomb_of_photos_is_refused_before_it_is_inflated(tmp_path: Path) -> None:
    path = tmp_path / "图片.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("1.png", RED)
        zf.writestr("2.png", bytes(20 << 20))  # 20 MB of zeros packed into ~20 KB: no picture is like that
    with pytest.raises(ImportRefused) as refused:
        read_table(path)
    assert refused.value.code == "too_large"


def test_a_sku_or_name_typed_in_another_case_still_matches(shop: Store, tmp_path: Path) -> None:
    shop.products.save(Product("IPA Beer", specs=[Spec(price_fen=2800)]))
    folder = tmp_path / "photos"
    folder.mkdir()
    (folder / "ls-330.JPG").write_bytes(png("red", fmt="JPEG"))
    (folder / "ipa beer.png").write_bytes(BLUE)
    plan = build_plan(shop, read_table(folder))
    assert [(r.action, r.name) for r in plan.rows] == [("changed", "IPA Beer"), ("changed", "崂山可乐")]


def test_a_products_numbered_photos_come_after_its_first_whatever_the_separator(shop: Store, tmp_path: Path) -> None:
    folder = tmp_path / "photos"
    folder.mkdir()
    for name, data in (("辣炒蛤蜊(3).png", RED), ("辣炒蛤蜊-10.png", BLUE), ("辣炒蛤蜊.png", GREEN), ("辣炒蛤蜊_2.png", GOLD)):
        (folder / name).write_bytes(data)
    table = read_table(folder)
    assert [r.raw[1] for r in table.rows] == ["辣炒蛤蜊.png", "辣炒蛤蜊_2.png", "辣炒蛤蜊(3).png", "辣炒蛤蜊-10.png"]
    assert apply_plan(shop, build_plan(shop, table))
    assert _photos(shop, "辣炒蛤蜊") == [_sha(GREEN), _sha(GOLD), _sha(RED), _sha(BLUE)]  # GOLD was its photo: now second

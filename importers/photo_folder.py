"""A folder (or .zip) of product photos, each named after its product: read as a table of kind
"photos", one row per photo.

POS back offices (银豹, 有赞, 美团收银) ask shops to name photos by barcode, SKU or product name
("6901035600156.jpg", "LC-QD-330.png", "青岛啤酒.jpg", a second one "青岛啤酒_2.jpg"): the
planner (importers.plan) gives each photo to the product its name matches and never creates
one. Each file is read once to hash and measure it (importers.pictures.describe), never kept.
"""

from __future__ import annotations

import os
import re
import unicodedata
import zipfile
from pathlib import Path, PurePosixPath
from typing import Any, Final

from importers.errors import ImportRefused, Issue
from importers.fields import IMAGE
from importers.mapping import ColumnMatch
from importers.pictures import MAX_PICTURE_BYTES, Picture, describe
from importers.readers import Row
from importers.sniff import check_zip_limits
from importers.table import ParsedRow, ParsedTable

PHOTO_SUFFIXES: Final = frozenset({".jpg", ".jpeg", ".png", ".gif", ".webp", ".bmp", ".tif", ".tiff"})
MAX_PHOTOS: Final = 10_000
KEY: Final = "photo_key"  # a row's value: the name the photo is matched by (its file name, less the extension)
PRODUCT: Final = "photo_product"  # the column the preview fills with the product a photo goes to
HEADERS: Final = ["图片", "文件名", "商品"]  # the last is filled by the plan: the product each photo goes to
_NUMBERED: Final = re.compile(r"^(.*?)\s*(?:[_\-]\s*(\d{1,3})|[(（]\s*(\d{1,3})\s*[)）])$")
_DIGITS: Final = re.compile(r"(\d+)")


def is_photo_source(path: Path) -> bool:
    """True for a folder, or a .zip holding photos and nothing but photos (and folders)."""
    if path.is_dir():
        return True
    if path.suffix.lower() != ".zip" or not zipfile.is_zipfile(path):
        return False
    try:
        with zipfile.ZipFile(path) as zf:
            files = [i.filename for i in zf.infolist() if not i.is_dir() and not _hidden(i.filename)]
    except (zipfile.BadZipFile, OSError):
        return False
    return bool(files) and all(PurePosixPath(f).suffix.lower() in PHOTO_SUFFIXES for f in files)


def numbered(key: str) -> tuple[str, int] | None:
    """A key naming the n-th photo of a product ("青岛啤酒_2", "6901035600156-3", "花生米(2)"):
    (the product's key, n); None otherwise."""
    m = _NUMBERED.match(key)
    if m is None or not m.group(1):
        return None
    return m.group(1), int(m.group(2) or m.group(3))


def read_photos(path: Path) -> ParsedTable:
    """The photos of a folder (its subfolders too) or .zip, in name order (a product's numbered
    photos after its first: "a", "a_2", "a_10"), as a table; raises ImportRefused when it holds
    none, or too many."""
    names = _listing(path)
    if not names:
        raise ImportRefused("no_photos", f"「{path.name}」里没有图片（JPG、PNG、GIF、WebP），请选择放着商品图片的文件夹。",
                            f"\"{path.name}\" holds no photos (JPG, PNG, GIF, WebP); choose the folder of product photos.",
                            path=path)
    if len(names) > MAX_PHOTOS:
        raise ImportRefused("too_large", f"「{path.name}」里的图片超过 {MAX_PHOTOS} 张，请分成几个文件夹导入。",
                            f"\"{path.name}\" holds over {MAX_PHOTOS} photos; import them a folder at a time.", path=path)
    rows = [_row(i, name, _measure(path, name)) for i, name in enumerate(names, start=1)]
    return ParsedTable(
        source=path, format="photos", sheet=path.name, sheet_names=[path.name], header_row=None, header_rows=[],
        headers=list(HEADERS), header_signature="", kind="photos",
        kind_reason_zh="这是一个图片文件夹：按文件名找到对应的商品。",
        kind_reason_en="A folder of photos: each goes to the product its file name names.",
        bill_source=None, mapping={0: (IMAGE, 1.0), 1: (KEY, 1.0), 2: (PRODUCT, 1.0)},
        matches={0: ColumnMatch(IMAGE, 1.0, "photos"), 1: ColumnMatch(KEY, 1.0, "photos"),
                 2: ColumnMatch(PRODUCT, 1.0, "photos")},
        rows=rows, skipped=[], sheets=[path.name])


def _hidden(name: str) -> bool:
    parts = PurePosixPath(name).parts
    return any(p.startswith((".", "~$", "__MACOSX")) for p in parts) or PurePosixPath(name).name.lower() == "thumbs.db"


def _natural(name: str) -> list[Any]:
    return [int(t) if t.isdigit() else t.lower() for t in _DIGITS.split(name)]


def _listing(path: Path) -> list[str]:
    """The photos' names relative to the folder (or in the zip), in natural order."""
    found: list[str] = []
    if path.is_dir():
        for folder, dirs, files in os.walk(path):
            dirs[:] = [d for d in dirs if not _hidden(d)]
            for f in files:
                rel = Path(folder, f).relative_to(path).as_posix()
                if not _hidden(rel) and Path(f).suffix.lower() in PHOTO_SUFFIXES:
                    found.append(rel)
    else:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
            check_zip_limits(path, infos)  # a zip bomb is refused as for a workbook, before anything is inflated
            found = [i.filename for i in infos if not i.is_dir() and not _hidden(i.filename)
                     and PurePosixPath(i.filename).suffix.lower() in PHOTO_SUFFIXES]
    return sorted(found, key=_order)


def _order(name: str) -> tuple[Any, ...]:
    """A photo's place: by folder, then by the product it names, its own number last ("a",
    "a(2)", "a-3": "a(2)" would come first by name alone)."""
    path = PurePosixPath(name)
    base, n = numbered(path.stem) or (path.stem, 0)
    return _natural(str(path.parent)), _natural(base), n, _natural(name)


def _measure(path: Path, name: str) -> Picture | None:
    """The photo as the catalog would store it; None when it cannot be read at all."""
    try:
        if path.is_dir():
            file = path / name
            if file.stat().st_size > MAX_PICTURE_BYTES:
                return Picture(name, "", None, file.stat().st_size, problem="size")
            data = file.read_bytes()
        else:
            with zipfile.ZipFile(path) as zf:
                info = zf.getinfo(name)
                if info.file_size > MAX_PICTURE_BYTES:
                    return Picture(name, "", None, info.file_size, problem="size")
                data = zf.read(info)
    except (OSError, KeyError, zipfile.BadZipFile, EOFError):
        return None
    return describe(name, data)


def _row(row_number: int, name: str, picture: Picture | None) -> ParsedRow:
    key = unicodedata.normalize("NFKC", PurePosixPath(name).stem).strip()
    raw: Row = ["", name, ""]

    def values(_row: Row, _number: int) -> tuple[dict[str, Any], list[Issue]]:
        if picture is not None and picture.mime:
            return {KEY: key, IMAGE: (picture,)}, []
        kind = PurePosixPath(name).suffix.lstrip(".").upper()
        if picture is not None and picture.problem == "size":
            zh, en = "这张图片超过 10 MB", "This photo is over 10 MB"
            fix_zh, fix_en = "请换一张小一些的图片", "Use a smaller photo"
        else:
            zh, en = f"这个文件不是能用的图片（{kind}）", f"This file is not a photo PortDesk can use ({kind})"
            fix_zh, fix_en = "请另存为 JPG 或 PNG", "Save it as JPG or PNG"
        return {KEY: key}, [Issue(row_number, "A", HEADERS[0], IMAGE, "picture_" + (picture.problem if picture and
                                  picture.problem else "format"), zh, en, fix_zh, fix_en, name)]

    return ParsedRow(row_number, raw, values)

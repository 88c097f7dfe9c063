"""Pictures in an .xlsx workbook's sheets: which cell each sits in, and its bytes.

Shops put a product's photo into its row in three ways, and all are read here:

- a floating picture (Excel and WPS: 插入 → 图片): the sheet's relations name a drawing part
  (xl/drawings/drawing1.xml) whose anchors place each picture over a range of cells; the picture
  belongs to the cell it covers most;
- a WPS cell image (插入图片 → 嵌入单元格, or 转为嵌入单元格图片): the cell holds the formula
  ``=DISPIMG("ID_…",1)``, whose cached text calamine returns as the cell's value, and
  xl/cellimages.xml names the image of each ID;
- an Excel 365 picture in a cell (Place in Cell, =IMAGE): the cell is an error value whose
  ``vm`` attribute leads, through xl/metadata.xml and xl/richData/, to the image (calamine
  returns such a cell as empty, so the sheet's XML is scanned for ``vm`` when the book has them).

Only the small XML parts are parsed (with defusedxml); each image is read once to hash and
measure it, never kept: an import reads the bytes again, one picture at a time, when it stores
them (`PictureReader`). The pictures of .xls and .et files are found by importers.xls_pictures,
those of .ods files by importers.ods_content; those of .xlsb files are not read.
"""

from __future__ import annotations

import hashlib
import io
import posixpath
import re
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

from catalog.media import MAX_IMAGE_BYTES
from importers.errors import ImportRefused

MAX_PICTURE_BYTES: Final = MAX_IMAGE_BYTES  # a larger picture is not stored
_MAX_PART: Final = 16 << 20  # drawing and relation parts larger than this are not parsed
_DEFAULT_ROW_EMU: Final = 190_500  # 15 pt, Excel's default row height
_DEFAULT_COL_EMU: Final = 609_600  # 64 px, Excel's default column width
# a BMP or TIFF is decoded to be stored as PNG: up to this many pixels (~160 MB decoded), within
# the import's memory bound (a small compressed TIFF can claim a huge picture)
_MAX_PIXELS: Final = 40_000_000
DISPIMG: Final = re.compile(r'^=\s*(?:_xlfn\.)?DISPIMG\(\s*"([^"]+)"', re.IGNORECASE)

_R: Final = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_IMAGE_REL: Final = "/relationships/image"
_DRAWING_REL: Final = "/relationships/drawing"


@dataclass(frozen=True, slots=True)
class Picture:
    """One image of the workbook: its zip member, what it is, and why it cannot be stored if so."""

    member: str
    sha256: str  # of the bytes the catalog stores (a BMP or TIFF is stored as PNG)
    mime: str | None  # of those bytes; None when it cannot be stored (see `problem`)
    size: int
    width: int | None = None
    height: int | None = None
    problem: str | None = None  # "format" (EMF, WMF, ...) or "size" (over MAX_PICTURE_BYTES)
    convert: bool = False  # stored as PNG: the workbook holds another format Pillow reads

    @property
    def kind(self) -> str:
        """The file type as a user knows it: "PNG", "EMF"."""
        return posixpath.splitext(self.member)[1].lstrip(".").upper() or "?"


@dataclass(frozen=True, slots=True)
class Placed:
    """A picture in a cell: 0-based row and column."""

    row: int
    col: int
    picture: Picture


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _part_path(base: str, target: str) -> str:
    """A relation's target as a zip member name, relative to the part `base` that holds it."""
    if target.startswith("/"):
        return target.lstrip("/")
    return posixpath.normpath(posixpath.join(posixpath.dirname(base), target))


def _rels_of(part: str) -> str:
    return posixpath.join(posixpath.dirname(part), "_rels", posixpath.basename(part) + ".rels")


def most_covered(start: int, start_off: int, end: int | None, end_off: int, unit: int) -> int:
    """The row (or column) a picture covers most: its first, a middle one, or its last, estimated
    with the default size (the file's own row heights would mean reading the whole sheet)."""
    if end is None or end <= start:
        return start
    first = max(0.0, 1 - start_off / unit)
    if end - start > 1 and first < 1:
        return start + 1  # a whole row lies between
    last = min(1.0, end_off / unit)
    return end if last > first else start


class BookPictures:
    """The pictures of one .xlsx file, read on demand; `close` releases the file."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._zip: zipfile.ZipFile | None = None
        self._pictures: dict[str, Picture | None] = {}  # member -> picture (None: missing, unreadable)
        self._cell_images: dict[str, str] | None = None  # WPS image ID -> member
        self._rich_values: dict[int, str] | None = None  # Excel's cell value metadata index (vm) -> member

    def _zf(self) -> zipfile.ZipFile:
        if self._zip is None:
            self._zip = zipfile.ZipFile(self.path)
        return self._zip

    def close(self) -> None:
        """Close the file."""
        if self._zip is not None:
            self._zip.close()
            self._zip = None

    def _xml(self, member: str) -> Any | None:
        """A small XML part, parsed safely; None when missing, too large or malformed."""
        import defusedxml.ElementTree as DET

        try:
            info = self._zf().getinfo(member)
            if info.file_size > _MAX_PART:
                return None
            return DET.fromstring(self._zf().read(info))
        except Exception:  # a missing or malformed part: no pictures from it
            return None

    def _targets(self, part: str, kind: str) -> dict[str, str]:
        """Relation id -> member, for the relations of `part` whose type ends with `kind`."""
        rels = self._xml(_rels_of(part))
        if rels is None:
            return {}
        return {rel.get("Id") or "": _part_path(part, rel.get("Target") or "") for rel in rels
                if (rel.get("Type") or "").endswith(kind) and rel.get("TargetMode") != "External"}

    def picture(self, member: str) -> Picture | None:
        """The picture stored in `member` (read and hashed once), None if it is missing or unreadable."""
        if member not in self._pictures:
            self._pictures[member] = self._measure(member)
        return self._pictures[member]

    def _measure(self, member: str) -> Picture | None:
        try:
            info = self._zf().getinfo(member)
        except KeyError:
            return None
        if info.file_size > MAX_PICTURE_BYTES:
            return Picture(member, "", None, info.file_size, problem="size")
        try:
            data = self._zf().read(info)
        except (zipfile.BadZipFile, OSError, EOFError, zlib.error):
            return None
        return describe(member, data)

    def sheet(self, part: str | None) -> list[Placed]:
        """The pictures of the worksheet stored in `part` ("xl/worksheets/sheet1.xml"): floating ones
        and Excel 365's in cells (WPS cell images are found in the cells' text: `cell_image`)."""
        if part is None:
            return []
        placed: list[Placed] = []
        for drawing in self._targets(part, _DRAWING_REL).values():
            root = self._xml(drawing)
            if root is None:
                continue
            images = self._targets(drawing, _IMAGE_REL)
            for anchor in _anchors(root):
                at = _anchor_cell(anchor)
                if at is None:
                    continue
                for blip in anchor.iter():
                    if _local(blip.tag) == "blip" and blip.get(_R + "embed") in images:
                        picture = self.picture(images[blip.get(_R + "embed") or ""])
                        if picture is not None:
                            placed.append(Placed(at[0], at[1], picture))
                        break  # one picture per anchor (a group's first)
        return placed + self._pictures_in_cells(part)

    def _pictures_in_cells(self, part: str) -> list[Placed]:
        """Excel 365's pictures placed in cells of the worksheet `part`."""
        if self._rich_values is None:
            self._rich_values = self._read_rich_values()
        if not self._rich_values:
            return []
        placed = []
        for row, col, vm in _vm_cells(self._zf(), part):
            member = self._rich_values.get(vm)
            picture = None if member is None else self.picture(member)
            if picture is not None:
                placed.append(Placed(row, col, picture))
        return placed

    def _read_rich_values(self) -> dict[int, str]:
        """vm (1-based, as cells carry it) -> image member, following metadata.xml's value
        metadata to the rich value, its _rvRel:LocalImageIdentifier key to richValueRel.xml, and
        that relation to the image. Empty when the book has no such pictures or the chain breaks."""
        names = {n.lower(): n for n in self._zf().namelist()}
        parts = [names.get(n) for n in ("xl/metadata.xml", "xl/richdata/rdrichvalue.xml",
                                         "xl/richdata/rdrichvaluestructure.xml", "xl/richdata/richvaluerel.xml")]
        if None in parts:
            return {}
        metadata, values, structures, rels = (self._xml(p or "") for p in parts)
        if metadata is None or values is None or structures is None or rels is None:
            return {}
        kinds = [el.get("name") for el in metadata.iter() if _local(el.tag) == "metadataType"]
        future = next((el for el in metadata if _local(el.tag) == "futureMetadata" and el.get("name") == "XLRICHVALUE"), None)
        value_meta = next((el for el in metadata if _local(el.tag) == "valueMetadata"), None)
        if future is None or value_meta is None:
            return {}
        rich_of_block = [next((_int(el.get("i")) for el in bk.iter() if _local(el.tag) == "rvb"), -1)
                         for bk in future if _local(bk.tag) == "bk"]
        image_key = []  # per structure: the position of the image's key among its values, or -1
        for st in structures:
            keys = [k.get("n") for k in st if _local(k.tag) == "k"]
            image_key.append(keys.index("_rvRel:LocalImageIdentifier") if "_rvRel:LocalImageIdentifier" in keys else -1)
        rel_ids = [el.get(_R + "id") for el in rels if _local(el.tag) == "rel"]
        targets = self._targets(parts[3] or "", _IMAGE_REL)
        rich = [rv for rv in values if _local(rv.tag) == "rv"]
        found: dict[int, str] = {}
        for vm, bk in enumerate((b for b in value_meta if _local(b.tag) == "bk"), start=1):
            rc = next((el for el in bk if _local(el.tag) == "rc"), None)
            if rc is None or not 0 < _int(rc.get("t")) <= len(kinds) or kinds[_int(rc.get("t")) - 1] != "XLRICHVALUE":
                continue
            block = _int(rc.get("v"))
            index = rich_of_block[block] if block < len(rich_of_block) else -1
            if not 0 <= index < len(rich):
                continue
            structure = _int(rich[index].get("s"))
            key = image_key[structure] if structure < len(image_key) else -1
            cells = [v.text for v in rich[index] if _local(v.tag) == "v"]
            if not 0 <= key < len(cells):
                continue
            rel = _int(cells[key])
            if rel < len(rel_ids) and rel_ids[rel] in targets:
                found[vm] = targets[rel_ids[rel] or ""]
        return found

    def cell_image(self, ident: str) -> Picture | None:
        """The picture of a WPS cell image ``=DISPIMG("ID_…",1)``, None if the workbook has none by that ID."""
        if self._cell_images is None:
            self._cell_images = self._read_cell_images()
        member = self._cell_images.get(ident)
        return None if member is None else self.picture(member)

    def _read_cell_images(self) -> dict[str, str]:
        names = {n.lower(): n for n in self._zf().namelist()}
        part = names.get("xl/cellimages.xml")
        if part is None:
            return {}
        root = self._xml(part)
        if root is None:
            return {}
        images = self._targets(part, _IMAGE_REL)
        found: dict[str, str] = {}
        for pic in root.iter():
            if _local(pic.tag) != "pic":
                continue
            name = embed = None
            for el in pic.iter():
                if _local(el.tag) == "cNvPr":
                    name = el.get("name")
                elif _local(el.tag) == "blip":
                    embed = el.get(_R + "embed")
            if name and embed in images:
                found[name] = images[embed or ""]
        return found


def _anchors(root: Any) -> Iterator[Any]:
    """The anchors of a drawing, also those a program wrapped in mc:AlternateContent (its first
    choice, else its fallback)."""
    for child in root:
        if _local(child.tag) != "AlternateContent":
            yield child
            continue
        for branch in child:
            found = [a for a in branch if _local(a.tag) in ("twoCellAnchor", "oneCellAnchor")]
            if found:
                yield from found
                break


def _anchor_cell(anchor: Any) -> tuple[int, int] | None:
    """(row, column) a two-cell or one-cell anchor's picture covers most; None for other anchors."""
    kind = _local(anchor.tag)
    if kind not in ("twoCellAnchor", "oneCellAnchor"):
        return None  # absoluteAnchor: placed by position, in no cell
    ends: dict[str, dict[str, int]] = {}
    ext: tuple[int, int] | None = None
    for child in anchor:
        name = _local(child.tag)
        if name in ("from", "to"):
            ends[name] = {_local(c.tag): _int(c.text) for c in child}
        elif name == "ext":
            ext = (_int(child.get("cx")), _int(child.get("cy")))
    start = ends.get("from")
    if start is None:
        return None
    end = ends.get("to")
    if end is None and ext is not None:  # a one-cell anchor: where its size ends, in default rows and columns
        row_end = start.get("rowOff", 0) + ext[1]
        col_end = start.get("colOff", 0) + ext[0]
        end = {"row": start.get("row", 0) + row_end // _DEFAULT_ROW_EMU, "rowOff": row_end % _DEFAULT_ROW_EMU,
               "col": start.get("col", 0) + col_end // _DEFAULT_COL_EMU, "colOff": col_end % _DEFAULT_COL_EMU}
    end = end or {}
    row = most_covered(start.get("row", 0), start.get("rowOff", 0), end.get("row"), end.get("rowOff", 0), _DEFAULT_ROW_EMU)
    col = most_covered(start.get("col", 0), start.get("colOff", 0), end.get("col"), end.get("colOff", 0), _DEFAULT_COL_EMU)
    return row, col


def _int(text: str | None) -> int:
    try:
        return max(0, int(text or 0))
    except ValueError:
        return 0


def describe(member: str, data: bytes) -> Picture:
    """What the catalog makes of these image bytes: stored as they are (PNG, JPEG, GIF, WebP), as
    PNG (another format Pillow reads: BMP, TIFF), or not at all (EMF, WMF, over 10 MB)."""
    from catalog.media import MediaError, sniff_mime

    try:
        mime: str | None = sniff_mime(data)
    except MediaError:
        mime = None
    size = _size(data)
    if mime is None:
        png = _as_png(data)
        if png is None:
            return Picture(member, "", None, len(data), problem="format")
        return Picture(member, hashlib.sha256(png).hexdigest(), "image/png", len(png), *_size(png), convert=True)
    if len(data) > MAX_PICTURE_BYTES:
        return Picture(member, "", None, len(data), problem="size")
    return Picture(member, hashlib.sha256(data).hexdigest(), mime, len(data), *size)


def _size(data: bytes) -> tuple[int | None, int | None]:
    """Width and height in pixels, from the header alone; (None, None) when Pillow cannot tell."""
    from PIL import Image

    try:
        with Image.open(io.BytesIO(data)) as im:
            return im.size
    except Exception:  # Pillow raises many kinds for bytes it cannot read: then the size is unknown
        return None, None


def _as_png(data: bytes) -> bytes | None:
    """The image as PNG bytes, None when Pillow cannot read it (EMF and WMF need Windows)."""
    from PIL import Image

    try:
        with Image.open(io.BytesIO(data)) as im:
            if im.format in ("WMF", "EMF") or im.width * im.height > _MAX_PIXELS:
                return None
            im.load()
            out = io.BytesIO()
            (im if im.mode in ("RGB", "RGBA", "L", "LA", "P") else im.convert("RGBA")).save(out, "PNG")
    except Exception:  # not an image Pillow knows
        return None
    png = out.getvalue()
    return png if len(png) <= MAX_PICTURE_BYTES else None


class PictureReader:
    """Reads the bytes of pictures one at a time, as `describe` found them: from a workbook (.xlsx,
    .xls, .et), a .zip of photos, or a folder of photos (importers.photo_folder)."""

    def __init__(self, path: Path) -> None:
        """Open the workbook; raises ImportRefused when it is gone or no longer a workbook."""
        from importers.xls_pictures import XlsPictures, is_ole

        self.path = path
        self._zip: zipfile.ZipFile | None = None
        self._xls: XlsPictures | None = None
        try:
            if path.is_dir():
                pass
            elif is_ole(path):
                self._xls = XlsPictures.open(path)
                if self._xls is None:
                    raise _changed(path)
            else:
                self._zip = zipfile.ZipFile(path)
        except (OSError, zipfile.BadZipFile):
            raise _changed(path) from None

    def __enter__(self) -> PictureReader:
        return self

    def __exit__(self, *exc: object) -> None:
        if self._zip is not None:
            self._zip.close()

    def read(self, picture: Picture) -> bytes:
        """The bytes to store; raises ImportRefused when the file changed since it was read."""
        from importers.xls_pictures import pib_of

        try:
            if self._xls is not None:
                data = self._xls.blip(pib_of(picture.member)) or b""
            elif self._zip is not None:
                data = self._zip.read(picture.member)
            else:
                data = (self.path / picture.member).read_bytes()
        except (KeyError, ValueError, zipfile.BadZipFile, OSError, EOFError, zlib.error):
            data = b""
        if picture.convert:
            data = _as_png(data) or b""
        if hashlib.sha256(data).hexdigest() != picture.sha256:
            raise _changed(self.path)
        return data


def _changed(path: Path) -> ImportRefused:
    name = path.name
    return ImportRefused("changed", f"文件「{name}」在预览之后被修改、移走或删除了，请重新选择它导入。",
                         f"The file \"{name}\" was changed, moved or deleted after it was previewed; choose it again to import it.",
                         path=path)


_CELL_TAG: Final = re.compile(rb"<c\b[^>]*>")
_CELL_REF: Final = re.compile(rb'\br="([A-Z]{1,3})([0-9]{1,7})"')
_CELL_VM: Final = re.compile(rb'\bvm="([0-9]{1,9})"')


def _vm_cells(zf: zipfile.ZipFile, part: str) -> Iterator[tuple[int, int, int]]:
    """(row, column, vm) of the worksheet's cells that carry value metadata, streaming its XML."""
    try:
        fh = zf.open(part)
    except KeyError:
        return
    with fh:
        carry = b""
        while True:
            chunk = fh.read(1 << 20)
            buf = carry + chunk
            cut = buf.rfind(b"<") if chunk else len(buf)
            body, carry = buf[:cut], buf[cut:]
            if b'vm="' in body:
                for tag in _CELL_TAG.finditer(body):
                    vm, ref = _CELL_VM.search(tag.group()), _CELL_REF.search(tag.group())
                    if vm and ref:
                        col = 0
                        for ch in ref.group(1):
                            col = col * 26 + ch - 64
                        yield int(ref.group(2)) - 1, col - 1, int(vm.group(1))
            if not chunk:
                return


def dispimg_cells(rows: list[list[Any]]) -> Iterator[tuple[int, int, str]]:
    """(row, column, image ID) of every cell holding a WPS ``=DISPIMG("ID_…",1)`` formula's text."""
    for ri, row in enumerate(rows):
        for ci, v in enumerate(row):
            if v.__class__ is str and v[:1] == "=" and "DISPIMG" in v.upper():
                m = DISPIMG.match(v)
                if m:
                    yield ri, ci, m.group(1)

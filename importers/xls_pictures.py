"""Pictures in an .xls (or WPS .et) workbook's sheets: which cell each sits in, and its bytes.

Excel 97-2003 and WPS keep the pictures of a BIFF8 workbook in Office Drawing (OfficeArt)
records ([MS-XLS] 2.4.168-169, [MS-ODRAW]): the workbook's MSODRAWINGGROUP record holds every
picture's bytes (the "blip store"); each sheet's MSODRAWING records hold its shapes, and a picture
frame's properties name its blip (``pib``, 1-based) and its client anchor the cells it spans.
Only those records are read: a file with damaged drawing records gives no pictures, never an
error (its cells are read by calamine all the same).
"""

from __future__ import annotations

import io
import struct
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from importers.pictures import Picture, Placed, describe, most_covered
from importers.sniff import OLE_MAGIC

_BOF: Final = 0x0809
_EOF: Final = 0x000A
_BOUNDSHEET: Final = 0x0085
_CONTINUE: Final = 0x003C
_DRAWING_GROUP: Final = 0x00EB
_DRAWING: Final = 0x00EC
_BIFF8: Final = 0x0600
_DRAWINGS: Final = b"\x0f\x00\x00\xf0"  # the header of the drawing group's container, in any file with pictures

_BSTORE: Final = 0xF001
_FBSE: Final = 0xF007
_DG: Final = 0xF002
_SPGR: Final = 0xF003
_SP: Final = 0xF004
_FSP: Final = 0xF00A
_FOPT: Final = 0xF00B
_CLIENT_ANCHOR: Final = 0xF010
_PIB: Final = 0x0104  # the property naming a picture frame's blip
# blip record type -> (file extension, instance values that carry a second 16-byte UID)
_BLIPS: Final = {
    0xF01A: ("emf", (0x3D5,)), 0xF01B: ("wmf", (0x217,)), 0xF01C: ("pict", (0x543,)),
    0xF01D: ("jpeg", (0x46B, 0x6E3)), 0xF02A: ("jpeg", (0x46B, 0x6E3)), 0xF01E: ("png", (0x6E1,)),
    0xF01F: ("bmp", (0x7A9,)), 0xF029: ("tiff", (0x6E5,)),
}
_COL_UNIT: Final = 1024  # an anchor's offsets: 1/1024 of its column's width, 1/256 of its row's height
_ROW_UNIT: Final = 256


@dataclass(frozen=True, slots=True)
class _Record:
    kind: int
    instance: int
    start: int  # of the body
    end: int


def _records(buf: bytes, start: int = 0, end: int | None = None) -> Iterator[_Record]:
    """The OfficeArt records of `buf[start:end]`, one level (a record running past the end ends it)."""
    end = len(buf) if end is None else end
    at = start
    while at + 8 <= end:
        ver_inst, kind, length = struct.unpack_from("<HHI", buf, at)
        body = at + 8
        if body + length > end:
            return
        yield _Record(kind, ver_inst >> 4, body, body + length)
        at = body + length


def _biff_records(stream: bytes, start: int) -> Iterator[tuple[int, bytes]]:
    """(type, data) of the BIFF records of one substream, from its BOF at `start` to its EOF."""
    at = start
    while at + 4 <= len(stream):
        kind, length = struct.unpack_from("<HH", stream, at)
        yield kind, stream[at + 4:at + 4 + length]
        if kind == _EOF:
            return
        at += 4 + length


def _joined(records: Iterator[tuple[int, bytes]], kind: int) -> bytes:
    """The data of every `kind` record, each with the CONTINUE records that follow it, joined."""
    parts: list[bytes] = []
    taking = False
    for rtype, data in records:
        if rtype == kind or (taking and rtype == _CONTINUE):
            parts.append(data)
            taking = True
        else:
            taking = False
    return b"".join(parts)


def is_ole(path: Path) -> bool:
    """Whether the file at `path` is an OLE2 compound file (an .xls, .et, or another Office 97 file)."""
    with path.open("rb") as fh:
        return fh.read(8) == OLE_MAGIC


def workbook_stream(path: Path) -> bytes | None:
    """The BIFF8 workbook stream of an OLE2 file that holds drawings; None when it holds none, has
    no workbook stream or is not BIFF8."""
    import xlrd.compdoc

    try:
        data = path.read_bytes()
        if _DRAWINGS not in data:  # a scan of the bytes spares taking the container apart (~5 ms per 10 MB)
            return None
        stream = xlrd.compdoc.CompDoc(data, logfile=io.StringIO()).get_named_stream("Workbook")
    except Exception:  # OSError, and xlrd's own and struct errors for a damaged container
        return None
    if not stream or len(stream) < 8 or struct.unpack_from("<HHH", stream, 0)[::2] != (_BOF, _BIFF8):
        return None
    return bytes(stream)


class XlsPictures:
    """The pictures of one .xls/.et file (BIFF8): `sheet(name)` places them; `blip` gives bytes."""

    def __init__(self, stream: bytes) -> None:
        self._stream = stream
        self._sheets: dict[str, int] = {}  # sheet name -> offset of its BOF in the stream
        globals_ = list(_biff_records(stream, 0))
        for kind, data in globals_:
            if kind == _BOUNDSHEET and len(data) >= 8:
                self._sheets[_short_string(data, 6)] = struct.unpack_from("<I", data, 0)[0]
        self._group = _joined(iter(globals_), _DRAWING_GROUP)
        self._blips = self._blip_store()  # [pib - 1] -> the blip's record (None: one not kept in the file)
        self._pictures: dict[int, Picture | None] = {}

    @classmethod
    def open(cls, path: Path) -> XlsPictures | None:
        """The pictures of the workbook at `path`; None when it has none or is not a BIFF8 workbook."""
        stream = workbook_stream(path)
        return None if stream is None else cls(stream)

    def _blip_store(self) -> list[_Record | None]:
        blips: list[_Record | None] = []
        for dgg in _records(self._group):
            for store in _records(self._group, dgg.start, dgg.end):
                if store.kind != _BSTORE:
                    continue
                for entry in _records(self._group, store.start, store.end):
                    blip: _Record | None = entry
                    if entry.kind == _FBSE:  # 36 bytes of header and a name, then the blip itself
                        name_length = self._group[entry.start + 33] if entry.end - entry.start > 33 else 0
                        blip = next(_records(self._group, entry.start + 36 + name_length, entry.end), None)
                    blips.append(blip if blip is not None and blip.kind in _BLIPS else None)
        return blips

    def sheet(self, name: str) -> list[Placed]:
        """The pictures over the cells of the sheet called `name` (0-based rows and columns)."""
        start = self._sheets.get(name)
        if start is None or not any(self._blips):
            return []
        drawing = _joined(_biff_records(self._stream, start), _DRAWING)
        placed = []
        for pib, (row, col) in _frames(drawing):
            picture = self.picture(pib)
            if picture is not None:
                placed.append(Placed(row, col, picture))
        return placed

    def picture(self, pib: int) -> Picture | None:
        """The picture of blip `pib` (1-based), measured once; None when there is none."""
        if pib not in self._pictures:
            data = self.blip(pib)
            blip = self._blips[pib - 1] if data is not None else None
            self._pictures[pib] = None if blip is None or data is None else describe(blip_member(pib, blip.kind), data)
        return self._pictures[pib]

    def blip(self, pib: int) -> bytes | None:
        """The picture file of blip `pib` (a DIB gets its BMP file header), None if there is none."""
        blip = self._blips[pib - 1] if 0 < pib <= len(self._blips) else None
        if blip is None:
            return None
        ext, two_uids = _BLIPS[blip.kind]
        header = 16 + (16 if blip.instance in two_uids else 0)
        header += 34 if ext in ("emf", "wmf", "pict") else 1  # a metafile header, or a tag byte
        data = self._group[blip.start + header:blip.end]
        return _bmp_file(data) if ext == "bmp" else data


def blip_member(pib: int, kind: int) -> str:
    """The name a blip goes by in a Picture ("blip3.png"): its number and its file type."""
    return f"blip{pib}.{_BLIPS[kind][0]}"


def pib_of(member: str) -> int:
    """The blip number of a member named by `blip_member`."""
    return int(member[4:].split(".", 1)[0])


def _frames(drawing: bytes) -> Iterator[tuple[int, tuple[int, int]]]:
    """(pib, (row, column)) of the picture frames in a sheet's drawing records. A group's first
    shape holds its anchor; the shapes in it (anchored only within the group) take that one."""
    def walk(start: int, end: int, outer: tuple[int, int] | None) -> Iterator[tuple[int, tuple[int, int]]]:
        group = outer
        for i, rec in enumerate(_records(drawing, start, end)):
            if rec.kind in (_DG, _SPGR):
                yield from walk(rec.start, rec.end, group)
            elif rec.kind == _SP:
                pib, anchor = _shape(drawing, rec)
                if i == 0 and outer is None:
                    group = anchor
                at = outer or anchor or group
                if pib and at is not None:
                    yield pib, at
    yield from walk(0, len(drawing), None)


def _shape(buf: bytes, sp: _Record) -> tuple[int, tuple[int, int] | None]:
    """A shape's blip number (0 when it shows no picture) and the cell its anchor covers most."""
    pib = 0
    anchor = None
    deleted = False
    for rec in _records(buf, sp.start, sp.end):
        if rec.kind == _FSP and rec.end - rec.start >= 8:
            deleted = bool(struct.unpack_from("<I", buf, rec.start + 4)[0] & 0x8)  # fDeleted
        elif rec.kind == _FOPT:
            for i in range(rec.instance):
                at = rec.start + 6 * i
                if at + 6 > rec.end:
                    break
                opid, value = struct.unpack_from("<HI", buf, at)
                if opid & 0x3FFF == _PIB and opid & 0x4000:
                    pib = value
        elif rec.kind == _CLIENT_ANCHOR and rec.end - rec.start >= 18:
            col1, dx1, row1, dy1, col2, dx2, row2, dy2 = struct.unpack_from("<8H", buf, rec.start + 2)
            anchor = (most_covered(row1, dy1, row2, dy2, _ROW_UNIT), most_covered(col1, dx1, col2, dx2, _COL_UNIT))
    return (0 if deleted else pib), anchor


def _short_string(data: bytes, at: int) -> str:
    """A ShortXLUnicodeString (a sheet's name): 8-bit or UTF-16 characters."""
    if at + 2 > len(data):
        return ""
    count, flags = data[at], data[at + 1]
    raw = data[at + 2:at + 2 + count * (2 if flags & 1 else 1)]
    return raw.decode("utf-16-le" if flags & 1 else "latin-1", "replace")


def _bmp_file(dib: bytes) -> bytes:
    """A device-independent bitmap as a .bmp file: the 14-byte file header a DIB blip lacks."""
    if len(dib) < 40:
        return dib  # not even a BITMAPINFOHEADER: Pillow will say it cannot read it
    header_size, _w, _h, _planes, bits, compression = struct.unpack_from("<IiiHHI", dib, 0)
    colors = struct.unpack_from("<I", dib, 32)[0]
    if bits <= 8:
        colors = colors or 1 << bits
    masks = 12 if header_size == 40 and compression == 3 else 0  # BI_BITFIELDS after a v3 header
    offset = 14 + header_size + masks + 4 * colors
    return b"BM" + struct.pack("<IHHI", 14 + len(dib), 0, 0, offset) + dib

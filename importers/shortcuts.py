"""Windows shortcuts (.lnk): a shopkeeper drags the one on the desktop, not the workbook itself.

Only what an import needs of the Shell Link format ([MS-SHLLINK] 2.1-2.3): the header, the
optional ID list to skip, and the LinkInfo's local base path and common path suffix (Unicode
when the shortcut carries them, else in the PC's ANSI code page, GBK on Chinese Windows).
"""

from __future__ import annotations

import struct
from pathlib import Path
from typing import Final

LNK_MAGIC: Final = b"L\x00\x00\x00\x01\x14\x02\x00\x00\x00\x00\x00\xc0\x00\x00\x00\x00\x00\x00F"
_MAX_LNK_BYTES: Final = 1 << 20
_HAS_ID_LIST: Final = 0x1
_HAS_LINK_INFO: Final = 0x2
_LOCAL_PATH: Final = 0x1  # LinkInfoFlags: VolumeIDAndLocalBasePath


def is_shortcut(head: bytes) -> bool:
    """True if these first bytes are a Windows shortcut's."""
    return head.startswith(LNK_MAGIC)


def shortcut_target(data: bytes) -> str | None:
    """The local path a shortcut points to, or None if it has none (a network or special-folder
    link) or the bytes are not a well-formed shortcut."""
    try:
        return _target(data)
    except (struct.error, IndexError, UnicodeDecodeError):
        return None


def follow(path: Path) -> Path:
    """`path` itself, or the file its shortcut points to when it is a shortcut to an existing file."""
    try:
        with path.open("rb") as fh:
            if not is_shortcut(fh.read(len(LNK_MAGIC))):
                return path
            fh.seek(0)
            data = fh.read(_MAX_LNK_BYTES)
    except OSError:
        return path
    target = shortcut_target(data)
    if target is None:
        return path
    found = Path(target)
    return found if found.is_file() else path


def _target(data: bytes) -> str | None:
    (flags,) = struct.unpack_from("<I", data, 0x14)
    pos = 0x4C
    if flags & _HAS_ID_LIST:
        (size,) = struct.unpack_from("<H", data, pos)
        pos += 2 + size
    if not flags & _HAS_LINK_INFO:
        return None
    info = pos
    size, header_size, info_flags = struct.unpack_from("<III", data, info)
    if not info_flags & _LOCAL_PATH or info + size > len(data):
        return None
    base_off, _net_off, suffix_off = struct.unpack_from("<III", data, info + 16)
    if header_size >= 0x24:
        base_w, suffix_w = struct.unpack_from("<II", data, info + 28)
        if base_w:
            return _wide(data, info + base_w) + (_wide(data, info + suffix_w) if suffix_w else "")
    return _ansi(data, info + base_off) + (_ansi(data, info + suffix_off) if suffix_off else "")


def _ansi(data: bytes, start: int) -> str:
    raw = data[start : data.index(b"\x00", start)]
    try:
        return raw.decode("gbk")
    except UnicodeDecodeError:
        return raw.decode("latin-1")


def _wide(data: bytes, start: int) -> str:
    end = start
    while data[end : end + 2] != b"\x00\x00":
        end += 2
    return data[start:end].decode("utf-16-le")

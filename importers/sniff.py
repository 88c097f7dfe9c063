"""Recognise a file's real format from its bytes (never from its extension)."""

from __future__ import annotations

import array
import hashlib
import sys
import zipfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Final, Literal

from importers.errors import ImportRefused
from importers.shortcuts import is_shortcut, shortcut_target

Format = Literal["xlsx", "xlsb", "ods", "xls", "biff", "html", "xml2003", "text"]

OLE_MAGIC: Final = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC: Final = b"PK\x03\x04"
EMPTY_ZIP_MAGIC: Final = b"PK\x05\x06"

# Safety limits for zip containers (xlsx/xlsm/xlsb/ods): checked on the central
# directory, before anything is decompressed.
MAX_UNCOMPRESSED_TOTAL: Final = 1 << 30  # 1 GiB
MAX_MEMBER_RATIO: Final = 200  # uncompressed/compressed for any member larger than 8 MiB
MAX_ZIP_MEMBERS: Final = 10_000

_OTHER_MAGIC: Final[tuple[tuple[bytes, str, str], ...]] = (
    (b"%PDF", "PDF 文件", "a PDF file"),
    (b"\x89PNG", "图片文件（PNG）", "an image (PNG)"),
    (b"\xff\xd8\xff", "图片文件（JPEG）", "an image (JPEG)"),
    (b"GIF8", "图片文件（GIF）", "an image (GIF)"),
    (b"Rar!", "RAR 压缩包", "a RAR archive"),
    (b"7z\xbc\xaf", "7z 压缩包", "a 7z archive"),
    (b"\x1f\x8b", "gzip 压缩包", "a gzip archive"),
    (b"MZ", "程序文件", "a program file"),
    (b"{\\rtf", "RTF 文档", "an RTF document"),
)


@dataclass(frozen=True, slots=True)
class Sniffed:
    """What a file really is: ``format`` plus the 1904-date flag when it is known cheaply, and
    whether the workbook holds pictures (.xlsx: read by importers.pictures, .ods by
    importers.ods_content; .xlsb: only said; .xls is not told here: importers.xls_pictures
    finds its pictures)."""

    format: Format
    date1904: bool = False
    wps: bool = False
    pictures: bool = False
    cut_short: bool = False  # an .xls/.et file that ends before it should (see _ole_cut_short)


def _utf16(name: str) -> bytes:
    return name.encode("utf-16-le")


def refuse(code: str, zh: str, en: str, path: Path | str | None = None) -> ImportRefused:
    """Build an :class:`ImportRefused` (small helper so messages stay one sentence each)."""
    return ImportRefused(code, zh, en, path=path)


def sniff_path(path: Path) -> Sniffed:
    """Sniff the file at ``path``; raise :class:`ImportRefused` for files that cannot be read."""
    name = path.name
    try:
        size = path.stat().st_size
        with path.open("rb") as fh:
            head = fh.read(8192)
    except FileNotFoundError:
        raise refuse(
            "not_found",
            f"找不到文件「{name}」，请确认它没有被移动或删除。",
            f"The file \"{name}\" was not found; check that it was not moved or deleted.",
            path,
        ) from None
    except IsADirectoryError:
        raise refuse(
            "not_spreadsheet",
            f"「{name}」是一个文件夹，请选择里面的表格文件。",
            f"\"{name}\" is a folder; choose a spreadsheet file inside it.",
            path,
        ) from None
    except OSError as exc:
        raise refuse(
            "unreadable",
            f"无法读取文件「{name}」（{exc.strerror or exc}），请关闭占用它的程序后重试。",
            f"The file \"{name}\" cannot be read ({exc.strerror or exc}); close any program using it and try again.",
            path,
        ) from None
    if _is_lock_file(name, size):
        original = name[2:] if name.startswith("~$") else name[len(".~lock."):].rstrip("#")
        raise refuse(
            "lock_file",
            f"「{name}」是 Excel/WPS 打开「{original}」时生成的临时文件，不是表格，请选择「{original}」本身。",
            f"\"{name}\" is the temporary file Excel/WPS makes while \"{original}\" is open, not a spreadsheet; choose \"{original}\" itself.",
            path,
        )
    if size == 0 or not head.strip(b"\x00 \t\r\n"):
        raise refuse(
            "empty",
            f"文件「{name}」是空的（没有任何内容），请选择保存了数据的表格。",
            f"The file \"{name}\" is empty; choose a spreadsheet that contains data.",
            path,
        )
    return sniff_bytes(head, path, size)


def _shortcut_name(name: str) -> str:
    """"商品.xlsx - 快捷方式.lnk" -> "商品.xlsx": what Windows names a shortcut after its target."""
    stem = name[:-4] if name.lower().endswith(".lnk") else name
    for suffix in (" - 快捷方式", " - Shortcut", " - 捷徑"):
        if stem.endswith(suffix):
            return stem[: -len(suffix)]
    return stem


def _is_lock_file(name: str, size: int) -> bool:
    """An owner file ("~$商品.xlsx", 162-165 bytes: who has "商品.xlsx" open) or LibreOffice's
    ".~lock.商品.xlsx#": small, named after the workbook that is open."""
    return size <= 4096 and (name.startswith("~$") or (name.startswith(".~lock.") and name.endswith("#")))


def sniff_bytes(head: bytes, path: Path, size: int) -> Sniffed:
    """Sniff from the first bytes of a file (the whole file is read only for containers)."""
    name = path.name
    if head.startswith(OLE_MAGIC):
        return _sniff_ole(path)
    if head.startswith(ZIP_MAGIC) or head.startswith(EMPTY_ZIP_MAGIC):
        return _sniff_zip(path)
    if _is_bare_biff(head):
        return Sniffed("biff")
    for magic, zh, en in _OTHER_MAGIC:
        if head.startswith(magic):
            raise refuse(
                "not_spreadsheet",
                f"文件「{name}」是{zh}，不是表格，请选择 Excel、WPS 或 CSV 文件。",
                f"The file \"{name}\" is {en}, not a spreadsheet; choose an Excel, WPS or CSV file.",
                path,
            )
    if is_shortcut(head):
        target = shortcut_target(head)
        shown = Path(target.replace("\\", "/")).name if target else _shortcut_name(name)
        raise refuse(
            "shortcut",
            f"「{name}」是一个快捷方式，它指向的文件不在这台电脑上，请直接选择表格文件「{shown}」。"
            if target else f"「{name}」是一个快捷方式，不是表格，请直接选择它指向的表格文件「{shown}」。",
            f"\"{name}\" is a shortcut to a file that is not on this PC; choose the spreadsheet \"{shown}\" itself."
            if target else f"\"{name}\" is a shortcut, not a spreadsheet; choose the spreadsheet it points to (\"{shown}\") itself.",
            path,
        )
    if head.lstrip().startswith(b"[InternetShortcut]"):
        raise refuse(
            "shortcut",
            f"「{name}」是一个网址快捷方式，不是表格，请先下载表格文件再导入。",
            f"\"{name}\" is a web shortcut, not a spreadsheet; download the spreadsheet first and import that.",
            path,
        )
    text_head = _peek_text(head)
    low = text_head.lstrip().lower()
    if low.startswith("<?xml") or low.startswith("<workbook"):
        if "urn:schemas-microsoft-com:office:spreadsheet" in low or "<workbook" in low:
            return Sniffed("xml2003")
        raise refuse(
            "not_spreadsheet",
            f"文件「{name}」是 XML 文档而不是表格，请在 Excel 或 WPS 中另存为 .xlsx 后再导入。",
            f"The file \"{name}\" is an XML document, not a spreadsheet; save it as .xlsx in Excel or WPS and import that.",
            path,
        )
    if low.startswith(("<html", "<!doctype html", "<table", "<meta", "<head", "<body", "<!--")) or (
        "<table" in low and "<html" in low
    ):
        return Sniffed("html")
    if _looks_binary(head):
        raise refuse(
            "not_spreadsheet",
            f"文件「{name}」不是能识别的表格格式，请在 Excel 或 WPS 中另存为 .xlsx 后再导入。",
            f"The file \"{name}\" is not a spreadsheet format we recognise; save it as .xlsx in Excel or WPS and import that.",
            path,
        )
    return Sniffed("text")


def _peek_text(head: bytes) -> str:
    if head.startswith(b"\xef\xbb\xbf"):
        head = head[3:]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return head[2:4000].decode("utf-16-le" if head[:2] == b"\xff\xfe" else "utf-16-be", "ignore")
        except UnicodeError:  # pragma: no cover - "ignore" never raises
            return ""
    return head[:4000].decode("latin-1")


def _looks_binary(head: bytes) -> bool:
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False
    sample = head[:4096]
    if b"\x00" in sample:
        # UTF-16 without a BOM has a zero in every other byte.
        zeros = sample.count(b"\x00")
        return not (zeros > len(sample) // 3 and (sample[1::2].count(0) > len(sample) // 3 or sample[0::2].count(0) > len(sample) // 3))
    control = sum(1 for b in sample if b < 9 or 13 < b < 27 or 27 < b < 32)
    return control > len(sample) // 50 + 1


def _is_bare_biff(head: bytes) -> bool:
    """A BIFF2-4 worksheet stream without an OLE2 container starts with a BOF record."""
    if len(head) < 8:
        return False
    rtype = head[0] | head[1] << 8
    length = head[2] | head[3] << 8
    return rtype in (0x0009, 0x0209, 0x0409, 0x0809) and 4 <= length <= 20


def _sniff_ole(path: Path) -> Sniffed:
    data = path.read_bytes()
    name = path.name
    if _utf16("EncryptedPackage") in data or _utf16("EncryptionInfo") in data:
        raise refuse(
            "encrypted",
            f"文件「{name}」设置了打开密码，请在 Excel 或 WPS 中取消密码并另存后再导入。",
            f"The file \"{name}\" is password-protected; remove the password in Excel or WPS, save it and import again.",
            path,
        )
    if _utf16("Workbook") in data or _utf16("Book") in data:
        return Sniffed("xls", wps=path.suffix.lower() == ".et", cut_short=_ole_cut_short(data))
    if _utf16("WordDocument") in data:
        raise refuse(
            "not_spreadsheet",
            f"文件「{name}」是 Word 文档，不是表格，请选择 Excel、WPS 或 CSV 文件。",
            f"The file \"{name}\" is a Word document, not a spreadsheet; choose an Excel, WPS or CSV file.",
            path,
        )
    if _ole_cut_short(data):  # the directory naming the streams is missing: a partial download
        raise _damaged(path)
    if path.suffix.lower() in (".et", ".ett"):
        raise refuse(
            "unsupported",
            f"无法读取 WPS 表格文件「{name}」，请在 WPS 中把它另存为 .xlsx 后再导入。",
            f"The WPS spreadsheet \"{name}\" cannot be read; save it as .xlsx in WPS and import that.",
            path,
        )
    raise refuse(
        "not_spreadsheet",
        f"文件「{name}」是 Office 文件但里面没有表格，请选择 Excel、WPS 或 CSV 文件。",
        f"The file \"{name}\" is an Office file without a workbook inside; choose an Excel, WPS or CSV file.",
        path,
    )


def _ole_cut_short(data: bytes) -> bool:
    """True if an OLE2 file ends before the last sector its allocation table uses (or inside a
    sector): what is left of an .xls or .et cut short (a download that did not finish)."""
    if len(data) < 512:
        return True
    shift = int.from_bytes(data[0x1E:0x20], "little")
    if shift not in (9, 12):  # 512- or 4096-byte sectors; anything else is no OLE2 file we can judge
        return False
    size = 1 << shift
    if len(data) % size:
        return True
    sectors = len(data) // size - 1  # the header takes the first sector's place
    directory = int.from_bytes(data[0x30:0x34], "little")
    fat_sectors = [n for n in array.array("I", data[0x4C:0x200]) if n < 0xFFFFFFFA] if sys.byteorder == "little" else []
    if directory >= sectors or any(n >= sectors for n in fat_sectors):
        return True
    fat = array.array("I")
    for n in fat_sectors:  # the first 109 sectors of the table: files up to ~7 MB entirely
        fat.frombytes(data[(n + 1) * size : (n + 2) * size])
    used = len(fat)
    while used and fat[used - 1] == 0xFFFFFFFF:  # free sectors at the end
        used -= 1
    return used > sectors


def _damaged(path: Path) -> ImportRefused:
    name = path.name
    return refuse(
        "damaged",
        f"文件「{name}」已损坏或不完整（可能没有下载完），请重新下载或在 Excel/WPS 中打开后另存再导入。",
        f"The file \"{name}\" is damaged or incomplete (perhaps a partial download); download it again or re-save it in Excel/WPS.",
        path,
    )


def _sniff_zip(path: Path) -> Sniffed:
    name = path.name
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
            check_zip_limits(path, infos)
            names = {i.filename for i in infos}
            if "xl/workbook.xml" in names or any(n.endswith("workbook.xml") and n.startswith("xl/") for n in names):
                pictures = "xl/cellimages.xml" in names or any(n.startswith("xl/media/") for n in names)
                return Sniffed("xlsx", date1904=_xlsx_date1904(zf), pictures=pictures)
            if "xl/workbook.bin" in names:
                return Sniffed("xlsb", pictures=any(n.startswith("xl/media/") for n in names))
            if "mimetype" in names:
                mime = zf.read("mimetype")[:100]
                if b"opendocument.spreadsheet" in mime:
                    return Sniffed("ods", pictures=any(n.startswith("Pictures/") for n in names))
                if b"opendocument" in mime:
                    raise refuse(
                        "not_spreadsheet",
                        f"文件「{name}」是 OpenDocument 文字或演示文档，不是表格，请选择表格文件。",
                        f"The file \"{name}\" is an OpenDocument text or presentation, not a spreadsheet; choose a spreadsheet.",
                        path,
                    )
            if "content.xml" in names and "META-INF/manifest.xml" in names:
                return Sniffed("ods", pictures=any(n.startswith("Pictures/") for n in names))
            if any(n.startswith("word/") for n in names):
                raise refuse(
                    "not_spreadsheet",
                    f"文件「{name}」是 Word 文档，不是表格，请选择 Excel、WPS 或 CSV 文件。",
                    f"The file \"{name}\" is a Word document, not a spreadsheet; choose an Excel, WPS or CSV file.",
                    path,
                )
            if any(n.startswith("ppt/") for n in names):
                raise refuse(
                    "not_spreadsheet",
                    f"文件「{name}」是 PowerPoint 演示文稿，不是表格，请选择 Excel、WPS 或 CSV 文件。",
                    f"The file \"{name}\" is a PowerPoint presentation, not a spreadsheet; choose an Excel, WPS or CSV file.",
                    path,
                )
    except ImportRefused:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError, ValueError, KeyError, NotImplementedError):
        raise _damaged(path) from None
    raise refuse(
        "not_spreadsheet",
        f"文件「{name}」是一个压缩包而不是表格，请解压后选择里面的表格文件。",
        f"The file \"{name}\" is a zip archive, not a spreadsheet; unzip it and choose the spreadsheet inside.",
        path,
    )


def check_zip_limits(path: Path, infos: list[zipfile.ZipInfo]) -> None:
    """Refuse zip bombs using only the central directory (nothing is decompressed)."""
    name = path.name
    total = 0
    if len(infos) > MAX_ZIP_MEMBERS:
        raise _bomb(path)
    for info in infos:
        if info.file_size < 0 or info.compress_size < 0:
            raise _damaged(path)
        total += info.file_size
        if info.file_size > 8 << 20 and info.file_size > MAX_MEMBER_RATIO * max(info.compress_size, 1):
            raise _bomb(path)
    if total > MAX_UNCOMPRESSED_TOTAL:
        raise refuse(
            "too_large",
            f"文件「{name}」解压后超过 1 GB，太大无法导入，请把数据拆分成几个较小的文件。",
            f"The file \"{name}\" expands to more than 1 GB, which is too large; split the data into smaller files.",
            path,
        )


def _bomb(path: Path) -> ImportRefused:
    name = path.name
    return refuse(
        "too_large",
        f"文件「{name}」的压缩结构异常（疑似压缩炸弹），为安全起见已拒绝导入，请在 Excel 或 WPS 中重新保存后再试。",
        f"The file \"{name}\" has an abnormal compressed structure (a possible zip bomb) and was refused for safety; re-save it in Excel or WPS and try again.",
        path,
    )


def _xlsx_date1904(zf: zipfile.ZipFile) -> bool:
    try:
        info = zf.getinfo("xl/workbook.xml")
    except KeyError:
        return False
    if info.file_size > 4 << 20:
        return False
    head = zf.read(info)
    return b'date1904="1"' in head or b'date1904="true"' in head


def file_sha256(path: Path) -> str:
    """The sha256 of a file's bytes (kept with each import batch, to recognise the same file again).

    One import asks more than once (the sheets imported before, then the batch it makes): the
    digest is remembered for the file as it stands (its size and modification time).
    """
    st = path.stat()
    return _sha256_of(str(path), st.st_size, st.st_mtime_ns)


@lru_cache(maxsize=8)
def _sha256_of(path: str, size: int, mtime_ns: int) -> str:
    del size, mtime_ns  # the cache key: a changed file is hashed again
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()

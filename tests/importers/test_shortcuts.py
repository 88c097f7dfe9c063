"""Windows shortcuts: dragging the desktop shortcut of a workbook imports the workbook."""

from __future__ import annotations

import struct
from collections.abc import Callable
from pathlib import Path

import pytest

from importers import ImportRefused, read_table
from importers.shortcuts import LNK_MAGIC, follow, shortcut_target


def make_lnk(target: str, *, unicode: bool = True, id_list: bool = True) -> bytes:
    """A Shell Link ([MS-SHLLINK]) to `target`: header, an ID list to skip, a LinkInfo whose local
    base path is `target` (also in UTF-16 when `unicode`, as Windows writes for non-ASCII paths)."""
    flags = 0x2 | (0x1 if id_list else 0)
    header = LNK_MAGIC + struct.pack("<I", flags) + bytes(0x4C - len(LNK_MAGIC) - 4)
    ids = struct.pack("<H", 12) + b"\x0a\x00" + bytes(8) + b"\x00\x00" if id_list else b""
    header_size = 0x24 if unicode else 0x1C
    volume = struct.pack("<IIII", 16, 3, 0x1234, 16)  # VolumeIDSize, DriveType, serial, label offset
    base, suffix = target.encode("gbk") + b"\x00", b"\x00"
    base_off = header_size + len(volume)
    suffix_off = base_off + len(base)
    tail = volume + base + suffix
    fields = [1, header_size, base_off, 0, suffix_off]  # flags, VolumeIDOffset, LocalBasePathOffset, net, suffix
    if unicode:
        base_w = suffix_off + len(suffix)
        wide = target.encode("utf-16-le") + b"\x00\x00"
        fields += [base_w, base_w + len(wide)]
        tail += wide + b"\x00\x00"
    body = struct.pack("<I", header_size) + struct.pack(f"<{len(fields)}I", *fields) + tail
    info = struct.pack("<I", 4 + len(body)) + body
    return header + ids + info + bytes(8)  # an empty ExtraData terminal block


@pytest.fixture
def workbook(tmp_path: Path) -> Path:
    path = tmp_path / "商品价目表.csv"
    path.write_text("品名,售价\n青岛啤酒,6\n崂山可乐,3\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(("unicode", "id_list"), [(True, True), (False, True), (True, False), (False, False)])
def test_a_shortcut_reads_the_workbook_it_points_to(tmp_path: Path, workbook: Path, unicode: bool, id_list: bool) -> None:
    lnk = tmp_path / "商品价目表.csv - 快捷方式.lnk"
    lnk.write_bytes(make_lnk(str(workbook), unicode=unicode, id_list=id_list))
    assert shortcut_target(lnk.read_bytes()) == str(workbook)
    assert follow(lnk) == workbook
    table = read_table(lnk)
    assert table.source == workbook and [r.values["name"] for r in table.rows] == ["青岛啤酒", "崂山可乐"]


def test_a_shortcut_to_a_file_not_on_this_pc_names_it(tmp_path: Path, one_sentence: Callable[[str, str], bool]) -> None:
    lnk = tmp_path / "进货单.lnk"
    lnk.write_bytes(make_lnk("D:\\店里\\进货单2026.xlsx"))
    with pytest.raises(ImportRefused) as info:
        read_table(lnk)
    err = info.value
    assert err.code == "shortcut" and one_sentence(err.message_zh, err.message_en)
    assert "「进货单2026.xlsx」" in err.message_zh and "not on this PC" in err.message_en


def test_a_shortcut_without_a_local_path_is_named_after_its_file(tmp_path: Path) -> None:
    lnk = tmp_path / "菜单.xlsx - 快捷方式.lnk"
    lnk.write_bytes(LNK_MAGIC + struct.pack("<I", 0) + bytes(0x4C - len(LNK_MAGIC) - 4) + bytes(8))
    with pytest.raises(ImportRefused) as info:
        read_table(lnk)
    assert info.value.code == "shortcut" and "「菜单.xlsx」" in info.value.message_zh


def test_broken_shortcut_bytes_give_no_target(workbook: Path) -> None:
    good = make_lnk(str(workbook))
    for broken in (good[:30], good[:0x4C + 5], LNK_MAGIC + b"\xff\xff\xff\xff" + bytes(60)):
        assert shortcut_target(broken) is None
    assert follow(workbook) == workbook  # not a shortcut: itself


def test_a_web_shortcut_is_refused(tmp_path: Path) -> None:
    url = tmp_path / "菜单.url"
    url.write_bytes(b"[InternetShortcut]\r\nURL=https://example.com/menu.xlsx\r\n")
    with pytest.raises(ImportRefused) as info:
        read_table(url)
    assert info.value.code == "shortcut" and "download" in info.value.message_en

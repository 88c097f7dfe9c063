"""Formats are recognised by content, never by extension; unreadable files get one sentence."""

from __future__ import annotations

import shutil
import zipfile
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest

from importers import ImportRefused, read_table
from importers.sniff import sniff_path


@pytest.mark.parametrize(
    ("name", "fmt"),
    [
        ("goods_template.xls", "xls"),
        ("MaterialSupplier.xlsx", "xls"),  # an .xls file named .xlsx
        ("example-hxsec-records.xls", "text"),  # GBK tab-separated text named .xls
        ("crlf_crlf.htm", "html"),
        ("sushi.xml", "xml2003"),
        ("crlf_CRLFX5_2.XLS", "biff"),  # bare BIFF2 stream
        ("wps_fn.et", "xls"),  # WPS .et is an OLE2/BIFF8 file
        ("bad_dimensions.xlsx", "xlsx"),
        ("example-wechat-records.csv", "text"),
    ],
)
def test_format_by_content(data: Path, name: str, fmt: str) -> None:
    assert sniff_path(data / name).format == fmt


def test_extension_lies_both_ways(data: Path, tmp_path: Path) -> None:
    xlsx_as_csv = tmp_path / "商品.csv"
    shutil.copy(data / "bad_dimensions.xlsx", xlsx_as_csv)
    assert read_table(xlsx_as_csv).format == "xlsx"
    xls_as_xlsx = data / "MaterialSupplier.xlsx"
    assert read_table(xls_as_xlsx).format == "xls"


def _refused(path: Path) -> ImportRefused:
    with pytest.raises(ImportRefused) as err:
        read_table(path)
    return err.value


@pytest.mark.parametrize(
    ("content", "code"),
    [
        (b"", "empty"),
        (b"   \r\n\t  ", "empty"),
        (b"%PDF-1.7\n%binary", "not_spreadsheet"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 50, "not_spreadsheet"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "not_spreadsheet"),  # OLE2 without a workbook
        (b"PK\x03\x04" + b"\x00" * 40, "damaged"),  # a truncated zip
        (bytes(range(256)) * 8, "not_spreadsheet"),
        (b"Attachment not found!", "not_spreadsheet"),
        (b"\n\n\n,,,\n, ,\n", "empty"),  # blank lines and empty cells: no data, not "a line of text"
    ],
)
def test_refusals(tmp_path: Path, content: bytes, code: str, one_sentence: Callable[[str, str], bool]) -> None:
    p = tmp_path / "货品.xlsx"
    p.write_bytes(content)
    refused = _refused(p)
    assert refused.code == code
    assert one_sentence(refused.message_zh, refused.message_en), (refused.message_zh, refused.message_en)
    assert "货品.xlsx" in refused.message_zh and refused.path == p


def test_encrypted_and_zero_byte(data: Path, one_sentence: Callable[[str, str], bool]) -> None:
    enc = _refused(data / "pass_protected.xlsx")
    assert enc.code == "encrypted" and "密码" in enc.message_zh
    empty = _refused(data / "null_file.xlsx")
    assert empty.code == "empty"
    for r in (enc, empty):
        assert one_sentence(r.message_zh, r.message_en)


def test_missing_file_and_folder(tmp_path: Path) -> None:
    assert _refused(tmp_path / "nope.xlsx").code == "not_found"
    assert _refused(tmp_path).code == "no_photos"  # a folder is read as product photos: it holds none


def test_docx_like_zip_is_not_a_spreadsheet(tmp_path: Path) -> None:
    p = tmp_path / "报价.xlsx"
    with zipfile.ZipFile(p, "w") as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml", "<w:document/>")
    refused = _refused(p)
    assert refused.code == "not_spreadsheet" and "Word" in refused.message_zh


def test_truncated_xlsx(tmp_path: Path) -> None:
    src = tmp_path / "full.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    for i in range(500):
        ws.append([f"商品{i}", i * 1.5, "瓶"])
    wb.save(src)
    cut = tmp_path / "cut.xlsx"
    cut.write_bytes(src.read_bytes()[: src.stat().st_size // 2])
    assert _refused(cut).code == "damaged"


def test_wps_et_is_read(data: Path) -> None:
    table = read_table(data / "wps_fn.et")
    assert table.format == "xls" and table.headers == ["Name", "Example", "Result"]


def test_greek_single_byte_csv_is_not_mojibake(data: Path) -> None:
    # 69 bytes of ISO-8859-7: charset-normalizer alone reads them as Bulgarian (cp1251).
    t = read_table(data / "table-infer-iso-8859-7.csv")
    assert t.encoding in ("iso8859_7", "cp1253")
    assert t.rows[0].values["name"] == "Λεωνιδας" and t.rows[3].values["name"] == "Ευστοργιος"


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        ("id,name,city\n1,Привет мир,Москва\n2,Хлеб ржаной,Санкт-Петербург\n3,Молоко,Казань\n", "cp1251"),
        ("id,nom,ville\n1,Café crème,Besançon\n2,Pâté,Orléans\n3,Bière blonde,Saint-Étienne\n", "cp1252"),
        ("id,όνομα,πόλη\n1,Καφές,Αθήνα\n2,Ψωμί,Θεσσαλονίκη\n3,Γάλα,Πάτρα\n", "cp1253"),
        ("κωδικός,όνομα,τιμή\n1,Ελληνικός καφές,2.5\n2,Φρέντο εσπρέσο,3\n3,Σουβλάκι χοιρινό,4\n", "iso8859_7"),
        ("id,nazwa,miasto\n1,Żółć gęślą,Łódź\n2,Chleb,Kraków\n3,Mleko,Gdańsk\n", "cp1250"),
        # ISO-8859-7 puts Ά at 0xB6, where cp1253 has ¶; charset-normalizer alone says Mac Greek.
        ("κωδικός,όνομα\n1,Άρτος σικάλεως\n2,Έλαιο ελιάς\n3,Ώριμο τυρί\n4,Ήπειρος φέτα\n", "iso8859_7"),
        ("κωδικός,όνομα\n1,Άρτος σικάλεως\n2,Έλαιο ελιάς\n3,Ώριμο τυρί\n4,Ήπειρος φέτα\n", "cp1253"),
        # charset-normalizer alone prefers Mac Central European here.
        ("id,nombre,precio\n1,Jamón ibérico,12€\n2,Café con leche,2€\n3,Año nuevo ¿sí?,3€\n", "cp1252"),
        ("id,name,city\n1,Привет мир,Москва\n2,Хлеб ржаной,Санкт-Петербург\n3,Молоко,Казань\n", "koi8_r"),
    ],
)
def test_single_byte_text_decodes_to_its_words(text: str, encoding: str) -> None:
    from importers.readers import decode_text

    decoded, used, warnings = decode_text(text.encode(encoding), Path("x.csv"))
    assert decoded == text and warnings
    assert used not in ("utf-8", "gb18030", "big5")


def _owner_file(user: str) -> bytes:
    """What Excel writes to "~$Book.xlsx" while Book.xlsx is open: the user's name twice, 165 bytes."""
    data = bytes([len(user)]) + user.encode("ascii").ljust(53) + bytes([len(user), 0]) + user.encode("utf-16-le")
    return data.ljust(165, b"\x00")


@pytest.mark.parametrize("name", ["~$商品.xlsx", ".~lock.商品.xlsx#"])
def test_an_office_lock_file_names_the_workbook_to_choose(tmp_path: Path, name: str,
                                                          one_sentence: Callable[[str, str], bool]) -> None:
    """It read as a one-column text table: two garbage "products" were imported from it."""
    path = tmp_path / name
    path.write_bytes(_owner_file("Administrator") if name.startswith("~$") else b",Administrator,PC-01,/home/a;\n")
    with pytest.raises(ImportRefused) as info:
        read_table(path)
    err = info.value
    assert err.code == "lock_file" and one_sentence(err.message_zh, err.message_en)
    assert "「商品.xlsx」本身" in err.message_zh and 'choose "商品.xlsx" itself' in err.message_en


def test_a_big_file_whose_name_starts_with_a_tilde_is_read(tmp_path: Path) -> None:
    path = tmp_path / "~$价目表.csv"
    path.write_text("品名,售价\n" + "".join(f"商品{i},{i}\n" for i in range(1, 400)), encoding="utf-8")
    assert len(read_table(path).rows) == 399


def test_a_files_digest_follows_its_bytes(tmp_path: Path) -> None:
    """Remembered while the file stands as it is; any rewrite (same size too) is hashed again."""
    import hashlib
    import os

    from importers.sniff import file_sha256

    path = tmp_path / "价目表.csv"
    path.write_bytes(b"a,1\n")
    assert file_sha256(path) == hashlib.sha256(b"a,1\n").hexdigest() == file_sha256(path)
    path.write_bytes(b"b,2\n")  # the same size
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 1_000_000))
    assert file_sha256(path) == hashlib.sha256(b"b,2\n").hexdigest()
    path.write_bytes(b"b,22\n")
    assert file_sha256(path) == hashlib.sha256(b"b,22\n").hexdigest()


@pytest.mark.parametrize("name", ["goods_template.xls", "wps_fn.et", "sameName.xls"])
def test_a_cut_xls_is_refused_as_incomplete_without_a_panic(data: Path, tmp_path: Path, name: str,
                                                            capfd: pytest.CaptureFixture[str]) -> None:
    # A download that stopped: calamine panicked on these (Rust printed "thread panicked at ...
    # cfb.rs" on the console before our sentence), and one cut before its directory was called
    # "an Office file without a workbook".
    src = (data / name).read_bytes()
    for cut in (512, 1024, 2560, len(src) // 2, len(src) - 1536, len(src) - 512):
        path = tmp_path / f"cut{cut}{Path(name).suffix}"
        path.write_bytes(src[:cut])
        refused = _refused(path)
        assert refused.code == "damaged" and "不完整" in refused.message_zh, (cut, refused.message_zh)
    assert "panicked" not in capfd.readouterr().err
    assert read_table(data / name).rows  # the whole file still reads

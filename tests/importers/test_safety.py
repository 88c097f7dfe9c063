"""Hostile files: zip bombs, XML bombs, huge dimension claims and truncated files are refused
with one sentence, in bounded time and memory (each case runs in a fresh interpreter)."""

from __future__ import annotations

import json
import struct
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from catalog.store import Store
from importers import ImportRefused, read_table
from importers.apply import apply_plan
from importers.plan import build_plan
from importers.remembered import trusted_sheets

ROOT = Path(__file__).resolve().parents[2]
MAX_RSS_MB = 500
MAX_SECONDS = 30

_RUNNER = """
import json, resource, sys
from importers import read_table, ImportRefused
try:
    t = read_table(sys.argv[1], sheet=sys.argv[2] if len(sys.argv) > 2 else None)
    out = {"ok": True, "rows": len(t.rows)}
except ImportRefused as e:
    out = {"ok": False, "code": e.code, "zh": e.message_zh, "en": e.message_en}
# This process's own peak: VmHWM. ru_maxrss would also count the pytest process's peak, which
# Linux carries over into a child started by vfork + exec (as subprocess does).
try:
    with open("/proc/self/status") as f:
        out["rss_mb"] = next(int(line.split()[1]) for line in f if line.startswith("VmHWM:")) / 1024
except (OSError, StopIteration):
    out["rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps(out))
"""


def run_isolated(path: Path, sheet: str | None = None) -> dict[str, object]:
    """read_table(path[, sheet]) in a fresh interpreter; returns its outcome and peak RSS."""
    started = time.perf_counter()
    args = [sys.executable, "-c", _RUNNER, str(path)] + ([sheet] if sheet is not None else [])
    proc = subprocess.run(args, cwd=ROOT, capture_output=True, text=True, timeout=MAX_SECONDS * 4)
    elapsed = time.perf_counter() - started
    assert proc.returncode == 0, proc.stderr[-2000:]
    result: dict[str, object] = json.loads(proc.stdout.strip().splitlines()[-1])
    assert elapsed < MAX_SECONDS, elapsed
    assert float(result["rss_mb"]) < MAX_RSS_MB, result  # type: ignore[arg-type]
    return result


_CT = ('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
       '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
       '<Default Extension="xml" ContentType="application/xml"/>'
       '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
       '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
       "</Types>")
_RELS = ('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
         '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
         "</Relationships>")
_WB = ('<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
       'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
       '<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>')
_WB_RELS = ('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
            "</Relationships>")


def write_xlsx(path: Path, sheet_xml: str | bytes) -> Path:
    """A minimal hand-made xlsx whose only worksheet is ``sheet_xml``."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", _CT)
        zf.writestr("_rels/.rels", _RELS)
        zf.writestr("xl/workbook.xml", _WB)
        zf.writestr("xl/_rels/workbook.xml.rels", _WB_RELS)
        zf.writestr("xl/worksheets/sheet1.xml", sheet_xml)
    return path


def _sheet(cells: str, dimension: str | None = None) -> str:
    dim = f'<dimension ref="{dimension}"/>' if dimension else ""
    return ('<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            f"{dim}<sheetData>{cells}</sheetData></worksheet>")


def test_minimal_xlsx_reads(tmp_path: Path) -> None:
    cells = ('<row r="1"><c r="A1" t="inlineStr"><is><t>品名</t></is></c><c r="B1" t="inlineStr"><is><t>售价</t></is></c></row>'
             '<row r="2"><c r="A2" t="inlineStr"><is><t>可乐</t></is></c><c r="B2"><v>3.5</v></c></row>')
    result = run_isolated(write_xlsx(tmp_path / "ok.xlsx", _sheet(cells, "A1:B2")))
    assert result["ok"] and result["rows"] == 1


def test_zip_bomb_by_ratio(tmp_path: Path) -> None:
    bomb = b"<x/>" + b" " * (96 << 20)  # 96 MiB of spaces compresses to about 100 KiB
    result = run_isolated(write_xlsx(tmp_path / "bomb.xlsx", bomb))
    assert result["ok"] is False and result["code"] == "too_large"


def test_zip_bomb_by_declared_size(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "liar.xlsx", _sheet(""))
    raw = bytearray(path.read_bytes())
    # Claim 3 GiB for the worksheet in the central directory (offset 24: uncompressed size).
    pos = raw.find(b"PK\x01\x02", 0)
    while pos != -1:
        name_len = struct.unpack_from("<H", raw, pos + 28)[0]
        name = bytes(raw[pos + 46 : pos + 46 + name_len])
        if name == b"xl/worksheets/sheet1.xml":
            struct.pack_into("<I", raw, pos + 24, 0xC0000000)
        pos = raw.find(b"PK\x01\x02", pos + 4)
    path.write_bytes(bytes(raw))
    result = run_isolated(path)
    assert result["ok"] is False and result["code"] in ("too_large", "damaged")


def test_huge_used_range(tmp_path: Path) -> None:
    cells = '<row r="1"><c r="A1"><v>1</v></c></row><row r="1048576"><c r="XFD1048576"><v>2</v></c></row>'
    result = run_isolated(write_xlsx(tmp_path / "far.xlsx", _sheet(cells, "A1:XFD1048576")))
    assert result["ok"] is False and result["code"] == "too_large"
    # Same cells, but the dimension lies small: the scan is not fooled by a missing dimension.
    result = run_isolated(write_xlsx(tmp_path / "far2.xlsx", _sheet(cells)))
    assert result["ok"] is False and result["code"] == "too_large"


def test_huge_dimension_claim_with_small_data(tmp_path: Path) -> None:
    cells = ('<row r="1"><c r="A1" t="inlineStr"><is><t>品名</t></is></c><c r="B1" t="inlineStr"><is><t>售价</t></is></c></row>'
             '<row r="2"><c r="A2" t="inlineStr"><is><t>可乐</t></is></c><c r="B2"><v>3</v></c></row>')
    result = run_isolated(write_xlsx(tmp_path / "claim.xlsx", _sheet(cells, "A1:XFD1048576")))
    assert result["ok"] is True and result["rows"] == 1


_FAR = '<row r="1"><c r="A1"><v>1</v></c></row><row r="1048576"><c r="XFD1048576"><v>2</v></c></row>'
_PREFIXED = ('<?xml version="1.0"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
             '<x:sheetData><x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c></x:row><x:row r="3000">'
             '<x:c r="XFD3000"><x:v>2</x:v></x:c></x:row></x:sheetData></x:worksheet>')


@pytest.mark.parametrize(
    ("name", "sheet_xml"),
    [
        # The dimension claims two columns and two rows; the cells say otherwise.
        ("lying_dimension", _sheet(_FAR, "A1:B2")),
        # No r attributes: calamine counts columns on from the previous cell of the row.
        ("no_references", _sheet('<row r="1">' + "<c><v>1</v></c>" * 16384 + '</row><row r="1048576"><c><v>2</v></c></row>')),
        # Only 26 columns, but a row number far past Excel's last row.
        ("row_past_the_end", _sheet('<row r="1"><c r="A1"><v>1</v></c><c r="Z1"><v>1</v></c></row>'
                                    '<row r="99999999"><c r="Z99999999"><v>2</v></c></row>', "A1:Z2")),
        # Rows without r keep counting from the last numbered row.
        ("rows_without_references", _sheet('<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>1</v></c></row>'
                                           '<row r="99999999"><c><v>2</v></c><c><v>2</v></c></row>', "A1:B2")),
        # Namespace-prefixed elements (calamine ignores the prefix).
        ("prefixed", _PREFIXED),
        # calamine reads lower-case references, and attributes in any order or quoting.
        ("lower_case", _sheet(_FAR.lower(), "A1:B2")),
        ("reference_not_first", _sheet(_FAR.replace('<c r=', '<c s="0" r='), "A1:B2")),
        ("single_quotes", _sheet(_FAR.replace('"', "'"), "A1:B2")),
    ],
)
def test_far_cells_are_refused_before_calamine_allocates(tmp_path: Path, name: str, sheet_xml: str) -> None:
    # Without the guard calamine asks for one dense block (hundreds of GB) and the process aborts.
    result = run_isolated(write_xlsx(tmp_path / f"{name}.xlsx", sheet_xml))
    assert result["ok"] is False and result["code"] == "too_large", result


def test_far_styled_empty_cells_are_read(tmp_path: Path) -> None:
    # Self-closing cells hold no value: calamine ignores them, so must the guard.
    cells = ('<row r="1"><c r="A1" t="inlineStr"><is><t>品名</t></is></c><c r="B1" t="inlineStr"><is><t>售价</t></is></c></row>'
             '<row r="2"><c r="A2" t="inlineStr"><is><t>可乐</t></is></c><c r="B2"><v>3</v></c></row>'
             '<row r="3000"><c r="XFD3000" s="1"/></row>')
    result = run_isolated(write_xlsx(tmp_path / "styled.xlsx", _sheet(cells, "A1:XFD3000")))
    assert result["ok"] is True and result["rows"] == 1


def test_wide_ordinary_sheet_is_read(tmp_path: Path) -> None:
    header = "".join(f'<c r="{_col(c)}1" t="inlineStr"><is><t>列{c}</t></is></c>' for c in range(40))
    body = "".join(f'<row r="{r}">' + "".join(f'<c r="{_col(c)}{r}"><v>{r * c}</v></c>' for c in range(40)) + "</row>"
                   for r in range(2, 3002))
    result = run_isolated(write_xlsx(tmp_path / "wide.xlsx", _sheet(f'<row r="1">{header}</row>{body}')))
    assert result["ok"] is True and result["rows"] == 3000


def test_a_stray_cell_far_from_the_data_is_refused_before_calamine_lays_out_the_block(tmp_path: Path) -> None:
    """A space typed in IV65536 once: calamine would lay out 16.7 million empty cells (0.7 GB)."""
    cells = ('<row r="1"><c r="A1" t="inlineStr"><is><t>品名</t></is></c><c r="B1" t="inlineStr"><is><t>售价</t></is></c></row>'
             '<row r="2"><c r="A2" t="inlineStr"><is><t>可乐</t></is></c><c r="B2"><v>3</v></c></row>'
             '<row r="65536"><c r="IV65536" t="inlineStr"><is><t> </t></is></c></row>')
    result = run_isolated(write_xlsx(tmp_path / "far.xlsx", _sheet(cells)))
    assert result["ok"] is False and result["code"] == "too_large" and "Ctrl+End" in str(result["en"])
    assert float(result["rss_mb"]) < 150  # type: ignore[arg-type]


def test_a_wide_block_is_read_when_its_cells_fill_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The stray-cell check looks at how full a large block is, not at its size alone (a smaller
    threshold here stands for the real one: a filled block of 4 million cells is slow to make)."""
    from importers import readers

    monkeypatch.setattr(readers, "SPARSE_FROM", 1000)
    header = "".join(f'<c r="{_col(c)}1" t="inlineStr"><is><t>列{c}</t></is></c>' for c in range(30))
    body = "".join(f'<row r="{r}">' + "".join(f'<c r="{_col(c)}{r}"><v>{r * c}</v></c>' for c in range(30)) + "</row>"
                   for r in range(2, 102))
    assert len(read_table(write_xlsx(tmp_path / "filled.xlsx", _sheet(f'<row r="1">{header}</row>{body}'))).rows) == 100
    sparse = f'<row r="1">{header}</row><row r="2"><c r="A2"><v>1</v></c></row><row r="400"><c r="AD400"><v>1</v></c></row>'
    with pytest.raises(ImportRefused) as refused:
        read_table(write_xlsx(tmp_path / "sparse.xlsx", _sheet(sparse)))
    assert refused.value.code == "too_large"


def test_only_the_sheets_read_are_guarded(tmp_path: Path) -> None:
    path = _two_sheets(tmp_path / "two.xlsx")
    result = run_isolated(path)
    assert result["ok"] is True and result["rows"] == 1
    result = run_isolated(path, "远")
    assert result["ok"] is False and result["code"] == "too_large"


def _two_sheets(path: Path) -> Path:
    """A workbook whose sheet 好 is a small price list and whose sheet 远 claims a huge extent."""
    good = _sheet('<row r="1"><c r="A1" t="inlineStr"><is><t>品名</t></is></c><c r="B1" t="inlineStr"><is><t>售价</t></is></c></row>'
                  '<row r="2"><c r="A2" t="inlineStr"><is><t>可乐</t></is></c><c r="B2"><v>3</v></c></row>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", _CT.replace(
            "</Types>", '<Override PartName="/xl/worksheets/sheet2.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>'))
        zf.writestr("_rels/.rels", _RELS)
        zf.writestr("xl/workbook.xml", _WB.replace(
            "</sheets>", '<sheet name="远" sheetId="2" r:id="rId2"/></sheets>').replace('name="Sheet1"', 'name="好"'))
        zf.writestr("xl/_rels/workbook.xml.rels", _WB_RELS.replace(
            "</Relationships>", '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
            'relationships/worksheet" Target="worksheets/sheet2.xml"/></Relationships>'))
        zf.writestr("xl/worksheets/sheet1.xml", good)
        zf.writestr("xl/worksheets/sheet2.xml", _sheet(_FAR, "A1:B2"))
    return path


def test_only_the_sheets_imported_from_these_very_bytes_skip_the_size_check(
        store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A re-import of the same file need not check again what was checked when it was imported
    (~0.15 s of 100,000 rows); any other sheet, or the file changed by one byte, is checked."""
    import importers.readers as readers

    path = _two_sheets(tmp_path / "two.xlsx")
    checked: list[str | None] = []
    real = readers._guard_xlsx_extent
    monkeypatch.setattr(readers, "_guard_xlsx_extent", lambda p, part, sheet: (checked.append(sheet), real(p, part, sheet))[1])
    assert trusted_sheets(store, path) == frozenset()
    apply_plan(store, build_plan(store, read_table(path, trusted=trusted_sheets(store, path))))
    assert checked == ["好", "远"]  # 远 is looked at (a sheet of the same list?), refused, passed over
    trusted = trusted_sheets(store, path)
    assert trusted == {"好"}
    checked.clear()
    assert len(read_table(path, trusted=trusted).rows) == 1 and checked == ["远"]  # 好 is not checked again
    with pytest.raises(ImportRefused) as info:
        read_table(path, sheet="远", trusted=trusted)
    assert info.value.code == "too_large" and checked == ["远", "远"]
    changed = tmp_path / "changed.xlsx"
    changed.write_bytes(path.read_bytes() + b"\0")
    assert trusted_sheets(store, changed) == frozenset()
    store.batches.undo(store.batches.list()[0].id)
    assert trusted_sheets(store, path) == frozenset()  # an undone import vouches for nothing


def _col(index: int) -> str:
    from importers.errors import column_letter

    return column_letter(index)


_LAUGHS = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
           + "".join(f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">' for i in range(1, 10))
           + "]>")


def test_xml_bomb_in_spreadsheetml(tmp_path: Path) -> None:
    doc = (_LAUGHS + '<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" '
           'xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet ss:Name="S"><Table><Row>'
           '<Cell><Data ss:Type="String">&lol9;</Data></Cell></Row></Table></Worksheet></Workbook>')
    path = tmp_path / "laughs.xls"
    path.write_text(doc, encoding="utf-8")
    result = run_isolated(path)
    assert result["ok"] is False and result["code"] == "unsafe"


def test_xml_bomb_in_xlsx(tmp_path: Path) -> None:
    sheet = (_LAUGHS + '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
             '<row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c></row></sheetData></worksheet>')
    result = run_isolated(write_xlsx(tmp_path / "laughs.xlsx", sheet))
    # calamine does not expand entities: either a refusal or a harmless parse, never a blow-up.
    assert result["ok"] in (True, False)


def test_huge_index_in_spreadsheetml(tmp_path: Path) -> None:
    doc = ('<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" '
           'xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet ss:Name="S"><Table>'
           '<Row ss:Index="99999999"><Cell ss:Index="99999"><Data ss:Type="String">x</Data></Cell></Row>'
           "</Table></Worksheet></Workbook>")
    path = tmp_path / "idx.xml"
    path.write_text(doc, encoding="utf-8")
    result = run_isolated(path)
    assert result["ok"] is False and result["code"] == "too_large"


@pytest.mark.parametrize("fraction", [0.1, 0.5, 0.9])
def test_truncated_files(data: Path, tmp_path: Path, fraction: float) -> None:
    for name in ("goods_template.xls", "bad_dimensions.xlsx", "example-alipay-records.csv", "sushi.xml"):
        src = (data / name).read_bytes()
        cut = tmp_path / f"cut_{name}"
        cut.write_bytes(src[: int(len(src) * fraction)])
        result = run_isolated(cut)
        if result["ok"] is False:
            assert result["code"] != "internal", result


def test_a_merge_reaching_far_past_the_table_pads_no_row(tmp_path: Path) -> None:
    # One <mergeCell ref="C2:XFD5001"/> under a 3-column list: filling it in would pad each of the
    # 5,000 rows to 16,384 cells (gigabytes); only the table's own columns are filled.
    rows = ('<row r="1"><c r="A1" t="inlineStr"><is><t>品名</t></is></c><c r="B1" t="inlineStr"><is><t>售价</t></is></c>'
            '<c r="C1" t="inlineStr"><is><t>分类</t></is></c></row>'
            + "".join(f'<row r="{r}"><c r="A{r}" t="inlineStr"><is><t>商品{r}</t></is></c><c r="B{r}"><v>3</v></c>'
                      + ('<c r="C2" t="inlineStr"><is><t>饮料</t></is></c>' if r == 2 else "") + "</row>"
                      for r in range(2, 5002)))
    xml = _sheet(rows).replace("</sheetData>", '</sheetData><mergeCells count="1"><mergeCell ref="C2:XFD5001"/></mergeCells>')
    result = run_isolated(write_xlsx(tmp_path / "far_merge.xlsx", xml))
    assert result["ok"] is True and result["rows"] == 5000
    table = read_table(tmp_path / "far_merge.xlsx")
    assert {r.values.get("category") for r in table.rows} == {"饮料"}  # the merged category still reaches every row
    assert max(len(r.raw) for r in table.rows) == 3


def test_a_note_merged_right_of_the_table_pads_no_row(tmp_path: Path) -> None:
    # A note in column D of a row far down (one the table's width is not measured on), merged to
    # XFD and down to the last row: the table is 3 columns wide, so the merge starts right of it and
    # was filled in whole, padding each row it covers to 16,384 cells (~400 MB for 3,000 rows).
    rows = ('<row r="1"><c r="A1" t="inlineStr"><is><t>品名</t></is></c><c r="B1" t="inlineStr"><is><t>售价</t></is></c>'
            '<c r="C1" t="inlineStr"><is><t>分类</t></is></c></row>'
            + "".join(f'<row r="{r}"><c r="A{r}" t="inlineStr"><is><t>商品{r}</t></is></c><c r="B{r}"><v>3</v></c>'
                      f'<c r="C{r}" t="inlineStr"><is><t>饮料</t></is></c>'
                      + (f'<c r="D{r}" t="inlineStr"><is><t>以下为新到货</t></is></c>' if r == 1505 else "") + "</row>"
                      for r in range(2, 2002)))
    xml = _sheet(rows).replace("</sheetData>", '</sheetData><mergeCells count="1"><mergeCell ref="D1505:XFD2001"/></mergeCells>')
    table = read_table(write_xlsx(tmp_path / "note_merge.xlsx", xml))
    assert len(table.rows) == 2000 and {r.values.get("category") for r in table.rows} == {"饮料"}
    assert max(len(r.raw) for r in table.rows) <= 4


_SS_HEAD = ('<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" '
            'xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet ss:Name="S"><Table>')


@pytest.mark.parametrize(("merge", "code"), [
    ('ss:MergeAcross="100000"', "too_large"),  # past column XFD: the next cell would sit 100,000 columns on
    ('ss:MergeDown="5000000"', "too_large"),  # past row 1,048,576
    ('ss:MergeAcross="两列"', "damaged"),
])
def test_spreadsheetml_merges_past_the_sheet_are_refused(tmp_path: Path, merge: str, code: str) -> None:
    doc = (_SS_HEAD + f'<Row><Cell {merge}><Data ss:Type="String">品名</Data></Cell>'
           '<Cell><Data ss:Type="String">售价</Data></Cell></Row>'
           '<Row><Cell><Data ss:Type="String">可乐</Data></Cell><Cell><Data ss:Type="Number">3</Data></Cell></Row>'
           "</Table></Worksheet></Workbook>")
    path = tmp_path / "merge.xml"
    path.write_text(doc, encoding="utf-8")
    with pytest.raises(ImportRefused) as refused:
        read_table(path)
    assert refused.value.code == code and "merge.xml" in refused.value.message_zh


def test_spreadsheetml_merges_within_the_sheet_are_read(tmp_path: Path) -> None:
    doc = (_SS_HEAD + '<Row><Cell ss:MergeAcross="1"><Data ss:Type="String">商品</Data></Cell></Row>'
           '<Row><Cell><Data ss:Type="String">品名</Data></Cell><Cell><Data ss:Type="String">售价</Data></Cell></Row>'
           '<Row><Cell><Data ss:Type="String">可乐</Data></Cell><Cell><Data ss:Type="Number">3</Data></Cell></Row>'
           "</Table></Worksheet></Workbook>")
    path = tmp_path / "ok.xml"
    path.write_text(doc, encoding="utf-8")
    table = read_table(path)
    assert [r.values["price_fen"] for r in table.rows] == [300]


def test_html_rowspans_covering_millions_of_cells_are_refused(tmp_path: Path) -> None:
    # Three cells of a 200-byte page would cover 3,000,000 cells of rows to come (a few hundred
    # of them took 24 GB before the process was killed).
    cells = '<td rowspan="1000" colspan="1000">x</td>' * 3
    path = tmp_path / "spans.xls"
    path.write_text(f"<html><body><table><tr><td>品名</td><td>售价</td></tr><tr>{cells}</tr></table></body></html>",
                    encoding="utf-8")
    started = time.perf_counter()
    with pytest.raises(ImportRefused) as refused:
        read_table(path)
    assert refused.value.code == "too_large" and time.perf_counter() - started < 5


def test_html_rowspans_fill_the_rows_they_cover(tmp_path: Path) -> None:
    body = "".join(f'<tr>{"<td rowspan=300>啤酒</td>" if i % 300 == 0 else ""}<td>酒{i}</td><td>{i + 1}</td></tr>'
                   for i in range(3000))  # a category cell down each group of 300 rows
    path = tmp_path / "groups.xls"
    path.write_text(f"<html><body><table><tr><td>分类</td><td>品名</td><td>售价</td></tr>{body}</table></body></html>",
                    encoding="utf-8")
    table = read_table(path)
    assert len(table.rows) == 3000 and {r.values["category"] for r in table.rows} == {"啤酒"}
    assert table.rows[-1].values["name"] == "酒2999" and table.rows[-1].values["price_fen"] == 300000


_SST_REL = ('<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
            'sharedStrings" Target="sharedStrings.xml"/></Relationships>')


def _with_strings(path: Path, strings: str, cells: str, ns: str = "") -> Path:
    """An xlsx whose shared-string table holds ``strings`` (the <si> elements) and whose sheet
    holds ``cells`` (the rows); ``ns`` is a namespace prefix for both parts ("x:")."""
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    xmlns = f'xmlns:{ns[:-1]}="{main}"' if ns else f'xmlns="{main}"'
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", _CT)
        zf.writestr("_rels/.rels", _RELS)
        zf.writestr("xl/workbook.xml", _WB)
        zf.writestr("xl/_rels/workbook.xml.rels", _WB_RELS.replace("</Relationships>", _SST_REL))
        zf.writestr("xl/sharedStrings.xml", f'<?xml version="1.0"?><{ns}sst {xmlns}>{strings}</{ns}sst>')
        zf.writestr("xl/worksheets/sheet1.xml",
                    f'<?xml version="1.0"?><{ns}worksheet {xmlns}><{ns}sheetData>{cells}</{ns}sheetData></{ns}worksheet>')
    return path


def _named_rows(rows: int, index: int, ns: str = "", t: str = '"s"') -> str:
    """``rows`` rows of ten cells, each naming shared string ``index``."""
    return "".join(f'<{ns}row r="{r}">' + "".join(f"<{ns}c r=\"{c}{r}\" t={t}><{ns}v>{index}</{ns}v></{ns}c>"
                                                  for c in "ABCDEFGHIJ") + f"</{ns}row>" for r in range(1, rows + 1))


_LONG = "A" * 8_000_000


@pytest.mark.parametrize(("name", "strings", "cells", "ns"), [
    # One 8 MB string named by 20,000 cells: calamine copies it into each (160 GB).
    ("fan_out", f"<si><t>{_LONG}</t></si>", _named_rows(2000, 0), ""),
    ("prefixed", f"<x:si><x:t>{_LONG}</x:t></x:si>", _named_rows(2000, 0, "x:"), "x:"),
    ("single_quotes", f"<si><t>{_LONG}</t></si>", _named_rows(2000, 0, t="'s'"), ""),
    # Long text in rich-text runs of 8 bytes each (the part stays under 8 MiB: no zip bomb).
    ("runs", "<si>" + "<r><t>AAAAAAAA</t></r>" * 300_000 + "</si>", _named_rows(2000, 0), ""),
    # A "</si>" inside CDATA is no end for calamine: it reads on to the real one.
    ("cdata_ends", "<si>" + "<r><t>AAAAAAAA</t></r><![CDATA[</si><si>]]>" * 150_000 + "</si>", _named_rows(2000, 0), ""),
])
def test_shared_text_fanned_out_over_many_cells_is_refused(tmp_path: Path, name: str, strings: str, cells: str,
                                                           ns: str) -> None:
    path = _with_strings(tmp_path / f"{name}.xlsx", strings, cells, ns)
    assert path.stat().st_size < 400_000
    result = run_isolated(path)
    assert result["ok"] is False and result["code"] == "too_large", result
    assert f"{name}.xlsx" in str(result["zh"]) and "128 MB" in str(result["en"])


def test_long_shared_text_named_a_few_times_is_read(tmp_path: Path) -> None:
    # A 300 KB note named once and a short category named by 20,000 cells: the quick bound
    # (the longest string times the cells there could be) is far over the limit, the text
    # really named (300 KB plus 20,000 x 6 bytes) is not.
    note = "备注" * 50_000
    head = ('<row r="1"><c r="A1" t="inlineStr"><is><t>品名</t></is></c><c r="B1" t="inlineStr"><is><t>售价</t></is></c>'
            '<c r="C1" t="inlineStr"><is><t>分类</t></is></c><c r="D1" t="inlineStr"><is><t>备注</t></is></c></row>')
    body = "".join(f'<row r="{r}"><c r="A{r}" t="inlineStr"><is><t>商品{r}</t></is></c><c r="B{r}"><v>3</v></c>'
                   f'<c r="C{r}" t="s"><v>1</v></c>' + (f'<c r="D{r}" t="s"><v>0</v></c>' if r == 2 else "") + "</row>"
                   for r in range(2, 20_002))
    path = _with_strings(tmp_path / "note.xlsx", f"<si><t>{note}</t></si><si><t>饮料</t></si>", head + body)
    result = run_isolated(path)
    assert result["ok"] is True and result["rows"] == 20_000, result
    table = read_table(path)
    assert {r.values.get("category") for r in table.rows} == {"饮料"}


@pytest.mark.parametrize(("name", "inside"), [
    ("deep", "<b>" * 2_000_000 + "x" + "</b>" * 2_000_000),  # 14 MB: the whole tree took 650 MB
    ("wide", "<b/>" * 1_000_000),
])
def test_spreadsheetml_cell_with_absurdly_many_elements_is_damaged(tmp_path: Path, name: str, inside: str) -> None:
    doc = (_SS_HEAD + '<Row><Cell><Data ss:Type="String">品名</Data></Cell><Cell><Data ss:Type="String">售价</Data></Cell></Row>'
           f'<Row><Cell><Data ss:Type="String">{inside}</Data></Cell><Cell><Data ss:Type="Number">3</Data></Cell></Row>'
           "</Table></Worksheet></Workbook>")
    path = tmp_path / f"{name}.xml"
    path.write_text(doc, encoding="utf-8")
    result = run_isolated(path)
    assert result["ok"] is False and result["code"] == "damaged", result
    assert float(result["rss_mb"]) < 150, result  # type: ignore[arg-type]


def test_spreadsheetml_is_read_row_by_row(tmp_path: Path) -> None:
    # 30,000 rows of 8 cells: the whole tree took about 200 MB before the first row was read.
    cells = "".join(f'<Cell><Data ss:Type="String">列{c}</Data></Cell>' for c in range(6))
    body = "".join(f'<Row><Cell><Data ss:Type="String">商品{r}</Data></Cell><Cell><Data ss:Type="Number">{r}</Data></Cell>'
                   f"{cells}</Row>" for r in range(30_000))
    doc = (_SS_HEAD + '<Row><Cell><Data ss:Type="String">品名</Data></Cell><Cell><Data ss:Type="String">售价</Data></Cell></Row>'
           + body + "</Table></Worksheet></Workbook>")
    path = tmp_path / "rows.xml"
    path.write_text(doc, encoding="utf-8")
    result = run_isolated(path)
    assert result["ok"] is True and result["rows"] == 30_000 and float(result["rss_mb"]) < 150, result  # type: ignore[arg-type]


def test_spreadsheetml_hidden_sheets_indexes_and_merges_survive_streaming(tmp_path: Path) -> None:
    opts = ('<WorksheetOptions xmlns="urn:schemas-microsoft-com:office:excel"><Visible>SheetHidden</Visible>'
            "</WorksheetOptions>")
    doc = ('<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" '
           'xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"><Styles><Style ss:ID="s1"/></Styles>'
           f'<Worksheet ss:Name="草稿"><Table><Row><Cell><Data ss:Type="String">旧</Data></Cell></Row></Table>{opts}</Worksheet>'
           '<Worksheet ss:Name="商品"><Table><Column ss:Width="80"/>'
           '<Row><Cell ss:MergeAcross="2"><Data ss:Type="String">价目表</Data></Cell></Row>'
           '<Row ss:Index="3"><Cell><Data ss:Type="String">品名</Data></Cell><Cell><Data ss:Type="String">售价</Data></Cell>'
           '<Cell><Data ss:Type="String">分类</Data></Cell></Row>'
           '<Row><Cell><Data ss:Type="String">可乐</Data></Cell><Cell><Data ss:Type="Number">3</Data></Cell>'
           '<Cell ss:MergeDown="1"><Data ss:Type="String">饮料</Data></Cell></Row>'
           '<Row><Cell><Data ss:Type="String">雪碧</Data></Cell><Cell ss:Index="2"><Data ss:Type="Number">2.5</Data></Cell></Row>'
           "</Table></Worksheet></Workbook>")
    path = tmp_path / "book.xml"
    path.write_text(doc, encoding="utf-8")
    from importers.readers import open_book
    from importers.sniff import sniff_path

    book = open_book(path, sniff_path(path))
    assert [(s.name, s.visible) for s in book.sheets] == [("草稿", False), ("商品", True)]
    sheet = book.load("商品")
    assert sheet.rows[2] == ["品名", "售价", "分类"] and sheet.rows[1] == []
    assert sheet.merged == [(0, 0, 0, 2), (3, 2, 4, 2)]
    table = read_table(path)
    assert table.sheet == "商品" and table.header_row == 3
    assert [(r.values["name"], r.values["price_fen"], r.values["category"]) for r in table.rows] == [
        ("可乐", 300, "饮料"), ("雪碧", 250, "饮料")]


def test_a_damaged_worksheet_is_damaged_not_too_large_nor_internal(tmp_path: Path) -> None:
    cells = ('<row r="1"><c r="A00000001" t="inlineStr"><is><t>品名</t></is></c>'
             '<c r="B1" t="inlineStr"><is><t>售价</t></is></c></row>'
             '<row r="2"><c r="A2" t="inlineStr"><is><t>可乐</t></is></c><c r="B2"><v>3</v></c></row>')
    path = tmp_path / "ok.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as zf:
        for name, text in (("[Content_Types].xml", _CT), ("_rels/.rels", _RELS), ("xl/workbook.xml", _WB),
                           ("xl/_rels/workbook.xml.rels", _WB_RELS), ("xl/worksheets/sheet1.xml", _sheet(cells))):
            zf.writestr(name, text)
    assert len(read_table(path).rows) == 1
    # A flipped run of bytes on a bad disk: the reference now reads XFD999999 (the CRC says so).
    far = tmp_path / "far.xlsx"
    far.write_bytes(path.read_bytes().replace(b'r="A00000001"', b'r="XFD999999"'))
    # Deflated data that is no deflate stream at all (zlib raised out of the guard: "internal error").
    garbled = tmp_path / "garbled.xlsx"
    with zipfile.ZipFile(garbled, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, text in (("[Content_Types].xml", _CT), ("_rels/.rels", _RELS), ("xl/workbook.xml", _WB),
                           ("xl/_rels/workbook.xml.rels", _WB_RELS), ("xl/worksheets/sheet1.xml", _sheet(cells))):
            zf.writestr(name, text)
    raw = bytearray(garbled.read_bytes())
    info = zipfile.ZipFile(garbled).getinfo("xl/worksheets/sheet1.xml")
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    raw[start : start + 16] = b"\xff" * 16  # block type 3: reserved, invalid
    garbled.write_bytes(bytes(raw))
    for bad in (far, garbled):
        with pytest.raises(ImportRefused) as refused:
            read_table(bad)
        assert refused.value.code == "damaged" and bad.name in refused.value.message_zh, refused.value


_ODS_NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
           'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"')


def write_ods(path: Path, rows: str) -> Path:
    """A minimal hand-made .ods whose one sheet holds a header row and then `rows` (content.xml)."""
    header = ('<table:table-row><table:table-cell office:value-type="string"><text:p>品名</text:p></table:table-cell>'
              '<table:table-cell office:value-type="string"><text:p>售价</text:p></table:table-cell></table:table-row>')
    content = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {_ODS_NS} office:version="1.2"><office:body>'
               f'<office:spreadsheet><table:table table:name="商品">{header}{rows}</table:table></office:spreadsheet>'
               "</office:body></office:document-content>")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        zf.writestr("content.xml", content)
        zf.writestr("META-INF/manifest.xml", _ODS_MANIFEST)
    return path


_ODS_MANIFEST = ('<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"'
                 ' manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
                 '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>')


def _ods_cell(text: str, repeat: int = 1) -> str:
    times = f' table:number-columns-repeated="{repeat}"' if repeat > 1 else ""
    return f'<table:table-cell office:value-type="string"{times}><text:p>{text}</text:p></table:table-cell>'


@pytest.mark.parametrize(("name", "rows", "code"), [
    # a row of 1,000 cells repeated a million times: a billion cells from 1 KB
    ("rows", f'<table:table-row table:number-rows-repeated="1000000">{_ods_cell("x", 1000)}</table:table-row>', "too_large"),
    # an empty cell repeated to the sheet's edge, then a value, in rows repeated: as wide as the sheet
    ("gap", '<table:table-row table:number-rows-repeated="100000"><table:table-cell table:number-columns-repeated="16000"/>'
            f'{_ods_cell("x")}</table:table-row>', "too_large"),
    # a text of 100 KB repeated in 200,000 cells: 20 GB of text
    ("text", f'<table:table-row table:number-rows-repeated="100000">{_ods_cell("A" * 100_000, 2)}</table:table-row>', "too_large"),
])
def test_repeated_ods_rows_and_cells_are_refused_before_calamine_lays_them_out(tmp_path: Path, name: str, rows: str, code: str) -> None:
    result = run_isolated(write_ods(tmp_path / f"{name}.ods", rows))
    assert result["ok"] is False and result["code"] == code and "商品" in str(result["en"])


def test_an_ods_with_ordinary_repeats_is_read(tmp_path: Path) -> None:
    """LibreOffice pads every row with an empty cell repeated to column 1024 and ends a sheet with
    its blank rows repeated a million times; equal neighbouring cells are repeated too."""
    pad = '<table:table-cell table:number-columns-repeated="1022"/>'
    rows = "".join(f'<table:table-row>{_ods_cell(f"商品{i}")}{_ods_cell(str(i))}{pad}</table:table-row>' for i in range(300))
    rows += f'<table:table-row table:number-rows-repeated="3">{_ods_cell("同价", 1)}{_ods_cell("5", 1)}{pad}</table:table-row>'
    rows += '<table:table-row table:number-rows-repeated="1048200"><table:table-cell table:number-columns-repeated="1024"/></table:table-row>'
    result = run_isolated(write_ods(tmp_path / "lo.ods", rows))
    assert result == {"ok": True, "rows": 303, "rss_mb": result["rss_mb"]}

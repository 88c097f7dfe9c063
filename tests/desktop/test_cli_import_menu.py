"""`portdesk import`, `imports list|undo` and `menu pdf|html` on real files, a real database and real PDFs."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.desktop.test_cli import assert_one_line_error, portdesk, run
from tests.workbooks import MENU_SHEETS, write_book

GOODS = """商品名称,规格,条码,售价,会员价,单位,分类,库存
青岛啤酒原浆,1L,6901035600156,¥25.00,22,杯,酒水/啤酒,10
青岛啤酒原浆,2L,,45元,,杯,酒水/啤酒,5
崂山可乐,330ml,6921581596048,3.5,,罐,酒水/饮料,100
花生米,,,abc,,份,凉菜,
"""


@pytest.fixture
def goods(tmp_path: Path) -> Path:
    path = tmp_path / "商品.csv"
    path.write_text(GOODS, encoding="gb18030")
    return path


def test_import_json_dry_run_then_apply_then_undo(capsys: pytest.CaptureFixture[str], data_dir: Path, goods: Path) -> None:
    status, out, err = run(capsys, "import", str(goods), "--dry-run", "--json")
    assert status == 1 and "would not be imported" in err and "fix them first" in err  # one row has a problem
    doc = json.loads(out)
    assert doc["batch"] is None and doc["dry_run"] is True
    assert (doc["kind"], doc["header_row"], doc["rows"], doc["created"], doc["updated"], doc["unchanged"]) == (
        "products", 1, 4, 3, 0, 0)
    assert doc["errors"] == [{"row": 5, "column": "D", "message": doc["errors"][0]["message"]}]
    assert doc["mapping"]["售价"] == "price_fen"
    assert run(capsys, "products", "list", "--json")[1].count('"id"') == 0  # nothing written

    status, out, err = run(capsys, "import", str(goods), "--json")
    doc = json.loads(out)
    assert doc["batch"] and doc["created"] == 3
    assert status == 1 and "1 row with problems was not imported" in err
    report = Path(doc["error_report"])
    rows = list(load_workbook(report).active.iter_rows(values_only=True))
    assert rows[1][0] == "花生米" and "abc" in str(rows[1][3])

    again = json.loads(run(capsys, "import", str(goods), "--json")[1])
    assert (again["created"], again["updated"], again["unchanged"], again["batch"]) == (0, 0, 3, None)

    listed = json.loads(run(capsys, "imports", "list", "--json")[1])["imports"]
    assert [i["batch"] for i in listed] == [doc["batch"]]
    assert run(capsys, "imports", "undo", doc["batch"][:8])[0] == 0
    assert json.loads(run(capsys, "products", "list", "--json")[1]) == {"products": []}
    status, out, err = run(capsys, "imports", "undo", doc["batch"][:8])
    assert "already undone" in assert_one_line_error(status, out, err, 1)


def test_a_dry_run_shows_what_each_updated_row_changes(capsys: pytest.CaptureFixture[str], data_dir: Path, goods: Path,
                                                      tmp_path: Path) -> None:
    """A dry run counted the rows it would update, but never said what it would change in them."""
    run(capsys, "import", str(goods))
    dearer = tmp_path / "商品2.csv"
    dearer.write_text(GOODS.replace("3.5,,罐,酒水/饮料,100", "4,,罐,酒水/饮料,100").replace("杯,酒水/啤酒,10", "杯,酒水/啤酒,12"),
                      encoding="utf-8")
    doc = json.loads(run(capsys, "import", str(dearer), "--dry-run", "--json")[1])
    assert doc["updated"] == 2 and doc["changes"] == [
        {"row": 2, "name": "青岛啤酒原浆", "spec": "1L", "fields": {"stock_milli": [10000, 12000]}},
        {"row": 4, "name": "崂山可乐", "spec": "330ml", "fields": {"price_fen": [350, 400]}}]
    out = run(capsys, "import", str(dearer), "--dry-run")[1]
    # in words, money in yuan and stock as counted: not "price_fen 350 → 400", "stock_milli 10000 → 12000"
    assert "row 4 崂山可乐 330ml: 售价 / price ¥3.50 → ¥4.00" in out
    assert "row 2 青岛啤酒原浆 1L: 库存 / stock 10 → 12" in out and "_milli" not in out and "_fen" not in out
    assert json.loads(run(capsys, "import", str(goods), "--dry-run", "--json")[1])["changes"] == []


def test_a_dry_run_words_a_dish_turned_to_the_days_price_or_sold_out(capsys: pytest.CaptureFixture[str], data_dir: Path,
                                                                     tmp_path: Path) -> None:
    menu = tmp_path / "菜单.csv"
    menu.write_text("菜名,价格\n清蒸大虾,88\n辣炒蛤蜊,38\n", encoding="utf-8")
    run(capsys, "import", str(menu))
    today = tmp_path / "今日.csv"
    today.write_text("菜名,价格,备注\n清蒸大虾,时价,\n辣炒蛤蜊,38,今日估清\n", encoding="utf-8")
    out = run(capsys, "import", str(today), "--dry-run")[1]
    assert "row 2 清蒸大虾: 时价 / day's price 否 / no → 是 / yes" in out  # not "market_price 0 → 1"
    assert "row 3 辣炒蛤蜊: 估清 / sold out 否 / no → 是 / yes" in out


@pytest.mark.parametrize(
    ("content", "expected"),
    [(b"", "empty"), (b"PK\x03\x04 truncated zip", "damaged"), (b"\x00\x01\x02 binary junk" * 50, "spreadsheet")],
)
def test_bad_files_give_one_line(capsys: pytest.CaptureFixture[str], tmp_path: Path, content: bytes, expected: str) -> None:
    path = tmp_path / "bad.xlsx"
    path.write_bytes(content)
    status, out, err = run(capsys, "import", str(path))
    line = assert_one_line_error(status, out, err, 1)
    assert "bad.xlsx" in line or expected in line.lower(), line


def test_a_refusal_with_json_still_prints_one_json_document(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """A script reading `--json` from stdout got nothing at all when the file was refused."""
    empty = tmp_path / "空.xlsx"
    empty.write_bytes(b"")
    sheets = write_book(tmp_path / "菜单.xlsx", {"热菜": [["菜名", "价格"], ["辣炒蛤蜊", 38]]})
    for args, code in (((str(empty),), "empty"), ((str(sheets), "--sheet", "凉菜"), "sheet_not_found"),
                       ((str(tmp_path / "nope.csv"),), "error")):
        status, out, err = run(capsys, "import", *args, "--json")
        line = assert_one_line_error(status, out, err, 1)
        assert json.loads(out) == {"error": {"code": code, "message": line, **({"sheet": "凉菜"} if args[1:] else {})}}
    status, out, _err = run(capsys, "import", str(empty))
    assert status == 1 and out == ""  # without --json, stdout stays empty


def test_a_sheet_typed_in_another_case_is_found_and_an_empty_one_is_named_with_its_file(
        capsys: pytest.CaptureFixture[str], data_dir: Path, tmp_path: Path) -> None:
    book = write_book(tmp_path / "菜单.xlsx", {"Sheet1": [["菜名", "价格"], ["辣炒蛤蜊", 38]], "Sheet2": []})
    status, out, _err = run(capsys, "import", str(book), "--sheet", "sheet1", "--dry-run", "--json")
    assert status == 0 and json.loads(out)["sheet"] == "Sheet1"
    status, out, err = run(capsys, "import", str(book), "--sheet", "Sheet2")
    line = assert_one_line_error(status, out, err, 1)
    assert "菜单.xlsx" in line and "Sheet2" in line and "empty" in line


def test_an_import_where_every_row_fails_does_not_say_imported(capsys: pytest.CaptureFixture[str], data_dir: Path,
                                                               tmp_path: Path) -> None:
    path = tmp_path / "价目.csv"
    path.write_text("商品名称,售价\n青岛啤酒,八块\n崂山可乐,abc\n", encoding="utf-8")
    status, out, _err = run(capsys, "import", str(path))
    assert status == 1 and out.startswith("未导入 / Nothing imported") and "已导入" not in out


def test_import_missing_file_and_unknown_batch(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert "No such file" in assert_one_line_error(*run(capsys, "import", str(tmp_path / "nope.xlsx")), 1)
    assert "No import batch" in assert_one_line_error(*run(capsys, "imports", "undo", "deadbeef"), 1)


@pytest.mark.skipif(shutil.which("zbarimg") is None or shutil.which("pdftoppm") is None, reason="needs zbar-tools and poppler-utils")
def test_menu_pdf_and_html_in_a_subprocess(data_dir: Path, tmp_path: Path) -> None:
    assert portdesk(data_dir, "demo").returncode == 0
    tents = tmp_path / "tents.pdf"
    done = portdesk(data_dir, "menu", "pdf", "--template", "tent-a5", "--out", str(tents), "--tables", "A1,A2")
    assert done.returncode == 0, done.stderr
    subprocess.run(["pdftoppm", "-r", "150", "-png", str(tents), str(tmp_path / "p")], check=True)
    urls = set()
    for png in sorted(tmp_path.glob("p-*.png")):
        out = subprocess.run(["zbarimg", "--raw", "-q", str(png)], capture_output=True, text=True).stdout
        urls.update(u for u in out.split() if u)
    assert len(urls) == 2 and all("/m/" in u and "tangshicaidan?t=" in u for u in urls)
    assert {u.rsplit("=", 1)[1] for u in urls} == {"A1", "A2"}

    menu = tmp_path / "menu.pdf"
    assert portdesk(data_dir, "menu", "pdf", "-t", "a4", "-o", str(menu)).returncode == 0
    text = subprocess.run(["pdftotext", str(menu), "-"], capture_output=True, text=True).stdout
    assert "登州路老船长啤酒屋" in text

    site = tmp_path / "site"
    assert portdesk(data_dir, "menu", "html", "--out", str(site)).returncode == 0
    assert "登州路老船长啤酒屋" in (site / "index.html").read_text(encoding="utf-8")

    bad = portdesk(data_dir, "menu", "pdf", "-t", "a4", "-o", str(menu), "--menu", "不存在")
    assert "No menu called" in assert_one_line_error(bad.returncode, bad.stdout, bad.stderr, 1)
    bad = portdesk(data_dir, "menu", "pdf", "-t", "tent-a5", "-o", str(tents), "--tables", "Z9")
    assert "No such tables" in assert_one_line_error(bad.returncode, bad.stdout, bad.stderr, 1)


def test_import_uses_the_remembered_mapping(capsys: pytest.CaptureFixture[str], data_dir: Path, goods: Path) -> None:
    from catalog.store import Store
    from importers.remembered import save_mapping
    from importers.table import read_table

    table = read_table(goods)
    confirmed = {c: f for c, (f, _conf) in table.mapping.items() if f != "member_price_fen"}  # 会员价 ignored
    with Store.open(data_dir / "shop.sqlite") as store:
        save_mapping(store, table.header_signature, "products", confirmed)
    doc = json.loads(run(capsys, "import", str(goods), "--dry-run", "--json")[1])
    assert "会员价" not in doc["mapping"] and doc["mapping"]["售价"] == "price_fen"


def test_a_remembered_mapping_is_used_with_its_own_kind(capsys: pytest.CaptureFixture[str], data_dir: Path,
                                                       tmp_path: Path) -> None:
    """A header confirmed as a product list (日期 ignored, 金额 the price) though it reads as a
    ledger: the file imports as the products confirmed; --kind ledger reads it as a ledger."""
    from catalog.store import Store
    from importers.remembered import save_mapping
    from importers.table import read_table

    path = tmp_path / "价目.csv"
    path.write_text("日期,名称,金额\n2024-03-01,青岛啤酒,5\n", encoding="utf-8")
    table = read_table(path)
    assert table.kind == "ledger"
    with Store.open(data_dir / "shop.sqlite") as store:
        save_mapping(store, table.header_signature, "products", {1: "name", 2: "price_fen"})
    doc = json.loads(run(capsys, "import", str(path), "--dry-run", "--json")[1])
    assert (doc["kind"], doc["mapping"], doc["created"]) == ("products", {"名称": "name", "金额": "price_fen"}, 1)
    doc = json.loads(run(capsys, "import", str(path), "--dry-run", "--json", "--kind", "ledger")[1])
    assert (doc["kind"], doc["mapping"]["金额"], doc["created"]) == ("ledger", "amount_fen", 1)


def test_a_file_with_no_product_column_is_refused_in_one_line(capsys: pytest.CaptureFixture[str], data_dir: Path,
                                                               tmp_path: Path) -> None:
    """The command line cannot map a column by hand: a table where no column is a name, SKU or
    barcode says so (instead of reporting every row as missing its name) and writes nothing."""
    path = tmp_path / "检测记录.csv"
    path.write_text("序号,等级,备注\n1,一级,好\n2,二级,差\n", encoding="utf-8")
    for extra in ((), ("--dry-run",), ("--json",)):
        line = assert_one_line_error(*run(capsys, "import", str(path), *extra), 1)
        assert "检测记录.csv" in line and "序号" in line and "product name, SKU or barcode" in line
    assert not (data_dir / "reports").exists()
    assert json.loads(run(capsys, "imports", "list", "--json")[1])["imports"] == []


def test_a_kind_that_does_not_fit_the_file_is_refused_in_one_line(capsys: pytest.CaptureFixture[str], data_dir: Path,
                                                                  tmp_path: Path) -> None:
    """--kind ledger on a list without dates (or --kind products on a payment bill) says so once,
    instead of a report of every row missing its date, and writes nothing."""
    path = tmp_path / "卖货.csv"
    path.write_text("商品,数量,金额\n青岛啤酒,2,16\n辣炒蛤蜊,1,38\n", encoding="utf-8")
    for extra in ((), ("--dry-run",)):
        line = assert_one_line_error(*run(capsys, "import", str(path), "--kind", "ledger", *extra), 1)
        assert "卖货.csv" in line and "没有日期列" in line and "has no date column" in line
    assert not (data_dir / "reports").exists()
    assert json.loads(run(capsys, "imports", "list", "--json")[1])["imports"] == []


def test_a_price_list_by_barcode_alone_updates_prices(capsys: pytest.CaptureFixture[str], data_dir: Path, goods: Path,
                                                      tmp_path: Path) -> None:
    run(capsys, "import", str(goods))
    prices = tmp_path / "调价.csv"
    prices.write_text("条码,售价\n6901035600156,26\n", encoding="utf-8")
    status, out, _err = run(capsys, "import", str(prices), "--json")
    doc = json.loads(out)
    assert status == 0 and (doc["created"], doc["updated"], doc["errors"]) == (0, 1, [])
    listed = json.loads(run(capsys, "products", "list", "--search", "6901035600156", "--json")[1])["products"]
    assert [p["price_fen"] for p in listed] == [2600]


def test_the_summary_says_when_the_file_has_no_header_row(capsys: pytest.CaptureFixture[str], data_dir: Path,
                                                          tmp_path: Path) -> None:
    path = tmp_path / "无表头.csv"
    path.write_text("青岛啤酒,6901035600156,5\n崂山可乐,6921581596048,3\n", encoding="utf-8")
    status, out, _err = run(capsys, "import", str(path), "--dry-run")
    assert status == 0 and "no header row: columns guessed from the values" in out and "None" not in out
    status, out, _err = run(capsys, "import", str(path), "--dry-run", "--json")
    assert json.loads(out)["header_row"] is None


def test_a_market_price_is_imported_and_noted(capsys: pytest.CaptureFixture[str], data_dir: Path, tmp_path: Path) -> None:
    path = tmp_path / "菜单.csv"
    path.write_text("菜名,单位,价格\n辣炒蛤蜊,份,38\n清蒸大虾,斤,时价\n", encoding="utf-8")
    status, out, err = run(capsys, "import", str(path))
    assert status == 0 and err == "" and "created 2" in out
    assert "Note: C3: 「时价」" in out
    doc = json.loads(run(capsys, "import", str(path), "--dry-run", "--json")[1])
    assert doc["errors"] == [] and [(w["row"], w["column"]) for w in doc["warnings"]] == [(3, "C")]
    listed = {p["name"]: p["specs"][0] for p in json.loads(run(capsys, "products", "list", "--json")[1])["products"]}
    assert [(s["price_fen"], s["market_price"]) for s in (listed["清蒸大虾"], listed["辣炒蛤蜊"])] == [(0, True), (3800, False)]
    table = run(capsys, "products", "list")[1]
    assert next(line for line in table.splitlines() if "清蒸大虾" in line).count("时价") == 1


def test_the_sheets_of_a_menu_are_imported_together(capsys: pytest.CaptureFixture[str], data_dir: Path, tmp_path: Path) -> None:
    path = write_book(tmp_path / "菜单.xlsx", MENU_SHEETS)
    status, out, _err = run(capsys, "import", str(path))
    assert status == 0 and "工作表 凉菜、热菜" in out and "created 3" in out
    doc = json.loads(run(capsys, "import", str(path), "--sheet", "热菜", "--dry-run", "--json")[1])
    assert doc["sheets"] == ["热菜"] and doc["unchanged"] == 1


def test_the_summary_says_how_the_file_was_read_and_which_sheet_a_note_is_on(
        capsys: pytest.CaptureFixture[str], data_dir: Path, tmp_path: Path) -> None:
    path = write_book(tmp_path / "菜单.xlsx", {**MENU_SHEETS, "海鲜": [["菜名", "价格"], ["清蒸大虾", "时价"]]})
    status, out, _err = run(capsys, "import", str(path), "--dry-run")
    assert status == 0 and "Note: 工作表 凉菜、热菜、海鲜 的表头相同" in out and "Note: 海鲜!B2: 「时价」" in out
    doc = json.loads(run(capsys, "import", str(path), "--dry-run", "--json")[1])
    assert "share their header" in doc["notes"][0] and doc["warnings"][0]["sheet"] == "海鲜"


def test_import_of_a_wps_sheet_with_cell_images_gives_the_products_photos(
        capsys: pytest.CaptureFixture[str], data_dir: Path, tmp_path: Path) -> None:
    from catalog.store import Store
    from tests.workbooks import png, write_wps_book

    rows = [["商品名称", "售价", "图片"], ["青岛啤酒", 8, '=DISPIMG("ID_A",1)'], ["崂山可乐", 3, '=DISPIMG("ID_B",1)']]
    path = write_wps_book(tmp_path / "商品.xlsx", rows, {"ID_A": png("red"), "ID_B": png("blue")})
    status, out, _err = run(capsys, "import", str(path))
    assert status == 0 and "商品图片 2 张" in out and "2 product photos" in out
    doc = json.loads(run(capsys, "import", str(path), "--json")[1])
    assert (doc["unchanged"], doc["pictures"], doc["mapping"]["图片"]) == (2, 0, "image")
    with Store.open(data_dir / "shop.sqlite") as store:
        assert store.conn.execute("SELECT count(*) FROM product_images").fetchone()[0] == 2
        assert store.conn.execute("SELECT count(*) FROM media").fetchone()[0] == 2


@pytest.mark.skipif(shutil.which("pdfimages") is None, reason="needs poppler-utils")
def test_photos_from_a_sheet_are_printed_in_the_menu(capsys: pytest.CaptureFixture[str], data_dir: Path,
                                                    tmp_path: Path) -> None:
    from tests.workbooks import png, write_pictured_book

    rows = [["菜名", "价格", "图片"], ["辣炒蛤蜊", 38, None], ["拍黄瓜", 12, None], ["老醋花生", 15, None]]
    book = write_pictured_book(tmp_path / "菜单.xlsx", rows, {"C2": png("red", (64, 48)), "C4": png("blue", (30, 60))})
    assert run(capsys, "import", str(book))[0] == 0
    menu = tmp_path / "menu.pdf"
    assert run(capsys, "menu", "pdf", "--template", "a4", "--out", str(menu))[0] == 0
    listing = subprocess.run(["pdfimages", "-list", str(menu)], capture_output=True, text=True, check=True).stdout
    sizes = sorted((int(cols[3]), int(cols[4])) for cols in (line.split() for line in listing.splitlines()[2:]))
    assert sizes == [(30, 60), (64, 48)]  # each dish's photo, as the sheet held it; 拍黄瓜 has none


def test_import_of_a_folder_of_photos_named_by_barcode(capsys: pytest.CaptureFixture[str], data_dir: Path,
                                                      tmp_path: Path) -> None:
    from tests.workbooks import png

    book = tmp_path / "商品.csv"
    book.write_text("商品名称,条码,售价\n青岛啤酒,6901035600156,8\n", encoding="utf-8")
    assert run(capsys, "import", str(book))[0] == 0
    folder = tmp_path / "图片"
    folder.mkdir()
    (folder / "6901035600156.jpg").write_bytes(png("red", fmt="JPEG"))
    (folder / "不认识.png").write_bytes(png("blue"))
    status, out, err = run(capsys, "import", str(folder))
    assert status == 1 and "5 张图片" not in out and "文件夹 / folder · 2 张图片 / 2 photos" in out
    assert "商品图片 1 张 / 1 product photos" in out and "不认识" in out
    assert "1 photo(s) not imported" in err and "待修正" not in err  # no error report for photos: their names are the fix
    doc = json.loads(run(capsys, "import", str(folder), "--json")[1])
    assert (doc["kind"], doc["unchanged"], doc["pictures"], len(doc["errors"])) == ("photos", 1, 0, 1)
    listed = json.loads(run(capsys, "imports", "list", "--json")[1])["imports"]
    assert [i["kind"] for i in listed] == ["photos", "products"]
    (beer,) = json.loads(run(capsys, "products", "list", "--json")[1])["products"]
    assert len(beer["images"]) == 1 and len(beer["images"][0]) == 64  # its photo, by its sha256


def test_two_imports_a_moment_apart_each_get_an_undo_command_that_works(
        capsys: pytest.CaptureFixture[str], data_dir: Path, tmp_path: Path) -> None:
    first, second = tmp_path / "一.csv", tmp_path / "二.csv"
    first.write_text("品名,售价\n可乐,3\n", encoding="utf-8")
    second.write_text("品名,售价\n雪碧,3\n", encoding="utf-8")
    hints = []
    for path in (first, second):
        status, out, _err = run(capsys, "import", str(path))
        assert status == 0
        hints.append(out.split("portdesk imports undo ")[1].split("）")[0])
    listed = run(capsys, "imports", "list")[1]
    assert hints[0] != hints[1] and all(h in listed for h in hints) and "UTC" not in listed
    assert "一.csv · 一" in listed  # file and sheet: imports of one workbook's sheets tell apart
    # the first 8 characters are the same for imports within about a minute: said, not "not found"
    status, out, err = run(capsys, "imports", "undo", hints[0][:8])
    line = assert_one_line_error(status, out, err, 1)
    assert "2 batches start with" in line and hints[0] in line and hints[1] in line
    assert run(capsys, "imports", "undo", hints[0])[0] == 0
    assert [p["name"] for p in json.loads(run(capsys, "products", "list", "--json")[1])["products"]] == ["雪碧"]


@pytest.mark.skipif(shutil.which("pdfimages") is None, reason="needs poppler-utils")
def test_a_phone_photo_is_printed_standing_as_taken(capsys: pytest.CaptureFixture[str], data_dir: Path,
                                                   tmp_path: Path) -> None:
    import io

    from PIL import Image

    photo = io.BytesIO()
    exif = Image.Exif()
    exif[0x0112] = 6  # stored lying on its side: turn 90° to show it as taken
    Image.new("RGB", (80, 40), "red").save(photo, "JPEG", exif=exif)
    book = tmp_path / "商品.csv"
    book.write_text("商品名称,条码,售价\n青岛啤酒,6901035600156,8\n", encoding="utf-8")
    assert run(capsys, "import", str(book))[0] == 0
    folder = tmp_path / "图片"
    folder.mkdir()
    (folder / "6901035600156.jpg").write_bytes(photo.getvalue())
    assert run(capsys, "import", str(folder))[0] == 0
    menu = tmp_path / "menu.pdf"
    assert run(capsys, "menu", "pdf", "--template", "a4", "--out", str(menu))[0] == 0
    listing = subprocess.run(["pdfimages", "-list", str(menu)], capture_output=True, text=True, check=True).stdout
    sizes = [(int(cols[3]), int(cols[4])) for cols in (line.split() for line in listing.splitlines()[2:])]
    assert sizes == [(40, 80)]


def test_a_report_that_cannot_be_written_stops_the_import_before_it_starts(
        capsys: pytest.CaptureFixture[str], data_dir: Path, goods: Path, tmp_path: Path) -> None:
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder", encoding="utf-8")
    status, out, err = run(capsys, "import", str(goods), "--errors-out", str(blocked / "问题.xlsx"))
    line = assert_one_line_error(status, out, err, 1)
    assert str(blocked / "问题.xlsx") in line and "nothing was imported" in line
    assert json.loads(run(capsys, "products", "list", "--json")[1]) == {"products": []}


def test_the_summary_counts_new_products_beside_new_rows(capsys: pytest.CaptureFixture[str], data_dir: Path,
                                                         tmp_path: Path) -> None:
    path = tmp_path / "菜单.csv"
    path.write_text("菜名,小份,大份\n拍黄瓜,12,18\n辣炒蛤蜊,28,38\n米饭,2,\n", encoding="utf-8")
    status, out, _err = run(capsys, "import", str(path))
    assert status == 0 and "新增 5（新商品 3 件）" in out and "created 5 (3 new products)" in out
    again = tmp_path / "菜单2.csv"
    again.write_text("菜名,价格\n皮蛋豆腐,10\n", encoding="utf-8")
    doc = json.loads(run(capsys, "import", str(again), "--json")[1])
    assert (doc["created"], doc["new_products"]) == (1, 1)
    listed = json.loads(run(capsys, "imports", "list", "--json")[1])["imports"]
    assert [(i["created"], i["new_products"]) for i in listed] == [(1, 1), (5, 3)]

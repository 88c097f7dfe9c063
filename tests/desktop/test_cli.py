"""The `portdesk` command line, in-process (main([...])) and as a real subprocess (python -m desktop)."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
import types
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from desktop.cli import build_parser, format_table, main

ROOT = Path(__file__).resolve().parents[2]
EVIL = '=HYPERLINK("http://evil.example","点我")'


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """main() in this process; returns (status, stdout, stderr)."""
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


def portdesk(data_dir: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """`python -m desktop ARGS` in a fresh interpreter on `data_dir`."""
    full_env = {**os.environ, "PORTDESK_DATA_DIR": str(data_dir), **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "desktop", *args], cwd=ROOT, env=full_env, capture_output=True, text=True,
        encoding="utf-8", timeout=180,
    )


def assert_one_line_error(status: int, out: str, err: str, expected: int) -> str:
    assert status == expected, (status, out, err)
    assert "Traceback" not in out + err
    lines = err.splitlines()
    assert len(lines) == 1 and lines[0].strip(), err
    return lines[0]


def _width(text: str) -> int:
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


@pytest.fixture
def demo_shop(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """The data dir of this test, filled with the demo."""
    assert run(capsys, "demo")[0] == 0
    return data_dir


# ---- version, help, parser ----------------------------------------------------------------------

def test_version_in_process_and_subprocess(capsys: pytest.CaptureFixture[str], data_dir: Path) -> None:
    status, out, err = run(capsys, "--version")
    assert status == 0 and out.startswith("portdesk ") and err == ""
    result = portdesk(data_dir, "--version")
    assert result.returncode == 0 and result.stdout.strip() == out.strip() and result.stderr == ""


def test_help_lists_only_real_commands(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "--help")
    assert status == 0
    for name in ("demo", "products", "export", "screenshot", "--data-dir", "--version"):
        assert name in out
    sub = next(a for a in build_parser()._actions if a.dest == "command")
    assert set(sub.choices or {}) == {"demo", "products", "import", "imports", "export", "menu", "screenshot"}


def test_format_table_aligns_chinese_and_latin() -> None:
    text = format_table(("名称", "条码"), [["青岛啤酒经典", "690"], ["IPA", "123"]])
    lines = text.splitlines()
    assert lines[1] == "-" * 12 + "  " + "-" * 4
    assert [_width(line[: line.index(code)]) for line, code in zip(lines[2:], ("690", "123"), strict=True)] == [14, 14]


# ---- demo ---------------------------------------------------------------------------------------

def test_demo_twice_does_not_duplicate(capsys: pytest.CaptureFixture[str], data_dir: Path) -> None:
    first = portdesk(data_dir, "demo")
    assert first.returncode == 0 and first.stderr == "" and "登州路老船长啤酒屋" in first.stdout
    status, out, err = run(capsys, "products", "list", "--json")
    ids = [p["id"] for p in json.loads(out)["products"]]
    assert status == 0 and err == "" and 35 <= len(ids) == len(set(ids))
    second = portdesk(data_dir, "demo")
    assert second.returncode == 0 and "没有重复添加" in second.stdout
    status, out, _ = run(capsys, "products", "list", "--json")
    assert sorted(p["id"] for p in json.loads(out)["products"]) == sorted(ids)


def test_data_dir_option_before_or_after_the_command(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert run(capsys, "--data-dir", str(tmp_path / "a"), "demo")[0] == 0
    assert run(capsys, "demo", "--data-dir", str(tmp_path / "b"))[0] == 0
    assert (tmp_path / "a" / "shop.sqlite").exists() and (tmp_path / "b" / "shop.sqlite").exists()
    assert (tmp_path / "a" / "logs" / "portdesk.log").exists()


# ---- products list ------------------------------------------------------------------------------

def test_products_list_plain_is_an_aligned_table(capsys: pytest.CaptureFixture[str], demo_shop: Path) -> None:
    status, out, err = run(capsys, "products", "list")
    assert status == 0 and err == ""
    lines = out.splitlines()
    assert lines[0].split()[:3] == ["名称", "规格", "条码/货号"]
    assert lines[-1].startswith("共 ") and "products" in lines[-1]
    header_offset = _width(lines[0][: lines[0].index("条码/货号")])
    for code in ("6901035606011", "2000001000434", "LC-HX-01"):
        line = next(line for line in lines if code in line)
        assert _width(line[: line.index(code)]) == header_offset, line
    assert any("估清" in line for line in lines)


def test_products_list_json_schema(capsys: pytest.CaptureFixture[str], demo_shop: Path) -> None:
    status, out, err = run(capsys, "products", "list", "--json")
    assert status == 0 and err == ""
    doc = json.loads(out)
    assert list(doc) == ["products"]
    keys = {"id", "sku", "barcode", "name", "price_fen", "member_price_fen", "category", "unit", "status", "specs"}
    spec_keys = {"id", "name", "sku", "barcode", "price_fen", "market_price", "member_price_fen", "cost_fen", "stock"}
    for p in doc["products"]:
        assert keys <= set(p)
        assert isinstance(p["price_fen"], int) and isinstance(p["specs"], list) and p["specs"]
        first = p["specs"][0]
        assert (p["sku"], p["barcode"], p["price_fen"], p["member_price_fen"]) == (
            first["sku"], first["barcode"], first["price_fen"], first["member_price_fen"])
        for s in p["specs"]:
            assert set(s) == spec_keys
            assert isinstance(s["price_fen"], int) and isinstance(s["stock"], str)
            Decimal(s["stock"])
        assert p["status"] in ("on", "off")
    beer = next(p for p in doc["products"] if p["name"] == "青岛啤酒经典")
    assert beer["category"] == "啤酒/瓶装·罐装" and beer["price_fen"] == 600 and beer["specs"][0]["stock"] == "120"


def test_products_list_json_in_a_subprocess(demo_shop: Path) -> None:
    result = portdesk(demo_shop, "products", "list", "--json", "--search", "蛤蜊")
    assert result.returncode == 0 and result.stderr == ""
    names = {p["name"] for p in json.loads(result.stdout)["products"]}
    assert {"辣炒蛤蜊", "蛤蜊疙瘩汤"} <= names


def test_search_by_pinyin_initials_and_barcode(capsys: pytest.CaptureFixture[str], demo_shop: Path) -> None:
    _, out, _ = run(capsys, "products", "list", "--search", "qdpj", "--json")
    names = [p["name"] for p in json.loads(out)["products"]]
    assert names and all(n.startswith("青岛啤酒") for n in names) and "青岛啤酒经典" in names
    _, out, _ = run(capsys, "products", "list", "--search", "6901035606028", "--json")
    assert [p["name"] for p in json.loads(out)["products"]] == ["青岛啤酒经典"]
    status, out, _ = run(capsys, "products", "list", "-s", "qdpj")
    assert status == 0 and "青岛啤酒经典" in out and "辣炒蛤蜊" not in out


def test_search_without_hits_and_empty_shop(capsys: pytest.CaptureFixture[str], data_dir: Path) -> None:
    status, out, err = run(capsys, "products", "list")
    assert status == 0 and err == "" and "portdesk demo" in out
    status, out, _ = run(capsys, "products", "list", "--search", "zzzz", "--json")
    assert status == 0 and json.loads(out) == {"products": []}


# ---- export -------------------------------------------------------------------------------------

def _add_evil_product(data_dir: Path) -> None:
    from catalog.models import Product, Spec
    from catalog.store import Store

    with Store.open(data_dir / "shop.sqlite") as store:
        store.products.save(Product(EVIL, specs=[Spec(name="@规格", barcode="0012345678905", price_fen=990)]))


def test_export_xlsx_in_a_subprocess(demo_shop: Path, tmp_path: Path) -> None:
    _add_evil_product(demo_shop)
    out = tmp_path / "商品导出.xlsx"
    result = portdesk(demo_shop, "export", "products", "--out", str(out))
    assert result.returncode == 0 and result.stderr == "", result.stderr
    assert str(out) in result.stdout
    rows = list(openpyxl.load_workbook(out).active.iter_rows())
    assert rows[0][0].value == "名称" and len(rows) > 50
    evil = next(r for r in rows if str(r[0].value).endswith(EVIL))
    assert evil[0].value == EVIL and evil[0].data_type == "s" and evil[0].quotePrefix  # text, never run
    assert evil[1].value == "@规格" and evil[3].value == "0012345678905" and evil[3].data_type == "s"
    assert all(c.data_type != "f" for r in rows for c in r)


def test_export_csv_in_process(capsys: pytest.CaptureFixture[str], demo_shop: Path, tmp_path: Path) -> None:
    _add_evil_product(demo_shop)
    out = tmp_path / "商品.CSV"
    status, stdout, err = run(capsys, "export", "products", "-o", str(out))
    assert status == 0 and err == "" and "已导出" in stdout
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    evil = next(r for r in rows if EVIL in r[0])
    assert evil[0] == "'" + EVIL and evil[3] == "0012345678905" and evil[6] == "9.90"


# ---- errors: one line on stderr, never a traceback ----------------------------------------------

def _bad_cases(tmp_path: Path) -> list[tuple[list[str], int]]:
    a_file = tmp_path / "a-file"
    a_file.write_text("x")
    folder = tmp_path / "folder.xlsx"
    folder.mkdir()
    return [
        (["--data-dir", str(a_file / "shop"), "products", "list"], 1),  # parent is a file: cannot be created
        (["export", "products", "--out", str(tmp_path / "missing" / "a.xlsx")], 1),
        (["export", "products", "--out", str(a_file / "a.csv")], 1),
        (["export", "products", "--out", str(folder)], 1),
        (["export", "products", "--out", str(tmp_path / "a.txt")], 2),
        (["export", "products"], 2),
        (["export"], 2),
        (["products"], 2),
        (["frobnicate"], 2),
        (["--lang", "fr"], 2),
        (["products", "list", "--bogus"], 2),
        (["screenshot", "--out", str(tmp_path / "a.jpg")], 2),
    ]


def test_bad_input_in_process(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    for args, expected in _bad_cases(tmp_path):
        status, out, err = run(capsys, *args)
        line = assert_one_line_error(status, out, err, expected)
        assert "/" in line, line  # bilingual: 中文 / English
        assert out == "", args
    assert not (tmp_path / "a.txt").exists()


def test_bad_input_in_a_subprocess(tmp_path: Path, data_dir: Path) -> None:
    for args, expected in [*_bad_cases(tmp_path)[:5], (["frobnicate"], 2)]:
        result = portdesk(data_dir, *args)
        assert_one_line_error(result.returncode, result.stdout, result.stderr, expected)


def test_env_data_dir_that_cannot_be_created(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    result = portdesk(blocker / "sub", "demo")
    line = assert_one_line_error(result.returncode, result.stdout, result.stderr, 1)
    assert str(blocker / "sub") in line


def test_corrupt_database_is_one_plain_line(capsys: pytest.CaptureFixture[str], data_dir: Path) -> None:
    (data_dir / "shop.sqlite").write_bytes(b"this is not a database" * 100)
    status, out, err = run(capsys, "products", "list")
    line = assert_one_line_error(status, out, err, 1)
    assert "数据库" in line and "database" in line


def test_unexpected_error_goes_to_the_log(
    capsys: pytest.CaptureFixture[str], data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def boom(store: object) -> int:
        raise RuntimeError("boom in the demo")

    monkeypatch.setattr("catalog.demo.load_demo", boom)
    status, out, err = run(capsys, "demo")
    line = assert_one_line_error(status, out, err, 1)
    log_file = data_dir / "logs" / "portdesk.log"
    assert line.startswith("意外错误") and str(log_file) in line
    text = log_file.read_text(encoding="utf-8")
    assert "Traceback" in text and "boom in the demo" in text


def test_cli_never_imports_qt_for_its_own_commands(demo_shop: Path, tmp_path: Path) -> None:
    code = (
        "import sys; from desktop.cli import main; "
        f"codes = [main(['--version']), main(['demo']), main(['products', 'list', '--json']), "
        f"main(['export', 'products', '--out', {str(tmp_path / 'a.xlsx')!r}])]; "
        "assert codes == [0, 0, 0, 0], codes; "
        "assert not [m for m in sys.modules if m.startswith('PySide6')], 'Qt imported'"
    )
    env = {**os.environ, "PORTDESK_DATA_DIR": str(demo_shop)}
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True,
                            encoding="utf-8", timeout=180)
    assert result.returncode == 0, result.stderr


# ---- the desktop app and screenshots ------------------------------------------------------------

def test_no_command_starts_the_gui(
    capsys: pytest.CaptureFixture[str], data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[tuple[Path, str | None]] = []
    fake = types.ModuleType("desktop.gui")
    fake.run = lambda d, lang: calls.append((d, lang)) or 0  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "desktop.gui", fake)
    assert run(capsys, "--lang", "en")[0] == 0
    assert calls == [(data_dir.resolve(), "en")]


def test_screenshot_of_the_main_window(demo_shop: Path, tmp_path: Path) -> None:
    pytest.importorskip("PySide6.QtWidgets")
    pytest.importorskip("ui.screenshot")
    out = tmp_path / "main.png"
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    result = subprocess.run(
        [sys.executable, "-m", "desktop", "--data-dir", str(demo_shop), "screenshot", "--out", str(out), "--lang", "en"],
        cwd=ROOT, env=env, capture_output=True, text=True, encoding="utf-8", timeout=180,
    )
    assert result.returncode == 0, result.stderr
    assert out.read_bytes().startswith(b"\x89PNG")
    bad = portdesk(demo_shop, "screenshot", "--out", str(tmp_path / "x.png"), "--view", "no-such-view")
    assert_one_line_error(bad.returncode, bad.stdout, bad.stderr, 1)


def test_os_errors_become_one_plain_line() -> None:
    from desktop.cli import _plain_message

    message = _plain_message(FileNotFoundError(2, "No such file or directory", "/x/菜单.png"))
    assert message == "文件操作失败：/x/菜单.png（No such file or directory）/ File error: /x/菜单.png (No such file or directory)"
    assert _plain_message(RuntimeError("bug")) is None

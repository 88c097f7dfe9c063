"""The `portdesk` command: the desktop app (no command) and the command-line tools.

A thin face over the cores (catalog, importers, ...). Each command is one builder function that
adds its sub-parser and points it at its handler; `COMMANDS` lists them, so a new command is one
builder, one handler and one line there. Qt is imported only by the commands that need it.

Exit status: 0 success, 1 a runtime error (bad data, a file that cannot be written, ...),
2 a usage error. Every error is one plain line on stderr, in Chinese and English; details and
tracebacks go to the log file (see desktop.logs), never to the console.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import logging
import os
import sqlite3
import sys
import time
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from desktop import logs, paths

if TYPE_CHECKING:
    from catalog.models import Product
    from catalog.store import Store

log = logging.getLogger(__name__)

EXIT_OK, EXIT_ERROR, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130
LANGS = ("zh_CN", "en")


class UsageError(Exception):
    """The command line is wrong (exit status 2)."""


class CommandError(Exception):
    """A command failed for a reason the user can act on (exit status 1); the message is plain."""


class _Parser(argparse.ArgumentParser):
    """An ArgumentParser that raises UsageError instead of printing usage and exiting."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(message)


@dataclass
class Context:
    """What every command gets besides its arguments: the data folder and the log file."""

    data_dir: Path
    log_file: Path

    def open_store(self) -> Store:
        """Open (creating and migrating if needed) the shop database of the data folder."""
        from catalog.store import Store

        return Store.open(paths.database_path(self.data_dir))


Handler = Callable[[argparse.Namespace, Context], int]


# ---- helpers ------------------------------------------------------------------------------------

def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("portdesk")
    except PackageNotFoundError:
        return "unknown"


def _out_file(*suffixes: str) -> Callable[[str], Path]:
    """An argparse type: a path whose extension is one of `suffixes`."""

    def check(text: str) -> Path:
        path = Path(text).expanduser()
        if path.suffix.lower() not in suffixes:
            wanted = " / ".join(suffixes)
            raise argparse.ArgumentTypeError(
                f"“{text}”: 扩展名须为 {wanted} / must end with {wanted}"
            )
        return path

    return check


def _one_line(text: object) -> str:
    return " ".join(str(text).split())


def _say(text: str) -> None:
    print(text, file=sys.stdout)


def _display_width(text: str) -> int:
    """Columns a terminal uses for `text`: CJK wide/fullwidth characters take two."""
    width = 0
    for ch in text:
        if unicodedata.combining(ch):
            continue
        width += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return width


def _fit(text: str, width: int) -> str:
    """`text` cut (with …) or padded with spaces to exactly `width` display columns."""
    if _display_width(text) > width:
        out, used = "", 0
        for ch in text:
            w = _display_width(ch)
            if used + w > width - 1:
                break
            out, used = out + ch, used + w
        text = out + "…"
    return text + " " * (width - _display_width(text))


def format_table(headers: Sequence[str], rows: Sequence[Sequence[str]], max_width: int = 30) -> str:
    """An aligned plain-text table (two spaces between columns) that lines up with Chinese text."""
    widths = [
        min(max_width, max([_display_width(h)] + [_display_width(r[i]) for r in rows]))
        for i, h in enumerate(headers)
    ]
    lines = ["  ".join(_fit(c, w) for c, w in zip(line, widths, strict=True)).rstrip() for line in [headers, *rows]]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


# ---- demo ---------------------------------------------------------------------------------------

def _add_demo(sub: Any) -> None:
    p = sub.add_parser(
        "demo", parents=[_common()], help="fill the shop with demo data / 载入演示数据（登州路啤酒屋）",
        description="Fill the shop with the demo data of a Dengzhou Road beer-street restaurant: categories, "
        "beers, seafood dishes, take-home goods, pictures. Running it again adds nothing twice and keeps "
        "your edits. / 载入演示数据（登州路老船长啤酒屋）；重复运行不会重复添加，也不会覆盖你的修改。",
    )
    p.set_defaults(handler=_cmd_demo)


def _cmd_demo(args: argparse.Namespace, ctx: Context) -> int:
    from catalog.demo import load_demo

    with ctx.open_store() as store:
        added = load_demo(store)
        shop = store.get_setting("shop_name", "") or ""
        total = store.products.count()
    if added:
        _say(f"已载入演示数据“{shop}”：新增 {added} 件商品，共 {total} 件 / "
             f"Demo data loaded: {added} products added, {total} in total")
    else:
        _say(f"演示数据已经在店里了，没有重复添加（共 {total} 件商品）/ "
             f"The demo data is already there; nothing was added twice ({total} products)")
    return EXIT_OK


# ---- products -----------------------------------------------------------------------------------

def _add_products(sub: Any) -> None:
    p = sub.add_parser(
        "products", parents=[_common()], help="list and search products / 商品列表与搜索",
        description="Products of the shop. / 店里的商品。",
    )
    actions = p.add_subparsers(title="actions", metavar="ACTION", dest="action", required=True)
    ls = actions.add_parser(
        "list", parents=[_common()], help="list products, optionally searched / 列出商品，可搜索",
        description="List the products (archived ones are left out). --search matches name, pinyin, "
        "pinyin initials (qdpj finds 青岛啤酒), SKU and barcode. / 列出商品；--search 可按名称、拼音、"
        "拼音首字母、货号、条码搜索。",
    )
    ls.add_argument("--search", "-s", metavar="Q", default="", help="search text / 搜索词：名称、拼音首字母、条码、货号")
    ls.add_argument("--json", action="store_true", help="print one JSON document, money in fen / 输出 JSON（金额单位：分）")
    ls.set_defaults(handler=_cmd_products_list)


def _cmd_products_list(args: argparse.Namespace, ctx: Context) -> int:
    with ctx.open_store() as store:
        ids = store.products.ids(query=args.search)
        products = store.products.get_many(ids)
        paths_of = _category_paths(store, products)
    if args.json:
        doc = {"products": [_product_json(p, paths_of[p.category_id]) for p in products]}
        _say(json.dumps(doc, ensure_ascii=False))
        return EXIT_OK
    if not products:
        _say(f"没有找到“{args.search}” / No products match “{args.search}”" if args.search.strip()
             else "店里还没有商品，可以运行 portdesk demo 载入演示数据 / No products yet; try portdesk demo")
        return EXIT_OK
    rows = [_product_row(p, paths_of[p.category_id]) for p in products]
    _say(format_table(("名称", "规格", "条码/货号", "售价", "会员价", "分类", "库存", "状态"), rows))
    _say(f"共 {len(products)} 件商品 / {len(products)} products")
    return EXIT_OK


def _category_paths(store: Store, products: Sequence[Product]) -> dict[str | None, str]:
    return {cid: store.categories.path_of(cid) for cid in {p.category_id for p in products}}


def _product_json(p: Product, category: str) -> dict[str, object]:
    from catalog.money import format_qty

    first = p.specs[0] if p.specs else None
    return {
        "id": p.id,
        "kind": p.kind,
        "name": p.name,
        "sku": first.sku if first else None,
        "barcode": first.barcode if first else None,
        "price_fen": first.price_fen if first else None,
        "member_price_fen": first.member_price_fen if first else None,
        "category": category,
        "unit": p.unit,
        "status": p.status,
        "sold_out": p.sold_out,
        "updated_at": p.updated_at,
        "images": list(p.images),  # the sha256 of each photo, first shown first
        "specs": [
            {
                "id": s.id, "name": s.name, "sku": s.sku, "barcode": s.barcode, "price_fen": s.price_fen,
                "market_price": s.market_price, "member_price_fen": s.member_price_fen, "cost_fen": s.cost_fen, "stock": format_qty(s.stock),
            }
            for s in p.specs
        ],
    }


def _product_row(p: Product, category: str) -> list[str]:
    from decimal import Decimal

    from catalog.money import format_qty, price_range

    code = next((s.barcode or s.sku for s in p.specs if s.barcode or s.sku), "") or ""
    status = {"on": "上架", "off": "下架"}.get(p.status, p.status) + ("·估清" if p.sold_out else "")
    return [
        p.name,
        " / ".join(s.name for s in p.specs if s.name),
        code,
        price_range([s.price_fen for s in p.specs if not s.market_price], any(s.market_price for s in p.specs), dash="-"),
        price_range([s.member_price_fen for s in p.specs], dash="-"),
        category,
        format_qty(sum((s.stock for s in p.specs), Decimal(0))),
        status,
    ]


# ---- export -------------------------------------------------------------------------------------

def _add_export(sub: Any) -> None:
    p = sub.add_parser(
        "export", parents=[_common()], help="export the catalog to a spreadsheet / 导出到表格",
        description="Export to a spreadsheet that Excel/WPS open and `portdesk import` reads back. "
        "/ 导出为 Excel/WPS 可打开、也能再导入的表格。",
    )
    what = p.add_subparsers(title="what", metavar="WHAT", dest="what", required=True)
    products = what.add_parser(
        "products", parents=[_common()], help="products, one row per spec / 商品，每个规格一行",
        description="Export every product (not archived), one row per spec, to .xlsx or .csv (UTF-8 with "
        "BOM). An .xlsx also holds each product's first photo; importing it back changes nothing. / "
        "导出全部商品（每个规格一行）为 .xlsx 或 .csv；.xlsx 里带商品的第一张图片，再导入不会改动任何东西。",
    )
    products.add_argument(
        "--out", "-o", required=True, metavar="FILE", type=_out_file(".xlsx", ".csv"),
        help="the file to write: .xlsx or .csv / 输出文件（.xlsx 或 .csv）",
    )
    products.set_defaults(handler=_cmd_export_products)


def _cmd_export_products(args: argparse.Namespace, ctx: Context) -> int:
    from importers.export import export_products

    out: Path = args.out.resolve()
    with ctx.open_store() as store:
        count = export_products(store, out)
    _say(f"已导出 {count} 行到 {out} / Exported {count} rows to {out}")
    return EXIT_OK


# ---- import -------------------------------------------------------------------------------------

def _add_import(sub: Any) -> None:
    p = sub.add_parser(
        "import", parents=[_common()], help="import a spreadsheet / 导入表格（商品、菜单、流水）",
        description="Import products, a menu or a sales ledger from .xlsx/.xlsm/.xls/.xlsb/.ods/.et/.csv/.tsv "
        "(whatever the extension claims). The sheet, header row, column mapping and kind are guessed; good rows "
        "are imported in one transaction as a batch you can undo; rows with problems are written to an error "
        "report you can fix and import as it is. Pictures in a sheet (.xlsx, .xls, .et, .ods) become the photos of the products in "
        "their rows. / 导入商品、菜单或销售流水；自动识别工作表、表头和列；有问题的行写入错误报告，改好后可直接再导入；"
        "表格里的图片作为所在行商品的图片导入；整批可撤销。",
    )
    p.add_argument("file", type=Path, metavar="FILE",
                   help="the spreadsheet, or a folder or .zip of product photos named by barcode, SKU or name"
                        " / 表格文件，或以条码、货号、名称命名的商品图片文件夹（或 .zip）")
    p.add_argument("--kind", choices=("auto", "products", "menu", "ledger"), default="auto",
                   help="what the file holds (default: detect) / 文件内容类型（默认自动识别）")
    p.add_argument("--sheet", metavar="NAME", help="the sheet to read (default: detect) / 工作表名称")
    p.add_argument("--dry-run", action="store_true", help="show what would change, write nothing / 只预览，不写入")
    p.add_argument("--overwrite-blanks", action="store_true",
                   help="blank cells clear stored values (default: keep them) / 空白单元格清空原有值")
    p.add_argument("--errors-out", type=_out_file(".xlsx"), metavar="FILE.xlsx",
                   help="where to write the rows with problems (default: the data folder's reports/) / 错误报告保存位置")
    p.add_argument("--json", action="store_true", help="print one JSON document / 输出 JSON")
    p.set_defaults(handler=_cmd_import)


def _cmd_import(args: argparse.Namespace, ctx: Context) -> int:
    from importers.apply import apply_plan, summary
    from importers.gcpause import gc_paused
    from importers.lookups import Lookups
    from importers.plan import build_plan, kind_does_not_fit, no_product_column
    from importers.remembered import load, trusted_sheets
    from importers.report import write_error_report
    from importers.table import read_table

    source: Path = args.file
    if not source.is_file() and not source.is_dir():  # a folder of product photos is imported too
        raise CommandError(f"找不到文件 {source} / No such file: {source}")
    # One pause of the cyclic GC for read, plan and apply: each step's own pause ending would start a
    # collection over the whole table and plan (~0.05-0.1 s each, freeing nothing).
    with gc_paused(freeze=True), ctx.open_store() as store:
        trusted = trusted_sheets(store, source)  # the same bytes imported before: checked then
        lookups = Lookups.prefetch(store.path, source, bool(trusted))  # loads while the file is parsed
        table = read_table(source, sheet=args.sheet, kind=args.kind, trusted=trusted)
        remembered = load(store, table.header_signature)
        detected = {c: f for c, (f, _conf) in table.mapping.items()}
        # as the wizard does: the mapping confirmed for this header, made for the kind asked for (any, with auto)
        if (remembered is not None and remembered.mapping and args.kind in ("auto", remembered.kind)
                and (remembered.mapping != detected or remembered.kind != table.kind)
                and all(c < len(table.headers) for c in remembered.mapping)):
            # map again (the file is not read twice) only when the confirmed mapping differs
            table = read_table(source, sheet=table.sheet_argument, kind=remembered.kind,
                               mapping_override={c: remembered.mapping.get(c) for c in range(len(table.headers))}, reuse=table)
        refused = no_product_column(table) or kind_does_not_fit(table)
        if refused is not None:
            raise refused
        plan = build_plan(store, table, overwrite_blanks=args.overwrite_blanks, lookups=lookups)
        report: Path | None = None
        if plan.errors and plan.kind != "photos":  # a photo's problem is its name: said below, no report
            # written before the import: when it cannot be, nothing is imported and the user is told why
            stamp = time.strftime("%Y%m%d-%H%M%S")
            report = args.errors_out or ctx.data_dir / "reports" / f"{source.stem}-待修正-{stamp}.xlsx"
            try:
                write_error_report(plan, report)
            except OSError as exc:
                raise CommandError(
                    f"无法写入问题行报告 {report}（{exc.strerror or exc}），没有导入任何数据：请换一个保存位置（--errors-out）"
                    f" / Cannot write the report of the rows with problems to {report} ({exc.strerror or exc}); nothing"
                    " was imported: choose another place for it (--errors-out)") from None
        batch = None if args.dry_run else apply_plan(store, plan)
        result = summary(plan, batch)
        result["changes"] = _changes(plan)
        result["dry_run"] = bool(args.dry_run)
        if report is not None:
            result["error_report"] = str(report)
        # said before the store closes: closing folds a large import's WAL into the file (~0.3 s per 100,000 rows)
        return _say_imported(args, result, plan.count("error"), report)


def _changes(plan: Any) -> list[dict[str, Any]]:
    """What each changed row changes, field by field: {"row", "name", "spec", "fields": {column:
    [old, new]}} ("sheet" too when sheets were read together); money in fen, stock in thousandths."""
    if not plan.count("changed"):
        return []
    table = plan.table
    sheets = [r.sheet for r in table.rows] if len(table.sheets) > 1 and len(table.rows) == plan.row_count else None
    found = []
    for i, r in enumerate(plan.rows):
        if r.action == "changed" and r.diffs:
            change = {"row": r.row_number, "name": r.name, "spec": r.spec,
                      "fields": {col: [old, new] for col, (old, new) in r.diffs.items()}}
            if sheets is not None:
                change["sheet"] = sheets[i]
            found.append(change)
    return found


# the words of the stored columns a change may name that are no import field's (importers.fields)
_COLUMN_WORDS: dict[str, tuple[str, str]] = {
    "sold_out": ("估清", "sold out"), "market_price": ("时价", "day's price"), "images": ("图片", "photos"),
}


def _change_words(column: str, old: Any, new: Any) -> str:
    """One field of an updated row as a shopkeeper reads it: "售价 / price ¥3.50 → ¥4.00", not the
    stored column and its fen ("price_fen 350 → 400", which --json keeps)."""
    from catalog.money import format_fen, format_qty, milli_to_decimal
    from importers.fields import FIELD_LABELS_EN, FIELD_LABELS_ZH, PRODUCT_COLUMNS, SPEC_COLUMNS

    fields = {c: f for f, c in (*PRODUCT_COLUMNS.items(), *SPEC_COLUMNS.items()) if c != "name"}
    field = fields.get(column, column)  # a diff names the product's name, the spec and the category as fields
    zh, en = _COLUMN_WORDS.get(column) or (FIELD_LABELS_ZH.get(field, column), FIELD_LABELS_EN.get(field, column))

    def shown(value: Any) -> str:
        if value is None or value == "":
            return "（空）/ (blank)"
        if column.endswith("_fen") and isinstance(value, int):
            return format_fen(value)
        if column == "stock_milli" and isinstance(value, int):
            return format_qty(milli_to_decimal(value))
        if column in ("sold_out", "market_price"):
            return "是 / yes" if value else "否 / no"
        if column == "status":
            return "下架 / off the shelf" if value == "off" else "上架 / on sale"
        return str(value)

    return f"{zh} / {en} {shown(old)} → {shown(new)}"


def _say_imported(args: argparse.Namespace, result: dict[str, Any], problems: int, report: Path | None) -> int:
    """Print what an import did (or would do); the exit status."""
    source: Path = args.file
    batch = result["batch"]
    if args.json:
        _say(json.dumps(result, ensure_ascii=False, default=str))
    else:
        verb = "预览 / Dry run" if args.dry_run else "已导入 / Imported" if batch else "未导入 / Nothing imported"
        header = (f"第 {result['header_row']} 行是表头 / header row {result['header_row']}" if result["header_row"]
                  else f"{result['rows']} 张图片 / {result['rows']} photos" if result["kind"] == "photos"
                  else "没有表头，按内容猜测各列 / no header row: columns guessed from the values")
        where = "文件夹 / folder" if result["kind"] == "photos" else f"工作表 {'、'.join(result['sheets'])}"
        _say(f"{verb}: {source.name} · {where} · {header} · 类型 {result['kind']}")
        made, products = result["created"], result["new_products"]
        # rows are specs: a dish in two sizes is two rows and one new product
        of_zh, of_en = (f"（新商品 {products} 件）", f" ({products} new product{'s' if products > 1 else ''})") \
            if products and products != made else ("", "")
        _say(f"新增 {made}{of_zh} · 更新 {result['updated']} · 不变 {result['unchanged']} · 有问题 "
             f"{problems}  / created {made}{of_en}, updated {result['updated']}, "
             f"unchanged {result['unchanged']}, with problems {problems}")
        if result.get("pictures"):
            _say(f"商品图片 {result['pictures']} 张 / {result['pictures']} product photos")
        for change in result["changes"][:5]:  # what the updated rows change
            what = "; ".join(_change_words(col, old, new) for col, (old, new) in change["fields"].items())
            _say(f"更新 / Update: 第 {change['row']} 行 / row {change['row']} {change['name']} {change['spec']}".rstrip()
                 + f": {what}")
        if len(result["changes"]) > 5:
            more = len(result["changes"]) - 5
            _say(f"另有 {more} 行更新（--json 列出全部）/ {more} more updated rows (--json lists them all)")
        for note in result["notes"]:  # how the file was read: sheets together, headings, blocks, ...
            _say(f"说明 / Note: {note}")
        for w in result["warnings"][:3]:  # values taken that deserve a look, such as 时价
            where = f"{w['column']}{w['row']}" if w["column"] else f"第 {w['row']} 行 / row {w['row']}"
            if "sheet" in w:
                where = f"{w['sheet']}!{where}"
            _say(f"提醒 / Note: {where}: {w['message']}")
        if len(result["warnings"]) > 3:
            more = len(result["warnings"]) - 3
            _say(f"另有 {more} 条提醒（--json 列出全部）/ {more} more notes (--json lists them all)")
        if batch:
            from catalog.batches import short_id

            _say(f"批次 {batch}（撤销：portdesk imports undo {short_id(batch)}）/ batch {batch} (undo: portdesk imports undo {short_id(batch)})")
    if result["kind"] == "photos" and problems:
        if not args.json:
            for e in result["errors"][:10]:
                _say(f"没有导入 / Not imported: {e['message']}")
        _fail(f"{problems} 张图片没有导入，请按上面的说明改名后再导入这个文件夹 / {problems} photo(s) not imported:"
              " rename them as said and import the folder again")
        return EXIT_ERROR
    if report is not None:
        rows = "1 row" if problems == 1 else f"{problems} rows"
        if args.dry_run:
            _fail(f"{problems} 行有问题，导入时会跳过，已写入 {report}，可先改好再导入 / "
                  f"{rows} with problems would not be imported; they are in {report}: fix them first")
        else:
            _fail(f"{problems} 行有问题未导入，已写入 {report}，改好后可直接导入 / "
                  f"{rows} with problems {'was' if problems == 1 else 'were'} not imported; they are in {report}:"
                  " fix them and import that file")
        return EXIT_ERROR
    return EXIT_OK


def _add_imports(sub: Any) -> None:
    p = sub.add_parser("imports", parents=[_common()], help="list or undo imports / 导入记录与撤销",
                       description="Every import is a batch that can be undone. / 每次导入都是一个可撤销的批次。")
    actions = p.add_subparsers(title="actions", metavar="ACTION", dest="action", required=True)
    ls = actions.add_parser("list", parents=[_common()], help="list imports, newest first / 列出导入记录")
    ls.add_argument("--json", action="store_true", help="print one JSON document / 输出 JSON")
    ls.set_defaults(handler=_cmd_imports_list)
    undo = actions.add_parser(
        "undo", parents=[_common()], help="undo an import / 撤销一次导入",
        description="Restore exactly the state before the import. Refused, with the records named, when a later "
        "import or an edit changed them since. / 恢复到导入之前的状态；若之后又被修改过则拒绝并说明。")
    undo.add_argument("batch", metavar="BATCH", help="the batch id as `imports list` shows it (or all of it) / 批次号")
    undo.set_defaults(handler=_cmd_imports_undo)


def _cmd_imports_list(args: argparse.Namespace, ctx: Context) -> int:
    from catalog.batches import local_time, short_id

    with ctx.open_store() as store:
        batches = store.batches.list()
    if args.json:
        _say(json.dumps({"imports": [
            {"batch": b.id, "file": b.file_name, "kind": b.kind, "sheet": b.sheet, "created_at": b.created_at,
             "undone_at": b.undone_at, "created": b.summary.get("created", 0), "new_products": b.summary.get("new_products"),
             "updated": b.summary.get("updated", 0),
             "errors": len(b.summary.get("errors", []))} for b in batches]}, ensure_ascii=False))
        return EXIT_OK
    if not batches:
        _say("还没有导入记录 / No imports yet")
        return EXIT_OK
    rows = [[short_id(b.id), local_time(b.created_at), f"{b.file_name} · {b.sheet}" if b.sheet else b.file_name, b.kind,
             str(b.summary.get("created", 0)),
             str(b.summary.get("updated", 0)), "已撤销" if b.undone_at else ""] for b in batches]
    _say(format_table(("批次", "时间", "文件 · 工作表", "类型", "新增", "更新", "状态"), rows))
    return EXIT_OK


def _cmd_imports_undo(args: argparse.Namespace, ctx: Context) -> int:
    with ctx.open_store() as store:
        count = store.batches.undo(args.batch)
        _say(f"已撤销批次 {args.batch}：恢复或删除了 {count} 条记录 / Undone batch {args.batch}: {count} records restored or removed")
    return EXIT_OK


# ---- menus --------------------------------------------------------------------------------------

TEMPLATES = ("a4", "tent-a5", "stickers-a4", "thermal-58", "thermal-80")


def _add_menu(sub: Any) -> None:
    p = sub.add_parser("menu", parents=[_common()], help="print menus, table tents, stickers / 打印菜单、桌牌、贴纸",
                       description="Menus as PDF (fonts embedded) or a static HTML page. / 菜单导出为 PDF 或 HTML。")
    actions = p.add_subparsers(title="actions", metavar="ACTION", dest="action", required=True)
    pdf = actions.add_parser(
        "pdf", parents=[_common()], help="write a PDF / 导出 PDF",
        description="Templates: a4 (multi-page menu), tent-a5 (one folded table tent per table, with its QR code), "
        "stickers-a4 (a label with a QR code per product spec), thermal-58 / thermal-80 (receipt-printer strips). "
        "/ 模板：a4 菜单、tent-a5 桌牌（每桌一个二维码）、stickers-a4 商品贴纸、thermal-58/80 小票打印机。")
    pdf.add_argument("--template", "-t", choices=TEMPLATES, required=True, help="the layout / 模板")
    pdf.add_argument("--out", "-o", type=_out_file(".pdf"), required=True, metavar="FILE.pdf", help="output / 输出文件")
    pdf.add_argument("--menu", metavar="NAME", help="a menu's name or slug (default: the first menu, else all "
                     "products) / 菜单名称（默认第一个菜单，没有菜单时为全部商品）")
    pdf.add_argument("--tables", metavar="A1,A2", help="tent-a5 only: these table names (default: all tables) / 只打印这些桌台")
    pdf.set_defaults(handler=_cmd_menu_pdf)
    html = actions.add_parser("html", parents=[_common()], help="write a static HTML menu / 导出 HTML 菜单",
                              description="index.html in DIR, mobile first, opens from disk. / 在 DIR 中生成 index.html。")
    html.add_argument("--out", "-o", type=Path, required=True, metavar="DIR", help="output folder / 输出文件夹")
    html.add_argument("--menu", metavar="NAME", help="a menu's name or slug / 菜单名称")
    html.set_defaults(handler=_cmd_menu_html)


def _cmd_menu_pdf(args: argparse.Namespace, ctx: Context) -> int:
    _use_offscreen_without_display()
    from menus.fonts import ensure_gui_app
    from menus.from_catalog import pick_menu, shop_from_store, tables_for
    from menus.render import render_pdf

    ensure_gui_app()
    with ctx.open_store() as store:
        try:
            menu = pick_menu(store, args.menu)
        except LookupError as exc:
            raise CommandError(str(exc)) from exc
        tables = store.tables.all()
        if args.tables:
            wanted = [t.strip() for t in args.tables.split(",") if t.strip()]
            unknown = [w for w in wanted if w not in {t.name for t in tables}]
            if unknown:
                raise CommandError(f"没有这些桌台：{'、'.join(unknown)} / No such tables: {', '.join(unknown)}")
            tables = [t for t in tables if t.name in wanted]
        if args.template == "tent-a5" and not tables:
            raise CommandError("还没有桌台，请先在“桌台”里添加 / There are no tables yet; add them in Tables first")
        if not menu.items():
            raise CommandError("菜单里没有上架的商品 / The menu has no products on sale")
        out = render_pdf(args.template, shop_from_store(store), menu, tables_for(store, tables), args.out.resolve())
    _say(f"已生成 {out} / Wrote {out}")
    return EXIT_OK


def _cmd_menu_html(args: argparse.Namespace, ctx: Context) -> int:
    from menus.from_catalog import pick_menu, shop_from_store
    from menus.html import write_html

    with ctx.open_store() as store:
        try:
            menu = pick_menu(store, args.menu)
        except LookupError as exc:
            raise CommandError(str(exc)) from exc
        out = write_html(shop_from_store(store), menu, args.out.resolve())
    _say(f"已生成 {out} / Wrote {out}")
    return EXIT_OK


# ---- screenshot ---------------------------------------------------------------------------------

def _add_screenshot(sub: Any) -> None:
    p = sub.add_parser(
        "screenshot", parents=[_common()], help="render a window to a PNG / 把窗口截图为 PNG",
        description="Render a window of the app (without showing it) to a PNG, e.g. for the docs. "
        "/ 不显示窗口，把界面渲染成 PNG 图片（用于文档）。",
    )
    p.add_argument("--out", "-o", required=True, metavar="FILE", type=_out_file(".png"),
                   help="the PNG file to write / 输出的 PNG 文件")
    p.add_argument("--view", default="main", metavar="NAME",
                   help="which window: main (default), settings, editor, import or menus"
                        " / 哪个窗口：main（默认）、settings、editor、import、menus")
    p.add_argument("--lang", choices=LANGS, default=argparse.SUPPRESS,
                   help="language of the UI (default zh_CN) / 界面语言（默认中文）")
    p.set_defaults(handler=_cmd_screenshot)


def _cmd_screenshot(args: argparse.Namespace, ctx: Context) -> int:
    _use_offscreen_without_display()
    try:
        from ui.screenshot import save_screenshot
    except ImportError as exc:
        raise CommandError(f"截图功能不可用：{exc} / Screenshots are not available: {exc}") from exc
    out: Path = args.out.resolve()
    try:
        save_screenshot(ctx.data_dir, out, args.view, args.lang or "zh_CN")
    except ValueError as exc:  # an unknown view, for one
        raise CommandError(str(exc)) from exc
    _say(f"已保存截图 {out} / Screenshot saved to {out}")
    return EXIT_OK


def _use_offscreen_without_display() -> None:
    """Qt cannot open a window on Linux without a display: render offscreen there."""
    if sys.platform.startswith("linux") and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


# ---- the desktop app (no command) ---------------------------------------------------------------

def _run_gui(args: argparse.Namespace, ctx: Context) -> int:
    try:
        from desktop.gui import run
    except ImportError as exc:
        raise CommandError(f"无法启动图形界面：{exc} / Cannot start the desktop app: {exc}") from exc
    return int(run(ctx.data_dir, args.lang))


# ---- the parser ---------------------------------------------------------------------------------

COMMANDS: dict[str, Callable[[Any], None]] = {
    "demo": _add_demo,
    "products": _add_products,
    "import": _add_import,
    "imports": _add_imports,
    "export": _add_export,
    "menu": _add_menu,
    "screenshot": _add_screenshot,
}
"""Command name → builder that adds its sub-parser (and sets `handler`). Later issues add here."""


def _common() -> _Parser:
    """Options every command also accepts after its name (`portdesk demo --data-dir X`)."""
    p = _Parser(add_help=False)
    p.add_argument("--data-dir", metavar="DIR", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
    return p


def build_parser() -> _Parser:
    """The whole command line of `portdesk`."""
    parser = _Parser(
        prog="portdesk",
        description="PortDesk (数字港商户助手): catalog, import, QR menus and sync for small shops. "
        "Without a command it starts the desktop app. / 不带命令时启动桌面程序。",
        epilog="Data folder / 数据文件夹: --data-dir, else $PORTDESK_DATA_DIR, else the per-user folder. "
        "Exit status / 退出码: 0 ok, 1 error, 2 usage.",
    )
    parser.add_argument("--version", action="version", version=f"portdesk {_version()}",
                        help="show the version and exit / 显示版本号")
    parser.add_argument("--data-dir", metavar="DIR", default=None,
                        help="the shop's data folder (env PORTDESK_DATA_DIR does the same) / 数据文件夹")
    parser.add_argument("--lang", choices=LANGS, default=None,
                        help="language of the desktop app (default: the system's) / 桌面程序的语言")
    sub = parser.add_subparsers(title="commands", metavar="COMMAND", dest="command")
    for build in COMMANDS.values():
        build(sub)
    return parser


# ---- main ---------------------------------------------------------------------------------------

def _fail(message: str) -> None:
    print(_one_line(message), file=sys.stderr)


def _plain_error_types() -> Iterator[type[BaseException]]:
    """Our error types whose message is already plain (only from modules already loaded)."""
    for module, name in (
        ("catalog.db", "DatabaseError"), ("catalog.products", "ProductError"), ("catalog.categories", "CategoryError"),
        ("catalog.media", "MediaError"), ("importers.export", "ExportError"), ("importers.errors", "ImportRefused"),
        ("catalog.batches", "UndoRefused"), ("catalog.menus", "MenuError"), ("menus.templates", "Cancelled"),
    ):
        found = getattr(sys.modules.get(module), name, None)
        if isinstance(found, type) and issubclass(found, BaseException):
            yield found


def _plain_message(exc: BaseException) -> str | None:
    """The one line to show for an expected error, or None for a bug."""
    if isinstance(exc, (CommandError, *_plain_error_types())):
        return _one_line(exc)
    if type(exc).__name__ == "Cancelled":
        return "已取消 / Cancelled"
    if isinstance(exc, OSError):
        reason = exc.strerror or str(exc)
        if exc.filename:
            return f"文件操作失败：{exc.filename}（{reason}）/ File error: {exc.filename} ({reason})"
        return f"文件操作失败：{reason} / File error: {reason}"
    if isinstance(exc, sqlite3.Error):
        return f"数据库出错：{exc}。请稍后重试，或从备份恢复 / Database error: {exc}. Try again, or restore a backup"
    return None


def _data_dir(args: argparse.Namespace) -> Path:
    try:
        return paths.data_dir(args.data_dir)
    except OSError as exc:
        chosen = args.data_dir or os.environ.get(paths.ENV_VAR) or "(default)"
        reason = exc.strerror or str(exc)
        raise CommandError(
            f"无法使用数据文件夹 {chosen}（{reason}），请换一个文件夹 / "
            f"Cannot use the data folder {chosen} ({reason}); choose another folder"
        ) from exc


def _quiet_streams() -> None:
    """Never crash on a character the console cannot show (GBK consoles and ¥)."""
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(AttributeError, ValueError, OSError):
            stream.reconfigure(errors="replace")  # type: ignore[union-attr]


def main(argv: list[str] | None = None) -> int:
    """Run `portdesk` with `argv` (default: the process's arguments); returns the exit status."""
    _quiet_streams()
    try:
        args = build_parser().parse_args(argv)
    except UsageError as exc:
        _fail(f"用法错误 / Usage error: {exc}（portdesk --help 查看用法 / see portdesk --help）")
        return EXIT_USAGE
    except SystemExit as exc:  # --help and --version print and exit 0
        return exc.code if isinstance(exc.code, int) else EXIT_OK
    log_file: Path | None = None
    try:
        data = _data_dir(args)
        try:
            log_file = logs.setup(data)
        except OSError as exc:
            raise CommandError(
                f"无法写入日志文件夹 {data / 'logs'}（{exc.strerror or exc}）/ "
                f"Cannot write the log folder {data / 'logs'} ({exc.strerror or exc})"
            ) from exc
        handler: Handler = getattr(args, "handler", _run_gui)
        log.info("portdesk %s %s (data %s)", _version(), args.command or "gui", data)
        return handler(args, Context(data, log_file))
    except UsageError as exc:
        _fail(f"用法错误 / Usage error: {exc}")
        return EXIT_USAGE
    except KeyboardInterrupt:
        _fail("已中断 / Interrupted")
        return EXIT_INTERRUPTED
    except BrokenPipeError:  # `portdesk products list | head`
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - keeps Python from failing at exit
        return EXIT_ERROR
    except Exception as exc:
        message = _plain_message(exc)
        if message is not None:
            if log_file is not None:
                log.warning("%s failed: %s", args.command, message)
            _fail_json(args, exc, message)
            _fail(message)
            return EXIT_ERROR
        if log_file is None:  # no log file yet: say what we can, still on one line
            message = f"意外错误：{type(exc).__name__}: {exc} / Unexpected error: {type(exc).__name__}: {exc}"
        else:
            log.exception("unexpected error in %s", args.command)
            message = f"意外错误，详情见日志 {log_file} / Unexpected error, see the log {log_file}"
        _fail_json(args, exc, message)
        _fail(message)
        return EXIT_ERROR


def _fail_json(args: argparse.Namespace, exc: BaseException, message: str) -> None:
    """With --json, a failed command still prints its one JSON document on stdout: the error
    (a script reading stdout gets JSON either way, the exit status and stderr say the rest)."""
    if not getattr(args, "json", False):
        return
    error: dict[str, Any] = {"code": str(getattr(exc, "code", None) or "error"), "message": _one_line(message)}
    for key in ("sheet", "row", "column"):
        if getattr(exc, key, None) is not None:
            error[key] = getattr(exc, key)
    _say(json.dumps({"error": error}, ensure_ascii=False))

"""The error report: the rows that were not imported, as the user wrote them, plus a reason column.

The report has the file's header on row 1, so after fixing the cells the user can import the
report itself; the extra reason column is not mapped to anything and is ignored.
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from decimal import Decimal
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font, PatternFill

from importers.errors import ImportRefused, column_letter
from importers.export import text_cell
from importers.fields import IMAGE
from importers.pictures import Picture, PictureReader
from importers.plan import ImportPlan, RowPlan
from importers.table import ParsedRow, ParsedTable

REASON_HEADER = "错误原因 / Reason"


def _cell(ws: Any, value: Any) -> Any:
    """A report cell: the value as the row had it; text stays text (never a formula)."""
    if value is None or isinstance(value, bool | int | float | Decimal | dt.date | dt.datetime | dt.time):
        return value
    return text_cell(ws, str(value))


def write_error_report(plan: ImportPlan, out: Path) -> int:
    """Write the plan's error rows to `out` (.xlsx), atomically; returns how many rows were written."""
    table = plan.table
    rows = plan.rows
    bad: list[tuple[RowPlan, ParsedRow | None]]
    if len(rows) == len(table.rows):  # one plan row per parsed row, in order
        bad = [(r, p) for r, p in zip(rows, table.rows, strict=True) if r.action == "error"]
    else:
        by_number = {r.row_number: r for r in table.rows}
        bad = [(r, by_number.get(r.row_number)) for r in rows if r.action == "error"]
    wb = Workbook(write_only=True)
    red = PatternFill("solid", fgColor="FFF2CC")
    width = len(table.headers)
    sheets: dict[str, Any] = {}  # one per sheet the bad rows come from (sheets read together), in order

    def sheet_for(name: str) -> Any:
        if name not in sheets:
            ws = sheets[name] = wb.create_sheet(title=(name or "Sheet1")[:31])
            reason_head = WriteOnlyCell(ws, value=REASON_HEADER)
            reason_head.font = Font(bold=True, color="C00000")
            ws.append([*(_cell(ws, h) for h in table.headers), reason_head])
        return sheets[name]

    if not bad:
        sheet_for(table.sheet)
    pictures: list[tuple[Any, str, Picture]] = []  # (sheet, cell, picture): the photos of the rows
    written: dict[str, int] = {}  # rows written per sheet, below its header
    for plan_row, parsed in bad:
        name = parsed.sheet or table.sheet if parsed is not None else table.sheet
        ws = sheet_for(name)
        written[name] = written.get(name, 0) + 1
        if parsed is not None and parsed.values.get(IMAGE):
            cell = f"{column_letter(_picture_column(table, parsed))}{written[name] + 1}"
            pictures += [(ws, cell, p) for p in parsed.values[IMAGE]]
        source: list[Any] = list(parsed.raw) if parsed is not None else []
        if parsed is not None:  # a row holding several items: only this one's cells (the others were imported)
            source = [v if table.belongs(parsed.item, c) else None for c, v in enumerate(source)]
        raw = (source + [None] * width)[:width]
        # the cells' columns are the same here, their rows are not: the original row is said once, last
        errors = [i for i in plan_row.issues if i.severity == "error"]
        reasons = "；".join(
            f"{(i.column + '列') if i.column else ''}{('（' + i.header + '）') if i.header else ''}"
            f"{'：' if i.column or i.header else ''}{i.message_zh}，{i.fix_zh} / {i.message_en}. {i.fix_en}"
            for i in errors
        )
        if errors:
            where = f"「{errors[0].sheet}」" if errors[0].sheet else ""
            reasons += f"（原文件{where}第 {errors[0].row} 行 / row {errors[0].row} of the original file）"
        reason = text_cell(ws, reasons)
        reason.fill = red
        ws.append([*(_cell(ws, v) for v in raw), reason])
    _add_pictures(table, pictures)
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".portdesk-", suffix=".xlsx", dir=out.parent)
    os.close(fd)
    try:
        wb.save(tmp)
        os.replace(tmp, out)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return len(bad)


_THUMB = 80  # pixels: the longer side of a photo in the report, so it sits over its cell


def _picture_column(table: ParsedTable, parsed: ParsedRow) -> int:
    """The column of the picture field in this row's block."""
    col = table.field_columns[IMAGE]
    return col + table.shift(parsed.item)


def _add_pictures(table: ParsedTable, pictures: list[tuple[Any, str, Picture]]) -> None:
    """Put the rows' photos back over their cells, so that importing the fixed report keeps them.
    A picture that cannot be read any more (the file changed) is left out."""
    if not pictures:
        return
    import io

    from openpyxl.drawing.image import Image

    with PictureReader(table.source) as reader:
        for ws, cell, picture in pictures:
            try:
                image = Image(io.BytesIO(reader.read(picture)))
            except (ImportRefused, OSError, ValueError):
                continue
            scale = _THUMB / max(image.width, image.height, 1)
            if scale < 1:
                image.width, image.height = max(1, round(image.width * scale)), max(1, round(image.height * scale))
            ws.add_image(image, cell)

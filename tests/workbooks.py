"""Small real workbooks for tests, written with openpyxl."""

from __future__ import annotations

from pathlib import Path

import openpyxl

MENU_SHEETS: dict[str, list[list[object]]] = {
    "凉菜": [["菜名", "价格"], ["拍黄瓜", 12], ["老醋花生", 15]],
    "热菜": [["菜名", "价格"], ["辣炒蛤蜊", 38]],
}


def write_book(path: Path, sheets: dict[str, list[list[object]]]) -> Path:
    """An .xlsx at `path` with these sheets (name -> rows), in order."""
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        for row in rows:
            ws.append(row)
    wb.save(path)
    return path

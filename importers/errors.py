"""Errors and per-cell issues of the reading layer, each in Chinese and English."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


class ImportRefused(Exception):
    """A whole file (or sheet) cannot be imported; carries one plain sentence in zh and en.

    ``code`` is a stable machine-readable reason (``empty``, ``encrypted``, ``not_spreadsheet``,
    ``damaged``, ``too_large``, ``unsupported``, ``sheet_not_found``, ``no_table``, ...).
    """

    def __init__(
        self,
        code: str,
        message_zh: str,
        message_en: str,
        *,
        path: Path | str | None = None,
        sheet: str | None = None,
        row: int | None = None,
        column: str | None = None,
    ) -> None:
        super().__init__(message_en)
        self.code = code
        self.message_zh = message_zh
        self.message_en = message_en
        self.path = Path(path) if path is not None else None
        self.sheet = sheet
        self.row = row
        self.column = column

    def message(self, lang: str = "zh") -> str:
        """The sentence in ``lang`` ("zh" or "en")."""
        return self.message_zh if lang.startswith("zh") else self.message_en

    def __str__(self) -> str:
        return f"{self.message_zh} / {self.message_en}"


class CellError(Exception):
    """Raised by a value coercer for one bad cell; turned into an :class:`Issue` by the caller."""

    __slots__ = ("code", "fix_en", "fix_zh", "message_en", "message_zh")

    def __init__(self, code: str, message_zh: str, message_en: str, fix_zh: str, fix_en: str) -> None:
        super().__init__(message_en)
        self.code = code
        self.message_zh = message_zh
        self.message_en = message_en
        self.fix_zh = fix_zh
        self.fix_en = fix_en


@dataclass(frozen=True, slots=True)
class Issue:
    """A problem with one cell (or row): where it is, what is wrong and what to do.

    ``row`` is the row number as the spreadsheet shows it (1-based); ``column`` is the
    column letter ("A", "AB"); ``severity`` is "error" (the value was not taken) or
    "warning" (the value was taken but deserves a look); ``sheet`` names the sheet when a table
    was read from several (importers.table: sheets of the same list), else "".
    """

    row: int
    column: str
    header: str
    field: str | None
    code: str
    message_zh: str
    message_en: str
    fix_zh: str
    fix_en: str
    value: str = ""
    severity: str = "error"
    sheet: str = ""


def column_letter(index: int) -> str:
    """Spreadsheet column letter of a 0-based column index (0 -> "A", 27 -> "AB")."""
    letters = ""
    n = index + 1
    while n > 0:
        n, rem = divmod(n - 1, 26)
        letters = chr(65 + rem) + letters
    return letters

"""The note the wizard shows when a field the user gave one column was taken from others:
“Name” moved from column A to column C. Column A is now not imported."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from importers import ParsedTable
from importers.errors import column_letter
from ui.import_wizard import labels

# the words are the wizard's (translation context ImportWizard): this note is part of it


def field_of(table: ParsedTable, column: int) -> str | None:
    """The field a column of the file is imported as (side-by-side blocks share their first's)."""
    return table.mapping.get(table.block_column(column), (None, 0.0))[0]


def column_count(table: ParsedTable) -> int:
    """How many columns the table has, the mapped ones included."""
    return max(len(table.headers), max(table.mapping, default=-1) + 1)


def fields_before(table: ParsedTable) -> list[str | None]:
    """Each column's field, to compare with the table read after a change (`moved`)."""
    return [field_of(table, c) for c in range(column_count(table))]


def moved(field: str, column: int, before: list[str | None], table: ParsedTable) -> tuple[list[int], list[int], dict[int, str | None]] | None:
    """After `column` was given `field`: (the columns that lost it, the columns that gained it,
    what each column that lost it is now); None when none lost it or `column` did not get it."""
    if field_of(table, column) != field:
        return None
    after = [field_of(table, c) for c in range(max(len(before), column_count(table)))]
    was = before + [None] * (len(after) - len(before))
    lost = [c for c, (old, new) in enumerate(zip(was, after, strict=True)) if old == field and new != field]
    gained = [c for c, (old, new) in enumerate(zip(was, after, strict=True)) if old != field and new == field]
    if not lost:
        return None
    return lost, gained or [column], {c: after[c] for c in lost}


def letters(columns: list[int]) -> str:
    """Column letters as a list: "A, E and G" ("A、E、G" in Chinese)."""
    names = [column_letter(c) for c in columns]
    if labels.is_chinese():
        return "、".join(names)
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def moved_text(field: str, lost: list[int], gained: list[int], now: dict[int, str | None]) -> str:
    """The words for a field moved (in the current language): “Name” moved from columns A and
    E to columns C and G. Columns A and E are now not imported."""
    def columns(cols: list[int]) -> str:
        if len(cols) == 1:
            return QCoreApplication.translate("ImportWizard", "column {letter}").format(letter=letters(cols))
        return QCoreApplication.translate("ImportWizard", "columns {letters}").format(letters=letters(cols))

    text = QCoreApplication.translate("ImportWizard", "“{field}” moved from {old} to {new}.").format(
        field=labels.field_label(field), old=columns(lost), new=columns(gained))
    sep = "" if labels.is_chinese() else " "  # no space after a full-width 。
    for target in dict.fromkeys(now.values()):  # the columns that lost it, by what they are now
        cols = [c for c in lost if now[c] == target]
        names = letters(cols)
        if target is None:
            text += sep + (QCoreApplication.translate("ImportWizard", "Column {letter} is now not imported.").format(letter=names) if len(cols) == 1
                           else QCoreApplication.translate("ImportWizard", "Columns {letters} are now not imported.").format(letters=names))
        else:
            name = labels.field_label(target)
            text += sep + (QCoreApplication.translate("ImportWizard", "Column {letter} is now imported as “{field}”.").format(letter=names, field=name)
                           if len(cols) == 1 else
                           QCoreApplication.translate("ImportWizard", "Columns {letters} are now imported as “{field}”.").format(letters=names, field=name))
    return text

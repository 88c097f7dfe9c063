"""How much text calamine would copy out of an .xlsx shared-string table for one worksheet.

A cell ``<c t="s"><v>7</v></c>`` names string 7 of ``xl/sharedStrings.xml``; calamine (and then
Python) makes its own copy of that string for every such cell. A 50 KB file whose one string of
8 MB is named by 20,000 cells asks for 160 GB. :func:`shared_text_ok` bounds that text before
calamine reads the sheet: first cheaply (the longest string times the most cells the sheet part
can hold), and only when that bound is over :data:`MAX_SHARED_TEXT`, exactly (the lengths of the
strings the sheet's cells name, counted once per cell).

A string's length is taken as the bytes of XML from the end of the string before it to its own
end: never less than the text calamine reads from it.
"""

from __future__ import annotations

import re
import zipfile
from collections import Counter
from collections.abc import Callable, Iterator
from itertools import repeat
from pathlib import Path
from typing import Final, TypeAlias

Chunks: TypeAlias = Callable[[Path, zipfile.ZipInfo], Iterator[bytes | memoryview]]

MAX_SHARED_TEXT: Final = 128 << 20  # bytes of shared-string text one sheet may make calamine copy
_MIN_SHARED_CELL: Final = 21  # the shortest cell naming a shared string: <c t="s"><v>0</v></c>
_SST_NAME: Final = "xl/sharedstrings.xml"  # calamine's only place for it, in any letter case

# A string's value ends at its </si> (other spellings of the end, <x:si> or <si/>, are not split
# on: the pieces are then longer, never shorter). A "</si>" inside a comment, CDATA or processing
# instruction would cut a string short: such a table counts as one string of its whole size.
_END: Final = b"</si>"
# In a worksheet: the index of a cell whose last attribute is t="s" and whose <v> follows. Every
# other attribute of value "s" (t='s', <x:v>, ...) counts as naming the longest string.
_NAMED: Final = re.compile(rb'"s"><v>(\d{1,18})</v>')


def shared_text_ok(path: Path, infos: list[zipfile.ZipInfo], sheet: zipfile.ZipInfo, chunks: Chunks) -> bool:
    """True if the cells of worksheet part ``sheet`` name at most :data:`MAX_SHARED_TEXT` bytes
    of shared strings. ``chunks`` streams a member's XML in pieces that end on ``>``."""
    sst = max((i for i in infos if i.filename.lower() == _SST_NAME), key=lambda i: i.file_size, default=None)
    if sst is None or sst is sheet or sst.file_size == 0 or sheet.file_size == 0:
        return True
    most_cells = sheet.file_size // _MIN_SHARED_CELL + 1
    if sst.file_size * most_cells <= MAX_SHARED_TEXT:
        return True
    longest = _longest_string(path, sst, chunks)
    if longest * most_cells <= MAX_SHARED_TEXT:
        return True
    lengths = None if longest >= sst.file_size else _string_lengths(path, sst, chunks)
    return _named_text(path, sheet, chunks, lengths, longest) <= MAX_SHARED_TEXT


def _longest_string(path: Path, sst: zipfile.ZipInfo, chunks: Chunks) -> int:
    """An upper bound of the longest string's length (the part's size if it has odd markup)."""
    longest = run = 0
    first = True
    for buf in chunks(path, sst):
        data = bytes(buf)
        skip = data.find(b"?>") + 2 if first and data.startswith(b"<?xml") else 0  # the XML declaration
        first = False
        if _has_odd_markup(data, skip):
            return sst.file_size
        pieces = data.split(_END)
        if len(pieces) == 1:
            run += len(data)
            continue
        longest = max(longest, run + len(pieces[0]), max(map(len, pieces[1:-1]), default=0))
        run = len(pieces[-1])
    return max(longest, run)


def _has_odd_markup(data: bytes, start: int) -> bool:
    """True if ``data`` holds "<!" or "<?" from ``start`` on ('!' and '?' are looked for alone
    first: a one-byte search is several times faster than a two-byte one)."""
    for mark in (b"!", b"?"):
        at = data.find(mark, start)
        for _ in range(64):
            if at < 0:
                break
            if data[at - 1 : at] == b"<":
                return True
            at = data.find(mark, at + 1)
        else:
            if data.find(b"<" + mark, start) >= 0:
                return True
    return False


_PLAIN_STRING: Final = re.compile(rb"<si><(?:t[ >]|r>)")  # a string as Excel, WPS and LibreOffice write it


def _string_lengths(path: Path, sst: zipfile.ZipInfo, chunks: Chunks) -> list[int] | None:
    """The length bound of each string calamine keeps, in its order (its index in the cells);
    ``None`` unless every string is written plainly (<si><t>, <si><t ...> or <si><r>): with an
    empty, nested or otherwise spelled string the indexes cannot be told apart."""
    lengths: list[int] = []
    head = b""
    first = True
    for buf in chunks(path, sst):
        pieces = (head + bytes(buf)).split(_END)
        head = pieces.pop()  # goes on in the next chunk
        if first and pieces:
            at = pieces[0].find(b"<si")
            pieces[0] = pieces[0][max(at, 0) :]
            first = False
        if not all(map(_PLAIN_STRING.match, pieces)) or sum(map(bytes.count, pieces, repeat(b"<si"))) != len(pieces):
            return None
        lengths.extend(map(len, pieces))
        if len(head) > 1 << 24:  # a string this long is counted as the longest anyway
            return None
    return lengths


def _named_text(path: Path, sheet: zipfile.ZipInfo, chunks: Chunks, lengths: list[int] | None, longest: int) -> int:
    """The bytes of shared strings the cells of ``sheet`` name, each cell counted.

    A cell whose index is not plainly written (or with ``lengths`` unknown) counts as the
    longest string.
    """
    named: Counter[bytes] = Counter()
    other = 0  # attributes of value "s" not followed by a plain index
    carry = b""
    for buf in chunks(path, sheet):
        data = carry + bytes(buf)
        cut = data.rfind(b"c>") + 2  # after the last cell's end: a cell's <v> may be in the next chunk
        if cut < 2:
            cut = 0 if len(data) < 1 << 22 else len(data)
        other += _count_named(data[:cut], named)
        carry = data[cut:]
    other += _count_named(carry, named)
    total = other * longest
    for index, count in named.items():
        n = int(index)
        if lengths is None:
            total += count * longest
        elif n < len(lengths):  # an index past the table: calamine refuses the sheet
            total += count * lengths[n]
    return total


def _count_named(data: bytes, named: Counter[bytes]) -> int:
    """Count into ``named`` the plainly written indexes of ``data``; return how many other
    attributes of value "s" it holds."""
    found = _NAMED.findall(data)
    named.update(found)
    quoted = data.count(b"'s'") if data.find(b"'") >= 0 else 0  # a one-byte search first: ' is rare
    return data.count(b'"s"') + quoted - len(found)

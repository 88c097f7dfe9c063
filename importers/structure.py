"""Table structure: which sheet, which header row(s), merged cells, totals and note rows."""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Final

from importers.errors import column_letter
from importers.mapping import clean_header, known_header_score
from importers.readers import Cell, Merge, RawSheet, Row
from importers.values import clean_text

HEADER_SCAN_ROWS: Final = 60
MAX_PREAMBLE_ROWS: Final = 1_000  # one-cell lines above a header looked past (see _past_long_preamble)
MAX_HEADER_EXTRA_ROWS: Final = 3
MAX_LABEL_LEN: Final = 60

_NUMERIC_TEXT: Final = re.compile(
    r"^[-+(（]?\s*[¥￥$]?\s*[-+]?\d[\d,，]*(?:\.\d+)?\s*[)）]?\s*(?:元|%|％)?$"
    r"|^\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?(?:[\sT]+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$"
    r"|^\d{1,2}:\d{2}(?::\d{2})?$"
    r"|^\d(?:\.\d+)?[eE][+-]?\d+$"
)
_INSTRUCTION: Final = re.compile(r"必填|选填|请填写|请输入|请勿|示例|例如|例：|格式[:：]|填写说明|说明[:：]|注[:：]|注意")
# the sample row a template puts under its header ("示例：可口可乐", "（示例）", "例：3.50"): no product
_EXAMPLE: Final = re.compile(r"^[（(【\[]?\s*(?:示例|样例|范例|举例|例如|例\s*[:：]|e\.g\.|example\b)", re.IGNORECASE)
_NOTE_START: Final = ("#", "注", "备注：", "备注:", "说明", "*", "※", "以上", "---", "——", "温馨提示", "提示", "Note", "NOTE")
_TOTAL_EXACT: Final = frozenset(
    {"合计", "总计", "小计", "共计", "总额", "累计", "总和", "合计金额", "总金额", "总计金额", "合计数",
     "total", "totals", "subtotal", "sub-total", "grandtotal", "grand total", "sum", "合计：", "总计："}
)
_TOTAL_PREFIX: Final = ("合计", "总计", "小计", "共计", "本页合计", "本页小计", "累计")
_TOTAL_SUFFIX: Final = ("subtotal", "sub-total", "sub total", "total", "total:", "合计", "总计", "小计")
_TOTAL_FIRST: Final = frozenset("合总小共累本TtSsGg")
_TOTAL_FIRST_OR_SPACE: Final = _TOTAL_FIRST | frozenset(" \t\u3000\xa0")


def is_blank(v: Cell) -> bool:
    """True for an empty cell ("" or only spaces)."""
    return v == "" or (v.__class__ is str and not clean_text(v))


def is_total_label(v: str) -> bool:
    """True if a text cell is a totals label such as 合计, 总计, 小计, Total or 'ABC SUB-TOTAL'."""
    t = clean_text(v).lower().replace(" ", "").replace("\u3000", "").rstrip(":：")
    if not t or len(t) > 30:
        return False
    t2 = t.replace(" ", "")
    if t2 in _TOTAL_EXACT:
        return True
    if t2.startswith(_TOTAL_PREFIX) and len(t2) <= 12:
        return True
    return t2.endswith(_TOTAL_SUFFIX) and len(t2) <= 30 and not t2.endswith("totalprice")


def is_label(v: Cell) -> bool:
    """True if a cell could be a column header: short text that is not a number or date."""
    if v.__class__ is not str:
        return False
    s = clean_text(v)
    if not s or len(s) > MAX_LABEL_LEN:
        return False
    return not _NUMERIC_TEXT.match(s.replace(" ", ""))


@dataclass(slots=True)
class RowFeatures:
    """What header detection needs to know about one row."""

    index: int
    nonempty: int
    labels: int
    numbers: int
    known: float
    kv: int
    long_text: int
    width: int


_KNOWN_CACHE: dict[str, float] = {}
_KNOWN_CACHE_MAX: Final = 20_000


def _known_score(text: str) -> float:
    """:func:`known_header_score` of a label, memoised (data rows repeat the same words)."""
    score = _KNOWN_CACHE.get(text)
    if score is None:
        score = known_header_score(text)
        if len(_KNOWN_CACHE) >= _KNOWN_CACHE_MAX:
            _KNOWN_CACHE.clear()
        _KNOWN_CACHE[text] = score
    return score


def row_features(index: int, row: Row) -> RowFeatures:
    """Summarise a row for header scoring."""
    nonempty = labels = numbers = kv = long_text = 0
    known = 0.0
    width = 0
    for c, v in enumerate(row):
        if is_blank(v):
            continue
        nonempty += 1
        width = c + 1
        if is_label(v):
            labels += 1
            s = clean_text(v)  # type: ignore[arg-type]
            if s.endswith((":", "：")) or ("：" in s and not s.startswith("（")):
                kv += 1
            known += _known_score(v)  # type: ignore[arg-type]
        elif v.__class__ is str:
            s = clean_text(v)
            if len(s) > MAX_LABEL_LEN:
                long_text += 1
            else:
                numbers += 1
        else:
            numbers += 1
    return RowFeatures(index, nonempty, labels, numbers, known, kv, long_text, width)


def header_score(f: RowFeatures, table_width: int) -> float:
    """Score a row as the header: known words and short labels up, numbers and notes down."""
    if f.labels == 0:
        return -1.0
    score = 2.5 * f.known + 1.0 * f.labels - 1.5 * f.numbers - 1.5 * f.kv - 1.0 * f.long_text
    if f.nonempty == 1 and table_width > 1:
        score -= 2.0
    return score


@dataclass(slots=True)
class Structure:
    """Where the table is inside a sheet."""

    header_rows: list[int]  # 0-based absolute indexes; empty when the sheet has no header
    data_start: int  # 0-based index of the first row after the header
    width: int  # number of columns of the table
    headers: list[str]  # display names, one per column
    raw_headers: list[str]  # header text before cleaning (joined for multi-row headers)
    skipped: list[tuple[int, str]] = field(default_factory=list)  # (1-based row, reason) above data
    warnings: list[tuple[str, str]] = field(default_factory=list)
    quality: float = 0.0
    known: float = 0.0  # how many header cells are known column names (sum of confidences)


def _trimmed_len(row: Row) -> int:
    n = len(row)
    while n and is_blank(row[n - 1]):
        n -= 1
    return n


def table_width(rows: Sequence[Row], start: int = 0) -> int:
    """Used width of the table, from a sample of rows (trailing empty columns dropped)."""
    n = len(rows)
    idx = list(range(start, min(n, start + 300)))
    if n - start > 300:
        idx += list(range(max(start + 300, n - 100), n))
        step = max(1, (n - start) // 200)
        idx += list(range(start + 300, n - 100, step))
    width = 0
    for i in idx:
        r = rows[i]
        if len(r) > width:
            t = _trimmed_len(r)
            if t > width:
                width = t
    return width


def _merge_index(merged: list[Merge] | None) -> dict[tuple[int, int], Merge]:
    out: dict[tuple[int, int], Merge] = {}
    for m in merged or ():
        out[(m[0], m[1])] = m
    return out


def detect_structure(sheet: RawSheet) -> Structure:
    """Find the header row(s) of ``sheet`` (or decide it has none) and the data start."""
    rows = sheet.rows
    scan_end = min(len(rows), HEADER_SCAN_ROWS)
    first_nonblank = next((i for i in range(len(rows)) if _trimmed_len(rows[i])), len(rows))
    width = table_width(rows, first_nonblank)
    best: RowFeatures | None = None
    best_score = 0.0
    scored: list[tuple[RowFeatures, float]] = []
    for i in itertools.chain(range(scan_end), _past_long_preamble(rows, scan_end)):
        f = row_features(i, rows[i])
        if f.nonempty == 0:
            continue
        min_labels = 1 if width <= 1 else 2
        if f.labels < min_labels:
            continue
        if f.numbers > f.labels:
            continue
        s = header_score(f, width) + _contrast_bonus(rows, i)
        scored.append((f, s))
        if best is None or s > best_score:
            best, best_score = f, s
    if best is not None and best_score > 0:
        # The first row that is nearly as good as the best wins: headers come before data.
        for f, s in scored:
            if s >= 0.75 * best_score and f.known >= 0.5 * best.known:
                best, best_score = f, s
                break
        best = _label_row_above(rows, best, scored)
    skipped: list[tuple[int, str]] = []
    if best is not None and _nothing_below(rows, best.index) and any(
        _count_nonblank(rows[i]) >= 2 for i in range(best.index)
    ):
        best = None
    if best is None or (best.known == 0 and _looks_like_data_below(rows, best.index)):
        start = first_nonblank
        for i in range(start):
            skipped.append((i + 1, "blank"))
        headers = [f"列{column_letter(c)}" for c in range(width)]
        return Structure([], start, width, headers, headers, skipped,
                         [("没有找到表头行，已按列号（列A、列B…）读取，请确认每一列的含义。",
                           "No header row was found; columns are named by letter (Column A, B, ...), check what each one holds.")],
                         quality=0.0)
    h = best.index
    merges = sheet.merged or []
    while h > 0 and _is_group_row(rows[h - 1], rows[h], h - 1, merges):
        h -= 1
    block = [h]
    if h < best.index:
        block = list(range(h, best.index + 1))
    h_merges = [m for m in merges if m[0] in block and m[3] > m[1]]
    r = block[-1] + 1
    while r < len(rows) and len(block) <= MAX_HEADER_EXTRA_ROWS:
        row = rows[r]
        # A row that a merged header cell reaches down into belongs to the header band.
        covered = any(m[0] in block and m[0] < r <= m[2] for m in merges)
        if _trimmed_len(row) == 0:
            if covered:
                r += 1
                continue
            break
        in_band = covered and all(is_label(v) for v in row if not is_blank(v))
        if not in_band and not _is_subheader(row, rows[block[-1]], h_merges, width, rows, block):
            break
        block.append(r)
        h_merges += [m for m in merges if m[0] == r and m[3] > m[1]]
        r += 1
    data_start = block[-1] + 1
    # Skip empty rows covered by vertical header merges.
    while data_start < len(rows) and _trimmed_len(rows[data_start]) == 0 and any(
        m[0] in block and m[2] >= data_start for m in merges
    ):
        data_start += 1
    hwidth = max(width, max(_trimmed_len(rows[b]) for b in block))
    headers, raw = _compose_headers(rows, block, merges, hwidth)
    for i in range(h):
        skipped.append((i + 1, "title" if _trimmed_len(rows[i]) else "blank"))
    quality = best_score + (1.0 if data_start < len(rows) else 0.0)
    return Structure(block, data_start, hwidth, headers, raw, skipped, [], quality=quality, known=best.known)


def _label_row_above(rows: Sequence[Row], best: RowFeatures, scored: list[tuple[RowFeatures, float]]) -> RowFeatures:
    """Headers come before data: climb to the top of a run of equally complete label rows.

    In an all-text table the contrast bonus favours the last label row above the first numbers,
    so ``best`` may be a data row. A row directly above it (no blank row between) that holds only
    short labels, over at least the same columns and with no fewer known header words, is the
    header; a real title or instruction row above a header is narrower or says more than labels.
    """
    by_index = {f.index: f for f, _ in scored}
    while True:
        above = by_index.get(best.index - 1)
        if (
            above is None
            or above.labels != above.nonempty
            or above.kv
            or above.labels < best.labels
            or above.known < best.known
        ):
            return best
        upper, lower = rows[above.index], rows[best.index]
        if any(not is_blank(v) and (c >= len(upper) or is_blank(upper[c])) for c, v in enumerate(lower)):
            return best
        best = above


def _past_long_preamble(rows: Sequence[Row], scan_end: int) -> Iterator[int]:
    """The rows to look at for the header after the first :data:`HEADER_SCAN_ROWS`: only when
    those are all one-cell lines (a WeChat Pay or Alipay export whose notes run long; no header of
    two columns is among them), the :data:`HEADER_SCAN_ROWS` rows from the first line of two
    cells or more."""
    if len(rows) <= scan_end or any(_count_nonblank(rows[i]) > 1 for i in range(scan_end)):
        return
    end = min(len(rows), MAX_PREAMBLE_ROWS)
    first = next((i for i in range(scan_end, end) if _count_nonblank(rows[i]) > 1), None)
    if first is not None:
        yield from range(first, min(len(rows), first + HEADER_SCAN_ROWS))


def _count_nonblank(row: Row) -> int:
    return sum(1 for v in row if not is_blank(v))


def _nothing_below(rows: Sequence[Row], h: int) -> bool:
    return all(_count_nonblank(rows[i]) == 0 for i in range(h + 1, len(rows)))


def _contrast_bonus(rows: Sequence[Row], i: int) -> float:
    """Labels above columns of numbers or dates are a strong sign of a header row."""
    row = rows[i]
    below = [rows[j] for j in range(i + 1, min(len(rows), i + 6)) if _count_nonblank(rows[j])]
    if not below:
        return 0.0
    bonus = 0.0
    for c, v in enumerate(row):
        if not is_label(v):
            continue
        typed = sum(1 for r in below if c < len(r) and not is_blank(r[c]) and not is_label(r[c]))
        if typed * 2 > len(below):
            bonus += 0.5
    return bonus


def _is_group_row(row: Row, header: Row, index: int, merges: list[Merge]) -> bool:
    """True if ``row`` holds group labels for the header below it (a two-row header)."""
    cols = [c for c, v in enumerate(row) if not is_blank(v)]
    if not cols or not all(is_label(row[c]) for c in cols):
        return False
    row_merges = [m for m in merges if m[0] == index]
    horizontal = [m for m in row_merges if m[3] > m[1]]
    vertical = [m for m in row_merges if m[2] > m[0]]
    header_cols = {c for c, v in enumerate(header) if not is_blank(v)}
    if len(cols) < 2 and not vertical:
        return False
    groups_over_labels = any(any(m[1] <= c <= m[3] for c in header_cols) for m in horizontal if m[2] == m[0])
    fills_gaps = bool(vertical) and all(c not in header_cols for m in vertical for c in range(m[1], m[3] + 1))
    return groups_over_labels or (fills_gaps and bool(horizontal))


def _looks_like_data_below(rows: Sequence[Row], h: int) -> bool:
    """Without any known word, a 'header' whose next rows look just like it is really data."""
    below = [rows[i] for i in range(h + 1, min(len(rows), h + 6)) if _trimmed_len(rows[i])]
    if not below:
        return False
    head = rows[h]
    head_labels = sum(1 for v in head if is_label(v))
    same = 0
    for r in below:
        labels = sum(1 for v in r if is_label(v))
        if labels >= head_labels and labels > 0:
            same += 1
    return same == len(below) and head_labels > 0 and all(
        len(clean_text(v)) > 12 for v in head if is_label(v)  # type: ignore[arg-type]
    )


def _is_subheader(row: Row, prev: Row, h_merges: list[Merge], width: int, rows: Sequence[Row], block: list[int]) -> bool:
    cols = [c for c, v in enumerate(row) if not is_blank(v)]
    if not cols:
        return False
    if not all(is_label(row[c]) for c in cols):
        return False
    if len(cols) >= width and not h_merges:
        return False
    for c in cols:
        under_group = any(m[1] <= c <= m[3] for m in h_merges)
        prev_empty = c >= len(prev) or is_blank(prev[c])
        if not (under_group or prev_empty):
            return False
        # Outside a group, the whole column above must be empty (a sub-header fills a gap).
        if prev_empty and not under_group and any(c < len(rows[b]) and not is_blank(rows[b][c]) for b in block):
            return False
    return any(m[1] <= c <= m[3] for c in cols for m in h_merges) or len(cols) < width


def _compose_headers(rows: Sequence[Row], block: list[int], merges: list[Merge], width: int) -> tuple[list[str], list[str]]:
    grid: list[list[str]] = []
    for b in block:
        line = [clean_text(_as_text(rows[b][c])) if c < len(rows[b]) else "" for c in range(width)]
        grid.append(line)
    # Horizontal merges spread a group label over its sub-columns.
    for m in merges:
        r0, c0, _r1, c1 = m
        if r0 in block and c1 > c0:
            gi = block.index(r0)
            label = grid[gi][c0] if c0 < width else ""
            for c in range(c0, min(c1 + 1, width)):
                if not grid[gi][c]:
                    grid[gi][c] = label
    headers: list[str] = []
    raw: list[str] = []
    for c in range(width):
        parts: list[str] = []
        for gi in range(len(block)):
            p = grid[gi][c]
            if p and (not parts or parts[-1] != p):
                parts.append(p)
        raw.append(_join_parts(parts))
        name = _join_parts([x for x in (clean_header(p) for p in parts) if x])
        headers.append(name or f"列{column_letter(c)}")
    # Make duplicate names unique so the user can tell them apart (id, id -> id, id (2)).
    seen: dict[str, int] = {}
    for i, name in enumerate(headers):
        if name in seen:
            seen[name] += 1
            headers[i] = f"{name} ({seen[name]})"
        else:
            seen[name] = 1
    return headers, raw


def _join_parts(parts: list[str]) -> str:
    """Join stacked header texts with "/"; a bare unit such as "(%)" or "（元）" follows with a space."""
    out = ""
    for p in parts:
        if not out:
            out = p
        elif p[:1] in "(（" and p[-1:] in ")）":
            out += " " + p
        else:
            out += "/" + p
    return out


def _as_text(v: Cell) -> str:
    if v.__class__ is str:
        return v
    if isinstance(v, float) and v.is_integer() and abs(v) < 1e16:
        return str(int(v))
    if isinstance(v, dt.date | dt.time):
        return v.isoformat()
    return str(v)


def fill_vertical_merges(rows: list[Row], merged: list[Merge] | None, start: int, width: int | None = None) -> list[int]:
    """Copy each merged block's top-left value into the block (data rows only).

    Only merges that span more than one row are filled; a merge that spans only columns in a
    data row is a note or a layout choice and is left alone. Returns the rows whose single
    value is a wide horizontal merge (candidates for description rows). With ``width`` (the
    table's), a block is filled only within the table's columns.
    """
    wide: list[int] = []
    for r0, c0, r1, c1 in merged or ():
        if r0 < start or r0 >= len(rows):
            continue
        if width is not None and c1 >= width:
            # A merge reaching far past the table (C2:XFD20001) would pad every row it covers to
            # 16,384 cells: gigabytes from a few bytes of <mergeCell>.
            if c0 >= width and r1 > r0:
                continue  # wholly right of the table (a note merged down a band of rows): no column of it is read
            if c0 < width:
                c1 = width - 1
        if r1 == r0:
            if c1 - c0 >= 2:
                wide.append(r0)
            continue
        top = rows[r0]
        value = top[c0] if c0 < len(top) else ""
        if value == "":
            continue
        for r in range(r0, min(r1 + 1, len(rows))):
            row = rows[r]
            if len(row) <= c1:
                row.extend([""] * (c1 + 1 - len(row)))
            for c in range(c0, c1 + 1):
                if r == r0 and c == c0:
                    continue
                if row[c] == "":
                    row[c] = value if c == c0 or r > r0 else row[c]
    return wide


# How a shopkeeper marks a heading inside a list: "一、啤酒", "(二)海鲜", "1、凉菜", "【招牌菜】",
# "★ 特价", "凉菜：", "啤酒类", "海鲜系列".
_SECTION_MARK: Final = re.compile(
    r"^(?:[（(]?[一二三四五六七八九十百]+(?:[)）、.．:：]|\s+(?=\S))|[（(]\d{1,2}[)）]|\d{1,2}[、．.]\s*(?=\D)"
    r"|[【\[《<★☆●■◆▲※—─\-=~]+)")
_SECTION_END: Final = ("：", ":", "类", "系列", "】", "]", "》", ">", "—", "─", "-", "=", "~")
_SECTION_STRIP: Final = re.compile(r"^[\s★☆●■◆▲※【\[《<—─\-=~]+|[\s★☆●■◆▲※】\]》>：:—─\-=~]+$")
_RULE_CHARS: Final = "—─-=~"
_SIGN_OFF: Final = re.compile(r"^(?:记账|制表|核对|审核|复核|经手|签字|负责|收银|盘点|填表)[人员]?\s*[:：]")
_SIGN_OFF_FIRST: Final = frozenset("记制核审复经签负收盘填")
# a lone cell reading as a Chinese sentence is a note, not an item ("可口可乐,330ml" is a name)
_SENTENCE: Final = re.compile(r"[，。；！？=]")
# what shops call the groups of their lists: a lone one of these above priced rows is a heading
_CATEGORY_WORDS: Final = frozenset({
    "凉菜", "热菜", "主食", "酒水", "饮料", "饮品", "啤酒", "海鲜", "烧烤", "小吃", "汤", "汤类", "汤品", "甜品", "甜点", "面食", "素菜",
    "荤菜", "特色菜", "招牌菜", "家常菜", "炒菜", "凉拌菜", "主菜", "锅仔", "火锅", "酒类", "白酒", "红酒", "果汁", "茶饮", "冷饮", "熟食", "早餐",
    "套餐", "特价菜", "推荐菜", "时令菜", "水果", "零食", "日用品", "调味品", "粮油", "冷冻食品", "蔬菜", "肉类", "蛋类", "文具", "烟酒", "副食",
    "百货"
})


def is_group_name(text: str) -> bool:
    """Whether a sheet's (or heading's) name is what shops call a group of their list: 热菜, 啤酒,
    凉菜类, 酒水系列."""
    t = clean_text(text)
    if any(w in t for w in ("分类", "品类", "类别", "目录", "清单", "价目")):  # names the whole list
        return False
    return t in _CATEGORY_WORDS or (2 <= len(t) <= 8 and t.endswith(("类", "系列")))


def section_title(row: Row, wide_merge: bool, mapped: frozenset[int], next_row: Row | None) -> str | None:
    """The heading a row gives the rows below it ("一、啤酒" -> "啤酒"), or None if it is no heading.

    A heading is a single short text cell above a row with two or more filled cells, that spans
    the table (a wide merge), is marked as a heading (numbered "一、", bracketed, starred, ending
    in ：/类/系列), or sits in a column no field reads whose cell below is blank or a number (the
    序号 column: "二、海鲜" above 5). A lone name in the name column, unmarked, stays a product: it
    may just lack its price; so does a lone code in an ID column of codes ("E" above "F").
    """
    found: tuple[int, str] | None = None
    for i, v in enumerate(row):
        if v == "" or v is None:
            continue
        if found is not None or v.__class__ is not str:
            return None
        found = (i, v)
    if found is None or next_row is None or sum(1 for v in next_row if v != "" and v is not None) < 2:
        return None
    col, text = found[0], clean_text(found[1])
    wrapped = len(text) > 2 and text[0] in _RULE_CHARS and text[-1] in _RULE_CHARS  # "—— 主食 ——": a heading, not a note
    if not text or len(text) > 20 or (text.startswith(_NOTE_START) and not wrapped) or is_total_label(text) \
            or _NUMERIC_TEXT.match(text):
        return None
    marked = _SECTION_MARK.match(text) is not None or text.endswith(_SECTION_END) or text in _CATEGORY_WORDS
    if not (wide_merge or marked or (col not in mapped and _blank_or_number(next_row, col))):
        return None
    title = _SECTION_STRIP.sub("", _SECTION_MARK.sub("", text, count=1)).strip()
    return title if len(title) >= 2 or (marked and title) else None


def _blank_or_number(row: Row, col: int) -> bool:
    v = row[col] if col < len(row) else ""
    return v == "" or v is None or v.__class__ in (int, float) or (v.__class__ is str and bool(_NUMERIC_TEXT.match(v.strip())))


def classify_row(row: Row, header_row: Row | None, near_header: bool, wide_merge: bool) -> str | None:
    """Why a data-area row should be skipped ("blank", "totals", "description", "header") or None."""
    n = len(row)
    empties = 0
    # Fast path for ordinary data rows: with three or more filled cells and no instruction rows
    # to look for, only a totals label or a repeated header makes a row non-data. Three filled
    # leading cells decide that without counting the empty ones.
    full = not near_header and n > 2 and row[0] != "" and row[1] != "" and row[2] != ""
    if not full:
        empties = row.count("")
        if empties == n:
            return "blank"
        full = n - empties > 2 and not near_header
    if full:
        one_seen = False  # only the first two text cells can be a totals label (or a sign-off)
        for v in row:
            if v.__class__ is str and v:
                if v[0] in _TOTAL_FIRST_OR_SPACE and is_total_label(v):
                    return "totals"
                if not one_seen and v[0] in _SIGN_OFF_FIRST and _SIGN_OFF.match(v):
                    return "description"  # "记账人：小王 | 核对：老板娘 | 制表人：张三"
                if one_seen:
                    break
                one_seen = True
        if header_row is not None and row == header_row:
            return "header"
        return None
    seen = 0
    first: str | None = None
    for v in row:
        if v.__class__ is str and v != "":
            if v[0] in _TOTAL_FIRST_OR_SPACE and is_total_label(v):
                return "totals"
            if first is None:
                first = v
            seen += 1
            if seen == 2:
                break
    nonempty = n - empties
    if nonempty <= 2 and all(is_blank(v) for v in row):
        return "blank"
    if header_row is not None and row == header_row:
        return "header"
    if first is not None:
        first = first.strip()
        if nonempty == 1 and (wide_merge or first.startswith(_NOTE_START)):
            return "description"
        if _SIGN_OFF.match(first) or (nonempty == 1 and len(first) > 12 and _SENTENCE.search(first)):
            return "description"  # "记账人：小王 核对：老板娘"; "海鲜价格随行就市，以当天为准" under a menu
        if near_header:
            if _EXAMPLE.match(first):
                return "description"
            hits = sum(1 for v in row if v.__class__ is str and v and _INSTRUCTION.search(v))
            if hits and hits * 2 >= nonempty:
                return "description"
    return None

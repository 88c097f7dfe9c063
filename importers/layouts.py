"""Tables whose rows hold more than one item, as shopkeepers type menus and price lists.

- Side-by-side blocks: a menu typed in two or three columns, "菜名 价格 | 菜名 价格".
- A price column per spec: "菜名 | 小份 | 大份", "酒水 | 杯 | 扎 | 桶", "品名 | 330ml | 500ml".
- Several specs' prices in one cell: "小份28/大份38", "8元/杯 25元/扎", or 规格 "小/大" + 价格 "28/38".

Each finder returns what `importers.table` needs to cut a row into items; none applies to a
ledger or to a table without a name column.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any, Final

from importers.errors import CellError
from importers.mapping import ColumnMatch, normalize_header
from importers.readers import Cell, Row
from importers.values import is_empty, is_market_price, to_fen

# A header naming a size or serving: 小份 中杯 大碗 特大份 例 半只 整只 单人 双人 2人 四人份 330ml 1L
# 500g 8寸 扎 桶 打 S M L XL small large ...
_SPEC_LABEL: Final = re.compile(
    r"^(?:(?:特|超)?[小中大]|迷你|标准|例|半|整|单人?|双人?|[一二两三四五六七八九十\d]+人)"
    r"(?:份|杯|碗|盘|瓶|扎|桶|盒|碟|锅|只|条|斤|号|听|罐|人份)?$"
    r"|^\d+(?:\.\d+)?(?:ml|毫升|l|升|g|克|kg|千克|公斤|斤|两|寸|英寸|人份?|oz)$"
    r"|^(?:扎|杯|瓶|桶|听|罐|打|箱|small|medium|large|regular|xs|s|m|l|xl|xxl)$",
    re.IGNORECASE,
)


def side_by_side(headers: Sequence[str], mapping: dict[int, ColumnMatch],
                 field_of: Callable[[str], str | None] | None = None) -> list[int]:
    """How far the repeats of the mapped columns lie to their right ("菜名 价格 菜名 价格": [0, 2]),
    or [0]. A repeat has, over every mapped column, the same header or one `field_of` maps to the
    same field ("菜名 价格 品名 单价"), none of them mapped itself."""
    if not mapping or "name" not in {m.field for m in mapping.values()}:
        return [0]
    keys = [normalize_header(h) for h in headers]
    cols = sorted(mapping)
    first, n = cols[0], len(keys)

    def same(c: int, other: int) -> bool:
        if keys[other] == keys[c]:
            return True
        return field_of is not None and bool(keys[other]) and field_of(headers[other]) == mapping[c].field

    def repeats(shift: int) -> bool:
        return all(c + shift < n and keys[c] and same(c, c + shift) and c + shift not in mapping for c in cols)

    width = next((w for w in range(cols[-1] - first + 1, n - first) if repeats(w)), None)
    if width is None:
        return [0]
    shifts = [0]
    while repeats(shifts[-1] + width):
        shifts.append(shifts[-1] + width)
    return shifts


def spec_of_header(header: str) -> str:
    """The spec a price column's header names: the header itself ("小份"), or, under a price
    group of a two-row header ("价格" over "小份 | 大份", read as "价格/小份"), the part below it."""
    group, _slash, label = header.rpartition("/")
    return label.strip() if group and ("价" in group or "price" in group.lower()) else header


def spec_price_columns(headers: Sequence[str], mapping: dict[int, ColumnMatch], sample: Callable[[int], list[Cell]]) -> list[int]:
    """The columns that each hold the price of one spec, named by their header ("小份", "330ml") or
    under a price group ("价格/小份"), when neither a price nor a spec column is mapped (the price
    column may be the first spec's, under the group); [] otherwise."""
    fields = {m.field for m in mapping.values()}
    grouped = {c for c, m in mapping.items() if m.field == "price_fen" and spec_of_header(headers[c]) != headers[c]}
    if "name" not in fields or ("price_fen" in fields and not grouped) or "spec" in fields:
        return []
    found = []
    for c, header in enumerate(headers):
        label = spec_of_header(header)
        if (c in mapping and c not in grouped) or not _SPEC_LABEL.match(normalize_header(label)):
            continue
        if label != header:  # under a price group: a price column whatever its cells hold (their errors are said)
            found.append(c)
            continue
        cells = sample(c)
        if cells and sum(map(_price_like, cells)) * 4 >= len(cells) * 3:  # a typo here and there is the cell's error
            found.append(c)
    return found


def _price_like(v: Any) -> bool:
    if is_empty(v) or is_market_price(v):
        return True
    try:
        to_fen(v)
    except CellError:
        return False
    return True


def blank_row_cells(row: Row, cols: Sequence[int]) -> bool:
    """True if every one of these cells of `row` is empty."""
    n = len(row)
    return all(c >= n or is_empty(row[c]) for c in cols)


# Several specs' prices in one row: "小份28/大份38", "小份：28 大份：38", "例 38，半只 68" (spec then price),
# "8元/杯 25元/扎" (price per unit: the unit is the spec), "12元(小) 18元(大)" (spec in brackets after
# the price), or 规格 "小/大" beside 价格 "28/38".
_SEPARATORS: Final = re.compile(r"[\s/,，、;；|]+")
# a price keeps its sign ("大份-5" is a negative price, refused as one, not the spec "大份-")
# (a spec may be sold at the day's price: "小份28/大份时价")
_SPEC_THEN_PRICE: Final = re.compile(r"([^\d\s¥￥$/,，、;；|:：()（）.+\-−]{1,6})\s*[:：]?\s*(?:[¥￥$]?\s*([-−+]?\d+(?:\.\d+)?)\s*元?|(时价|時價))")
_PRICE_PER_UNIT: Final = re.compile(r"[¥￥$]?\s*([-−+]?\d+(?:\.\d+)?)\s*元?\s*/\s*([^\d\s/,，、;；|]{1,4})")
# "12元(小) 18元(大)", "12(小)/18(大)": price, then its spec in brackets
_PRICE_THEN_SPEC: Final = re.compile(r"[¥￥$]?\s*([-−+]?\d+(?:\.\d+)?)\s*元?\s*[(（]\s*([^()（）\d]{1,6}?)\s*[)）]")
_NUMBER: Final = re.compile(r"^[¥￥$]?\s*\d+(?:\.\d+)?\s*元?$")


def priced_specs(price: Cell, spec: Cell) -> list[tuple[str, str]] | None:
    """The (spec, price) pairs a row lists in its price cell (and spec cell), or None when it
    holds one price (the common case, decided without a regex for numbers)."""
    if price.__class__ is not str:
        return None
    text = str(price).strip()
    if not text or _NUMBER.match(text):
        return None
    for pattern, spec_first in ((_SPEC_THEN_PRICE, True), (_PRICE_PER_UNIT, False), (_PRICE_THEN_SPEC, False)):
        found = pattern.findall(text)
        if len(found) >= 2 and not _SEPARATORS.sub("", pattern.sub("", text)):
            return [(m[0].strip(), m[1] or m[2]) if spec_first else (m[1].strip(), m[0]) for m in found]
    if spec.__class__ is str:
        specs, prices = _SEPARATORS.split(str(spec).strip()), _SEPARATORS.split(text)
        if len(specs) == len(prices) >= 2 and all(specs) and all(_NUMBER.match(p) for p in prices):
            return list(zip(specs, prices, strict=True))
    return None

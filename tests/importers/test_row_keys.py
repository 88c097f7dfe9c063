"""Row keys: the raw cells as bytes, equal exactly when the cells are."""

from __future__ import annotations

import datetime as dt

from importers.row_keys import row_key, row_keys


def test_row_keys_tell_values_and_types_apart() -> None:
    assert row_key(["a", 1, 2.5, True, None]) == row_key(["a", 1, 2.5, True, None])
    keys = {row_key(["a", v]) for v in (1, 1.0, True, "1", dt.date(2024, 3, 1), dt.datetime(2024, 3, 1))}
    assert len(keys) == 6
    assert row_key(["a", dt.time(12, 30)]) != row_key(["a", dt.time(12, 31)])


def test_many_rows_at_once_match_one_by_one() -> None:
    plain = [["青岛啤酒", 6.0, "瓶"], ["崂山可乐", 3, None]]
    assert row_keys(plain) == [row_key(r) for r in plain]
    dated = [*plain, ["流水", dt.datetime(2024, 3, 1, 12, 0)]]  # a date: not marshal's, handled row by row
    assert row_keys(dated) == [row_key(r) for r in dated] and len(set(row_keys(dated))) == 3

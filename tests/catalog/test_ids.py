"""Record ids: UUIDv7, unique and in creation order, one at a time or in bulk."""

from __future__ import annotations

import uuid
from itertools import islice

from catalog.models import id_stream, new_id, new_ids


def test_ids_are_uuid7_unique_and_ordered_across_both_makers() -> None:
    ids = [new_id(), *new_ids(5000), new_id(), *islice(id_stream(700), 2000), new_id(), *new_ids(1)]
    assert len(set(ids)) == len(ids)
    assert ids == sorted(ids)  # time-ordered: B-tree inserts stay at the right edge
    for text in ids[::97]:
        u = uuid.UUID(text)
        assert str(u) == text and u.version == 7 and u.variant == uuid.RFC_4122


def test_more_than_4096_ids_in_one_millisecond_borrow_the_next() -> None:
    ids = new_ids(20_000)  # made within a few ms: the 12-bit counter overflows several times
    stamps = [uuid.UUID(i).int >> 80 for i in ids]
    assert stamps == sorted(stamps) and len(set(ids)) == 20_000
    assert new_ids(0) == []

"""Shared fixtures: Qt offscreen, a temp data dir that never touches the real one."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from catalog.store import Store

os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own PORTDESK_DATA_DIR so nothing touches the user's real data."""
    d = tmp_path_factory.mktemp("portdesk-data")
    monkeypatch.setenv("PORTDESK_DATA_DIR", str(d))
    return d


@pytest.fixture
def data_dir(_isolated_data_dir: Path) -> Path:
    """The temp data dir of this test."""
    return _isolated_data_dir


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    """A fresh shop database in a real SQLite file."""
    s = Store.open(tmp_path / "shop.sqlite")
    try:
        yield s
    finally:
        s.close()


@pytest.fixture
def shop(store: Store) -> Store:
    """A shop database filled with the demo restaurant (catalog.demo)."""
    from catalog.demo import load_demo

    load_demo(store)
    return store

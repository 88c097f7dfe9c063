"""Fixtures of the desktop tests: the CLI's log handler is closed after each test."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from desktop import logs


@pytest.fixture(autouse=True)
def _close_log_handler() -> Iterator[None]:
    yield
    logs.shutdown()

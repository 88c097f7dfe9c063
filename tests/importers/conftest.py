"""Fixtures for the importer tests: the local test data and a one-sentence checker."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"


@pytest.fixture
def data() -> Path:
    """Folder of small real spreadsheets copied from the corpus (see data/MANIFEST.tsv)."""
    return DATA


def _one_sentence(zh: str, en: str) -> bool:
    zh_ok = zh.endswith("。") and zh.count("。") == 1 and "\n" not in zh and len(zh) > 8
    en_ok = en.endswith(".") and ". " not in en[:-1] and "\n" not in en and len(en) > 12
    return zh_ok and en_ok


@pytest.fixture
def one_sentence() -> Callable[[str, str], bool]:
    """Checker: both messages are exactly one sentence (one full stop, at the end)."""
    return _one_sentence

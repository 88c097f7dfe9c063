"""Fixtures for the menus tests: the sample beer-street restaurant and the real poppler
and zbar command-line tools that check the PDFs we write."""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from menus.model import Menu, Shop, Table
from menus.samples import sample_menu, sample_shop, sample_tables

TOOLS = ("pdftoppm", "pdftotext", "pdffonts", "zbarimg")


@pytest.fixture(scope="session", autouse=True)
def _tools_present() -> None:
    missing = [t for t in TOOLS if shutil.which(t) is None]
    if missing:
        pytest.fail(f"missing tools {missing}: apt-get install poppler-utils zbar-tools", pytrace=False)


@pytest.fixture
def shop() -> Shop:
    """A Dengzhou Road restaurant that has never connected (local id in URLs)."""
    return sample_shop()


@pytest.fixture
def menu() -> Menu:
    """Its summer menu: specs, member prices, spicy, allergens, sold out, a 40-char name."""
    return sample_menu()


@pytest.fixture
def tables() -> list[Table]:
    """Three tables, hall and terrace."""
    t = sample_tables()
    return [t[0], t[1], t[6]]


def _run(*args: str) -> str:
    return subprocess.run(args, check=True, capture_output=True, text=True, timeout=120).stdout


@pytest.fixture
def pdf_text() -> Callable[[Path], str]:
    """pdftotext -raw of a PDF (content-stream order: wrapped lines stay together)."""
    return lambda pdf: _run("pdftotext", "-raw", "-enc", "UTF-8", str(pdf), "-")


@pytest.fixture
def pdf_fonts() -> Callable[[Path], list[dict[str, str]]]:
    """The rows of `pdffonts` as dicts with name, type and emb."""

    def fonts(pdf: Path) -> list[dict[str, str]]:
        lines = _run("pdffonts", str(pdf)).splitlines()[2:]
        rows = []
        for line in lines:
            # name type... encoding emb sub uni id gen: parse from the right, the type has spaces
            parts = line.split()
            rows.append({"name": parts[0], "emb": parts[-5], "sub": parts[-4], "type": " ".join(parts[1:-6])})
        return rows

    return fonts


@pytest.fixture
def decode_qr(tmp_path: Path) -> Callable[[Path], list[list[str]]]:
    """Rasterise every page at 150 dpi with pdftoppm and decode every QR code with zbarimg.

    Returns one sorted list of decoded strings per page.
    """

    def decode(pdf: Path) -> list[list[str]]:
        prefix = tmp_path / f"{pdf.stem}-page"
        _run("pdftoppm", "-r", "150", "-png", str(pdf), str(prefix))
        pages = sorted(
            tmp_path.glob(f"{pdf.stem}-page-*.png"), key=lambda p: int(re.findall(r"-(\d+)\.png$", p.name)[0])
        )
        out = []
        for png in pages:
            result = subprocess.run(
                ["zbarimg", "--raw", "-q", "-Sdisable", "-Sqrcode.enable", str(png)],
                capture_output=True,
                text=True,
            )
            assert result.returncode in (0, 4), result.stderr  # 4: no symbol found
            out.append(sorted(line for line in result.stdout.splitlines() if line))
        return out

    return decode

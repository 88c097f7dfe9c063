"""Image bytes stored by content hash (sha256): the same photo twice is stored once."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

from catalog.db import transaction

MAX_IMAGE_BYTES = 10 * 1024 * 1024

_MAGIC = ((b"\x89PNG\r\n\x1a\n", "image/png"), (b"\xff\xd8\xff", "image/jpeg"), (b"GIF8", "image/gif"))


class MediaError(ValueError):
    """An image that cannot be stored, with a plain reason."""


def sniff_mime(data: bytes) -> str:
    """The image type from its first bytes (PNG, JPEG, GIF, WebP); raises MediaError otherwise."""
    for magic, mime in _MAGIC:
        if data.startswith(magic):
            return mime
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    raise MediaError("不是支持的图片格式（PNG/JPEG/GIF/WebP）/ Not a supported image (PNG, JPEG, GIF or WebP)")


class Media:
    """Repository of image bytes over one connection."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def add(self, data: bytes, *, width: int | None = None, height: int | None = None) -> str:
        """Store image bytes (once per content) and return their sha256 hex digest."""
        if len(data) > MAX_IMAGE_BYTES:
            raise MediaError("图片超过 10 MB，请先缩小 / The image is over 10 MB; please make it smaller")
        mime = sniff_mime(data)
        digest = hashlib.sha256(data).hexdigest()
        with transaction(self.conn):
            self.conn.execute(
                "INSERT INTO media (sha256, mime, width, height, data) VALUES (?, ?, ?, ?, ?)"
                " ON CONFLICT (sha256) DO NOTHING",
                (digest, mime, width, height, data),
            )
        return digest

    def get(self, sha256: str) -> bytes | None:
        """The bytes of an image, or None when not stored."""
        row = self.conn.execute("SELECT data FROM media WHERE sha256 = ?", (sha256,)).fetchone()
        return None if row is None else bytes(row[0])

    def mime(self, sha256: str) -> str | None:
        """The MIME type of a stored image."""
        row = self.conn.execute("SELECT mime FROM media WHERE sha256 = ?", (sha256,)).fetchone()
        return None if row is None else str(row[0])


def read_media(db: Path, sha256: str) -> bytes | None:
    """The bytes of a stored image, read through a connection of its own (for a thread other
    than the one that owns the store's); None when not stored or unreadable."""
    try:
        conn = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        return None
    try:
        row = conn.execute("SELECT data FROM media WHERE sha256 = ?", (sha256,)).fetchone()
    except sqlite3.Error:
        return None
    finally:
        conn.close()
    return None if row is None else bytes(row[0])

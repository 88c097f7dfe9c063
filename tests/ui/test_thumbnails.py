"""Thumbnails are read and decoded on a background thread and arrive by signal."""

from __future__ import annotations

import threading

from PySide6.QtGui import QImage

from tests.workbooks import png
from ui.thumbnails import Previews, Thumbnails


def test_a_thumbnail_is_decoded_in_the_background_then_kept(qtbot: object) -> None:
    thumbs = Thumbnails(20)
    readers: list[int] = []

    def read() -> bytes:
        readers.append(threading.get_ident())
        return png("red", (400, 200), fmt="JPEG")

    with qtbot.waitSignal(thumbs.sig_ready, timeout=5000) as arrived:  # type: ignore[attr-defined]
        placeholder = thumbs.get("a", read)
    assert arrived.args == ["a"] and placeholder is not None and placeholder.height() == 20
    picture = thumbs.get("a", read)
    assert picture is not None and (picture.width(), picture.height()) == (40, 20)
    assert picture.toImage().pixelColor(10, 10).red() > 200
    assert readers and readers[0] != threading.get_ident()  # never on the UI thread
    assert len(readers) == 1  # read once, then kept


def test_an_unreadable_picture_has_no_thumbnail(qtbot: object) -> None:
    thumbs = Thumbnails(20)

    def broken() -> bytes:
        raise OSError("gone")

    for key, read in (("gone", broken), ("junk", lambda: b"not a picture"), ("none", lambda: None)):
        with qtbot.waitSignal(thumbs.sig_ready, timeout=5000):  # type: ignore[attr-defined]
            thumbs.get(key, read)
        assert thumbs.get(key, read) is None
    thumbs.wait()


def test_only_the_last_pictures_are_kept(qtbot: object) -> None:
    thumbs = Thumbnails(10, kept=2)
    for key in ("a", "b", "c"):
        with qtbot.waitSignal(thumbs.sig_ready, timeout=5000):  # type: ignore[attr-defined]
            thumbs.get(key, lambda: png("blue"))
    calls: list[str] = []

    def read_again() -> bytes:
        calls.append("a")
        return png("blue")

    with qtbot.waitSignal(thumbs.sig_ready, timeout=5000):  # type: ignore[attr-defined]
        thumbs.get("a", read_again)
    assert calls == ["a"]  # "a" was dropped for "c", so it is read again


def test_boxed_thumbnails_are_all_one_size_with_the_picture_centred(qtbot: object) -> None:
    thumbs = Thumbnails(20, width=30)
    for key, size in (("tall", (50, 100)), ("wide", (300, 50))):
        with qtbot.waitSignal(thumbs.sig_ready, timeout=5000):  # type: ignore[attr-defined]
            thumbs.get(key, lambda size=size: png("red", size))
        image = thumbs.get(key, lambda: None).toImage()  # type: ignore[union-attr]
        assert (image.width(), image.height()) == (30, 20) == (thumbs.placeholder.width(), thumbs.placeholder.height())
        assert image.pixelColor(15, 10).red() == 255
    tall = thumbs.get("tall", lambda: None).toImage()  # type: ignore[union-attr]
    assert tall.pixelColor(2, 10).alpha() == 0  # 10 px wide in a 30 px box: blank at the sides
    wide = thumbs.get("wide", lambda: None).toImage()  # type: ignore[union-attr]
    assert wide.pixelColor(15, 1).alpha() == 0  # 30 x 5 once fitted: blank above and below


def test_going_away_drops_the_pictures_not_started(qtbot: object) -> None:
    import time

    from shiboken6 import Shiboken

    thumbs = Thumbnails(20)
    started: list[str] = []

    def slow(key: str) -> bytes:
        started.append(key)
        time.sleep(0.05)
        return png("red")

    for i in range(40):  # 2 s of work queued, as a quick scroll through a sheet of photos asks
        thumbs.get(str(i), lambda i=i: slow(str(i)))
    t = time.perf_counter()
    Shiboken.delete(thumbs)  # a window closed meanwhile
    assert time.perf_counter() - t < 0.5 and len(started) < 5


def _phone_photo(width: int = 400, height: int = 200, orientation: int = 6) -> bytes:
    """A JPEG stored `width` x `height` (left half red, right half blue) whose EXIF says how to turn
    it: 6 is a phone held upright, which stores the picture on its side."""
    from io import BytesIO

    from PIL import Image

    image = Image.new("RGB", (width, height), "red")
    image.paste(Image.new("RGB", (width // 2, height), "blue"), (width // 2, 0))
    exif = Image.Exif()
    exif[0x0112] = orientation
    buffer = BytesIO()
    image.save(buffer, "JPEG", exif=exif)
    return buffer.getvalue()


def test_a_phone_photo_stands_up_as_its_exif_says(qtbot: object) -> None:
    thumbs = Thumbnails(40)
    with qtbot.waitSignal(thumbs.sig_ready, timeout=5000):  # type: ignore[attr-defined]
        thumbs.get("phone", _phone_photo)
    picture = thumbs.get("phone", _phone_photo)
    assert picture is not None and (picture.width(), picture.height()) == (20, 40)  # taller than wide
    image = picture.toImage()
    # turned a quarter clockwise: the stored left (red) is now the top, the right (blue) the bottom
    assert image.pixelColor(10, 5).red() > 200 and image.pixelColor(10, 5).blue() < 60
    assert image.pixelColor(10, 35).blue() > 200 and image.pixelColor(10, 35).red() < 60


def test_a_phone_photo_in_a_box_stands_up_too(qtbot: object) -> None:
    thumbs = Thumbnails(20, width=30)  # the product list's photos
    with qtbot.waitSignal(thumbs.sig_ready, timeout=5000):  # type: ignore[attr-defined]
        thumbs.get("phone", _phone_photo)
    image = thumbs.get("phone", _phone_photo).toImage()  # type: ignore[union-attr]
    assert (image.width(), image.height()) == (30, 20)
    assert image.pixelColor(15, 2).red() > 200 and image.pixelColor(15, 17).blue() > 200
    assert image.pixelColor(5, 10).alpha() == 0  # 10 px wide, centred: blank at the sides


def _preview_image(previews: Previews, key: str) -> QImage:
    import base64

    preview = previews.get(key, lambda: None)
    assert preview is not None and preview.url.startswith("data:image/png;base64,")
    image = QImage.fromData(base64.b64decode(preview.url.split(",", 1)[1]), "PNG")
    assert (image.width(), image.height()) == (preview.width, preview.height)  # a screen of ratio 1
    return image


def test_a_tooltip_preview_fits_its_longer_side_never_grows_and_stands_up(qtbot: object) -> None:
    previews = Previews(240)
    readers: list[int] = []

    def wide() -> bytes:
        readers.append(threading.get_ident())
        return png("red", (900, 150))

    pictures = {"wide": wide, "tall": lambda: png("blue", (120, 600)), "small": lambda: png("red", (40, 30)),
                "phone": lambda: _phone_photo(800, 400)}
    for key, read in pictures.items():
        with qtbot.waitSignal(previews.sig_ready, timeout=5000):  # type: ignore[attr-defined]
            assert previews.get(key, read) is None  # not ready yet: asked for
    assert readers and readers[0] != threading.get_ident()  # never on the UI thread
    sizes = {key: (_preview_image(previews, key).width(), _preview_image(previews, key).height()) for key in pictures}
    assert sizes == {"wide": (240, 40), "tall": (48, 240), "small": (40, 30), "phone": (120, 240)}
    phone = _preview_image(previews, "phone")
    assert phone.pixelColor(60, 20).red() > 200 and phone.pixelColor(60, 220).blue() > 200  # turned upright
    assert previews.get("wide", wide) is not None and len(readers) == 1  # kept


def test_only_a_few_previews_are_kept_and_a_broken_picture_is_not_read_again(qtbot: object) -> None:
    previews = Previews(240, kept=2)
    calls: list[str] = []

    def read(key: str) -> bytes:
        calls.append(key)
        return png("red", (300, 300)) if key != "broken" else b"not a picture"

    for key in ("a", "b", "c", "broken"):
        with qtbot.waitSignal(previews.sig_ready, timeout=5000):  # type: ignore[attr-defined]
            previews.get(key, lambda key=key: read(key))
    assert previews.get("broken", lambda: read("broken")) is None and previews.get("c", lambda: read("c")) is not None
    assert calls == ["a", "b", "c", "broken"]  # both known: nothing read again
    with qtbot.waitSignal(previews.sig_ready, timeout=5000):  # type: ignore[attr-defined]
        assert previews.get("a", lambda: read("a")) is None  # "a" was dropped for the later ones
    assert calls[-1] == "a"


def test_a_preview_for_a_high_dpi_screen_has_the_pixels_to_be_sharp(qtbot: object) -> None:
    import base64

    previews = Previews(240, ratio=2.0)
    for key, size in (("wide", (900, 150)), ("small", (40, 30))):
        with qtbot.waitSignal(previews.sig_ready, timeout=5000):  # type: ignore[attr-defined]
            previews.get(key, lambda size=size: png("red", size))
    wide, small = previews.get("wide", lambda: None), previews.get("small", lambda: None)
    assert wide is not None and small is not None
    assert (wide.width, wide.height) == (240, 40) and 'width="240" height="40"' in wide.html()  # logical pixels
    assert QImage.fromData(base64.b64decode(wide.url.split(",", 1)[1]), "PNG").width() == 480  # device pixels
    assert (small.width, small.height) == (40, 30)  # never enlarged

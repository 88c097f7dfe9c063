"""Benchmark: a products sheet with a camera photo in every row, through the import wizard and the
product list, offscreen, while a 10 ms heartbeat on the UI thread measures the longest UI stall.

    python bench/bench_photos_gui.py [--rows N] [--keep DIR]

Phases (each: the longest heartbeat gap and whether it stays under 100 ms, the goal of issue 3):
  read+plan   the wizard reads the sheet, hashes and measures every picture, plans (worker);
  preview     the preview is scrolled page by page through every row: each page's thumbnails
              are decoded (in the background) and painted;
  apply       Import: the photos are stored with their products (worker);
  list        the main window's product list is scrolled page by page through every product:
              each page's photos are read from the database and decoded (in the background).
Photos are 1600 x 1200 JPEGs (~0.5 MB each, a phone photo as Excel compresses it), each distinct.
"""

from __future__ import annotations

import argparse
import io
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")

# a sibling script: Python puts this folder first on the path when it runs a script from it
from bench_import_gui import GOAL_MS, Heartbeat, bench_files, run_until, start_ui


def photo(i: int) -> bytes:
    """A distinct 1600 x 1200 JPEG with some texture (flat colours would compress to nothing)."""
    from PIL import Image, ImageDraw

    image = Image.effect_noise((400, 300), 40).convert("RGB").resize((1600, 1200))
    draw = ImageDraw.Draw(image)
    draw.rectangle((100 + i % 700, 100, 900 + i % 700, 900), fill=(40 + i % 200, 120, 200 - i % 150))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=80)
    return out.getvalue()


def make_file(path: Path, rows: int) -> None:
    """A products sheet: name, price, and a photo floating over each row's 图片 cell."""
    import openpyxl
    from openpyxl.drawing.image import Image as SheetImage

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "商品"
    ws.append(["商品名称", "售价", "图片"])
    for i in range(rows):
        ws.append([f"青岛特产{i}", 10 + i % 90, None])
        picture = SheetImage(io.BytesIO(photo(i)))
        picture.width, picture.height = 80, 60  # shown small over its cell, as shops size them
        ws.add_image(picture, f"C{i + 2}")
        ws.row_dimensions[i + 2].height = 48
    wb.save(path)


def pause(seconds: float) -> None:
    """Let the event loop run for `seconds`, as an idle app's would."""
    until = time.perf_counter() + seconds
    run_until(lambda: time.perf_counter() >= until, seconds + 5)


def page_through(view: object, beat_label: str, results: list[tuple[str, float]], beat: Heartbeat,
                 thumbnails_idle: object) -> None:
    """Scroll `view` a page at a time to its end, letting each page's thumbnails arrive and paint."""
    bar = view.verticalScrollBar()  # type: ignore[attr-defined]
    t = time.perf_counter()
    bar.setValue(0)
    while True:
        pause(0.15)  # a user's pace: the page paints, its photos arrive
        if bar.value() >= bar.maximum():
            break
        bar.setValue(bar.value() + bar.pageStep())
    thumbnails_idle()  # type: ignore[operator]
    pause(0.1)
    results.append((beat_label, max((g[1] for g in beat.between(t, time.perf_counter())), default=0.0)))


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print its figures."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--rows", type=int, default=300)
    parser.add_argument("--keep", type=Path, help="keep the generated file and database in this folder")
    args = parser.parse_args(argv)

    start_ui()
    from catalog.store import Store
    from ui.import_wizard import ImportWizard
    from ui.main_window import MainWindow
    from ui.settings import AppSettings

    xlsx, db = bench_files(args.keep, f"带图商品-{args.rows}.xlsx", lambda path: make_file(path, args.rows))
    folder = db.parent
    sys.setswitchinterval(0.001)  # as the app sets it
    print(f"load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")

    beat = Heartbeat()
    beat.start()
    results: list[tuple[str, float]] = []
    t0 = time.perf_counter()
    wizard = ImportWizard(db, xlsx)
    wizard.resize(1100, 720)
    wizard.show()
    run_until(lambda: wizard.read_result is not None or wizard.choose_page.error.isVisible(), 600)
    run_until(lambda: not wizard.runner.busy, 60)
    read_s = time.perf_counter() - t0
    results.append(("read+plan", max((g[1] for g in beat.between(t0, time.perf_counter())), default=0.0)))
    if wizard.plan is None or wizard.plan.pictures != args.rows:
        print("the preview does not give every row its photo:", None if wizard.plan is None else wizard.plan.pictures)
        wizard.shutdown()
        return 1
    page_through(wizard.view, "preview", results, beat, wizard.model.thumbnails.wait)

    t = time.perf_counter()
    wizard.import_button.click()
    run_until(lambda: wizard.applied is not None or wizard.message_note.isVisible(), 600)
    run_until(lambda: not wizard.runner.busy, 60)
    apply_s = time.perf_counter() - t
    results.append(("apply", max((g[1] for g in beat.between(t, time.perf_counter())), default=0.0)))
    wizard.shutdown()
    wizard.close()

    store = Store.open(db)
    window = MainWindow(store, folder, AppSettings.load(folder))
    window.resize(1200, 760)
    window.show()
    run_until(lambda: not window.runner.busy, 60)
    page_through(window.table, "list", results, beat, window.model.photos.wait)
    beat.stop()
    stored = store.conn.execute("SELECT count(*) FROM product_images").fetchone()[0]
    window.close()
    store.close()

    print(f"read+plan {read_s:.1f} s, apply {apply_s:.1f} s; {stored} photos stored")
    ok = True
    for label, worst in results:
        good = worst <= GOAL_MS
        ok &= good
        print(f"{label:10s} worst UI stall {worst:6.1f} ms  (goal <= {GOAL_MS:.0f} ms) {'OK' if good else 'SLOW'}")
    return 0 if ok and stored == args.rows else 1


if __name__ == "__main__":
    raise SystemExit(main())

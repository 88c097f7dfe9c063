"""Refresh the translation files: pyside6-lupdate → .ts, fill English from the source, pyside6-lrelease → .qm.

    python resources/translations/update.py          # after changing user-visible strings
    python resources/translations/update.py --check  # exit 1 when a .ts is unfinished

Chinese translations are edited in the .ts (Qt Linguist, or by hand); lupdate keeps them.
Source strings are English, so the English file only needs its plural forms (%n) filled.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
LANGS = ("zh_CN", "en")
SOURCE_DIRS = ("ui",)
SOURCE_FILES = ("desktop/gui.py",)


def tool(name: str) -> str:
    """The path of a Qt tool next to the running Python, else on PATH."""
    local = Path(sys.executable).parent / name
    if local.exists():
        return str(local)
    found = shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found: install PySide6")
    return found


def sources() -> list[str]:
    """Every Python file whose strings are translated."""
    files = [str(p.relative_to(ROOT)) for d in SOURCE_DIRS for p in sorted((ROOT / d).rglob("*.py"))]
    return files + list(SOURCE_FILES)


def ts_path(lang: str) -> Path:
    """The .ts file of a language."""
    return HERE / f"portdesk_{lang}.ts"


def unfinished(ts: Path) -> list[str]:
    """Source texts of a .ts that still lack a finished translation (obsolete entries ignored)."""
    missing = []
    for message in ET.parse(ts).getroot().iter("message"):
        translation = message.find("translation")
        if translation is None:
            continue
        kind = translation.get("type")
        if kind in ("obsolete", "vanished"):
            continue
        forms = translation.findall("numerusform")
        empty = not any((f.text or "").strip() for f in forms) if forms else not (translation.text or "").strip()
        if kind == "unfinished" or empty:
            missing.append(message.findtext("source") or "")
    return missing


def fill_english(ts: Path) -> None:
    """English is the source language: copy each source into its translation (plural forms too)."""
    tree = ET.parse(ts)
    for message in tree.getroot().iter("message"):
        translation = message.find("translation")
        if translation is None or translation.get("type") in ("obsolete", "vanished"):
            continue
        source = message.findtext("source") or ""
        if message.get("numerus") == "yes":
            for f in list(translation):
                translation.remove(f)
            singular = source.replace("(s)", "")
            plural = source.replace("(s)", "s")
            for text in (singular, plural):
                ET.SubElement(translation, "numerusform").text = text
            translation.text = None
        else:
            translation.text = source
        translation.attrib.pop("type", None)
    tree.write(ts, encoding="utf-8", xml_declaration=True)


def update() -> None:
    """Run lupdate for every language, fill English, compile every .qm."""
    files = sources()
    for lang in LANGS:
        ts = ts_path(lang)
        command = [tool("pyside6-lupdate"), *files, "-no-obsolete", "-source-language", "en",
                   "-target-language", lang, "-ts", str(ts)]
        subprocess.run(command, cwd=ROOT, check=True)
        if lang == "en":
            fill_english(ts)
            subprocess.run(command, cwd=ROOT, check=True)  # back to lupdate's own layout
    release()


def release() -> None:
    """Compile every .ts into its .qm."""
    for lang in LANGS:
        ts = ts_path(lang)
        subprocess.run([tool("pyside6-lrelease"), str(ts), "-qm", str(ts.with_suffix(".qm"))], check=True)


def main() -> int:
    """Update (default), compile only (--release) or check (--check) the translations."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--check", action="store_true", help="only report unfinished translations")
    parser.add_argument("--release", action="store_true", help="only compile .ts to .qm")
    args = parser.parse_args()
    if args.check:
        bad = {lang: unfinished(ts_path(lang)) for lang in LANGS}
        for lang, texts in bad.items():
            for text in texts:
                print(f"{lang}: unfinished: {text!r}")
        return 1 if any(bad.values()) else 0
    if args.release:
        release()
    else:
        update()
    return 0


if __name__ == "__main__":
    sys.exit(main())

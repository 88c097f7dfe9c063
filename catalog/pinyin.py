"""Fast pinyin keys for search: full pinyin and initials of a name (`青岛啤酒` → qingdaopijiu, qdpj).

pypinyin's phrase-aware `lazy_pinyin` costs ~45 µs a name, too slow for a 100,000-row import, so
we look characters up in pypinyin's own dictionaries and use its phrase table only to settle
characters with several readings (银行 → yin hang, 长城 → chang cheng).

The rules, character by character: a character in pypinyin's dictionary gives its first toneless
reading and that reading's first letter; any other character gives itself lower-cased, and counts
as an initial only if it is alphanumeric (`500ml青岛` → initials `500mlqd`); whitespace is left
out of both. A character with several readings takes its reading in a two-character word of the
phrase table: the word ending with it if there is one, else the word starting with it.

How it is fast (a bulk import converts 100,000 names, and asks twice for each):
- The rules are two `str.translate` tables, so a text is converted at C speed. Only the ~300
  characters that some two-character word reads unlike their first reading need their
  neighbours looked at; one precompiled character class finds them.
- No phrase contains an ASCII character, so a name splits exactly around ASCII: an import's
  names repeat their words and differ in a number (青岛啤酒500ml7, 青岛啤酒500ml8), so the part
  before the trailing digits, and each non-ASCII run of it, is cached (bounded); the last name's
  keys are remembered too (products.save asks for the sort key, then search.document() again).
- What the tables are made of is derived from pypinyin's dictionaries once, by
  `python -m catalog.pinyin --write`, into pinyin_tables.json (600 KB; a test checks it against
  the installed pypinyin). At run time that file is read on first use: ~45 ms and ~16 MB, where
  deriving it costs ~0.3 s, ~48 MB and an ~80 ms GIL hold parsing pypinyin's 2.5 MB phrase table.
"""

from __future__ import annotations

import importlib
import importlib.resources
import importlib.util
import json
import re
import string
import threading
import unicodedata
from functools import cache
from pathlib import Path
from typing import Any, NamedTuple

_U_UMLAUT = str.maketrans({c: "v" for c in "üǖǘǚǜ"})
_CACHE_SIZE = 1 << 15  # texts whose keys are kept (~7 MB when full)


@cache
def _toneless(syllable: str) -> str:
    decomposed = unicodedata.normalize("NFD", unicodedata.normalize("NFC", syllable).translate(_U_UMLAUT))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _readings(raw: str) -> tuple[str, ...]:
    """The distinct toneless readings of a pinyin_dict entry ("háng,xíng,hàng" → hang, xing), in order."""
    return tuple(dict.fromkeys(_toneless(r) for r in raw.split(",")))


class _FullTable(dict[int, "str | None"]):
    """`str.translate` table for the full pinyin; characters outside the dictionary are added on first sight."""

    __slots__ = ()

    def __missing__(self, code: int) -> str | None:
        low = chr(code).lower()
        value = None if low.isspace() else low
        self[code] = value
        return value


class _InitialsTable(dict[int, "str | None"]):
    """`str.translate` table for the initials; characters outside the dictionary are added on first sight."""

    __slots__ = ()

    def __missing__(self, code: int) -> str | None:
        ch = chr(code)
        value = ch.lower() if ch.isalnum() else None
        self[code] = value
        return value


class _Tables(NamedTuple):
    full: _FullTable
    initials: _InitialsTable
    contextual: re.Pattern[str]  # a character that a two-character word reads unlike its first reading
    after: dict[str, str]  # two-character word → reading of its contextual second character
    before: dict[str, str]  # two-character word → reading of its contextual first character
    digits: str  # 0-9, "" if pypinyin gave ASCII a reading (then names never split)
    has_ascii: re.Pattern[str]
    runs: re.Pattern[str]  # a run of ASCII characters or a run of other characters


_tables: _Tables | None = None
_lock = threading.Lock()
_last: tuple[str, tuple[str, str]] = ("", ("", ""))  # the last name asked for and its keys
_seen: dict[str, tuple[str, str]] = {}  # recent texts (name heads, non-ASCII runs) → their keys


def _unlike(reading: str, first: str) -> str:
    return "" if reading in ("", first) else reading


def _pypinyin_dict(module: str, name: str) -> dict[Any, Any]:
    """One of pypinyin's data dictionaries, read without importing the pypinyin package
    (which also loads its converter and trains its word segmenter)."""
    found = importlib.util.find_spec("pypinyin")
    for folder in (found.submodule_search_locations or []) if found else []:
        path = Path(folder) / f"{module}.py"
        spec = importlib.util.spec_from_file_location(f"_portdesk_{module}", path)
        if path.is_file() and spec is not None and spec.loader is not None:
            data = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(data)
            return dict(getattr(data, name))
    return dict(getattr(importlib.import_module(f"pypinyin.{module}"), name))


def table_data() -> dict[str, Any]:
    """What the tables are made of, derived from pypinyin's dictionaries (the slow part, ~0.3 s and
    two JSON documents of 3 MB): each character's first toneless reading, the characters whose
    reading depends on a neighbour, the two-character words that settle them, and whether names
    may be split at ASCII. `python -m catalog.pinyin --write` stores it in pinyin_tables.json."""
    pinyin_dict = _pypinyin_dict("pinyin_dict", "pinyin_dict")
    phrases_dict = _pypinyin_dict("phrases_dict", "phrases_dict")
    readings: dict[str, str] = {}
    first: dict[str, str] = {}  # characters with several readings → their first reading
    for code, raw in sorted(pinyin_dict.items()):
        if not raw:
            continue
        found = _readings(raw)
        readings[chr(code)] = found[0]
        if len(found) > 1:
            first[chr(code)] = found[0]
    words = [(w, p) for w, p in sorted(phrases_dict.items()) if len(w) == 2 and len(p) >= 2 and p[0] and p[1]]
    contextual = {
        ch for w, p in words for ch, r in zip(w, p[:2], strict=True) if ch in first and _toneless(r[0]) not in ("", first[ch])
    }
    return {
        "readings": readings,
        "contextual": "".join(sorted(contextual)),
        # a word's reading of its contextual character, "" when that is the first reading anyway
        "after": {w: _unlike(_toneless(p[1][0]), first[w[1]]) for w, p in words if w[1] in contextual},
        "before": {w: _unlike(_toneless(p[0][0]), first[w[0]]) for w, p in words if w[0] in contextual},
        # should pypinyin ever give ASCII a reading, names would no longer split at ASCII runs
        "split_ascii": not (any(c < 128 for c in pinyin_dict) or any(c.isascii() for w, _ in words for c in w)),
    }


_DATA_FILE = "pinyin_tables.json"


def _shipped_data() -> dict[str, Any] | None:
    try:
        text = (importlib.resources.files(__package__ or "catalog") / _DATA_FILE).read_text(encoding="utf-8")
    except (FileNotFoundError, OSError):
        return None
    data: dict[str, Any] = json.loads(text)
    return data


def _build(data: dict[str, Any] | None = None) -> _Tables:
    """The tables, from `data` (default: the shipped file, else pypinyin's dictionaries)."""
    if data is None:
        data = _shipped_data() or table_data()
    full, initials = _FullTable(), _InitialsTable()
    for ch, reading in data["readings"].items():
        full[ord(ch)] = None if reading.isspace() else reading
        initials[ord(ch)] = reading[0]
    contextual = data["contextual"]
    pattern = "[" + "".join(re.escape(c) for c in contextual) + "]" if contextual else "(?!)"
    if not data["split_ascii"]:
        return _Tables(full, initials, re.compile(pattern), data["after"], data["before"], "", re.compile("(?!)"),
                       re.compile(".+", re.S))
    return _Tables(
        full, initials, re.compile(pattern), data["after"], data["before"],
        string.digits, re.compile(r"[\x00-\x7f]"), re.compile(r"[\x00-\x7f]+|[^\x00-\x7f]+"),
    )


def _load() -> _Tables:
    global _tables
    with _lock:
        if _tables is None:
            _tables = _build()
        return _tables


def _convert(text: str, t: _Tables) -> tuple[str, str]:
    """Keys of any text by the tables, settling contextual characters by their neighbours."""
    m = t.contextual.search(text)
    if m is None:
        return text.translate(t.full), text.translate(t.initials)
    full: list[str] = []
    initials: list[str] = []
    done = 0  # text[:done] is converted
    while m is not None:
        i = m.start()
        reading = t.after.get(text[i - 1 : i + 1]) if i else None
        if reading is None:
            reading = t.before.get(text[i : i + 2])
        if reading:  # not its first reading
            part = text[done:i]
            full.append(part.translate(t.full))
            initials.append(part.translate(t.initials))
            if not reading.isspace():
                full.append(reading)
            initials.append(reading[0])
            done = i + 1
        m = t.contextual.search(text, i + 1)
    if not done:
        return text.translate(t.full), text.translate(t.initials)
    rest = text[done:]
    full.append(rest.translate(t.full))
    initials.append(rest.translate(t.initials))
    return "".join(full), "".join(initials)


def _cached(text: str, found: tuple[str, str]) -> tuple[str, str]:
    if len(_seen) >= _CACHE_SIZE:
        _seen.clear()
    _seen[text] = found
    return found


def _ascii_keys(run: str, t: _Tables) -> tuple[str, str]:
    if run.isalnum():
        low = run.lower()
        return low, low
    return run.translate(t.full), run.translate(t.initials)


def _text_keys(text: str, t: _Tables) -> tuple[str, str]:
    """Keys of any text: runs of ASCII need no table, other runs are converted once and cached."""
    if not t.has_ascii.search(text):
        return _cached(text, _convert(text, t))
    full: list[str] = []
    initials: list[str] = []
    for run in t.runs.findall(text):
        if run[0] < "\x80":
            f, i = _ascii_keys(run, t)
        else:
            f, i = _seen.get(run) or _cached(run, _convert(run, t))
        full.append(f)
        initials.append(i)
    return _cached(text, ("".join(full), "".join(initials)))


def keys(name: str) -> tuple[str, str]:
    """(full pinyin, initials) of a name, both lower-case without spaces or tones.

    Letters and digits count as their own initials, so `500ml青岛` gives initials `500mlqd`.
    Thread-safe; the first call loads pypinyin's dictionaries (~0.4 s).
    """
    global _last
    last = _last
    if last[0] == name:
        return last[1]
    t = _tables or _load()
    # the trailing digits are their own pinyin and initials; the head is most often cached
    head = name.rstrip(t.digits)
    found = _seen.get(head) or _text_keys(head, t)
    if len(head) < len(name):
        digits = name[len(head) :]
        found = found[0] + digits, found[1] + digits
    _last = name, found
    return found


def main(argv: list[str] | None = None) -> int:
    """`python -m catalog.pinyin --write` stores the tables made from pypinyin; `--check` compares."""
    import argparse

    parser = argparse.ArgumentParser(description="Write or check catalog/pinyin_tables.json.")
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--write", action="store_true", help="store the tables made from pypinyin's dictionaries")
    group.add_argument("--check", action="store_true", help="exit 1 if the stored tables are out of date")
    args = parser.parse_args(argv)
    path = Path(__file__).with_name(_DATA_FILE)
    text = json.dumps(table_data(), ensure_ascii=False, separators=(",", ":"), sort_keys=True) + "\n"
    if args.write:
        path.write_text(text, encoding="utf-8")
        return 0
    same = path.is_file() and path.read_text(encoding="utf-8") == text
    print(f"{path.name}: {'up to date' if same else 'out of date: run python -m catalog.pinyin --write'}")
    return 0 if same else 1


if __name__ == "__main__":
    raise SystemExit(main())

"""Fast pinyin keys for search: full pinyin and initials of a name (`青岛啤酒` → qingdaopijiu, qdpj).

pypinyin's phrase-aware `lazy_pinyin` costs ~45 µs a name, too slow for a 100,000-row import, so
we look characters up in pypinyin's own dictionaries and use its phrase table only to settle
characters with several readings (银行 → yin hang, 长城 → chang cheng).
"""

from __future__ import annotations

import unicodedata
from functools import cache, lru_cache

from pypinyin.phrases_dict import phrases_dict
from pypinyin.pinyin_dict import pinyin_dict

_U_UMLAUT = str.maketrans({c: "v" for c in "üǖǘǚǜ"})


def _toneless(syllable: str) -> str:
    decomposed = unicodedata.normalize("NFD", unicodedata.normalize("NFC", syllable).translate(_U_UMLAUT))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@cache
def _readings(char: str) -> tuple[str, ...]:
    raw = pinyin_dict.get(ord(char))
    if not raw:
        return ()
    seen: dict[str, None] = {}
    for r in raw.split(","):
        seen[_toneless(r)] = None
    return tuple(seen)


def _phrase_reading(name: str, i: int) -> str | None:
    """The reading of name[i] inside a two-character word of pypinyin's phrase table, if any."""
    for start in (i - 1, i):
        if start < 0 or start + 2 > len(name):
            continue
        phrase = phrases_dict.get(name[start : start + 2])
        if phrase:
            return _toneless(phrase[i - start][0])
    return None


def _char_info(ch: str) -> tuple[str, str, bool]:
    """(first reading or the lower-cased char, initial or '' for non-alphanumerics, has several readings)."""
    info = _CHARS.get(ch)
    if info is None:
        readings = _readings(ch)
        if readings:
            info = (readings[0], readings[0][0], len(readings) > 1)
        else:
            low = ch.lower()
            info = (low, low if ch.isalnum() else "", False)
        _CHARS[ch] = info
    return info


_CHARS: dict[str, tuple[str, str, bool]] = {}


@lru_cache(maxsize=65536)
def keys(name: str) -> tuple[str, str]:
    """(full pinyin, initials) of a name, both lower-case without spaces or tones.

    Runs of Latin letters or digits count as one "syllable" for the initials, so
    `500ml青岛` gives initials `500mlqd`.
    """
    full: list[str] = []
    initials: list[str] = []
    for i, ch in enumerate(name):
        reading, initial, several = _char_info(ch)
        if several:
            reading = _phrase_reading(name, i) or reading
            initial = reading[0]
        if not reading.isspace():
            full.append(reading)
        initials.append(initial)
    return "".join(full), "".join(initials)

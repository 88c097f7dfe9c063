"""Pinyin keys for a bulk import: catalog.pinyin.keys() and search.document() on 100,000 distinct
names, against the previous per-character algorithm (kept below as the baseline), in the same run
(goal: >= 5x on names shaped like an import's). Also the import cost of catalog.pinyin, whose
pypinyin dictionaries now load on first use.

    python bench/bench_pinyin.py [--n 100000] [--rounds 3]

Each round starts with empty caches (the baseline's lru_cache and character cache, the new
module's run cache), so every round pays what a fresh import of n rows pays.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import time
import unicodedata
from collections.abc import Callable, Iterable
from functools import cache, lru_cache

from pypinyin.phrases_dict import phrases_dict
from pypinyin.pinyin_dict import pinyin_dict

from catalog import pinyin, search

GOAL = 5.0

# ---- the baseline: catalog/pinyin.py before this change, one Python step per character ----

_U_UMLAUT = str.maketrans({c: "v" for c in "üǖǘǚǜ"})


def _old_toneless(syllable: str) -> str:
    decomposed = unicodedata.normalize("NFD", unicodedata.normalize("NFC", syllable).translate(_U_UMLAUT))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@cache
def _old_readings(char: str) -> tuple[str, ...]:
    raw = pinyin_dict.get(ord(char))
    if not raw:
        return ()
    seen: dict[str, None] = {}
    for r in raw.split(","):
        seen[_old_toneless(r)] = None
    return tuple(seen)


def _old_phrase_reading(name: str, i: int) -> str | None:
    for start in (i - 1, i):
        if start < 0 or start + 2 > len(name):
            continue
        phrase = phrases_dict.get(name[start : start + 2])
        if phrase:
            return _old_toneless(phrase[i - start][0])
    return None


_OLD_CHARS: dict[str, tuple[str, str, bool]] = {}


def _old_char_info(ch: str) -> tuple[str, str, bool]:
    info = _OLD_CHARS.get(ch)
    if info is None:
        readings = _old_readings(ch)
        if readings:
            info = (readings[0], readings[0][0], len(readings) > 1)
        else:
            low = ch.lower()
            info = (low, low if ch.isalnum() else "", False)
        _OLD_CHARS[ch] = info
    return info


@lru_cache(maxsize=65536)
def old_keys(name: str) -> tuple[str, str]:
    """The previous catalog.pinyin.keys()."""
    full: list[str] = []
    initials: list[str] = []
    for i, ch in enumerate(name):
        reading, initial, several = _old_char_info(ch)
        if several:
            reading = _old_phrase_reading(name, i) or reading
            initial = reading[0]
        if not reading.isspace():
            full.append(reading)
        initials.append(initial)
    return "".join(full), "".join(initials)


def old_document(name: str, spec_parts: Iterable[str]) -> str:
    """The previous catalog.search.document()."""
    full, initials = old_keys(name)
    return " ".join([name.lower(), full, initials, *(p.lower() for p in spec_parts if p)]).replace("\n", " ")


def _reset_old() -> None:
    old_keys.cache_clear()
    _OLD_CHARS.clear()


def _reset_new() -> None:
    pinyin._seen.clear()
    pinyin._last = ("", ("", ""))


# ---- names ----

_BRANDS = ["青岛", "崂山", "雪花", "燕京", "百威", "哈尔滨", "珠江", "农夫山泉", "康师傅", "蒙牛", "长城", "重庆"]
_THINGS = ["啤酒", "原浆", "纯生", "可乐", "矿泉水", "商品", "花生", "蛤蜊", "大虾", "鲅鱼水饺", "干红", "小面",
           "红烧牛肉面", "纯牛奶", "银行卡套", "数据线", "辣炒蛤蜊", "乐事薯片"]
_SPECS = ["", "500ml", "330ml", "1L", "2.5L", "Type-C ", " 250ml*12", "6罐装", "大份", "一斤"]
_UNITS = ["瓶", "盒", "袋", "箱"]


def import_names(n: int, seed: int = 7) -> list[str]:
    """Names like 商品123, 青岛啤酒500ml7, 崂山矿泉水330ml12: words repeat, the tail is unique."""
    rnd = random.Random(seed)
    return [f"{rnd.choice(_BRANDS)}{rnd.choice(_THINGS)}{rnd.choice(_SPECS)}{i}" for i in range(n)]


def unit_names(n: int, seed: int = 8) -> list[str]:
    """The same with a unit after the number (青岛啤酒500ml7瓶): the name ends with Chinese."""
    rnd = random.Random(seed)
    return [f"{rnd.choice(_BRANDS)}{rnd.choice(_THINGS)}{rnd.choice(_SPECS)}{i}{rnd.choice(_UNITS)}" for i in range(n)]


def word_names(n: int, seed: int = 9) -> list[str]:
    """No Chinese repeated: 1-3 random words of pypinyin's phrase table each (half of them with a
    character read by its neighbour), then a number."""
    rnd = random.Random(seed)
    words = sorted(w for w in phrases_dict if len(w) == 2)
    return ["".join(rnd.choices(words, k=rnd.randint(1, 3))) + str(i) for i in range(n)]


def random_han_names(n: int, seed: int = 10) -> list[str]:
    """Worst case: 2-8 characters drawn evenly from the 20,000 of the CJK block, rare ones included
    (every lookup misses the CPU caches), then a number."""
    rnd = random.Random(seed)
    han = [chr(c) for c in range(0x4E00, 0x9FA6) if c in pinyin_dict]
    return ["".join(rnd.choices(han, k=rnd.randint(2, 8))) + str(i) for i in range(n)]


# ---- timing ----


def _time(reset: Callable[[], None], work: Callable[[], object]) -> float:
    reset()
    t = time.process_time()
    work()
    return time.process_time() - t


def _compare(label: str, names: list[str], rounds: int) -> float:
    keys = pinyin.keys
    _reset_old()
    _reset_new()
    wrong = [n for n in names if keys(n) != old_keys(n)]
    assert not wrong, f"different keys for {wrong[:5]}"
    olds: list[float] = []
    news: list[float] = []
    for _ in range(rounds):  # interleaved, so both see the same machine noise
        olds.append(_time(_reset_old, lambda: [old_keys(n) for n in names]))
        news.append(_time(_reset_new, lambda: [keys(n) for n in names]))
    ratio = min(olds) / min(news)
    print(f"keys()      {label:34s} old {_fmt(olds)}  new {_fmt(news)}  {ratio:4.1f}x")
    return ratio


def _compare_import(label: str, names: list[str], rounds: int) -> float:
    """What products.save_many does per row: keys(name)[0] for the sort key, then document()."""
    parts = [("500ml", f"SKU{i:06d}", f"69{i:011d}") for i in range(len(names))]
    new_doc, keys = search.document, pinyin.keys
    assert all(new_doc(n, p) == old_document(n, p) for n, p in zip(names, parts, strict=True))
    olds: list[float] = []
    news: list[float] = []
    for _ in range(rounds):
        olds.append(_time(_reset_old, lambda: [(old_keys(n)[0], old_document(n, p)) for n, p in zip(names, parts, strict=True)]))
        news.append(_time(_reset_new, lambda: [(keys(n)[0], new_doc(n, p)) for n, p in zip(names, parts, strict=True)]))
    ratio = min(olds) / min(news)
    print(f"+document() {label:34s} old {_fmt(olds)}  new {_fmt(news)}  {ratio:4.1f}x")
    return ratio


def _fmt(times: list[float]) -> str:
    return "/".join(f"{t:.3f}" for t in times) + " s"


_CHILD = """
import json, resource, sys, time
def rss():
    try:
        with open("/proc/self/status") as f:
            return next(int(line.split()[1]) for line in f if line.startswith("VmRSS")) / 1024
    except OSError:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
r0, t0 = rss(), time.perf_counter()
import catalog.pinyin
r1, t1 = rss(), time.perf_counter()
catalog.pinyin.keys("青岛啤酒")
r2, t2 = rss(), time.perf_counter()
print(json.dumps({"import_s": t1 - t0, "import_mb": r1 - r0, "first_s": t2 - t1, "first_mb": r2 - r1}))
"""


def _startup() -> None:
    try:
        out = subprocess.run([sys.executable, "-c", _CHILD], capture_output=True, text=True, check=True, timeout=60)
    except (subprocess.SubprocessError, OSError) as e:  # e.g. no /proc and no resource module
        print(f"start-up cost not measured: {e}")
        return
    f = json.loads(out.stdout)
    print(f"import catalog.pinyin: {f['import_s'] * 1000:.0f} ms, +{f['import_mb']:.0f} MB RSS; "
          f"first keys() (loads pypinyin): {f['first_s'] * 1000:.0f} ms, +{f['first_mb']:.0f} MB RSS")


def main() -> int:
    """Print old-vs-new times for each kind of name and the start-up cost."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--n", type=int, default=100_000)
    ap.add_argument("--rounds", type=int, default=5)
    args = ap.parse_args()
    pinyin.keys("预热")  # load the dictionaries outside the timings (the baseline loaded them at import)
    old_keys("预热")
    print(f"{args.n} distinct names, {args.rounds} rounds each (seconds per round), ratio = best old / best new")
    goal = _compare("商品123 青岛啤酒500ml7 (import)", import_names(args.n), args.rounds)
    _compare("青岛啤酒500ml7瓶 (unit at the end)", unit_names(args.n), args.rounds)
    _compare("distinct phrase-table words", word_names(args.n), args.rounds)
    _compare("random CJK characters (worst case)", random_han_names(args.n), args.rounds)
    _compare_import("商品123 青岛啤酒500ml7 (import)", import_names(args.n), args.rounds)
    _startup()
    print(f"import-shaped names: {goal:.1f}x (goal >= {GOAL:.0f}x) {'OK' if goal >= GOAL else 'SLOW'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

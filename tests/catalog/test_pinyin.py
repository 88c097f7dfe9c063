"""Pinyin keys: real outputs, the fast path against a plain per-character reference, lazy loading."""

from __future__ import annotations

import random
import subprocess
import sys
import threading
import unicodedata
from functools import cache
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pypinyin.phrases_dict import phrases_dict
from pypinyin.pinyin_dict import pinyin_dict

from catalog import pinyin
from catalog.pinyin import keys
from catalog.search import document

ROOT = Path(__file__).resolve().parents[2]

# ---- the reference: the rules of catalog/pinyin.py, one character at a time ----


def _toneless(syllable: str) -> str:
    syllable = unicodedata.normalize("NFC", syllable).translate(str.maketrans(dict.fromkeys("üǖǘǚǜ", "v")))
    return "".join(c for c in unicodedata.normalize("NFD", syllable) if not unicodedata.combining(c))


@cache
def _readings(ch: str) -> list[str]:
    raw = pinyin_dict.get(ord(ch))
    return list(dict.fromkeys(_toneless(r) for r in raw.split(","))) if raw else []


def reference_keys(name: str) -> tuple[str, str]:
    full, initials = "", ""
    for i, ch in enumerate(name):
        readings = _readings(ch)
        if not readings:
            reading = ch.lower()
            initial = reading if ch.isalnum() else ""
        else:
            reading = readings[0]
            if len(readings) > 1:  # a two-character word settles it: the one ending here first
                for start in (i - 1, i):
                    word = phrases_dict.get(name[start : start + 2]) if start >= 0 and start + 2 <= len(name) else None
                    if word:
                        reading = _toneless(word[i - start][0]) or reading
                        break
            initial = reading[0]
        if not reading.isspace():
            full += reading
        initials += initial
    return full, initials


# ---- real outputs ----


@pytest.mark.parametrize(
    ("name", "full", "initials"),
    [
        ("青岛啤酒", "qingdaopijiu", "qdpj"),
        ("银行", "yinhang", "yh"),  # 行 is hang in 银行, not its first reading xing
        ("银行卡套", "yinhangkatao", "yhkt"),
        ("长城", "changcheng", "cc"),
        ("长城干红", "changchengganhong", "ccgh"),
        ("行长", "hangzhang", "hz"),
        ("银行长城", "yinhangzhangcheng", "yhzc"),  # 行长 comes first: the rules are pypinyin's words, not a parser
        ("重庆小面", "chongqingxiaomian", "cqxm"),
        ("音乐", "yinyue", "yy"),
        ("快乐", "kuaile", "kl"),
        ("会计", "kuaiji", "kj"),
        ("一会计", "yihuiji", "yhj"),  # the word ending with 会 (一会) wins over 会计
        ("〇", "ling", "l"),
        ("500ml青岛", "500mlqingdao", "500mlqd"),
        ("青岛啤酒500ml7", "qingdaopijiu500ml7", "qdpj500ml7"),
        ("商品123", "shangpin123", "sp123"),
        ("崂山矿泉水330ml12", "laoshankuangquanshui330ml12", "lskqs330ml12"),
        ("123", "123", "123"),
        ("", "", ""),
    ],
)
def test_keys(name: str, full: str, initials: str) -> None:
    assert keys(name) == (full, initials)
    assert keys(name) == (full, initials)  # again, from the caches


@pytest.mark.parametrize(
    ("name", "full", "initials"),
    [
        ("Type-C 数据线", "type-cshujuxian", "typecsjx"),  # punctuation stays in the full key only
        ("A-1/B_2*3.5L", "a-1/b_2*3.5l", "a1b235l"),
        ("青岛\u3000啤酒\t 500ML\n", "qingdaopijiu500ml", "qdpj500ml"),  # every kind of whitespace goes
        ("\u200b啤酒\xa0", "\u200bpijiu", "pj"),  # a zero-width space is not whitespace
        ("ＡＢＣ１２３（大份）", "ａｂｃ１２３（dafen）", "ａｂｃ１２３df"),  # full-width stays full-width
        ("🍺啤酒！", "🍺pijiu！", "pj"),
        ("İ青", "i̇qing", "i̇q"),  # a lower-case form of two characters
        ("兙啤", "兙pi", "兙p"),  # a Han character pypinyin has no reading for is its own initial
        ("   ", "", ""),
    ],
)
def test_keys_of_other_characters(name: str, full: str, initials: str) -> None:
    assert keys(name) == (full, initials) == reference_keys(name)


def test_document() -> None:
    assert document("青岛啤酒500ml", ["500ml", "", "QD001"]) == "青岛啤酒500ml qingdaopijiu500ml qdpj500ml 500ml qd001"
    assert document("银行\n卡套", ("A\nB",)) == "银行 卡套 yinhangkatao yhkt a b"


# ---- the fast path against the reference ----


def _han() -> list[str]:
    return [chr(c) for c in pinyin_dict if 0x3400 <= c <= 0x9FFF or 0x20000 <= c <= 0x3FFFF]


def _polyphonic(han: list[str]) -> list[str]:
    return [c for c in han if len(_readings(c)) > 1]


OTHERS = [*"AbZz09 \t\n-_.,*/()（），。！：ＡＢｃ１２\u3000\xa0\u200b😀🍺İß〇", "\U000e0100", "\ue815"]


def test_thousands_of_generated_names_match_the_reference() -> None:
    rnd = random.Random(20240601)
    han = _han()
    polyphonic = _polyphonic(han)
    words = [w for w in phrases_dict if len(w) == 2]
    names = []
    for _ in range(4000):
        parts = []
        for _ in range(rnd.randint(1, 6)):
            pool = rnd.choice(["han", "polyphonic", "word", "other", "number"])
            if pool == "han":
                parts.append("".join(rnd.choices(han, k=rnd.randint(1, 3))))
            elif pool == "polyphonic":
                parts.append("".join(rnd.choices(polyphonic, k=rnd.randint(1, 3))))
            elif pool == "word":
                parts.append(rnd.choice(words))
            elif pool == "other":
                parts.append("".join(rnd.choices(OTHERS, k=rnd.randint(1, 3))))
            else:
                parts.append(str(rnd.randint(0, 10**6)))
        names.append("".join(parts))
    names += [n + str(i) for i, n in enumerate(names[:500])]  # same head, other number: served from the cache
    assert [keys(n) for n in names] == [reference_keys(n) for n in names]
    assert [keys(n) for n in reversed(names)] == [reference_keys(n) for n in reversed(names)]
    specs = ("500ml", "SKU-1", "")
    assert all(document(n, specs) == " ".join([n.lower(), *reference_keys(n), "500ml", "sku-1"]).replace("\n", " ") for n in names)


_CHARS = st.sampled_from(sorted(set("青岛啤酒银行长城重庆会计一音乐快可干红数据线大份行乐和的") | set(OTHERS) | set("0123456789ml")))


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.lists(_CHARS, max_size=12).map("".join))
def test_any_mix_matches_the_reference(name: str) -> None:
    assert keys(name) == reference_keys(name)


# ---- loading ----


def test_the_shipped_tables_are_pypinyins_and_pypinyin_is_not_loaded() -> None:
    code = (
        "import sys, catalog.pinyin, catalog.search\n"
        "assert catalog.pinyin.keys('青岛啤酒') == ('qingdaopijiu', 'qdpj')\n"
        "assert not any(m.startswith('pypinyin') for m in sys.modules), 'pypinyin loaded'\n"
        "print('ok')\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"


def test_threads_load_the_tables_once(monkeypatch: pytest.MonkeyPatch) -> None:
    builds = []
    build = pinyin._build

    def counting_build() -> object:
        builds.append(1)
        return build()

    monkeypatch.setattr(pinyin, "_tables", None)
    monkeypatch.setattr(pinyin, "_build", counting_build)
    monkeypatch.setattr(pinyin, "_seen", {})
    names = [f"长城干红银行卡{i}" for i in range(8)]
    start = threading.Barrier(len(names))
    results: dict[str, tuple[str, str]] = {}

    def work(name: str) -> None:
        start.wait()
        results[name] = keys(name)

    threads = [threading.Thread(target=work, args=(n,)) for n in names]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert builds == [1]
    assert results == {n: (f"changchengganhongyinhangka{i}", f"ccghyhk{i}") for i, n in enumerate(names)}


def test_phrases_with_ascii_turn_splitting_off(monkeypatch: pytest.MonkeyPatch) -> None:
    """Should pypinyin ever list a word with an ASCII character, names are converted whole."""
    monkeypatch.setitem(phrases_dict, "A行", [["a"], ["háng"]])
    monkeypatch.setitem(phrases_dict, "行9", [["háng"], ["jiǔ"]])
    real = pinyin._pypinyin_dict

    def patched(module: str, name: str) -> dict[object, object]:
        data = real(module, name)
        if module == "phrases_dict":
            data.update({"A行": [["a"], ["háng"]], "行9": [["háng"], ["jiǔ"]]})
        return data

    monkeypatch.setattr(pinyin, "_pypinyin_dict", patched)
    monkeypatch.setattr(pinyin, "_shipped_data", lambda: None)
    monkeypatch.setattr(pinyin, "_tables", None)
    monkeypatch.setattr(pinyin, "_seen", {})
    monkeypatch.setattr(pinyin, "_last", ("", ("", "")))
    for name in ["A行", "行9", "1行9", "行A行9", "银行", "行"]:
        assert keys(name) == reference_keys(name), name
    assert keys("行9") == ("hang9", "h9")


def test_shipped_tables_are_up_to_date_with_pypinyin() -> None:
    """catalog/pinyin_tables.json is made by `python -m catalog.pinyin --write` from pypinyin's data."""
    assert pinyin._shipped_data() == pinyin.table_data()
    assert pinyin.main(["--check"]) == 0

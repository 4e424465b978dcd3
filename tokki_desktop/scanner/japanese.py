"""What a Japanese proper name names — a person, an organisation or a place — by the
Sudachi dictionary (SudachiPy with ``sudachidict_small``).

The rule reads off the dictionary's parts of speech, not a hand-kept list:

* a **person** is written with personal-name words only (名詞-固有名詞-人名: 姓, 名), at least
  one of them, and no common noun or suffix: 白石 芳郎, 上杉辰男, ヤマダ タロウ;
* an **organisation or facility** carries a common noun or a noun suffix, the word for what
  it is: 山王小学校 (学校), 有限会社山本商事 (商事), さぬき市民病院 (病院), 青葉荘 (荘),
  ホテル…, 消防団第一分団;
* a **place** is written with place-name words (地名) and at most the administrative words
  that follow them (県, 市, 町): 丸亀町, 東京都, 番町.

Anything else (a sentence, a product, a code) is ``other``. The tokenizer is created once
per thread (Sudachi's tokenizer keeps state between calls) over one dictionary per process;
each distinct value is classified once (an LRU cache: rosters repeat names).
"""

from __future__ import annotations

import functools
import re
import threading
from typing import Literal

NameKind = Literal["person", "organisation", "place", "other"]
PERSON: NameKind = "person"
ORGANISATION: NameKind = "organisation"
PLACE: NameKind = "place"
OTHER: NameKind = "other"

# The administrative words that end a place name: 香川県, 高松市, 丸亀町, 東京都.
_ADMIN_WORDS = frozenset("都道府県市区町村郡")
# Scripts a name is written in (kanji, kana, the marks inside names, a space between the parts).
_NAME_SCRIPT = re.compile(r"[一-龥々〆ヶぁ-んァ-ヶーノ・ 　A-Za-z0-9&.()\-]+")
_KANJI = re.compile(r"[一-龥々〆ヶ]+")
# The longest value looked up: a name with a title or a facility's full name is shorter.
_MAX_CHARS = 40

_dictionary = None
_dictionary_lock = threading.Lock()
_local = threading.local()


def _tokenizer():
    tok = getattr(_local, "tokenizer", None)
    if tok is None:
        global _dictionary
        with _dictionary_lock:
            if _dictionary is None:
                from sudachipy import Dictionary

                _dictionary = Dictionary(dict="small")
        from sudachipy import SplitMode

        tok = _local.tokenizer = (_dictionary.tokenizer(SplitMode.C) if hasattr(_dictionary, "tokenizer")
                                  else _dictionary.create(SplitMode.C))
        _local.mode = SplitMode.C
    return tok


def words(value: str) -> list[tuple[str, tuple[str, ...], bool]]:
    """(surface, part of speech, out of vocabulary) of each word of ``value``, spaces left out."""
    out = []
    for m in _tokenizer().tokenize(value):
        pos = m.part_of_speech()
        if pos[0] == "空白":
            continue
        out.append((m.surface(), pos, m.is_oov()))
    return out


@functools.lru_cache(maxsize=1 << 16)
def name_kind(value: str) -> NameKind:
    """What ``value`` names: ``person``, ``organisation``, ``place`` or ``other``."""
    # A serial number after a name (テスト 太郎1, an export's dummy rows) changes how the
    # dictionary reads the word before it: numbers at either end are left out.
    v = value.strip().strip("0123456789").strip()
    if len(v) < 2 or len(v) > _MAX_CHARS or not _NAME_SCRIPT.fullmatch(v):
        return OTHER  # one character (1月 → 月, 靴) names nothing the rules can tell
    ws = words(v)
    if not ws:
        return OTHER
    personal = common = places = unknown = 0
    nouns = False
    after_surname = False
    for surface, pos, oov in ws:
        was_surname, after_surname = after_surname, False
        if pos[0] == "名詞" and pos[1] == "固有名詞" and pos[2] == "人名":
            personal += 1
            after_surname = pos[3] == "姓"
        elif pos[0] == "名詞" and pos[1] == "固有名詞" and pos[2] == "地名":
            places += 1
        elif pos[0] == "接頭辞" or pos[0] == "補助記号" or pos[1] == "数詞":
            continue  # 小 of 小学校, 第 of 第一分団, a ・, a bracket, a number: the words around decide
        elif surface in _ADMIN_WORDS and places:
            continue  # 丸亀 + 町, 香川 + 県
        elif was_surname and _kana_only(surface):
            personal += 1  # a given name in kana after a surname (佐々木 さくら, やまだ たろう)
        elif oov and len(surface) <= 3 and _KANJI.fullmatch(surface):
            unknown += 1  # a variant spelling the dictionary lacks (髙橋): the other words decide
        else:
            common += 1
            # 名詞-固有名詞-一般 (a brand, a building), a common noun, a suffix (荘, 館, 所, 店):
            # the word for what kind of body or place it is.
            nouns = nouns or pos[0] in ("名詞", "接尾辞")
    if common and (_given_name_after_space(v) or _composed_given_name(v)):
        # 侍 太郎: a surname the dictionary reads as a word, a space, a given name; 高坂 穂乃果:
        # a surname, a space, a given name composed of single characters.
        return PERSON
    if common:
        return ORGANISATION if nouns else OTHER
    if personal and places <= 1 and personal + places + unknown <= 3:
        # A surname is often a place name too (白石, 山本): one place word beside a personal one.
        return PERSON
    if places and not personal:
        return PLACE
    return OTHER


_SURNAME_SPACE = re.compile(r"([一-龥々〆ヶ]{1,3})[ 　]([一-龥々〆ヶぁ-ん]{1,4})")


def _given_name_after_space(v: str) -> bool:
    """1–3 kanji, a space, and a part the dictionary reads as one given name (人名-名)."""
    m = _SURNAME_SPACE.fullmatch(v)
    if m is None:
        return False
    ws = words(m.group(2))
    return len(ws) == 1 and ws[0][1][2] == "人名" and ws[0][1][3] == "名"


@functools.lru_cache(maxsize=1 << 16)
def is_full_name(value: str) -> bool:
    """A surname then a given name, each a personal-name word of the dictionary (白石 芳郎,
    上杉辰男), or a surname and a given name in kana: the clue in running text, where a
    single word may be a name or an ordinary word (小林, さくら)."""
    v = value.strip()
    if not v or len(v) > 12 or not _NAME_SCRIPT.fullmatch(v):
        return False
    ws = words(v)
    if len(ws) != 2:
        return False
    (_, p1, _), (s2, p2, _) = ws
    if not (p1[1] == "固有名詞" and p1[2] == "人名" and p1[3] == "姓"):
        return False
    return (p2[1] == "固有名詞" and p2[2] == "人名" and p2[3] == "名") or (_kana_only(s2) and len(s2) >= 2)


def _composed_given_name(v: str) -> bool:
    """A dictionary surname (人名-姓), a space, and a given name the dictionary does not know
    but reads as single characters (穂/乃/果, 海/未, 真/姫) or kana: many given names are
    composed that way. A word of two or more characters after the space (商店, 公園, 支店) or a
    suffix (店, 館) is what an organisation's name ends with, and says otherwise."""
    m = _SURNAME_SPACE.fullmatch(v)
    if m is None:
        return False
    first = words(m.group(1))
    if len(first) != 1 or first[0][1][2] != "人名" or first[0][1][3] != "姓":
        return False
    given = words(m.group(2))
    if not given or given[-1][1][0] == "接尾辞":
        return False
    return all(len(s) == 1 or _kana_only(s) or (p[2] == "人名" and p[3] == "名") for s, p, _ in given)


def _kana_only(s: str) -> bool:
    return all("ぁ" <= ch <= "ん" or "ァ" <= ch <= "ヶ" or ch == "ー" for ch in s)


def is_person_name(value: str) -> bool:
    """True when ``value`` is written as a person's name (see the module's rule)."""
    return name_kind(value) == PERSON

"""The Japanese detectors read names and municipalities before a position with one regex call
over the text reversed: they find exactly what the character-by-character loops found.

The loops are kept here as they were written; random texts of kanji, kana, spaces and other
characters go through both.
"""

from __future__ import annotations

import random
import re

from tokki_desktop.scanner import detectors as det

PIECES = ["山", "田", "太郎", "佐藤", "直樹", "々", "〆", "ヶ", "ー", "ヤマダ", "タロウ", "さくら", "市民課", "長谷川", " ", " ",
          "  ", "\u3000", "\n", "\t", "様", "殿", "a", "1", "-", "、", "。", "(", "龥", "丁", "ゐ", "ヴ", "ヷ", "〇", "ゝ"]


def random_text(rng: random.Random, n: int) -> str:
    return "".join(rng.choice(PIECES) for _ in range(n))


def _old_run_before(text: str, pos: int, most: int) -> int:
    k = pos
    while k > 0 and pos - k < most and text[k - 1] in det._CJK_CHARS:
        k -= 1
    return k


def _old_run_after(text: str, sp: int) -> int:
    e = sp + 1
    while e < len(text) and e - sp <= 4 and text[e] in det._CJK_CHARS:
        e += 1
    return e


def _old_name_start(text: str, end: int) -> tuple[int, int]:
    j = end
    if j > 0 and text[j - 1] == " ":
        j -= 1
    k = j
    spaces = 0
    while k > 0 and j - k < 10:
        ch = text[k - 1]
        if ch == " ":
            if spaces or k == j:
                break
            spaces += 1
        elif ch not in det._CJK_CHARS:
            break
        k -= 1
    return k, j


def test_the_class_is_the_set() -> None:
    rx = re.compile(det._CJK_CLASS)
    assert {chr(c) for c in range(0x3000, 0xA000) if rx.fullmatch(chr(c))} == det._CJK_CHARS


def test_runs_read_backwards_and_forwards_are_the_loops() -> None:
    rng = random.Random(21)
    for _ in range(1000):
        text = random_text(rng, rng.randint(1, 30))
        back = text[::-1]
        for pos in range(len(text) + 1):
            for most in (4, 14):
                assert pos - det._cjk_before(back, pos, most) == _old_run_before(text, pos, most), (text, pos)
            if pos < len(text):
                assert det._CJK_RUN.match(text, pos + 1, pos + 5).end() == _old_run_after(text, pos), (text, pos)


def test_name_before_an_honorific_is_read_as_the_loop_read_it() -> None:
    rng = random.Random(22)
    for _ in range(500):
        text = random_text(rng, rng.randint(1, 30))
        back = text[::-1]
        for end in range(len(text) + 1):
            k, j = _old_name_start(text, end)
            s = len(text) - j
            got = j - (det._NAME_BACK.match(back, s, s + det._NAME_BACK_CHARS).end() - s)
            assert got == k, (text, end)
            assert det._name_before(text, end, back) == det._name_before(text, end)


def test_name_before_finds_the_listed_surname() -> None:
    assert det._name_before("市民課山田 太郎 様", 9) == (3, "山田 太郎")
    assert det._name_before("保護者 様", 4) is None

"""The plain-text fast paths give exactly what the straightforward passes give.

Random texts built from the pieces the detectors care about (names, labels, numbers,
separators, と申します, keywords) are run through each fast path and through the plain
``finditer`` over the whole text, or through ``detect`` with and without the prefilter.
"""

from __future__ import annotations

import random

import pytest

from tokki_desktop.scanner import detectors as det
from tokki_desktop.scanner import prefilter

PIECES = [
    "池田", "隆之", "山田", "太郎", "ノ", "と申します", "申します", "と", " ", "  ", "\n", "。", "、", ",",
    "氏名", "名前", "フリガナ", "カナ", "名義", "講師", "保護者", "患者", ":", ": ", "様", "さん", "殿",
    "ヤマダ", "タロウ", "東京都", "千代田区", "丸の内", "1丁目2番3号", "3-1-1", "〒", "100-0005",
    "090-1234-5678", "03(3456)7890", "0312345678", "1234 5678 9012", "123456789012", "1234-5678-9018",
    "-", "0", "7", "99", "個人番号", "マイナンバー", "株式会社", "代表", "生年月日", "昭和50年1月2日生",
    "a@example.co.jp", "x", "ID", "処理番号=", "記号", "番号", "被保険者", "口座", "支店", "1234567",
    "明治", "令和元年5月1日", "(0", "3", "٣", "１２", "ー",
]


def random_text(rng: random.Random, n: int) -> str:
    return "".join(rng.choice(PIECES) for _ in range(n))


def _evidence(text: str) -> tuple:
    ev = det.Evidence()
    det.detect(text, ev)
    return (sorted(ev.counts.items()), sorted(ev.rules.items()), sorted(ev.examples.items()), ev.records,
            ev.persons, ev.twelve_digit_total, ev.my_number_unlabelled, ev.my_number_invalid_labelled)


def _spans(matches) -> list[tuple[tuple[int, int], ...]]:
    return [tuple(m.span(g) for g in range(m.re.groups + 1)) for m in matches]


def test_self_intros_equal_finditer_over_the_whole_text() -> None:
    rng = random.Random(11)
    for _ in range(3000):
        text = random_text(rng, rng.randrange(1, 40))
        assert _spans(det._self_intros(text)) == _spans(det._SELF_INTRO.finditer(text)), text


def test_label_families_cover_their_patterns() -> None:
    """Each label pass is skipped only when the prefilter saw none of its words."""
    rng = random.Random(12)
    if prefilter._database() is None:
        pytest.skip("hyperscan unavailable")
    for _ in range(2000):
        text = random_text(rng, rng.randrange(1, 30))
        present = prefilter.families_present(text)
        for rx, family in ((det._NAME_LABEL, "label_name"), (det._KANA_LABEL, "label_kana"),
                           (det._ROLE_LABEL, "label_role")):
            if rx.search(text):
                assert family in present, (family, text)


def test_detect_is_the_same_with_and_without_the_prefilter(monkeypatch) -> None:
    rng = random.Random(13)
    texts = [random_text(rng, rng.randrange(1, 200)) for _ in range(600)]
    with_prefilter = [_evidence(t) for t in texts]
    monkeypatch.setattr(det, "families_present", lambda text: prefilter.ALL)
    assert [_evidence(t) for t in texts] == with_prefilter

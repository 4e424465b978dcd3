"""The plain-text fast paths give exactly what the straightforward passes give.

Random texts built from the pieces the detectors care about (names, labels, numbers,
separators, と申します, keywords) are run through each fast path and through the plain
``finditer`` over the whole text, or through ``detect`` with and without the prefilter.
"""

from __future__ import annotations

import random
import re
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tokki_desktop.scanner import detectors as det
from tokki_desktop.scanner import prefilter

PIECES = [
    "池田", "隆之", "山田", "太郎", "ノ", "と申します", "申します", "と", " ", "  ", "\n", "。", "、", ",",
    "氏名", "名前", "フリガナ", "カナ", "名義", "講師", "保護者", "患者", ":", ": ", "様", "さん", "殿",
    "ヤマダ", "タロウ", "東京都", "千代田区", "丸の内", "1丁目2番3号", "3-1-1", "〒", "100-0005",
    "090-1234-5678", "03(3456)7890", "0312345678", "1234 5678 9012", "123456789012", "1234-5678-9018",
    "-", "0", "7", "99", "個人番号", "マイナンバー", "株式会社", "代表", "生年月日", "昭和50年1月2日生",
    "a@example.co.jp", "x", "ID", "処理番号=", "記号", "番号", "被保険者", "口座", "支店", "1234567",
    "明治", "令和元年5月1日", "(0", "3", "٣", "１２", "ー", "保険者 番号", "(03) 3456-7890", "記号 練93 番号 ",
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


GATED = ((det._NAME_LABEL, "label_name"), (det._KANA_LABEL, "label_kana"), (det._ROLE_LABEL, "label_role"),
         (det._BANK, "kw_bank"), (det._HEALTH, "health_number"), (det._HEALTH_CARD, "health_card"),
         (det._SELF_INTRO, "self_intro"), (det._PHONE_PAREN, "phone_paren"))


def test_gated_passes_run_whenever_they_can_match() -> None:
    """Each pass gated on a family is skipped only when the prefilter saw none of its words."""
    rng = random.Random(12)
    if prefilter._database() is None:
        pytest.skip("hyperscan unavailable")
    seen = set()
    for _ in range(4000):
        text = random_text(rng, rng.randrange(1, 30))
        present = prefilter.families_present(text)
        for rx, family in GATED:
            if rx.search(text):
                seen.add(family)
                assert family in present, (family, text)
    assert seen == {family for _, family in GATED}  # every pass was exercised


def test_detect_is_the_same_with_and_without_the_prefilter(monkeypatch, hyperscan_mode) -> None:
    rng = random.Random(13)
    texts = [random_text(rng, rng.randrange(1, 200)) for _ in range(600)]
    with_prefilter = [_evidence(t) for t in texts]
    monkeypatch.setattr(det, "families_present", lambda text: prefilter.ALL)
    assert [_evidence(t) for t in texts] == with_prefilter


NUMBER_PIECES = ["0", "1", "7", "9", "12", "090", "03", "1234", "5678", "9012", "-", "--", " ", "(", ")", "(0",
                 "a", "Z", "_", ".", "+", "x", "\n", "、", "山", "〒", "٣", "0312345678", "123456789018",
                 "100-0005", "090-1234-5678", "(03) 3456-7890", "03(3456)7890", "1234 5678 9018"]
NUMBER_PATTERNS = (("twelve", det._TWELVE), ("phone", det._PHONE), ("phone", det._PHONE_PAREN),
                   ("postal", det._POSTAL_FROM_DASH))


def number_text(rng: random.Random, n: int) -> str:
    return "".join(rng.choice(NUMBER_PIECES) for _ in range(n))


def test_matches_in_runs_around_every_digit_equal_finditer() -> None:
    """With every ASCII digit as a candidate, the runs hold every match: exactly finditer."""
    rng = random.Random(21)
    for _ in range(3000):
        # ASCII digits only: number_candidates gives no positions for a text with others.
        text = number_text(rng, rng.randrange(1, 60)).replace("٣", "3")
        digits = [i for i, ch in enumerate(text) if ch.isdigit()]
        for family, rx in NUMBER_PATTERNS:
            got = det._number_matches(rx, text, family, {family: digits})
            assert _found(got) == _found(_whole(rx, text)), (family, text)


def _whole(rx, text: str):
    return ((m.start(), m.end(), m) for m in rx.finditer(text))


def _found(triples) -> list[tuple[int, int, tuple]]:
    """(start, end, groups) of _number_matches' triples (the match may be of the runs joined)."""
    return [(start, end, m.groups()) for start, end, m in triples]


def _kept(rx, text: str, matches) -> list:
    """The matches the detectors act on (not skipped for the character before them)."""
    bad = det._PHONE_BEFORE_BAD if rx in (det._PHONE, det._PHONE_PAREN) else det._DIGIT_OR_DASH
    shift = 3 if rx is det._POSTAL_FROM_DASH else 0
    # A twelve-digit number alone in its run comes without its match (made when needed).
    return [(start, end, (m or rx.match(text, start)).group(0)) for start, end, m in matches
            if not (start - shift and text[start - shift - 1] in bad)]


@pytest.mark.skipif(prefilter._database() is None, reason="hyperscan unavailable")
def test_number_candidates_find_every_match_the_detectors_keep() -> None:
    rng = random.Random(22)
    for _ in range(3000):
        text = number_text(rng, rng.randrange(1, 60))
        if rng.random() < 0.5:
            text = "前置き" + text + "あと"  # non-ASCII: positions are converted from bytes
        candidates = prefilter.number_candidates(text)
        if "٣" in text:
            assert candidates == {}, text  # a non-ASCII digit: every family read whole
        for family, rx in NUMBER_PATTERNS:
            if family in candidates:
                assert all(text[i].isdigit() for i in candidates[family])
                got = det._number_matches(rx, text, family, candidates)
                assert _kept(rx, text, got) == _kept(rx, text, _whole(rx, text)), (family, text)


def test_char_indices_of_utf8_offsets() -> None:
    text = "〒100-0005 東京\ud800都 090-1234-5678"
    data = text.encode("utf-8", "surrogatepass")
    offsets = [i for i, b in enumerate(data) if 48 <= b <= 57]
    assert prefilter._char_indices(data, offsets) == [i for i, ch in enumerate(text) if ch.isdigit()]


def test_dense_numbers_are_read_whole(monkeypatch) -> None:
    monkeypatch.setattr(prefilter, "MAX_CANDIDATES", 5)
    text = "\n".join(f"id 1234567890{i:02d} tel 090-1234-{i:04d}" for i in range(10))
    if prefilter._database() is None:
        assert prefilter.number_candidates(text) == {}
        return
    candidates = prefilter.number_candidates(text)
    # Twelve-digit ids go through windows up to MAX_TWELVE (a log of job ids), phones not.
    assert len(candidates["twelve"]) == 10 and "phone" not in candidates and candidates["postal"] == []
    monkeypatch.setattr(prefilter, "MAX_TWELVE", 5)
    assert "twelve" not in prefilter.number_candidates(text)


def test_one_pass_stops_on_a_text_of_numbers_and_still_finds_the_families(monkeypatch) -> None:
    if prefilter._database() is None:
        pytest.skip("hyperscan unavailable")
    monkeypatch.setattr(prefilter, "MAX_CALLBACKS", 3)
    text = "\n".join(f"id 1234567890{i:02d} tel 090-1234-{i:04d} 様" for i in range(10))
    assert {"twelve", "phone", "honor"} <= prefilter.families_present(text)
    assert prefilter.number_candidates(text) == {}  # unknown: every number family read whole


def test_detect_is_the_same_without_number_candidates(monkeypatch, hyperscan_mode) -> None:
    rng = random.Random(23)
    texts = [number_text(rng, rng.randrange(1, 300)) + random_text(rng, rng.randrange(0, 50)) for _ in range(600)]
    texts += [("ログ 2024-01-02 job 123456789018 ok\n" * 50) + t for t in texts[:50]]
    fast = [_evidence(t) for t in texts]
    monkeypatch.setattr(det, "number_candidates", lambda text: {})
    assert [_evidence(t) for t in texts] == fast


def _persons_reference(hits: list[tuple[int, str]], titled: set[int]) -> int:
    """The original count, kept here as the specification: a look at every hit in the window."""
    import bisect

    hits = sorted(h for h in hits if h[1] != "my_number?")
    positions = [p for p, _ in hits]
    n = 0
    for pos, kind in hits:
        if kind != "name" or pos in titled:
            continue
        lo = bisect.bisect_left(positions, pos - det.PERSON_WINDOW)
        hi = bisect.bisect_right(positions, pos + det.PERSON_WINDOW)
        n += any(hits[j][1] != "name" for j in range(lo, hi))
    return n


def _line_records_reference(text: str, hits: list[tuple[int, str]]) -> int:
    """The original count: line numbers by bisect in the list of line starts."""
    import bisect

    if sum(1 for _, kind in hits if kind == "name" or kind in det.STRONG_IDS) < det.LINE_RECORDS_MIN:
        return 0
    starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]
    rows: dict[int, set[str]] = {}
    for pos, kind in hits:
        if kind != "my_number?":
            rows.setdefault(bisect.bisect_right(starts, pos) - 1, set()).add(kind)
    n = sum(1 for kinds in rows.values() if det.is_person_row(kinds))
    return n if n >= det.LINE_RECORDS_MIN else 0


def test_person_and_line_record_counts_equal_the_reference() -> None:
    rng = random.Random(31)
    kinds = ["name", "name", "phone", "address", "email", "birth_date", "my_number", "my_number?", "postal_code"]
    for _ in range(2000):
        size = rng.randrange(1, 3000)
        text = "".join(rng.choice("ab\n") if rng.random() < 0.1 else "x" for _ in range(size))
        hits = [(rng.randrange(size), rng.choice(kinds)) for _ in range(rng.randrange(0, 40))]
        titled = {p for p, k in hits if k == "name" and rng.random() < 0.2}
        ordered = sorted(h for h in hits if h[1] != "my_number?")
        ev = det.Evidence()
        det._count_persons(ordered, ev, titled)
        assert ev.persons == _persons_reference(hits, titled)
        ev = det.Evidence()
        det._count_line_records(text, ordered, ev)
        assert ev.records == _line_records_reference(text, hits)


NAME_PIECES = ["山田", "太郎", "佐藤", "花子", "池", "一", "あ", "ア", "ー", "々", "ノ", "の", " ", " ", " ", "\n",
               "、", "a", "1", "様", "高橋 誠", "田中 一郎", "ヤマダ タロウ", "東京都千代田区"]


def test_bare_name_spaces_equal_the_python_checks(monkeypatch) -> None:
    """_BARE_NAME_SPACE drops only spaces the bare-name loop would skip: same names, in
    running text and in table rows, as with every space before a kanji."""
    rng = random.Random(41)
    texts = ["".join(rng.choice(NAME_PIECES) for _ in range(rng.randrange(1, 60))) for _ in range(3000)]

    def both(text: str) -> tuple:
        ev = det.Evidence()
        det.detect(text, ev, line_starts=[0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"])
        return _evidence(text), sorted(ev.counts.items()), sorted(ev.rules.items()), ev.records

    fast = [both(t) for t in texts]
    monkeypatch.setattr(det, "_BARE_NAME_SPACE", det._SPACE_BEFORE_CJK)
    assert [both(t) for t in texts] == fast


KEYWORD_PIECES = ["(株)", "(株", "株式会社", "株式", "代表", "代表電話", "本庁舎", "庁舎", "本社", "my number", "My Number",
                  "mynumber", "Birth", "birth", "BIRTH", "生年月日", "生まれ", "誕生日", "個人番号", "マイナンバー",
                  "旅券", "パスポート", "passport", "在留カード", "基礎年金", "被保険者", "保険者番号", "口座", "支店",
                  "運転免許", "免許証", "内線", "会場", "a", " ", "\n", "本", "生", "代"]


@pytest.mark.skipif(prefilter._database() is None, reason="hyperscan unavailable")
def test_keyword_index_of_the_kinds_present_equals_the_full_pattern() -> None:
    rng = random.Random(51)
    for _ in range(3000):
        text = "".join(rng.choice(KEYWORD_PIECES) for _ in range(rng.randrange(1, 25)))
        present = prefilter.families_present(text)
        full: dict[str, list[int]] = {}
        for m in det._KEYWORDS.finditer(text):
            full.setdefault(det._KEYWORD_OF.get(m.group(0)) or det._KEYWORD_OF.get(
                m.group(0).lower().replace(" ", ""), ""), []).append(m.start())
        if full:
            assert det._Keywords(text, present)._index() == full, text


def test_keyword_pattern_of_every_kind_is_the_pattern() -> None:
    from tokki_desktop.scanner import keywords

    assert keywords.keyword_pattern(frozenset(keywords.KEYWORD_KINDS)) == keywords.KEYWORD_PATTERN


def _normalize_reference(text: str) -> str:
    """normalize_text as it was: NFKC over the runs of its characters, then the dashes over
    the whole text, both long-vowel marks searched after the NFKC step."""
    from tokki_desktop.scanner import normalize as nz

    if not text.isascii():
        pieces = re.split(f"({nz._NFKC_CLASS}+)", text)
        if len(pieces) > 1:
            pieces[1::2] = map(nz._NFKC, pieces[1::2])
            text = "".join(pieces)
        text = re.sub(f"[{nz._DASH_CHARS}]", "-", text)
        if "ー" in text or "ｰ" in text:
            text = nz._choon_between_digits(text)
    return text


def test_normalize_text_equals_the_reference() -> None:
    from tokki_desktop.scanner.normalize import normalize_text

    pieces = ["ー", "ｰ", "ｰｰ", "1", "１", "٣", "①", "-", "－", "―", "コーポ", "ｺｰﾎﾟ", " ", "　", "a", "山", "㈱", "⑴", "\n"]
    rng = random.Random(71)
    for _ in range(5000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randrange(0, 20)))
        assert normalize_text(text) == _normalize_reference(text), text


# What the folding cares about, and what could make it go wrong: full-width and ASCII digits,
# every dash, both long-vowel marks, half-width kana with their voicing marks, half-width
# Hangul (composes under NFKC), circled and squared forms, combining marks, the ideographic
# space, kanji and kana, e-mail characters.
_FOLD_ALPHABET = ("0123456789０１２３４５６７８９-‐‑‒–—―−－﹣⁃ーｰｶｷﾞﾟﾊﾟﾍﾞｺｰﾎﾟﾡﾢﾤﾥﾦ①⑴⒈㈱㍻㌔½Ⅻ\u3000 \n"
                  "山田太郎様市区町丁目番地あいうカタナ@.＠．ａｂＡＢ_-\u0301\u3099\u309a\u0338é")


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet=_FOLD_ALPHABET, max_size=40))
def test_normalize_text_in_one_pass_equals_the_two_pass_reference(text: str) -> None:
    from tokki_desktop.scanner.normalize import normalize_text

    assert normalize_text(text) == _normalize_reference(text)


def test_a_dash_beside_any_folded_character_folds_apart() -> None:
    """NFKC over a run holding a dash gives what NFKC of its parts gives (the one-pass split's
    premise), for every dash beside every character the fold reads."""
    from tokki_desktop.scanner import normalize as nz

    chars = [chr(c) for c in (0x3000, *range(0xFF01, 0xFFF0), *range(0x2460, 0x2500), *range(0x3200, 0x3400),
                              *range(0x2150, 0x2190))]
    for dash in nz._DASH_CHARS:
        for c in chars:
            for pair in (c + dash, dash + c):
                assert unicodedata.normalize("NFKC", pair) == "".join(unicodedata.normalize("NFKC", x) for x in pair)


def test_the_pure_python_path_finds_what_hyperscan_finds(monkeypatch) -> None:
    """Random texts of numbers, names and keywords: the same evidence with Hyperscan's one pass
    and without it (TOKKI_NO_HYPERSCAN=1, every detector over the whole text)."""
    rng = random.Random(24)
    texts = [number_text(rng, rng.randrange(1, 200)) + random_text(rng, rng.randrange(0, 80)) for _ in range(400)]
    texts += ["ジョブ 2026-01-02 batch job 123456789018 ok (worker 3)\n" * 300]  # dense twelve-digit ids
    fast = [_evidence(t) for t in texts]
    monkeypatch.setenv(prefilter.DISABLE_ENV, "1")
    assert prefilter._database() is None and prefilter.families_present("x") == prefilter.ALL
    assert [_evidence(t) for t in texts] == fast


def test_runs_joined_keep_each_runs_own_neighbours() -> None:
    """A run ending at the end of the text, runs one character apart, a letter right after a
    phone number (its look-ahead must see the letter, not the next run)."""
    text = "tel 090-1234-5678x 03-1234-5678 ,0312345678"
    digits = [i for i, ch in enumerate(text) if ch.isdigit()]
    got = det._number_matches(det._PHONE, text, "phone", {"phone": digits})
    assert _found(got) == _found(_whole(det._PHONE, text))
    assert [text[a:b] for a, b, _ in det._number_matches(det._PHONE, text, "phone", {"phone": digits})] == [
        "03-1234-5678", "0312345678"]


def test_a_number_across_the_chunk_boundary_is_found(monkeypatch, hyperscan_mode) -> None:
    """A text file is decoded in chunks; a phone number, an address or a My Number written
    across the mark is read whole, and nothing is read twice."""
    from tokki_desktop.scanner.extract import ScanContext, TextPart, plain_text
    from tokki_desktop.scanner.result import ScanLimits
    from tokki_desktop.scanner.scan import scan_bytes

    line = "連絡先 山田 太郎 様 電話 090-1234-5678 〒184-0004 東京都小金井市本町6丁目6番3号\n"
    text = "議事録の本文です。" * 7 + line + "以上。\n"
    data = text.encode("utf-8")
    at = data.index(b"090-1234") + 5  # in the middle of the phone number
    monkeypatch.setattr(plain_text, "CHUNK_BYTES", at)
    parts = list(plain_text.extract_text(data, ScanContext.start(ScanLimits())))
    assert len(parts) >= 2 and all(isinstance(p, TextPart) for p in parts)
    assert "".join(p.text for p in parts) == text  # nothing lost, nothing twice
    assert any("090-1234-5678" in p.text for p in parts)
    res = scan_bytes(data, "minutes.txt")
    assert res.findings.get("phone") == 1 and res.findings.get("postal_code") == 1, res.findings
    # One line longer than a chunk: cut at a space, still whole.
    long_line = ("項目 " * 40) + "電話 090-1234-5678 " + ("備考 " * 40)
    monkeypatch.setattr(plain_text, "CHUNK_BYTES", len(long_line.encode()) // 2)
    parts = list(plain_text.extract_text(long_line.encode("utf-8"), ScanContext.start(ScanLimits())))
    assert "".join(p.text for p in parts) == long_line and any("090-1234-5678" in p.text for p in parts)
    # One line without a space (a minified export): cut before the number, still whole.
    no_space = "備考" * 60 + "電話090-1234-5678、" + "以下余白" * 60
    monkeypatch.setattr(plain_text, "CHUNK_BYTES", no_space.encode().index(b"-1234") + 2)
    parts = list(plain_text.extract_text(no_space.encode("utf-8"), ScanContext.start(ScanLimits())))
    assert len(parts) >= 2 and "".join(p.text for p in parts) == no_space
    assert parts[1].text.startswith("090-1234-5678")  # the cut fell before the number


def test_numbers_only_counted_are_counted_as_the_full_checks_count() -> None:
    """Past the share rule a log's ids are only counted, in a tighter loop: the same count as
    the digit-or-dash check and _stands_alone give, whatever stands beside the numbers."""
    rng = random.Random(25)
    beside = ["", " ", ".", ",", "1.", ",5", "a", "_", "¥", "$", "#", "円", "%", "-", "x", "\n", "。", "3"]
    for _ in range(2000):
        text = "".join(rng.choice(beside) + rng.choice(["123456789012", "1234 5678 9012", "1234-5678-9012"])
                       + rng.choice(beside) for _ in range(rng.randrange(1, 12)))
        expected = sum(1 for pos, end, _m in _whole(det._TWELVE, text)
                       if not (pos and text[pos - 1] in det._DIGIT_OR_DASH) and det._stands_alone(text, pos, end))
        assert det._count_standing_alone(text, _whole(det._TWELVE, text)) == expected, text


def test_a_log_of_ids_counts_every_id_past_the_share_rule(hyperscan_mode) -> None:
    ev = det.Evidence()
    text = "".join(f"2026-11-0{i % 9 + 1} INFO batch job {100000000000 + 7919 * i} done (worker {i % 8})\n"
                   for i in range(1500))
    det.detect(text, ev)
    assert ev.twelve_digit_total == 1500 and "my_number" not in ev.counts


@pytest.mark.skipif(prefilter._database() is None, reason="hyperscan unavailable")
def test_a_number_before_the_final_line_break_is_one_candidate() -> None:
    """Hyperscan's $ matches before a final line break as well as at the end: the number there
    is reported twice and must be read once."""
    text = "個人番号:100000000005\n"
    candidates = prefilter.number_candidates(text)
    assert candidates["twelve"] == [16] and candidates[prefilter.TWELVE_FIRSTS] == [5]
    assert [(a, b) for a, b, _m in det._number_matches(det._TWELVE, text, "twelve", candidates)] == [(5, 17)]
    assert prefilter.number_candidates("〒100-0005\n")["postal"] == [8]


def test_twelve_digit_candidates_in_japanese_text_start_and_end_at_their_digits() -> None:
    # The first digits are derived from the last (their distance in bytes): checked against
    # the positions of the numbers themselves, with multi-byte characters around them.
    if prefilter._database() is None:
        pytest.skip("Hyperscan is not available on this platform")
    rng = random.Random(13)
    for _ in range(200):
        pieces = []
        starts, ends = [], []
        pos = 0
        for _ in range(rng.randint(1, 12)):
            filler = rng.choice(["処理 ", "ジョブ（", " 完了 ", "\ud800 ", "é ", "、"])
            number = rng.choice(["123456789012", "1234 5678 9012", "1234-5678-9012"])
            pieces += [filler, number]
            starts.append(pos + len(filler))
            ends.append(pos + len(filler) + len(number) - 1)
            pos += len(filler) + len(number)
        text = "".join(pieces) + rng.choice(["", "\n", " 終"])
        candidates = prefilter.number_candidates(text)
        assert candidates["twelve"] == ends, text
        assert candidates[prefilter.TWELVE_FIRSTS] == starts, text


@pytest.mark.parametrize("chunk", [7, 64, 1 << 20])
def test_delimited_rows_across_chunks_equal_one_csv_reader_over_the_text(monkeypatch, chunk: int) -> None:
    import csv
    import io

    from tokki_desktop.scanner.extract import ScanContext, TablePart
    from tokki_desktop.scanner.extract import plain_text
    from tokki_desktop.scanner.result import ScanLimits

    rng = random.Random(chunk)
    cells = ["山田 太郎", "090-1234-5678", '"改行\nを含む"', '"a,b"', "", "〒100-0005", "x" * 30]
    ends = ["\n", "\r\n", "\r"]
    text = "氏名,電話,備考\n" + "".join(",".join(rng.choice(cells) for _ in range(3)) + rng.choice(ends)
                                     for _ in range(300)) + "最後,の,行"
    data = text.encode("utf-8")
    monkeypatch.setattr(plain_text, "CHUNK_BYTES", chunk)
    parts = list(plain_text.extract_delimited(data, ScanContext.start(ScanLimits())))
    got = [row for p in parts if isinstance(p, TablePart) for row in ([p.header] if p.header else []) + p.rows]
    assert got == list(csv.reader(io.StringIO(text, newline="")))


@pytest.mark.parametrize("encoding", ["utf-8", "euc_jp", "cp932", "utf-16", "utf-8-sig"])
def test_text_decoded_once_equals_text_decoded_again(monkeypatch, encoding: str) -> None:
    """The text the encoding check decoded strictly is the text the chunks would decode: the
    parts of a file are the same with the second decoding as without it, damaged files too."""
    from tokki_desktop.scanner.extract import ScanContext, TextPart, Unreadable
    from tokki_desktop.scanner.extract import plain_text
    from tokki_desktop.scanner.result import ScanLimits

    rng = random.Random(encoding)
    decided = plain_text._detected

    def parts(data: bytes, delimited: bool) -> list:
        ctx = ScanContext.start(ScanLimits())
        got = plain_text.extract_delimited(data, ctx) if delimited else plain_text.extract_text(data, ctx)
        try:
            return [p.text if isinstance(p, TextPart) else (p.header, p.rows) for p in got]
        except Unreadable as problem:
            return [problem.en]

    for _ in range(30):
        text = "".join(rng.choice(["氏名,山田 太郎", "\n", "\r\n", ",", "090-1234-5678", "ｶﾅ", "〒100-0005", "abc", "①"])
                       for _ in range(rng.randrange(1, 200)))
        data = text.encode(encoding, "replace")  # ① is not in EUC-JP
        if rng.random() < 0.3:
            cut = rng.randrange(len(data))
            data = data[:cut] + b"\xff\xfe\x81" + data[cut:]  # a damaged stretch
        for delimited in (False, True):
            monkeypatch.setattr(plain_text, "_detected", decided)
            once = parts(data, delimited)
            monkeypatch.setattr(plain_text, "_detected", lambda d: (decided(d)[0], None))
            assert parts(data, delimited) == once, (encoding, data[:80])

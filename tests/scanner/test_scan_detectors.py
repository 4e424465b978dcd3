"""The detectors on small texts: context, check digits, width variants, 和暦, organisations."""

from __future__ import annotations

from pathlib import Path

import pytest
from stdnum.jp import in_ as my_number_check

from tokki_desktop.scanner import CLEAN, PERSONAL_DATA, scan_file
from tokki_desktop.scanner.detectors import Evidence, detect
from tokki_desktop.scanner.extract.plain_text import detect_encoding
from tokki_desktop.scanner.masking import mask
from tokki_desktop.scanner.normalize import normalize_text

VALID = "123456789018"
assert my_number_check.is_valid(VALID)
INVALID = "123456789011"
assert not my_number_check.is_valid(INVALID)


def found(text: str) -> Evidence:
    ev = Evidence()
    detect(normalize_text(text), ev)
    return ev


def scan_text(tmp_path: Path, text: str, name: str = "t.txt", encoding: str = "utf-8"):
    p = tmp_path / name
    p.write_bytes(text.encode(encoding))
    return scan_file(p)


@pytest.mark.parametrize("text", [
    f"個人番号: {VALID}", f"マイナンバー {VALID[:4]} {VALID[4:8]} {VALID[8:]}",
    "個人番号：１２３４　５６７８　９０１８", "個人番号 1234－5678－9018", "個人番号 1234ー5678ー9018",
])
def test_labelled_valid_my_number_in_every_spelling(text: str) -> None:
    assert found(text).counts["my_number"] == 1


def test_my_number_that_fails_the_check_digit_is_never_reported() -> None:
    ev = found(f"個人番号: {INVALID}")
    assert ev.counts["my_number"] == 0


def test_unlabelled_valid_numbers_need_more_than_chance(tmp_path: Path) -> None:
    # Two valid numbers among random ids: what chance gives (1 in 11); not My Numbers.
    text = "\n".join(["id 111111111111", f"id {VALID}", "id 222222222222", "id 333333333333",
                      "id 444444444444", "id 555555555555"]) + "\n"
    res = scan_text(tmp_path, text)
    assert res.verdict == CLEAN and "my_number" not in res.findings


def test_driving_licence_keyword_beats_my_number() -> None:
    ev = found(f"運転免許証 番号 {VALID}")
    assert ev.counts["drivers_license"] == 1 and ev.counts["my_number"] == 0


@pytest.mark.parametrize("text", ["生年月日 昭和55年3月1日", "生年月日：令和元年5月1日", "生年月日 R2.4.1",
                                  "生年月日 1980/03/01", "平成3年12月24日生", "生年月日 Ｓ５５．３．１"])
def test_birth_dates_western_and_wareki(text: str) -> None:
    assert found(text).counts["birth_date"] == 1


def test_dates_without_birth_context_are_not_birth_dates() -> None:
    assert found("会議 令和8年11月26日 14時 開催").counts["birth_date"] == 0
    assert found("生年月日 昭和55年2月30日").counts["birth_date"] == 0  # no such day


def test_phone_and_postal_code_and_address() -> None:
    ev = found("〒184-0004 東京都小金井市本町2丁目3番4号 電話 090-1234-5678")
    assert ev.counts["postal_code"] == 1 and ev.counts["address"] == 1 and ev.counts["phone"] == 1


def test_city_office_address_and_switchboard_are_not_personal() -> None:
    ev = found("会場: 小金井市役所 本庁舎（〒184-8504 東京都小金井市本町6丁目6番3号） 代表電話 042-383-1111")
    assert ev.counts["address"] == 0 and ev.counts["phone"] == 0 and ev.counts["postal_code"] == 0


def test_district_statistics_are_not_addresses() -> None:
    assert found("地区:小金井市本町1丁目\t人口:2345\t世帯数:1200").counts["address"] == 0


@pytest.mark.parametrize("text,kind", [
    ("旅券番号 TK1234567", "passport"), ("在留カード番号 AB12345678CD", "residence_card"),
    ("基礎年金番号 1234-567890", "pension_number"), ("被保険者証 被保険者番号: 12345678", "health_insurance"),
    ("みどり銀行 本町支店 普通 口座番号 1234567", "bank_account"),
])
def test_keyword_identifiers(text: str, kind: str) -> None:
    assert found(text).counts[kind] == 1


@pytest.mark.parametrize("text", ["TK1234567", "AB12345678CD", "口座番号 1234567", "1234-567890"])
def test_identifier_shapes_without_keywords_are_ignored(text: str) -> None:
    assert sum(found(text).counts.values()) == 0


def test_names_by_label_honorific_and_lists() -> None:
    assert found("氏名: 山田 太郎").counts["name"] == 1
    assert found("佐藤花子様").counts["name"] == 1
    assert found("フリガナ ヤマダ タロウ").counts["name"] == 1
    assert found("鈴木 一郎").counts["name"] == 1
    assert found("お客様各位 皆様 担当者様").counts["name"] == 0
    assert found("氏名: 記入欄").counts["name"] == 0


def test_letter_to_one_resident_is_personal(tmp_path: Path) -> None:
    res = scan_text(tmp_path, "〒184-0004\n東京都小金井市本町2丁目3番4号\n山田 太郎 様\n\nお知らせ\n")
    assert res.verdict == PERSONAL_DATA and res.findings["name"] == 1


def test_a_bare_name_list_is_a_list_of_people(tmp_path: Path) -> None:
    # Issue 11: "a bare list of person names is personal data" (docs/DETECTION.md, rule 5),
    # in running text as in a table; surnames alone are not.
    res = scan_text(tmp_path, "山田 太郎\n佐藤 花子\n鈴木 一郎\n")
    assert res.verdict == PERSONAL_DATA and res.findings["name"] == 3
    assert scan_text(tmp_path, "山田\n佐藤\n鈴木\n").verdict == CLEAN


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "cp932", "euc_jp"])
def test_encodings_are_detected_not_guessed(tmp_path: Path, encoding: str) -> None:
    text = "〒184-0004 東京都小金井市本町2丁目3番4号\n山田 太郎 様\n" * 20
    data = text.encode(encoding)
    assert data.decode(detect_encoding(data)) .lstrip("\ufeff") == text
    assert scan_text(tmp_path, text, encoding=encoding).verdict == PERSONAL_DATA


def test_masks_never_show_the_value() -> None:
    assert mask("my_number", VALID) == "1234 **** ****"
    assert mask("phone", "090-1234-5678") == "090-****-****"
    assert mask("email", "taro@example.jp") == "t***@example.jp"
    assert "太郎" not in mask("name", "山田 太郎")
    assert "3番4号" not in mask("address", "東京都小金井市本町2丁目3番4号")


def test_inlined_check_digit_agrees_with_stdnum() -> None:
    import random

    from tokki_desktop.scanner.detectors import valid_my_number

    rng = random.Random(4)
    numbers = [f"{rng.randrange(10**12):012d}" for _ in range(20000)]
    assert [valid_my_number(n) for n in numbers] == [my_number_check.is_valid(n) for n in numbers]
    assert sum(valid_my_number(n) for n in numbers) > 1000  # both outcomes really exercised


def test_born_suffix_and_paren_phone() -> None:
    assert found("平成3年12月24日 生 まで").counts["birth_date"] == 1
    assert found("学生 3名、生活相談").counts["birth_date"] == 0
    assert found("連絡先 (03) 1234-5678").counts["phone"] == 1


def test_phone_prefix_table_agrees_with_phonenumbers(corpus_module) -> None:
    import random

    import phonenumbers

    from tokki_desktop.scanner import phone_plan

    assert phone_plan._load() is not None, "table missing or built for another phonenumbers"
    rng = random.Random(8)
    gen = corpus_module.Gen(5)
    numbers = ["".join(c for c in gen.f.phone_number() if c.isdigit()) for _ in range(3000)]
    numbers += [f"0{rng.randrange(10**9):09d}" for _ in range(8000)]
    numbers += [f"0{rng.randrange(10**10):010d}" for _ in range(3000)]
    numbers += [rng.choice(["070", "080", "090", "050"]) + f"{rng.randrange(10**8):08d}" for _ in range(3000)]
    for digits in numbers:
        try:
            expected = phonenumbers.is_valid_number(phonenumbers.parse(digits, "JP"))
        except phonenumbers.NumberParseException:
            expected = False
        assert phone_plan.is_valid_jp(digits) == expected, "table differs from phonenumbers"


def test_prefilter_never_changes_a_finding(corpus, monkeypatch) -> None:
    """Skipping the detectors Hyperscan rules out gives exactly the findings of running them all."""
    from tokki_desktop.scanner import detectors, prefilter

    import platform

    if platform.machine() not in ("x86_64", "AMD64"):
        pytest.skip("Hyperscan has wheels for x86-64 only; elsewhere every detector always runs")
    root, labels = corpus
    paths = [root / rel for rel in labels]
    assert prefilter._database() is not None, "hyperscan should be available on this platform"
    with_prefilter = [(r.verdict, r.findings, r.records) for r in map(scan_file, paths)]
    assert detectors.families_present("ただの文章です。") == frozenset()  # it really skips
    monkeypatch.setattr(detectors, "families_present", lambda text: prefilter.ALL)
    without = [(r.verdict, r.findings, r.records) for r in map(scan_file, paths)]
    assert with_prefilter == without


def test_every_corpus_file_has_the_same_verdict_without_hyperscan(corpus, monkeypatch) -> None:
    """The pure-Python path (TOKKI_NO_HYPERSCAN=1, as where Hyperscan has no wheel) judges
    every file of the evaluation corpus exactly as the Hyperscan pass does."""
    from tokki_desktop.scanner import prefilter

    root, labels = corpus
    paths = [root / rel for rel in labels]
    monkeypatch.delenv(prefilter.DISABLE_ENV, raising=False)
    fast = [(r.verdict, r.findings, r.records, r.examples) for r in map(scan_file, paths)]
    monkeypatch.setenv(prefilter.DISABLE_ENV, "1")
    assert prefilter._database() is None
    assert [(r.verdict, r.findings, r.records, r.examples) for r in map(scan_file, paths)] == fast


def test_addresses_with_kanji_numerals() -> None:
    assert found("〒184-0004 東京都小金井市本町二丁目三番四号 山田 太郎 様").counts["address"] == 1
    assert found("小金井市本町二丁目十五番地").counts["address"] == 1
    assert found("小金井市本町二丁目の人口は3000人").counts["address"] == 0  # a district, not an address

"""The document rules' fast passes (résumé fields and sections, names one a line, addressee
blocks) find exactly what the straightforward (?m)^ passes find.

Random texts built from the pieces those rules read (labels of every kind and case, list and
table markup, names, honorifics, white space of several kinds, letters that fold to ASCII
under IGNORECASE) go through the pattern as it is and through the pattern it replaced.
"""

from __future__ import annotations

import random
import re

import pytest

from tokki_desktop.scanner import labels, resume, text_lists

PIECES = [
    "氏名", "氏 名", "お名前", "名前", "名", "姓", "姓名", "ふりがな", "フリガナ", "カナ", "かな", "読み", "生年月日",
    "住所", "現住所", "連絡先", "電話", "携帯", "メール", "本名", "苗字", "誕生日", "name", "Name", "NAME", "full name",
    "Last Name", "FIRSTNAME", "given name", "kana", "Furigana", "dob", "DOB", "Tel", "phone", "Mobile", "E-mail",
    "mail", "address", "Home Address", "birth date", "surname", "ſurname", "Kana", "\u212aana", "İ", "学歴", "職歴",
    "職務経歴", "資格", "免許・資格", "自己PR", "志望動機", "Education", "EXPERIENCE", "work experience", "Skills",
    "ſkills", "employment", "履歴書", "履 歴 書", "山田", "太郎", "佐藤 直樹", "白石芳郎", "様", "殿", "さま", "御中",
    "保護者", "拝啓", "記", "1.", "(2)", "・", "- ", "* ", "# ", "> ", "| ", "**", "\"", "'", "`", ":", "：", " ",
    "  ", "\u3000", "\t", "\n", "\n", "\n", "\r", "\x0b", "\x1c", "\u2028", "。", "、", "a", "x", "7", "〒100-0005",
    "東京都千代田区丸の内1-2-3", "勅使河原", "ひろゆき", "勅使河原 ひろゆき", "勅使河原　ひろゆき", "佐々木",
    "①", "⑫", "12", "さん", "（会計）", "(代表)", "（", ")", "佐藤花子様",
]


def random_text(rng: random.Random, n: int) -> str:
    return "".join(rng.choice(PIECES) for _ in range(n))


def _spans(rx: re.Pattern[str], text: str) -> list[tuple[tuple[int, int], ...]]:
    return [tuple(m.span(g) for g in range(rx.groups + 1)) for m in rx.finditer(text)]


# The passes as they were written before they were made fast (anchored by (?m)^).
_MARKUP = r"[ \t\-*#>|・•\"'`]*"
OLD_LABEL_START = re.compile(
    r"(?mi)^" + _MARKUP + "(?:" + "|".join(sorted(map(re.escape, resume._LABEL_OF), key=len, reverse=True)) + ")"
)
OLD_SECTION_LINE = re.compile(
    r"(?mi)^" + _MARKUP + r"(?:\*\*)?(?:学歴|職歴|学歴・職歴|職務経歴|職務要約|職務内容|資格|免許・資格|免許|資格・免許|"
    r"自己PR|志望動機|志望の動機|education|experience|work experience|employment|skills)(?:\*\*)?[\"']?(?:[ \t]*$|[:\s])"
)
OLD_NAME_LINE = re.compile(
    r"(?m)^[ \t　]*(?:(?:[-*+・•]|\d{1,4}[.)、．]|[(（]\d{1,4}[)）]|[\u2460-\u2473]|\d{1,2}(?=[ \t　]*[一-龥々]))[ \t　]*)?"
    r"([一-龥々〆ヶ]{1,4}[ 　]?(?:(?!様|殿|さん)[一-龥々〆ヶぁ-んァ-ヶー]){1,4})[ \t　]*(?:様|さん|殿)?"
    r"(?:[ \t　]*[(（][^()（）\n]{1,12}[)）])?[ \t　]*$"
)


def _line_breaks_shifted(rx: re.Pattern[str], text: str) -> list[tuple[tuple[int, int], ...]]:
    """The spans of the new pass over the text with a line break put in front, given as
    positions of ``text``: the whole match from its line's start, the groups as they are."""
    out = []
    for m in rx.finditer("\n" + text):
        whole = (m.start(), m.end() - 1)
        groups = (m.span(g) for g in range(1, rx.groups + 1))
        out.append((whole, *((a - 1, b - 1) if a >= 0 else (a, b) for a, b in groups)))
    return out


@pytest.mark.parametrize("old,new", [
    (OLD_LABEL_START, resume._LABEL_START),
    (OLD_SECTION_LINE, resume._SECTION_LINE),
    (OLD_NAME_LINE, text_lists._NAME_LINE),
], ids=["label_start", "section_line", "name_line"])
def test_line_passes_match_their_anchored_form(old: re.Pattern[str], new: re.Pattern[str]) -> None:
    rng = random.Random(13)
    for _ in range(3000):
        text = random_text(rng, rng.randint(1, 40))
        assert _line_breaks_shifted(new, text) == _spans(old, text), repr(text)


def test_candidate_lines_are_the_lines_the_anchored_pass_finds() -> None:
    rng = random.Random(14)
    for _ in range(1000):
        text = random_text(rng, rng.randint(1, 60))
        want: list[int] = []
        for m in OLD_LABEL_START.finditer(text):
            line = text.count("\n", 0, m.start())
            if not want or want[-1] != line:
                want.append(line)
        assert resume._candidate_lines(text) == want, repr(text)


def _addressees_without_gate(text: str) -> list[str]:
    gate = labels._HONORIFIC_ALONE
    labels._HONORIFIC_ALONE = re.compile(r"(?:)")  # matches everywhere: the gate lets all through
    try:
        return labels.addressees(text)
    finally:
        labels._HONORIFIC_ALONE = gate


# Lines of labels, postcards and letters, padded with white space of several kinds.
ADDRESS_LINES = ["浜田", "健一", "磯野", "波平", "山田太郎", "佐藤 直樹", "保護者", "様", "殿", "さま", "御中", "佐藤 直樹 様",
                 "保護者 様", "浜田\t健一\t様", "浜田\t様", "様\t", "a\t様", "香川県高松市番町1-8-15",
                 "東京都千代田区丸の内1-2-3", "高松市番町一ー八ー一五", "拝啓", "記", ""]
PADDING = ["", "", " ", "\u3000", "\t", "\r", "\x0b", "\x1c", "\u2028", "  "]


def address_text(rng: random.Random, n: int) -> str:
    return "\n".join(rng.choice(PADDING) + rng.choice(ADDRESS_LINES) + rng.choice(PADDING) for _ in range(n))


def test_addressee_gate_changes_no_answer() -> None:
    rng = random.Random(15)
    found = 0
    for k in range(4000):
        text = random_text(rng, rng.randint(1, 50)) if k % 4 == 0 else address_text(rng, rng.randint(1, 12))
        want = _addressees_without_gate(text)
        found += bool(want)
        assert labels.addressees(text) == want, repr(text)
    assert found  # the texts hold addressee blocks, not only letters the gate turns away


def test_addressee_gate_turns_away_a_letter_and_keeps_a_label() -> None:
    letter = "〒100-0005\n東京都千代田区丸の内1-2-3\n佐藤 直樹 様\n拝啓\n"
    assert labels._HONORIFIC_ALONE.search("\n" + letter) is None
    assert labels.addressees(letter) == []
    label = "東京都千代田区丸の内1-2-3\n浜田\n健一\n様\n"
    assert labels.addressees(label) == ["浜田 健一"]
    row = "東京都千代田区丸の内1-2-3\n浜田\t健一\t様 \n"
    assert labels.addressees(row) == ["浜田 健一"]

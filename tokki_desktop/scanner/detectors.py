"""Detectors for Japanese personal data over normalised text, with keyword proximity.

Each detector finds candidates with a regular expression, then validates them (check digit,
phone number plan, calendar) and weighs context the way DLP tools do: a keyword within a few
hundred characters, or the column header when the text comes from a table row (rows arrive
as ``見出し:値`` cells, so the header is the nearest keyword).
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import re
from collections import Counter
from dataclasses import dataclass, field
from itertools import accumulate as _accumulate
from itertools import chain as _chain
from typing import Iterator

from tokki_desktop.scanner.japanese import is_full_name, is_person_name
from tokki_desktop.scanner.keywords import KEYWORD_KINDS, KEYWORD_PATTERN, NAME_LABELS, ROLE_LABELS, keyword_pattern
from tokki_desktop.scanner.masking import mask
from tokki_desktop.scanner.names import given_names, starts_with_surname, surnames
from tokki_desktop.scanner.phone_plan import is_valid_jp
from tokki_desktop.scanner.prefilter import NUMBER_FAMILIES, TWELVE_FIRSTS, families_present, number_candidates

_KJ = "一-龥々〆ヶ"  # kanji and the marks that live inside names
_KANA = "ぁ-んァ-ヶー"

_PREF = (
    r"(?:北海道|東京都|京都府|大阪府|(?:青森|岩手|宮城|秋田|山形|福島|茨城|栃木|群馬|埼玉|千葉|"
    r"神奈川|新潟|富山|石川|福井|山梨|長野|岐阜|静岡|愛知|三重|滋賀|兵庫|奈良|和歌山|鳥取|島根|"
    r"岡山|広島|山口|徳島|香川|愛媛|高知|福岡|佐賀|長崎|熊本|大分|宮崎|鹿児島|沖縄)県)"
)

_KEYWORD_KINDS = KEYWORD_KINDS
_KEYWORD_OF = {w: kind for kind, words in _KEYWORD_KINDS.items() for w in words}
_KEYWORDS = re.compile(KEYWORD_PATTERN)

# Candidate patterns start with what they must start with (a digit, 市区町村, @…) and leave
# boundary checks to Python: a leading look-behind disables the engine's fast skip.
# The first group written \d\d{3}, not \d{4} (the same strings): a pattern that starts with
# a plain character class lets the regex engine skip ahead to the next digit, twice as fast
# on Japanese prose.
_TWELVE = re.compile(r"(\d\d{3})[ \-]?(\d{4})[ \-]?(\d{4})(?![\d\-])")
_PHONE = re.compile(r"0(?:\d{1,4}-\d{1,4}-\d{4}|\d{1,4}\(\d{1,4}\)\d{4}|[5789]0\d{8}|\d{9})(?![\w\-.])")
_PHONE_PAREN = re.compile(r"\(0\d{1,4}\) ?\d{1,4}-\d{4}(?![\w\-.])")
_POSTAL = re.compile(r"\d{3}-\d{4}(?![\d\-])")
# The same matches found from their hyphen (match start = postal code start + 3): a pattern
# that starts with \d is tried at every digit, one that starts with "-" is searched for as a
# literal, six times faster on digit-rich text. A test keeps both in agreement.
_POSTAL_FROM_DASH = re.compile(r"-(?<=\d{3}-)\d{4}(?![\d\-])")
_POSTAL_MARK = re.compile(r"(?:〒|郵便番号)[:\s]*$")
_KANJI_NUM = "[一二三四五六七八九十百〇]{1,4}"
_KANJI_DIGITS = "[一二三四五六七八九十〇]{1,4}"
_ADDRESS_TAIL = re.compile(
    rf"[市区町村郡][{_KJ}{_KANA}]{{0,14}}?"
    r"(?:\d{1,4}(?:丁目\d{1,4}(?:番地?)?(?:\d{1,4}号?)?|-\d{1,4}(?:-\d{1,4})?|番地(?:\d{1,4})?|番\d{1,4}号)"
    # Formal addresses write the numbers in kanji: 本町二丁目三番四号 (丁目 alone is a district).
    rf"|{_KANJI_NUM}丁目(?:{_KANJI_NUM}|\d{{1,4}})番(?:地|(?:{_KANJI_NUM}|\d{{1,4}})号)?"
    # Written vertically on a postcard or label, block numbers in kanji with long-vowel marks
    # for hyphens: 大野原町井関一ー四ー一, 鬼無町是竹一ー一一ー一二.
    rf"|{_KANJI_DIGITS}[ー\-]{_KANJI_DIGITS}(?:[ー\-]{_KANJI_DIGITS})?(?![一-龥]))"
)
_CJK_CHARS = frozenset(
    chr(c) for r in ((0x4E00, 0x9FA5), (0x3041, 0x3093), (0x30A1, 0x30F6)) for c in range(r[0], r[1] + 1)
) | frozenset("々〆ヶー")
_PREF_AHEAD = re.compile(rf"\s?{_PREF}")
_NAME_LABEL = re.compile(
    "(?:" + "|".join(NAME_LABELS) + ")"
    r"(?:\((?:漢字|カナ|フリガナ)\)|カナ|フリガナ)?[:\s]\s*"
    rf"([{_KJ}{_KANA}]{{1,6}}(?: [{_KJ}{_KANA}]{{1,6}})?)"
)
# The same label before a name in Latin letters, with a colon: "name: John Smith" (a résumé's
# front matter, an English form). Two or three capitalised words, nothing else on the line.
_NAME_LABEL_LATIN = re.compile(
    "(?:" + "|".join(NAME_LABELS) + r")[ \t]*:[ \t]*([A-Z][a-z]+(?: [A-Z][a-z]+){1,2})[ \t]*(?=\n|$)"
)
# A document that opens with a name in Latin letters on a line of its own (a heading).
_FIRST_LINE_NAME = re.compile(r"\s*(?:#+ |\*\*)?([A-Z][a-z]+(?: [A-Z]\.)?(?: [A-Z][a-z]+){1,2})(?:\*\*)?[ \t]*\n")
# Mailboxes of a role, not of a person: info@, contact@, support@… (a list of them is an
# organisation's directory).
_ROLE_MAILBOXES = frozenset({
    "info", "contact", "support", "admin", "administrator", "webmaster", "postmaster", "noreply", "no-reply",
    "sales", "office", "help", "mail", "hello", "inquiry", "inquiries", "toiawase", "otoiawase", "soumu",
    "service", "press", "pr", "jobs", "recruit", "saiyo", "ir", "abuse", "security", "root", "test", "example",
})
# At least this many distinct individuals' addresses make a text a list of them (or this
# many, each on a line of its own or beside a name).
EMAIL_LIST_MIN = 5
EMAIL_LINES_MIN = 3


def _line_length(text: str, pos: int) -> int:
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return (len(text) if end < 0 else end) - start


def is_personal_email(address: str) -> bool:
    """An individual's mailbox, not a role's (info@, support@) or an example's."""
    local = address.lower().partition("@")[0]
    return local not in _ROLE_MAILBOXES and not local.startswith(("info", "noreply", "no-reply"))


_ROLE_LABEL = re.compile(
    "(?:" + "|".join(ROLE_LABELS) + rf")(?:名|氏名)?:\s*([{_KJ}]{{1,4}} ?[{_KJ}ァ-ヶー]{{1,4}})(?![{_KJ}])"
)
# An addressee line of a letter: just "姓 名 様" (a surname not in our list still counts).
_ADDRESSEE = re.compile(rf"[{_KJ}ノ]{{1,4}} [{_KJ}ぁ-んァ-ヶー]{{1,4}}")
# Introducing oneself: "池田 隆之と申します".
# A name with its reading after it: 薬師寺 さくら(ヤクシジ サクラ). The reading in two parts is
# the clue, so surnames outside our list count too.
_READING = re.compile(r"\(([ァ-ヶー]{1,10} [ァ-ヶー]{1,10})\)")
_NAME_BEFORE_READING = re.compile(rf"(?<![{_KJ}ノ])[{_KJ}ノ]{{1,4}} ?[{_KJ}ぁ-ん]{{1,4}}$")
_SELF_INTRO = re.compile(rf"(?<![{_KJ}ノ])([{_KJ}ノ]{{1,4}} ?[{_KJ}]{{1,4}})と申します")
# The longest name _SELF_INTRO takes before と申します ([KJノ]{1,4} ?[KJ]{1,4}).
_SELF_INTRO_SPAN = 9
_SELF_INTRO_WORD = "と申します"
# Roles and groups written like a name before 様 (保護者 各位, 担当者 様): never a person's name.
_NOT_ADDRESSEES = frozenset({"担当者", "担当", "保護者", "関係者", "会員", "各位", "御中", "利用者", "申請者",
                             "代表者", "責任者", "皆", "皆々", "住民", "市民", "区民", "町民", "村民", "事業者",
                             "加入者", "受給者", "被保険者", "契約者", "入居者", "組合員", "社員", "職員"})
# A label right before a 12-digit value that names another kind of number (処理番号=…).
_OTHER_ID_BEFORE = re.compile(
    r"(?:処理|受付|管理|伝票|注文|請求|整理|照会|取引|会員|顧客|契約|社員|職員|証券|製品|商品|発注|案件|ジョブ|"
    r"問合せ|問い合わせ|予約|申込|登録)(?:番号|No\.?|ID|コード)\s*[:=]?\s*$"
)
_KANA_LABEL = re.compile(r"(?:フリガナ|ふりがな|カナ|口座名義|名義人?)(?:\((?:カナ|フリガナ)\))?[:\s]\s*([ァ-ヶー]{1,10}(?: [ァ-ヶー]{1,10})?)")
_HONOR = re.compile(r"様|さん|殿")
_KATAKANA_NAME = re.compile(r"[ァ-ヶー]{1,8} [ァ-ヶー]{1,8}")
_SPACE_BEFORE_CJK = re.compile(rf" (?=[{_KJ}ぁ-んァ-ヶ])")
# The spaces the bare-name pass can take: 1–3 of _CJK_CHARS on each side and no more (its
# Python checks, done in C; it went through every space before a kanji, twice as many on a
# roster). Searched from the space, a literal, so the engine skips ahead to the next one.
_CJK_CLASS = f"[{_KJ}{_KANA}]"  # the characters of _CJK_CHARS
_BARE_NAME_SPACE = re.compile(
    rf" (?<={_CJK_CLASS} )(?<!{_CJK_CLASS}{{4}} )(?=[{_KJ}ぁ-んァ-ヶ]{_CJK_CLASS}{{0,2}}(?!{_CJK_CLASS}))"
)
_DATE = re.compile(
    r"(?:(?P<era>明治|大正|昭和|平成|令和|[MTSHR])\s?(?P<ey>元|\d{1,2})\s?[年.\-/]\s?"
    r"(?P<em>\d{1,2})\s?[月.\-/]\s?(?P<ed>\d{1,2})日?"
    r"|(?P<y>(?:18|19|20)\d{2})\s?[年/.\-]\s?(?P<m>\d{1,2})\s?[月/.\-]\s?(?P<d>\d{1,2})日?)"
)
# A date of an era that ended before anyone now at work was hired young: beside a name in a
# table row, a date of birth even without a 生年月日 header (中村 太郎, 昭和56年9月25日).
_OLD_ERA_DATE = re.compile(
    r"(?<![A-Za-z0-9])(?P<era>明治|大正|昭和|[MTS])\s?(?P<ey>元|\d{1,2})\s?[年.\-/]\s?(?P<em>\d{1,2})\s?[月.\-/]\s?"
    r"(?P<ed>\d{1,2})日?(?![\d.])"
)
_BORN = re.compile(r"生(?![活徒産命涯成協年])")
_EMAIL_AT = re.compile(r"@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+")
_EMAIL_LOCAL = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._%+-")
_BANK = re.compile(r"(?:口座番号|口座No\.?|口座)[:\s]*(?:\(?(?:普通|当座)\)?[:\s]*)?(\d{7})(?!\d)")
_PASSPORT = re.compile(r"(?<![A-Za-z0-9])([A-Z]{2}\d{7})(?![\dA-Za-z])")
_RESIDENCE = re.compile(r"(?<![A-Za-z0-9])([A-Z]{2}\d{8}[A-Z]{2})(?![A-Za-z0-9])")
_PENSION = re.compile(r"(?<![\d\-])(\d{4}-?\d{6})(?![\d\-])")
_HEALTH = re.compile(r"(?:被保険者 ?番号|保険者 ?番号|記号 ?番号|被保険者証 ?番号)[^0-9\n]{0,12}(\d{6,10})(?!\d)")
# A health insurance card: 記号 練93 番号 763204, with 被保険者証/保険証 above it.
_HEALTH_CARD = re.compile(r"記号[:\s]*\S{1,10}[:\s]+番号[:\s]*(\d{1,10})(?!\d)")
# A title of office right before a name: the person is named in that role, and the address and
# numbers next to it are the organisation's (院長 高橋 誠, 代表取締役社長: 遠藤 誠).
_TITLE_BEFORE = re.compile(
    r"(?:院長|社長|取締役|代表|理事長|部長|課長|係長|所長|校長|園長|館長|市長|町長|村長|区長|知事|議長|支店長|店長|"
    r"局長|室長|事務長)\s?:?\s?$"
)
_DIGIT_OR_DASH = frozenset("0123456789-")
_PHONE_BEFORE_BAD = frozenset("0123456789-+.ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_")

_ERA_START = {"明治": 1868, "大正": 1912, "昭和": 1926, "平成": 1989, "令和": 2019,
              "M": 1868, "T": 1912, "S": 1926, "H": 1989, "R": 2019}
# Words that follow 氏名: in forms and templates but are not names.
_NOT_NAMES = frozenset({"記入", "記入欄", "欄", "様式", "署名", "押印", "自署", "不明", "なし", "無し",
                        "一覧", "変更", "住所", "電話", "番号", "生年月日", "性別", "年齢", "氏名", "名前"})

STRONG_IDS = ("my_number", "passport", "drivers_license", "residence_card", "pension_number",
              "health_insurance")
# Within this many characters a keyword gives context to a value (before it / after it).
CONTEXT_BEFORE = 200
CONTEXT_AFTER = 40
# A name and another personal item this close in prose belong to the same person.
PERSON_WINDOW = 300
_GOV_EMAIL = (".lg.jp", ".go.jp")


@dataclass
class Evidence:
    """What the detectors found in one file, accumulated over its text segments and tables."""

    counts: Counter[str] = field(default_factory=Counter)
    examples: dict[str, str] = field(default_factory=dict)
    rules: Counter[str] = field(default_factory=Counter)
    records: int = 0
    persons: int = 0
    # People named in a table's name column (a bare list of names is personal data too).
    listed_names: int = 0
    # Individuals' e-mail addresses or mobile numbers in a list (a table column, a mailing list).
    listed_contacts: int = 0
    # Rows of tables about organisations and facilities (their names, addresses, phones).
    organisation_rows: int = 0
    # One person's résumé or personal form (see scanner.resume).
    resumes: int = 0
    twelve_digit_total: int = 0
    my_number_unlabelled: int = 0
    my_number_invalid_labelled: int = 0
    # The site's setting: a corporation's representative (代表者 of a 株式会社) makes its row a
    # person's too, not only a sole proprietor (see result.REPRESENTATIVES_ALL).
    all_representatives: bool = False

    def add(self, kind: str, value: str, rule: str, n: int = 1) -> None:
        self.counts[kind] += n
        self.rules[rule] += n
        if kind not in self.examples:
            self.examples[kind] = mask(kind, value)


_KIND_NAMES = frozenset(_KEYWORD_KINDS)


@functools.lru_cache(maxsize=64)
def _keywords_of_kinds(kinds: frozenset[str]) -> re.Pattern[str]:
    """The keyword pattern for the words of the kinds the prefilter saw (not empty)."""
    return _KEYWORDS if kinds == _KIND_NAMES else re.compile(keyword_pattern(kinds))


class _Keywords:
    """Positions of each keyword kind in one text, for proximity questions.

    The positions are indexed on the first question about a kind whose words occur in the
    text (``present``, from the prefilter): a table column full of 株式会社 asks nothing when
    it holds no phone number, postal code or address, and then costs no keyword scan.
    """

    def __init__(self, text: str, present: frozenset[str]) -> None:
        self._text = text
        self._present = present
        self._pos: dict[str, list[int]] | None = None

    def _index(self) -> dict[str, list[int]]:
        pos: dict[str, list[int]] = {}
        of = _KEYWORD_OF
        kinds = self._present & _KIND_NAMES
        # No kind present: no keyword in the text, nothing to scan for.
        for m in _keywords_of_kinds(kinds).finditer(self._text) if kinds else ():
            w = m.group(0)
            kind = of.get(w) or of.get(w.lower().replace(" ", ""), "")
            pos.setdefault(kind, []).append(m.start())
        self._pos = pos
        return pos

    def of(self, kind: str) -> list[int]:
        """Where the ``kind`` keywords start, in order (none when the prefilter saw none)."""
        if kind not in self._present:
            return []
        pos = self._pos if self._pos is not None else self._index()
        return pos.get(kind, [])

    def near(self, kind: str, at: int, before: int = CONTEXT_BEFORE, after: int = CONTEXT_AFTER) -> int | None:
        """Distance to the nearest ``kind`` keyword in [at-before, at+after], else None."""
        lst = self.of(kind)
        if not lst:
            return None
        i = bisect.bisect_left(lst, at - before)
        best: int | None = None
        while i < len(lst) and lst[i] <= at + after:
            d = abs(lst[i] - at)
            best = d if best is None or d < best else best
            i += 1
        return best


# The characters a match of each number family's patterns is made of (digits: ASCII only, as
# number_candidates leaves out a text with other decimal digits). A match never spans any
# other character, so the matches inside one run of these characters do not depend on what
# came before the run, and finditer from the run's start finds them as over the whole text.
_RUN_CHARS = {"twelve": frozenset("0123456789 -"), "phone": frozenset("0123456789-() "),
              "postal": frozenset("0123456789-")}
# The runs found from a candidate with one regex call each way (C, not a loop a character):
# forwards in the text, backwards in the text reversed.
_RUN_AHEAD = {family: re.compile("[" + re.escape("".join(sorted(chars))) + "]*") for family, chars in _RUN_CHARS.items()}


class _Reversed:
    """``text[::-1]``, made on the first question (one copy of the slice, for every family)."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._rev: str | None = None

    def get(self) -> str:
        if self._rev is None:
            self._rev = self._text[::-1]
        return self._rev


def _candidate_runs(text: str, digits: list[int], family: str, rev: _Reversed) -> list[tuple[int, int]]:
    """The runs of the family's characters holding the digits at ``digits`` (ascending), merged, in order."""
    runs: list[tuple[int, int]] = []
    ahead = _RUN_AHEAD[family].match
    back = rev.get()
    n = len(text)
    last = -1
    for i in digits:
        if i < last:
            continue  # in the run already found
        last = ahead(text, i).end()
        runs.append((n - ahead(back, n - 1 - i).end(), last))
    return runs


def _finditer_in_runs(rx: re.Pattern[str], text: str,
                      runs: list[tuple[int, int]]) -> Iterator[tuple[int, int, re.Match[str]]]:
    """(start, end, match) of the matches of rx.finditer(text) that start inside ``runs``.

    One finditer over the runs joined, each with the character after it (the patterns'
    look-aheads read one character, which must be the text's own; the runs are maximal, so
    that character is none of the run's and no match crosses it): a regex call a run cost
    more than the whole-text pass on a log full of ids. ``match`` is of the joined string:
    its groups are the text's, its positions are not.
    """
    if not runs:
        return
    pieces = [text[a:b + 1] for a, b in runs]
    joined = "".join(pieces)
    # Where each piece starts in the joined string (summed in C), and one past the end.
    starts = list(_accumulate(map(len, pieces), initial=0))
    starts[-1] += 1
    k = 0
    nxt = starts[1]
    shift = runs[0][0]
    for m in rx.finditer(joined):
        s = m.start()
        if s >= nxt:
            while s >= nxt:
                k += 1
                nxt = starts[k + 1]
            shift = runs[k][0] - starts[k]
        yield s + shift, m.end() + shift, m


_TWELVE_RUN = _RUN_CHARS["twelve"]


def _twelve_matches(text: str, digits: list[int], firsts: list[int],
                    rev: _Reversed) -> Iterator[tuple[int, int, re.Match[str] | None]]:
    """(start, end, match) of _TWELVE.finditer(text) in the runs around the candidates, most
    of them without a run search (their match None: _TWELVE.match(text, start) gives it).

    A candidate whose run is nothing but its own twelve digits (with their separators), and
    at most one space on each side before another character (an id in a log line: "job
    557976392337 finished"), is the only match of its run, and finditer over the run finds it
    with one match() at its first digit. The other candidates' runs are searched as before.
    A run that goes on to the right does so through a space: the candidate's guard after it
    is no digit or dash.
    """
    n = len(text)
    run = _TWELVE_RUN
    alone: list[tuple[int, int, re.Match[str] | None]] = []
    rest: list[int] = []
    for first, last in zip(firsts, digits):
        if first and text[first - 1] == " " and first > 1 and text[first - 2] in run:
            rest.append(last)  # the run goes on to the left
            continue
        end = last + 1
        if end < n and text[end] == " " and end + 1 < n and text[end + 1] in run:
            rest.append(last)  # the run goes on to the right: other matches may share it
            continue
        # _TWELVE matches text[first:end] exactly: the same digits and separators as the
        # candidate, and the character after them (the candidate's guard) is no digit or
        # dash. The match itself is made only if the pass gets as far as its digits.
        alone.append((first, end, None))
    if not rest:
        return iter(alone)
    others = list(_finditer_in_runs(_TWELVE, text, _candidate_runs(text, rest, "twelve", rev)))
    return iter(sorted(alone + others, key=_first_of))


def _first_of(triple: tuple[int, int, re.Match[str]]) -> int:
    return triple[0]


def _number_matches(rx: re.Pattern[str], text: str, family: str, candidates: dict[str, list[int]],
                    rev: _Reversed | None = None) -> Iterator[tuple[int, int, re.Match[str]]]:
    """(start, end, match) of rx.finditer(text), or of its matches in the runs around the
    prefilter's candidates (``match`` then is of the runs joined: use its groups, not its
    positions).

    Leaves out only matches in runs without a candidate, which the detectors skip for the
    character before them (a digit, a letter): they add nothing and, inside their own run,
    consume nothing that another match could use.
    """
    digits = candidates.get(family)
    if digits and family == "twelve" and TWELVE_FIRSTS in candidates:
        return _twelve_matches(text, digits, candidates[TWELVE_FIRSTS], rev or _Reversed(text))
    if digits is None:
        return ((m.start(), m.end(), m) for m in rx.finditer(text))
    if not digits:
        return iter(())
    return _finditer_in_runs(rx, text, _candidate_runs(text, digits, family, rev or _Reversed(text)))


# Around a number that is part of something longer: a decimal point or thousands separator
# with a digit beyond it, a letter or underscore of a code, a currency or unit after it.
_JOINED_BEFORE = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_¥$#")
_JOINED_AFTER = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_円%")


def _stands_alone(text: str, start: int, end: int) -> bool:
    """True when the digits at text[start:end] are a number of their own, not the decimals of
    a coordinate, the tail of an amount or the middle of a longer code."""
    if start:
        before = text[start - 1]
        if before in _JOINED_BEFORE:
            return False
        if before in ".," and start > 1 and text[start - 2].isdigit():
            return False
    if end < len(text):
        after = text[end]
        if after in _JOINED_AFTER:
            return False
        if after in ".," and end + 1 < len(text) and text[end + 1].isdigit():
            return False
    return True


# The characters beside a number that make _stands_alone (or the digit-or-dash check before
# it) look closer; beside any other character a number stands alone.
_CLOSER_BEFORE = _JOINED_BEFORE | _DIGIT_OR_DASH | frozenset(".,")
_CLOSER_AFTER = _JOINED_AFTER | frozenset(".,")


def _count_standing_alone(text: str, matches: Iterator[tuple[int, int, re.Match[str]]]) -> int:
    """How many of ``matches`` the twelve-digit pass would count: not after a digit or a dash,
    and standing alone (the pass's own two checks, the common case without a call)."""
    n = 0
    size = len(text)
    for pos, end, _m in matches:
        before = text[pos - 1] if pos else ""
        after = text[end] if end < size else ""
        if before not in _CLOSER_BEFORE and after not in _CLOSER_AFTER:
            n += 1
        elif not (pos and before in _DIGIT_OR_DASH) and _stands_alone(text, pos, end):
            n += 1
    return n


def _valid_phone(raw: str) -> bool:
    """A JP phone number by phonenumbers' rules (precomputed per prefix, see phone_plan)."""
    digits = raw.replace("-", "").replace("(", "").replace(")", "").replace(" ", "")
    if len(digits) not in (10, 11) or not digits.isdigit():
        return False
    return is_valid_jp(digits)




def valid_my_number(digits: str) -> bool:
    """The 個人番号 check digit, as python-stdnum's ``stdnum.jp.in_`` computes it.

    Inlined because logs hold tens of thousands of 12-digit ids and stdnum's validate()
    (compact, clean, checks) costs ten times more per call; a test keeps both in agreement.
    """
    if not digits.isascii():
        return False  # ٣٣٣٣… or other non-ASCII decimal digits: not how a My Number is written
    b = digits.encode("ascii")
    # Unrolled (a generator over zip cost 3 µs a call, most of a roster's My Number column);
    # 48 * 47 takes off the ASCII '0' under each of the weights, which sum to 47.
    s = (6 * b[0] + 5 * b[1] + 4 * b[2] + 3 * b[3] + 2 * b[4] + 7 * b[5] + 6 * b[6] + 5 * b[7]
         + 4 * b[8] + 3 * b[9] + 2 * b[10] - 48 * 47)
    return -s % 11 % 10 == b[11] - 48


# Month and day as _DATE finds them (one or two ASCII digits) that make a date in every
# year; _DATE's years (1800–2099, or an era start plus up to 99) are all in range, so only
# 29 February, other spellings and impossible dates need the calendar.
_DAYS_IN_MONTH = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
_ALWAYS_VALID_MONTH_DAY = frozenset(
    (m, d)
    for month, days in enumerate(_DAYS_IN_MONTH, 1) for day in range(1, days + 1)
    for m in {str(month), f"{month:02d}"} for d in {str(day), f"{day:02d}"}
)


def _valid_era_date(era: str, ey: str, em: str, ed: str) -> bool:
    """昭和64年1月7日 exists; 昭和15年2月30日 and 大正16年 (the era had 15 years) do not."""
    year = 1 if ey == "元" else int(ey)
    try:
        day = dt.date(_ERA_START[era] + year - 1, int(em), int(ed))
    except (ValueError, KeyError):
        return False
    nxt = {"明治": "大正", "M": "大正", "大正": "昭和", "T": "昭和", "昭和": "平成", "S": "平成"}[era]
    return day < dt.date(_ERA_START[nxt], 12, 31) if nxt != "平成" else day <= dt.date(1989, 1, 7)


def _valid_date(m: re.Match[str]) -> bool:
    # The groups unpacked at once (era, ey, em, ed, y, m, d): a birth-date column checks one
    # date a row, and look-ups by group name cost more than the calendar check.
    era, ey, em, ed, y, mo, day = m.groups()
    if ((em, ed) if era else (mo, day)) in _ALWAYS_VALID_MONTH_DAY:
        return True
    try:
        if era:
            year = 1 if ey == "元" else int(ey)
            dt.date(_ERA_START[era] + year - 1, int(em), int(ed))
        else:
            dt.date(int(y), int(mo), int(day))
    except (ValueError, KeyError):
        return False
    return True


def _looks_like_name(value: str) -> bool:
    v = value.strip()
    compact = v.replace(" ", "")
    # Three "in" tests, not any() over a generator: a name column calls this once a name.
    return not (len(compact) < 2 or compact in _NOT_NAMES or "記入" in compact or "欄" in compact
                or "様式" in compact)


# Read in the text reversed, from a position leftwards: a run of _CJK_CHARS, and the letters
# of a name before an honorific (a run, then at most one space and another run). One regex
# call each, where a loop looked at one character at a time; a test compares both.
_CJK_RUN = re.compile(f"{_CJK_CLASS}*")
_NAME_BACK = re.compile(f"(?:{_CJK_CLASS}+(?: {_CJK_CLASS}*)?)?")
# The most characters read before an honorific.
_NAME_BACK_CHARS = 10


def _cjk_before(back: str, pos: int, most: int) -> int:
    """How many _CJK_CHARS (at most ``most``) end at ``pos`` of the text ``back`` reverses."""
    s = len(back) - pos
    return _CJK_RUN.match(back, s, s + most).end() - s


def _name_before(text: str, end: int, back: str | None = None) -> tuple[int, str] | None:
    """The listed-surname name ending at ``end`` (before an honorific), with its start.
    ``back`` is ``text[::-1]`` (made here when not given)."""
    j = end
    if j > 0 and text[j - 1] == " ":
        j -= 1
    if back is None:
        back = text[::-1]
    s = len(text) - j
    k = j - (_NAME_BACK.match(back, s, s + _NAME_BACK_CHARS).end() - s)
    value = text[k:j].strip()
    if " " in value and _KATAKANA_NAME.fullmatch(value):
        return j - len(value), value  # ヤマダ タロウ 様: a name written in katakana
    # Try from the left: "市民課山田" holds the surname 山田 after two other characters.
    for cut in range(max(1, len(value) - 1)):
        cand = value[cut:].lstrip()
        if len(cand.replace(" ", "")) <= 8 and starts_with_surname(cand) and _looks_like_name(cand):
            return j - len(cand), cand
    # A surname outside our list, as the dictionary knows it: 上杉辰男 様, 織田信長様.
    for cut in range(max(1, len(value) - 1)):
        cand = value[cut:].lstrip()
        if 2 <= len(cand.replace(" ", "")) <= 8 and is_full_name(cand):
            return j - len(cand), cand
    return None


def _alone_on_line(text: str, start: int, end: int) -> bool:
    """True when text[start:end] is all its line holds (a signature, a label's next line)."""
    return (start == 0 or text[start - 1] == "\n") and (end == len(text) or text[end] == "\n")


def _addressee_line(text: str, end: int) -> tuple[int, str] | None:
    """A line that holds nothing but "姓 名" before the honorific: a letter's addressee."""
    line = text[text.rfind("\n", 0, end) + 1:end]
    value = line.strip()
    if _ADDRESSEE.fullmatch(value) and not any(part in _NOT_ADDRESSEES for part in value.split()):
        return end - len(line) + (len(line) - len(line.lstrip())), value
    return None


def detect(text: str, ev: Evidence, *, line_starts: list[int] | None = None,
           collect: list[tuple[int, str]] | None = None) -> None:
    """Run every detector over ``text`` (already normalised) and add to ``ev``.

    With ``line_starts`` the text is table rows, one per line: a row holding a name (or a
    strong identifier) and another personal item is one person-record. With ``collect``,
    the hits (position, kind) are handed back instead and the caller counts records.
    """
    present = families_present(text)
    # Sparse numbers (a server log with a few phone numbers): their regexes run only around
    # the prefilter's candidates instead of over every digit of the text.
    numbers = number_candidates(text) if not present.isdisjoint(NUMBER_FAMILIES) else {}
    # No keyword anywhere (the prefilter runs the same pattern): nothing to index.
    kw = _Keywords(text if "keyword" in present else "", present)
    hits: list[tuple[int, str]] = []
    is_ascii = text.isascii()

    def hit(kind: str, pos: int, value: str, rule: str) -> None:
        ev.add(kind, value, rule)
        hits.append((pos, kind))

    def org(pos: int, span: int = 40) -> bool:
        return kw.near("kw_org", pos, span, 0) is not None

    # 12-digit numbers: My Number, or a driving licence number when that keyword is nearer.
    # Keyword kinds asked about once, not at every number (a column of invoice numbers).
    has_my_kw = bool(kw.of("kw_my"))
    has_lic_kw = bool(kw.of("kw_license"))
    # Running text with no My Number or licence keyword: once the share rule below cannot
    # pass any more (a log full of ids), a number is only counted; the look-ups that follow
    # would end in the same ``continue``.
    only_count = not has_my_kw and not has_lic_kw and line_starts is None and collect is None
    rev = _Reversed(text)
    twelves = iter(_number_matches(_TWELVE, text, "twelve", numbers, rev) if "twelve" in present else ())
    for pos, end, m in twelves:
        if pos and text[pos - 1] in _DIGIT_OR_DASH:
            continue
        if not _stands_alone(text, pos, end):
            continue  # 134.056537698034, 123,456,789,012円, ID123456789012: part of another number
        ev.twelve_digit_total += 1
        if only_count and ev.twelve_digit_total > 200 and ev.my_number_unlabelled < 0.5 * ev.twelve_digit_total:
            # It stays so for every number after this one (the total only grows, the
            # unlabelled count no longer does): they are only counted, in a tighter loop.
            ev.twelve_digit_total += _count_standing_alone(text, twelves)
            break
        if _OTHER_ID_BEFORE.search(text, max(0, pos - 12), pos):
            continue  # 処理番号=123456789012: labelled as something else, whatever words are near
        if m is None:
            m = _TWELVE.match(text, pos)  # a number alone in its run (see _twelve_matches)
        digits = "".join(m.groups())
        d_my = kw.near("kw_my", pos) if has_my_kw else None
        d_lic = kw.near("kw_license", pos) if has_lic_kw else None
        if d_lic is not None and (d_my is None or d_lic < d_my):
            hit("drivers_license", pos, digits, "免許証番号（キーワード近接）")
            continue
        if d_my is None and line_starts is None and collect is None and ev.twelve_digit_total > 200 \
                and ev.my_number_unlabelled < 0.5 * ev.twelve_digit_total:
            # Running text full of 12-digit ids that mostly fail the check digit (a log):
            # the share rule cannot pass any more, so unlabelled ones need no more checking.
            continue
        if not valid_my_number(digits):
            if d_my is not None:
                ev.my_number_invalid_labelled += 1
            continue
        if d_my is not None:
            hit("my_number", pos, digits, "個人番号（検査数字一致・キーワード近接）")
        else:
            ev.my_number_unlabelled += 1
            hits.append((pos, "my_number?"))
            if "my_number?" not in ev.examples:
                ev.examples["my_number?"] = mask("my_number", digits)

    phones = _chain(_number_matches(_PHONE, text, "phone", numbers, rev),
                    _number_matches(_PHONE_PAREN, text, "phone", numbers, rev) if "phone_paren" in present else ())
    for pos, _end, m in phones if "phone" in present else ():
        if pos and text[pos - 1] in _PHONE_BEFORE_BAD:
            continue
        raw = m.group(0)
        # "0263-34-3000(代表)", "内線2145": an office's number, marked before or just after it.
        if _valid_phone(raw) and kw.near("kw_org", pos, 40, len(raw) + 4) is None:
            hit("phone", pos, raw, "電話番号（番号体系と一致）")

    for dash, end, _m in _number_matches(_POSTAL_FROM_DASH, text, "postal", numbers, rev) if "postal" in present else ():
        pos = dash - 3
        if pos and text[pos - 1] in _DIGIT_OR_DASH:
            continue
        marked = _POSTAL_MARK.search(text, max(0, pos - 10), pos) is not None
        if (marked or _PREF_AHEAD.match(text, end)) and not org(pos):
            hit("postal_code", pos, text[pos:end], "郵便番号（〒・住所と隣接）")

    for m in _NAME_LABEL_LATIN.finditer(text) if "label_name" in present and ":" in text else ():
        hit("name", m.start(1), m.group(1), "氏名（見出し・ラベル）")

    if not is_ascii:
        _detect_japanese(text, kw, ev, hit, org, present, tabular=line_starts is not None or collect is not None,
                         rev=rev)

    personal_emails: set[str] = set()
    listed_emails: set[str] = set()
    for m in _EMAIL_AT.finditer(text) if "email" in present else ():
        k = m.start()
        while k > 0 and text[k - 1] in _EMAIL_LOCAL and m.start() - k < 64:
            k -= 1
        if k == m.start() or m.group(0).lower().endswith(_GOV_EMAIL):
            continue
        address = text[k:m.end()]
        hit("email", k, address, "メールアドレス")
        if is_personal_email(address):
            personal_emails.add(address.lower())
            if _line_length(text, k) <= len(address) + 48:
                listed_emails.add(address.lower())  # on a line of its own, or with a name
    if collect is None and (len(personal_emails) >= EMAIL_LIST_MIN or len(listed_emails) >= EMAIL_LINES_MIN):
        # A mailing list, an export of addresses: individuals' e-mail addresses, many of them
        # or one a line.
        ev.listed_contacts += len(personal_emails)

    # The title of a CV or a profile is its owner's name: "# John Smith" as the first line.
    if line_starts is None and collect is None:
        first = _FIRST_LINE_NAME.match(text)
        if first is not None:
            hit("name", first.start(1), first.group(1), "氏名（文書の見出し）")

    for key, rx, kind, rule in (
        ("kw_passport", _PASSPORT, "passport", "旅券番号（キーワード近接）"),
        ("kw_residence", _RESIDENCE, "residence_card", "在留カード番号（キーワード近接）"),
        ("kw_pension", _PENSION, "pension_number", "基礎年金番号（キーワード近接）"),
    ):
        seen: set[int] = set()
        # Only around the keyword: a value within CONTEXT_AFTER before it or CONTEXT_BEFORE after.
        for kpos in kw.of(key):
            for m in rx.finditer(text, max(0, kpos - CONTEXT_AFTER), kpos + CONTEXT_BEFORE):
                if m.start(1) not in seen:
                    seen.add(m.start(1))
                    hit(kind, m.start(1), m.group(1), rule)

    if collect is not None:
        collect.extend(hits)
    elif line_starts is not None:
        _count_records(hits, line_starts, ev)
    else:
        titled = {pos for pos, kind in hits if kind == "name" and _TITLE_BEFORE.search(text, max(0, pos - 10), pos)}
        # Sorted once for both counts (a roster in running text has 100,000s of hits).
        ordered = sorted(h for h in hits if h[1] != "my_number?")
        _count_persons(ordered, ev, titled)
        _count_line_records(text, ordered, ev)


def _detect_japanese(text: str, kw: _Keywords, ev: Evidence, hit, org, present: frozenset[str],
                     tabular: bool = False, rev: _Reversed | None = None) -> None:
    """The detectors that need Japanese script (skipped for pure-ASCII text such as logs).
    ``rev`` gives the text reversed (shared with the number detectors)."""
    rev = rev or _Reversed(text)
    for m in _ADDRESS_TAIL.finditer(text) if "address" in present else ():
        pos = m.start()
        # The municipality's name before 市区町村郡: up to 14 of _CJK_CHARS.
        k = pos - _cjk_before(rev.get(), pos, 14)
        if k == pos or org(k, 60):
            continue  # a bare 市/区/町 with no municipality name before it
        hit("address", k, text[k:m.end()], "住所（市区町村＋丁目・番地）")

    name_spans: set[int] = set()
    # Each label pattern runs only where its own words occur (a roster's カナ column says
    # nothing about 氏名: or 講師: labels); the order of the passes stays the same.
    labels = ((_NAME_LABEL, "氏名（見出し・ラベル）", "label_name"), (_KANA_LABEL, "氏名（フリガナ欄）", "label_kana"))
    for rx, rule, family in labels:
        for m in rx.finditer(text) if family in present else ():
            if _looks_like_name(m.group(1)) and m.start(1) not in name_spans:
                name_spans.add(m.start(1))
                hit("name", m.start(1), m.group(1), rule)
    for m in _ROLE_LABEL.finditer(text) if "label_role" in present else ():
        if _looks_like_name(m.group(1)) and m.start(1) not in name_spans:
            name_spans.add(m.start(1))
            hit("name", m.start(1), m.group(1), "氏名（役割のラベル）")
    for m in _HONOR.finditer(text) if "honor" in present else ():
        after = text[m.end():m.end() + 1]
        if after and after in _CJK_CHARS and after not in "ぁあいうえおかがきくけこさしすせそただちつてとなにぬねのはひふへほまみむめもやゆよらりるれろわをん":
            continue  # 様式, 殿堂: not an honorific
        found = _name_before(text, m.start(), rev.get()) or _addressee_line(text, m.start())
        if found and found[0] not in name_spans:
            name_spans.add(found[0])
            hit("name", found[0], found[1], "氏名（敬称）")
    sn, gn = surnames(), given_names()
    for m in _BARE_NAME_SPACE.finditer(text) if "bare_name" in present else ():
        sp = m.start()
        # Up to four of _CJK_CHARS on each side of the space (a fourth says it is no name).
        k = sp - _cjk_before(rev.get(), sp, 4)
        if k in name_spans:
            continue  # found already (before its honorific): the other side is not read
        e = _CJK_RUN.match(text, sp + 1, sp + 5).end()
        if not (1 <= sp - k <= 3 and 1 <= e - sp - 1 <= 3):
            continue
        if (k and text[k - 1] in _CJK_CHARS) or (e < len(text) and text[e] in _CJK_CHARS):
            continue
        if text[k:sp] in sn and text[sp + 1:e] in gn:
            name_spans.add(k)
            hit("name", k, text[k:e], "氏名（姓名の一覧と一致）")
        elif is_full_name(text[k:e]):
            name_spans.add(k)
            hit("name", k, text[k:e], "氏名（辞書: 姓＋名）")
        elif (tabular or _alone_on_line(text, k, e)) and (text[k:sp] in sn or is_person_name(text[k:e])) \
                and _looks_like_name(text[k:e]):
            # A table cell holding just "common surname + space + 1–3 characters" is a name;
            # in running text the given name must be listed too (sentences have spaces).
            name_spans.add(k)
            hit("name", k, text[k:e], "氏名（表のセル・姓の一覧と一致）")
    for m in _READING.finditer(text) if "(" in text else ():
        before = _NAME_BEFORE_READING.search(text, max(0, m.start() - 10), m.start())
        if before and before.start() not in name_spans and _looks_like_name(before.group(0)):
            name_spans.add(before.start())
            hit("name", before.start(), before.group(0), "氏名（読み仮名つき）")
    for m in _self_intros(text) if "self_intro" in present else ():
        if m.start(1) not in name_spans and _looks_like_name(m.group(1)):
            name_spans.add(m.start(1))
            hit("name", m.start(1), m.group(1), "氏名（「と申します」）")

    seen: set[int] = set()
    for kpos in kw.of("kw_birth"):
        for m in _DATE.finditer(text, kpos, kpos + 40):
            if m.start() not in seen and _valid_date(m) and _era_boundary(text, m.start()):
                seen.add(m.start())
                hit("birth_date", m.start(), m.group(0), "生年月日（キーワード近接）")
                break
    if tabular and ("昭和" in text or "大正" in text or "明治" in text or "S" in text or "M" in text or "T" in text):
        for m in _OLD_ERA_DATE.finditer(text):
            if m.start() not in seen and _valid_era_date(*m.groups()):
                seen.add(m.start())
                hit("birth_date", m.start(), m.group(0), "生年月日（表の行・昭和以前の日付）")
    for b in _BORN.finditer(text) if "born" in present else ():
        end = b.start()
        if end and text[end - 1] == " ":
            end -= 1
        if not end or not (text[end - 1] == "日" or text[end - 1].isdigit()):
            continue
        last = None
        for m in _DATE.finditer(text, max(0, end - 24), end):
            last = m
        if last is not None and last.end() == end and last.start() not in seen and _valid_date(last) \
                and _era_boundary(text, last.start()):
            seen.add(last.start())
            hit("birth_date", last.start(), last.group(0), "生年月日（「生」の記載）")

    # Each pass only when the prefilter saw the word every match holds (口座, 保険者 or 記号):
    # the alternations are otherwise tried at every 口/被/保/記 of the text.
    for m in _BANK.finditer(text) if "kw_bank" in present else ():
        if kw.near("kw_branch", m.start(), 150, 150) is not None:
            hit("bank_account", m.start(1), m.group(1), "口座番号（支店・金融機関と近接）")
    for m in _HEALTH.finditer(text) if "health_number" in present else ():
        hit("health_insurance", m.start(1), m.group(1), "被保険者番号（キーワード近接）")
    for m in _HEALTH_CARD.finditer(text) if "health_card" in present else ():
        if kw.near("kw_health", m.start(), CONTEXT_BEFORE, CONTEXT_AFTER) is not None:
            hit("health_insurance", m.start(1), m.group(1), "被保険者証の記号・番号")


def _self_intros(text: str) -> Iterator[re.Match[str]]:
    """The matches of _SELF_INTRO.finditer(text), searched only just before each と申します.

    The pattern starts with a look-behind, so over the whole text it is tried at every
    position (0.18 s per 20 MB of prose). A match is at most _SELF_INTRO_SPAN characters of
    kanji, ノ and one space, then と申します; と is none of those, so each match ends at the
    first と申します after its start, and searching a window that ends there finds the same
    matches in the same order (a test compares both ways).
    """
    last_end = 0
    q = text.find(_SELF_INTRO_WORD)
    while q >= 0:
        end = q + len(_SELF_INTRO_WORD)
        m = _SELF_INTRO.search(text, max(last_end, q - _SELF_INTRO_SPAN), end)
        if m is not None:
            last_end = m.end()
            yield m
        q = text.find(_SELF_INTRO_WORD, end)


def _era_boundary(text: str, start: int) -> bool:
    """A date must not start inside a word or a longer number (ISO2020…, 12019/…)."""
    if start == 0:
        return True
    prev = text[start - 1]
    return not (prev.isascii() and prev.isalnum())


def _count_records(hits: list[tuple[int, str]], line_starts: list[int], ev: Evidence) -> None:
    rows: dict[int, set[str]] = {}
    for pos, kind in hits:
        rows.setdefault(bisect.bisect_right(line_starts, pos) - 1, set()).add(kind)
    for kinds in rows.values():
        if "my_number?" in kinds and "name" in kinds:
            # An unlabelled but valid My Number in a person's row is a My Number.
            kinds.discard("my_number?")
            kinds.add("my_number")
            ev.counts["my_number"] += 1
            ev.rules["個人番号（検査数字一致・氏名と同じ行）"] += 1
            ev.my_number_unlabelled -= 1
            if "my_number" not in ev.examples and "my_number?" in ev.examples:
                ev.examples["my_number"] = ev.examples["my_number?"]
        kinds.discard("my_number?")
        if is_person_row(kinds):
            ev.records += 1


# What a full address (番地まで) stands beside in a row about a person, when the row has no
# name: an e-mail address or a date of birth is someone's. A phone number beside an address is
# as often a place's contact (a shelter, a clinic, the city office), so it is not enough.
CONTACTS = ("email", "birth_date")
_CONTACT_SET = frozenset(CONTACTS)
_STRONG_ID_SET = frozenset(STRONG_IDS)


def is_person_row(kinds: set[str] | frozenset[str], subject: str | None = None) -> bool:
    """A table row about one person: a name or an identifier number with another personal
    item, or a full address with an e-mail address or date of birth.

    ``subject`` is what the table's rows are about (see columns.TablePlan): in a table of
    organisations, only a person's name or identifier number makes a row personal."""
    # Set operations, not any() over a generator: a roster in running text asks this a line.
    if len(kinds) >= 2 and ("name" in kinds or not _STRONG_ID_SET.isdisjoint(kinds)):
        return True
    return subject != "organisation" and "address" in kinds and not _CONTACT_SET.isdisjoint(kinds)


def _count_persons(hits: list[tuple[int, str]], ev: Evidence, titled: set[int] = frozenset()) -> None:
    """Names with an address, contact or date of birth within PERSON_WINDOW characters.

    A name given with its title of office (``titled``) is the organisation speaking: the
    address and numbers around it are the office's, so it makes no person on its own.
    """
    # One bisect a name in the positions of the other items (rather than a look at every
    # hit in its window): a name counts when the first item at or after pos - PERSON_WINDOW
    # is no further than pos + PERSON_WINDOW.
    others = sorted(p for p, kind in hits if kind != "name" and kind != "my_number?")
    n = len(others)
    for pos, kind in hits:
        if kind != "name" or pos in titled:
            continue
        i = bisect.bisect_left(others, pos - PERSON_WINDOW)
        if i < n and others[i] <= pos + PERSON_WINDOW:
            ev.persons += 1


LINE_RECORDS_MIN = 3


def _count_line_records(text: str, hits: list[tuple[int, str]], ev: Evidence) -> None:
    """A roster kept as running text (a table in a PDF, a list in a memo): each line holding a
    person-row is a record, once at least LINE_RECORDS_MIN lines do (a letter has one).
    ``hits`` come in position order."""
    if sum(1 for _, kind in hits if kind == "name" or kind in STRONG_IDS) < LINE_RECORDS_MIN:
        return
    # Line numbers counted forward from hit to hit in position order (one pass of
    # str.count over the text) rather than a list of every line start and a bisect a hit.
    # In position order a line's hits come one after another: each line's kinds are
    # gathered until the line changes, and only a line with two kinds or more can be a
    # person-row (is_person_row), so a line of one finding is not looked at again.
    n = 0
    line = last = 0
    current = -1
    kinds: set[str] = set()
    for pos, kind in hits:
        if kind != "my_number?":
            line += text.count("\n", last, pos)
            last = pos
            if line == current:
                kinds.add(kind)
                continue
            if len(kinds) >= 2 and is_person_row(kinds):
                n += 1
            current, kinds = line, {kind}
    if len(kinds) >= 2 and is_person_row(kinds):
        n += 1
    if n >= LINE_RECORDS_MIN:
        ev.records += n

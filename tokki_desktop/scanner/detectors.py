"""Detectors for Japanese personal data over normalised text, with keyword proximity.

Each detector finds candidates with a regular expression, then validates them (check digit,
phone number plan, calendar) and weighs context the way DLP tools do: a keyword within a few
hundred characters, or the column header when the text comes from a table row (rows arrive
as ``見出し:値`` cells, so the header is the nearest keyword).
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field

import phonenumbers
from stdnum.jp import in_ as my_number_check

from tokki_desktop.scanner.masking import mask
from tokki_desktop.scanner.names import given_names, starts_with_surname, surnames

_KJ = "一-龥々〆ヶ"  # kanji and the marks that live inside names
_KANA = "ぁ-んァ-ヶー"

_PREF = (
    r"(?:北海道|東京都|京都府|大阪府|(?:青森|岩手|宮城|秋田|山形|福島|茨城|栃木|群馬|埼玉|千葉|"
    r"神奈川|新潟|富山|石川|福井|山梨|長野|岐阜|静岡|愛知|三重|滋賀|兵庫|奈良|和歌山|鳥取|島根|"
    r"岡山|広島|山口|徳島|香川|愛媛|高知|福岡|佐賀|長崎|熊本|大分|宮崎|鹿児島|沖縄)県)"
)

# Keywords, one alternation: the group name says which kind of context the keyword gives.
_KEYWORDS = re.compile(
    r"(?P<kw_my>個人番号|マイナンバー|my ?number)"
    r"|(?P<kw_license>運転免許|免許証)"
    r"|(?P<kw_passport>旅券|パスポート|passport)"
    r"|(?P<kw_residence>在留カード|在留番号)"
    r"|(?P<kw_pension>基礎年金|年金番号|年金手帳)"
    r"|(?P<kw_health>被保険者|保険者番号|保険証)"
    r"|(?P<kw_bank>口座|普通預金|当座預金)"
    r"|(?P<kw_branch>支店|銀行|信用金庫|ゆうちょ|出張所)"
    r"|(?P<kw_birth>生年月日|誕生日|生まれ|birth)"
    r"|(?P<kw_org>市役所|区役所|役場|庁舎|本庁舎|所在地|代表電話|代表|株式会社|有限会社|\(株\)|本社|"
    r"支社|営業所|事務局|事務所|窓口|会場|受付時間)",
    re.IGNORECASE,
)

_TWELVE = re.compile(r"(?<![\d\-])(\d{4})[ \-]?(\d{4})[ \-]?(\d{4})(?![\d\-])")
_PHONE = re.compile(
    r"(?<![\w\-+.])(?:0\d{1,4}-\d{1,4}-\d{4}|\(0\d{1,4}\) ?\d{1,4}-\d{4}|0\d{1,4}\(\d{1,4}\)\d{4}"
    r"|0[5789]0\d{8}|0\d{9})(?![\w\-.])"
)
_POSTAL = re.compile(r"(〒|郵便番号[:\s]*)?(?<![\d\-])(\d{3})-(\d{4})(?![\d\-])")
_ADDRESS = re.compile(
    rf"(?:{_PREF})?[{_KJ}{_KANA}]{{1,10}}?[市区町村郡][{_KJ}{_KANA}]{{0,14}}?"
    r"\d{1,4}(?:丁目\d{1,4}(?:番地?)?(?:\d{1,4}号?)?|-\d{1,4}(?:-\d{1,4})?|番地(?:\d{1,4})?|番\d{1,4}号)"
)
_PREF_AHEAD = re.compile(rf"\s?{_PREF}")
_NAME_LABEL = re.compile(
    r"(?:氏名|お名前|名前|受取人|申請者|届出人|世帯主|宛名|被保険者氏名|口座名義|名義人|name)"
    r"(?:\((?:漢字|カナ|フリガナ)\)|カナ|フリガナ)?[:\s]\s*"
    rf"([{_KJ}{_KANA}]{{1,6}}(?: [{_KJ}{_KANA}]{{1,6}})?)",
    re.IGNORECASE,
)
_KANA_LABEL = re.compile(r"(?:フリガナ|ふりがな|カナ|口座名義|名義人?)[:\s]\s*([ァ-ヶー]{1,10}(?: [ァ-ヶー]{1,10})?)")
_HONORIFIC = re.compile(rf"(?<![{_KJ}])([{_KJ}]{{1,4}}(?: ?[{_KJ}{_KANA}]{{1,5}})?) ?(?:様|さん|殿)(?![{_KJ}])")
_BARE_NAME = re.compile(rf"(?<![{_KJ}{_KANA}])([{_KJ}]{{1,3}}) ([{_KJ}ぁ-んァ-ヶ]{{1,3}})(?![{_KJ}{_KANA}])")
_DATE = re.compile(
    r"(?:(?<![A-Za-z])(?P<era>明治|大正|昭和|平成|令和|[MTSHR])\s?(?P<ey>元|\d{1,2})\s?[年.\-/]\s?"
    r"(?P<em>\d{1,2})\s?[月.\-/]\s?(?P<ed>\d{1,2})日?"
    r"|(?<!\d)(?P<y>(?:18|19|20)\d{2})\s?[年/.\-]\s?(?P<m>\d{1,2})\s?[月/.\-]\s?(?P<d>\d{1,2})日?)"
)
_EMAIL = re.compile(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+")
_BANK = re.compile(r"(?:口座番号|口座No\.?|口座)[:\s]*(?:\(?(?:普通|当座)\)?[:\s]*)?(\d{7})(?!\d)")
_PASSPORT = re.compile(r"(?<![A-Za-z0-9])([A-Z]{2}\d{7})(?![\dA-Za-z])")
_RESIDENCE = re.compile(r"(?<![A-Za-z0-9])([A-Z]{2}\d{8}[A-Z]{2})(?![A-Za-z0-9])")
_PENSION = re.compile(r"(?<![\d\-])(\d{4}-?\d{6})(?![\d\-])")
_HEALTH = re.compile(r"(?:被保険者番号|保険者番号|記号番号|被保険者証番号)[^0-9\n]{0,12}(\d{6,10})(?!\d)")

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
    twelve_digit_total: int = 0
    my_number_unlabelled: int = 0
    my_number_invalid_labelled: int = 0

    def add(self, kind: str, value: str, rule: str, n: int = 1) -> None:
        self.counts[kind] += n
        self.rules[rule] += n
        if kind not in self.examples:
            self.examples[kind] = mask(kind, value)


class _Keywords:
    """Positions of each keyword kind in one text, for proximity questions."""

    def __init__(self, text: str) -> None:
        self.pos: dict[str, list[int]] = {}
        for m in _KEYWORDS.finditer(text):
            self.pos.setdefault(m.lastgroup or "", []).append(m.start())

    def near(self, kind: str, at: int, before: int = CONTEXT_BEFORE, after: int = CONTEXT_AFTER) -> int | None:
        """Distance to the nearest ``kind`` keyword in [at-before, at+after], else None."""
        lst = self.pos.get(kind)
        if not lst:
            return None
        i = bisect.bisect_left(lst, at - before)
        best: int | None = None
        while i < len(lst) and lst[i] <= at + after:
            d = abs(lst[i] - at)
            best = d if best is None or d < best else best
            i += 1
        return best


def _valid_phone(raw: str) -> bool:
    digits = re.sub(r"\D", "", raw)
    if len(digits) not in (10, 11):
        return False
    try:
        return phonenumbers.is_valid_number(phonenumbers.parse(digits, "JP"))
    except phonenumbers.NumberParseException:
        return False


def _valid_date(m: re.Match[str]) -> bool:
    try:
        if m["era"]:
            year = 1 if m["ey"] == "元" else int(m["ey"])
            dt.date(_ERA_START[m["era"]] + year - 1, int(m["em"]), int(m["ed"]))
        else:
            dt.date(int(m["y"]), int(m["m"]), int(m["d"]))
    except (ValueError, KeyError):
        return False
    return True


def _looks_like_name(value: str) -> bool:
    v = value.strip()
    compact = v.replace(" ", "")
    if len(compact) < 2 or compact in _NOT_NAMES or any(w in compact for w in ("記入", "欄", "様式")):
        return False
    return True


def _org_context(text: str, start: int, span: int = 40) -> bool:
    """True when the value sits right after an organisation's words (市役所, 代表, 株式会社…)."""
    for m in _KEYWORDS.finditer(text, max(0, start - span), start):
        if m.lastgroup == "kw_org":
            return True
    return False


def detect(text: str, ev: Evidence, *, line_starts: list[int] | None = None) -> None:
    """Run every detector over ``text`` (already normalised) and add to ``ev``.

    With ``line_starts`` the text is table rows, one per line: a row holding a name (or a
    strong identifier) and another personal item is one person-record.
    """
    kw = _Keywords(text)
    hits: list[tuple[int, str]] = []

    def hit(kind: str, pos: int, value: str, rule: str) -> None:
        ev.add(kind, value, rule)
        hits.append((pos, kind))

    # 12-digit numbers: My Number, or a driving licence number when that keyword is nearer.
    for m in _TWELVE.finditer(text):
        ev.twelve_digit_total += 1
        digits = m.group(1) + m.group(2) + m.group(3)
        pos = m.start()
        d_my = kw.near("kw_my", pos)
        d_lic = kw.near("kw_license", pos)
        if d_lic is not None and (d_my is None or d_lic < d_my):
            hit("drivers_license", pos, digits, "免許証番号（キーワード近接）")
            continue
        if not my_number_check.is_valid(digits):
            if d_my is not None:
                ev.my_number_invalid_labelled += 1
            continue
        if d_my is not None:
            hit("my_number", pos, digits, "個人番号（検査数字一致・キーワード近接）")
        else:
            ev.my_number_unlabelled += 1
            hits.append((pos, "my_number?"))
            ev.examples.setdefault("my_number?", mask("my_number", digits))

    for m in _PHONE.finditer(text):
        raw = m.group(0)
        if _valid_phone(raw) and not _org_context(text, m.start()):
            hit("phone", m.start(), raw, "電話番号（番号体系と一致）")

    for m in _POSTAL.finditer(text):
        raw = m.group(2) + "-" + m.group(3)
        if m.group(1) or _PREF_AHEAD.match(text, m.end()):
            if not _org_context(text, m.start()):
                hit("postal_code", m.start(), raw, "郵便番号（〒・住所と隣接）")

    for m in _ADDRESS.finditer(text):
        if not _org_context(text, m.start(), 60):
            hit("address", m.start(), m.group(0), "住所（市区町村＋丁目・番地）")

    name_spans: set[int] = set()
    for rx, rule in ((_NAME_LABEL, "氏名（見出し・ラベル）"), (_KANA_LABEL, "氏名（フリガナ欄）")):
        for m in rx.finditer(text):
            if _looks_like_name(m.group(1)) and m.start(1) not in name_spans:
                name_spans.add(m.start(1))
                hit("name", m.start(1), m.group(1), rule)
    for m in _HONORIFIC.finditer(text):
        val = m.group(1)
        if m.start(1) in name_spans:
            continue
        # A listed surname is required: "各位 皆様", "担当者様" are honorifics without a name.
        if starts_with_surname(val) and _looks_like_name(val):
            name_spans.add(m.start(1))
            hit("name", m.start(1), val, "氏名（敬称）")
    sn, gn = surnames(), given_names()
    for m in _BARE_NAME.finditer(text):
        if m.start(1) in name_spans:
            continue
        if m.group(1) in sn and m.group(2) in gn:
            name_spans.add(m.start(1))
            hit("name", m.start(1), m.group(0), "氏名（姓名の一覧と一致）")

    for m in _DATE.finditer(text):
        if not _valid_date(m):
            continue
        pos = m.start()
        tail = text[m.end():m.end() + 3]
        if kw.near("kw_birth", pos, 30, 0) is not None or tail.startswith(("生", ")生", " 生")):
            hit("birth_date", pos, m.group(0), "生年月日（キーワード近接）")

    for m in _EMAIL.finditer(text):
        if not m.group(0).lower().endswith(_GOV_EMAIL):
            hit("email", m.start(), m.group(0), "メールアドレス")

    for m in _BANK.finditer(text):
        if kw.near("kw_branch", m.start(), 150, 150) is not None:
            hit("bank_account", m.start(1), m.group(1), "口座番号（支店・金融機関と近接）")

    for rx, kind, key, rule in (
        (_PASSPORT, "passport", "kw_passport", "旅券番号（キーワード近接）"),
        (_RESIDENCE, "residence_card", "kw_residence", "在留カード番号（キーワード近接）"),
        (_PENSION, "pension_number", "kw_pension", "基礎年金番号（キーワード近接）"),
    ):
        for m in rx.finditer(text):
            if kw.near(key, m.start()) is not None:
                hit(kind, m.start(1), m.group(1), rule)
    for m in _HEALTH.finditer(text):
        hit("health_insurance", m.start(1), m.group(1), "被保険者番号（キーワード近接）")

    if line_starts is not None:
        _count_records(hits, line_starts, ev)
    else:
        _count_persons(hits, ev)


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
        identifying = "name" in kinds or any(k in kinds for k in STRONG_IDS)
        if identifying and len(kinds) >= 2:
            ev.records += 1


def _count_persons(hits: list[tuple[int, str]], ev: Evidence) -> None:
    hits = sorted(h for h in hits if h[1] != "my_number?")
    positions = [p for p, _ in hits]
    for pos, kind in hits:
        if kind != "name":
            continue
        lo = bisect.bisect_left(positions, pos - PERSON_WINDOW)
        hi = bisect.bisect_right(positions, pos + PERSON_WINDOW)
        if any(hits[j][1] != "name" for j in range(lo, hi)):
            ev.persons += 1

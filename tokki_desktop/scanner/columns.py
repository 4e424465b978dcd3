"""Tables with a header, column by column: the header says what a column holds.

A roster has thousands of rows of the same few kinds. Rather than run every detector on
every cell, a column whose header names a kind (氏名, 個人番号, 電話…) is checked on a
sample; when the sample confirms it, every value is validated with that kind's own check
(check digit, number plan, calendar, shape) and nothing else. Columns whose header says
nothing, or whose sample does not confirm it, get every detector as running text with
their header as a nearby keyword. Records are counted across the columns of each row.
"""

from __future__ import annotations

import bisect
import re
from itertools import accumulate, compress, zip_longest
from operator import itemgetter
from typing import Callable, Iterable, Sequence

from tokki_desktop.scanner import column_types as ct
from tokki_desktop.scanner import detectors as d
from tokki_desktop.scanner import japanese
from tokki_desktop.scanner.detectors import Evidence, is_person_row
from tokki_desktop.scanner.keywords import NAME_LABELS
from tokki_desktop.scanner.normalize import normalize_text
from tokki_desktop.scanner.phone_plan import is_valid_jp
from tokki_desktop.scanner.tables import excel_serial_to_date
from tokki_desktop.scanner.verdict import NAME_LIST_MIN

# First match wins: 被保険者氏名 is a name column, 氏名カナ too.
_HEADER_KINDS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(p), k) for p, k in (
        (r"フリガナ|ふりがな|カナ", "name"),
        # People are also headed by their role: 受給者名, 申込者, 運転者 (a sample must confirm).
        (r"氏名|名前|名義|受取人|申込者|受給者|運転者|保護者|契約者|利用者|相談者|依頼人|患者|^姓$|^名$", "name"),
        (r"個人番号|マイナンバー", "my_number"), (r"免許", "drivers_license"), (r"旅券|パスポート", "passport"),
        (r"在留", "residence_card"), (r"年金", "pension_number"),
        (r"被保険者番号|保険者番号|保険証", "health_insurance"), (r"口座番号|口座", "bank_account"),
        (r"生年月日|誕生", "birth_date"), (r"郵便|〒", "postal_code"), (r"住所", "address"),
        (r"電話|TEL|Tel|携帯|連絡先", "phone"), (r"メール|mail|Mail|MAIL", "email"),
    )
]
# A line that tables.excel_serial_to_date would convert (its _SERIAL, one value per line).
_NAME_WORDS = re.compile("|".join(map(re.escape, NAME_LABELS)), re.IGNORECASE)
_SERIAL_LINE = re.compile(r"^\d{4,5}(?:\.0+)?$", re.MULTILINE)
_BRANCH_HEADER = re.compile(r"支店|銀行|金融機関|信用金庫|ゆうちょ")
_NAME_VALUE = re.compile(rf"[{d._KJ}{d._KANA}]{{1,8}}(?: ?[{d._KJ}{d._KANA}]{{1,8}})?")
_POSTAL_VALUE = re.compile(r"〒? ?\d{3}-?\d{4}")
_PHONE_VALUE = re.compile(r"[\d\-() ]{10,15}")
_EMAIL_VALUE = re.compile(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+")
_SHAPES = {
    "bank_account": re.compile(r"\d{7}"), "passport": re.compile(r"[A-Z]{2}\d{7}"),
    "residence_card": re.compile(r"[A-Z]{2}\d{8}[A-Z]{2}"), "pension_number": re.compile(r"\d{4}-?\d{6}"),
    "health_insurance": re.compile(r"\d{6,10}"), "drivers_license": re.compile(r"\d{12}"),
}
SAMPLE = 200
CONFIRM_SHARE = 0.6
_RULES = {
    "name": "氏名（列見出し）", "my_number": "個人番号（列見出し・検査数字一致）", "phone": "電話番号（列見出し・番号体系と一致）",
    "postal_code": "郵便番号（列見出し）", "address": "住所（列見出し・市区町村＋丁目・番地）", "email": "メールアドレス（列見出し）",
    "birth_date": "生年月日（列見出し）", "bank_account": "口座番号（列見出し・金融機関の列あり）",
    "passport": "旅券番号（列見出し）", "residence_card": "在留カード番号（列見出し）",
    "pension_number": "基礎年金番号（列見出し）", "health_insurance": "被保険者番号（列見出し）",
    "drivers_license": "免許証番号（列見出し）",
}


def header_kind(label: str) -> str | None:
    """The finding kind a column header announces, if any (Japanese, English or romaji)."""
    for rx, kind in _HEADER_KINDS:
        if rx.search(label):
            return kind
    kind = ct.latin_header_kind(label)
    return kind if kind in _RULES else None


# Content kinds that stand for a header's kind when the header says nothing (or is absent).
_CONTENT_AS_HEADER = {ct.NAME: "name", ct.POSTAL: "postal_code", ct.PHONE: "phone", ct.EMAIL: "email",
                      ct.ADDRESS: "address"}
# The legal forms and public bodies that make an organisation a corporation (or the state):
# its representative is named in a public role (see docs/DETECTION.md).
_CORPORATE = re.compile(r"株式会社|有限会社|合同会社|合資会社|合名会社|\(株\)|\(有\)|法人|組合|協会|協議会|連合会|"
                        r"公社|機構|財団|社団|[都道府県市区町村]立|[都道府県市区町村]役所|役場")


class TablePlan:
    """How a table is read: the kind each column is checked as, and what its rows are about.

    ``subject`` is ``person`` when a column holds people's names, ``organisation`` when the
    rows name facilities, companies or offices and no column holds people, else None.
    """

    __slots__ = ("kinds", "strict", "org_columns", "rep_columns", "subject", "holders")

    def __init__(self, width: int) -> None:
        self.kinds: list[str | None] = [None] * width
        self.strict = [False] * width  # typed by content: each value must be a person's name itself
        self.holders = [False] * width  # account holders' names in katakana (a transfer list)
        self.org_columns: list[int] = []
        self.rep_columns: list[int] = []
        self.subject: str | None = None

    @property
    def typed(self) -> bool:
        """True when the values said anything a header would have (a name, an organisation…)."""
        return bool(self.org_columns) or any(k is not None for k in self.kinds)


_READING_HEADER = re.compile(r"フリガナ|ふりがな|カナ|かな|よみ|ヨミ|kana|furigana|yomi", re.IGNORECASE)


def _is_reading(labels: Sequence[str], columns: Sequence[Sequence[str]], ci: int) -> bool:
    label = labels[ci] if ci < len(labels) else ""
    if label:
        return bool(_READING_HEADER.search(label))
    return ct.ColumnSample(columns[ci]).share(ct.KANA) >= ct.SHARE


# A column without a header filled in fewer than this share of the rows is no field.
FILLED_SHARE = 0.5


def _sparse(col: Sequence[str], rows: int) -> bool:
    """Filled in fewer than FILLED_SHARE of the ``rows`` (of the sample) that hold anything."""
    top = col[: ct.SAMPLE * 2]
    return bool(top) and sum(1 for v in top if v and v.strip()) < FILLED_SHARE * rows


def _rows_with_values(columns: Sequence[Sequence[str]]) -> int:
    """How many of the sampled rows hold any value (blank separator rows left out)."""
    top = [c[: ct.SAMPLE * 2] for c in columns]
    # Each row's cells joined in C: one string a row rather than a Python test a cell.
    return sum(1 for row in zip_longest(*top, fillvalue="") if "".join(v or "" for v in row).strip())


# The fields that make a nested object an organisation: people have no sector or website.
_ORGANISATION_FIELDS = frozenset({"website", "url", "homepage", "web", "sector", "industry", "domain", "logo",
                                  "corporate_number", "hojin_bango"})


def _organisation_objects(labels: Sequence[str]) -> set[str]:
    """The nested objects of a JSON export (``client.name``, ``client.website``) that carry a
    sector or a website: their ``name`` is an organisation's, whatever the object is called."""
    out: set[str] = set()
    for label in labels:
        head, dot, key = label.rpartition(".")
        if dot and ct.folded_key(key) in _ORGANISATION_FIELDS:
            out.add(head)
    return out


# Headers of a column of places smaller than an address: towns, districts, school areas.
_PLACE_HEADER = re.compile(r"町名|町丁|町域|地区名|^地区$|地名|大字|字名|校区|学区|^(?:town|district|area|ward|"
                           r"city|town_?name|chomei|chiku)$", re.IGNORECASE)


def plan_table(labels: Sequence[str], columns: Sequence[Sequence[str]]) -> TablePlan:
    """Type each column from its header and a sample of its values (see column_types)."""
    plan = TablePlan(len(columns))
    filled_rows: int | None = None
    org_objects = _organisation_objects(labels) if any("." in lab for lab in labels) else set()
    # "name" beside a column of one part of a name (Name;Vorname, nom;prénom) is the other part.
    given_beside = any(ct.folded_key(lab) in ct.NAME_PART_HEADERS for lab in labels if lab)
    for ci, col in enumerate(columns):
        label = labels[ci] if ci < len(labels) else ""
        if org_objects and label.rpartition(".")[0] in org_objects:
            plan.org_columns.append(ci)
            continue
        if not label and filled_rows is None:
            filled_rows = _rows_with_values(columns)
        if not label and _sparse(col, filled_rows or 0):
            # No header and filled in few rows: the tail of ragged rows (a dictionary's
            # variant spellings, a note in the margin), not a field of the table.
            continue
        if not label and _holder_column(col):
            plan.kinds[ci] = "name"
            plan.holders[ci] = True
            continue
        kind = header_kind(label)
        if label and kind is None and _PLACE_HEADER.search(label):
            # 町名, 地区: a column of places (西舞子, 本多聞) is read as addresses, never as people.
            plan.kinds[ci] = "address"
            continue
        if label and ct.is_representative_header(label):
            # 開設者, 経営主体: mostly companies, sometimes a person (a sole proprietor), value
            # by value; whose row it is then depends on the organisation (see below).
            plan.kinds[ci] = "name"
            plan.strict[ci] = True
            plan.rep_columns.append(ci)
            continue
        if label and ct.is_organisation_header(label) and kind != "name":
            plan.org_columns.append(ci)
            continue
        if kind is None or kind == "name":
            col_sample = ct.ColumnSample(col)
            if kind == "name" and ct.is_ambiguous_name_header(label) and not given_beside:
                # "name" says a name, not whose: a product's (パーカー), a facility's, a person's.
                if col_sample.person_like() < ct.NAME_SHARE:
                    if col_sample.organisations():
                        plan.org_columns.append(ci)
                    continue
            elif kind == "name":
                # The header says people; only values that are plainly organisations say otherwise.
                if col_sample.n >= 3 and col_sample.share(ct.ORGANISATION) >= 0.5 and col_sample.share(ct.NAME) < 0.2:
                    plan.org_columns.append(ci)  # 名前: 山王小学校 — the row's subject, not a person
                    continue
            elif col_sample.organisations():
                plan.org_columns.append(ci)
                continue
            elif col_sample.names():
                kind = "name"
                plan.strict[ci] = True
            elif col_sample.romaji_names():
                kind = "name"  # checked value by value as a name in Latin letters
            elif not col_sample.places():
                content, share = col_sample.main()
                if share >= ct.SHARE and content in _CONTENT_AS_HEADER:
                    kind = _CONTENT_AS_HEADER[content]
                    plan.strict[ci] = kind == "name"
        plan.kinds[ci] = kind
    if plan.org_columns:
        # A reading (フリガナ, furigana) beside an organisation's name is that name's reading,
        # unless another column holds people.
        readings = [ci for ci, k in enumerate(plan.kinds) if k == "name" and _is_reading(labels, columns, ci)]
        if len(readings) == sum(1 for k in plan.kinds if k == "name"):
            for ci in readings:
                plan.kinds[ci] = None
                plan.org_columns.append(ci)
    if any(plan.holders):
        # Beside account holders, a column of 7-digit numbers is their account numbers.
        for ci, col in enumerate(columns):
            if plan.kinds[ci] is None and not (labels[ci] if ci < len(labels) else "") and \
                    _confirmed([normalize_text(v or "") for v in col], _SHAPES["bank_account"].fullmatch):
                plan.kinds[ci] = "bank_account"
    if any(k == "name" for ci, k in enumerate(plan.kinds) if ci not in plan.rep_columns):
        plan.subject = "person"
    elif plan.org_columns:
        plan.subject = "organisation"
    return plan


# A check returns something true for a good value (a pattern's own fullmatch or search
# method where the check is just a pattern: no Python frame per value).
Check = Callable[[str], object]


# A bank's account holder in katakana (口座名義, half-width in transfer files): corporations
# carry the banks' abbreviation of their legal form before or after the name — カ) or (カ
# 株式会社, ユ) 有限会社, ド) 合同会社, シヤ) 社団・社会福祉法人, ザイ) 財団, イ) 医療法人,
# ガク) 学校法人, フク) 社会福祉法人, トクヒ) NPO — individuals carry none.
_HOLDER = re.compile(r"[ァ-ヶー()（）.\- ]{2,30}")
_CORPORATE_MARK = re.compile(r"(?:^|[(（])(?:カ|ユ|ド|メ|シ|シヤ|ザイ|イ|ガク|フク|トクヒ|ソ|ギヨ|ノウ|キヨウ)[)）]|[(（](?:カ|ユ|ド|シヤ|ザイ|イ)$")


def _holder_column(col: Sequence[str]) -> bool:
    """Katakana names, some with a corporate mark: the holders' column of a transfer list."""
    joined = "\n".join(v for v in col[: SAMPLE * 2] if v)
    if ")" not in joined and "(" not in joined and "）" not in joined and "（" not in joined:
        return False  # no corporate mark anywhere: checked in C before any value is folded
    sample = [v.strip() for v in normalize_text(joined).split("\n") if v.strip()][:SAMPLE]
    if len(sample) < 3:
        return False
    kana = [v for v in sample if _HOLDER.fullmatch(v)]
    return len(kana) >= CONFIRM_SHARE * len(sample) and any(_CORPORATE_MARK.search(v) for v in kana)


def individual_holder(value: str) -> bool:
    """An account holder in katakana without a corporate mark: an individual."""
    return _HOLDER.fullmatch(value) is not None and _CORPORATE_MARK.search(value) is None


def _validator(kind: str, has_branch: bool, strict: bool = False, holder: bool = False) -> Check | None:
    if kind == "name" and holder:
        return individual_holder
    if kind == "name" and strict:
        return japanese.is_person_name
    if kind == "name":
        return lambda v: (_NAME_VALUE.fullmatch(v) is not None and d._looks_like_name(v)) or ct.is_romaji_name(v)
    if kind == "my_number":
        def my(v: str) -> bool:
            digits = v.replace(" ", "").replace("-", "")
            return len(digits) == 12 and digits.isdigit() and d.valid_my_number(digits)
        return my
    if kind == "phone":
        def phone(v: str) -> bool:
            # _PHONE_VALUE and then d._valid_phone, inlined: a roster has a phone number a row.
            if _PHONE_VALUE.fullmatch(v) is None:
                return False
            digits = v.replace("-", "").replace("(", "").replace(")", "").replace(" ", "")
            return len(digits) in (10, 11) and digits.isdigit() and is_valid_jp(digits)
        return phone
    if kind == "postal_code":
        return _POSTAL_VALUE.fullmatch
    if kind == "address":
        return d._ADDRESS_TAIL.search
    if kind == "email":
        return _EMAIL_VALUE.fullmatch
    if kind == "birth_date":
        def birth(v: str) -> bool:
            m = d._DATE.fullmatch(v)
            return m is not None and d._valid_date(m)
        return birth
    if kind == "bank_account" and not has_branch:
        return None  # a 7-digit number is an account only next to its bank and branch
    shape = _SHAPES.get(kind)
    return shape.fullmatch if shape else None


def scan_table(rows: list[list[str]], header: list[str] | None, ev: Evidence) -> int:
    """Add the findings and person-records of one table to ``ev``; returns characters read.

    Without a header the columns are typed by their values alone."""
    width = max(map(len, rows), default=0)
    if rows and min(map(len, rows)) == width:
        # Column by column in C: zip_longest(*rows) makes one iterator object per row, which
        # the cyclic garbage collector tracks (20,000 set off a full collection of the heap).
        return scan_columns([list(map(itemgetter(j), rows)) for j in range(width)], len(rows), header, ev)
    return scan_columns(list(zip_longest(*rows, fillvalue="")), len(rows), header, ev)


def plan_headerless(rows: list[list[str]]) -> TablePlan | None:
    """The plan of a table without a header when its values type it (a column of names, of
    organisations, of postal codes); None when they say nothing a header would."""
    if len(rows) < 2:
        return None
    width = max(map(len, rows), default=0)
    if width < 2:
        return None
    top = rows[: ct.SAMPLE * 2]
    columns = [[r[j] if j < len(r) else "" for r in top] for j in range(width)]
    plan = plan_table([""] * width, columns)
    return plan if plan.typed else None


def scan_columns(columns: Iterable[Sequence[str]], n: int, header: list[str] | None, ev: Evidence) -> int:
    """:func:`scan_table` over the table's ``n`` rows given column by column."""
    if not n:
        return 0
    cols = columns if isinstance(columns, list) else list(columns)
    labels = [normalize_text(h or "").replace("\n", " ").replace(":", " ").strip()[:24] for h in header or ()]
    plan = plan_table(labels, cols)
    has_branch = any(_BRANCH_HEADER.search(lab) for lab in labels) or any(plan.holders)
    marks: dict[str, bytearray] = {}
    chars = 0
    names_before = ev.counts["name"]
    listed_before = ev.listed_names
    contacts = 0
    for ci, col in enumerate(cols):
        label = labels[ci] if ci < len(labels) else ""
        joined = "\n".join(col)
        if "\r" in joined or joined.count("\n") != n - 1:
            joined = "\n".join((v or "").replace("\r", " ").replace("\n", " ") for v in col)
        if not joined.strip("\n"):
            continue
        chars += len(joined)
        normalized = normalize_text(joined)
        values = normalized.split("\n")
        kind = plan.kinds[ci]
        if kind == "name" and ")" in normalized:
            values = list(map(ct.without_note, values))  # 田中 太郎 (管理者): the role is a note
        check = _validator(kind, has_branch, plan.strict[ci], plan.holders[ci]) if kind else None
        if kind == "birth_date" and _SERIAL_LINE.search(normalized):
            # Only a column holding some Excel day count needs the value-by-value pass.
            # Each distinct value once: a roster's birth dates repeat.
            dates = {v: excel_serial_to_date(v) for v in set(values)}
            values = list(map(dates.__getitem__, values))
        if check is not None and (ci in plan.rep_columns or plan.holders[ci] or _confirmed(values, check)):
            _count_column(kind, values, check, ev, marks, ci in plan.rep_columns)  # type: ignore[arg-type]
            if kind in ("email", "phone"):
                contacts = max(contacts, _individual_contacts(kind, values))
        else:
            # An organisation's name is never read as a person's (山本商店, 栗林公園).
            if kind != "name" and _NAME_WORDS.search(label):
                # pref_name, 施設名称: not a person's name; the label must not act as one (name:).
                label = _NAME_WORDS.sub("", label)
            # An address column holds places: 殿 of 野殿 is no honorific, 昭和1-2-9 no date.
            _detect_column(label, values, ev, marks, names=ci not in plan.org_columns and kind != "address",
                           dates=kind != "address")
    if plan.rep_columns:
        _representatives(plan, cols, marks, ev)
    for ci in plan.org_columns:
        _individuals_among_organisations(cols[ci], ev, marks)
    name_columns = [ci for ci, k in enumerate(plan.kinds) if k == "name" and ci not in plan.rep_columns
                    and not _is_reading(labels, cols, ci)]
    if len(name_columns) >= 2 and "name" in marks:
        # 姓 and 名 in two columns: each row marked is a whole name (counted once).
        ev.listed_names = max(ev.listed_names, listed_before + marks["name"].count(1))
    if "name" in marks and ev.counts["name"] > names_before:
        # One person is one name, however many columns spell it (姓, 名, フリガナ).
        ev.counts["name"] = names_before + marks["name"].count(1)
    if plan.subject != "organisation":
        ev.listed_contacts += contacts
    if plan.subject == "person" and "name" in marks and 0 < ev.listed_names - listed_before < NAME_LIST_MIN:
        # Too few names for a list of people: a row still names a person when it says
        # something else about them (a remark, a department, a score).
        marks["described"] = _described(plan, labels, cols, marks["name"], name_columns)
    before = ev.records
    _count_table_records(marks, n, ev, plan.subject)
    if plan.subject == "organisation" and any(k in marks for k in ("address", "phone", "postal_code", "email")):
        ev.organisation_rows += n - (ev.records - before)
    return chars


# A facility name that might be a person's whole name: kanji surname, a space, given name
# (安斉 洋子); checked in C before the dictionary reads it.
_WHOLE_NAME_LINE = re.compile(r"^[ \t]*([一-龥々ヶ]{1,4} [一-龥々ヶぁ-んァ-ヶー]{1,4})[ \t]*$", re.MULTILINE)
# The same written without the space (安斉洋子), or a person's home named by its owner (村武正行宅,
# 山田太郎様方, 佐藤花子邸): kanji only, four to eight characters with the home's word.
_SOLID_NAME_LINE = re.compile(r"^[ \t]*([一-龥々ヶ]{4,8})[ \t]*$", re.MULTILINE)
_HOME = ("様方", "宅", "邸")


def _person_or_home(v: str) -> bool:
    """A whole name written solid (two parts of two or three characters: four to six), alone
    or before the word for the person's home; the length is checked before the dictionary."""
    for home in _HOME:
        if v.endswith(home):
            return 4 <= len(v) - len(home) <= 6 and _solid_whole_name(v[: -len(home)])
    return len(v) <= 6 and _solid_whole_name(v)


def _solid_whole_name(v: str) -> bool:
    """A surname and a given name without a space (安斉洋子): the dictionary reads exactly the
    two parts, each of two characters or more. A one-character part is how the dictionary
    splits streets, clinics and towns (上沢+通, 小田内+科, 西+舞子, 南+五葉): those stay places."""
    if not japanese.is_full_name(v):
        return False
    parts = japanese.words(v)
    return len(parts) == 2 and len(parts[0][0]) >= 2 and len(parts[1][0]) >= 2


def _individuals_among_organisations(col: Sequence[str], ev: Evidence, marks: dict[str, bytearray]) -> None:
    """In a column of organisations, a value the dictionary reads as a person's whole name
    (surname and given name, no word of what it is) is an individual listed under their own
    name: a home childminder among nurseries, a sole proprietor among companies, a private
    house among shelters (村武正行宅). Its row is a person's, value by value, like a
    representative's (see docs/DETECTION.md)."""
    joined = "\n".join(col)
    if "\r" in joined or joined.count("\n") != len(col) - 1:
        joined = "\n".join((v or "").replace("\r", " ").replace("\n", " ") for v in col)
    # The candidates found in C over the whole column, each distinct one read once; the
    # column is normalised only when a value is spelled in two parts (kanji alone need not be).
    spaced = " " in joined or "\u3000" in joined
    text = normalize_text(joined) if spaced else joined
    people = {v for v in set(_WHOLE_NAME_LINE.findall(text)) if japanese.is_full_name(v)} if spaced else set()
    people.update(v for v in set(_SOLID_NAME_LINE.findall(text)) if _person_or_home(v))
    if not people:
        return
    flags = [v.strip() in people for v in text.split("\n")]
    mark = marks.setdefault("name", bytearray(len(flags)))
    new = 0
    for i, flag in enumerate(flags):
        if flag and i < len(mark) and not mark[i]:
            mark[i] = 1
            new += 1
    if new:
        ev.counts["name"] += new
        ev.rules["氏名（施設・団体名の欄の個人名）"] += new
        # The first individual in the column's order, not the set's (which follows the hash
        # seed): the same file gives the same reason on every run.
        first = next(v.strip() for v, flag in zip(text.split("\n"), flags) if flag)
        ev.examples.setdefault("name", d.mask("name", first))


def _described(plan: TablePlan, labels: Sequence[str], cols: Sequence[Sequence[str]], named: bytearray,
               name_columns: list[int]) -> bytearray:
    """The rows whose person is named whole (both parts, or a full name) and described by a
    text value in a column of no other kind (not a number, not an organisation)."""
    others = [ci for ci, k in enumerate(plan.kinds) if k in (None, "address") and ci not in plan.org_columns
              and not _is_reading(labels, cols, ci)]
    # An age, a sex, an occupation says something about the person even as a number or a code.
    attributes = [ci for ci, lab in enumerate(labels) if ci < len(cols) and _ATTRIBUTE_HEADER.search(lab)]
    out = bytearray(len(named))
    for i, flag in enumerate(named):
        if not flag:
            continue
        parts = [(cols[c][i] or "").strip() for c in name_columns if i < len(cols[c])]
        whole = sum(1 for p in parts if p) >= 2 or any(_whole_name(p) for p in parts if p)
        # A score or a grade describes only someone the name itself shows to be a person (a
        # product's "Widget Pro" has a score too): a dictionary or romaji whole name.
        person = whole and (sum(1 for p in parts if p) >= 2 or any(
            japanese.is_full_name(p) or ct.is_romaji_full_name(p) or _spaced_full_name(p) for p in parts if p))
        if whole and (any(_describes((cols[c][i] or "") if i < len(cols[c]) else "") for c in others)
                      or any(i < len(cols[c]) and (cols[c][i] or "").strip() for c in attributes
                             if person or not _SCORE_HEADER.search(labels[c]))):
            out[i] = 1
    return out


# Headers of a person's attributes (an age is a number, a sex a code, and both describe).
# A score or a grade says how that person did (a test's 点数, a class's 成績).
_ATTRIBUTE_HEADER = re.compile(r"年齢|性別|職業|点数|得点|成績|評価|評定|^(?:age|sex|gender|occupation|job|score|scores|"
                               r"points|grade|marks?|result)$", re.IGNORECASE)


_SCORE_HEADER = re.compile(r"点数|得点|成績|評価|評定|^(?:score|scores|points|grade|marks?|result)$", re.IGNORECASE)


def _spaced_full_name(v: str) -> bool:
    """Two parts the dictionary reads as a surname and a given name (高橋 美咲)."""
    return (" " in v or "\u3000" in v) and japanese.is_full_name(v.replace("\u3000", "").replace(" ", ""))


_NUMBER_OR_CODE = re.compile(r"[\d\s.,:/\-+%A-Za-z_]*")


def _describes(value: str) -> bool:
    """A value that says something (a word, a remark), not an id, a code or a count."""
    v = value.strip()
    return bool(v) and _NUMBER_OR_CODE.fullmatch(v) is None


def _whole_name(v: str) -> bool:
    """A name with its parts (白石 芳郎, 上杉辰男, Taro Tanaka), not a surname alone."""
    return " " in v or "\u3000" in v or japanese.is_full_name(v)


_MOBILE = re.compile(r"0[789]0-?\d{4}-?\d{4}")


def _individual_contacts(kind: str, values: list[str]) -> int:
    """Distinct individuals' e-mail addresses (not info@, support@…) or mobile numbers."""
    distinct = {v.strip().lower() for v in values if v.strip()}
    if kind == "email":
        return sum(1 for v in distinct if d.is_personal_email(v))
    return sum(1 for v in distinct if _MOBILE.fullmatch(v))


def _representatives(plan: TablePlan, cols: Sequence[Sequence[str]], marks: dict[str, bytearray],
                     ev: Evidence) -> None:
    """The people of the representative columns (開設者, 代表者), counted once it is known whose
    rows they are. A corporation's representative (代表者 of a 株式会社) is named in a public
    role: the row is the corporation's, not a person's, and the name is no entry of a list of
    people. A sole proprietor's (開設者 of 山田医院) is a person. With the site's setting
    ``representatives = all`` (``ev.all_representatives``) every representative is."""
    rep = marks.pop("rep_name", None)
    if rep is None:
        return
    if plan.org_columns and not ev.all_representatives:
        org = cols[plan.org_columns[0]]
        for i, v in enumerate(org):
            if i < len(rep) and rep[i] and v and _CORPORATE.search(v):
                rep[i] = 0
    ev.listed_names += sum(1 for i, flag in enumerate(rep) if flag and any(
        i < len(cols[c]) and _whole_name(normalize_text(cols[c][i] or "").strip()) for c in plan.rep_columns))
    if not (plan.org_columns or ev.all_representatives):
        # No organisation beside them to say whose rows these are: names, not records.
        marks["rep_name"] = rep
        new = rep.count(1)
    else:
        name = marks.setdefault("name", bytearray(len(rep)))
        a, b = int.from_bytes(name, "big"), int.from_bytes(rep, "big")
        new = (b & ~a).bit_count()
        name[:] = (a | b).to_bytes(len(rep), "big")
    if new:
        ev.counts["name"] += new
        ev.rules[_RULES["name"]] += new


def _confirmed(values: list[str], check: Check) -> bool:
    sample = [v.strip() for v in values[: SAMPLE * 3] if v.strip()][:SAMPLE]
    return bool(sample) and sum(1 for v in sample if check(v)) >= CONFIRM_SHARE * len(sample)


def _count_column(kind: str, values: list[str], check: Check, ev: Evidence,
                  marks: dict[str, bytearray], representative: bool = False) -> None:
    # Each distinct value is checked once (rosters repeat names, towns, dates); the marks
    # and counts are then spread over the rows with C-level mapping.
    # Every check is false on "" (a blank value), so the stripped values go through it as they
    # are, with C-level mapping.
    distinct = list(set(values))
    good = set(compress(distinct, map(check, map(str.strip, distinct))))
    bad = {v for v in distinct if v.strip()} - good if kind == "my_number" else set()
    mark = bytearray(map(good.__contains__, values))
    # A representative's column is marked apart: whose row it is depends on the organisation.
    prev = marks.get("rep_name" if representative else kind)
    if representative and prev is None:
        marks["rep_name"] = mark
        prev = mark
    if prev is None:
        marks[kind] = mark
        count = mark.count(1)
    elif prev is not mark:
        # Two columns of one kind (氏名 and フリガナ, 姓 and 名): a row is marked when either is,
        # and one person is one name. Bytes are 0 or 1, so OR-ing them as one big integer is
        # the byte-wise OR, and the rows new to the kind are the bits of mark AND NOT prev.
        n = len(mark)
        a, b = int.from_bytes(prev, "big"), int.from_bytes(mark, "big")
        count = (b & ~a).bit_count()
        prev[:] = (a | b).to_bytes(n, "big")
    else:
        count = mark.count(1)
    if count and kind not in ev.examples:
        first = next(v for v in values if v in good)
        ev.examples[kind] = d.mask(kind, first.strip())
    if kind == "my_number" and bad:
        ev.my_number_invalid_labelled += sum(map(bad.__contains__, values))
    if count and not representative:  # a representative's are counted by _representatives
        ev.counts[kind] += count
        ev.rules[_RULES[kind]] += count
        if kind == "name":
            # Whole names only make a list of people: a column of surnames alone (a ranking
            # of 名字, a dictionary of readings) names no one.
            full = {v for v in good if _whole_name(v.strip())}
            ev.listed_names += sum(map(full.__contains__, values))
    if kind == "my_number":
        ev.twelve_digit_total += count


def _detect_column(label: str, values: list[str], ev: Evidence, marks: dict[str, bytearray],
                   names: bool = True, dates: bool = True) -> None:
    """Every detector over the column as ``見出し:値`` lines (the header is a nearby keyword).

    With ``names`` false (a column of organisations or addresses) no value is taken for a
    person's name; with ``dates`` false (addresses) none for a date of birth."""
    prefix = f"{label}:" if label else ""
    text = prefix + ("\n" + prefix).join(values)
    hits: list[tuple[int, str]] = []
    if names and dates:
        d.detect(text, ev, collect=hits)
    else:
        found = Evidence()
        d.detect(text, found, collect=hits)
        dropped = {k for k, keep in (("name", names), ("birth_date", dates)) if not keep}
        hits = [h for h in hits if h[1] not in dropped]
        for kind in dropped:
            found.counts.pop(kind, None)
            found.examples.pop(kind, None)
        prefixes = tuple(p for k, p in (("name", "氏名"), ("birth_date", "生年月日")) if k in dropped)
        for rule in [r for r in found.rules if r.startswith(prefixes)]:
            del found.rules[rule]
        _merge(ev, found)
    if not hits:
        return
    # Where each line starts, summed in C (a Python loop over the rows cost more than the
    # detectors on a column that holds nothing).
    step = len(prefix) + 1
    starts = list(accumulate(map(step.__add__, map(len, values[:-1])), initial=0))
    n = len(values)
    for p, kind in hits:
        marks.setdefault(kind, bytearray(n))[bisect.bisect_right(starts, p) - 1] = 1


def _merge(ev: Evidence, found: Evidence) -> None:
    ev.counts.update(found.counts)
    ev.rules.update(found.rules)
    for k, v in found.examples.items():
        ev.examples.setdefault(k, v)
    ev.twelve_digit_total += found.twelve_digit_total
    ev.my_number_unlabelled += found.my_number_unlabelled
    ev.my_number_invalid_labelled += found.my_number_invalid_labelled


def _count_table_records(marks: dict[str, bytearray], n: int, ev: Evidence, subject: str | None = None) -> None:
    name = marks.get("name")
    unlabelled = marks.pop("my_number?", None)
    if unlabelled is not None and name is not None:
        # An unlabelled but valid My Number in a person's row is a My Number.
        confirmed = bytearray(a & b for a, b in zip(unlabelled, name))
        k = sum(confirmed)
        if k:
            mine = marks.setdefault("my_number", bytearray(n))
            for i, bit in enumerate(confirmed):
                if bit:
                    mine[i] = 1
            ev.counts["my_number"] += k
            ev.rules["個人番号（検査数字一致・氏名と同じ行）"] += k
            ev.my_number_unlabelled -= k
            if "my_number" not in ev.examples and "my_number?" in ev.examples:
                ev.examples["my_number"] = ev.examples["my_number?"]
    kinds = list(marks)
    # Rows share a handful of patterns of present kinds: judge each pattern once.
    judged: dict[tuple[int, ...], bool] = {}
    count = 0
    for bits in zip(*(marks[k] for k in kinds)):
        ok = judged.get(bits)
        if ok is None:
            ok = judged[bits] = is_person_row(frozenset(k for k, b in zip(kinds, bits) if b), subject)
        count += ok
    ev.records += count

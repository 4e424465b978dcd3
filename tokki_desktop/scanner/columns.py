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

from tokki_desktop.scanner import detectors as d
from tokki_desktop.scanner.detectors import Evidence, is_person_row
from tokki_desktop.scanner.normalize import normalize_text
from tokki_desktop.scanner.phone_plan import is_valid_jp
from tokki_desktop.scanner.tables import excel_serial_to_date

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
    """The finding kind a column header announces, if any."""
    for rx, kind in _HEADER_KINDS:
        if rx.search(label):
            return kind
    return None


# A check returns something true for a good value (a pattern's own fullmatch or search
# method where the check is just a pattern: no Python frame per value).
Check = Callable[[str], object]


def _validator(kind: str, has_branch: bool) -> Check | None:
    if kind == "name":
        return lambda v: _NAME_VALUE.fullmatch(v) is not None and d._looks_like_name(v)
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


def scan_table(rows: list[list[str]], header: list[str], ev: Evidence) -> int:
    """Add the findings and person-records of one table to ``ev``; returns characters read."""
    width = max(map(len, rows), default=0)
    if rows and min(map(len, rows)) == width:
        # Column by column in C: zip_longest(*rows) makes one iterator object per row, which
        # the cyclic garbage collector tracks (20,000 set off a full collection of the heap).
        return scan_columns([list(map(itemgetter(j), rows)) for j in range(width)], len(rows), header, ev)
    return scan_columns(zip_longest(*rows, fillvalue=""), len(rows), header, ev)


def scan_columns(columns: Iterable[Sequence[str]], n: int, header: list[str], ev: Evidence) -> int:
    """:func:`scan_table` over the table's ``n`` rows given column by column."""
    if not n:
        return 0
    labels = [normalize_text(h or "").replace("\n", " ").replace(":", " ").strip()[:24] for h in header]
    has_branch = any(_BRANCH_HEADER.search(lab) for lab in labels)
    marks: dict[str, bytearray] = {}
    chars = 0
    for ci, col in enumerate(columns):
        label = labels[ci] if ci < len(labels) else ""
        joined = "\n".join(col)
        if "\r" in joined or joined.count("\n") != n - 1:
            joined = "\n".join((v or "").replace("\r", " ").replace("\n", " ") for v in col)
        if not joined.strip("\n"):
            continue
        chars += len(joined)
        normalized = normalize_text(joined)
        values = normalized.split("\n")
        kind = header_kind(label)
        check = _validator(kind, has_branch) if kind else None
        if kind == "birth_date" and _SERIAL_LINE.search(normalized):
            # Only a column holding some Excel day count needs the value-by-value pass.
            # Each distinct value once: a roster's birth dates repeat.
            dates = {v: excel_serial_to_date(v) for v in set(values)}
            values = list(map(dates.__getitem__, values))
        if check is not None and _confirmed(values, check):
            _count_column(kind, values, check, ev, marks)  # type: ignore[arg-type]
        else:
            _detect_column(label, values, ev, marks)
    _count_table_records(marks, n, ev)
    return chars


def _confirmed(values: list[str], check: Check) -> bool:
    sample = [v.strip() for v in values[: SAMPLE * 3] if v.strip()][:SAMPLE]
    return bool(sample) and sum(1 for v in sample if check(v)) >= CONFIRM_SHARE * len(sample)


def _count_column(kind: str, values: list[str], check: Check, ev: Evidence,
                  marks: dict[str, bytearray]) -> None:
    # Each distinct value is checked once (rosters repeat names, towns, dates); the marks
    # and counts are then spread over the rows with C-level mapping.
    # Every check is false on "" (a blank value), so the stripped values go through it as they
    # are, with C-level mapping.
    distinct = list(set(values))
    good = set(compress(distinct, map(check, map(str.strip, distinct))))
    bad = {v for v in distinct if v.strip()} - good if kind == "my_number" else set()
    mark = bytearray(map(good.__contains__, values))
    prev = marks.get(kind)
    if prev is None:
        marks[kind] = mark
    else:
        # Two columns of one kind (氏名 and フリガナ): a row is marked when either is. Bytes
        # are 0 or 1, so OR-ing them as one big integer is the byte-wise OR.
        n = len(mark)
        prev[:] = (int.from_bytes(prev, "big") | int.from_bytes(mark, "big")).to_bytes(n, "big")
    count = mark.count(1)
    if count and kind not in ev.examples:
        first = next(v for v in values if v in good)
        ev.examples[kind] = d.mask(kind, first.strip())
    if kind == "my_number" and bad:
        ev.my_number_invalid_labelled += sum(map(bad.__contains__, values))
    if count:
        ev.counts[kind] += count
        ev.rules[_RULES[kind]] += count
    if kind == "my_number":
        ev.twelve_digit_total += count


def _detect_column(label: str, values: list[str], ev: Evidence, marks: dict[str, bytearray]) -> None:
    """Every detector over the column as ``見出し:値`` lines (the header is a nearby keyword)."""
    prefix = f"{label}:" if label else ""
    text = prefix + ("\n" + prefix).join(values)
    hits: list[tuple[int, str]] = []
    d.detect(text, ev, collect=hits)
    if not hits:
        return
    # Where each line starts, summed in C (a Python loop over the rows cost more than the
    # detectors on a column that holds nothing).
    step = len(prefix) + 1
    starts = list(accumulate(map(step.__add__, map(len, values[:-1])), initial=0))
    n = len(values)
    for p, kind in hits:
        marks.setdefault(kind, bytearray(n))[bisect.bisect_right(starts, p) - 1] = 1


def _count_table_records(marks: dict[str, bytearray], n: int, ev: Evidence) -> None:
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
            ok = judged[bits] = is_person_row(frozenset(k for k, b in zip(kinds, bits) if b))
        count += ok
    ev.records += count

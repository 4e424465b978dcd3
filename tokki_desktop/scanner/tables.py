"""Tables: which row is the header, and how a row is turned into labelled text for detection."""

from __future__ import annotations

import datetime as dt
import re

from tokki_desktop.scanner.column_types import latin_header_kind
from tokki_desktop.scanner.normalize import normalize_text

# Words that make a row a header of a roster (or of a table with personal columns).
_HEADER_WORDS = re.compile(
    r"氏名|名前|フリガナ|ふりがな|カナ|住所|所在地|郵便|〒|電話|TEL|携帯|生年月日|誕生|性別|年齢|"
    r"メール|mail|個人番号|マイナンバー|口座|支店|銀行|旅券|パスポート|免許|在留|年金|保険|番号|"
    r"No\.?|ID|コード|品名|商品|数量|単価|金額|日付|件名|地区|町名|人口|世帯|備考|区分|name|address|phone|"
    r"連絡先|受取人|申込者|受給者|運転者|保護者|契約者|利用者|相談者|依頼人|患者|点数|得点|成績|評価|学年|組|"
    r"^(?:姓|名|セイ|メイ|せい|めい)$",
    re.IGNORECASE,
)
_VALUE_DIGITS = re.compile(r"\d{3}")
# A field name of an export or a database: ascii letters, digits and underscores.
_IDENTIFIER = re.compile(r"[A-Za-z][A-Za-z0-9_ .\-]{0,31}")
_NUMERIC = re.compile(r"^[\d\s,.\-/:()円%+]*$")
_BIRTH_HEADER = re.compile(r"生年月日|誕生|birth", re.IGNORECASE)
_SERIAL = re.compile(r"^\d{4,5}(?:\.0+)?$")
_EXCEL_EPOCH = dt.date(1899, 12, 30)


def find_header(rows: list[list[str]], look: int = 5) -> int | None:
    """Index of the header row among the first rows, or None when the table has none."""
    if is_form_layout(rows):
        return None  # labels down the first column, not across a header row
    for i, row in enumerate(rows[:look]):
        cells = [c.strip() for c in row if c and c.strip()]
        if len(cells) < 2 or any(_VALUE_DIGITS.search(c) for c in cells):
            continue  # "〒177-9860 東京都…" is a value, not a column's name
        words = sum(1 for c in cells if len(c) <= 30 and _HEADER_WORDS.search(c))
        numeric = sum(1 for c in cells if _NUMERIC.match(c))
        if words >= 2 and numeric == 0:
            return i
        if i == 0 and all(_IDENTIFIER.fullmatch(c) for c in cells) and \
                any(latin_header_kind(c) for c in cells) and not _identifiers_below(rows[1:4]):
            return i  # order,elected,name,party,votes: an export's field names
    return None


def _identifiers_below(rows: list[list[str]]) -> bool:
    """True when the rows under a candidate header are made of identifiers too (a word list)."""
    cells = [c.strip() for r in rows for c in r if c and c.strip()]
    return bool(cells) and all(_IDENTIFIER.fullmatch(c) for c in cells)


def is_form_layout(rows: list[list[str]]) -> bool:
    """True for a form laid out as a table: one person over several rows of "label | value".

    A résumé or an application form puts 氏名, 生年月日, 現住所, 電話 each in its own row, so no
    single row combines two items; such a table is read as one text, not row by row.
    """
    if not 3 <= len(rows) <= 60:
        return False
    labelled = 0
    for row in rows:
        cells = [c.strip() for c in row if c and c.strip()]
        # "label | value", possibly twice in a row (金融機関名 | 横浜銀行 | 支店名 | 桜新町支店);
        # a roster's rows are wider, and its cells that look like labels hold digits (dates).
        if 2 <= len(cells) <= 4 and any(_is_form_label(cells[i]) and not _is_form_label(cells[i + 1])
                                        for i in range(0, len(cells) - 1, 2)):
            labelled += 1
    return labelled >= 3 and labelled * 2 >= len(rows)


# How a form's field labels end: 金融機関名, 預金種別, 口座番号, 生年月日, 現住所, 口座名義（カナ）.
_FORM_LABEL = re.compile(
    r"(?:名|名義|番号|種別|区分|住所|所在地|電話|TEL|FAX|生年月日|日|フリガナ|ふりがな|カナ|先|コード|年齢|性別|職業|"
    r"mail|メール)(?:[（(][^）)]{0,8}[）)])?$", re.IGNORECASE)


def _is_form_label(cell: str) -> bool:
    # Ends like a label: "新宿支店" holds the header word 支店 but is a value.
    return len(cell) <= 12 and not any(ch.isdigit() for ch in cell) and _FORM_LABEL.search(cell) is not None


def excel_serial_to_date(value: str) -> str:
    """An Excel date cell's day count as ``YYYY/MM/DD``; any other value unchanged."""
    if _SERIAL.match(value):
        try:
            return (_EXCEL_EPOCH + dt.timedelta(days=int(float(value)))).isoformat().replace("-", "/")
        except (ValueError, OverflowError):
            pass
    return value


def rows_as_text(rows: list[list[str]], header: list[str] | None) -> str:
    """One line per row, cells as ``見出し:値`` so a column header acts as a nearby keyword."""
    labels: list[str] = []
    birth_cols: set[int] = set()
    if header:
        labels = [normalize_text(h).replace("\n", " ").replace(":", " ").strip()[:24] for h in header]
        birth_cols = {i for i, h in enumerate(labels) if _BIRTH_HEADER.search(h)}
    out: list[str] = []
    nlab = len(labels)
    for row in rows:
        cells: list[str] = []
        for i, v in enumerate(row):
            if not v:
                continue
            if "\n" in v or "\r" in v:
                v = v.replace("\r", " ").replace("\n", " ")
            if i in birth_cols:
                # An Excel date cell holds a day count; show it as the date it stands for.
                v = excel_serial_to_date(v)
            if i < nlab and labels[i]:
                cells.append(f"{labels[i]}:{v}")
            else:
                cells.append(v)
        out.append("\t".join(cells))
    return "\n".join(out)

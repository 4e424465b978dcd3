"""The fast paths give exactly what the general paths give: rows of a regular sheet, and the
per-distinct-value column check (marks, counts, masked example, invalid My Numbers)."""

from __future__ import annotations

from tokki_desktop.scanner import columns
from tokki_desktop.scanner.detectors import Evidence
from tokki_desktop.scanner.extract import office_xml as ox

SHARED = ["氏名", "電話", "金額", "山田 太郎", "佐藤 花子", "A&B"]


def _sheet(rows: list[list[tuple[str, str]]]) -> bytes:
    """Sheet XML from rows of (type, value) cells; type "s" is a shared-string index."""
    out = ["<sheetData>"]
    for r, row in enumerate(rows, 1):
        out.append(f'<row r="{r}">')
        for c, (typ, val) in enumerate(row):
            ref = f"{chr(65 + c)}{r}"
            attr = ' t="s"' if typ == "s" else (' t="str"' if typ == "str" else "")
            out.append(f'<c r="{ref}"{attr}><v>{val}</v></c>' if val != "" else f'<c r="{ref}"{attr}/>')
        out.append("</row>")
    out.append("</sheetData>")
    return "".join(out).encode()


def _both(xml: bytes) -> tuple[list[list[str]] | None, list[list[str]]]:
    cells = ox._CELL_FAST.findall(xml)
    return ox._regular_rows(xml, SHARED), ox._cell_rows(cells, SHARED)


def test_regular_sheet_fast_rows_equal_general_rows() -> None:
    body = [[("s", str(3 + i % 2)), ("str", f"090-1234-{i:04d}"), ("n", str(i * 7))] for i in range(100)]
    body[5][1] = ("str", "a &amp; b &#12354;")
    fast, general = _both(_sheet([[("s", "0"), ("s", "1"), ("s", "2")]] + body))
    assert fast is not None  # the fast path was taken…
    assert fast == general  # …and agrees cell for cell, entities decoded
    assert fast[6][1] == "a & b あ"


def test_irregular_sheets_take_the_general_path() -> None:
    head = [("s", "0"), ("s", "1"), ("s", "2")]
    gap = [head] + [[("s", "3"), ("n", ""), ("n", "5")] for _ in range(100)]  # an empty cell
    mixed = [head] + [[("s", "3"), ("n", "1") if i % 2 else ("s", "4"), ("n", "5")] for i in range(100)]
    bad_index = [head] + [[("s", "3"), ("s", "99"), ("n", "5")] for _ in range(100)]
    ragged = [head] + [[("s", "3")] * (1 + i % 3) for i in range(100)]
    for rows in (gap, bad_index, ragged):
        fast, general = _both(_sheet(rows))
        assert fast is None
        assert general  # and the general path still reads what it can
    fast, general = _both(_sheet(mixed))  # types mixed in a column: each cell's own attributes
    assert fast is not None and fast == general


def _per_value_reference(kind: str, values: list[str], check) -> tuple[bytearray, int, str | None, int]:
    """The original cell-by-cell loop, kept here as the specification."""
    mark = bytearray(len(values))
    count = invalid = 0
    example = None
    for i, v in enumerate(values):
        v = v.strip()
        if v and check(v):
            mark[i] = 1
            count += 1
            example = example or columns.d.mask(kind, v)
        elif kind == "my_number" and v:
            invalid += 1
    return mark, count, example, invalid


def test_column_check_by_distinct_value_equals_cell_by_cell() -> None:
    values = ["", " 123456789018", "123456789011", "123456789018", "abc", "123456789011", " "] * 30
    check = columns._validator("my_number", False)
    assert check is not None
    ev = Evidence()
    marks: dict[str, bytearray] = {}
    columns._count_column("my_number", values, check, ev, marks)
    mark, count, example, invalid = _per_value_reference("my_number", values, check)
    assert marks["my_number"] == mark
    assert ev.counts["my_number"] == count == 60
    assert ev.examples["my_number"] == example
    assert ev.my_number_invalid_labelled == invalid == 90
    assert ev.twelve_digit_total == count


def test_two_columns_of_one_kind_mark_a_row_when_either_holds_one() -> None:
    check = columns._validator("name", False)
    assert check is not None
    kanji = ["山田 太郎", "", "x", ""]
    kana = ["", "ヤマダ タロウ", "", ""]
    ev = Evidence()
    marks: dict[str, bytearray] = {}
    columns._count_column("name", kanji, check, ev, marks)
    columns._count_column("name", kana, check, ev, marks)
    assert marks["name"] == bytearray([1, 1, 0, 0])
    assert ev.counts["name"] == 2


def test_word_table_spans_are_the_regex_matches() -> None:
    """bytes.find over <w:tbl> gives what the lazy regex gave, nested and unclosed tables too."""
    samples = [b"a<w:tbl>x</w:tbl>b<w:tbl>y<w:tbl>z</w:tbl>c</w:tbl>d", b"<w:tbl><w:tbl>", b"<w:tbl>",
               b"</w:tbl><w:tbl></w:tbl>", b"<w:tbl></w:tbl></w:tbl>", b"", b"<w:tbl></w:tbl>"]
    for x in samples:
        assert ox._table_spans(x) == [(m.start(), m.group(1), m.end()) for m in ox._WTBL.finditer(x)]


def test_word_text_fast_path_equals_run_by_run() -> None:
    frags = [b"<w:p><w:r><w:t>\xe5\xb1\xb1\xe7\x94\xb0</w:t></w:r><w:r><w:t xml:space=\"preserve\"> \xe5\xa4\xaa</w:t></w:r></w:p>",
             b"<w:p><w:r><w:t>A&amp;B</w:t></w:r></w:p>", b"<w:p><w:r><w:t>a</w:t><w:tab/><w:t>b</w:t><w:br/></w:r></w:p>",
             b"<w:p/>"]
    for f in frags:
        slow = "".join(ox._unescape(m.group(1)) if m.group(1) is not None else ("\t" if m.group(2) == b"tab" else "\n")
                       for m in ox._WTEXT.finditer(f))
        assert ox._wtext(f) == slow
    assert ox._wtext(frags[0]) == "山田 太"


def test_choon_between_digits_equals_the_lookbehind_substitution() -> None:
    import random
    import re

    from tokki_desktop.scanner.normalize import _choon_between_digits

    ref = re.compile(r"(?<=\d)[ーｰ](?=\d)")
    rnd = random.Random(5)
    alphabet = "0123456789ーｰアー１٣x "
    for _ in range(20_000):
        t = "".join(rnd.choice(alphabet) for _ in range(rnd.randrange(12)))
        assert _choon_between_digits(t) == ref.sub("-", t)
    assert _choon_between_digits("03ー1234ー5678 コーポ") == "03-1234-5678 コーポ"


def test_birth_date_column_of_excel_day_counts_is_still_read_as_dates() -> None:
    surnames = ["山田", "佐藤", "鈴木", "高橋", "田中"]
    rows = [[f"{surnames[i % 5]} 太郎", str(20000 + i * 37)] for i in range(50)]
    ev = Evidence()
    columns.scan_table(rows, ["氏名", "生年月日"], ev)
    assert ev.counts["birth_date"] == 50
    assert ev.records == 50
    assert "*" in ev.examples["birth_date"] and "20000" not in ev.examples["birth_date"]


def test_postal_codes_found_from_the_hyphen_are_the_regex_matches() -> None:
    import random

    from tokki_desktop.scanner import detectors as det

    rnd = random.Random(9)
    for _ in range(30_000):
        s = "".join(rnd.choice("0123456789-- a１") for _ in range(rnd.randrange(16)))
        slow = [(m.start(), m.group(0)) for m in det._POSTAL.finditer(s)]
        fast = [(m.start() - 3, s[m.start() - 3:m.end()]) for m in det._POSTAL_FROM_DASH.finditer(s)]
        assert fast == slow


def test_keyword_family_of_the_prefilter_is_exactly_the_keyword_pattern() -> None:
    import platform
    import random

    import pytest

    if platform.machine() not in ("x86_64", "AMD64"):
        pytest.skip("Hyperscan has wheels for x86-64 only; without it there is no keyword family to compare")

    from tokki_desktop.scanner import detectors as det
    from tokki_desktop.scanner.keywords import KEYWORD_KINDS
    from tokki_desktop.scanner.prefilter import families_present

    words = [w for ws in KEYWORD_KINDS.values() for w in ws] + ["My Number", "BIRTH", "Passport"]
    filler = ["ログ", "2026-11-05 INFO job", "株式", "代", "my numbe", "Birt", "（株）", "在留", " "]
    rnd = random.Random(11)
    for i in range(400):
        parts = [rnd.choice(filler) for _ in range(rnd.randrange(6))]
        if i % 2:
            parts.insert(rnd.randrange(len(parts) + 1), rnd.choice(words))
        text = "".join(parts)
        present = families_present(text)
        assert ("keyword" in present) == bool(det._KEYWORDS.search(text)), text
        # Every kind the detectors index is reported, so a kind not reported has no position.
        assert set(det._Keywords(text, present)._index()) <= present, text


def test_regular_sheet_rows_equal_general_rows_on_random_sheets() -> None:
    """Random near-regular sheets: the fast path either declines or gives the general rows."""
    import random

    rnd = random.Random(11)
    taken = 0
    for _ in range(400):
        k = rnd.randrange(1, 6)
        n = rnd.randrange(70, 90)
        types = [rnd.choice(["s", "n", "str"]) for _ in range(k)]
        rows = [[("s", str(j % 3)) for j in range(k)]]
        for i in range(n):
            rows.append([(t, str(i % 6)) if t == "s" else (t, rnd.choice(["12", "3.5", "a &amp; b", "x", "0"]))
                         for t in types])
        xml = _sheet(rows)
        flaw = rnd.randrange(12)
        r = rnd.randrange(2, n + 1)
        if flaw == 1:
            xml = xml.replace(f'<c r="A{r}"'.encode(), f'<c r="A{r - 1}"'.encode(), 1)  # a repeated row number
        elif flaw == 2:
            xml = xml.replace(f'<c r="A{r}"'.encode(), f'<c r="A{r}" s="2"'.encode(), 1)  # another attribute
        elif flaw == 3:
            xml = xml.replace(f"<v>{r % 6}</v>".encode(), b"<f>1+1</f><v>2</v>", 1)  # a formula
        elif flaw == 4:
            xml = xml.replace(f'<row r="{r}">'.encode(), f'<row r="{r}"><c r="Z{r}" t="inlineStr"><is><t>x</t></is></c>'.encode(), 1)
        elif flaw == 5:
            xml = xml.replace(b"</row><row", b"</row>\n<row", 1)  # whitespace between rows is fine
        elif flaw == 6:
            xml = xml.replace(f"<v>{r % 6}</v>".encode(), b"<v></v>", 1)  # an empty value
        elif flaw == 7:
            xml = xml.replace(f'<c r="B{r}"'.encode(), f'<c r="C{r}"'.encode(), 1)  # a gap
        elif flaw == 8:
            xml = xml.replace(b"<v>1</v>", b"<v>99</v>", 1)  # a shared index out of range
        elif flaw == 9:
            xml = xml.replace(b'<c r="A1"', b'<c r="A2"', 1)  # header and first row share a number
        elif flaw == 10:
            xml = xml.replace(f'<row r="{r}">'.encode(), f'<row r="{r}" spans="1:{k}">'.encode(), 1)
        fast, general = _both(xml)
        assert fast is None or fast == general, flaw
        taken += fast is not None
    assert taken > 100


def test_nfkc_runs_folded_by_split_equal_the_substitution() -> None:
    import random
    import re
    import unicodedata

    from tokki_desktop.scanner.normalize import normalize_text

    runs = re.compile("[\u3000\uff01-\uffef\u2460-\u24ff\u3200-\u33ff\u2150-\u218f]+")
    dashes = re.compile("[‐‑‒–—―−－﹣⁃]")
    rnd = random.Random(3)
    alphabet = "ab1２３４ＡＢ　ｶﾞ①㈱Ⅻ年月日−－\n "
    for _ in range(20_000):
        t = "".join(rnd.choice(alphabet) for _ in range(rnd.randrange(20)))
        ref = dashes.sub("-", runs.sub(lambda m: unicodedata.normalize("NFKC", m.group(0)), t)) if not t.isascii() else t
        assert normalize_text(t) == ref, t


def test_a_table_given_by_columns_is_scanned_like_its_rows() -> None:
    from tokki_desktop.scanner.extract import ColumnTablePart

    rows = [[f"山田 {n}郎", f"090-1234-{i:04d}", f"横浜市中区本町{i % 9 + 1}-2-3"] for i, n in enumerate("一二三四五六七八九十" * 5)]
    part = ColumnTablePart([list(c) for c in zip(*rows)], ["氏名", "電話", "住所"])
    assert part.rows == rows and part.row_count == len(rows)
    by_rows, by_columns = Evidence(), Evidence()
    assert columns.scan_table(rows, ["氏名", "電話", "住所"], by_rows) == \
        columns.scan_columns(part.columns, part.row_count, ["氏名", "電話", "住所"], by_columns)
    assert by_rows == by_columns and by_rows.records == len(rows)


def test_word_table_rows_by_tokens_equal_the_regex_rows() -> None:
    """Random tag soup, unclosed and nested rows and cells included: the one-scan reading of
    a table either declines or gives the rows of cells the lazy regexes give."""
    import random

    pieces = [b"<w:tr>", b'<w:tr w:rsidR="1">', b"</w:tr>", b"<w:tc>", b'<w:tc w:x="2">', b"</w:tc>", b"<w:tcPr/>",
              b"<w:t>ab</w:t>", b'<w:t xml:space="preserve"> \xe5\xb1\xb1 </w:t>', b"<w:t>a&amp;b</w:t>", b"<w:t/>",
              b"<w:t>\x00\xe5</w:t>",
              b'<w:t\tx="1">q</w:t>', b"<w:p>", b"</w:p>", b"<w:r>", b"</w:r>", b"<w:t>", b"</w:t>", b"x", b"<w:tbl>"]
    rnd = random.Random(21)
    taken = 0
    for _ in range(20_000):
        body = b"".join(rnd.choice(pieces) for _ in range(rnd.randrange(30)))
        fast = ox._table_rows_by_tokens(body)
        slow = [[ox._wtext(c).strip() for c in ox._WTC.findall(r)] for r in ox._WTR.findall(body)]
        assert fast is None or fast == slow, body
        taken += fast is not None and bool(slow)
    assert taken > 1000


def test_guarded_number_families_never_change_a_finding(monkeypatch) -> None:
    """Random digit-rich text: the detectors give the same evidence with the prefilter's
    guarded number families as with every family assumed present."""
    import random

    from tokki_desktop.scanner import detectors as det
    from tokki_desktop.scanner import prefilter

    rnd = random.Random(23)
    alphabet = "00001234567899-- ()\n.xa_+:電話〒番号個人٣\udc80"
    texts = ["".join(rnd.choice(alphabet) for _ in range(rnd.randrange(60))) for _ in range(4000)]
    texts += [f"{a}{rnd.randrange(10 ** 13):013d}{b}" for a in ":-1 " for b in "\n-1x" for _ in range(20)]
    texts += ["個人番号 123456789018", "電話 090-1234-5678", "〒123-4567 東京都", "(03) 1234-5678 様"]

    def evidence(text: str) -> object:
        ev, hits = Evidence(), []
        try:
            det.detect(text, ev, collect=hits)
        except UnicodeEncodeError as exc:  # 12 non-ASCII digits: valid_my_number's ASCII encode
            return type(exc)
        return ev, hits

    with_prefilter = [evidence(t) for t in texts]
    monkeypatch.setattr(det, "families_present", lambda text: prefilter.ALL)
    assert [evidence(t) for t in texts] == with_prefilter


def test_shared_strings_back_to_back_equal_the_item_by_item_reading() -> None:
    import random

    def item_by_item(sst: bytes) -> list[str]:
        return ["".join(ox._unescape(t) for t in ox._T.findall(ox._RPH.sub(b"", m.group(1) or b"")))
                for m in ox._SI.finditer(sst)]

    texts = ["山田", "", " a ", "A&amp;B", "&#12354;", "x\x00y", "<", "1"]
    items = [b"<si><t>%s</t></si>", b'<si><t xml:space="preserve">%s</t></si>', b"<si/>", b"<si><t/></si>",
             b"<si><r><t>%s</t></r></si>", b"<si><t>%s</t><rPh><t>x</t></rPh></si>", b"\n<si><t>%s</t></si>",
             b'<si><t xml:lang="ja">%s</t></si>']
    rnd = random.Random(29)
    taken = 0
    for _ in range(3000):
        parts = []
        for _ in range(rnd.randrange(1, 8)):
            item = rnd.choice(items[:2] * 6 + items)
            parts.append(item.replace(b"%s", rnd.choice(texts).encode()) if b"%s" in item else item)
        sst = b'<?xml version="1.0"?><sst count="9">' + b"".join(parts) + b"</sst>"
        fast = ox._shared_strings_back_to_back(sst)
        assert fast is None or fast == item_by_item(sst), sst
        taken += fast is not None
    assert taken > 300


def test_date_check_equals_the_calendar() -> None:
    """_valid_date's table of month and day gives what datetime.date gives, for every spelling."""
    import datetime as dt

    from tokki_desktop.scanner import detectors as det

    def calendar(m) -> bool:
        try:
            if m["era"]:
                year = 1 if m["ey"] == "元" else int(m["ey"])
                dt.date(det._ERA_START[m["era"]] + year - 1, int(m["em"]), int(m["ed"]))
            else:
                dt.date(int(m["y"]), int(m["m"]), int(m["d"]))
        except (ValueError, KeyError):
            return False
        return True

    days = [str(i) for i in range(33)] + [f"{i:02d}" for i in range(10)] + ["٣", "１"]
    for year in ("1900", "2000", "2023", "2024", "昭和55年", "平成元年", "令和 2 年", "H4.", "S0."):
        for month in ("0", "1", "01", "2", "02", "4", "12", "13", "٢"):
            for day in days:
                text = f"{year}{month}月{day}日" if "年" in year else (f"{year}{month}.{day}" if "." in year else f"{year}/{month}/{day}")
                m = det._DATE.fullmatch(text)
                if m is not None:
                    assert det._valid_date(m) == calendar(m), text


def test_paragraphs_found_with_find_are_the_regex_matches() -> None:
    import random

    rnd = random.Random(31)
    for name, rx in ((b"w:p", ox._WP), (b"a:p", ox._AP)):
        tag = name.decode()
        pieces = [f"<{tag}>", f'<{tag} x="1">', f"</{tag}>", f"<{tag}/>", f"<{tag} />", f"<{tag}Pr>", f"<{tag}",
                  "<w:t>a</w:t>", "x", "\n", "</", "/>"]
        for _ in range(20_000):
            xml = "".join(rnd.choice(pieces) for _ in range(rnd.randrange(14))).encode()
            assert ox._paragraphs(xml, name) == rx.findall(xml), xml

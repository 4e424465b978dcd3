"""One person's documents in any layout: résumés, addressees in parts, transfer lists, short tables.

Each case is written here with invented values, in the layouts public files use: a résumé as
Markdown key-value lines, as LaTeX with the values kept in the source's own macros, as a
Word document, as a sheet, as a PDF whose text needs the font's code map; a postcard's
addressee in one ``<div>`` a part; a bank transfer file without a header.
"""

from __future__ import annotations

import io

import docx
import openpyxl
import pytest

from tokki_desktop.scanner import CLEAN, PERSONAL_DATA, japanese
from tokki_desktop.scanner.extract.latex import latex_text
from tokki_desktop.scanner.extract.pdf import undecoded
from tokki_desktop.scanner.labels import addressees
from tokki_desktop.scanner.resume import owner_name, resume_owner
from tokki_desktop.scanner.scan import scan_bytes

RESUME_MD = """# 履歴書

- 氏名: 山田 花子
- ふりがな: やまだ はなこ
- 生年月日: 1990年4月12日

## 学歴

| 年 | 月 | 内容 |
|---|---|---|
| 2009 | 3 | 県立高等学校 卒業 |
"""


def test_a_markdown_resume_is_one_person() -> None:
    res = scan_bytes(RESUME_MD.encode(), "resume.md")
    assert res.verdict == PERSONAL_DATA, res.reason
    assert "履歴書" in res.reason


RESUME_TEX = r"""\documentclass{article}
\usepackage{rireki}
\newcommand\lastname{Mori}      % the values are kept in macros of the source's own
\newcommand{\firstname}{Kenji}
\newcommand\birthyear{1988}
\begin{document}
\姓{\lastname}
\名{\firstname}
\姓読み{もり}
\名読み{けんじ}
\誕生日{\birthyear{}年5月3日}
\現住所{大阪府大阪市北区梅田9-9-9}
\学歴{2007}{4}{市立高等学校 入学}
\end{document}
"""


def test_latex_macros_are_expanded_before_fields_are_read() -> None:
    text = latex_text(RESUME_TEX)
    assert "姓: Mori" in text and "名: Kenji" in text and "誕生日: 1988年5月3日" in text


def test_a_latex_resume_whose_values_live_in_macros_is_one_person() -> None:
    res = scan_bytes(RESUME_TEX.encode(), "rirekisho.tex")
    assert res.verdict == PERSONAL_DATA, res.reason_en


def test_a_latex_cv_with_nested_macros_names_its_owner() -> None:
    source = (r"\documentclass{moderncv}" "\n"
              r"\newcommand\firstnametext{Kenji}" "\n" r"\newcommand\lastnametext{Mori}" "\n"
              r"\name{\ruby{\lastnametext}{モリ}}{\ruby{\firstnametext}{ケンジ}}" "\n"
              r"\title{職務経歴書}" "\n" r"\begin{document}" "\n" r"\section{職務経歴}" "\n"
              r"\subsection{2015年4月〜 株式会社サンプル}" "\n" r"\end{document}" "\n")
    assert "name: Mori モリ Kenji ケンジ" in latex_text(source)
    assert scan_bytes(source.encode(), "cv.tex").verdict == PERSONAL_DATA


def _docx(paragraphs: list[str]) -> bytes:
    d = docx.Document()
    for p in paragraphs:
        d.add_paragraph(p)
    out = io.BytesIO()
    d.save(out)
    return out.getvalue()


def test_a_word_resume_is_one_person() -> None:
    data = _docx(["職務経歴書", "氏名", "佐藤 一郎", "職務経歴", "2012年4月 株式会社サンプル商事 入社 営業部"])
    res = scan_bytes(data, "職務経歴書.docx")
    assert res.verdict == PERSONAL_DATA, res.reason


def test_a_sheet_resume_is_one_person() -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    for row in (["履歴書"], ["氏名", "鈴木 次郎"], ["ふりがな", "すずき じろう"], ["生年月日", "1985年7月1日"],
                ["学歴"], ["2004年3月", "私立高等学校 卒業"]):
        ws.append(row)
    out = io.BytesIO()
    wb.save(out)
    assert scan_bytes(out.getvalue(), "rirekisho.xlsx").verdict == PERSONAL_DATA


@pytest.mark.parametrize("text", [
    # A blank template: the labels with nothing, or with placeholders, after them.
    "# 履歴書\n\n- 氏名:\n- ふりがな:\n- 生年月日:   年  月  日\n\n## 学歴\n",
    "履歴書\n氏名: ○○ ○○\n生年月日: ＿＿年＿＿月＿＿日\n学歴\n",
    "# Resume template\n\nname: Your Name\nemail:\n\n## Experience\n",
    # How to write one: prose about the fields, no person.
    "履歴書の書き方\n氏名欄には楷書で記入します。\n学歴は高校卒業から書きます。\n",
])
def test_a_resume_template_or_guide_names_no_one(text: str) -> None:
    assert resume_owner(text) is None
    assert scan_bytes(text.encode(), "template.md").verdict == CLEAN


def test_a_form_without_a_resume_title_needs_two_particulars() -> None:
    assert resume_owner("氏名: 田中 三郎\n生年月日: 1970年1月1日\n住所: 東京都港区芝公園9-9-9\n") == "田中 三郎"
    assert resume_owner("氏名: 田中 三郎\n備考: 特になし\n") is None


@pytest.mark.parametrize("value, ok", [
    ("山田 花子", True), ("Kenji Mori", True), ("Mori モリ Kenji ケンジ", True), ("やまだ はなこ", True),
    ("○○ ○○", False), ("Your Name", False), ("株式会社サンプル", False), ("", False),
])
def test_what_a_name_field_holds(value: str, ok: bool) -> None:
    assert owner_name(value) is ok


def _pdf_with_code_map(lines: list[str], entries: int = 300) -> bytes:
    """A PDF whose text is glyph numbers mapped to characters by one ToUnicode range with an
    array of ``entries`` (PDFium ignores arrays over 256; pypdf reads them)."""
    chars = sorted({ch for ln in lines for ch in ln})
    cid = {ch: i + 1 for i, ch in enumerate(chars)}
    array = ["<0000>"] + [f"<{ord(ch):04x}>" for ch in chars] + ["<0020>"] * (entries - len(chars) - 1)
    cmap = ("/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /Adobe-Identity-UCS def\n"
            "/CMapType 2 def 1 begincodespacerange <0000> <ffff> endcodespacerange\n"
            f"1 beginbfrange <0000> <{entries - 1:04x}> [{' '.join(array)}] endbfrange\n"
            "endcmap CMapName currentdict /CMap defineresource pop end end\n").encode()
    content = "".join(f"BT /F1 12 Tf 50 {780 - 20 * i} Td <{''.join(f'{cid[ch]:04x}' for ch in ln)}> Tj ET\n"
                      for i, ln in enumerate(lines)).encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >>"
        b" /Contents 4 0 R >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"endstream",
        b"<< /Type /Font /Subtype /Type0 /BaseFont /AAAAAA+Sample /Encoding /Identity-H"
        b" /DescendantFonts [6 0 R] /ToUnicode 7 0 R >>",
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /AAAAAA+Sample /CIDSystemInfo"
        b" << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor 8 0 R /CIDToGIDMap /Identity >>",
        b"<< /Length %d >>\nstream\n" % len(cmap) + cmap + b"endstream",
        b"<< /Type /FontDescriptor /FontName /AAAAAA+Sample /Flags 4 /FontBBox [0 0 1000 1000] /ItalicAngle 0"
        b" /Ascent 800 /Descent -200 /CapHeight 700 /StemV 80 >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.7\n")
    offsets = []
    for i, obj in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % i + obj + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    out.write(b"".join(b"%010d 00000 n \n" % o for o in offsets))
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()


RESUME_LINES = ["履歴書", "氏名", "山田 花子", "生年月日", "1990年4月12日", "学歴", "2009年3月 県立高等学校 卒業"]


def test_a_pdf_whose_code_map_pdfium_skips_is_read_through_pypdf() -> None:
    import pypdfium2 as pdfium

    data = _pdf_with_code_map(RESUME_LINES)
    doc = pdfium.PdfDocument(data)
    try:
        raw = doc[0].get_textpage().get_text_range()
    finally:
        doc.close()
    if not undecoded(raw):
        pytest.skip("this PDFium reads ToUnicode arrays over 256 entries: nothing to fall back from")
    res = scan_bytes(data, "resume.pdf")
    assert res.verdict == PERSONAL_DATA, res.reason_en
    # The same page with a short code map: PDFium reads it itself, same verdict.
    assert scan_bytes(_pdf_with_code_map(RESUME_LINES, entries=200), "resume.pdf").verdict == PERSONAL_DATA


def test_glyph_numbers_are_told_from_text() -> None:
    assert undecoded("\x01 \x02\x03  \x04\x05\n\x06")
    assert not undecoded("履歴書\n氏名 山田 花子\n") and not undecoded("")


POSTCARD = """<html><body>
<section class="page">
  <div class="to_address">北海道札幌市中央区北九条 三ー一〇ー五</div>
  <div class="to_name"><div>浜田</div><div>健一</div><div>様</div></div>
  <div class="from"><div>大阪府堺市南区晴美台 一ー二ー三</div><div>谷口 真司</div></div>
</section>
</body></html>"""


def test_an_addressee_written_one_part_a_line_is_a_person() -> None:
    assert addressees("北海道札幌市中央区北九条 三ー一〇ー五\n浜田\n健一\n様\n") == ["浜田 健一"]
    res = scan_bytes(POSTCARD.encode(), "address.html")
    assert res.verdict == PERSONAL_DATA, res.reason


@pytest.mark.parametrize("text", [
    "保護者\n様\n北海道札幌市中央区北九条1-2-3\n",  # a role, not a name
    "浜田\n健一\n様\n",  # no address near: a greeting card list, judged by the other rules
    "ご担当\n各位\n様式第1号\n",
])
def test_a_honorific_alone_without_a_name_and_an_address_is_no_addressee(text: str) -> None:
    assert addressees(text) == []


def test_a_headerless_transfer_list_names_its_individual_holders() -> None:
    rows = [["1", "33", "1", "1", f"{1000001 + i}", holder, "5000"] for i, holder in enumerate(
        ["ｶ)ｻﾝﾌﾟﾙｼﾖｳｼﾞ", "ﾀﾅｶ ｲﾁﾛｳ", "ﾕ)ﾐﾅﾐｺｳｷﾞﾖｳ", "ｽｽﾞｷ ﾊﾅｺ", "ｻﾝﾌﾟﾙｻﾝｷﾞﾖｳ(ｶ", "ﾔﾏﾀﾞﾀﾛｳ"])]
    data = ("\n".join(",".join(r) for r in rows) + "\n").encode("cp932")
    res = scan_bytes(data, "furikomi.csv")
    assert res.verdict == PERSONAL_DATA, res.reason
    assert res.records == 3  # the holders without a corporate mark
    corporate = [r for r in rows if ")" in r[5] or "(" in r[5]]
    data = ("\n".join(",".join(r) for r in corporate) + "\n").encode("cp932")
    assert scan_bytes(data, "furikomi.csv").verdict == CLEAN


def test_a_name_dictionary_with_ragged_rows_is_no_table_of_people() -> None:
    # Reading, romaji, then as many spellings as the reading has: the far columns are filled
    # only in the rows of readings with many spellings.
    rows = [["あい", "ai", "愛", "亜衣", "藍"], ["あいか", "aika", "愛花", "藍香", "亜衣佳", "愛香", "和香", "愛佳",
                                          "藍佳", "明莉", "雅紀", "杏子", "恵美", "香織"]]
    rows += [[f"よみ{i}", f"yomi{i}", "花"] for i in range(10)]
    rows += [["かおり", "kaori", "香織", "佳織", "香", "薫", "かおり", "馨", "果織", "華織", "花織",
              "美和", "明代", "恵子", "里美"]] * 2
    data = ("\n".join(",".join(r) for r in rows) + "\n").encode()
    assert scan_bytes(data, "first_names.csv").verdict == CLEAN


def test_one_or_two_people_named_whole_with_a_remark_are_records() -> None:
    sql = ("CREATE TABLE users (id int, last_name varchar(20), first_name varchar(20), comment text);\n"
           "INSERT INTO users VALUES (1, '川口', '裕子', '経理担当'), (2, '川口', '大輔', '営業担当');\n")
    res = scan_bytes(sql.encode(), "users.sql")
    assert res.verdict == PERSONAL_DATA and res.records == 2, res.reason
    surnames_only = ("CREATE TABLE staff (id int, surname varchar(20), note text);\n"
                     "INSERT INTO staff VALUES (1, '川口', '経理担当'), (2, '中野', '営業担当');\n")
    assert scan_bytes(surnames_only.encode(), "staff.sql").verdict == CLEAN


def test_place_names_in_an_address_column_are_neither_names_nor_dates() -> None:
    # 野殿 and 岩殿 hold 殿; 昭和1-2-9 is a town called 昭和 with its block numbers.
    rows = [["0010001", f"{name}", "1230001", address] for name, address in [
        ("南野医院", "筑西市野殿1595-2"), ("中央クリニック", "東松山市大字岩殿110-6"),
        ("金井内科医院", "宇都宮市昭和1-1-31"), ("港眼科", "川崎市川崎区昭和1-2-9"),
        ("駅前歯科", "高松市番町1-8-15"), ("東病院", "高松市栗林町2-3-4")]]
    data = ("\n".join(",".join(r) for r in rows * 3) + "\n").encode()
    res = scan_bytes(data, "med_inst.csv")
    assert res.verdict == CLEAN, res.reason
    assert "name" not in res.findings and "birth_date" not in res.findings


@pytest.mark.parametrize("value", ["坂本 穂乃香", "西田 優月"])
def test_a_given_name_composed_of_single_characters_after_a_surname(value: str) -> None:
    assert japanese.name_kind(value) == "person"


@pytest.mark.parametrize("value", ["吉田 商店", "中央 公園", "山本 医院"])
def test_two_character_words_after_a_surname_still_name_an_organisation(value: str) -> None:
    assert japanese.name_kind(value) == "organisation"


@pytest.mark.parametrize("text, owner", [
    ('{\n  "basics": {\n    "name": "Haruka Ito",\n    "email": "haruka@example.org"\n  },\n  "education": []\n}', "Haruka Ito"),
    ("# 職務経歴書\n\n山田 太郎\n\n## 職務経歴\n- 2015年 株式会社サンプル 入社\n", "山田 太郎"),
    ("# Haruka Ito\n## Software Engineer\n\n- Email: haruka@example.org\n\n## Experience\n", "Haruka Ito"),
    # English headings are capitalised words too: without a résumé's title or a contact field
    # they name no one.
    ("# Release Notes\n\n## Experience\n", None),
    ("# Getting Started\n\nInstall it.\n\n## Skills\n", None),
    ("# Resume\n\n## Work History\n\n## Education\n", None),
])
def test_a_resume_headed_by_its_owner_or_written_as_json(text: str, owner: str | None) -> None:
    assert resume_owner(text) == owner


@pytest.mark.parametrize("text", [
    "Valgrind User Manual\n\ncv  is a condition variable\nsignal(cv)\n",
    "Backup Tool\n\nresume the copy after a pause\n",
])
def test_english_words_that_also_title_a_resume_do_not_make_one(text: str) -> None:
    assert resume_owner(text) is None


def _label_sheet(rows: list[list[str]]) -> bytes:
    wb = openpyxl.Workbook()
    ws = wb.active
    for row in rows:
        ws.append(row)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


@pytest.mark.parametrize("rows", [
    # The parts in one row's cells, the address on the rows above.
    [["〒060-0809"], ["北海道札幌市中央区北九条西9-9-9"], ["浜田", "健一", "様"]],
    # One part a row, as a label printed vertically.
    [["北海道札幌市中央区北九条西9-9-9"], ["浜田"], ["健一"], ["様"]],
])
def test_a_label_sheet_names_its_addressee(rows: list[list[str]]) -> None:
    assert scan_bytes(_label_sheet(rows), "labels.xlsx").verdict == PERSONAL_DATA


def test_a_word_label_table_names_its_addressee() -> None:
    d = docx.Document()
    table = d.add_table(rows=4, cols=1)
    for i, v in enumerate(["北海道札幌市中央区北九条西9-9-9", "浜田", "健一", "様"]):
        table.cell(i, 0).text = v
    out = io.BytesIO()
    d.save(out)
    assert scan_bytes(out.getvalue(), "labels.docx").verdict == PERSONAL_DATA


def test_a_sheet_of_addresses_and_greetings_without_names_is_clean() -> None:
    rows = [["北海道札幌市中央区北九条西9-9-9"], ["保護者", "様"], ["大阪府堺市南区晴美台1-2-3"], ["ご担当者", "様"]]
    assert scan_bytes(_label_sheet(rows), "labels.xlsx").verdict == CLEAN


@pytest.mark.parametrize("text, verdict", [
    ("山田 太郎\n佐藤 花子\n田中 次郎\n", PERSONAL_DATA),
    ("# 当番表\n\n- 山田 太郎\n- 佐藤 花子\n- 田中 次郎\n", PERSONAL_DATA),
    ("山田\n佐藤\n田中\n鈴木\n", CLEAN),  # surnames alone
    ("中央 公園\n青葉 保育所\n西 公民館\n", CLEAN),  # places and facilities
    ("本日 晴天\n東京 大阪\n", CLEAN),
    ("1番 山田 太郎 君\n2番 佐藤 花子 君\n3番 田中 次郎 君\n", CLEAN),  # minutes' roll call: judged by the minutes rules
])
def test_whole_names_one_a_line_are_a_list_of_people(text: str, verdict: str) -> None:
    assert scan_bytes(text.encode(), "list.txt").verdict == verdict


@pytest.mark.parametrize("source", [
    # Thousands of definitions, one used as a field's value.
    "".join(f"\\newcommand\\v{chr(97 + i % 26)}{chr(97 + i // 26 % 26)}x{i}{{w{i}}}\n" for i in range(3000))
    + "\\姓{\\vaax0}\n",
    # Macros nested five thousand deep, braces left unclosed, a definition of itself.
    "\\name{" + "\\a{" * 5000 + "x" + "}" * 4000 + "\n\\def\\self{\\self}\\self\n",
])
def test_hostile_latex_is_read_without_a_resume_or_an_error(source: str) -> None:
    res = scan_bytes(source.encode(), "odd.tex")
    assert res.verdict == CLEAN, res.reason_en

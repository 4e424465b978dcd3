"""Tables laid out as forms (one person over several rows) and people headed by their role."""

from __future__ import annotations

import io

import docx

from tokki_desktop.scanner import CLEAN, PERSONAL_DATA, scan_bytes


def _docx_with_table(rows: list[list[str]]) -> bytes:
    doc = docx.Document()
    doc.add_paragraph("履　歴　書")
    table = doc.add_table(rows=len(rows), cols=len(rows[0]))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


RESUME = [["ふりがな", "やくしじ りん"], ["氏名", "薬師寺　凛"], ["生年月日", "1994年11月20日生（満31歳）"],
          ["現住所", "〒464-0841 愛知県名古屋市千種区覚王山通3丁目18番5号"], ["電話", "090-4471-2209"],
          ["E-mail", "rin.y@example.com"]]


def test_a_resume_table_is_one_person() -> None:
    res = scan_bytes(_docx_with_table(RESUME), "履歴書.docx")
    assert res.verdict == PERSONAL_DATA
    assert {"address", "phone", "birth_date"} <= set(res.findings)


def test_a_price_list_with_labels_in_its_first_column_stays_clean() -> None:
    rows = [["品名", "A4コピー用紙"], ["単価", "550円"], ["数量", "20"], ["金額", "11,000円"], ["備考", "税込"]]
    assert scan_bytes(_docx_with_table(rows), "見積.docx").verdict == CLEAN


def test_people_headed_by_their_role_with_surnames_outside_our_list() -> None:
    rare = ["比嘉 幸子", "宇佐美 愛", "薬師寺 凛", "東海林 誠", "四月一日 望"]
    for header in ("受給者名", "申込者", "運転者"):
        csv = f"{header},連絡先\n" + "".join(f"{n},090-{1000 + i:04d}-{2000 + i:04d}\n" for i, n in enumerate(rare))
        res = scan_bytes(csv.encode("utf-8"), "list.csv")
        assert res.verdict == PERSONAL_DATA and res.records == 5 and res.findings["name"] == 5, header


def test_a_row_of_values_is_never_taken_for_the_header() -> None:
    from tokki_desktop.scanner.tables import find_header

    # A form: no header row at all, so no row above a "header" is dropped unread.
    assert find_header(RESUME) is None
    # "現住所 | 〒… 東京都…" holds a value; the real header below it is found.
    rows = [["現住所", "〒177-9860 東京都練馬区大泉学園町3丁目30番22号"], ["氏名", "電話"], ["比嘉 幸子", "090-1234-5678"]]
    assert find_header(rows) == 1


def test_a_csv_saved_under_another_name_is_read_as_a_table() -> None:
    from tokki_desktop.scanner.sniff import sniff

    rows = "氏名,電話,住所\n" + "".join(f"比嘉 幸子,090-1234-{5000 + i},沖縄県那覇市泉崎1丁目{i + 1}番1号\n" for i in range(10))
    res = scan_bytes(rows.encode("cp932"), "名簿.xls")
    assert res.format == "csv" and res.records == 10
    assert sniff("a\tb\nc\td\ne\tf\n".encode(), "x.txt") == "tsv"
    prose = "本日は晴天なり。\n会議は, 予定どおり行った。\n次回は来月, 場所は未定, 時刻も未定。\n以上\n"
    assert sniff(prose.encode(), "memo.txt") == "text"


def test_a_transfer_request_form_with_two_label_value_pairs_per_row() -> None:
    rows = [["金融機関名", "横浜銀行", "支店名", "桜新町支店"], ["預金種別", "普通", "口座番号", "7755168"],
            ["口座名義（カナ）", "ﾌｼﾞﾀ ﾀﾛｳ", "", ""]]
    res = scan_bytes(_docx_with_table(rows), "口座振込依頼書.docx")
    assert res.verdict == PERSONAL_DATA and res.findings["bank_account"] == 1 and res.findings["name"] == 1


def test_surname_and_given_name_in_separate_columns() -> None:
    csv = "姓,名,生年月日\n" + "".join(f"{s},{g},19{60 + i}/0{1 + i % 9}/1{i % 9}\n"
                                     for i, (s, g) in enumerate([("比嘉", "清"), ("井上", "さくら"), ("前田", "明美"),
                                                                 ("吉田", "茂"), ("宇佐美", "愛")]))
    res = scan_bytes(csv.encode("utf-8-sig"), "list.csv")
    assert res.verdict == PERSONAL_DATA and res.records == 5


def test_a_slide_table_counts_one_record_per_row() -> None:
    from pptx import Presentation
    from pptx.util import Inches

    people = [("佐藤 健", "090-1111-2222", "1980年4月1日"), ("比嘉 幸子", "080-3333-4444", "昭和45年3月12日"),
              ("宇佐美 愛", "070-5555-6666", "1992年12月24日")]
    prs = Presentation()
    slide = prs.slides.add_slide(prs.slide_layouts[5])
    slide.shapes.title.text = "研修参加者"
    table = slide.shapes.add_table(len(people) + 1, 3, Inches(0.5), Inches(1.5), Inches(9), Inches(3)).table
    for c, head in enumerate(("氏名", "電話番号", "生年月日")):
        table.cell(0, c).text = head
    for r, row in enumerate(people, 1):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    out = io.BytesIO()
    prs.save(out)
    res = scan_bytes(out.getvalue(), "研修参加者.pptx")
    assert res.verdict == PERSONAL_DATA and res.records == 3 and res.findings["birth_date"] == 3


def test_a_word_text_box_is_read_once_not_with_its_fallback_copy() -> None:
    import zipfile

    box = ("<w:p><w:r><w:t>連絡先 090-1234-5678 東京都小金井市本町2丁目3番4号 山田 太郎 様</w:t></w:r></w:p>")
    body = (f'<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><w:txbxContent>{box}'
            f'</w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><v:textbox><w:txbxContent>{box}'
            f'</w:txbxContent></v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>')
    document = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
                'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
                'xmlns:v="urn:schemas-microsoft-com:vml">'
                f'<w:body>{body}</w:body></w:document>')
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/'
                                          'package/2006/content-types"/>')
        z.writestr("word/document.xml", document)
    res = scan_bytes(out.getvalue(), "textbox.docx")
    assert res.verdict == PERSONAL_DATA and res.findings["phone"] == 1 and res.findings["address"] == 1


def test_a_sheet_is_judged_the_same_whether_it_is_read_column_wise_or_cell_by_cell() -> None:
    import zipfile

    from tokki_desktop.scanner.extract import ColumnTablePart, ScanContext
    from tokki_desktop.scanner.extract.formats import open_parts
    from tokki_desktop.scanner.result import ScanLimits

    # Forty rows (the column-wise path wants 64 cells): the first five look like a form, all forty do not.
    rows = [["氏名", "比嘉 幸子"], ["電話", "090-4471-2209"], ["現住所", "愛知県名古屋市千種区覚王山通3丁目18番5号"]]
    rows += [[f"備考{i}", f"メモ{i}"] for i in range(37)]

    def book(gap: bool) -> bytes:
        cells = []
        for r, row in enumerate(rows, 1):
            values = [("" if gap and r == len(rows) and c == 0 else v) for c, v in enumerate(row)]
            cells.append(f'<row r="{r}">' + "".join(
                f'<c r="{"AB"[c]}{r}" t="str"><v>{v}</v></c>' if v else f'<c r="{"AB"[c]}{r}"/>'
                for c, v in enumerate(values)) + "</row>")
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w") as z:
            z.writestr("[Content_Types].xml", "<Types/>")
            z.writestr("xl/workbook.xml", "<workbook/>")
            z.writestr("xl/worksheets/sheet1.xml", f"<worksheet><sheetData>{''.join(cells)}</sheetData></worksheet>")
        return out.getvalue()

    _, parts = open_parts(book(False), "a.xlsx", ScanContext.start(ScanLimits()))
    assert any(isinstance(p, ColumnTablePart) for p in parts)  # the column-wise path was taken
    regular, general = scan_bytes(book(False), "a.xlsx"), scan_bytes(book(True), "b.xlsx")
    assert (regular.verdict, regular.findings) == (general.verdict, general.findings)


def test_rows_above_the_header_are_read_too() -> None:
    import openpyxl

    note = ["作成: 比嘉 幸子 携帯 090-4471-2209 沖縄県那覇市泉崎1丁目2番2号", ""]
    table = [["品名", "数量", "単価"]] + [[f"部品{i}", str(i), "100"] for i in range(5)]
    csv = "\n".join(",".join(r) for r in [note] + table) + "\n"
    res = scan_bytes(csv.encode("utf-8"), "parts.csv")
    assert res.verdict == PERSONAL_DATA and res.findings["phone"] == 1
    wb = openpyxl.Workbook()
    for r in [note] + table:
        wb.active.append(r)
    out = io.BytesIO()
    wb.save(out)
    res = scan_bytes(out.getvalue(), "parts.xlsx")
    assert res.verdict == PERSONAL_DATA and res.findings["phone"] == 1

"""Rules written for kinds of file the first rules missed on files nobody tuned on: each test
is a file of invented data in the shape of the kind, not a copy of any corpus file."""

from __future__ import annotations

import io

import docx
import openpyxl

from tokki_desktop.scanner import CLEAN, PERSONAL_DATA, scan_bytes
from tokki_desktop.scanner.resume import resume_owner


def _docx_cells(rows: list[list[str]], one_table_from: int | None = None) -> bytes:
    """Each row a table of its own (a form's boxes), or from row ``one_table_from`` on one table."""
    doc = docx.Document()
    single = rows if one_table_from is None else rows[:one_table_from]
    for row in single:
        table = doc.add_table(rows=1, cols=len(row))
        for c, value in enumerate(row):
            table.cell(0, c).text = value
    if one_table_from is not None:
        rest = rows[one_table_from:]
        table = doc.add_table(rows=len(rest), cols=max(map(len, rest)))
        for r, row in enumerate(rest):
            for c, value in enumerate(row):
                table.cell(r, c).text = value
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


# A 履歴書 printed as a form: labels spaced over their cell, label and value in one cell,
# and a career table of companies below (which alone reads as a list of organisations).
SPACED_RESUME = [
    ["履\u3000歴\u3000書\u3000\u3000\u3000\u3000令和6年4月1日現在"],
    ["ふりがな\u3000\u3000\u3000\u3000みなせ\u3000こはる"],
    ["氏\u3000\u3000名\u3000\u3000\u3000\u3000水瀬\u3000小春"],
    ["1990年5月3日生（満33歳）"],
    ["現住所\u3000〒390-0811\u3000長野県松本市中央4丁目7-21", "0263-55-0192"],
    ["年", "月", "学\u3000歴・職\u3000歴"],
    ["平成25", "3", "信州情報専門学校 卒業"],
    ["平成25", "4", "株式会社アルプス精機 入社"],
    ["令和2", "3", "株式会社アルプス精機 退職"],
    ["令和2", "4", "松本データ工房合同会社 入社"],
]


def test_a_resume_form_with_spaced_labels_is_one_person() -> None:
    res = scan_bytes(_docx_cells(SPACED_RESUME), "rirekisho.docx")
    assert res.verdict == PERSONAL_DATA
    assert "résumé" in res.reason_en


def test_a_spaced_title_and_a_name_in_two_kanji_parts() -> None:
    text = "職 務 経 歴 書\n2024年3月1日\n氏名 呉 凡\n■職務要約\n受託開発に5年従事。"
    assert resume_owner(text) == "呉 凡"
    # Without the title (or two particulars) the field alone is no résumé.
    assert resume_owner("氏名 呉 凡\n趣味 読書") is None


def test_a_sheet_resume_with_spaced_labels() -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    for row in (["履 歴 書", "", "2024", "年"], ["ふりがな", "かざま しおり"], ["氏 名", "風間 栞"],
                ["現住所", "〒", "060-0042", "011-555-0148"], ["北海道札幌市中央区大通西9丁目3-2"],
                ["E-mail", "kazama.s@example.net"], ["年", "月", "学歴・職歴"],
                ["2015", "3", "札幌北高等学校 卒業"], ["2019", "4", "株式会社ほくと物産 入社"]):
        ws.append(row)
    out = io.BytesIO()
    wb.save(out)
    assert scan_bytes(out.getvalue(), "rirekisho.xlsx").verdict == PERSONAL_DATA


def test_spaced_words_without_a_name_field_stay_clean() -> None:
    text = "履 歴 書 の 書 き 方\n氏 名 ： 記入例\n学 歴 ： 最終学歴から"
    assert resume_owner(text) is None


FACTORY = """FactoryBot.define do
  factory :member do
    nickname        {"こはる"}
    familyname      {"水瀬"}
    givenname       {"小春"}
    email           {"koharu.m@example.org"}
    birthday        {"1991-08-14"}
    password        {"secret123"}

    trait :admin do
      role { "admin" }
    end
  end
end
"""


def test_one_factory_block_is_one_persons_record() -> None:
    res = scan_bytes(FACTORY.encode(), "spec/factories/members.rb")
    assert res.verdict == PERSONAL_DATA
    assert res.records == 1


def test_a_factory_of_a_product_is_no_person() -> None:
    src = 'FactoryBot.define do\n  factory :item do\n    name { "青いマグカップ" }\n    price { 1200 }\n' \
          '    description { "陶器" }\n  end\nend\n'
    assert scan_bytes(src.encode(), "spec/factories/items.rb").verdict == CLEAN


def test_two_object_literals_with_a_nested_array_are_two_people() -> None:
    src = """export const users = [
  { id: 1, name: '小野寺美咲', email: 'misaki.onodera@example.jp', phones: [{ number: '+819012345678' }] },
  { id: 2, name: '柏木蓮', email: 'ren.kashiwagi@example.jp', phones: [] },
];
"""
    res = scan_bytes(src.encode(), "mockUsers.ts")
    assert res.verdict == PERSONAL_DATA
    assert res.records == 2


def test_one_config_object_with_a_name_is_no_person() -> None:
    src = "module.exports = { name: 'my-app', version: '1.2.0', main: 'index.js' };\n"
    assert scan_bytes(src.encode(), "config.js").verdict == CLEAN


def test_a_role_note_after_a_name_does_not_make_it_an_organisation() -> None:
    src = """export const admins = [
  { id: 'a1', email: 'admin.kimura@example.com', name: '木村 健太 (管理者)' },
  { id: 'a2', email: 'viewer.hoshino@example.com', name: '星野 結衣 (閲覧者)' },
  { id: 'a3', email: 'ops.nagai@example.com', name: '永井 大地 (運用)' },
];
"""
    res = scan_bytes(src.encode(), "mockAdmins.ts")
    assert res.verdict == PERSONAL_DATA
    assert res.records == 3


def _csv(rows: list[list[str]]) -> bytes:
    return "\n".join(",".join(r) for r in rows).encode("utf-8")


NURSERIES = [["施設名", "種別", "所在地", "電話番号"],
             ["ひなた保育園", "認可保育所", "松本市島内4120-3", "0263-40-1181"],
             ["松本市立中央保育園", "認可保育所", "松本市中央2-5-8", "0263-32-2204"],
             ["こぐま保育室", "家庭的保育者", "松本市寿台6-2-14", "0263-58-3319"],
             ["新田 佳代子", "家庭的保育者", "松本市笹賀7301-5", "0263-27-4470"],
             ["社会福祉法人あおぞら会 あおぞら保育園", "認可保育所", "松本市野溝西1-3-9", "0263-25-0096"]]


def test_a_childminder_listed_under_her_own_name_among_nurseries_is_a_person() -> None:
    res = scan_bytes(_csv(NURSERIES), "nurseries.csv")
    assert res.verdict == PERSONAL_DATA
    assert res.records == 1


def test_the_example_of_individuals_among_facilities_is_the_first_in_the_column() -> None:
    # Two childminders: the masked example is the first one's, whatever the hash seed.
    rows = NURSERIES + [["峰岸 百合", "家庭的保育者", "松本市寿台1-1-1", "0263-58-0001"]]
    for ordered in (rows, rows[:1] + rows[:0:-1]):
        res = scan_bytes(_csv(ordered), "nurseries.csv")
        first = next(r[0] for r in ordered[1:] if r[0] in ("新田 佳代子", "峰岸 百合"))
        assert [e for e in res.examples if e.startswith(first[0])], res.examples


def test_a_nursery_list_without_an_individual_stays_clean_with_its_reason() -> None:
    rows = [r for r in NURSERIES if "佳代子" not in r[0]]
    res = scan_bytes(_csv(rows), "nurseries.csv")
    assert res.verdict == CLEAN
    assert "施設・団体の名称と連絡先のみ" in res.reason


def test_street_names_and_clinics_in_a_facility_column_are_not_people() -> None:
    rows = [["名称", "所在地", "電話番号"], ["上沢通", "神戸市兵庫区上沢通1-1", "078-511-0001"],
            ["小田内科", "神戸市兵庫区中道通2-3", "078-511-0002"], ["中島通", "神戸市兵庫区中島通3-1", "078-511-0003"]]
    assert scan_bytes(_csv(rows), "aed.csv").verdict == CLEAN


def test_an_owner_column_in_english_is_a_representative_column() -> None:
    rows = [["Name", "Type", "Add1", "TEL", "Owner"],
            ["みどり幼稚園", "幼稚園", "奈良市学園北1-2-3", "0742-40-0001", "学校法人みどり学園"],
            ["つばさ幼稚園", "幼稚園", "奈良市西大寺東町2-1-5", "0742-40-0002", "宮内正和"],
            ["なら保育園", "保育所", "奈良市三条町5-6", "0742-40-0003", "社会福祉法人なら福祉会"]]
    res = scan_bytes(_csv(rows), "nurseryFacilities.csv")
    assert res.verdict == PERSONAL_DATA
    assert res.records == 1


def test_a_nested_company_with_a_website_is_no_person() -> None:
    src = """{"company": {"name": "Hoshizora Systems", "sector": "Software", "website": "https://example.com"},
 "projects": [{"client": {"name": "Aozora Bank", "sector": "Banking", "website": "https://example.org"},
               "description": "Mobile banking front end", "sortOrder": 1}],
 "timeline": {"startDate": "2019-04-01", "endDate": "2021-03-31"}}"""
    assert scan_bytes(src.encode(), "experience_2.json").verdict == CLEAN


def test_a_resume_sites_field_lists_are_one_persons_fields() -> None:
    src = """{"fullName": "Mirei Tachibana", "jobTitle": "Data Engineer",
 "contacts": [{"type": "github", "label": "github/mtachibana", "sortOrder": 1},
              {"type": "email", "label": "mirei.tachibana@example.com", "sortOrder": 2}],
 "personalDetails": [{"label": "nationality", "value": "japanese", "sortOrder": 1},
                     {"label": "birth date", "value": "1992-02-11", "sortOrder": 2}]}"""
    res = scan_bytes(src.encode(), "information.json")
    assert res.verdict == PERSONAL_DATA
    assert "résumé" in res.reason_en


def test_a_settings_list_of_labels_and_values_stays_clean() -> None:
    src = '{"settings": [{"label": "theme", "value": "dark"}, {"label": "language", "value": "ja"}]}'
    assert scan_bytes(src.encode(), "settings.json").verdict == CLEAN


def test_a_headerless_list_of_romaji_names_with_scores_is_a_list_of_people() -> None:
    names = ["Takeda Shinji", "Morikawa Yuuko", "Satou Kouhei", "Nishimura Aya", "Kanno Ryouta",
             "Ishii Mayumi", "Hattori Kenichi", "Fujita Nanami"]
    src = "\n".join(f"{n},{40 + i * 7}" for i, n in enumerate(names))
    res = scan_bytes(src.encode(), "scores.csv")
    assert res.verdict == PERSONAL_DATA
    assert res.findings["name"] == len(names)


def test_english_phrases_in_two_capitalised_words_are_no_romaji_names() -> None:
    rows = ["Financial Services,12", "Data Engineer,4", "Mobile Banking,9", "Omnium Finance,3", "New York,7"]
    assert scan_bytes("\n".join(rows).encode(), "sectors.csv").verdict == CLEAN


def test_one_member_row_with_an_age_and_a_home_area_is_a_person() -> None:
    src = ("CREATE TABLE `member` (`id` int, `name` varchar(90), `age` int, `address` varchar(90));\n"
           "INSERT INTO `member`(`id`,`name`,`age`,`address`) VALUES ( '7', 'Dewi Kartika', '28', 'Cibubur' );\n")
    res = scan_bytes(src.encode(), "dump.sql")
    assert res.verdict == PERSONAL_DATA
    assert res.records == 1


def test_one_product_row_with_a_count_is_no_person() -> None:
    src = ("INSERT INTO `items`(`id`,`name`,`stock`) VALUES ( '7', 'Blue Mug', '28' );\n")
    assert scan_bytes(src.encode(), "dump.sql").verdict == CLEAN


def _vertical_postcard(drawn_across: bool, name: tuple[str, str] = ("水瀬", "小春")) -> bytes:
    """A postcard's address side in vertical writing, one glyph a text object (invented)."""
    from pathlib import Path

    from reportlab.lib.pagesizes import A6
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    font = Path(__file__).resolve().parents[2] / "resources" / "fonts" / "ipaexm.ttf"
    pdfmetrics.registerFont(TTFont("IPAexMincho", str(font)))
    columns = [(250, 330, "長野県松本市中央四丁目七ー二十一", 12), (225, 300, "コーポ中央二〇三号", 12),
               (150, 300, name[0], 22), (150, 240, name[1], 22), (150, 170, "様", 22)]
    out = io.BytesIO()
    c = canvas.Canvas(out, pagesize=A6)
    glyphs = [(k, x, y, text, size) for x, y, text, size in columns for k in range(len(text))]
    if drawn_across:
        glyphs.sort(key=lambda g: g[0])  # a glyph row at a time across the columns
    for k, x, y, text, size in glyphs:
        c.setFont("IPAexMincho", size)
        c.drawString(x, y - k * size * 1.1, text[k])
    c.showPage()
    c.save()
    return out.getvalue()


def test_a_vertical_postcard_drawn_across_its_columns_names_its_addressee() -> None:
    res = scan_bytes(_vertical_postcard(drawn_across=True), "hagaki.pdf")
    assert res.verdict == PERSONAL_DATA
    assert res.findings.get("address")


def test_a_vertical_postcard_to_a_role_names_no_one() -> None:
    pdf = _vertical_postcard(drawn_across=True, name=("保護", "者"))
    assert scan_bytes(pdf, "hagaki.pdf").verdict == CLEAN


def test_a_vertical_postcard_drawn_column_by_column_reads_the_same() -> None:
    assert scan_bytes(_vertical_postcard(drawn_across=False), "hagaki.pdf").verdict == PERSONAL_DATA


def test_a_blank_resume_forms_career_table_is_not_called_a_facility_list() -> None:
    rows = [["職\u3000務\u3000経\u3000歴\u3000書"], ["氏\u3000\u3000名"],
            ["勤務先", "所在地", "電話"],
            ["株式会社アルプス精機", "長野県松本市中央1-2-3", "0263-32-1111"],
            ["松本データ工房合同会社", "長野県松本市深志2-4-6", "0263-33-2222"],
            ["信州テクノ株式会社", "長野県塩尻市大門3-5-7", "0263-52-3333"]]
    res = scan_bytes(_docx_cells(rows, one_table_from=2), "shokumu_template.docx")
    assert res.verdict == CLEAN
    assert "facilities" not in res.reason_en

"""Rules written for kinds of file the first rules missed on files nobody tuned on: each test
is a file of invented data in the shape of the kind, not a copy of any corpus file."""

from __future__ import annotations

import io

import docx
import openpyxl

from tokki_desktop.scanner import CLEAN, PERSONAL_DATA, scan_bytes
from tokki_desktop.scanner.resume import resume_owner


def _docx_cells(rows: list[list[str]]) -> bytes:
    doc = docx.Document()
    for row in rows:
        table = doc.add_table(rows=1, cols=len(row))
        for c, value in enumerate(row):
            table.cell(0, c).text = value
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

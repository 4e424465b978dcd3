"""Verdicts that hold on real files: organisations are not people, rosters are never clean.

Each case is shaped like a kind of public file the scanner got wrong (a city's facility list,
a corporate-number list, a headerless roster with 姓 and 名 apart, an address label, a
coordinate next to a facility); the values are invented.
"""

from __future__ import annotations

import struct

import pytest

from tokki_desktop.scanner import CLEAN, PERSONAL_DATA, UNREADABLE, japanese
from tokki_desktop.scanner import column_types as ct
from tokki_desktop.scanner.extract.ole_package import unpack
from tokki_desktop.scanner.extract.ppt import ppt_text
from tokki_desktop.scanner.scan import scan_bytes
from tokki_desktop.scanner.tables import find_header


@pytest.mark.parametrize("value, kind", [
    ("白石 芳郎", "person"), ("上杉辰男", "person"), ("ヤマダ タロウ", "person"), ("佐々木 さくら", "person"),
    ("髙橋 健", "person"), ("一ノ瀬 蓮", "person"),
    ("山王小学校", "organisation"), ("有限会社山本商事", "organisation"), ("さぬき市民病院", "organisation"),
    ("特別養護老人ホーム青葉荘", "organisation"), ("山本商店", "organisation"), ("中央保育所", "organisation"),
    ("栗林公園", "organisation"), ("株式会社ABC", "organisation"), ("消防団第一分団", "organisation"),
    ("丸亀町", "place"), ("東京都", "place"),
])
def test_the_dictionary_tells_people_from_organisations_and_places(value: str, kind: str) -> None:
    assert japanese.name_kind(value) == kind


def test_full_names_need_a_surname_and_a_given_name() -> None:
    assert japanese.is_full_name("白石 芳郎") and japanese.is_full_name("織田信長")
    assert not japanese.is_full_name("小林") and not japanese.is_full_name("東京 大阪")


def _csv(rows: list[list[str]]) -> bytes:
    return ("\n".join(",".join(r) for r in rows) + "\n").encode("utf-8")


FACILITIES = [
    ["中央保育所", "高松市番町1-8-15", "087-839-2111"], ["山王小学校", "高松市山王町2-3-4", "087-821-5612"],
    ["特別養護老人ホーム青葉荘", "高松市鶴市町5-1-2", "087-882-4411"], ["栗林公園", "高松市栗林町1-20-16", "087-833-7411"],
    ["さぬき市民病院", "さぬき市寒川町石田東甲387-1", "0879-43-2521"], ["ホテル花樹海", "高松市西宝町3-5-10", "087-861-5580"],
]


@pytest.mark.parametrize("header", [["名称", "所在地", "電話番号"], ["名前", "住所", "電話"], ["facility_name", "address", "tel"], None])
def test_a_facility_list_is_clean_and_says_why(header: list[str] | None) -> None:
    res = scan_bytes(_csv(([header] if header else []) + FACILITIES * 3), "shelters.csv")
    assert res.verdict == CLEAN, res.reason
    assert "施設・団体の名称と連絡先のみ" in res.reason and res.records == 0


def test_a_list_of_addresses_and_the_office_phone_without_names_is_clean() -> None:
    rows = [["〒760-0017", f"高松市番町{i}-8-15", "087-839-2111"] for i in range(1, 60)]
    assert scan_bytes(_csv(rows), "list.csv").verdict == CLEAN


def test_a_corporate_number_list_with_its_reading_is_clean() -> None:
    rows = [["corporateNumber", "name", "prefectureName", "cityName", "streetNumber", "furigana"]]
    rows += [[f"{1010001000000 + i * 7}", f"株式会社サンプル{i}商事", "東京都", "中央区", f"京橋{i}丁目6番13号",
              "サンプルショウジ"] for i in range(1, 40)]
    res = scan_bytes(_csv(rows), "houjin.csv")
    assert res.verdict == CLEAN, res.reason


SEI = ["上杉", "白石", "比嘉", "一ノ瀬", "薬師寺", "五十嵐", "栗原", "浅野", "藤原", "古川"]
MEI = ["辰男", "芳郎", "ゆい", "蓮", "さくら", "誠", "健太郎", "七海", "智子", "拓也"]


def test_a_headerless_roster_with_surname_and_given_name_apart_is_one_person_a_row() -> None:
    rows = [[SEI[i % 10], MEI[(i * 3) % 10], "ヤマダ タロウ", f"090-{1000 + i:04d}-{2000 + i:04d}",
             f"user{i}@example.com", f"19{60 + i % 30}/0{1 + i % 9}/1{i % 9}"] for i in range(300)]
    res = scan_bytes(_csv(rows), "export.csv")
    assert res.verdict == PERSONAL_DATA and res.records == 300
    assert res.findings["name"] == 300  # 姓 and 名 make one name


def test_a_headerless_name_postal_address_list_is_personal_data() -> None:
    rows = [[f"{SEI[i % 10]} {MEI[i % 10]}", f"760-00{10 + i:02d}", f"香川県高松市番町{i + 1}-8-15"] for i in range(20)]
    res = scan_bytes(_csv(rows), "atena.csv")
    assert res.verdict == PERSONAL_DATA and res.records == 20


def test_a_name_column_beside_a_company_column_is_read_as_people() -> None:
    rows = [["氏名", "会社名"]] + [[f"{SEI[i % 10]} {MEI[(i + 3) % 10]}", f"株式会社サンプル{i}"] for i in range(300)]
    res = scan_bytes(_csv(rows), "meishi.csv")
    assert res.verdict == PERSONAL_DATA and "氏名の一覧" in res.reason


def test_a_bare_staff_list_is_a_list_of_people() -> None:
    rows = [["従業員ID", "氏名", "部署"]] + [[f"E{i:03d}", f"{SEI[i % 10]} {MEI[i % 10]}", "営業部"] for i in range(12)]
    assert scan_bytes(_csv(rows), "staff.csv").verdict == PERSONAL_DATA


def test_a_sole_proprietors_name_is_personal_a_corporations_representative_is_not() -> None:
    head = ["施設名称", "所在地", "電話番号", "開設者"]
    corp = [[f"サンプル保育園{i}", f"高松市番町{i}-8-15", "087-839-2111", f"株式会社サンプル{i}"] for i in range(1, 9)]
    assert scan_bytes(_csv([head] + corp), "a.csv").verdict == CLEAN
    sole = corp + [["白石医院", "高松市番町9-1-1", "087-839-2119", "白石 芳郎"]]
    res = scan_bytes(_csv([head] + sole), "b.csv")
    assert res.verdict == PERSONAL_DATA and res.records == 1


def test_a_decimal_coordinate_is_never_a_my_number() -> None:
    # 056537698034 passes the check digit; it is the decimals of a longitude.
    from tokki_desktop.scanner.detectors import valid_my_number
    assert valid_my_number("056537698034")
    rows = [["名称", "経度", "緯度", "個人番号の記載"], ["中央公園AED", "134.056537698034", "34.3401", "なし"]]
    res = scan_bytes(_csv(rows), "aed.csv")
    assert "my_number" not in res.findings
    for text in ("個人番号 134.056537698034", "個人番号 ID056537698034", "個人番号 056537698034円",
                 "個人番号 056537698034.25", "個人番号 1,056537698034"):
        assert "my_number" not in scan_bytes(text.encode(), "t.txt").findings, text
    assert scan_bytes("個人番号: 056537698034".encode(), "t.txt").findings.get("my_number") == 1


def test_a_label_with_an_unlisted_surname_and_a_kanji_block_number() -> None:
    text = "7691621\n香川県観音寺市大野原町井関一ー四ー一\n上杉辰男 様\n"
    res = scan_bytes(text.encode(), "label.txt")
    assert res.verdict == PERSONAL_DATA and res.findings["address"] == 1


def test_a_latin_name_label_with_an_email() -> None:
    text = "---\nname: John Smith\nemail_address: john.smith@example.com\n---\n# Summary\n"
    assert scan_bytes(text.encode(), "resume.md").verdict == PERSONAL_DATA


def test_export_field_names_are_a_header() -> None:
    rows = [["order", "elected", "name", "party", "votes"], ["1", "true", "白石 芳郎", "無所属", "9617"]]
    assert find_header(rows) == 0
    assert find_header([["apple", "name"], ["pear", "kind"], ["fig", "shape"]]) is None  # a word list


def test_latin_and_romaji_headers() -> None:
    assert ct.latin_header_kind("Last Name") == "name" and ct.latin_header_kind("sei") == "name"
    assert ct.latin_header_kind("TEL") == "phone" and ct.latin_header_kind("birthday") == "birth_date"
    assert ct.latin_header_kind("company_name") == "organisation" and ct.latin_header_kind("pref_name") is None
    assert ct.latin_header_kind("dateOfBirth") == "birth_date" and ct.latin_header_kind("lastNameKana") == "name"
    assert ct.latin_header_kind("user.email") == "email" and ct.latin_header_kind("member_tel") == "phone"
    assert ct.is_ambiguous_name_header("employee_name") and ct.is_ambiguous_name_header("product.name")
    assert not ct.is_ambiguous_name_header("last_name")
    rows = [["last_name", "first_name", "tel"]] + [["Tanaka", "Taro", f"03-5{i:03d}-1234"] for i in range(10)]
    assert scan_bytes(_csv(rows), "users.csv").verdict == PERSONAL_DATA


def test_pref_name_and_city_name_are_not_name_labels() -> None:
    rows = [["pref_name", "city_name", "facility_name", "address", "tel"]]
    rows += [["香川県", "高松市", f"サンプル幼稚園{i}", f"香川県高松市番町{i}-1-2", "087-839-2111"] for i in range(1, 20)]
    res = scan_bytes(_csv(rows), "kindergartens.csv")
    assert res.verdict == CLEAN and "name" not in res.findings


def _record(rtype: int, payload: bytes, ver: int = 0) -> bytes:
    return struct.pack("<HHI", ver, rtype, len(payload)) + payload


def test_legacy_powerpoint_text_atoms() -> None:
    body = _record(0x0FA0, "参加者 白石 芳郎\r090-1234-5678".encode("utf-16-le")) + _record(0x0FA8, b"Agenda")
    stream = _record(0x03E8, body, ver=0xF) + _record(0x0FA0, "途中で切れた".encode("utf-16-le"))[:-4]
    text = ppt_text(stream)
    assert "参加者 白石 芳郎\n090-1234-5678" in text and "Agenda" in text and "途中" not in text


def test_a_packaged_file_is_unpacked() -> None:
    data = "氏名,電話\n白石 芳郎,090-1234-5678\n".encode()
    native = struct.pack("<IH", 0, 2) + b"roster.csv\x00C:\\tmp\\roster.csv\x00" + b"\x00" * 8 + b"C:\\t\\r.csv\x00"
    native += struct.pack("<I", len(data)) + data
    assert unpack(native) == ("roster.csv", data)
    from tokki_desktop.scanner.extract import Unreadable
    with pytest.raises(Unreadable):
        unpack(native[:30])


def test_a_pdf_whose_text_layer_does_not_decode_is_unreadable(tmp_path) -> None:
    from reportlab.pdfgen import canvas

    from tokki_desktop.forms.fonts import MINCHO, ensure_fonts
    ensure_fonts()
    pdf = tmp_path / "g.pdf"
    c = canvas.Canvas(str(pdf))
    c.setFont(MINCHO, 12)
    for i in range(20):
        c.drawString(40, 800 - i * 20, "■■■■ ■■ ■■■ ■■■■■ 2017■06■")
    c.save()
    res = scan_bytes(pdf.read_bytes(), "g.pdf")
    assert res.verdict == UNREADABLE


def test_records_written_in_source_code_are_a_table() -> None:
    seed = "User.create!([\n" + ",\n".join(
        f"  {{ nickname: 'u{i}', email: 'u{i}@example.com', first_name: '{MEI[i % 10]}', last_name: '{SEI[i % 10]}',"
        f" birthdate: '2010-07-{10 + i}' }}" for i in range(6)) + "\n])\n"
    res = scan_bytes(seed.encode(), "seeds.rb")
    assert res.verdict == PERSONAL_DATA and res.records == 6
    items = "Item.create!([\n" + ",\n".join(
        f"  {{ name: '{n}', description: '{n}です', price: {100 * i} }}" for i, n in
        enumerate(["パーカー", "ワンピース", "靴", "帽子"])) + "\n])\n"
    assert scan_bytes(items.encode(), "items.rb").verdict == CLEAN  # "name" of a product
    js = "const Names = [\n" + "\n".join(
        f"  {{ id: {i}, firstName: '{f}', lastName: '{l}', gender: 'male' }}," for i, (f, l) in
        enumerate([("James", "Smith"), ("Robert", "Johnson"), ("John", "Williams"), ("Mary", "Brown")])) + "\n];\n"
    assert scan_bytes(js.encode(), "usa.js").verdict == PERSONAL_DATA
    config = "{ host: 'localhost', port: 8080 }\n{ debug: 'true', level: 3 }\n"
    assert scan_bytes(config.encode(), "config.js").verdict == CLEAN


def test_a_surname_read_as_a_word_before_a_given_name() -> None:
    assert japanese.name_kind("侍 太郎") == "person"
    assert japanese.name_kind("山田 太郎1") == "person"  # a dummy row's serial
    assert japanese.name_kind("中央 公民館") == "organisation"


def test_an_sqlite_database_is_read_table_by_table(tmp_path) -> None:
    import sqlite3

    db = tmp_path / "app.db"
    conn = sqlite3.connect(db)
    conn.execute("CREATE TABLE users (id INTEGER, name TEXT, tel TEXT, photo BLOB)")
    conn.executemany("INSERT INTO users VALUES (?, ?, ?, ?)",
                     [(i, f"{SEI[i]} {MEI[i]}", f"090-1234-56{i:02d}", b"\x89PNG") for i in range(5)])
    conn.execute("CREATE TABLE items (id INTEGER, name TEXT, price INTEGER)")
    conn.executemany("INSERT INTO items VALUES (?, ?, ?)", [(1, "パーカー", 1000), (2, "靴", 3000), (3, "帽子", 500)])
    conn.commit()
    conn.close()
    res = scan_bytes(db.read_bytes(), "app.db")
    assert res.format == "sqlite" and res.verdict == PERSONAL_DATA and res.records == 5
    damaged = db.read_bytes()[:600] + b"\xff" * 4096
    assert scan_bytes(damaged, "app.db").verdict == UNREADABLE


def test_html_tables_are_tables() -> None:
    rows = "".join(f"<tr><td>{SEI[i]} {MEI[i]}</td><td>090-1234-56{i:02d}</td></tr>" for i in range(4))
    page = (f"<!DOCTYPE html><html><head><style>td{{color:red}}</style></head><body><h1>名簿</h1>"
            f"<table><tr><th>氏名</th><th>電話</th></tr>{rows}</table><p>問い合わせ先 087-839-2111</p>"
            f"<table><tr><td>閉じていない<td>セル</table></body></html>")
    res = scan_bytes(page.encode(), "meibo.html")
    assert res.format == "html" and res.verdict == PERSONAL_DATA and res.records == 4
    shelters = "".join(f"<tr><td>{n}</td><td>{a}</td><td>{t}</td></tr>" for n, a, t in FACILITIES)
    page = f"<html><body><table><tr><th>名称</th><th>所在地</th><th>電話</th></tr>{shelters}</table></body></html>"
    assert scan_bytes(page.encode(), "hinanjo.htm").verdict == CLEAN


def test_a_list_of_individuals_email_addresses_is_personal_data() -> None:
    lines = "\n".join(f"{n} <{n.lower().replace(' ', '.')}@gmail.com>" for n in ("Taro Yamada", "Hanako Sato", "Ken Ito"))
    assert scan_bytes(f"To:\n{lines}\n".encode(), "list.txt").verdict == PERSONAL_DATA
    roles = "\n".join(f"{r}@example-city.jp" for r in ("info", "support", "contact", "sales", "webmaster"))
    assert scan_bytes(roles.encode(), "roles.txt").verdict == CLEAN
    rows = [["email"]] + [[f"user{i}.name@example.net"] for i in range(6)]
    assert scan_bytes(_csv(rows), "mails.csv").verdict == PERSONAL_DATA
    prose = "ご質問は窓口 info@example.co.jp または担当の taro.yamada@example.co.jp までお寄せください。"
    assert scan_bytes(prose.encode(), "notice.txt").verdict == CLEAN  # one person's address in prose


def test_a_binary_workbook_is_read_by_calamine_and_never_clean_when_damaged() -> None:
    import io
    import zipfile

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("xl/workbook.bin", b"\x83\x01\x00not a workbook")
        zf.writestr("xl/worksheets/sheet1.bin", b"\x81\x01\x00")
    res = scan_bytes(buf.getvalue(), "meibo.xlsb")
    assert res.format == "xlsb" and res.verdict == UNREADABLE


def test_an_address_label_pdf(tmp_path) -> None:
    """Labels printed from a headerless name/postal/address list: 〒, address lines, 様."""
    from reportlab.pdfgen import canvas

    from tokki_desktop.forms.fonts import MINCHO, ensure_fonts
    ensure_fonts()
    pdf = tmp_path / "labels.pdf"
    c = canvas.Canvas(str(pdf))
    c.setFont(MINCHO, 11)
    for i in range(6):
        x, y = 40 + (i % 2) * 270, 780 - (i // 2) * 140
        c.drawString(x, y, f"〒760-00{10 + i:02d}")
        c.drawString(x, y - 18, f"香川県高松市番町{i + 1}丁目8番15号")
        c.drawString(x, y - 36, "サンプルハイツ101")
        c.drawString(x + 20, y - 70, f"{SEI[i]}{MEI[i]} 様")
    c.save()
    res = scan_bytes(pdf.read_bytes(), "labels.pdf")
    assert res.verdict == PERSONAL_DATA, res.reason_en


def test_a_list_of_surnames_alone_names_no_one() -> None:
    rows = [["順位", "名字", "人数"]] + [[str(i + 1), s, str(1_900_000 - i * 50_000)] for i, s in enumerate(SEI)]
    assert scan_bytes(_csv(rows), "myouji.csv").verdict == CLEAN
    split = [["姓", "名"]] + [[SEI[i], MEI[i]] for i in range(10)]
    res = scan_bytes(_csv(split), "meibo.csv")
    assert res.verdict == PERSONAL_DATA and "氏名の一覧" in res.reason


def test_latex_macros_are_read_as_labelled_lines() -> None:
    source = ("% 宛名面\n\\documentclass{jletteraddress}\n\\sendername{千利休}\n\\begin{document}\n"
              + "".join(f"\\addaddress\n  {{{SEI[i]} {MEI[i]}}}{{様}}\n  {{76{i}1621}}\n  {{香川県観音寺市大野原町井関一ー{'一二三四'[i]}ー一}}\n"
                        for i in range(4)) + "\\end{document}\n")
    res = scan_bytes(source.encode(), "atena.tex")
    assert res.format == "tex" and res.verdict == PERSONAL_DATA
    notes = "\\section{議事}\n本日の議題は予算である。% 山田 090-1234-5678\n"
    assert scan_bytes(notes.encode(), "minutes.tex").verdict == CLEAN  # comments are not read


def test_a_column_of_months_above_people_is_not_an_organisation_column() -> None:
    stats = [[f"{m}月", str(20 + m), "", ""] for m in range(1, 13)]
    people = [[f"{SEI[i]} {MEI[i]}", f"香川県高松市番町{i + 1}丁目8番15号", f"087-8{i:02d}-1234", f"19{50 + i}/0{1 + i % 9}/1{i}"]
              for i in range(8)]
    res = scan_bytes(_csv([["月", "申請件数", "", ""]] + stats + people), "monthly.csv")
    assert res.verdict == PERSONAL_DATA, res.reason
    assert japanese.name_kind("1月") == "other" and japanese.name_kind("靴") == "other"

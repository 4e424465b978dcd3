"""Records written in source code and data files, read from a real lexer's tokens
(``extract/code_literals.py``), UPDATE scripts (``extract/sql_dump.py``) and the header words
of other languages: each test is a file of invented data in the shape of a kind, in several
languages and layouts, with a clean look-alike beside it. No corpus file or value is used."""

from __future__ import annotations

import pytest

from tokki_desktop.scanner import CLEAN, PERSONAL_DATA, scan_bytes
from tokki_desktop.scanner.extract.code_literals import delimited, lexer_for, read_literals


def _verdict(src: str, name: str) -> str:
    return scan_bytes(src.encode("utf-8"), name).verdict


# -- one person per factory / per mock, whatever the language -------------------------------

ONE_PERSON = {
    # An attribute line that is no literal (password_confirmation { password }) between the fields.
    "spec/factories/members.rb": (
        'FactoryBot.define do\n  factory :member do\n    mail { "hinata@example.jp" }\n'
        '    password { "secret99" }\n    password_confirmation { password }\n'
        '    full_name { "小野寺陽菜" }\n    kana { "オノデラヒナ" }\n  end\nend\n'),
    # A sequenced e-mail in a block, surname and given name in two fields.
    "spec/factories/accounts.rb": (
        "FactoryBot.define do\n  factory :account do\n    sequence(:email) { |n| \"person#{n}@example.org\" }\n"
        "    family_name { '根本' }\n    given_name { '智也' }\n  end\nend\n"),
    # factory_boy: a class's fields as assignments.
    "tests/factories.py": (
        "import factory\n\nclass MemberFactory(factory.django.DjangoModelFactory):\n"
        "    class Meta:\n        model = 'members.Member'\n\n"
        "    last_name = '佐々木'\n    first_name = '美咲'\n    email = 'misaki.sasaki@example.jp'\n"),
    # Keyword arguments of a create call, romaji name.
    "db/seeds.rb": 'User.create!(name: "Hanako Suzuki", email: "hanako.suzuki@example.com", tel: "090-3141-5926")\n',
    # A PHP seeder's associative array.
    "database/seeders/UserSeeder.php": (
        "<?php\nclass UserSeeder extends Seeder {\n  public function run() {\n"
        "    DB::table('users')->insert(['name' => '高橋 一郎', 'email' => 'ichiro.takahashi@example.com',"
        " 'birthday' => '1985-04-12']);\n  }\n}\n"),
    # A Go struct literal.
    "testdata/user.go": (
        'package testdata\n\nvar Owner = User{\n\tName:  "山本 翔",\n\tEmail: "sho.yamamoto@example.net",\n'
        '\tPhone: "080-2718-2818",\n}\n'),
    # A Kotlin/Java constructor with positional strings: judged by the values.
    "src/test/kotlin/Fixtures.kt": 'val customer = Customer("中村 健太", "kenta.nakamura@example.com", "090-1618-0339")\n',
}


@pytest.mark.parametrize("name", sorted(ONE_PERSON))
def test_one_persons_fixture_in_any_language_is_personal(name: str) -> None:
    assert _verdict(ONE_PERSON[name], name) == PERSONAL_DATA


GENERATED_ONLY = {
    "spec/factories/users.rb": (
        "FactoryBot.define do\n  factory :user do\n    name { Faker::Name.name }\n"
        "    email { Faker::Internet.email }\n    phone { Faker::PhoneNumber.cell_phone }\n  end\nend\n"),
    "test/factories/user.ts": (
        "import { faker } from '@faker-js/faker';\nexport const user = () => ({\n"
        "  name: faker.person.fullName(),\n  email: faker.internet.email(),\n  phone: faker.phone.number(),\n});\n"),
    "tests/factories.py": (
        "import factory\n\nclass UserFactory(factory.Factory):\n    name = factory.Faker('name')\n"
        "    email = factory.Faker('email')\n    birthday = factory.Faker('date_of_birth')\n"),
    # Gimei: Japanese fake names and addresses.
    "spec/factories/members.rb": (
        "FactoryBot.define do\n  factory :member do\n    name { Gimei.name.kanji }\n"
        "    kana { Gimei.name.katakana }\n    address { Gimei.address.kanji }\n  end\nend\n"),
}


@pytest.mark.parametrize("name", sorted(GENERATED_ONLY))
def test_a_factory_of_generator_calls_names_no_one(name: str) -> None:
    assert _verdict(GENERATED_ONLY[name], name) == CLEAN


def test_a_generator_field_beside_literal_ones_is_left_out_but_the_literals_count() -> None:
    src = ("FactoryBot.define do\n  factory :user do\n    name { '堀内 沙織' }\n"
           "    email { 'saori.horiuchi@example.jp' }\n    nickname { Faker::Name.first_name }\n  end\nend\n")
    lit = read_literals(src, lexer_for("users.rb"))
    pairs = [p for _, _, p in lit.keyed if "name" in p]
    assert pairs and pairs[0]["name"] == "堀内 沙織" and "nickname" not in pairs[0]
    assert _verdict(src, "users.rb") == PERSONAL_DATA


CLEAN_LOOKALIKES = {
    # A product's factory: a name and a price, no person's field.
    "spec/factories/items.rb": (
        "FactoryBot.define do\n  factory :item do\n    name { 'ほうじ茶ラテ' }\n    price { 480 }\n"
        "    description { '香ばしい' }\n  end\nend\n"),
    # A configuration object.
    "vite.config.ts": "export default { name: 'tokki-web', version: '2.1.0', server: { port: 5173 } };\n",
    # An organisation with its public contacts.
    "fixtures/office.py": "OFFICE = dict(name='株式会社みなと商事', tel='03-1234-5678', address='東京都港区芝公園1-1')\n",
    # A name dictionary: given names alone in an array.
    "data/names.js": "export const givenNames = ['陽翔', '蓮', '湊', '陽葵', '凛', '結菜', '葵', '芽依'];\n",
    # A blank template.
    "templates/user.rb": "User.new(name: '', email: '', tel: '')\n",
}


@pytest.mark.parametrize("name", sorted(CLEAN_LOOKALIKES))
def test_look_alikes_of_a_fixture_stay_clean(name: str) -> None:
    assert _verdict(CLEAN_LOOKALIKES[name], name) == CLEAN


# -- positional records: arrays of arrays, rows of constructor calls ------------------------

def test_an_array_of_arrays_of_people_is_a_list_of_people() -> None:
    rows = [("小林 葵", "Kobayashi Aoi", "tokyo"), ("森田 蓮", "Morita Ren", "osaka"),
            ("石井 結衣", "Ishii Yui", "aichi"), ("松尾 大和", "Matsuo Yamato", "fukuoka")]
    src = "const members = {\n  first: [\n" + "".join(f'    ["{a}", "{b}", "{c}"],\n' for a, b, c in rows) + "  ],\n};\n"
    assert _verdict(src, "members.js") == PERSONAL_DATA
    # The same rows as constructor calls in C#.
    cs = "var people = new List<Person> {\n" + "".join(f'    new Person("{a}", "{b}", "{c}"),\n' for a, b, c in rows) + "};\n"
    assert _verdict(cs, "People.cs") == PERSONAL_DATA


def test_an_array_of_arrays_of_places_or_products_stays_clean() -> None:
    src = ('const prefectures = [\n  ["北海道", "Hokkaido"],\n  ["青森県", "Aomori"],\n  ["岩手県", "Iwate"],\n'
           '  ["宮城県", "Miyagi"],\n];\nconst items = [["りんご", "120"], ["みかん", "80"], ["ぶどう", "300"]];\n')
    assert _verdict(src, "master.js") == CLEAN


# -- a CSV written in a string --------------------------------------------------------------

def test_a_csv_in_a_concatenated_string_is_a_table() -> None:
    src = ("export const people = 'Name;Vorname;Strasse;Ort\\n' +\n"
           "  'Berger;Anna;Lindenweg 4;Graz\\n' +\n  'Huber;Lukas;Ringstrasse 12;Linz\\n' +\n"
           "  'Moser;Lena;Bahnhofgasse 7;Wels\\n';\n")
    lit = read_literals(src, lexer_for("people.ts"))
    assert any(delimited(s) == ";" for s in lit.strings)
    assert _verdict(src, "people.ts") == PERSONAL_DATA


def test_a_csv_in_a_triple_quoted_string_with_japanese_headers() -> None:
    src = ('SAMPLE = """氏名,メール,電話\n岡田 真央,mao.okada@example.jp,090-1111-2222\n'
           '西村 悠真,yuma.nishimura@example.jp,080-3333-4444\n内田 彩花,ayaka.uchida@example.jp,070-5555-6666\n"""\n')
    assert _verdict(src, "sample_data.py") == PERSONAL_DATA


def test_a_csv_in_a_ruby_heredoc_of_products_stays_clean() -> None:
    src = ("PRODUCTS = <<~CSV\n  code,product,price\n  A-01,ほうじ茶,480\n  A-02,煎茶,520\n  A-03,玄米茶,390\nCSV\n")
    assert _verdict(src, "products.rb") == CLEAN


# -- UPDATE … SET scripts ---------------------------------------------------------------------

def test_an_update_script_setting_names_and_addresses_is_a_table_of_people() -> None:
    people = [("平田陽子", "長野県松本市中央2-3"), ("大塚健二", "岐阜県高山市本町4-1"), ("小山里奈", "静岡県沼津市大手町1-5"),
              ("川村誠", "三重県津市丸之内8-2"), ("松井千尋", "滋賀県大津市京町3-7")]
    src = "".join(f"UPDATE customer SET name1 = '{n}', address1 = '{a}' WHERE id = {i};\n"
                  for i, (n, a) in enumerate(people, 1))
    assert _verdict(src, "mask.sql") == PERSONAL_DATA
    # The same written without spaces around "=" and with the WHERE naming the person.
    src2 = "".join(f"update members set email='{r}@example.jp' where full_name='{n}';\n"
                   for n, r in [("平田 陽子", "yoko"), ("大塚 健二", "kenji"), ("小山 里奈", "rina")])
    assert _verdict(src2, "fix_mail.sql") == PERSONAL_DATA


def test_an_update_script_of_settings_or_prices_stays_clean() -> None:
    src = ("UPDATE settings SET value = 'on' WHERE key = 'feature_search';\n"
           "UPDATE settings SET value = 'ja' WHERE key = 'default_locale';\n"
           "UPDATE products SET name = 'ほうじ茶ラテ', price = '480' WHERE id = 3;\n"
           "UPDATE counters SET hits = hits + 1 WHERE page = 'top';\n")
    assert _verdict(src, "migrate.sql") == CLEAN


# -- header words of other languages and numbered fields ------------------------------------

def test_numbered_fields_and_european_headers_name_the_fields() -> None:
    from tokki_desktop.scanner.column_types import latin_header_kind

    assert latin_header_kind("name1") == "name" and latin_header_kind("tel_2") == "phone"
    assert latin_header_kind("email2") == "email" and latin_header_kind("Vorname") == "name"
    assert latin_header_kind("Geburtsdatum") == "birth_date" and latin_header_kind("PLZ") == "postal_code"
    assert latin_header_kind("version2") is None and latin_header_kind("h1") is None


def test_a_bare_name_column_beside_a_given_name_column_is_a_person() -> None:
    csv = "name,lastname,email\nAnna,Berger,anna.b@example.at\nLukas,Huber,lukas.h@example.at\nLena,Moser,lena.m@example.at\n"
    assert _verdict(csv, "people.csv") == PERSONAL_DATA
    # "name" alone over products stays a product's name.
    assert _verdict("name,price\nほうじ茶,480\n煎茶,520\n玄米茶,390\n", "items.csv") == CLEAN


# -- broken files ---------------------------------------------------------------------------

@pytest.mark.parametrize("src", [
    "const a = {name: '山田 太郎', email: 'taro@example.com'",  # unclosed
    "}}}]])) end end " * 200,  # closers only
    "User.create(name: \"佐藤 花子\n" * 50,  # unterminated strings
    "x = [" * 5000 + "'a', 'b'",  # deep nesting
])
def test_broken_sources_never_raise(src: str) -> None:
    res = scan_bytes(src.encode(), "broken.js")
    assert res.verdict in (CLEAN, PERSONAL_DATA)


# -- positional values typed one by one ----------------------------------------------------

@pytest.mark.parametrize("src, name", [
    ('Person p = new Person("山田", "太郎", "taro.yamada@example.jp");\n', "PersonTest.java"),
    ('val p = Person("Emma", "Schneider", "emma.schneider@example.de")\n', "Fixtures.kt"),
    ('data = Map.of("name", "岡本 七海", "tel", "090-2468-1357");\n', "Data.java"),
])
def test_one_positional_record_is_judged_by_its_values(src: str, name: str) -> None:
    assert _verdict(src, name) == PERSONAL_DATA


@pytest.mark.parametrize("src", [
    'Company c = new Company("Acme Corp", "info@acme.example", "03-1234-5678");\n',
    'var c = new Contact("New York", "sales@example.com");\n',
    'Item i = new Item("山田錦", "純米酒", "1800");\n',
])
def test_a_positional_record_of_an_organisation_or_product_stays_clean(src: str) -> None:
    assert _verdict(src, "Fixtures.java") == CLEAN


def test_an_array_of_whole_names_is_a_list_of_people_but_name_parts_are_not() -> None:
    assert _verdict('export const staff = ["山田 太郎", "佐藤 花子", "鈴木 一郎", "高橋 美咲"];\n', "staff.js") \
        == PERSONAL_DATA
    assert _verdict("STAFF = ['Satou Kenta', 'Kobayashi Yui', 'Inoue Daiki']\n", "staff.py") == PERSONAL_DATA
    # Given names and surnames kept apart (a quiz's word lists) name no one.
    parts = 'export const given = ["陽翔", "蓮", "湊", "陽葵", "凛"];\nexport const family = ["佐藤", "鈴木", "高橋"];\n'
    assert _verdict(parts, "names.js") == CLEAN
    assert _verdict('const cities = ["札幌市", "仙台市", "横浜市", "名古屋市"];\n', "cities.js") == CLEAN


def test_a_string_of_lines_written_with_escapes_is_read_as_lines() -> None:
    src = 'MEMBERS = "山田 太郎\\n佐藤 花子\\n鈴木 一郎\\n高橋 美咲\\n"\n'
    assert _verdict(src, "members.py") == PERSONAL_DATA
    assert _verdict('MENU = "ほうじ茶\\n煎茶\\n玄米茶\\n抹茶\\n"\n', "menu.py") == CLEAN


def test_assignments_to_an_objects_fields_are_one_record() -> None:
    php = ("<?php\n$user = new User();\n$user->name = '三浦 優斗';\n$user->email = 'yuto.miura@example.jp';\n"
           "$user->save();\n")
    assert _verdict(php, "seed_user.php") == PERSONAL_DATA
    js = "const u = new User();\nu.fullName = 'Sophie Martin';\nu.email = 'sophie.martin@example.fr';\n"
    assert _verdict(js, "seed.js") == PERSONAL_DATA


# -- YAML and TOML data files -----------------------------------------------------------------

@pytest.mark.parametrize("src, name", [
    # A Rails fixture: records keyed by label, romaji names with birth dates.
    ("taro:\n  name: Taro Yamada\n  birthday: 1990-01-01\nhanako:\n  name: Hanako Sato\n  birthday: 1992-03-04\n",
     "test/fixtures/users.yml"),
    # A list of members in Japanese, surname and given name in two keys.
    ("members:\n  - sei: 村上\n    mei: 真由\n    tel: 090-8765-4321\n  - sei: 新井\n    mei: 翼\n    tel: 080-1357-2468\n",
     "members.yaml"),
    # A TOML array of tables.
    ('[[staff]]\nname = "Kaito Fujii"\nmail = "kaito.fujii@example.jp"\n\n[[staff]]\nname = "Mio Ueda"\n'
     'mail = "mio.ueda@example.jp"\n', "staff.toml"),
])
def test_people_in_yaml_and_toml_data_files(src: str, name: str) -> None:
    assert _verdict(src, name) == PERSONAL_DATA


@pytest.mark.parametrize("src, name", [
    ("name: my-service\nversion: 1.2.0\nservices:\n  web:\n    image: nginx\n", "compose.yml"),
    ("ja:\n  greeting: こんにちは\n  staff: 担当者\n  contact: お問い合わせ\n", "config/locales/ja.yml"),
    ('[tool.app]\nname = "tokki-web"\nport = 8080\n', "app.toml"),
    ("offices:\n  - name: 株式会社みなと商事\n    tel: 03-1234-5678\n  - name: 有限会社さくら工房\n    tel: 06-2345-6789\n",
     "offices.yml"),
])
def test_yaml_and_toml_look_alikes_stay_clean(src: str, name: str) -> None:
    assert _verdict(src, name) == CLEAN


def test_a_yaml_alias_bomb_and_a_broken_yaml_are_read_as_text() -> None:
    from tokki_desktop.scanner.extract import ScanContext, TablePart
    from tokki_desktop.scanner.extract.yaml_records import extract_yaml
    from tokki_desktop.scanner.result import ScanLimits

    levels = ["a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for i in range(1, 9):
        prev, cur = chr(96 + i), chr(97 + i)
        levels.append(f"{cur}: &{cur} [" + ", ".join([f"*{prev}"] * 9) + "]")
    bomb = ("\n".join(levels) + "\n").encode()
    parts = list(extract_yaml(bomb, ScanContext.start(ScanLimits())))
    assert parts and not any(isinstance(p, TablePart) for p in parts)
    broken = "members:\n  - name: 山田 太郎\n    email: [taro@example.jp\n  tel: {{ phone }}\n"
    res = scan_bytes(broken.encode(), "broken.yml")
    assert res.verdict in (CLEAN, PERSONAL_DATA) and res.format == "yaml"


# -- one person's JSON mock ---------------------------------------------------------------------

@pytest.mark.parametrize("src", [
    '{"firstName": "John", "lastName": "Smith", "email": "john.smith@example.com"}',
    '{"user": {"first_name": "Taro", "last_name": "Yamada", "phone": "090-1234-5678"}}',
    '{"status": "ok", "data": {"member": {"familyName": "吉川", "givenName": "沙羅", "birthday": "1994-07-21"}}}',
])
def test_one_persons_json_object_is_a_record(src: str) -> None:
    assert _verdict(src, "mock.json") == PERSONAL_DATA


@pytest.mark.parametrize("src", [
    '{"name": "tokki-web", "version": "1.0.0", "private": true}',
    '{"job": {"title": "Backend", "client": {"name": "Aozora Bank", "website": "https://bank.example"}}}',
    '{"office": {"name": "株式会社みなと商事", "tel": "03-1234-5678", "address": "東京都港区芝公園1-1"}}',
])
def test_one_object_json_look_alikes_stay_clean(src: str) -> None:
    assert _verdict(src, "data.json") == CLEAN


def test_mysql_insert_set_statements_are_rows() -> None:
    from tokki_desktop.scanner.extract import ScanContext, TablePart
    from tokki_desktop.scanner.extract.sql_dump import extract_sql
    from tokki_desktop.scanner.result import ScanLimits

    src = ("INSERT INTO members SET full_name = '桑原 結子', tel = '090-1928-3746';\n"
           "INSERT IGNORE INTO members SET full_name = '宮崎 拓海', tel = '080-5647-3829';\n")
    parts = list(extract_sql(src.encode(), ScanContext.start(ScanLimits())))
    tables = [p for p in parts if isinstance(p, TablePart)]
    assert tables and tables[0].name == "members" and tables[0].header == ["full_name", "tel"]
    assert [r[0] for r in tables[0].rows] == ["桑原 結子", "宮崎 拓海"]
    assert _verdict(src, "members.sql") == PERSONAL_DATA


# -- tables written column by column ------------------------------------------------------------

def test_a_table_written_column_by_column_is_a_table() -> None:
    js = ('const cols = { last: ["山田", "佐藤", "鈴木"], first: ["太郎", "花子", "一郎"],\n'
          '  tel: ["090-1234-5678", "080-2345-6789", "070-3456-7890"] };\n')
    assert _verdict(js, "cols.js") == PERSONAL_DATA
    py = ('df = pd.DataFrame({"name": ["Satou Kenta", "Inoue Yui"], '
          '"email": ["kenta.satou@example.jp", "yui.inoue@example.jp"]})\n')
    assert _verdict(py, "test_frame.py") == PERSONAL_DATA
    # A chart's labels and values, a product table: columns, but no one in them.
    assert _verdict('const chart = { labels: ["1月", "2月", "3月"], values: ["120", "98", "143"] };\n', "chart.js") \
        == CLEAN
    assert _verdict('DATA = {"product": ["ほうじ茶", "煎茶", "玄米茶"], "price": ["480", "520", "390"]}\n', "p.py") == CLEAN


def test_a_data_module_too_large_to_lex_keeps_its_arrays_of_arrays() -> None:
    from tokki_desktop.scanner.extract.code_literals import MAX_LEX_CHARS

    people = [("小林 葵", "Kobayashi Aoi"), ("森田 蓮", "Morita Ren"), ("石井 結衣", "Ishii Yui"), ("松尾 大和", "Matsuo Yamato")]
    rows = "".join(f'  ["{a}", "{b}", "member-{i}"],\n' for i, (a, b) in enumerate(people))
    filler = "".join(f"export const note{i} = 'release notes, part {i}';\n" for i in range(4000))
    src = "export const members = [\n" + rows + "];\n" + filler
    assert len(src) > MAX_LEX_CHARS
    assert _verdict(src, "members.js") == PERSONAL_DATA
    products = "export const items = [\n" + "".join(f'  ["品番{i}", "ほうじ茶", "{400 + i}"],\n' for i in range(6)) + "];\n"
    assert _verdict(products + filler, "items.js") == CLEAN


# -- LDIF directory exports -------------------------------------------------------------------

def test_an_ldif_export_of_people_is_a_table_of_records() -> None:
    import base64

    src = ("version: 1\n\ndn: cn=Emma Weber,ou=people,dc=example,dc=org\ncn: Emma Weber\nsn: Weber\n"
           "mail: emma.weber@example.org\ntelephoneNumber: +49 30 1234567\n\n"
           "dn: uid=yui,ou=people,dc=example,dc=jp\ncn:: " + base64.b64encode("小林 結衣".encode()).decode() + "\n"
           "mail: yui.kobayashi@example.jp\n")
    assert _verdict(src, "people.ldif") == PERSONAL_DATA


def test_an_ldif_of_groups_and_units_stays_clean() -> None:
    src = ("dn: ou=people,dc=example,dc=com\nobjectClass: organizationalUnit\nou: people\n\n"
           "dn: cn=admins,ou=groups,dc=example,dc=com\nobjectClass: groupOfNames\ncn: admins\n"
           "description: Administrators\nmember: uid=svc-backup,ou=services,dc=example,dc=com\n")
    assert _verdict(src, "groups.ldif") == CLEAN


# -- vCard address books ----------------------------------------------------------------------

def test_a_vcard_of_one_person_with_a_mobile_is_personal_data() -> None:
    src = "BEGIN:VCARD\r\nVERSION:3.0\r\nN:山田;太郎;;;\r\nFN:山田 太郎\r\nTEL;TYPE=CELL:090-1234-5678\r\nEND:VCARD\r\n"
    assert _verdict(src, "contact.vcf") == PERSONAL_DATA


def test_a_japanese_phones_quoted_printable_vcard_is_decoded() -> None:
    # vCard 2.1 as Japanese handsets export it: Shift_JIS bytes written as quoted-printable.
    def qp(s: str) -> str:
        return "".join("=%02X" % b for b in s.encode("shift_jis"))

    src = (f"BEGIN:VCARD\r\nVERSION:2.1\r\nN;CHARSET=SHIFT_JIS;ENCODING=QUOTED-PRINTABLE:{qp('佐藤')};{qp('花子')}\r\n"
           "EMAIL;INTERNET:hanako.sato@example.jp\r\nEND:VCARD\r\n")
    assert _verdict(src, "phone_contacts.vcf") == PERSONAL_DATA
    from tokki_desktop.scanner.extract.vcard import _cards

    assert _cards(src)[0]["last_name"] == "佐藤" and _cards(src)[0]["first_name"] == "花子"


def test_a_vcard_of_an_organisation_stays_clean() -> None:
    src = ("BEGIN:VCARD\r\nVERSION:4.0\r\nKIND:org\r\nFN:高松市役所\r\nORG:高松市役所\r\n"
           "TEL;TYPE=work:087-839-2011\r\nADR:;;番町一丁目8番15号;高松市;香川県;760-8571;\r\nEND:VCARD\r\n")
    assert _verdict(src, "city.vcf") == CLEAN

"""SQL dumps and JSON read as tables: the column list or the keys are the header.

Each dialect's quoting is checked on rows whose values hold the quotes themselves; joins are
checked by what the joined table holds; hostile files (unterminated strings, deep nesting,
a 50 MB single-line JSON, binary blobs) must give a verdict and never raise.
"""

from __future__ import annotations

import json
import logging
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tokki_desktop.scanner import CLEAN, PERSONAL_DATA, ScanLimits, scan_file
from tokki_desktop.scanner.extract import ScanContext, TablePart, TextPart, json_records, sql_dump
from tokki_desktop.scanner.extract.formats import open_parts


def _parts(data: bytes, name: str) -> tuple[str, list]:
    fmt, parts = open_parts(data, name, ScanContext.start(ScanLimits()))
    return fmt, list(parts)


def _tables(parts: list) -> dict[str, TablePart]:
    return {p.name: p for p in parts if isinstance(p, TablePart)}


def _text(parts: list) -> str:
    return "\n".join(p.text for p in parts if isinstance(p, TextPart))


MYSQL = r"""-- MySQL dump 10.13  Distrib 8.0.36, for Linux (x86_64)
-- Host: localhost    Database: shop
/*!40101 SET NAMES utf8mb4 */;
DROP TABLE IF EXISTS `users`;
CREATE TABLE `users` (
  `id` int NOT NULL AUTO_INCREMENT,
  `last_name` varchar(50) DEFAULT NULL,
  `first_name` varchar(50) DEFAULT NULL,
  `email` varchar(100) DEFAULT NULL COMMENT 'login, unique',
  `birthday` date DEFAULT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `email` (`email`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
LOCK TABLES `users` WRITE;
INSERT INTO `users` VALUES (1,'Yamada','Taro','taro@example.jp','1985-04-12'),(2,'O\'Brien','Hana\\ko','hanako@example.jp','1990-01-31'),(3,'Sato','Ichiro, Jr.','ichiro@example.jp',NULL);
UNLOCK TABLES;
CREATE TABLE `addresses` (
  `id` int NOT NULL,
  `user_id` int NOT NULL,
  `prefecture` varchar(10),
  `city` varchar(50),
  PRIMARY KEY (`id`),
  KEY `fk_user` (`user_id`),
  CONSTRAINT `fk_user` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`)
) ENGINE=InnoDB;
INSERT INTO `addresses` (`id`, `user_id`, `prefecture`, `city`) VALUES (10,2,'東京都','小金井市本町1-2-3'),(11,1,'大阪府','大阪市北区梅田1-1'),(12,9,'京都府','京都市左京区1');
"""


def test_mysql_dump_rows_under_create_table_names_joined_by_foreign_key() -> None:
    fmt, parts = _parts(MYSQL.encode(), "shop.sql")
    assert fmt == "sql"
    tables = _tables(parts)
    users = tables["users"]
    assert users.header == ["id", "last_name", "first_name", "email", "birthday", "addresses.id", "prefecture", "city"]
    assert users.rows == [
        ["1", "Yamada", "Taro", "taro@example.jp", "1985-04-12", "11", "大阪府", "大阪市北区梅田1-1"],
        ["2", "O'Brien", "Hana\\ko", "hanako@example.jp", "1990-01-31", "10", "東京都", "小金井市本町1-2-3"],
        ["3", "Sato", "Ichiro, Jr.", "ichiro@example.jp", "", "", "", ""],
    ]
    # The address of no known user stays a row of its own: nothing is dropped.
    assert tables["addresses"].rows == [["12", "9", "京都府", "京都市左京区1"]]
    assert "DROP TABLE" in _text(parts) and "INSERT" not in _text(parts)


def test_postgresql_copy_and_standard_quoting() -> None:
    dump = "\n".join([
        "--", "-- PostgreSQL database dump", "--",
        "SET standard_conforming_strings = on;",
        "CREATE TABLE public.members (", "    id integer NOT NULL,", "    name text,", "    tel text,",
        "    note text", ");",
        "COPY public.members (id, name, tel, note) FROM stdin;",
        "1\t佐藤 一郎\t090-1234-5678\ttab\\there",
        "2\t鈴木 次郎\t\\N\tC:\\\\dir",
        "\\.",
        "INSERT INTO public.members VALUES (3, 'It''s', '03-1234-5678', 'C:\\dir');",
        "INSERT INTO \"public\".\"members\" (id, name, tel, note) VALUES (4, E'O\\'Neil', '', 'x');",
        "ALTER TABLE ONLY public.members ADD CONSTRAINT members_pkey PRIMARY KEY (id);", "",
    ])
    tables = _tables(_parts(dump.encode(), "dump.sql")[1])
    assert tables["members"].header == ["id", "name", "tel", "note"]
    assert tables["members"].rows == [
        ["1", "佐藤 一郎", "090-1234-5678", "tab\there"], ["2", "鈴木 次郎", "", "C:\\dir"],
        ["3", "It's", "03-1234-5678", "C:\\dir"], ["4", "O'Neil", "", "x"],
    ]


def test_sqlite_dump_with_naming_rule_join_and_no_column_lists() -> None:
    dump = """PRAGMA foreign_keys=OFF;
BEGIN TRANSACTION;
CREATE TABLE people(id INTEGER PRIMARY KEY, name TEXT, kana TEXT);
INSERT INTO people VALUES(1,'山田 太郎','ヤマダ タロウ');
INSERT INTO people VALUES(2,'佐藤 花子','サトウ ハナコ');
CREATE TABLE "phones" (id INTEGER, person_id INTEGER, tel TEXT);
INSERT INTO "phones" VALUES(1,2,'090-1111-2222');
INSERT INTO "phones" VALUES(2,2,'03-3333-4444');
CREATE TABLE notes(id INTEGER, owner INTEGER, body TEXT);
INSERT INTO notes VALUES(1,1,'memo');
COMMIT;
"""
    tables = _tables(_parts(dump.encode(), "app.db.sql")[1])
    people = tables["people"]
    assert people.header == ["id", "name", "kana", "phones.id", "tel"]
    assert people.rows == [["1", "山田 太郎", "ヤマダ タロウ", "", ""], ["2", "佐藤 花子", "サトウ ハナコ", "1", "090-1111-2222"]]
    assert tables["phones"].rows == [["2", "2", "03-3333-4444"]]  # the second phone of person 2
    # "owner" is neither a declared key nor <table>_id: no join is guessed.
    assert tables["notes"].header == ["id", "owner", "body"] and tables["notes"].rows == [["1", "1", "memo"]]


def test_sql_dump_with_romanised_names_in_two_tables_is_personal_data(tmp_path: Path) -> None:
    """The case of the issue: romanised names and birth dates, addresses in a second table."""
    rows = [(i, f"Sei{i}", f"Mei{i}", f"user{i}@example.jp", f"19{60 + i % 30}-0{1 + i % 9}-1{i % 9}") for i in range(1, 41)]
    users = ",".join(f"({i},'{a}','{b}','{c}','{d}')" for i, a, b, c, d in rows)
    addresses = ",".join(f"({i},{i},'東京都','小金井市本町{i}-2-3')" for i in range(1, 41))
    dump = (f"CREATE TABLE users (id int PRIMARY KEY, last_name varchar(20), first_name varchar(20), mail varchar(50), "
            f"birthday date);\nINSERT INTO users VALUES {users};\n"
            f"CREATE TABLE addresses (id int, user_id int, prefecture text, city text);\n"
            f"INSERT INTO addresses VALUES {addresses};\n")
    path = tmp_path / "export.txt"  # by content, not by name
    path.write_text(dump, "utf-8")
    res = scan_file(path)
    assert (res.format, res.verdict) == ("sql", PERSONAL_DATA), res.reason_en
    assert res.records >= 30


def test_clean_dump_is_clean(tmp_path: Path) -> None:
    path = tmp_path / "catalogue.sql"
    path.write_text("CREATE TABLE items (id int, title text, price int);\n"
                    "INSERT INTO items VALUES (1,'ボールペン',120),(2,'ノート',240),(3,'封筒',80);\n", "utf-8")
    res = scan_file(path)
    assert (res.format, res.verdict) == ("sql", CLEAN), res.reason_en


def test_update_statements_are_rows_and_comments_are_scanned_as_text() -> None:
    dump = ("-- 作成: 山田 太郎 090-1234-5678\n"
            "UPDATE members SET tel = '090-9876-5432' WHERE name = '佐藤 花子';\n")
    fmt, parts = _parts(dump.encode(), "fix.sql")
    assert fmt == "sql" and "山田 太郎" in _text(parts)
    # The values set and the row they are set on are one record of the table.
    table = _tables(parts)["members"]
    assert table.header == ["tel", "name"] and table.rows == [["090-9876-5432", "佐藤 花子"]]


def test_dump_with_binary_blobs(tmp_path: Path) -> None:
    """mysqldump writes BLOBs raw inside _binary '…' (only \\0 ' \\ escaped), or as 0x… hex."""
    blob = bytes(range(1, 256)).replace(b"'", b"").replace(b"\\", b"") + b"123456789018\\0"
    dump = (b"-- MySQL dump 10.13\nCREATE TABLE `members` (`id` int, `name` varchar(20), `photo` blob, "
            b"`thumb` blob, `tel` varchar(20));\nINSERT INTO `members` VALUES "
            + b",".join(b"(%d,'" % i + f"山田 太郎{i}".encode() + b"',_binary '" + blob + b"',0x3132333435363738393031"
                        + b",'090-1234-56%02d')" % i for i in range(1, 31)) + b";\n")
    fmt, parts = _parts(dump, "members.sql")
    table = _tables(parts)["members"]
    assert table.header == ["id", "name", "photo", "thumb", "tel"]
    assert {r[2] for r in table.rows} == {""} and {r[3] for r in table.rows} == {""}
    assert table.rows[0][1] == "山田 太郎1" and table.rows[0][4] == "090-1234-5601"
    path = tmp_path / "members.sql"
    path.write_bytes(dump)
    res = scan_file(path)
    assert res.verdict == PERSONAL_DATA and "my_number" not in res.findings


def test_unterminated_sql_string_keeps_what_came_before_and_reads_the_rest_as_text(caplog) -> None:
    dump = ("CREATE TABLE m (name text, tel text);\n"
            "INSERT INTO m VALUES ('山田 太郎','090-1234-5678'),('佐藤 花子','03-1234-5678');\n"
            "INSERT INTO m VALUES ('鈴木 次郎','080-1111-2222'),('高橋 未完, 090-0000-1111);\n")
    with caplog.at_level(logging.DEBUG):
        fmt, parts = _parts(dump.encode(), "broken.sql")
    tables = [p for p in parts if isinstance(p, TablePart)]
    # Complete rows are rows, even in the statement that breaks; the broken row is text.
    assert [r[0] for t in tables for r in t.rows] == ["山田 太郎", "佐藤 花子", "鈴木 次郎"]
    assert "高橋 未完, 090-0000-1111" in _text(parts)
    assert "山田" not in caplog.text and "高橋" not in caplog.text


@pytest.mark.parametrize("text", [
    "INSERT INTO t VALUES (", "INSERT INTO t (a, b", "CREATE TABLE t (a int,", "COPY t (a) FROM stdin;\n1\n2",
    "INSERT INTO t VALUES ('a'), (", "INSERT INTO t VALUES (1, 'x'::", "INSERT INTO `t", "SELECT ';", ";;;;", "(((",
    "INSERT INTO t VALUES (1)" * 3, "CREATE TABLE t (a int REFERENCES);", "ALTER TABLE x ADD FOREIGN KEY (a) REFERENCES;",
])
def test_truncated_or_odd_sql_never_raises(text: str) -> None:
    fmt, parts = _parts(text.encode(), "odd.sql")
    assert fmt == "sql" and isinstance(parts, list)


def test_sql_over_the_size_cap_is_read_as_plain_text(monkeypatch) -> None:
    monkeypatch.setattr(sql_dump, "MAX_SQL_BYTES", 100)
    dump = "INSERT INTO m (name, tel) VALUES " + ",".join(f"('山田 太郎{i}','090-1234-56{i:02d}')" for i in range(20)) + ";"
    parts = _parts(dump.encode(), "big.sql")[1]
    assert parts and all(isinstance(p, TextPart) for p in parts) and "山田 太郎19" in _text(parts)


# -- JSON ------------------------------------------------------------------------------------

def test_json_array_under_a_key_with_nested_objects() -> None:
    doc = {"meta": {"title": "会員名簿", "count": 2}, "data": {"members": [
        {"id": 1, "name": "山田 太郎", "address": {"pref": "東京都", "city": "小金井市本町1-2-3"}, "tags": ["a", "b"]},
        {"id": 2, "name": "佐藤 花子", "tel": "03-1234-5678", "address": {"pref": "大阪府", "city": "大阪市北区梅田1-1"},
         "active": True, "note": None},
    ]}}
    fmt, parts = _parts(json.dumps(doc, ensure_ascii=False, indent=2).encode(), "members.json")
    assert fmt == "json"
    table = _tables(parts)["data.members"]
    assert table.header == ["id", "name", "address.pref", "address.city", "tags", "tel", "active", "note"]
    assert table.rows == [["1", "山田 太郎", "東京都", "小金井市本町1-2-3", "a / b", "", "", ""],
                          ["2", "佐藤 花子", "大阪府", "大阪市北区梅田1-1", "", "03-1234-5678", "true", ""]]
    assert "meta.title: 会員名簿" in _text(parts)


def test_json_lines_and_top_level_arrays_by_content(tmp_path: Path) -> None:
    people = [{"氏名": f"山田 太郎{i}", "tel": f"090-1234-56{i:02d}", "mail": f"taro{i}@example.jp"}
              for i in range(30)]
    lines = tmp_path / "export.txt"
    lines.write_text("\n".join(json.dumps(p) for p in people) + "\n", "utf-8")
    array = tmp_path / "export.dat"
    array.write_text(json.dumps(people), "utf-8")
    for path in (lines, array):
        fmt, parts = _parts(path.read_bytes(), path.name)
        table = next(p for p in parts if isinstance(p, TablePart))
        assert fmt == "json" and table.header == ["氏名", "tel", "mail"] and len(table.rows) == 30
        res = scan_file(path)
        assert res.verdict == PERSONAL_DATA, res.reason_en


def test_json_array_of_rows_with_a_header_row() -> None:
    data = json.dumps([["氏名", "電話"], ["山田 太郎", "090-1234-5678"], ["佐藤 花子", "03-1234-5678"]],
                      ensure_ascii=False).encode()
    table = _tables(_parts(data, "rows.json")[1])[""]
    assert table.header == ["氏名", "電話"] and table.rows[1] == ["佐藤 花子", "03-1234-5678"]


def test_unterminated_json_string_keeps_the_records_read() -> None:
    data = '[{"name": "山田 太郎", "tel": "090-1234-5678"}, {"name": "佐藤 花子", "tel": "03-1'.encode()
    parts = _parts(data, "cut.json")[1]
    assert _tables(parts)[""].rows == [["山田 太郎", "090-1234-5678"]]
    assert "佐藤 花子" in _text(parts)


def test_ten_thousand_levels_of_nesting_never_raise(tmp_path: Path) -> None:
    for i, doc in enumerate(["[" * 10_000 + "]" * 10_000, '{"a":' * 10_000 + "1" + "}" * 10_000,
                             '[{"name": "山田 太郎", "deep": ' + "[" * 10_000 + "]" * 10_000 + "}]"]):
        path = tmp_path / f"deep{i}.json"
        path.write_text(doc, "utf-8")
        res = scan_file(path)
        assert res.verdict in (CLEAN, PERSONAL_DATA) and res.format == "json", res.reason_en


@pytest.mark.parametrize("text", ["[", "{", '{"a": [', '[{"a": 1},', "[{]", '{"a" 1}', '[{"a": 1}] trailing', "{}", "[]",
                                  '{"a": [{"b": 1}], "c": [1, 2', "\ufeff[{}]", '"just a string"'])
def test_malformed_json_never_raises(text: str) -> None:
    fmt, parts = _parts(text.encode(), "odd.json")
    assert isinstance(parts, list)


@pytest.mark.slow
def test_fifty_megabyte_single_line_json(tmp_path: Path) -> None:
    """Under the 64 MB cap: read element by element into tables, not as one string of text."""
    record = {"name": "山田 太郎", "kana": "ヤマダ タロウ", "tel": "090-1234-5678", "mail": "taro@example.jp",
              "address": {"pref": "東京都", "city": "小金井市本町1-2-3"}, "memo": "x" * 200}
    one = json.dumps(record, ensure_ascii=False)
    n = 50 * 1024 * 1024 // (len(one.encode()) + 2)
    path = tmp_path / "big.json"
    path.write_text("[" + ",".join([one] * n) + "]", "utf-8")
    assert 49 * 1024 * 1024 < path.stat().st_size < json_records.MAX_JSON_BYTES
    fmt, parts = _parts(path.read_bytes(), path.name)
    tables = [p for p in parts if isinstance(p, TablePart)]
    assert fmt == "json" and sum(len(t.rows) for t in tables) == n
    assert max(len(t.rows) for t in tables) <= json_records.ROWS_PER_PART
    res = scan_file(path)
    assert res.verdict == PERSONAL_DATA and res.records >= n // 2, res.reason_en


def test_json_over_the_size_cap_is_read_as_plain_text(monkeypatch) -> None:
    monkeypatch.setattr(json_records, "MAX_JSON_BYTES", 100)
    data = json.dumps([{"name": f"山田 太郎{i}"} for i in range(20)], ensure_ascii=False).encode()
    parts = _parts(data, "big.json")[1]
    assert parts and all(isinstance(p, TextPart) for p in parts) and "山田 太郎19" in _text(parts)


def test_csv_named_file_stays_csv_and_prose_stays_text() -> None:
    assert _parts("name,tel\n山田 太郎,090-1234-5678\n".encode(), "a.csv")[0] == "csv"
    assert _parts("[1] 議事録\n本日の議題は次のとおり。\n".encode(), "memo.txt")[0] == "text"
    assert _parts("会議では insert into の使い方を説明した。\n".encode(), "memo.txt")[0] == "text"


def test_sql_server_script_without_semicolons() -> None:
    script = ("CREATE TABLE [dbo].[Customers] ([Id] int, [Name] nvarchar(50), [Tel] nvarchar(20))\nGO\n"
              "INSERT INTO [dbo].[Customers] ([Id], [Name], [Tel]) VALUES (1, N'山田 太郎', N'090-1234-5678')\n"
              "INSERT INTO [dbo].[Customers] ([Id], [Name], [Tel]) VALUES (2, N'佐藤 花子', N'03-1234-5678')\nGO\n")
    table = _tables(_parts(script.encode(), "customers.sql")[1])["Customers"]
    assert table.header == ["Id", "Name", "Tel"]
    assert table.rows == [["1", "山田 太郎", "090-1234-5678"], ["2", "佐藤 花子", "03-1234-5678"]]


def test_create_table_without_semicolon_does_not_swallow_the_rows_after_it() -> None:
    # A classroom script: no semicolons, no GO, rows without a column list. The table's own
    # definition names the columns; a MySQL table option after the parentheses stays part of it.
    script = ("CREATE TABLE Member(\n\tMemberId varchar(50) NOT NULL PRIMARY KEY,\n"
              "\tMemberName nvarchar(50) NOT NULL,\n\tTel varchar(20) NULL\n)\n"
              "insert into Member values('a01@example.jp','電子太郎','03-1234-5678')\n"
              "insert into Member values('a02@example.jp','電子花子','048-123-4567')\n"
              "CREATE TABLE Item (Id int, Name varchar(20)) ENGINE=InnoDB DEFAULT CHARSET=utf8\n"
              "insert into Item values(1,'鉛筆')\n")
    tables = _tables(_parts(script.encode("shift_jis"), "Member.sql")[1])
    assert tables["Member"].header == ["MemberId", "MemberName", "Tel"]
    assert tables["Member"].rows == [["a01@example.jp", "電子太郎", "03-1234-5678"],
                                     ["a02@example.jp", "電子花子", "048-123-4567"]]
    assert tables["Item"].header == ["Id", "Name"] and tables["Item"].rows == [["1", "鉛筆"]]


def test_double_quoted_values_are_strings_outside_mysql_too() -> None:
    # No MySQL marker in the script, so "…" would be an identifier; in a row of values it can
    # only be a string (the value must not keep its quotes, or no column check sees a name).
    script = ("CREATE TABLE memberTb (number text, name text, tel text);\n"
              'INSERT INTO memberTb (number, name, tel) VALUES ("0001", "山田太郎", "123-4567");\n'
              "INSERT INTO memberTb (number, name, tel) VALUES ('0002', '佐藤花子', '234-5678');\n")
    rows = _tables(_parts(script.encode(), "rental.sql")[1])["memberTb"].rows
    assert rows == [["0001", "山田太郎", "123-4567"], ["0002", "佐藤花子", "234-5678"]]


def test_postgresql_dump_with_a_backtick_in_its_text_keeps_standard_quoting() -> None:
    dump = ("-- PostgreSQL database dump\nCREATE TABLE notes (id int, body text);\n"
            "INSERT INTO notes VALUES (1, 'use `code` here'), (2, 'C:\\'), (3, 'end');\n")
    rows = _tables(_parts(dump.encode(), "notes.sql")[1])["notes"].rows
    assert rows == [["1", "use `code` here"], ["2", "C:\\"], ["3", "end"]]


def test_deeply_nested_sql_values_never_raise() -> None:
    dump = "INSERT INTO t (a, b) VALUES (" + "(" * 10_000 + "1" + ")" * 10_000 + ", '山田 太郎');\n"
    table = _tables(_parts(dump.encode(), "deep.sql")[1])["t"]
    assert table.rows[0][1] == "山田 太郎"


def test_geojson_features_are_records_of_their_properties() -> None:
    doc = {"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"名称": "中央公民館", "住所": "高松市番町1-1-1"},
         "geometry": {"type": "Point", "coordinates": [134.056537698034, 34.3401]}},
    ]}
    table = _tables(_parts(json.dumps(doc, ensure_ascii=False).encode(), "shelters.geojson")[1])["features"]
    assert table.header == ["名称", "住所"] and table.rows == [["中央公民館", "高松市番町1-1-1"]]


def test_comments_between_the_rows_of_one_insert() -> None:
    dump = ("INSERT INTO orders (id, receiver, address) VALUES\n-- 会員ID 1の注文\n"
            "(1, 'さくら うた', '東京都新宿区西新宿2-8-1'),\n\n-- 会員ID 2の注文\n(2, 'たなか あやか', '大阪府大阪市北区梅田3-1-1')\n"
            "/* end */;\n")
    parts = _parts(dump.encode(), "orders.sql")[1]
    assert _tables(parts)["orders"].rows == [["1", "さくら うた", "東京都新宿区西新宿2-8-1"],
                                             ["2", "たなか あやか", "大阪府大阪市北区梅田3-1-1"]]
    assert "会員ID 2の注文" in _text(parts)


_UNREAD_SPLITS = ("holdout6",)


def _only_field_lists(data: bytes) -> bool:
    """True when every array of objects in this JSON is a list of label/value fields (a
    résumé's contacts, say), which the reader gives as ``label: value`` lines, not as a table."""
    import json

    from tokki_desktop.scanner.extract.json_records import _field_list, _flatten

    try:
        doc = json.loads(data)
    except ValueError:
        return False
    arrays: list[list[dict]] = []

    def walk(obj: object) -> None:
        if isinstance(obj, list):
            if obj and all(isinstance(e, dict) for e in obj):
                arrays.append(obj)
            for e in obj:
                walk(e)
        elif isinstance(obj, dict):
            for v in obj.values():
                walk(v)

    walk(doc)
    return bool(arrays) and all(_field_list([_flatten(e) for e in a]) is not None for a in arrays)


def test_real_dumps_and_json_files_give_tables_with_headers() -> None:
    """Every .sql/.json under TOKKI_REAL_CORPUS that inserts rows or lists records is read as
    tables (the verdicts are the column checks' business and are scored elsewhere)."""
    import os

    root = os.environ.get("TOKKI_REAL_CORPUS")
    if not root:
        pytest.skip("TOKKI_REAL_CORPUS is not set (real-world files are not committed here)")
    # Only the manifest's files of splits already read: a split still blind (holdout6) must not
    # reach a rule writer through a failing assertion's file name.
    import csv

    manifest = Path(__file__).resolve().parents[2] / "bench" / "real" / "manifest.csv"
    with manifest.open(encoding="utf-8", newline="") as f:
        rows = [r["path"] for r in csv.DictReader(f) if r["split"] not in _UNREAD_SPLITS]
    files = sorted(p for p in (Path(root) / r for r in rows)
                   if p.suffix.lower() in (".sql", ".json", ".geojson", ".jsonl") and p.is_file())
    if not files:
        pytest.skip("no SQL or JSON file in TOKKI_REAL_CORPUS")
    for path in files:
        data = path.read_bytes()
        fmt, parts = _parts(data, path.name)
        tables = [p for p in parts if isinstance(p, TablePart) and p.rows]
        assert fmt in ("sql", "json"), (path.name, fmt)
        if re.search(rb"INSERT\s+INTO|^COPY\s", data, re.I | re.M) or (
                fmt == "json" and re.search(rb"\[\s*\{", data) and not _only_field_lists(data)):
            assert tables, (path.name, fmt)


@pytest.mark.parametrize("text", ["CREATE ( TABLE IF NOT EXISTS", "ALTER TABLE IF EXISTS FOREIGN", "ALTER TABLE ONLY",
                                  "CREATE TABLE t (a int, FOREIGN KEY REFERENCES u)", "COPY FROM stdin;\n\\.\n",
                                  "INSERT INTO VALUES (1);", "INSERT VALUES", "CREATE TABLE"])
def test_statements_of_unforeseen_shapes_are_text_not_errors(text: str) -> None:
    fmt, parts = _parts(text.encode(), "odd.sql")
    assert fmt == "sql" and isinstance(parts, list)


_SIGNIFICANT = "'\"`()[]{};,:\\\n-/*$#"
_PG_SEED = ("-- PostgreSQL database dump\nCREATE TABLE public.m (id int, name text, tel text);\n"
            "COPY public.m (id, name, tel) FROM stdin;\n1\t佐藤 一郎\t090-1234-5678\n\\.\n"
            "INSERT INTO public.m VALUES (2, 'It''s', E'a\\'b'), (3, $$x$$, '03-1234-5678');\n"
            "ALTER TABLE ONLY public.m ADD CONSTRAINT fk FOREIGN KEY (id) REFERENCES public.u(id);\n")
_JSON_SEED = json.dumps({"meta": {"n": 2}, "data": {"users": [
    {"name": "山田 太郎", "address": {"city": "小金井市"}, "tags": [1, [2, {"a": None}]]}, ["row", 1, True]]}},
    ensure_ascii=False)


@st.composite
def _mangled(draw: st.DrawFn, seed: str) -> str:
    out = seed
    for _ in range(draw(st.integers(1, 6))):
        pos = draw(st.integers(0, len(out)))
        op = draw(st.sampled_from(["insert", "delete", "truncate"]))
        if op == "insert":
            out = out[:pos] + draw(st.text(alphabet=_SIGNIFICANT, min_size=1, max_size=4)) + out[pos:]
        elif op == "delete":
            out = out[:pos] + out[pos + draw(st.integers(1, 20)):]
        else:
            out = out[:pos]
    return out


@pytest.mark.parametrize("seed, name", [(MYSQL, "d.sql"), (_PG_SEED, "d.sql"), (_JSON_SEED, "d.json"),
                                        (_JSON_SEED.replace("}, [", "}\n[") + "\n" + _JSON_SEED, "d.jsonl")])
def test_mangled_dumps_and_json_never_raise(seed: str, name: str) -> None:
    @settings(max_examples=150, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
    @given(_mangled(seed))
    def check(text: str) -> None:
        _fmt, parts = _parts(text.encode(), name)
        for part in parts:
            assert isinstance(part, (TablePart, TextPart))

    check()


def test_cli_output_and_logs_hold_no_values_of_dumps_and_json(tmp_path: Path, caplog, capsys) -> None:
    import io

    from tokki_desktop.cli import main

    caplog.set_level(logging.DEBUG)
    folder = tmp_path / "files"
    folder.mkdir()
    names = [f"山田 太郎{i}" for i in range(12)] + [f"佐藤 花子{i}" for i in range(12)]
    tels = [f"090-1234-56{i:02d}" for i in range(24)]
    rows = ",".join(f"({i},'{n}','{t}','東京都小金井市本町{i}-2-3')" for i, (n, t) in enumerate(zip(names, tels)))
    (folder / "members.sql").write_text(f"CREATE TABLE members (id int, 氏名 text, 電話 text, 住所 text);\n"
                                        f"INSERT INTO members VALUES {rows};\n", "utf-8")
    (folder / "broken.sql").write_text(f"INSERT INTO members VALUES {rows[:len(rows) // 2]}", "utf-8")
    records = [{"氏名": n, "電話": t} for n, t in zip(names, tels)]
    (folder / "members.json").write_text(json.dumps(records, ensure_ascii=False), "utf-8")
    (folder / "broken.json").write_text(json.dumps(records, ensure_ascii=False)[:300], "utf-8")
    said = []
    for argv in (["scan", "--json", str(folder)], ["scan", str(folder)]):
        out = io.StringIO()
        assert main(argv, out=out) == 1
        said.append(out.getvalue())
    captured = capsys.readouterr()
    everything = "\n".join(said + [captured.out, captured.err, caplog.text])
    assert "個人情報あり" in everything  # the checks below look at real output
    for value in names + tels:
        assert value not in everything


def test_json_object_of_records_keyed_by_id() -> None:
    """Firebase-style exports: {"users": {"u1": {…}, "u2": {…}}} and the same at the top level."""
    users = {f"u{i}": {"氏名": f"山田 太郎{i}", "tel": f"090-1234-56{i:02d}"} for i in range(3)}
    for doc, name in (({"users": users, "version": 2}, "users"), (users, "")):
        parts = _parts(json.dumps(doc, ensure_ascii=False).encode(), "export.json")[1]
        table = _tables(parts)[name]
        assert table.header == ["key", "氏名", "tel"]
        assert table.rows[2] == ["u2", "山田 太郎2", "090-1234-5602"]
    # A nested settings object is not mistaken for records: its values stay text.
    parts = _parts(json.dumps({"settings": {"mail": {"host": "smtp", "port": [25, 587]}}}).encode(), "c.json")[1]
    assert not _tables(parts) and "smtp" in _text(parts)

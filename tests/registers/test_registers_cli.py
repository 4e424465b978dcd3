"""``tokki status/add/edit/list/show/close/export`` end to end, on a real ledger."""

from __future__ import annotations

import hashlib
import io
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import pyzipper

from tokki_desktop.cli import main
from tokki_desktop.registers import SPECS

OFFICER = ("boss", "officer-pass-1")
HANDLER = ("hana", "handler-pass-1")
PASSWORD = "city-export-2026"


@pytest.fixture
def tokki(created_ledger, monkeypatch: pytest.MonkeyPatch):
    """Run ``tokki`` as the officer (or ``as_user``); returns (exit code, stdout)."""
    data_dir = created_ledger[0]

    def run(*argv: str, as_user: tuple[str, str] = OFFICER) -> tuple[int, str]:
        monkeypatch.setenv("TOKKI_PASSPHRASE", as_user[1])
        out = io.StringIO()
        code = main(["--data-dir", str(data_dir), "--user", as_user[0], *argv], out=out)
        return code, out.getvalue()

    return run


def test_add_list_show_edit_close(tokki, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = tokki("add", "people", "--name", "山田 太郎", "--started-on", "R8.4.1", "--employment-type", "派遣")
    assert code == 0 and out.strip() == "1"
    code, out = tokki("list", "people")
    assert code == 0 and "山田 太郎" in out and "派遣" in out
    code, out = tokki("edit", "people", "1", "--approved-on", "令和8年3月30日")
    assert code == 0 and "委託者の承認日" in out
    code, out = tokki("show", "people", "1", "--json")
    shown = json.loads(out)
    assert shown["record"]["approved_on"] == "2026-03-30"
    assert [h["action"] for h in shown["history"]] == ["insert", "update"]
    code, out = tokki("close", "people", "1", "--reason", "退職")
    assert code == 0
    assert json.loads(tokki("list", "people", "--json")[1]) == []
    assert json.loads(tokki("list", "people", "--json", "--all")[1])[0]["close_reason"] == "退職"
    code, out = tokki("show", "people", "1")
    assert "退職" in out and "変更履歴" in out


def test_bad_input_exits_2_with_one_line_naming_the_field(tokki, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    code, out = tokki("add", "people", "--name", "山田", "--started-on", "令和8年2月30日")
    err = capsys.readouterr().err
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "従事開始日" in err and "何も記録していません" in err
    code, _ = tokki("add", "pledges", "--person-id", "42", "--signed-on", "2026-04-01")
    assert code == 2 and "署名者" in capsys.readouterr().err
    code, _ = tokki("add", "people", "--name", "勝手", as_user=HANDLER)
    assert code == 2 and "取扱責任者" in capsys.readouterr().err
    code, _ = tokki("list", "people", "--where", "nonsense")
    assert code == 2
    assert json.loads(tokki("list", "people", "--json")[1]) == []


def test_status_table_and_json(tokki) -> None:
    tokki("add", "people", "--name", "山田", "--started-on", "2026-04-01")
    code, out = tokki("status")
    lines = out.strip().splitlines()
    assert code == 0 and len(lines) == 21  # header + Art. 1–19 + the moment it shows
    assert lines[8].startswith("第8条") and "違反" in lines[8]
    assert re.fullmatch(r"令和\d+年\d+月\d+日 \d+時\d{2}分 現在", lines[-1])  # the CLI runs on the real clock
    assert "2026-" not in out  # every date a Japanese reader sees is in 和暦
    code, out = tokki("status", "--json")
    data = json.loads(out)
    art8 = data["articles"][7]
    assert art8["status"] == "violation" and art8["findings"][0]["refs"][0]["title"] == "山田"
    assert tokki("status", "--strict")[0] == 1


def test_status_in_english(tokki, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TOKKI_LANG", "en")
    tokki("add", "complaints", "--received-at", "R8.11.26 9:12", "--content", "問合せ")
    code, out = tokki("status")
    assert code == 0 and out.splitlines()[0].startswith("Art.") and "Confidentiality" in out
    assert "(due 2026-11-27 09:12)" in out and re.fullmatch(r"as of \d{4}-\d\d-\d\d \d\d:\d\d", out.splitlines()[-1])
    assert "令和" not in out.replace("“令和8年度 テスト業務委託”", "")  # dates are western; the title is the title
    assert "Contract “令和8年度 テスト業務委託” lacks" in out  # named, not "Contract 1"


def test_list_and_show_print_dates_for_people(tokki, monkeypatch: pytest.MonkeyPatch) -> None:
    tokki("add", "takeouts", "--activity", "copy", "--destination", "入力室", "--started-at", "2026-11-20 09:30")
    code, out = tokki("list", "takeouts")
    assert code == 0 and "令和8年11月20日 9時30分" in out
    code, out = tokki("show", "takeouts", "1")
    assert "実施日時 [started_at]: 令和8年11月20日 9時30分" in out
    assert json.loads(tokki("show", "takeouts", "1", "--json")[1])["record"]["started_at"].startswith(
        "2026-11-20T09:30")  # JSON keeps the stored value
    monkeypatch.setenv("TOKKI_LANG", "en")
    assert "2026-11-20 09:30" in tokki("list", "takeouts")[1]


def _export(tokki, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    tokki("add", "people", "--name", "山田 太郎", "--notes", "=HYPERLINK(\"http://x\")")
    tokki("add", "complaints", "--received-at", "2026-11-26 09:00", "--content", "カンマ, \"引用\" と改行\nあり")
    tokki("add", "record_requests", "--received-on", "R8.11.20", "--request", "管理台帳の写しの提出",
          "--due-on", "R8.11.30", "--doc-no", "と業第7号")
    monkeypatch.setenv("TOKKI_EXPORT_PASSWORD", PASSWORD)
    target = tmp_path / "export.zip"
    code, _ = tokki("export", str(target))
    assert code == 0 and target.exists()
    return target


def test_export_opens_with_pyzipper_and_hashes_match(tokki, tmp_path: Path, monkeypatch) -> None:
    target = _export(tokki, tmp_path, monkeypatch)
    with pyzipper.AESZipFile(target) as zf:
        zf.setpassword(PASSWORD.encode())
        manifest = json.loads(zf.read("manifest.json"))
        # Every register is in the bundle, new ones included, each under its own CSV.
        assert [f["register"] for f in manifest["files"]] == list(SPECS)
        assert {f["name"] for f in manifest["files"]} | {"manifest.json"} == set(zf.namelist())
        for entry in manifest["files"]:
            data = zf.read(entry["name"])
            assert hashlib.sha256(data).hexdigest() == entry["sha256"]
            assert data.startswith("\ufeff".encode())
        people = zf.read("02_people.csv").decode("utf-8-sig")
        assert "山田 太郎" in people and "'=HYPERLINK" in people
        requests = zf.read(f"{len(SPECS):02d}_record_requests.csv").decode("utf-8-sig")
        assert "文書番号 [doc_no]" in requests and "と業第7号" in requests and "2026-11-30" in requests
        assert all(info.flag_bits & 0x1 for info in zf.infolist())  # every member encrypted
    with pyzipper.AESZipFile(target) as zf:
        zf.setpassword(b"wrong-password")
        with pytest.raises(RuntimeError):
            zf.read("manifest.json")
    assert b"\xe5\xb1\xb1\xe7\x94\xb0" not in target.read_bytes()  # 山田 nowhere in the clear


@pytest.mark.skipif(shutil.which("7z") is None, reason="7z (p7zip) is not installed")
def test_export_opens_with_7z(tokki, tmp_path: Path, monkeypatch) -> None:
    import csv

    target = _export(tokki, tmp_path, monkeypatch)
    out = tmp_path / "unzipped"
    done = subprocess.run(["7z", "x", f"-p{PASSWORD}", f"-o{out}", str(target)],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0
    with open(out / "18_complaints.csv", encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows[1][rows[0].index("内容 [content]")] == "カンマ, \"引用\" と改行\nあり"
    bad = subprocess.run(["7z", "t", "-pnot-it", str(target)], capture_output=True, text=True, check=False)
    assert bad.returncode != 0


def test_export_refusals(tokki, tmp_path: Path, monkeypatch, capsys: pytest.CaptureFixture[str]) -> None:
    target = _export(tokki, tmp_path, monkeypatch)
    before = target.read_bytes()
    assert tokki("export", str(target))[0] == 2  # never overwrites
    assert target.read_bytes() == before
    assert tokki("export", str(tmp_path / "h.zip"), as_user=HANDLER)[0] == 2
    monkeypatch.setenv("TOKKI_EXPORT_PASSWORD", "short")
    assert tokki("export", str(tmp_path / "s.zip"))[0] == 2
    assert tokki("export", str(tmp_path / "no-such-folder" / "x.zip"))[0] == 2
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix == ".zip") == ["export.zip"]
    assert not list(tmp_path.glob(".*part"))


def test_add_help_lists_fields_in_japanese(tokki, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        tokki("add", "people", "--help")
    assert done.value.code == 0
    text = capsys.readouterr().out
    assert "--employment-type" in text and "雇用形態" in text and "派遣" in text and "必須" in text
    code, _ = tokki("add")
    assert code == 2 and "台帳の種類" in capsys.readouterr().err


def test_list_order_by(tokki) -> None:
    for name, kana in (("伊藤 翔", "イトウ ショウ"), ("青木 恵", "アオキ メグミ"), ("鈴木 誠", "スズキ マコト")):
        assert tokki("add", "people", "--name", name, "--name-kana", kana)[0] == 0
    rows = json.loads(tokki("list", "people", "--json", "--order-by", "name_kana")[1])
    assert [r["name_kana"] for r in rows] == ["アオキ メグミ", "イトウ ショウ", "スズキ マコト"]
    rows = json.loads(tokki("list", "people", "--json", "--order-by", "name_kana", "--desc")[1])
    assert rows[0]["name_kana"] == "スズキ マコト"
    code, _ = tokki("list", "people", "--order-by", "name; DROP TABLE people")
    assert code == 2


def test_plain_status_reads_the_demo_ledger_as_the_readme_says(tmp_path, capsys) -> None:
    from tokki_desktop.demo import create_demo, demo_data_dir

    create_demo(demo_data_dir())  # the user folders are redirected to a temporary folder in tests
    out = io.StringIO()
    assert main(["status"], out=out) == 0
    assert out.getvalue().splitlines()[0].split("\t")[:3] == ["条", "見出し", "状態"]
    assert "デモ台帳" in capsys.readouterr().err
    listed = io.StringIO()
    assert main(["list", "people"], out=listed) == 0 and "田中 一郎" in listed.getvalue()


def test_status_on_a_real_ledger_names_the_missing_option(created_ledger, capsys, monkeypatch) -> None:
    monkeypatch.delenv("TOKKI_USER", raising=False)
    assert main(["--data-dir", str(created_ledger[0]), "status"], out=io.StringIO()) == 2
    err = capsys.readouterr().err
    assert "--user" in err and "tokki --user" in err


def test_help_speaks_one_language_at_a_time(monkeypatch, capsys) -> None:
    import re

    for lang, other in (("ja", r"ledger folder|show this help|usage:"), ("en", r"[ぁ-んァ-ン]")):
        monkeypatch.setenv("TOKKI_LANG", lang)
        with pytest.raises(SystemExit):
            main(["status", "--help"])
        text = capsys.readouterr().out
        assert not re.search(other, text), text
    assert "ledger folder" in text and "--data-dir" in text


def test_every_command_has_english_help(monkeypatch) -> None:
    """Each sub-command's help and each option's, walked through the parser (vault commands too).

    Register fields (``field__*``) are left out: their help shows the Japanese input they take
    (令和8年4月1日, a default such as 小金井市)."""
    import argparse
    import re

    from tokki_desktop.cli import build_parser

    monkeypatch.setenv("TOKKI_LANG", "en")
    japanese = re.compile(r"[ぁ-んァ-ン一-龥]")

    def walk(parser: argparse.ArgumentParser, path: str) -> list[str]:
        found = []
        for action in parser._actions:  # noqa: SLF001
            if action.help and action.help is not argparse.SUPPRESS and japanese.search(action.help) \
                    and not action.dest.startswith("field__") \
                    and not (action.choices and not isinstance(action.choices, dict)):
                found.append(f"{path} {action.dest}: {action.help}")
            if isinstance(action, argparse._SubParsersAction):  # noqa: SLF001
                for choice in action._choices_actions:  # noqa: SLF001
                    if choice.help and japanese.search(choice.help):
                        found.append(f"{path} {choice.dest}: {choice.help}")
                for name, child in action.choices.items():
                    found += walk(child, f"{path} {name}")
        return found

    assert walk(build_parser(), "tokki") == []

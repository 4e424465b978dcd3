"""``tokki scan`` and ``tokki fingerprint`` as users run them."""

from __future__ import annotations

import io
import json
from pathlib import Path

from tokki_desktop.cli import main


def run(argv: list[str]) -> tuple[int, str]:
    out = io.StringIO()
    code = main(argv, out=out)
    return code, out.getvalue()


def test_scan_json_lines_and_exit_codes(corpus) -> None:
    root, _ = corpus
    code, out = run(["scan", "--json", str(root / "neg/minutes.docx"), str(root / "neg/jobs.log")])
    assert code == 0
    lines = [json.loads(line) for line in out.splitlines()]
    assert [d["verdict"] for d in lines] == ["clean", "clean"]
    assert set(lines[0]) >= {"path", "verdict", "score", "findings", "format", "bytes", "ms", "reason", "dataset"}
    code, out = run(["scan", "--json", "--jobs", "2", str(root / "pos/bundle.zip"), str(root / "neg/prose.txt")])
    assert code == 1
    lines = [json.loads(line) for line in out.splitlines()]
    assert lines[0]["path"].endswith("bundle.zip") and lines[0]["verdict"] == "personal_data"
    assert any(d["path"].endswith("bundle.zip!資料/名簿.xlsx") for d in lines[1:])


def test_scan_without_ledger_never_prompts(corpus, tmp_path: Path, monkeypatch) -> None:
    root, _ = corpus
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    code, out = run(["scan", "--data-dir", str(tmp_path / "none"), str(root / "pos/letter.docx")])
    assert code == 1 and "個人情報あり" in out


def test_missing_path_is_an_error(tmp_path: Path) -> None:
    code, _ = run(["scan", str(tmp_path / "nope.txt")])
    assert code == 2


def test_fingerprint_add_list_and_scan_with_ledger(created_ledger, tmp_path: Path, monkeypatch,
                                                  roster_rows) -> None:
    data_dir, _ = created_ledger
    monkeypatch.setenv("TOKKI_PASSPHRASE", "officer-pass-1")
    csv = tmp_path / "entrusted.csv"
    csv.write_text("\n".join(",".join(r) for r in roster_rows) + "\n", encoding="cp932")
    base = ["--data-dir", str(data_dir), "--user", "boss"]
    code, out = run(["fingerprint", "add", *base, "国保名簿", str(csv)])
    assert code == 0 and "国保名簿" in out
    code, out = run(["fingerprint", "list", *base, "--json"])
    assert code == 0 and json.loads(out.splitlines()[0])["name"] == "国保名簿"
    names = tmp_path / "names.txt"
    names.write_text("\n".join(r[0] for r in roster_rows[1:20]) + "\n", "utf-8")
    code, out = run(["scan", "--json", *base, str(names)])
    assert code == 1 and json.loads(out)["dataset"] == "国保名簿"
    # The readable table (no --json) names the dataset in its explanation.
    code, out = run(["scan", *base, str(names)])
    assert "国保名簿" in out


def test_the_table_speaks_one_language_and_names_kinds_in_words(corpus, monkeypatch) -> None:
    from tokki_desktop.scanner.result import KINDS

    root, _ = corpus
    code, out = run(["scan", str(root / "pos")])
    head = out.splitlines()[0].split()
    assert head == ["判定", "点数", "形式", "サイズ", "パス"]
    monkeypatch.setenv("TOKKI_LANG", "en")
    code, out = run(["scan", str(root / "pos")])
    assert code == 1 and out.splitlines()[0].split() == ["verdict", "score", "format", "bytes", "path"]
    assert "Personal data" in out
    assert "personal data " in out and "personal_data" not in out
    reasons = "\n".join(line for line in out.splitlines() if line.startswith(" "))  # not the paths
    assert "My Number" in reasons
    assert not [k for k in KINDS if "_" in k and k in reasons], reasons  # no code such as my_number

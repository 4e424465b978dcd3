"""`tokki forms list` and `tokki forms render` through the real command line entry point."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest

from tokki_desktop.cli import main

from .conftest import pdf_text


def _run(args: list[str], monkeypatch: pytest.MonkeyPatch, lang: str = "ja") -> tuple[int, str]:
    monkeypatch.setenv("TOKKI_PASSPHRASE", "officer-pass-1")
    monkeypatch.setenv("TOKKI_LANG", lang)
    out = io.StringIO()
    return main(args, out=out), out.getvalue()


def test_list_names_every_form(monkeypatch: pytest.MonkeyPatch) -> None:
    code, out = _run(["forms", "list"], monkeypatch)
    assert code == 0
    for form_id in ("pledge_officer", "asset_ledger", "incident_report", "recovery_key", "audit_checkpoint"):
        assert form_id in out
    assert "個人情報管理台帳" in out
    code, out = _run(["forms", "list"], monkeypatch, lang="en")
    assert "Incident report" in out


def test_render_one_and_all(filled: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    filled["session"].close()  # the CLI opens its own session
    data_dir = str(filled["session"].files.data_dir)
    base = ["--data-dir", data_dir, "--user", "boss"]
    code, out = _run(["forms", "render", "receipt", "--id", str(filled["handover"]),
                      "--out", str(tmp_path / "r.pdf"), *base], monkeypatch)
    assert code == 0 and "1 ページ" in out
    assert "預り証" in pdf_text(tmp_path / "r.pdf").replace("　", "")
    code, out = _run(["forms", "render", "--all", "--out", str(tmp_path / "all"), *base], monkeypatch)
    assert code == 0
    # One file per form except the recovery-key sheet (one record of each kind in this ledger).
    assert len(list((tmp_path / "all").glob("*.pdf"))) == 24
    assert "recovery_key" in out  # named as not made, with the reason


def test_bad_invocations_exit_2_with_one_line(filled: dict[str, Any], tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    filled["session"].close()
    base = ["--data-dir", str(filled["session"].files.data_dir), "--user", "boss"]
    for args in (["forms", "render", "nope", "--out", str(tmp_path / "a.pdf")],
                 ["forms", "render", "pledge_officer", "--out", str(tmp_path / "a.pdf")],
                 ["forms", "render", "staff_report", "--out", str(tmp_path / "a.txt")],
                 ["forms", "render", "--out", str(tmp_path / "a.pdf")]):
        code, _ = _run(args + base, monkeypatch)
        assert code == 2
        err = capsys.readouterr().err
        assert err.startswith("tokki: ") and err.count("\n") == 1
    assert list(tmp_path.glob("*.pdf")) == []


def test_forms_sharing_a_printed_title_are_told_apart_in_lists():
    from tokki_desktop.forms import list_forms

    titles = [f.menu_title for f in list_forms()]
    assert "誓約書（取扱責任者）" in titles and "誓約書（従事者）" in titles
    assert len(titles) == len(set(titles))

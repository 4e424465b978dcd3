"""The foundation's CLI: exit codes, one-line messages, the recovery key printed once."""

from __future__ import annotations

import io
import re

import pytest

from tokki_desktop.cli import main


def run(argv: list[str], monkeypatch, passphrase: str | None = None, **env: str) -> tuple[int, str]:
    if passphrase is not None:
        monkeypatch.setenv("TOKKI_PASSPHRASE", passphrase)
    for k, v in env.items():
        monkeypatch.setenv(k, v)
    out = io.StringIO()
    code = main(argv, out=out)
    return code, out.getvalue()


@pytest.fixture
def ledger_dir(tmp_path, monkeypatch):
    d = tmp_path / "l"
    code, out = run(["--data-dir", str(d), "init", "--contract", "テスト契約", "--contractor", "株式会社テスト",
                     "--officer", "boss", "--name", "責任 太郎"], monkeypatch, "officer-pass-1")
    assert code == 0
    assert re.search(r"^recovery-key: (\w{4}-){7}\w{4}$", out, re.M)
    return d


def test_init_verify_checkpoint(ledger_dir, monkeypatch):
    code, out = run(["--data-dir", str(ledger_dir), "--user", "boss", "verify"], monkeypatch, "officer-pass-1")
    assert code == 0 and out.startswith("OK")
    code, out = run(["--data-dir", str(ledger_dir), "--user", "boss", "checkpoint"], monkeypatch, "officer-pass-1")
    cp = re.search(r"checkpoint: (\d+:[0-9a-f]{64})", out).group(1)
    code, out = run(["--data-dir", str(ledger_dir), "--user", "boss", "verify", "--checkpoint", cp],
                    monkeypatch, "officer-pass-1")
    assert code == 0


def test_verify_finds_tampering_exit_1(ledger_dir, monkeypatch):
    from tokki_desktop.session import unlock

    with unlock(ledger_dir, "boss", "officer-pass-1") as s:
        s.ledger.conn.execute("DROP TRIGGER audit_no_update")
        s.ledger.conn.execute("UPDATE audit_log SET actor='someone' WHERE seq=2")
    code, out = run(["--data-dir", str(ledger_dir), "--user", "boss", "verify"], monkeypatch, "officer-pass-1")
    assert code == 1 and "NG" in out


def test_wrong_passphrase_exit_2_one_line(ledger_dir, monkeypatch, capsys):
    code, _ = run(["--data-dir", str(ledger_dir), "--user", "boss", "verify"], monkeypatch, "wrong-pass-1")
    err = capsys.readouterr().err.strip()
    assert code == 2 and len(err.splitlines()) == 1 and "パスフレーズが違います" in err
    code, _ = run(["--data-dir", str(ledger_dir), "--user", "boss", "verify"], monkeypatch, "wrong-pass-1",
                  TOKKI_LANG="en")
    assert "not correct" in capsys.readouterr().err


def test_users_and_passwd(ledger_dir, monkeypatch):
    base = ["--data-dir", str(ledger_dir), "--user", "boss"]
    code, _ = run(base + ["user", "add", "hana", "--role", "handler", "--name", "従事 花子"], monkeypatch,
                  "officer-pass-1", TOKKI_NEW_PASSPHRASE="handler-pass-1")
    assert code == 0
    code, out = run(base + ["user", "list"], monkeypatch, "officer-pass-1")
    assert "hana\t従事者\t従事 花子" in out
    h = ["--data-dir", str(ledger_dir), "--user", "hana"]
    code, _ = run(h + ["user", "add", "x2", "--role", "handler", "--name", "x"], monkeypatch, "handler-pass-1",
                  TOKKI_NEW_PASSPHRASE="whatever-123")
    assert code == 2  # a handler may not add users
    code, _ = run(h + ["passwd"], monkeypatch, "handler-pass-1", TOKKI_NEW_PASSPHRASE="handler-pass-2")
    assert code == 0
    code, _ = run(h + ["verify"], monkeypatch, "handler-pass-2")
    assert code == 0


def test_backup_and_restore_commands(ledger_dir, tmp_path, monkeypatch):
    base = ["--data-dir", str(ledger_dir), "--user", "boss"]
    code, out = run(base + ["backup", str(tmp_path / "b.tokki")], monkeypatch, "officer-pass-1")
    assert code == 0
    # The backup is older than the ledger (its own record, this unlock): refused until confirmed.
    code, out = run(base + ["restore", str(tmp_path / "b.tokki")], monkeypatch, "officer-pass-1")
    assert code == 2 and "replaced-" not in out
    code, out = run(base + ["restore", str(tmp_path / "b.tokki"), "--confirm-loss"], monkeypatch, "officer-pass-1")
    assert code == 0 and "replaced-" in out
    code, out = run(base + ["restore", str(tmp_path / "missing.tokki")], monkeypatch, "officer-pass-1")
    assert code == 2


def test_missing_ledger_and_usage(tmp_path, monkeypatch):
    code, _ = run(["--data-dir", str(tmp_path / "none"), "--user", "a", "verify"], monkeypatch, "x" * 10)
    assert code == 2
    code, _ = run([], monkeypatch)
    assert code == 2


def test_demo_prints_login_and_passphrase(tmp_path, monkeypatch):
    code, out = run(["--data-dir", str(tmp_path / "demo"), "demo"], monkeypatch)
    assert code == 0
    login = re.search(r"^login: (\S+)$", out, re.M).group(1)
    passphrase = re.search(r"^passphrase: (\S+)$", out, re.M).group(1)
    code, _ = run(["--data-dir", str(tmp_path / "demo"), "--user", login, "verify"], monkeypatch, passphrase)
    assert code == 0


def test_init_can_write_the_recovery_key_sheet(tmp_path, monkeypatch):
    from pypdf import PdfReader

    sheet = tmp_path / "recovery.pdf"
    code, out = run(["--data-dir", str(tmp_path / "l"), "init", "--contract", "c", "--contractor", "株式会社テスト",
                     "--officer", "boss", "--name", "責任 太郎", "--recovery-sheet", str(sheet)],
                    monkeypatch, "officer-pass-1")
    assert code == 0
    key = re.search(r"^recovery-key: (\S+)$", out, re.M).group(1)
    text = "".join(page.extract_text() for page in PdfReader(sheet).pages)
    assert key in text.replace(" ", "")

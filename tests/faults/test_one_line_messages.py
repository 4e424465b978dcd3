"""A known error is one line in the user's language, and SQLCipher prints nothing of its own."""

from __future__ import annotations

import inspect
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import OFFICER
from tokki_desktop import errors

ROOT = Path(__file__).resolve().parents[2]


def _tokki(data_dir: Path, *args: str, lang: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("TOKKI_")}
    env.update(TOKKI_PASSPHRASE=OFFICER[2], TOKKI_KDF_PROFILE="fast", PYTHONPATH=str(ROOT))
    if lang:
        env["TOKKI_LANG"] = lang
    return subprocess.run([sys.executable, "-c", "from tokki_desktop.cli import main; raise SystemExit(main())",
                           "--data-dir", str(data_dir), "--user", OFFICER[0], *args],
                          capture_output=True, text=True, env=env, timeout=120)


@pytest.mark.parametrize("lang, expected", [("", "台帳ファイルが壊れているか"), ("en", "The ledger file is damaged")])
def test_a_damaged_ledger_is_one_line_without_sqlciphers_log(created_ledger, lang: str, expected: str) -> None:
    data_dir = created_ledger[0]
    path = data_dir / "ledger.tokki"
    data = bytearray(path.read_bytes())
    for page in range(1, len(data) // 4096):
        data[page * 4096 + 200] ^= 0xFF
    path.write_bytes(bytes(data))
    done = _tokki(data_dir, "verify", lang=lang)
    assert done.returncode == 2
    assert "ERROR CORE" not in done.stderr and "hmac" not in done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and expected in lines[0], done.stderr


def _instances() -> list[errors.KnownError]:
    """One instance of every known error class in errors.py, with sample arguments."""
    samples = {"where": "D", "size": 10, "what_ja": "x", "what_en": "x", "login": "a", "wait_seconds": 3.0,
               "fstype": "nfs", "free_bytes": 1234, "action_ja": "x", "action_en": "x", "field_ja": "x",
               "field_en": "x", "why_ja": "x", "why_en": "x", "ident": 1, "lost": 2, "first_seq": 3,
               "last_seq": 4, "backup_seq": 2, "actions": {"insert": 2}, "detail_ja": "", "detail_en": ""}
    out = []
    for _, cls in inspect.getmembers(errors, inspect.isclass):
        if issubclass(cls, errors.KnownError) and cls is not errors.KnownError:
            params = [p for p in inspect.signature(cls.__init__).parameters if p != "self"]
            out.append(cls(**{p: samples[p] for p in params}))
    return out


@pytest.mark.parametrize("error", _instances(), ids=lambda e: type(e).__name__)
def test_every_known_error_is_one_line_in_both_languages(error: errors.KnownError) -> None:
    for lang in ("ja", "en"):
        text = error.message(lang)
        assert text and "\n" not in text
    assert error.message("ja") != error.message("en")

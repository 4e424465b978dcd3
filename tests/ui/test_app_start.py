"""The command line: --smoke-test (CI) end to end, and the translation build."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QTranslator

from tokki_desktop.ui.i18n_build import build
from tokki_desktop.ui.resources import ts_dir


def _run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "TOKKI_KDF_PROFILE": "fast"}
    return subprocess.run([sys.executable, "-m", "tokki_desktop.ui.app", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=120, check=False)


def test_smoke_test_logs_in_to_a_demo_ledger_and_exits_0(tmp_path: Path) -> None:
    folder = tmp_path / "demo"
    done = _run("--smoke-test", "--data-dir", str(folder), "--lang", "en", cwd=tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "smoke test: ok" in done.stdout
    assert (folder / "ledger.tokki").is_file()
    assert "Traceback" not in done.stderr
    # The demo passphrase is for the screen, not for logs or output.
    assert "tokki-demo" not in done.stdout + done.stderr


def test_smoke_test_reopens_an_existing_demo_ledger(tmp_path: Path) -> None:
    folder = tmp_path / "demo"
    assert _run("--smoke-test", "--data-dir", str(folder), cwd=tmp_path).returncode == 0
    before = (folder / "ledger.keys").read_bytes()
    again = _run("--smoke-test", "--data-dir", str(folder), cwd=tmp_path)
    assert again.returncode == 0, again.stdout + again.stderr
    assert (folder / "ledger.keys").read_bytes() == before  # never recreated


def test_i18n_build_compiles_a_loadable_japanese_catalogue(tmp_path: Path, qapp) -> None:
    assert build(tmp_path, quiet=True) == 0
    qm = tmp_path / "tokki_ja.qm"
    translator = QTranslator()
    assert translator.load(str(qm))
    assert translator.translate("Roles", "Responsible officer") == "取扱責任者"
    assert {p.stem for p in ts_dir().glob("*.ts")} == {p.stem for p in tmp_path.glob("*.qm")}

"""`tokki watch|monitor|detections|resolve|quarantine|inventory` as a user runs them."""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import HANDLER, OFFICER
from tests.monitor.helpers import SECRETS, wait_for, write_roster
from tokki_desktop.cli import main


def run(data_dir: Path, who: tuple[str, str, str], *args: str, monkeypatch: pytest.MonkeyPatch) -> tuple[int, str]:
    monkeypatch.setenv("TOKKI_PASSPHRASE", who[2])
    monkeypatch.setenv("TOKKI_LANG", "en")
    out = io.StringIO()
    code = main(["--data-dir", str(data_dir), "--user", who[0], *args], out=out)
    return code, out.getvalue()


def test_watch_monitor_detect_and_resolve(created_ledger, tmp_path: Path, monkeypatch, capsys) -> None:
    data_dir = created_ledger[0]
    folder = tmp_path / "Downloads"
    folder.mkdir()
    assert run(data_dir, HANDLER, "watch", "add", str(folder), monkeypatch=monkeypatch)[0] == 2  # officer only
    assert run(data_dir, OFFICER, "watch", "add", str(folder), "--place", "DL", monkeypatch=monkeypatch)[0] == 0
    code, out = run(data_dir, HANDLER, "watch", "list", monkeypatch=monkeypatch)
    assert code == 0 and "DL" in out and str(folder) in out
    assert run(data_dir, OFFICER, "watch", "add", str(tmp_path / "nope"), monkeypatch=monkeypatch)[0] == 2

    env = dict(os.environ, TOKKI_PASSPHRASE=OFFICER[2], TOKKI_LANG="en")
    proc = subprocess.Popen([sys.executable, "-m", "tokki_desktop.cli", "--data-dir", str(data_dir), "--user", OFFICER[0],
                             "monitor"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    try:
        assert proc.stdout is not None
        assert "monitoring" in proc.stdout.readline()
        write_roster(folder / "住民名簿.csv")
        line = proc.stdout.readline()
        assert "\tdetection\tDL\tcopy_without_approval\t" in line
    finally:
        proc.send_signal(signal.SIGTERM)
        rest, err = proc.communicate(timeout=30)
    assert proc.returncode == 0 and "monitor stopped" in rest
    for text in (line, rest, err):
        assert "住民名簿" not in text  # file names stay out of the log
        for secret in SECRETS:
            assert secret not in text

    code, out = run(data_dir, HANDLER, "detections", "--open", "--json", monkeypatch=monkeypatch)
    assert code == 1
    det = json.loads(out.splitlines()[0])
    assert det["rule"] == "copy_without_approval" and det["examples"]
    for secret in SECRETS:
        assert secret not in out
    assert run(data_dir, HANDLER, "resolve", str(det["id"]), "quarantine", monkeypatch=monkeypatch)[0] == 2
    code, out = run(data_dir, OFFICER, "resolve", str(det["id"]), "quarantine", monkeypatch=monkeypatch)
    assert code == 0 and not (folder / "住民名簿.csv").exists()
    code, out = run(data_dir, OFFICER, "quarantine", "list", "--json", monkeypatch=monkeypatch)
    q = json.loads(out.splitlines()[0])
    assert q["status"] == "held"
    code, out = run(data_dir, OFFICER, "quarantine", "restore", str(q["id"]), monkeypatch=monkeypatch)
    assert code == 0 and (folder / "住民名簿.csv").exists()
    code, out = run(data_dir, OFFICER, "resolve", str(det["id"]), "approve", monkeypatch=monkeypatch)
    assert code == 2  # already resolved
    assert "already been resolved" in capsys.readouterr().err
    assert run(data_dir, OFFICER, "detections", "--open", monkeypatch=monkeypatch)[0] == 0

    code, out = run(data_dir, OFFICER, "inventory", "--json", monkeypatch=monkeypatch)
    inv = json.loads(out)
    assert code == 1 and (inv["files"], inv["personal_data"]) == (1, 1)
    assert run(data_dir, OFFICER, "watch", "remove", str(folder), monkeypatch=monkeypatch)[0] == 0
    assert run(data_dir, OFFICER, "watch", "remove", str(folder), monkeypatch=monkeypatch)[0] == 2
    assert run(data_dir, OFFICER, "resolve", "999", "removed", monkeypatch=monkeypatch)[0] == 2


def test_monitor_stop_needs_an_officer(created_ledger, monkeypatch) -> None:
    data_dir = created_ledger[0]
    assert run(data_dir, HANDLER, "monitor", "--stop", monkeypatch=monkeypatch)[0] == 2
    assert run(data_dir, OFFICER, "monitor", "--stop", monkeypatch=monkeypatch)[0] == 0
    assert run(data_dir, OFFICER, "monitor", "--auto-quarantine", "on", monkeypatch=monkeypatch)[0] == 0


def test_monitor_without_a_terminal_key_says_so(created_ledger, monkeypatch, capsys) -> None:
    data_dir = created_ledger[0]
    monkeypatch.setenv("TOKKI_LANG", "en")
    code = main(["--data-dir", str(data_dir), "monitor", "--terminal"], out=io.StringIO())
    assert code == 2
    assert "terminal key is not available" in capsys.readouterr().err


def test_a_busy_ledger_does_not_stop_the_monitor_from_starting(officer_session, tmp_path: Path) -> None:
    from tests.monitor.helpers import FAST
    from tokki_desktop.ledger.db import Ledger
    from tokki_desktop.monitor.media import ListedMedia
    from tokki_desktop.monitor.service import Monitor, spool_for

    spool_for(officer_session).append("gap", {"gap_from": "a", "gap_to": "b", "reason": "killed"})
    other = Ledger.connect(officer_session.files.ledger, officer_session._data_key)
    try:
        other.execute("BEGIN IMMEDIATE")  # the UI writes for a while
        mon = Monitor(officer_session, media=ListedMedia(), options=FAST)
        mon.start()
        assert officer_session.ledger.read("SELECT id FROM monitor_runs") == []
        other.execute("ROLLBACK")
        assert wait_for(lambda: officer_session.ledger.read("SELECT id FROM monitor_runs"), 10)
        mon.stop()
    finally:
        other.close()
    assert len(officer_session.ledger.read("SELECT id FROM monitor_gaps")) == 1

"""The command line end to end: enrol, join (code from the environment), run, import, detections."""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import OFFICER
from tests.monitor.helpers import ROSTER, SECRETS
from tokki_desktop.cli import main

ROOT = Path(__file__).resolve().parents[2]


def run(argv: list[str]) -> tuple[int, str]:
    out = io.StringIO()
    code = main(argv, out=out)
    return code, out.getvalue()


def test_enrol_join_run_import_from_the_command_line(created_ledger, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    data_dir = str(created_ledger[0])
    monkeypatch.setenv("TOKKI_PASSPHRASE", OFFICER[2])
    site = ["--data-dir", data_dir, "--user", OFFICER[0], "site"]
    drop, docs, agent_dir = tmp_path / "drop", tmp_path / "docs", tmp_path / "agent"
    docs.mkdir()
    code, out = run([*site, "enrol", "受付", "--drop", str(drop), "--watch", str(docs),
                     "--out", str(tmp_path / "受付.tkenrol")])
    assert code == 0
    [enrol_code] = [line.split(": ", 1)[1] for line in out.splitlines() if line.startswith("code: ")]

    monkeypatch.setenv("TOKKI_ENROL_CODE", "WRONG-WRONG-WRONG-WRONG")
    code, _ = run(["agent", "--agent-dir", str(agent_dir), "join", str(tmp_path / "受付.tkenrol"), "--no-keyring"])
    assert code == 2 and "登録コード" in capsys.readouterr().err
    monkeypatch.setenv("TOKKI_ENROL_CODE", enrol_code)
    code, out = run(["agent", "--agent-dir", str(agent_dir), "join", str(tmp_path / "受付.tkenrol"), "--no-keyring"])
    assert code == 0 and "受付" in out

    env = dict(os.environ, PYTHONPATH=str(ROOT), TOKKI_LANG="en")
    env.pop("TOKKI_PASSPHRASE")
    agent = subprocess.Popen([sys.executable, "-m", "tokki_desktop.cli", "agent", "--agent-dir", str(agent_dir),
                              "run"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    try:
        assert agent.stdout is not None
        assert "agent running" in agent.stdout.readline()
        (docs / "list.csv").write_text(ROSTER, encoding="utf-8")
        end = time.monotonic() + 30
        while time.monotonic() < end and not list(drop.glob("*.tkb")):
            time.sleep(0.1)
        time.sleep(3)  # the completion wait and the scan
    finally:
        agent.send_signal(signal.SIGTERM)
        out, err = agent.communicate(timeout=30)
    assert agent.returncode == 0, err
    assert "detection" in out and "list.csv" not in out  # the person at the terminal is alerted
    for secret in SECRETS:
        assert secret not in out + err

    code, out = run([*site, "import"])
    assert code == 0 and "imported" in out
    code, out = run(["--data-dir", data_dir, "--user", OFFICER[0], "detections", "--json"])
    dets = [json.loads(line) for line in out.splitlines()]
    assert [d["terminal"] for d in dets] == ["受付"]
    code, out = run([*site, "list", "--json"])
    [row] = [json.loads(line) for line in out.splitlines()]
    assert row["name"] == "受付" and row["status"] == "active" and row["open_detections"] == 1
    assert "sealed_key" not in row
    code, out = run([*site, "revoke", "受付"])
    assert code == 0
    code, _ = run([*site, "revoke", "受付"])
    assert code == 2


def test_a_quarantine_requested_from_the_command_line_is_done_on_the_terminal(
        created_ledger, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.monitor.helpers import write_roster
    from tests.worksite.helpers import start_agent
    from tokki_desktop.site.agent import join

    data_dir = str(created_ledger[0])
    monkeypatch.setenv("TOKKI_PASSPHRASE", OFFICER[2])
    top = ["--data-dir", data_dir, "--user", OFFICER[0]]
    drop, docs = tmp_path / "drop", tmp_path / "docs"
    docs.mkdir()
    code, out = run([*top, "site", "enrol", "受付", "--drop", str(drop), "--watch", str(docs),
                     "--out", str(tmp_path / "受付.tkenrol")])
    [enrol_code] = [line.split(": ", 1)[1] for line in out.splitlines() if line.startswith("code: ")]
    join(tmp_path / "agent", tmp_path / "受付.tkenrol", enrol_code, use_keyring=False)
    agent = start_agent(tmp_path / "agent")
    try:
        write_roster(docs / "山田太郎様_申請書.csv")

        def detections() -> list[dict]:
            run([*top, "site", "import"])
            return [json.loads(line) for line in run([*top, "detections", "--json"])[1].splitlines()]

        end = time.monotonic() + 20
        while not (dets := detections()) and time.monotonic() < end:
            time.sleep(0.2)
        [det] = dets
        assert det["terminal"] == "受付" and "山田太郎" not in det["path"] and det["path"].endswith("様_申請書.csv")
        monkeypatch.setenv("TOKKI_LANG", "en")
        code, out = run([*top, "resolve", str(det["id"]), "quarantine"])
        assert code == 0 and "requested from its terminal" in out

        def states() -> list[dict]:
            run([*top, "site", "import"])
            return [json.loads(line) for line in run([*top, "site", "resolutions", "--json"])[1].splitlines()]

        end = time.monotonic() + 20
        while states()[0]["state"] != "done" and time.monotonic() < end:
            time.sleep(0.2)
        [r] = states()
        assert (r["state"], r["kind"], r["terminal"], r["reason"]) == ("done", "quarantine", "受付", None)
        code, out = run([*top, "site", "resolutions"])
        assert "\tdone\t" in out
        code, out = run([*top, "site", "list", "--json"])
        row = json.loads(out.splitlines()[0])
        assert (row["resolutions_waiting"], row["resolutions_failed"], row["open_detections"]) == (0, 0, 0)
    finally:
        agent.stop()
    assert not (docs / "山田太郎様_申請書.csv").exists()

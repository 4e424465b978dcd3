"""kill -9 of an agent mid-delivery, and a drop folder that is missing, read-only or full."""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.worksite.helpers import enrol_and_join
from tokki_desktop.site import agent_status
from tokki_desktop.site.agent import Agent
from tokki_desktop.site.intake import SiteIntake

CHILD = Path(__file__).with_name("agent_child.py")
ROOT = Path(__file__).resolve().parents[2]


def test_kill_9_mid_delivery_loses_nothing_and_doubles_nothing(officer_session, tmp_path: Path) -> None:
    drop = tmp_path / "drop"
    agent_dir, _ = enrol_and_join(officer_session, tmp_path, "端末1", drop)
    rng = random.Random(14)
    acked: set[int] = set()
    start = 0
    intake = SiteIntake(officer_session)
    env = dict(os.environ, PYTHONPATH=str(ROOT), PYTHONUNBUFFERED="1")
    for _ in range(6):
        child = subprocess.Popen([sys.executable, str(CHILD), str(agent_dir), str(start)], stdout=subprocess.PIPE,
                                 text=True, env=env)
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0.05, 0.4))
        os.kill(child.pid, signal.SIGKILL)
        out, _ = child.communicate()
        got = [int(x.split()[1]) for x in out.splitlines() if x.startswith("ack ")]
        acked.update(got)
        start = max(acked) + 1 if acked else start
        intake.take_in()  # the site takes in while the terminal keeps crashing
    agent = Agent(agent_dir)
    try:
        agent.deliver_now()
    finally:
        agent.index.close()
    report = intake.take_in()
    assert acked, "the child never acknowledged a record"
    uids = {r[0] for r in officer_session.ledger.read(
        "SELECT record_uid FROM monitor_media_events WHERE terminal = '端末1'")}
    assert {f"{i:032x}" for i in acked} <= uids  # nothing lost
    rows = officer_session.ledger.read("SELECT count(*), count(DISTINCT record_uid) FROM monitor_media_events")
    assert rows[0][0] == rows[0][1]  # nothing doubled
    assert report.duplicates == 0
    # A bundle delivered again, byte for byte, after a kill between its delivery and its
    # removal from the outbox, is acknowledged quietly: a crash causes no refusal.
    assert not (drop / "refused").exists()
    assert officer_session.ledger.read_one("SELECT count(*) FROM site_refusals")[0] == 0
    gaps = officer_session.ledger.read_one("SELECT count(*) FROM site_gaps")[0]
    assert gaps == 0


def _heartbeats(agent: Agent, n: int) -> None:
    for _ in range(n):
        agent.spool.append("heartbeat", {"run_uid": "r", "at": agent.clock.now().isoformat(), "policy_version": 1})


def _status(agent_dir: Path, monkeypatch: pytest.MonkeyPatch, lang: str, *json_flag: str) -> tuple[int, str]:
    """``tokki agent --agent-dir A status`` in ``lang``, as another process would run it."""
    import io

    from tokki_desktop.cli import main

    monkeypatch.setenv("TOKKI_LANG", lang)
    out = io.StringIO()
    code = main(["agent", "--agent-dir", str(agent_dir), "status", *json_flag], out=out)
    return code, out.getvalue()


def test_missing_drop_folder_keeps_everything_until_it_is_back(officer_session, tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    drop = tmp_path / "drop"
    agent_dir, _ = enrol_and_join(officer_session, tmp_path, "端末1", drop)
    shutil.rmtree(drop)  # the USB stick is in the officer's pocket
    agent = Agent(agent_dir)
    try:
        _heartbeats(agent, 3)
        assert agent.deliver_now() == 0
        assert "見つかりません" in agent.status.problem_ja and "not there" in agent.status.problem_en
        _heartbeats(agent, 2)
        assert agent.deliver_now() == 0
        assert agent.spool.pending() == 2 and len(agent._outbox_files()) == 1
        assert not drop.exists()  # never created by the agent: it may be a mount point
        # agent status (another process) names the problem, since when, and what waits.
        code, out = _status(agent_dir, monkeypatch, "ja")
        assert code == 1 and "受け渡しフォルダが見つかりません" in out and "未配送: 5 件" in out
        code, out = _status(agent_dir, monkeypatch, "en")
        assert "the drop folder is not there since 2" in out and "waiting: 5 record(s)" in out
        code, out = _status(agent_dir, monkeypatch, "en", "--json")
        doc = json.loads(out)
        assert (doc["problem"], doc["records_waiting"], doc["outbox_bundles"], doc["spool_records"]) == (
            "missing", 5, 1, 2)
        assert doc["since"] and doc["last_delivered_at"] is None
        drop.mkdir()
        assert agent.deliver_now() == 2
        assert agent.status.waiting == 0 and agent.spool.pending() == 0
        code, out = _status(agent_dir, monkeypatch, "en", "--json")
        doc = json.loads(out)
        assert code == 0 and doc["problem"] is None and doc["records_waiting"] == 0 and doc["last_delivered_at"]
    finally:
        agent.index.close()
    report = SiteIntake(officer_session).take_in()
    assert report.bundles == 2 and report.records == 5 and not report.gaps


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0,
                    reason="file modes do not stop root (or Windows); the tmpfs test covers a refused write as root")
def test_read_only_drop_folder_keeps_everything(officer_session, tmp_path: Path) -> None:
    drop = tmp_path / "drop"
    agent_dir, _ = enrol_and_join(officer_session, tmp_path, "端末1", drop)
    os.chmod(drop, 0o500)
    agent = Agent(agent_dir)
    try:
        _heartbeats(agent, 2)
        assert agent.deliver_now() == 0
        assert "書き込めません" in agent.status.problem_ja
        os.chmod(drop, 0o700)
        assert agent.deliver_now() == 1
    finally:
        os.chmod(drop, 0o700)
        agent.index.close()
    assert SiteIntake(officer_session).take_in().records == 2


def _mount_tmpfs(target: Path, size: str, *options: str) -> bool:
    if os.name != "posix" or os.geteuid() != 0 or shutil.which("mount") is None:
        return False
    target.mkdir(parents=True, exist_ok=True)
    opts = ",".join((f"size={size}", *options))
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", opts, "tmpfs", str(target)], capture_output=True)
    return done.returncode == 0


def _umount(target: Path) -> None:
    subprocess.run(["umount", str(target)], capture_output=True)


def test_full_drop_folder_keeps_everything(officer_session, tmp_path: Path) -> None:
    drop = tmp_path / "drop"
    if not _mount_tmpfs(drop, "64k"):
        pytest.skip("mounting a small tmpfs needs root and a mount command that is allowed here")
    try:
        agent_dir, _ = enrol_and_join(officer_session, tmp_path, "端末1", drop)
        filler = drop / "filler"
        fd = os.open(filler, os.O_WRONLY | os.O_CREAT, 0o600)
        try:
            while True:
                os.write(fd, b"\0" * 4096)
        except OSError:
            pass  # full now
        finally:
            os.close(fd)
        agent = Agent(agent_dir)
        try:
            _heartbeats(agent, 200)
            assert agent.deliver_now() == 0
            assert "空き" in agent.status.problem_ja and "full" in agent.status.problem_en
            assert agent_status.read(agent_dir).problem == "full"
            assert agent_status.waiting(agent_dir)["records_waiting"] == 200
            assert not [n for n in os.listdir(drop) if n.endswith(".tmp")]  # no half-written temporary
            filler.unlink()
            assert agent.deliver_now() == 1
        finally:
            agent.index.close()
        assert SiteIntake(officer_session).take_in().records == 200
    finally:
        _umount(drop)


def test_read_only_mounted_drop_folder_keeps_everything(officer_session, tmp_path: Path) -> None:
    drop = tmp_path / "drop"
    if not _mount_tmpfs(drop, "1m"):
        pytest.skip("mounting a small tmpfs needs root and a mount command that is allowed here")
    try:
        agent_dir, _ = enrol_and_join(officer_session, tmp_path, "端末1", drop)
        subprocess.run(["mount", "-o", "remount,ro", str(drop)], check=True, capture_output=True)
        agent = Agent(agent_dir)
        try:
            _heartbeats(agent, 3)
            assert agent.deliver_now() == 0
            assert "書き込めません" in agent.status.problem_ja
            assert agent_status.read(agent_dir).problem == "read_only"
            subprocess.run(["mount", "-o", "remount,rw", str(drop)], check=True, capture_output=True)
            assert agent.deliver_now() == 1
        finally:
            agent.index.close()
        assert SiteIntake(officer_session).take_in().records == 3
    finally:
        _umount(drop)


def test_a_damaged_numbering_record_stops_the_agent_with_a_clear_message(officer_session, tmp_path: Path) -> None:
    from tokki_desktop.site.errors import AgentStateDamaged

    agent_dir, _ = enrol_and_join(officer_session, tmp_path, "端末1", tmp_path / "drop")
    agent = Agent(agent_dir)
    try:
        _heartbeats(agent, 1)
        assert agent.deliver_now() == 1
        (agent_dir / "state.json").write_bytes(b"\x00garbage")
        _heartbeats(agent, 1)
        with pytest.raises(AgentStateDamaged) as exc:
            agent.deliver_now()
        assert "state.json" in exc.value.message("ja")
        assert agent.spool.pending() == 1  # kept
    finally:
        agent.index.close()


def test_a_write_protected_drop_folder_at_the_site_imports_once_and_refuses_once(officer_session,
                                                                                tmp_path: Path) -> None:
    from tokki_desktop.site.intake import SiteIntake

    drop = tmp_path / "drop"
    if not _mount_tmpfs(drop, "1m"):
        pytest.skip("mounting a small tmpfs needs root and a mount command that is allowed here")
    try:
        agent_dir, _ = enrol_and_join(officer_session, tmp_path, "端末1", drop)
        agent = Agent(agent_dir)
        try:
            _heartbeats(agent, 1)
            agent.deliver_now()
            _heartbeats(agent, 1)
            agent.deliver_now()
        finally:
            agent.index.close()
        second = sorted(drop.glob("*.tkb"))[1]
        blob = bytearray(second.read_bytes())
        blob[-1] ^= 1
        second.write_bytes(bytes(blob))
        subprocess.run(["mount", "-o", "remount,ro", str(drop)], check=True, capture_output=True)
        intake = SiteIntake(officer_session)
        first = intake.take_in()
        again = intake.take_in()
        assert first.bundles == 1 and [r.reason for r in first.refused] == ["tampered"]
        assert again.bundles == 0 and again.refused == []
        assert officer_session.ledger.read_one("SELECT count(*) FROM site_refusals")[0] == 1
    finally:
        _umount(drop)

"""Bad bundles are refused with a clear line and kept as evidence; missing ones are named."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path
from typing import Any

import pytest

from tests.worksite.helpers import enrol_and_join
from tokki_desktop.registers.compliance import evaluate
from tokki_desktop.site.agent import Agent
from tokki_desktop.site.enrol import revoke, terminals
from tokki_desktop.site.intake import SiteIntake


def deliver(agent_dir: Path, n: int = 1, clock: Any = None) -> list[Path]:
    """Deliver ``n`` bundles of one heartbeat each, without watching anything."""
    agent = Agent(agent_dir, clock=clock)
    try:
        out = []
        for _ in range(n):
            agent.spool.append("heartbeat", {"run_uid": "r", "at": agent.clock.now().isoformat(),
                                             "policy_version": 1})
            assert agent.deliver_now() == 1
            seq, _ = agent._state()
            out.append(agent.drop / f"{agent.uid}-{seq:010d}.tkb")
        return out
    finally:
        agent.index.close()


def refusals(session: Any) -> list[str]:
    return [r["reason"] for r in session.ledger.read("SELECT reason FROM site_refusals ORDER BY id")]


def findings(session: Any, rule: str, now: dt.datetime) -> list[Any]:
    return [f for f in evaluate(session, now).findings if f.rule == rule]


def test_an_edited_bundle_is_refused_and_kept(officer_session, tmp_path: Path) -> None:
    drop = tmp_path / "drop"
    agent_dir, _ = enrol_and_join(officer_session, tmp_path, "端末1", drop)
    [path] = deliver(agent_dir)
    blob = bytearray(path.read_bytes())
    blob[-20] ^= 0x01
    path.write_bytes(bytes(blob))
    report = SiteIntake(officer_session).take_in()
    assert [r.reason for r in report.refused] == ["tampered"]
    assert "改ざん" in report.refused[0].message("ja")
    assert "altered" in report.refused[0].message("en")
    assert not path.exists()
    assert (drop / "refused" / f"{path.name}.tampered").read_bytes() == bytes(blob)
    assert refusals(officer_session) == ["tampered"]
    assert officer_session.ledger.read_one("SELECT count(*) FROM site_bundles")[0] == 0


def test_a_truncated_or_foreign_format_file_is_refused_as_damaged(officer_session, tmp_path: Path) -> None:
    drop = tmp_path / "drop"
    agent_dir, _ = enrol_and_join(officer_session, tmp_path, "端末1", drop)
    [path] = deliver(agent_dir)
    path.write_bytes(path.read_bytes()[:10])
    report = SiteIntake(officer_session).take_in()
    assert [r.reason for r in report.refused] == ["damaged"]


def test_the_same_bundle_delivered_again_is_acknowledged_quietly(officer_session, tmp_path: Path) -> None:
    """A kill between delivery and outbox removal delivers the bundle again, byte for byte:
    counted, removed, not a refusal and not a finding."""
    drop = tmp_path / "drop"
    agent_dir, _ = enrol_and_join(officer_session, tmp_path, "端末1", drop)
    [path] = deliver(agent_dir)
    copy = tmp_path / "copy.tkb"
    shutil.copy(path, copy)
    assert SiteIntake(officer_session).take_in().bundles == 1
    shutil.copy(copy, path)
    report = SiteIntake(officer_session).take_in()
    assert report.bundles == 0 and report.redelivered == 1 and not report.refused
    assert not path.exists() and not (drop / "refused").exists()
    assert officer_session.ledger.read_one("SELECT count(*) FROM site_bundles")[0] == 1
    assert officer_session.ledger.read_one("SELECT count(*) FROM site_refusals")[0] == 0
    assert not findings(officer_session, "site_refused_bundles", officer_session.clock.now())


def test_another_bundle_with_a_used_number_is_refused_as_replayed(officer_session, tmp_path: Path) -> None:
    from tokki_desktop.site import bundle

    drop = tmp_path / "drop"
    agent_dir, _ = enrol_and_join(officer_session, tmp_path, "端末1", drop)
    [path] = deliver(agent_dir)
    assert SiteIntake(officer_session).take_in().bundles == 1
    # Sealed with the right key, number 1 again, other records (a terminal's state rolled back).
    agent = Agent(agent_dir)
    try:
        blob = bundle.make(agent._bundle_key, site=agent.site, terminal=agent.uid, seq=1, prev=bundle.GENESIS,
                           made_at=agent.clock.now().isoformat(),
                           records=[{"uid": "e" * 32, "kind": "heartbeat", "data": {"run_uid": "r", "at": "x"}}])
    finally:
        agent.index.close()
    path.write_bytes(blob)
    report = SiteIntake(officer_session).take_in()
    assert report.bundles == 0 and report.redelivered == 0 and [r.reason for r in report.refused] == ["replayed"]
    assert (drop / "refused" / f"{path.name}.replayed").read_bytes() == blob
    assert officer_session.ledger.read_one("SELECT count(*) FROM site_bundles")[0] == 1


def test_a_bundle_of_another_site_is_refused(officer_session, tmp_path: Path, clock) -> None:
    from tokki_desktop.session import create_ledger

    other, _ = create_ledger(tmp_path / "other-site", client="別の市", contract="別の業務", contractor="別の会社",
                             officer_login="boss2", officer_name="別 責任者", passphrase="other-pass-1", clock=clock)
    drop = tmp_path / "drop"
    try:
        agent_dir, _ = enrol_and_join(other, tmp_path, "よその端末", drop)
    finally:
        other.close()
    enrol_and_join(officer_session, tmp_path, "端末1", drop)
    deliver(agent_dir)
    report = SiteIntake(officer_session).take_in()
    assert [r.reason for r in report.refused] == ["foreign"]
    assert "別の作業場所" in report.refused[0].message("ja")


def test_a_revoked_terminal_is_refused_from_then_on(officer_session, tmp_path: Path) -> None:
    drop = tmp_path / "drop"
    agent_dir, _ = enrol_and_join(officer_session, tmp_path, "端末1", drop)
    deliver(agent_dir)
    assert SiteIntake(officer_session).take_in().bundles == 1
    revoke(officer_session, "端末1")
    deliver(agent_dir)
    report = SiteIntake(officer_session).take_in()
    assert report.bundles == 0 and [r.reason for r in report.refused] == ["revoked"]
    now = officer_session.clock.now()
    assert findings(officer_session, "site_refused_bundles", now)


def test_a_missing_bundle_is_a_finding_until_it_arrives(officer_session, tmp_path: Path) -> None:
    drop = tmp_path / "drop"
    agent_dir, _ = enrol_and_join(officer_session, tmp_path, "端末1", drop)
    first, second, third = deliver(agent_dir, 3)
    held = tmp_path / "held.tkb"
    shutil.move(second, held)
    report = SiteIntake(officer_session).take_in()
    assert report.bundles == 2 and report.gaps == [("端末1", 2, 2)]
    now = officer_session.clock.now()
    [finding] = findings(officer_session, "site_missing_bundles", now)
    assert finding.article == 12 and "端末1" in finding.message_ja and "2" in finding.message_en
    shutil.move(held, second)
    report = SiteIntake(officer_session).take_in()
    assert report.bundles == 1 and not report.refused
    assert findings(officer_session, "site_missing_bundles", now) == []
    assert officer_session.ledger.read_one("SELECT count(*) FROM site_bundles")[0] == 3


def test_a_terminal_clock_ahead_cannot_hide_silence(officer_session, tmp_path: Path, clock) -> None:
    from tokki_desktop.clock import FixedClock

    drop = tmp_path / "drop"
    agent_dir, _ = enrol_and_join(officer_session, tmp_path, "端末1", drop, heartbeat=60)
    ahead = FixedClock(clock.now() + dt.timedelta(hours=2))
    deliver(agent_dir, 1, clock=ahead)
    SiteIntake(officer_session).take_in()
    [row] = terminals(officer_session.ledger)
    assert row["clock_ahead_seconds"] == 7200
    assert dt.datetime.fromisoformat(row["last_heartbeat_at"]) == clock.now()
    assert findings(officer_session, "site_terminal_silent", clock.now()) == []
    # Silent for longer than its allowance (3 heartbeats) by the site's clock: a finding,
    # although the terminal's own clock claimed a heartbeat two hours "later".
    later = clock.now() + dt.timedelta(seconds=181)
    [finding] = findings(officer_session, "site_terminal_silent", later)
    assert finding.article == 7 and "端末1" in finding.message_ja


def test_bundles_are_ordered_by_number_not_by_the_terminal_clock(officer_session, tmp_path: Path, clock) -> None:
    from tokki_desktop.clock import FixedClock

    drop = tmp_path / "drop"
    agent_dir, _ = enrol_and_join(officer_session, tmp_path, "端末1", drop)
    deliver(agent_dir, 1, clock=FixedClock(clock.now()))
    deliver(agent_dir, 1, clock=FixedClock(clock.now() - dt.timedelta(days=3)))  # clock set back
    report = SiteIntake(officer_session).take_in()
    assert report.bundles == 2 and not report.gaps and not report.refused


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_cli_import_prints_one_line_per_refusal(officer_session, tmp_path: Path, lang: str,
                                               monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    import io

    from tests.conftest import OFFICER
    from tokki_desktop.cli import main

    drop = tmp_path / "drop"
    agent_dir, _ = enrol_and_join(officer_session, tmp_path, "端末1", drop)
    [path] = deliver(agent_dir)
    data = path.read_bytes()
    # Flip a bit of the last byte: writing a fixed byte left the file unchanged whenever the
    # seal's last byte already was that byte (one run in 256).
    path.write_bytes(data[:-1] + bytes([data[-1] ^ 0x01]))
    officer_session.close()
    monkeypatch.setenv("TOKKI_PASSPHRASE", OFFICER[2])
    monkeypatch.setenv("TOKKI_LANG", lang)
    out = io.StringIO()
    code = main(["--data-dir", str(officer_session.data_dir), "--user", OFFICER[0], "site", "import"], out=out)
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 1 and len(err) == 1
    assert ("改ざん" if lang == "ja" else "altered") in err[0]


def test_a_revoked_terminal_is_told_and_stops_delivering(officer_session, tmp_path: Path) -> None:
    drop = tmp_path / "drop"
    agent_dir, _ = enrol_and_join(officer_session, tmp_path, "端末1", drop)
    revoke(officer_session, "端末1")
    SiteIntake(officer_session).take_in()
    assert len(list((drop / "policy").glob("*.tkp"))) == 1
    agent = Agent(agent_dir)
    try:
        assert agent.pick_up_policy() and agent.policy.revoked
        agent.spool.append("heartbeat", {"run_uid": "r", "at": agent.clock.now().isoformat()})
        assert agent.deliver_now() == 0
        assert "取り消されました" in agent.status.problem_ja and agent.spool.pending() == 1
    finally:
        agent.index.close()
    assert not list(drop.glob("*.tkb"))
    # Told once: the next intake writes nothing more.
    assert SiteIntake(officer_session).take_in().policies_written == 0


def test_a_next_bundle_that_does_not_chain_is_refused(officer_session, tmp_path: Path) -> None:
    from tokki_desktop.site import bundle

    drop = tmp_path / "drop"
    agent_dir, _ = enrol_and_join(officer_session, tmp_path, "端末1", drop)
    deliver(agent_dir)
    assert SiteIntake(officer_session).take_in().bundles == 1
    agent = Agent(agent_dir)  # a second copy of the terminal (a cloned agent folder), say
    try:
        forged = bundle.make(agent._bundle_key, site=agent.site, terminal=agent.uid, seq=2, prev="f" * 64,
                             made_at=agent.clock.now().isoformat(), records=[])
        (drop / bundle.bundle_name(agent.uid, 2)).write_bytes(forged)
    finally:
        agent.index.close()
    report = SiteIntake(officer_session).take_in()
    assert [r.reason for r in report.refused] == ["chain"]
    assert "つながりません" in report.refused[0].message("ja") and "chain" in report.refused[0].message("en")

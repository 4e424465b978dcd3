"""Resolutions flow back as policy updates; the site monitor takes the drop folder in."""

from __future__ import annotations

from pathlib import Path

from tests.monitor.helpers import ROSTER, start_monitor, wait_for, write_roster
from tests.worksite.helpers import enrol_and_join, start_agent, take_in_until
from tokki_desktop.monitor import records
from tokki_desktop.monitor.resolutions import resolve
from tokki_desktop.site.enrol import terminals
from tokki_desktop.site.intake import SiteIntake


def test_an_approval_after_the_fact_reaches_the_terminal(officer_session, tmp_path: Path, clock) -> None:
    drop = tmp_path / "drop"
    agent_dir, docs = enrol_and_join(officer_session, tmp_path, "窓口1", drop)
    agent = start_agent(agent_dir, clock=clock)
    intake = SiteIntake(officer_session)
    try:
        write_roster(docs / "名簿.csv")
        [det] = take_in_until(officer_session, lambda: records.detections(officer_session.ledger, open_only=True))
        assert det["terminal"] == "窓口1" and det["rule"] == "copy_without_approval"
        resolve(officer_session, int(det["id"]), "approve")
        report = intake.take_in()
        assert report.policies_written == 1
        assert (drop / "policy" / f"{agent.uid}.tkp").exists()
        assert wait_for(lambda: agent.policy.version == 2, 10)
        assert any(a.names_path(str(docs / "名簿.csv")) for a in agent.policy.approvals)
        # The file saved again: now a copy within the approval, recorded, not open.
        write_roster(docs / "名簿.csv", "高橋 三郎,タカハシ サブロウ,456789012341,東京都小金井市本町5-6-7,042-384-0000,1985-03-04\n")
        assert take_in_until(officer_session, lambda: [
            d for d in records.detections(officer_session.ledger) if d["rule"] == "copy_recorded"])
        agent.spool.append("heartbeat", {"run_uid": agent.run_uid, "at": clock.now().isoformat(),
                                         "policy_version": agent.policy.version})
        agent.deliver_now()
    finally:
        agent.stop()
    intake.take_in()
    dets = records.detections(officer_session.ledger)
    assert [d["status"] for d in dets if d["rule"] == "copy_recorded"] == ["allowed"]
    assert not records.detections(officer_session.ledger, open_only=True)
    [row] = terminals(officer_session.ledger)
    assert row["policy_version"] == 2 and row["policy_applied"] == 2
    # No policy update is written again while nothing changed.
    assert intake.take_in().policies_written == 0


def test_the_site_monitor_takes_the_drop_folder_in(officer_session, tmp_path: Path, clock) -> None:
    drop = tmp_path / "drop"
    agent_dir, docs = enrol_and_join(officer_session, tmp_path, "窓口1", drop)
    mon, got = start_monitor(officer_session)
    agent = start_agent(agent_dir, clock=clock)
    try:
        (docs / "copy.csv").write_text(ROSTER, encoding="utf-8")
        dets = wait_for(lambda: records.detections(officer_session.ledger, open_only=True), 20)
        assert [d["terminal"] for d in dets] == ["窓口1"]
        assert dets[0]["place"].startswith("[窓口1] ")
        alert = wait_for(lambda: [e for e in got.events if e.kind == "detection"], 5)
        assert alert and "窓口1" in alert[0].message("ja") and "terminal" in alert[0].message("en")
        assert "copy.csv" not in alert[0].message("ja")
        # A bundle of an unknown terminal is refused by the running monitor, with an event.
        (drop / ("f" * 32 + "-0000000001.tkb")).write_bytes(b"TKSB1\n" + b"\0" * 64)
        assert wait_for(lambda: "bundle_refused" in got.kinds(), 10)
    finally:
        agent.stop()
        mon.stop()


def test_a_registered_dataset_is_matched_on_the_terminal(officer_session, tmp_path: Path, clock) -> None:
    from tokki_desktop.scanner.ledger_fingerprints import LedgerFingerprintStore

    received = write_roster(tmp_path / "received" / "住民基本台帳.csv")
    LedgerFingerprintStore(officer_session).add_dataset("住民基本台帳（R8受領）", [received])
    drop = tmp_path / "drop"
    agent_dir, docs = enrol_and_join(officer_session, tmp_path, "窓口1", drop)
    # The enrolment file and the agent's policy hold digests, never the values.
    for p in (tmp_path / "窓口1.tkenrol", agent_dir / "policy.tkp"):
        for value in ("山田", "123456789018"):
            assert value.encode() not in p.read_bytes()
    agent = start_agent(agent_dir, clock=clock)
    try:
        assert agent.policy.fingerprints
        rows = received.read_text(encoding="utf-8").splitlines()[1:]
        (docs / "extract.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
        [det] = take_in_until(officer_session, lambda: records.detections(officer_session.ledger, open_only=True))
        assert det["dataset"] == "住民基本台帳（R8受領）" and det["terminal"] == "窓口1"
    finally:
        agent.stop()
    # A dataset closed at the site: the next intake writes a policy update without it.
    LedgerFingerprintStore(officer_session).close_dataset("住民基本台帳（R8受領）")
    assert SiteIntake(officer_session).take_in().policies_written == 1

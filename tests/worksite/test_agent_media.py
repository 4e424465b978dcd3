"""Removable media on a terminal: the site's media register and approvals decide, as in the monitor."""

from __future__ import annotations

from pathlib import Path

from tests.monitor.helpers import wait_for, write_roster
from tests.worksite.helpers import enrol_and_join, start_agent, take_in_until
from tokki_desktop.monitor import records
from tokki_desktop.monitor.media import ListedMedia, Medium
from tokki_desktop.registers import repository as repo


def test_media_on_a_terminal_are_judged_by_the_site_registers(officer_session, tmp_path: Path, clock) -> None:
    media_id = repo.add(officer_session, "media", {"control_no": "USB-001", "media_type": "usb",
                                                    "volume_id": "AAAA-0001", "encrypted": True,
                                                    "consent_on": "2026-04-01"})
    repo.add(officer_session, "approvals", {
        "approval_type": "copy", "scope": "名簿の照合用の複写", "media_id": media_id, "requested_on": "2026-11-01",
        "status": "approved", "decided_on": "2026-11-02"})
    drop = tmp_path / "drop"
    agent_dir, _ = enrol_and_join(officer_session, tmp_path, "窓口1", drop)
    approved, stranger = tmp_path / "usb1", tmp_path / "usb2"
    write_roster(approved / "照合用.csv")
    write_roster(stranger / "持出し.csv")
    media = ListedMedia()
    agent = start_agent(agent_dir, clock=clock, media=media)
    try:
        media.insert(Medium(approved, "AAAA-0001", label="USB-001"))
        media.insert(Medium(stranger, "BBBB-0002", label="PRIVATE"))
        dets = take_in_until(officer_session, lambda: len(records.detections(officer_session.ledger)) >= 2
                             and records.detections(officer_session.ledger))
        assert wait_for(lambda: agent.spool.pending() == 0 or agent.deliver_now() >= 0, 5)
        media.eject(stranger)
        take_in_until(officer_session, lambda: officer_session.ledger.read_one(
            "SELECT 1 FROM monitor_media_events WHERE event = 'removed'"))
    finally:
        agent.stop()
    by_rule = {d["rule"]: d for d in dets}
    assert by_rule["copy_recorded"]["status"] == "allowed" and by_rule["copy_recorded"]["media_id"] == media_id
    assert by_rule["unregistered_medium"]["status"] == "open"
    assert {d["terminal"] for d in dets} == {"窓口1"}
    events = officer_session.ledger.read(
        "SELECT event, volume_id, registered, terminal FROM monitor_media_events ORDER BY id")
    assert {(e["event"], e["volume_id"]) for e in events} >= {
        ("arrived", "AAAA-0001"), ("arrived", "BBBB-0002"), ("removed", "BBBB-0002")}
    assert {e["terminal"] for e in events} == {"窓口1"}
    assert all(e["registered"] == (1 if e["volume_id"] == "AAAA-0001" else 0) for e in events)
    takeouts = officer_session.ledger.read("SELECT media_id FROM takeouts")
    assert [t["media_id"] for t in takeouts] == [media_id]  # the allowed copy is on record (Art. 5, 7)

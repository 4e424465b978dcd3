"""Inventory scans (scheduled, and of a medium at its inspection) and the heartbeat."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from tests.monitor.helpers import FAST, wait_for, write_roster
from tokki_desktop.monitor import inventory, settings
from tokki_desktop.monitor.media import ListedMedia, Medium
from tokki_desktop.monitor.service import Monitor


def test_scheduled_inventory_runs_when_due_and_not_again(officer_session, tmp_path: Path, clock) -> None:
    folder = tmp_path / "Documents"
    write_roster(folder / "roster.csv")
    (folder / "memo.txt").write_text("会議メモ", encoding="utf-8")
    settings.add_folder(officer_session, folder, "Documents")
    mon = Monitor(officer_session, media=ListedMedia(), options=dataclasses.replace(FAST, inventory=True))
    mon.start()
    try:
        rows = wait_for(lambda: officer_session.ledger.read("SELECT * FROM monitor_inventory"), 10)
        assert [(r["kind"], r["files"], r["personal_data"], r["complete"]) for r in rows] == [("roots", 2, 1, 1)]
        assert not inventory.due(officer_session.ledger, clock.now())
        clock.advance(6 * 86400)
        assert not inventory.due(officer_session.ledger, clock.now())
        clock.advance(86400)  # a week: due again
        assert inventory.due(officer_session.ledger, clock.now())
    finally:
        mon.stop()


def test_medium_inventory_at_inspection(officer_session, tmp_path: Path) -> None:
    from tokki_desktop.registers import repository

    media_id = repository.add(officer_session, "media", {"control_no": "USB-007", "media_type": "usb",
                                                         "volume_id": "7777-0007", "encrypted": True})
    stick = tmp_path / "stick"
    write_roster(stick / "a.csv")
    write_roster(stick / "b.csv")
    media = ListedMedia()
    media.insert(Medium(stick, "7777-0007"))
    result = inventory.scan_medium(officer_session, stick, media=media)
    assert (result.files, result.personal_data, result.complete, result.media_id) == (2, 2, True, media_id)
    row = officer_session.ledger.read_one("SELECT * FROM monitor_inventory WHERE kind = 'medium'")
    assert (row["target"], row["media_id"], row["personal_data"]) == ("USB-007", media_id, 2)
    with pytest.raises(inventory.NotAMedium):
        inventory.scan_medium(officer_session, tmp_path, media=media)


def test_medium_pulled_during_inventory_is_marked_incomplete(officer_session, tmp_path: Path) -> None:
    stick = tmp_path / "stick"
    for i in range(5):
        write_roster(stick / f"{i}.csv")
    media = ListedMedia()
    media.insert(Medium(stick, "9999-0009"))
    from tokki_desktop.monitor.scanning import scan

    seen = []

    def scanner(path: Path):
        seen.append(path)
        if len(seen) == 2:
            media.eject(stick)  # pulled out while the inventory runs
        return scan(path)

    result = inventory.scan_medium(officer_session, stick, media=media, scanner=scanner)
    assert result.complete is False and result.files == 2


def test_heartbeat_is_recorded(officer_session, tmp_path: Path, clock) -> None:
    mon = Monitor(officer_session, media=ListedMedia(), options=dataclasses.replace(FAST, heartbeat=0.1))
    mon.start()
    try:
        started = officer_session.ledger.read_one("SELECT last_heartbeat_at FROM monitor_runs")[0]
        clock.advance(300)
        assert wait_for(lambda: officer_session.ledger.read_one(
            "SELECT last_heartbeat_at FROM monitor_runs")[0] > started, 10)
    finally:
        mon.stop()
    audit = officer_session.ledger.read("SELECT action FROM audit_log WHERE tbl = 'monitor_runs'")
    actions = [r["action"] for r in audit]
    assert actions[0] == "monitor_started" and "monitor_heartbeat" in actions and actions[-1] == "monitor_stopped"

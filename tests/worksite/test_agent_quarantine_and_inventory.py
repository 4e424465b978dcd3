"""Automatic quarantine and the scheduled inventory on a terminal, as the monitor does them."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

from tests.monitor.helpers import wait_for, write_roster
from tests.worksite.helpers import FAST, enrol_and_join, start_agent, take_in_until
from tokki_desktop.monitor import records, settings
from tokki_desktop.monitor.media import ListedMedia, Medium
from tokki_desktop.monitor.resolutions import quarantined, resolve
from tokki_desktop.site.intake import SiteIntake
from tokki_desktop.site.resolutions import resolutions


def test_automatic_quarantine_switched_on_at_the_site_works_on_the_terminal(officer_session, tmp_path: Path,
                                                                             clock) -> None:
    drop = tmp_path / "drop"
    agent_dir, _ = enrol_and_join(officer_session, tmp_path, "窓口1", drop)
    stick = tmp_path / "usb"
    media = ListedMedia()
    agent = start_agent(agent_dir, clock=clock, media=media)
    got = []
    agent.subscribers.subscribe(on_event=got.append)
    try:
        assert agent.policy.auto_quarantine is False
        # The officer switches it on: the next policy update carries it to the terminal.
        settings.set_auto_quarantine(officer_session, True)
        assert SiteIntake(officer_session).take_in().policies_written == 1
        assert wait_for(lambda: agent.policy.auto_quarantine, 10)
        write_roster(stick / "持出し.csv")
        media.insert(Medium(stick, "BBBB-0002", label="PRIVATE"))
        [det] = take_in_until(officer_session, lambda: records.detections(officer_session.ledger))
    finally:
        agent.stop()
    assert det["rule"] == "unregistered_medium" and det["terminal"] == "窓口1" and det["quarantine_id"]
    assert not (stick / "持出し.csv").exists()
    [q] = quarantined(officer_session.ledger)
    assert q["terminal"] == "窓口1" and (agent_dir / "quarantine" / q["stored_name"]).exists()
    assert "quarantined" in [e.kind for e in got]
    # The officer confirms it, as for the monitor's own automatic quarantine: no request needed.
    res = resolve(officer_session, int(det["id"]), "quarantine")
    assert res.request_id is None and res.quarantine_id == q["id"]


def test_a_copy_on_a_registered_medium_is_never_quarantined_automatically(officer_session, tmp_path: Path,
                                                                         clock) -> None:
    from tokki_desktop.registers import repository as repo

    repo.add(officer_session, "media", {"control_no": "USB-001", "media_type": "usb", "volume_id": "AAAA-0001",
                                        "encrypted": True, "consent_on": "2026-04-01"})
    settings.set_auto_quarantine(officer_session, True)
    drop = tmp_path / "drop"
    agent_dir, _ = enrol_and_join(officer_session, tmp_path, "窓口1", drop)
    stick = tmp_path / "usb"
    write_roster(stick / "照合用.csv")
    media = ListedMedia()
    agent = start_agent(agent_dir, clock=clock, media=media)
    try:
        assert agent.policy.auto_quarantine
        media.insert(Medium(stick, "AAAA-0001", label="USB-001"))
        [det] = take_in_until(officer_session, lambda: records.detections(officer_session.ledger))
    finally:
        agent.stop()
    assert det["rule"] == "copy_without_approval" and not det["quarantine_id"]
    assert (stick / "照合用.csv").exists() and not quarantined(officer_session.ledger)


def test_a_request_for_a_file_on_a_medium_waits_until_it_is_plugged_in(officer_session, tmp_path: Path,
                                                                       clock) -> None:
    drop = tmp_path / "drop"
    agent_dir, _ = enrol_and_join(officer_session, tmp_path, "窓口1", drop)
    stick = tmp_path / "usb"
    write_roster(stick / "sub" / "持出し.csv")
    media = ListedMedia()
    agent = start_agent(agent_dir, clock=clock, media=media)
    try:
        media.insert(Medium(stick, "BBBB-0002", label="PRIVATE"))
        [det] = take_in_until(officer_session, lambda: records.detections(officer_session.ledger))
        media.eject(stick)
        resolve(officer_session, int(det["id"]), "quarantine")
        assert not take_in_until(officer_session, lambda: resolutions(officer_session.ledger)[0]["state"] != "requested",
                                 timeout=1.5)
        # Plugged in again elsewhere (another drive letter): found by its volume id.
        moved = tmp_path / "usb-again"
        stick.rename(moved)
        media.insert(Medium(moved, "BBBB-0002", label="PRIVATE"))
        assert take_in_until(officer_session, lambda: resolutions(officer_session.ledger)[0]["state"] == "done")
    finally:
        agent.stop()
    assert not (moved / "sub" / "持出し.csv").exists()


def test_the_weekly_inventory_runs_on_the_terminal(officer_session, tmp_path: Path, clock) -> None:
    drop = tmp_path / "drop"
    agent_dir, docs = enrol_and_join(officer_session, tmp_path, "窓口1", drop)
    write_roster(docs / "名簿.csv")
    (docs / "メモ.txt").write_text("会議は10時から。\n", encoding="utf-8")
    options = dataclasses.replace(FAST, inventory=True, inventory_check_every=0.1)
    agent = start_agent(agent_dir, clock=clock, options=options)
    try:
        rows = take_in_until(officer_session, lambda: officer_session.ledger.read(
            "SELECT * FROM monitor_inventory ORDER BY id"))
        assert len(rows) == 1
        assert not agent.inventory_due()
        clock.advance(6 * 86400)
        assert not agent.inventory_due()
        clock.advance(86400)  # a week since: due again
        rows = take_in_until(officer_session, lambda: len(officer_session.ledger.read(
            "SELECT * FROM monitor_inventory")) >= 2 and officer_session.ledger.read(
            "SELECT * FROM monitor_inventory ORDER BY id"))
    finally:
        agent.stop()
    first = dict(rows[0])
    assert first["terminal"] == "窓口1" and first["target"].startswith("[窓口1] ")
    assert (first["files"], first["personal_data"], first["complete"]) == (2, 1, 1)
    assert len(rows) == 2
    # A terminal whose inventory stops: a finding after its period and a day's grace.
    from tokki_desktop.registers.compliance import evaluate

    def overdue(now):
        return [f for f in evaluate(officer_session, now).findings if f.rule == "site_terminal_inventory_overdue"]

    assert not overdue(clock.now() + dt.timedelta(days=7))
    [f] = overdue(clock.now() + dt.timedelta(days=8, hours=1))
    assert "窓口1" in f.message_ja and "inventory" in f.message_en

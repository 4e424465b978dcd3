"""An officer resolves detections in each of the four ways; quarantine is restorable."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.monitor.helpers import (
    SECRETS,
    open_detections,
    start_monitor,
    wait_for,
    write_roster,
)
from tokki_desktop.errors import NotPermitted
from tokki_desktop.monitor import events as ev
from tokki_desktop.monitor import resolutions, settings
from tokki_desktop.monitor.errors import (
    AlreadyResolved,
    BadResolution,
    QuarantineDamaged,
    RestoreTargetExists,
    StillPresent,
)
from tokki_desktop.monitor.media import ListedMedia, Medium


@pytest.fixture
def detected(officer_session, tmp_path: Path):
    """Two open detections in Downloads (a.csv, b.csv); the monitor keeps running."""
    folder = tmp_path / "Downloads"
    folder.mkdir()
    settings.add_folder(officer_session, folder, "Downloads")
    mon, got = start_monitor(officer_session)
    write_roster(folder / "a.csv")
    write_roster(folder / "b.csv", extra="高橋 次郎,タカハシ ジロウ,456789012343,東京都小金井市中町4-5-6,042-384-0000,1985-03-04\n")
    wait_for(lambda: len(open_detections(officer_session)) == 2)
    by_name = {Path(d["path"]).name: d["id"] for d in open_detections(officer_session)}
    yield folder, mon, got, by_name
    mon.stop()


def test_approve_after_the_fact_creates_an_approval_that_covers_the_file(officer_session, detected) -> None:
    folder, _mon, _, ids = detected
    res = resolutions.resolve(officer_session, ids["a.csv"], "approve")
    appr = officer_session.ledger.read_one("SELECT * FROM approvals WHERE id = ?", (res.approval_id,))
    assert appr["approval_type"] == "copy" and appr["status"] == "approved"
    assert str(folder / "a.csv") in appr["scope"]
    with pytest.raises(AlreadyResolved):
        resolutions.resolve(officer_session, ids["a.csv"], "approve")
    # Changed and saved again: the approval covers it, so it is recorded, not opened.
    write_roster(folder / "a.csv", extra="\n")
    assert wait_for(lambda: officer_session.ledger.read(
        "SELECT id FROM monitor_detections WHERE rule = 'copy_recorded'"), 10)
    assert len(open_detections(officer_session)) == 1


def test_removed_is_checked(officer_session, detected) -> None:
    folder, _, _, ids = detected
    with pytest.raises(StillPresent):
        resolutions.resolve(officer_session, ids["b.csv"], "removed")
    (folder / "b.csv").unlink()
    resolutions.resolve(officer_session, ids["b.csv"], "removed")
    row = officer_session.ledger.read_one("SELECT * FROM monitor_detections WHERE id = ?", (ids["b.csv"],))
    assert (row["status"], row["resolution"], row["resolved_by"]) == ("resolved", "removed", "boss")


def test_quarantine_and_restore(officer_session, detected) -> None:
    folder, _, _, ids = detected
    original = (folder / "a.csv").read_bytes()
    res = resolutions.resolve(officer_session, ids["a.csv"], "quarantine")
    assert not (folder / "a.csv").exists()
    held = resolutions.quarantined(officer_session.ledger)
    assert [q["status"] for q in held] == ["held"]
    stored = Path(officer_session.data_dir) / "quarantine" / held[0]["stored_name"]
    blob = stored.read_bytes()
    for secret in SECRETS:
        assert secret.encode() not in blob
    # Restoring never overwrites.
    (folder / "a.csv").write_text("something else", encoding="utf-8")
    with pytest.raises(RestoreTargetExists):
        resolutions.restore(officer_session, res.quarantine_id)
    (folder / "a.csv").unlink()
    target = resolutions.restore(officer_session, res.quarantine_id, to=folder / "restored" / "a.csv")
    assert target.read_bytes() == original
    assert resolutions.quarantined(officer_session.ledger)[0]["status"] == "restored"


def test_tampered_quarantine_is_refused(officer_session, detected) -> None:
    folder, _, _, ids = detected
    res = resolutions.resolve(officer_session, ids["a.csv"], "quarantine")
    stored = Path(officer_session.data_dir) / "quarantine" / resolutions.quarantined(officer_session.ledger)[0]["stored_name"]
    data = bytearray(stored.read_bytes())
    data[-5] ^= 0x01
    stored.write_bytes(bytes(data))
    with pytest.raises(QuarantineDamaged):
        resolutions.restore(officer_session, res.quarantine_id, to=folder / "x.csv")
    assert not (folder / "x.csv").exists()
    # Truncation too.
    stored.write_bytes(bytes(data[:40]))
    with pytest.raises(QuarantineDamaged):
        resolutions.restore(officer_session, res.quarantine_id, to=folder / "x.csv")


def test_incident_prefilled(officer_session, detected) -> None:
    _, _, _, ids = detected
    res = resolutions.resolve(officer_session, ids["b.csv"], "incident")
    inc = officer_session.ledger.read_one("SELECT * FROM incidents WHERE id = ?", (res.incident_id,))
    assert inc["place"] == "Downloads" and f"ID {ids['b.csv']}" in inc["summary"]
    assert "個人番号" in inc["items"] and inc["affected_count"] >= 4
    for secret in SECRETS:
        assert secret not in inc["summary"] + inc["items"]


def test_only_officers_resolve_and_kinds_are_checked(officer_session, handler_session, detected) -> None:
    _, _, _, ids = detected
    with pytest.raises(NotPermitted):
        resolutions.resolve(handler_session, ids["a.csv"], "approve")
    with pytest.raises(BadResolution):
        resolutions.resolve(officer_session, ids["a.csv"], "delete")


def test_automatic_quarantine_on_unregistered_medium(officer_session, tmp_path: Path) -> None:
    settings.set_auto_quarantine(officer_session, True)
    media = ListedMedia()
    mon, got = start_monitor(officer_session, media)
    try:
        stick = tmp_path / "usb"
        stick.mkdir()
        media.insert(Medium(stick, "DEAD-BEEF", label="STICK"))
        assert wait_for(lambda: ev.UNREGISTERED_MEDIUM in got.kinds(), 2)
        write_roster(stick / "roster.csv")
        assert wait_for(lambda: ev.QUARANTINED in got.kinds(), 10)
        assert not (stick / "roster.csv").exists()
        det = wait_for(lambda: open_detections(officer_session))[0]
        assert det["quarantine_id"] and det["rule"] == "unregistered_medium"
        # The officer confirms, then restores it to a safe place.
        resolutions.resolve(officer_session, det["id"], "quarantine", media=media)
        out = resolutions.restore(officer_session, det["quarantine_id"], to=tmp_path / "safe" / "roster.csv")
        assert "個人番号" in out.read_text(encoding="utf-8")
    finally:
        mon.stop()


def test_removed_on_a_medium_needs_the_medium(officer_session, tmp_path: Path) -> None:
    media = ListedMedia()
    mon, _ = start_monitor(officer_session, media)
    stick = tmp_path / "usb"
    write_roster(stick / "roster.csv")
    medium = Medium(stick, "CAFE-0001", label="STICK")
    media.insert(medium)
    det = wait_for(lambda: open_detections(officer_session))[0]
    media.eject(stick)
    mon.stop()
    with pytest.raises(resolutions.MediumNotPresent):
        resolutions.resolve(officer_session, det["id"], "removed", media=media)
    # Mounted elsewhere the next time: the file is found by its path on the volume.
    moved = tmp_path / "mnt2"
    stick.rename(moved)
    media.insert(Medium(moved, "CAFE-0001", label="STICK"))
    with pytest.raises(StillPresent):
        resolutions.resolve(officer_session, det["id"], "removed", media=media)
    (moved / "roster.csv").unlink()
    resolutions.resolve(officer_session, det["id"], "removed", media=media)

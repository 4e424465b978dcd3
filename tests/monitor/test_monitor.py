"""The monitor end to end: real watchdog, real scanner, real SQLCipher ledger."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from tests.monitor.helpers import (
    SECRETS,
    open_detections,
    start_monitor,
    wait_for,
    write_roster,
)
from tokki_desktop.monitor import events as ev
from tokki_desktop.monitor import records, settings
from tokki_desktop.monitor.media import ListedMedia, Medium


@pytest.fixture
def downloads(officer_session, tmp_path: Path) -> Path:
    folder = tmp_path / "Downloads"
    folder.mkdir()
    settings.add_folder(officer_session, folder, "Downloads")
    return folder


def test_roster_in_downloads_is_detected_and_audited(officer_session, downloads: Path) -> None:
    mon, got = start_monitor(officer_session)
    try:
        (downloads / "notes.txt").write_text("買い物リスト: 牛乳、卵", encoding="utf-8")
        write_roster(downloads / "roster.csv")
        dets = wait_for(lambda: open_detections(officer_session))
        assert len(dets) == 1
        d = dets[0]
        assert d["rule"] == "copy_without_approval" and d["article"] == 5
        assert d["place"] == "Downloads" and d["verdict"] == "personal_data"
        assert d["findings"]["my_number"] >= 1
        assert d["path"].endswith("roster.csv") and d["size"] > 0 and len(d["content_hash"]) == 64
        assert wait_for(lambda: ev.DETECTION in got.kinds())
        assert mon.wait_idle(10)
    finally:
        mon.stop()
    # The detection is in the audit chain, with masked values only.
    audit = officer_session.ledger.read("SELECT action, change FROM audit_log WHERE tbl = 'monitor_detections'")
    assert any(r["action"] == "detection" for r in audit)
    text = json.dumps([dict(r) for r in officer_session.ledger.read("SELECT * FROM monitor_detections")],
                      ensure_ascii=False) + "".join(r["change"] for r in audit)
    for secret in SECRETS:
        assert secret not in text
    assert len(open_detections(officer_session)) == 1  # the clean note made none
    runs = officer_session.ledger.read("SELECT * FROM monitor_runs")
    assert len(runs) == 1 and runs[0]["stop_kind"] == "shutdown"


def test_spool_and_index_files_hold_no_plain_text(officer_session, downloads: Path) -> None:
    mon, _ = start_monitor(officer_session)
    try:
        write_roster(downloads / "roster.csv")
        wait_for(lambda: open_detections(officer_session))
        # Keep a record in the spool: write one while the ledger is held busy below.
    finally:
        mon.stop()
    data_dir = Path(officer_session.data_dir)
    for f in list((data_dir / "monitor-spool").iterdir()) + list(data_dir.glob("monitor-index.db*")):
        blob = f.read_bytes()
        for needle in ("roster.csv", "Downloads", *SECRETS):
            assert needle.encode() not in blob, (f.name, needle)


def test_unregistered_medium_alert_and_detection(officer_session, tmp_path: Path) -> None:
    media = ListedMedia()
    mon, got = start_monitor(officer_session, media)
    try:
        stick = tmp_path / "usb"
        write_roster(stick / "持出/roster.csv")
        t0 = time.monotonic()
        media.insert(Medium(stick, "ABCD-1234", label="NONAME", size_bytes=8 << 30))
        assert wait_for(lambda: ev.UNREGISTERED_MEDIUM in got.kinds(), 2.0)
        assert time.monotonic() - t0 < 2.0
        dets = wait_for(lambda: open_detections(officer_session))
        assert [d["rule"] for d in dets] == ["unregistered_medium"]
        assert dets[0]["place_kind"] == "medium" and dets[0]["volume_id"] == "ABCD-1234"
        assert wait_for(lambda: ev.MEDIUM_SCANNED in got.kinds())
        media.eject(stick)
        assert wait_for(lambda: ev.MEDIUM_REMOVED in got.kinds())
    finally:
        mon.stop()
    kinds = [r["event"] for r in officer_session.ledger.read("SELECT event FROM monitor_media_events ORDER BY id")]
    assert kinds == ["arrived", "scanned", "removed"]


def _register_medium(session, volume_id: str, *, encrypted: bool, consent: str | None = "2026-04-01") -> int:
    from tokki_desktop.registers import repository

    values = {"control_no": "USB-001", "media_type": "usb", "volume_id": volume_id, "encrypted": encrypted}
    if consent:
        values["consent_on"] = consent
    return repository.add(session, "media", values)


def _approve_media_use(session, media_id: int) -> int:
    from tokki_desktop.registers import repository

    return repository.add(session, "approvals", {
        "approval_type": "media_use", "scope": "名簿の持出し", "media_id": media_id,
        "requested_on": "2026-11-01", "status": "approved", "decided_on": "2026-11-02",
        "valid_until": "2027-03-31"})


def test_registered_media_policy(officer_session, tmp_path: Path) -> None:
    plain_id = _register_medium(officer_session, "1111-AAAA", encrypted=False)
    _approve_media_use(officer_session, plain_id)
    secure_id = _register_medium(officer_session, "2222-BBBB", encrypted=True)
    _approve_media_use(officer_session, secure_id)
    _register_medium(officer_session, "3333-CCCC", encrypted=True, consent=None)
    media = ListedMedia()
    mon, _ = start_monitor(officer_session, media)
    try:
        for vol in ("1111-AAAA", "2222-BBBB", "3333-CCCC"):
            write_roster(tmp_path / vol / "roster.csv")
            media.insert(Medium(tmp_path / vol, vol, label=vol))
        assert wait_for(lambda: len(officer_session.ledger.read("SELECT id FROM monitor_detections")) == 3)
        assert mon.wait_idle(10)
    finally:
        mon.stop()
    by_vol = {r["volume_id"]: dict(r) for r in officer_session.ledger.read("SELECT * FROM monitor_detections")}
    # Art. 6(1): registered and approved, but unencrypted: still a violation.
    assert by_vol["1111-AAAA"]["rule"] == "unencrypted_on_medium"
    assert by_vol["1111-AAAA"]["status"] == "open"
    # Encrypted, consented, approved: recorded as a copy, not open.
    assert by_vol["2222-BBBB"]["rule"] == "copy_recorded"
    assert by_vol["2222-BBBB"]["status"] == "allowed" and by_vol["2222-BBBB"]["approval_id"]
    assert by_vol["3333-CCCC"]["rule"] == "medium_not_consented"


def test_ledger_busy_keeps_detection_in_spool(officer_session, downloads: Path) -> None:
    from tokki_desktop.ledger.db import Ledger

    mon, _ = start_monitor(officer_session)
    other = Ledger.connect(officer_session.files.ledger, officer_session._data_key)
    try:
        other.execute("BEGIN IMMEDIATE")  # another process (the UI) holds the write lock
        write_roster(downloads / "roster.csv")
        assert wait_for(lambda: mon.spool.pending() >= 1, 10)
        assert officer_session.ledger.read("SELECT id FROM monitor_detections") == []
        other.execute("ROLLBACK")
        assert wait_for(lambda: len(open_detections(officer_session)) == 1, 40)
    finally:
        other.close()
        mon.stop()
    assert mon.spool.pending() == 0


def test_officer_stop_request_stops_the_monitor(officer_session, handler_session, downloads: Path) -> None:
    from tokki_desktop.errors import NotPermitted

    mon, _ = start_monitor(officer_session)
    try:
        with pytest.raises(NotPermitted):
            settings.request_stop(handler_session)
        settings.request_stop(officer_session)
        assert mon.wait_stopped(10)
    finally:
        mon.stop()
    row = officer_session.ledger.read_one("SELECT stop_kind, stopped_by FROM monitor_runs")
    assert (row["stop_kind"], row["stopped_by"]) == ("officer", "boss")


def test_state_callbacks(officer_session, downloads: Path) -> None:
    states = []
    from tests.monitor.helpers import FAST
    from tokki_desktop.monitor.service import Monitor

    mon = Monitor(officer_session, media=ListedMedia(), options=FAST)
    mon.subscribe(on_state=states.append)
    mon.start()
    try:
        write_roster(downloads / "roster.csv")
        assert wait_for(lambda: any(s.phase == ev.DETECTION_WAITING for s in states))
        assert mon.state().open_detections == 1
    finally:
        mon.stop()
    assert states[-1].phase == ev.STOPPED
    assert records.detections(officer_session.ledger)[0]["examples"]


def test_copy_of_a_registered_dataset_is_named(officer_session, downloads: Path, tmp_path: Path) -> None:
    from tokki_desktop.scanner.ledger_fingerprints import LedgerFingerprintStore

    received = write_roster(tmp_path / "received" / "住民基本台帳.csv")
    LedgerFingerprintStore(officer_session).add_dataset("住民基本台帳（R8受領）", [received])
    mon, _ = start_monitor(officer_session)
    try:
        # An extract: the rows without the header, saved under another name.
        rows = received.read_text(encoding="utf-8").splitlines()[1:]
        (downloads / "extract.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
        det = wait_for(lambda: open_detections(officer_session))
        assert det and det[0]["dataset"] == "住民基本台帳（R8受領）"
    finally:
        mon.stop()


def test_saving_again_updates_the_open_detection(officer_session, downloads: Path) -> None:
    mon, _ = start_monitor(officer_session)
    try:
        f = write_roster(downloads / "roster.csv")
        first = wait_for(lambda: open_detections(officer_session))[0]
        time.sleep(0.3)
        f.write_text(f.read_text(encoding="utf-8") + "高橋 次郎,タカハシ,456789012343,東京都小金井市中町4-5-6,042-384-0000,1985-03-04\n",
                     encoding="utf-8")
        assert wait_for(lambda: open_detections(officer_session)[0]["content_hash"] != first["content_hash"])
        assert mon.wait_idle(10)
    finally:
        mon.stop()
    dets = open_detections(officer_session)
    assert len(dets) == 1 and dets[0]["id"] == first["id"] and dets[0]["size"] > first["size"]
    actions = [r["action"] for r in officer_session.ledger.read(
        "SELECT action FROM audit_log WHERE tbl = 'monitor_detections' ORDER BY seq")]
    assert actions == ["detection", "detection_updated"]


def test_a_second_monitor_for_the_same_ledger_is_refused(officer_session, downloads: Path) -> None:
    from tests.monitor.helpers import FAST
    from tokki_desktop.monitor.service import Monitor
    from tokki_desktop.monitor.single import MonitorAlreadyRunning

    mon, _ = start_monitor(officer_session)
    try:
        with pytest.raises(MonitorAlreadyRunning):
            Monitor(officer_session, media=ListedMedia(), options=FAST)
    finally:
        mon.stop()
    again, _ = start_monitor(officer_session)  # released at stop
    again.stop()


def test_watch_list_changes_reach_a_running_monitor(officer_session, tmp_path: Path) -> None:
    mon, _ = start_monitor(officer_session)
    try:
        later = tmp_path / "Later"
        later.mkdir()
        settings.add_folder(officer_session, later, "Later")
        assert wait_for(lambda: any(r.place == "Later" for r in mon.watcher.roots()))
        write_roster(later / "roster.csv")
        assert wait_for(lambda: open_detections(officer_session))
        settings.remove_folder(officer_session, later)
        assert wait_for(lambda: not mon.watcher.roots())
        write_roster(later / "another.csv")
        time.sleep(1.0)
        assert len(open_detections(officer_session)) == 1
    finally:
        mon.stop()


def test_the_ledger_folder_inside_a_watched_folder_is_not_scanned(officer_session) -> None:
    # The data folder (ledger, spool, quarantine) lives inside the watched folder here.
    home = Path(officer_session.data_dir).parent
    settings.add_folder(officer_session, home, "Home")
    mon, _ = start_monitor(officer_session)
    try:
        write_roster(home / "roster.csv")
        assert wait_for(lambda: open_detections(officer_session))
        assert mon.wait_idle(10)
    finally:
        mon.stop()
    paths = [r["path"] for r in officer_session.ledger.read("SELECT path FROM monitor_detections")]
    assert paths == [str(home / "roster.csv")]
    assert not any(k.split(":", 2)[2].startswith("ledger") for k in mon.index.keys_with_prefix("folder:"))

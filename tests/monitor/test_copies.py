"""An allowed copy on a registered, consented medium is recorded in the take-out register (台帳)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from tests.monitor.helpers import SECRETS, start_monitor, wait_for, write_roster
from tokki_desktop.monitor import copies
from tokki_desktop.monitor.media import ListedMedia, Medium
from tokki_desktop.monitor.records import import_spool
from tokki_desktop.monitor.service import import_pending, spool_for
from tokki_desktop.registers import repository as repo
from tokki_desktop.registers.compliance import evaluate


def _medium(session, control_no: str, volume_id: str) -> int:
    return repo.add(session, "media", {"control_no": control_no, "media_type": "usb", "volume_id": volume_id,
                                       "encrypted": True, "consent_on": "2026-04-01"})


def _copy_approval(session, media_id: int) -> int:
    return repo.add(session, "approvals", {
        "approval_type": "copy", "scope": "名簿の照合用の複写", "media_id": media_id, "requested_on": "2026-11-01",
        "status": "approved", "decided_on": "2026-11-02", "valid_until": "2027-03-31"})


def _copies(session) -> list[dict]:
    return [dict(r) for r in session.ledger.read("SELECT * FROM takeouts ORDER BY id")]


def _allowed(session) -> list[dict]:
    return [dict(r) for r in session.ledger.read(
        "SELECT * FROM monitor_detections WHERE rule = 'copy_recorded' ORDER BY id")]


def test_an_allowed_copy_becomes_one_takeout_row_per_content_and_medium(officer_session, tmp_path: Path) -> None:
    session = officer_session
    first = _medium(session, "USB-001", "1111-0001")
    second = _medium(session, "USB-002", "1111-0002")
    approval_1 = _copy_approval(session, first)
    approval_2 = _copy_approval(session, second)
    media = ListedMedia()
    mon, _ = start_monitor(session, media)
    try:
        stick = tmp_path / "stick1"
        write_roster(stick / "山田_名簿.csv")
        media.insert(Medium(stick, "1111-0001", label="STICK1"))
        assert wait_for(lambda: len(_copies(session)) == 1)
        # The same contents under a second name on the same medium: still one copy on record.
        write_roster(stick / "名簿のコピー.csv")
        assert wait_for(lambda: len(_allowed(session)) == 2)
        # Other contents on the same medium, and the first contents on another medium: two more.
        write_roster(stick / "別の名簿.csv", extra="田中 一郎,タナカ イチロウ,,,,1970-03-04\n")
        other = tmp_path / "stick2"
        write_roster(other / "名簿.csv")
        media.insert(Medium(other, "1111-0002", label="STICK2"))
        assert wait_for(lambda: len(_allowed(session)) == 4)
        assert wait_for(lambda: len(_copies(session)) == 3)
        assert mon.wait_idle(10)
    finally:
        mon.stop()
    rows = _copies(session)
    assert len(rows) == 3
    detections = {int(d["id"]): d for d in _allowed(session)}
    for row in rows:
        assert (row["activity"], row["created_by"]) == ("copy", "monitor")
        det_id = int(row["purpose"].split("監視の検知 ID ")[1].split("、")[0])
        det = detections[det_id]
        assert row["media_id"] == det["media_id"] and row["approval_id"] == det["approval_id"]
        assert dt.datetime.fromisoformat(row["started_at"]) == dt.datetime.fromisoformat(det["detected_at"])
        assert det["content_hash"] and f"内容のハッシュ {det['content_hash']}" in row["purpose"]
        # Named as the contractor's own medium, never by a path or a file name.
        control_no = "USB-001" if row["media_id"] == first else "USB-002"
        assert row["destination"] == f"受託者（株式会社テスト）の媒体 {control_no}"
        text = json.dumps(row, ensure_ascii=False)
        for secret in (*SECRETS, "名簿", str(tmp_path)):
            assert secret not in text
    assert sorted(r["approval_id"] for r in rows) == [approval_1, approval_1, approval_2]
    # Audited as the monitor's own writes, in the chain.
    audit = session.ledger.read("SELECT actor, action FROM audit_log WHERE tbl = 'takeouts'")
    assert [(a["actor"], a["action"]) for a in audit] == [("monitor", "insert")] * 3
    # A copy within a copy approval, on the contractor's medium: no Art. 4/5/7 finding.
    report = evaluate(session, session.clock.now())
    rules = {f.rule for f in report.findings}
    assert "activity_without_approval" not in rules and "third_party_provision" not in rules
    # Running the reconciliation again adds nothing.
    assert copies.record_copies(session.ledger, session.clock).added == []
    assert len(_copies(session)) == 3


def test_a_copy_whose_row_a_crash_kept_out_is_recorded_at_the_next_import(handler_session, officer_session,
                                                                           tmp_path: Path) -> None:
    medium = _medium(officer_session, "USB-009", "9999-0009")
    approval = _copy_approval(officer_session, medium)
    spool = spool_for(officer_session)
    spool.append("detection", {
        "dedupe_key": "k1", "detected_at": "2026-11-26T09:15:00+09:00", "place_kind": "medium",
        "place": "媒体 USB-009", "root": str(tmp_path), "volume_id": "9999-0009", "media_id": medium,
        "path": str(tmp_path / "a.csv"), "size": 10, "content_hash": "ab" * 32, "verdict": "personal_data",
        "findings": {"name": 3}, "examples": [], "rule": "copy_recorded", "article": 5, "severity": "record",
        "status": "allowed", "approval_id": approval})
    # The detection committed, then the process died before the take-out row was written.
    import_spool(officer_session.ledger, spool)
    assert _copies(officer_session) == []
    # The next import — a handler's session at login — writes it, as the monitor.
    import_pending(handler_session)
    rows = _copies(officer_session)
    assert len(rows) == 1 and rows[0]["created_by"] == "monitor"
    assert dt.datetime.fromisoformat(rows[0]["started_at"]) == dt.datetime.fromisoformat("2026-11-26T09:15:00+09:00")
    assert "内容のハッシュ " + "ab" * 32 in rows[0]["purpose"]
    import_pending(handler_session)
    assert len(_copies(officer_session)) == 1


def test_a_copy_that_cannot_be_recorded_is_reported_and_retried_not_lost(officer_session, tmp_path: Path,
                                                                         caplog) -> None:
    medium = _medium(officer_session, "USB-010", "9999-0010")
    approval = _copy_approval(officer_session, medium)
    first_contract = repo.get(officer_session, "approvals", approval)["contract_id"]
    # A second contract, and a medium of it named by a detection under the first one's approval.
    other_contract = repo.add(officer_session, "contracts", {
        "title": "別の業務委託", "client": "小金井市", "contractor_name": "株式会社テスト",
        "period_start": "2026-04-01", "period_end": "2027-03-31", "purpose": "別業務",
        "contractor_address": "東京都小金井市本町1丁目", "contractor_representative": "代表取締役 見本"})
    foreign = repo.add(officer_session, "media", {"contract_id": other_contract, "control_no": "USB-X",
                                                  "media_type": "usb", "volume_id": "9999-0011", "encrypted": True})
    spool = spool_for(officer_session)
    spool.append("detection", {
        "dedupe_key": "k2", "detected_at": "2026-11-26T09:20:00+09:00", "place_kind": "medium",
        "place": "媒体 USB-X", "root": str(tmp_path), "volume_id": "9999-0011", "media_id": foreign,
        "path": str(tmp_path / "山田.csv"), "size": 10, "content_hash": "cd" * 32, "verdict": "personal_data",
        "findings": {}, "examples": [], "rule": "copy_recorded", "article": 5, "severity": "record",
        "status": "allowed", "approval_id": approval})
    import_spool(officer_session.ledger, spool)
    report = copies.record_copies(officer_session.ledger, officer_session.clock)
    assert report.added == [] and len(report.failed) == 1
    assert copies.record_copies(officer_session.ledger, officer_session.clock).failed == report.failed  # retried
    assert _copies(officer_session) == []
    assert "山田" not in caplog.text and "cd" * 32 not in caplog.text
    assert "could not be recorded" in caplog.text
    assert first_contract != other_contract


def test_a_bug_while_recording_copies_never_stops_the_import(officer_session, tmp_path: Path, caplog) -> None:
    medium = _medium(officer_session, "USB-030", "9999-0030")
    approval = _copy_approval(officer_session, medium)
    spool = spool_for(officer_session)
    spool.append("detection", {
        "dedupe_key": "k3", "detected_at": "not a time", "place_kind": "medium", "place": "媒体 USB-030",
        "root": str(tmp_path), "volume_id": "9999-0030", "media_id": medium, "path": str(tmp_path / "山田.csv"),
        "size": 10, "content_hash": "0f" * 32, "verdict": "personal_data", "findings": {}, "examples": [],
        "rule": "copy_recorded", "article": 5, "severity": "record", "status": "allowed", "approval_id": approval})
    report = import_pending(officer_session)  # does not raise: the detection is in, the bug is logged
    assert report.imported == 1 and len(_allowed(officer_session)) == 1
    assert _copies(officer_session) == []
    assert "recording allowed copies in the take-out register failed" in caplog.text
    assert "山田" not in caplog.text and "not a time" not in caplog.text

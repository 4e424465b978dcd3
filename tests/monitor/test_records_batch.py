"""The spool's import applies a batch with the ledger read once per batch: same results as
one by one (a place saved twice in one batch, a record imported twice)."""

from __future__ import annotations

from pathlib import Path

from tokki_desktop.monitor import records
from tokki_desktop.monitor.service import spool_for


def _detection(place: str, content: str) -> dict:
    return {"dedupe_key": place, "detected_at": "2026-11-26T10:00:00+09:00", "place_kind": "folder",
            "place": "書類", "root": "/d", "volume_id": None, "media_id": None, "path": f"/d/{place}.csv",
            "size": 10, "content_hash": content, "verdict": "personal_data", "score": 0.9,
            "findings": {"name": 3}, "examples": ["山＊＊＊"], "dataset": None, "os_user": "u",
            "rule": "copy_without_approval", "article": 5, "severity": "violation", "status": "open",
            "approval_id": None}


def test_a_place_saved_twice_in_one_batch_is_one_open_detection(officer_session, tmp_path: Path) -> None:
    spool = spool_for(officer_session)
    spool.append("detection", _detection("a", "h1"))
    spool.append("detection", _detection("a", "h2"))  # saved again, other contents
    spool.append("detection", _detection("a", "h2"))  # rescanned, unchanged
    spool.append("detection", _detection("b", "h1"))
    uid = spool.append("detection", _detection("c", "h1"))
    report = records.import_spool(officer_session.ledger, spool)
    assert (report.imported, report.duplicates) == (3, 2)
    dets = {d["dedupe_key"]: d for d in records.detections(officer_session.ledger)}
    assert sorted(dets) == ["a", "b", "c"] and dets["a"]["content_hash"] == "h2"
    # The same record again (a crash after the commit): a duplicate, nothing added.
    spool.append("detection", _detection("c", "h1"), uid=uid)
    again = records.import_spool(officer_session.ledger, spool)
    assert (again.imported, again.duplicates) == (0, 1)
    assert len(records.detections(officer_session.ledger)) == 3

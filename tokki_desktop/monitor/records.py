"""The monitor's records in the ledger: importing the spool, reading detections.

Every write here is a ``tx.insert``/``tx.update`` (so audited in the chain) by the system
actor "monitor". Each spool record's ``uid`` is UNIQUE in its table: importing a record a
second time (a crash after the commit, before the spool file was removed) is a no-op, and
a detection whose ``dedupe_key`` (the file's place) already has an open detection is not
doubled: the open one is updated when the contents changed.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from typing import Any

from tokki_desktop.errors import NotFound
from tokki_desktop.ledger.db import SYSTEM_MONITOR, Tx
from tokki_desktop.monitor.policy import ApprovalRecord, MediumRecord
from tokki_desktop.monitor.spool import Spool, SpoolRecord

log = logging.getLogger(__name__)

DETECTION_COLUMNS = (
    "record_uid", "dedupe_key", "detected_at", "place_kind", "place", "root", "volume_id", "media_id",
    "path", "size", "content_hash", "verdict", "score", "findings", "examples", "dataset",
    "os_user", "rule", "article", "severity", "status", "approval_id", "terminal",
)


# What a newer scan of the same file replaces in its open detection.
UPDATABLE = ("detected_at", "size", "content_hash", "verdict", "score", "findings", "examples", "dataset",
             "rule", "article", "severity", "media_id")


@dataclass
class ImportReport:
    """What one import did."""

    imported: int = 0
    duplicates: int = 0
    detection_ids: list[int] | None = None


def _exists(tx: Tx, table: str, uid: str) -> bool:
    return tx.read_one(f"SELECT 1 FROM {table} WHERE record_uid = ?", (uid,)) is not None


@dataclass
class _Known:
    """What a batch's detections need to know from the ledger, read in two queries for the
    whole batch instead of two per record: the uids already imported, and the open
    detection (id, content hash) of each place. Kept current as the batch is applied."""

    uids: set[str]
    open_by_place: dict[str, tuple[int, str | None]]

    @classmethod
    def read(cls, tx: Tx, recs: list[SpoolRecord]) -> _Known:
        known = cls(set(), {})
        dets = [r for r in recs if r.kind == "detection"]
        for i in range(0, len(dets), 500):  # within SQLite's limit of bound values
            chunk = dets[i:i + 500]
            marks = ", ".join("?" for _ in chunk)
            known.uids.update(r[0] for r in tx.read(
                f"SELECT record_uid FROM monitor_detections WHERE record_uid IN ({marks})", [r.uid for r in chunk]))
            places = sorted({str(r.data.get("dedupe_key")) for r in chunk})
            marks = ", ".join("?" for _ in places)
            # "+status": the planner must take the place index, not the (nearly all open) status one.
            for row in tx.read(f"SELECT id, dedupe_key, content_hash FROM monitor_detections WHERE +status = 'open'"
                               f" AND dedupe_key IN ({marks}) ORDER BY id", places):
                known.open_by_place[row["dedupe_key"]] = (int(row["id"]), row["content_hash"])  # the newest wins
        return known


def _open_detection(tx: Tx, d: dict[str, Any], known: _Known | None) -> tuple[int, str | None] | None:
    if known is not None:
        return known.open_by_place.get(d["dedupe_key"])
    same = tx.read_one("SELECT id, content_hash FROM monitor_detections WHERE dedupe_key = ? AND status = 'open'"
                       " ORDER BY id DESC LIMIT 1", (d["dedupe_key"],))
    return (int(same["id"]), same["content_hash"]) if same is not None else None


def _apply(tx: Tx, rec: SpoolRecord, report: ImportReport, known: _Known | None = None) -> None:
    d = rec.data
    if rec.kind == "detection":
        if (rec.uid in known.uids) if known is not None else _exists(tx, "monitor_detections", rec.uid):
            report.duplicates += 1
            return
        if d["status"] == "open":
            found = _open_detection(tx, d, known)
            same = {"id": found[0], "content_hash": found[1]} if found is not None else None
            if same is not None:
                if same["content_hash"] != d.get("content_hash"):
                    # Saved again with other contents: the open detection shows the latest.
                    tx.update("monitor_detections", int(same["id"]), {
                        k: (json.dumps(d.get(k) or ({} if k == "findings" else []), ensure_ascii=False)
                            if k in ("findings", "examples") else d.get(k))
                        for k in UPDATABLE}, action="detection_updated")
                    if known is not None:
                        known.open_by_place[d["dedupe_key"]] = (int(same["id"]), d.get("content_hash"))
                # Unchanged (rescanned after a restart, say): nothing to add.
                report.duplicates += 1
                return
        values = {k: d.get(k) for k in DETECTION_COLUMNS}
        values["record_uid"] = rec.uid
        values["findings"] = json.dumps(d.get("findings") or {}, ensure_ascii=False)
        values["examples"] = json.dumps(d.get("examples") or [], ensure_ascii=False)
        det_id = tx.insert("monitor_detections", values, action="detection")
        if known is not None:
            known.uids.add(rec.uid)
            if d["status"] == "open":
                known.open_by_place[d["dedupe_key"]] = (det_id, d.get("content_hash"))
        q = d.get("quarantine")
        if q:
            q_id = tx.insert("monitor_quarantine", {
                "record_uid": q["uid"], "detection_id": det_id, "stored_name": q["stored_name"],
                "original_path": d["path"], "size": q["size"], "content_hash": q["content_hash"],
                "status": "held", "terminal": d.get("terminal")}, action="quarantine_auto")
            tx.update("monitor_detections", det_id, {"quarantine_id": q_id}, action="quarantine_auto")
        if report.detection_ids is not None:
            report.detection_ids.append(det_id)
    elif rec.kind == "run_start":
        if _exists(tx, "monitor_runs", rec.uid):
            report.duplicates += 1
            return
        tx.insert("monitor_runs", {"record_uid": rec.uid, **{k: d.get(k) for k in (
            "host", "os_user", "pid", "started_at", "boot_at")}, "last_heartbeat_at": d["started_at"]},
            action="monitor_started")
    elif rec.kind in ("heartbeat", "run_stop"):
        row = tx.read_one("SELECT id, last_heartbeat_at, stopped_at FROM monitor_runs WHERE record_uid = ?",
                          (d["run_uid"],))
        if row is None:
            log.error("a monitor run record is missing for a heartbeat; skipped")
            return
        if rec.kind == "heartbeat":
            if row["stopped_at"] is None and (row["last_heartbeat_at"] or "") < d["at"]:
                tx.update("monitor_runs", int(row["id"]), {"last_heartbeat_at": d["at"]}, action="monitor_heartbeat")
        elif row["stopped_at"] is None:
            tx.update("monitor_runs", int(row["id"]), {
                "stopped_at": d["at"], "last_heartbeat_at": d["at"], "stop_kind": d["stop_kind"],
                "stopped_by": d.get("stopped_by")}, action="monitor_stopped")
    else:
        table = {"gap": "monitor_gaps", "media_event": "monitor_media_events",
                 "inventory": "monitor_inventory"}.get(rec.kind)
        if table is None:
            log.error("unknown spool record kind skipped")
            return
        if _exists(tx, table, rec.uid):
            report.duplicates += 1
            return
        tx.insert(table, {"record_uid": rec.uid, **d}, action=f"monitor_{rec.kind}")
    report.imported += 1


# The work site's intake imports a terminal's records through the same door.
apply_record = _apply


def apply_records(tx: Tx, recs: list[SpoolRecord], report: ImportReport) -> None:
    """Apply a batch of records in one transaction, in order, exactly as one by one, with
    the ledger read for the whole batch at once (see :class:`_Known`)."""
    known = _Known.read(tx, recs)
    for rec in recs:
        _apply(tx, rec, report, known)


def import_spool(ledger: Any, spool: Spool, *, batch: int = 200, collect_ids: bool = False) -> ImportReport:
    """Move every spool record into the ledger (idempotent), in batches of ``batch``."""
    report = ImportReport(detection_ids=[] if collect_ids else None)
    pending: list[SpoolRecord] = []

    def flush() -> None:
        if not pending:
            return
        with ledger.transaction(SYSTEM_MONITOR) as tx:
            apply_records(tx, pending, report)
        # Only after the commit: a crash before this line re-imports, and uid makes that a no-op.
        for rec in pending:
            spool.done(rec)
        pending.clear()

    for rec in spool.read():
        pending.append(rec)
        if len(pending) >= batch:
            flush()
    flush()
    return report


# ----------------------------------------------------------------------------- reading
def find_medium(ledger: Any, volume_id: str, device_serial: str = "") -> MediumRecord | None:
    """The open media-register row whose volume id (or device serial) is this medium's."""
    row = ledger.read_one(
        "SELECT * FROM media WHERE closed_at IS NULL AND lower(volume_id) = lower(?) ORDER BY id DESC LIMIT 1",
        (volume_id,))
    if row is None and device_serial:
        row = ledger.read_one(
            "SELECT * FROM media WHERE closed_at IS NULL AND serial = ? ORDER BY id DESC LIMIT 1",
            (device_serial,))
    return MediumRecord.from_row(dict(row)) if row is not None else None


def approvals_in_ledger(ledger: Any) -> list[ApprovalRecord]:
    """Open approvals of the kinds the policy looks at."""
    rows = ledger.read(
        "SELECT * FROM approvals WHERE closed_at IS NULL AND status = 'approved'"
        " AND approval_type IN ('copy', 'takeout', 'media_use')")
    return [ApprovalRecord.from_row(dict(r)) for r in rows]


def detection(ledger: Any, detection_id: int) -> dict[str, Any]:
    """One detection with its findings and examples decoded (:class:`NotFound` if none)."""
    row = ledger.read_one("SELECT * FROM monitor_detections WHERE id = ?", (int(detection_id),))
    if row is None:
        raise NotFound("検知", "detection", detection_id)
    return _decode(dict(row))


def detections(ledger: Any, *, open_only: bool = False, limit: int = 1000) -> list[dict[str, Any]]:
    """Detections, newest first."""
    where = " WHERE status = 'open'" if open_only else ""
    rows = ledger.read(f"SELECT * FROM monitor_detections{where} ORDER BY id DESC LIMIT ?", (int(limit),))
    return [_decode(dict(r)) for r in rows]


def _decode(row: dict[str, Any]) -> dict[str, Any]:
    row["findings"] = json.loads(row.get("findings") or "{}")
    row["examples"] = json.loads(row.get("examples") or "[]")
    return row

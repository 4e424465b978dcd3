"""At the site: ``removed`` and ``quarantine`` of a terminal's detection, as requests.

The file is on the terminal, so the officer's resolution is recorded as requested
(audited), goes to the terminal in its next sealed policy update, and is closed when the
terminal's outcome comes back in a bundle: done (the detection is resolved, by the officer
who asked), or failed with the terminal's reason (the detection stays open). The ledger
shows each request's state: requested → done / failed.
"""

from __future__ import annotations

import logging
from typing import Any

from tokki_desktop.ledger.db import Tx
from tokki_desktop.monitor.errors import MonitorError
from tokki_desktop.monitor.spool import new_uid

log = logging.getLogger(__name__)


class ResolutionPending(MonitorError):
    """A request for this detection already waits for its terminal."""

    def __init__(self, detection_id: int, terminal: str) -> None:
        super().__init__(
            f"検知（ID {detection_id}）の処理はすでに端末「{terminal}」に依頼済みです。結果を待ってください。",
            f"Detection {detection_id} is already waiting for terminal '{terminal}' to carry out a resolution.",
            hint_ja="端末が次に受け渡しフォルダを読んだときに処理され、結果が届きます。",
            hint_en="The terminal carries it out when it next reads the drop folder, and reports back.")


class TerminalGone(MonitorError):
    """The detection's terminal is revoked (or unknown): nothing can be carried out there."""

    def __init__(self, terminal: str) -> None:
        super().__init__(
            f"端末「{terminal}」は登録が取り消されているため、処理を依頼できません。",
            f"Terminal '{terminal}' is revoked; no resolution can be carried out there.",
            hint_ja="端末で直接ファイルを処理し、approve（事後承認）か incident（事故）で処理してください。",
            hint_en="Deal with the file on the terminal, then resolve it with approve or incident.")


def request(session: Any, det: dict[str, Any], kind: str, *, quarantine_id: int | None = None) -> int:
    """Record an officer's ``removed``/``quarantine`` of a terminal's detection, or ``restore``
    of its quarantined copy (audited); the id of the request. The caller checked the officer
    (and, but for a restore, that the detection is open)."""
    terminal = str(det["terminal"])
    row = session.ledger.read_one(
        "SELECT id FROM site_terminals WHERE name = ? AND status != 'revoked' ORDER BY id DESC LIMIT 1", (terminal,))
    if row is None:
        raise TerminalGone(terminal)
    with session.ledger.transaction(session.user) as tx:
        if tx.read_one("SELECT 1 FROM site_resolutions WHERE detection_id = ? AND state = 'requested'",
                       (int(det["id"]),)):
            raise ResolutionPending(int(det["id"]), terminal)
        rid = tx.insert("site_resolutions", {
            "request_uid": new_uid(), "detection_id": int(det["id"]), "terminal_id": int(row["id"]), "kind": kind,
            "state": "requested", "requested_by": session.user.login, "requested_at": tx.now,
            "quarantine_id": quarantine_id}, action="site_resolution_requested")
    _deliver(session)
    return rid


def request_restore(session: Any, quarantine_id: int) -> int:
    """Ask the terminal to put a file it holds in quarantine back at its place (officer
    only, audited); the id of the request. It never overwrites a file there."""
    from tokki_desktop.errors import NotFound
    from tokki_desktop.ledger.db import Ledger

    Ledger.require_officer(session.user, "隔離ファイルの復元", "restore quarantined files")
    q = session.ledger.read_one("SELECT * FROM monitor_quarantine WHERE id = ?", (int(quarantine_id),))
    if q is None or q["status"] != "held" or not q["terminal"] or q["detection_id"] is None:
        raise NotFound("端末で保管中の隔離ファイル", "file held in a terminal's quarantine", quarantine_id)
    det = session.ledger.read_one("SELECT id, terminal FROM monitor_detections WHERE id = ?",
                                  (int(q["detection_id"]),))
    return request(session, dict(det), "restore", quarantine_id=int(q["id"]))


def _deliver(session: Any) -> None:
    """Write the policy update now if the drop folder is there (else the intake does, later)."""
    from tokki_desktop.errors import KnownError
    from tokki_desktop.site.intake import SiteIntake

    try:
        SiteIntake(session).write_policies()
    except (OSError, KnownError) as exc:
        log.warning("the policy update waits for the next intake (%s)", type(exc).__name__)


def pending_for(ledger: Any, terminal_id: int) -> list[dict[str, Any]]:
    """The open requests of one terminal, as its policy carries them (no path: the
    terminal finds its file by the keyed dedupe key)."""
    rows = ledger.read(
        "SELECT r.request_uid, r.kind, d.dedupe_key, d.content_hash, q.stored_name FROM site_resolutions r"
        " JOIN monitor_detections d ON d.id = r.detection_id"
        " LEFT JOIN monitor_quarantine q ON q.id = r.quarantine_id"
        " WHERE r.terminal_id = ? AND r.state = 'requested' ORDER BY r.id", (int(terminal_id),))
    out = []
    for r in rows:
        item = {"uid": r[0], "kind": r[1], "dedupe_key": r[2], "content_hash": r[3]}
        if r[4]:
            item["stored_name"] = r[4]  # a restore: the copy's random name in the terminal's quarantine
        out.append(item)
    return out


def apply_outcome(tx: Tx, terminal: dict[str, Any], data: dict[str, Any]) -> bool:
    """A terminal's report on a request (from a bundle); False when it was known already."""
    row = tx.read_one("SELECT * FROM site_resolutions WHERE request_uid = ? AND terminal_id = ?",
                      (str(data.get("request")), int(terminal["id"])))
    if row is None:
        log.error("a terminal reported on a request the site does not know; skipped")
        return False
    if row["state"] != "requested":
        return False  # reported again (a kill on the terminal before it noted the report)
    rid, det_id = int(row["id"]), int(row["detection_id"])
    if data.get("outcome") != "done":
        tx.update("site_resolutions", rid, {"state": "failed", "reason": str(data.get("reason") or "error"),
                                            "finished_at": tx.now}, action="site_resolution_failed")
        return True
    tx.update("site_resolutions", rid, {"state": "done", "finished_at": tx.now}, action="site_resolution_done")
    if row["kind"] == "restore":
        q = tx.read_one("SELECT original_path FROM monitor_quarantine WHERE id = ?", (int(row["quarantine_id"]),))
        tx.update("monitor_quarantine", int(row["quarantine_id"]), {
            "status": "restored", "restored_at": tx.now, "restored_to": q["original_path"] if q else None},
            action="quarantine_restored")
        return True
    det = tx.read_one("SELECT status, path, content_hash FROM monitor_detections WHERE id = ?", (det_id,))
    if det is None or det["status"] != "open":
        return True  # resolved meanwhile at the site (an approval, say): the request's outcome stands
    changes: dict[str, Any] = {"status": "resolved", "resolution": row["kind"], "resolved_at": tx.now,
                               "resolved_by": row["requested_by"]}
    if row["kind"] == "quarantine" and data.get("stored_name"):
        changes["quarantine_id"] = tx.insert("monitor_quarantine", {
            "record_uid": str(data.get("quarantine_uid") or new_uid()), "detection_id": det_id,
            "stored_name": str(data["stored_name"]), "original_path": det["path"], "size": int(data.get("size") or 0),
            "content_hash": det["content_hash"] or "",
            "status": "held", "terminal": terminal["name"]}, action="quarantine")
    tx.update("monitor_detections", det_id, changes, action=f"detection_{row['kind']}")
    return True


def resolutions(ledger: Any, *, detection_id: int | None = None) -> list[dict[str, Any]]:
    """Requests with their terminal's name, newest first."""
    where, args = ("WHERE r.detection_id = ?", (int(detection_id),)) if detection_id is not None else ("", ())
    rows = ledger.read(
        "SELECT r.id, r.request_uid, r.detection_id, t.name AS terminal, r.kind, r.state, r.reason,"
        " r.requested_by, r.requested_at, r.finished_at FROM site_resolutions r"
        f" JOIN site_terminals t ON t.id = r.terminal_id {where} ORDER BY r.id DESC", args)
    return [dict(r) for r in rows]

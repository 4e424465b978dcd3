"""An allowed copy is still a copy: each one goes into the take-out and copy register (台帳).

The policy lets a personal-data copy stand when it lies on a registered, consented medium
(or in a folder) within an approval's scope — a ``copy_recorded`` detection with status
``allowed``. The provisions still want every copy on record (Art. 5, 7(3)(5)), so each one
becomes a ``takeouts`` row of activity 複写・複製, written through the registers' repository
(validated, audited) by the monitor's system actor, whoever's session runs the import.

Once per file content and place: the row's note carries the detection's keyed content hash
(HMAC with a ledger subkey, never the file's contents or name), and a content already on
record for that medium (or folder) is not recorded again — a re-scan, a restart, or the
same file saved under a second name on the same medium add nothing. The same contents
copied onto another medium is another copy, and is recorded.

The take-out row is written after the detection's import has committed (the repository opens
its own transaction), so this runs as a reconciliation: every allowed detection without its
row gets one, and a crash in between is made good at the next run.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from dataclasses import dataclass, field
from typing import Any

from tokki_desktop.errors import KnownError
from tokki_desktop.ledger.db import SYSTEM_MONITOR, Actor

log = logging.getLogger(__name__)

#: How the note names the content, and how it is found again (64 hex digits, or none).
_HASH_WORDS = "内容のハッシュ"
_HASH_IN_NOTE = re.compile(_HASH_WORDS + r" ([0-9a-f]{64})")
_DETECTION_IN_NOTE = re.compile(r"監視の検知 ID (\d+)")
# The destination is a required field of at most 300 characters.
_DESTINATION_MAX = 300


@dataclass(frozen=True)
class _MonitorSession:
    """What the repository needs of a session, acting as the monitor's system actor.

    The copy is the monitor's record whoever unlocked the ledger (the terminal slot, or an
    officer's session importing the spool at login), so it is audited as "monitor".
    """

    ledger: Any
    clock: Any
    user: Actor = SYSTEM_MONITOR


@dataclass
class CopyReport:
    """What one reconciliation did: rows added, and detections left for the next run."""

    added: list[int] = field(default_factory=list)
    failed: list[int] = field(default_factory=list)  # detection ids (a known error, logged)


def _key(content_hash: str, media_id: object, destination: str) -> tuple[str, int | None, str]:
    """One copy on record: this content, on this medium (or at this folder place)."""
    mid = int(media_id) if media_id is not None else None  # type: ignore[call-overload]
    return (content_hash, mid, "" if mid is not None else destination)


def destination_for(detection: dict[str, Any], contract: dict[str, Any] | None) -> str:
    """Where the copy lies, named as the contractor's: 受託者（商号）の媒体 USB-001 / の端末 Documents.

    Naming the contractor keeps the registers' Art. 4 check (third-party provision) from
    taking the contractor's own medium for a stranger; the place is the 管理番号 or the
    folder's label the officer gave it, never a path (paths can name people).
    """
    contractor = str((contract or {}).get("contractor_name") or "").strip()
    owner = f"受託者（{contractor}）" if contractor else "受託者"
    place = str(detection.get("place") or "")
    if detection.get("place_kind") == "medium":
        place = place.removeprefix("媒体 ")
        text = f"{owner}の媒体 {place}"
    else:
        text = f"{owner}の端末 {place}"
    return text[:_DESTINATION_MAX]


def note_for(detection: dict[str, Any]) -> str:
    """The note (目的欄): which approval, which detection, which content — no contents, no name."""
    parts = [f"承認（ID {detection['approval_id']}）の範囲内の複写", f"監視の検知 ID {detection['id']}"]
    if detection.get("content_hash"):
        parts.append(f"{_HASH_WORDS} {detection['content_hash']}")
    return "監視による記録：" + "、".join(parts) + "。"


def _on_record(ledger: Any) -> tuple[set[tuple[str, int | None, str]], set[int]]:
    """Copies the monitor has already written: by (content, medium/place), and by detection id."""
    keys: set[tuple[str, int | None, str]] = set()
    detections: set[int] = set()
    rows = ledger.read("SELECT media_id, destination, purpose FROM takeouts"
                       " WHERE created_by = ? AND activity = 'copy'", (SYSTEM_MONITOR.login,))
    for r in rows:
        note = str(r["purpose"] or "")
        m = _HASH_IN_NOTE.search(note)
        if m:
            keys.add(_key(m.group(1), r["media_id"], str(r["destination"] or "")))
        d = _DETECTION_IN_NOTE.search(note)
        if d:
            detections.add(int(d.group(1)))
    return keys, detections


def record_copies(ledger: Any, clock: Any) -> CopyReport:
    """Write a take-out row (複写・複製) for every allowed copy that has none yet."""
    from tokki_desktop.registers import repository as repo

    report = CopyReport()
    allowed = ledger.read(
        "SELECT id, place_kind, place, media_id, approval_id, content_hash, detected_at FROM monitor_detections"
        " WHERE rule = 'copy_recorded' AND status = 'allowed' AND approval_id IS NOT NULL ORDER BY id")
    if not allowed:
        return report
    keys, done = _on_record(ledger)
    session = _MonitorSession(ledger, clock)
    contracts: dict[int, dict[str, Any] | None] = {}
    for row in allowed:
        d = dict(row)
        if int(d["id"]) in done:
            continue
        approval = ledger.read_one("SELECT contract_id FROM approvals WHERE id = ?", (int(d["approval_id"]),))
        if approval is None:
            report.failed.append(int(d["id"]))
            log.warning("an allowed copy names an approval that is not in the ledger; not recorded")
            continue
        cid = int(approval["contract_id"])
        if cid not in contracts:
            c = ledger.read_one("SELECT contractor_name FROM contracts WHERE id = ?", (cid,))
            contracts[cid] = dict(c) if c is not None else None
        destination = destination_for(d, contracts[cid])
        key = _key(str(d.get("content_hash") or ""), d.get("media_id"), destination)
        if key[0] and key in keys:
            continue  # the same contents on the same medium (or folder) is on record already
        try:
            new_id = repo.add(session, "takeouts", {
                "contract_id": cid, "activity": "copy", "media_id": d.get("media_id"),
                "approval_id": int(d["approval_id"]), "destination": destination,
                "purpose": note_for(d), "started_at": dt.datetime.fromisoformat(str(d["detected_at"])),
            })
        except KnownError as exc:
            # E.g. the medium belongs to another contract than the approval: the detection
            # stays, and an officer sees it there; the message names fields, never values.
            report.failed.append(int(d["id"]))
            log.warning("an allowed copy could not be recorded in the take-out register: %s", exc.en)
            continue
        report.added.append(new_id)
        if key[0]:
            keys.add(key)
    return report

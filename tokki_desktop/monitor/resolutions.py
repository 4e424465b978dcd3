"""An officer resolves a detection: approve after the fact, removed, quarantine, incident.

Each resolution is audited (the detection's update and any record it creates are in the
ledger's chain). Quarantine and restore need the file's place to be there: for a detection
on a medium, that medium must be plugged in (matched by volume id, wherever it is mounted).
"""

from __future__ import annotations

import datetime as dt
import logging
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tokki_desktop.errors import NotFound
from tokki_desktop.ledger.db import Ledger
from tokki_desktop.monitor import records
from tokki_desktop.monitor.errors import (
    AlreadyResolved,
    BadResolution,
    MonitorError,
    QuarantineDamaged,
    QuarantineFileGone,
    RestoreTargetExists,
    StillPresent,
)
from tokki_desktop.monitor.media import MediaSource, system_media_source
from tokki_desktop.monitor.quarantine import Damaged, QuarantineVault, Stored
from tokki_desktop.monitor.scanning import PERSONAL_DATA, file_sha256, keyed_hash

log = logging.getLogger(__name__)

KINDS = ("approve", "removed", "quarantine", "incident")


class MediumNotPresent(MonitorError):
    """The medium of a detection must be plugged in to check or move its file."""

    def __init__(self, volume_id: str) -> None:
        super().__init__(
            f"検知した媒体（{volume_id}）が接続されていません。接続してからやり直してください。",
            f"The medium of this detection ({volume_id}) is not plugged in; plug it in and try again.",
        )


class OnTerminal(MonitorError):
    """A file quarantined on a work-site terminal is held there, not on this PC."""

    def __init__(self, terminal: str, kind: str) -> None:
        super().__init__(
            f"このファイルは端末「{terminal}」の隔離領域にあります。このPCからは {kind} できません。",
            f"This file is held in terminal '{terminal}''s quarantine; {kind} is not possible from this PC.",
            hint_ja="`tokki site restore 番号` で端末に復元を依頼してください（元の場所に戻します）。",
            hint_en="Ask the terminal to restore it with `tokki site restore ID` (back to its place).",
        )


def quarantine_vault(session: Any) -> QuarantineVault:
    """The quarantine beside this ledger."""
    return QuarantineVault(Path(session.data_dir) / "quarantine", session.subkey("quarantine"))


def hash_key(session: Any) -> bytes:
    """The key of detections' content hashes."""
    return session.subkey("monitor-content")


def current_path(det: dict[str, Any], media: MediaSource | None) -> Path:
    """Where the detected file is now: its path, or on a medium, under today's mount point."""
    if det["place_kind"] != "medium":
        return Path(det["path"])
    rel = os.path.relpath(det["path"], det["root"])
    for m in (media or system_media_source()).current():
        if m.volume_id == det["volume_id"]:
            return m.mount_point / rel
    raise MediumNotPresent(str(det["volume_id"]))


def same_file(key: bytes, path: Path, content_hash: str | None) -> bool:
    """Whether ``path`` still holds the detected content (by keyed hash under ``key``)."""
    try:
        if not path.is_file():
            return False
        if not content_hash:
            return True  # nothing to compare with: presence is enough
        return keyed_hash(key, file_sha256(path)) == content_hash
    except OSError:
        return False


def store_if_same(vault: QuarantineVault, path: Path, key: bytes, content_hash: str | None) -> Stored | None:
    """Put a verified encrypted copy of ``path`` into ``vault`` if the bytes stored are still
    the detected ones (keyed hash under ``key``); None, with nothing kept, if they changed.

    The comparison is on the bytes that went into the vault, so a file changed between
    the check and the copy is never moved. The caller removes the original once the copy
    is recorded. The monitor (by hand and automatically) and the work-site terminal agent
    quarantine through this one door. ``OSError`` (unreadable file) is the caller's.
    """
    stored = vault.put(path)
    if content_hash and keyed_hash(key, stored.sha256) != content_hash:
        vault.discard(stored.stored_name)
        return None
    return stored


def wants_auto_quarantine(enabled: bool, rule: str, verdict: str) -> bool:
    """Whether automatic quarantine takes this copy: personal data on an unregistered medium."""
    return enabled and rule == "unregistered_medium" and verdict == PERSONAL_DATA


def auto_quarantine_copy(vault: QuarantineVault, path: Path, key: bytes, data: dict[str, Any]) -> Stored | None:
    """Automatic quarantine of a detected copy: a verified encrypted copy goes into ``vault``
    and the detection's spool ``data`` notes it; the caller removes the original after the
    record is on disk. None (the file stays and is reported) when unreadable or changed."""
    from tokki_desktop.monitor.spool import new_uid

    try:
        stored = store_if_same(vault, path, key, data["content_hash"])
    except OSError:
        log.warning("automatic quarantine could not read a file; it stays and is reported")
        return None
    if stored is None:
        return None  # changed since the scan: report it, do not move what was not judged
    data["quarantine"] = {"uid": new_uid(), "stored_name": stored.stored_name, "size": stored.size,
                          "content_hash": data["content_hash"]}
    return stored


def remove_quarantined_original(path: Path) -> bool:
    """Remove the original of an automatic quarantine, once its encrypted copy is verified and
    the detection's record is on disk; False (logged, the file reported) when it cannot be."""
    try:
        path.unlink()
        return True
    except OSError:
        log.warning("automatic quarantine could not remove the original; it is reported")
        return False


def _same_file(session: Any, path: Path, det: dict[str, Any]) -> bool:
    return same_file(hash_key(session), path, det.get("content_hash"))


@dataclass(frozen=True)
class Resolution:
    """What a resolution did (ids of what it created)."""

    detection_id: int
    kind: str
    approval_id: int | None = None
    incident_id: int | None = None
    quarantine_id: int | None = None
    request_id: int | None = None  # a terminal's detection: the request it carries out


def resolve(session: Any, detection_id: int, kind: str, *, media: MediaSource | None = None) -> Resolution:
    """Resolve an open detection in one of the four ways (officer only)."""
    if kind not in KINDS:
        raise BadResolution(kind)
    Ledger.require_officer(session.user, "検知の処理", "resolve detections")
    det = records.detection(session.ledger, detection_id)
    if det["status"] != "open":
        raise AlreadyResolved(detection_id)
    today = session.clock.now().date()
    if kind == "approve":
        return _approve(session, det, today)
    if kind == "incident":
        return _incident(session, det)
    if kind == "quarantine" and det.get("quarantine_id"):
        # Already moved by automatic quarantine (here or on the terminal): the officer confirms it.
        _close(session, int(det["id"]), "quarantine")
        return Resolution(int(det["id"]), "quarantine", quarantine_id=int(det["quarantine_id"]))
    if det.get("terminal"):
        # The file is on a work-site terminal: the terminal carries the resolution out and
        # reports back (requested → done / failed); the detection stays open until then.
        from tokki_desktop.site.resolutions import request

        return Resolution(int(det["id"]), kind, request_id=request(session, det, kind))
    if kind == "removed":
        return _removed(session, det, media)
    return _quarantine(session, det, media)


def _close(session: Any, det_id: int, kind: str, **extra: Any) -> None:
    with session.ledger.transaction(session.user) as tx:
        row = tx.read_one("SELECT status FROM monitor_detections WHERE id = ?", (det_id,))
        if row["status"] != "open":
            raise AlreadyResolved(det_id)
        tx.update("monitor_detections", det_id, {
            "status": "resolved", "resolution": kind, "resolved_at": tx.now,
            "resolved_by": session.user.login, **extra}, action=f"detection_{kind}")


def _approve(session: Any, det: dict[str, Any], today: dt.date) -> Resolution:
    from tokki_desktop.registers import repository

    on_medium = det["place_kind"] == "medium"
    # The scope names the file, so the policy sees the copy as covered from now on.
    scope = f"{det['path']}\n(事後承認: 検知 ID {det['id']} / approved after the fact: detection {det['id']})"
    values: dict[str, Any] = {
        "approval_type": "media_use" if on_medium and det.get("media_id") else "copy",
        "scope": scope,
        "requested_on": today.isoformat(),
        "requested_by": det.get("os_user") or "",
        "status": "approved",
        "decided_on": today.isoformat(),
    }
    if det.get("media_id"):
        values["media_id"] = int(det["media_id"])
    approval_id = repository.add(session, "approvals", values)
    _close(session, int(det["id"]), "approve", approval_id=approval_id)
    return Resolution(int(det["id"]), "approve", approval_id=approval_id)


def _incident(session: Any, det: dict[str, Any]) -> Resolution:
    from tokki_desktop.registers import repository

    try:
        from tokki_desktop.scanner.result import KIND_LABELS_JA
    except ImportError:  # the scanner's labels are a nicety, the kinds themselves suffice
        KIND_LABELS_JA = {}
    findings: dict[str, int] = det.get("findings") or {}
    items = "、".join(KIND_LABELS_JA.get(k, k) for k in findings)
    # People affected: the largest count of a per-person item is the best estimate at hand.
    affected = max((findings.get(k, 0) for k in ("name", "my_number", "address")), default=0) or None
    summary = (
        f"監視による検知（ID {det['id']}、規則 {det['rule']}、第{det['article']}条）: "
        f"{det['place']} でファイル（{det['size'] or 0} バイト、判定 {det['verdict']}）を検知。"
    )
    values: dict[str, Any] = {
        "discovered_at": det["detected_at"],
        "place": det["place"],
        "summary": summary,
        "items": items,
    }
    if affected:
        values["affected_count"] = int(affected)
    incident_id = repository.add(session, "incidents", values)
    _close(session, int(det["id"]), "incident", incident_id=incident_id)
    return Resolution(int(det["id"]), "incident", incident_id=incident_id)


def _removed(session: Any, det: dict[str, Any], media: MediaSource | None) -> Resolution:
    path = current_path(det, media)
    if _same_file(session, path, det):
        raise StillPresent(int(det["id"]))
    _close(session, int(det["id"]), "removed")
    return Resolution(int(det["id"]), "removed")


def _quarantine(session: Any, det: dict[str, Any], media: MediaSource | None) -> Resolution:
    if det.get("quarantine_id"):
        # Already moved by automatic quarantine: the officer confirms it.
        _close(session, int(det["id"]), "quarantine")
        return Resolution(int(det["id"]), "quarantine", quarantine_id=int(det["quarantine_id"]))
    path = current_path(det, media)
    if not _same_file(session, path, det):
        raise QuarantineFileGone(int(det["id"]))
    stored = store_if_same(quarantine_vault(session), path, hash_key(session), det.get("content_hash"))
    if stored is None:
        raise QuarantineFileGone(int(det["id"]))
    with session.ledger.transaction(session.user) as tx:
        q_id = tx.insert("monitor_quarantine", {
            "record_uid": stored.stored_name, "detection_id": int(det["id"]),
            "stored_name": stored.stored_name, "original_path": str(path), "size": stored.size,
            "content_hash": keyed_hash(hash_key(session), stored.sha256), "status": "held"},
            action="quarantine")
        tx.update("monitor_detections", int(det["id"]), {
            "status": "resolved", "resolution": "quarantine", "resolved_at": tx.now,
            "resolved_by": session.user.login, "quarantine_id": q_id}, action="detection_quarantine")
    # Removed only after the encrypted copy is verified and recorded.
    path.unlink()
    return Resolution(int(det["id"]), "quarantine", quarantine_id=q_id)


def quarantined(ledger: Any) -> list[dict[str, Any]]:
    """Every quarantined file, newest first."""
    return [dict(r) for r in ledger.read("SELECT * FROM monitor_quarantine ORDER BY id DESC")]


def restore(session: Any, quarantine_id: int, *, to: Path | None = None) -> Path:
    """Put a quarantined file back (officer only); never overwrites an existing file."""
    Ledger.require_officer(session.user, "隔離ファイルの復元", "restore quarantined files")
    row = session.ledger.read_one("SELECT * FROM monitor_quarantine WHERE id = ?", (int(quarantine_id),))
    if row is None:
        raise NotFound("隔離ファイル", "quarantined file", quarantine_id)
    if row["status"] != "held":
        raise NotFound("保管中の隔離ファイル", "held quarantined file", quarantine_id)
    if row["terminal"]:
        raise OnTerminal(str(row["terminal"]), "restore")
    target = Path(to) if to is not None else Path(row["original_path"])
    if target.exists():
        raise RestoreTargetExists(str(target))
    vault = quarantine_vault(session)
    try:
        vault.restore(row["stored_name"], target)
    except FileExistsError:
        raise RestoreTargetExists(str(target)) from None
    except (Damaged, FileNotFoundError):
        raise QuarantineDamaged(int(quarantine_id)) from None
    with session.ledger.transaction(session.user) as tx:
        tx.update("monitor_quarantine", int(quarantine_id), {
            "status": "restored", "restored_at": tx.now, "restored_to": str(target)}, action="quarantine_restored")
    return target

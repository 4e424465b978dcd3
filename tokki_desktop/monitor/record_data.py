"""The data of a detection and of a media event, as a spool record holds it.

Shared by the monitor and the work site's terminal agent, so that a detection made on a
terminal is the same record, with the same fields, as one made beside the ledger. Only
masked examples, counts and keyed hashes go in; never a file's contents.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import os
from typing import Any

from tokki_desktop.monitor.folders import WatchRoot
from tokki_desktop.monitor.media import Medium
from tokki_desktop.monitor.policy import Decision, MediumRecord
from tokki_desktop.monitor.scanning import FileVerdict, keyed_hash


def detection_data(*, root: WatchRoot, path: os.PathLike[str] | str, st: os.stat_result, verdict: FileVerdict,
                   decision: Decision, record: MediumRecord | None, now: dt.datetime, hash_key: bytes,
                   dedupe_key: bytes, os_user: str) -> dict[str, Any]:
    """A detection's spool data for one scanned file and the policy's decision on it."""
    # One open detection per file place: a file saved again (or scanned again after a
    # restart) updates its open detection instead of adding another.
    dedupe = hmac.new(dedupe_key, root.key_for(str(path)).encode(), hashlib.sha256).hexdigest()
    return {
        "dedupe_key": dedupe, "detected_at": now.isoformat(),
        "place_kind": "medium" if root.medium is not None else "folder", "place": root.place,
        "root": str(root.path), "volume_id": root.medium.volume_id if root.medium else None,
        "media_id": record.id if record is not None else None, "path": str(path),
        "size": st.st_size, "content_hash": keyed_hash(hash_key, verdict.sha256), "verdict": verdict.verdict,
        "score": verdict.score, "findings": verdict.findings, "examples": list(verdict.examples),
        "dataset": verdict.dataset, "os_user": os_user, "rule": decision.rule,
        "article": decision.article, "severity": decision.severity, "status": decision.status,
        "approval_id": decision.approval_id,
    }


def media_event_data(medium: Medium, record: MediumRecord | None, kind: str, now: dt.datetime,
                     files: int | None = None) -> dict[str, Any]:
    """A media event's spool data (arrived, scanned, removed, removed_mid_scan)."""
    return {"at": now.isoformat(), "event": kind, "volume_id": medium.volume_id,
            "label": medium.label, "size_bytes": medium.size_bytes, "device_serial": medium.device_serial,
            "media_id": record.id if record is not None else None,
            "registered": 1 if record is not None else 0, "files": files}

"""A terminal's policy, as the site ledger states it: watched folders, approved media,
approvals in force. It goes into the enrolment file and, when it changes (an approval
granted after the fact, a medium registered), into a sealed policy update in the drop
folder. The agent decides with it exactly as the monitor decides with the ledger.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any

from tokki_desktop.monitor.policy import ApprovalRecord, MediumRecord


def site_policy(ledger: Any, watch: list[dict[str, Any]], heartbeat_seconds: int) -> dict[str, Any]:
    """The policy for one terminal (without its version), from the ledger's registers now."""
    media = [
        {"id": int(r["id"]), "control_no": r["control_no"] or "", "encrypted": int(r["encrypted"] or 0),
         "consent_on": r["consent_on"], "volume_id": r["volume_id"] or "", "serial": r["serial"] or ""}
        for r in ledger.read("SELECT * FROM media WHERE closed_at IS NULL ORDER BY id")]
    approvals = [
        {"id": int(r["id"]), "approval_type": r["approval_type"], "scope": r["scope"] or "",
         "media_id": r["media_id"], "status": r["status"], "decided_on": r["decided_on"],
         "valid_until": r["valid_until"]}
        for r in ledger.read(
            "SELECT * FROM approvals WHERE closed_at IS NULL AND status = 'approved'"
            " AND approval_type IN ('copy', 'takeout', 'media_use') ORDER BY id")]
    return {"watch": watch, "media": media, "approvals": approvals, "heartbeat_seconds": heartbeat_seconds}


def policy_hash(policy: dict[str, Any]) -> str:
    """A stable hash of a policy's contents (the version counter is not part of it)."""
    body = {k: v for k, v in policy.items() if k != "version"}
    return hashlib.sha256(json.dumps(body, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


@dataclass
class TerminalPolicy:
    """The policy an agent holds, in the monitor's own record types."""

    version: int
    watch: list[dict[str, Any]]
    media: list[dict[str, Any]]
    approvals: list[ApprovalRecord]
    heartbeat_seconds: int

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> TerminalPolicy:
        return cls(int(d.get("version") or 1), list(d.get("watch") or []), list(d.get("media") or []),
                   [ApprovalRecord.from_row(a) for a in d.get("approvals") or []],
                   int(d.get("heartbeat_seconds") or 300))

    def find_medium(self, volume_id: str, device_serial: str = "") -> MediumRecord | None:
        """The media-register row of a medium, matched as :func:`records.find_medium` does."""
        for row in reversed(self.media):
            if str(row.get("volume_id") or "").lower() == volume_id.lower() and volume_id:
                return MediumRecord.from_row(row)
        if device_serial:
            for row in reversed(self.media):
                if row.get("serial") == device_serial:
                    return MediumRecord.from_row(row)
        return None

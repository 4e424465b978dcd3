"""A terminal's policy, as the site ledger states it: watched folders, approved media,
approvals in force. It goes into the enrolment file and, when it changes (an approval
granted after the fact, a medium registered), into a sealed policy update in the drop
folder. The agent decides with it exactly as the monitor decides with the ledger.
"""

from __future__ import annotations

import base64
import hashlib
import json
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from tokki_desktop.monitor.policy import ApprovalRecord, MediumRecord
from tokki_desktop.site.carry_out import Request
from tokki_desktop.scanner.result import REPRESENTATIVES_CHOICES, REPRESENTATIVES_SOLE_PROPRIETORS, ScanLimits


def fingerprints_summary(ledger: Any) -> tuple[Any, ...] | None:
    """What changes when a dataset is registered or closed (cheap; None without the tables)."""
    import sqlcipher3

    try:
        row = ledger.read_one(
            "SELECT count(*), max(id), max(updated_at) FROM fingerprint_datasets WHERE closed_at IS NULL")
    except sqlcipher3.OperationalError:
        return None
    return tuple(row) if row is not None else None


def fingerprint_policy(session: Any) -> dict[str, Any] | None:
    """The registered datasets' fingerprints (Art. 16) as a terminal needs them to match.

    Keyed digests only (HMAC of normalised values and records with the ledger's fingerprint
    key), plus the SHA-256 of the received files; the key travels sealed with them, since
    matching on the terminal needs it. None when no dataset is registered.
    """
    import sqlcipher3

    from tokki_desktop.scanner.ledger_fingerprints import LedgerFingerprintStore

    try:
        matcher = LedgerFingerprintStore(session).matcher()
    except sqlcipher3.OperationalError:
        return None
    if not matcher:
        return None

    def grouped(digests: dict[bytes, tuple[int, ...]]) -> dict[str, str]:
        by: dict[int, bytearray] = defaultdict(bytearray)
        for h in sorted(digests):
            for ds in digests[h]:
                by[ds] += h
        return {str(ds): base64.b64encode(bytes(blob)).decode() for ds, blob in sorted(by.items())}

    return {
        "key": base64.b64encode(matcher.key).decode(), "version": matcher.version,
        "datasets": [[d.ident, d.name, d.value_count, d.record_count] for d in matcher.datasets.values()],
        "values": grouped(matcher.values), "records": grouped(matcher.records),
        "files": dict(sorted(matcher.files.items())),
    }


def matcher_from_policy(fp: dict[str, Any] | None) -> Any:
    """The scanner's matcher from a policy's fingerprints (None when there are none)."""
    if not fp:
        return None
    from tokki_desktop.scanner.fingerprints import DIGEST_BYTES, DatasetInfo, FingerprintMatcher

    def ungroup(grouped: dict[str, str]) -> dict[bytes, tuple[int, ...]]:
        out: dict[bytes, tuple[int, ...]] = {}
        for ds, b64 in grouped.items():
            blob = base64.b64decode(b64)
            for j in range(0, len(blob), DIGEST_BYTES):
                h = blob[j:j + DIGEST_BYTES]
                out[h] = out.get(h, ()) + (int(ds),)
        return out

    infos = [DatasetInfo(int(i), str(n), int(v), int(r)) for i, n, v, r in fp["datasets"]]
    return FingerprintMatcher(base64.b64decode(fp["key"]), infos, ungroup(fp["values"]), ungroup(fp["records"]),
                              {str(k): int(v) for k, v in fp["files"].items()}, str(fp["version"]))


def site_policy(ledger: Any, watch: list[dict[str, Any]], heartbeat_seconds: int,
                fingerprints: dict[str, Any] | None = None, terminal_id: int | None = None) -> dict[str, Any]:
    """The policy for one terminal (without its version), from the ledger's registers now:
    also the monitor's switches (automatic quarantine, days between inventories) and the
    officer's requests the terminal has to carry out."""
    from tokki_desktop.monitor import settings
    from tokki_desktop.site.resolutions import pending_for

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
    return {"watch": watch, "media": media, "approvals": approvals, "heartbeat_seconds": heartbeat_seconds,
            "fingerprints": fingerprints, "auto_quarantine": settings.auto_quarantine(ledger),
            "inventory_days": settings.inventory_days(ledger),
            "representatives": settings.representatives(ledger),
            "resolutions": pending_for(ledger, terminal_id) if terminal_id is not None else []}


def _representatives(value: Any) -> str:
    """The site's representative setting; an older policy (or an unknown value) means the default."""
    return value if value in REPRESENTATIVES_CHOICES else REPRESENTATIVES_SOLE_PROPRIETORS


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
    fingerprints: Any = None  # the scanner's FingerprintMatcher, or None
    revoked: bool = False  # the site revoked this terminal: nothing more is delivered
    auto_quarantine: bool = False  # the monitor's switch: personal data on unregistered media
    inventory_days: int = 7  # days between inventories of the watched folders
    resolutions: list[Request] = field(default_factory=list)  # the officer's requests to carry out
    representatives: str = REPRESENTATIVES_SOLE_PROPRIETORS  # the scanner's setting, as on the monitor

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> TerminalPolicy:
        return cls(int(d.get("version") or 1), list(d.get("watch") or []), list(d.get("media") or []),
                   [ApprovalRecord.from_row(a) for a in d.get("approvals") or []],
                   int(d.get("heartbeat_seconds") or 300), matcher_from_policy(d.get("fingerprints")),
                   bool(d.get("revoked")), bool(d.get("auto_quarantine")), int(d.get("inventory_days") or 7),
                   [Request.from_dict(r) for r in d.get("resolutions") or []],
                   _representatives(d.get("representatives")))

    def scan_limits(self) -> ScanLimits:
        """The scanner's limits with the site's settings, as the monitor scans with them."""
        return ScanLimits(representatives=self.representatives)

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

"""The site takes bundles in from the drop folders: verify, import once, name gaps, refuse.

For each bundle file: the site id must be this ledger's, the terminal one enrolled here
and not revoked, the seal must open with that terminal's key, and its sequence number must
be new. The next number must also chain to the last one imported (``prev``). A number
skipped is recorded as a gap (a compliance finding until the missing bundle arrives). A
bundle refused is moved to ``refused/`` beside it, untouched, as evidence, and recorded.
Each bundle is imported in one transaction with its records (detections and media events
through the monitor's own import, with the terminal's name), so a crash imports it again
or not at all; the bundle row (terminal, seq) is UNIQUE, and so is every record's uid.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tokki_desktop.ledger.db import SYSTEM_MONITOR, Tx
from tokki_desktop.monitor import records
from tokki_desktop.monitor.spool import SpoolRecord
from tokki_desktop.site import bundle
from tokki_desktop.site.enrol import unwrap_key
from tokki_desktop.site.resolutions import apply_outcome
from tokki_desktop.site.policy import fingerprint_policy, fingerprints_summary, policy_hash, site_policy
from tokki_desktop.site.sealing import Unsealable, read_header, subkey, write_durably

log = logging.getLogger(__name__)

REFUSED_DIR = "refused"
REVOKED = "revoked"  # the policy hash of a terminal told of its revocation
POLICY_DIR = "policy"

# reason -> (ja, en) of the one-line message
REASONS = {
    "damaged": ("壊れているか形式が違います", "is damaged or not a bundle"),
    "foreign": ("別の作業場所のものです", "belongs to another work site"),
    "unknown": ("この作業場所に登録されていない端末のものです", "comes from a terminal not enrolled here"),
    "revoked": ("登録を取り消した端末のものです", "comes from a revoked terminal"),
    "tampered": ("改ざんされているか、別の鍵で作られています", "was altered or sealed with another key"),
    "replayed": ("取り込み済みの番号です（再送または再生）", "has a number already imported (repeated or replayed)"),
    "chain": ("前の束とつながりません（改ざん・分岐の疑い）", "does not chain to the bundle before it (altered or forked)"),
}


@dataclass
class Refusal:
    """One refused bundle: its file name and why."""

    file_name: str
    reason: str

    def message(self, lang: str) -> str:
        ja, en = REASONS[self.reason]
        if lang == "en":
            return f"bundle {self.file_name} refused: it {en}; kept in {REFUSED_DIR}/ as evidence."
        return f"束 {self.file_name} を受け付けません：{ja}。証拠として {REFUSED_DIR}/ に保管しました。"


@dataclass
class IntakeReport:
    """What one intake did."""

    bundles: int = 0
    records: int = 0
    duplicates: int = 0
    redelivered: int = 0  # bundles imported before, delivered again byte for byte (not refused)
    refused: list[Refusal] = field(default_factory=list)
    gaps: list[tuple[str, int, int]] = field(default_factory=list)
    policies_written: int = 0
    detection_ids: list[int] = field(default_factory=list)


class SiteIntake:
    """Takes the drop folders of this site's terminals in (one per ledger session)."""

    def __init__(self, session: Any) -> None:
        self.session = session
        self.ledger = session.ledger
        self.site = session.header.ledger_id
        self._wrap = session.subkey("site-terminals")
        self._keys: dict[str, bytes] = {}
        self._fingerprints: tuple[tuple[Any, ...] | None, dict[str, Any] | None] | None = None
        # Bundles dealt with that could not be moved or removed (a write-protected stick):
        # not refused or imported again every round.
        self._dealt_with: set[Path] = set()

    def drop_folders(self) -> list[Path]:
        """Every drop folder named by a terminal (revoked ones too: their bundles are refused)."""
        rows = self.ledger.read("SELECT DISTINCT drop_folder FROM site_terminals")
        return [Path(r[0]) for r in rows]

    def take_in(self, folders: list[Path] | None = None) -> IntakeReport:
        """Import every bundle waiting in the drop folders; write policy updates."""
        report = IntakeReport()
        for folder in folders if folders is not None else self.drop_folders():
            try:
                names = sorted(n for n in os.listdir(folder) if bundle.parse_name(n))
            except OSError:
                continue  # not there now (a USB stick in the officer's pocket): next round
            # Sorted by terminal then number: each terminal's bundles in order.
            for name in names:
                self._one(folder, name, report)
        if report.records:
            self._record_copies()
        self.write_policies(report)
        return report

    def _record_copies(self) -> None:
        """Allowed copies on a terminal go into the take-out register too, as the monitor's do."""
        import sqlcipher3

        from tokki_desktop.monitor import copies
        from tokki_desktop.monitor.logsafe import log_bug

        try:
            copies.record_copies(self.ledger, self.ledger.clock)
        except sqlcipher3.OperationalError:
            raise
        except Exception as exc:  # noqa: BLE001 - the detections are in; the reconciliation retries
            log_bug(log, "recording a terminal's allowed copies in the take-out register failed", exc)

    # ------------------------------------------------------------------ one bundle
    def _terminal(self, uid: str) -> dict[str, Any] | None:
        row = self.ledger.read_one("SELECT * FROM site_terminals WHERE terminal_uid = ?", (uid,))
        return dict(row) if row is not None else None

    def _key(self, row: dict[str, Any]) -> bytes:
        uid = row["terminal_uid"]
        if uid not in self._keys:
            self._keys[uid] = unwrap_key(self._wrap, row["sealed_key"])
        return self._keys[uid]

    def _one(self, folder: Path, name: str, report: IntakeReport) -> None:
        path = folder / name
        if path in self._dealt_with:
            return
        try:
            blob = path.read_bytes()
        except OSError:
            return  # removed meanwhile, or unreadable now: next round
        uid, seq = bundle.parse_name(name) or ("", 0)
        try:
            head = read_header(bundle.MAGIC, blob)
        except Unsealable:
            return self._refuse(folder, name, "damaged", uid, seq, report)
        if head.get("site") != self.site:
            return self._refuse(folder, name, "foreign", uid, seq, report)
        row = self._terminal(uid)
        if row is None:
            return self._refuse(folder, name, "unknown", uid, seq, report)
        if row["status"] == "revoked":
            return self._refuse(folder, name, "revoked", uid, seq, report)
        try:
            opened = bundle.open_bundle(subkey(self._key(row), "bundle"), blob)
        except (Unsealable, ValueError, KeyError):
            return self._refuse(folder, name, "tampered", uid, seq, report)
        if opened.terminal != uid or opened.seq != seq or opened.site != self.site:
            return self._refuse(folder, name, "tampered", uid, seq, report)
        tid = int(row["id"])
        known = self.ledger.read_one("SELECT bundle_hash FROM site_bundles WHERE terminal_id = ? AND seq = ?",
                                     (tid, seq))
        if known is not None:
            if known["bundle_hash"] == bundle.digest(blob):
                # The same bundle again, byte for byte: a kill on the terminal between its
                # delivery and its removal from the outbox. Acknowledged quietly.
                return self._redelivered(path, report)
            return self._refuse(folder, name, "replayed", uid, seq, report)
        last = int(row["last_seq"])
        late = seq < last  # a bundle of a recorded gap, arriving after later ones
        if seq == last + 1 and opened.prev != (row["last_hash"] or bundle.GENESIS):
            return self._refuse(folder, name, "chain", uid, seq, report)
        if late and not self.ledger.read_one(
                "SELECT 1 FROM site_gaps WHERE terminal_id = ? AND filled_at IS NULL AND ? BETWEEN seq_from AND seq_to",
                (tid, seq)):
            return self._refuse(folder, name, "replayed", uid, seq, report)
        self._import(row, opened, bundle.digest(blob), late, report)
        try:
            os.unlink(path)
        except OSError:
            log.warning("an imported bundle could not be removed from the drop folder; it is skipped")
            self._dealt_with.add(path)

    def _import(self, row: dict[str, Any], opened: bundle.Bundle, digest: str, late: bool,
                report: IntakeReport) -> None:
        tid, name = int(row["id"]), str(row["name"])
        sub = records.ImportReport(detection_ids=[])
        with self.ledger.transaction(SYSTEM_MONITOR) as tx:
            now = tx.now
            tx.insert("site_bundles", {"terminal_id": tid, "seq": opened.seq, "bundle_hash": digest,
                                       "records": len(opened.records), "made_at": opened.made_at},
                      action="site_bundle_imported")
            changes: dict[str, Any] = {"last_received_at": now}
            if row["status"] == "enrolled":
                changes.update(status="active", joined_at=now)
            if not late:
                if opened.seq > int(row["last_seq"]) + 1:
                    tx.insert("site_gaps", {"terminal_id": tid, "seq_from": int(row["last_seq"]) + 1,
                                            "seq_to": opened.seq - 1, "found_at": now}, action="site_gap")
                    report.gaps.append((name, int(row["last_seq"]) + 1, opened.seq - 1))
                changes.update(last_seq=opened.seq, last_hash=digest)
            else:
                self._fill_gap(tx, tid, opened.seq)
            # The monitor's records (detections, media events, inventories) go in as one
            # batch; the terminal's own (heartbeats, starts, stops, outcomes) after them.
            ours = [self._monitor_record(row, rec) for rec in opened.records]
            records.apply_records(tx, [r for r in ours if r is not None], sub)
            for rec, mine in zip(opened.records, ours):
                if mine is None:
                    self._apply(tx, row, rec, changes, sub)
            tx.update("site_terminals", tid, changes, action="site_terminal_seen")
        report.bundles += 1
        report.records += sub.imported
        report.duplicates += sub.duplicates
        report.detection_ids += sub.detection_ids or []

    def _fill_gap(self, tx: Tx, tid: int, seq: int) -> None:
        gap = tx.read_one("SELECT id, seq_from, seq_to FROM site_gaps WHERE terminal_id = ? AND filled_at IS NULL"
                          " AND ? BETWEEN seq_from AND seq_to", (tid, seq))
        if gap is None:
            return
        have = tx.read_one("SELECT count(*) FROM site_bundles WHERE terminal_id = ? AND seq BETWEEN ? AND ?",
                           (tid, int(gap["seq_from"]), int(gap["seq_to"])))
        if int(have[0]) >= int(gap["seq_to"]) - int(gap["seq_from"]) + 1:
            tx.update("site_gaps", int(gap["id"]), {"filled_at": tx.now}, action="site_gap_filled")

    @staticmethod
    def _monitor_record(row: dict[str, Any], rec: dict[str, Any]) -> SpoolRecord | None:
        """A terminal's detection, media event or inventory as the monitor's import takes
        it, with the terminal's name; None for the terminal's other records."""
        kind = rec["kind"]
        if kind not in ("detection", "media_event", "inventory"):
            return None
        data = dict(rec["data"])
        data["terminal"] = row["name"]
        if kind == "detection":
            # Every list, screen, finding and form that names the place names the terminal too.
            data["place"] = f"[{row['name']}] {data.get('place') or ''}".strip()
        elif kind == "inventory":
            data["target"] = f"[{row['name']}] {data.get('target') or ''}".strip()
        return SpoolRecord(rec["uid"], kind, data, Path())

    def _apply(self, tx: Tx, row: dict[str, Any], rec: dict[str, Any], changes: dict[str, Any],
               sub: records.ImportReport) -> None:
        kind, data = rec["kind"], dict(rec["data"])
        if kind == "resolution":
            if apply_outcome(tx, row, data):
                sub.imported += 1
            else:
                sub.duplicates += 1
            return
        if kind not in ("run_start", "heartbeat", "run_stop"):
            log.error("unknown bundle record kind skipped")
            return
        at = str(data.get("started_at") if kind == "run_start" else data.get("at") or "")
        if not at:
            return
        # The terminal's clock may be ahead of the site's: a heartbeat is never taken as
        # later than the moment the site received it, so a fast clock cannot hide silence.
        seen = min(dt.datetime.fromisoformat(at), dt.datetime.fromisoformat(changes["last_received_at"]))
        ahead = (dt.datetime.fromisoformat(at) - dt.datetime.fromisoformat(changes["last_received_at"])).total_seconds()
        if ahead > 0:
            changes["clock_ahead_seconds"] = int(ahead)
        last = changes.get("last_heartbeat_at") or row.get("last_heartbeat_at")
        if last is None or dt.datetime.fromisoformat(str(last)) < seen:
            changes["last_heartbeat_at"] = seen.isoformat()
        changes["running"] = 0 if kind == "run_stop" else 1
        if data.get("policy_version") is not None:
            changes["policy_applied"] = int(data["policy_version"])
        sub.imported += 1

    def _redelivered(self, path: Path, report: IntakeReport) -> None:
        report.redelivered += 1
        try:
            os.unlink(path)
        except OSError:
            self._dealt_with.add(path)

    # ------------------------------------------------------------------ refusals
    def _refuse(self, folder: Path, name: str, reason: str, uid: str, seq: int, report: IntakeReport) -> None:
        aside = folder / REFUSED_DIR
        kept = f"{name}.{reason}"
        try:
            aside.mkdir(exist_ok=True)
            target = aside / kept
            n = 1
            while target.exists():
                n += 1
                target = aside / f"{name}.{reason}.{n}"
            os.replace(folder / name, target)
            kept = target.name
        except OSError:
            log.warning("a refused bundle could not be moved aside; it stays in the drop folder")
            self._dealt_with.add(folder / name)
        with self.ledger.transaction(SYSTEM_MONITOR) as tx:
            tx.insert("site_refusals", {"file_name": name, "reason": reason, "terminal_uid": uid or None,
                                        "seq": seq or None, "kept_as": f"{REFUSED_DIR}/{kept}"},
                      action="site_bundle_refused")
        report.refused.append(Refusal(name, reason))

    # ------------------------------------------------------------------ policy updates
    def _fingerprint_policy(self) -> dict[str, Any] | None:
        # Rebuilt only when the registered datasets change: the monitor calls this every second.
        summary = fingerprints_summary(self.ledger)
        if self._fingerprints is None or self._fingerprints[0] != summary:
            self._fingerprints = (summary, fingerprint_policy(self.session))
        return self._fingerprints[1]

    def _tell_revoked(self) -> None:
        """A revoked terminal gets a last policy update saying so: its agent stops delivering."""
        for row in self.ledger.read("SELECT * FROM site_terminals WHERE status = 'revoked' AND policy_hash != ?",
                                    (REVOKED,)):
            row = dict(row)
            version = int(row["policy_version"]) + 1
            target = Path(row["drop_folder"]) / POLICY_DIR / f"{row['terminal_uid']}{bundle.POLICY_SUFFIX}"
            blob = bundle.make_policy(subkey(self._key(row), "policy"), site=self.site, terminal=row["terminal_uid"],
                                      version=version, policy={"revoked": True, "watch": [], "media": [],
                                                               "approvals": [], "heartbeat_seconds": 300})
            try:
                target.parent.mkdir(exist_ok=True)
                write_durably(target, blob)
            except OSError:
                continue  # the drop folder is not there now: at a later round
            with self.ledger.transaction(SYSTEM_MONITOR) as tx:
                tx.update("site_terminals", int(row["id"]), {"policy_version": version, "policy_hash": REVOKED},
                          action="site_revocation_delivered")

    def write_policies(self, report: IntakeReport | None = None) -> None:
        """Write a sealed policy update for each terminal whose policy changed (or is missing)."""
        self._tell_revoked()
        rows = self.ledger.read("SELECT * FROM site_terminals WHERE status != 'revoked'")
        fingerprints = self._fingerprint_policy() if rows else None
        for row in rows:
            row = dict(row)
            policy = site_policy(self.ledger, json.loads(row["watch_paths"]), int(row["heartbeat_seconds"]),
                                 fingerprints, int(row["id"]))
            digest = policy_hash(policy)
            version = int(row["policy_version"])
            target = Path(row["drop_folder"]) / POLICY_DIR / f"{row['terminal_uid']}{bundle.POLICY_SUFFIX}"
            if digest != row["policy_hash"]:
                version += 1
                with self.ledger.transaction(SYSTEM_MONITOR) as tx:
                    tx.update("site_terminals", int(row["id"]), {"policy_version": version, "policy_hash": digest},
                              action="site_policy_changed")
            elif version <= 1 or target.exists():
                continue  # the enrolment file carried version 1; a newer one is in place
            policy["version"] = version
            blob = bundle.make_policy(subkey(self._key(row), "policy"), site=self.site,
                                      terminal=row["terminal_uid"], version=version, policy=policy)
            try:
                target.parent.mkdir(exist_ok=True)
                write_durably(target, blob)
            except OSError:
                continue  # the drop folder is not there now: written at a later round
            if report is not None:
                report.policies_written += 1

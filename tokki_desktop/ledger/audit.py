"""The tamper-evident audit chain.

Every write to the ledger appends one record in the same transaction:
``mac = HMAC-SHA256(audit_key, prev_mac ‖ canonical(record))`` with ``audit_key`` derived
from the data key (HKDF, label "audit"). Records are never edited or deleted (triggers
refuse it; the MAC catches it when someone drops the triggers). ``verify`` walks the chain;
a paper checkpoint (sequence + MAC + time) also catches a truncated tail.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from dataclasses import dataclass, field
from typing import Any, Iterable

GENESIS = b"\x00" * 32
SEP = "\x1f"


def canonical(seq: int, ts: str, actor: str, action: str, tbl: str | None,
              row_id: int | None, change: str) -> bytes:
    """The bytes a record's MAC covers (fields joined by the unit separator)."""
    return SEP.join((str(seq), ts, actor, action, tbl or "", "" if row_id is None else str(row_id),
                     change)).encode("utf-8")


def record_mac(key: bytes, prev_mac: bytes, seq: int, ts: str, actor: str, action: str,
               tbl: str | None, row_id: int | None, change: str) -> bytes:
    return hmac.new(key, prev_mac + canonical(seq, ts, actor, action, tbl, row_id, change),
                    hashlib.sha256).digest()


def encode_change(change: dict[str, Any] | None) -> str:
    """A change as compact, stable JSON (keys sorted, Japanese kept readable)."""
    return json.dumps(change or {}, ensure_ascii=False, sort_keys=True, separators=(",", ":"),
                      default=str)


@dataclass
class Checkpoint:
    """A point of the chain to keep on paper: ``SEQ:MAC`` plus when it was taken."""

    seq: int
    mac: str  # hex
    ts: str

    def text(self) -> str:
        return f"{self.seq}:{self.mac}"

    @classmethod
    def parse(cls, text: str) -> "Checkpoint":
        seq, _, mac = text.strip().partition(":")
        if not seq.isdigit() or len(mac) != 64 or any(c not in "0123456789abcdef" for c in mac.lower()):
            from tokki_desktop.errors import InvalidInput

            raise InvalidInput("チェックポイント", "checkpoint", "「番号:MAC(16進64桁)」の形で指定してください",
                               "expected SEQ:MAC with 64 hex digits")
        return cls(int(seq), mac.lower(), "")


@dataclass
class VerifyReport:
    """What ``verify`` found; ``ok`` only when the chain and the file are intact."""

    records: int = 0
    last_seq: int = 0
    last_mac: str = ""
    integrity_ok: bool = True
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.integrity_ok and not self.problems


def verify_rows(key: bytes, rows: Iterable[tuple], checkpoint: Checkpoint | None = None,
                max_problems: int = 20) -> VerifyReport:
    """Walk ``(seq, ts, actor, action, tbl, row_id, change, mac)`` rows in seq order."""
    report = VerifyReport()
    prev = GENESIS
    expected_seq = 1
    seen_checkpoint = checkpoint is None
    new = hmac.new
    sha = hashlib.sha256
    for seq, ts, actor, action, tbl, row_id, change, mac in rows:
        report.records += 1
        if seq != expected_seq:
            report.problems.append(
                f"sequence gap: expected {expected_seq}, found {seq} (records deleted or inserted)")
        data = SEP.join((str(seq), ts, actor, action, tbl or "", "" if row_id is None else str(row_id),
                         change)).encode("utf-8")
        good = new(key, prev + data, sha).digest()
        if not hmac.compare_digest(good, bytes(mac)):
            report.problems.append(f"record {seq}: MAC does not match (edited, reordered or inserted)")
            good = bytes(mac)  # go on from the stored MAC so that one edit is reported once
        if checkpoint is not None and seq == checkpoint.seq:
            seen_checkpoint = True
            if good.hex() != checkpoint.mac:
                report.problems.append(f"record {seq}: differs from the paper checkpoint")
        prev = good
        expected_seq = seq + 1
        report.last_seq, report.last_mac = seq, good.hex()
        if len(report.problems) >= max_problems:
            report.problems.append("too many problems; stopped")
            break
    if not seen_checkpoint:
        report.problems.append(
            f"the chain ends at {report.last_seq}, before the checkpoint {checkpoint.seq}: records were removed from the end")
    return report

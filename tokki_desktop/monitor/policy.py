"""Policy: is a file the scanner flagged allowed where it was found? (Art. 5, 6, 7)

A pure function of the verdict, the place, the media register row and the approvals, so
that it is tested without a ledger and without time passing.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from tokki_desktop.monitor.scanning import ENCRYPTED, PERSONAL_DATA, FileVerdict

# Approval types that cover a copy onto a registered medium, and into a folder.
MEDIUM_APPROVALS = frozenset({"media_use", "copy", "takeout"})
FOLDER_APPROVALS = frozenset({"copy"})


@dataclass(frozen=True)
class MediumRecord:
    """The media register's row for a medium (Art. 6), as the policy needs it."""

    id: int
    control_no: str
    encrypted: bool
    consent_on: dt.date | None

    @classmethod
    def from_row(cls, row: Mapping[str, Any]) -> MediumRecord:
        consent = row.get("consent_on")
        return cls(
            id=int(row["id"]),
            control_no=str(row.get("control_no") or ""),
            encrypted=bool(row.get("encrypted")),
            consent_on=dt.date.fromisoformat(str(consent)[:10]) if consent else None,
        )


@dataclass(frozen=True)
class ApprovalRecord:
    """An approval row (copy, take-out, media use) as the policy needs it."""

    id: int
    approval_type: str
    scope: str
    media_id: int | None
    status: str
    decided_on: dt.date | None
    valid_until: dt.date | None

    @classmethod
    def from_row(cls, row: Mapping[str, Any]) -> ApprovalRecord:
        def day(v: object) -> dt.date | None:
            return dt.date.fromisoformat(str(v)[:10]) if v else None

        return cls(
            id=int(row["id"]),
            approval_type=str(row.get("approval_type") or ""),
            scope=str(row.get("scope") or ""),
            media_id=int(row["media_id"]) if row.get("media_id") is not None else None,
            status=str(row.get("status") or ""),
            decided_on=day(row.get("decided_on")),
            valid_until=day(row.get("valid_until")),
        )

    def in_force(self, today: dt.date) -> bool:
        """Approved, decided by today, not expired."""
        return (
            self.status == "approved"
            and (self.decided_on is None or self.decided_on <= today)
            and (self.valid_until is None or today <= self.valid_until)
        )

    def names_path(self, path: str) -> bool:
        """Whether a line of the scope is this file or a folder above it."""
        target = _norm(path)
        for line in self.scope.splitlines():
            line = line.strip()
            if not line or not os.path.isabs(line):
                continue
            place = _norm(line)
            if target == place or target.startswith(place.rstrip(os.sep) + os.sep):
                return True
        return False



def _norm(p: str) -> str:
    return os.path.normcase(os.path.normpath(p))


@dataclass(frozen=True)
class Decision:
    """What the policy decided: which rule, which article, how bad, open or allowed."""

    rule: str
    article: int
    severity: str  # "violation" | "warning" | "record"
    status: str  # "open" | "allowed"
    message_ja: str
    message_en: str
    approval_id: int | None = None


def _covering(approvals: Iterable[ApprovalRecord], kinds: frozenset[str], today: dt.date, *,
              medium_id: int | None, path: str) -> ApprovalRecord | None:
    for a in approvals:
        if a.approval_type not in kinds or not a.in_force(today):
            continue
        if medium_id is not None and a.media_id == medium_id:
            return a
        if a.names_path(path):
            return a
    return None


def decide(
    verdict: FileVerdict,
    *,
    path: str,
    on_medium: bool,
    medium: MediumRecord | None,
    approvals: Iterable[ApprovalRecord],
    today: dt.date,
) -> Decision | None:
    """The decision for one scanned file, or None when there is nothing to record."""
    if not verdict.matters:
        return None
    approvals = list(approvals)
    plain_personal = verdict.verdict == PERSONAL_DATA or (bool(verdict.dataset) and verdict.verdict != ENCRYPTED)
    if on_medium:
        if medium is None:
            return Decision("unregistered_medium", 6, "violation", "open",
                            "未登録の記録媒体に個人情報（またはその可能性のある暗号化ファイル）があります。",
                            "Personal data (or an encrypted file that may hold it) on an unregistered medium.")
        if medium.consent_on is None or medium.consent_on > today:
            return Decision("medium_not_consented", 6, "violation", "open",
                            f"委託者の承諾前の媒体（{medium.control_no}）に個人情報があります。",
                            f"Personal data on medium {medium.control_no}, which the client has not consented to.")
        if plain_personal and not medium.encrypted:
            # Art. 6(1): even an approved copy must be encrypted on removable media.
            return Decision("unencrypted_on_medium", 6, "violation", "open",
                            f"媒体（{medium.control_no}）に暗号化されていない個人情報があります（第6条(1)）。",
                            f"Unencrypted personal data on medium {medium.control_no} (Art. 6(1)).")
        cover = _covering(approvals, MEDIUM_APPROVALS, today, medium_id=medium.id, path=path)
        if cover is not None:
            return Decision("copy_recorded", 5, "record", "allowed",
                            f"承認（ID {cover.id}）の範囲内の複写として記録しました。",
                            f"Recorded as a copy within approval {cover.id}.", approval_id=cover.id)
        return Decision("copy_without_approval", 5, "violation", "open",
                        f"承認のない媒体（{medium.control_no}）への複写です。",
                        f"A copy onto medium {medium.control_no} without an approval.")
    cover = _covering(approvals, FOLDER_APPROVALS, today, medium_id=None, path=path)
    if cover is not None:
        return Decision("copy_recorded", 5, "record", "allowed",
                        f"承認（ID {cover.id}）の範囲内の複写として記録しました。",
                        f"Recorded as a copy within approval {cover.id}.", approval_id=cover.id)
    if verdict.verdict == ENCRYPTED and not verdict.dataset:
        return Decision("encrypted_unknown", 5, "warning", "open",
                        "開けない暗号化ファイルです。個人情報の複写でないか確認してください。",
                        "An encrypted file that cannot be opened: check it is not a copy of personal data.")
    return Decision("copy_without_approval", 5, "violation", "open",
                    "承認のない場所への個人情報の複写です（第5条・第7条）。",
                    "A copy of personal data in a place without an approval (Art. 5, 7).")

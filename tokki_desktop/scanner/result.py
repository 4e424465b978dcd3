"""What a scan says about one file: the verdict, its evidence and the limits it ran under."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any

PERSONAL_DATA = "personal_data"
CLEAN = "clean"
ENCRYPTED = "encrypted"
UNREADABLE = "unreadable"
SKIPPED = "skipped"

# How strongly each verdict speaks for an archive: the archive carries its strongest member's.
VERDICT_RANK = {CLEAN: 0, SKIPPED: 1, UNREADABLE: 2, ENCRYPTED: 3, PERSONAL_DATA: 4}

# Finding kinds in the order they are explained to the user.
KINDS: tuple[str, ...] = (
    "my_number", "name", "address", "postal_code", "phone", "birth_date", "email",
    "bank_account", "passport", "drivers_license", "residence_card", "pension_number",
    "health_insurance",
)

KIND_LABELS_JA = {
    "my_number": "個人番号", "name": "氏名", "address": "住所", "postal_code": "郵便番号",
    "phone": "電話番号", "birth_date": "生年月日", "email": "メールアドレス",
    "bank_account": "口座番号", "passport": "旅券番号", "drivers_license": "運転免許証番号",
    "residence_card": "在留カード番号", "pension_number": "基礎年金番号",
    "health_insurance": "被保険者番号",
}
# The same in English, for reason_en (people read it; the codes stay in findings and --json).
KIND_LABELS_EN = {
    "my_number": "My Number", "name": "name", "address": "address", "postal_code": "postal code",
    "phone": "phone number", "birth_date": "date of birth", "email": "e-mail address",
    "bank_account": "bank account number", "passport": "passport number",
    "drivers_license": "driver's licence number", "residence_card": "residence card number",
    "pension_number": "basic pension number", "health_insurance": "health insurance number",
}


# Whose name in a representative column (代表者, 開設者, 理事長) makes a row a person's: a sole
# proprietor's only (the default: a corporation's representative speaks in a public role), or
# every representative's, corporations' included (a stricter site). See docs/DETECTION.md.
REPRESENTATIVES_SOLE_PROPRIETORS = "sole_proprietors"
REPRESENTATIVES_ALL = "all"
REPRESENTATIVES_CHOICES: tuple[str, ...] = (REPRESENTATIVES_SOLE_PROPRIETORS, REPRESENTATIVES_ALL)


@dataclass(frozen=True)
class ScanLimits:
    """The caps one file is scanned under (a file over a cap is ``unreadable`` or ``skipped``)
    and the site's choices that decide a verdict (``representatives``)."""

    max_file_bytes: int = 200 * 1024 * 1024
    max_seconds: float = 20.0
    # Decompressed size of any one archive member or Office XML part.
    max_member_bytes: int = 128 * 1024 * 1024
    # Decompressed total of one archive (all members, all depths).
    max_total_bytes: int = 512 * 1024 * 1024
    # Compression ratio above which a large member is treated as a zip bomb.
    max_ratio: float = 200.0
    max_depth: int = 3
    max_members: int = 10_000
    # Memory one file may take in a worker process of scan_paths (Linux: RLIMIT_DATA above the
    # interpreter's own use); over it the file is unreadable and the scan goes on.
    max_memory_bytes: int = 512 * 1024 * 1024
    # Text handed to the detectors per file; beyond this the rest is not read (said in reason).
    max_text_chars: int = 400 * 1024 * 1024
    # Whose representative column counts as a person's (REPRESENTATIVES_CHOICES). Part of the
    # re-scan index's configuration like every field here: a change re-scans every file.
    representatives: str = REPRESENTATIVES_SOLE_PROPRIETORS

    def __post_init__(self) -> None:
        if self.representatives not in REPRESENTATIVES_CHOICES:
            raise ValueError(f"representatives must be one of {REPRESENTATIVES_CHOICES}")


@dataclass
class ScanResult:
    """The verdict on one file (or archive member) with its evidence; no document text."""

    path: str
    verdict: str
    score: float = 0.0
    findings: dict[str, int] = field(default_factory=dict)
    examples: list[str] = field(default_factory=list)
    format: str = ""
    bytes: int = 0
    ms: float = 0.0
    reason: str = ""
    reason_en: str = ""
    dataset: str | None = None
    sha256: str = ""
    members: list["ScanResult"] = field(default_factory=list)
    records: int = 0

    @property
    def has_personal_data(self) -> bool:
        """True when this file or any member holds personal data."""
        return self.verdict == PERSONAL_DATA

    def to_json(self, *, with_members: bool = False) -> dict[str, Any]:
        """The JSON line of ``tokki scan --json`` (members on their own lines by default)."""
        out: dict[str, Any] = {
            "path": self.path, "verdict": self.verdict, "score": round(self.score, 3),
            "findings": dict(self.findings), "format": self.format, "bytes": self.bytes,
            "ms": round(self.ms, 1), "reason": self.reason, "reason_en": self.reason_en,
            "dataset": self.dataset, "records": self.records, "examples": list(self.examples),
            "sha256": self.sha256,
        }
        if with_members:
            out["members"] = [m.to_json(with_members=True) for m in self.members]
        return out

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "ScanResult":
        """Rebuild a result stored by the re-scan index."""
        members = data.get("members")
        res = cls(**{k: v for k, v in data.items() if k in _FIELD_NAMES})
        if members:
            res.members = [cls.from_json(m) for m in members]
        return res

    def to_row(self) -> list[Any]:
        """A compact positional form for the re-scan index (decodes several times faster)."""
        return [self.path, self.verdict, self.score, self.findings, self.examples, self.format, self.bytes,
                self.ms, self.reason, self.reason_en, self.dataset, self.sha256, self.records,
                [m.to_row() for m in self.members]]

    @classmethod
    def from_row(cls, row: list[Any]) -> "ScanResult":
        """Inverse of :meth:`to_row`."""
        (path, verdict, score, findings, examples, fmt, size, ms, reason, reason_en, dataset, sha,
         records, members) = row
        return cls(path, verdict, score, findings, examples, fmt, size, ms, reason, reason_en, dataset, sha,
                   [cls.from_row(m) for m in members] if members else [], records)

    def walk(self) -> list["ScanResult"]:
        """This result followed by every member, depth first (the order lines are printed)."""
        out = [self]
        for m in self.members:
            out.extend(m.walk())
        return out


# Computed once: dataclasses.fields() per call made re-scans of large trees slow.
_FIELD_NAMES = frozenset(f.name for f in dataclasses.fields(ScanResult)) - {"members"}

"""The monitor's one door to the scanner: ``scan(path) -> FileVerdict``.

Everything else in the monitor depends on this function only, so the scanner's own API
can change in one place. The result keeps what a detection may carry (verdict, counts,
masked examples, dataset, digest) and nothing else.
"""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

PERSONAL_DATA = "personal_data"
CLEAN = "clean"
ENCRYPTED = "encrypted"
UNREADABLE = "unreadable"
SKIPPED = "skipped"


@dataclass(frozen=True)
class FileVerdict:
    """What the scanner said about one file, reduced to what the monitor may keep."""

    verdict: str
    score: float = 0.0
    findings: dict[str, int] = field(default_factory=dict)
    examples: tuple[str, ...] = ()
    format: str = ""
    size: int = 0
    dataset: str | None = None
    sha256: str = ""
    reason_en: str = ""

    @property
    def matters(self) -> bool:
        """Whether the policy must look at it (personal data, a dataset, or unopenable)."""
        return self.verdict in (PERSONAL_DATA, ENCRYPTED) or bool(self.dataset)


def scan(path: Path, *, fingerprints: Any = None, limits: Any = None) -> FileVerdict:
    """Scan one file with the product's scanner (never raises for a bad file); ``limits``
    carry the site's scanner settings (see settings.scan_limits)."""
    from tokki_desktop.scanner import scan_file

    result = scan_file(path, fingerprints=fingerprints, limits=limits)
    return FileVerdict(
        verdict=str(result.verdict),
        score=float(result.score or 0.0),
        findings={str(k): int(v) for k, v in (result.findings or {}).items()},
        examples=tuple(str(e) for e in (result.examples or ())[:5]),
        format=str(result.format or ""),
        size=int(result.bytes or 0),
        dataset=result.dataset or None,
        sha256=str(result.sha256 or ""),
        reason_en=str(getattr(result, "reason_en", "") or ""),
    )


def keyed_hash(key: bytes, sha256_hex: str) -> str:
    """The content hash a detection keeps: HMAC of the file's SHA-256 with a ledger subkey.

    A plain SHA-256 of a small roster could be confirmed by anyone holding a guess of it;
    the keyed form only compares within this ledger.
    """
    if not sha256_hex:
        return ""
    return hmac.new(key, bytes.fromhex(sha256_hex), hashlib.sha256).hexdigest()


def file_sha256(path: Path, chunk: int = 1 << 20) -> str:
    """SHA-256 of a file's bytes (for removal and quarantine checks)."""
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        while True:
            block = fh.read(chunk)
            if not block:
                break
            h.update(block)
    return h.hexdigest()

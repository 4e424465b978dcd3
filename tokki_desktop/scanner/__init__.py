"""The personal-data scanner: Japanese office files in, an explainable verdict out.

Plain Python, no Qt and no ledger needed::

    from tokki_desktop.scanner import scan_file
    result = scan_file("名簿.xlsx")
    result.verdict, result.findings, result.reason
"""

from tokki_desktop.scanner.fingerprints import FingerprintMatcher, FingerprintStore, InMemoryFingerprintStore
from tokki_desktop.scanner.result import (
    CLEAN, ENCRYPTED, KINDS, PERSONAL_DATA, SKIPPED, UNREADABLE, ScanLimits, ScanResult,
)
from tokki_desktop.scanner.scan import scan_bytes, scan_file

__all__ = [
    "CLEAN", "ENCRYPTED", "KINDS", "PERSONAL_DATA", "SKIPPED", "UNREADABLE",
    "FingerprintMatcher", "FingerprintStore", "InMemoryFingerprintStore",
    "ScanLimits", "ScanResult", "scan_bytes", "scan_file", "scan_paths", "ScanIndex",
]


def __getattr__(name: str):  # tree scanning pulls in process pools; load it when asked
    if name == "scan_paths":
        from tokki_desktop.scanner.tree import scan_paths
        return scan_paths
    if name == "ScanIndex":
        from tokki_desktop.scanner.index import ScanIndex
        return ScanIndex
    raise AttributeError(name)

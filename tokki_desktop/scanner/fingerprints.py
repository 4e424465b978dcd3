"""Exact data match of entrusted datasets (Art. 16): keyed hashes of values and records.

The city's data is registered once (``tokki fingerprint add``). Only HMAC-SHA256 digests of
normalised cell values and whole records, and the SHA-256 of each file, are kept — never
the values. A scan then recognises a file holding enough of a dataset's records, even a
bare list of names, and an exact copy under any name.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
import threading
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Protocol

from tokki_desktop.scanner.extract import TablePart, TextPart
from tokki_desktop.scanner.normalize import normalize_value

DIGEST_BYTES = 16  # 128 bits: collisions between unrelated values are not a practical concern
_FIELD_SPLIT = re.compile(r"[\t,]")


def keyed(key: bytes, value: str) -> bytes:
    """The stored form of one normalised value or record: truncated HMAC-SHA256."""
    return hmac.digest(key, value.encode("utf-8"), "sha256")[:DIGEST_BYTES]


def row_fields(row: list[str]) -> list[str]:
    """Normalised non-empty cells of a row, in order."""
    out = []
    for c in row:
        if c:
            v = normalize_value(c)
            if v:
                out.append(v)
    return out


def line_rows(text: str) -> Iterable[list[str]]:
    """Running text as rows: one per line, cells split at tabs and commas."""
    for line in text.splitlines():
        if line.strip():
            yield _FIELD_SPLIT.split(line)


def _distinctive(value: str) -> bool:
    # Short codes and small numbers (性別, 1, 2…) occur in every file; they prove nothing.
    if len(value) < 2:
        return False
    if value.isdigit() and len(value) < 4:
        return False
    return True


@dataclass
class DatasetPrints:
    """The digests of one registered dataset (what the ledger stores)."""

    name: str
    values: set[bytes] = field(default_factory=set)
    records: set[bytes] = field(default_factory=set)
    files: dict[str, int] = field(default_factory=dict)  # sha256 hex -> size
    rows: int = 0


def fingerprint_parts(name: str, parts: Iterable[object], key: bytes, prints: DatasetPrints | None = None) -> DatasetPrints:
    """Digest every row of the tables and lines of the text of one file into ``prints``."""
    prints = prints or DatasetPrints(name)
    rows: list[list[str]] = []
    for part in parts:
        if isinstance(part, TablePart):
            rows.extend(row_fields(r) for r in part.rows)
        elif isinstance(part, TextPart):
            rows.extend(row_fields(r) for r in line_rows(part.text))
    freq: Counter[str] = Counter(v for r in rows for v in set(r))
    common = max(2, len(rows) // 100)
    for r in rows:
        if not r:
            continue
        prints.rows += 1
        if len(r) >= 2:
            prints.records.add(keyed(key, "\x1f".join(r)))
        for v in r:
            if _distinctive(v) and freq[v] <= common:
                prints.values.add(keyed(key, v))
    return prints


@dataclass
class DatasetInfo:
    """A registered dataset as the matcher knows it."""

    ident: int
    name: str
    value_count: int
    record_count: int


class FingerprintMatcher:
    """An immutable snapshot for scanning: safe to share between threads and to pickle."""

    def __init__(self, key: bytes, datasets: list[DatasetInfo], values: dict[bytes, tuple[int, ...]],
                 records: dict[bytes, tuple[int, ...]], files: dict[str, int], version: str) -> None:
        self.key = key
        self.datasets = {d.ident: d for d in datasets}
        self.values = values
        self.records = records
        self.files = files
        self.version = version

    @classmethod
    def build(cls, key: bytes, prints: list[DatasetPrints], version: str = "") -> "FingerprintMatcher":
        values: dict[bytes, tuple[int, ...]] = {}
        records: dict[bytes, tuple[int, ...]] = {}
        files: dict[str, int] = {}
        infos = []
        for i, p in enumerate(prints):
            infos.append(DatasetInfo(i, p.name, len(p.values), len(p.records)))
            for h in p.values:
                values[h] = values.get(h, ()) + (i,)
            for h in p.records:
                records[h] = records.get(h, ()) + (i,)
            for sha in p.files:
                files.setdefault(sha, i)
        if not version:
            version = hashlib.sha256(b"".join(sorted(values)) + b"".join(sorted(records))).hexdigest()[:16]
        return cls(key, infos, values, records, files, version)

    def __bool__(self) -> bool:
        return bool(self.datasets)

    def tally(self) -> "MatchTally":
        return MatchTally(self)

    def file_match(self, sha256: str) -> str | None:
        i = self.files.get(sha256)
        return None if i is None else self.datasets[i].name


class MatchTally:
    """Counts, per dataset, the distinct values and records of one file found in it."""

    def __init__(self, matcher: FingerprintMatcher) -> None:
        self.m = matcher
        self.values: dict[int, set[bytes]] = {}
        self.records: Counter[int] = Counter()

    def add_rows(self, rows: Iterable[list[str]]) -> None:
        key, values, records = self.m.key, self.m.values, self.m.records
        for raw in rows:
            r = row_fields(raw)
            if not r:
                continue
            if len(r) >= 2:
                for i in records.get(keyed(key, "\x1f".join(r)), ()):
                    self.records[i] += 1
            for v in r:
                h = keyed(key, v)
                for i in values.get(h, ()):
                    self.values.setdefault(i, set()).add(h)

    def best(self) -> tuple[str, int, int] | None:
        """(dataset name, matched values, matched records) of the dataset matched, if any."""
        best: tuple[float, str, int, int] | None = None
        for i, info in self.m.datasets.items():
            nv = len(self.values.get(i, ()))
            nr = self.records[i]
            need = min(10, max(3, info.value_count // 2))
            if nr >= 2 or nv >= need:
                strength = nr * 10 + nv
                if best is None or strength > best[0]:
                    best = (strength, info.name, nv, nr)
        return None if best is None else best[1:]


class FingerprintStore(Protocol):
    """Where registered datasets live; the scanner only ever asks for a matcher."""

    def add_dataset(self, name: str, files: list[Path]) -> DatasetPrints: ...

    def list_datasets(self) -> list[DatasetInfo]: ...

    def matcher(self) -> FingerprintMatcher: ...


class InMemoryFingerprintStore:
    """Datasets held in memory with a key of their own (tests, one-off scans)."""

    def __init__(self, key: bytes | None = None) -> None:
        self._key = key or secrets.token_bytes(32)
        self._prints: list[DatasetPrints] = []
        self._lock = threading.Lock()
        self._matcher: FingerprintMatcher | None = None

    def add_dataset(self, name: str, files: list[Path]) -> DatasetPrints:
        from tokki_desktop.scanner.registering import prints_of_files

        prints = prints_of_files(name, files, self._key)
        with self._lock:
            self._prints.append(prints)
            self._matcher = None
        return prints

    def list_datasets(self) -> list[DatasetInfo]:
        return list(self.matcher().datasets.values())

    def matcher(self) -> FingerprintMatcher:
        with self._lock:
            if self._matcher is None:
                self._matcher = FingerprintMatcher.build(self._key, list(self._prints))
            return self._matcher

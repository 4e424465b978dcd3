"""The re-scan index: unchanged files (same size and mtime, or same content) are not re-scanned.

Two tables. ``verdicts`` holds each distinct verdict once, as JSON (masked examples only,
never document text), keyed by a hash of the scanner configuration and the JSON; ``files``
holds one row per path: size, mtime, content hash and the verdict's key. Most files of a
tree share a handful of verdicts ("clean", say), so loading 100,000 paths reads numbers, not
100,000 JSON texts. A change of scanner version, limits or registered fingerprints changes
the configuration, which invalidates every entry at once.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import threading
from pathlib import Path

from tokki_desktop.private_files import restrict_sqlite
from tokki_desktop.scanner.result import ScanLimits, ScanResult

SCANNER_VERSION = "4"  # bump when verdicts or the stored row format change


# One entry per path, as the table stores it: (path, size, mtime_ns, sha256, verdict key).
# Plain tuples straight from SQLite: 100,000 of them load without a Python call per row.
Entry = tuple[str, int, int, str, int]
SIZE, MTIME, SHA, VERDICT = 1, 2, 3, 4

_SCHEMA = (
    "CREATE TABLE IF NOT EXISTS verdicts (id INTEGER PRIMARY KEY, config TEXT NOT NULL, row TEXT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS files (path TEXT PRIMARY KEY, size INTEGER, mtime_ns INTEGER,"
    " sha256 TEXT, verdict INTEGER)",
    # The one-table layout of earlier versions: a cache, so it is simply made again.
    "DROP TABLE IF EXISTS entries",
)


def verdict_key(config: str, row: str) -> int:
    """A stable 63-bit key of (configuration, verdict JSON): the same everywhere, no counter."""
    digest = hashlib.blake2b(f"{config}\0{row}".encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big") >> 1


class ScanIndex:
    """A SQLite file of past verdicts, loaded into memory; safe to use from several threads."""

    def __init__(self, path: str | Path, config: str = "") -> None:
        self.path = Path(path)
        self._lock = threading.Lock()
        self._conn = sqlite3.connect(str(self.path), check_same_thread=False, isolation_level=None)
        # Paths and verdicts name people's files: private before the WAL copies the mode.
        restrict_sqlite(self.path)
        self._conn.execute("PRAGMA journal_mode=WAL")
        for statement in _SCHEMA:
            self._conn.execute(statement)
        # Every path is loaded; entries whose verdict is of another configuration never match.
        cur = self._conn.execute("SELECT path, size, mtime_ns, sha256, verdict FROM files")
        self._entries: dict[str, Entry] = {row[0]: row for row in cur}
        # Verdict JSON of the current configuration by key, and each decoded once when used.
        self._rows: dict[int, str] = {}
        self._decoded: dict[int, dict] = {}
        # Identical content under another path is looked up only for files whose size or
        # mtime changed, so that map is built on first use, not at every start.
        self._by_sha: dict[str, tuple[str, int, int]] | None = None
        self._pending: list[Entry] = []
        self._pending_verdicts: list[tuple[int, str, str]] = []
        self._stored = False
        self.set_config(config)

    def set_config(self, config: str) -> None:
        """The configuration results must have been made under (scanner, limits, fingerprints)."""
        config = f"{SCANNER_VERSION}:{config}"
        with self._lock:
            if getattr(self, "config", None) == config:
                return
            self.config = config
            self._rows = dict(self._conn.execute("SELECT id, row FROM verdicts WHERE config = ?", (config,)))
            self._rows.update((key, row) for key, cfg, row in self._pending_verdicts if cfg == config)
            self._decoded = {}
            self._by_sha = None

    def configure(self, matcher: object | None, limits: object | None) -> None:
        """Set the configuration from the fingerprints matcher and limits used for scanning."""
        version = getattr(matcher, "version", "-") if matcher else "-"
        limits = limits or ScanLimits()  # None means the defaults, as in scan_file
        self.set_config(f"{version}:{hashlib.sha256(repr(limits).encode()).hexdigest()[:12]}")

    def unchanged(self, path: str, size: int, mtime_ns: int) -> Entry | None:
        """The stored entry when the file's size and mtime are unchanged (see :meth:`result_of`)."""
        # A single dict read is atomic in CPython: no lock on this path, which runs per file.
        e = self._entries.get(path)
        if e is not None and e[SIZE] == size and e[MTIME] == mtime_ns and e[VERDICT] in self._rows:
            return e
        return None

    def result_of(self, entry: Entry) -> ScanResult:
        """The stored verdict of an entry returned by :meth:`unchanged`."""
        return self._result(entry[VERDICT], entry[0], entry[SIZE], entry[SHA])

    def lookup(self, path: str, size: int, mtime_ns: int) -> ScanResult | None:
        """The stored verdict when the file's size and mtime are unchanged."""
        e = self.unchanged(path, size, mtime_ns)
        return None if e is None else self._result(e[VERDICT], path, size, e[SHA])

    def _sha_index(self) -> dict[str, tuple[str, int, int]]:
        """sha256 → (path, size, verdict key) of the current configuration; call with the lock held."""
        if self._by_sha is None:
            rows = self._rows
            by_sha: dict[str, tuple[str, int, int]] = {}
            for e in self._entries.values():
                if e[SHA] and e[VERDICT] in rows:
                    by_sha.setdefault(e[SHA], (e[0], e[SIZE], e[VERDICT]))
            self._by_sha = by_sha
        return self._by_sha

    def _result(self, key: int, path: str, size: int, sha256: str) -> ScanResult:
        # Stored rows leave out what differs from file to file (path, size, hash, time), so
        # most files of a tree share a few rows: each distinct row is decoded once, and
        # results are made from that prototype without running the dataclass __init__.
        proto = self._decoded.get(key)
        if proto is None:
            proto = vars(ScanResult.from_row(json.loads(self._rows[key])))
            if len(self._decoded) < 50_000:
                self._decoded[key] = proto
        res = object.__new__(ScanResult)
        members = proto["members"]
        # One dict display instead of copy-then-assign: this runs once per unchanged file.
        # Mutable parts are copied so that no two results share a list or dict.
        res.__dict__ = {**proto, "path": path, "bytes": size, "sha256": sha256, "ms": 0.0,
                        "findings": proto["findings"].copy(), "examples": proto["examples"][:],
                        "members": [ScanResult.from_row(m.to_row()) for m in members] if members else []}
        return res

    def lookup_content(self, path: str, sha256: str) -> ScanResult | None:
        """The stored verdict of identical content (touched or copied files)."""
        with self._lock:
            found = self._sha_index().get(sha256)
        if found is None:
            return None
        old_path, size, key = found
        res = self._result(key, old_path, size, sha256)
        _rename(res, old_path, path)
        return res

    def store(self, path: str, size: int, mtime_ns: int, result: ScanResult) -> None:
        """Remember a verdict (written at the next :meth:`flush`)."""
        row = result.to_row()
        row[0], row[6], row[7], row[11] = "", 0, 0.0, ""  # path, bytes, ms, sha256: kept per entry
        raw = json.dumps(row, ensure_ascii=False)
        with self._lock:
            key = verdict_key(self.config, raw)
            if key not in self._rows:
                self._rows[key] = raw
                self._pending_verdicts.append((key, self.config, raw))
            entry = (path, size, mtime_ns, result.sha256, key)
            self._entries[path] = entry
            if result.sha256 and self._by_sha is not None:
                self._by_sha[result.sha256] = (path, size, key)
            self._pending.append(entry)
            flush = len(self._pending) >= 2000
        if flush:
            self.flush()

    def scan(self, path: str | os.PathLike[str], *, fingerprints: object | None = None,
             limits: object | None = None) -> ScanResult:
        """The verdict on one file, from the index when unchanged (for the monitor's threads).

        Unchanged size and mtime: the stored verdict. Otherwise the content hash decides
        (a touched or copied file); only new content is scanned, and then remembered.
        Call :meth:`configure` with the same fingerprints and limits first.
        """
        from tokki_desktop.scanner.scan import scan_file

        p = os.fspath(path)
        try:
            st = os.stat(p)
        except OSError:
            return scan_file(p, fingerprints=fingerprints, limits=limits)  # type: ignore[arg-type]
        hit = self.lookup(p, st.st_size, st.st_mtime_ns)
        if hit is not None:
            return hit
        sha = _sha256_of(p)
        same = self.lookup_content(p, sha) if sha else None
        res = same if same is not None else scan_file(p, fingerprints=fingerprints, limits=limits)  # type: ignore[arg-type]
        self.store(p, st.st_size, st.st_mtime_ns, res)
        return res

    def flush(self) -> None:
        """Write what :meth:`store` remembered since the last flush, in one transaction."""
        with self._lock:
            pending, self._pending = self._pending, []
            verdicts, self._pending_verdicts = self._pending_verdicts, []
            if pending or verdicts:
                self._stored = True
                self._conn.execute("BEGIN")
                self._conn.executemany("INSERT OR IGNORE INTO verdicts VALUES (?,?,?)", verdicts)
                self._conn.executemany("INSERT OR REPLACE INTO files VALUES (?,?,?,?,?)", pending)
                self._conn.execute("COMMIT")

    def __len__(self) -> int:
        return len(self._entries)

    def close(self) -> None:
        """Write what is pending, forget verdicts no file refers to any more, and close."""
        self.flush()
        with self._lock:
            if self._stored:
                self._conn.execute("DELETE FROM verdicts WHERE id NOT IN (SELECT verdict FROM files)")
            self._conn.close()

    def __enter__(self) -> "ScanIndex":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _sha256_of(path: str) -> str | None:
    h = hashlib.sha256()
    try:
        with open(path, "rb") as fh:
            for block in iter(lambda: fh.read(1 << 20), b""):
                h.update(block)
    except OSError:
        return None
    return h.hexdigest()


def _rename(res: ScanResult, old: str, new: str) -> None:
    for r in res.walk():
        if r.path == old or r.path.startswith(old + "!"):
            r.path = new + r.path[len(old):]

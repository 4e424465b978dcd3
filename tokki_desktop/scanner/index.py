"""The re-scan index: unchanged files (same size and mtime, or same content) are not re-scanned.

Entries hold the path, size, mtime, content hash and the verdict as JSON (masked examples
only, never document text). A change of scanner version, limits or registered fingerprints
changes the ``config`` key, which invalidates every entry at once.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import threading
from pathlib import Path

from tokki_desktop.scanner.result import ScanLimits, ScanResult

SCANNER_VERSION = "3"  # bump when verdicts or the stored row format change


# One entry per path, as the table stores it: (path, size, mtime_ns, sha256, config, result).
# Plain tuples straight from SQLite: 100,000 of them load without a Python call per row.
Entry = tuple[str, int, int, str, str, str]
SIZE, MTIME, SHA, CONFIG, RESULT = 1, 2, 3, 4, 5


class ScanIndex:
    """A SQLite file of past verdicts, loaded into memory; safe to use from several threads."""

    def __init__(self, path: str | Path, config: str = "") -> None:
        self.path = Path(path)
        self.config = f"{SCANNER_VERSION}:{config}"
        self._lock = threading.Lock()
        self._conn = sqlite3.connect(str(self.path), check_same_thread=False, isolation_level=None)
        self._conn.execute("PRAGMA journal_mode=WAL")
        self._conn.execute(
            "CREATE TABLE IF NOT EXISTS entries (path TEXT PRIMARY KEY, size INTEGER, mtime_ns INTEGER,"
            " sha256 TEXT, config TEXT, result TEXT)")
        # Every entry is loaded; those of another configuration simply never match.
        cur = self._conn.execute("SELECT path, size, mtime_ns, sha256, config, result FROM entries")
        self._entries: dict[str, Entry] = {row[0]: row for row in cur}
        # Identical content under another path is looked up only for files whose size or
        # mtime changed, so that map is built on first use, not at every start.
        self._by_sha: dict[tuple[str, str], tuple[str, int, str]] | None = None
        self._decoded: dict[str, dict] = {}
        self._pending: list[tuple[str, int, int, str, str, str]] = []

    def set_config(self, config: str) -> None:
        """The configuration results must have been made under (scanner, limits, fingerprints)."""
        with self._lock:
            self.config = f"{SCANNER_VERSION}:{config}"

    def configure(self, matcher: object | None, limits: object | None) -> None:
        """Set the configuration from the fingerprints matcher and limits used for scanning."""
        version = getattr(matcher, "version", "-") if matcher else "-"
        limits = limits or ScanLimits()  # None means the defaults, as in scan_file
        self.set_config(f"{version}:{hashlib.sha256(repr(limits).encode()).hexdigest()[:12]}")

    def lookup(self, path: str, size: int, mtime_ns: int) -> ScanResult | None:
        """The stored verdict when the file's size and mtime are unchanged."""
        with self._lock:
            e = self._entries.get(path)
        if e is not None and e[CONFIG] == self.config and e[SIZE] == size and e[MTIME] == mtime_ns:
            return self._result(e[RESULT], path, size, e[SHA])
        return None

    def _sha_index(self) -> dict[tuple[str, str], tuple[str, int, str]]:
        """(config, sha256) → (path, size, result); call with the lock held."""
        if self._by_sha is None:
            by_sha: dict[tuple[str, str], tuple[str, int, str]] = {}
            for e in self._entries.values():
                if e[SHA]:
                    by_sha.setdefault((e[CONFIG], e[SHA]), (e[0], e[SIZE], e[RESULT]))
            self._by_sha = by_sha
        return self._by_sha

    def _result(self, raw: str, path: str, size: int, sha256: str) -> ScanResult:
        # Stored rows leave out what differs from file to file (path, size, hash, time), so
        # most files of a tree share a few rows: each distinct row is decoded once, and
        # results are made from that prototype without running the dataclass __init__.
        proto = self._decoded.get(raw)
        if proto is None:
            proto = vars(ScanResult.from_row(json.loads(raw)))
            if len(self._decoded) < 50_000:
                self._decoded[raw] = proto
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
            found = self._sha_index().get((self.config, sha256))
        if found is None:
            return None
        old_path, size, raw = found
        res = self._result(raw, old_path, size, sha256)
        _rename(res, old_path, path)
        return res

    def store(self, path: str, size: int, mtime_ns: int, result: ScanResult) -> None:
        """Remember a verdict (written at the next :meth:`flush`)."""
        row = result.to_row()
        row[0], row[6], row[7], row[11] = "", 0, 0.0, ""  # path, bytes, ms, sha256: kept per entry
        raw = json.dumps(row, ensure_ascii=False)
        with self._lock:
            entry = (path, size, mtime_ns, result.sha256, self.config, raw)
            self._entries[path] = entry
            if result.sha256 and self._by_sha is not None:
                self._by_sha[(self.config, result.sha256)] = (path, size, raw)
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
        with self._lock:
            pending, self._pending = self._pending, []
            if pending:
                self._conn.execute("BEGIN")
                self._conn.executemany("INSERT OR REPLACE INTO entries VALUES (?,?,?,?,?,?)", pending)
                self._conn.execute("COMMIT")

    def __len__(self) -> int:
        return len(self._entries)

    def close(self) -> None:
        self.flush()
        with self._lock:
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

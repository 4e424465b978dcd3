"""What the monitor has already scanned: key -> (size, mtime, verdict).

Reconciliation compares the disk with this index so that files whose events the OS
dropped are still found, and so that a restart does not rescan every unchanged file.
The index names files, and file names can name people, so on disk it lives only in an
SQLCipher database keyed from the ledger's data key (the terminal slot).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path

from tokki_desktop.private_files import restrict_sqlite


@dataclass(frozen=True, slots=True)  # slots: 100,000 of these stay in memory
class Entry:
    """One scanned file as last seen."""

    size: int
    mtime_ns: int
    verdict: str


class EncryptedIndexStore:
    """The index on disk: one SQLCipher table, written in batches."""

    def __init__(self, path: Path, key: bytes) -> None:
        import sqlcipher3

        self._conn = sqlcipher3.connect(str(path), check_same_thread=False)
        restrict_sqlite(path)
        # Raw key: no KDF, the subkey already is 32 random-looking bytes.
        self._conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        self._conn.execute("PRAGMA journal_mode = WAL")
        self._conn.execute("PRAGMA synchronous = NORMAL")
        self._conn.execute(
            "CREATE TABLE IF NOT EXISTS files (key TEXT PRIMARY KEY, size INTEGER NOT NULL,"
            " mtime_ns INTEGER NOT NULL, verdict TEXT NOT NULL)"
        )
        self._conn.commit()
        self._lock = threading.Lock()

    def load(self) -> dict[str, Entry]:
        with self._lock:
            rows = self._conn.execute("SELECT key, size, mtime_ns, verdict FROM files").fetchall()
        return {k: Entry(s, m, v) for k, s, m, v in rows}

    def write(self, upserts: dict[str, Entry], deletes: set[str]) -> None:
        with self._lock, self._conn:
            self._conn.executemany(
                "INSERT INTO files (key, size, mtime_ns, verdict) VALUES (?, ?, ?, ?)"
                " ON CONFLICT(key) DO UPDATE SET size=excluded.size,"
                " mtime_ns=excluded.mtime_ns, verdict=excluded.verdict",
                [(k, e.size, e.mtime_ns, e.verdict) for k, e in upserts.items()],
            )
            self._conn.executemany("DELETE FROM files WHERE key = ?", [(k,) for k in deletes])

    def close(self) -> None:
        with self._lock:
            self._conn.close()


class FileIndex:
    """The in-memory index, with changes written to an optional store on :meth:`flush`."""

    def __init__(self, store: EncryptedIndexStore | None = None) -> None:
        self._store = store
        self._lock = threading.Lock()
        self._entries: dict[str, Entry] = store.load() if store is not None else {}
        self._dirty: dict[str, Entry] = {}
        self._deleted: set[str] = set()

    def __len__(self) -> int:
        with self._lock:
            return len(self._entries)

    def get(self, key: str) -> Entry | None:
        """The entry for ``key``, if it was scanned."""
        with self._lock:
            return self._entries.get(key)

    def unchanged(self, key: str, size: int, mtime_ns: int) -> bool:
        """Whether ``key`` was scanned at exactly this size and mtime."""
        with self._lock:
            e = self._entries.get(key)
        return e is not None and e.size == size and e.mtime_ns == mtime_ns

    def put(self, key: str, size: int, mtime_ns: int, verdict: str) -> None:
        """Record that ``key`` was scanned at this size and mtime."""
        entry = Entry(size, mtime_ns, verdict)
        with self._lock:
            self._entries[key] = entry
            self._dirty[key] = entry
            self._deleted.discard(key)

    def drop(self, key: str) -> None:
        """Forget ``key`` (the file is gone)."""
        with self._lock:
            if self._entries.pop(key, None) is not None:
                self._deleted.add(key)
            self._dirty.pop(key, None)

    def keys_with_prefix(self, prefix: str) -> list[str]:
        """All keys below a folder or medium prefix."""
        with self._lock:
            return [k for k in self._entries if k.startswith(prefix)]

    def flush(self) -> None:
        """Write the changes since the last flush to the store."""
        if self._store is None:
            return
        with self._lock:
            dirty, deleted = self._dirty, self._deleted
            self._dirty, self._deleted = {}, set()
        if dirty or deleted:
            self._store.write(dirty, deleted)

    def close(self) -> None:
        """Flush and close the store."""
        self.flush()
        if self._store is not None:
            self._store.close()

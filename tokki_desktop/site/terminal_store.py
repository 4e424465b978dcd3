"""What a terminal keeps for itself: where its detected files are, what it did on the
officer's behalf, and when its inventory last ran.

An SQLCipher database in the agent folder (``terminal.db``, keyed with a subkey of the
terminal key; file names can name people, so nothing of it is ever in the clear):

- ``detected_files``: the full path of each detected file, by the detection's keyed
  dedupe key (the key that crosses the drop folder). The site names a file by that key
  only, so a masked path is enough at the site and the full path never leaves.
- ``actions``: the terminal's own audit of resolutions carried out for the officer
  (request, step, outcome, reason), each row chained to the one before by SHA-256, as the
  ledger's audit chain is. :meth:`TerminalStore.verify_actions` checks the chain.
- ``settings``: small values (the last complete inventory).
"""

from __future__ import annotations

import hashlib
import json
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tokki_desktop.private_files import restrict_sqlite

GENESIS = "0" * 64


@dataclass(frozen=True)
class FileLocation:
    """Where a detected file was: as the monitor's detection row names it."""

    path: str
    root: str
    place_kind: str
    volume_id: str | None

    def as_detection(self) -> dict[str, Any]:
        """The fields :func:`tokki_desktop.monitor.resolutions.current_path` reads."""
        return {"path": self.path, "root": self.root, "place_kind": self.place_kind, "volume_id": self.volume_id}


@dataclass(frozen=True)
class Action:
    """One row of the terminal's audit of resolutions carried out."""

    id: int
    at: str
    request_uid: str
    kind: str
    step: str  # "stored" (copy in quarantine, original not yet removed) or "finished"
    outcome: str | None  # "done" / "failed" when finished
    reason: str | None
    detail: dict[str, Any]


class TerminalStore:
    """The terminal's own encrypted records (see the module docstring)."""

    def __init__(self, path: Path, key: bytes) -> None:
        import sqlcipher3

        self._conn = sqlcipher3.connect(str(path), check_same_thread=False)
        restrict_sqlite(path)
        self._conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        self._conn.execute("PRAGMA journal_mode = WAL")
        self._conn.executescript(
            """
            CREATE TABLE IF NOT EXISTS detected_files (
                dedupe_key TEXT PRIMARY KEY, path TEXT NOT NULL, root TEXT NOT NULL,
                place_kind TEXT NOT NULL, volume_id TEXT, masked_path TEXT NOT NULL);
            CREATE INDEX IF NOT EXISTS detected_by_masked ON detected_files (masked_path);
            CREATE TABLE IF NOT EXISTS actions (
                id INTEGER PRIMARY KEY, at TEXT NOT NULL, request_uid TEXT NOT NULL, kind TEXT NOT NULL,
                step TEXT NOT NULL, outcome TEXT, reason TEXT, detail TEXT NOT NULL,
                prev TEXT NOT NULL, hash TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
            """)
        self._conn.commit()
        restrict_sqlite(path)
        self._lock = threading.Lock()

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    # ------------------------------------------------------------------ detected files
    def remember(self, dedupe_key: str, location: FileLocation, masked_path: str) -> None:
        """Keep where a detected file is (the site names it by ``dedupe_key``, and shows
        ``masked_path``)."""
        with self._lock, self._conn:
            self._conn.execute(
                "INSERT INTO detected_files VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(dedupe_key) DO UPDATE SET"
                " path=excluded.path, root=excluded.root, place_kind=excluded.place_kind,"
                " volume_id=excluded.volume_id, masked_path=excluded.masked_path",
                (dedupe_key, location.path, location.root, location.place_kind, location.volume_id, masked_path))

    def real_paths(self, masked_path: str) -> list[str]:
        """The full paths of detected files shown at the site as ``masked_path``."""
        with self._lock:
            rows = self._conn.execute("SELECT path FROM detected_files WHERE masked_path = ?",
                                      (masked_path,)).fetchall()
        return [r[0] for r in rows]

    def location(self, dedupe_key: str) -> FileLocation | None:
        with self._lock:
            row = self._conn.execute("SELECT path, root, place_kind, volume_id FROM detected_files"
                                     " WHERE dedupe_key = ?", (dedupe_key,)).fetchone()
        return FileLocation(*row) if row else None

    # ------------------------------------------------------------------ audit of actions
    @staticmethod
    def _row_hash(prev: str, fields: list[Any]) -> str:
        return hashlib.sha256((prev + json.dumps(fields, ensure_ascii=False)).encode()).hexdigest()

    def log(self, at: str, request_uid: str, kind: str, step: str, *, outcome: str | None = None,
            reason: str | None = None, detail: dict[str, Any] | None = None) -> None:
        """Append one audited row (chained to the previous one)."""
        text = json.dumps(detail or {}, ensure_ascii=False, sort_keys=True)
        with self._lock, self._conn:
            last = self._conn.execute("SELECT hash FROM actions ORDER BY id DESC LIMIT 1").fetchone()
            prev = last[0] if last else GENESIS
            digest = self._row_hash(prev, [at, request_uid, kind, step, outcome, reason, text])
            self._conn.execute(
                "INSERT INTO actions (at, request_uid, kind, step, outcome, reason, detail, prev, hash)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", (at, request_uid, kind, step, outcome, reason, text, prev, digest))

    def actions(self, request_uid: str | None = None) -> list[Action]:
        sql = "SELECT id, at, request_uid, kind, step, outcome, reason, detail FROM actions"
        args: tuple[Any, ...] = ()
        if request_uid is not None:
            sql, args = sql + " WHERE request_uid = ?", (request_uid,)
        with self._lock:
            rows = self._conn.execute(sql + " ORDER BY id", args).fetchall()
        return [Action(r[0], r[1], r[2], r[3], r[4], r[5], r[6], json.loads(r[7])) for r in rows]

    def finished(self) -> set[str]:
        """Request ids carried out (done or failed): never carried out twice."""
        with self._lock:
            rows = self._conn.execute("SELECT request_uid FROM actions WHERE step = 'finished'").fetchall()
        return {r[0] for r in rows}

    def verify_actions(self) -> bool:
        """Whether the audit chain of actions is whole (no row altered, removed or inserted)."""
        with self._lock:
            rows = self._conn.execute("SELECT at, request_uid, kind, step, outcome, reason, detail, prev, hash"
                                      " FROM actions ORDER BY id").fetchall()
        prev = GENESIS
        for *fields, row_prev, digest in rows:
            if row_prev != prev or self._row_hash(prev, list(fields)) != digest:
                return False
            prev = digest
        return True

    # ------------------------------------------------------------------ settings
    def get(self, key: str) -> str | None:
        with self._lock:
            row = self._conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def put(self, key: str, value: str) -> None:
        with self._lock, self._conn:
            self._conn.execute("INSERT INTO settings VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value=excluded.value",
                               (key, value))

"""The encrypted ledger: one SQLCipher 4 file, a transaction API that audits every write.

Callers never write SQL for writes: they use :class:`Tx` (``insert``/``update``/``event``),
which appends the audit record in the same SQLite transaction, so a write and its audit
record are committed together or not at all. Reads go through ``Ledger.read``.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import re
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

import sqlcipher3

from tokki_desktop.clock import Clock, SystemClock, iso
from tokki_desktop.errors import KnownError, LedgerDamaged, LedgerReadOnly, NotPermitted
from tokki_desktop.ledger import audit
from tokki_desktop.ledger.sqlite_errors import check_file_shape, known_error
from tokki_desktop.private_files import open_private, restrict_sqlite

log = logging.getLogger(__name__)

_IDENT = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")

Row = sqlcipher3.Row


@dataclass(frozen=True)
class Actor:
    """Who is writing: a user of the ledger, or a system actor (monitor, recovery)."""

    login: str
    name: str
    role: str  # "officer" | "handler" | "system"

    @property
    def is_officer(self) -> bool:
        return self.role == "officer"


SYSTEM_MONITOR = Actor("monitor", "監視サービス", "system")


@contextlib.contextmanager
def damaged_is_known(path: Path | None = None) -> Iterator[None]:
    """SQLite errors the environment causes (damaged page, full disk, lock…) become known errors."""
    try:
        yield
    except sqlcipher3.DatabaseError as exc:
        # OperationalError, IntegrityError… subclass DatabaseError: a constraint is ours.
        mapped = known_error(exc, path) if path is not None else None
        if mapped is not None:
            raise mapped from None
        if type(exc) is sqlcipher3.DatabaseError:
            raise LedgerDamaged() from None
        raise


def quiet_sqlcipher(conn: sqlcipher3.Connection) -> None:
    """SQLCipher's own log lines ("ERROR CORE … hmac check failed") off: we say it in one line."""
    with contextlib.suppress(sqlcipher3.Error):
        conn.execute("PRAGMA cipher_log_level = NONE")


def damaged_pages(conn: sqlcipher3.Connection) -> int:
    """How many pages fail their HMAC (0 for an intact file); reads every page once."""
    try:
        return len(conn.execute("PRAGMA cipher_integrity_check").fetchall())
    except sqlcipher3.DatabaseError:
        return 1


class Ledger:
    """An open, unlocked ledger (thread-safe: one connection guarded by a lock)."""

    def __init__(self, path: Path, conn: sqlcipher3.Connection, audit_key: bytes,
                 clock: Clock | None = None) -> None:
        self.path = path
        self.conn = conn
        self._audit_key = audit_key
        self.clock: Clock = clock or SystemClock()
        self.lock = threading.RLock()
        self._columns: dict[str, set[str]] = {}
        self.read_only = False

    def make_read_only(self) -> None:
        """Refuse every write from now on (a damaged page: see ``session._open``)."""
        with self.lock:
            self.read_only = True
            # Belt and braces: SQLite itself refuses writes on this connection too.
            self.conn.execute("PRAGMA query_only = ON")

    # -- opening ------------------------------------------------------------------
    @staticmethod
    def connect(path: Path, data_key: bytes, *, create: bool = False) -> sqlcipher3.Connection:
        """Open ``path`` with the raw data key; a known error when it will not open.

        Only ``create=True`` (``tokki init``, the wizard) may make a file, and only where
        none exists; opening never creates or writes over one, whatever its size.
        """
        path = Path(path)
        if create:
            try:
                open_private(path, "xb").close()  # refuses an existing file, makes it 0600
            except FileExistsError:
                from tokki_desktop.errors import LedgerExists

                raise LedgerExists(str(path.parent)) from None
            except OSError as exc:
                raise (known_error(exc, path) or LedgerDamaged()) from None
        else:
            check_file_shape(path)
        try:
            # mode=rw: SQLite must not create the file when it went missing meanwhile.
            conn = sqlcipher3.connect(f"{path.resolve().as_uri()}?mode=rw", uri=True,
                                      isolation_level=None, check_same_thread=False, timeout=30.0)
        except sqlcipher3.Error as exc:
            if create:
                path.unlink(missing_ok=True)  # the empty file made just above, nothing else
            raise (known_error(exc, path) or LedgerDamaged()) from None
        try:
            quiet_sqlcipher(conn)
            # The key must be set once, before anything else touches the file.
            conn.execute(f"PRAGMA key = \"x'{data_key.hex()}'\"")
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = FULL")
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute("PRAGMA secure_delete = ON")
        except sqlcipher3.DatabaseError as exc:
            conn.close()
            raise (known_error(exc, path) or LedgerDamaged()) from None
        restrict_sqlite(path)
        conn.row_factory = sqlcipher3.Row
        return conn

    def close(self) -> None:
        with self.lock:
            try:
                self.conn.close()
            except sqlcipher3.Error:
                pass

    # -- reading ------------------------------------------------------------------
    def read(self, sql: str, params: tuple | dict = ()) -> list[Row]:
        with self.lock, damaged_is_known(self.path):
            return self.conn.execute(sql, params).fetchall()

    def read_one(self, sql: str, params: tuple | dict = ()) -> Row | None:
        with self.lock, damaged_is_known(self.path):
            return self.conn.execute(sql, params).fetchone()

    def schema_version(self) -> int:
        return int(self.read_one("PRAGMA user_version")[0])

    def columns(self, table: str) -> set[str]:
        if table not in self._columns:
            if not _IDENT.match(table):
                raise ValueError(f"bad table name {table!r}")
            cols = {r[1] for r in self.read(f"PRAGMA table_info({table})")}
            if not cols:
                raise ValueError(f"no table {table!r}")
            self._columns[table] = cols
        return self._columns[table]

    def forget_schema_cache(self) -> None:
        self._columns.clear()

    # -- roles --------------------------------------------------------------------
    @staticmethod
    def require_officer(actor: Actor, action_ja: str, action_en: str) -> None:
        """Raise :class:`NotPermitted` unless ``actor`` is a 取扱責任者."""
        if not actor.is_officer:
            raise NotPermitted(action_ja, action_en)

    # -- writing ------------------------------------------------------------------
    @contextlib.contextmanager
    def transaction(self, actor: Actor) -> Iterator["Tx"]:
        """One write transaction; every change in it is audited in it."""
        with self.lock:
            if self.read_only:
                raise LedgerReadOnly()
            try:
                self.conn.execute("BEGIN IMMEDIATE")
            except sqlcipher3.Error as exc:
                mapped = known_error(exc, self.path)
                if mapped is not None:
                    raise mapped from None
                raise
            tx = Tx(self, actor)
            try:
                yield tx
                self.conn.execute("COMMIT")
            except BaseException as exc:
                with contextlib.suppress(sqlcipher3.Error):
                    self.conn.execute("ROLLBACK")
                if isinstance(exc, sqlcipher3.Error):
                    mapped = known_error(exc, self.path)
                    if mapped is not None:
                        raise mapped from None
                raise

    def audit_rows(self, start_seq: int = 1) -> Iterator[tuple]:
        """Audit records in order (for verify and the audit screen)."""
        with self.lock:
            cur = self.conn.execute(
                "SELECT seq, ts, actor, action, tbl, row_id, change, mac FROM audit_log "
                "WHERE seq >= ? ORDER BY seq", (start_seq,))
            cur.row_factory = None  # plain tuples: faster over a million rows
            while True:
                chunk = cur.fetchmany(10000)
                if not chunk:
                    break
                yield from chunk

    def audit_rows_macs(self) -> list[tuple[int, bytes, str]]:
        """Every audit record's (seq, mac, action), in order (to compare a backup's chain)."""
        with self.lock, damaged_is_known(self.path):
            return [(int(seq), bytes(mac), str(action)) for seq, mac, action in
                    self.conn.execute("SELECT seq, mac, action FROM audit_log ORDER BY seq").fetchall()]

    def audit_head(self) -> tuple[int, bytes]:
        row = self.read_one("SELECT seq, mac FROM audit_log ORDER BY seq DESC LIMIT 1")
        return (0, audit.GENESIS) if row is None else (int(row[0]), bytes(row[1]))


class Tx:
    """Writes inside one transaction, each with its audit record."""

    def __init__(self, ledger: Ledger, actor: Actor) -> None:
        self.ledger = ledger
        self.actor = actor
        self.conn = ledger.conn
        self.now = iso(ledger.clock.now())
        self._head: tuple[int, bytes] | None = None

    def read(self, sql: str, params: tuple | dict = ()) -> list[Row]:
        return self.conn.execute(sql, params).fetchall()

    def read_one(self, sql: str, params: tuple | dict = ()) -> Row | None:
        return self.conn.execute(sql, params).fetchone()

    def _check_columns(self, table: str, names: list[str]) -> None:
        cols = self.ledger.columns(table)
        if cols.issuperset(names):
            return  # each name is one of the table's own columns, so safe in SQL (the common case, fast)
        for name in names:
            if not _IDENT.match(name) or name not in cols:
                raise ValueError(f"no column {name!r} in {table}")

    def insert(self, table: str, values: dict[str, Any], action: str = "insert") -> int:
        """Insert a row (filling created_at/created_by when the table has them)."""
        values = dict(values)
        cols = self.ledger.columns(table)
        if "created_at" in cols:
            values.setdefault("created_at", self.now)
        if "created_by" in cols:
            values.setdefault("created_by", self.actor.login)
        names = list(values)
        self._check_columns(table, names)
        sql = (f"INSERT INTO {table} ({', '.join(names)}) VALUES "
               f"({', '.join('?' for _ in names)})")
        cur = self.conn.execute(sql, [values[n] for n in names])
        row_id = int(cur.lastrowid)
        self.event(action, table=table, row_id=row_id, change={"new": _jsonable(values)})
        return row_id

    def update(self, table: str, row_id: int, values: dict[str, Any],
               action: str = "update") -> dict[str, Any]:
        """Update changed fields of one row; returns {field: (old, new)}; audited."""
        names = list(values)
        self._check_columns(table, names)
        old = self.conn.execute(f"SELECT * FROM {table} WHERE id = ?", (row_id,)).fetchone()
        if old is None:
            raise KeyError(f"{table} {row_id}")
        changed = {n: values[n] for n in names if old[n] != values[n]}
        if not changed:
            return {}
        cols = self.ledger.columns(table)
        stamped = dict(changed)
        if "updated_at" in cols:
            stamped["updated_at"] = self.now
        if "updated_by" in cols:
            stamped["updated_by"] = self.actor.login
        sets = ", ".join(f"{n} = ?" for n in stamped)
        self.conn.execute(f"UPDATE {table} SET {sets} WHERE id = ?", [*stamped.values(), row_id])
        self.event(action, table=table, row_id=row_id,
                   change={"old": _jsonable({n: old[n] for n in changed}),
                           "new": _jsonable(changed)})
        return {n: (old[n], changed[n]) for n in changed}

    def event(self, action: str, *, table: str | None = None, row_id: int | None = None,
              change: dict[str, Any] | None = None, actor: str | None = None,
              ts: str | None = None) -> int:
        """Append one audit record (the chain's MAC covers it and the one before)."""
        if self._head is None:
            self._head = self.ledger.audit_head()
        seq = self._head[0] + 1
        when = ts or self.now
        who = actor or self.actor.login
        text = audit.encode_change(change)
        mac = audit.record_mac(self.ledger._audit_key, self._head[1], seq, when, who, action,
                               table, row_id, text)
        self.conn.execute(
            "INSERT INTO audit_log (seq, ts, actor, action, tbl, row_id, change, mac) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", (seq, when, who, action, table, row_id, text, mac))
        self._head = (seq, mac)
        return seq


def _jsonable(values: dict[str, Any]) -> dict[str, Any]:
    """Values as the audit record keeps them; large binary values by their SHA-256 only."""
    out: dict[str, Any] = {}
    for k, v in values.items():
        if isinstance(v, (bytes, bytearray, memoryview)):
            raw = bytes(v)
            # Blocks of digests or encrypted blobs would double the ledger's size as hex;
            # their hash is enough to tie the audit record to the stored value.
            out[k] = raw.hex() if len(raw) <= 64 else {"sha256": hashlib.sha256(raw).hexdigest(),
                                                        "bytes": len(raw)}
        else:
            out[k] = v
    return out


__all__ = ["Actor", "Ledger", "Tx", "Row", "SYSTEM_MONITOR", "KnownError"]

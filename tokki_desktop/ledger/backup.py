"""Encrypted backups (same data key) that are verified by opening them, and restore."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import sqlcipher3

from tokki_desktop.errors import BackupInvalid, KnownError
from tokki_desktop.ledger import audit
from tokki_desktop.ledger.db import Ledger
from tokki_desktop.private_files import private_dir, restrict, restrict_sqlite


def _snapshot(ledger: Ledger, dest: Path) -> None:
    tmp = dest.with_name(dest.name + ".partial")
    if tmp.exists():
        tmp.unlink()
    if not dest.parent.exists():
        private_dir(dest.parent)
    with ledger.lock:
        # VACUUM INTO writes a consistent copy, encrypted with the same key, with user_version.
        ledger.conn.execute("VACUUM INTO ?", (str(tmp),))
    restrict(tmp, folder=False)  # SQLite made it with the umask's mode
    with open(tmp, "rb+") as fh:
        os.fsync(fh.fileno())
    os.replace(tmp, dest)


def check_copy(path: Path, data_key: bytes, audit_key: bytes) -> audit.VerifyReport:
    """Open a copy with the data key, check the cipher pages and the audit chain."""
    try:
        conn = Ledger.connect(path, data_key)
    except KnownError:
        raise BackupInvalid(str(path), "It does not open with this ledger's key.") from None
    try:
        bad = conn.execute("PRAGMA cipher_integrity_check").fetchall()
        copy = Ledger(path, conn, audit_key)
        report = audit.verify_rows(audit_key, copy.audit_rows())
        report.integrity_ok = not bad
        if bad:
            report.problems.append(f"{len(bad)} damaged page(s)")
        return report
    except sqlcipher3.DatabaseError:
        raise BackupInvalid(str(path), "It is damaged.") from None
    finally:
        conn.close()


def backup(ledger: Ledger, dest: Path, data_key: bytes, audit_key: bytes) -> audit.VerifyReport:
    """Write an encrypted copy to ``dest`` and verify it by opening it."""
    if dest.exists() and dest.is_dir():
        dest = dest / f"ledger-{ledger.clock.now().strftime('%Y%m%d-%H%M%S')}.tokki"
    _snapshot(ledger, dest)
    report = check_copy(dest, data_key, audit_key)
    if not report.ok:
        raise BackupInvalid(str(dest), "; ".join(report.problems))
    return report


def restore(source: Path, target: Path, data_key: bytes, audit_key: bytes,
            keep_dir: Path, stamp: str) -> Path | None:
    """Check ``source``, then replace ``target`` with it, keeping the replaced file.

    Returns where the replaced ledger was kept (None when there was none).
    """
    report = check_copy(source, data_key, audit_key)
    if not report.ok:
        raise BackupInvalid(str(source), "; ".join(report.problems))
    kept = None
    private_dir(keep_dir)
    tmp = target.with_name(target.name + ".restoring")
    shutil.copyfile(source, tmp)
    restrict(tmp, folder=False)
    with open(tmp, "rb+") as fh:
        os.fsync(fh.fileno())
    if target.exists():
        kept = keep_dir / f"replaced-{stamp}.tokki"
        shutil.copyfile(target, kept)
    for suffix in ("-wal", "-shm"):
        side = target.with_name(target.name + suffix)
        if side.exists():
            if kept is not None:
                shutil.copyfile(side, kept.with_name(kept.name + suffix))
            side.unlink()
    if kept is not None:
        restrict_sqlite(kept)
    os.replace(tmp, target)
    return kept


def _chain(path: Path, data_key: bytes, audit_key: bytes) -> dict[int, bytes]:
    conn = Ledger.connect(path, data_key)
    try:
        return {int(seq): bytes(mac) for seq, mac in
                conn.execute("SELECT seq, mac FROM audit_log ORDER BY seq").fetchall()}
    finally:
        conn.close()


def records_lost(live: Ledger, source: Path, data_key: bytes,
                 audit_key: bytes) -> list[tuple[int, str]]:
    """(seq, action) of the live ledger's audit records that ``source`` does not hold.

    The chain is compared record by record (by MAC), so a backup of another history with
    the same length is not taken for the same state.
    """
    try:
        theirs = _chain(source, data_key, audit_key)
    except (KnownError, sqlcipher3.DatabaseError):
        raise BackupInvalid(str(source), "It does not open with this ledger's key.") from None
    lost = []
    for seq, mac, action in live.audit_rows_macs():
        if theirs.get(seq) != mac:
            lost.append((seq, action))
    return lost

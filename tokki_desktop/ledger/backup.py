"""Encrypted backups (same data key) that are verified by opening them, and restore."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import sqlcipher3

from tokki_desktop.errors import BackupInvalid, KnownError
from tokki_desktop.ledger import audit
from tokki_desktop.ledger.db import Ledger


def _snapshot(ledger: Ledger, dest: Path) -> None:
    tmp = dest.with_name(dest.name + ".partial")
    if tmp.exists():
        tmp.unlink()
    dest.parent.mkdir(parents=True, exist_ok=True)
    with ledger.lock:
        # VACUUM INTO writes a consistent copy, encrypted with the same key, with user_version.
        ledger.conn.execute("VACUUM INTO ?", (str(tmp),))
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
    keep_dir.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(target.name + ".restoring")
    shutil.copyfile(source, tmp)
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
    os.replace(tmp, target)
    return kept

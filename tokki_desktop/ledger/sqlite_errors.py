"""SQLite / SQLCipher errors turned into the known error the user can act on.

The driver's exception classes say little (a full disk, a read-only stick and a locked
file are all ``OperationalError``), and the message text differs between versions, so
the mapping goes by SQLite's result code (``exc.sqlite_errorcode``). Getting this wrong is
not cosmetic: a full disk once read "damaged, run tokki restore", and following that
advice replaces an intact ledger with an older backup.
"""

from __future__ import annotations

import errno
import os
import shutil
from pathlib import Path

import sqlcipher3

from tokki_desktop.errors import (DiskFull, KnownError, LedgerBusy, LedgerDamaged, LedgerEmpty,
                                  LedgerFileGone, LedgerMissing, LedgerTruncated, LedgerUnreadable,
                                  MediaReadOnly, NotALedger)

# Primary result codes (sqlite3.h); extended codes keep these in their low byte.
SQLITE_PERM = 3
SQLITE_BUSY = 5
SQLITE_LOCKED = 6
SQLITE_READONLY = 8
SQLITE_IOERR = 10
SQLITE_CORRUPT = 11
SQLITE_FULL = 13
SQLITE_CANTOPEN = 14
SQLITE_PROTOCOL = 15
SQLITE_NOLFS = 22
SQLITE_AUTH = 23
SQLITE_NOTADB = 26

PAGE_SIZE = 4096  # SQLCipher 4's default, and what every ledger is created with
PLAIN_SQLITE_MAGIC = b"SQLite format 3\x00"


def primary_code(exc: BaseException) -> int | None:
    code = getattr(exc, "sqlite_errorcode", None)
    return None if code is None else int(code) & 0xFF


def free_bytes(path: Path) -> int | None:
    """Free space of the disk that holds ``path`` (None when it cannot be asked)."""
    target = Path(path)
    while not target.exists() and target != target.parent:
        target = target.parent
    try:
        return shutil.disk_usage(target).free
    except OSError:
        return None


def check_file_shape(path: Path) -> None:
    """Name an empty, cut-short or foreign file before SQLCipher sees it.

    An empty file would otherwise open as a new, empty database (and be migrated into a
    valid-looking empty ledger under the real key).
    """
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        if (path.parent / "ledger.keys").exists():
            raise LedgerFileGone(str(path.parent)) from None
        raise LedgerMissing(str(path.parent)) from None
    if size == 0:
        raise LedgerEmpty(str(path))
    with open(path, "rb") as fh:
        head = fh.read(PAGE_SIZE)
    foreign = foreign_kind(head)
    if foreign is not None:
        raise NotALedger(str(path), *foreign)
    if size < PAGE_SIZE or size % PAGE_SIZE:
        raise LedgerTruncated(str(path), size)


_MAGIC = (
    (PLAIN_SQLITE_MAGIC, "暗号化されていない SQLite ファイル", "an unencrypted SQLite database"),
    (b"PK\x03\x04", "ZIP 形式のファイル（Excel・Word など）", "a ZIP file (Excel, Word…)"),
    (b"%PDF", "PDF ファイル", "a PDF file"),
)


def foreign_kind(head: bytes) -> tuple[str, str] | None:
    """What a first page says the file is, when it is plainly not an encrypted ledger.

    A SQLCipher file starts with a random salt and looks random throughout; a known
    signature or readable text means somebody put another file in the ledger's place.
    """
    for magic, ja, en in _MAGIC:
        if head.startswith(magic):
            return ja, en
    sample = head[:PAGE_SIZE]
    if sample and b"\0" not in sample:
        try:
            sample.decode("utf-8")
            return "テキストファイル", "a text file"
        except UnicodeDecodeError as exc:
            if exc.start >= len(sample) - 3:  # a character cut at the end of the sample
                return "テキストファイル", "a text file"
    return None


def is_read_only_place(path: Path) -> bool:
    """Whether the ledger's file or folder cannot be written (read-only mount, permissions)."""
    folder = path.parent
    try:
        st = os.statvfs(folder) if hasattr(os, "statvfs") else None
    except OSError:
        st = None
    if st is not None and st.f_flag & getattr(os, "ST_RDONLY", 1):
        return True
    if path.exists() and not os.access(path, os.W_OK):
        return True
    return not os.access(folder, os.W_OK)


def known_error(exc: BaseException, path: Path) -> KnownError | None:
    """The known error for ``exc`` on the ledger at ``path``; None when it is a bug of ours."""
    if isinstance(exc, KnownError):
        return exc
    if isinstance(exc, OSError):
        if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
            return DiskFull(free_bytes(path))
        if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
            return MediaReadOnly(str(path.parent))
        if exc.errno == errno.ENOENT:
            return LedgerMissing(str(path.parent))
        return LedgerUnreadable(str(path))
    if not isinstance(exc, sqlcipher3.Error):
        return None
    code = primary_code(exc)
    if code == SQLITE_FULL:
        return DiskFull(free_bytes(path))
    if code in (SQLITE_BUSY, SQLITE_LOCKED, SQLITE_PROTOCOL):
        # PROTOCOL: the WAL lock kept changing hands (another writer): the same way out.
        return LedgerBusy(str(path))
    if code in (SQLITE_READONLY, SQLITE_PERM, SQLITE_AUTH):
        return MediaReadOnly(str(path.parent))
    if code == SQLITE_NOLFS:
        # The file system's file size limit (FAT32's 4 GB): as good as full for this file.
        return DiskFull(free_bytes(path))
    if code == SQLITE_CANTOPEN:
        if not path.exists():
            return LedgerMissing(str(path.parent))
        if is_read_only_place(path):
            return MediaReadOnly(str(path.parent))
        return LedgerUnreadable(str(path))
    if code == SQLITE_IOERR:
        # A write that found no space can surface as an I/O error (short write).
        free = free_bytes(path)
        if free is not None and free < 64 * PAGE_SIZE:
            return DiskFull(free)
        if is_read_only_place(path):
            return MediaReadOnly(str(path.parent))
        return LedgerUnreadable(str(path))
    if code in (SQLITE_CORRUPT, SQLITE_NOTADB) or type(exc) is sqlcipher3.DatabaseError:
        try:
            check_file_shape(path)
        except KnownError as shaped:
            return shaped
        return LedgerDamaged()
    return None

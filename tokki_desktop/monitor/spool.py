"""The monitor's write-ahead spool: every record is on disk, encrypted, before the ledger.

The monitor must not lose a detection when the ledger is busy (another process holds the
write lock), when the process is killed, or when the machine reboots. So each record is
first written here — one AES-GCM file per record, written to a temporary name, fsynced and
renamed — and only then imported into the ledger. The import is idempotent: every record
carries a ``uid`` that the ledger tables hold as UNIQUE, so a crash between the ledger's
commit and the removal of the spool file cannot double a record.

The key is ``session.subkey("spool")``, available to the monitor through the terminal key
slot before anyone unlocks the UI. Files hold only ciphertext: no path, no finding, no
masked example is readable without the ledger's data key.
"""

from __future__ import annotations

import json
import logging
import os
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from tokki_desktop.private_files import open_private, private_dir

log = logging.getLogger(__name__)

MAGIC = b"TKSP1"
SUFFIX = ".rec"
DAMAGED_SUFFIX = ".damaged"


def new_uid() -> str:
    """A random record id (order comes from the counter in the file name)."""
    return uuid.uuid4().hex


@dataclass(frozen=True)
class SpoolRecord:
    """One decrypted record: its uid, its kind ("detection", "run_start", …) and data."""

    uid: str
    kind: str
    data: dict[str, Any]
    file: Path


class Spool:
    """A folder of encrypted records, written durably and read in the order written."""

    def __init__(self, folder: Path, key: bytes) -> None:
        self.folder = folder
        private_dir(self.folder)
        self._aead = AESGCM(key)
        self._seq = self._last_seq()

    def _last_seq(self) -> int:
        best = 0
        for name in os.listdir(self.folder):
            head = name.split("-", 1)[0]
            if head.isdigit():
                best = max(best, int(head))
        return best

    def append(self, kind: str, data: dict[str, Any], uid: str | None = None) -> str:
        """Write one record durably; returns its uid."""
        uid = uid or new_uid()
        # A counter in the name keeps the import in the order things happened.
        self._seq += 1
        name = f"{self._seq:012d}-{uid}{SUFFIX}"
        body = json.dumps({"uid": uid, "kind": kind, "data": data}, ensure_ascii=False).encode()
        nonce = os.urandom(12)
        blob = MAGIC + nonce + self._aead.encrypt(nonce, body, MAGIC + uid.encode())
        tmp = self.folder / f".{name}.tmp"
        with open_private(tmp, "wb") as fh:
            fh.write(blob)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, self.folder / name)
        _fsync_dir(self.folder)
        return uid

    def pending(self) -> int:
        """How many records wait for import."""
        return sum(1 for n in os.listdir(self.folder) if n.endswith(SUFFIX))

    def read(self) -> Iterator[SpoolRecord]:
        """Records in the order written; a damaged one is set aside (renamed), not lost."""
        names = sorted(n for n in os.listdir(self.folder) if n.endswith(SUFFIX))
        for name in names:
            path = self.folder / name
            uid = name[:-len(SUFFIX)].split("-", 1)[-1]
            try:
                blob = path.read_bytes()
            except FileNotFoundError:
                continue
            try:
                if not blob.startswith(MAGIC) or len(blob) < len(MAGIC) + 12 + 16:
                    raise InvalidTag
                nonce = blob[len(MAGIC):len(MAGIC) + 12]
                body = self._aead.decrypt(nonce, blob[len(MAGIC) + 12:], MAGIC + uid.encode())
                doc = json.loads(body)
            except (InvalidTag, ValueError):
                log.error("a spool record failed authentication and was set aside")
                os.replace(path, path.with_name(name + DAMAGED_SUFFIX))
                continue
            yield SpoolRecord(doc["uid"], doc["kind"], doc["data"], path)

    def done(self, record: SpoolRecord) -> None:
        """The record is in the ledger: remove its file."""
        try:
            os.unlink(record.file)
        except FileNotFoundError:
            pass

    def damaged(self) -> list[Path]:
        """Records set aside because they failed authentication."""
        return sorted(self.folder.glob("*" + DAMAGED_SUFFIX))

    def clean_temporaries(self) -> None:
        """Remove half-written records of a crash (ciphertext only, never imported)."""
        for p in self.folder.glob(".*.tmp"):
            try:
                p.unlink()
            except OSError:
                pass


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return  # Windows cannot open a folder for fsync; the rename is durable there.
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)

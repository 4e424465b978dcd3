"""Quarantine: an encrypted vault beside the ledger; files go in whole and come back whole.

A quarantined file is streamed through AES-GCM in 1 MiB chunks (each chunk authenticated
with its index and a last-chunk flag, so reordering or truncation is caught) with
``session.subkey("quarantine")``. The stored copy is decrypted and compared before the
original is removed: moving into quarantine never loses the file.
"""

from __future__ import annotations

import hashlib
import os
import struct
import uuid
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from tokki_desktop.private_files import open_private, private_dir

MAGIC = b"TKQ1"
CHUNK = 1 << 20
_TAG = 16


class Damaged(Exception):
    """A stored file fails authentication (altered, truncated, other key)."""


@dataclass(frozen=True)
class Stored:
    """A file held in quarantine: its stored name, size and SHA-256 of the original bytes."""

    stored_name: str
    size: int
    sha256: str


class QuarantineVault:
    """The folder of encrypted quarantined files (``<data dir>/quarantine``)."""

    def __init__(self, folder: Path, key: bytes) -> None:
        self.folder = folder
        self._aead = AESGCM(key)

    def _aad(self, name: str, index: int, last: bool) -> bytes:
        return MAGIC + name.encode() + struct.pack(">I?", index, last)

    def put(self, source: Path) -> Stored:
        """Encrypt ``source`` into the vault and verify the stored copy; the source stays."""
        private_dir(self.folder)
        name = uuid.uuid4().hex + ".tkq"
        tmp = self.folder / f".{name}.tmp"
        digest = hashlib.sha256()
        size = 0
        try:
            with open(source, "rb") as src, open_private(tmp, "wb") as out:
                out.write(MAGIC)
                block = src.read(CHUNK)
                index = 0
                while True:
                    nxt = src.read(CHUNK) if block else b""
                    last = not nxt
                    digest.update(block)
                    size += len(block)
                    nonce = os.urandom(12)
                    out.write(nonce + struct.pack(">I", len(block) + _TAG))
                    out.write(self._aead.encrypt(nonce, block, self._aad(name, index, last)))
                    if last:
                        break
                    block, index = nxt, index + 1
                out.flush()
                os.fsync(out.fileno())
            os.replace(tmp, self.folder / name)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
        stored = Stored(name, size, digest.hexdigest())
        check = self._decrypt_digest(name)
        if check != (stored.size, stored.sha256):
            raise Damaged(name)
        return stored

    def discard(self, stored_name: str) -> None:
        """Remove a stored copy that was not kept (the original changed, or stayed)."""
        (self.folder / stored_name).unlink(missing_ok=True)

    def _chunks(self, name: str):
        with open(self.folder / name, "rb") as fh:
            if fh.read(len(MAGIC)) != MAGIC:
                raise Damaged(name)
            index = 0
            while True:
                head = fh.read(16)
                if len(head) != 16:
                    raise Damaged(name)  # truncated before the last chunk
                nonce, (length,) = head[:12], struct.unpack(">I", head[12:])
                body = fh.read(length)
                if len(body) != length:
                    raise Damaged(name)
                at_end = not fh.peek(1)
                try:
                    plain = self._aead.decrypt(nonce, body, self._aad(name, index, at_end))
                except InvalidTag:
                    raise Damaged(name) from None
                yield plain
                if at_end:
                    return
                index += 1

    def _decrypt_digest(self, name: str) -> tuple[int, str]:
        h = hashlib.sha256()
        size = 0
        for plain in self._chunks(name):
            h.update(plain)
            size += len(plain)
        return size, h.hexdigest()

    def restore(self, stored_name: str, target: Path) -> int:
        """Write the original bytes to ``target`` (which must not exist); returns the size."""
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(f".{target.name}.tokki-restore")
        size = 0
        try:
            # The restored original holds personal data: owner-only like everything we write.
            with open_private(tmp, "wb") as out:
                for plain in self._chunks(stored_name):
                    out.write(plain)
                    size += len(plain)
                out.flush()
                os.fsync(out.fileno())
            # Refuse to overwrite: a hard link fails if the target exists, atomically.
            try:
                os.link(tmp, target)
            except FileExistsError:
                raise
            except OSError:  # file systems without hard links (FAT on a USB stick)
                if target.exists():
                    raise FileExistsError(str(target)) from None
                os.replace(tmp, target)
        finally:
            tmp.unlink(missing_ok=True)
        return size

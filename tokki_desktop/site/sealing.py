"""Keys and sealed files of the work site: one terminal key, HKDF subkeys, AES-GCM, and
durable writes (temporary name, fsync, rename).

Every file that crosses the drop folder is sealed with a subkey of the terminal's key and
names only the site id, the terminal id and counters in the clear.
"""

from __future__ import annotations

import contextlib
import json
import os
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

KEY_BYTES = 32


def subkey(key: bytes, label: str) -> bytes:
    """A 32-byte subkey of a terminal key, one per purpose ("bundle", "spool", ...)."""
    return HKDF(algorithm=hashes.SHA256(), length=KEY_BYTES, salt=None,
                info=b"tokki-site:" + label.encode()).derive(key)


def seal(key: bytes, magic: bytes, header: dict[str, Any], body: bytes) -> bytes:
    """``magic | len | header JSON | nonce | AES-GCM(body)``; the header is authenticated."""
    head = json.dumps(header, sort_keys=True, ensure_ascii=True).encode()
    nonce = os.urandom(12)
    aad = magic + head
    return magic + len(head).to_bytes(4, "big") + head + nonce + AESGCM(key).encrypt(nonce, body, aad)


class Unsealable(ValueError):
    """The bytes are not a sealed file of this kind (truncated, altered, other key)."""


def read_header(magic: bytes, blob: bytes) -> dict[str, Any]:
    """The clear header of a sealed file, not yet authenticated (:class:`Unsealable`)."""
    if not blob.startswith(magic) or len(blob) < len(magic) + 4:
        raise Unsealable("not a sealed file")
    n = int.from_bytes(blob[len(magic):len(magic) + 4], "big")
    start = len(magic) + 4
    if n > 65536 or len(blob) < start + n + 12 + 16:
        raise Unsealable("truncated")
    try:
        head = json.loads(blob[start:start + n])
    except ValueError:
        raise Unsealable("bad header") from None
    if not isinstance(head, dict):
        raise Unsealable("bad header")
    return head


def unseal(key: bytes, magic: bytes, blob: bytes) -> tuple[dict[str, Any], bytes]:
    """Header and body of a sealed file (:class:`Unsealable` when it fails authentication)."""
    from cryptography.exceptions import InvalidTag

    head = read_header(magic, blob)
    n = int.from_bytes(blob[len(magic):len(magic) + 4], "big")
    start = len(magic) + 4
    nonce = blob[start + n:start + n + 12]
    try:
        body = AESGCM(key).decrypt(nonce, blob[start + n + 12:], magic + blob[start:start + n])
    except InvalidTag:
        raise Unsealable("authentication failed") from None
    return head, body


def write_durably(path: Path, data: bytes, *, mode: int = 0o600) -> None:
    """Write ``data`` to ``path`` atomically: a temporary beside it, fsync, rename, fsync dir.

    OSError (missing folder, read-only, full) leaves no temporary behind and the old file,
    if any, as it was.
    """
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, mode)
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view):]
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    fsync_dir(path.parent)


def fsync_dir(folder: Path) -> None:
    """Make a rename in ``folder`` durable (POSIX; Windows renames are durable already)."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def private_dir(path: Path) -> Path:
    """Create a folder only its owner can open (0700)."""
    path.mkdir(parents=True, exist_ok=True)
    with contextlib.suppress(OSError):
        os.chmod(path, 0o700)
    return path

"""The key-slot header file (``ledger.keys``): small, versioned, written atomically.

Layout (JSON, UTF-8)::

    {"format": "tokki-keyslots", "version": 1, "ledger_id": "<uuid>",
     "slots": [{"id": "...", "type": "user"|"recovery"|"terminal", "login": "...",
                "kdf": {...} | null, "nonce": "<b64>", "wrapped": "<b64>"}],
     "checksum": "<sha256 hex of the canonical JSON without this field>"}

Each slot holds the data key encrypted with AES-256-GCM; the associated data binds the
slot to its ledger, id, type and login, so a slot moved between users or ledgers does not
open. The checksum tells a damaged file (bit flip, truncation) apart from a wrong
passphrase before any key is tried.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import shutil
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from tokki_desktop.errors import HeaderDamaged, UnknownUser
from tokki_desktop.private_files import open_private, restrict
from tokki_desktop.vault.kdf import KdfParams

FORMAT = "tokki-keyslots"
VERSION = 1


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode(), validate=True)


@dataclass
class Slot:
    """One wrapped copy of the data key."""

    id: str
    type: str  # "user" | "recovery" | "terminal"
    login: str
    nonce: str
    wrapped: str
    kdf: KdfParams | None = None

    def to_json(self) -> dict:
        return {"id": self.id, "type": self.type, "login": self.login,
                "kdf": self.kdf.to_json() if self.kdf else None,
                "nonce": self.nonce, "wrapped": self.wrapped}

    @classmethod
    def from_json(cls, data: dict) -> "Slot":
        kdf = KdfParams.from_json(data["kdf"]) if data.get("kdf") else None
        slot = cls(id=str(data["id"]), type=str(data["type"]), login=str(data["login"]),
                   nonce=str(data["nonce"]), wrapped=str(data["wrapped"]), kdf=kdf)
        if slot.type not in ("user", "recovery", "terminal"):
            raise ValueError("slot type")
        _unb64(slot.nonce), _unb64(slot.wrapped)
        return slot


@dataclass
class KeyHeader:
    """The parsed header: the ledger's id and its key slots."""

    ledger_id: str
    slots: list[Slot] = field(default_factory=list)

    @classmethod
    def new(cls) -> "KeyHeader":
        return cls(ledger_id=str(uuid.uuid4()))

    # -- wrapping ---------------------------------------------------------------
    def _aad(self, slot_id: str, slot_type: str, login: str) -> bytes:
        return f"{FORMAT}|{VERSION}|{self.ledger_id}|{slot_id}|{slot_type}|{login}".encode()

    def add_slot(self, slot_type: str, login: str, kek: bytes, data_key: bytes,
                 kdf: KdfParams | None = None, slot_id: str | None = None) -> Slot:
        """Wrap ``data_key`` under ``kek`` in a new slot (replacing one of the same id)."""
        slot_id = slot_id or f"{slot_type}:{login}" if slot_type == "user" else (slot_id or slot_type)
        nonce = os.urandom(12)
        wrapped = AESGCM(kek).encrypt(nonce, data_key, self._aad(slot_id, slot_type, login))
        slot = Slot(id=slot_id, type=slot_type, login=login, nonce=_b64(nonce),
                    wrapped=_b64(wrapped), kdf=kdf)
        self.slots = [s for s in self.slots if s.id != slot_id] + [slot]
        return slot

    def unwrap(self, slot: Slot, kek: bytes) -> bytes | None:
        """The data key, or None when ``kek`` is not this slot's key."""
        try:
            return AESGCM(kek).decrypt(_unb64(slot.nonce), _unb64(slot.wrapped),
                                       self._aad(slot.id, slot.type, slot.login))
        except InvalidTag:
            return None

    def user_slot(self, login: str) -> Slot:
        for slot in self.slots:
            if slot.type == "user" and slot.login == login:
                return slot
        raise UnknownUser(login)

    def slot_of_type(self, slot_type: str) -> Slot | None:
        return next((s for s in self.slots if s.type == slot_type), None)

    def remove_slot(self, slot_id: str) -> None:
        self.slots = [s for s in self.slots if s.id != slot_id]

    # -- file -------------------------------------------------------------------
    def to_bytes(self) -> bytes:
        body = {"format": FORMAT, "version": VERSION, "ledger_id": self.ledger_id,
                "slots": [s.to_json() for s in self.slots]}
        canonical = json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
        body["checksum"] = hashlib.sha256(canonical.encode()).hexdigest()
        return json.dumps(body, sort_keys=True, indent=1, ensure_ascii=False).encode() + b"\n"

    @classmethod
    def from_bytes(cls, raw: bytes) -> "KeyHeader":
        try:
            data = json.loads(raw.decode("utf-8"))
            checksum = data.pop("checksum")
            canonical = json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
            if hashlib.sha256(canonical.encode()).hexdigest() != checksum:
                raise HeaderDamaged("Its checksum does not match (the file was changed or damaged).")
            if data.get("format") != FORMAT:
                raise HeaderDamaged("It is not a Tokki key file.")
            if data.get("version") != VERSION:
                raise HeaderDamaged(f"Unknown key file version {data.get('version')!r}.")
            return cls(ledger_id=str(data["ledger_id"]),
                       slots=[Slot.from_json(s) for s in data["slots"]])
        except HeaderDamaged:
            raise
        except (ValueError, KeyError, TypeError, AttributeError, UnicodeDecodeError):
            raise HeaderDamaged("It cannot be read.") from None

    @classmethod
    def load(cls, path: Path) -> "KeyHeader":
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            raise HeaderDamaged("It is missing.") from None
        return cls.from_bytes(raw)

    def save(self, path: Path, backup: Path | None = None) -> None:
        """Write atomically (temp file, fsync, rename); keep the previous file as ``backup``."""
        data = self.to_bytes()
        tmp = path.with_name(path.name + ".tmp")
        with open_private(tmp, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if backup is not None and path.exists():
            # Only a header that still parses is worth keeping as the backup.
            try:
                KeyHeader.load(path)
                btmp = backup.with_name(backup.name + ".tmp")
                shutil.copyfile(path, btmp)
                restrict(btmp, folder=False)
                with open(btmp, "rb+") as fh:
                    os.fsync(fh.fileno())
                os.replace(btmp, backup)
            except HeaderDamaged:
                pass
        os.replace(tmp, path)
        _fsync_dir(path.parent)
        if backup is not None and not backup.exists():
            shutil.copyfile(path, backup)
            restrict(backup, folder=False)


def _fsync_dir(folder: Path) -> None:
    """Make a rename durable (POSIX); a no-op where directories cannot be opened."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)

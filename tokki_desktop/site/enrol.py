"""Enrolling terminals from the site ledger: enrol (officer only), list, revoke.

The enrolment file holds the terminal's identity, its key, its policy and the drop folder,
sealed with a key derived by scrypt from a one-time code printed once. The file alone
(lost on a USB stick, say) opens nothing. The site keeps the terminal key in the ledger,
wrapped with a ledger subkey.
"""

from __future__ import annotations

import base64
import json
import os
import secrets
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from tokki_desktop.site import errors
from tokki_desktop.site.policy import fingerprint_policy, policy_hash, site_policy
from tokki_desktop.site.sealing import KEY_BYTES, Unsealable, seal, unseal, write_durably

ENROL_MAGIC = b"TKSE1\n"
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I/L: read aloud and typed by hand
CODE_LENGTH = 20
DEFAULT_HEARTBEAT = 300
WRAP_LABEL = "site-terminals"


def new_code() -> str:
    """A one-time code, 20 characters in groups of 5 (about 99 bits)."""
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
    return "-".join(raw[i:i + 5] for i in range(0, CODE_LENGTH, 5))


def normalise_code(code: str) -> str:
    """What the user typed, without spaces, dashes or case."""
    return "".join(c for c in code.upper() if c.isalnum())


def _scrypt_params() -> dict[str, int]:
    # Tests use cheap parameters (TOKKI_KDF_PROFILE=fast), as the vault does; they are
    # stored in the file, so a file made either way opens.
    if os.environ.get("TOKKI_KDF_PROFILE") == "fast":
        return {"n": 2 ** 12, "r": 8, "p": 1}
    return {"n": 2 ** 17, "r": 8, "p": 1}


def _code_key(code: str, salt: bytes, params: dict[str, int]) -> bytes:
    return Scrypt(salt=salt, length=KEY_BYTES, n=params["n"], r=params["r"], p=params["p"]).derive(
        normalise_code(code).encode())


def seal_enrolment(content: dict[str, Any], code: str) -> bytes:
    """The enrolment file's bytes: ``content`` sealed with the code's key."""
    salt = os.urandom(16)
    params = _scrypt_params()
    header = {"salt": base64.b64encode(salt).decode(), **params}
    return seal(_code_key(code, salt, params), ENROL_MAGIC, header,
                json.dumps(content, ensure_ascii=False).encode())


def open_enrolment(blob: bytes, code: str, name: str) -> dict[str, Any]:
    """The content of an enrolment file (:class:`WrongEnrolCode`, :class:`NotAnEnrolmentFile`)."""
    from tokki_desktop.site.sealing import read_header

    try:
        head = read_header(ENROL_MAGIC, blob)
        salt = base64.b64decode(head["salt"])
        params = {k: int(head[k]) for k in ("n", "r", "p")}
    except (Unsealable, KeyError, ValueError, TypeError):
        raise errors.NotAnEnrolmentFile(name) from None
    try:
        _, body = unseal(_code_key(code, salt, params), ENROL_MAGIC, blob)
    except Unsealable:
        raise errors.WrongEnrolCode() from None
    return json.loads(body)


def wrap_key(session: Any, key: bytes) -> bytes:
    """The terminal key as the ledger keeps it (AES-GCM with a ledger subkey)."""
    nonce = os.urandom(12)
    return nonce + AESGCM(session.subkey(WRAP_LABEL)).encrypt(nonce, key, b"terminal-key")


def unwrap_key(session_or_key: Any, sealed: bytes) -> bytes:
    """The terminal key from its ledger row (session, or the wrap subkey itself)."""
    wrap = session_or_key if isinstance(session_or_key, bytes) else session_or_key.subkey(WRAP_LABEL)
    return AESGCM(wrap).decrypt(bytes(sealed[:12]), bytes(sealed[12:]), b"terminal-key")


@dataclass
class Enrolment:
    """What ``site enrol`` made: the terminal's row id, its id, and the one-time code."""

    terminal_id: int
    terminal_uid: str
    code: str


def enrol(session: Any, name: str, *, drop: Path, watch: list[Path], out: Path,
          heartbeat_seconds: int = DEFAULT_HEARTBEAT, allowance_seconds: int | None = None) -> Enrolment:
    """Enrol a terminal (officer only, audited) and write its enrolment file to ``out``."""
    from tokki_desktop.errors import InvalidInput

    session.ledger.require_officer(session.user, "端末の登録", "enrolling a terminal")
    name = name.strip()
    if not name or len(name) > 100 or any(c in name for c in "/\\\n\r\t"):
        raise InvalidInput("端末名", "terminal name", "1〜100文字（/ \\ と改行なし）で入力してください",
                           "use 1 to 100 characters without / \\ or line breaks")
    if session.ledger.read_one("SELECT 1 FROM site_terminals WHERE name = ? AND status != 'revoked'", (name,)):
        raise errors.TerminalNameTaken(name)
    drop = Path(os.path.abspath(drop))
    try:
        drop.mkdir(parents=True, exist_ok=True)
    except OSError:
        raise errors.DropFolderUnusable(str(drop)) from None
    uid = uuid.uuid4().hex
    key = os.urandom(KEY_BYTES)
    code = new_code()
    folders = [{"path": os.path.abspath(p), "place": Path(p).name or str(p), "polling": 0} for p in watch]
    allowance = allowance_seconds if allowance_seconds is not None else 3 * heartbeat_seconds
    policy = site_policy(session.ledger, folders, heartbeat_seconds, fingerprint_policy(session))
    policy["version"] = 1
    content = {
        "site": session.header.ledger_id, "terminal": uid, "name": name, "key": base64.b64encode(key).decode(),
        "drop": str(drop), "policy": policy,
    }
    blob = seal_enrolment(content, code)
    write_durably(Path(out), blob)
    with session.ledger.transaction(session.user) as tx:
        tid = tx.insert("site_terminals", {
            "terminal_uid": uid, "name": name, "sealed_key": wrap_key(session, key), "drop_folder": str(drop),
            "watch_paths": json.dumps(folders, ensure_ascii=False), "heartbeat_seconds": heartbeat_seconds,
            "allowance_seconds": allowance, "status": "enrolled", "enrolled_at": tx.now,
            "policy_version": 1, "policy_hash": policy_hash(policy)}, action="terminal_enrolled")
    return Enrolment(tid, uid, code)


def terminals(ledger: Any) -> list[dict[str, Any]]:
    """The site's terminals with their open detection counts (no key material)."""
    rows = ledger.read(
        "SELECT t.*, (SELECT count(*) FROM monitor_detections d WHERE d.terminal = t.name"
        " AND d.status = 'open') AS open_detections,"
        " (SELECT count(*) FROM site_resolutions r WHERE r.terminal_id = t.id AND r.state = 'requested')"
        " AS resolutions_waiting,"
        # Failed requests whose detection is still open (a later request supersedes a failure).
        " (SELECT count(*) FROM site_resolutions r JOIN monitor_detections d ON d.id = r.detection_id"
        "  WHERE r.terminal_id = t.id AND r.state = 'failed' AND d.status = 'open' AND NOT EXISTS"
        "  (SELECT 1 FROM site_resolutions r2 WHERE r2.detection_id = r.detection_id AND r2.id > r.id))"
        " AS resolutions_failed FROM site_terminals t ORDER BY t.id")
    out = []
    for r in rows:
        d = dict(r)
        d.pop("sealed_key", None)
        d["watch_paths"] = json.loads(d["watch_paths"])
        out.append(d)
    return out


def revoke(session: Any, name: str) -> None:
    """Revoke a terminal (officer only, audited): its bundles are refused from now on."""
    session.ledger.require_officer(session.user, "端末の取消", "revoking a terminal")
    row = session.ledger.read_one(
        "SELECT id FROM site_terminals WHERE name = ? AND status != 'revoked' ORDER BY id DESC LIMIT 1", (name,))
    if row is None:
        raise errors.TerminalUnknown(name)
    with session.ledger.transaction(session.user) as tx:
        tx.update("site_terminals", int(row["id"]), {"status": "revoked", "revoked_at": tx.now},
                  action="terminal_revoked")

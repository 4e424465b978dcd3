"""The terminal slot: a random secret in the OS keyring opens the ledger for the monitor.

The monitor must start at login, before anyone unlocks the UI. Where the OS has a
keyring (Windows Credential Manager, macOS Keychain, Secret Service), a random 256-bit
terminal secret lives there and wraps the data key in the header's terminal slot.
Where there is none (keyring's fail backend, ``NoKeyringError``, a locked collection) we
say so once and carry on with passphrases alone; the secret is never written to a file.
"""

from __future__ import annotations

import base64
import logging
import os
from dataclasses import dataclass
from typing import Protocol

log = logging.getLogger(__name__)

SERVICE = "TokkiDesktop"


class SecretStore(Protocol):
    """The small interface we need of a keyring (tests pass an in-memory one)."""

    def get_password(self, service: str, username: str) -> str | None: ...

    def set_password(self, service: str, username: str, password: str) -> None: ...

    def delete_password(self, service: str, username: str) -> None: ...


@dataclass
class KeyringStatus:
    """Whether the OS keyring can hold the terminal secret, and why not."""

    available: bool
    backend: str
    reason_ja: str = ""
    reason_en: str = ""


def system_store() -> tuple[SecretStore | None, KeyringStatus]:
    """The OS keyring, or None with the reason (fail backend, no backend, import error)."""
    try:
        import keyring
        from keyring.backends import fail
    except Exception:  # noqa: BLE001 - a broken keyring install must not stop the app
        return None, KeyringStatus(False, "none", "OS の資格情報ストアを読み込めません。",
                                   "The OS keyring could not be loaded.")
    backend = keyring.get_keyring()
    name = f"{type(backend).__module__}.{type(backend).__name__}"
    if isinstance(backend, fail.Keyring) or getattr(backend, "priority", 1) <= 0:
        return None, KeyringStatus(
            False, name,
            "この端末には OS の資格情報ストア（キーリング）がありません。パスフレーズだけで運用します。",
            "This terminal has no OS keyring; Tokki works with passphrases alone.",
        )
    return keyring, KeyringStatus(True, name)  # type: ignore[return-value]


def terminal_account(ledger_id: str) -> str:
    return f"terminal-slot:{ledger_id}"


def new_terminal_secret() -> bytes:
    return os.urandom(32)


def store_secret(store: SecretStore, ledger_id: str, secret: bytes) -> None:
    store.set_password(SERVICE, terminal_account(ledger_id), base64.b64encode(secret).decode())


def load_secret(store: SecretStore, ledger_id: str) -> bytes | None:
    """The terminal secret, or None when the keyring has none (or refuses: locked, absent)."""
    try:
        value = store.get_password(SERVICE, terminal_account(ledger_id))
    except Exception as exc:  # noqa: BLE001 - NoKeyringError, KeyringLocked, D-Bus errors
        log.warning("keyring refused to give the terminal secret: %s", type(exc).__name__)
        return None
    if not value:
        return None
    try:
        return base64.b64decode(value, validate=True)
    except ValueError:
        return None


def forget_secret(store: SecretStore, ledger_id: str) -> None:
    try:
        store.delete_password(SERVICE, terminal_account(ledger_id))
    except Exception:  # noqa: BLE001 - nothing to delete is fine
        pass


class MemoryStore:
    """An in-memory keyring, for tests and for a session that must not touch the OS."""

    def __init__(self) -> None:
        self.items: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.items.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.items[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.items.pop((service, username), None)

"""The vault: the ledger's random data key, kept only wrapped in key slots.

The ledger file is encrypted (SQLCipher 4) with a random 256-bit data key. That key is
never written anywhere in plain form; the header file ``ledger.keys`` holds it wrapped
(AES-256-GCM) once per slot: one per user (key from the passphrase through Argon2id), one
for the recovery key, and optionally one for the terminal (key held in the OS keyring).
"""

from tokki_desktop.vault.header import KeyHeader, Slot
from tokki_desktop.vault.kdf import KdfParams

__all__ = ["KeyHeader", "Slot", "KdfParams"]

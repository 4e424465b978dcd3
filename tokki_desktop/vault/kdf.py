"""Key derivation: Argon2id for passphrases, HKDF for high-entropy secrets and subkeys."""

from __future__ import annotations

import base64
import os
import time
from dataclasses import asdict, dataclass

from argon2.low_level import Type, hash_secret_raw
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

# Tuned on the reference terminal (2 cores) so that one unlock takes about 0.4 s;
# bench/vault_bench.py measures it. Stored in each slot, so they can change later
# without breaking old slots.
DEFAULT_TIME_COST = 3
DEFAULT_MEMORY_KIB = 256 * 1024
DEFAULT_PARALLELISM = 2


@dataclass(frozen=True)
class KdfParams:
    """Argon2id parameters and salt of one key slot."""

    time_cost: int = DEFAULT_TIME_COST
    memory_kib: int = DEFAULT_MEMORY_KIB
    parallelism: int = DEFAULT_PARALLELISM
    salt: str = ""  # base64

    @classmethod
    def fresh(cls, **overrides: int) -> "KdfParams":
        """New parameters with a random 16-byte salt (tests may pass cheaper costs)."""
        base = {"time_cost": DEFAULT_TIME_COST, "memory_kib": DEFAULT_MEMORY_KIB,
                "parallelism": DEFAULT_PARALLELISM}
        env = os.environ.get("TOKKI_KDF_PROFILE", "")
        if env == "fast":  # only the test suite sets this: cheap slots, same code path
            base = {"time_cost": 1, "memory_kib": 8 * 1024, "parallelism": 1}
        base.update(overrides)
        return cls(salt=base64.b64encode(os.urandom(16)).decode(), **base)

    def to_json(self) -> dict:
        return {"name": "argon2id", **asdict(self)}

    @classmethod
    def from_json(cls, data: dict) -> "KdfParams":
        if data.get("name") != "argon2id":
            raise ValueError("unknown kdf")
        return cls(
            time_cost=int(data["time_cost"]),
            memory_kib=int(data["memory_kib"]),
            parallelism=int(data["parallelism"]),
            salt=str(data["salt"]),
        )


def derive_from_passphrase(passphrase: str, params: KdfParams) -> bytes:
    """The 32-byte key-encryption key of a passphrase slot (Argon2id)."""
    return hash_secret_raw(
        secret=passphrase.encode("utf-8"),
        salt=base64.b64decode(params.salt),
        time_cost=params.time_cost,
        memory_cost=params.memory_kib,
        parallelism=params.parallelism,
        hash_len=32,
        type=Type.ID,
    )


def hkdf(secret: bytes, label: str, length: int = 32) -> bytes:
    """HKDF-SHA256 of a high-entropy secret, one label per purpose."""
    return HKDF(algorithm=hashes.SHA256(), length=length, salt=None,
                info=f"tokki-desktop/{label}".encode()).derive(secret)


def measure_unlock_seconds(params: KdfParams | None = None) -> float:
    """How long one Argon2id derivation takes here (for the benchmark and tuning)."""
    params = params or KdfParams.fresh()
    start = time.perf_counter()
    derive_from_passphrase("measure", params)
    return time.perf_counter() - start

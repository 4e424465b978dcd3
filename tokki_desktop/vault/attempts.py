"""Failed unlock attempts, counted in a file of their own, with growing waits (backoff).

The count lives in ``unlock-attempts.json`` beside the ledger, never in the ledger or the
key file: a wrong passphrase must leave those two byte-for-byte unchanged. The failures
enter the audit chain at the next successful unlock (see ``session.unlock``).
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

from tokki_desktop.private_files import open_private

FREE_ATTEMPTS = 3      # wrong passphrases allowed before any wait
MAX_WAIT_SECONDS = 300  # the wait doubles per failure up to five minutes


def wait_after(failures: int) -> float:
    """Seconds to wait after ``failures`` consecutive failures."""
    if failures < FREE_ATTEMPTS:
        return 0.0
    return float(min(MAX_WAIT_SECONDS, 2 ** (failures - FREE_ATTEMPTS + 1)))


@dataclass
class Failure:
    login: str
    at: str  # ISO time of the failure


class AttemptsFile:
    """Read and update the failed-attempt record of one data folder."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def _load(self) -> dict:
        try:
            data = json.loads(self.path.read_text("utf-8"))
            if isinstance(data, dict) and isinstance(data.get("failures"), list):
                return data
        except (OSError, ValueError):
            pass
        return {"failures": [], "last_epoch": 0.0}

    def _save(self, data: dict) -> None:
        tmp = self.path.with_name(self.path.name + ".tmp")
        with open_private(tmp, "wb") as fh:  # failed-login times are for the owner only
            fh.write(json.dumps(data, ensure_ascii=False).encode("utf-8"))
        os.replace(tmp, self.path)

    def failures(self) -> list[Failure]:
        return [Failure(str(f.get("login", "")), str(f.get("at", "")))
                for f in self._load()["failures"] if isinstance(f, dict)]

    def seconds_to_wait(self, now_epoch: float) -> float:
        data = self._load()
        wait = wait_after(int(data.get("count", len(data["failures"]))))
        remaining = float(data.get("last_epoch", 0.0)) + wait - now_epoch
        return max(0.0, remaining)

    def record_failure(self, login: str, at_iso: str, now_epoch: float) -> None:
        data = self._load()
        # Keep the list bounded: a brute-force run must not grow the file without limit.
        data["failures"] = (data["failures"] + [{"login": login, "at": at_iso}])[-1000:]
        data["count"] = data.get("count", 0) + 1
        data["last_epoch"] = now_epoch
        self._save(data)

    def total_failures(self) -> int:
        data = self._load()
        return int(data.get("count", len(data["failures"])))

    def clear(self) -> None:
        try:
            self.path.unlink()
        except FileNotFoundError:
            pass

"""One monitor per ledger: a second one (the GUI's and an autostarted one, say) is refused.

Two monitors would scan every file twice and record each media arrival twice. The lock is
an OS file lock on ``monitor.lock`` in the data folder, released by the OS when the
process ends, so a killed monitor never leaves a stale lock behind.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import IO

from tokki_desktop.monitor.errors import MonitorError


class MonitorAlreadyRunning(MonitorError):
    """Another monitor already watches for this ledger."""

    def __init__(self) -> None:
        super().__init__(
            "この台帳の監視は既に実行中です。",
            "A monitor is already running for this ledger.",
            hint_ja="二重に起動する必要はありません。",
            hint_en="There is no need to start a second one.",
        )


class MonitorLock:
    """Holds the data folder's monitor lock until :meth:`release`."""

    def __init__(self, data_dir: Path) -> None:
        self.path = Path(data_dir) / "monitor.lock"
        self._fh: IO[bytes] | None = None

    def acquire(self) -> None:
        """Take the lock, or raise :class:`MonitorAlreadyRunning`."""
        fh = open(self.path, "a+b")  # noqa: SIM115 - held open for as long as the lock is
        try:
            if sys.platform == "win32":  # pragma: no cover - Windows only
                import msvcrt

                fh.seek(0)
                msvcrt.locking(fh.fileno(), msvcrt.LK_NBLCK, 1)
            else:
                import fcntl

                fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            fh.close()
            raise MonitorAlreadyRunning() from None
        fh.seek(0)
        fh.truncate()
        fh.write(str(os.getpid()).encode())
        fh.flush()
        self._fh = fh

    def release(self) -> None:
        """Let go of the lock (the file stays; it holds only a process id)."""
        if self._fh is not None:
            self._fh.close()
            self._fh = None

"""Wait until a file is complete before it is scanned, and fold bursts of events into one.

File-system events are only hints: a copy produces many "modified" events and the file is
complete only when the writer closes it. A path is *ready* when its size and mtime have not
changed for a quiet time; when the OS reports that a writer closed it (Linux
``IN_CLOSE_WRITE``) one stable check is enough, and while a writer is known to hold it open
we wait for the close (or for a long quiet time, in case the close event was dropped).
"""

from __future__ import annotations

import os
import stat as statmod
import threading
from collections.abc import Callable, Hashable
from dataclasses import dataclass

# What is known about the writer of a pending file.
OPEN, CLOSED, UNKNOWN = "open", "closed", "unknown"


@dataclass
class _Pending:
    root: Hashable
    signature: tuple[int, int] | None
    stable_since: float
    writer: str


class CompletionWait:
    """Collects path hints and hands each path to ``on_ready(root, path)`` once complete.

    ``quiet``: seconds of no change before a file counts as complete when nothing is known
    about its writer. ``closed_quiet``: the same after the writer closed it. ``open_quiet``:
    the same while a writer still holds it open (a safety net for lost close events).
    """

    def __init__(
        self,
        on_ready: Callable[[Hashable, str], None],
        *,
        quiet: float = 0.5,
        closed_quiet: float = 0.05,
        open_quiet: float = 10.0,
        tick: float = 0.05,
        monotonic: Callable[[], float] | None = None,
    ) -> None:
        import time

        self._on_ready = on_ready
        self._quiet = quiet
        self._closed_quiet = closed_quiet
        self._open_quiet = open_quiet
        self._tick = tick
        self._now = monotonic or time.monotonic
        self._pending: dict[str, _Pending] = {}
        self._lock = threading.Lock()
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def hint(self, root: Hashable, path: str, *, writing: bool | None = None) -> None:
        """Something may have changed at ``path``.

        ``writing=True``: a writer is known to hold it open (modified/created events on a
        platform that reports closes); ``False``: the writer closed it; ``None``: unknown.
        """
        now = self._now()
        with self._lock:
            p = self._pending.get(path)
            if p is None:
                p = _Pending(root, None, now, UNKNOWN)
                self._pending[path] = p
            p.root = root
            p.stable_since = now
            if writing is True:
                p.writer = OPEN
            elif writing is False:
                p.writer = CLOSED
        self._wake.set()

    def forget_under(self, prefix: str) -> None:
        """Drop pending paths below ``prefix`` (a folder or medium that went away)."""
        with self._lock:
            for path in [p for p in self._pending if p.startswith(prefix)]:
                del self._pending[path]

    def pending_count(self) -> int:
        """How many paths are waiting to become complete."""
        with self._lock:
            return len(self._pending)

    def check(self) -> None:
        """One pass: stat every pending path and release those that are complete."""
        with self._lock:
            items = list(self._pending.items())
        ready: list[tuple[str, _Pending, float]] = []
        gone: list[str] = []
        now = self._now()
        for path, p in items:
            try:
                st = os.stat(path)
            except OSError:
                gone.append(path)
                continue
            if not statmod.S_ISREG(st.st_mode):
                gone.append(path)
                continue
            sig = (st.st_size, st.st_mtime_ns)
            if sig != p.signature:
                p.signature = sig
                p.stable_since = now
                continue
            wait = {OPEN: self._open_quiet, CLOSED: self._closed_quiet}.get(p.writer, self._quiet)
            if sig[0] == 0 and p.writer != CLOSED:
                # Created, nothing written yet: a writer paused between open and write (or
                # its events were dropped). An empty file holds nothing, so waiting is free.
                wait = self._open_quiet
            if now - p.stable_since >= wait:
                ready.append((path, p, p.stable_since))
        released: list[tuple[Hashable, str]] = []
        with self._lock:
            for path in gone:
                self._pending.pop(path, None)
            for path, p, since in ready:
                # A hint that arrived during this pass restarted the wait: keep waiting.
                if self._pending.get(path) is p and p.stable_since == since:
                    del self._pending[path]
                    released.append((p.root, path))
        for root, path in released:
            self._on_ready(root, path)

    def start(self) -> None:
        """Check pending paths in a background thread until :meth:`stop`."""
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name="tokki-completion", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.is_set():
            # Idle: sleep until a hint arrives (no polling while nothing is pending).
            self._wake.wait(self._tick if self._pending else None)
            self._wake.clear()
            if self._pending:
                self.check()
                self._stop.wait(self._tick)

    def stop(self) -> None:
        """Stop the background thread."""
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None

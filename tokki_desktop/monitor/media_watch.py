"""Notice removable media arriving and leaving, by polling a :class:`MediaSource`.

Polling every half second keeps "noticed within 2 s" true on every platform without
hooking each OS's device notifications, and costs a read of a small table.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from tokki_desktop.monitor.logsafe import log_bug
from tokki_desktop.monitor.media import MediaSource, Medium

log = logging.getLogger(__name__)


class MediaWatcher:
    """Calls ``on_arrival(medium)`` / ``on_removal(medium)`` as volumes come and go."""

    def __init__(
        self,
        source: MediaSource,
        on_arrival: Callable[[Medium], None],
        on_removal: Callable[[Medium], None],
        *,
        interval: float = 0.5,
    ) -> None:
        self._source = source
        self._on_arrival = on_arrival
        self._on_removal = on_removal
        self._interval = interval
        self._present: dict[tuple[str, str], Medium] = {}
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()

    def present(self) -> list[Medium]:
        """The media mounted at the last poll."""
        with self._lock:
            return list(self._present.values())

    def is_present(self, medium: Medium) -> bool:
        """Whether ``medium`` was still mounted at the last poll."""
        with self._lock:
            return medium.key in self._present

    def poll(self) -> None:
        """Compare the source with what was seen last and report the differences."""
        try:
            now = {m.key: m for m in self._source.current()}
        except Exception as exc:  # noqa: BLE001 - an unreadable table this time is retried next time
            log_bug(log, "media source failed; will retry", exc)
            return
        with self._lock:
            gone = [m for k, m in self._present.items() if k not in now]
            new = [m for k, m in now.items() if k not in self._present]
            self._present = now
        for medium in gone:
            self._safe(self._on_removal, medium)
        for medium in new:
            self._safe(self._on_arrival, medium)

    @staticmethod
    def _safe(cb: Callable[[Medium], None], medium: Medium) -> None:
        try:
            cb(medium)
        except Exception as exc:  # noqa: BLE001 - one failing handler must not stop media watching
            log_bug(log, "media handler failed", exc)

    def start(self) -> None:
        """Poll in a background thread until :meth:`stop`."""
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name="tokki-media", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.is_set():
            self.poll()
            self._stop.wait(self._interval)

    def stop(self) -> None:
        """Stop polling and wait for the thread."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None

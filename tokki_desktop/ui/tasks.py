"""Background work: ``run_task(func, callback)`` on a thread pool (the picard pattern).

``func`` runs on a worker thread and must not touch widgets; ``callback(result, error)``
runs on the main thread (a queued signal to a QObject living there), with exactly one of
the two set. The runner counts running tasks so that closing the window can ask first.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot
from shiboken6 import isValid

Callback = Callable[[Any, BaseException | None], None]


class _Relay(QObject):
    """Carries one task's outcome from the worker thread to the main thread."""

    done = Signal(int, object, object)


class _Job(QRunnable):
    def __init__(self, ident: int, func: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._ident = ident
        self._func = func
        self._relay = relay

    def run(self) -> None:
        try:
            result, error = self._func(), None
        except BaseException as exc:  # noqa: BLE001 - delivered to the callback, never lost
            result, error = None, exc
        self._relay.done.emit(self._ident, result, error)


class TaskRunner(QObject):
    """Runs functions off the main thread and calls back on it with ``(result, error)``."""

    busy_changed = Signal(int)

    def __init__(self, parent: QObject | None = None, pool: QThreadPool | None = None) -> None:
        super().__init__(parent)
        self._pool = pool or QThreadPool.globalInstance()
        self._ids = itertools.count(1)
        self._pending: dict[int, tuple[Callback, _Relay, str, QObject | None]] = {}

    def run_task(self, func: Callable[[], Any], callback: Callback, *, what: str = "",
                 ask_before_close: bool = True, owner: QObject | None = None) -> int:
        """Start ``func`` in the pool; ``what`` names it (for "still running" questions).

        ``ask_before_close=False`` for housekeeping whose interruption loses nothing (starting
        the monitor): closing the window does not ask about it. ``owner`` is the screen the
        result is for (by default the object of a bound-method callback; pass it with a
        lambda): when it has been deleted by the time the result arrives, the callback is
        not called.
        """
        if owner is None and isinstance(getattr(callback, "__self__", None), QObject):
            owner = callback.__self__  # type: ignore[attr-defined]
        ident = next(self._ids)
        relay = _Relay()
        # Connecting to a slot of this main-thread object makes the delivery queued.
        relay.done.connect(self._deliver)
        self._pending[ident] = (callback, relay, what if ask_before_close else "", owner)
        self._pool.start(_Job(ident, func, relay))
        self.busy_changed.emit(len(self._pending))
        return ident

    @Slot(int, object, object)
    def _deliver(self, ident: int, result: object, error: object) -> None:
        callback, _relay, _what, owner = self._pending.pop(ident)
        self.busy_changed.emit(len(self._pending))
        if owner is not None and not isValid(owner):
            return  # the screen that asked was closed meanwhile: nobody left to show the result to
        callback(result, error if isinstance(error, BaseException) else None)

    def running(self) -> list[str]:
        """What is still running that closing should ask about (the ``what`` of each task)."""
        return [what for _cb, _relay, what, _owner in self._pending.values() if what]

    def idle(self) -> bool:
        """Whether no task at all is running."""
        return not self._pending

    def wait(self, msecs: int = 30000) -> bool:
        """Block until the pool is idle (used at exit, after the user agreed to wait)."""
        return self._pool.waitForDone(msecs)

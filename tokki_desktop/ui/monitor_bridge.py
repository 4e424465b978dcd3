"""The monitor's plain callbacks turned into Qt signals (the dangerzone pattern).

The monitor calls back on its own threads; the bridge lives on the main thread, so the
signals it emits from those callbacks reach slots of main-thread objects through queued
connections. Callbacks only emit: they return at once, as the monitor asks.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal


class MonitorBridge(QObject):
    """Re-emits the monitor's events and state changes as ``monitor_event``/``monitor_state``."""

    # Not "event": that name is QObject.event(), the virtual that delivers queued calls.
    monitor_event = Signal(object)  # MonitorEvent
    monitor_state = Signal(object)  # MonitorState

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.monitor: Any = None
        self.last_state: Any = None
        self._unsubscribe: Callable[[], None] | None = None
        self.monitor_state.connect(self._remember)

    def attach(self, monitor: Any) -> None:
        """Listen to ``monitor`` (a :class:`tokki_desktop.monitor.service.Monitor`)."""
        self.detach()
        self.monitor = monitor
        self._unsubscribe = monitor.subscribe(on_event=self.monitor_event.emit, on_state=self.monitor_state.emit)

    def detach(self) -> None:
        """Stop listening (before the monitor stops or the session closes)."""
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None
        self.monitor = None

    def _remember(self, state: object) -> None:
        self.last_state = state

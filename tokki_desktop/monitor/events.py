"""What the monitor tells the outside world (GUI tray, CLI log): states and events.

Plain callbacks, no Qt: a GUI wraps :meth:`Monitor.subscribe` in a ``QObject`` whose
signals are emitted from these callbacks (queued to the GUI thread). Callbacks run on the
monitor's threads and must return quickly. For example (in the GUI package)::

    class MonitorSignals(QObject):
        event = Signal(object)   # MonitorEvent
        state = Signal(object)   # MonitorState

        def __init__(self, monitor):
            super().__init__()
            self._unsubscribe = monitor.subscribe(self.event.emit, self.state.emit)

A new subscriber is told the last state at once. Event kinds: ``detection``,
``unregistered_medium``, ``medium_arrived``, ``medium_removed``, ``medium_scanned``,
``place_missing``, ``place_back``, ``quarantined``, ``events_dropped``.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field

from tokki_desktop.monitor.logsafe import log_bug

log = logging.getLogger(__name__)

# States
STOPPED = "stopped"
WATCHING = "watching"
SCANNING = "scanning"
DETECTION_WAITING = "detection_waiting"

# Events
DETECTION = "detection"
UNREGISTERED_MEDIUM = "unregistered_medium"
MEDIUM_ARRIVED = "medium_arrived"
MEDIUM_REMOVED = "medium_removed"
MEDIUM_SCANNED = "medium_scanned"
PLACE_MISSING = "place_missing"
PLACE_BACK = "place_back"
QUARANTINED = "quarantined"
EVENTS_DROPPED = "events_dropped"
BUNDLE_REFUSED = "bundle_refused"  # a work-site bundle refused at intake (tampered, replayed, …)


@dataclass(frozen=True)
class MonitorState:
    """The monitor at a glance: its phase, scan progress (0–1) and what waits for an officer.

    ``phase`` is ``stopped``, ``watching``, ``scanning`` (with ``progress`` when a medium is
    being scanned) or ``detection_waiting`` (idle, with open detections).
    """

    phase: str
    progress: float | None = None
    busy_files: int = 0
    open_detections: int = 0
    missing_places: tuple[str, ...] = ()


@dataclass(frozen=True)
class MonitorEvent:
    """Something that happened, with a message for the person at the terminal.

    ``file_name`` is shown on screen only; the CLI's log line leaves it out, because file
    names can name people and logs are kept.
    """

    kind: str
    message_ja: str
    message_en: str
    place: str = ""
    record_uid: str = ""
    rule: str = ""
    file_name: str = ""
    details: dict[str, object] = field(default_factory=dict)

    def message(self, lang: str = "ja") -> str:
        """The message in ``lang``."""
        return self.message_en if lang == "en" else self.message_ja


EventCallback = Callable[[MonitorEvent], None]
StateCallback = Callable[[MonitorState], None]


class Subscribers:
    """The registered callbacks; a failing callback is logged and never stops the monitor."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._events: list[EventCallback] = []
        self._states: list[StateCallback] = []
        self._last_state: MonitorState | None = None

    def subscribe(self, on_event: EventCallback | None = None,
                  on_state: StateCallback | None = None) -> Callable[[], None]:
        """Register callbacks; returns a function that unregisters them."""
        with self._lock:
            if on_event is not None:
                self._events.append(on_event)
            if on_state is not None:
                self._states.append(on_state)
            last = self._last_state

        if on_state is not None and last is not None:
            on_state(last)

        def unsubscribe() -> None:
            with self._lock:
                if on_event in self._events:
                    self._events.remove(on_event)  # type: ignore[arg-type]
                if on_state in self._states:
                    self._states.remove(on_state)  # type: ignore[arg-type]

        return unsubscribe

    def event(self, ev: MonitorEvent) -> None:
        with self._lock:
            targets = list(self._events)
        for cb in targets:
            try:
                cb(ev)
            except Exception as exc:  # noqa: BLE001
                log_bug(log, "a monitor event callback failed", exc)

    def state(self, st: MonitorState) -> None:
        with self._lock:
            if st == self._last_state:
                return
            self._last_state = st
            targets = list(self._states)
        for cb in targets:
            try:
                cb(st)
            except Exception as exc:  # noqa: BLE001
                log_bug(log, "a monitor state callback failed", exc)

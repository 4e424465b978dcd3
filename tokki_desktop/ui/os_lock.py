"""Lock the window when the operating system's session locks (Win+L, screen saver lock).

- Windows: the window registers for session notifications (``WTSRegisterSessionNotification``)
  and a native event filter watches ``WM_WTSSESSION_CHANGE`` / ``WTS_SESSION_LOCK``.
- Linux desktops: the session bus's screen saver (freedesktop, GNOME, KDE, Cinnamon, MATE)
  announces ``ActiveChanged(true)`` when the screen locks.
Where neither is available (macOS, no session bus, offscreen), the idle lock still applies.
"""

from __future__ import annotations

import logging
import sys
from typing import Any

from PySide6.QtCore import (
    QAbstractNativeEventFilter,
    QCoreApplication,
    QObject,
    Signal,
    Slot,
)

log = logging.getLogger(__name__)

WM_WTSSESSION_CHANGE = 0x02B1
WTS_SESSION_LOCK = 0x7
NOTIFY_FOR_THIS_SESSION = 0

# (service, path, interface) of the screen savers that say when the session locks.
SCREEN_SAVERS = (
    ("org.freedesktop.ScreenSaver", "/org/freedesktop/ScreenSaver", "org.freedesktop.ScreenSaver"),
    ("org.gnome.ScreenSaver", "/org/gnome/ScreenSaver", "org.gnome.ScreenSaver"),
    ("org.cinnamon.ScreenSaver", "/org/cinnamon/ScreenSaver", "org.cinnamon.ScreenSaver"),
    ("org.mate.ScreenSaver", "/org/mate/ScreenSaver", "org.mate.ScreenSaver"),
)


class _WindowsSessionFilter(QAbstractNativeEventFilter):
    """Sees WM_WTSSESSION_CHANGE messages and reports a session lock."""

    def __init__(self, on_lock: Any) -> None:
        super().__init__()
        self._on_lock = on_lock

    def nativeEventFilter(self, event_type: Any, message: Any) -> tuple[bool, int]:
        if bytes(event_type) == b"windows_generic_MSG":
            import ctypes.wintypes

            msg = ctypes.wintypes.MSG.from_address(int(message))
            if msg.message == WM_WTSSESSION_CHANGE and msg.wParam == WTS_SESSION_LOCK:
                self._on_lock()
        return False, 0


class OsLockWatcher(QObject):
    """Emits ``session_locked`` when the operating system locks the user's session."""

    session_locked = Signal()

    def __init__(self, parent: QObject | None = None, *, bus: Any = None) -> None:
        super().__init__(parent)
        self._bus = bus  # a QDBusConnection; None: the user's session bus
        self.sources: list[str] = []
        self._filter: _WindowsSessionFilter | None = None

    def watch_window(self, win_id: int) -> None:
        """Start listening (``win_id``: the main window's native handle, for Windows)."""
        if sys.platform == "win32":
            self._watch_windows(win_id)
        elif sys.platform.startswith("linux"):
            self._watch_dbus()

    def _watch_windows(self, win_id: int) -> None:
        try:
            import ctypes

            if ctypes.windll.wtsapi32.WTSRegisterSessionNotification(win_id, NOTIFY_FOR_THIS_SESSION):  # type: ignore[attr-defined]
                self._filter = _WindowsSessionFilter(self.session_locked.emit)
                QCoreApplication.instance().installNativeEventFilter(self._filter)  # type: ignore[union-attr]
                self.sources.append("wts")
        except Exception:  # noqa: BLE001 - no notifications: the idle lock still applies
            log.warning("session lock notifications are not available")

    def _watch_dbus(self) -> None:
        try:
            from PySide6.QtCore import SLOT
            from PySide6.QtDBus import QDBusConnection
        except ImportError:
            return
        bus = self._bus if self._bus is not None else QDBusConnection.sessionBus()
        if not bus.isConnected():
            return
        for service, path, interface in SCREEN_SAVERS:
            # Any sender: the screen saver signals from its unique bus name, and matching on
            # the well-known name only works while QtDBus knows who owns it.
            slot = SLOT("screen_saver_active(bool)")
            if bus.connect("", path, interface, "ActiveChanged", self, slot):  # type: ignore[call-overload]
                self.sources.append(service)

    @Slot(bool)
    def screen_saver_active(self, active: bool) -> None:
        """The screen saver (and with it the session lock) turned on or off."""
        if active:
            self.session_locked.emit()

    def stop(self) -> None:
        """Stop listening (the window closes)."""
        if self._filter is not None:
            app = QCoreApplication.instance()
            if app is not None:
                app.removeNativeEventFilter(self._filter)
            self._filter = None

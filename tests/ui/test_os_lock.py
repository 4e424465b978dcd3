"""The OS session lock reaches the window: a real (private) D-Bus session bus, a real signal."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator

import pytest

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux") or shutil.which("dbus-daemon") is None or shutil.which("dbus-send") is None,
    reason="needs dbus-daemon and dbus-send (Linux desktops)",
)


@pytest.fixture
def private_bus() -> Iterator[str]:
    """A session bus of our own (never the user's), stopped after the test."""
    daemon = subprocess.Popen(["dbus-daemon", "--session", "--nofork", "--print-address"],
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    assert daemon.stdout is not None
    address = daemon.stdout.readline().strip()
    try:
        yield address
    finally:
        daemon.terminate()
        daemon.wait(10)
        daemon.stdout.close()


def test_screen_saver_lock_signal_locks(qtbot, private_bus: str) -> None:
    from PySide6.QtDBus import QDBusConnection

    from tokki_desktop.ui.os_lock import OsLockWatcher

    bus = QDBusConnection.connectToBus(private_bus, "tokki-test-bus")
    try:
        watcher = OsLockWatcher(bus=bus)
        watcher.watch_window(0)
        assert "org.freedesktop.ScreenSaver" in watcher.sources
        with qtbot.waitSignal(watcher.session_locked, timeout=5000):
            _send(private_bus, "true")
        with qtbot.assertNotEmitted(watcher.session_locked, wait=300):
            _send(private_bus, "false")
    finally:
        QDBusConnection.disconnectFromBus("tokki-test-bus")


def _send(address: str, active: str) -> None:
    """What a screen saver broadcasts when the session locks (true) or unlocks (false)."""
    env = {**os.environ, "DBUS_SESSION_BUS_ADDRESS": address}
    subprocess.run(["dbus-send", "--session", "--type=signal", "/org/freedesktop/ScreenSaver",
                    "org.freedesktop.ScreenSaver.ActiveChanged", f"boolean:{active}"], check=True, env=env)

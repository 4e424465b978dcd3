"""GUI test fixtures: offscreen Qt, the bundled font, a Desktop on a real temporary ledger.

The ledger is real (SQLCipher, created by the shared ``created_ledger`` fixture); only the
clock is fixed so idle locking is tested by moving time, not by sleeping.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from tests.conftest import HANDLER, OFFICER


@pytest.fixture(scope="session")
def qapp_args() -> list[str]:
    return ["tokki-desktop-tests"]


@pytest.fixture(autouse=True)
def _japanese_font(qapp) -> None:
    from tokki_desktop.ui.appearance import register_japanese_font
    from tokki_desktop.ui.binding_guard import guard_binding

    guard_binding()  # a faulty PySide6 would otherwise abort the test run

    if not getattr(qapp, "_tokki_font", None):
        qapp._tokki_font = register_japanese_font(qapp)


@pytest.fixture
def desktop(qtbot, created_ledger, clock) -> Iterator[object]:
    """A Desktop (login window up) on a fresh ledger, in Japanese."""
    from tokki_desktop.ui.desktop import Desktop

    app = Desktop(created_ledger[0], lang="ja", clock=clock)
    app.start()
    yield app
    app.runner.wait(10000)
    app.shut_down()


def log_in(qtbot, desktop, who: tuple[str, str, str] = OFFICER):
    """Type the login and passphrase, press Enter, wait for the main window."""
    from PySide6.QtCore import Qt

    window = desktop.login_window
    window.login_edit.setText(who[0])
    window.pass_edit.setText(who[2])
    with qtbot.waitSignal(desktop.main_window_shown, timeout=15000):
        qtbot.keyClick(window.pass_edit, Qt.Key.Key_Return)
    return desktop.main_window


@pytest.fixture
def officer_window(qtbot, desktop):
    """The main window after the officer logged in."""
    return log_in(qtbot, desktop, OFFICER)


@pytest.fixture
def handler_window(qtbot, desktop):
    """The main window after a handler logged in."""
    return log_in(qtbot, desktop, HANDLER)


__all__ = ["HANDLER", "OFFICER", "Path", "log_in"]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The offscreen platform warns that it cannot propagate size hints: not our problem."""
    for item in items:
        if "tests/ui" in str(item.path).replace("\\", "/"):
            item.add_marker(pytest.mark.qt_log_ignore("does not support propagateSizeHints"))


@pytest.fixture
def watched_folder(created_ledger, clock, tmp_path: Path) -> Path:
    """A folder the monitor watches (set up by the officer before anyone logs in)."""
    from tokki_desktop.monitor import settings
    from tokki_desktop.session import unlock

    folder = tmp_path / "Downloads"
    folder.mkdir()
    with unlock(created_ledger[0], OFFICER[0], OFFICER[2], clock=clock) as session:
        settings.add_folder(session, folder, "Downloads")
    return folder


@pytest.fixture
def monitored_desktop(qtbot, created_ledger, clock, watched_folder) -> Iterator[object]:
    """A Desktop whose sessions run a real monitor (fast timings, no real removable media)."""
    from tests.monitor.helpers import FAST
    from tokki_desktop.monitor.media import ListedMedia
    from tokki_desktop.monitor.service import Monitor
    from tokki_desktop.ui.desktop import Desktop

    app = Desktop(created_ledger[0], lang="ja", clock=clock,
                  monitor_factory=lambda s: Monitor(s, media=ListedMedia(), options=FAST))
    app.start()
    yield app
    app.runner.wait(10000)
    app.shut_down()

"""Background tasks whose screen is closed before they finish."""

from __future__ import annotations

import threading

from PySide6.QtWidgets import QPushButton, QWidget


class _Screen(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.button = QPushButton("更新", self)
        self.got: list[object] = []

    def done(self, result: object, error: BaseException | None) -> None:
        self.button.setEnabled(True)  # touches a child widget, as the dashboard does
        self.got.append(result)


def test_a_result_for_a_closed_screen_is_dropped_and_others_still_arrive(qtbot) -> None:
    from tokki_desktop.ui.tasks import TaskRunner

    runner = TaskRunner()
    release = threading.Event()
    closed, open_ = _Screen(), _Screen()
    qtbot.addWidget(open_)
    runner.run_task(lambda: release.wait(10) and "late", closed.done)
    runner.run_task(lambda: release.wait(10) and "late", lambda r, e: closed.done(r, e), owner=closed)
    runner.run_task(lambda: release.wait(10) and "fine", open_.done)
    closed.deleteLater()
    qtbot.waitUntil(lambda: not _alive(closed), timeout=5000)
    release.set()
    qtbot.waitUntil(runner.idle, timeout=5000)  # no "already deleted" error in the event loop
    assert open_.got == ["fine"]


def _alive(obj: object) -> bool:
    from shiboken6 import isValid

    return isValid(obj)

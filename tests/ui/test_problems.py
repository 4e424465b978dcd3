"""Known errors vs bugs, and closing while work runs."""

from __future__ import annotations

import logging
import threading

from PySide6.QtWidgets import QMessageBox

from tests.conftest import OFFICER
from tests.ui.conftest import log_in
from tokki_desktop.errors import WrongPassphrase
from tokki_desktop.ui.language import shared_switcher
from tokki_desktop.ui.problems import show_problem

SECRET = "山田 太郎 123456789018"


def test_known_error_shows_its_message_in_the_users_language(qtbot) -> None:
    box = show_problem(None, WrongPassphrase(), "en")
    assert "The passphrase is not correct." in box.text() and "recovery key" in box.text()
    box.close()


def test_bug_shows_an_apology_and_logs_no_personal_data(qtbot, caplog) -> None:
    def failing() -> None:
        raise RuntimeError(f"could not parse {SECRET}")

    try:
        failing()
    except RuntimeError as exc:
        error = exc
    shared_switcher().apply("ja")
    with caplog.at_level(logging.ERROR, logger="tokki_desktop.bugs"):
        box = show_problem(None, error, "ja", "testing")
    assert "申し訳ありません" in box.text()
    assert SECRET not in box.text()
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert "RuntimeError" in logged and "failing" in logged and "test_problems.py" in logged
    assert SECRET not in logged and "123456789018" not in logged
    box.close()


def test_closing_while_work_runs_asks_and_loses_nothing(qtbot, desktop) -> None:
    window = log_in(qtbot, desktop, OFFICER)
    release = threading.Event()
    delivered: list[object] = []
    desktop.runner.run_task(lambda: release.wait(10) and "saved", lambda r, e: delivered.append(r),
                            what="書き出し")
    window.close()
    assert window.isVisible()  # not closed: asked first
    box = window.findChild(QMessageBox, "closeWhileBusy")
    assert box is not None and "書き出し" in box.text()
    release.set()
    box.button(QMessageBox.StandardButton.Yes).click()
    assert delivered == ["saved"]  # the work finished and its result arrived
    assert not window.isVisible()

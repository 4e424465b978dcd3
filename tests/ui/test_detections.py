"""Detections: the monitor finds a copy, the tray says so, an officer resolves it."""

from __future__ import annotations

from PySide6.QtWidgets import QPushButton

from tests.conftest import HANDLER, OFFICER
from tests.monitor.helpers import SECRETS, write_roster
from tests.ui.conftest import log_in


def _inbox(qtbot, desktop, who):
    window = log_in(qtbot, desktop, who)
    qtbot.waitUntil(lambda: desktop.monitor is not None, timeout=15000)
    window.open_screen("detections")
    return window, window.screen_widget("detections")


def test_officer_sees_a_detection_and_resolves_it_as_removed(qtbot, monitored_desktop, watched_folder) -> None:
    _window, inbox = _inbox(qtbot, monitored_desktop, OFFICER)
    assert inbox.table.rowCount() == 0
    write_roster(watched_folder / "名簿.csv")
    qtbot.waitUntil(lambda: inbox.table.rowCount() == 1, timeout=20000)
    assert inbox.table.item(0, 3).text() == "名簿.csv"
    assert inbox.table.item(0, 6).text() == "未処理"
    details = inbox.details.toPlainText()
    assert "承認のない場所" in details
    for secret in SECRETS:  # only masked examples reach the screen
        assert secret not in details
    from tests.ui.test_translations import english_words, visible_texts

    data = {inbox.rows[0]["path"], "名簿.csv", "Downloads"}
    assert [english_words(t, data) for t in visible_texts(inbox) if english_words(t, data)] == []  # translated
    assert "個人番号" in inbox.table.item(0, 4).text()
    tray = monitored_desktop.tray
    qtbot.waitUntil(lambda: "待ち" in tray.status_text, timeout=10000)
    assert "個人情報" in tray.last_message and "名簿" not in tray.last_message

    (watched_folder / "名簿.csv").unlink()
    with qtbot.waitSignal(monitored_desktop.runner.busy_changed, timeout=15000,
                          check_params_cb=lambda n: n == 0):
        inbox.buttons["removed"].click()
    assert inbox.table.rowCount() == 0  # open only
    inbox.open_only.setChecked(False)
    assert inbox.table.item(0, 6).text() == "削除済み"


def test_removed_while_the_file_is_still_there_is_refused(qtbot, monitored_desktop, watched_folder) -> None:
    from PySide6.QtWidgets import QMessageBox

    _window, inbox = _inbox(qtbot, monitored_desktop, OFFICER)
    write_roster(watched_folder / "a.csv")
    qtbot.waitUntil(lambda: inbox.table.rowCount() == 1, timeout=20000)
    inbox.buttons["removed"].click()
    qtbot.waitUntil(lambda: inbox.findChild(QMessageBox, "problemDialog") is not None, timeout=15000)
    box = inbox.findChild(QMessageBox, "problemDialog")
    assert "まだ残っています" in box.text() and "隔離" in box.text()  # what to do next
    assert inbox.table.item(0, 6).text() == "未処理"
    assert inbox.buttons["removed"].isEnabled()  # nothing changed: the officer can try again
    box.close()


def test_handler_sees_explanation_but_no_resolve_buttons(qtbot, monitored_desktop, watched_folder) -> None:
    _window, inbox = _inbox(qtbot, monitored_desktop, HANDLER)
    write_roster(watched_folder / "b.csv")
    qtbot.waitUntil(lambda: inbox.table.rowCount() == 1, timeout=20000)
    assert inbox.buttons == {}
    assert not [b for b in inbox.findChildren(QPushButton) if b.objectName().startswith("resolve_")]
    assert "取扱責任者に知らせて" in inbox.details.toPlainText()


def test_a_second_monitor_is_not_started_and_the_tray_says_why(qtbot, monitored_desktop, created_ledger) -> None:
    from tokki_desktop.monitor.single import MonitorLock

    other = MonitorLock(created_ledger[0])  # as if a monitor autostarted at sign-in held it
    other.acquire()
    try:
        window = log_in(qtbot, monitored_desktop, OFFICER)
        qtbot.waitUntil(lambda: monitored_desktop.runner.idle(), timeout=15000)
        assert monitored_desktop.monitor is None
        assert "別のプロセス" in monitored_desktop.tray.status_text
        assert window.isVisible()
    finally:
        other.release()

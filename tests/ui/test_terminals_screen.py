"""端末 screen: an officer enrols a terminal (the code shown once) and revokes it; a handler
does not see the screen."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from tests.conftest import HANDLER
from tests.ui.conftest import log_in


def test_officer_enrols_and_revokes_a_terminal(qtbot, officer_window, tmp_path: Path) -> None:
    from tokki_desktop.site.agent import join
    from tokki_desktop.site.enrol import terminals

    window = officer_window
    window.open_screen("terminals")
    screen = window.screen_widget("terminals")
    assert screen.table.rowCount() == 0 and not screen.revoke_button.isEnabled()
    dialog = screen.enrol()
    dialog.name_edit.setText("窓口1")
    dialog.drop_edit.setText(str(tmp_path / "drop"))
    dialog.watch_edit.setPlainText(str(tmp_path / "docs"))
    dialog.out_edit.setText(str(tmp_path / "窓口1.tkenrol"))
    dialog.accept()
    qtbot.waitUntil(lambda: screen.table.rowCount() == 1, timeout=15000)
    assert screen.table.item(0, 0).text() == "窓口1"
    assert screen.table.item(0, 1).text() == "登録済み（まだ応答なし）"
    boxes = [b for b in screen.findChildren(QMessageBox) if b.isVisible()]
    assert boxes and boxes[-1].informativeText() == screen.last_code
    boxes[-1].accept()
    # The code shown opens the enrolment file.
    assert join(tmp_path / "agent", tmp_path / "窓口1.tkenrol", screen.last_code, use_keyring=False)["name"] == "窓口1"

    screen.revoke_selected()
    box = next(b for b in screen.findChildren(QMessageBox) if b.isVisible())
    box.button(QMessageBox.StandardButton.Yes).click()
    qtbot.waitUntil(lambda: screen.table.item(0, 1).text() == "取消済み", timeout=15000)
    assert [t["status"] for t in terminals(window.session.ledger)] == ["revoked"]


def test_a_bad_enrolment_shows_a_problem_and_enrols_nothing(qtbot, officer_window, tmp_path: Path) -> None:
    window = officer_window
    window.open_screen("terminals")
    screen = window.screen_widget("terminals")
    dialog = screen.enrol()
    dialog.name_edit.setText("")  # no name
    dialog.drop_edit.setText(str(tmp_path / "drop"))
    dialog.out_edit.setText(str(tmp_path / "x.tkenrol"))
    dialog.accept()
    qtbot.waitUntil(lambda: any(b.isVisible() and b.icon() == QMessageBox.Icon.Warning
                                for b in screen.findChildren(QMessageBox)), timeout=15000)
    assert screen.table.rowCount() == 0 and not (tmp_path / "x.tkenrol").exists()


def test_a_handler_has_no_terminals_screen(qtbot, desktop) -> None:
    window = log_in(qtbot, desktop, HANDLER)
    assert "terminals" not in window.screen_keys


def test_the_screen_shows_resolutions_waiting_and_failed(qtbot, officer_window, tmp_path: Path) -> None:
    from tests.monitor.helpers import write_roster
    from tests.worksite.helpers import enrol_and_join, start_agent, take_in_until
    from tokki_desktop.monitor import records
    from tokki_desktop.monitor.resolutions import resolve
    from tokki_desktop.site.resolutions import resolutions

    window = officer_window
    session = window.session
    agent_dir, docs = enrol_and_join(session, tmp_path, "窓口1", tmp_path / "drop")
    agent = start_agent(agent_dir)
    try:
        write_roster(docs / "名簿.csv")
        [det] = take_in_until(session, lambda: records.detections(session.ledger, open_only=True))
        agent.stop()  # the terminal is off when the officer asks
        (docs / "名簿.csv").unlink()
        resolve(session, int(det["id"]), "quarantine")
        window.open_screen("terminals")
        screen = window.screen_widget("terminals")
        screen.refresh()
        assert screen.table.item(0, 5).text() == "1 / 0"
        agent = start_agent(agent_dir)
        assert take_in_until(session, lambda: resolutions(session.ledger)[0]["state"] == "failed")
        screen.refresh()
        assert screen.table.item(0, 5).text() == "0 / 1"
        assert screen.table.horizontalHeaderItem(5).text() == "端末での処理（依頼中 / 失敗）"
    finally:
        agent.stop()


def test_quarantine_of_a_terminal_detection_says_it_was_requested(qtbot, officer_window, tmp_path: Path) -> None:
    from tests.monitor.helpers import write_roster
    from tests.worksite.helpers import enrol_and_join, start_agent, take_in_until
    from tokki_desktop.monitor import records
    from tokki_desktop.site.resolutions import resolutions

    window = officer_window
    session = window.session
    agent_dir, docs = enrol_and_join(session, tmp_path, "窓口1", tmp_path / "drop")
    agent = start_agent(agent_dir)
    try:
        write_roster(docs / "名簿.csv")
        take_in_until(session, lambda: records.detections(session.ledger, open_only=True))
        window.open_screen("detections")
        inbox = window.screen_widget("detections")
        inbox.refresh()
        qtbot.waitUntil(lambda: inbox.table.rowCount() == 1, timeout=15000)
        inbox.table.selectRow(0)
        inbox.buttons["quarantine"].click()
        qtbot.waitUntil(lambda: inbox.findChild(QMessageBox, "requestedOnTerminal") is not None, timeout=15000)
        box = inbox.findChild(QMessageBox, "requestedOnTerminal")
        assert "端末" in box.windowTitle() and "未処理のまま" in box.text()
        box.close()
        assert [r["state"] for r in resolutions(session.ledger)] == ["requested"]
        assert take_in_until(session, lambda: resolutions(session.ledger)[0]["state"] == "done")
    finally:
        agent.stop()
    assert not (docs / "名簿.csv").exists()

"""A 従事者 explains a detection in the inbox; the officer reads it in the detection's details."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from tests.conftest import HANDLER, OFFICER
from tests.ui.conftest import log_in

REASON = "課税課の依頼で照合用に保存しました。\n照合が済みしだい削除します <b>至急</b>"


@pytest.fixture
def detection(created_ledger, clock, tmp_path: Path) -> int:
    """One open detection in the ledger, imported from the monitor's spool before anyone logs in."""
    from tokki_desktop.monitor import records
    from tokki_desktop.monitor.service import spool_for
    from tokki_desktop.session import unlock

    with unlock(created_ledger[0], OFFICER[0], OFFICER[2], clock=clock) as session:
        spool = spool_for(session)
        spool.append("detection", {
            "dedupe_key": "k1", "detected_at": "2026-11-26T09:30:00+09:00", "place_kind": "folder",
            "place": "Downloads", "root": str(tmp_path), "path": str(tmp_path / "名簿.csv"), "size": 10,
            "content_hash": "", "verdict": "personal_data", "findings": {"name": 2}, "examples": ["山＊＊＊"],
            "rule": "copy_without_approval", "article": 5, "severity": "violation", "status": "open"})
        report = records.import_spool(session.ledger, spool, collect_ids=True)
    return int(report.detection_ids[0])


def _inbox(qtbot, desktop, who):
    window = log_in(qtbot, desktop, who)
    window.open_screen("detections")
    inbox = window.screen_widget("detections")
    qtbot.waitUntil(lambda: inbox.table.rowCount() == 1, timeout=10000)
    return window, inbox


def test_handler_records_an_explanation_the_officer_reads_it(qtbot, desktop, detection) -> None:
    from tokki_desktop.registers.explanations import explanations

    window, inbox = _inbox(qtbot, desktop, HANDLER)
    assert "説明: まだ記録されていません" in inbox.details.toPlainText()
    assert inbox.explain_button is not None and inbox.explain_button.isEnabled()
    assert inbox.buttons == {}  # still no resolve buttons for a handler
    dialog = inbox.explain_selected()
    save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    assert not save.isEnabled()  # nothing typed yet
    dialog.text.setPlainText("   ")
    assert not save.isEnabled()
    dialog.text.setPlainText("x" * 2001)
    assert not save.isEnabled() and "2,000" in dialog.problem.text()
    dialog.text.setPlainText(REASON)
    assert save.isEnabled()
    with qtbot.waitSignal(dialog.accepted, timeout=15000):
        save.click()
    (stored,) = explanations(window.session, detection)
    assert stored.text == REASON and stored.login == HANDLER[0]
    shown = inbox.details.toPlainText()
    assert "照合用に保存しました。" in shown and "<b>至急</b>" in shown  # typed markup shown as text
    assert "・令和8年11月26日 " in shown and f" {HANDLER[0]}: 課税課の依頼" in shown  # when (和暦), who, what

    window.lock_button.click()
    with qtbot.waitSignal(desktop.login_window_shown, timeout=5000):
        window.lock_panel.logout_requested.emit()
    _officer_window, inbox = _inbox(qtbot, desktop, OFFICER)
    details = inbox.details.toPlainText()
    assert "照合が済みしだい削除します" in details and HANDLER[0] in details
    assert inbox.explain_button is None  # the officer resolves; the buttons are there
    assert inbox.buttons["approve"].isEnabled()


def test_a_refused_explanation_is_shown_and_the_dialog_stays(qtbot, desktop, detection) -> None:
    from tokki_desktop.registers import explanations

    _window, inbox = _inbox(qtbot, desktop, HANDLER)
    dialog = inbox.explain_selected()
    dialog.detection_id = detection + 100  # gone meanwhile (as if the list were stale)
    dialog.text.setPlainText("理由")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    qtbot.waitUntil(lambda: dialog.findChild(QMessageBox, "problemDialog") is not None, timeout=10000)
    box = dialog.findChild(QMessageBox, "problemDialog")
    assert "検知" in box.text()
    box.close()
    assert dialog.isVisible() and dialog.text.toPlainText() == "理由"  # nothing typed is lost
    assert explanations.explanations(_window.session, detection) == []
    dialog.reject()

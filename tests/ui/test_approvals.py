"""Approvals: a handler files a request; an officer records the client's approval."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox

from tests.conftest import HANDLER, OFFICER
from tests.ui.conftest import log_in


def test_handler_requests_and_officer_approves(qtbot, desktop) -> None:
    from tokki_desktop.registers import repository

    window = log_in(qtbot, desktop, HANDLER)
    window.open_screen("approvals")
    queue = window.screen_widget("approvals")
    assert queue.approve_button is None and queue.refuse_button is None  # never shown to a handler
    editor = queue.new_request()
    assert editor.inputs["requested_on"].raw() == "令和8年11月26日"
    assert not editor.inputs["status"].widget.isEnabled()  # officer-only field
    editor.inputs["scope"].widget.setPlainText("課税資料の写しを第2作業室の施錠保管庫へ")
    combo = editor.inputs["approval_type"].widget
    combo.setCurrentIndex(combo.findData("copy"))
    with qtbot.waitSignal(editor.accepted, timeout=15000):
        editor.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert queue.table.rowCount() == 1
    request_id = int(queue.table.item(0, 1).text())

    window.lock_panel.logout_requested.emit()
    window = log_in(qtbot, desktop, OFFICER)
    window.open_screen("approvals")
    queue = window.screen_widget("approvals")
    assert queue.table.rowCount() == 1
    queue.approve_button.click()
    qtbot.waitUntil(lambda: queue.table.rowCount() == 0, timeout=15000)
    row = repository.get(window.session, "approvals", request_id)
    assert (row["status"], row["decided_on"]) == ("approved", "2026-11-26")


def test_refusing_a_staff_change_closes_it_with_the_reason(qtbot, desktop) -> None:
    from tokki_desktop.registers import repository

    window = log_in(qtbot, desktop, OFFICER)
    change = repository.add(window.session, "change_requests",
                            {"change": "add", "description": "従事者1名の追加", "applied_on": "R8.11.20"})
    window.open_screen("approvals")
    queue = window.screen_widget("approvals")
    assert any(int(queue.table.item(r, 1).text()) == change for r in range(queue.table.rowCount()))
    queue.table.selectRow(next(r for r in range(queue.table.rowCount())
                               if int(queue.table.item(r, 1).text()) == change))
    queue.refuse_button.click()
    qtbot.waitUntil(lambda: all(int(queue.table.item(r, 1).text()) != change
                                for r in range(queue.table.rowCount())), timeout=15000)
    row = repository.get(window.session, "change_requests", change)
    assert row["closed_at"] and "不承認" in row["close_reason"] and row["approved_on"] is None

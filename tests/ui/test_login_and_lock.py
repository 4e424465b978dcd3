"""Log in, see the contract and the user, lock after idle time, unlock, log out."""

from __future__ import annotations

import hashlib

from PySide6.QtWidgets import QMessageBox

from tests.conftest import HANDLER, OFFICER
from tests.ui.conftest import log_in


def _digest(folder) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir()) if p.is_file()
            and p.name.startswith("ledger.")}


def test_officer_logs_in_and_sees_user_and_role(qtbot, desktop) -> None:
    window = log_in(qtbot, desktop, OFFICER)
    assert window.isVisible()
    assert desktop.login_window is None
    assert OFFICER[1] in window.user_label.text()
    assert "取扱責任者" in window.user_label.text()
    assert window.session.user.login == OFFICER[0]


def test_wrong_passphrase_shows_dialog_and_changes_nothing(qtbot, desktop, created_ledger) -> None:
    before = _digest(created_ledger[0])
    window = desktop.login_window
    window.login_edit.setText(OFFICER[0])
    window.pass_edit.setText("not-the-passphrase")
    window.submit()
    qtbot.waitUntil(lambda: not window.busy, timeout=15000)
    box = window.findChild(QMessageBox, "problemDialog")
    assert box is not None and box.isVisible()
    assert "パスフレーズが違います" in box.text()
    assert "not-the-passphrase" not in box.text()
    assert window.pass_edit.text() == ""
    assert desktop.main_window is None
    assert _digest(created_ledger[0]) == before
    box.close()


def test_empty_fields_are_refused_in_place(qtbot, desktop) -> None:
    window = desktop.login_window
    window.login_edit.setText("")
    window.submit()
    assert not window.busy
    assert window.status.text()


def test_idle_lock_hides_records_and_unlock_needs_the_passphrase(qtbot, desktop, clock) -> None:
    window = log_in(qtbot, desktop, HANDLER)
    clock.advance(299)
    window.idle.check()
    assert not window.is_locked
    clock.advance(2)
    window.idle.check()
    assert window.is_locked
    assert not window.workspace.isVisible()
    assert not window.nav.isEnabled()

    panel = window.lock_panel
    panel.pass_edit.setText("wrong-passphrase")
    panel.submit()
    qtbot.waitUntil(lambda: panel.unlock_button.isEnabled(), timeout=15000)
    assert window.is_locked
    box = panel.findChild(QMessageBox, "problemDialog")
    assert box is not None
    box.close()

    panel.pass_edit.setText(HANDLER[2])
    with qtbot.waitSignal(window.locked_changed, timeout=15000) as signal:
        panel.submit()
    assert signal.args == [False]
    assert not window.is_locked and window.workspace.isVisible()
    # The idle count starts again after an unlock.
    clock.advance(10)
    window.idle.check()
    assert not window.is_locked


def test_activity_postpones_the_lock(qtbot, desktop, clock) -> None:
    from PySide6.QtCore import Qt

    window = log_in(qtbot, desktop, OFFICER)
    clock.advance(200)
    qtbot.keyClick(window.nav, Qt.Key.Key_Down)
    clock.advance(200)
    window.idle.check()
    assert not window.is_locked


def test_lock_button_and_log_out(qtbot, desktop) -> None:
    window = log_in(qtbot, desktop, OFFICER)
    window.lock_button.click()
    assert window.is_locked
    with qtbot.waitSignal(desktop.login_window_shown, timeout=5000):
        window.lock_panel.logout_requested.emit()
    assert desktop.main_window is None and desktop.session is None
    assert desktop.login_window.isVisible()


def test_os_session_lock_locks_the_window(qtbot, desktop) -> None:
    window = log_in(qtbot, desktop, OFFICER)
    window.os_lock.screen_saver_active(False)  # the screen saver went off: nothing to do
    assert not window.is_locked
    window.os_lock.screen_saver_active(True)  # what the session bus says on Win+L / lock screen
    assert window.is_locked and not window.workspace.isVisible()


def test_damaged_key_file_is_explained_and_left_alone(qtbot, tmp_path) -> None:
    from tokki_desktop.ui.desktop import Desktop

    folder = tmp_path / "broken"
    folder.mkdir()
    (folder / "ledger.tokki").write_bytes(b"\x00" * 4096)
    (folder / "ledger.keys").write_bytes(b"{not json")
    before = _digest(folder)
    app = Desktop(folder, lang="ja")
    app.start()
    try:
        window = app.login_window
        window.login_edit.setText("someone")
        window.pass_edit.setText("some-passphrase")
        window.submit()
        qtbot.waitUntil(lambda: not window.busy, timeout=15000)
        box = window.findChild(QMessageBox, "problemDialog")
        assert box is not None and "鍵ファイル" in box.text() and "ledger.keys.bak" in box.text()
        assert "Traceback" not in box.text()
        assert _digest(folder) == before  # never repaired or recreated
        box.close()
    finally:
        app.runner.wait(10000)
        app.shut_down()


def test_change_own_passphrase_then_log_in_with_it(qtbot, desktop) -> None:
    from PySide6.QtWidgets import QDialogButtonBox

    window = log_in(qtbot, desktop, HANDLER)
    window.open_screen("users")
    users = window.screen_widget("users")
    assert not users.reset_button.isVisibleTo(users) and not users.disable_button.isVisibleTo(users)
    dialog = users.change_own_passphrase()
    dialog.pass_edit.setText("new-handler-pass")
    dialog.repeat_edit.setText("new-handler-pass")
    with qtbot.waitSignal(dialog.accepted, timeout=15000):
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    window.lock_panel.logout_requested.emit()
    again = log_in(qtbot, desktop, (HANDLER[0], HANDLER[1], "new-handler-pass"))
    assert again.session.user.login == HANDLER[0]


def test_officer_disables_a_user(qtbot, desktop) -> None:
    window = log_in(qtbot, desktop, OFFICER)
    window.open_screen("users")
    users = window.screen_widget("users")
    row = next(r for r in range(users.table.rowCount()) if users.table.item(r, 0).text() == HANDLER[0])
    users.table.selectRow(row)
    users.disable_selected()
    assert HANDLER[0] not in [users.table.item(r, 0).text() for r in range(users.table.rowCount())]
    users.table.selectRow(0)
    users.disable_selected()  # the officer themself: refused in place
    assert "自分" in users.status.text()

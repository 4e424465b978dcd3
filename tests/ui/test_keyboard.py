"""Keyboard: Japanese mnemonics reach their fields, Ctrl+number switches screens."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.conftest import OFFICER
from tests.ui.conftest import log_in


def test_mnemonics_move_to_the_fields(qtbot, desktop) -> None:
    window = desktop.login_window
    window.activateWindow()
    qtbot.waitUntil(lambda: window.isActiveWindow(), timeout=3000)
    window.login_edit.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_P, Qt.KeyboardModifier.AltModifier)  # パスフレーズ(&P)
    assert window.pass_edit.hasFocus()
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.AltModifier)  # ログイン名(&L)
    assert window.login_edit.hasFocus()


def test_ctrl_number_switches_screens(qtbot, desktop) -> None:
    window = log_in(qtbot, desktop, OFFICER)
    window.activateWindow()
    qtbot.waitUntil(lambda: window.isActiveWindow(), timeout=3000)
    keys = window.screen_keys
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert window.current_screen().property("screenKey") == keys[2]
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.current_screen().property("screenKey") == keys[0]
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)  # lock now
    assert window.is_locked

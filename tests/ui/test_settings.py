"""Settings: watched folders, automatic quarantine, terminal key, idle lock time; officers only."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import HANDLER, OFFICER
from tests.ui.conftest import log_in


def _settings(qtbot, desktop):
    window = log_in(qtbot, desktop, OFFICER)
    window.open_screen("settings")
    return window, window.screen_widget("settings")


def test_add_and_stop_watching_a_folder(qtbot, desktop, tmp_path: Path) -> None:
    from tokki_desktop.monitor import settings

    window, screen = _settings(qtbot, desktop)
    folder = tmp_path / "共有" / "入力作業"
    folder.mkdir(parents=True)
    screen.add_folder(folder)
    assert screen.folders.count() == 1 and "入力作業" in screen.folders.item(0).text()
    assert len(settings.watched_folders(window.session.ledger)) == 1
    screen.folders.setCurrentRow(0)
    screen.remove_selected_folder()
    assert screen.folders.count() == 0
    assert settings.watched_folders(window.session.ledger) == []


def test_missing_folder_is_explained(qtbot, desktop, tmp_path: Path) -> None:
    from PySide6.QtWidgets import QMessageBox

    _window, screen = _settings(qtbot, desktop)
    screen.add_folder(tmp_path / "nowhere")
    box = screen.findChild(QMessageBox, "problemDialog")
    assert box is not None and box.text()
    assert screen.folders.count() == 0
    box.close()


def test_auto_quarantine_and_terminal_key(qtbot, desktop, memory_keyring) -> None:
    from tokki_desktop.monitor import settings

    window, screen = _settings(qtbot, desktop)
    screen.auto_quarantine.setChecked(True)
    assert settings.auto_quarantine(window.session.ledger)
    assert screen.key_on.isEnabled() and not screen.key_off.isEnabled()
    screen.keyring_store = memory_keyring
    screen.key_on.click()
    assert window.session.header.slot_of_type("terminal") is not None
    assert screen.key_off.isEnabled() and "オン" in screen.key_status.text()
    screen.key_off.click()
    assert window.session.header.slot_of_type("terminal") is None


def test_idle_minutes_apply_now_and_next_time(qtbot, desktop, clock) -> None:
    window, screen = _settings(qtbot, desktop)
    screen.idle_minutes.setValue(2)
    assert window.idle.idle_seconds == 120
    clock.advance(121)
    window.idle.check()
    assert window.is_locked
    window.lock_panel.logout_requested.emit()
    again = log_in(qtbot, desktop, OFFICER)
    assert again.idle.idle_seconds == 120


def test_handlers_have_no_settings(qtbot, desktop) -> None:
    window = log_in(qtbot, desktop, HANDLER)
    assert "settings" not in window.screen_keys


def test_representatives_setting_is_chosen_on_the_screen(qtbot, desktop) -> None:
    from tokki_desktop.monitor import settings

    window, screen = _settings(qtbot, desktop)
    combo = screen.representatives
    assert combo.currentData() == "sole_proprietors" and "個人事業主" in combo.currentText()
    combo.setCurrentIndex(combo.findData("all"))
    assert settings.representatives(window.session.ledger) == "all"
    window.open_screen("dashboard")
    window.open_screen("settings")
    assert window.screen_widget("settings").representatives.currentData() == "all"

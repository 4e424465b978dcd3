"""Every dialog has unique shortcuts (in both languages); officers read no jargon; a language
switch keeps the window where it was."""

from __future__ import annotations

from collections import Counter

import pytest
from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QWidget

from tests.conftest import OFFICER
from tests.ui.conftest import log_in


def _mnemonic(text: str) -> str | None:
    i = 0
    while i < len(text) - 1:
        if text[i] == "&":
            if text[i + 1] != "&":
                return text[i + 1].lower()
            i += 1
        i += 1
    return None


def shortcuts(widget: QWidget) -> list[tuple[str, str]]:
    """(letter, text) of every mnemonic shown together in ``widget``."""
    found = []
    for child in widget.findChildren(QWidget):
        if not child.isVisibleTo(widget):
            continue
        if isinstance(child, (QLabel, QAbstractButton)):
            text = child.text()
        elif isinstance(child, QGroupBox):
            text = child.title()
        else:
            continue
        letter = _mnemonic(text)
        if letter:
            found.append((letter, text))
    return found


def assert_unique(widget: QWidget, where: str) -> None:
    found = shortcuts(widget)
    twice = {letter for letter, n in Counter(letter for letter, _ in found).items() if n > 1}
    assert not twice, f"{where}: " + ", ".join(text for letter, text in found if letter in twice)


def _dialogs(window) -> list[tuple[str, QWidget]]:
    from tokki_desktop.registers import SPECS
    from tokki_desktop.ui.export_dialog import ExportDialog
    from tokki_desktop.ui.record_editor import CloseRecordDialog, RecordEditor
    from tokki_desktop.ui.users_screen import AddUserDialog, PassphraseDialog

    context = window.screen_widget("registers")._context
    made: list[tuple[str, QWidget]] = [
        ("add user", AddUserDialog(context)),
        ("passphrase", PassphraseDialog(context, "boss", "責任 太郎")),
        ("close record", CloseRecordDialog(context, SPECS["people"], 1)),
        ("export", ExportDialog(context)),
    ]
    made += [(f"editor {kind}", RecordEditor(context, spec)) for kind, spec in SPECS.items()]
    return made


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_every_dialog_has_unique_shortcuts(qtbot, desktop, lang: str) -> None:
    desktop.set_language(lang)
    assert_unique(desktop.login_window, "login window")
    wizard = desktop.show_setup()
    for step in range(wizard.steps.count()):
        wizard.steps.setCurrentIndex(step)  # one step and the wizard's buttons at a time
        assert_unique(wizard, f"setup wizard step {step + 1}")
    wizard.reject()
    window = log_in(qtbot, desktop, OFFICER)
    for name, dialog in _dialogs(window):
        qtbot.addWidget(dialog)
        dialog.show()
        assert_unique(dialog, name)
        dialog.hide()


def test_the_add_user_dialog_has_room_and_two_shortcuts_for_two_passphrases(qtbot, desktop) -> None:
    from tokki_desktop.ui.users_screen import AddUserDialog

    window = log_in(qtbot, desktop, OFFICER)
    dialog = AddUserDialog(window.screen_widget("registers")._context)
    qtbot.addWidget(dialog)
    dialog.show()
    letters = dict((text, letter) for letter, text in shortcuts(dialog))
    assert letters["パスフレーズ(&P)"] != letters["パスフレーズ（確認）(&F)"]
    assert dialog.width() >= 480


def test_the_officer_reads_no_command_line_or_keyring_jargon(qtbot, desktop, tmp_path) -> None:
    from tokki_desktop.ui.desktop import Desktop

    empty = Desktop(tmp_path / "none", lang="ja")
    empty.start()
    try:
        texts = [w.text() for w in empty.login_window.findChildren(QLabel)]
        assert any("新しい台帳を作成" in t for t in texts)
        assert not [t for t in texts if "--demo" in t]
        wizard = empty.show_setup()
        words = [w.text() for w in wizard.findChildren(QAbstractButton) + wizard.findChildren(QLabel)]
        assert not [t for t in words if "キーリング" in t or "OS の" in t]
        wizard.reject()
    finally:
        empty.shut_down()


def test_switching_language_keeps_the_window_in_its_place(qtbot, desktop) -> None:
    login = desktop.login_window
    login.move(210, 160)
    login.resize(620, 520)
    qtbot.wait(10)
    before = (login.pos(), login.size())
    desktop.set_language("en")
    again = desktop.login_window
    assert again is not login
    assert (again.pos(), again.size()) == before
    window = log_in(qtbot, desktop, OFFICER)
    window.move(120, 90)
    qtbot.wait(10)
    place = window.pos()
    desktop.set_language("ja")
    assert desktop.main_window.pos() == place

"""First run: no ledger yet, the wizard creates it, shows the recovery key once, logs in."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import JST
from tokki_desktop.clock import FixedClock


@pytest.fixture
def empty_desktop(qtbot, tmp_path: Path):
    import datetime as dt

    from tokki_desktop.ui.desktop import Desktop

    app = Desktop(tmp_path / "new-ledger", lang="ja", clock=FixedClock(dt.datetime(2026, 11, 26, 9, 0, tzinfo=JST)))
    app.start()
    yield app
    app.runner.wait(10000)
    app.shut_down()


def _fill(wizard, **over: str) -> None:
    values = {"client": "小金井市", "contract": "令和8年度 住民税データ入力業務委託",
              "contractor": "株式会社テスト", "login": "sato", "name": "佐藤 一郎",
              "passphrase": "first-officer-1", "repeat": "first-officer-1", **over}
    wizard.client_edit.setText(values["client"])
    wizard.contract_edit.setText(values["contract"])
    wizard.contractor_edit.setText(values["contractor"])
    wizard.login_edit.setText(values["login"])
    wizard.name_edit.setText(values["name"])
    wizard.pass_edit.setText(values["passphrase"])
    wizard.repeat_edit.setText(values["repeat"])


def test_wizard_creates_the_ledger_and_logs_the_officer_in(qtbot, empty_desktop, tmp_path: Path,
                                                          memory_keyring) -> None:
    login = empty_desktop.login_window
    assert login.setup_button.isVisible() and not login.login_button.isEnabled()
    wizard = empty_desktop.show_setup()
    _fill(wizard, repeat="different-pass")
    assert not wizard.next_button.isEnabled() and "一致しません" in wizard.problem.text()
    wizard.repeat_edit.setText("first-officer-1")
    assert wizard.next_button.isEnabled()
    wizard.next_button.click()
    qtbot.waitUntil(lambda: wizard.steps.currentIndex() == 1, timeout=20000)
    key = wizard.key_label.text()
    assert len(key.replace("-", "")) == 32
    assert not wizard.next_button.isEnabled()  # the key must be kept first
    wizard.reject()  # closing now does not lose the key: the wizard stays
    assert wizard.isVisible()

    sheet = tmp_path / "sheet.pdf"
    wizard.save_sheet(sheet)
    qtbot.waitUntil(lambda: sheet.is_file(), timeout=20000)
    from PySide6.QtPrintSupport import QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)  # a file stands in for the device
    printer.setOutputFileName(str(tmp_path / "printed-sheet.pdf"))
    wizard.print_sheet(printer)
    qtbot.waitUntil(lambda: "印刷" in wizard.sheet_status.text() and empty_desktop.runner.idle(), timeout=20000)
    assert (tmp_path / "printed-sheet.pdf").stat().st_size > 5_000
    wizard.kept.setChecked(True)
    wizard.next_button.click()
    folder = tmp_path / "Downloads"
    folder.mkdir()
    wizard.add_folder(folder)
    wizard.keyring_store = memory_keyring
    wizard.terminal_key.setChecked(True)
    with qtbot.waitSignal(empty_desktop.main_window_shown, timeout=15000):
        wizard.next_button.click()
    window = empty_desktop.main_window
    assert window.session.user.login == "sato" and window.session.user.is_officer
    assert "令和8年度 住民税データ入力業務委託" in window.contract_label.text()
    assert window.session.header.slot_of_type("terminal") is not None
    assert wizard.key_label.text() == "" and wizard.recovery_key == ""


def test_wizard_refuses_a_short_passphrase_and_writes_nothing(qtbot, empty_desktop) -> None:
    wizard = empty_desktop.show_setup()
    _fill(wizard, passphrase="short", repeat="short")
    assert not wizard.next_button.isEnabled()
    assert "8文字" in wizard.problem.text()
    wizard.next_step()
    assert not empty_desktop.data_dir.exists() or not any(empty_desktop.data_dir.iterdir())
    wizard.reject()
    assert not wizard.isVisible()

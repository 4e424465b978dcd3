"""Art. 13 export from the File menu: encrypted zip written in the background; officers only."""

from __future__ import annotations

from pathlib import Path

import pyzipper
from PySide6.QtWidgets import QDialogButtonBox

from tests.conftest import HANDLER, OFFICER
from tests.ui.conftest import log_in


def test_officer_exports_an_encrypted_bundle(qtbot, desktop, tmp_path: Path) -> None:
    window = log_in(qtbot, desktop, OFFICER)
    assert window.export_action.isVisible()
    dialog = window.open_export()
    target = tmp_path / "for-the-city.zip"
    dialog.path_edit.setText(str(target))
    dialog.password.setText("city-pass-2026")
    dialog.repeat.setText("city-pass-2026x")
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled() and "一致しません" in dialog.problem.text()
    dialog.repeat.setText("city-pass-2026")
    with qtbot.waitSignal(dialog.accepted, timeout=30000):
        ok.click()
    assert target.is_file() and dialog.result_files
    with pyzipper.AESZipFile(target) as bundle:
        bundle.setpassword(b"city-pass-2026")
        assert "manifest.json" in bundle.namelist()
        assert bundle.read("manifest.json")
    assert dialog.password.text() == ""  # not kept


def test_existing_file_is_refused_in_place(qtbot, desktop, tmp_path: Path) -> None:
    window = log_in(qtbot, desktop, OFFICER)
    target = tmp_path / "exists.zip"
    target.write_bytes(b"keep me")
    dialog = window.open_export()
    dialog.path_edit.setText(str(target))
    dialog.password.setText("city-pass-2026")
    dialog.repeat.setText("city-pass-2026")
    dialog.export()
    qtbot.waitUntil(lambda: not dialog._busy, timeout=30000)
    assert dialog.isVisible() and dialog.problem.text()
    assert target.read_bytes() == b"keep me"
    dialog.close()


def test_handlers_cannot_export(qtbot, desktop) -> None:
    window = log_in(qtbot, desktop, HANDLER)
    assert not window.export_action.isVisible()

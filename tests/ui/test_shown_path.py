"""Paths on screen: the home folder is written as ``~`` on Linux/macOS, kept whole on Windows."""

from __future__ import annotations

import os
from pathlib import Path, PurePosixPath

from PySide6.QtWidgets import QLabel

from tokki_desktop.ui.shown_path import shown_path

HOME = Path("/home/tanaka")


def test_a_path_under_home_is_written_with_a_tilde() -> None:
    assert shown_path("/home/tanaka/Documents/台帳", home=HOME, windows=False) == "~/Documents/台帳"
    assert shown_path(PurePosixPath("/home/tanaka"), home=HOME, windows=False) == "~"


def test_a_path_elsewhere_or_a_sibling_with_the_same_prefix_stays_whole() -> None:
    assert shown_path("/media/usb/名簿.xlsx", home=HOME, windows=False) == "/media/usb/名簿.xlsx"
    # /home/tanaka2 is not inside /home/tanaka
    assert shown_path("/home/tanaka2/a.csv", home=HOME, windows=False) == "/home/tanaka2/a.csv"


def test_a_root_home_shortens_nothing_and_windows_keeps_full_paths() -> None:
    assert shown_path("/srv/data", home=Path("/"), windows=False) == "/srv/data"
    assert shown_path("C:\\Users\\tanaka\\a.csv", home=Path("C:\\Users\\tanaka"), windows=True) == (
        "C:\\Users\\tanaka\\a.csv")


def test_the_login_window_shows_the_ledger_folder_under_home_with_a_tilde(
        qtbot, tmp_path, monkeypatch) -> None:
    from tokki_desktop.ui.login_window import LoginWindow
    from tokki_desktop.ui.tasks import TaskRunner

    monkeypatch.setattr(Path, "home", classmethod(lambda cls: tmp_path))
    folder = tmp_path / "Tokki"

    def never_opened(*_args: object) -> None:
        raise AssertionError("nothing is opened in this test")

    window = LoginWindow(folder, TaskRunner(), "ja", never_opened)
    qtbot.addWidget(window)
    label = window.findChild(QLabel, "ledgerFolder")
    assert label is not None
    if os.name == "nt":
        assert str(folder) in label.text()
    else:
        assert "~/Tokki" in label.text() and str(tmp_path) not in label.text()

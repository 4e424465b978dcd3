"""Start-up that explains itself: no silent abort when Qt's display plugin cannot load."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tokki_desktop.ui.platform_check import (
    DisplayProblem,
    _plugin_dir,
    chosen_platform,
    debian_package,
    missing_libraries,
    needed_libraries,
)

linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the X11 plugin is Linux only")


def test_debian_package_names_follow_the_soname_rule() -> None:
    assert debian_package("libxcb-icccm.so.4") == "libxcb-icccm4"
    assert debian_package("libxkbcommon-x11.so.0") == "libxkbcommon-x11-0"
    assert debian_package("libX11-xcb.so.1") == "libx11-xcb1"
    assert debian_package("libdbus-1.so.3") == "libdbus-1-3"
    assert debian_package("libglib-2.0.so.0") == "libglib2.0-0"


def test_offscreen_and_other_platforms_are_not_checked() -> None:
    assert chosen_platform({"QT_QPA_PLATFORM": "offscreen"}, "linux") == "offscreen"
    assert chosen_platform({}, "win32") == "native"
    assert chosen_platform({"WAYLAND_DISPLAY": "wayland-0", "XDG_SESSION_TYPE": "wayland"}, "linux") == "wayland"
    assert chosen_platform({"DISPLAY": ":0"}, "linux") == "xcb"


def test_a_library_whose_own_dependency_is_missing_names_that_dependency() -> None:
    def opener(name: str) -> str | None:
        return {"libxcb-icccm.so.4": "libxcb-icccm.so.4", "libxcb-image.so.0": "libxcb-util.so.1"}.get(name)

    found = missing_libraries(["libxcb.so.1", "libxcb-icccm.so.4", "libxcb-image.so.0"], opener)
    assert found == ["libxcb-icccm.so.4", "libxcb-util.so.1"]


def test_the_message_names_every_missing_library_and_the_packages(monkeypatch) -> None:
    monkeypatch.setattr("shutil.which", lambda name: "/usr/bin/apt-get" if name == "apt-get" else None)
    problem = DisplayProblem(missing_libraries=["libxcb-icccm.so.4", "libxkbcommon-x11.so.0"])
    ja, en = problem.message("ja"), problem.message("en")
    assert "libxcb-icccm.so.4, libxkbcommon-x11.so.0" in ja
    assert "sudo apt-get install libxcb-icccm4 libxkbcommon-x11-0" in ja
    assert "インストール" in ja and "Install them with" in en


@linux_only
def test_the_real_xcb_plugin_is_read_through_qts_own_libraries() -> None:
    qt = _plugin_dir()
    plugin = qt / "plugins" / "platforms" / "libqxcb.so"
    if not plugin.is_file():
        pytest.skip("this PySide6 has no xcb plugin")
    wanted = needed_libraries(plugin, qt / "lib")
    assert "libxcb.so.1" in wanted  # needed by libQt6XcbQpa, not by the plugin file itself
    assert not any(name.startswith("libQt6") for name in wanted)


@linux_only
def test_without_a_display_the_app_says_why_instead_of_aborting(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items()
           if k not in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY", "TOKKI_LANG")}
    env["TOKKI_KDF_PROFILE"] = "fast"
    done = subprocess.run([sys.executable, "-m", "tokki_desktop", "--data-dir", str(tmp_path / "ledger")],
                          env=env, capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 2, done.stderr  # the old code aborted (SIGABRT) here
    assert "DISPLAY" in done.stderr and "画面" in done.stderr
    english = subprocess.run([sys.executable, "-m", "tokki_desktop", "--lang", "en", "--data-dir",
                              str(tmp_path / "ledger")], env=env, capture_output=True, text=True,
                             timeout=60, check=False)
    assert english.returncode == 2 and "No screen is available" in english.stderr
    assert not (tmp_path / "ledger").exists()  # nothing was created before the check


def test_quickstart_passes_a_crash_on_in_words(capsys) -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "installer"))
    try:
        import quickstart
    finally:
        sys.path.pop(0)
    assert quickstart.exit_status(2, "Tokki Desktop") == 2
    assert quickstart.exit_status(-6, "Tokki Desktop") == 134
    assert "SIGABRT" in capsys.readouterr().err

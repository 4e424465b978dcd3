"""installer/build.py: installs its tools when missing, prints progress only, explains a failure."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def build(tmp_path, monkeypatch):
    spec = importlib.util.spec_from_file_location("tokki_build_script", ROOT / "installer" / "build.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    monkeypatch.setattr(module, "LOG", tmp_path / "build" / "build.log")
    monkeypatch.setattr(module, "ROOT", tmp_path)
    return module


def test_a_failing_step_says_which_and_shows_its_last_lines_only(build, capsys) -> None:
    with pytest.raises(build.StepFailed) as failed:
        build.run([sys.executable, "-c", "import sys; print('\\n'.join(['path-dump-marker', *sys.path])); sys.exit(3)"],
                  what="PyInstaller")
    assert "PyInstaller failed (exit 3)" in str(failed.value) and "build.log" in str(failed.value)
    assert capsys.readouterr().out == ""  # the tool's output (a sys.path dump) went to the log
    assert "path-dump-marker" in build.LOG.read_text("utf-8")


def test_missing_pyinstaller_is_installed_from_the_build_extra(build, monkeypatch) -> None:
    asked: list[list[str]] = []
    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "PyInstaller" else real(name, *a))
    monkeypatch.setattr(build, "run", lambda cmd, **kw: asked.append([str(c) for c in cmd]))
    build.ensure_build_tools()
    assert asked and asked[0][1:4] == ["-m", "pip", "install"] and asked[0][-1].endswith("[build]")


def test_when_installing_fails_the_one_command_is_given(build, monkeypatch) -> None:
    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "PyInstaller" else real(name, *a))

    def refuse(cmd, **kw):
        raise build.StepFailed("installing PyInstaller failed (exit 1).")

    monkeypatch.setattr(build, "run", refuse)
    with pytest.raises(build.StepFailed) as failed:
        build.ensure_build_tools()
    assert 'pip install -e ".[build]"' in str(failed.value)

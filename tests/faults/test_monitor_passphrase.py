"""The monitor keeps no passphrase in its environment: fd, prompt or terminal slot; TOKKI_PASSPHRASE taken out."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import OFFICER

ROOT = Path(__file__).resolve().parents[2]
proc_environ = pytest.mark.skipif(not Path("/proc/self/environ").exists(),
                                  reason="needs /proc/PID/environ to look at another process's environment")


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("TOKKI_")}
    env.update(TOKKI_KDF_PROFILE="fast", TOKKI_LANG="en", PYTHONPATH=str(ROOT), **extra)
    return env


def _start(data_dir: Path, *args: str, env: dict[str, str], **popen) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", "from tokki_desktop.cli import main; raise SystemExit(main())",
                             "--data-dir", str(data_dir), "--user", OFFICER[0], "monitor", *args],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, **popen)


def _environment_while_running(proc: subprocess.Popen) -> bytes:
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        assert "monitoring" in line, line + (proc.stderr.read() if proc.stderr else "")
        return Path(f"/proc/{proc.pid}/environ").read_bytes()
    finally:
        proc.terminate()
        proc.communicate(timeout=30)


@proc_environ
def test_tokki_passphrase_is_gone_from_the_running_monitors_environment(created_ledger) -> None:
    proc = _start(created_ledger[0], env=_env(TOKKI_PASSPHRASE=OFFICER[2]))
    environ = _environment_while_running(proc)
    assert OFFICER[2].encode() not in environ
    assert b"TOKKI_KDF_PROFILE=fast" in environ  # the rest of the environment is intact


@proc_environ
def test_passphrase_fd_is_read_once_and_never_in_the_environment(created_ledger) -> None:
    read_end, write_end = os.pipe()
    os.write(write_end, OFFICER[2].encode() + b"\n")
    os.close(write_end)
    try:
        proc = _start(created_ledger[0], "--passphrase-fd", str(read_end), env=_env(), pass_fds=(read_end,))
    finally:
        os.close(read_end)
    environ = _environment_while_running(proc)
    assert OFFICER[2].encode() not in environ


def test_a_wrong_passphrase_on_the_fd_is_one_line(created_ledger) -> None:
    read_end, write_end = os.pipe()
    os.write(write_end, b"not-the-pass-1")
    os.close(write_end)
    try:
        proc = _start(created_ledger[0], "--passphrase-fd", str(read_end), env=_env(), pass_fds=(read_end,))
    finally:
        os.close(read_end)
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 2 and err.strip().splitlines() == [err.strip()] and "not correct" in err


def test_no_passphrase_and_no_terminal_says_how_to_give_one(created_ledger) -> None:
    proc = _start(created_ledger[0], env=_env(), stdin=subprocess.DEVNULL)
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 2 and "--passphrase-fd" in err and len(err.strip().splitlines()) == 1

"""Passphrases for long-running processes, read once and not left in the environment.

A process's environment is readable for its whole life (``/proc/PID/environ`` for the
same user and for root, crash reports, child processes). The monitor runs for days, so
it takes its passphrase from a file descriptor (``--passphrase-fd N``), a hidden prompt,
or not at all (the terminal slot). ``TOKKI_PASSPHRASE`` still works for scripts, but it
is taken out at once: removed from ``os.environ`` (so no child inherits it) and, on
Linux, overwritten in the initial environment block the kernel shows as
``/proc/PID/environ`` (removing it from ``os.environ`` alone leaves that copy intact).
"""

from __future__ import annotations

import contextlib
import getpass
import os
import sys

from tokki_desktop.errors import InvalidInput

ENV_NAME = "TOKKI_PASSPHRASE"
MAX_BYTES = 4096  # far beyond any passphrase; a wrong fd (a big file) is not read whole


def read_from_fd(fd: int) -> str:
    """Read the passphrase from ``fd`` (up to the first newline or EOF) and close it."""
    chunks: list[bytes] = []
    size = 0
    try:
        while size < MAX_BYTES:
            chunk = os.read(fd, MAX_BYTES - size)
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
            if b"\n" in chunk:
                break
    except OSError:
        raise InvalidInput("パスフレーズ", "passphrase", f"ファイル記述子 {fd} から読めません",
                           f"file descriptor {fd} cannot be read") from None
    finally:
        with contextlib.suppress(OSError):
            os.close(fd)
    raw = b"".join(chunks).split(b"\n", 1)[0].rstrip(b"\r")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise InvalidInput("パスフレーズ", "passphrase", "UTF-8 ではありません", "is not UTF-8") from None
    if not text:
        raise InvalidInput("パスフレーズ", "passphrase", f"ファイル記述子 {fd} が空です",
                           f"file descriptor {fd} gave nothing")
    return text


def take_from_environment(name: str = ENV_NAME) -> str | None:
    """The variable's value, removed from this process's environment (None when unset)."""
    value = os.environ.pop(name, None)
    if value is not None:
        scrub_initial_environment(name)
    return value


def scrub_initial_environment(name: str) -> bool:
    """Overwrite ``name=…`` in the environment block the process started with (Linux).

    Returns whether something was overwritten. Writes through ``/proc/self/mem`` (a bad
    address is an error, not a crash); elsewhere a no-op.
    """
    if not sys.platform.startswith("linux"):
        return False
    try:
        with open("/proc/self/stat", "rb") as fh:
            stat = fh.read()
        # Fields after "(comm)" start at field 3; env_start and env_end are fields 50 and 51.
        fields = stat[stat.rindex(b")") + 2:].split()
        env_start = int(fields[50 - 3])
        with open("/proc/self/environ", "rb") as fh:
            block = fh.read()
    except (OSError, ValueError, IndexError):
        return False
    key = name.encode() + b"="
    done = False
    offset = 0
    for entry in block.split(b"\0"):
        if entry.startswith(key):
            try:
                with open("/proc/self/mem", "r+b", buffering=0) as mem:
                    mem.seek(env_start + offset)
                    mem.write(b"\0" * len(entry))
                done = True
            except OSError:
                return False
        offset += len(entry) + 1
    return done


def ask(prompt: str = "パスフレーズ / passphrase: ") -> str:
    """A hidden prompt on the terminal; a clear error when there is none."""
    if not sys.stdin or not sys.stdin.isatty():
        raise InvalidInput("パスフレーズ", "passphrase",
                           "--passphrase-fd を指定するか、端末から入力するか、--terminal を使ってください",
                           "give --passphrase-fd, run in a terminal, or use --terminal")
    return getpass.getpass(prompt)

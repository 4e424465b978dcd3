"""Shared fixtures: a fresh temporary ledger per test, a fixed clock, an in-memory keyring.

Slots made in tests use cheap Argon2id parameters (TOKKI_KDF_PROFILE=fast); the code path
is the same, and the parameters are stored in each slot as in production.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

os.environ.setdefault("TOKKI_KDF_PROFILE", "fast")
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from tokki_desktop.clock import FixedClock  # noqa: E402
from tokki_desktop.vault.terminal import MemoryStore  # noqa: E402

OFFICER = ("boss", "責任 太郎", "officer-pass-1")
HANDLER = ("hana", "従事 花子", "handler-pass-1")
JST = dt.timezone(dt.timedelta(hours=9))


@pytest.fixture(autouse=True)
def _isolate_user_folders(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Point the platform's data/config folders at a temporary home: tests never touch the real one."""
    home = tmp_path_factory.mktemp("home")
    for var in ("HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME",
                "LOCALAPPDATA", "APPDATA"):
        monkeypatch.setenv(var, str(home / var.lower()))
    monkeypatch.delenv("TOKKI_PASSPHRASE", raising=False)
    monkeypatch.delenv("TOKKI_LANG", raising=False)


@pytest.fixture
def clock() -> FixedClock:
    """A clock fixed at 令和8年11月26日 10:00 JST; tests call ``clock.advance(seconds)``."""
    return FixedClock(dt.datetime(2026, 11, 26, 10, 0, tzinfo=JST))


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """An empty folder for one ledger."""
    path = tmp_path / "ledger"
    return path


@pytest.fixture
def memory_keyring() -> MemoryStore:
    return MemoryStore()


@pytest.fixture
def created_ledger(data_dir: Path, clock: FixedClock):
    """A fresh ledger with one officer and one handler; yields (data_dir, recovery_key)."""
    from tokki_desktop.session import create_ledger

    session, recovery = create_ledger(
        data_dir, client="小金井市", contract="令和8年度 テスト業務委託", contractor="株式会社テスト",
        officer_login=OFFICER[0], officer_name=OFFICER[1], passphrase=OFFICER[2], clock=clock)
    session.add_user(HANDLER[0], "handler", HANDLER[1], HANDLER[2])
    session.close()
    return data_dir, recovery


@pytest.fixture
def officer_session(created_ledger, clock: FixedClock):
    """An unlocked session of a fresh ledger, as the 取扱責任者."""
    from tokki_desktop.session import unlock

    session = unlock(created_ledger[0], OFFICER[0], OFFICER[2], clock=clock)
    yield session
    session.close()


@pytest.fixture
def handler_session(created_ledger, clock: FixedClock):
    """An unlocked session of the same fresh ledger, as a 従事者."""
    from tokki_desktop.session import unlock

    session = unlock(created_ledger[0], HANDLER[0], HANDLER[2], clock=clock)
    yield session
    session.close()

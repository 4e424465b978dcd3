"""The monitor before anyone has logged in: opened with the terminal key slot (OS keyring).

The keyring is the edge faked here (an in-memory store); the ledger, the key slot, the
monitor, the spool and the CLI are the real ones.
"""

from __future__ import annotations

import io
import os
import signal
import threading
from pathlib import Path

import pytest

from tests.conftest import OFFICER
from tests.monitor.helpers import FAST, SECRETS, wait_for, write_roster
from tokki_desktop.cli import main
from tokki_desktop.ledger.db import SYSTEM_MONITOR
from tokki_desktop.monitor import records, settings
from tokki_desktop.monitor.media import ListedMedia
from tokki_desktop.monitor.service import Monitor, import_pending
from tokki_desktop.session import unlock, unlock_terminal
from tokki_desktop.vault import terminal


def _set_up(data_dir: Path, folder: Path, store: terminal.MemoryStore, clock) -> None:
    """An officer enables the terminal slot and a watched folder, then logs out."""
    folder.mkdir(parents=True, exist_ok=True)
    officer = unlock(data_dir, OFFICER[0], OFFICER[2], clock=clock)
    try:
        assert officer.enable_terminal_slot(store).available
        settings.add_folder(officer, folder, "Downloads")
    finally:
        officer.close()


def _officer_sees(data_dir: Path, clock) -> list[dict]:
    officer = unlock(data_dir, OFFICER[0], OFFICER[2], clock=clock)
    try:
        import_pending(officer)  # what the GUI does at login: nothing may be left in the spool
        return records.detections(officer.ledger, open_only=True)
    finally:
        officer.close()


def test_a_detection_made_before_login_is_seen_by_the_officer(created_ledger, memory_keyring, clock,
                                                              tmp_path: Path) -> None:
    data_dir = created_ledger[0]
    folder = tmp_path / "Downloads"
    _set_up(data_dir, folder, memory_keyring, clock)
    session = unlock_terminal(data_dir, memory_keyring, clock=clock)
    assert session.user == SYSTEM_MONITOR  # nobody is logged in: the monitor acts as itself
    mon = Monitor(session, media=ListedMedia(), options=FAST)
    try:
        mon.start()
        write_roster(folder / "住民名簿.csv")
        assert wait_for(lambda: records.detections(session.ledger, open_only=True), 10)
        assert mon.wait_idle(10)
    finally:
        mon.stop()
        session.close()
    seen = _officer_sees(data_dir, clock)
    assert [(d["rule"], d["place"], d["status"]) for d in seen] == [("copy_without_approval", "Downloads", "open")]
    officer = unlock(data_dir, OFFICER[0], OFFICER[2], clock=clock)
    try:
        actors = officer.ledger.read("SELECT DISTINCT actor FROM audit_log WHERE tbl = 'monitor_detections'")
        assert [a["actor"] for a in actors] == ["monitor"]
        assert officer.verify().ok  # the monitor's writes before login are in the intact audit chain
    finally:
        officer.close()


def test_tokki_monitor_terminal_runs_records_and_stops(created_ledger, memory_keyring, clock, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    data_dir = created_ledger[0]
    folder = tmp_path / "Downloads"
    _set_up(data_dir, folder, memory_keyring, clock)
    # The OS keyring is the in-memory one; the mount table lists no removable media.
    monkeypatch.setattr(terminal, "system_store", lambda: (memory_keyring, terminal.KeyringStatus(True, "memory")))
    monkeypatch.setattr("tokki_desktop.monitor.service.system_media_source", ListedMedia)
    monkeypatch.setenv("TOKKI_LANG", "en")
    monkeypatch.delenv("TOKKI_PASSPHRASE", raising=False)  # no passphrase anywhere: the keyring opens it
    out = io.StringIO()
    failures: list[str] = []

    returned = threading.Event()

    def user_and_stop() -> None:
        # A person copies a roster while the CLI monitor runs; then the service is stopped
        # (SIGTERM, as a service manager does). Only a running monitor is signalled: after
        # main() returned, the signal would reach pytest itself.
        if not wait_for(lambda: "monitoring" in out.getvalue() or returned.is_set(), 30) or returned.is_set():
            failures.append("the monitor did not start")
            return
        write_roster(folder / "住民名簿.csv")
        if not wait_for(lambda: "\tdetection\tDownloads\tcopy_without_approval\t" in out.getvalue(), 30):
            failures.append("no detection was logged")
        if not returned.is_set():
            os.kill(os.getpid(), signal.SIGTERM)

    saved = {sig: signal.getsignal(sig) for sig in (signal.SIGINT, signal.SIGTERM)}
    helper = threading.Thread(target=user_and_stop, daemon=True)
    helper.start()
    try:
        code = main(["--data-dir", str(data_dir), "monitor", "--terminal"], out=out)
    finally:
        returned.set()
        for sig, handler in saved.items():
            signal.signal(sig, handler)
        helper.join(30)
    log = out.getvalue()
    assert failures == [] and code == 0, (failures, code)
    assert "monitor stopped" in log
    assert "住民名簿" not in log
    for secret in SECRETS:
        assert secret not in log
    seen = _officer_sees(data_dir, clock)
    assert len(seen) == 1 and seen[0]["rule"] == "copy_without_approval"

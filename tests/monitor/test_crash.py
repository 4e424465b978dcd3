"""The monitor killed (SIGKILL) and restarted: no detection lost, none doubled."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.conftest import OFFICER
from tests.monitor.helpers import open_detections, wait_for, write_roster
from tokki_desktop.monitor import records, settings
from tokki_desktop.monitor.service import spool_for

CHILD = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from tokki_desktop.session import unlock
    from tokki_desktop.monitor.media import ListedMedia
    from tokki_desktop.monitor.service import Monitor
    from tests.monitor.helpers import FAST

    session = unlock(Path(sys.argv[1]), sys.argv[2], sys.argv[3])
    mon = Monitor(session, media=ListedMedia(), options=FAST)
    mon.start()
    print("started", flush=True)
    while True:
        time.sleep(1)
    """
)


def _start_child(data_dir: Path) -> subprocess.Popen[str]:
    proc = subprocess.Popen([sys.executable, "-c", CHILD, str(data_dir), OFFICER[0], OFFICER[2]],
                            stdout=subprocess.PIPE, text=True, cwd=Path(__file__).parents[2])
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "started"
    return proc


def _kill(child: subprocess.Popen[str]) -> None:
    child.send_signal(signal.SIGKILL)
    child.wait()
    assert child.stdout is not None
    child.stdout.close()


@pytest.mark.slow
def test_kill_and_restart_loses_nothing_and_doubles_nothing(officer_session, tmp_path: Path) -> None:
    folder = tmp_path / "Shared"
    folder.mkdir()
    settings.add_folder(officer_session, folder, "Shared")
    data_dir = Path(officer_session.data_dir)
    child = _start_child(data_dir)
    try:
        for i in range(40):
            write_roster(folder / f"r{i:02d}.csv", extra=f"田中 {i}郎,タナカ,{i:012d},東京都小金井市本町{i}-1,042-380-{i:04d},1970-01-01\n")
        wait_for(lambda: len(open_detections(officer_session)) >= 5, 20)
    finally:
        _kill(child)
    # Written while no monitor runs: found by the next start's reconciliation.
    for i in range(40, 50):
        write_roster(folder / f"r{i:02d}.csv", extra=f"田中 {i}郎,タナカ,{i:012d},東京都小金井市本町{i}-1,042-380-{i:04d},1970-01-01\n")
    child = _start_child(data_dir)
    try:
        assert wait_for(lambda: len(open_detections(officer_session)) >= 50, 60)
        # Give a doubling the chance to happen before looking.
        import time
        time.sleep(1.5)
    finally:
        _kill(child)
    rows = officer_session.ledger.read("SELECT path FROM monitor_detections")
    paths = sorted(r["path"] for r in rows)
    assert paths == sorted(str(folder / f"r{i:02d}.csv") for i in range(50))
    runs = officer_session.ledger.read("SELECT stopped_at FROM monitor_runs ORDER BY id")
    assert len(runs) == 2 and runs[0]["stopped_at"] is None  # the killed run never claimed a stop


def test_import_is_idempotent_after_a_crash_before_the_spool_file_is_removed(officer_session, tmp_path: Path) -> None:
    spool = spool_for(officer_session)
    data = {"dedupe_key": "k1", "detected_at": "2026-11-26T10:00:00+09:00", "place_kind": "folder",
            "place": "Downloads", "root": str(tmp_path), "path": str(tmp_path / "a.csv"), "size": 10,
            "content_hash": "", "verdict": "personal_data", "findings": {"name": 2}, "examples": ["山＊＊＊"],
            "rule": "copy_without_approval", "article": 5, "severity": "violation", "status": "open"}
    spool.append("detection", data)
    saved = {p.name: p.read_bytes() for p in spool.folder.iterdir()}
    first = records.import_spool(officer_session.ledger, spool)
    assert (first.imported, first.duplicates, spool.pending()) == (1, 0, 0)
    for name, blob in saved.items():  # the crash: committed, but the file was never removed
        (spool.folder / name).write_bytes(blob)
    again = records.import_spool(officer_session.ledger, spool)
    assert (again.imported, again.duplicates, spool.pending()) == (0, 1, 0)
    # The same file found again under a new record (index lost): not doubled while open.
    spool.append("detection", data)
    third = records.import_spool(officer_session.ledger, spool)
    assert third.duplicates == 1
    assert len(open_detections(officer_session)) == 1


def test_damaged_spool_record_is_set_aside(officer_session, tmp_path: Path) -> None:
    spool = spool_for(officer_session)
    spool.append("gap", {"gap_from": "2026-11-26T09:00:00+09:00", "gap_to": "2026-11-26T09:30:00+09:00",
                         "reason": "killed"})
    rec = next(spool.folder.glob("*.rec"))
    blob = bytearray(rec.read_bytes())
    blob[-1] ^= 0xFF
    rec.write_bytes(bytes(blob))
    report = records.import_spool(officer_session.ledger, spool)
    assert report.imported == 0 and len(spool.damaged()) == 1
    assert officer_session.ledger.read("SELECT id FROM monitor_gaps") == []
    # A spool of another ledger (other key) cannot be imported either.
    other = type(spool)(tmp_path / "other", os.urandom(32))
    other.append("gap", {"gap_from": "a", "gap_to": "b", "reason": "killed"})
    shutil.copy(next(other.folder.glob("*.rec")), spool.folder / "000000000099-feedbeef.rec")
    records.import_spool(officer_session.ledger, spool)
    assert len(spool.damaged()) == 2

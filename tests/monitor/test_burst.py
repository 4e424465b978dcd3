"""A burst of 10,000 files with a tiny inotify queue: every file is still scanned once."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import pytest

from tests.monitor.test_folders import Recorder, wait_for
from tokki_desktop.monitor.file_index import FileIndex
from tokki_desktop.monitor.folders import FolderWatcher, WatcherCallbacks, WatchRoot

QUEUE = Path("/proc/sys/fs/inotify/max_queued_events")


@pytest.fixture
def small_inotify_queue():
    if not sys.platform.startswith("linux"):
        pytest.skip("inotify is Linux only")
    try:
        old = QUEUE.read_text().strip()
        QUEUE.write_text("64\n")
    except OSError:
        pytest.skip("cannot change the inotify queue size here (needs root)")

    def restore() -> None:
        QUEUE.write_text(old + "\n")

    try:
        # The size is read when an inotify instance is created: the test restores the
        # machine's setting as soon as its watcher has started (other programs share it).
        yield restore
    finally:
        restore()


@pytest.mark.slow
# watchdog rebuilds its watches after an overflow and warns about its own duplicate callbacks.
@pytest.mark.filterwarnings("ignore:Callback with id:RuntimeWarning")
def test_burst_of_10000_files_with_overflow(tmp_path: Path, small_inotify_queue, caplog) -> None:
    folder = tmp_path / "Shared"
    folder.mkdir()
    rec = Recorder()
    overflows: list[int] = []
    w = FolderWatcher(
        rec,
        FileIndex(),
        callbacks=WatcherCallbacks(overflow=lambda: overflows.append(1)),
        quiet=0.2,
        reconcile_every=3600,  # only the overflow may trigger the catch-up here
    )
    w.add(WatchRoot(folder, "Shared"))
    caplog.set_level(logging.ERROR)  # watchdog's overflow warning is expected, keep output short
    w.start()
    small_inotify_queue()  # restore the machine's value; this watcher keeps its small queue
    assert QUEUE.read_text().strip() != "64"
    try:
        assert w.wait_idle(10)
        names = [folder / f"d{i // 1000}" / f"file{i:05d}.txt" for i in range(10_000)]
        for d in {n.parent for n in names}:
            d.mkdir()
        for n in names:
            n.write_bytes(b"0123456789")
        assert wait_for(lambda: len(rec.scans) == 10_000, timeout=90)
        assert w.wait_idle(30)
    finally:
        w.stop()
    assert overflows, "the queue was meant to overflow"
    assert set(rec.scans) == {str(n) for n in names}
    doubled = {p: rec.sizes[p] for p, n in rec.scans.items() if n > 1}
    assert not doubled, list(doubled.items())[:5]

"""The folder watcher with real watchdog observers and real files."""

from __future__ import annotations

import os
import threading
import time
from collections import Counter
from pathlib import Path

import pytest

from tokki_desktop.monitor.file_index import FileIndex
from tokki_desktop.monitor.folders import FolderWatcher, WatcherCallbacks, WatchRoot


class Recorder:
    """Records what the watcher hands over, with the size it saw at scan time."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.scans: Counter[str] = Counter()
        self.sizes: dict[str, list[int]] = {}

    def __call__(self, root: WatchRoot, path: Path, st: os.stat_result) -> str:
        with self.lock:
            self.scans[str(path)] += 1
            self.sizes.setdefault(str(path), []).append(path.stat().st_size)
        return "clean"


def wait_for(cond, timeout: float = 10.0) -> bool:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if cond():
            return True
        time.sleep(0.02)
    return cond()


@pytest.fixture
def watched(tmp_path: Path):
    folder = tmp_path / "Downloads"
    folder.mkdir()
    rec = Recorder()
    events: list[tuple[str, str]] = []
    cb = WatcherCallbacks(
        root_missing=lambda r: events.append(("missing", r.place)),
        root_back=lambda r: events.append(("back", r.place)),
    )
    w = FolderWatcher(rec, FileIndex(), callbacks=cb, quiet=0.3, health_every=0.2)
    w.add(WatchRoot(folder, "Downloads"))
    w.start()
    yield folder, rec, w, events
    w.stop()


def test_new_file_is_scanned_once(watched) -> None:
    folder, rec, w, _ = watched
    f = folder / "roster.csv"
    f.write_text("a,b\n" * 100)
    assert wait_for(lambda: rec.scans[str(f)] == 1)
    assert w.wait_idle(5)
    time.sleep(0.5)
    assert rec.scans[str(f)] == 1


def test_files_present_before_start_are_found_by_reconcile(tmp_path: Path) -> None:
    folder = tmp_path / "Documents"
    (folder / "sub").mkdir(parents=True)
    for i in range(20):
        (folder / "sub" / f"f{i}.txt").write_text(str(i))
    rec = Recorder()
    w = FolderWatcher(rec, FileIndex(), quiet=0.1)
    w.add(WatchRoot(folder, "Documents"))
    w.start()
    try:
        assert wait_for(lambda: len(rec.scans) == 20)
    finally:
        w.stop()


def test_index_skips_unchanged_files_after_restart(tmp_path: Path) -> None:
    folder = tmp_path / "Documents"
    folder.mkdir()
    for i in range(5):
        (folder / f"f{i}.txt").write_text(str(i))
    index = FileIndex()
    rec = Recorder()
    for _ in range(2):
        w = FolderWatcher(rec, index, quiet=0.1)
        w.add(WatchRoot(folder, "Documents"))
        w.start()
        assert wait_for(lambda: len(rec.scans) == 5)
        assert w.wait_idle(5)
        w.stop()
    assert set(rec.scans.values()) == {1}


def test_slowly_written_file_is_scanned_once_when_complete(watched) -> None:
    folder, rec, w, _ = watched
    f = folder / "large.bin"
    chunk = b"x" * (512 * 1024)
    with open(f, "wb") as fh:
        for _ in range(8):
            fh.write(chunk)
            fh.flush()
            time.sleep(0.4)  # longer than the quiet time: only the close says "complete"
    assert wait_for(lambda: rec.scans[str(f)] >= 1)
    assert w.wait_idle(5)
    time.sleep(0.5)
    assert rec.scans[str(f)] == 1
    assert rec.sizes[str(f)] == [8 * len(chunk)]


def test_watched_folder_deleted_and_recreated(watched) -> None:
    folder, rec, w, events = watched
    (folder / "a.txt").write_text("a")
    assert wait_for(lambda: rec.scans[str(folder / "a.txt")] == 1)
    (folder / "a.txt").unlink()
    folder.rmdir()
    assert wait_for(lambda: ("missing", "Downloads") in events)
    assert [r.place for r in w.missing()] == ["Downloads"]
    folder.mkdir()
    assert wait_for(lambda: ("back", "Downloads") in events)
    (folder / "b.txt").write_text("b")
    assert wait_for(lambda: rec.scans[str(folder / "b.txt")] == 1)


def test_watched_folder_renamed_away_and_back(watched) -> None:
    folder, rec, _w, events = watched
    moved = folder.with_name("Downloads-old")
    folder.rename(moved)
    assert wait_for(lambda: ("missing", "Downloads") in events)
    (moved / "elsewhere.txt").write_text("not watched any more")
    time.sleep(0.6)
    assert str(folder / "elsewhere.txt") not in rec.scans
    assert str(moved / "elsewhere.txt") not in rec.scans
    moved.rename(folder)
    assert wait_for(lambda: ("back", "Downloads") in events)
    # Reconciliation finds the file that was added while the folder was away.
    assert wait_for(lambda: rec.scans[str(folder / "elsewhere.txt")] == 1)


def test_temporary_names_are_ignored_and_final_name_scanned(watched) -> None:
    folder, rec, w, _ = watched
    part = folder / "roster.csv.crdownload"
    part.write_text("x" * 1000)
    part.rename(folder / "roster.csv")
    assert wait_for(lambda: rec.scans[str(folder / "roster.csv")] == 1)
    assert w.wait_idle(5)
    assert str(part) not in rec.scans


def test_a_failing_scan_is_logged_without_the_file_name(tmp_path: Path, caplog) -> None:
    folder = tmp_path / "Documents"
    folder.mkdir()

    def broken(root: WatchRoot, path: Path, st: os.stat_result) -> str:
        raise OSError(2, "No such file", str(path))  # messages like this name the file

    w = FolderWatcher(broken, FileIndex(), quiet=0.1)
    w.add(WatchRoot(folder, "Documents"))
    w.start()
    try:
        (folder / "山田太郎_申請書.txt").write_text("x")
        assert wait_for(lambda: "scanning a file" in caplog.text)
    finally:
        w.stop()
    assert "FileNotFoundError" in caplog.text and "山田太郎" not in caplog.text


def test_network_share_root_is_polled(tmp_path: Path) -> None:
    folder = tmp_path / "share"
    folder.mkdir()
    rec = Recorder()
    w = FolderWatcher(rec, FileIndex(), quiet=0.1, poll_every=0.3)
    w.add(WatchRoot(folder, "share", polling=True))
    w.start()
    try:
        assert w.wait_idle(5)
        (folder / "new.txt").write_text("x")
        assert wait_for(lambda: rec.scans[str(folder / "new.txt")] == 1, 10)
    finally:
        w.stop()


def test_fifo_and_symlink_loop_do_not_hang_the_watcher(tmp_path: Path) -> None:
    folder = tmp_path / "Desktop"
    folder.mkdir()
    os.mkfifo(folder / "pipe")  # opening it to scan would block forever
    os.symlink(folder, folder / "loop")
    (folder / "real.txt").write_text("x")
    rec = Recorder()
    w = FolderWatcher(rec, FileIndex(), quiet=0.1)
    w.add(WatchRoot(folder, "Desktop"))
    w.start()
    try:
        assert wait_for(lambda: rec.scans[str(folder / "real.txt")] == 1)
        assert w.wait_idle(5)
    finally:
        w.stop()
    assert set(rec.scans) == {str(folder / "real.txt")}

"""Worker processes that hang or die cost one file, never the scan."""

from __future__ import annotations

import multiprocessing
import os
import time
from pathlib import Path

import pytest

import tokki_desktop.scanner.tree as tree
import tokki_desktop.scanner.workers as workers
from tokki_desktop.scanner import CLEAN, PERSONAL_DATA, UNREADABLE, ScanLimits, scan_file, scan_paths

# The misbehaving scan is planted by patching this process; forked workers inherit it.
pytestmark = pytest.mark.skipif(multiprocessing.get_start_method() != "fork",
                                reason="needs forked workers to inherit the planted fault")


def _misbehaving_scan(path, **kw):
    name = os.path.basename(os.fspath(path))
    if name.startswith("hang"):
        time.sleep(120)  # stuck inside a library: never reaches the scanner's own time checks
    if name.startswith("crash"):
        os._exit(9)  # killed from outside (the out-of-memory killer, a crash in C code)
    return scan_file(path, **kw)


@pytest.fixture
def tree_with_trouble(tmp_path: Path) -> Path:
    root = tmp_path / "tree"
    root.mkdir()
    for i in range(12):
        (root / f"a{i:02d}.txt").write_text("本日の作業は予定どおり完了した。\n", "utf-8")
    (root / "crash1.txt").write_text("x\n", "utf-8")
    (root / "hang1.txt").write_text("x\n", "utf-8")
    (root / "letter.txt").write_text("〒184-0004 東京都小金井市本町2丁目3番4号\n山田 太郎 様\n", "utf-8")
    (root / "z.txt").write_text("議事録\n", "utf-8")
    return root


def test_a_hung_and_a_dead_worker_cost_one_file_each(tree_with_trouble: Path, monkeypatch) -> None:
    monkeypatch.setattr(tree, "scan_file", _misbehaving_scan)
    monkeypatch.setattr(workers, "HANG_GRACE_SECONDS", 0.5)
    t0 = time.monotonic()
    got = {Path(r.path).name: r for r in scan_paths([tree_with_trouble], jobs=2,
                                                    limits=ScanLimits(max_seconds=0.5))}
    assert time.monotonic() - t0 < 30
    assert sorted(got) == sorted(p.name for p in tree_with_trouble.iterdir())
    assert got["hang1.txt"].verdict == UNREADABLE and "1秒以上応答がない" in got["hang1.txt"].reason
    assert got["crash1.txt"].verdict == UNREADABLE and "異常終了" in got["crash1.txt"].reason
    assert got["letter.txt"].verdict == PERSONAL_DATA
    assert all(got[f"a{i:02d}.txt"].verdict == CLEAN for i in range(12)) and got["z.txt"].verdict == CLEAN


def test_results_come_in_input_order(tree_with_trouble: Path, monkeypatch) -> None:
    monkeypatch.setattr(tree, "scan_file", _misbehaving_scan)
    monkeypatch.setattr(workers, "HANG_GRACE_SECONDS", 0.5)
    order = [r.path for r in scan_paths([tree_with_trouble], jobs=2, limits=ScanLimits(max_seconds=0.2))]
    assert order == [str(p) for p in sorted(tree_with_trouble.iterdir())]


def test_abandoning_a_scan_stops_busy_workers(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(tree, "scan_file", _misbehaving_scan)
    for name in ("a.txt", "b.txt", "hang1.txt", "hang2.txt"):
        (tmp_path / name).write_text("x\n", "utf-8")
    results = scan_paths([tmp_path], jobs=2)
    assert [Path(next(results).path).name for _ in range(2)] == ["a.txt", "b.txt"]
    time.sleep(0.5)  # both workers are now stuck, far from their 30 s patience
    t0 = time.monotonic()
    results.close()  # the user pressed stop
    assert time.monotonic() - t0 < 10
    assert multiprocessing.active_children() == []


def test_the_command_line_keeps_the_hard_time_cap_with_one_job(tree_with_trouble: Path, monkeypatch) -> None:
    import io
    import json

    from tokki_desktop.cli import main

    monkeypatch.setattr(tree, "scan_file", _misbehaving_scan)
    monkeypatch.setattr(workers, "HANG_GRACE_SECONDS", 0.5)
    out = io.StringIO()
    t0 = time.monotonic()
    code = main(["scan", "--json", "--jobs", "1", "--timeout", "0.5", str(tree_with_trouble)], out=out)
    assert time.monotonic() - t0 < 30
    lines = {Path(d["path"]).name: d for d in map(json.loads, out.getvalue().splitlines())}
    assert code == 1 and lines["hang1.txt"]["verdict"] == UNREADABLE and lines["crash1.txt"]["verdict"] == UNREADABLE
    assert lines["letter.txt"]["verdict"] == PERSONAL_DATA

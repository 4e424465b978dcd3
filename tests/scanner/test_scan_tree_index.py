"""Trees on several processes, the re-scan index, and scanning from threads."""

from __future__ import annotations

import os
import shutil
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

import tokki_desktop.scanner.tree as tree
from tokki_desktop.scanner import PERSONAL_DATA, ScanIndex, scan_file, scan_paths


@pytest.fixture
def small_tree(corpus, tmp_path: Path) -> Path:
    root, labels = corpus
    dst = tmp_path / "tree"
    for rel in list(labels)[::4]:
        (dst / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(root / rel, dst / rel)
    return dst


class CountingScan:
    """Counts the files really scanned (a spy around the real scan_file)."""

    def __init__(self) -> None:
        self.paths: list[str] = []

    def __call__(self, path, **kw):
        self.paths.append(os.fspath(path))
        return scan_file(path, **kw)


def test_parallel_results_equal_serial(small_tree: Path) -> None:
    serial = {r.path: r.verdict for r in scan_paths([small_tree], jobs=1)}
    parallel = {r.path: r.verdict for r in scan_paths([small_tree], jobs=2)}
    assert serial == parallel and len(serial) >= 20


def test_unchanged_files_come_from_the_index(small_tree: Path, tmp_path: Path, monkeypatch) -> None:
    spy = CountingScan()
    monkeypatch.setattr(tree, "scan_file", spy)
    db = tmp_path / "index.sqlite"
    with ScanIndex(db) as index:
        first = list(scan_paths([small_tree], index=index))
    n = len(spy.paths)
    assert n == len(first)
    spy.paths.clear()
    with ScanIndex(db) as index:
        second = list(scan_paths([small_tree], index=index))
    assert spy.paths == []
    assert [(r.path, r.verdict, r.findings) for r in first] == [(r.path, r.verdict, r.findings) for r in second]
    # Touched (new mtime, same bytes): the content hash decides, no re-scan.
    victim = next(p for p in small_tree.rglob("*") if p.is_file())
    os.utime(victim, ns=(1, 1))
    # Changed bytes: scanned again.
    changed = next(p for p in small_tree.rglob("*.txt"))
    changed.write_text("〒184-0004 東京都小金井市本町2丁目3番4号 山田 太郎 様\n", "utf-8")
    with ScanIndex(db) as index:
        third = {r.path: r for r in scan_paths([small_tree], index=index)}
    assert spy.paths == [str(changed)]
    assert third[str(changed)].verdict == PERSONAL_DATA


def test_index_is_invalidated_when_fingerprints_change(small_tree: Path, tmp_path: Path, monkeypatch,
                                                      corpus) -> None:
    from tokki_desktop.scanner import InMemoryFingerprintStore

    root, _ = corpus
    spy = CountingScan()
    monkeypatch.setattr(tree, "scan_file", spy)
    db = tmp_path / "index.sqlite"
    with ScanIndex(db) as index:
        list(scan_paths([small_tree], index=index))
    spy.paths.clear()
    store = InMemoryFingerprintStore()
    store.add_dataset("名簿", [root / "pos/roster_basic.xlsx"])
    with ScanIndex(db) as index:
        list(scan_paths([small_tree], index=index, fingerprints=store))
    assert len(spy.paths) > 0


def test_scan_file_and_index_from_threads(corpus, tmp_path: Path) -> None:
    root, labels = corpus
    paths = [root / rel for rel in labels]
    expected = {str(p): scan_file(p).verdict for p in paths}
    index = ScanIndex(tmp_path / "index.sqlite")

    def work(p: Path) -> tuple[str, str]:
        res = scan_file(p)
        st = p.stat()
        index.store(str(p), st.st_size, st.st_mtime_ns, res)
        hit = index.lookup(str(p), st.st_size, st.st_mtime_ns)
        assert hit is not None and hit.verdict == res.verdict
        return str(p), res.verdict

    with ThreadPoolExecutor(max_workers=4) as pool:
        got = dict(pool.map(work, paths * 2))
    index.close()
    assert got == expected


def test_index_scan_for_the_monitor_threads(small_tree: Path, tmp_path: Path, monkeypatch) -> None:
    import tokki_desktop.scanner.scan as scan_mod

    calls: list[str] = []
    real = scan_mod.scan_file

    def spy(path, **kw):
        calls.append(os.fspath(path))
        return real(path, **kw)

    monkeypatch.setattr(scan_mod, "scan_file", spy)
    files = [p for p in small_tree.rglob("*") if p.is_file()]
    index = ScanIndex(tmp_path / "index.sqlite")
    with ThreadPoolExecutor(max_workers=3) as pool:
        first = list(pool.map(index.scan, files))
    assert len(calls) == len(files)
    calls.clear()
    with ThreadPoolExecutor(max_workers=3) as pool:
        again = list(pool.map(index.scan, files))
    assert calls == [] and [r.verdict for r in first] == [r.verdict for r in again]
    copy = tmp_path / "copy_of_first"
    shutil.copyfile(files[0], copy)
    assert index.scan(copy).verdict == first[0].verdict and calls == []  # same content: no scan
    index.close()


def test_each_distinct_verdict_is_stored_once(tmp_path: Path) -> None:
    import sqlite3

    root = tmp_path / "memos"
    root.mkdir()
    for i in range(40):
        (root / f"memo{i:02d}.txt").write_text("本日の作業は予定どおり完了した。\n", "utf-8")
    (root / "letter.txt").write_text("〒184-0004 東京都小金井市本町2丁目3番4号\n山田 太郎 様\n", "utf-8")
    db = tmp_path / "index.sqlite"
    with ScanIndex(db) as index:
        list(scan_paths([root], index=index))
    with sqlite3.connect(db) as conn:
        files = conn.execute("SELECT count(*) FROM files").fetchone()[0]
        verdicts = conn.execute("SELECT count(*) FROM verdicts").fetchone()[0]
    assert (files, verdicts) == (41, 2)
    # The letter becomes a memo too: its old verdict is no longer referred to, and is dropped.
    (root / "letter.txt").write_text("本日の作業は予定どおり完了した。\n", "utf-8")
    with ScanIndex(db) as index:
        assert {r.verdict for r in scan_paths([root], index=index)} == {"clean"}
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM verdicts").fetchone()[0] == 1


def test_an_index_of_the_earlier_layout_is_made_again(small_tree: Path, tmp_path: Path) -> None:
    import sqlite3

    db = tmp_path / "index.sqlite"
    with sqlite3.connect(db) as conn:
        conn.execute("CREATE TABLE entries (path TEXT PRIMARY KEY, size INTEGER, mtime_ns INTEGER,"
                     " sha256 TEXT, config TEXT, result TEXT)")
        conn.execute("INSERT INTO entries VALUES ('x', 1, 1, '', '3:', '[]')")
    expected = [(r.path, r.verdict) for r in scan_paths([small_tree])]
    with ScanIndex(db) as index:
        assert [(r.path, r.verdict) for r in scan_paths([small_tree], index=index)] == expected
    with ScanIndex(db) as index:
        assert len(index) == len(expected)


def test_results_keep_input_order_when_some_files_changed(small_tree: Path, tmp_path: Path) -> None:
    db = tmp_path / "index.sqlite"
    with ScanIndex(db) as index:
        first = [r.path for r in scan_paths([small_tree], index=index, jobs=2)]
    for p in sorted(small_tree.rglob("*.txt"))[::2]:
        p.write_text(p.read_text("utf-8", errors="replace") + "\n追記\n", "utf-8")
    done: list[int] = []
    with ScanIndex(db) as index:
        again = [r.path for r in scan_paths([small_tree], index=index, jobs=2,
                                            on_result=lambda r, n, total: done.append(n))]
    assert again == first and done == list(range(1, len(first) + 1))


def test_results_from_the_index_share_nothing(small_tree: Path, tmp_path: Path) -> None:
    db = tmp_path / "index.sqlite"
    with ScanIndex(db) as index:
        list(scan_paths([small_tree], index=index))
    with ScanIndex(db) as index:
        a = [r for r in scan_paths([small_tree], index=index) if r.findings]
        b = [r for r in scan_paths([small_tree], index=index) if r.findings]
    a[0].findings.clear()
    a[0].examples.clear()
    assert b[0].findings and b[0].examples


def test_a_scan_abandoned_half_way_stops_its_workers(small_tree: Path, tmp_path: Path) -> None:
    db = tmp_path / "index.sqlite"
    with ScanIndex(db) as index:
        results = scan_paths([small_tree], index=index, jobs=2)
        first = next(results)
        results.close()  # the user pressed stop: the pool is shut down, what was done is kept
    with ScanIndex(db) as index:
        index.configure(None, None)  # as scan_paths does: no fingerprints, default limits
        assert len(index) >= 1 and index.lookup(first.path, *_size_mtime(first.path)) is not None


def _size_mtime(path: str) -> tuple[int, int]:
    st = os.stat(path)
    return st.st_size, st.st_mtime_ns

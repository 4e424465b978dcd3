"""Scanning trees of files on several cores, with the re-scan index."""

from __future__ import annotations

import os
from typing import Callable, Generator, Iterable, Iterator

from tokki_desktop.scanner.fingerprints import FingerprintMatcher, FingerprintStore
from tokki_desktop.scanner.index import ScanIndex, _sha256_of
from tokki_desktop.scanner.result import ScanLimits, ScanResult, UNREADABLE
from tokki_desktop.scanner.scan import _OUT_OF_MEMORY, _as_matcher, scan_file
from tokki_desktop.scanner.workers import WorkerPool

_worker_state: dict[str, object] = {}


def iter_files(paths: Iterable[str | os.PathLike[str]]) -> Iterator[tuple[str, os.stat_result | None]]:
    """Every regular file under ``paths`` with its stat (directory symlinks are not followed)."""
    for p in paths:
        p = os.fspath(p)
        try:
            st = os.stat(p)
        except OSError:
            yield p, None
            continue
        if not os.path.isdir(p):
            yield p, st
            continue
        stack = [p]
        while stack:
            d = stack.pop()
            try:
                with os.scandir(d) as it:
                    entries = sorted(it, key=lambda e: e.name)
            except OSError:
                yield d, None
                continue
            for e in entries:
                try:
                    if e.is_dir(follow_symlinks=False):
                        stack.append(e.path)
                    elif e.is_file():
                        yield e.path, e.stat()
                except OSError:
                    yield e.path, None


def _init_worker(matcher: FingerprintMatcher | None, limits: ScanLimits) -> None:
    _worker_state["matcher"] = matcher
    _worker_state["limits"] = limits
    # Load what the detectors load lazily before the cap counts it as the file's memory.
    from tokki_desktop.scanner import names, phone_plan, prefilter

    prefilter.families_present("")
    phone_plan.is_valid_jp("0312345678")
    names.surnames()
    names.given_names()
    cap_memory(limits.max_memory_bytes)


def cap_memory(extra: int) -> bool:
    """Limit this process's data segment to what it uses now plus ``extra`` bytes (Linux).

    A file that needs more then fails with MemoryError inside the scan, which makes it
    ``unreadable`` instead of swapping the terminal to a halt. Only for worker processes:
    the limit applies to the whole process. Returns False where it cannot be set.
    """
    try:
        import resource

        with open("/proc/self/status", encoding="ascii") as fh:
            data_kb = next(int(line.split()[1]) for line in fh if line.startswith("VmData:"))
        limit = data_kb * 1024 + extra
        _soft, hard = resource.getrlimit(resource.RLIMIT_DATA)
        if hard != resource.RLIM_INFINITY:
            limit = min(limit, hard)
        resource.setrlimit(resource.RLIMIT_DATA, (limit, hard))
        return True
    except (ImportError, OSError, StopIteration, ValueError):
        return False


def _work(path: str) -> ScanResult:
    try:
        return scan_file(path, fingerprints=_worker_state.get("matcher"),  # type: ignore[arg-type]
                         limits=_worker_state.get("limits"))  # type: ignore[arg-type]
    except MemoryError:
        # Raised outside the scan proper (the memory cap hit while a result was being made).
        return ScanResult(path, UNREADABLE, reason=_OUT_OF_MEMORY.ja, reason_en=_OUT_OF_MEMORY.en)


def scan_paths(paths: Iterable[str | os.PathLike[str]], *, jobs: int = 1, index: ScanIndex | None = None,
               fingerprints: FingerprintMatcher | FingerprintStore | None = None,
               limits: ScanLimits | None = None,
               on_result: Callable[[ScanResult, int, int], None] | None = None,
               isolate: bool = False) -> Iterator[ScanResult]:
    """Results for every file under ``paths`` (input order); unchanged files come from ``index``.

    ``jobs`` > 1 uses processes (the detectors are CPU-bound Python). ``isolate`` uses worker
    processes even for one job, so that the hard limits hold: the memory cap (Linux) and the
    time cap of a file stuck where the scanner cannot check its clock. ``on_result`` is
    called with (result, done, total) for progress bars.
    """
    limits = limits or ScanLimits()
    matcher = _as_matcher(fingerprints)
    if index is not None:
        index.configure(matcher, limits)
    files = list(iter_files(paths))
    total = len(files)
    # What each file's result will come from: a result made already, an index entry (the
    # result is made only when it is handed out, so a re-scan of a large tree never holds
    # 100,000 results at once), or _SCAN (the next result of the workers, which keep order).
    plan: list[object] = [_SCAN] * total
    todo: list[tuple[int, str, os.stat_result]] = []
    unchanged = index.unchanged if index is not None else None
    for i, (path, st) in enumerate(files):
        if st is None:
            plan[i] = ScanResult(path, UNREADABLE, reason="ファイルまたはフォルダを開けません。",
                                 reason_en="The file or folder cannot be opened.")
        elif unchanged is not None and (entry := unchanged(path, st.st_size, st.st_mtime_ns)) is not None:
            plan[i] = entry
        else:
            todo.append((i, path, st))
    del files
    if index is not None and todo:
        # A new mtime (touch, copy-back, a rename) with the same content: the hash decides.
        still: list[tuple[int, str, os.stat_result]] = []
        for i, path, st in todo:
            sha = _sha256_of(path)
            hit = index.lookup_content(path, sha) if sha else None
            if hit is not None:
                index.store(path, st.st_size, st.st_mtime_ns, hit)
                plan[i] = hit
            else:
                still.append((i, path, st))
        todo = still
    scanned = _run([p for _, p, _ in todo], jobs, matcher, limits, isolate)
    waiting = iter(todo)
    try:
        for done, item in enumerate(plan, 1):
            if item is _SCAN:
                _, path, st = next(waiting)
                res = next(scanned)
                if index is not None:
                    index.store(path, st.st_size, st.st_mtime_ns, res)
            elif type(item) is tuple:
                res = index.result_of(item)  # type: ignore[union-attr, arg-type]
            else:
                res = item  # type: ignore[assignment]
            plan[done - 1] = None
            if on_result:
                on_result(res, done, total)
            yield res
    finally:
        scanned.close()
        if index is not None:
            index.flush()


# Marks a file in scan_paths' plan whose result comes from scanning it now.
_SCAN = object()


def _run(paths: list[str], jobs: int, matcher: FingerprintMatcher | None,
         limits: ScanLimits, isolate: bool = False) -> Generator[ScanResult, None, None]:
    """Results of scanning ``paths``, in order; with several jobs (or isolated), in worker processes."""
    if not paths or (not isolate and (jobs <= 1 or len(paths) <= 1)):
        return (scan_file(p, fingerprints=matcher, limits=limits) for p in paths)
    pool = WorkerPool(max(1, jobs), _work, _init_worker, (matcher, limits), limits)
    return pool.scan(paths)

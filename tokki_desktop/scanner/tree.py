"""Scanning trees of files on several cores, with the re-scan index."""

from __future__ import annotations

import os
from concurrent.futures import ProcessPoolExecutor
from typing import Callable, Iterable, Iterator

from tokki_desktop.scanner.fingerprints import FingerprintMatcher, FingerprintStore
from tokki_desktop.scanner.index import ScanIndex, _sha256_of
from tokki_desktop.scanner.result import ScanLimits, ScanResult, UNREADABLE
from tokki_desktop.scanner.scan import _OUT_OF_MEMORY, _as_matcher, scan_file

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
               on_result: Callable[[ScanResult, int, int], None] | None = None) -> Iterator[ScanResult]:
    """Results for every file under ``paths`` (input order); unchanged files come from ``index``.

    ``jobs`` > 1 uses processes (the detectors are CPU-bound Python). ``on_result`` is called
    with (result, done, total) for progress bars.
    """
    limits = limits or ScanLimits()
    matcher = _as_matcher(fingerprints)
    if index is not None:
        index.configure(matcher, limits)
    files = list(iter_files(paths))
    total = len(files)
    todo: list[tuple[int, str, os.stat_result]] = []
    ready: dict[int, ScanResult] = {}
    for i, (path, st) in enumerate(files):
        if st is None:
            ready[i] = ScanResult(path, UNREADABLE, reason="ファイルまたはフォルダを開けません。",
                                  reason_en="The file or folder cannot be opened.")
            continue
        if index is not None:
            hit = index.lookup(path, st.st_size, st.st_mtime_ns)
            if hit is not None:
                ready[i] = hit
                continue
        todo.append((i, path, st))
    if index is not None and todo:
        # A new mtime (touch, copy-back, a rename) with the same content: the hash decides.
        still: list[tuple[int, str, os.stat_result]] = []
        for i, path, st in todo:
            sha = _sha256_of(path)
            hit = index.lookup_content(path, sha) if sha else None
            if hit is not None:
                index.store(path, st.st_size, st.st_mtime_ns, hit)
                ready[i] = hit
            else:
                still.append((i, path, st))
        todo = still
    done = 0

    def emit_ready(upto: int) -> Iterator[ScanResult]:
        nonlocal done, next_i
        while next_i < upto and next_i in ready:
            r = ready.pop(next_i)
            next_i += 1
            done += 1
            if on_result:
                on_result(r, done, total)
            yield r

    next_i = 0
    results = _run(todo, jobs, matcher, limits)
    for (i, path, st), res in zip(todo, results):
        if index is not None:
            index.store(path, st.st_size, st.st_mtime_ns, res)
        ready[i] = res
        yield from emit_ready(total)
    yield from emit_ready(total)
    if index is not None:
        index.flush()


def _run(todo: list[tuple[int, str, os.stat_result]], jobs: int, matcher: FingerprintMatcher | None,
         limits: ScanLimits) -> Iterator[ScanResult]:
    paths = [p for _, p, _ in todo]
    if jobs <= 1 or len(paths) <= 1:
        for p in paths:
            yield scan_file(p, fingerprints=matcher, limits=limits)
        return
    with ProcessPoolExecutor(max_workers=jobs, initializer=_init_worker, initargs=(matcher, limits)) as pool:
        yield from pool.map(_work, paths, chunksize=max(1, min(64, len(paths) // (jobs * 8) or 1)))

"""Scanning files in worker processes that may hang or die without taking the scan with them.

The time cap of a file is checked by the scanner itself between pages, parts and slices of
rows; a library stuck inside one page never reaches such a check. And a worker can be killed
from outside (the operating system's out-of-memory killer, a crash inside a C library).
``concurrent.futures`` turns either into a broken pool, which would end the whole scan. Here
each worker gets a batch of files and answers at least every fifth of a second, so a worker
silent for longer than a file's time cap plus a grace period is stuck. It is killed and
replaced. When it had one file, that file becomes ``unreadable`` with the reason; otherwise
its unanswered files are handed out again one at a time, so the next hang names its file.
"""

from __future__ import annotations

import multiprocessing
import signal
import time
from collections import deque
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from typing import Callable, Generator

from tokki_desktop.scanner.result import UNREADABLE, ScanLimits, ScanResult

# How long past its own time cap a file may keep a worker busy before the worker is killed.
HANG_GRACE_SECONDS = 10.0
# A worker sends what it has done at least this often (one message per file costs the parent
# more than a small file's scan).
ANSWER_EVERY_SECONDS = 0.2
# A worker holding fewer files than this is sent its next batch.
_REFILL_BELOW = 8


@dataclass
class _Worker:
    process: multiprocessing.process.BaseProcess
    conn: Connection
    batch: deque[tuple[int, str]] = field(default_factory=deque)
    since: float = 0.0  # when the worker last answered or got work

    def stop(self, *, kill: bool) -> None:
        if kill:
            self.process.kill()
        self.process.join(timeout=5)
        self.conn.close()


def _serve(conn: Connection, work: Callable[[str], ScanResult], init: Callable[..., None],
           init_args: tuple) -> None:
    """A worker's life: scan each batch it is sent and answer (position, result) pairs."""
    # Ctrl+C is the parent's to handle: it stops the workers itself, without a traceback each.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    init(*init_args)
    while True:
        try:
            batch = conn.recv()
        except (EOFError, OSError):
            return  # the parent has gone
        if batch is None:
            return
        answers: list[tuple[int, ScanResult]] = []
        last = time.monotonic()
        try:
            for i, path in batch:
                answers.append((i, work(path)))
                if time.monotonic() - last >= ANSWER_EVERY_SECONDS:
                    conn.send(answers)
                    answers, last = [], time.monotonic()
            if answers:
                conn.send(answers)
        except OSError:
            return  # the parent has gone (killed): nobody to answer


class WorkerPool:
    """``jobs`` scanning processes; :meth:`scan` yields results in the order of the paths."""

    def __init__(self, jobs: int, work: Callable[[str], ScanResult], init: Callable[..., None],
                 init_args: tuple, limits: ScanLimits, *, grace: float | None = None) -> None:
        self._jobs = max(1, jobs)
        self._work, self._init, self._init_args = work, init, init_args
        self._patience = limits.max_seconds + (HANG_GRACE_SECONDS if grace is None else grace)
        self._workers: list[_Worker] = []
        # Files handed out again after a worker got stuck on one of them: given one at a time.
        self._suspects: set[int] = set()

    def _start_worker(self) -> _Worker:
        ctx = multiprocessing.get_context()
        parent, child = ctx.Pipe()
        proc = ctx.Process(target=_serve, args=(child, self._work, self._init, self._init_args), daemon=True)
        proc.start()
        child.close()
        return _Worker(proc, parent)

    def scan(self, paths: list[str]) -> Generator[ScanResult, None, None]:
        """Results of ``paths`` in order; a hung or dead worker costs one file, not the scan.

        The workers start at once, so they scan while the caller is still busy with other
        things (handing out unchanged files from the index, say).
        """
        queue: deque[tuple[int, str]] = deque(enumerate(paths))
        try:
            self._workers = [self._start_worker() for _ in range(min(self._jobs, len(paths)))]
            self._hand_out(queue)
        except BaseException:
            self.close()
            raise
        return self._in_order(queue, len(paths))

    def _in_order(self, queue: deque[tuple[int, str]], total: int) -> Generator[ScanResult, None, None]:
        done: dict[int, ScanResult] = {}
        next_out = 0
        try:
            while next_out < total:
                self._collect(queue, done)
                self._hand_out(queue)
                while next_out in done:
                    yield done.pop(next_out)
                    next_out += 1
        finally:
            self.close()

    def _hand_out(self, queue: deque[tuple[int, str]]) -> None:
        for w in self._workers:
            # A worker gets its next batch before it runs out, so it never waits for the parent;
            # a suspect goes alone to an idle worker, so that a hang on it names it.
            while queue and len(w.batch) < _REFILL_BELOW and not self._suspects.intersection(i for i, _ in w.batch):
                if queue[0][0] in self._suspects and w.batch:
                    break
                size = 1 if queue[0][0] in self._suspects else max(1, min(32, len(queue) // (self._jobs * 4)))
                batch = [queue.popleft() for _ in range(min(size, len(queue)))]
                if not w.batch:
                    w.since = time.monotonic()
                w.batch.extend(batch)
                try:
                    w.conn.send(batch)
                except OSError:  # died while idle: nobody to blame, the batch goes to a new worker
                    self._replace(w, queue, None, None)
                    break

    def _collect(self, queue: deque[tuple[int, str]], done: dict[int, ScanResult]) -> None:
        busy = {w.conn: w for w in self._workers if w.batch}
        for conn in wait(list(busy), timeout=0.5):
            w = busy[conn]  # type: ignore[index]
            try:
                answers = w.conn.recv()
            except (EOFError, OSError):
                self._replace(w, queue, done, _died())
                continue
            for i, res in answers:
                w.batch.popleft()
                done[i] = res
            w.since = time.monotonic()
        now = time.monotonic()
        for w in list(self._workers):
            if w.batch and now - w.since > self._patience:
                self._replace(w, queue, done, _hung(self._patience))

    def _replace(self, w: _Worker, queue: deque[tuple[int, str]], done: dict[int, ScanResult] | None,
                 why: tuple[str, str] | None) -> None:
        """Replace a stuck or dead worker; blame its file when it had one, else hand them out singly."""
        if done is not None and why is not None and len(w.batch) == 1:
            i, path = w.batch.popleft()
            done[i] = ScanResult(path, UNREADABLE, reason=why[0], reason_en=why[1])
        elif why is not None:
            self._suspects.update(i for i, _ in w.batch)
        queue.extendleft(reversed(w.batch))
        w.batch.clear()
        w.stop(kill=True)
        self._workers[self._workers.index(w)] = self._start_worker()

    def close(self) -> None:
        """Stop every worker (those still busy are killed: the scan was abandoned)."""
        workers, self._workers = self._workers, []
        for w in workers:
            if w.batch:
                w.stop(kill=True)
                continue
            try:
                w.conn.send(None)
            except OSError:
                pass  # already gone: join below returns at once
            w.stop(kill=False)


def _died() -> tuple[str, str]:
    return ("検査中に処理が異常終了しました（メモリ不足などで強制終了された可能性）。",
            "The scanning process stopped while reading this file (killed, perhaps for lack of memory).")


def _hung(seconds: float) -> tuple[str, str]:
    return (f"{seconds:g}秒以上応答がないため、検査を打ち切りました。",
            f"No answer for over {seconds:g} s; scanning this file was stopped.")

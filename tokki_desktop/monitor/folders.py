"""Watched roots (folders and mounted media): events as hints, reconciliation as truth.

Watchdog observers report changes; :class:`CompletionWait` holds each path until the file
is complete; a worker pool scans it. Because operating systems drop events under load
(inotify queue overflow, Windows buffer overflow), every root is also reconciled against
the :class:`FileIndex` at start, periodically, and at once when an overflow is reported.
A root that disappears (deleted, renamed, medium pulled) is noticed by a health check,
its watch dropped, and it is picked up again when it comes back.
"""

from __future__ import annotations

import logging
import os
import stat as statmod
import sys
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from watchdog.events import (
    DirCreatedEvent,
    DirDeletedEvent,
    DirMovedEvent,
    FileClosedEvent,
    FileClosedNoWriteEvent,
    FileCreatedEvent,
    FileDeletedEvent,
    FileModifiedEvent,
    FileMovedEvent,
    FileOpenedEvent,
    FileSystemEvent,
    FileSystemEventHandler,
)
from watchdog.observers import Observer
from watchdog.observers.polling import PollingObserver

from tokki_desktop.monitor.completion import CompletionWait
from tokki_desktop.monitor.file_index import FileIndex
from tokki_desktop.monitor.logsafe import log_bug
from tokki_desktop.monitor.media import Medium

log = logging.getLogger(__name__)

# Names that are never the finished file: office lock files, browser partial downloads.
# Their final name arrives as a move event and is scanned then.
_TEMP_PREFIXES = ("~$", ".~lock.")
_TEMP_SUFFIXES = (".tmp", ".part", ".crdownload", ".partial", ".download", ".swp")

# The events asked of the OS. Opens and read-only closes are left out: the scanner's own
# reads would otherwise flood the queue (two events per file read) and overflow it.
_WANTED_EVENTS = [FileCreatedEvent, FileModifiedEvent, FileMovedEvent, FileClosedEvent, FileDeletedEvent,
                  DirCreatedEvent, DirDeletedEvent, DirMovedEvent]

# Only Linux reports when a writer closes a file; elsewhere we rely on quiet time.
_CLOSE_EVENTS = sys.platform.startswith("linux")


def is_temporary(name: str) -> bool:
    """Whether a file name is a writer's temporary, not a document."""
    low = name.lower()
    return low.startswith(_TEMP_PREFIXES) or low.endswith(_TEMP_SUFFIXES)


@dataclass(frozen=True)
class WatchRoot:
    """One watched place: a configured folder, or a mounted medium.

    ``place`` is what users call it ("Downloads", or a medium's label and id);
    index keys are ``key_prefix`` + the path relative to the root, so a medium's index
    survives it being mounted elsewhere the next time.
    """

    path: Path
    place: str
    medium: Medium | None = None
    polling: bool = False

    @property
    def key_prefix(self) -> str:
        if self.medium is not None:
            return f"medium:{self.medium.volume_id}:"
        return f"folder:{self.path}:"

    def key_for(self, path: str) -> str:
        return self.key_prefix + os.path.relpath(path, self.path)


@dataclass
class _RootState:
    root: WatchRoot
    identity: tuple[int, int] | None
    watch: object | None = None
    present: bool = True


# What the watcher calls for each complete, changed file; returns the verdict to index.
ScanHook = Callable[[WatchRoot, Path, os.stat_result], str]


@dataclass
class WatcherCallbacks:
    """Notifications from the watcher (all optional)."""

    root_missing: Callable[[WatchRoot], None] = lambda r: None
    root_back: Callable[[WatchRoot], None] = lambda r: None
    overflow: Callable[[], None] = lambda: None
    busy: Callable[[int], None] = lambda n: None


class _OverflowSpy(logging.Handler):
    """Watchdog reports an inotify overflow only in its log; turn that into a call."""

    def __init__(self, on_overflow: Callable[[], None]) -> None:
        super().__init__(level=logging.WARNING)
        self._cb = on_overflow

    def emit(self, record: logging.LogRecord) -> None:
        if "overflow" in record.getMessage().lower():
            self._cb()


class _Events(FileSystemEventHandler):
    def __init__(self, watcher: FolderWatcher, root: WatchRoot) -> None:
        self._w = watcher
        self._root = root

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.is_directory:
            if isinstance(event, DirMovedEvent):
                # A folder moved into the root: its files produced no events of their own.
                self._w.request_reconcile(self._root)
            return
        if isinstance(event, (FileOpenedEvent, FileClosedNoWriteEvent)):
            return
        if isinstance(event, FileMovedEvent):
            self._w.hint(self._root, os.fsdecode(event.dest_path), writing=None)
            return
        writing: bool | None = None
        if isinstance(event, FileClosedEvent):
            writing = False
        elif isinstance(event, (FileCreatedEvent, FileModifiedEvent)) and _CLOSE_EVENTS and not self._root.polling:
            # (A polled share never reports a close, so there "writing" stays unknown.)
            writing = True
        elif not isinstance(event, (FileCreatedEvent, FileModifiedEvent)):
            return  # deletions: the index forgets them at reconciliation
        self._w.hint(self._root, os.fsdecode(event.src_path), writing=writing)


class FolderWatcher:
    """Watches roots and calls ``scan(root, path, stat)`` once per complete, changed file."""

    def __init__(
        self,
        scan: ScanHook,
        index: FileIndex,
        *,
        callbacks: WatcherCallbacks | None = None,
        workers: int = 2,
        quiet: float = 0.5,
        reconcile_every: float = 600.0,
        health_every: float = 1.0,
        ignore: tuple[Path | str, ...] = (),  # prefixes; a str keeps a trailing separator
        poll_every: float = 5.0,
    ) -> None:
        self._scan = scan
        self.index = index
        self._cb = callbacks or WatcherCallbacks()
        self._roots: dict[Path, _RootState] = {}
        self._lock = threading.RLock()
        self._pool = ThreadPoolExecutor(max_workers=max(1, workers), thread_name_prefix="tokki-scan")
        self._in_flight: set[str] = set()
        # Backpressure: a first scan of 100,000 files must not queue 100,000 tasks at once
        # (their memory is not given back to the OS afterwards).
        self._slots = threading.BoundedSemaphore(max(64, 32 * workers))
        self._again: dict[str, WatchRoot] = {}
        self._queued = 0
        self._idle = threading.Condition(self._lock)
        self._completion = CompletionWait(self._ready, quiet=quiet)
        self._reconcile_every = reconcile_every
        self._poll_every = poll_every
        self._settled_age = max(2.0, 4 * quiet)
        self._health_every = health_every
        self._ignore = tuple(str(p) for p in ignore)
        self._observer = Observer()
        self._poller: PollingObserver | None = None
        self._stop = threading.Event()
        self._reconcile_wanted: set[Path] = set()
        self._reconcile_event = threading.Event()
        self._threads: list[threading.Thread] = []
        self._spy = _OverflowSpy(self._on_overflow)
        self._last_overflow_note = -1e9
        self._reconciling = 0

    # ------------------------------------------------------------------ roots
    def add(self, root: WatchRoot, *, reconcile: bool = True) -> None:
        """Start watching ``root`` (and reconcile it, unless told not to)."""
        with self._lock:
            if root.path in self._roots:
                return
            state = _RootState(root, _identity(root.path))
            self._roots[root.path] = state
            state.present = state.identity is not None
            if state.present and not self._stop.is_set() and self._threads:
                self._schedule(state)
        if reconcile and state.present and self._threads:
            self.request_reconcile(root)

    def remove(self, path: Path) -> None:
        """Stop watching the root at ``path`` (pending work for it is dropped)."""
        with self._lock:
            state = self._roots.pop(path, None)
            if state is None:
                return
            self._unschedule(state)
        self._completion.forget_under(str(path) + os.sep)

    def roots(self) -> list[WatchRoot]:
        """The roots being watched (present or not)."""
        with self._lock:
            return [s.root for s in self._roots.values()]

    def missing(self) -> list[WatchRoot]:
        """Roots that are configured but not there now."""
        with self._lock:
            return [s.root for s in self._roots.values() if not s.present]

    def _schedule(self, state: _RootState) -> None:
        observer = self._observer
        if state.root.polling:
            if self._poller is None:
                # Network shares send no events: their folders are listed every few seconds.
                self._poller = PollingObserver(timeout=self._poll_every)
                self._poller.start()
            observer = self._poller
        try:
            state.watch = observer.schedule(_Events(self, state.root), str(state.root.path), recursive=True,
                                            event_filter=_WANTED_EVENTS)
        except OSError:
            log.warning("could not watch a root; it is reconciled periodically instead")
            state.watch = None

    def _unschedule(self, state: _RootState) -> None:
        if state.watch is None:
            return
        for observer in (self._observer, self._poller):
            if observer is None:
                continue
            try:
                observer.unschedule(state.watch)  # type: ignore[arg-type]
            except (KeyError, ValueError, OSError):
                continue
        state.watch = None

    # ------------------------------------------------------------------ hints and work
    def hint(self, root: WatchRoot, path: str, *, writing: bool | None) -> None:
        """A path may have changed (from an event or from reconciliation)."""
        if self._ignored(path):
            return
        self._completion.hint(root, path, writing=writing)

    def _ignored(self, path: str) -> bool:
        """Writers' temporaries, and the product's own files (a ledger inside Documents)."""
        return is_temporary(os.path.basename(path)) or bool(self._ignore and path.startswith(self._ignore))

    def _ready(self, root: object, path: str) -> None:
        assert isinstance(root, WatchRoot)
        with self._lock:
            if self._stop.is_set():
                return  # found again by the next start's reconciliation
            if path in self._in_flight:
                # Changed again while being scanned: scan once more after this one.
                self._again[path] = root
                return
            self._in_flight.add(path)
            self._queued += 1
        while not self._slots.acquire(timeout=0.5):
            if self._stop.is_set():
                with self._lock:
                    self._in_flight.discard(path)
                    self._queued -= 1
                return
        try:
            self._pool.submit(self._work, root, path)
        except RuntimeError:  # the pool was shut down while we waited
            self._slots.release()
            with self._lock:
                self._in_flight.discard(path)
                self._queued -= 1

    def _work(self, root: WatchRoot, path: str) -> None:
        again_now = False
        try:
            try:
                st = os.stat(path)
            except OSError:
                return
            if not statmod.S_ISREG(st.st_mode):
                return
            key = root.key_for(path)
            if self.index.unchanged(key, st.st_size, st.st_mtime_ns):
                return
            try:
                verdict = self._scan(root, Path(path), st)
            except Exception as exc:  # noqa: BLE001 - one bad file must not stop the monitor
                # No path in the log: file names can name people.
                log_bug(log, "scanning a file in a watched place failed", exc)
                return
            try:
                after = os.stat(path)
            except OSError:
                # Gone while being read (a medium pulled out, say): the verdict may be of
                # nothing. Not indexed, so it is scanned when it is back.
                return
            if (after.st_size, after.st_mtime_ns) != (st.st_size, st.st_mtime_ns):
                again_now = True  # changed while being read: scan the final contents too
            elif verdict:
                self.index.put(key, st.st_size, st.st_mtime_ns, verdict)
        finally:
            self._slots.release()
            with self._lock:
                self._in_flight.discard(path)
                self._queued -= 1
                again = self._again.pop(path, None)
                if again is None and again_now:
                    again = root
                self._idle.notify_all()
            if again is not None:
                self.hint(again, path, writing=None)

    def busy(self) -> int:
        """Files waiting for completion, queued or being scanned."""
        with self._lock:
            return self._queued + self._completion.pending_count() + self._reconciling

    def wait_idle(self, timeout: float) -> bool:
        """Wait until nothing is pending (tests and benchmarks); False on timeout."""
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            if self.busy() == 0 and not self._reconcile_wanted:
                return True
            time.sleep(0.05)
        return False

    # ------------------------------------------------------------------ reconciliation
    def request_reconcile(self, root: WatchRoot | None = None) -> None:
        """Reconcile one root (or all) soon, in the background."""
        with self._lock:
            targets = [root.path] if root is not None else list(self._roots)
            self._reconcile_wanted.update(targets)
        self._reconcile_event.set()

    def _on_overflow(self) -> None:
        now = time.monotonic()
        if now - self._last_overflow_note > 10.0:
            # Once per storm, not once per overflow: a burst can overflow hundreds of times.
            self._last_overflow_note = now
            log.warning("file events were dropped by the OS; reconciling all watched places")
            self._cb.overflow()
        self.request_reconcile()

    def reconcile(self, root: WatchRoot) -> int:
        """Walk ``root``, hint every file not in the index as scanned; forget vanished ones.

        Returns the number of files hinted.
        """
        seen: set[str] = set()
        hinted = 0
        prefix = root.key_prefix
        # Only entries indexed before the walk may be forgotten: a file created and scanned
        # while the walk ran is not in ``seen`` but is not gone either.
        before = set(self.index.keys_with_prefix(prefix))
        for path, st in walk_files(root.path):
            if self._stop.is_set():
                return hinted
            if self._ignored(path):
                continue
            key = root.key_for(path)
            seen.add(key)
            if not self.index.unchanged(key, st.st_size, st.st_mtime_ns):
                if time.time() - st.st_mtime > self._settled_age:
                    # Untouched for a while: complete already, skip the completion wait
                    # (a full first scan would otherwise hold every file pending at once).
                    self._ready(root, path)
                else:
                    self.hint(root, path, writing=None)
                hinted += 1
        with self._lock:
            still_watched = root.path in self._roots and self._roots[root.path].present
        if still_watched and _identity(root.path) is not None:
            # Only forget files when the root is really there (not pulled out mid-walk).
            for key in before - seen:
                if not os.path.lexists(os.path.join(root.path, key[len(prefix):])):
                    self.index.drop(key)
        return hinted

    # ------------------------------------------------------------------ health
    def check_health(self) -> None:
        """Notice roots that vanished or were replaced, and roots that came back."""
        with self._lock:
            states = list(self._roots.values())
        for state in states:
            ident = _identity(state.root.path)
            if state.present and ident != state.identity:
                with self._lock:
                    state.present = False
                    self._unschedule(state)
                self._completion.forget_under(str(state.root.path) + os.sep)
                self._cb.root_missing(state.root)
            if not state.present and ident is not None:
                with self._lock:
                    state.identity = ident
                    state.present = True
                    self._schedule(state)
                self._cb.root_back(state.root)
                self.request_reconcile(state.root)

    # ------------------------------------------------------------------ threads
    def start(self) -> None:
        """Start observers, the completion wait, reconciliation and the health check."""
        spied = logging.getLogger("watchdog.observers")
        spied.addHandler(self._spy)
        if spied.getEffectiveLevel() > logging.WARNING:
            # The overflow notice is a WARNING; it must reach the spy whatever the app's level.
            spied.setLevel(logging.WARNING)
        self._stop.clear()
        self._completion.start()
        self._observer.start()
        with self._lock:
            for state in self._roots.values():
                if state.present:
                    self._schedule(state)
        self._threads = [
            threading.Thread(target=self._reconcile_loop, name="tokki-reconcile", daemon=True),
            threading.Thread(target=self._health_loop, name="tokki-health", daemon=True),
        ]
        for t in self._threads:
            t.start()
        self.request_reconcile()

    def _reconcile_loop(self) -> None:
        next_full = time.monotonic() + self._reconcile_every
        while not self._stop.is_set():
            self._reconcile_event.wait(timeout=max(0.0, min(1.0, next_full - time.monotonic())))
            if self._stop.is_set():
                return
            if time.monotonic() >= next_full:
                self.request_reconcile()
                next_full = time.monotonic() + self._reconcile_every
            self._reconcile_event.clear()
            with self._lock:
                wanted = [self._roots[p] for p in self._reconcile_wanted if p in self._roots]
                self._reconciling = len(wanted)
                self._reconcile_wanted.clear()
            for state in wanted:
                if state.present:
                    try:
                        self.reconcile(state.root)
                    except OSError:
                        log.warning("reconciling a watched place was interrupted")
                with self._lock:
                    self._reconciling -= 1
            self.index.flush()

    def _health_loop(self) -> None:
        while not self._stop.wait(self._health_every):
            try:
                self.check_health()
            except Exception as exc:  # noqa: BLE001 - the health check must keep running
                log_bug(log, "health check failed", exc)

    def stop(self) -> None:
        """Stop everything; files not yet scanned are found again by the next reconcile."""
        self._stop.set()
        self._reconcile_event.set()
        logging.getLogger("watchdog.observers").removeHandler(self._spy)
        for observer in (self._observer, self._poller):
            if observer is not None and observer.is_alive():
                observer.stop()
                observer.join(timeout=5)
        self._completion.stop()
        for t in self._threads:
            t.join(timeout=10)
        self._threads = []
        self._pool.shutdown(wait=True, cancel_futures=True)
        self.index.flush()


def _identity(path: Path) -> tuple[int, int] | None:
    """(device, inode) of a folder, or None when it is not there (or not a folder)."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    if not statmod.S_ISDIR(st.st_mode):
        return None
    return (st.st_dev, st.st_ino)


def walk_files(top: Path) -> Iterator[tuple[str, os.stat_result]]:
    """Every regular file below ``top`` with its stat; unreadable folders are skipped.

    Symbolic links are not followed, so a link cannot make the walk leave the root.
    """
    stack = [str(top)]
    while stack:
        folder = stack.pop()
        try:
            with os.scandir(folder) as it:
                entries = list(it)
        except OSError:
            continue
        for entry in entries:
            try:
                if entry.is_dir(follow_symlinks=False):
                    stack.append(entry.path)
                elif entry.is_file(follow_symlinks=False):
                    if is_temporary(entry.name):
                        continue
                    yield entry.path, entry.stat(follow_symlinks=False)
            except OSError:
                continue

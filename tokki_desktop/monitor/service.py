"""The monitor: watched folders and removable media in, detections in the ledger out.

Threads: watchdog observers and the completion wait (:mod:`.folders`), a scan pool, the
media poller, the spool importer, a heartbeat and a refresh loop (configuration, officer
stop requests). Every record goes through the encrypted spool before the ledger, so a
busy ledger or a kill loses nothing.
"""

from __future__ import annotations

import datetime as dt
import getpass
import logging
import os
import socket
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlcipher3

from tokki_desktop.errors import KnownError
from tokki_desktop.monitor import copies, records, runs, settings
from tokki_desktop.monitor import events as ev
from tokki_desktop.monitor.events import MonitorEvent, MonitorState, Subscribers
from tokki_desktop.monitor.file_index import EncryptedIndexStore, FileIndex
from tokki_desktop.monitor.folders import FolderWatcher, WatcherCallbacks, WatchRoot
from tokki_desktop.monitor.logsafe import log_bug
from tokki_desktop.monitor.media import MediaSource, Medium, system_media_source
from tokki_desktop.monitor.media_watch import MediaWatcher
from tokki_desktop.monitor.policy import MediumRecord, decide
from tokki_desktop.monitor.quarantine import QuarantineVault
from tokki_desktop.monitor.record_data import detection_data, media_event_data
from tokki_desktop.monitor.resolutions import (
    auto_quarantine_copy,
    hash_key,
    remove_quarantined_original,
    wants_auto_quarantine,
)
from tokki_desktop.monitor.scanning import FileVerdict, scan
from tokki_desktop.monitor.single import MonitorLock
from tokki_desktop.monitor.spool import Spool

log = logging.getLogger(__name__)

Scanner = Callable[[Path], FileVerdict]


@dataclass
class MonitorOptions:
    """Timings and sizes (tests and benchmarks shorten them)."""

    quiet: float = 0.5
    workers: int = 2
    # The safety net for events the OS dropped without saying so; an overflow it reports
    # triggers a reconciliation at once. 100,000 files cost about 1.3 s of CPU per round.
    reconcile_every: float = 600.0
    heartbeat: float = runs.HEARTBEAT_SECONDS
    import_every: float = 1.0
    refresh_every: float = 10.0
    media_interval: float = 0.5
    health_every: float = 1.0
    busy_wait: float = 0.25  # how long one import waits for a ledger another process holds
    inventory: bool = True  # run the scheduled inventory of the watched folders when due


@dataclass
class _MediumState:
    medium: Medium
    record: MediumRecord | None
    root: WatchRoot
    total: int = 0
    done: int = 0
    finished: bool = False


def spool_for(session: Any) -> Spool:
    """The spool beside this ledger."""
    return Spool(Path(session.data_dir) / "monitor-spool", session.subkey("spool"))


def import_pending(session: Any) -> records.ImportReport:
    """Bring what a monitor spooled (while the ledger was busy, or before a crash) into the
    ledger now; any unlocked session may call it (the GUI at unlock, the CLI before lists).
    Allowed copies among them are written into the take-out register too (as the monitor)."""
    report = records.import_spool(session.ledger, spool_for(session))
    _record_copies(session.ledger, session.clock)
    return report


def _record_copies(ledger: Any, clock: Any) -> bool:
    """Write allowed copies into the take-out register; True when that is done.

    A busy ledger (``OperationalError``) is left to the caller, which retries. Any other
    failure is a bug: logged without personal data and retried at the next import, but it
    never stops an import (the detections are in) nor the monitor from starting.
    """
    try:
        copies.record_copies(ledger, clock)
    except sqlcipher3.OperationalError:
        raise
    except Exception as exc:  # noqa: BLE001 - see the docstring
        log_bug(log, "recording allowed copies in the take-out register failed", exc)
        return False
    return True


class Monitor:
    """Watches the configured folders and every removable medium; records detections.

    Constructing one claims the ledger's monitor lock (:class:`~.single.MonitorAlreadyRunning`
    when another monitor has it); :meth:`stop` releases it.
    """

    def __init__(self, session: Any, *, media: MediaSource | None = None, scanner: Scanner | None = None,
                 options: MonitorOptions | None = None) -> None:
        self.session = session
        self.ledger = session.ledger
        self.clock = session.clock
        if getattr(session, "read_only", False):
            from tokki_desktop.errors import LedgerReadOnly

            # A damaged page: the monitor's records could not be written until a restore.
            raise LedgerReadOnly()
        self.options = options or MonitorOptions()
        self._fingerprints: Any = None
        self._fingerprints_seen: tuple[Any, ...] | None = None
        self._limits = settings.scan_limits(self.ledger)  # the site's scanner settings, re-read on refresh
        self._scanner: Scanner = scanner or (lambda p: scan(p, fingerprints=self._fingerprints, limits=self._limits))
        self.subscribers = Subscribers()
        # First of all: one monitor per ledger. A second one must not even tidy the spool
        # (it would remove the first one's record being written).
        self._lock_file = MonitorLock(Path(session.data_dir))
        self._lock_file.acquire()
        self.spool = spool_for(session)
        self.spool.clean_temporaries()
        data_dir = Path(session.data_dir)
        self._hash_key = hash_key(session)
        self._dedupe_key = session.subkey("monitor-dedupe")
        self.vault = QuarantineVault(data_dir / "quarantine", session.subkey("quarantine"))
        self.index = FileIndex(EncryptedIndexStore(data_dir / "monitor-index.db", session.subkey("monitor-index")))
        self.watcher = FolderWatcher(
            self._scan_file, self.index,
            callbacks=WatcherCallbacks(root_missing=self._root_missing, root_back=self._root_back,
                                       overflow=self._overflow),
            workers=self.options.workers, quiet=self.options.quiet,
            reconcile_every=self.options.reconcile_every, health_every=self.options.health_every,
            # The product's own folder (ledger, spool, quarantine) is never scanned, in
            # either spelling of its path (through a symbolic link or not).
            ignore=tuple({str(data_dir.resolve()) + os.sep, os.path.abspath(data_dir) + os.sep}),
        )
        self.media = MediaWatcher(media or system_media_source(), self._medium_arrived, self._medium_removed,
                                  interval=self.options.media_interval)
        self._media: dict[str, _MediumState] = {}
        self._lock = threading.RLock()
        self._auto_quarantine = False
        self._stop = threading.Event()
        self._stopped = threading.Event()
        self._inventory_running = threading.Event()
        self._import_wake = threading.Event()
        self._threads: list[threading.Thread] = []
        self.run_uid = ""
        self._stop_seen: tuple[dt.datetime, str] | None = None
        self.stopped_by_officer: str | None = None
        self._os_user = _os_user()
        self._open = 0
        self._copies_pending = True  # reconcile allowed copies with the register at the first import

    # ------------------------------------------------------------------ observer API
    def subscribe(self, on_event: ev.EventCallback | None = None,
                  on_state: ev.StateCallback | None = None) -> Callable[[], None]:
        """Register callbacks for events and state changes; returns the unsubscribe function."""
        return self.subscribers.subscribe(on_event, on_state)

    def state(self) -> MonitorState:
        """The monitor's state now."""
        if self._stop.is_set() or not self._threads:
            return MonitorState(ev.STOPPED)
        with self._lock:
            scanning = [m for m in self._media.values() if not m.finished and m.total]
            progress = None
            if scanning:
                total = sum(m.total for m in scanning)
                progress = min(1.0, sum(m.done for m in scanning) / total) if total else None
        busy = self.watcher.busy()
        missing = tuple(r.place for r in self.watcher.missing())
        if scanning or busy:
            phase = ev.SCANNING
        elif self._open:
            phase = ev.DETECTION_WAITING
        else:
            phase = ev.WATCHING
        return MonitorState(phase, progress, busy, self._open, missing)

    def _publish_state(self) -> None:
        self.subscribers.state(self.state())

    def _tell(self, kind: str, ja: str, en: str, **kw: Any) -> None:
        self.subscribers.event(MonitorEvent(kind, ja, en, **kw))

    # ------------------------------------------------------------------ lifecycle
    def start(self) -> None:
        """Record the start (and any gap before it), then start watching."""
        try:
            self._start()
        except BaseException:
            # Nothing half-started stays behind (threads, observers, the lock).
            self._stop.set()
            self.media.stop()
            self.watcher.stop()
            self.index.close()
            self._lock_file.release()
            self._stopped.set()
            raise

    def _start(self) -> None:
        now = self.clock.now()
        boot = runs.boot_time()
        self._import_if_free()  # a previous run's spool first: its stop or heartbeats may be there
        prev = self.ledger.read_one("SELECT * FROM monitor_runs ORDER BY id DESC LIMIT 1")
        for gap in runs.gaps_at_start(dict(prev) if prev is not None else None, boot, now):
            self.spool.append("gap", {"gap_from": gap.start.isoformat(), "gap_to": gap.end.isoformat(),
                                      "reason": gap.reason})
        self.run_uid = self.spool.append("run_start", {
            "host": socket.gethostname(), "os_user": self._os_user, "pid": os.getpid(),
            "started_at": now.isoformat(), "boot_at": boot.isoformat()})
        self._stop_seen = settings.stop_request(self.ledger)
        self._refresh()
        self._import_if_free()
        self._stop.clear()
        self.watcher.start()
        self.media.start()
        for target, name in ((self._import_loop, "tokki-import"), (self._heartbeat_loop, "tokki-heartbeat"),
                             (self._refresh_loop, "tokki-refresh"), (self._site_loop, "tokki-site-intake")):
            t = threading.Thread(target=target, name=name, daemon=True)
            t.start()
            self._threads.append(t)
        self._publish_state()

    def stop(self, *, kind: str = "shutdown", by: str | None = None) -> None:
        """Stop watching and record the stop ("officer" when an officer asked for it)."""
        if self._stop.is_set():
            self._stopped.wait(30)  # another thread is stopping it: wait for that to finish
            return
        self._stop.set()
        self._import_wake.set()
        self.media.stop()
        self.watcher.stop()
        for t in self._threads:
            t.join(timeout=10)
        self._threads = []
        self.spool.append("run_stop", {"run_uid": self.run_uid, "at": self.clock.now().isoformat(),
                                       "stop_kind": kind, "stopped_by": by})
        try:
            self.import_now()
        except sqlcipher3.OperationalError:
            log.warning("ledger busy at stop; the spool keeps the records for the next start")
        self.index.close()
        self._lock_file.release()
        self._stopped.set()
        self.subscribers.state(MonitorState(ev.STOPPED))

    def wait_stopped(self, timeout: float | None = None) -> bool:
        """Block until stopped (by :meth:`stop` or an officer's request)."""
        return self._stopped.wait(timeout)

    def wait_idle(self, timeout: float) -> bool:
        """Wait until nothing is pending and the spool is imported (tests, benchmarks)."""
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            with self._lock:
                media_busy = any(not m.finished for m in self._media.values())
            if not media_busy and self.watcher.busy() == 0 and self.spool.pending() == 0:
                return True
            time.sleep(0.05)
        return False

    # ------------------------------------------------------------------ loops
    def import_now(self) -> records.ImportReport:
        """Import the spool into the ledger now (OperationalError when the ledger stays busy)."""
        with self.ledger.lock:
            # Wait briefly for a busy ledger, not the connection's 30 s: while this waits it
            # holds the ledger lock, and the scan workers need that lock to read approvals.
            # The records are safe in the spool; the next round retries.
            self.ledger.conn.execute(f"PRAGMA busy_timeout = {int(self.options.busy_wait * 1000)}")
            try:
                report = records.import_spool(self.ledger, self.spool)
                if report.imported or self._copies_pending:
                    # Allowed copies go into the take-out register (台帳) as well. Pending
                    # until it succeeds once after each import (and at start, for a copy
                    # whose row a crash kept from being written).
                    self._copies_pending = True  # stays so if the ledger turns busy now
                    self._copies_pending = not _record_copies(self.ledger, self.clock)
            finally:
                self.ledger.conn.execute("PRAGMA busy_timeout = 30000")
        row = self.ledger.read_one("SELECT count(*) FROM monitor_detections WHERE status = 'open'")
        self._open = int(row[0]) if row is not None else 0
        return report

    def _import_if_free(self) -> None:
        """Import now unless another process holds the ledger: then the spool keeps the
        records and the import loop brings them in shortly. Starting never waits for it."""
        try:
            self.import_now()
        except sqlcipher3.OperationalError:
            log.warning("the ledger is busy; monitor records wait in the encrypted spool")

    def _import_loop(self) -> None:
        while not self._stop.is_set():
            woken = self._import_wake.wait(self.options.import_every)
            self._import_wake.clear()
            if not woken and self.spool.pending() == 0:
                self._publish_state()  # idle: nothing to import, no query on the ledger
                continue
            try:
                self.import_now()
            except sqlcipher3.OperationalError:
                continue  # the ledger is busy: the records wait in the spool
            except Exception as exc:  # noqa: BLE001 - keep importing; the spool keeps the records
                log_bug(log, "importing the monitor spool failed", exc)
            self._publish_state()

    def _site_loop(self) -> None:
        """Take the work site's drop folders in (bundles of enrolled terminals), if any."""
        from tokki_desktop.site.intake import SiteIntake

        intake = SiteIntake(self.session)
        while not self._stop.wait(self.options.import_every):
            try:
                report = intake.take_in()
            except sqlcipher3.OperationalError:
                continue  # the ledger is busy: the bundles wait in the drop folder
            except KnownError as exc:  # a full disk, say: the bundles wait in the drop folder
                log.warning("taking the drop folders in waits: %s", exc.message("en"))
                continue
            except Exception as exc:  # noqa: BLE001 - keep watching; the bundles stay where they are
                log_bug(log, "taking the work site's drop folders in failed", exc)
                continue
            for refusal in report.refused:
                self._tell(ev.BUNDLE_REFUSED, refusal.message("ja"), refusal.message("en"))
            for det_id in report.detection_ids:
                det = records.detection(self.ledger, det_id)
                if det["status"] == "open":
                    # The alert of a terminal's detection, as for one made here (no file name:
                    # the file is on the terminal).
                    self._tell(ev.DETECTION,
                               f"端末からの検知：{det['place']}（{det['rule']}、第{det['article']}条）。",
                               f"Detection from a terminal: {det['place']} ({det['rule']}, Art. {det['article']}).",
                               place=str(det["place"]), rule=str(det["rule"]), record_uid=str(det["record_uid"]),
                               details={"verdict": det["verdict"], "findings": dict(det["findings"])})
            if report.records:
                row = self.ledger.read_one("SELECT count(*) FROM monitor_detections WHERE status = 'open'")
                self._open = int(row[0]) if row is not None else 0
                self._publish_state()

    def _heartbeat_loop(self) -> None:
        while not self._stop.wait(self.options.heartbeat):
            self.spool.append("heartbeat", {"run_uid": self.run_uid, "at": self.clock.now().isoformat()})
            self._import_wake.set()

    def _refresh(self) -> None:
        """Re-read configuration: folders, approvals, automatic quarantine, stop requests."""
        self._refresh_fingerprints()
        self._auto_quarantine = settings.auto_quarantine(self.ledger)
        self._limits = settings.scan_limits(self.ledger)
        wanted = {Path(r["path"]): r for r in settings.watched_folders(self.ledger)}
        current = {r.path for r in self.watcher.roots() if r.medium is None}
        for path in current - set(wanted):
            self.watcher.remove(path)
        for path in set(wanted) - current:
            row = wanted[path]
            self.watcher.add(WatchRoot(path, str(row["place"]), polling=bool(row["polling"])))
        with self._lock:
            media_states = list(self._media.values())
        for state in media_states:
            # An officer may register the medium while it is plugged in.
            state.record = records.find_medium(self.ledger, state.medium.volume_id, state.medium.device_serial)
        request = settings.stop_request(self.ledger)
        if request is not None and request != self._stop_seen:
            self.stopped_by_officer = request[1]
            threading.Thread(target=self.stop, kwargs={"kind": "officer", "by": request[1]},
                             name="tokki-stop", daemon=True).start()

    def _refresh_fingerprints(self) -> None:
        """Reload the registered datasets' fingerprints when they changed (Art. 16 data)."""
        try:
            row = self.ledger.read_one(
                "SELECT count(*), max(id), max(updated_at) FROM fingerprint_datasets WHERE closed_at IS NULL")
        except sqlcipher3.OperationalError:
            return  # no fingerprint tables in this build
        seen = tuple(row) if row is not None else None
        if seen == self._fingerprints_seen:
            return
        from tokki_desktop.scanner.ledger_fingerprints import LedgerFingerprintStore

        matcher = LedgerFingerprintStore(self.session).matcher()
        self._fingerprints = matcher if matcher else None
        self._fingerprints_seen = seen

    def _maybe_inventory(self) -> None:
        """Start the scheduled inventory of the watched folders when it is due (weekly)."""
        from tokki_desktop.monitor import inventory

        if not self.options.inventory or self._inventory_running.is_set():
            return
        if not inventory.due(self.ledger, self.clock.now()):
            return
        self._inventory_running.set()

        def work() -> None:
            try:
                folders = [r.path for r in self.watcher.roots() if r.medium is None]
                result = inventory.run("roots", "監視フォルダ / watched folders", folders, self._scanner,
                                       self.clock.now, still_there=lambda: not self._stop.is_set())
                d = result.as_dict()
                self.spool.append("inventory", {k: d[k] for k in (
                    "kind", "target", "media_id", "started_at", "finished_at", "files", "personal_data",
                    "encrypted", "unreadable")} | {"complete": 1 if result.complete else 0})
                self._import_wake.set()
            finally:
                self._inventory_running.clear()

        threading.Thread(target=work, name="tokki-inventory", daemon=True).start()

    def _refresh_loop(self) -> None:
        while not self._stop.wait(self.options.refresh_every):
            try:
                self._refresh()
                self._maybe_inventory()
            except sqlcipher3.OperationalError:
                continue
            except Exception as exc:  # noqa: BLE001
                log_bug(log, "refreshing the monitor's configuration failed", exc)
            self._publish_state()

    # ------------------------------------------------------------------ folders
    def _root_missing(self, root: WatchRoot) -> None:
        if root.medium is not None:
            return  # a medium's removal is reported by the media watcher
        self._tell(ev.PLACE_MISSING, f"監視フォルダ「{root.place}」が見つかりません（削除または名前の変更）。",
                   f"The watched folder '{root.place}' is gone (deleted or renamed).", place=root.place)
        self._publish_state()

    def _root_back(self, root: WatchRoot) -> None:
        if root.medium is not None:
            return
        self._tell(ev.PLACE_BACK, f"監視フォルダ「{root.place}」の監視を再開しました。",
                   f"Watching '{root.place}' again.", place=root.place)

    def _overflow(self) -> None:
        self._tell(ev.EVENTS_DROPPED, "ファイルの変更通知があふれたため、監視対象を照合し直しています。",
                   "The OS dropped file events; the watched places are being rechecked.")

    # ------------------------------------------------------------------ the decision
    def _scan_file(self, root: WatchRoot, path: Path, st: os.stat_result) -> str:
        medium_state = None
        if root.medium is not None:
            with self._lock:
                medium_state = self._media.get(root.medium.volume_id)
        try:
            verdict = self._scanner(path)
            if verdict.matters:
                self._judge(root, path, st, verdict, medium_state)
        finally:
            if medium_state is not None:
                self._count_medium_file(medium_state)
        return verdict.verdict

    def _judge(self, root: WatchRoot, path: Path, st: os.stat_result, verdict: FileVerdict,
               medium_state: _MediumState | None) -> None:
        now = self.clock.now()
        # Read the registers fresh: an approval or registration made a moment ago counts.
        # (Only files that matter get here, so these two small queries are rare.)
        record = None
        if root.medium is not None:
            record = records.find_medium(self.ledger, root.medium.volume_id, root.medium.device_serial)
            if medium_state is not None:
                medium_state.record = record
        decision = decide(verdict, path=str(path), on_medium=root.medium is not None, medium=record,
                          approvals=records.approvals_in_ledger(self.ledger), today=now.date())
        if decision is None:
            return
        data = detection_data(root=root, path=path, st=st, verdict=verdict, decision=decision, record=record,
                              now=now, hash_key=self._hash_key, dedupe_key=self._dedupe_key,
                              os_user=self._os_user)
        stored_original: Path | None = None
        if wants_auto_quarantine(self._auto_quarantine, decision.rule, verdict.verdict):
            stored_original = self._auto_quarantine_copy(path, data)
        uid = self.spool.append("detection", data)
        self._import_wake.set()
        # Removed only now: the encrypted copy is verified and its record is on disk.
        quarantined = stored_original is not None and remove_quarantined_original(stored_original)
        if decision.status != "open":
            return
        name = path.name
        if quarantined:
            self._tell(ev.QUARANTINED,
                       f"未登録の媒体に複写された個人情報を隔離しました（{root.place}）。媒体は登録と承諾が必要です。",
                       f"Personal data copied to an unregistered medium was moved to quarantine ({root.place}); "
                       "media must be registered and consented first.",
                       place=root.place, record_uid=uid, rule=decision.rule, file_name=name)
        self._tell(ev.DETECTION, decision.message_ja, decision.message_en, place=root.place,
                   record_uid=uid, rule=decision.rule, file_name=name,
                   details={"verdict": verdict.verdict, "findings": dict(verdict.findings)})

    def _auto_quarantine_copy(self, path: Path, data: dict[str, Any]) -> Path | None:
        """Put a verified encrypted copy in quarantine; the caller removes the original."""
        stored = auto_quarantine_copy(self.vault, path, self._hash_key, data)
        return path if stored is not None else None

    # ------------------------------------------------------------------ media
    def _medium_arrived(self, medium: Medium) -> None:
        record = records.find_medium(self.ledger, medium.volume_id, medium.device_serial)
        place = f"媒体 {record.control_no}" if record is not None else f"未登録媒体 {medium.describe()}"
        root = WatchRoot(medium.mount_point, place, medium=medium)
        state = _MediumState(medium, record, root)
        with self._lock:
            self._media[medium.volume_id] = state
        if record is None:
            # The alert first: before any ledger write or scan.
            self._tell(ev.UNREGISTERED_MEDIUM,
                       f"登録されていない記録媒体（{medium.describe()}）が接続されました。個人情報を複写しないでください。",
                       f"An unregistered medium ({medium.describe()}) was plugged in. Do not copy personal data to it.",
                       place=place, details={"volume_id": medium.volume_id, "label": medium.label})
        else:
            self._tell(ev.MEDIUM_ARRIVED, f"{place} が接続されました。", f"{place} was plugged in.", place=place)
        self.spool.append("media_event", self._media_event(medium, record, "arrived"))
        self._import_wake.set()
        threading.Thread(target=self._scan_medium, args=(state,), name="tokki-medium", daemon=True).start()

    def _media_event(self, medium: Medium, record: MediumRecord | None, kind: str,
                     files: int | None = None) -> dict[str, Any]:
        return media_event_data(medium, record, kind, self.clock.now(), files)

    def _scan_medium(self, state: _MediumState) -> None:
        """Scan the whole medium (files not scanned before), then keep watching it."""
        from tokki_desktop.monitor.folders import walk_files

        todo = 0
        try:
            for path, st in walk_files(state.root.path):
                if self._stop.is_set() or not self.media.is_present(state.medium):
                    break
                if not self.index.unchanged(state.root.key_for(path), st.st_size, st.st_mtime_ns):
                    todo += 1
        except OSError:
            pass
        with self._lock:
            state.total = todo
            if todo == 0:
                state.finished = True
        # Events and the reconcile the watcher runs on add find the same files; the index dedupes.
        self.watcher.add(state.root)
        self._publish_state()
        if todo == 0:
            self._medium_done(state)

    def _count_medium_file(self, state: _MediumState) -> None:
        done = False
        with self._lock:
            state.done += 1
            if not state.finished and state.total and state.done >= state.total:
                state.finished = done = True
        if done:
            self._medium_done(state)

    def _medium_done(self, state: _MediumState) -> None:
        self.spool.append("media_event", self._media_event(state.medium, state.record, "scanned", state.total))
        self._import_wake.set()
        self._tell(ev.MEDIUM_SCANNED, f"{state.root.place} の検査が終わりました（{state.total} 件）。",
                   f"Finished checking {state.root.place} ({state.total} files).", place=state.root.place)

    def _medium_removed(self, medium: Medium) -> None:
        with self._lock:
            state = self._media.pop(medium.volume_id, None)
        self.watcher.remove(medium.mount_point)
        if state is None:
            return
        kind = "removed" if state.finished else "removed_mid_scan"
        self.spool.append("media_event", self._media_event(medium, state.record, kind, state.done))
        self._import_wake.set()
        if state.finished:
            ja, en = f"{state.root.place} が取り外されました。", f"{state.root.place} was removed."
        else:
            ja = f"{state.root.place} が検査の途中で取り外されました。再接続すると続きから検査します。"
            en = f"{state.root.place} was removed during its check; it resumes when plugged in again."
        self._tell(ev.MEDIUM_REMOVED, ja, en, place=state.root.place,
                   details={"scanned": state.done, "total": state.total})
        self._publish_state()


def _os_user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no login name in some service contexts
        return ""

"""The terminal agent: watches like the monitor, with no ledger, and delivers bundles.

The agent uses the monitor's own parts: the folder watcher and its completion wait, the
media watcher, the scanner's door (:func:`~tokki_desktop.monitor.scanning.scan`), the
policy's :func:`~tokki_desktop.monitor.policy.decide`, the encrypted spool and the
detection record's data. What differs is where the policy comes from (the site's sealed
policy instead of the registers) and where records go (sealed bundles in the drop folder
instead of the ledger).

Delivery, in order, each step durable before the next:
1. spool records are sealed into the next bundle in ``outbox/`` (the commit point: its
   sequence number and chain hash are taken),
2. ``state.json`` notes that number and hash, the records leave the spool,
3. the bundle is copied into the drop folder (temporary, fsync, rename) and leaves the outbox.
A kill at any point loses nothing: at start the outbox is read back (its records are taken
out of the spool if still there) and delivered. A missing, read-only or full drop folder
keeps the bundle in the outbox and the records in the spool until it works again.
"""

from __future__ import annotations

import base64
import contextlib
import dataclasses
import errno
import json
import logging
import os
import socket
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tokki_desktop.clock import Clock, SystemClock
from tokki_desktop.errors import KnownError
from tokki_desktop.monitor import events as ev
from tokki_desktop.monitor.events import MonitorEvent, Subscribers
from tokki_desktop.monitor.file_index import EncryptedIndexStore, FileIndex
from tokki_desktop.monitor.folders import FolderWatcher, WatchRoot
from tokki_desktop.monitor.logsafe import log_bug
from tokki_desktop.monitor.media import MediaSource, Medium, system_media_source
from tokki_desktop.monitor.media_watch import MediaWatcher
from tokki_desktop.monitor.policy import decide
from tokki_desktop.monitor.quarantine import QuarantineVault
from tokki_desktop.monitor.record_data import detection_data, media_event_data
from tokki_desktop.monitor.resolutions import (
    auto_quarantine_copy,
    remove_quarantined_original,
    wants_auto_quarantine,
)
from tokki_desktop.monitor.scanning import FileVerdict, scan
from tokki_desktop.monitor.spool import Spool
from tokki_desktop.site import agent_status, bundle, errors
from tokki_desktop.site.carry_out import Outcome, ResolutionWorker
from tokki_desktop.site.enrol import open_enrolment
from tokki_desktop.site.file_names import mask_path
from tokki_desktop.site.policy import TerminalPolicy
from tokki_desktop.site.sealing import Unsealable, private_dir, subkey, write_durably
from tokki_desktop.site.terminal_store import FileLocation, TerminalStore
from tokki_desktop.vault.terminal import SERVICE, SecretStore, system_store

log = logging.getLogger(__name__)

Scanner = Callable[[Path], FileVerdict]
IDENTITY = "agent.json"
KEY_FILE = "terminal.key"
POLICY_FILE = "policy.tkp"
STATE_FILE = "state.json"
BATCH = 500


def _account(terminal_uid: str) -> str:
    return f"site-agent:{terminal_uid}"


def join(agent_dir: Path, enrolment_file: Path, code: str, *, store: SecretStore | None = None,
         use_keyring: bool = True) -> dict[str, Any]:
    """Join the site: open the enrolment file with the code, keep the key, the policy and
    the identity in ``agent_dir``. Returns the identity (no key in it)."""
    agent_dir = Path(agent_dir)
    ident_path = agent_dir / IDENTITY
    if ident_path.exists():
        raise errors.AlreadyJoined(json.loads(ident_path.read_text(encoding="utf-8")).get("name", "?"))
    try:
        blob = Path(enrolment_file).read_bytes()
    except OSError:
        raise errors.NotAnEnrolmentFile(Path(enrolment_file).name) from None
    content = open_enrolment(blob, code, Path(enrolment_file).name)
    key = base64.b64decode(content["key"])
    private_dir(agent_dir)
    if store is None and use_keyring:
        store, _status = system_store()
    key_in = "file"
    if store is not None:
        try:
            store.set_password(SERVICE, _account(content["terminal"]), base64.b64encode(key).decode())
            key_in = "keyring"
        except Exception as exc:  # noqa: BLE001 - a locked or broken keyring: fall back to the file
            log.warning("the keyring refused the terminal key (%s); it goes into a 0600 key file",
                        type(exc).__name__)
    if key_in == "file":
        write_durably(agent_dir / KEY_FILE, base64.b64encode(key), mode=0o600)
    policy = content["policy"]
    write_durably(agent_dir / POLICY_FILE, bundle.make_policy(
        subkey(key, "policy"), site=content["site"], terminal=content["terminal"],
        version=int(policy.get("version") or 1), policy=policy))
    identity = {"site": content["site"], "terminal": content["terminal"], "name": content["name"],
                "drop": content["drop"], "key_in": key_in,
                "key_file": KEY_FILE if key_in == "file" else None}
    # Last: the identity marks the join as done (a failure before it leaves nothing usable).
    write_durably(ident_path, json.dumps(identity, ensure_ascii=False, indent=1).encode(), mode=0o600)
    return identity


def load_identity(agent_dir: Path) -> dict[str, Any]:
    """The identity this agent folder joined with (:class:`NotJoined` when none)."""
    try:
        return json.loads((Path(agent_dir) / IDENTITY).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise errors.NotJoined() from None
    except ValueError:
        raise errors.NotJoined() from None


def load_key(agent_dir: Path, identity: dict[str, Any], store: SecretStore | None = None) -> bytes:
    """The terminal key, from the keyring or the key file (:class:`TerminalKeyMissing`)."""
    if identity.get("key_in") == "keyring":
        if store is None:
            store, _status = system_store()
        value = None
        if store is not None:
            with contextlib.suppress(Exception):
                value = store.get_password(SERVICE, _account(identity["terminal"]))
        if not value:
            raise errors.TerminalKeyMissing()
        return base64.b64decode(value)
    try:
        return base64.b64decode((Path(agent_dir) / (identity.get("key_file") or KEY_FILE)).read_bytes())
    except (OSError, ValueError):
        raise errors.TerminalKeyMissing() from None


@dataclass
class AgentOptions:
    """Timings (tests and benchmarks shorten them)."""

    quiet: float = 0.5
    workers: int = 2
    reconcile_every: float = 600.0
    heartbeat: float | None = None  # None: the site policy's heartbeat
    deliver_every: float = 1.0
    media_interval: float = 0.5
    health_every: float = 1.0
    inventory: bool = True  # run the scheduled inventory of the watched folders when due
    inventory_check_every: float = 60.0


@dataclass
class DeliveryStatus:
    """Where delivery stands: bundles waiting in the outbox, and the last failure's words."""

    waiting: int
    problem_ja: str = ""
    problem_en: str = ""


class Agent:
    """A terminal's agent: watches, decides with the site policy, spools and delivers."""

    def __init__(self, agent_dir: Path, *, media: MediaSource | None = None, scanner: Scanner | None = None,
                 options: AgentOptions | None = None, clock: Clock | None = None,
                 store: SecretStore | None = None) -> None:
        self.dir = Path(agent_dir)
        self.identity = load_identity(self.dir)
        self.key = load_key(self.dir, self.identity, store)
        self.site = str(self.identity["site"])
        self.uid = str(self.identity["terminal"])
        self.name = str(self.identity["name"])
        self.drop = Path(self.identity["drop"])
        self.clock = clock or SystemClock()
        self.options = options or AgentOptions()
        self._bundle_key = subkey(self.key, "bundle")
        self._policy_key = subkey(self.key, "policy")
        self._hash_key = subkey(self.key, "content-hash")
        self._dedupe_key = subkey(self.key, "dedupe")
        self.store = TerminalStore(self.dir / "terminal.db", subkey(self.key, "terminal-db"))
        self.policy = self._read_policy(self.dir / POLICY_FILE)
        if self.policy is None:
            raise errors.NotJoined()
        self.spool = Spool(private_dir(self.dir / "spool"), subkey(self.key, "spool"))
        self.spool.clean_temporaries()
        self.outbox = private_dir(self.dir / "outbox")
        self._scanner: Scanner = scanner or (lambda p: scan(p, fingerprints=self.policy.fingerprints,
                                                            limits=self.policy.scan_limits()))
        self.index = FileIndex(EncryptedIndexStore(self.dir / "index.db", subkey(self.key, "index")))
        self.vault = QuarantineVault(self.dir / "quarantine", subkey(self.key, "quarantine"))
        ignore = {str(self.dir.resolve()) + os.sep, os.path.abspath(self.dir) + os.sep,
                  os.path.abspath(self.drop) + os.sep}
        self.watcher = FolderWatcher(self._scan_file, self.index, workers=self.options.workers,
                                     quiet=self.options.quiet, reconcile_every=self.options.reconcile_every,
                                     health_every=self.options.health_every, ignore=tuple(ignore))
        self._media_source = media or system_media_source()
        self.media = MediaWatcher(self._media_source, self._medium_arrived, self._medium_removed,
                                  interval=self.options.media_interval)
        self.worker = ResolutionWorker(self.store, self.vault, self._hash_key, self._media_source,
                                       lambda: self.clock.now().isoformat())
        self._inventory_running = threading.Event()
        self._inventory_checked = float("-inf")
        self._problem_noted: agent_status.DeliveryProblem | None = agent_status.read(self.dir)
        self._problem_written = float("-inf")
        self._media_roots: dict[str, WatchRoot] = {}
        # The person at the terminal is alerted as by the monitor (same events, same words).
        self.subscribers = Subscribers()
        self._lock = threading.RLock()
        self._deliver_lock = threading.Lock()
        self._stop = threading.Event()
        self._wake = threading.Event()
        self._threads: list[threading.Thread] = []
        self.run_uid = ""
        self.status = DeliveryStatus(0)
        self._os_user = _os_user()
        self._recover()

    # ------------------------------------------------------------------ policy
    def _read_policy(self, path: Path) -> TerminalPolicy | None:
        try:
            head, body = bundle.open_policy(self._policy_key, path.read_bytes())
        except (OSError, Unsealable, ValueError):
            return None
        if head.get("site") != self.site or head.get("terminal") != self.uid:
            return None
        body["version"] = int(head.get("version") or body.get("version") or 1)
        return self._with_real_paths(TerminalPolicy.from_dict(body))

    def _with_real_paths(self, policy: TerminalPolicy) -> TerminalPolicy:
        """An approval granted at the site names a file by its masked path (all the site
        has): the scope gets the full path too, so the monitor's decision recognises it."""
        store = getattr(self, "store", None)
        if store is None:
            return policy
        approvals = []
        for a in policy.approvals:
            real = [p for line in a.scope.splitlines() if line.strip() for p in store.real_paths(line.strip())]
            approvals.append(dataclasses.replace(a, scope="\n".join([a.scope, *real])) if real else a)
        policy.approvals = approvals
        return policy

    def pick_up_policy(self) -> bool:
        """Apply a newer policy update from the drop folder; True when one was applied."""
        update = self.drop / "policy" / f"{self.uid}{bundle.POLICY_SUFFIX}"
        new = self._read_policy(update)
        if new is None or new.version <= self.policy.version:
            return False
        write_durably(self.dir / POLICY_FILE, update.read_bytes())
        with self._lock:
            self.policy = new
        if self._threads:
            self._apply_watch()
        log.info("policy version %d applied", new.version)
        return True

    def _apply_watch(self) -> None:
        wanted = {Path(w["path"]): w for w in self.policy.watch}
        current = {r.path for r in self.watcher.roots() if r.medium is None}
        for path in current - set(wanted):
            self.watcher.remove(path)
        for path in set(wanted) - current:
            w = wanted[path]
            self.watcher.add(WatchRoot(path, str(w.get("place") or path.name), polling=bool(w.get("polling"))))

    # ------------------------------------------------------------------ lifecycle
    def start(self) -> None:
        """Record the start, then watch and deliver."""
        now = self.clock.now()
        self.run_uid = self.spool.append("run_start", {
            "host": socket.gethostname(), "os_user": self._os_user, "pid": os.getpid(),
            "started_at": now.isoformat(), "policy_version": self.policy.version})
        self._stop.clear()
        self.pick_up_policy()
        self._apply_watch()
        self.watcher.start()
        self.media.start()
        for target, name in ((self._deliver_loop, "tokki-agent-deliver"),
                             (self._heartbeat_loop, "tokki-agent-heartbeat")):
            t = threading.Thread(target=target, name=name, daemon=True)
            t.start()
            self._threads.append(t)

    def stop(self) -> None:
        """Stop watching, record the stop and try one last delivery."""
        if self._stop.is_set():
            return
        self._stop.set()
        self._wake.set()
        self.media.stop()
        self.watcher.stop()
        for t in self._threads:
            t.join(timeout=10)
        self._threads = []
        self.spool.append("run_stop", {"run_uid": self.run_uid, "at": self.clock.now().isoformat(),
                                       "stop_kind": "shutdown", "stopped_by": None})
        self.deliver_now()
        self.index.close()
        self.store.close()

    def wait_idle(self, timeout: float) -> bool:
        """Wait until nothing is being scanned and nothing waits for delivery."""
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            if self.watcher.busy() == 0 and self.spool.pending() == 0 and not self._outbox_files():
                return True
            time.sleep(0.05)
        return False

    def _heartbeat_loop(self) -> None:
        every = self.options.heartbeat or float(self.policy.heartbeat_seconds)
        while not self._stop.wait(every):
            self.spool.append("heartbeat", {"run_uid": self.run_uid, "at": self.clock.now().isoformat(),
                                            "policy_version": self.policy.version})
            self._wake.set()

    def _deliver_loop(self) -> None:
        while not self._stop.is_set():
            self._wake.wait(self.options.deliver_every)
            self._wake.clear()
            try:
                self.pick_up_policy()
                self.carry_out_requests()
                self._maybe_inventory()
                self.deliver_now()
            except KnownError as exc:  # shown on the status line, not logged every second
                self.status = DeliveryStatus(len(self._outbox_files()), exc.message("ja"), exc.message("en"))
            except Exception as exc:  # noqa: BLE001 - keep delivering; spool and outbox keep the records
                log_bug(log, "delivering to the drop folder failed", exc)

    # ------------------------------------------------------------------ watching
    def _scan_file(self, root: WatchRoot, path: Path, st: os.stat_result) -> str:
        verdict = self._scanner(path)
        if verdict.matters:
            self._judge(root, path, st, verdict)
        return verdict.verdict

    def _judge(self, root: WatchRoot, path: Path, st: os.stat_result, verdict: FileVerdict) -> None:
        """The monitor's decision with the site's policy; the record goes to the spool."""
        now = self.clock.now()
        with self._lock:
            policy = self.policy
        record = policy.find_medium(root.medium.volume_id, root.medium.device_serial) if root.medium else None
        decision = decide(verdict, path=str(path), on_medium=root.medium is not None, medium=record,
                          approvals=policy.approvals, today=now.date())
        if decision is None:
            return
        data = detection_data(root=root, path=path, st=st, verdict=verdict, decision=decision, record=record, now=now,
                              hash_key=self._hash_key, dedupe_key=self._dedupe_key, os_user=self._os_user)
        # The full path stays here (the site names the file by its keyed dedupe key); what
        # crosses the drop folder has name-like parts of folders and file name masked.
        masked = mask_path(data["path"])
        self.store.remember(data["dedupe_key"], FileLocation(data["path"], data["root"], data["place_kind"],
                                                             data["volume_id"]), masked)
        stored = None
        if wants_auto_quarantine(policy.auto_quarantine, decision.rule, verdict.verdict):
            stored = auto_quarantine_copy(self.vault, path, self._hash_key, data)
        data["path"], data["root"] = masked, mask_path(data["root"], is_file=False)
        uid = self.spool.append("detection", data)
        self._wake.set()
        # Removed only now, as the monitor does: the copy is verified, its record on disk.
        quarantined = stored is not None and remove_quarantined_original(path)
        if decision.status != "open":
            return
        if quarantined:
            self.subscribers.event(MonitorEvent(
                ev.QUARANTINED,
                f"未登録の媒体に複写された個人情報を隔離しました（{root.place}）。媒体は登録と承諾が必要です。",
                f"Personal data copied to an unregistered medium was moved to quarantine ({root.place}); "
                "media must be registered and consented first.",
                place=root.place, record_uid=uid, rule=decision.rule, file_name=path.name))
        self.subscribers.event(MonitorEvent(
            ev.DETECTION, decision.message_ja, decision.message_en, place=root.place, record_uid=uid,
            rule=decision.rule, file_name=path.name))

    # ------------------------------------------------------------------ the officer's requests
    def carry_out_requests(self) -> list[Outcome]:
        """Carry out the officer's resolutions in the policy (once each); outcomes are spooled."""
        with self._lock:
            requests = list(self.policy.resolutions)
        if not requests or self.policy.revoked:
            return []

        def report(outcome: Outcome) -> None:
            self.spool.append("resolution", outcome.data(self.clock.now().isoformat()))
            self._wake.set()

        outcomes = self.worker.carry_out(requests, report)
        for o in outcomes:
            if o.kind == "quarantine" and o.outcome == "done":
                self.subscribers.event(MonitorEvent(
                    ev.QUARANTINED, "取扱責任者の指示により、検知したファイルを隔離しました。",
                    "A detected file was moved to quarantine, as the officer directed."))
        return outcomes

    # ------------------------------------------------------------------ inventory
    def inventory_due(self) -> bool:
        """Whether the scheduled inventory of the watched folders is due (as the monitor's)."""
        import datetime as dt

        last = self.store.get("inventory_finished_at")
        if not last:
            return True
        return self.clock.now() - dt.datetime.fromisoformat(last) >= dt.timedelta(days=self.policy.inventory_days)

    def _maybe_inventory(self) -> None:
        if not self.options.inventory or self._inventory_running.is_set() or self.policy.revoked:
            return
        if time.monotonic() - self._inventory_checked < self.options.inventory_check_every:
            return
        self._inventory_checked = time.monotonic()
        if not self.inventory_due():
            return
        self._inventory_running.set()
        threading.Thread(target=self.run_inventory, name="tokki-agent-inventory", daemon=True).start()

    def run_inventory(self) -> dict[str, Any]:
        """Inventory every watched folder now with the monitor's own inventory; spooled."""
        from tokki_desktop.monitor import inventory

        self._inventory_running.set()
        try:
            folders = [r.path for r in self.watcher.roots() if r.medium is None] or \
                [Path(w["path"]) for w in self.policy.watch]
            result = inventory.run("roots", "監視フォルダ / watched folders", folders, self._scanner,
                                   self.clock.now, still_there=lambda: not self._stop.is_set())
            d = result.as_dict()
            data = {k: d[k] for k in ("kind", "target", "media_id", "started_at", "finished_at", "files",
                                       "personal_data", "encrypted", "unreadable")}
            data["complete"] = 1 if result.complete else 0
            self.spool.append("inventory", data)
            if result.complete:
                self.store.put("inventory_finished_at", result.finished_at)
            self._wake.set()
            return data
        finally:
            self._inventory_running.clear()

    def _medium_arrived(self, medium: Medium) -> None:
        record = self.policy.find_medium(medium.volume_id, medium.device_serial)
        place = f"媒体 {record.control_no}" if record is not None else f"未登録媒体 {medium.describe()}"
        root = WatchRoot(medium.mount_point, place, medium=medium)
        with self._lock:
            self._media_roots[medium.volume_id] = root
        if record is None:
            # The alert first, as the monitor does: before any scan.
            self.subscribers.event(MonitorEvent(
                ev.UNREGISTERED_MEDIUM,
                f"登録されていない記録媒体（{medium.describe()}）が接続されました。個人情報を複写しないでください。",
                f"An unregistered medium ({medium.describe()}) was plugged in. Do not copy personal data to it.",
                place=place))
        self.spool.append("media_event", media_event_data(medium, record, "arrived", self.clock.now()))
        self._wake.set()
        threading.Thread(target=self._scan_medium, args=(medium, root), name="tokki-agent-medium",
                         daemon=True).start()

    def _scan_medium(self, medium: Medium, root: WatchRoot) -> None:
        """Watch the medium (the watcher's reconcile scans what is on it), then record that
        it was checked, with its file count, as the monitor does."""
        from tokki_desktop.monitor.folders import walk_files

        self.watcher.add(root)
        self.watcher.wait_idle(3600)
        with self._lock:
            if self._media_roots.get(medium.volume_id) is not root or self._stop.is_set():
                return  # removed meanwhile: its removal is recorded instead
        try:
            files = sum(1 for _ in walk_files(root.path))
        except OSError:
            return
        record = self.policy.find_medium(medium.volume_id, medium.device_serial)
        self.spool.append("media_event", media_event_data(medium, record, "scanned", self.clock.now(), files))
        self._wake.set()

    def _medium_removed(self, medium: Medium) -> None:
        with self._lock:
            self._media_roots.pop(medium.volume_id, None)
        self.watcher.remove(medium.mount_point)
        record = self.policy.find_medium(medium.volume_id, medium.device_serial)
        self.spool.append("media_event", media_event_data(medium, record, "removed", self.clock.now()))
        self._wake.set()

    # ------------------------------------------------------------------ delivery
    def _state(self) -> tuple[int, str]:
        try:
            d = json.loads((self.dir / STATE_FILE).read_text(encoding="utf-8"))
            return int(d["seq"]), str(d["hash"])
        except FileNotFoundError:
            return 0, bundle.GENESIS
        except (ValueError, KeyError, TypeError):
            # Numbering again from 1 would make the site refuse everything as replayed;
            # better to stop and say so (the records stay in the spool).
            raise errors.AgentStateDamaged() from None

    def _outbox_files(self) -> list[Path]:
        return sorted(p for p in self.outbox.iterdir() if bundle.parse_name(p.name))

    def _recover(self) -> None:
        """After a kill: the outbox's bundles are the truth; their records leave the spool."""
        seq, digest = self._state()
        uids: set[str] = set()
        for path in self._outbox_files():
            blob = path.read_bytes()
            try:
                opened = bundle.open_bundle(self._bundle_key, blob)
            except Unsealable:
                log.error("an outbox bundle failed authentication; it was set aside")
                os.replace(path, path.with_name(path.name + ".damaged"))
                continue
            uids.update(r["uid"] for r in opened.records)
            if opened.seq > seq:
                seq, digest = opened.seq, bundle.digest(blob)
        if (seq, digest) != self._state():
            self._write_state(seq, digest)
        if uids:
            for rec in self.spool.read():
                if rec.uid in uids:
                    self.spool.done(rec)

    def _write_state(self, seq: int, digest: str) -> None:
        write_durably(self.dir / STATE_FILE, json.dumps({"seq": seq, "hash": digest}).encode())

    def seal_next(self) -> Path | None:
        """Seal up to BATCH spool records into the next outbox bundle (None when the spool is empty)."""
        records = []
        taken = []
        for rec in self.spool.read():
            records.append({"uid": rec.uid, "kind": rec.kind, "data": rec.data})
            taken.append(rec)
            if len(records) >= BATCH:
                break
        if not records:
            return None
        seq, prev = self._state()
        blob = bundle.make(self._bundle_key, site=self.site, terminal=self.uid, seq=seq + 1, prev=prev,
                           made_at=self.clock.now().isoformat(), records=records)
        path = self.outbox / bundle.bundle_name(self.uid, seq + 1)
        write_durably(path, blob)
        self._write_state(seq + 1, bundle.digest(blob))
        for rec in taken:
            self.spool.done(rec)
        return path

    def deliver_now(self) -> int:
        """Deliver what waits (outbox first, then the spool); the number of bundles delivered."""
        delivered = 0
        if self.policy.revoked:
            # Delivering would only add refused bundles; the records stay here for an officer.
            waiting = len(self._outbox_files()) + self.spool.pending()
            ja, en = agent_status.PROBLEMS["revoked"]
            self.status = DeliveryStatus(waiting, f"{ja}。", f"{en.capitalize()}.")
            self._note_problem("revoked")
            return 0
        with self._deliver_lock:
            while True:
                waiting = self._outbox_files()
                if not waiting:
                    if self.seal_next() is None:
                        break
                    continue
                path = waiting[0]
                try:
                    if not self.drop.is_dir():
                        raise FileNotFoundError(errno.ENOENT, "drop folder missing")
                    write_durably(self.drop / path.name, path.read_bytes(), mode=0o600)
                except OSError as exc:
                    self._problem(exc, len(waiting))
                    return delivered
                path.unlink()
                delivered += 1
            self.status = DeliveryStatus(0)
            if delivered or self._problem_noted is None or self._problem_noted.problem:
                self._note_problem(None, delivered=bool(delivered))
        return delivered

    def _note_problem(self, problem: str | None, *, delivered: bool = False) -> None:
        """Keep the delivery problem in ``delivery.json`` for ``agent status`` (only on a change,
        and at most every minute while it lasts, so a missing stick costs no write a second)."""
        now = self.clock.now().isoformat()
        last = self._problem_noted
        if last is not None and last.problem == problem and time.monotonic() - self._problem_written < 60:
            return  # nothing new to say: a change is written at once, the same state once a minute
        status = agent_status.DeliveryProblem(
            problem, since=(last.since if last is not None and last.problem == problem else now) if problem else None,
            last_tried=now if problem else None,
            last_delivered_at=now if delivered else (last.last_delivered_at if last is not None else None))
        try:
            agent_status.write(self.dir, status)
        except OSError:
            return  # the agent's own disk is full: the status line still says it
        self._problem_noted = status
        self._problem_written = time.monotonic()

    def _problem(self, exc: OSError, waiting: int) -> None:
        if exc.errno == errno.ENOSPC:
            kind = "full"
        elif exc.errno in (errno.EACCES, errno.EROFS, errno.EPERM):
            kind = "read_only"
        elif exc.errno == errno.ENOENT:
            kind = "missing"
        else:
            kind = "other"
        ja, en = agent_status.PROBLEMS[kind]
        if self.status.problem_en != en.capitalize() and not self.status.problem_en.startswith(en.capitalize()):
            log.warning("delivery waits: %s (%d bundle(s) kept in the outbox)", en, waiting)
        self.status = DeliveryStatus(waiting, f"{ja}（{waiting} 件は端末に保管中、あとで再送します）。",
                                     f"{en.capitalize()} ({waiting} bundle(s) kept here; delivery retries).")
        self._note_problem(kind)


def _os_user() -> str:
    import getpass

    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no login name in some service contexts
        return ""



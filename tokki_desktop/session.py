"""Unlocking the ledger: the one entry point the CLI, the GUI and the monitor use.

``create_ledger`` makes a new ledger (random data key, first officer, recovery key);
``unlock`` opens it with a login and passphrase; ``unlock_with_recovery_key`` when every
passphrase is lost; ``unlock_terminal`` for the monitor through the OS keyring.
A wrong passphrase, a damaged file or a missing keyring never changes the ledger or the
key file: they are only ever written after a successful unlock.
"""

from __future__ import annotations

import base64
import importlib
import logging
import os
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import sqlcipher3

from tokki_desktop.clock import Clock, SystemClock, iso
from tokki_desktop.errors import (InvalidInput, KnownError, LedgerDamaged, LedgerEmpty, LedgerExists,
                                  LedgerMissing, NotPermitted, RestoreWouldLose, UnknownUser,
                                  WrongPassphrase, TooManyAttempts)
from tokki_desktop.ledger import audit, backup as backup_mod, migrations
from tokki_desktop.ledger.db import SYSTEM_MONITOR, Actor, Ledger, damaged_pages
from tokki_desktop.paths import LedgerFiles, refuse_network_share
from tokki_desktop.private_files import private_dir, restrict, restrict_sqlite
from tokki_desktop.vault import terminal
from tokki_desktop.vault.attempts import AttemptsFile
from tokki_desktop.vault.header import KeyHeader
from tokki_desktop.vault.kdf import KdfParams, derive_from_passphrase, hkdf

log = logging.getLogger(__name__)

MIN_PASSPHRASE = 8
RECOVERY_ACTOR = Actor("recovery", "回復キー利用者", "officer")

# Called as hook(tx, profile) right after a ledger is created (e.g. the registers make the
# first contract from the profile given to ``tokki init``).
LEDGER_CREATED_HOOKS: list[str] = ["tokki_desktop.registers.setup:on_ledger_created"]


class UserDisabled(KnownError):
    """The login exists but has been disabled by an officer."""

    def __init__(self, login: str) -> None:
        super().__init__(f"利用者「{login}」は無効にされています。", f"User '{login}' has been disabled.",
                         hint_ja="取扱責任者に確認してください。", hint_en="Ask an officer.")


class NoTerminalSlot(KnownError):
    """The monitor cannot open the ledger before anyone unlocks it."""

    def __init__(self, why_ja: str, why_en: str) -> None:
        super().__init__(f"端末用の鍵が使えません: {why_ja}", f"The terminal key is not available: {why_en}",
                         hint_ja="取扱責任者が設定で端末用の鍵を有効にしてください。",
                         hint_en="An officer can turn on the terminal key in the settings.")


def _check_passphrase(passphrase: str) -> None:
    if len(passphrase) < MIN_PASSPHRASE:
        raise InvalidInput("パスフレーズ", "passphrase", f"{MIN_PASSPHRASE}文字以上にしてください",
                           f"use at least {MIN_PASSPHRASE} characters")


def is_valid_login(login: str) -> bool:
    """Login names: 1–64 ASCII letters, digits, '.', '_' or '-' (the GUI checks as you type)."""
    return 0 < len(login) <= 64 and all(c.isascii() and (c.isalnum() or c in "._-") for c in login)


def _check_login(login: str) -> None:
    if not is_valid_login(login):
        raise InvalidInput("ログイン名", "login", "英数字と . _ - で64文字以内にしてください",
                           "use letters, digits, '.', '_' or '-' (at most 64)")


# -- recovery keys ---------------------------------------------------------------------
def new_recovery_key() -> tuple[str, bytes]:
    """A random 160-bit recovery key, as printed (8 groups of 4) and as bytes."""
    raw = os.urandom(20)
    text = base64.b32encode(raw).decode()
    return "-".join(text[i:i + 4] for i in range(0, len(text), 4)), raw


def parse_recovery_key(text: str) -> bytes:
    cleaned = unicodedata.normalize("NFKC", text).upper().replace("-", "").replace(" ", "")
    try:
        raw = base64.b32decode(cleaned)
        if len(raw) != 20:
            raise ValueError
        return raw
    except ValueError:
        raise InvalidInput("回復キー", "recovery key", "形式が正しくありません（4文字ずつ8組）",
                           "is not in the printed form (8 groups of 4 characters)") from None


@dataclass
class Session:
    """An unlocked ledger, the user who unlocked it, and the keys derived for them."""

    files: LedgerFiles
    ledger: Ledger
    user: Actor
    clock: Clock
    _data_key: bytes = field(repr=False)
    header: KeyHeader = field(repr=False)

    @property
    def data_dir(self) -> Path:
        return self.files.data_dir

    def subkey(self, label: str) -> bytes:
        """A 32-byte key for one purpose ("fingerprint", "spool", "quarantine", …)."""
        if label == "audit":
            raise ValueError("the audit key is not handed out")
        return hkdf(self._data_key, label)

    def close(self) -> None:
        self.ledger.close()

    def __enter__(self) -> "Session":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- users ------------------------------------------------------------------------
    def users(self) -> list[Actor]:
        return [Actor(r["login"], r["name"], r["role"])
                for r in self.ledger.read("SELECT login, name, role FROM users WHERE disabled_at IS NULL ORDER BY id")]

    def add_user(self, login: str, role: str, name: str, passphrase: str,
                 kdf: KdfParams | None = None) -> int:
        """An officer adds a 取扱責任者 or 従事者 with a passphrase slot of their own."""
        Ledger.require_officer(self.user, "利用者の追加", "add users")
        _check_login(login)
        if role not in ("officer", "handler"):
            raise InvalidInput("役割", "role", "officer か handler を指定してください", "must be officer or handler")
        if not name.strip():
            raise InvalidInput("氏名", "name", "入力してください", "is required")
        _check_passphrase(passphrase)
        if self.ledger.read_one("SELECT 1 FROM users WHERE login = ?", (login,)):
            raise InvalidInput("ログイン名", "login", f"「{login}」は既に使われています", f"'{login}' is taken")
        params = kdf or KdfParams.fresh()
        with self.ledger.transaction(self.user) as tx:
            user_id = tx.insert("users", {"login": login, "name": name.strip(), "role": role},
                                action="user_added")
            self.header.add_slot("user", login, derive_from_passphrase(passphrase, params),
                                 self._data_key, kdf=params)
            # The key file is written inside the transaction: if it fails, the user row is rolled back.
            self.header.save(self.files.header, self.files.header_backup)
        return user_id

    def set_passphrase(self, login: str, new_passphrase: str, kdf: KdfParams | None = None) -> None:
        """Re-wrap the data key for ``login`` (own passphrase, or an officer's reset)."""
        if login != self.user.login:
            Ledger.require_officer(self.user, "他の利用者のパスフレーズ再設定", "reset another user's passphrase")
        _check_passphrase(new_passphrase)
        if not self.ledger.read_one("SELECT 1 FROM users WHERE login = ?", (login,)):
            raise UnknownUser(login)
        params = kdf or KdfParams.fresh()
        with self.ledger.transaction(self.user) as tx:
            tx.event("passphrase_changed", table="users",
                     row_id=int(self.ledger.read_one("SELECT id FROM users WHERE login=?", (login,))[0]),
                     change={"login": login})
            self.header.add_slot("user", login, derive_from_passphrase(new_passphrase, params),
                                 self._data_key, kdf=params)
            self.header.save(self.files.header, self.files.header_backup)

    def disable_user(self, login: str) -> None:
        Ledger.require_officer(self.user, "利用者の無効化", "disable users")
        row = self.ledger.read_one("SELECT id FROM users WHERE login = ?", (login,))
        if row is None:
            raise UnknownUser(login)
        with self.ledger.transaction(self.user) as tx:
            tx.update("users", int(row[0]), {"disabled_at": tx.now}, action="user_disabled")
            self.header.remove_slot(f"user:{login}")
            self.header.save(self.files.header, self.files.header_backup)

    # -- terminal slot ----------------------------------------------------------------
    def enable_terminal_slot(self, store: terminal.SecretStore | None = None) -> terminal.KeyringStatus:
        """Put a terminal secret in the OS keyring so the monitor can start before login."""
        Ledger.require_officer(self.user, "端末用の鍵の設定", "set up the terminal key")
        status = terminal.KeyringStatus(True, "given")
        if store is None:
            store, status = terminal.system_store()
            if store is None:
                return status
        secret = terminal.new_terminal_secret()
        try:
            terminal.store_secret(store, self.header.ledger_id, secret)
        except Exception as exc:  # noqa: BLE001 - locked collection, D-Bus refusal…
            return terminal.KeyringStatus(False, status.backend, "キーリングに保存できませんでした。",
                                          f"The keyring refused to store it ({type(exc).__name__}).")
        with self.ledger.transaction(self.user) as tx:
            tx.event("terminal_slot_enabled", change={"backend": status.backend})
            self.header.add_slot("terminal", "terminal", hkdf(secret, "terminal-slot"), self._data_key)
            self.header.save(self.files.header, self.files.header_backup)
        return status

    def disable_terminal_slot(self, store: terminal.SecretStore | None = None) -> None:
        Ledger.require_officer(self.user, "端末用の鍵の解除", "remove the terminal key")
        with self.ledger.transaction(self.user) as tx:
            tx.event("terminal_slot_disabled")
            self.header.remove_slot("terminal")
            self.header.save(self.files.header, self.files.header_backup)
        if store is None:
            store, _ = terminal.system_store()
        if store is not None:
            terminal.forget_secret(store, self.header.ledger_id)

    # -- backup and restore -------------------------------------------------------------
    @property
    def read_only(self) -> bool:
        """True when a damaged page was found at unlock: nothing is written until a restore."""
        return self.ledger.read_only

    def backup(self, dest: Path) -> audit.VerifyReport:
        """A full, verified copy of the ledger (an officer's action: it holds everything)."""
        Ledger.require_officer(self.user, "台帳のバックアップ", "back up the ledger")
        report = backup_mod.backup(self.ledger, dest, self._data_key, hkdf(self._data_key, "audit"))
        if not self.read_only:  # a damaged ledger can still be copied, but not written to
            with self.ledger.transaction(self.user) as tx:
                tx.event("backup_written", change={"file": Path(dest).name, "records": report.records})
        return report

    def restore(self, source: Path, *, confirm_loss: bool = False) -> "RestoreResult":
        """Replace the live ledger by the backup ``source`` (an officer's action, audited).

        A backup older than the ledger would drop the records after its last sequence:
        that is refused with :class:`RestoreWouldLose` (naming them) unless
        ``confirm_loss``. The replaced ledger is kept in the backups folder.
        """
        Ledger.require_officer(self.user, "バックアップからの復元", "restore a backup")
        source = Path(source)
        audit_key = hkdf(self._data_key, "audit")
        copy_head = backup_mod.check_copy(source, self._data_key, audit_key)
        try:
            lost = backup_mod.records_lost(self.ledger, source, self._data_key, audit_key)
        except LedgerDamaged:
            # The live chain itself is unreadable (damaged pages): that is why one restores;
            # what it held stays in the kept copy.
            lost = []
        if lost and not confirm_loss:
            raise RestoreWouldLose(len(lost), lost[0][0], lost[-1][0], copy_head.last_seq,
                                   Counter(action for _, action in lost))
        stamp = self.clock.now().strftime("%Y%m%d-%H%M%S")
        self.ledger.close()
        kept = backup_mod.restore(source, self.files.ledger, self._data_key, audit_key,
                                  self.files.backups, stamp)
        fresh = _open(self.files, self.header, self._data_key, None, self.clock, fixed_actor=self.user)
        self.ledger = fresh.ledger
        if not self.read_only:
            with self.ledger.transaction(self.user) as tx:
                tx.event("restored", change={"from": source.name, "kept": kept.name if kept else None,
                                             "records_dropped": len(lost),
                                             "dropped_seq": [lost[0][0], lost[-1][0]] if lost else None})
        return RestoreResult(kept, len(lost), copy_head.last_seq)

    def check_backup(self, source: Path) -> audit.VerifyReport:
        return backup_mod.check_copy(source, self._data_key, hkdf(self._data_key, "audit"))

    def verify(self, checkpoint: audit.Checkpoint | None = None) -> audit.VerifyReport:
        """Check the chain and the cipher pages on a fresh connection."""
        conn = Ledger.connect(self.files.ledger, self._data_key)
        try:
            fresh = Ledger(self.files.ledger, conn, hkdf(self._data_key, "audit"), self.clock)
            try:
                report = audit.verify_rows(hkdf(self._data_key, "audit"), fresh.audit_rows(), checkpoint)
            except sqlcipher3.DatabaseError:
                report = audit.VerifyReport(integrity_ok=False)
                report.problems.append("the audit records cannot be read: damaged pages")
            bad = conn.execute("PRAGMA cipher_integrity_check").fetchall()
            if bad:
                report.integrity_ok = False
                report.problems.append(f"{len(bad)} damaged page(s) in the ledger file")
            return report
        finally:
            conn.close()

    def checkpoint(self) -> audit.Checkpoint:
        seq, mac = self.ledger.audit_head()
        return audit.Checkpoint(seq, mac.hex(), iso(self.clock.now()))


# -- opening ---------------------------------------------------------------------------
def _open(files: LedgerFiles, header: KeyHeader, data_key: bytes, actor_login: str | None,
          clock: Clock, fixed_actor: Actor | None = None) -> Session:
    conn = Ledger.connect(files.ledger, data_key)
    ledger = Ledger(files.ledger, conn, hkdf(data_key, "audit"), clock)
    try:
        if ledger.schema_version() == 0:
            # A file with no schema is never a ledger we made: never migrate it into one.
            raise LedgerEmpty(str(files.ledger))
        # Every page is checked before the first write: appending to a ledger with a
        # damaged page would bury the damage under new records (it opens read-only).
        if damaged_pages(conn):
            ledger.make_read_only()

        def before(current: int, target: int) -> None:
            if ledger.read_only:
                raise LedgerDamaged("壊れたページがあるため更新できません。", "It has damaged pages and cannot be upgraded.")
            if current > 0:
                stamp = clock.now().strftime("%Y%m%d-%H%M%S")
                backup_mod.backup(ledger, private_dir(files.backups) / f"before-schema-{target}-{stamp}.tokki",
                                  data_key, hkdf(data_key, "audit"))

        migrations.migrate(ledger, before)
        if fixed_actor is not None:
            actor = fixed_actor
        else:
            row = ledger.read_one("SELECT login, name, role, disabled_at FROM users WHERE login = ?",
                                  (actor_login,))
            if row is None:
                raise UnknownUser(str(actor_login))
            if row["disabled_at"]:
                raise UserDisabled(str(actor_login))
            actor = Actor(row["login"], row["name"], row["role"])
    except BaseException:
        ledger.close()
        raise
    return Session(files, ledger, actor, clock, data_key, header)


@dataclass(frozen=True)
class RestoreResult:
    """What a restore did: where the replaced ledger was kept, how many records it dropped."""

    kept: Path | None
    records_dropped: int
    backup_last_seq: int


def _record_unlock(session: Session, attempts: AttemptsFile, how: str) -> None:
    """Audit the failures seen since the last unlock, then this unlock; clear the count."""
    if session.read_only:
        return  # the failures stay counted until an unlock can record them
    failures = attempts.failures()
    with session.ledger.transaction(session.user) as tx:
        for f in failures:
            tx.event("unlock_failed", change={"login": f.login, "at": f.at}, actor=f.login or "?")
        tx.event("unlock", change={"method": how})
    attempts.clear()


def _harden(files: LedgerFiles) -> None:
    """Make a data folder of an older version private (0700 / 0600) before it is used."""
    try:
        restrict(files.data_dir, folder=True)
        for path in (files.header, files.header_backup, files.attempts, files.settings):
            restrict(path, folder=False)
        restrict_sqlite(files.ledger)
    except OSError:
        pass  # read-only media: the open that follows says so


def _prepare(data_dir: Path, clock: Clock) -> tuple[LedgerFiles, AttemptsFile, KeyHeader]:
    files = LedgerFiles(Path(data_dir))
    if not files.ledger.exists() and not files.header.exists():
        raise LedgerMissing(str(files.data_dir))
    refuse_network_share(files.data_dir)
    _harden(files)
    attempts = AttemptsFile(files.attempts)
    wait = attempts.seconds_to_wait(clock.now().timestamp())
    if wait > 0:
        raise TooManyAttempts(wait)
    header = KeyHeader.load(files.header)
    return files, attempts, header


def unlock(data_dir: Path, login: str, passphrase: str, *, clock: Clock | None = None) -> Session:
    """Open the ledger as ``login``; every failure is a :class:`KnownError`."""
    clock = clock or SystemClock()
    files, attempts, header = _prepare(data_dir, clock)
    try:
        slot = header.user_slot(login)
    except UnknownUser:
        attempts.record_failure(login, iso(clock.now()), clock.now().timestamp())
        raise
    assert slot.kdf is not None
    data_key = header.unwrap(slot, derive_from_passphrase(passphrase, slot.kdf))
    if data_key is None:
        attempts.record_failure(login, iso(clock.now()), clock.now().timestamp())
        raise WrongPassphrase()
    session = _open(files, header, data_key, login, clock)
    _record_unlock(session, attempts, "passphrase")
    return session


def unlock_with_recovery_key(data_dir: Path, recovery_key: str, *, clock: Clock | None = None) -> Session:
    """Open the ledger with the printed recovery key (acts as an officer named 'recovery')."""
    clock = clock or SystemClock()
    files, attempts, header = _prepare(data_dir, clock)
    raw = parse_recovery_key(recovery_key)
    slot = header.slot_of_type("recovery")
    data_key = header.unwrap(slot, hkdf(raw, "recovery-slot")) if slot else None
    if data_key is None:
        attempts.record_failure("recovery", iso(clock.now()), clock.now().timestamp())
        raise WrongPassphrase()
    session = _open(files, header, data_key, None, clock, fixed_actor=RECOVERY_ACTOR)
    _record_unlock(session, attempts, "recovery_key")
    return session


def unlock_terminal(data_dir: Path, store: terminal.SecretStore | None = None, *,
                    clock: Clock | None = None) -> Session:
    """Open the ledger for the monitor with the terminal secret from the OS keyring."""
    clock = clock or SystemClock()
    files = LedgerFiles(Path(data_dir))
    if not files.ledger.exists():
        raise LedgerMissing(str(files.data_dir))
    header = KeyHeader.load(files.header)
    slot = header.slot_of_type("terminal")
    if slot is None:
        raise NoTerminalSlot("設定されていません。", "it has not been set up.")
    if store is None:
        store, status = terminal.system_store()
        if store is None:
            raise NoTerminalSlot(status.reason_ja, status.reason_en)
    secret = terminal.load_secret(store, header.ledger_id)
    data_key = header.unwrap(slot, hkdf(secret, "terminal-slot")) if secret else None
    if data_key is None:
        raise NoTerminalSlot("キーリングに鍵がないか、一致しません。", "the keyring has no matching key.")
    return _open(files, header, data_key, None, clock, fixed_actor=SYSTEM_MONITOR)


def restore_unreadable(data_dir: Path, login: str, passphrase: str, source: Path, *,
                       clock: Clock | None = None) -> RestoreResult:
    """Restore ``source`` when the live ledger cannot be opened at all.

    A missing, empty, cut-short or damaged-at-sign-in ledger cannot tell who is an
    officer, so the backup does: ``login`` must be an active officer in it, and the
    passphrase must open this data folder's key file. The unreadable file is kept.
    """
    clock = clock or SystemClock()
    files, attempts, header = _prepare(data_dir, clock)
    slot = header.user_slot(login)
    assert slot.kdf is not None
    data_key = header.unwrap(slot, derive_from_passphrase(passphrase, slot.kdf))
    if data_key is None:
        attempts.record_failure(login, iso(clock.now()), clock.now().timestamp())
        raise WrongPassphrase()
    source = Path(source)
    audit_key = hkdf(data_key, "audit")
    copy_head = backup_mod.check_copy(source, data_key, audit_key)
    conn = Ledger.connect(source, data_key)
    try:
        row = conn.execute("SELECT role, disabled_at FROM users WHERE login = ?", (login,)).fetchone()
    finally:
        conn.close()
    if row is None or row["role"] != "officer" or row["disabled_at"]:
        raise NotPermitted("バックアップからの復元", "restore a backup")
    stamp = clock.now().strftime("%Y%m%d-%H%M%S")
    kept = backup_mod.restore(source, files.ledger, data_key, audit_key, files.backups, stamp)
    session = _open(files, header, data_key, login, clock)
    try:
        if not session.read_only:
            with session.ledger.transaction(session.user) as tx:
                tx.event("restored", change={"from": source.name, "kept": kept.name if kept else None,
                                             "live_ledger_unreadable": True})
        _record_unlock(session, attempts, "passphrase")
    finally:
        session.close()
    return RestoreResult(kept, 0, copy_head.last_seq)


def create_ledger(data_dir: Path, *, client: str, contract: str, contractor: str,
                  officer_login: str, officer_name: str, passphrase: str,
                  clock: Clock | None = None, kdf: KdfParams | None = None,
                  profile: dict | None = None) -> tuple[Session, str]:
    """Create a new ledger and its first officer; returns the session and the recovery key.

    The recovery key is returned once, to be shown (and printed); it is never stored.
    """
    clock = clock or SystemClock()
    _check_login(officer_login)
    _check_passphrase(passphrase)
    for value, ja, en in ((client, "委託者", "client"), (contract, "契約件名", "contract"),
                          (contractor, "受託者（商号）", "contractor"), (officer_name, "氏名", "name")):
        if not value or not value.strip():
            raise InvalidInput(ja, en, "入力してください", "is required")
    files = LedgerFiles(Path(data_dir))
    if files.exists():
        raise LedgerExists(str(files.data_dir))
    private_dir(files.data_dir)
    refuse_network_share(files.data_dir)

    data_key = os.urandom(32)
    header = KeyHeader.new()
    params = kdf or KdfParams.fresh()
    header.add_slot("user", officer_login, derive_from_passphrase(passphrase, params), data_key, kdf=params)
    recovery_text, recovery_raw = new_recovery_key()
    header.add_slot("recovery", "recovery", hkdf(recovery_raw, "recovery-slot"), data_key)
    created: list[Path] = []
    try:
        header.save(files.header, files.header_backup)
        created += [files.header, files.header_backup]
        conn = Ledger.connect(files.ledger, data_key, create=True)
        created.append(files.ledger)
        ledger = Ledger(files.ledger, conn, hkdf(data_key, "audit"), clock)
        migrations.migrate(ledger)
        creator = Actor(officer_login, officer_name.strip(), "officer")
        full_profile = {"client": client.strip(), "contract": contract.strip(),
                        "contractor": contractor.strip(), **(profile or {})}
        with ledger.transaction(creator) as tx:
            tx.event("ledger_created", change={"ledger_id": header.ledger_id})
            tx.insert("users", {"login": officer_login, "name": officer_name.strip(), "role": "officer"},
                      action="user_added")
            for key in ("client", "contract", "contractor"):
                tx.insert("settings", {"key": f"profile.{key}", "value": full_profile[key]})
            for hook in LEDGER_CREATED_HOOKS:
                func = _load_hook(hook)
                if func is not None:
                    func(tx, full_profile)
    except BaseException:
        for path in created:
            for p in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
                if p.exists():
                    p.unlink()
        raise
    session = Session(files, ledger, creator, clock, data_key, header)
    return session, recovery_text


def _load_hook(spec: str):
    module, _, name = spec.partition(":")
    try:
        mod = importlib.import_module(module)
    except ModuleNotFoundError as exc:
        if exc.name and module.startswith(exc.name):
            return None  # that part of the product is not installed in this build
        raise
    return getattr(mod, name)

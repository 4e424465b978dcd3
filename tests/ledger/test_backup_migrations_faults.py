"""Backups, restore, migrations with a verified backup first, disk full, kill -9."""

from __future__ import annotations

import hashlib
import importlib
import sys
import types
from pathlib import Path

import pytest

from tokki_desktop.errors import BackupInvalid, DiskFull
from tokki_desktop.ledger import backup as backup_mod, migrations
from tokki_desktop.paths import LedgerFiles
from tokki_desktop.session import unlock
from tokki_desktop.vault.kdf import hkdf
from tests.conftest import OFFICER

ROOT = Path(__file__).resolve().parents[2]


def test_backup_is_encrypted_and_verified(officer_session, tmp_path):
    report = officer_session.backup(tmp_path / "b.tokki")
    assert report.ok and report.records > 0
    raw = (tmp_path / "b.tokki").read_bytes()
    assert b"SQLite format 3" not in raw and "責任".encode() not in raw


def test_backup_into_a_folder_names_the_file(officer_session, tmp_path):
    officer_session.backup(tmp_path)
    assert len(list(tmp_path.glob("ledger-*.tokki"))) == 1


def test_restore_checks_first_and_keeps_the_replaced_file(officer_session, created_ledger, tmp_path, clock):
    data_dir = created_ledger[0]
    officer_session.backup(tmp_path / "b.tokki")
    with officer_session.ledger.transaction(officer_session.user) as tx:
        tx.insert("settings", {"key": "after-backup", "value": "1"})
    key = officer_session._data_key
    officer_session.close()
    files = LedgerFiles(data_dir)
    kept = backup_mod.restore(tmp_path / "b.tokki", files.ledger, key, hkdf(key, "audit"), files.backups, "t1")
    assert kept is not None and kept.exists()
    with unlock(data_dir, OFFICER[0], OFFICER[2], clock=clock) as s:
        assert s.ledger.read_one("SELECT 1 FROM settings WHERE key='after-backup'") is None
        assert s.verify().ok


def test_damaged_backup_is_refused_and_nothing_replaced(officer_session, created_ledger, tmp_path):
    officer_session.backup(tmp_path / "b.tokki")
    raw = bytearray((tmp_path / "b.tokki").read_bytes())
    raw[5000] ^= 0xFF
    (tmp_path / "b.tokki").write_bytes(bytes(raw))
    files = LedgerFiles(created_ledger[0])
    key = officer_session._data_key
    officer_session.close()
    before = hashlib.sha256(files.ledger.read_bytes()).hexdigest()
    with pytest.raises(BackupInvalid):
        backup_mod.restore(tmp_path / "b.tokki", files.ledger, key, hkdf(key, "audit"), files.backups, "t")
    assert hashlib.sha256(files.ledger.read_bytes()).hexdigest() == before


def test_backup_of_another_ledger_is_refused(officer_session, tmp_path, clock):
    from tokki_desktop.session import create_ledger

    other, _ = create_ledger(tmp_path / "other", client="小金井市", contract="c", contractor="c",
                             officer_login="o", officer_name="o", passphrase="other-pass-1", clock=clock)
    other.backup(tmp_path / "other.tokki")
    other.close()
    with pytest.raises(BackupInvalid):
        officer_session.check_backup(tmp_path / "other.tokki")


def test_a_new_migration_runs_after_a_verified_backup(created_ledger, clock, monkeypatch):
    mod = types.ModuleType("m0099_test")
    mod.VERSION = 99
    mod.upgrade = lambda conn: conn.executescript(
        "CREATE TABLE later (id INTEGER PRIMARY KEY, v TEXT);\n"
        "CREATE TRIGGER later_t BEFORE DELETE ON later BEGIN SELECT RAISE(ABORT, 'no'); END;\n")
    real = migrations.all_migrations
    monkeypatch.setattr(migrations, "all_migrations", lambda: real() + [mod])
    with unlock(created_ledger[0], OFFICER[0], OFFICER[2], clock=clock) as s:
        assert s.ledger.schema_version() == 99
        assert s.ledger.read_one("SELECT name FROM sqlite_master WHERE name='later'") is not None
        backups = list(LedgerFiles(created_ledger[0]).backups.glob("before-schema-99-*.tokki"))
        assert len(backups) == 1 and s.check_backup(backups[0]).ok
        assert "schema_upgrade" in [r[0] for r in s.ledger.read("SELECT action FROM audit_log")]
        assert s.verify().ok


def test_a_failing_migration_changes_nothing(created_ledger, clock, monkeypatch):
    def broken(conn):
        conn.execute("CREATE TABLE half (id INTEGER)")
        raise RuntimeError("bug in migration")

    mod = types.ModuleType("m0098_broken")
    mod.VERSION = 98
    mod.upgrade = broken
    real = migrations.all_migrations
    monkeypatch.setattr(migrations, "all_migrations", lambda: real() + [mod])
    with pytest.raises(RuntimeError):
        unlock(created_ledger[0], OFFICER[0], OFFICER[2], clock=clock)
    monkeypatch.setattr(migrations, "all_migrations", real)
    with unlock(created_ledger[0], OFFICER[0], OFFICER[2], clock=clock) as s:
        assert s.ledger.read_one("SELECT name FROM sqlite_master WHERE name='half'") is None
        assert s.ledger.schema_version() == migrations.latest_version()


def test_disk_full_leaves_no_partial_record_and_recovers(officer_session):
    ledger = officer_session.ledger
    pages = ledger.read_one("PRAGMA page_count")[0]
    # The ledger's size cap stands in for a full disk: SQLite reports the same SQLITE_FULL.
    ledger.conn.execute(f"PRAGMA max_page_count = {pages + 2}")
    head = ledger.audit_head()
    with pytest.raises(DiskFull) as err:
        with ledger.transaction(officer_session.user) as tx:
            for i in range(200):
                tx.insert("settings", {"key": f"big{i}", "value": "x" * 3000})
    assert "ディスク" in err.value.message("ja")
    assert ledger.audit_head() == head
    assert ledger.read_one("SELECT count(*) FROM settings WHERE key LIKE 'big%'")[0] == 0
    ledger.conn.execute("PRAGMA max_page_count = 1073741823")
    with ledger.transaction(officer_session.user) as tx:
        tx.insert("settings", {"key": "after", "value": "ok"})
    assert officer_session.verify().ok


def test_kill_9_while_writing_loses_no_acknowledged_write(tmp_path):
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        kill9 = importlib.import_module("kill9")
    finally:
        sys.path.pop(0)
    # bench/kill9.py runs 200 of these; the suite runs a handful.
    assert kill9.run(8, tmp_path / "crash", seed=11, quiet=True) == 0

"""Ledger files that are empty, cut short, foreign, missing, damaged, locked, full or read-only.

Each fault is real: real files, a real second process holding SQLite's lock, a real small
tmpfs for a full disk and a read-only remount (skipped with the reason where mounting is
refused). Nothing is ever created over, migrated into, or appended to such a file.
"""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from bench import faults
from tests.conftest import OFFICER
from tokki_desktop.errors import (DiskFull, LedgerBusy, LedgerDamaged, LedgerEmpty, LedgerFileGone,
                                  LedgerReadOnly, LedgerTruncated, MediaReadOnly, NotALedger)
from tokki_desktop.registers import repository as repo
from tokki_desktop.session import restore_unreadable, unlock


def _digests(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.iterdir()) if p.is_file() and not p.name.endswith("-shm")}


def _person(session, name: str) -> int:
    return repo.add(session, "people", {"name": name, "role": "handler", "employment_type": "regular"})


@pytest.mark.parametrize("content, error", [
    (b"", LedgerEmpty),
    (None, LedgerTruncated),  # the real ledger cut at 10,000 bytes
    (b"hello\n" * 2000, NotALedger),
])
def test_a_bad_file_in_the_ledgers_place_is_named_and_never_written(created_ledger, clock, content, error) -> None:
    data_dir = created_ledger[0]
    path = data_dir / "ledger.tokki"
    path.write_bytes(path.read_bytes()[:10000] if content is None else content)
    before = _digests(data_dir)
    with pytest.raises(error) as raised:
        unlock(data_dir, OFFICER[0], OFFICER[2], clock=clock)
    assert _digests(data_dir) == before
    assert not (data_dir / "ledger.tokki-wal").exists()
    assert "\n" not in raised.value.message("ja") and "restore" in raised.value.message("en")


def test_an_unencrypted_sqlite_file_is_not_a_ledger(created_ledger, clock) -> None:
    data_dir = created_ledger[0]
    path = data_dir / "ledger.tokki"
    path.unlink()
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE t (x)")
    conn.close()
    with pytest.raises(NotALedger):
        unlock(data_dir, OFFICER[0], OFFICER[2], clock=clock)


def test_a_missing_ledger_beside_its_key_file_is_not_recreated(created_ledger, clock) -> None:
    data_dir = created_ledger[0]
    (data_dir / "ledger.tokki").unlink()
    with pytest.raises(LedgerFileGone):
        unlock(data_dir, OFFICER[0], OFFICER[2], clock=clock)
    assert not (data_dir / "ledger.tokki").exists()


def _damage_unread_page(data_dir: Path, work: Path) -> int:
    led = faults.Ledger(data_dir, work)
    page = faults.find_unread_page(led)
    path = data_dir / "ledger.tokki"
    data = bytearray(path.read_bytes())
    data[page * 4096 + 300] ^= 0xFF
    path.write_bytes(bytes(data))
    return page


def test_a_damaged_page_opens_read_only_and_nothing_is_appended(created_ledger, clock, tmp_path: Path) -> None:
    data_dir = created_ledger[0]
    with unlock(data_dir, OFFICER[0], OFFICER[2], clock=clock) as session:
        for n in range(40):
            _person(session, f"多数 {n}")
    _damage_unread_page(data_dir, tmp_path)
    before = _digests(data_dir)
    session = unlock(data_dir, OFFICER[0], OFFICER[2], clock=clock)
    try:
        assert session.read_only
        with pytest.raises(LedgerReadOnly):
            _person(session, "新規 登録")
        assert session.ledger.read_one("SELECT count(*) FROM users")[0] == 2  # still readable
        report = session.verify()
        assert not report.ok and any("damaged page" in p for p in report.problems)
    finally:
        session.close()
    assert _digests(data_dir) == before


def test_restore_works_when_the_ledger_does_not_open(created_ledger, clock, tmp_path: Path) -> None:
    data_dir = created_ledger[0]
    with unlock(data_dir, OFFICER[0], OFFICER[2], clock=clock) as session:
        _person(session, "保存 済み")
        session.backup(tmp_path / "b.tokki")
    path = data_dir / "ledger.tokki"
    path.write_bytes(b"")
    with pytest.raises(LedgerDamaged):
        unlock(data_dir, OFFICER[0], OFFICER[2], clock=clock)
    result = restore_unreadable(data_dir, OFFICER[0], OFFICER[2], tmp_path / "b.tokki", clock=clock)
    assert result.kept is not None and result.kept.read_bytes() == b""
    with unlock(data_dir, OFFICER[0], OFFICER[2], clock=clock) as session:
        assert session.ledger.read_one("SELECT count(*) FROM people WHERE name = '保存 済み'")[0] == 1
        assert session.verify().ok


def test_a_lock_held_by_another_process_is_busy_not_damaged(officer_session) -> None:
    key = officer_session._data_key.hex()  # noqa: SLF001 - the other process opens the same ledger
    holder = subprocess.Popen([sys.executable, "-c", faults.LOCK_HOLDER, str(officer_session.files.ledger), key],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        officer_session.ledger.conn.execute("PRAGMA busy_timeout = 300")  # the CLI waits 30 s
        with pytest.raises(LedgerBusy) as raised:
            _person(officer_session, "施錠 中")
        assert "locked by another program" in raised.value.message("en")
    finally:
        holder.communicate("\n", timeout=30)
    _person(officer_session, "解除 後")  # the lock gone, the same session writes again


def _mount(where: Path, size_kb: int) -> faults.Mount:
    try:
        return faults.Mount(where, size_kb)
    except faults.Skip as why:
        pytest.skip(str(why))


def test_a_full_disk_says_disk_full_with_the_free_space(created_ledger, clock, tmp_path: Path) -> None:
    mount = _mount(tmp_path / "small", 700)
    try:
        data_dir = mount.where / "d"
        shutil.copytree(created_ledger[0], data_dir)
        session = unlock(data_dir, OFFICER[0], OFFICER[2], clock=clock)
        try:
            faults.fill(mount.where / "filler")
            with pytest.raises(DiskFull) as raised:
                for n in range(50):  # the WAL may still have a page or two
                    repo.add(session, "people", {"name": f"空き 不足 {n}", "role": "handler",
                                                 "employment_type": "regular", "notes": "x" * 3000})
            assert raised.value.free_bytes is not None and raised.value.free_bytes < 64 * 1024
            assert "free" in raised.value.message("en") and "空き" in raised.value.message("ja")
            assert "tokki restore" not in raised.value.message("en")
        finally:
            session.close()
        (mount.where / "filler").unlink()
        with unlock(data_dir, OFFICER[0], OFFICER[2], clock=clock) as again:
            assert again.verify().ok
    finally:
        mount.close()


def test_read_only_media_is_named_as_such(created_ledger, clock, tmp_path: Path) -> None:
    mount = _mount(tmp_path / "stick", 4096)
    try:
        data_dir = mount.where / "d"
        shutil.copytree(created_ledger[0], data_dir)
        mount.remount("ro")
        with pytest.raises(MediaReadOnly):
            unlock(data_dir, OFFICER[0], OFFICER[2], clock=clock)
        mount.remount("rw")
        with unlock(data_dir, OFFICER[0], OFFICER[2], clock=clock) as again:
            assert again.verify().ok
    finally:
        mount.close()


def test_a_read_on_a_damaged_ledger_works_and_says_read_only_once(created_ledger, clock, tmp_path: Path,
                                                                  monkeypatch, capsys) -> None:
    import io

    from tokki_desktop.cli import main

    data_dir = created_ledger[0]
    with unlock(data_dir, OFFICER[0], OFFICER[2], clock=clock) as session:
        for n in range(40):
            _person(session, f"多数 {n}")
    _damage_unread_page(data_dir, tmp_path)
    monkeypatch.setenv("TOKKI_PASSPHRASE", OFFICER[2])
    monkeypatch.setenv("TOKKI_LANG", "en")
    out = io.StringIO()
    assert main(["--data-dir", str(data_dir), "--user", OFFICER[0], "list", "people"], out=out) == 0
    assert "多数 39" in out.getvalue()
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "read-only" in err[0]


def test_the_monitor_does_not_start_on_a_read_only_ledger(created_ledger, clock, tmp_path: Path) -> None:
    from tokki_desktop.monitor.service import Monitor

    data_dir = created_ledger[0]
    with unlock(data_dir, OFFICER[0], OFFICER[2], clock=clock) as session:
        for n in range(40):
            _person(session, f"多数 {n}")
    _damage_unread_page(data_dir, tmp_path)
    before = _digests(data_dir)
    with unlock(data_dir, OFFICER[0], OFFICER[2], clock=clock) as session:
        with pytest.raises(LedgerReadOnly):
            Monitor(session)
    assert _digests(data_dir) == before
    assert not (data_dir / "spool").exists()


def test_errors_that_are_ours_stay_bugs(officer_session) -> None:
    # A constraint or a typo in SQL is not the environment's doing: no known error hides it.
    import sqlcipher3

    from tokki_desktop.ledger.sqlite_errors import known_error

    path = officer_session.files.ledger
    for sql in ("SELECT * FROM no_such_table", "INSERT INTO users (id, login, name, role) VALUES (1, 'x', 'x', 'x')"):
        with pytest.raises(sqlcipher3.Error) as raised:
            officer_session.ledger.conn.execute(sql)
        assert known_error(raised.value, path) is None

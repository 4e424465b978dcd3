"""Unlocking: passphrases, wrong input, backoff, recovery key, terminal slot, damaged files."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from tokki_desktop.errors import (HeaderDamaged, LedgerDamaged, LedgerExists, LedgerMissing,
                                  NetworkShareRefused, NotPermitted, TooManyAttempts, UnknownUser,
                                  WrongPassphrase, InvalidInput)
from tokki_desktop.paths import LedgerFiles
from tokki_desktop.session import (NoTerminalSlot, create_ledger, unlock, unlock_terminal,
                                   unlock_with_recovery_key)
from tests.conftest import HANDLER, OFFICER


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def snapshot(data_dir: Path) -> dict[str, str]:
    return {p.name: digest(p) for p in sorted(data_dir.iterdir()) if p.is_file() and "attempts" not in p.name}


def audit_actions(session) -> list[str]:
    return [r[0] for r in session.ledger.read("SELECT action FROM audit_log ORDER BY seq")]


def test_create_then_unlock_as_officer_and_handler(created_ledger, clock):
    data_dir, recovery = created_ledger
    assert len(recovery.split("-")) == 8
    with unlock(data_dir, *OFFICER[::2], clock=clock) as s:
        assert s.user.is_officer and s.user.name == OFFICER[1]
    with unlock(data_dir, HANDLER[0], HANDLER[2], clock=clock) as s:
        assert s.user.role == "handler"


def test_key_file_never_holds_the_data_key_in_plain(created_ledger, clock):
    data_dir, _ = created_ledger
    with unlock(data_dir, OFFICER[0], OFFICER[2], clock=clock) as s:
        key = s._data_key
    for path in data_dir.iterdir():
        raw = path.read_bytes()
        assert key not in raw and key.hex().encode() not in raw


def test_wrong_passphrase_changes_nothing_and_is_counted_apart(created_ledger, clock):
    data_dir, _ = created_ledger
    before = snapshot(data_dir)
    with pytest.raises(WrongPassphrase) as err:
        unlock(data_dir, OFFICER[0], "not-the-passphrase", clock=clock)
    assert "パスフレーズが違います" in err.value.message("ja")
    assert "not correct" in err.value.message("en")
    assert snapshot(data_dir) == before
    attempts = [p.name for p in data_dir.iterdir() if "attempts" in p.name]
    assert attempts == ["unlock-attempts.json"]


def test_unknown_user(created_ledger, clock):
    with pytest.raises(UnknownUser):
        unlock(created_ledger[0], "nobody", "whatever-123", clock=clock)


def test_backoff_then_failures_enter_the_audit_chain(created_ledger, clock):
    data_dir, _ = created_ledger
    for _ in range(3):
        with pytest.raises(WrongPassphrase):
            unlock(data_dir, OFFICER[0], "wrong-wrong", clock=clock)
    # After the free attempts, even the right passphrase must wait.
    with pytest.raises(TooManyAttempts) as err:
        unlock(data_dir, OFFICER[0], OFFICER[2], clock=clock)
    assert err.value.wait_seconds > 0
    clock.advance(err.value.wait_seconds + 0.1)
    with unlock(data_dir, OFFICER[0], OFFICER[2], clock=clock) as s:
        actions = audit_actions(s)
        assert actions.count("unlock_failed") == 3
        assert actions[-1] == "unlock"
        assert s.verify().ok
    assert not LedgerFiles(data_dir).attempts.exists()


def test_recovery_key_opens_and_resets_a_lost_passphrase(created_ledger, clock):
    data_dir, recovery = created_ledger
    typed = recovery.lower().replace("-", " ")  # people type it loosely
    with unlock_with_recovery_key(data_dir, typed, clock=clock) as s:
        s.set_passphrase(OFFICER[0], "brand-new-pass")
    with pytest.raises(WrongPassphrase):
        unlock(data_dir, OFFICER[0], OFFICER[2], clock=clock)
    with unlock(data_dir, OFFICER[0], "brand-new-pass", clock=clock) as s:
        assert "passphrase_changed" in audit_actions(s)


def test_wrong_recovery_key(created_ledger, clock):
    from tokki_desktop.session import new_recovery_key

    with pytest.raises(WrongPassphrase):
        unlock_with_recovery_key(created_ledger[0], new_recovery_key()[0], clock=clock)
    with pytest.raises(InvalidInput):
        unlock_with_recovery_key(created_ledger[0], "not a key", clock=clock)


def test_change_passphrase_rewraps_without_rekeying(officer_session, created_ledger, clock):
    data_dir = created_ledger[0]
    first_page = LedgerFiles(data_dir).ledger.read_bytes()[:16]  # SQLCipher salt: same key, same salt
    officer_session.set_passphrase(OFFICER[0], "another-pass-9")
    officer_session.close()
    with pytest.raises(WrongPassphrase):
        unlock(data_dir, OFFICER[0], OFFICER[2], clock=clock)
    with unlock(data_dir, OFFICER[0], "another-pass-9", clock=clock) as s:
        assert s.verify().ok
    assert LedgerFiles(data_dir).ledger.read_bytes()[:16] == first_page


def test_handler_cannot_add_users_or_reset_others(handler_session):
    with pytest.raises(NotPermitted):
        handler_session.add_user("x1", "handler", "誰か", "pass-word-1")
    with pytest.raises(NotPermitted):
        handler_session.set_passphrase(OFFICER[0], "pass-word-1")


def test_disabled_user_cannot_unlock(officer_session, created_ledger, clock):
    officer_session.disable_user(HANDLER[0])
    with pytest.raises(UnknownUser):
        unlock(created_ledger[0], HANDLER[0], HANDLER[2], clock=clock)


def test_terminal_slot_through_a_keyring(officer_session, created_ledger, memory_keyring, clock):
    status = officer_session.enable_terminal_slot(memory_keyring)
    assert status.available
    with unlock_terminal(created_ledger[0], memory_keyring, clock=clock) as s:
        assert s.user.login == "monitor"
        with s.ledger.transaction(s.user) as tx:
            tx.event("monitor_started")
    # The secret lives only in the keyring: the key file holds it wrapped, never in plain.
    secret = next(iter(memory_keyring.items.values()))
    assert secret.encode() not in LedgerFiles(created_ledger[0]).header.read_bytes()


def test_no_keyring_backend_says_so_and_passphrases_still_work(officer_session, created_ledger, monkeypatch):
    import keyring
    from keyring.backends import fail

    monkeypatch.setattr(keyring, "get_keyring", lambda: fail.Keyring())
    status = officer_session.enable_terminal_slot()
    assert not status.available and "キーリング" in status.reason_ja and "keyring" in status.reason_en
    with pytest.raises(NoTerminalSlot):
        unlock_terminal(created_ledger[0])
    assert officer_session.verify().ok


def test_locked_keyring_is_a_clear_error(officer_session, created_ledger, memory_keyring):
    officer_session.enable_terminal_slot(memory_keyring)

    class Locked:
        def get_password(self, service, username):
            from keyring.errors import KeyringLocked
            raise KeyringLocked("locked")

    with pytest.raises(NoTerminalSlot):
        unlock_terminal(created_ledger[0], Locked())  # type: ignore[arg-type]


def test_refuses_to_create_over_an_existing_ledger(created_ledger):
    before = snapshot(created_ledger[0])
    with pytest.raises(LedgerExists):
        create_ledger(created_ledger[0], client="小金井市", contract="c", contractor="c",
                      officer_login="x", officer_name="x", passphrase="long-enough")
    assert snapshot(created_ledger[0]) == before


def test_missing_ledger(tmp_path):
    with pytest.raises(LedgerMissing):
        unlock(tmp_path / "none", "a", "b")


@pytest.mark.parametrize("damage", ["truncate", "flip"])
def test_damaged_key_file_is_reported_and_left_alone(created_ledger, clock, damage):
    data_dir = created_ledger[0]
    header = LedgerFiles(data_dir).header
    raw = bytearray(header.read_bytes())
    if damage == "truncate":
        raw = raw[: len(raw) // 2]
    else:
        i = raw.index(b'"wrapped"') + 15
        raw[i] = ord("A") if raw[i] != ord("A") else ord("B")
    header.write_bytes(bytes(raw))
    before = snapshot(data_dir)
    with pytest.raises(HeaderDamaged) as err:
        unlock(data_dir, OFFICER[0], OFFICER[2], clock=clock)
    assert "ledger.keys.bak" in err.value.message("ja")
    assert snapshot(data_dir) == before


def test_the_key_file_backup_opens_the_ledger(created_ledger, clock):
    files = LedgerFiles(created_ledger[0])
    files.header.write_bytes(b"")
    files.header_backup.replace(files.header)
    with unlock(files.data_dir, OFFICER[0], OFFICER[2], clock=clock) as s:
        assert s.verify().ok


@pytest.mark.parametrize("damage", ["truncate", "flip-first-page"])
def test_damaged_ledger_is_reported_and_left_alone(created_ledger, clock, damage):
    data_dir = created_ledger[0]
    ledger = LedgerFiles(data_dir).ledger
    raw = bytearray(ledger.read_bytes())
    if damage == "truncate":
        raw = raw[:100]
    else:
        raw[200] ^= 0x01
    ledger.write_bytes(bytes(raw))
    before = snapshot(data_dir)
    with pytest.raises(LedgerDamaged) as err:
        unlock(data_dir, OFFICER[0], OFFICER[2], clock=clock)
    assert "restore" in err.value.message("en")
    assert snapshot(data_dir) == before


def test_bit_flip_in_a_later_page_is_found_by_verify(officer_session, created_ledger, clock):
    with officer_session.ledger.transaction(officer_session.user) as tx:
        for i in range(300):
            tx.insert("settings", {"key": f"fill.{i}", "value": "値" * 200})
    officer_session.close()
    ledger = LedgerFiles(created_ledger[0]).ledger
    raw = bytearray(ledger.read_bytes())
    page = 4096
    raw[page * (len(raw) // page - 2) + 100] ^= 0x10
    ledger.write_bytes(bytes(raw))
    try:
        s = unlock(created_ledger[0], OFFICER[0], OFFICER[2], clock=clock)
    except LedgerDamaged:
        return  # found at open: also fine
    with s:
        report = s.verify()
    assert not report.ok


def test_refuses_a_network_share(tmp_path, monkeypatch):
    import tokki_desktop.paths as paths

    monkeypatch.setattr(paths, "filesystem_type", lambda path: "nfs4")
    with pytest.raises(NetworkShareRefused):
        create_ledger(tmp_path / "share", client="小金井市", contract="c", contractor="c",
                      officer_login="x", officer_name="x", passphrase="long-enough")


def test_short_passphrase_refused(tmp_path):
    with pytest.raises(InvalidInput) as err:
        create_ledger(tmp_path / "l", client="小金井市", contract="c", contractor="c",
                      officer_login="x", officer_name="x", passphrase="short")
    assert "パスフレーズ" in err.value.message("ja")
    assert not (tmp_path / "l").exists()


def test_login_names_are_ascii_only(tmp_path):
    from tokki_desktop.session import is_valid_login

    assert is_valid_login("hana.s-01") and not is_valid_login("山田") and not is_valid_login("")
    with pytest.raises(InvalidInput):
        create_ledger(tmp_path / "l", client="小金井市", contract="c", contractor="c",
                      officer_login="山田", officer_name="山田 太郎", passphrase="long-enough")

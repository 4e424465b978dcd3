"""Restore, full backup and fingerprint registration are officer actions; restore says what it drops."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import OFFICER
from tokki_desktop.errors import NotPermitted, RestoreWouldLose
from tokki_desktop.registers import repository as repo
from tokki_desktop.session import unlock


def _person(session, name: str) -> int:
    return repo.add(session, "people", {"name": name, "role": "handler", "employment_type": "regular"})


def test_a_handler_can_neither_restore_nor_back_up_nor_register_fingerprints(
        officer_session, handler_session, tmp_path: Path) -> None:
    from tokki_desktop.scanner.ledger_fingerprints import LedgerFingerprintStore

    officer_session.backup(tmp_path / "b.tokki")
    later = _person(officer_session, "後から 登録")
    before = handler_session.ledger.audit_head()
    with pytest.raises(NotPermitted):
        handler_session.restore(tmp_path / "b.tokki", confirm_loss=True)
    with pytest.raises(NotPermitted):
        handler_session.backup(tmp_path / "h.tokki")
    roster = tmp_path / "roster.csv"
    roster.write_text("氏名,電話\n山田 太郎,090-1234-5678\n", "utf-8")
    with pytest.raises(NotPermitted):
        LedgerFingerprintStore(handler_session).add_dataset("名簿", [roster])
    assert not (tmp_path / "h.tokki").exists()
    assert handler_session.ledger.audit_head() == before
    assert officer_session.ledger.read_one("SELECT id FROM people WHERE id = ?", (later,)) is not None


def test_restoring_an_older_backup_names_what_is_lost_and_needs_confirmation(
        created_ledger, clock, tmp_path: Path) -> None:
    data_dir = created_ledger[0]
    session = unlock(data_dir, OFFICER[0], OFFICER[2], clock=clock)
    session.backup(tmp_path / "b.tokki")
    later = _person(session, "後から 登録")
    head_before = session.ledger.audit_head()
    with pytest.raises(RestoreWouldLose) as refused:
        session.restore(tmp_path / "b.tokki")
    # backup_written and the person's insert came after the backup's last record
    assert refused.value.lost == 2
    assert "insert 1" in refused.value.message("en") and "backup_written 1" in refused.value.message("en")
    assert "\n" not in refused.value.message("ja")
    assert session.ledger.audit_head() == head_before  # nothing replaced
    result = session.restore(tmp_path / "b.tokki", confirm_loss=True)
    assert result.records_dropped == 2 and result.kept is not None and result.kept.exists()
    assert session.ledger.read_one("SELECT id FROM people WHERE id = ?", (later,)) is None
    restored = session.ledger.read("SELECT change FROM audit_log WHERE action = 'restored'")
    assert json.loads(restored[-1]["change"])["records_dropped"] == 2
    assert session.verify().ok
    session.close()


def test_even_the_backups_own_audit_record_counts_as_lost(officer_session, tmp_path: Path) -> None:
    # After the backup nothing but its own audit record: that one record is still named.
    officer_session.backup(tmp_path / "b.tokki")
    with pytest.raises(RestoreWouldLose) as refused:
        officer_session.restore(tmp_path / "b.tokki")
    assert refused.value.lost == 1

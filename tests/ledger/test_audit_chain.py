"""The audit chain detects edits, deletions, reordering, insertions and a cut tail."""

from __future__ import annotations

import pytest
import sqlcipher3

from tokki_desktop.ledger.audit import Checkpoint


def write_some(session, n: int = 10, prefix: str = "k") -> None:
    with session.ledger.transaction(session.user) as tx:
        for i in range(n):
            tx.insert("settings", {"key": f"{prefix}{i}", "value": f"値{i}"})


def raw(session):
    """A raw connection on the same file, as someone with the key but not the audit key might use."""
    conn = session.ledger.conn
    conn.execute("DROP TRIGGER IF EXISTS audit_no_update")
    conn.execute("DROP TRIGGER IF EXISTS audit_no_delete")
    return conn


def test_every_write_is_audited_in_its_transaction(officer_session):
    before = officer_session.ledger.audit_head()[0]
    write_some(officer_session, 3)
    rows = officer_session.ledger.read("SELECT action, tbl, actor, change FROM audit_log WHERE seq > ?", (before,))
    assert [r["action"] for r in rows] == ["insert"] * 3
    assert all(r["tbl"] == "settings" and r["actor"] == "boss" for r in rows)
    assert '"値0"' in rows[0]["change"]


def test_update_records_old_and_new(officer_session):
    with officer_session.ledger.transaction(officer_session.user) as tx:
        rid = tx.insert("settings", {"key": "x", "value": "前"})
        tx.update("settings", rid, {"value": "後"})
        assert tx.update("settings", rid, {"value": "後"}) == {}  # no change, no record
    last = officer_session.ledger.read("SELECT action, change FROM audit_log ORDER BY seq DESC LIMIT 1")[0]
    assert last["action"] == "update" and '"old":{"value":"前"}' in last["change"]


def test_a_failed_transaction_leaves_neither_row_nor_audit(officer_session):
    head = officer_session.ledger.audit_head()
    with pytest.raises(RuntimeError):
        with officer_session.ledger.transaction(officer_session.user) as tx:
            tx.insert("settings", {"key": "gone", "value": "v"})
            raise RuntimeError("boom")
    assert officer_session.ledger.audit_head() == head
    assert officer_session.ledger.read_one("SELECT 1 FROM settings WHERE key='gone'") is None


def test_triggers_refuse_changing_or_deleting_audit_records(officer_session):
    conn = officer_session.ledger.conn
    with pytest.raises(sqlcipher3.IntegrityError):
        conn.execute("UPDATE audit_log SET action='x' WHERE seq=1")
    with pytest.raises(sqlcipher3.IntegrityError):
        conn.execute("DELETE FROM audit_log WHERE seq=1")


def test_intact_chain_verifies(officer_session):
    write_some(officer_session)
    report = officer_session.verify()
    assert report.ok and report.records == officer_session.ledger.audit_head()[0]


def test_edited_record_is_found(officer_session):
    write_some(officer_session)
    raw(officer_session).execute("UPDATE audit_log SET change = replace(change, '値3', '値X') WHERE change LIKE '%値3%'")
    report = officer_session.verify()
    assert not report.ok and any("MAC" in p for p in report.problems)


def test_deleted_record_is_found(officer_session):
    write_some(officer_session)
    raw(officer_session).execute("DELETE FROM audit_log WHERE seq = 5")
    assert any("gap" in p for p in officer_session.verify().problems)


def test_reordered_records_are_found(officer_session):
    write_some(officer_session)
    conn = raw(officer_session)
    a = conn.execute("SELECT ts, actor, action, tbl, row_id, change, mac FROM audit_log WHERE seq=6").fetchone()
    b = conn.execute("SELECT ts, actor, action, tbl, row_id, change, mac FROM audit_log WHERE seq=7").fetchone()
    for seq, r in ((6, b), (7, a)):
        conn.execute("UPDATE audit_log SET ts=?, actor=?, action=?, tbl=?, row_id=?, change=?, mac=? WHERE seq=?",
                     (*r, seq))
    assert not officer_session.verify().ok


def test_inserted_record_is_found(officer_session):
    write_some(officer_session)
    conn = raw(officer_session)
    conn.execute("UPDATE audit_log SET seq = seq + 1000 WHERE seq > 4")
    conn.execute("UPDATE audit_log SET seq = seq - 999 WHERE seq > 1000")
    conn.execute("INSERT INTO audit_log VALUES (5, '2026-01-01', 'evil', 'insert', 'settings', 1, '{}', x'00')")
    assert not officer_session.verify().ok


def test_truncated_tail_needs_the_paper_checkpoint(officer_session):
    write_some(officer_session)
    cp = officer_session.checkpoint()
    raw(officer_session).execute("DELETE FROM audit_log WHERE seq >= ?", (cp.seq - 2,))
    assert officer_session.verify().ok  # without a checkpoint a cut tail looks whole…
    report = officer_session.verify(Checkpoint.parse(cp.text()))
    assert not report.ok and any("checkpoint" in p for p in report.problems)


def test_checkpoint_of_an_intact_chain(officer_session):
    write_some(officer_session)
    cp = officer_session.checkpoint()
    write_some(officer_session, 2, prefix="more")
    assert officer_session.verify(Checkpoint.parse(cp.text())).ok


def test_checkpoint_text_is_checked():
    from tokki_desktop.errors import InvalidInput

    with pytest.raises(InvalidInput):
        Checkpoint.parse("12:nothex")


def test_large_binary_values_are_audited_by_hash(officer_session):
    import hashlib

    blob = bytes(range(256)) * 4
    with officer_session.ledger.transaction(officer_session.user) as tx:
        tx.insert("settings", {"key": "blob", "value": blob})
    change = officer_session.ledger.read("SELECT change FROM audit_log ORDER BY seq DESC LIMIT 1")[0][0]
    assert hashlib.sha256(blob).hexdigest() in change and blob.hex() not in change
    assert officer_session.verify().ok

"""A 従事者 explains a detection: stored in the audit chain, read back by the officer."""

from __future__ import annotations

from pathlib import Path

import pytest

from tokki_desktop.errors import InvalidInput, NotFound
from tokki_desktop.registers import explanations


def _detection(session, folder: Path) -> int:
    """One open detection, imported from the monitor's spool as a running monitor would."""
    from tokki_desktop.monitor import records
    from tokki_desktop.monitor.service import spool_for

    spool = spool_for(session)
    spool.append("detection", {
        "dedupe_key": "k1", "detected_at": "2026-11-26T10:00:00+09:00", "place_kind": "folder",
        "place": "Downloads", "root": str(folder), "path": str(folder / "名簿.csv"), "size": 10,
        "content_hash": "", "verdict": "personal_data", "findings": {"name": 2}, "examples": ["山＊＊＊"],
        "rule": "copy_without_approval", "article": 5, "severity": "violation", "status": "open"})
    report = records.import_spool(session.ledger, spool, collect_ids=True)
    assert report.detection_ids
    return int(report.detection_ids[0])


TEXTS = [
    "課税課からの依頼で、照合のため一時的に保存しました。本日中に削除します。",
    "quote ' \" `; DROP TABLE audit_log;--",
    "絵文字 🙂 と 𠮷\n改行\tタブ",
    "x" * explanations.MAX_LENGTH,
]


def test_handler_explains_and_the_officer_reads_it_back(officer_session, handler_session, tmp_path) -> None:
    det = _detection(officer_session, tmp_path)
    before = officer_session.ledger.audit_head()[0]
    seqs = [explanations.explain_detection(handler_session, det, text) for text in TEXTS]
    assert seqs == list(range(before + 1, before + 1 + len(TEXTS)))  # one audit record each
    got = explanations.explanations(officer_session, det)
    assert [e.text for e in got] == TEXTS  # unchanged, oldest first
    assert {e.login for e in got} == {"hana"}
    assert got[0].ts.startswith("2026-11-26T10:00")
    # The chain still verifies with the new records in it; they can be neither edited nor removed.
    assert officer_session.verify().ok
    from tokki_desktop.monitor import records

    assert records.detection(officer_session.ledger, det)["status"] == "open"  # explaining resolves nothing


def test_explanations_of_another_detection_are_not_mixed_in(officer_session, handler_session, tmp_path) -> None:
    det = _detection(officer_session, tmp_path)
    explanations.explain_detection(handler_session, det, "理由")
    assert explanations.explanations(officer_session, det + 1) == []


@pytest.mark.parametrize("bad", ["", "   \n\t", "x" * (explanations.MAX_LENGTH + 1)])
def test_empty_or_too_long_text_is_refused_and_nothing_written(handler_session, officer_session, tmp_path,
                                                                bad) -> None:
    det = _detection(officer_session, tmp_path)
    head = handler_session.ledger.audit_head()[0]
    with pytest.raises(InvalidInput) as caught:
        explanations.explain_detection(handler_session, det, bad)
    assert caught.value.ja and caught.value.en
    assert "xxxx" not in str(caught.value)  # the text is never echoed
    assert handler_session.ledger.audit_head()[0] == head


def test_unknown_detection_or_bad_id_is_refused(handler_session) -> None:
    head = handler_session.ledger.audit_head()[0]
    with pytest.raises(NotFound):
        explanations.explain_detection(handler_session, 999, "理由")
    with pytest.raises(InvalidInput):
        explanations.explain_detection(handler_session, "1", "理由")  # type: ignore[arg-type]
    with pytest.raises(InvalidInput):
        explanations.explain_detection(handler_session, 1, None)  # type: ignore[arg-type]
    assert handler_session.ledger.audit_head()[0] == head


def test_a_system_actor_cannot_explain(officer_session, tmp_path) -> None:
    from dataclasses import replace

    det = _detection(officer_session, tmp_path)
    monitor = replace(officer_session.user, login="monitor", role="system")

    class AsMonitor:
        ledger = officer_session.ledger
        user = monitor

    with pytest.raises(explanations.NotAPerson) as caught:
        explanations.explain_detection(AsMonitor(), det, "理由")
    assert "従事者" in caught.value.ja and "handler" in caught.value.en
    assert explanations.explanations(officer_session, det) == []

"""The policy and the gap finder as pure functions; the compliance rules on a real ledger."""

from __future__ import annotations

import datetime as dt

import pytest

from tokki_desktop.monitor import runs
from tokki_desktop.monitor.policy import ApprovalRecord, MediumRecord, decide
from tokki_desktop.monitor.scanning import FileVerdict

JST = dt.timezone(dt.timedelta(hours=9))
TODAY = dt.date(2026, 11, 26)
PD = FileVerdict("personal_data", 0.9, {"name": 3})
ENC = FileVerdict("encrypted")
CLEAN = FileVerdict("clean")


def approval(**kw) -> ApprovalRecord:
    base = {"id": 7, "approval_type": "copy", "scope": "/srv/shared", "media_id": None, "status": "approved",
            "decided_on": dt.date(2026, 11, 1), "valid_until": dt.date(2026, 12, 31)}
    base.update(kw)
    return ApprovalRecord(**base)


def test_clean_files_are_not_recorded() -> None:
    assert decide(CLEAN, path="/x/a.csv", on_medium=False, medium=None, approvals=[], today=TODAY) is None


@pytest.mark.parametrize(("appr", "rule"), [
    (approval(), "copy_recorded"),
    (approval(scope="/srv/shared-other"), "copy_without_approval"),  # a prefix that is not a folder
    (approval(status="requested"), "copy_without_approval"),
    (approval(valid_until=dt.date(2026, 11, 25)), "copy_without_approval"),
    (approval(decided_on=dt.date(2026, 11, 27)), "copy_without_approval"),
    (approval(approval_type="transmission"), "copy_without_approval"),
])
def test_folder_approvals(appr: ApprovalRecord, rule: str) -> None:
    d = decide(PD, path="/srv/shared/sub/a.csv", on_medium=False, medium=None, approvals=[appr], today=TODAY)
    assert d is not None and d.rule == rule
    assert d.status == ("allowed" if rule == "copy_recorded" else "open")


def test_encrypted_files_are_reported_not_ignored() -> None:
    d = decide(ENC, path="/home/a.zip", on_medium=False, medium=None, approvals=[], today=TODAY)
    assert d is not None and (d.rule, d.severity) == ("encrypted_unknown", "warning")
    d = decide(ENC, path="/m/a.zip", on_medium=True, medium=None, approvals=[], today=TODAY)
    assert d is not None and d.rule == "unregistered_medium"


def test_medium_rules() -> None:
    plain = MediumRecord(3, "USB-1", encrypted=False, consent_on=dt.date(2026, 4, 1))
    secure = MediumRecord(4, "USB-2", encrypted=True, consent_on=dt.date(2026, 4, 1))
    later = MediumRecord(5, "USB-3", encrypted=True, consent_on=dt.date(2026, 12, 1))
    use = [approval(approval_type="media_use", scope="持出し", media_id=4)]
    assert decide(PD, path="/m/a", on_medium=True, medium=plain, approvals=use, today=TODAY).rule == "unencrypted_on_medium"
    assert decide(PD, path="/m/a", on_medium=True, medium=secure, approvals=use, today=TODAY).rule == "copy_recorded"
    assert decide(PD, path="/m/a", on_medium=True, medium=secure, approvals=[], today=TODAY).rule == "copy_without_approval"
    assert decide(PD, path="/m/a", on_medium=True, medium=later, approvals=use, today=TODAY).rule == "medium_not_consented"
    # An encrypted file on an encrypted, approved medium is fine; on a plain one it is not a 6(1) case.
    assert decide(ENC, path="/m/a", on_medium=True, medium=plain, approvals=[approval(approval_type="media_use", media_id=3)],
                  today=TODAY).rule == "copy_recorded"


def t(h: int, m: int = 0) -> dt.datetime:
    return dt.datetime(2026, 11, 26, h, m, tzinfo=JST)


def test_gaps_at_start() -> None:
    boot = t(8)
    killed = {"started_at": t(8, 1).isoformat(), "last_heartbeat_at": t(9).isoformat(), "boot_at": boot.isoformat()}
    assert runs.gaps_at_start(killed, boot, t(11)) == [runs.Gap(t(9), t(11), "killed")]
    assert runs.gaps_at_start(killed, boot, t(9, 5)) == []  # within the tolerance
    officer = dict(killed, stopped_at=t(9, 30).isoformat(), stop_kind="officer")
    assert runs.gaps_at_start(officer, boot, t(12))[0].reason == "officer_stop"
    # Rebooted at 10:00, monitor only at 11:00: started late.
    assert runs.gaps_at_start(killed, t(10), t(11)) == [runs.Gap(t(10), t(11), "started_late")]
    assert runs.gaps_at_start(None, boot, t(11)) == []  # the very first run is set-up time


def test_compliance_reports_open_detections_and_gaps(officer_session, tmp_path) -> None:
    from tokki_desktop.monitor.records import import_spool
    from tokki_desktop.monitor.service import spool_for
    from tokki_desktop.registers.compliance import evaluate

    spool = spool_for(officer_session)
    spool.append("detection", {
        "dedupe_key": "k", "detected_at": t(9).isoformat(), "place_kind": "folder", "place": "Downloads",
        "root": str(tmp_path), "path": str(tmp_path / "a.csv"), "verdict": "personal_data",
        "findings": {"name": 3}, "examples": [], "rule": "copy_without_approval", "article": 5,
        "severity": "violation", "status": "open"})
    spool.append("gap", {"gap_from": t(7).isoformat(), "gap_to": t(8).isoformat(), "reason": "killed"})
    spool.append("run_start", {"host": "pc", "os_user": "hana", "pid": 1, "started_at": t(8).isoformat(),
                               "boot_at": t(6).isoformat()})
    import_spool(officer_session.ledger, spool)
    report = evaluate(officer_session, t(12))
    found = [(f.rule, f.article, f.severity) for a in report.articles.values() for f in a.findings
             if f.rule.startswith("monitor_")]
    assert ("monitor_open_detections", 5, "violation") in found
    assert ("monitor_gap", 7, "violation") in found  # the recorded gap
    # And the run that stopped answering (last heartbeat 08:00, now 12:00).
    assert sum(1 for r in found if r[0] == "monitor_gap") == 2

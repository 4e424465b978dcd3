"""The officer's removed / quarantine of a terminal's detection, carried out on the terminal."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.monitor.helpers import ROSTER, SECRETS, wait_for, write_roster
from tests.worksite.helpers import enrol_and_join, start_agent, take_in_until
from tokki_desktop.monitor import records
from tokki_desktop.monitor.resolutions import OnTerminal, quarantined, resolve, restore
from tokki_desktop.site.intake import SiteIntake
from tokki_desktop.site.resolutions import ResolutionPending, resolutions


def _detect(session, docs: Path, name: str = "名簿.csv") -> dict:
    write_roster(docs / name)
    [det] = take_in_until(session, lambda: records.detections(session.ledger, open_only=True))
    return det


def _state(session, det_id: int) -> dict:
    [r] = [r for r in resolutions(session.ledger, detection_id=det_id)][:1]
    return r


def test_quarantine_is_carried_out_on_the_terminal_and_reported_done(officer_session, tmp_path: Path,
                                                                        clock) -> None:
    drop = tmp_path / "drop"
    agent_dir, docs = enrol_and_join(officer_session, tmp_path, "窓口1", drop)
    agent = start_agent(agent_dir, clock=clock)
    try:
        det = _detect(officer_session, docs)
        res = resolve(officer_session, int(det["id"]), "quarantine")
        assert res.request_id is not None
        assert _state(officer_session, det["id"])["state"] == "requested"
        # The detection stays open until the terminal reports; a second request is refused.
        assert records.detection(officer_session.ledger, int(det["id"]))["status"] == "open"
        with pytest.raises(ResolutionPending) as exc:
            resolve(officer_session, int(det["id"]), "removed")
        assert "窓口1" in exc.value.message("ja") and "terminal" in exc.value.message("en")
        assert take_in_until(officer_session, lambda: _state(officer_session, det["id"])["state"] == "done")
        assert not (docs / "名簿.csv").exists()
        # The encrypted copy is on the terminal, whole; nothing readable of the file in it.
        [stored] = list((agent_dir / "quarantine").glob("*.tkq"))
        for secret in SECRETS:
            assert secret.encode() not in stored.read_bytes()
        assert agent.vault._decrypt_digest(stored.name)[0] == len(ROSTER.encode())
        # Audited at the terminal: stored, then finished, in an unbroken chain.
        steps = [(a.step, a.outcome) for a in agent.store.actions()]
        assert steps == [("stored", None), ("finished", "done")] and agent.store.verify_actions()
    finally:
        agent.stop()
    d = records.detection(officer_session.ledger, int(det["id"]))
    assert d["status"] == "resolved" and d["resolution"] == "quarantine" and d["resolved_by"] == officer_session.user.login
    [q] = quarantined(officer_session.ledger)
    assert q["terminal"] == "窓口1" and q["stored_name"] == stored.name and q["id"] == d["quarantine_id"]
    # Held on the terminal: this PC cannot restore it.
    with pytest.raises(OnTerminal):
        restore(officer_session, int(q["id"]), to=tmp_path / "back.csv")
    # Audited at the site: requested, then done, then the detection's resolution.
    actions = [r["action"] for r in officer_session.ledger.read("SELECT action FROM audit_log ORDER BY seq")]
    for a in ("site_resolution_requested", "site_resolution_done", "quarantine", "detection_quarantine"):
        assert a in actions
    assert actions.index("site_resolution_requested") < actions.index("site_resolution_done")
    # Nothing pending any more: the policy update carries no request.
    assert SiteIntake(officer_session).take_in().policies_written == 0


def test_a_file_changed_since_detection_is_left_alone_and_reported(officer_session, tmp_path: Path, clock) -> None:
    drop = tmp_path / "drop"
    agent_dir, docs = enrol_and_join(officer_session, tmp_path, "窓口1", drop)
    agent = start_agent(agent_dir, clock=clock)
    try:
        det = _detect(officer_session, docs)
        agent.stop()  # the file changes while the terminal is off
        (docs / "名簿.csv").write_text("中身を書き換えた\n", encoding="utf-8")
        resolve(officer_session, int(det["id"]), "quarantine")
        agent = start_agent(agent_dir, clock=clock)
        assert take_in_until(officer_session, lambda: _state(officer_session, det["id"])["state"] == "failed")
    finally:
        agent.stop()
    r = _state(officer_session, det["id"])
    assert r["reason"] == "changed"
    # While the detection stays open, the failure is a finding naming the terminal's reason.
    from tokki_desktop.registers.compliance import evaluate

    [f] = [f for f in evaluate(officer_session, clock.now()).findings if f.rule == "site_resolution_failed"]
    assert "窓口1" in f.message_ja and "changed since it was detected" in f.message_en
    assert (docs / "名簿.csv").read_text(encoding="utf-8") == "中身を書き換えた\n"
    assert not list((agent_dir / "quarantine").glob("*.tkq"))  # no stray copy kept
    assert records.detection(officer_session.ledger, int(det["id"]))["status"] == "open"


def test_gone_file_fails_quarantine_and_confirms_removal(officer_session, tmp_path: Path, clock) -> None:
    drop = tmp_path / "drop"
    agent_dir, docs = enrol_and_join(officer_session, tmp_path, "窓口1", drop)
    agent = start_agent(agent_dir, clock=clock)
    try:
        det = _detect(officer_session, docs)
        # "removed" while the file is still there: the terminal says so.
        resolve(officer_session, int(det["id"]), "removed")
        assert take_in_until(officer_session, lambda: _state(officer_session, det["id"])["state"] == "failed")
        assert _state(officer_session, det["id"])["reason"] == "still_present"
        (docs / "名簿.csv").unlink()
        # Quarantine of a file that is gone: failed, "gone".
        resolve(officer_session, int(det["id"]), "quarantine")
        assert take_in_until(officer_session, lambda: _state(officer_session, det["id"])["state"] == "failed")
        assert _state(officer_session, det["id"])["reason"] == "gone"
        # Removed, now that it is: done, and the detection is resolved.
        resolve(officer_session, int(det["id"]), "removed")
        assert take_in_until(officer_session, lambda: _state(officer_session, det["id"])["state"] == "done")
    finally:
        agent.stop()
    states = [(r["kind"], r["state"], r["reason"]) for r in resolutions(officer_session.ledger)]
    assert states == [("removed", "done", None), ("quarantine", "failed", "gone"),
                      ("removed", "failed", "still_present")]
    d = records.detection(officer_session.ledger, int(det["id"]))
    assert d["status"] == "resolved" and d["resolution"] == "removed"


@pytest.mark.skipif(os.geteuid() == 0 if hasattr(os, "geteuid") else True,
                    reason="file modes do not stop root (and POSIX modes are needed)")
def test_a_file_the_agent_may_not_remove_fails_with_permission(officer_session, tmp_path: Path, clock) -> None:
    drop = tmp_path / "drop"
    agent_dir, docs = enrol_and_join(officer_session, tmp_path, "窓口1", drop)
    agent = start_agent(agent_dir, clock=clock)
    try:
        det = _detect(officer_session, docs)
        docs.chmod(0o555)  # the file can be read, not removed
        resolve(officer_session, int(det["id"]), "quarantine")
        assert take_in_until(officer_session, lambda: _state(officer_session, det["id"])["state"] == "failed")
    finally:
        docs.chmod(0o755)
        agent.stop()
    assert _state(officer_session, det["id"])["reason"] == "permission"
    assert (docs / "名簿.csv").exists() and not list((agent_dir / "quarantine").glob("*.tkq"))


def test_a_request_is_carried_out_once_even_when_reported_twice(officer_session, tmp_path: Path, clock) -> None:
    """A kill after the outcome was spooled, before it was noted: reported again, the site
    counts it once, the file is not touched twice."""
    drop = tmp_path / "drop"
    agent_dir, docs = enrol_and_join(officer_session, tmp_path, "窓口1", drop)
    agent = start_agent(agent_dir, clock=clock)
    try:
        det = _detect(officer_session, docs)
        resolve(officer_session, int(det["id"]), "quarantine")
        assert take_in_until(officer_session, lambda: _state(officer_session, det["id"])["state"] == "done")
        [req] = [a.request_uid for a in agent.store.actions() if a.step == "finished"]
        agent.spool.append("resolution", {"request": req, "kind": "quarantine", "outcome": "failed",
                                          "reason": "gone", "at": clock.now().isoformat()})
        agent.deliver_now()
        report = SiteIntake(officer_session).take_in()
        assert report.duplicates == 1 and not report.refused
    finally:
        agent.stop()
    assert _state(officer_session, det["id"])["state"] == "done"
    assert len(quarantined(officer_session.ledger)) == 1


def test_a_file_on_a_read_only_file_system_fails_with_permission(officer_session, tmp_path: Path, clock) -> None:
    """As root, file modes stop nothing: a read-only mount refuses the removal instead."""
    import subprocess

    from tests.worksite.test_kill_and_drop_folder import _mount_tmpfs, _umount

    drop = tmp_path / "drop"
    agent_dir, docs = enrol_and_join(officer_session, tmp_path, "窓口1", drop)
    if not _mount_tmpfs(docs, "1m"):
        pytest.skip("mounting a small tmpfs needs root and a mount command that is allowed here")
    agent = None
    try:
        agent = start_agent(agent_dir, clock=clock)
        det = _detect(officer_session, docs)
        subprocess.run(["mount", "-o", "remount,ro", str(docs)], check=True, capture_output=True)
        resolve(officer_session, int(det["id"]), "quarantine")
        assert take_in_until(officer_session, lambda: _state(officer_session, det["id"])["state"] == "failed")
        assert _state(officer_session, det["id"])["reason"] == "permission"
        assert (docs / "名簿.csv").exists() and not list((agent_dir / "quarantine").glob("*.tkq"))
    finally:
        if agent is not None:
            agent.stop()
        _umount(docs)


def test_a_request_for_a_file_the_terminal_never_detected_fails_cleanly(officer_session, tmp_path: Path,
                                                                        clock) -> None:
    """A terminal whose store was lost (joined again, say) answers "unknown file"; an
    unknown kind is refused, never guessed at."""
    from tokki_desktop.site.carry_out import Request

    agent_dir, _ = enrol_and_join(officer_session, tmp_path, "窓口1", tmp_path / "drop")
    agent = start_agent(agent_dir, clock=clock)
    try:
        got = []
        outcomes = agent.worker.carry_out([Request("r1", "quarantine", "0" * 64, None)], got.append)
        assert [(o.outcome, o.reason) for o in outcomes] == [("failed", "unknown_file")] and got == outcomes
        # Carried out once: asked again, nothing is done or reported.
        assert agent.worker.carry_out([Request("r1", "quarantine", "0" * 64, None)], got.append) == []
        assert agent.store.verify_actions()
        # The terminal's audit shows an altered row.
        with agent.store._conn:
            agent.store._conn.execute("UPDATE actions SET outcome = 'done'")
        assert not agent.store.verify_actions()
    finally:
        agent.stop()


def test_a_copy_quarantined_on_a_terminal_is_restored_there_never_over_a_file(officer_session, tmp_path: Path,
                                                                               clock) -> None:
    from tokki_desktop.errors import NotFound
    from tokki_desktop.site.resolutions import request_restore

    drop = tmp_path / "drop"
    agent_dir, docs = enrol_and_join(officer_session, tmp_path, "窓口1", drop)
    agent = start_agent(agent_dir, clock=clock)
    try:
        det = _detect(officer_session, docs)
        original = (docs / "名簿.csv").read_bytes()
        resolve(officer_session, int(det["id"]), "quarantine")
        assert take_in_until(officer_session, lambda: _state(officer_session, det["id"])["state"] == "done")
        [q] = quarantined(officer_session.ledger)
        # Someone put another file at the place meanwhile: the restore refuses to overwrite it.
        (docs / "名簿.csv").write_text("別のファイル\n", encoding="utf-8")
        request_restore(officer_session, int(q["id"]))
        assert take_in_until(officer_session, lambda: _state(officer_session, det["id"])["state"] == "failed")
        assert _state(officer_session, det["id"])["reason"] == "target_exists"
        assert (docs / "名簿.csv").read_text(encoding="utf-8") == "別のファイル\n"
        (docs / "名簿.csv").unlink()
        request_restore(officer_session, int(q["id"]))
        assert take_in_until(officer_session, lambda: _state(officer_session, det["id"])["state"] == "done")
        assert (docs / "名簿.csv").read_bytes() == original
    finally:
        agent.stop()
    [q] = quarantined(officer_session.ledger)
    assert q["status"] == "restored" and q["restored_at"]
    with pytest.raises(NotFound):
        request_restore(officer_session, int(q["id"]))  # no longer held
    kinds = [(r["kind"], r["state"]) for r in resolutions(officer_session.ledger)]
    assert kinds == [("restore", "done"), ("restore", "failed"), ("quarantine", "done")]

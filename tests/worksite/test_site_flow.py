"""The core path: enrol at the site, join and run on two terminals, deliver, import."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

from tests.monitor.helpers import SECRETS, write_roster
from tests.worksite.helpers import enrol_and_join, start_agent, take_in_until
from tokki_desktop.monitor import records
from tokki_desktop.site import errors
from tokki_desktop.site.agent import join
from tokki_desktop.site.enrol import enrol, revoke, terminals
from tokki_desktop.site.intake import SiteIntake
from tokki_desktop.vault.terminal import MemoryStore


def test_two_terminals_deliver_detections_to_the_site(officer_session, tmp_path: Path, clock) -> None:
    drop = tmp_path / "drop"
    a_dir, a_docs = enrol_and_join(officer_session, tmp_path, "窓口1", drop)
    store = MemoryStore()
    b_dir, b_docs = enrol_and_join(officer_session, tmp_path, "窓口2", drop, store=store)
    a = start_agent(a_dir, clock=clock)
    b = start_agent(b_dir, clock=clock, store=store)
    try:
        write_roster(a_docs / "名簿.csv")
        write_roster(b_docs / "copy.csv")
        (b_docs / "memo.txt").write_text("会議は10時から", encoding="utf-8")
        dets = take_in_until(officer_session, lambda: len(records.detections(officer_session.ledger)) >= 2
                             and records.detections(officer_session.ledger))
    finally:
        a.stop()
        b.stop()
    report = SiteIntake(officer_session).take_in()  # the stops
    assert not report.refused and not report.gaps
    assert not officer_session.ledger.read_one("SELECT count(*) FROM site_refusals")[0]
    assert sorted(d["terminal"] for d in dets) == ["窓口1", "窓口2"]
    assert {d["rule"] for d in dets} == {"copy_without_approval"}
    rows = {t["name"]: t for t in terminals(officer_session.ledger)}
    assert rows["窓口1"]["status"] == "active" and rows["窓口1"]["running"] == 0
    assert rows["窓口2"]["open_detections"] == 1
    # Nothing in the drop folder is readable: no masked example, no name, no path.
    for p in drop.rglob("*"):
        if p.is_file():
            blob = p.read_bytes()
            for secret in SECRETS + ("名簿", "copy.csv", str(a_docs)):
                assert secret.encode() not in blob
    # A second import finds nothing new.
    again = SiteIntake(officer_session).take_in()
    assert again.bundles == 0 and len(records.detections(officer_session.ledger)) == 2


def test_the_key_file_is_private_and_the_enrolment_file_useless_without_the_code(officer_session,
                                                                               tmp_path: Path) -> None:
    drop = tmp_path / "drop"
    out = tmp_path / "t.tkenrol"
    made = enrol(officer_session, "端末A", drop=drop, watch=[tmp_path], out=out)
    assert stat.S_IMODE(os.stat(out).st_mode) == 0o600
    with pytest.raises(errors.WrongEnrolCode) as exc:
        join(tmp_path / "agent", out, "AAAAA-BBBBB-CCCCC-DDDDD", use_keyring=False)
    assert "登録コード" in exc.value.message("ja")
    assert not (tmp_path / "agent" / "agent.json").exists()
    with pytest.raises(errors.NotAnEnrolmentFile):
        join(tmp_path / "agent", tmp_path / "missing.tkenrol", made.code, use_keyring=False)
    ident = join(tmp_path / "agent", out, made.code.lower().replace("-", " "), use_keyring=False)
    assert ident["key_in"] == "file"
    assert stat.S_IMODE(os.stat(tmp_path / "agent" / "terminal.key").st_mode) == 0o600
    with pytest.raises(errors.AlreadyJoined):
        join(tmp_path / "agent", out, made.code, use_keyring=False)
    assert made.code.encode() not in out.read_bytes()
    assert json.loads((tmp_path / "agent" / "agent.json").read_text())["name"] == "端末A"


def test_only_an_officer_enrols_and_revokes(handler_session, officer_session, tmp_path: Path) -> None:
    from tokki_desktop.errors import KnownError

    with pytest.raises(KnownError):
        enrol(handler_session, "端末B", drop=tmp_path / "d", watch=[], out=tmp_path / "x")
    enrol(officer_session, "端末B", drop=tmp_path / "d", watch=[], out=tmp_path / "x")
    with pytest.raises(errors.TerminalNameTaken):
        enrol(officer_session, "端末B", drop=tmp_path / "d", watch=[], out=tmp_path / "y")
    with pytest.raises(KnownError):
        revoke(handler_session, "端末B")
    revoke(officer_session, "端末B")
    with pytest.raises(errors.TerminalUnknown):
        revoke(officer_session, "端末B")
    actions = [r[0] for r in officer_session.ledger.read("SELECT action FROM audit_log WHERE tbl = 'site_terminals'")]
    assert "terminal_enrolled" in actions and "terminal_revoked" in actions

"""The demo ledger shows something real in every register and a mix of statuses."""

from __future__ import annotations

from pathlib import Path

from tokki_desktop.demo import DEMO_LOGIN, DEMO_PASSPHRASE, create_demo
from tokki_desktop.registers import SPECS, repository
from tokki_desktop.registers.compliance import evaluate
from tokki_desktop.session import unlock


def test_demo_site(tmp_path: Path) -> None:
    # The demo dates itself from the real clock, so it is read at the real time too.
    info = create_demo(tmp_path / "demo")
    assert info.created
    session = unlock(info.data_dir, DEMO_LOGIN, DEMO_PASSPHRASE)
    try:
        empty = [k for k in SPECS if repository.count_records(session, k) == 0]
        assert empty == []  # every register, so every form of ``tokki forms render --all``, has a record
        subcontracts = repository.list_records(session, "subcontracts")
        assert [bool(s["approved_on"]) for s in subcontracts] == [True, False]
        reports = repository.list_records(session, "supervision_reports")
        assert reports and {r["subcontract_id"] for r in reports} == {subcontracts[0]["id"]}
        incident = repository.list_records(session, "incidents")[0]
        assert incident["other"] and incident["doc_no"]
        # One series of 文書番号 across the registers, no gaps, no number given twice.
        numbers = [int(r["doc_no"][3:-1]) for k, spec in SPECS.items() if spec.has_field("doc_no")
                   for r in repository.list_records(session, k) if r["doc_no"]]
        assert sorted(numbers) == list(range(1, len(numbers) + 1)) and len(numbers) >= 9
        people = repository.list_records(session, "people")
        assert len(people) == 7 and sum(p["role"] == "officer" for p in people) == 1
        assert sum(p["employment_type"] == "dispatched" for p in people) == 1
        assert repository.count_records(session, "workplaces") == 2
        assert repository.count_records(session, "media") == 4
        assert repository.count_records(session, "assets") == 5
        contract = repository.get(session, "contracts", 1)
        assert all(contract[f.name] not in (None, "") for f in SPECS["contracts"].fields if f.required)
        report = evaluate(session)
        statuses = {a.status for a in report.articles.values()}
        assert statuses == {"ok", "due_soon", "overdue", "violation"}
        assert report.status_of(7) == "violation" and report.status_of(10) == "overdue"
        assert report.status_of(18) == "due_soon" and report.status_of(8) == "ok"
        # The approved subcontract is supervised on time; the other still awaits approval.
        assert {f.rule for f in report.articles[14].findings} == {"subcontract_without_approval"}
        assert report.status_of(14) == "due_soon"
        assert report.status_of(4) == "ok" and report.status_of(13) == "ok"
        assert report.articles[4].checked and report.articles[13].checked
    finally:
        session.close()


def test_demo_has_a_watched_folder_and_a_real_detection(tmp_path: Path) -> None:
    from tokki_desktop.monitor.demo import demo_watched_folder
    from tokki_desktop.monitor.records import detections
    from tokki_desktop.monitor.settings import watched_folders

    info = create_demo(tmp_path / "demo")
    folder = demo_watched_folder(info.data_dir)
    assert (folder / "課税資料_入力待ち一覧.csv").is_file()
    session = unlock(info.data_dir, DEMO_LOGIN, DEMO_PASSPHRASE)
    try:
        watched = watched_folders(session.ledger)
        assert [Path(w["path"]).name for w in watched] == [folder.name]
        found = detections(session.ledger, open_only=True)
        # Made by the monitor itself from the file: the list, not the note without personal data.
        assert [(d["rule"], Path(d["path"]).name) for d in found] == [
            ("copy_without_approval", "課税資料_入力待ち一覧.csv")]
        assert "一郎" not in str(found[0]["examples"]) and "9-9-1" not in str(found[0]["examples"])  # masked
        report = evaluate(session)
        assert report.status_of(5) == "violation"
    finally:
        session.close()

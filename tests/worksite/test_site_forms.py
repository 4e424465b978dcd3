"""Forms name a work-site terminal in a 端末 field or column of its own."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from tests.forms.conftest import pdf_text, png_pages
from tests.monitor.helpers import SECRETS, write_roster
from tests.worksite.helpers import FAST, enrol_and_join, start_agent, take_in_until
from tokki_desktop.forms import render
from tokki_desktop.monitor import inventory, records
from tokki_desktop.monitor.inventory import InventoryResult
from tokki_desktop.monitor.resolutions import resolve


def test_an_incident_from_a_terminal_names_it_in_its_own_field(officer_session, tmp_path: Path, clock) -> None:
    drop = tmp_path / "drop"
    agent_dir, docs = enrol_and_join(officer_session, tmp_path, "窓口1", drop)
    agent = start_agent(agent_dir, clock=clock)
    try:
        write_roster(docs / "名簿.csv")
        [det] = take_in_until(officer_session, lambda: records.detections(officer_session.ledger, open_only=True))
    finally:
        agent.stop()
    res = resolve(officer_session, int(det["id"]), "incident")
    pdf = render(officer_session, "incident_report", res.incident_id, out_path=tmp_path / "incident.pdf")
    text = pdf_text(pdf.path)
    # A reader gives the labels of the block, then its values: place, then terminal.
    assert "発生場所端末" in text and f"{docs.name}窓口1" in text
    assert "[窓口1]" not in text.split("概要")[0]  # the place no longer carries the prefix
    for secret in SECRETS:
        assert secret not in text
    assert png_pages(pdf.path, tmp_path / "png" / "incident", dpi=30)
    # An incident recorded by hand, with no terminal: the field stays empty, nothing breaks.
    from tokki_desktop.registers import repository as repo

    own = repo.add(officer_session, "incidents", {"discovered_at": "2026-11-26T09:00:00+09:00", "place": "事務室",
                                                   "summary": "書類の紛失", "items": "氏名"})
    text = pdf_text(render(officer_session, "incident_report", own, out_path=tmp_path / "own.pdf").path)
    assert "発生場所端末" in text and "事務室" in text and "窓口1" not in text


def test_the_inventory_form_has_a_terminal_column(officer_session, tmp_path: Path, clock) -> None:
    drop = tmp_path / "drop"
    agent_dir, docs = enrol_and_join(officer_session, tmp_path, "窓口1", drop)
    write_roster(docs / "名簿.csv")
    agent = start_agent(agent_dir, clock=clock, options=dataclasses.replace(FAST, inventory=True,
                                                                            inventory_check_every=0.1))
    try:
        assert take_in_until(officer_session, lambda: officer_session.ledger.read("SELECT 1 FROM monitor_inventory"))
    finally:
        agent.stop()
    inventory.record(officer_session, InventoryResult("roots", "監視フォルダ / watched folders",
                                                      "2026-11-26T11:00:00+09:00", "2026-11-26T11:05:00+09:00",
                                                      files=40, personal_data=2, complete=True))
    pdf = render(officer_session, "inventory_scans", out_path=tmp_path / "scans.pdf")
    text = pdf_text(pdf.path)
    assert "端末" in text and "窓口1" in text and "取扱責任者PC" in text
    assert "[窓口1]" not in text
    assert text.index("窓口1") < text.index("取扱責任者PC")  # oldest first: the terminal's scan
    assert len(png_pages(pdf.path, tmp_path / "png" / "scans", dpi=30)) == pdf.pages

"""File names leave the terminal with name-like parts masked; the full path stays there."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.monitor.helpers import wait_for, write_roster
from tests.worksite.helpers import enrol_and_join, start_agent, take_in_until
from tokki_desktop.monitor import records
from tokki_desktop.monitor.resolutions import resolve
from tokki_desktop.site.file_names import mask_path
from tokki_desktop.site.resolutions import resolutions


@pytest.mark.parametrize(("path", "shown"), [
    ("/home/u/docs/山田太郎様_申請書.xlsx", "/home/u/docs/山＊＊＊様_申請書.xlsx"),
    ("/home/u/佐藤花子/住民票 (2).pdf", "/home/u/佐＊＊＊/住民票 (2).pdf"),
    ("C:\\Users\\taro\\Desktop\\鈴木一郎申請書.docx", "C:\\Users\\taro\\Desktop\\鈴＊＊＊申請書.docx"),
    ("/d/市民課山田様.txt", "/d/市民課山＊＊＊様.txt"),
    ("/d/連絡先_090-1234-5678.csv", "/d/連絡先_***-****-****.csv"),
    ("/d/123456789018_一覧.csv", "/d/************_一覧.csv"),
    # What is no name stays, so the officer can still tell what the file is.
    ("/d/会議資料_20261126.pptx", "/d/会議資料_20261126.pptx"),
    ("/d/R8年度_住民基本台帳.xlsx", "/d/R8年度_住民基本台帳.xlsx"),
    ("/d/様式第1号.docx", "/d/様式第1号.docx"),
    ("/d/本町1-2-3.txt", "/d/本町1-2-3.txt"),
    ("/d/名簿.csv", "/d/名簿.csv"),
])
def test_name_like_parts_are_masked_and_the_rest_kept(path: str, shown: str) -> None:
    assert mask_path(path) == shown


def test_a_folder_with_a_dot_keeps_its_name_whole() -> None:
    assert mask_path("/d/山田太郎.v2", is_file=False) == "/d/山＊＊＊.v2"
    assert mask_path("/d/名簿.v2", is_file=False) == "/d/名簿.v2"


def test_the_site_sees_a_masked_path_and_the_terminal_acts_on_the_full_one(officer_session, tmp_path: Path,
                                                                         clock) -> None:
    drop = tmp_path / "drop"
    agent_dir, docs = enrol_and_join(officer_session, tmp_path, "窓口1", drop)
    agent = start_agent(agent_dir, clock=clock)
    named = docs / "山田太郎様_申請書.csv"
    try:
        write_roster(named)
        # Nothing of the name in a bundle as it lies in the drop folder (sealed anyway)
        # nor in the ledger once opened.
        [det] = take_in_until(officer_session, lambda: records.detections(officer_session.ledger, open_only=True))
        assert det["path"] == str(docs / "山＊＊＊様_申請書.csv")
        assert det["root"] == str(docs)
        dump = "\n".join(str(v) for r in officer_session.ledger.read("SELECT * FROM monitor_detections")
                         for v in tuple(r))
        assert "山田太郎" not in dump and "太郎" not in dump
        # The officer asks for quarantine: the terminal finds the file by its keyed key.
        resolve(officer_session, int(det["id"]), "quarantine")
        assert take_in_until(officer_session, lambda: resolutions(officer_session.ledger)[0]["state"] == "done")
        assert not named.exists()
    finally:
        agent.stop()


def test_an_approval_after_the_fact_of_a_masked_file_covers_the_real_one(officer_session, tmp_path: Path,
                                                                         clock) -> None:
    drop = tmp_path / "drop"
    agent_dir, docs = enrol_and_join(officer_session, tmp_path, "窓口1", drop)
    agent = start_agent(agent_dir, clock=clock)
    named = docs / "佐藤花子_名簿.csv"
    try:
        write_roster(named)
        [det] = take_in_until(officer_session, lambda: records.detections(officer_session.ledger, open_only=True))
        assert "佐藤花子" not in det["path"]
        resolve(officer_session, int(det["id"]), "approve")
        take_in_until(officer_session, lambda: agent.policy.version >= 2, 10)
        assert wait_for(lambda: any(a.names_path(str(named)) for a in agent.policy.approvals), 10)
        write_roster(named, "高橋 三郎,タカハシ サブロウ,456789012341,東京都小金井市本町5-6-7,042-384-0000,1985-03-04\n")
        assert take_in_until(officer_session, lambda: [
            d for d in records.detections(officer_session.ledger) if d["rule"] == "copy_recorded"])
    finally:
        agent.stop()
    assert not records.detections(officer_session.ledger, open_only=True)

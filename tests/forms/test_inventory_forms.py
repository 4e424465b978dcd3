"""The monitor's inventory scans on paper: the 媒体点検記録's evidence column and the scans' own form.

Scans are made by the monitor's real inventory (a listed medium stands in for the OS's mount
table) and the PDFs are read back.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pdfminer.high_level import extract_text

from tests.monitor.helpers import SECRETS, write_roster
from tokki_desktop.forms import render
from tokki_desktop.monitor import inventory
from tokki_desktop.monitor.inventory import InventoryResult
from tokki_desktop.monitor.media import ListedMedia, Medium
from tokki_desktop.registers import repository as repo

from .conftest import pdf_text, png_pages

# The form's closing note explains 「中断（未完了）」 once; every interrupted scan adds one more.
NOTE_MENTIONS = 1


def _medium(session: Any, control_no: str, volume_id: str) -> int:
    return repo.add(session, "media", {"control_no": control_no, "media_type": "usb", "volume_id": volume_id,
                                       "encrypted": True, "storage_place": "保管庫A"})


def test_a_real_medium_scan_is_the_evidence_of_its_inspection(officer_session: Any, tmp_path: Path) -> None:
    session = officer_session
    media_id = _medium(session, "USB-101", "ABCD-0101")
    stick = tmp_path / "stick"
    write_roster(stick / "roster.csv")
    (stick / "memo.txt").write_text("打合せの議事メモ（個人情報なし）", encoding="utf-8")
    (stick / "broken.xlsx").write_bytes(b"PK\x03\x04 this is not a workbook")
    media = ListedMedia()
    media.insert(Medium(stick, "ABCD-0101"))
    result = inventory.scan_medium(session, stick, media=media)
    assert (result.files, result.personal_data, result.complete) == (3, 1, True)
    # The inspection is recorded the same day (the session's clock: 令和8年11月26日).
    repo.add(session, "media_inspections", {"media_id": media_id, "inspected_on": "2026-11-26",
                                            "inspector": "責任 太郎", "result": "ok"})
    pdf = render(session, "media_inspection", out_path=tmp_path / "m.pdf")
    text = pdf_text(pdf.path)
    assert "USB-101" in text and "令和8年11月26日10時00分" in text
    assert "検査3件／個人情報1件" in text
    assert f"暗号化0件／読取不可{result.unreadable}件" in text
    assert "完了（スキャンNo.1）" in text
    scans = render(session, "inventory_scans", out_path=tmp_path / "s.pdf")
    text = pdf_text(scans.path)
    assert "USB-101" in text and "媒体の点検" in text and "3件1件0件" in text
    assert text.count("中断（未完了）") == NOTE_MENTIONS
    for secret in SECRETS:  # counts only: nothing of the files' contents or names on paper
        assert secret not in text
    assert "roster" not in text
    assert set(scans.missing) <= {"所在地", "代表者職氏名"}  # a fresh ledger has no contractor address yet
    assert scans.unsupported == []
    assert len(png_pages(scans.path, tmp_path / "png" / "s", dpi=20)) == scans.pages


def test_only_a_scan_up_to_the_inspection_day_counts_and_interruptions_show(officer_session: Any,
                                                                           tmp_path: Path) -> None:
    session = officer_session
    a = _medium(session, "USB-201", "0000-0201")
    b = _medium(session, "USB-202", "0000-0202")
    c = _medium(session, "USB-203", "0000-0203")
    # A: an interrupted scan before the inspection, a complete one the day after (not evidence).
    inventory.record(session, InventoryResult("medium", "USB-201", "2026-10-01T10:00:00+09:00",
                                              "2026-10-01T10:01:00+09:00", files=12, personal_data=1,
                                              complete=False, media_id=a))
    inventory.record(session, InventoryResult("medium", "USB-201", "2026-10-03T10:00:00+09:00",
                                              "2026-10-03T10:30:00+09:00", files=999, complete=True, media_id=a))
    # B: scanned late in the evening of the inspection day in UTC terms, which is the next
    # morning in Japan: the terminal's day decides, so it does not count for the 1st.
    inventory.record(session, InventoryResult("medium", "USB-202", "2026-10-01T15:10:00+00:00",
                                              "2026-10-01T15:20:00+00:00", files=5, complete=True, media_id=b))
    for medium in (a, b, c):
        repo.add(session, "media_inspections", {"media_id": medium, "inspected_on": "2026-10-02" if medium == a
                                                else "2026-10-01", "inspector": "責任 太郎", "result": "ok"})
    text = pdf_text(render(session, "media_inspection", out_path=tmp_path / "m.pdf").path)
    assert "検査12件／個人情報1件" in text and "中断（未完了）（スキャンNo.1）" in text
    assert "999件" not in text
    assert text.count("スキャン記録なし") == 2  # B (scanned on the 2nd, Japan time) and C (never)
    scans = pdf_text(render(session, "inventory_scans", out_path=tmp_path / "s.pdf").path)
    assert "令和8年10月2日0時10分～0時20分" in scans  # B, on the terminal's clock
    assert scans.count("中断（未完了）") == NOTE_MENTIONS + 1 and "999件" in scans


def test_without_scans_the_forms_say_so(officer_session: Any, tmp_path: Path) -> None:
    session = officer_session
    media_id = _medium(session, "USB-301", "0000-0301")
    repo.add(session, "media_inspections", {"media_id": media_id, "inspected_on": "2026-11-01",
                                            "inspector": "責任 太郎", "result": "ok"})
    assert "スキャン記録なし" in pdf_text(render(session, "media_inspection", out_path=tmp_path / "m.pdf").path)
    result = render(session, "inventory_scans", out_path=tmp_path / "s.pdf")
    assert "該当なし" in pdf_text(result.path) and result.pages == 1


def test_many_scans_flow_onto_pages_with_the_header_repeated(officer_session: Any, tmp_path: Path) -> None:
    session = officer_session
    for week in range(60):
        day = 1 + week % 28
        inventory.record(session, InventoryResult("roots", "監視フォルダ / watched folders",
                                                  f"2026-{1 + week // 28:02d}-{day:02d}T03:00:00+09:00",
                                                  f"2026-{1 + week // 28:02d}-{day:02d}T03:10:00+09:00",
                                                  files=1000 + week, complete=True))
    result = render(session, "inventory_scans", out_path=tmp_path / "s.pdf")
    assert result.pages >= 2
    text = pdf_text(result.path)
    assert "1,059件" in text and f"{result.pages}/{result.pages}" in text
    pages = ["".join(extract_text(str(result.path), page_numbers=[n]).split()) for n in range(result.pages)]
    with_rows = [p for p in pages if "監視フォルダ（全体）" in p]
    assert len(with_rows) >= result.pages - 1
    assert all("検査したファイル" in p for p in with_rows)  # the header row on every page of the table
    # Every row whole on one page: its date and its times together.
    assert sum(p.count("3時00分～3時10分") for p in pages) == 60
    # 以上 never stands alone: the closing note is on its page.
    assert "以上" in pages[-1] and "中断（未完了）" in pages[-1]


def test_the_demo_ledger_has_evidence_for_every_inspection(officer_session: Any, tmp_path: Path) -> None:
    from tokki_desktop.monitor import demo as monitor_demo
    from tokki_desktop.registers import demo as registers_demo

    session = officer_session
    registers_demo.populate(session)
    monitor_demo.populate(session)
    inspections = repo.list_records(session, "media_inspections")
    assert len(inspections) == 4
    text = pdf_text(render(session, "media_inspection", out_path=tmp_path / "m.pdf").path)
    # Every removable medium's inspection has its scan; the PC is no removable medium.
    assert text.count("完了（スキャンNo.") == len(inspections) - 1
    assert text.count("スキャン記録なし") == 1
    assert "検査1,830件／個人情報0件" in text  # the backup disk's scan
    result = render(session, "inventory_scans", out_path=tmp_path / "s.pdf")
    scans = pdf_text(result.path)
    assert scans.count("中断（未完了）") == NOTE_MENTIONS + 1
    assert all(c in scans for c in ("USB-01", "USB-02", "HDD-01", "監視フォルダ（全体）"))
    assert "PC-01" not in scans
    assert len(png_pages(result.path, tmp_path / "png" / "s", dpi=20)) == result.pages

"""Exact data match: registered datasets found in bare lists and renamed copies; no values stored."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tokki_desktop.errors import InvalidInput
from tokki_desktop.scanner import PERSONAL_DATA, InMemoryFingerprintStore, scan_file
from tokki_desktop.scanner.registering import DatasetFileUnreadable


def _write_roster(path: Path, rows: list[list[str]]) -> Path:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    for r in rows:
        ws.append(r)
    wb.save(path)
    return path


@pytest.fixture
def roster(tmp_path: Path, roster_rows: list[list[str]]) -> Path:
    return _write_roster(tmp_path / "entrusted.xlsx", roster_rows)


def test_bare_name_list_from_a_registered_dataset_is_flagged(tmp_path: Path, roster: Path,
                                                             roster_rows: list[list[str]]) -> None:
    names = tmp_path / "names.txt"
    names.write_text("\n".join(r[0] for r in roster_rows[1:16]) + "\n", "utf-8")
    # A bare list of whole names is a list of people (issue 11), but only the fingerprints
    # say which registered dataset it came from.
    plain = scan_file(names)
    assert plain.verdict == PERSONAL_DATA and plain.dataset is None
    store = InMemoryFingerprintStore()
    store.add_dataset("令和8年度 国保名簿", [roster])
    res = scan_file(names, fingerprints=store)
    assert res.verdict == PERSONAL_DATA and res.dataset == "令和8年度 国保名簿"
    assert "国保名簿" in res.reason


def test_exact_copy_under_another_name_and_reordered_records(tmp_path: Path, roster: Path,
                                                             roster_rows: list[list[str]]) -> None:
    store = InMemoryFingerprintStore()
    store.add_dataset("名簿A", [roster])
    copy = tmp_path / "renamed.bin.xlsx"
    shutil.copyfile(roster, copy)
    assert scan_file(copy, fingerprints=store).dataset == "名簿A"
    csv = tmp_path / "part.csv"
    csv.write_text("\n".join(",".join(r) for r in roster_rows[5:9]) + "\n", encoding="cp932")
    assert scan_file(csv, fingerprints=store).dataset == "名簿A"


def test_unrelated_people_do_not_match(tmp_path: Path, roster: Path, corpus_module) -> None:
    store = InMemoryFingerprintStore()
    store.add_dataset("名簿A", [roster])
    other = corpus_module.roster_rows(corpus_module.Gen(12345), "basic", 25)
    names = tmp_path / "others.txt"
    names.write_text("\n".join(r[0] for r in other[1:]) + "\n", "utf-8")
    assert scan_file(names, fingerprints=store).dataset is None


def test_unreadable_dataset_file_is_a_known_error(tmp_path: Path) -> None:
    bad = tmp_path / "broken.xlsx"
    bad.write_bytes(b"PK\x03\x04broken")
    with pytest.raises(DatasetFileUnreadable) as err:
        InMemoryFingerprintStore().add_dataset("x", [bad])
    assert err.value.ja and err.value.en


def test_ledger_store_keeps_only_digests(officer_session, tmp_path: Path, roster: Path,
                                         roster_rows: list[list[str]]) -> None:
    from tokki_desktop.scanner.ledger_fingerprints import LedgerFingerprintStore

    store = LedgerFingerprintStore(officer_session)
    prints = store.add_dataset("国保名簿", [roster])
    assert prints.rows == 25
    with pytest.raises(InvalidInput):
        store.add_dataset("国保名簿", [roster])
    # Nothing in the fingerprint tables or the audit log holds a value of the dataset.
    dump = []
    for table in ("fingerprint_datasets", "fingerprint_files", "fingerprint_digests", "audit_log"):
        for row in officer_session.ledger.read(f"SELECT * FROM {table}"):
            dump.extend(str(v) if not isinstance(v, bytes) else v.decode("latin-1") for v in row)
    text = "\n".join(dump)
    for r in roster_rows[1:]:
        assert r[0] not in text and r[4] not in text and r[5] not in text
    # A fresh store over the same ledger (another process, the monitor) matches the same way.
    names = tmp_path / "names.txt"
    names.write_text("\n".join(r[0] for r in roster_rows[1:12]) + "\n", "utf-8")
    again = LedgerFingerprintStore(officer_session)
    assert [d.name for d in again.list_datasets()] == ["国保名簿"]
    assert scan_file(names, fingerprints=again).dataset == "国保名簿"
    again.close_dataset("国保名簿")
    assert scan_file(names, fingerprints=again).dataset is None


def test_only_an_officer_registers_and_the_key_is_the_ledgers(handler_session, officer_session, roster: Path,
                                                              tmp_path: Path) -> None:
    from tokki_desktop.errors import NotPermitted
    from tokki_desktop.scanner.ledger_fingerprints import LedgerFingerprintStore

    with pytest.raises(NotPermitted):
        LedgerFingerprintStore(handler_session).add_dataset("受領データ", [roster])
    LedgerFingerprintStore(officer_session).add_dataset("受領データ", [roster])
    handler_store = LedgerFingerprintStore(handler_session)
    copy = tmp_path / "copy.xlsx"
    shutil.copyfile(roster, copy)
    assert scan_file(copy, fingerprints=handler_store).dataset == "受領データ"

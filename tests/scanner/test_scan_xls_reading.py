"""Legacy .xls read with python-calamine, each value written as xlrd's reading wrote it (xlrd
is kept for what calamine cannot give back exactly); encrypted and damaged workbooks."""

from __future__ import annotations

import datetime as dt
import io
import random
import struct
from pathlib import Path

import olefile
import pytest
import xlrd

from tokki_desktop.scanner import ENCRYPTED, UNREADABLE, scan_file
from tokki_desktop.scanner.extract import ScanContext, ScanLimits
from tokki_desktop.scanner.extract import legacy_office as lo

xlwt = pytest.importorskip("xlwt", reason="xlwt (a test dependency) writes the .xls files")

_DATE = "yyyy/mm/dd"


def _book(sheets: dict[str, list[list[object]]], *, date1904: bool = False) -> bytes:
    """An .xls whose cells are given row by row; a date or datetime gets a date format, an
    ("error", code) pair becomes an error cell, None an empty one."""
    wb = xlwt.Workbook(encoding="utf-8")
    wb.dates_1904 = date1904
    date_style = xlwt.easyxf(num_format_str=_DATE)
    time_style = xlwt.easyxf(num_format_str="h:mm")
    for name, rows in sheets.items():
        ws = wb.add_sheet(name)
        for r, row in enumerate(rows):
            for c, v in enumerate(row):
                if v is None:
                    continue
                if isinstance(v, tuple):
                    ws.row(r).set_cell_error(c, v[1])
                elif isinstance(v, dt.time):
                    ws.write(r, c, v, time_style)
                elif isinstance(v, (dt.date, dt.datetime)):
                    ws.write(r, c, v, date_style)
                else:
                    ws.write(r, c, v)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _xlrd_tables(data: bytes) -> dict[str, list[list[str]]]:
    book = xlrd.open_workbook(file_contents=data, on_demand=True)
    return {book.sheet_by_index(i).name: lo._xlrd_rows(book.sheet_by_index(i)) for i in range(book.nsheets)}


def _rows_read(data: bytes) -> dict[str, list[list[str]]]:
    """What extract_xls gives, sheet by sheet (header and rows joined back)."""
    out: dict[str, list[list[str]]] = {}
    with olefile.OleFileIO(io.BytesIO(data)) as ole:
        for part in lo.extract_xls(data, ole, ScanContext.start(ScanLimits())):
            rows = out.setdefault(part.name, [])
            if part.header is not None:
                rows.append(list(part.header))
            rows.extend(part.rows)
    return out


def _random_value(rnd: random.Random) -> object:
    kind = rnd.randrange(9)
    if kind == 0:
        return rnd.choice(["山田 太郎", "東京都小金井市本町1-2-3", "090-1234-5678", "", " x ", "a&b"])
    if kind == 1:
        return rnd.choice([0, 1, -7, 12, 123456789012, 2**40])
    if kind == 2:
        return rnd.choice([3.5, -0.1, 1e-7, 1.2345678901234567e19, 45383.0, 0.30000000000000004])
    if kind == 3:
        return rnd.choice([True, False])
    if kind == 4:
        return dt.date(1900 + rnd.randrange(1, 130), rnd.randrange(1, 13), rnd.randrange(1, 28))
    if kind == 5:
        return dt.datetime(1990, 4, 1)  # a date written as a datetime at midnight
    return None


def test_calamine_rows_equal_xlrds_on_random_workbooks() -> None:
    rnd = random.Random(13)
    for _ in range(60):
        sheets = {f"シート{k}": [[_random_value(rnd) for _ in range(rnd.randrange(0, 9))]
                                for _ in range(rnd.randrange(0, 25))] for k in range(rnd.randrange(1, 4))}
        data = _book(sheets)
        expected = {name: rows for name, rows in _xlrd_tables(data).items() if rows}
        workbook, names = lo._calamine_book(data)
        try:
            for name in names:
                # Every value of these books is one calamine gives back exactly: no xlrd sheet.
                assert lo._calamine_rows(workbook, name, lambda: False) == _xlrd_tables(data)[name], sheets[name]
        finally:
            workbook.close()
        assert _rows_read(data) == expected


def test_a_time_of_day_or_the_1904_date_system_is_read_by_xlrd() -> None:
    """calamine rounds a day fraction and may count dates from 1900: such sheets take xlrd."""
    for sheets, date1904 in (({"時刻": [["受付", dt.datetime(2024, 4, 1, 9, 30)]]}, False),
                             ({"時刻": [["開始", dt.time(12, 30)]]}, False),
                             ({"日付": [["生年月日", dt.date(1980, 5, 6)]]}, True)):
        data = _book({**sheets, "名簿": [["氏名"], ["山田 太郎"]]}, date1904=date1904)
        workbook, names = lo._calamine_book(data)
        with olefile.OleFileIO(io.BytesIO(data)) as ole:
            known: list[bool] = []
            assert lo._calamine_rows(workbook, names[0], lambda: lo._is_1904(ole, known)) is None
            roster = lo._calamine_rows(workbook, "名簿", lambda: lo._is_1904(ole, known))
            assert roster == [["氏名"], ["山田 太郎"]]
        workbook.close()
        assert _rows_read(data) == _xlrd_tables(data)


def test_an_error_cell_reads_as_empty() -> None:
    """calamine gives no value for #DIV/0! or #N/A (xlrd gave its numeric code, 7 or 42)."""
    data = _book({"集計": [["件数", "率"], [12, ("error", 0x07)], [3, ("error", 0x2A)]]})
    assert _rows_read(data) == {"集計": [["件数", "率"], ["12", ""], ["3", ""]]}
    assert _xlrd_tables(data)["集計"][1:] == [["12", "7"], ["3", "42"]]


def test_an_encrypted_xls_stays_encrypted(tmp_path: Path) -> None:
    """A FILEPASS record after the first BOF (RC4, CryptoAPI or XOR): encrypted, never read."""
    data = _book({"名簿": [["氏名", "電話番号"], ["山田 太郎", "090-1234-5678"]] * 20})
    dst = tmp_path / "locked.xls"
    dst.write_bytes(data)
    with olefile.OleFileIO(str(dst), write_mode=True) as ole:
        wb = bytearray(ole.openstream("Workbook").read())
        pos = 4 + struct.unpack_from("<H", wb, 2)[0]
        struct.pack_into("<H", wb, pos, 0x002F)  # the record after BOF becomes a FILEPASS
        ole.write_stream("Workbook", bytes(wb))
    res = scan_file(dst)
    assert res.verdict == ENCRYPTED and "パスワード" in res.reason


def test_a_damaged_xls_is_unreadable_with_a_clear_message(tmp_path: Path) -> None:
    """Records overwritten inside the Workbook stream: neither reader can read it, and the
    reason says the file is damaged (in Japanese, and in English)."""
    rows = [["氏名", "住所"]] + [[f"山田 {i}", "東京都小金井市本町1-2-3"] for i in range(50)]
    data = _book({"名簿": rows})
    dst = tmp_path / "damaged.xls"
    dst.write_bytes(data)
    with olefile.OleFileIO(str(dst), write_mode=True) as ole:
        wb = bytearray(ole.openstream("Workbook").read())
        after_bof = 4 + struct.unpack_from("<H", wb, 2)[0]
        wb[after_bof:] = b"\xff" * (len(wb) - after_bof)
        ole.write_stream("Workbook", bytes(wb))
    res = scan_file(dst)
    assert res.verdict == UNREADABLE, (res.verdict, res.reason_en)
    assert "壊れ" in res.reason and "damaged" in res.reason_en
    assert "山田" not in res.reason + res.reason_en

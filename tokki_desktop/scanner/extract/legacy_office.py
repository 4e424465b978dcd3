"""OLE compound files: legacy .xls and .doc, and password-protected Office files of any era."""

from __future__ import annotations

import datetime as dt
import io
import logging
import struct
from typing import Any, Callable

import olefile
import xlrd

from tokki_desktop.scanner.extract import Encrypted, Parts, ScanContext, TextPart, Unreadable, split_table
from tokki_desktop.scanner.extract.protection import password_refusal

# olefile reports damaged sectors on its logger; the verdict already says "damaged".
logging.getLogger("olefile").setLevel(logging.CRITICAL)


class _Discard(io.TextIOBase):
    """A text sink for library chatter that may quote file contents."""

    def write(self, s: str) -> int:
        return len(s)


def open_ole(data: bytes) -> olefile.OleFileIO:
    """The compound file over ``data``; damage becomes :class:`Unreadable`."""
    try:
        return olefile.OleFileIO(io.BytesIO(data))
    except Exception as exc:  # olefile raises OSError, struct.error, IndexError… on damage
        raise Unreadable("Office（旧形式）ファイルの構造が壊れています。",
                         f"The OLE compound file is damaged ({type(exc).__name__}).") from None


def ole_kind(ole: olefile.OleFileIO) -> str:
    """Which Office format the compound file holds: ooxml-encrypted, xls, doc, ppt or ole."""
    if ole.exists("EncryptedPackage") or ole.exists("EncryptionInfo"):
        return "ooxml-encrypted"
    if ole.exists("Workbook") or ole.exists("Book"):
        return "xls"
    if ole.exists("WordDocument"):
        return "doc"
    if ole.exists("PowerPoint Document"):
        return "ppt"
    return "ole"


def _xls_encrypted(ole: olefile.OleFileIO) -> bool:
    # A FILEPASS record (0x002F) right after the first BOF means RC4/XOR encryption.
    stream = "Workbook" if ole.exists("Workbook") else "Book"
    head = ole.openstream(stream).read(4096)
    pos = 0
    for _ in range(40):
        if pos + 4 > len(head):
            break
        rtype, size = struct.unpack_from("<HH", head, pos)
        if rtype == 0x002F:
            return True
        if rtype == 0x0A:  # EOF of the globals substream
            break
        pos += 4 + size
    return False


def _xls_value(v: object, ctype: int) -> str:
    """A non-text cell as text: whole numbers without ".0", as Excel shows them."""
    if ctype == xlrd.XL_CELL_NUMBER and float(v).is_integer():  # type: ignore[arg-type]
        v = int(v)  # type: ignore[call-overload]
    return "" if v is None else str(v)


def extract_xls(data: bytes, ole: olefile.OleFileIO, ctx: ScanContext) -> Parts:
    """Every worksheet of a BIFF workbook as a table.

    python-calamine (Rust) reads the cells about four times faster than xlrd; each value is
    written as xlrd's reading wrote it (whole numbers without ".0", a date as its day count),
    so the verdicts stay what they were. A sheet holding a value whose xlrd text calamine
    cannot give back exactly (a date with a time of day, a time, a date before March 1900 or
    in the 1904 date system), and a workbook calamine cannot open (BIFF2–4, some damage), are
    read by xlrd. An error cell (#DIV/0!) reads as empty with calamine, as its numeric code
    with xlrd.
    """
    if _xls_encrypted(ole):
        raise Encrypted("パスワードで保護されたExcel（旧形式）ファイルです。", "Password-protected legacy Excel file.")
    calamine = _calamine_book(data)
    if calamine is None:
        book = _xlrd_book(data)
        try:
            for idx in range(book.nsheets):
                ctx.check_time()
                sheet = _xlrd_sheet(book, idx)
                rows = _xlrd_rows(sheet)
                if rows:
                    yield from split_table(rows, sheet.name)
        finally:
            book.release_resources()
        return
    workbook, names = calamine
    fallback = None  # xlrd's book, opened for the first sheet calamine cannot give exactly
    date1904: list[bool] = []  # the workbook's date system, read once when a date is met
    try:
        for name in names:
            ctx.check_time()
            rows = _calamine_rows(workbook, name, lambda: _is_1904(ole, date1904))
            if rows is None:
                if fallback is None:
                    fallback = _xlrd_book(data)
                try:
                    rows = _xlrd_rows(fallback.sheet_by_name(name))
                except Exception as exc:  # xlrd raises XLRDError, struct.error, IndexError… on damage
                    raise Unreadable("Excel（旧形式）のシートが壊れています。",
                                     f"A legacy Excel sheet is damaged ({type(exc).__name__}).") from None
            if rows:
                yield from split_table(rows, name)
    finally:
        workbook.close()
        if fallback is not None:
            fallback.release_resources()


def _xlrd_book(data: bytes) -> "xlrd.book.Book":
    try:
        # xlrd prints its warnings to stdout by default: they go nowhere instead.
        return xlrd.open_workbook(file_contents=data, on_demand=True, logfile=_Discard())
    except Exception as exc:  # xlrd raises XLRDError, struct.error, IndexError… on damage
        if password_refusal(exc) is not None:
            raise Encrypted("パスワードで保護されたExcel（旧形式）ファイルです。",
                            "Password-protected legacy Excel file.") from None
        raise Unreadable("Excel（旧形式）ファイルが壊れています。",
                         f"The legacy Excel file is damaged ({type(exc).__name__}).") from None


def _xlrd_sheet(book: "xlrd.book.Book", idx: int) -> "xlrd.sheet.Sheet":
    try:
        return book.get_sheet(idx)
    except Exception as exc:
        raise Unreadable("Excel（旧形式）のシートが壊れています。",
                         f"A legacy Excel sheet is damaged ({type(exc).__name__}).") from None


def _xlrd_rows(sheet: "xlrd.sheet.Sheet") -> list[list[str]]:
    # Values and types row by row (no Cell object per cell); text cells, the bulk of a
    # roster, are taken as they are and only the others go through _xls_value.
    text = xlrd.XL_CELL_TEXT
    return [
        [v if t == text and type(v) is str else _xls_value(v, t)
         for v, t in zip(sheet.row_values(r), sheet.row_types(r))]
        for r in range(sheet.nrows)
    ]


def _calamine_book(data: bytes) -> tuple[Any, list[str]] | None:
    """python-calamine's workbook and its worksheets' names (xlrd's sheets: no chart or macro
    sheets), or None when calamine cannot open the file (xlrd then decides)."""
    try:
        from python_calamine import CalamineWorkbook, SheetTypeEnum

        workbook = CalamineWorkbook.from_filelike(io.BytesIO(data))
        names = [m.name for m in workbook.sheets_metadata if m.typ == SheetTypeEnum.WorkSheet]
    except Exception:  # calamine raises its own error types on damage; an old BIFF it does not read
        return None
    return workbook, names


# Day 0 of Excel's 1900 date system as Python counts days (Excel's day 60, the 29th of
# February 1900 that never was, puts every later date one day on).
_EXCEL_EPOCH = dt.date(1899, 12, 30)
_FIRST_EXACT_DATE = dt.date(1900, 3, 1)


def _calamine_rows(workbook: Any, name: str, is_1904: Callable[[], bool]) -> list[list[str]] | None:
    """The sheet's rows as xlrd's reading writes them, or None when some value's text would
    differ (see :func:`extract_xls`) or calamine cannot read the sheet."""
    try:
        grid = workbook.get_sheet_by_name(name).to_python(skip_empty_area=False)
    except Exception:  # calamine raises its own error types on damage
        return None
    rows: list[list[str]] = []
    for row in grid:
        kinds = list(map(type, row))
        if kinds.count(str) == len(kinds):
            rows.append(row)  # text only: calamine's list is the row
            continue
        if _PLAIN_KINDS.issuperset(kinds):
            # Text, numbers and truth values only (a roster's rows): no date to check.
            rows.append([v if k is str else _calamine_text[k](v) for v, k in zip(row, kinds)])
            continue
        cells = []
        for v in row:
            kind = type(v)
            if kind is str:
                cells.append(v)
            elif kind is dt.date:
                if v < _FIRST_EXACT_DATE or is_1904():
                    return None
                cells.append(f"{(v - _EXCEL_EPOCH).days}.0")  # xlrd's date: the day count as a float
            elif kind is dt.datetime:
                if v.time() != dt.time() or v.date() < _FIRST_EXACT_DATE or is_1904():
                    return None
                cells.append(f"{(v.date() - _EXCEL_EPOCH).days}.0")
            elif kind in _calamine_text:
                cells.append(_calamine_text[kind](v))
            else:
                return None  # a time, a duration: the day fraction calamine rounded
        rows.append(cells)
    return rows


def _float_text(v: float) -> str:
    return str(int(v)) if v.is_integer() else str(v)


def _truth_text(v: bool) -> str:
    return "1" if v else "0"  # xlrd's truth value is the number 1 or 0


# Cell value types of calamine other than text, and how xlrd's reading writes them.
_calamine_text: dict[type, Callable[[Any], str]] = {int: str, float: _float_text, bool: _truth_text}
_PLAIN_KINDS = frozenset({str, int, float, bool})


def _is_1904(ole: olefile.OleFileIO, known: list[bool]) -> bool:
    """Does the workbook count dates from 1904 (its DATEMODE record, 0x0022)? Read once."""
    if not known:
        known.append(_datemode_1904(ole))
    return known[0]


def _datemode_1904(ole: olefile.OleFileIO) -> bool:
    stream = "Workbook" if ole.exists("Workbook") else "Book"
    data = ole.openstream(stream).read()
    pos = 0
    while pos + 4 <= len(data):
        rtype, size = struct.unpack_from("<HH", data, pos)
        if rtype == 0x0022 and size >= 2:
            return struct.unpack_from("<H", data, pos + 4)[0] == 1
        if rtype == 0x0A:  # EOF of the globals substream: no DATEMODE, the 1900 system
            return False
        pos += 4 + size
    return True  # a cut stream: not known, so xlrd decides


def extract_doc(ole: olefile.OleFileIO, ctx: ScanContext) -> Parts:
    """Text of a Word 97–2003 document, read through its piece table (CLX).

    No maintained Python library reads .doc, so the piece table is followed directly: each
    piece is either UTF-16LE or 8-bit (cp1252) text at a file offset of the WordDocument stream.
    """
    word = ole.openstream("WordDocument").read()
    if len(word) < 0x1A2 + 8:
        raise Unreadable("Word（旧形式）文書の先頭情報が短すぎます。", "The legacy Word header is truncated.")
    flags = struct.unpack_from("<H", word, 0x0A)[0]
    if flags & 0x0100:
        raise Encrypted("パスワードで保護されたWord（旧形式）文書です。", "Password-protected legacy Word document.")
    table_name = "1Table" if flags & 0x0200 else "0Table"
    if not ole.exists(table_name):
        raise Unreadable("Word（旧形式）文書の表ストリームがありません。", "The legacy Word table stream is missing.")
    table = ole.openstream(table_name).read()
    fc_clx, lcb_clx = struct.unpack_from("<II", word, 0x1A2)
    clx = table[fc_clx:fc_clx + lcb_clx]
    pos = 0
    try:
        while pos < len(clx) and clx[pos] == 0x01:  # Prc: property modifiers, skipped
            pos += 3 + struct.unpack_from("<H", clx, pos + 1)[0]
        if pos >= len(clx) or clx[pos] != 0x02:
            raise Unreadable("Word（旧形式）文書の文字位置表が読めません。", "The legacy Word piece table is missing.")
        lcb = struct.unpack_from("<I", clx, pos + 1)[0]
        plc = clx[pos + 5:pos + 5 + lcb]
        n = (len(plc) - 4) // 12
        cps = struct.unpack_from(f"<{n + 1}I", plc, 0)
        out: list[str] = []
        for i in range(n):
            _f, fc, _prm = struct.unpack_from("<HIH", plc, 4 * (n + 1) + 8 * i)
            count = cps[i + 1] - cps[i]
            if count <= 0 or count > len(word):
                continue
            if fc & 0x40000000:
                start = (fc & ~0x40000000) // 2
                out.append(word[start:start + count].decode("cp1252", "replace"))
            else:
                out.append(word[fc:fc + 2 * count].decode("utf-16-le", "replace"))
    except struct.error:
        raise Unreadable("Word（旧形式）文書の文字位置表が壊れています。", "The legacy Word piece table is damaged.") from None
    text = "".join(out).replace("\r", "\n").replace("\x07", "\t")
    yield TextPart(text)

"""Excel binary workbooks (.xlsb): every sheet as a table, read with python-calamine.

The XML reader of ``office_xml`` has nothing to read in an .xlsb (its sheets are BIFF12
records, not XML); calamine, a Rust reader with wheels for Windows, Linux and macOS, reads
them. Dates come back as dates and are written as ``YYYY/MM/DD``; whole numbers without ".0".
"""

from __future__ import annotations

import datetime as dt
import io

from tokki_desktop.scanner.extract import Parts, ScanContext, Unreadable, split_table


def _cell(v: object) -> str:
    if v is None or v == "":
        return ""
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    if isinstance(v, dt.datetime):
        return v.strftime("%Y/%m/%d")
    if isinstance(v, dt.date):
        return v.strftime("%Y/%m/%d")
    return str(v)


def extract_xlsb(data: bytes, ctx: ScanContext) -> Parts:
    """The sheets of a binary workbook as tables."""
    try:
        from python_calamine import CalamineWorkbook
    except ImportError:  # pragma: no cover - a dependency; kept so a missing wheel is named, not a crash
        raise Unreadable("Excelバイナリブック（.xlsb）を読む部品がありません。目視で確認してください。",
                         "No reader for Excel binary workbooks (.xlsb) is installed; check it by eye.") from None
    try:
        book = CalamineWorkbook.from_filelike(io.BytesIO(data))
        names = list(book.sheet_names)
    except Exception as exc:  # calamine raises its own error types on damage
        raise Unreadable("Excelバイナリブック（.xlsb）の構造が壊れています。",
                         f"The binary workbook is damaged ({type(exc).__name__}).") from None
    for name in names:
        ctx.check_time()
        try:
            rows = book.get_sheet_by_name(name).to_python(skip_empty_area=False)
        except Exception as exc:
            raise Unreadable(f"Excelバイナリブックのシート「{name[:20]}」が読めません。",
                             f"A sheet of the binary workbook cannot be read ({type(exc).__name__}).") from None
        table = [[_cell(v) for v in row] for row in rows]
        if any(any(c for c in r) for r in table):
            yield from split_table(table, name)

"""OLE compound files: legacy .xls and .doc, and password-protected Office files of any era."""

from __future__ import annotations

import io
import logging
import struct

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
    """Every sheet of a BIFF workbook as a table."""
    if _xls_encrypted(ole):
        raise Encrypted("パスワードで保護されたExcel（旧形式）ファイルです。", "Password-protected legacy Excel file.")
    try:
        # xlrd prints its warnings to stdout by default: they go nowhere instead.
        book = xlrd.open_workbook(file_contents=data, on_demand=True, logfile=_Discard())
    except Exception as exc:  # xlrd raises XLRDError, struct.error, IndexError… on damage
        if password_refusal(exc) is not None:
            raise Encrypted("パスワードで保護されたExcel（旧形式）ファイルです。",
                            "Password-protected legacy Excel file.") from None
        raise Unreadable("Excel（旧形式）ファイルが壊れています。",
                         f"The legacy Excel file is damaged ({type(exc).__name__}).") from None
    try:
        for idx in range(book.nsheets):
            ctx.check_time()
            try:
                sheet = book.get_sheet(idx)
            except Exception as exc:
                raise Unreadable("Excel（旧形式）のシートが壊れています。",
                                 f"A legacy Excel sheet is damaged ({type(exc).__name__}).") from None
            # Values and types row by row (no Cell object per cell); text cells, the bulk of a
            # roster, are taken as they are and only the others go through _xls_value.
            text = xlrd.XL_CELL_TEXT
            rows: list[list[str]] = [
                [v if t == text and type(v) is str else _xls_value(v, t)
                 for v, t in zip(sheet.row_values(r), sheet.row_types(r))]
                for r in range(sheet.nrows)
            ]
            if rows:
                yield from split_table(rows, sheet.name)
    finally:
        book.release_resources()


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

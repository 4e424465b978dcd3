"""Legacy PowerPoint (.ppt, 97–2003): the text of every slide and note.

The "PowerPoint Document" stream is a tree of records ([MS-PPT] 2.3.1): an 8-byte header
(version and instance, type, length), containers (version 0xF) holding further records. Text
sits in three atoms: TextCharsAtom (UTF-16LE), TextBytesAtom (one byte a character, the high
byte dropped) and CString (UTF-16LE: titles, notes, hyperlinks). Walking the records in order
and stepping into every container reaches all of them; nothing is interpreted beyond that.
"""

from __future__ import annotations

import struct

import olefile

from tokki_desktop.scanner.extract import Encrypted, Parts, ScanContext, TextPart, Unreadable

_TEXT_CHARS = 0x0FA0
_TEXT_BYTES = 0x0FA8
_CSTRING = 0x0FBA
_HEADER = struct.Struct("<HHI")
# Paragraphs inside a text atom end with a carriage return; vertical tab is a line break.
_BREAKS = str.maketrans({"\r": "\n", "\x0b": "\n"})


def ppt_text(stream: bytes, ctx: ScanContext | None = None) -> str:
    """The text atoms of a PowerPoint Document stream, one block a line."""
    out: list[str] = []
    pos = 0
    end = len(stream)
    steps = 0
    while pos + 8 <= end:
        ver_inst, rtype, length = _HEADER.unpack_from(stream, pos)
        pos += 8
        if ver_inst & 0x000F == 0x000F:
            continue  # a container: its children follow at once
        if length > end - pos:
            break  # a record cut short: what came before is kept
        if rtype == _TEXT_CHARS or rtype == _CSTRING:
            out.append(stream[pos:pos + length].decode("utf-16-le", "replace"))
        elif rtype == _TEXT_BYTES:
            out.append(stream[pos:pos + length].decode("latin-1"))
        pos += length
        steps += 1
        if ctx is not None and steps % 4096 == 0:
            ctx.check_time()
    return "\n".join(t.translate(_BREAKS) for t in out if t.strip())


def extract_ppt(ole: olefile.OleFileIO, ctx: ScanContext) -> Parts:
    """The slides' and notes' text as one text part."""
    if ole.exists("EncryptedSummary"):
        raise Encrypted("パスワードで保護されたPowerPoint（旧形式）ファイルです。", "Password-protected legacy PowerPoint file.")
    try:
        stream = ole.openstream("PowerPoint Document").read()
    except Exception as exc:  # olefile raises OSError, IndexError… on damaged sectors
        raise Unreadable("PowerPoint（旧形式）ファイルの構造が壊れています。",
                         f"The legacy PowerPoint file is damaged ({type(exc).__name__}).") from None
    text = ppt_text(stream, ctx)
    if text.strip():
        yield TextPart(text)

"""A file packed into an OLE object by the Object Packager (``\\x01Ole10Native``): what Office
embeds when a user drops a file into a document. The packed file is scanned like any other.

Layout (as oletools' ``oleobj`` reads it): total size (uint32), flags (uint16), the file's name
and its source path (NUL-terminated, ANSI), two uint32, a temporary path (NUL-terminated), the
data's size (uint32) and the data.
"""

from __future__ import annotations

import struct

import olefile

from tokki_desktop.scanner.extract import MemberPart, Parts, Unreadable

STREAM = "\x01Ole10Native"
_DAMAGED = Unreadable("埋め込まれたファイル（パッケージ）が壊れています。", "The packaged (embedded) file is damaged.")


def _cstring(data: bytes, pos: int) -> tuple[bytes, int]:
    end = data.find(b"\x00", pos)
    if end < 0:
        raise _DAMAGED
    return data[pos:end], end + 1


def unpack(native: bytes) -> tuple[str, bytes]:
    """(file name, file bytes) of an Ole10Native stream; damage raises Unreadable."""
    try:
        pos = 4 + 2
        name, pos = _cstring(native, pos)
        _src, pos = _cstring(native, pos)
        pos += 8
        _tmp, pos = _cstring(native, pos)
        (size,) = struct.unpack_from("<I", native, pos)
    except struct.error:
        raise _DAMAGED from None
    pos += 4
    if size > len(native) - pos:
        raise _DAMAGED
    shown = name.decode("cp932", "replace").replace("\\", "/").rsplit("/", 1)[-1] or "package"
    return shown, native[pos:pos + size]


def extract_package(ole: olefile.OleFileIO) -> Parts:
    """The packed file as a member (its verdict becomes the object's)."""
    try:
        native = ole.openstream(STREAM).read()
    except Exception:  # olefile raises OSError, IndexError… on damaged sectors
        raise _DAMAGED from None
    name, data = unpack(native)
    yield MemberPart(name, data, size=len(data))

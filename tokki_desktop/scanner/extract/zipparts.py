"""Reading zip members safely: size, ratio and total caps enforced on the bytes actually read."""

from __future__ import annotations

import io
import zipfile

from tokki_desktop.scanner.extract import ScanContext, Unreadable
from tokki_desktop.scanner.extract.protection import password_refusal, refuse_locked_member

_DTD_MARKERS = (b"<!DOCTYPE", b"<!ENTITY")


def open_zip(data: bytes) -> zipfile.ZipFile:
    """A ZipFile over ``data``; damaged archives become :class:`Unreadable`."""
    try:
        return zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise Unreadable("ZIP形式として壊れています（途中で切れているか破損しています）。",
                         f"The zip structure is damaged ({type(exc).__name__}).") from None


def read_member(zf: zipfile.ZipFile, info: zipfile.ZipInfo, ctx: ScanContext) -> bytes:
    """The member's bytes, refusing encrypted members, bombs and damaged data."""
    limits = ctx.limits
    refuse_locked_member(info)
    cap = limits.max_member_bytes
    if info.file_size > cap:
        raise Unreadable(f"展開後のサイズが上限（{cap // 1048576}MB）を超えます。",
                         f"Member is larger than the limit ({cap // 1048576} MB) when decompressed.")
    if info.file_size > 1024 * 1024 and info.compress_size and info.file_size / info.compress_size > limits.max_ratio:
        raise Unreadable("圧縮率が異常に高いため展開しません（圧縮爆弾の疑い）。",
                         "Compression ratio is abnormally high (possible zip bomb).")
    try:
        with zf.open(info) as fh:
            # Read one byte past the cap: headers can lie about sizes.
            out = fh.read(cap + 1)
    except Exception as exc:  # BadZipFile, EOFError, zlib.error, lzma/bz2 errors…: no common base
        if (refused := password_refusal(exc)) is not None:
            raise refused from None
        raise Unreadable("ZIP内のデータが壊れています。",
                         f"Zip member data is damaged ({type(exc).__name__}).") from None
    if len(out) > cap:
        raise Unreadable(f"展開後のサイズが上限（{cap // 1048576}MB）を超えます。",
                         f"Member is larger than the limit ({cap // 1048576} MB) when decompressed.")
    ctx.spend(len(out))
    return out


def read_xml_part(zf: zipfile.ZipFile, name: str, ctx: ScanContext) -> bytes | None:
    """An Office XML part, or None when absent. DTDs are refused (billion laughs, XXE)."""
    try:
        info = zf.getinfo(name)
    except KeyError:
        return None
    data = read_member(zf, info, ctx)
    head = data[:4096]
    if any(m in head for m in _DTD_MARKERS) or b"<!ENTITY" in data:
        raise Unreadable("文書内のXMLに実体宣言（DTD）があります。安全のため読みません。",
                         "An XML part declares a DTD/entities; refused for safety (billion laughs).")
    return data

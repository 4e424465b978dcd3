"""Deciding a file's format from its first bytes (the extension only breaks ties)."""

from __future__ import annotations

import re
import zipfile

_EML_HEADER = re.compile(rb"^(?:From|To|Subject|Date|Received|Return-Path|MIME-Version|Message-ID|Delivered-To|Content-Type):",
                         re.M | re.I)
_BINARY_MAGIC = {
    b"\x89PNG": "png", b"\xff\xd8\xff": "jpeg", b"GIF8": "gif", b"MZ": "exe", b"\x7fELF": "elf",
    b"II*\x00": "tiff", b"MM\x00*": "tiff", b"BM": "bmp", b"\x1f\x8b": "gzip", b"7z\xbc\xaf": "7z",
    b"Rar!": "rar", b"RIFF": "riff", b"ID3": "mp3", b"\x00\x00\x00\x18ftyp": "mp4", b"\x00\x00\x00\x20ftyp": "mp4",
    b"SQLite format 3": "sqlite",
}
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")
_JSON_EXTS = ("json", "jsonl", "ndjson", "geojson")
# A statement that fills or defines a table at the start of a line, or a dump tool's banner.
_SQL_STATEMENT = re.compile(
    rb"^[ \t]*(?:(?:INSERT|REPLACE)[ \t]+(?:IGNORE[ \t]+)?INTO[ \t]+[^\s(]+[ \t]*(?:\(|VALUES\b)"
    rb"|CREATE[ \t]+(?:TEMPORARY[ \t]+)?TABLE[ \t]+(?:IF[ \t]+NOT[ \t]+EXISTS[ \t]+)?[^\s(]+[ \t]*\("
    rb"|COPY[ \t]+[^\s(]+[ \t]*(?:\([^)\n]*\))?[ \t]+FROM[ \t]+stdin\b"
    rb"|-- (?:MySQL|MariaDB) dump|-- PostgreSQL database dump)",
    re.I | re.M)
# An object ({"key"…), an array of objects ([{…) or of rows ([["…", [[1…): what records look like.
_JSON_START = re.compile(rb'^(?:\xef\xbb\xbf)?\s*(?:\{\s*"|\[\s*\{|\[\s*\[\s*["\-0-9])')


_HTML_START = re.compile(rb"^(?:\xef\xbb\xbf)?\s*(?:<!DOCTYPE html|<html[\s>])", re.I)


def sniff(head: bytes, name: str) -> str:
    """One of: zip, ole, pdf, eml, binary:<kind>, csv, tsv, html, json, sql, text."""
    ext = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if head.startswith(ZIP_MAGICS):
        return "zip"
    if head.startswith(OLE_MAGIC):
        return "ole"
    if b"%PDF-" in head[:1024]:
        return "pdf"
    for magic, kind in _BINARY_MAGIC.items():
        if head.startswith(magic) and not (kind == "bmp" and ext in ("txt", "csv", "tsv", "log")):
            return f"binary:{kind}"
    if ext in ("eml", "msg") or len(_EML_HEADER.findall(head[:4096])) >= 3:
        return "eml"
    sample = head[:8192]
    if b"\x00" in sample and not _looks_utf16(sample):
        return "binary:data"
    if ext == "tsv":
        return "tsv"
    if ext == "csv":
        return "csv"
    if ext in ("html", "htm", "xhtml") or _HTML_START.match(sample):
        return "html"
    # Before the comma count: JSON Lines and multi-row INSERTs have commas on every line too.
    if ext in _JSON_EXTS or _JSON_START.match(sample):
        return "json"
    if ext == "sql" or _looks_like_sql(sample):
        return "sql"
    # A CSV saved under another name (名簿.xls, export.txt): the same number of commas or
    # tabs on nearly every line makes it a table, whatever it is called.
    return _delimited(sample) or "text"


def _looks_like_sql(sample: bytes) -> bool:
    # Dumps start with their banner or first statements (mysqldump, pg_dump and sqlite3 .dump
    # within the first lines), so 4 KB are looked at; the line-anchored regex (about 25 µs
    # there) runs only when a statement word appears (upper() and four finds: a few µs).
    head = sample[:4096]
    upper = head.upper()
    if not any(word in upper for word in (b"INSERT", b"CREATE", b"COPY", b"REPLACE", b"DUMP")):
        return False
    return _SQL_STATEMENT.search(head) is not None


def _delimited(sample: bytes) -> str | None:
    lines = sample.split(b"\n")[:-1][:50]  # whole lines only
    if len(lines) < 3:
        return None
    for sep, kind in ((b"\t", "tsv"), (b",", "csv")):
        counts = [line.count(sep) for line in lines if line.strip()]
        if not counts:
            continue
        first = counts[0]
        if first >= 1 and sum(1 for c in counts if c == first) >= 0.9 * len(counts):
            return kind
    return None


def _looks_utf16(sample: bytes) -> bool:
    return sample.startswith((b"\xff\xfe", b"\xfe\xff")) or utf16_without_bom(sample) is not None


def utf16_without_bom(sample: bytes) -> str | None:
    """"utf-16-le"/"utf-16-be" when NUL bytes sit on one side only (ASCII in UTF-16), else None.

    Japanese UTF-16 has few NULs (only its ASCII characters make them), so the share needed
    is small; what gives UTF-16 away is that nearly all NULs are on the same side.
    """
    sample = sample[: len(sample) & ~1]
    nuls = sample.count(0)
    if not sample or nuls < max(2, len(sample) // 50):
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    if odd >= 0.95 * nuls:
        return "utf-16-le"
    if even >= 0.95 * nuls:
        return "utf-16-be"
    return None


def ooxml_kind(zf: zipfile.ZipFile) -> str:
    """xlsx, docx, pptx or zip, from the parts the package holds."""
    names = set(zf.namelist())
    if "[Content_Types].xml" in names or any(n.startswith(("xl/", "word/", "ppt/")) for n in names):
        if "xl/workbook.xml" in names or any(n.startswith("xl/worksheets/") for n in names):
            return "xlsx"
        if "word/document.xml" in names or any(n.startswith("word/") for n in names):
            return "docx"
        if "ppt/presentation.xml" in names or any(n.startswith("ppt/") for n in names):
            return "pptx"
    return "zip"

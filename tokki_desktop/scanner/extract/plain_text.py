"""Text files (.txt .csv .tsv .log) in UTF-8, UTF-16, CP932/Shift_JIS or EUC-JP."""

from __future__ import annotations

import codecs
import csv
import io
import re
from typing import Iterator

import charset_normalizer

from tokki_desktop.scanner.extract import Parts, ScanContext, TablePart, TextPart, Unreadable
from tokki_desktop.scanner.sniff import utf16_without_bom
from tokki_desktop.scanner.tables import find_header

CHUNK_BYTES = 8 * 1024 * 1024
ROWS_PER_PART = 20_000


def detect_encoding(data: bytes) -> str:
    """The encoding of ``data``, decided from the bytes (BOM, strict decoding, statistics).

    Strict decoding in a fixed order is fast and right for Japanese files: CP932 text almost
    always contains lead bytes 0x81–0x9F, which EUC-JP cannot hold, so EUC-JP is tried first.
    """
    return _detected(data)[0]


def _detected(data: bytes) -> tuple[str, str | None]:
    """The encoding of ``data`` and, when deciding it decoded the whole file strictly (a file
    of up to 4 MB in UTF-8, EUC-JP or CP932), that text: read again it would be the same,
    and the second decoding was a fifth of reading a CSV roster (a twentieth of its scan)."""
    if data.startswith(codecs.BOM_UTF8):
        return "utf-8-sig", None
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16", None
    utf16 = utf16_without_bom(data[: 64 * 1024])
    if utf16:
        return utf16, None
    sample = data[: 4 * 1024 * 1024]
    for enc in ("utf-8", "euc_jp", "cp932"):
        try:
            if len(sample) == len(data):
                return enc, sample.decode(enc)
            _decode_prefix(sample, enc)
            return enc, None
        except UnicodeDecodeError:
            continue
    # No strict fit: a damaged or mixed file. Take the Japanese encoding with the fewest
    # undecodable bytes when that is a small share; otherwise ask charset-normalizer.
    probe = sample[: 1024 * 1024]
    scores = {enc: probe.decode(enc, "replace").count("\ufffd") for enc in ("utf-8", "euc_jp", "cp932")}
    enc, bad = min(scores.items(), key=lambda kv: kv[1])
    if bad <= max(2, len(probe) // 200):
        return enc, None
    best = charset_normalizer.from_bytes(sample[:256 * 1024]).best()
    if best is None:
        raise Unreadable("文字コードを判定できません。", "The text encoding cannot be determined.")
    return best.encoding, None


def _decode_prefix(sample: bytes, enc: str) -> str:
    # The sample may end inside a multi-byte character: cut at the last newline.
    cut = sample.rfind(b"\n")
    return sample[: cut if cut > 0 else len(sample)].decode(enc)


def _chunks(data: bytes, enc: str, ctx: ScanContext, whole: str | None = None) -> Iterator[str]:
    if whole is not None and len(data) <= CHUNK_BYTES:
        ctx.check_time()
        yield whole  # the file in one chunk, decoded already (strictly: "replace" changes nothing)
        return
    decoder = codecs.getincrementaldecoder(enc)(errors="replace")
    for start in range(0, len(data), CHUNK_BYTES):
        ctx.check_time()
        yield decoder.decode(data[start:start + CHUNK_BYTES], final=start + CHUNK_BYTES >= len(data))


def extract_text(data: bytes, ctx: ScanContext) -> Parts:
    """Running text in chunks (the decoder keeps multi-byte characters whole across chunks).

    Each chunk but the last is cut after its last line break (or, in a chunk of one line,
    its last space), and the rest goes to the front of the next one: a phone number or a
    name written across the 8 MB mark is then read whole, in one of them.
    """
    enc, whole = _detected(data)
    carry = ""
    pending: str | None = None  # held back one step: the last chunk is never cut
    for chunk in _chunks(data, enc, ctx, whole):
        if pending is not None:
            cut = pending.rfind("\n") + 1 or pending.rfind(" ") + 1 or _last_break(pending)
            carry = pending[cut:]
            yield TextPart(pending[:cut] if carry else pending)
            chunk = carry + chunk
        pending = chunk
    if pending is not None:
        yield TextPart(pending)


# What numbers, e-mail addresses and codes are made of: a chunk of one line without a space is
# cut after the last other character of its end (the next chunk then starts with the value).
_NOT_IN_A_VALUE = re.compile(r"[^0-9A-Za-z\-().+@_%:/]")
_TAIL = 1024


def _last_break(chunk: str) -> int:
    """Where to cut a chunk with no line break and no space: after the last character of its
    last _TAIL that no number or address is made of, else at its end."""
    tail = chunk[-_TAIL:]
    m = _NOT_IN_A_VALUE.search(tail[::-1])
    return len(chunk) - m.start() if m is not None else len(chunk)


def _lines(data: bytes, enc: str, ctx: ScanContext, whole: str | None = None) -> Iterator[str]:
    """Decoded lines, chunk by chunk: a 200 MB CSV is never one string in memory."""
    carry = ""
    for chunk in _chunks(data, enc, ctx, whole):
        chunk = carry + chunk
        # A \r that ends the chunk waits for the next one: it may be the first half of a
        # \r\n, which cut apart read as an empty row more.
        cut = max(chunk.rfind("\n"), chunk.rfind("\r", 0, len(chunk) - 1))
        if cut < 0:
            carry = chunk
            continue
        carry = chunk[cut + 1:]
        # StringIO(newline="") splits at \n, \r and \r\n and keeps them, as csv expects.
        yield from io.StringIO(chunk[:cut + 1], newline="")
    if carry:
        yield carry


def extract_delimited(data: bytes, ctx: ScanContext, delimiter: str | None = None) -> Parts:
    """CSV/TSV as a table in batches of rows; the header row (if any) labels every batch."""
    enc, whole = _detected(data)
    if delimiter is None:
        first = data[:4096].decode(enc, "replace")
        delimiter = "\t" if first.count("\t") > first.count(",") else ","
    header: list[str] | None = None
    batch: list[list[str]] = []
    first_batch = True
    try:
        for row in csv.reader(_lines(data, enc, ctx, whole), delimiter=delimiter):
            batch.append(row)
            if len(batch) >= ROWS_PER_PART:
                ctx.check_time()
                if first_batch:
                    above, header, batch = _split_header(batch)
                    if above:
                        yield TablePart(above, None)
                    first_batch = False
                yield TablePart(batch, header)
                batch = []
    except csv.Error:
        # A NUL byte or a broken quote: what is left is still text, scanned as such.
        if batch:
            yield TablePart(batch, header)
        for chunk in _chunks(data, enc, ctx, whole):
            yield TextPart(chunk)
        return
    if first_batch:
        above, header, batch = _split_header(batch)
        if above:
            yield TablePart(above, None)
    if batch:
        yield TablePart(batch, header)


def _split_header(rows: list[list[str]]) -> tuple[list[list[str]], list[str] | None, list[list[str]]]:
    """(rows above the header, the header, rows under it); no header: ([], None, rows)."""
    i = find_header(rows)
    if i is None:
        return [], None, rows
    return rows[:i], rows[i], rows[i + 1:]

"""全銀フォーマット: the fixed-width transfer files banks take for salary and vendor payments.

Each record is 120 bytes (CP932, names in half-width katakana), with or without line breaks:
1 = header (the paying company), 2 = one payee per record, 8 = trailer, 9 = end. A data
record holds the payee's bank, branch, account type, 7-digit account number, name and
amount, so a file is a table of people with their bank accounts, without any header line:
it is handed on as a table with the column names of the format.
"""

from __future__ import annotations

from tokki_desktop.scanner.extract import Parts, ScanContext, TablePart

RECORD = 120
HEADER = ["銀行名", "支店名", "預金種目", "口座番号", "受取人名", "振込金額"]
_ACCOUNT_TYPES = {b"1": "普通", b"2": "当座", b"4": "貯蓄", b"9": "その他"}


def _records(data: bytes) -> list[bytes] | None:
    body = data.rstrip(b"\x1a\r\n")  # an end-of-file mark or a last line break
    if b"\n" in body:
        recs = [r.rstrip(b"\r") for r in body.split(b"\n")]
    else:
        recs = [body[i:i + RECORD] for i in range(0, len(body), RECORD)]
    if len(recs) < 2 or any(len(r) != RECORD or r[:1] not in b"1289" for r in recs):
        return None
    return recs


def looks_like_zengin(data: bytes) -> bool:
    """A header record first, data records after it, every record 120 bytes of the format."""
    if len(data) < 2 * RECORD or data[:1] != b"1":
        return False
    recs = _records(data)
    return bool(recs) and any(r[:1] == b"2" and r[43:50].isdigit() and r[1:5].isdigit() for r in recs)


def extract_zengin(data: bytes, ctx: ScanContext) -> Parts:
    """The data records as a table: bank, branch, account type and number, payee, amount."""
    rows: list[list[str]] = []
    for n, r in enumerate(_records(data) or ()):
        if r[:1] != b"2":
            continue
        if n % 5000 == 0:
            ctx.check_time()
        rows.append([
            r[5:20].decode("cp932", "replace").strip(),
            r[23:38].decode("cp932", "replace").strip(),
            _ACCOUNT_TYPES.get(r[42:43], ""),
            r[43:50].decode("ascii", "replace"),
            r[50:80].decode("cp932", "replace").strip(),
            r[80:90].decode("ascii", "replace").lstrip("0"),
        ])
    yield TablePart(rows, list(HEADER), "全銀")

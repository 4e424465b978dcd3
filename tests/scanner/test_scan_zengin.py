"""全銀フォーマット transfer files: fixed-width records of payees and their bank accounts."""

from __future__ import annotations

from tokki_desktop.scanner import CLEAN, PERSONAL_DATA, scan_bytes


def _field(text: str, width: int, *, digits: bool = False) -> bytes:
    raw = text.encode("cp932")
    return raw.rjust(width, b"0") if digits else raw.ljust(width)


def zengin_file(payees: list[tuple[str, str, str]], *, newline: bytes = b"\r\n") -> bytes:
    header = (b"1" + b"21" + b"0" + _field("1234567890", 10) + _field("ｶ)ﾄﾂｷｼﾖｳｼﾞ", 40) + b"0410"
              + b"0009" + _field("ﾐﾂｲｽﾐﾄﾓ", 15) + b"101" + _field("ﾎﾝﾃﾝ", 15) + b"1" + b"1234567")
    header = header.ljust(120)
    records = [header]
    for account, name, amount in payees:
        rec = (b"2" + b"9900" + _field("ﾕｳﾁﾖ", 15) + b"215" + _field("ｻｸﾗｼﾝﾏﾁ", 15) + b"0000" + b"1"
               + account.encode() + _field(name, 30) + _field(amount, 10, digits=True) + b"0")
        records.append(rec.ljust(120))
    records.append((b"8" + _field(str(len(payees)), 6, digits=True)).ljust(120))
    records.append(b"9".ljust(120))
    assert all(len(r) == 120 for r in records)
    return newline.join(records) + newline


PAYEES = [("1047511", "ｻﾄｳ ｼﾖｳﾀ", "342000"), ("1872261", "ﾊﾔｼ ﾏﾕﾐ", "224000"), ("1445584", "ｱﾍﾞ ﾐｻｷ", "364000")]


def test_a_salary_transfer_file_is_a_table_of_payees() -> None:
    for newline in (b"\r\n", b"\n", b""):
        res = scan_bytes(zengin_file(PAYEES, newline=newline), "SOUGOU0410.txt")
        assert res.verdict == PERSONAL_DATA and res.format == "zengin", newline
        assert res.records == 3 and res.findings["bank_account"] == 3 and res.findings["name"] == 3
        assert "1047511" not in res.reason and "ｻﾄｳ" not in res.reason + " ".join(res.examples)


def test_a_damaged_transfer_file_is_read_as_text_and_says_nothing_false() -> None:
    data = zengin_file(PAYEES)
    res = scan_bytes(data[:-200], "SOUGOU0410.txt")  # cut inside a record
    assert res.format == "text" and res.verdict in (CLEAN, PERSONAL_DATA)
    # Lines of 120 characters that merely start with 1 and 2 are not taken for the format.
    prose = b"\n".join([b"1" + b"x" * 119, b"2" + b"y" * 119])
    assert scan_bytes(prose, "notes.txt").format == "text"

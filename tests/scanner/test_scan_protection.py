"""Protected means protected: a file that asks for a password is ``encrypted``, never clean.

The encrypted files are made here: pypdf encrypts with each PDF algorithm, msoffcrypto-tool
encrypts OOXML, pyzipper writes AES zips. No Python library writes an RC4 CryptoAPI .ppt, so
its encryption headers (MS-PPT CurrentUserAtom / UserEditAtom) are written into a minimal
compound file; real samples are checked only when ``TOKKI_REAL_CORPUS`` points at them.
"""

from __future__ import annotations

import io
import os
import struct
import zipfile
from pathlib import Path

import pytest

from tokki_desktop.scanner import CLEAN, ENCRYPTED, PERSONAL_DATA, UNREADABLE, scan_file

ALGORITHMS = ["RC4-40", "RC4-128", "AES-128", "AES-256-R5", "AES-256"]  # AES-256 is revision 6


def _pdf_pages(src: Path):
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for page in PdfReader(src).pages:
        writer.add_page(page)
    return writer


def _write(writer, dst: Path) -> Path:
    with open(dst, "wb") as fh:
        writer.write(fh)
    return dst


@pytest.mark.parametrize("algorithm", ALGORITHMS)
@pytest.mark.parametrize("owner", [None, "owner-pass"])
def test_pdf_with_a_user_password_is_encrypted(corpus, tmp_path: Path, algorithm: str, owner: str | None) -> None:
    root, _ = corpus
    writer = _pdf_pages(root / "pos/letter.pdf")
    writer.encrypt(user_password="secret-pass", owner_password=owner, algorithm=algorithm)
    res = scan_file(_write(writer, tmp_path / "locked.pdf"))
    assert res.verdict == ENCRYPTED and "パスワード" in res.reason, (res.verdict, res.reason_en)
    assert res.format == "pdf" and not res.examples and not res.findings


@pytest.mark.parametrize("algorithm", ["AES-256-R5", "AES-256"])
def test_pdf_with_an_empty_owner_password_still_asks_for_the_user_password(
        corpus, tmp_path: Path, algorithm: str) -> None:
    """pypdf's decrypt("") accepts the empty string as the owner password and "opens" such a
    file; Acrobat, pdf.js and PDFium ask for the user password, so it is encrypted."""
    from pypdf import PdfReader
    from pypdf._encryption import AlgV5
    from pypdf.generic import ByteStringObject, NameObject

    root, _ = corpus
    writer = _pdf_pages(root / "pos/letter.pdf")
    writer.encrypt(user_password="secret-pass", algorithm=algorithm)
    enc = writer._encryption
    values = AlgV5.generate_values(enc.R, b"secret-pass", b"", enc._key, enc.P, enc.EncryptMetadata)
    for key in ("/O", "/U", "/OE", "/UE", "/Perms"):
        writer._encrypt_entry[NameObject(key)] = ByteStringObject(values[key])
    dst = _write(writer, tmp_path / "empty-owner.pdf")
    assert PdfReader(dst).decrypt("") != 0  # the trap: pypdf alone would read it
    assert scan_file(dst).verdict == ENCRYPTED


@pytest.mark.parametrize("algorithm", ALGORITHMS)
def test_owner_password_only_pdf_is_scanned_as_usual(corpus, tmp_path: Path, algorithm: str) -> None:
    root, _ = corpus
    plain = scan_file(root / "pos/letter.pdf")
    writer = _pdf_pages(root / "pos/letter.pdf")
    writer.encrypt(user_password="", owner_password="owner-pass", algorithm=algorithm)
    res = scan_file(_write(writer, tmp_path / "restricted.pdf"))
    assert plain.verdict == PERSONAL_DATA
    assert (res.verdict, res.findings) == (plain.verdict, plain.findings)


def test_certificate_encrypted_pdf_is_encrypted(corpus, tmp_path: Path) -> None:
    """A public-key security handler (/Adobe.PubSec) needs a certificate's key: encrypted."""
    root, _ = corpus
    writer = _pdf_pages(root / "pos/letter.pdf")
    writer.encrypt(user_password="secret-pass", algorithm="AES-128")
    data = _write(writer, tmp_path / "std.pdf").read_bytes()
    assert data.count(b"/Filter /Standard") == 1
    dst = tmp_path / "pubsec.pdf"
    dst.write_bytes(data.replace(b"/Filter /Standard", b"/Filter /Adobe.PubSec"))
    assert scan_file(dst).verdict == ENCRYPTED


def test_damaged_encrypted_pdf_is_not_clean(corpus, tmp_path: Path) -> None:
    root, _ = corpus
    writer = _pdf_pages(root / "pos/letter.pdf")
    writer.encrypt(user_password="secret-pass", algorithm="AES-256")
    data = _write(writer, tmp_path / "whole.pdf").read_bytes()
    dst = tmp_path / "cut.pdf"
    dst.write_bytes(data[: len(data) * 2 // 3])
    assert scan_file(dst).verdict in (ENCRYPTED, UNREADABLE)


def test_plain_pdf_mentioning_encrypt_in_its_text_is_scanned(tmp_path: Path) -> None:
    """The word /Encrypt inside a page is no trailer entry: the file opens and is read."""
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf)
    c.setPageCompression(0)
    c.drawString(72, 700, "/Encrypt is a PDF key; this memo has no personal data.")
    c.save()
    dst = tmp_path / "memo.pdf"
    dst.write_bytes(buf.getvalue())
    assert b"/Encrypt" in buf.getvalue()
    assert scan_file(dst).verdict == CLEAN


# -- legacy Office -------------------------------------------------------------------------

def _ppt(path: Path, corpus_module, encrypted: bool) -> Path:
    """A compound file with the MS-PPT records that say whether the file is encrypted.

    "Current User" holds a CurrentUserAtom (headerToken 0xF3D1C4DF = encrypted); the
    "PowerPoint Document" stream a UserEditAtom whose length is 0x20 when it carries an
    encryptSessionPersistIdRef (RC4 CryptoAPI) and 0x1C otherwise.
    """
    token = 0xF3D1C4DF if encrypted else 0xE391C05F
    user = b"user"
    atom = struct.pack("<IIIHHBBH", 0x14, token, 0, len(user), 0x03F4, 3, 0, 0) + user + struct.pack("<I", 8)
    current = struct.pack("<HHI", 0, 0x0FF6, len(atom)) + atom
    rec_len = 0x20 if encrypted else 0x1C
    edit = struct.pack("<IHBBIIIIHH", 256, 0, 0, 3, 0, 0, 1, 2, 1, 0)
    if encrypted:
        edit += struct.pack("<I", 2)
    document = struct.pack("<HHI", 0, 0x0FF5, rec_len) + edit
    corpus_module.write_cfb(path, [("Current User", current.ljust(4096, b"\0")),
                                   ("PowerPoint Document", document.ljust(4096, b"\0"))])
    return path


def test_rc4_cryptoapi_powerpoint_is_encrypted(tmp_path: Path, corpus_module) -> None:
    res = scan_file(_ppt(tmp_path / "locked.ppt", corpus_module, encrypted=True))
    assert res.verdict == ENCRYPTED, res.reason_en
    assert "PowerPoint" in res.reason


def test_plain_legacy_powerpoint_is_read_not_called_encrypted(tmp_path: Path, corpus_module) -> None:
    """Its text atoms are read (this one has none); it is not called protected either."""
    res = scan_file(_ppt(tmp_path / "plain.ppt", corpus_module, encrypted=False))
    assert res.verdict == CLEAN and res.format == "ppt", res.reason_en


def test_legacy_word_and_excel_encryption_flags(tmp_path: Path, corpus_module, corpus) -> None:
    doc = tmp_path / "locked.doc"
    corpus_module.write_doc(doc, "個人番号 123456789018\r", encrypted=True)
    assert (scan_file(doc).format, scan_file(doc).verdict) == ("doc", ENCRYPTED)
    root, _ = corpus
    assert scan_file(root / "pos/roster_basic.xls").verdict == PERSONAL_DATA


# Public samples (Apache POI test-data, pdfminer.six, oletools) that no library here writes:
# used only when found under TOKKI_REAL_CORPUS, never committed.
REAL_SAMPLES = [
    "cryptoapi-proc2356.ppt", "Password_Protected-hello.ppt", "Password_Protected-56-hello.ppt",
    "Password_Protected-np-hello.ppt", "password.xls", "password_password_cryptoapi.xls",
    "xor-encryption-abc.xls", "PasswordProtected.doc", "password_password_cryptoapi.doc",
    "password_tika_binaryrc4.doc",
    # pdfminer.six's and oletools' test files (the real-world corpus, dev half)
    "rc4-40.pdf", "rc4-128.pdf", "aes-128.pdf", "aes-128-m.pdf", "aes-256.pdf", "aes-256-m.pdf", "aes-256-r6.pdf",
    "encrypted.doc", "encrypted.xls", "encrypted.ppt", "autostart-encrypt-standardpassword.xls",
    # AES-256 R6 test files gathered by OpenPDF (issue 375); pr6531_2 has an empty owner password
    "MuPDF-AES256-R6-u=user-o=owner.pdf", "enc-XI-R6,V5,U=view,O=master.pdf", "graph-encrypted-pw=user.pdf",
    "pr6531_2-pw=asdfasdf.pdf",
]
# Owner-password-only samples: they open without a prompt and are scanned as usual.
REAL_OPEN_SAMPLES = ["enc-XI-R6,V5,O=master.pdf", "Demo1_encrypted_.pdf", "pwProtectedAES256_openPDFiss375.pdf"]


@pytest.mark.parametrize("name", REAL_SAMPLES)
def test_real_encrypted_legacy_office_samples(name: str) -> None:
    root = os.environ.get("TOKKI_REAL_CORPUS")
    if not root:
        pytest.skip("TOKKI_REAL_CORPUS is not set (public encrypted samples are not committed)")
    found = sorted(Path(root).rglob(name))
    if not found:
        pytest.skip(f"{name} is not in TOKKI_REAL_CORPUS")
    res = scan_file(found[0])
    assert res.verdict == ENCRYPTED, (name, res.verdict, res.reason_en)


@pytest.mark.parametrize("name", REAL_OPEN_SAMPLES)
def test_real_owner_password_only_samples_are_scanned(name: str) -> None:
    root = os.environ.get("TOKKI_REAL_CORPUS")
    if not root:
        pytest.skip("TOKKI_REAL_CORPUS is not set (public samples are not committed)")
    found = sorted(Path(root).rglob(name))
    if not found:
        pytest.skip(f"{name} is not in TOKKI_REAL_CORPUS")
    res = scan_file(found[0])
    assert res.verdict in (CLEAN, PERSONAL_DATA), (name, res.verdict, res.reason_en)


# -- archives and embedded files ------------------------------------------------------------

def test_zipcrypto_member_is_encrypted(tmp_path: Path) -> None:
    """ZipCrypto (the "traditional" zip password): flag bit 0 in both headers."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_STORED) as z:
        z.writestr("名簿.csv", "氏名,住所\n山田 太郎,東京都小金井市本町1-2-3\n".encode())
    data = bytearray(buf.getvalue())
    struct.pack_into("<H", data, 6, struct.unpack_from("<H", data, 6)[0] | 1)  # local header
    cd = data.find(b"PK\x01\x02")
    struct.pack_into("<H", data, cd + 8, struct.unpack_from("<H", data, cd + 8)[0] | 1)  # central
    dst = tmp_path / "locked.zip"
    dst.write_bytes(bytes(data))
    res = scan_file(dst)
    assert res.verdict == ENCRYPTED and res.members[0].verdict == ENCRYPTED
    assert not res.examples


def test_aes_method_without_the_flag_is_encrypted(tmp_path: Path) -> None:
    """Compression method 99 is WinZip AES even when a writer forgot the encryption flag."""
    import pyzipper

    buf = io.BytesIO()
    with pyzipper.AESZipFile(buf, "w", compression=pyzipper.ZIP_DEFLATED, encryption=pyzipper.WZ_AES) as z:
        z.setpassword(b"secret-pass")
        z.writestr("名簿.csv", "氏名,住所\n山田 太郎,東京都小金井市本町1-2-3\n")
    data = bytearray(buf.getvalue())
    struct.pack_into("<H", data, 6, struct.unpack_from("<H", data, 6)[0] & ~1)
    cd = data.find(b"PK\x01\x02")
    struct.pack_into("<H", data, cd + 8, struct.unpack_from("<H", data, cd + 8)[0] & ~1)
    dst = tmp_path / "aes.zip"
    dst.write_bytes(bytes(data))
    assert scan_file(dst).members[0].verdict == ENCRYPTED


def test_protected_files_inside_a_zip_make_it_encrypted(corpus, tmp_path: Path) -> None:
    from msoffcrypto.format.ooxml import OOXMLFile

    root, _ = corpus
    writer = _pdf_pages(root / "pos/letter.pdf")
    writer.encrypt(user_password="secret-pass", algorithm="AES-256")
    pdf = io.BytesIO()
    writer.write(pdf)
    xlsx = io.BytesIO()
    with open(root / "neg/minutes.pptx", "rb") as fin:
        OOXMLFile(fin).encrypt("secret-pass", xlsx)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("letter.pdf", pdf.getvalue())
        z.writestr("minutes.pptx", xlsx.getvalue())
        z.writestr("readme.txt", "会議資料です。")
    dst = tmp_path / "bundle.zip"
    dst.write_bytes(buf.getvalue())
    res = scan_file(dst)
    verdicts = {m.path.rsplit("!", 1)[-1]: m.verdict for m in res.members}
    assert verdicts == {"letter.pdf": ENCRYPTED, "minutes.pptx": ENCRYPTED, "readme.txt": CLEAN}
    assert res.verdict == ENCRYPTED


def test_protected_workbook_embedded_in_word_makes_it_encrypted(corpus, tmp_path: Path) -> None:
    """An Excel table pasted into Word is kept as a file under word/embeddings/."""
    from msoffcrypto.format.ooxml import OOXMLFile

    root, _ = corpus
    locked = io.BytesIO()
    with open(root / "pos/roster_basic.xlsx", "rb") as fin:
        OOXMLFile(fin).encrypt("secret-pass", locked)
    src = zipfile.ZipFile(root / "neg/minutes.docx")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            z.writestr(info, src.read(info))
        z.writestr("word/embeddings/Microsoft_Excel_Worksheet1.xlsx", locked.getvalue())
    dst = tmp_path / "minutes.docx"
    dst.write_bytes(buf.getvalue())
    res = scan_file(dst)
    assert res.verdict == ENCRYPTED and res.members and res.members[0].verdict == ENCRYPTED

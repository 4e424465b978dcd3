"""Password protection, decided the way the user's own software would decide it.

A file is ``encrypted`` when opening it needs a password the user would be asked for:

- a PDF with a *user* (open) password, whatever the revision (RC4-40, RC4-128, AES-128,
  AES-256 R5/R6) or security handler (a certificate-encrypted PDF has no password we know);
  a PDF with only an *owner* password (print/copy restrictions) opens and is scanned;
- a Word, Excel or PowerPoint 97–2003 file encrypted with RC4, RC4 CryptoAPI or XOR
  obfuscation (msoffcrypto-tool reads the encryption headers of all three);
- an archive member flagged as encrypted (ZipCrypto, WinZip AES) or that a library refuses
  for want of a password.

The extractors call these checks with one line each; nothing here reads document text.
"""

from __future__ import annotations

import io
import logging
import warnings
import zipfile

from tokki_desktop.scanner.extract import Encrypted, Parts

# msoffcrypto logs parsed headers at debug level, the PowerPoint "Current User" record (the
# author's name) among them: its loggers stay silent.
logging.getLogger("msoffcrypto").setLevel(logging.CRITICAL)

# (ja, en) of each protection; a fresh exception is raised each time (they carry tracebacks).
_PDF = ("パスワードで保護されたPDFです（開くにはパスワードが必要です）。",
        "Password-protected PDF (a password is needed to open it).")
_MEMBER = ("パスワードで暗号化されたZIPの中身です。", "Encrypted zip member.")
_REFUSED = ("パスワードが必要なため中身を読めません。", "A password is needed to read the contents.")
_LEGACY = {
    "xls": ("パスワードで保護されたExcel（旧形式）ファイルです。", "Password-protected legacy Excel file."),
    "doc": ("パスワードで保護されたWord（旧形式）文書です。", "Password-protected legacy Word document."),
    "ppt": ("パスワードで保護されたPowerPoint（旧形式）ファイルです。", "Password-protected legacy PowerPoint file."),
}

# WinZip AES marks its members with this compression method (APPNOTE, appendix E).
_ZIP_AES_METHOD = 99
# What libraries say when they refuse for want of a password: zipfile's RuntimeError "…is
# encrypted, password required for extraction", xlrd's XLRDError "Workbook is encrypted".
# Phrases, not single words, so that a member called password.txt is not taken for one.
_REFUSAL_PHRASES = ("password required", "is encrypted")


def refuse_locked_pdf(data: bytes) -> None:
    """Raise :class:`Encrypted` when the PDF asks for a password before it opens."""
    # Every encrypted PDF names its /Encrypt dictionary in a trailer or xref-stream
    # dictionary, which are never compressed: without the word there is nothing to check.
    if b"/Encrypt" not in data:
        return
    if _pdf_needs_open_password(data):
        raise Encrypted(*_PDF)


def checked_pdf(data: bytes, parts: Parts) -> Parts:
    """``parts`` of a PDF, after :func:`refuse_locked_pdf`: lazily, so the result keeps its format."""
    refuse_locked_pdf(data)
    yield from parts


def checked_legacy_office(data: bytes, kind: str, parts: Parts) -> Parts:
    """``parts`` of a .xls/.doc after :func:`refuse_locked_legacy_office` (lazily, as above)."""
    refuse_locked_legacy_office(data, kind)
    yield from parts


def _pdf_needs_open_password(data: bytes) -> bool:
    from pypdf import PdfReader

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            reader = PdfReader(io.BytesIO(data), strict=False)
    except NotImplementedError:
        # pypdf opens only the Standard (password) security handler: a certificate-encrypted
        # PDF (/Adobe.PubSec) needs a key we do not have.
        return True
    except Exception:  # damaged: the PDF extractor says so in its own words
        return False
    if not reader.is_encrypted:
        return False
    try:
        return not _opens_with_empty_user_password(reader)
    except Exception:
        # A pypdf that changed its internals, or a crypto backend missing: we cannot show
        # that the file opens without a password, so it is not called readable.
        return True


def _opens_with_empty_user_password(reader: object) -> bool:
    """Whether the empty string is the *user* password.

    ``PdfReader.decrypt("")`` tries the empty string as the owner password first, and a file
    written with an empty owner password (qpdf --allow-insecure, some generators) then
    "opens" although Acrobat, pdf.js and PDFium all ask for the user password. The user
    password is therefore checked alone, as a viewer checks it.
    """
    from pypdf._encryption import AlgV4, AlgV5

    enc = reader._encryption  # type: ignore[attr-defined]
    if enc is None:
        return True
    if enc.V <= 4:
        key = AlgV4.verify_user_password(b"", enc.R, enc.Length, enc.values.O, enc.values.U, enc.P,
                                         enc.id1_entry, enc.EncryptMetadata)
    else:
        key = AlgV5.verify_user_password(enc.R, b"", enc.values.U, enc.values.UE)
    return bool(key)


def refuse_locked_legacy_office(data: bytes, kind: str) -> None:
    """Raise :class:`Encrypted` for a .xls/.doc/.ppt (``kind``) encrypted with RC4, RC4
    CryptoAPI or XOR obfuscation. A file msoffcrypto-tool cannot parse is left to the
    extractor, whose own checks and damage messages then apply."""
    message = _LEGACY.get(kind)
    if message is None:
        return
    try:
        from msoffcrypto.format.doc97 import Doc97File
        from msoffcrypto.format.ppt97 import Ppt97File
        from msoffcrypto.format.xls97 import Xls97File

        reader = {"xls": Xls97File, "doc": Doc97File, "ppt": Ppt97File}[kind]
        encrypted = reader(io.BytesIO(data)).is_encrypted()
    except Exception:  # damaged, BIFF5 ("Book"), or a layout msoffcrypto does not know
        return
    if encrypted:
        raise Encrypted(*message)


def refuse_locked_member(info: zipfile.ZipInfo) -> None:
    """Raise :class:`Encrypted` for a zip member encrypted with ZipCrypto, PKWARE strong
    encryption (both set flag bit 0) or WinZip AES (compression method 99)."""
    if info.flag_bits & 0x1 or info.compress_type == _ZIP_AES_METHOD:
        raise Encrypted(*_MEMBER)


def password_refusal(exc: BaseException) -> Encrypted | None:
    """:class:`Encrypted` when a library refused to read for want of a password, else None."""
    if isinstance(exc, Encrypted):
        return exc
    from msoffcrypto.exceptions import DecryptionError, InvalidKeyError
    from pypdf.errors import FileNotDecryptedError

    if isinstance(exc, FileNotDecryptedError):
        return Encrypted(*_PDF)
    if isinstance(exc, (DecryptionError, InvalidKeyError)) or (
            type(exc).__name__ in ("RuntimeError", "XLRDError")
            and any(p in str(exc).lower() for p in _REFUSAL_PHRASES)):
        return Encrypted(*_REFUSED)
    return None

"""Make the corpus's own encrypted files from some of its real files.

    python bench/real/make_encrypted.py [--corpus DIR] [--force]

Writes into ``holdout/tokki-made-encrypted/`` of the corpus (found like the scorer finds it:
``--corpus``, else ``TOKKI_REAL_CORPUS``, else ``../shared/real-corpus`` beside the repository):

- a roster workbook and a Word document encrypted with msoffcrypto-tool (OOXML agile encryption),
- a résumé PDF encrypted by pypdf with a user password in RC4-40, RC4-128, AES-128 and AES-256,
- the same PDF with an owner password only: it opens without a password, so for our purpose
  it is NOT protected and its verdict is whatever its content deserves,
- an e-mail list zipped with pyzipper's AES, and with legacy ZipCrypto (pyzipper only reads
  ZipCrypto, so the project's own writer from bench/make_holdout.py makes that one).

The libraries draw fresh salts and IVs on every run, so the bytes differ from run to run and
the manifest's SHA-256 values hold only for the files as first made. Existing files are
therefore kept unless ``--force`` is given (then the manifest's hashes must be updated too).
Each output is checked before the script ends: a file meant to be protected must refuse to
open without its password, and the owner-only PDF must open without one.
"""

from __future__ import annotations

import argparse
import io
import random
import sys
from collections.abc import Callable
from pathlib import Path

import msoffcrypto
import pypdf
import pyzipper
from msoffcrypto.format.ooxml import OOXMLFile

BENCH = Path(__file__).resolve().parents[1]
if str(BENCH) not in sys.path:
    sys.path.insert(0, str(BENCH))

from make_holdout import zipcrypto_bytes  # noqa: E402
from scanner_real import default_corpus  # noqa: E402

OUT = "holdout/tokki-made-encrypted"
# Inputs, relative to the corpus root; all are real files of the corpus itself.
ROSTER_XLSX = "holdout/meibo-tool/dummy_c4th.xlsx"
WORD_DOCX = "holdout/apache-poi/documentProtection_readonly_no_password.docx"
RESUME_PDF = "holdout/rirekisho-cli/resume.pdf"
EMAIL_CSV = "holdout/email-bulk-sender/list_sample.csv"
# Test passwords, not secrets: they only prove that the scanner reports what it cannot open.
USER_PASSWORD = "tokki-corpus"
OWNER_PASSWORD = "tokki-owner"
PDF_ALGORITHMS = {"rc4-40": "RC4-40", "rc4-128": "RC4-128", "aes-128": "AES-128", "aes-256": "AES-256"}


def encrypt_ooxml(src: Path, dst: Path) -> None:
    with open(src, "rb") as fin, open(dst, "wb") as fout:
        OOXMLFile(fin).encrypt(USER_PASSWORD, fout)


def encrypt_pdf(src: Path, dst: Path, algorithm: str, *, user_password: str) -> None:
    writer = pypdf.PdfWriter(clone_from=src)
    writer.encrypt(user_password=user_password, owner_password=OWNER_PASSWORD, algorithm=algorithm)
    with open(dst, "wb") as fh:
        writer.write(fh)


def zip_aes(src: Path, dst: Path) -> None:
    with pyzipper.AESZipFile(dst, "w", compression=pyzipper.ZIP_DEFLATED, encryption=pyzipper.WZ_AES) as zf:
        zf.setpassword(USER_PASSWORD.encode())
        zf.write(src, src.name)


def zip_zipcrypto(src: Path, dst: Path) -> None:
    dst.write_bytes(zipcrypto_bytes([(src.name, src.read_bytes())], USER_PASSWORD.encode(), random.Random(11)))


def check_office(path: Path) -> None:
    office = msoffcrypto.OfficeFile(io.BytesIO(path.read_bytes()))
    if not office.is_encrypted():
        raise SystemExit(f"{path.name}: not encrypted")


def check_pdf(path: Path, *, protected: bool) -> None:
    reader = pypdf.PdfReader(path)
    opens_without_password = bool(reader.decrypt(""))
    if not reader.is_encrypted or opens_without_password == protected:
        raise SystemExit(f"{path.name}: protection is not what was asked for")


def check_zip(path: Path) -> None:
    with pyzipper.AESZipFile(path) as zf:
        name = zf.namelist()[0]
        try:
            zf.read(name)
        except RuntimeError:  # "password required": what we want
            return
    raise SystemExit(f"{path.name}: opens without a password")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=None)
    ap.add_argument("--force", action="store_true", help="remake files that exist already")
    args = ap.parse_args(argv)
    corpus = args.corpus or default_corpus()
    out = corpus / OUT
    out.mkdir(parents=True, exist_ok=True)

    jobs: list[tuple[str, Callable[[Path], None], Callable[[Path], None]]] = [
        ("roster_agile.xlsx", lambda d: encrypt_ooxml(corpus / ROSTER_XLSX, d), check_office),
        ("document_agile.docx", lambda d: encrypt_ooxml(corpus / WORD_DOCX, d), check_office),
        ("emails_aes.zip", lambda d: zip_aes(corpus / EMAIL_CSV, d), check_zip),
        ("emails_zipcrypto.zip", lambda d: zip_zipcrypto(corpus / EMAIL_CSV, d), check_zip),
        ("resume_owner_only.pdf",
         lambda d: encrypt_pdf(corpus / RESUME_PDF, d, "AES-128", user_password=""),
         lambda p: check_pdf(p, protected=False)),
    ]
    for tag, algorithm in PDF_ALGORITHMS.items():
        jobs.append((f"resume_{tag}.pdf",
                     lambda d, a=algorithm: encrypt_pdf(corpus / RESUME_PDF, d, a, user_password=USER_PASSWORD),
                     lambda p: check_pdf(p, protected=True)))

    for name, make, check in jobs:
        dst = out / name
        if dst.exists() and not args.force:
            print(f"kept   {OUT}/{name}")
        else:
            make(dst)
            print(f"made   {OUT}/{name}")
        check(dst)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

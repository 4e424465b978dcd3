"""Make the corpus's own encrypted files from some of its real files.

    python bench/real/make_encrypted.py [--corpus DIR] [--split holdout|holdout2|holdout3|holdout4|holdout5] [--force]

Writes into ``<split>/<source>/`` of the corpus (found like the scorer finds it: ``--corpus``,
else ``TOKKI_REAL_CORPUS``, else ``../shared/real-corpus`` beside the repository), from real
files of that same split only, so that a split stays apart from the others:
``holdout/tokki-made-encrypted/`` (the default), ``holdout2/tokki-made-encrypted2/``,
``holdout3/tokki-made-encrypted3/``, ``holdout4/tokki-made-encrypted4/`` or
``holdout5/tokki-made-encrypted5/``:

- a roster workbook and a Word document encrypted with msoffcrypto-tool (OOXML agile encryption),
- a résumé, address-label or other PDF encrypted by pypdf with a user password in RC4-40, RC4-128, AES-128 and AES-256,
- the same PDF with an owner password only: it opens without a password, so for our purpose
  it is NOT protected and its verdict is whatever its content deserves,
- an e-mail list (a roster) zipped with pyzipper's AES, and with legacy ZipCrypto (pyzipper only reads
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
from dataclasses import dataclass
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


@dataclass(frozen=True)
class Inputs:
    """Where one split's made files go and which of its real files they are made from."""

    out: str
    roster_xlsx: str
    word_docx: str
    pdf: str
    email_csv: str
    # Stems of the made files' names: they say what is inside (roster, résumé, label...).
    xlsx_stem: str = "roster"
    docx_stem: str = "document"
    pdf_stem: str = "resume"
    zip_stem: str = "emails"


# Inputs, relative to the corpus root; all are real files of the split itself.
SPLIT_INPUTS = {
    "holdout": Inputs(
        out="holdout/tokki-made-encrypted",
        roster_xlsx="holdout/meibo-tool/dummy_c4th.xlsx",
        word_docx="holdout/apache-poi/documentProtection_readonly_no_password.docx",
        pdf="holdout/rirekisho-cli/resume.pdf",
        email_csv="holdout/email-bulk-sender/list_sample.csv",
    ),
    "holdout2": Inputs(
        out="holdout2/tokki-made-encrypted2",
        roster_xlsx="holdout2/resume-muramoto/rirekisho.xlsx",
        word_docx="holdout2/resume-sunyang/shokumu_keirekisho.docx",
        pdf="holdout2/gss-hagaki/postcard_label.pdf",
        email_csv="holdout2/joytasnet-meibo/roster_dummy.csv",
        xlsx_stem="rirekisho",
        docx_stem="keirekisho",
        pdf_stem="label",
        zip_stem="roster",
    ),
    "holdout3": Inputs(
        out="holdout3/tokki-made-encrypted3",
        roster_xlsx="holdout3/kumamoto-city-od/ShinnkiInsyokutenneigyoukyoka.xlsx",
        word_docx="holdout3/resume-milkandhoney/template.docx",
        pdf="holdout3/pdfmasking-shkond/EN_001_Frontend_Engineer.pdf",
        email_csv="holdout3/family-tree-ogawa/example_family.csv",
        xlsx_stem="permits",
        docx_stem="template",
        pdf_stem="resume",
        zip_stem="family",
    ),
    "holdout4": Inputs(
        out="holdout4/tokki-made-encrypted4",
        roster_xlsx="holdout4/accountlist-kimminja/accountList.xlsx",
        word_docx="holdout4/kfc-kobatake/gijiroku.docx",
        pdf="holdout4/docshare-nanashino/gijiroku_note.pdf",
        email_csv="holdout4/datasyori-horiuchi/kokyaku.csv",
        xlsx_stem="accounts",
        docx_stem="minutes",
        pdf_stem="note",
        zip_stem="customers",
    ),
    "holdout5": Inputs(
        out="holdout5/tokki-made-encrypted5",
        roster_xlsx="holdout5/pyauto-ryosan/card-meibo.xlsx",
        word_docx="holdout5/pyauto-ueferi/letter-suzuki2.docx",
        pdf="holdout5/pyauto-ryosan/date-sample.pdf",
        email_csv="holdout5/postman-miyamae/address.csv",
        xlsx_stem="addressees",
        docx_stem="letter",
        pdf_stem="stock",
        zip_stem="mailing",
    ),
}
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
    ap.add_argument("--split", choices=sorted(SPLIT_INPUTS), default="holdout",
                    help="which split's files to encrypt (the output stays in that split)")
    ap.add_argument("--force", action="store_true", help="remake files that exist already")
    args = ap.parse_args(argv)
    corpus = args.corpus or default_corpus()
    cfg = SPLIT_INPUTS[args.split]
    out = corpus / cfg.out
    out.mkdir(parents=True, exist_ok=True)

    jobs: list[tuple[str, Callable[[Path], None], Callable[[Path], None]]] = [
        (f"{cfg.xlsx_stem}_agile.xlsx", lambda d: encrypt_ooxml(corpus / cfg.roster_xlsx, d), check_office),
        (f"{cfg.docx_stem}_agile.docx", lambda d: encrypt_ooxml(corpus / cfg.word_docx, d), check_office),
        (f"{cfg.zip_stem}_aes.zip", lambda d: zip_aes(corpus / cfg.email_csv, d), check_zip),
        (f"{cfg.zip_stem}_zipcrypto.zip", lambda d: zip_zipcrypto(corpus / cfg.email_csv, d), check_zip),
        (f"{cfg.pdf_stem}_owner_only.pdf",
         lambda d: encrypt_pdf(corpus / cfg.pdf, d, "AES-128", user_password=""),
         lambda p: check_pdf(p, protected=False)),
    ]
    for tag, algorithm in PDF_ALGORITHMS.items():
        jobs.append((f"{cfg.pdf_stem}_{tag}.pdf",
                     lambda d, a=algorithm: encrypt_pdf(corpus / cfg.pdf, d, a, user_password=USER_PASSWORD),
                     lambda p: check_pdf(p, protected=True)))

    for name, make, check in jobs:
        dst = out / name
        if dst.exists() and not args.force:
            print(f"kept   {cfg.out}/{name}")
        else:
            make(dst)
            print(f"made   {cfg.out}/{name}")
        check(dst)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

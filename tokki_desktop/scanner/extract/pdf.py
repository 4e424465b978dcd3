"""PDF text layer (PDFium, laid out by character positions); encrypted PDFs that need a
password are reported as encrypted.

PDFium's text is about sixteen times faster than pypdf's and its character boxes keep table
cells apart (``pdf_layout``). pypdf is kept for two things PDFium does not do: telling an
owner password (printing and copying restrictions, opens with an empty user password) from
a user password, and reading a page where PDFium drops a character it has no glyph for (a
font the PDF does not embed, on a machine without Japanese fonts).
"""

from __future__ import annotations

import io
import logging
import re
from collections import Counter
from typing import Any, Iterator

from tokki_desktop.pdfium_lock import PDFIUM_LOCK
from tokki_desktop.scanner.extract import Encrypted, Parts, ScanContext, TextPart, Unreadable
from tokki_desktop.scanner.extract.pdf_layout import has_unplaced_text, may_lack_glyphs, page_text

# pypdf logs warnings about damaged objects with snippets of the file: keep them out of logs.
logging.getLogger("pypdf").setLevel(logging.CRITICAL)


# Pages are judged in batches of about this many characters: the detectors cost less per
# character on one longer text than on each short page, and a batch still bounds what is held.
_BATCH_CHARS = 256 * 1024


def extract_pdf(data: bytes, ctx: ScanContext) -> Parts:
    """Text of the pages, a batch of pages per part (joined by a line break); a PDF without a
    text layer yields nothing (its verdict says so).

    A PDF that needs a password was refused before (``protection.checked_pdf``; PDFium refuses
    it too).
    """
    batch: list[str] = []
    size = 0
    for text in page_texts(data, ctx, _pypdf_reader(data) if may_lack_glyphs(data) else None):
        if text.strip():
            batch.append(text)
            size += len(text)
            if size >= _BATCH_CHARS:
                yield TextPart("\n".join(batch))
                batch, size = [], 0
    if batch:
        yield TextPart("\n".join(batch))


def _pypdf_reader(data: bytes) -> Any:
    """pypdf's reader, for the pages PDFium may not read whole (see ``page_texts``); None when
    pypdf cannot open the file (PDFium repairs more damage: it decides)."""
    import warnings

    from pypdf import PdfReader

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            reader = PdfReader(io.BytesIO(data), strict=False)
            if reader.is_encrypted and not reader.decrypt(""):
                # Needs a password: PDFium refuses it and says so.
                return None
            return reader
    except Exception:  # pypdf raises many kinds on damage
        return None


def page_texts(data: bytes, ctx: ScanContext, reader: Any = None) -> Iterator[str]:
    """Each page's laid-out text through PDFium, page by page; ``reader`` (pypdf, given when
    ``may_lack_glyphs``) reads the pages PDFium cannot read whole. Raises ``Encrypted`` for a PDF that needs a password,
    ``Unreadable`` for one PDFium cannot open or a page it cannot load.

    PDFium is not thread-safe: every call into it holds the process-wide lock, which is let
    go between pages, while the scan judges a page's text (one page in memory at a time).
    """
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    with PDFIUM_LOCK:
        try:
            document = pdfium.PdfDocument(data)
        except pdfium.PdfiumError as exc:
            if exc.err_code in (pdfium_c.FPDF_ERR_PASSWORD, pdfium_c.FPDF_ERR_SECURITY):
                raise Encrypted("パスワードで保護されたPDFです。", "Password-protected PDF.") from None
            raise Unreadable("PDFの構造が壊れています。", "The PDF structure is damaged (PDFium).") from None
        count = len(document)
    tried_pypdf = False
    try:
        for i in range(count):
            ctx.check_time()
            with PDFIUM_LOCK:
                text, unplaced = _pdfium_page_text(document, i, check_glyphs=reader is not None)
            if unplaced:
                text = _better_of(text, _pypdf_page_text(reader, i))
            elif undecoded(text):
                # A code map PDFium did not apply (glyph numbers came out as control
                # characters): pypdf reads some of those maps (a ToUnicode bfrange of arrays).
                if reader is None and not tried_pypdf:
                    reader, tried_pypdf = _open_reader(data), True
                text = _decoded_or(text, _pypdf_page_text(reader, i) if reader is not None else "")
            yield text
    finally:
        with PDFIUM_LOCK:
            document.close()


def _pdfium_page_text(document: Any, i: int, check_glyphs: bool) -> tuple[str, bool]:
    """Page ``i``'s text, and whether ``check_glyphs`` found text PDFium could not place.

    The page and its text page are opened and closed through PDFium's own calls: the
    pypdfium2 objects register a finalizer each, which cost a tenth of a page's text.
    """
    import pypdfium2.raw as pdfium_c

    page = pdfium_c.FPDF_LoadPage(document.raw, i)
    if not page:
        raise Unreadable(f"PDFの{i + 1}ページ目が読めません。", f"Page {i + 1} of the PDF cannot be read.")
    try:
        unplaced = check_glyphs and has_unplaced_text(page)
        textpage = pdfium_c.FPDFText_LoadPage(page)
        if not textpage:
            raise Unreadable(f"PDFの{i + 1}ページ目が読めません。", f"Page {i + 1} of the PDF cannot be read.")
        try:
            return page_text(textpage), unplaced
        finally:
            pdfium_c.FPDFText_ClosePage(textpage)
    finally:
        pdfium_c.FPDF_ClosePage(page)


# Control characters (C0, but tab and line breaks) are no letters of any script: a text layer
# made of them is glyph numbers, not characters.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")
UNDECODED_SHARE = 0.1


def undecoded(text: str) -> bool:
    """True when a page's text is mostly glyph numbers (control characters), not characters."""
    if _CONTROL.search(text) is None:
        return False  # every page of an ordinary PDF: one pass in C
    letters = len(text) - text.count(" ") - text.count("\n") - text.count("\t") - text.count("\r")
    return letters > 0 and len(_CONTROL.findall(text)) > UNDECODED_SHARE * letters


def _decoded_or(pdfium_text: str, pypdf_text: str) -> str:
    """pypdf's text when it decoded the page (no glyph numbers), else PDFium's."""
    return pypdf_text if pypdf_text.strip() and not undecoded(pypdf_text) else pdfium_text


def _open_reader(data: bytes) -> Any:
    """A pypdf reader of a PDF PDFium opened, or None when pypdf cannot read it."""
    import warnings

    from pypdf import PdfReader

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            reader = PdfReader(io.BytesIO(data), strict=False)
            if reader.is_encrypted:
                reader.decrypt("")  # only an owner password gets here (PDFium opened it)
            return reader
    except Exception:  # pypdf raises many kinds on damage
        return None


def _pypdf_page_text(reader: Any, i: int) -> str:
    """A page PDFium may not read whole, through pypdf (about sixteen times slower); "" when
    pypdf cannot read it (PDFium's text then stands)."""
    import warnings

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return reader.pages[i].extract_text() or ""
    except Exception:  # pypdf raises many kinds on damage; RecursionError on a cyclic tree
        return ""


def _better_of(pdfium_text: str, pypdf_text: str) -> str:
    """pypdf's text when it holds every character PDFium's does (and so is no mojibake), else
    PDFium's.

    A zero-width text object is either a character PDFium dropped (a lone 男 whose glyph no
    font has: pypdf reads it) or a line of vertical writing, which PDFium reads and pypdf may
    turn into mojibake for want of the font's code map.
    """
    have = Counter(pypdf_text)
    need = Counter(ch for ch in pdfium_text if not ch.isspace())
    return pypdf_text if all(have[ch] >= n for ch, n in need.items()) else pdfium_text

"""PDF text layer (pypdf); encrypted PDFs that need a password are reported as encrypted."""

from __future__ import annotations

import io
import logging

from tokki_desktop.scanner.extract import Encrypted, Parts, ScanContext, TextPart, Unreadable

# pypdf logs warnings about damaged objects with snippets of the file: keep them out of logs.
logging.getLogger("pypdf").setLevel(logging.CRITICAL)


def extract_pdf(data: bytes, ctx: ScanContext) -> Parts:
    """Text page by page; a PDF without a text layer yields nothing (its verdict says so)."""
    import warnings

    from pypdf import PdfReader
    from pypdf.errors import FileNotDecryptedError, PdfReadError

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            reader = PdfReader(io.BytesIO(data), strict=False)
            if reader.is_encrypted:
                # An owner password alone (printing/copy restrictions) opens with an empty user password.
                try:
                    ok = reader.decrypt("")
                except Exception:
                    ok = 0
                if not ok:
                    raise Encrypted("パスワードで保護されたPDFです。", "Password-protected PDF.")
            pages = reader.pages
            count = len(pages)
    except Encrypted:
        raise
    except (PdfReadError, FileNotDecryptedError, Exception) as exc:  # pypdf raises many kinds on damage
        raise Unreadable("PDFの構造が壊れています。", f"The PDF structure is damaged ({type(exc).__name__}).") from None
    for i in range(count):
        ctx.check_time()
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                text = pages[i].extract_text() or ""
        except FileNotDecryptedError:
            raise Encrypted("パスワードで保護されたPDFです。", "Password-protected PDF.") from None
        except RecursionError:
            raise Unreadable("PDFのページ構造が循環しています。", "The PDF page tree is cyclic.") from None
        except Exception as exc:
            raise Unreadable(f"PDFの{i + 1}ページ目が読めません。",
                             f"Page {i + 1} of the PDF cannot be read ({type(exc).__name__}).") from None
        if text.strip():
            yield TextPart(text)

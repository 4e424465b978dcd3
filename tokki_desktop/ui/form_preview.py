"""Forms for the screen: PDF bytes in memory, pages turned into images with PDFium.

A preview is made in memory only (personal data never goes to a temporary file); saving
writes the PDF where the user chose, through the forms part, which audits it. These
functions run on a worker thread: no widgets here, only QImage (safe off the main thread).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from PySide6.QtGui import QImage

# PDFium is not thread-safe: one document at a time in the whole process (the scanner too).
from tokki_desktop.pdfium_lock import PDFIUM_LOCK as _PDFIUM_LOCK


@dataclass
class Preview:
    """A form made in memory: its PDF bytes, its pages as images, what the printer should know."""

    form_id: str
    record_id: int | None
    pdf: bytes
    pages: list[QImage] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    unsupported: list[str] = field(default_factory=list)


def make_pdf(session: Any, form_id: str, record_id: int | None, *,
             recovery_key: str | None = None) -> tuple[bytes, list[str], list[str]]:
    """The form's PDF bytes filled from the ledger, and its missing/unsupported notes.

    ``recovery_key`` only for the recovery-key sheet, right after the ledger was created.
    """
    from tokki_desktop.forms import form_spec, sources
    from tokki_desktop.forms.errors import RecordRequired
    from tokki_desktop.forms.layout import lay_out
    from tokki_desktop.forms.pdf import draw
    from tokki_desktop.forms.values import Findings

    spec = form_spec(form_id)
    if spec.source.per_record and record_id is None:
        raise RecordRequired(spec.id, spec.source.register or "")
    data = sources.load(session, spec, record_id if spec.source.per_record else None, recovery_key=recovery_key)
    findings = Findings()
    pages = lay_out(spec, data, findings)
    return draw(pages, spec.title), list(findings.missing), list(findings.unsupported)


def page_images(pdf: bytes, dpi: float = 96.0) -> list[QImage]:
    """Every page of ``pdf`` as an image at ``dpi`` (PDF points are 1/72 inch)."""
    import pypdfium2 as pdfium

    images: list[QImage] = []
    with _PDFIUM_LOCK:
        document = pdfium.PdfDocument(pdf)
        try:
            for index in range(len(document)):
                page = document[index]
                bitmap = page.render(scale=dpi / 72.0, rev_byteorder=True)
                width, height, stride = bitmap.width, bitmap.height, bitmap.stride
                # rev_byteorder gives RGB(A) order; copied so the bitmap can be freed.
                kind = {1: QImage.Format.Format_Grayscale8, 3: QImage.Format.Format_RGB888}.get(
                    int(getattr(bitmap, "n_channels", 4)), QImage.Format.Format_RGBX8888)
                image = QImage(bytes(bitmap.buffer), width, height, stride, kind).copy()
                images.append(image)
                bitmap.close()
                page.close()
        finally:
            document.close()
    return images


def make_preview(session: Any, form_id: str, record_id: int | None, dpi: float = 96.0) -> Preview:
    """The form in memory and its pages as images (worker thread)."""
    pdf, missing, unsupported = make_pdf(session, form_id, record_id)
    return Preview(form_id, record_id, pdf, page_images(pdf, dpi), missing, unsupported)

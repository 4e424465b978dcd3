"""Helpers for the forms tests: PDF text, PNG pages, and a ledger with one record per register."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pdfminer.high_level import extract_text

from .sample_ledger import fill_sample


def pdf_text(path: Path) -> str:
    """The text of a PDF as a reader extracts it, spaces and newlines removed."""
    return "".join(extract_text(str(path)).split())


def png_pages(pdf: Path, out_prefix: Path, dpi: int = 40) -> list[Path]:
    """Render every page to PNG (the visual check; also proves the PDF is valid).

    pypdfium2 (a dependency already, the GUI's preview uses it) rather than poppler's
    pdftoppm: a machine with only Python must be able to run the suite.
    """
    import pypdfium2 as pdfium

    out_prefix.parent.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    document = pdfium.PdfDocument(str(pdf))
    try:
        for index in range(len(document)):
            page = document[index]
            image = page.render(scale=dpi / 72.0).to_pil()
            # A page that renders to one flat colour has lost its drawing: not a rendered form.
            low, high = image.convert("L").getextrema()
            assert high - low > 64, f"page {index + 1} of {pdf.name} renders blank"
            target = out_prefix.with_name(f"{out_prefix.name}-{index + 1}.png")
            image.save(target)
            written.append(target)
            page.close()
    finally:
        document.close()
    return written


@pytest.fixture
def filled(officer_session: Any) -> dict[str, Any]:
    """The officer's session and the ids of one record per register (for forms tests)."""
    return fill_sample(officer_session)

"""Helpers for the forms tests: PDF text, PNG pages, and a ledger with one record per register."""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

import pytest
from pdfminer.high_level import extract_text

from .sample_ledger import fill_sample


def pdf_text(path: Path) -> str:
    """The text of a PDF as a reader extracts it, spaces and newlines removed."""
    return "".join(extract_text(str(path)).split())


def png_pages(pdf: Path, out_prefix: Path, dpi: int = 40) -> list[Path]:
    """Render every page with pdftoppm (the visual check; also proves the PDF is valid)."""
    out_prefix.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run(["pdftoppm", "-r", str(dpi), "-png", str(pdf), str(out_prefix)], check=True,
                   capture_output=True, timeout=60)
    return sorted(out_prefix.parent.glob(out_prefix.name + "-*.png"))


@pytest.fixture
def filled(officer_session: Any) -> dict[str, Any]:
    """The officer's session and the ids of one record per register (for forms tests)."""
    return fill_sample(officer_session)

"""Width and variant folding so the detectors see one spelling of digits, letters and hyphens."""

from __future__ import annotations

import re
import unicodedata

# Dashes that people and IMEs put between digit groups; NFKC leaves most of them alone.
# A regex substitution, not str.translate: translate walks every character in Python-level
# dict lookups and costs more than the whole NFKC pass on Japanese text.
_DASHES = re.compile("[‐‑‒–—―−－﹣⁃]")
# The long-vowel mark is a letter inside katakana words (コーポ) and a hyphen only between digits.
_CHOON_BETWEEN_DIGITS = re.compile(r"(?<=\d)[ーｰ](?=\d)")


def normalize_text(text: str) -> str:
    """NFKC (full-width digits/letters, half-width kana) and hyphen variants to ``-``.

    Pure-ASCII text skips NFKC: it is the common case for logs and CSV and NFKC costs time.
    """
    if not text.isascii():
        if not unicodedata.is_normalized("NFKC", text):
            text = unicodedata.normalize("NFKC", text)
        text = _DASHES.sub("-", text)
        if "ー" in text or "ｰ" in text:
            text = _CHOON_BETWEEN_DIGITS.sub("-", text)
    return text


def normalize_value(value: str) -> str:
    """A cell value as fingerprinted: normalised, inner whitespace dropped, case folded."""
    return "".join(normalize_text(value).split()).casefold()

"""The bundled IPAex fonts: registration with ReportLab, glyph coverage and text widths.

ReportLab embeds TrueType fonts as subsets (only the glyphs used), so every PDF carries
what it needs to print the same on any PC. Fonts are loaded once per process: parsing the
two 6–8 MB files takes ~0.15 s, which must not be paid by every form.
"""

from __future__ import annotations

import sys
import threading
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from tokki_desktop.forms.errors import FontMissing

MINCHO = "IPAexMincho"
GOTHIC = "IPAexGothic"
_FILES = {MINCHO: "ipaexm.ttf", GOTHIC: "ipaexg.ttf"}

# The traditional Japanese substitute mark (ゲタ) printed where a character has no glyph:
# visible on paper, so a missing character is never silently dropped.
SUBSTITUTE = "〓"

_lock = threading.Lock()
_loaded: dict[str, TTFont] = {}
_widths: dict[str, dict[str, float]] = {}


def font_dir() -> Path:
    """``resources/fonts``: beside the package in a checkout, under ``sys._MEIPASS`` when frozen.

    (The PyInstaller spec keeps the source layout; the forms do not depend on the GUI's
    resource helper, so the same rule is spelled out here.)
    """
    frozen_root = getattr(sys, "_MEIPASS", None)
    if getattr(sys, "frozen", False) and frozen_root:
        return Path(frozen_root) / "resources" / "fonts"
    return Path(__file__).resolve().parents[2] / "resources" / "fonts"


def ensure_fonts() -> None:
    """Register both fonts with ReportLab once; safe to call from worker threads."""
    if len(_loaded) == len(_FILES):
        return
    with _lock:
        for name, file in _FILES.items():
            if name in _loaded:
                continue
            path = font_dir() / file
            if not path.is_file():
                raise FontMissing(file)
            font = TTFont(name, str(path))
            pdfmetrics.registerFont(font)
            _widths[name] = {}
            _loaded[name] = font


def has_glyph(char: str, font: str = MINCHO) -> bool:
    """Whether ``font`` can draw ``char`` (both IPAex fonts cover the same characters)."""
    ensure_fonts()
    return ord(char) in _loaded[font].face.charToGlyph


def char_width(char: str, font: str, size: float) -> float:
    """Advance width of one character in points (cached per font, in 1/1000 em)."""
    cache = _widths[font]
    w = cache.get(char)
    if w is None:
        face = _loaded[font].face
        w = face.charWidths.get(ord(char), face.defaultWidth)
        cache[char] = w
    return w * size / 1000.0


def text_width(text: str, font: str, size: float) -> float:
    """Width of ``text`` in points."""
    ensure_fonts()
    cache = _widths[font]
    total = 0.0
    for ch in text:
        w = cache.get(ch)
        if w is None:
            w = char_width(ch, font, 1000.0)
        total += w
    return total * size / 1000.0


def glyph_set(font: str = MINCHO) -> dict[int, int]:
    """The font's code point → glyph map (for fast coverage checks)."""
    ensure_fonts()
    return _loaded[font].face.charToGlyph

"""Width and variant folding so the detectors see one spelling of digits, letters and hyphens."""

from __future__ import annotations

import functools
import operator
import re
import unicodedata

# Dashes that people and IMEs put between digit groups; NFKC leaves most of them alone.
_DASH_CHARS = "‐‑‒–—―−－﹣⁃"
# Applied to the folded runs only (short strings), where a translate costs less than a regex
# call; over the whole text translate walks every character in Python-level dict lookups.
_DASH_TABLE = {ord(c): "-" for c in _DASH_CHARS}
# Runs of characters NFKC changes in ways the detectors care about. Captured, so that split()
# hands them back between the untouched stretches and they are folded with a C-level map: a
# Python callback per run (re.sub) cost more than the scan on columns of full-width dates.
# Written C C* rather than C+: a pattern that starts with a plain character class lets the
# regex engine skip ahead to the next candidate character, three times faster on Japanese
# text where runs are rare.
_NFKC_CLASS = "[\u3000\uff01-\uffef\u2460-\u24ff\u3200-\u33ff\u2150-\u218f]"
# The runs to fold: those characters and the dashes, found in one pass over the text (a second
# regex pass for the dashes alone cost a third of the normalising of a Japanese text). A dash
# is a starter that composes with nothing, so NFKC over a run holding one gives what NFKC of
# its parts gives (a test checks every pair), and a dash NFKC leaves alone becomes "-" after.
_FOLD_CLASS = _NFKC_CLASS[:-1] + _DASH_CHARS + "]"
_NEEDS_FOLD = re.compile(f"({_FOLD_CLASS}{_FOLD_CLASS}*)")
_NFKC = functools.partial(unicodedata.normalize, "NFKC")
_UNDASH = operator.methodcaller("translate", _DASH_TABLE)
# The long-vowel mark is a letter inside katakana words (コーポ) and a hyphen only between digits.
# Searched from the mark itself: a pattern that starts with a look-behind is tried at every
# position of the text, which cost more than the NFKC pass on katakana-rich text.
_CHOON_BEFORE_DIGIT = re.compile(r"[ーｰ](?=\d)")
# The same for text that went through the NFKC step, which turned every ｰ into ー: a single
# character to search for is three times faster than a class of two.
_FOLDED_CHOON_BEFORE_DIGIT = re.compile(r"ー(?=\d)")


def _choon_between_digits(text: str, rx: re.Pattern[str] = _CHOON_BEFORE_DIGIT) -> str:
    """ー or ｰ between two digits (\\d: Unicode decimal digits) becomes ``-``."""
    pieces: list[str] = []
    last = 0
    for m in rx.finditer(text):
        i = m.start()
        if i and text[i - 1].isdecimal():
            pieces.append(text[last:i])
            pieces.append("-")
            last = i + 1
    if not pieces:
        return text
    pieces.append(text[last:])
    return "".join(pieces)


def normalize_text(text: str) -> str:
    """NFKC (full-width digits/letters, half-width kana) and hyphen variants to ``-``.

    Pure-ASCII text is returned as it is: the common case for logs and CSV.
    """
    if not text.isascii():
        # NFKC over the whole text costs more than all the detectors together; only the
        # characters it would change for us (full-width forms, half-width kana, the
        # ideographic space, circled and squared compatibility characters) are folded.
        pieces = _NEEDS_FOLD.split(text)
        if len(pieces) > 1:
            pieces[1::2] = map(_UNDASH, map(_NFKC, pieces[1::2]))
            text = "".join(pieces)
        # No ｰ is left: it is in _NFKC_CLASS, so the split above handed every one to NFKC.
        if "ー" in text:
            text = _choon_between_digits(text, _FOLDED_CHOON_BEFORE_DIGIT)
    return text


def normalize_value(value: str) -> str:
    """A cell value as fingerprinted: normalised, inner whitespace dropped, case folded."""
    return "".join(normalize_text(value).split()).casefold()

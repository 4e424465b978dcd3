"""A PDF page's text from PDFium's character list, laid out by where the characters are.

PDFium's own text joins table cells with a single space, whatever the gap between them:
``1917  2543  1626`` comes back as ``1917 2543 1626``, which reads as one 12-digit number
with spaces (the way people write a My Number). The gaps are still in the characters'
boxes, so each space PDFium gives is measured: a gap wider than two spaces (or, where the
PDF has no space glyph, than half a character) is a cell boundary and becomes ``CELL``.

Lines come from PDFium, which breaks them where the baseline changes, in the order the page
draws them. A page drawn out of reading order (a table written column by column, cells of
one row drawn right to left) is laid out again from every character: lines by baseline, top
to bottom, characters left to right, so a table row stays one row under its header.

Text turned a quarter or upside down (a landscape table) and vertical writing (縦書き) keep
PDFium's order, their gaps measured along their lines. A word PDFium joins across a
hyphenated line end gets its hyphen and line break back.

Character boxes are read only around spaces and at line starts on an ordinary page: the
cost of a box is a foreign call, and a page holds thousands of characters.
"""

from __future__ import annotations

import ctypes
import re
from dataclasses import dataclass
from typing import Any

import pypdfium2.raw as pdfium_c

from tokki_desktop.scanner.extract.pdf_vertical import with_vertical_lines

# The cell separator: what the detectors take as a boundary (a single space may sit inside
# a value: a name, a date, a number written in groups), and what pypdf gave for such cells.
CELL = "  "
# With a space glyph: a gap of this many space widths or more holds at least two spaces.
_CELL_SPACES = 1.5
# Without one (PDFium inserted the space because of the gap): half a character is more than
# any word spacing of Latin or Japanese text and less than the padding of a table cell.
_CELL_GAP_EM = 0.45
# Within a line, characters whose gap is below this share a word.
_WORD_GAP_EM = 0.15
# Characters whose baselines are closer than this share a line.
_SAME_LINE_EM = 0.5
# A character turned by more than this (radians) is not upright: positions along x and y
# then mean something else, and PDFium's own order is kept.
_UPRIGHT = 0.05


def _unchecked(fn: Any, *argtypes: Any) -> Any:
    """``fn`` (a pypdfium2 binding) again, taking plain addresses: ctypes then converts no
    typed pointer at each call (0.6 µs a call instead of 1.0, and a page asks for a box at
    every line start and around every space). Same function, same calling convention."""
    plain = ctypes.cast(fn, type(fn))
    plain.argtypes = argtypes
    plain.restype = fn.restype
    return plain


# FPDFText_GetLooseCharBox(text page, index, FS_RECTF*), called with the page's address and
# a reference to the one rectangle each page's boxes are read into.
_LOOSE_BOX = _unchecked(pdfium_c.FPDFText_GetLooseCharBox, ctypes.c_void_p, ctypes.c_int, ctypes.c_void_p)


@dataclass(slots=True)
class _Box:
    left: float
    bottom: float
    right: float
    top: float

    @property
    def em(self) -> float:
        return max(self.top - self.bottom, 0.0)


class _Chars:
    """The character list of one text page, with boxes fetched on demand."""

    def __init__(self, textpage: object) -> None:
        self.raw = textpage
        self.count = max(pdfium_c.FPDFText_CountChars(textpage), 0)
        self.rect = pdfium_c.FS_RECTF()
        # For _LOOSE_BOX: the text page's address and the rectangle by reference.
        self.address = ctypes.cast(textpage, ctypes.c_void_p).value
        self.rect_ref = ctypes.byref(self.rect)
        self.text = self._read_text()

    def _read_text(self) -> str:
        """One character per index of the list (PDFium's text view may insert or drop some)."""
        n = self.count
        if not n:
            return ""
        buf = (ctypes.c_ushort * (n + 1))()
        written = pdfium_c.FPDFText_GetText(self.raw, 0, n, buf)
        text = bytes(memoryview(buf).cast("B")[: max(written - 1, 0) * 2]).decode("utf-16-le", "replace")
        if len(text) == n:
            return text
        # Characters beyond the BMP take two UTF-16 units: ask for each code point.
        get = pdfium_c.FPDFText_GetUnicode
        return "".join(chr(c) if 0 < c < 0x110000 and not 0xD800 <= c < 0xE000 else "\ufffd"
                       for c in (get(self.raw, i) for i in range(n)))

    def box(self, i: int) -> _Box:
        r = self.rect
        _LOOSE_BOX(self.address, i, self.rect_ref)
        return _Box(r.left, r.bottom, r.right, r.top)

    def generated(self, i: int) -> bool:
        return bool(pdfium_c.FPDFText_IsGenerated(self.raw, i) == 1)

    def upright(self, i: int) -> bool:
        angle = pdfium_c.FPDFText_GetCharAngle(self.raw, i)
        # -1 means "unknown"; angles near 2π are upright too.
        return angle < 0 or angle < _UPRIGHT or angle > 6.283185307179586 - _UPRIGHT


def page_text(textpage: object) -> str:
    """The text of one page (a raw ``FPDF_TEXTPAGE``): lines by ``\\n``, cells by ``CELL``."""
    chars = _Chars(textpage)
    if not chars.text.strip():
        return ""
    text = _measured_spaces(chars) if _in_reading_order(chars) else _laid_out(chars)
    # Vertical writing drawn a glyph at a time reads across its columns (pdf_vertical).
    return with_vertical_lines(chars, text)


def _line_starts(text: str) -> list[int]:
    """Index of each line's first character other than white space (PDFium ends lines with CR LF)."""
    starts = []
    i = 0
    n = len(text)
    while i < n:
        j = text.find("\n", i)
        end = n if j < 0 else j
        k = i
        while k < end and text[k] in " \r\t\u3000":
            k += 1
        if k < end:
            starts.append(k)
        i = end + 1
    return starts


def _in_reading_order(chars: _Chars) -> bool:
    """Each line below the one before it: PDFium's order is the reading order.

    Turned text (a landscape table drawn rotated) keeps PDFium's order: along its lines x and
    y swap roles, and a re-layout by baseline would scramble it.
    """
    # The hot loop of every page: the box is read field by field, without a _Box each time.
    get_box, raw, r, ref = _LOOSE_BOX, chars.address, chars.rect, chars.rect_ref
    prev_bottom = prev_em = None
    for i in _line_starts(chars.text):
        get_box(raw, i, ref)
        bottom, em = r.bottom, r.top - r.bottom
        if prev_bottom is not None and bottom > prev_bottom - _SAME_LINE_EM * max(prev_em, em, 1.0):
            # A line level with or above the previous one; upright text is laid out again,
            # unless it is vertical writing (縦書き), whose lines run right to left.
            return not (chars.upright(i) and chars.upright(i - 1 if i else i)) or _runs_down(chars, i)
        prev_bottom, prev_em = bottom, em
    return True


def _runs_down(chars: _Chars, i: int) -> bool:
    """Does the line starting at ``i`` run down the page (vertical writing)?"""
    text = chars.text
    if i + 1 >= len(text) or text[i + 1] in " \r\n":
        return False
    first, second = chars.box(i), chars.box(i + 1)
    width = max(first.right - first.left, second.right - second.left)
    return abs(second.left - first.left) < 0.1 * width and second.top <= first.bottom + 0.1 * width


def _measured_spaces(chars: _Chars) -> str:
    """PDFium's text, each single space between two characters of a line measured.

    A space's box starts where the character before it ends (loose boxes are the advance
    widths); one PDFium inserted has no width. Two boxes per space are all it takes.
    """
    text = chars.text
    get_box, raw, r, ref = _LOOSE_BOX, chars.address, chars.rect, chars.rect_ref
    pieces: list[str] = []
    last = 0
    i = text.find(" ")
    n = len(text)
    while i >= 0:
        if 0 < i < n - 1 and text[i - 1] not in " \r\n" and text[i + 1] not in " \r\n":
            get_box(raw, i, ref)
            s_left, s_right, s_bottom, s_top = r.left, r.right, r.bottom, r.top
            get_box(raw, i + 1, ref)
            if abs(r.left - s_left) >= 0.05 * (r.right - r.left):
                # Horizontal text: the next character starts to the right of the space (to
                # its left on a page turned upside down).
                em = r.top - r.bottom
                same_line = abs(r.bottom - s_bottom) <= _SAME_LINE_EM * em
                gap = r.left - s_left if r.left >= s_left else s_right - r.right
                width = s_right - s_left
            else:
                # Same column: text turned a quarter (a landscape table) or written vertically.
                em = r.right - r.left
                same_line = True
                gap = r.bottom - s_bottom if r.bottom >= s_bottom else s_top - r.top
                width = s_top - s_bottom
            if em > 0 and same_line and gap >= (_CELL_SPACES * width if width > 0.05 * em else _CELL_GAP_EM * em):
                pieces.append(text[last:i])
                pieces.append(CELL)
                last = i + 1
        i = text.find(" ", i + 1)
    pieces.append(text[last:])
    return _lines("".join(pieces))


def _lines(text: str) -> str:
    # PDFium joins a word hyphenated at a line end and marks the join with U+FFFE: the hyphen
    # and the line break are given back, as the page shows them (and as pypdf read them).
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufffe", "-\n")


def _laid_out(chars: _Chars) -> str:
    """Every character placed again: lines by baseline top to bottom, each left to right."""
    text = chars.text
    placed: list[tuple[_Box, str]] = []
    for i, ch in enumerate(text):
        if ch in "\r\n" or chars.generated(i):
            continue  # PDFium's own breaks and spaces: we make ours from the positions
        b = chars.box(i)
        if b.em <= 0 and ch.isspace():
            continue
        placed.append((b, "-" if ch == "\ufffe" else ch))  # a hyphen PDFium joined across lines
    placed.sort(key=lambda bc: -bc[0].bottom)
    lines: list[list[tuple[_Box, str]]] = []
    base = None
    for b, ch in placed:
        if base is None or base - b.bottom > _SAME_LINE_EM * max(b.em, 1.0):
            lines.append([])
            base = b.bottom
        lines[-1].append((b, ch))
    return "\n".join(_line_text(sorted(line, key=lambda bc: bc[0].left)) for line in lines)


def _line_text(line: list[tuple[_Box, str]]) -> str:
    """One line's characters, with a space or ``CELL`` where the gaps say so."""
    out: list[str] = []
    prev: _Box | None = None  # the last character other than a space
    space: _Box | None = None  # a space glyph since then
    for b, ch in line:
        if ch == " ":
            space = b
            continue
        if prev is not None:
            gap = b.left - prev.right
            em = max(prev.em, b.em)
            width = space.right - space.left if space is not None else 0.0
            if width > 0.05 * em:
                cell = gap >= _CELL_SPACES * width
            else:
                cell = gap >= _CELL_GAP_EM * em
            if cell:
                out.append(CELL)
            elif space is not None or gap >= _WORD_GAP_EM * em:
                out.append(" ")
        out.append(ch)
        prev, space = b, None
    return "".join(out)


# Object streams, font descriptors and embedded font files, found in one pass over the bytes
# (three passes cost a quarter of a small PDF's text). Each match starts at its own name, so
# no match of one hides a match of another: the counts are those of a pass for each.
_FONT_NAMES = re.compile(rb"/(?:ObjStm|Type\s*/FontDescriptor\b|FontFile[23]?\b)")
_OBJECT_STREAM, _DESCRIPTOR = ord("O"), ord("T")


def may_lack_glyphs(data: bytes) -> bool:
    """Might a font of this PDF be neither embedded nor one PDFium knows (so ``has_unplaced_text``
    is worth asking page by page)?

    Every font but the standard fourteen (whose glyphs PDFium carries) has a descriptor, and an
    embedded one names its font file there. Descriptors inside compressed object streams
    cannot be seen in the bytes: such a file is checked page by page.
    """
    descriptors = files = 0
    for m in _FONT_NAMES.finditer(data):
        name = data[m.start() + 1]
        if name == _OBJECT_STREAM:
            return True
        if name == _DESCRIPTOR:
            descriptors += 1
        else:
            files += 1
    return descriptors > files


def has_unplaced_text(page: object, _depth: int = 0) -> bool:
    """Does the page (a raw ``FPDF_PAGE`` or form object) draw text PDFium could not place?

    A text object of zero width is left out of PDFium's text. That happens to a single
    character in a font the PDF does not embed when no system font has its glyph (a lone
    男 in a 性別 column, on a machine without Japanese fonts): the caller reads such a page
    with the slower extractor instead, so that nothing drawn is left unread.
    """
    count_of, object_at = ((pdfium_c.FPDFPage_CountObjects, pdfium_c.FPDFPage_GetObject) if _depth == 0
                           else (pdfium_c.FPDFFormObj_CountObjects, pdfium_c.FPDFFormObj_GetObject))
    left, bottom, right, top = ctypes.c_float(), ctypes.c_float(), ctypes.c_float(), ctypes.c_float()
    kind_of, bounds = pdfium_c.FPDFPageObj_GetType, pdfium_c.FPDFPageObj_GetBounds
    text_kind, form_kind = pdfium_c.FPDF_PAGEOBJ_TEXT, pdfium_c.FPDF_PAGEOBJ_FORM
    for i in range(max(count_of(page), 0)):
        obj = object_at(page, i)
        kind = kind_of(obj)
        if kind == text_kind:
            # An embedded font has every glyph: a zero width there is a blank (a lone space).
            if (bounds(obj, left, bottom, right, top) and abs(right.value - left.value) < 1e-3
                    and not pdfium_c.FPDFFont_GetIsEmbedded(pdfium_c.FPDFTextObj_GetFont(obj))):
                return True
        elif kind == form_kind and _depth < 8 and has_unplaced_text(obj, _depth + 1):
            return True
    return False

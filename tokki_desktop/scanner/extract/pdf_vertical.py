"""Vertical writing (縦書き) drawn one glyph at a time: the columns put back together.

A postcard's address side made by a PDF library (TCPDF, ReportLab) often draws each glyph of
a vertical line as its own text object. PDFium then reads the page across: each "line" it
gives holds one glyph of each column (``ど 富`` / ``ほ こ 山``), and no name or address is
left whole. The rule: on a page where most lines hold one to three glyphs, the upright glyphs
that stand one under another, in the same column and closer than a line's spacing, are one
vertical line, read top to bottom; the columns are read right to left, the way vertical
writing runs. The lines found are added after the page's text (nothing is taken away), so
the addressee rule (``scanner.labels``) and the detectors read them like any other lines.

Only such a page pays for the boxes: the test of the page's lines is done on its text.
"""

from __future__ import annotations

from typing import Protocol

# A page is read for columns when this share of its lines hold at most _SHORT_LINE glyphs.
_SHORT_SHARE = 0.6
_SHORT_LINE = 3
# A page whose lines are longer than this on average (spaces and all) is ordinary text.
_MEAN_LINE = 8
# At least this many lines, and at most this many glyphs (a postcard, a label sheet).
_MIN_LINES = 6
_MAX_GLYPHS = 5_000
# Glyphs share a column when their centres are within this share of a glyph's width, and
# follow each other in it when the gap between them is below this many glyph heights.
_SAME_COLUMN = 0.35
_NEXT_GLYPH = 0.8
# Glyphs of one line are of one size (width ratio at least this).
_SIZE_RATIO = 0.7
# A column of fewer glyphs is no vertical line, but for an honorific set apart below a name.
_MIN_RUN = 2
_HONORIFICS = frozenset("様殿")


class _Box(Protocol):
    left: float
    bottom: float
    right: float
    top: float


class CharList(Protocol):
    """What this module needs of a page's characters (pdf_layout's list of them)."""

    text: str

    def box(self, i: int) -> _Box: ...

    def upright(self, i: int) -> bool: ...


def looks_vertical(text: str) -> bool:
    """Most of the page's lines hold one to three glyphs: columns read across."""
    breaks = text.count("\n") + 1
    if breaks < _MIN_LINES or len(text) > _MEAN_LINE * breaks:
        return False  # lines of ordinary length on average: decided in C, no line looked at
    lines = [ln for ln in text.split("\n") if ln.strip()]
    if len(lines) < _MIN_LINES:
        return False
    short = sum(1 for ln in lines if len(ln.replace(" ", "").replace("\r", "").replace("\u3000", "")) <= _SHORT_LINE)
    return short >= _SHORT_SHARE * len(lines)


def vertical_lines(chars: CharList) -> list[str]:
    """The page's vertical lines, columns right to left, each read top to bottom."""
    text = chars.text
    if len(text) > _MAX_GLYPHS:
        return []
    glyphs: list[tuple[float, float, float, float, str]] = []  # centre x, top, bottom, width, glyph
    for i, ch in enumerate(text):
        if ch.isspace() or not chars.upright(i):
            continue
        b = chars.box(i)
        width = b.right - b.left
        if width <= 0 or b.top <= b.bottom:
            continue
        glyphs.append(((b.left + b.right) / 2, b.top, b.bottom, width, ch))
    # Top to bottom, each glyph continues the run whose last glyph stands right above it: in
    # its column, of its size (the addressee's name is set larger than the address).
    glyphs.sort(key=lambda g: -g[1])
    runs: list[list[tuple[float, float, float, float, str]]] = []
    for g in glyphs:
        x, top, _bottom, width, _ch = g
        best = None
        for run in runs:
            px, _ptop, pbottom, pwidth, _pch = run[-1]
            if (abs(x - px) <= _SAME_COLUMN * max(width, pwidth) and _SIZE_RATIO * pwidth <= width <= pwidth / _SIZE_RATIO
                    and -_SAME_COLUMN * width <= pbottom - top <= _NEXT_GLYPH * width):
                best = run
                break
        if best is None:
            runs.append([g])
        else:
            best.append(g)
    lines = [run for run in runs if len(run) >= _MIN_RUN or run[0][4] in _HONORIFICS]
    lines.sort(key=lambda run: (-run[0][0], -run[0][1]))  # columns right to left, then down
    return ["".join(g[4] for g in run) for run in lines]


def with_vertical_lines(chars: CharList, text: str) -> str:
    """``text`` with the page's vertical lines after it, when the page reads as columns."""
    if not looks_vertical(text):
        return text
    lines = vertical_lines(chars)
    return text + "\n" + "\n".join(lines) if lines else text

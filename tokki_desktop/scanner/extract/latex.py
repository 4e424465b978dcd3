"""LaTeX sources: a macro's arguments are what it prints, so ``\\name{山田 太郎}`` is read as the
line ``name: 山田 太郎`` (a résumé class, a letter or label class: ``\\addaddress{織田 信長}{様}
{7691621}{香川県…}`` becomes one line with the name, the honorific, the postal code and the
address). Comments are left out; the prose between macros stays as it is.
"""

from __future__ import annotations

import re

from tokki_desktop.scanner.extract import Parts, ScanContext, TextPart
from tokki_desktop.scanner.extract.plain_text import detect_encoding

# A comment runs from an unescaped % to the end of its line.
_COMMENT = re.compile(r"(?m)(?<!\\)%.*$")
# A macro with one or more brace arguments (no nested braces inside an argument).
_MACRO = re.compile(r"\\([A-Za-z]+)\*?((?:[ \t]*\n?[ \t]*\{[^{}\n]*\})+)")
_ARG = re.compile(r"\{([^{}\n]*)\}")
# Past this size a .tex file is a book, not a form: read as it is.
MAX_BYTES = 4 * 1024 * 1024


def _as_line(m: re.Match[str]) -> str:
    args = [a.strip() for a in _ARG.findall(m.group(2))]
    args = [a for a in args if a]
    return f"\n{m.group(1)}: {' '.join(args)}\n" if args else ""


def latex_text(source: str) -> str:
    """The source with comments dropped and each macro call as a ``macro: arguments`` line."""
    return _MACRO.sub(_as_line, _COMMENT.sub("", source))


def extract_latex(data: bytes, ctx: ScanContext) -> Parts:
    """A LaTeX source as text, its macros read as labelled lines."""
    text = data.decode(detect_encoding(data), "replace")
    ctx.check_time()
    if len(data) <= MAX_BYTES:
        text = latex_text(text)
    if text.strip():
        yield TextPart(text)

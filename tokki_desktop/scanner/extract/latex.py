"""LaTeX sources: a macro's arguments are what it prints, so ``\\name{山田 太郎}`` is read as the
line ``name: 山田 太郎`` (a résumé class, a letter or label class: ``\\addaddress{織田 信長}{様}
{7691621}{香川県…}`` becomes one line with the name, the honorific, the postal code and the
address). Comments are left out; the prose between macros stays as it is.

A source often keeps its values in macros of its own (``\\newcommand\\lastname{山田}`` …
``\\姓{\\lastname}``): such argument-less definitions are expanded first, so the form's field
is read with the value it prints. Macros nested in an argument (``\\name{\\ruby{山田}{やまだ}}``)
are read from the inside out.
"""

from __future__ import annotations

import re

from tokki_desktop.scanner.extract import Parts, ScanContext, TextPart
from tokki_desktop.scanner.extract.plain_text import detect_encoding

# A comment runs from an unescaped % to the end of its line.
_COMMENT = re.compile(r"(?m)(?<!\\)%.*$")
# A macro name: ASCII letters, or the Japanese words a Japanese class names its fields with
# (\姓, \現住所, \学歴).
_NAME = r"[A-Za-z]+|[一-龥々ぁ-んァ-ヶー]+"
# A macro with one or more brace arguments (no nested braces inside an argument).
_MACRO = re.compile(rf"\\({_NAME})\*?((?:[ \t]*\n?[ \t]*\{{[^{{}}\n]*\}})+)")
_ARG = re.compile(r"\{([^{}\n]*)\}")
# \newcommand\x{…}, \newcommand{\x}{…}, \renewcommand, \providecommand, \def\x{…}: a
# definition without parameters, whose body has no braces of its own.
_DEFINITION = re.compile(
    rf"\\(?:(?:re|provide)?newcommand\*?[ \t]*(?:\\({_NAME})|\{{\\({_NAME})\}})|def[ \t]*\\({_NAME}))"
    r"[ \t]*\{([^{}\n]*)\}"
)
# How many levels of nested macros are read (a form's fields nest two or three deep).
_NESTING = 4
# Past this size a .tex file is a book, not a form: read as it is.
MAX_BYTES = 4 * 1024 * 1024


def _expand_definitions(source: str) -> str:
    """Argument-less user macros replaced by their bodies where they are used."""
    bodies: dict[str, str] = {}
    for m in _DEFINITION.finditer(source):
        name = m.group(1) or m.group(2) or m.group(3)
        if m.group(4).strip():
            bodies[name] = m.group(4).strip()
    if not bodies:
        return source
    source = _DEFINITION.sub("", source)
    names = "|".join(re.escape(n) for n in sorted(bodies, key=len, reverse=True))
    # A use is the name not followed by more letters, with an empty group after it or not.
    use = re.compile(rf"\\({names})(?![A-Za-z])(?:\{{\}})?")
    return use.sub(lambda u: bodies[u.group(1)], source)


def _as_line(m: re.Match[str]) -> str:
    args = [a.strip() for a in _ARG.findall(m.group(2))]
    args = [a for a in args if a]
    return f"\n{m.group(1)}: {' '.join(args)}\n" if args else ""


def _inline(m: re.Match[str]) -> str:
    return " ".join(a.strip() for a in _ARG.findall(m.group(2)) if a.strip())


# A macro call inside an argument: the brace before it is still open.
_INNER_MACRO = re.compile(rf"(?<=\{{)[ \t]*\\({_NAME})\*?((?:\{{[^{{}}\n]*\}})+)[ \t]*(?=\}}|\{{)")


def latex_text(source: str) -> str:
    """The source with comments dropped, user macros expanded and each macro call as a
    ``macro: arguments`` line."""
    text = _expand_definitions(_COMMENT.sub("", source))
    for _ in range(_NESTING):
        inner = _INNER_MACRO.sub(_inline, text)
        if inner == text:
            break
        text = inner
    return _MACRO.sub(_as_line, text)


def extract_latex(data: bytes, ctx: ScanContext) -> Parts:
    """A LaTeX source as text, its macros read as labelled lines."""
    text = data.decode(detect_encoding(data), "replace")
    ctx.check_time()
    if len(data) <= MAX_BYTES:
        text = latex_text(text)
    if text.strip():
        yield TextPart(text)

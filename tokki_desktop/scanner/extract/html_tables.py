"""HTML pages: each ``<table>`` as a table (its ``<th>`` row as the header), the rest as text.

A roster saved as a web page, a CMS export or a mail's HTML part keeps its rows in ``<tr>``
and its cells in ``<td>``; read as text, the tags would glue a name to the next cell. The
standard library's parser is lenient (unclosed cells, stray tags) and never raises on bad
markup; scripts and styles are left out.
"""

from __future__ import annotations

from html.parser import HTMLParser

from tokki_desktop.scanner.extract import Parts, ScanContext, TextPart, split_table
from tokki_desktop.scanner.extract.plain_text import detect_encoding, extract_text

_BLOCKS = frozenset({"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "dt", "dd", "section", "article"})


class _Collector(HTMLParser):
    """Collects tables (rows of cell texts) and the text outside them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tables: list[list[list[str]]] = []
        self.text: list[str] = []
        self._stack: list[list[list[str]]] = []  # tables being read (nested tables too)
        self._cell: list[str] | None = None
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self._skip += 1
        elif tag == "table":
            self._stack.append([])
        elif tag == "tr" and self._stack:
            self._close_cell()
            self._stack[-1].append([])
        elif tag in ("td", "th") and self._stack:
            self._close_cell()
            if not self._stack[-1]:
                self._stack[-1].append([])
            self._cell = []
        elif tag in _BLOCKS:
            self._emit("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self._skip = max(0, self._skip - 1)
        elif tag in ("td", "th"):
            self._close_cell()
        elif tag == "table" and self._stack:
            self._close_cell()
            rows = [r for r in self._stack.pop() if any(c.strip() for c in r)]
            if rows:
                self.tables.append(rows)
        elif tag in _BLOCKS:
            self._emit("\n")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self._emit(data)

    def _emit(self, s: str) -> None:
        if self._cell is not None:
            self._cell.append(s)
        elif not self._stack:
            self.text.append(s)

    def _close_cell(self) -> None:
        if self._cell is not None and self._stack and self._stack[-1]:
            self._stack[-1][-1].append(" ".join("".join(self._cell).split()))
        self._cell = None


# A page is parsed whole; beyond this size it is read as chunked plain text instead.
MAX_HTML_BYTES = 32 * 1024 * 1024


def extract_html(data: bytes, ctx: ScanContext) -> Parts:
    """The page's tables, then its other text."""
    if len(data) > MAX_HTML_BYTES:
        yield from extract_text(data, ctx)
        return
    page = data.decode(detect_encoding(data), "replace")
    parser = _Collector()
    parser.feed(page)
    parser.close()
    ctx.check_time()
    for rows in parser.tables:
        yield from split_table(rows)
    text = "".join(parser.text)
    if text.strip():
        yield TextPart(text)

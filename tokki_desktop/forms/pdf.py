"""Drawing laid-out pages into a PDF, with "1 / 3" page numbers, written atomically."""

from __future__ import annotations

import io
import os
import threading
from pathlib import Path

from reportlab.pdfgen.canvas import Canvas

from tokki_desktop.forms import fonts
from tokki_desktop.forms.errors import OutputNotWritable
from tokki_desktop.forms.fonts import MINCHO
from tokki_desktop.forms.layout import FOOTER, Page
from tokki_desktop.private_files import open_private

# ReportLab keeps per-font subset state shared by every document of the process; drawing one
# PDF at a time keeps a GUI worker and a CLI-style batch in the same process from mixing it.
_DRAW_LOCK = threading.Lock()


def draw(pages: list[Page], title: str) -> bytes:
    """The PDF bytes of ``pages``; ``title`` (the form's name, never personal data) is metadata."""
    with _DRAW_LOCK:
        return _draw(pages, title)


def _draw(pages: list[Page], title: str) -> bytes:
    buf = io.BytesIO()
    first = pages[0]
    c = Canvas(buf, pagesize=(first.width, first.height), initialFontName=MINCHO,
               pageCompression=1, lang="ja-JP")
    c.setTitle(title)
    c.setCreator("Tokki Desktop")
    c.setAuthor("")
    total = len(pages)
    for number, page in enumerate(pages, start=1):
        c.setPageSize((page.width, page.height))
        # Boxes and rules first, then all text in one text object: text always sits on top
        # of the grey header fills, and one BT…ET block per page is much faster than one per
        # string (the 台帳 draws ~140,000 strings).
        text = c.beginText()
        font: tuple[str, float] | None = None
        last_lw: float | None = None
        for op in page.ops:
            kind = op[0]
            if kind == "t":
                _, x, y, f, size, s, rgb = op
                if font != (f, size):
                    text.setFont(f, size)
                    font = (f, size)
                text.setTextOrigin(x, y)
                if rgb is not None:
                    text.setFillColorRGB(*rgb)
                    text.textOut(s)
                    text.setFillGray(0)
                else:
                    text.textOut(s)
            elif kind == "r":
                _, x, y, w, h, lw, fill = op
                if lw != last_lw:
                    c.setLineWidth(lw)
                    last_lw = lw
                if fill is not None:
                    c.setFillGray(fill)
                    c.rect(x, y, w, h, stroke=1, fill=1)
                    c.setFillGray(0)
                else:
                    c.rect(x, y, w, h, stroke=1, fill=0)
            elif kind == "l":
                _, x1, y1, x2, y2, lw = op
                if lw != last_lw:
                    c.setLineWidth(lw)
                    last_lw = lw
                c.line(x1, y1, x2, y2)
        footer = f"{number} / {total}"
        text.setFont(MINCHO, 9)
        text.setTextOrigin((page.width - fonts.text_width(footer, MINCHO, 9)) / 2, FOOTER)
        text.textOut(footer)
        c.drawText(text)
        c.showPage()
    c.save()
    return buf.getvalue()


def write_atomically(data: bytes, out_path: Path) -> None:
    """Write via a temporary file in the same folder, so a half-written PDF never exists."""
    tmp = out_path.with_name(out_path.name + ".part")
    try:
        with open_private(tmp, "wb") as fh:  # a filled form holds personal data
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, out_path)
    except OSError:
        try:
            tmp.unlink(missing_ok=True)
        except OSError:
            pass
        raise OutputNotWritable(str(out_path)) from None

"""The one layout engine: lays a :class:`FormSpec` filled with data onto A4 pages.

Layout produces a list of pages, each a list of drawing operations; :mod:`pdf` draws
them. Laying out first means the page count is known before anything is drawn, so each
page can say "1 / 3". Boxes never clip: text that does not fit grows the box, and a box
that does not fit the page continues on the next one under a "（続き）" heading; tables
repeat their header row on every page.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from reportlab.lib.pagesizes import A4, landscape

from tokki_desktop.forms import fonts
from tokki_desktop.forms.fonts import GOTHIC, MINCHO
from tokki_desktop.forms.linebreak import break_lines
from tokki_desktop.forms.model import (
    Attachments,
    Block,
    Emphasis,
    Field,
    Fields,
    FormSpec,
    Kind,
    Note,
    Signature,
    Table,
    TextBox,
)
from tokki_desktop.forms.values import Findings, Printer, format_value, lookup

MM = 72.0 / 25.4
MARGIN = 18 * MM
FOOTER = 10 * MM
PAD = 3.0  # inner padding of a cell, points
KEEP_ROW_LINES = 8  # a table row of at most this many lines is never split across pages
BODY = 10.5  # the usual size of Japanese official documents
SHRINK_STEPS = (10.5, 9.5, 8.5, 8.0)  # a value too long for its box shrinks down to 8 pt
MISSING_MARK = "※未記入"
_NUMBERED = re.compile(r"^(?:\d+|\(\d+\)|（\d+）)[　 ]")
RED = (0.78, 0.1, 0.1)

# Drawing operations (plain tuples: the 台帳 lays out hundreds of thousands of them).
# ("t", x, y, font, size, text, rgb|None)  ("l", x1, y1, x2, y2, width)
# ("r", x, y, w, h, width, fill_gray|None)
Op = tuple


@dataclass(frozen=True)
class Page:
    """Size and drawing operations of one laid-out page."""

    width: float
    height: float
    ops: list[Op]


def _leading(size: float) -> float:
    return size * 1.45


class Layout:
    """Lays one filled form out; ``pages`` holds the result."""

    def __init__(self, spec: FormSpec, data: Mapping[str, object], findings: Findings) -> None:
        self.spec = spec
        self.data = data
        self.findings = findings
        self.printer = Printer(data, findings)
        self.width, self.height = landscape(A4) if spec.landscape else A4
        self.left = MARGIN
        self.right = self.width - MARGIN
        self.content = self.right - self.left
        self.top = self.height - MARGIN
        self.bottom = MARGIN + FOOTER * 0.6
        self.pages: list[Page] = []
        self.ops: list[Op] = []
        self.y = self.top
        self._new_page(first=True)

    # ---- pages ---------------------------------------------------------------------
    def _new_page(self, first: bool = False) -> None:
        self.ops = []
        self.pages.append(Page(self.width, self.height, self.ops))
        self.y = self.top
        if not first:
            # Continuation pages name the form, so a loose page is still identifiable.
            self.text(self.left, self.y - 9, GOTHIC, 9, f"{self.spec.title}（続き）")
            self.y -= 9 * 2.2
        self._page_top = self.y

    def room(self) -> float:
        return self.y - self.bottom

    def ensure(self, height: float) -> None:
        """Start a new page unless ``height`` fits (a block taller than a page still starts)."""
        if height > self.room() and self.y < self._page_top:
            self._new_page()

    # ---- primitives ----------------------------------------------------------------
    def text(self, x: float, y: float, font: str, size: float, s: str, rgb: tuple | None = None) -> None:
        if s:
            self.ops.append(("t", x, y, font, size, s, rgb))

    def text_right(self, x_right: float, y: float, font: str, size: float, s: str, rgb: tuple | None = None) -> None:
        self.text(x_right - fonts.text_width(s, font, size), y, font, size, s, rgb)

    def text_center(self, x_mid: float, y: float, font: str, size: float, s: str) -> None:
        self.text(x_mid - fonts.text_width(s, font, size) / 2, y, font, size, s)

    def rect(self, x: float, y: float, w: float, h: float, fill: float | None = None, lw: float = 0.6) -> None:
        self.ops.append(("r", x, y, w, h, lw, fill))

    def line(self, x1: float, y1: float, x2: float, y2: float, lw: float = 0.6) -> None:
        self.ops.append(("l", x1, y1, x2, y2, lw))

    def paragraph(self, s: str, font: str = MINCHO, size: float = BODY, indent: float = 0.0) -> None:
        """Wrapped text; a numbered item (「1　」「(2) 」) hangs its following lines under its text."""
        lead = _leading(size)
        for para in s.split("\n"):
            m = _NUMBERED.match(para)
            prefix = m.group(0) if m else ""
            hang = fonts.text_width(prefix, font, size)
            lines = break_lines(para[len(prefix):], self.content - indent - hang, font, size) or [""]
            for i, ln in enumerate(lines):
                self.ensure(lead)
                self.y -= lead
                base = self.y + (lead - size) / 2
                if i == 0 and prefix:
                    self.text(self.left + indent, base, font, size, prefix)
                self.text(self.left + indent + hang, base, font, size, ln)

    def _template(self, text: str, label: str) -> str:
        # {profile.client} in fixed wording: filled from the data, reported if empty.
        def sub(m: re.Match[str]) -> str:
            value = self.printer.value(m.group(1), "text", label)
            if not value:
                self.findings.add_missing(label)
                return "＿＿＿＿"
            return value

        return re.sub(r"\{([a-z_.]+)\}", sub, text)

    # ---- the whole form ------------------------------------------------------------
    def run(self) -> list[Page]:
        spec = self.spec
        self._header()
        if spec.intro:
            self.paragraph(self._template(spec.intro, "本文"), indent=0)
            self.y -= 6
        if spec.kiki:
            self.ensure(_leading(BODY) * 3)
            self.y -= _leading(BODY)
            self.text_center(self.left + self.content / 2, self.y, MINCHO, BODY, "記")
            self.y -= _leading(BODY) * 0.6
        for i, block in enumerate(spec.blocks):
            if spec.kiki and i == len(spec.blocks) - 1 and isinstance(block, Note):
                # A closing note goes to the next page together with 以上 rather than leave
                # 以上 alone on a page of its own.
                self.ensure(4 + self._note_height(block) + _leading(BODY) * 1.5)
            self.block(block)
        if spec.kiki:
            self.ensure(_leading(BODY) * 1.5)
            self.y -= _leading(BODY) * 1.5
            self.text_right(self.right, self.y, MINCHO, BODY, "以上")
        return self.pages

    def _header(self) -> None:
        spec = self.spec
        title = spec.title
        # Short titles are spaced out (誓　約　書), as city offices print them.
        shown = "　".join(title) if len(title) <= 4 else title
        size = 16.0
        while fonts.text_width(shown, GOTHIC, size) > self.content and size > 11:
            size -= 1
        self.y -= size
        self.text_center(self.left + self.content / 2, self.y, GOTHIC, size, shown)
        self.y -= size * 1.2
        if spec.doc_number:
            number = self.printer.value("record.doc_no", "text", "文書番号") or "第　　　　　号"
            self.y -= _leading(BODY)
            self.text_right(self.right, self.y, MINCHO, BODY, number)
        if spec.hand_date:
            self.y -= _leading(BODY)
            self.text_right(self.right, self.y, MINCHO, BODY, "令和　　年　　月　　日")
        elif spec.date_key:
            # A document not yet dated in the ledger carries the day it is printed.
            date = self.printer.value(spec.date_key, "date", "日付") or self.printer.value("today", "date", "日付")
            self.y -= _leading(BODY)
            if date:
                self.text_right(self.right, self.y, MINCHO, BODY, date)
            else:
                self.findings.add_missing("日付")
                self.text_right(self.right, self.y, MINCHO, BODY, "令和　　年　　月　　日")
        if spec.recipient:
            self.y -= _leading(BODY) * 1.6
            head = self.printer.value("profile.client_head", "text", "宛先（委託者の長）")
            if head:
                addressee = f"{head}　様"
                width = self.content * 0.6
                if fonts.text_width(addressee, MINCHO, 12) <= width:
                    size, lines = 12.0, [addressee]
                else:  # a long title of the head: smaller, then on two lines, never cut
                    size, lines = _fit(addressee, width, MINCHO, 1, floor=9.5)
                for i, ln in enumerate(lines):
                    if i:
                        self.y -= _leading(size)
                    self.text(self.left, self.y, MINCHO, size, ln)
            else:
                self.findings.add_missing("宛先（委託者の長）")
                self.text(self.left, self.y, MINCHO, 12, "　" * 8 + "様")
                self.text(self.left, self.y - 10, MINCHO, 8, MISSING_MARK, RED)
        if spec.contractor:
            self.y -= _leading(BODY) * 0.8
            self._contractor()
        self.y -= _leading(BODY) * 0.8

    def _contractor(self) -> None:
        seal = bool(lookup(self.data, "profile.seal_box"))
        x0 = self.left + self.content * 0.42
        label_w = fonts.text_width("代表者職氏名", GOTHIC, 9) + 8
        seal_w = 15 * MM if seal else 0.0
        value_w = self.right - x0 - label_w - seal_w - (4 if seal else 0)
        rows = (
            ("所在地", "profile.contractor_address"),
            ("商号又は名称", "profile.contractor_name"),
            ("代表者職氏名", "profile.contractor_representative"),
        )
        lead = _leading(BODY)
        for label, key in rows:
            value = self.printer.value(key, "text", label)
            # The sender's block is read first: rather two lines than a tiny one.
            size, lines = _fit(value, value_w, MINCHO, 1, floor=9.5)
            self.y -= lead
            self.text(x0, self.y, GOTHIC, 9, label)
            if not value:
                self.findings.add_missing(label)
                self.text(x0 + label_w, self.y, MINCHO, 8, MISSING_MARK, RED)
            for i, ln in enumerate(lines):
                if i:
                    self.y -= _leading(size)
                self.text(x0 + label_w, self.y, MINCHO, size, ln)
        if seal:
            # The seal box sits at the end of the representative's line, as on paper.
            side = 15 * MM
            bx = self.right - side
            by = self.y - 4
            self.rect(bx, by, side, side, lw=0.5)
            self.text_center(bx + side / 2, by + side / 2 - 4, MINCHO, 9, "印")
            self.y = min(self.y, by) - 2

    # ---- blocks --------------------------------------------------------------------
    def block(self, block: Block) -> None:
        if isinstance(block, Fields):
            self._fields(block)
        elif isinstance(block, TextBox):
            self._textbox(block)
        elif isinstance(block, Table):
            self._table(block)
        elif isinstance(block, Note):
            self.y -= 4
            self.paragraph(self._template(block.text, "本文"), GOTHIC if block.bold else MINCHO, block.size)
        elif isinstance(block, Signature):
            self._signature(block)
        elif isinstance(block, Emphasis):
            self._emphasis(block)
        elif isinstance(block, Attachments):
            self._heading("添付書類")
            self.paragraph("\n".join(f"({i}) {item}" for i, item in enumerate(block.items, start=1)),
                           size=10, indent=BODY)
        else:  # pragma: no cover - the union is closed
            raise TypeError(type(block).__name__)

    def _note_height(self, note: Note) -> float:
        """The height :meth:`paragraph` will take for ``note`` (numbered items hang the same)."""
        text = self._template(note.text, "本文")
        font = GOTHIC if note.bold else MINCHO
        lines = 0
        for para in text.split("\n"):
            m = _NUMBERED.match(para)
            prefix = m.group(0) if m else ""
            hang = fonts.text_width(prefix, font, note.size)
            lines += len(break_lines(para[len(prefix):], self.content - hang, font, note.size) or [""])
        return lines * _leading(note.size)

    def _heading(self, text: str, keep: float = 0.0) -> None:
        """A block's heading, kept on the same page as the first ``keep`` points of the block."""
        if text:
            lead = _leading(BODY)
            self.ensure(lead + 2 + max(keep, lead * 2))  # never a heading alone at a page foot
            self.y -= lead + 2
            self.text(self.left, self.y + 3, GOTHIC, BODY, text)

    def _fields(self, block: Fields) -> None:
        self._heading(block.heading)
        self.y -= 4
        longest = max(fonts.text_width(f.label, GOTHIC, 9.5) for f in block.items)
        label_w = min(max(longest + 2 * PAD + 2, 28 * MM), 48 * MM)
        value_w = self.content - label_w
        for f in block.items:
            self._field_row(f, label_w, value_w)

    def _value_lines(self, f: Field, width: float) -> tuple[float, list[str], bool]:
        raw = lookup(self.data, f.key)
        value = self.printer.value(f.key, f.kind, f.label, choices=f.choices)
        missing = raw in (None, "") or (isinstance(raw, list | tuple) and not raw)
        if missing and f.required:
            self.findings.add_missing(f.label)
        size, lines = _fit(value, width - 2 * PAD, MINCHO, max(f.lines, 1))
        return size, lines, missing and f.required

    def _field_row(self, f: Field, label_w: float, value_w: float) -> None:
        size, lines, missing = self._value_lines(f, value_w)
        label_lines = break_lines(f.label, label_w - 2 * PAD, GOTHIC, 9.5)
        self._split_row(f.label, label_lines, label_w, lines, size, value_w, max(f.lines, 1), missing)

    def _split_row(
        self, label: str, label_lines: list[str], label_w: float, lines: list[str], size: float,
        value_w: float, min_lines: int, missing: bool,
    ) -> None:
        """A label | value row, continued on the next page when it is taller than the room."""
        lead = _leading(size)
        label_lead = _leading(9.5)
        remaining = lines or [""]
        first = True
        while True:
            need_lines = max(len(remaining), min_lines if first else 1)
            height = max(need_lines * lead, len(label_lines) * label_lead) + 2 * PAD
            if height > self.room():
                fit = int((self.room() - 2 * PAD) // lead)
                if fit < 2 or self.y < self._page_top and height <= self.top - self.bottom - 30:
                    self._new_page()
                    continue
                need_lines = fit
                height = fit * lead + 2 * PAD
            chunk, remaining = remaining[:need_lines], remaining[need_lines:]
            self.y -= height
            self.rect(self.left, self.y, label_w, height, fill=0.92)
            self.rect(self.left + label_w, self.y, value_w, height)
            shown_label = label_lines if first else [f"{label}（続き）"]
            ly = self.y + height - PAD - 9.5
            for ln in shown_label:
                self.text(self.left + PAD, ly, GOTHIC, 9.5, ln)
                ly -= label_lead
            vy = self.y + height - PAD - size - (lead - size) / 2 + 1
            for ln in chunk:
                self.text(self.left + label_w + PAD, vy, MINCHO, size, ln)
                vy -= lead
            if missing and first:
                self.text_right(self.right - PAD, self.y + PAD, MINCHO, 8, MISSING_MARK, RED)
            first = False
            if not remaining:
                return
            self._new_page()

    def _textbox(self, box: TextBox) -> None:
        text = self.printer.value(box.key, "text", box.label)
        missing = not text and box.required
        if missing:
            self.findings.add_missing(box.label)
        lines = break_lines(text, self.content - 2 * PAD, MINCHO, BODY) if text else []
        lead = _leading(BODY)
        head_h = _leading(9.5) + 2 * PAD - 2
        remaining = lines
        first = True
        self.y -= 4
        while True:
            need = max(len(remaining), box.min_lines if first else 1)
            if head_h + min(need, 2) * lead + 2 * PAD > self.room():
                self._new_page()
            fit = int((self.room() - head_h - 2 * PAD) // lead)
            n = min(need, fit)
            chunk, remaining = remaining[:n], remaining[n:]
            self.y -= head_h
            self.rect(self.left, self.y, self.content, head_h, fill=0.92)
            self.text(self.left + PAD, self.y + PAD, GOTHIC, 9.5, box.label if first else f"{box.label}（続き）")
            height = n * lead + 2 * PAD
            self.y -= height
            self.rect(self.left, self.y, self.content, height)
            vy = self.y + height - PAD - BODY - (lead - BODY) / 2 + 1
            for ln in chunk:
                self.text(self.left + PAD, vy, MINCHO, BODY, ln)
                vy -= lead
            if missing and first:
                self.text_right(self.right - PAD, self.y + PAD, MINCHO, 8, MISSING_MARK, RED)
            first = False
            if not remaining:
                return
            self._new_page()

    def _table(self, table: Table) -> None:
        size = 9.0 if not self.spec.landscape else 8.5
        widths = _column_widths(table, self.content, size, self.printer.seireki)
        lead = _leading(size)
        head_lines = [break_lines(c.label, w - 2 * PAD, GOTHIC, size) for c, w in zip(table.columns, widths)]
        head_h = max(len(h) for h in head_lines) * lead + 2 * PAD
        self._heading(table.heading, keep=4 + head_h + lead * 2 + 2 * PAD)
        self.y -= 4
        rows = lookup(self.data, table.rows_key)
        rows = list(rows) if isinstance(rows, Sequence) else []
        printer = self.printer

        def header() -> None:
            self.y -= head_h
            x = self.left
            for lines, w in zip(head_lines, widths):
                self.rect(x, self.y, w, head_h, fill=0.92)
                ty = self.y + head_h - PAD - size - 1
                for ln in lines:
                    self.text(x + (w - fonts.text_width(ln, GOTHIC, size)) / 2, ty, GOTHIC, size, ln)
                    ty -= lead
                x += w

        self.ensure(head_h + lead * 2 + 2 * PAD)
        header()
        cells_per_row: list[list[list[str]]] = []
        for row in rows:
            cells = []
            for c, w in zip(table.columns, widths):
                v = printer.clean(_format_cell(row, c.key, c.kind, printer.seireki), c.label)
                cells.append(break_lines(v, w - 2 * PAD, MINCHO, size) if v else [])
            cells_per_row.append(cells)
        if not rows and not table.blank_rows:
            # One cell across the whole row: in the first column alone (often a narrow "No.")
            # the words would stick out of the table.
            h = lead + 2 * PAD
            self.ensure(h)
            self.y -= h
            self.ops.append(("r", self.left, self.y, self.content, h, 0.5, None))
            mid = self.left + self.content / 2 - fonts.text_width(table.empty_text, MINCHO, size) / 2
            self.ops.append(("t", mid, self.y + h - PAD - size - 1, MINCHO, size, table.empty_text, None))
            return
        cells_per_row.extend([[] for _ in table.columns] for _ in range(table.blank_rows))
        ops = self.ops
        for cells in cells_per_row:
            n = max((len(c) for c in cells), default=0) or 1
            if n <= KEEP_ROW_LINES and int((self.room() - 2 * PAD) // lead) < n:
                # A short row is kept whole on the next page rather than split mid-cell
                # (a date on one page and its time on the next); only tall rows are split.
                self._new_page()
                header()
                ops = self.ops
            while n:
                fit = int((self.room() - 2 * PAD) // lead)
                if fit < 1:
                    self._new_page()
                    header()
                    ops = self.ops
                    continue
                take = min(n, fit)
                h = take * lead + 2 * PAD
                self.y -= h
                x = self.left
                ty0 = self.y + h - PAD - size - 1
                for c, w, lines in zip(table.columns, widths, cells):
                    ops.append(("r", x, self.y, w, h, 0.5, None))
                    ty = ty0
                    for ln in lines[:take]:
                        if c.align == "left":
                            tx = x + PAD
                        else:
                            lw = fonts.text_width(ln, MINCHO, size)
                            tx = x + w - PAD - lw if c.align == "right" else x + (w - lw) / 2
                        ops.append(("t", tx, ty, MINCHO, size, ln, None))
                        ty -= lead
                    x += w
                n -= take
                if n:
                    cells = [lines[take:] for lines in cells]
                    self._new_page()
                    header()
                    ops = self.ops

    def _signature(self, sig: Signature) -> None:
        seal = bool(lookup(self.data, "profile.seal_box"))
        lead = 26.0
        self._heading(sig.heading, keep=lead * len(sig.lines) + 10)
        self.ensure(lead * len(sig.lines) + 10)
        x0 = self.left + self.content * 0.40
        label_w = max(fonts.text_width(f.label, GOTHIC, 9.5) for f in sig.lines) + 10
        # With a seal, every line stops short of the 印 box column so none crosses it.
        line_end = self.right - (14 * MM if seal else 0)
        for i, f in enumerate(sig.lines):
            last = i == len(sig.lines) - 1
            value = self.printer.value(f.key, f.kind, f.label) if f.key else ""
            size, lines = _fit(value, line_end - x0 - label_w - 4, MINCHO, 1)
            # A value too long for the line stacks above it (never cut off).
            row = max(lead, len(lines) * _leading(size) + 6)
            self.ensure(row)
            self.y -= row
            self.text(x0, self.y + 2, GOTHIC, 9.5, f.label)
            self.line(x0 + label_w, self.y, line_end, self.y, lw=0.5)
            ty = self.y + 3 + (len(lines) - 1) * _leading(size)
            for ln in lines:
                self.text(x0 + label_w + 4, ty, MINCHO, size, ln)
                ty -= _leading(size)
            if seal and last:
                side = 12 * MM
                self.rect(self.right - side, self.y - 2, side, side, lw=0.5)
                self.text_center(self.right - side / 2, self.y - 2 + side / 2 - 4, MINCHO, 9, "印")
        self.y -= 8

    def _emphasis(self, em: Emphasis) -> None:
        value = self.printer.value(em.key, "mono", em.label)
        if not value:
            self.findings.add_missing(em.label)
        lines = break_lines(value, self.content - 8 * PAD, GOTHIC, em.size) or [""]
        lead = _leading(em.size)
        h = len(lines) * lead + 6 * PAD + _leading(9.5)
        self.ensure(h + 6)
        self.y -= h + 4
        self.rect(self.left, self.y, self.content, h, lw=1.2)
        self.text(self.left + 2 * PAD, self.y + h - 2 * PAD - 9.5, GOTHIC, 9.5, em.label)
        ty = self.y + h - 3 * PAD - _leading(9.5) - em.size
        for ln in lines:
            self.text_center(self.left + self.content / 2, ty, GOTHIC, em.size, ln)
            ty -= lead
        if not value:
            self.text_right(self.right - PAD, self.y + PAD, MINCHO, 8, MISSING_MARK, RED)


def _column_widths(table: Table, content: float, size: float, seireki: bool) -> list[float]:
    """Relative widths, except that a date column is never narrower than one date."""
    total = sum(c.width for c in table.columns)
    widths = [content * c.width / total for c in table.columns]
    date = "令和10年（2026年）12月31日" if seireki else "令和10年12月31日"
    samples = {"date": date, "datetime": date, "count": "999,999件", "people": "999,999人"}
    need = [fonts.text_width(samples[c.kind], MINCHO, size) + 2 * PAD + 1 if c.kind in samples else 0.0
            for c in table.columns]
    fixed = [n > w for n, w in zip(need, widths)]
    if any(fixed) and not all(fixed):
        rest = content - sum(n for n, f in zip(need, fixed) if f)
        flexible = sum(w for w, f in zip(widths, fixed) if not f)
        widths = [n if f else w * rest / flexible for n, w, f in zip(need, widths, fixed)]
    return widths


def _format_cell(row: object, key: str, kind: Kind, seireki: bool) -> str:
    value = lookup(row, key) if isinstance(row, Mapping) else getattr(row, key, None)
    text = format_value(value, kind, seireki=seireki)
    # In a narrow cell the time goes under the date rather than being cut at random.
    return text.replace(" ", "\n", 1) if kind == "datetime" else text


def _fit(text: str, width: float, font: str, max_lines: int, floor: float = 8.0) -> tuple[float, list[str]]:
    """Shrink ``text`` down to ``floor`` pt to fit ``max_lines``; beyond that, wrap at full size."""
    if not text:
        return BODY, []
    for size in (s for s in SHRINK_STEPS if s >= floor):
        lines = break_lines(text, width, font, size)
        if len(lines) <= max_lines:
            return size, lines
    return BODY, break_lines(text, width, font, BODY)


def lay_out(spec: FormSpec, data: Mapping[str, object], findings: Findings) -> list[Page]:
    """Lay ``spec`` filled with ``data`` out into pages."""
    fonts.ensure_fonts()
    return Layout(spec, data, findings).run()

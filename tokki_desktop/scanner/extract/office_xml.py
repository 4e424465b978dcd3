"""Office Open XML (.xlsx/.xlsm, .docx, .pptx) read straight from the XML bytes.

Regular expressions over the part bytes are an order of magnitude faster than building an
object model with openpyxl or python-docx, and they never expand entities: parts with a DTD
are refused outright in :func:`read_xml_part`, so billion-laughs files cannot hurt us.
"""

from __future__ import annotations

import html
import re
import zipfile
from itertools import compress
from operator import itemgetter

from tokki_desktop.scanner.extract import (
    ColumnTablePart, MemberPart, Parts, ScanContext, ScanProblem, TablePart, TextPart, Unreadable, split_table,
)
from tokki_desktop.scanner.extract.zipparts import read_member, read_xml_part
from tokki_desktop.scanner.tables import find_header

_SI = re.compile(rb"<si>(.*?)</si>|<si/>", re.S)
_SI_PLAIN = re.compile(rb"<si><t(?:\s[^>]*)?>([^<]*)</t></si>|<si><t(?:\s[^>]*)?/></si>|<si/>")
_RPH = re.compile(rb"<rPh\b.*?</rPh>", re.S)
_T = re.compile(rb"<(?:\w+:)?t(?:\s[^>]*)?>([^<]*)</(?:\w+:)?t>")
_ROW = re.compile(rb"<row\b[^>]*?(?:/>|>(.*?)</row>)", re.S)
_CELL = re.compile(rb"<c\b([^>]*?)(?:/>|>(.*?)</c>)", re.S)
_ATTR_R = re.compile(rb'\br="([A-Z]+)\d+"')
_ATTR_T = re.compile(rb'\bt="(\w+)"')
_V = re.compile(rb"<v>([^<]*)</v>")
_ENTITY = re.compile(r"&(?:#\d+|#x[0-9a-fA-F]+|amp|lt|gt|quot|apos);")
_SHEET_NAME = re.compile(r"^xl/worksheets/sheet\d+\.xml$")
_SLIDE_NAME = re.compile(r"^ppt/slides/slide(\d+)\.xml$")
_DOCX_PARTS = re.compile(r"^word/(document|header\d*|footer\d*|footnotes|endnotes|comments)\.xml$")
_WP = re.compile(rb"<w:p[ >].*?</w:p>|<w:p/>", re.S)
_WTBL = re.compile(rb"<w:tbl>(.*?)</w:tbl>", re.S)
_WTR = re.compile(rb"<w:tr[ >].*?</w:tr>", re.S)
_WTC = re.compile(rb"<w:tc[ >].*?</w:tc>", re.S)
_WTEXT = re.compile(rb"<w:t(?:\s[^>]*)?>([^<]*)</w:t>|<w:(tab|br|cr)\b[^>]*/>")
_AP = re.compile(rb"<a:p[ >].*?</a:p>|<a:p/>", re.S)


def _unescape(raw: bytes) -> str:
    s = raw.decode("utf-8", "replace")
    return html.unescape(s) if "&" in s else s


def _col_index(letters: bytes) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + (ch - 64)
    return n - 1


def embedded_files(zf: zipfile.ZipFile, ctx: ScanContext) -> Parts:
    """Files embedded in an Office document (an Excel table pasted into Word…), scanned too."""
    for info in zf.infolist():
        name = info.filename
        if "/embeddings/" not in name or info.is_dir():
            continue
        if ctx.depth >= ctx.limits.max_depth:
            yield MemberPart(name, None, Unreadable(
                f"埋め込みファイルの入れ子が深すぎます（{ctx.limits.max_depth}段まで）。",
                f"Embedded files nested deeper than {ctx.limits.max_depth} levels."), size=info.file_size)
            continue
        try:
            yield MemberPart(name, read_member(zf, info, ctx), size=info.file_size)
        except ScanProblem as problem:
            yield MemberPart(name, None, problem, size=info.file_size)


def extract_xlsx(zf: zipfile.ZipFile, ctx: ScanContext) -> Parts:
    """Every worksheet as a table; shared strings resolved, phonetic (ルビ) runs dropped."""
    shared: list[str] = []
    sst = read_xml_part(zf, "xl/sharedStrings.xml", ctx)
    plain_strings = _shared_strings_back_to_back(sst) if sst is not None else None
    if plain_strings is not None:
        shared, sst = plain_strings, None
    if sst is not None and b"<r>" not in sst and b"<rPh" not in sst:
        # Plain strings only (no rich text runs, no ルビ): one findall keeps the indices aligned.
        plain = _SI_PLAIN.findall(sst)
        if len(plain) == sst.count(b"<si>") + sst.count(b"<si/>"):
            # Decoded as one string and split (one call instead of one per string); XML
            # text cannot hold NUL, and a file that does takes the string-by-string way.
            joined = b"\x00".join(plain)
            if joined.count(b"\x00") == len(plain) - 1:
                shared = _unescape(joined).split("\x00") if plain else []
            else:
                shared = [_unescape(t) for t in plain]
            sst = None
    if sst is not None:
        for m in _SI.finditer(sst):
            body = m.group(1) or b""
            if b"<rPh" in body:
                body = _RPH.sub(b"", body)
            shared.append("".join(_unescape(t) for t in _T.findall(body)))
        del sst
    sheets = sorted((n for n in zf.namelist() if _SHEET_NAME.match(n)),
                    key=lambda n: int(re.sub(r"\D", "", n) or 0))
    if not sheets:
        raise Unreadable("Excelブックにシートがありません（破損の疑い）。", "The workbook has no worksheets.")
    for name in sheets:
        ctx.check_time()
        xml = read_xml_part(zf, name, ctx)
        if xml is None:
            continue
        if b'<c r="' not in xml:
            rows = _sheet_rows(xml, shared, ctx)
            if rows:
                yield from split_table(rows, name)
            continue
        # A big sheet is read in slices of whole rows, so its cells are never all in memory.
        header: list[str] | None = None
        first = True
        start = 0
        while start < len(xml):
            end = xml.find(b"</row>", start + _SHEET_SLICE)
            end = len(xml) if end < 0 else end + 6
            chunk = xml[start:end]
            start = end
            columns = _regular_columns(chunk, shared)
            if columns is not None:
                # Kept as columns: the header-typed checks work column by column.
                ctx.check_time()
                if first:
                    # As many rows as tell a form (at most 60 rows) from a table, as the
                    # general path sees them; the header itself is sought in the first five.
                    top = [[c[i] for c in columns] for i in range(min(61, len(columns[0])))]
                    h = find_header(top)
                    if h is not None:
                        if h:
                            yield TablePart(top[:h], None, name)  # a title above the header: read too
                        header, columns = top[h], [c[h + 1:] for c in columns]
                    first = False
                if columns[0]:
                    yield ColumnTablePart(columns, header, name)
                continue
            rows = _cell_rows(_CELL_FAST.findall(chunk), shared)
            ctx.check_time()
            if first and rows:
                h = find_header(rows)
                if h is not None:
                    if h:
                        yield TablePart(rows[:h], None, name)  # a title above the header: read too
                    header, rows = rows[h], rows[h + 1:]
                first = False
            if rows:
                yield TablePart(rows, header, name)
        del xml


_PRESERVE = b'<t xml:space="preserve">'


def _shared_strings_back_to_back(sst: bytes) -> list[str] | None:
    """The strings of a table whose every ``<si>`` is ``<si><t>text</t></si>`` (or with
    ``xml:space="preserve"``), written back to back as Excel and most libraries write
    strings without runs or ルビ; else None.

    The texts are cut out with bytes.replace and one split, the same strings the per-item
    regex gives (a test compares both): the region between the first ``<si><t>`` and the
    last ``</t></si>`` holds no other tag once the separators are replaced, and the number of
    ``<si`` tags in the whole part is the number of texts.
    """
    if _PRESERVE in sst:
        sst = sst.replace(_PRESERVE, b"<t>")
    first = sst.find(b"<si><t>")
    last = sst.rfind(b"</t></si>")
    if first < 0 or last < first + 7 or b"\x00" in sst:
        return None
    body = sst[first + 7:last].replace(b"</t></si><si><t>", b"\x00")
    if b"<" in body or body.count(b"\x00") + 1 != sst.count(b"<si"):
        return None
    return _unescape(body).split("\x00")


_SHEET_SLICE = 16 * 1024 * 1024
# One cell: column letters, row number, attributes, value, inline-string body. The attributes
# are taken possessively up to the tag's ">" and an empty cell is told by the "/" before it
# (a lookbehind): a fifth less time than a lazy attribute scan that tries "/>" at every byte,
# and the same rows (a test compares both patterns; an empty cell's attributes keep the "/").
_CELL_FAST = re.compile(
    rb'<c r="([A-Z]{1,3})(\d+)"([^>]*+)>(?:(?<=/>)|(?:<f[^>]*?(?:/>|>[^<]*</f>))?'
    rb'(?:<v>([^<]*+)</v>|<is>(.*?)</is>)?</c>)',
    re.S,
)
_COLS: dict[bytes, int] = {}


_PLAIN_CELL = re.compile(rb'<c r="([A-Z]{1,3})(\d+)"([^>]*)><v>([^<]+)</v></c>')
_CELL_OPEN = b'<c r="'
# Wider sheets take the general path (one group per column in the row pattern).
_MAX_REGULAR_COLUMNS = 256
# Compiled row patterns by column attributes; a workbook's sheets share a few.
_ROW_PATTERNS: dict[tuple[bytes, ...], re.Pattern[bytes]] = {}


def _row_pattern(attrs: tuple[bytes, ...]) -> re.Pattern[bytes]:
    """One row of plain value cells A, B, C… with exactly these attributes, all in one row:
    groups are the row number, then each cell's value."""
    rx = _ROW_PATTERNS.get(attrs)
    if rx is None:
        cells = [rb'<c r="A(\d+)"' + re.escape(attrs[0]) + rb"><v>([^<]+)</v></c>"]
        for j in range(1, len(attrs)):
            cells.append(b'<c r="' + _col_letters(j) + rb'\1"' + re.escape(attrs[j]) + rb"><v>([^<]+)</v></c>")
        if len(_ROW_PATTERNS) > 256:
            _ROW_PATTERNS.clear()
        rx = _ROW_PATTERNS[attrs] = re.compile(b"".join(cells))
    return rx


def _col_letters(index: int) -> bytes:
    out = b""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        out = bytes([65 + rem]) + out
    return out


def _plain_row(xml: bytes, start: int, end: int) -> list[tuple[bytes, ...]] | None:
    """The cells between start and end when every one is a plain value cell of one row, in
    column order A, B, C…; else None."""
    cells = _PLAIN_CELL.findall(xml, start, end)
    if not cells or len(cells) != xml.count(_CELL_OPEN, start, end) or len({c[1] for c in cells}) != 1 \
            or [c[0] for c in cells] != [_col_letters(j) for j in range(len(cells))]:
        return None
    return cells


def _regular_columns(xml: bytes, shared: list[str]) -> list[list[str]] | None:
    """The columns of a sheet whose every row holds the same columns A, B, C… in order, each
    a plain value (a roster, a catalogue, a table with its header repeated down the sheet);
    else None.

    The second row gives the columns and their attributes; one regular expression made from
    it then matches every further row whole (the row number captured once and required of
    each cell), so one scan yields each row's values as a tuple and ``zip`` turns them into
    columns, which are converted with C-level mapping and joining instead of one Python
    step per cell. When some row's attributes differ (cell types mixed in a column), a
    second pattern captures each cell's attributes too. That the rows found hold every cell
    of the sheet is checked by counting cell tags. The result is what :func:`_cell_rows`
    reads (a test compares both); anything irregular (gaps, empty cells, formulas, inline
    strings, odd values) takes that general path.
    """
    total = xml.count(_CELL_OPEN)
    if total < 64:
        return None
    first = xml.find(_CELL_OPEN)
    end1 = xml.find(b"</row>", first)
    end2 = xml.find(b"</row>", end1 + 6) if end1 >= 0 else -1
    if end2 < 0:
        return None
    head = _plain_row(xml, first, end1)
    second = _plain_row(xml, end1, end2)
    if head is None or second is None or len(head) != len(second) or len(head) > _MAX_REGULAR_COLUMNS:
        return None
    k = len(head)
    attrs = tuple(c[2] for c in second)
    if any(c[2].endswith(b"/") for c in head + second):
        return None  # <c …/> is an empty cell to the general path
    found = _row_pattern(attrs).findall(xml, end1)
    if found and k * (len(found) + 1) == total:
        by_column = _transpose(found)
        values_of = by_column[1:]
        attrs_of: list[bytes | list[bytes]] = list(attrs)
    else:
        # Some row's cells have other attributes: the pattern that captures them.
        found = _mixed_row_pattern(k).findall(xml, end1)
        if not found or k * (len(found) + 1) != total:
            return None
        by_column = _transpose(found)
        values_of = by_column[2::2]
        attrs_of = []
        for column_attrs in by_column[1::2]:
            kinds = set(column_attrs)
            if any(a.endswith(b"/") for a in kinds):
                return None
            attrs_of.append(column_attrs[0] if len(kinds) == 1 else column_attrs)
    row_nums = set(by_column[0])
    if len(row_nums) != len(found) or head[0][1] in row_nums:
        return None  # rows with one number are one row to the general path
    columns: list[list[str]] = []
    for j in range(k):
        try:
            top = _cell_value(head[j][2], head[j][3], shared)
            column = _column_values(attrs_of[j], values_of[j], shared)
        except (ValueError, IndexError):
            return None  # a damaged index: the general path skips just that cell
        if column is None:
            return None
        column.insert(0, top)
        columns.append(column)
    return columns


def _transpose(found: list[tuple[bytes, ...]]) -> list[list[bytes]]:
    """The groups of the row matches, group by group. Not zip(*found): that makes one
    iterator object per row, which the cyclic garbage collector tracks, and 20,000 of them
    set off a full collection of the whole heap."""
    return [list(map(itemgetter(j), found)) for j in range(len(found[0]))]


def _column_values(attrs: bytes | list[bytes], values: list[bytes], shared: list[str]) -> list[str] | None:
    """The cells of one column below its first row: ``attrs`` is their one attribute text, or
    each cell's (then they are converted one by one)."""
    if not isinstance(attrs, bytes):
        return [_cell_value(a, v, shared) for a, v in zip(attrs, values)]
    if b't="s"' in attrs:
        return list(map(shared.__getitem__, map(int, values)))
    joined = b"\x00".join(values)
    if joined.count(b"\x00") != len(values) - 1:
        return None
    return _unescape(joined).split("\x00")


_MIXED_ROW_PATTERNS: dict[int, re.Pattern[bytes]] = {}


def _mixed_row_pattern(k: int) -> re.Pattern[bytes]:
    """One row of k plain value cells A, B, C…: the row number, then each cell's attributes
    and value."""
    rx = _MIXED_ROW_PATTERNS.get(k)
    if rx is None:
        cells = [rb'<c r="A(\d+)"([^>]*)><v>([^<]+)</v></c>']
        cells += [b'<c r="' + _col_letters(j) + rb'\1"([^>]*)><v>([^<]+)</v></c>' for j in range(1, k)]
        rx = _MIXED_ROW_PATTERNS[k] = re.compile(b"".join(cells))
    return rx


def _regular_rows(xml: bytes, shared: list[str]) -> list[list[str]] | None:
    """The rows of :func:`_regular_columns`, or None."""
    columns = _regular_columns(xml, shared)
    return None if columns is None else list(map(list, zip(*columns)))


def _cell_value(attrs: bytes, v: bytes, shared: list[str]) -> str:
    return shared[int(v)] if b't="s"' in attrs else _unescape(v)


def _cell_rows(cells: list[tuple[bytes, ...]], shared: list[str]) -> list[list[str]]:
    """Cells to rows one by one: gaps, inline strings and any mix of types."""
    rows: list[list[str]] = []
    row: list[str] = []
    current = b""
    cols = _COLS
    # A sheet's cells have a few attribute texts: whether one says t="s" is looked up once.
    shared_attrs: dict[bytes, bool] = {}
    unescape = html.unescape
    # The inline strings' texts, converted together beforehand, taken in order.
    inline_texts = iter(_inline_texts(list(filter(None, map(itemgetter(4), cells))))).__next__
    # A shared string's text by its index as written: one dict lookup instead of parsing the
    # number each time (a sheet's departments, places and surnames repeat).
    by_index: dict[bytes, str] = {}
    for col, rnum, attrs, v, inline in cells:
        if rnum != current:
            if row:
                rows.append(row)
            row = []
            current = rnum
        if inline:
            value = inline_texts()
        elif not v:
            continue
        else:
            is_shared = shared_attrs.get(attrs)
            if is_shared is None:
                is_shared = shared_attrs[attrs] = b't="s"' in attrs
            if is_shared:
                value = by_index.get(v)  # type: ignore[assignment]
                if value is None:
                    try:
                        value = by_index[v] = shared[int(v)]
                    except (ValueError, IndexError):
                        continue
            else:
                value = v.decode("utf-8", "replace")  # _unescape, inlined: a value a cell
                if "&" in value:
                    value = unescape(value)
        ci = cols.get(col)
        if ci is None:
            ci = cols.setdefault(col, _col_index(col))
        if ci > 16383:
            continue  # beyond Excel's last column: a damaged or hostile sheet
        n = len(row)
        if ci == n:
            row.append(value)
        elif ci > n:
            row.extend([""] * (ci - n))
            row.append(value)
        else:
            row[ci] = value
    if row:
        rows.append(row)
    return rows


_CHARREF = re.compile(rb"(&#\d+;)")


def _inline_texts(inlines: list[bytes]) -> list[str]:
    """The text of each inline string (``<is>`` body): its ``<t>`` runs joined and unescaped.

    Exports written by openpyxl hold nothing but inline strings, every character beyond ASCII
    as a character reference (&#23665;&#30000;). Bodies of one plain run are decoded as one
    string, each distinct reference unescaped once (html.unescape calls Python code for every
    reference); the same texts as run by run (a test compares both).
    """
    simple = [x.startswith(b"<t>") and x.endswith(b"</t>") and x.count(b"<") == 2 for x in inlines]
    runs = [x[3:-4] for x in compress(inlines, simple)]
    joined = b"\x00".join(runs)
    if runs and joined.count(b"\x00") == len(runs) - 1:
        pieces = _CHARREF.split(joined)
        refs = pieces[1::2]
        if joined.count(b"&") == len(refs):
            # No entity but decimal references: each distinct one becomes its UTF-8 text.
            table = {r: html.unescape(r.decode()).encode() for r in set(refs)}
            pieces[1::2] = map(table.__getitem__, refs)
            decoded = iter(b"".join(pieces).decode("utf-8", "replace").split("\x00")).__next__
        else:
            decoded = iter(_unescape(joined).split("\x00")).__next__
        return [decoded() if one else _runs_text(x) for one, x in zip(simple, inlines)]
    return [_unescape(x[3:-4]) if one else _runs_text(x) for one, x in zip(simple, inlines)]


def _runs_text(inline: bytes) -> str:
    return "".join(_unescape(t) for t in _T.findall(inline))


def _sheet_rows(xml: bytes, shared: list[str], ctx: ScanContext) -> list[list[str]]:
    """Cells without references (rare writers): positions follow the order of the cells."""
    rows: list[list[str]] = []
    for rm in _ROW.finditer(xml):
        body = rm.group(1)
        if not body:
            continue
        row: list[str] = []
        for cm in _CELL.finditer(body):
            attrs, inner = cm.group(1), cm.group(2)
            if not inner:
                continue
            r = _ATTR_R.search(attrs)
            col = _col_index(r.group(1)) if r else len(row)
            t = _ATTR_T.search(attrs)
            typ = t.group(1) if t else b"n"
            if typ == b"inlineStr":
                value = "".join(_unescape(x) for x in _T.findall(inner))
            else:
                v = _V.search(inner)
                if not v:
                    continue
                raw = v.group(1)
                if typ == b"s":
                    try:
                        value = shared[int(raw)]
                    except (ValueError, IndexError):
                        continue
                else:
                    value = _unescape(raw)
            if col >= len(row):
                if col - len(row) > 16384:
                    continue
                row.extend([""] * (col - len(row) + 1))
            row[col] = value
        if row:
            rows.append(row)
        if len(rows) % 50_000 == 0:
            ctx.check_time()
    return rows


_WT_ONLY = re.compile(rb"<w:t(?:\s[^>]*)?>([^<]*)</w:t>")
_WBREAKS = re.compile(rb"<w:(?:tab|br|cr)\b[^>]*/>")


def _table_spans(xml: bytes) -> list[tuple[int, bytes, int]]:
    """(start, body, end) of each ``<w:tbl>…</w:tbl>``: the matches of ``_WTBL`` (first end
    tag after each start tag), found with bytes.find instead of a lazy ``.*?`` regex scan."""
    spans = []
    i = xml.find(b"<w:tbl>")
    while i >= 0:
        j = xml.find(b"</w:tbl>", i + 7)
        if j < 0:
            break
        spans.append((i, xml[i + 7:j], j + 8))
        i = xml.find(b"<w:tbl>", j + 8)
    return spans


def _paragraphs(xml: bytes, name: bytes) -> list[bytes]:
    """The matches of ``<NAME[ >].*?</NAME>|<NAME/>`` (``_WP``, ``_AP``), found with bytes.find:
    the lazy ``.*?`` tried for the end tag at every byte cost more than the rest of a
    document's reading. A test compares both on random tag soup."""
    start_tag = b"<" + name
    end_tag = b"</" + name + b">"
    empty = start_tag + b"/>"
    n = len(start_tag)
    out: list[bytes] = []
    i = xml.find(start_tag)
    while i >= 0:
        after = xml[i + n:i + n + 1]
        if after == b" " or after == b">":
            j = xml.find(end_tag, i + n + 1)
            if j < 0:
                # No end tag from here on: only empty elements can still match.
                out.extend(empty for _ in range(xml.count(empty, i + 1)))
                break
            out.append(xml[i:j + len(end_tag)])
            i = xml.find(start_tag, j + len(end_tag))
        elif after == b"/" and xml.startswith(empty, i):
            out.append(empty)
            i = xml.find(start_tag, i + len(empty))
        else:
            i = xml.find(start_tag, i + 1)
    return out


def _wtext(fragment: bytes) -> str:
    if _WBREAKS.search(fragment) is None:
        # Most cells and paragraphs have no tab or break: their runs are joined as bytes and
        # decoded once. Each run of well-formed XML is whole UTF-8 with whole entities, so
        # this is the run-by-run result; a fragment with an entity goes run by run anyway.
        raw = b"".join(_WT_ONLY.findall(fragment))
        if b"&" not in raw:
            return raw.decode("utf-8", "replace")
    out: list[str] = []
    for m in _WTEXT.finditer(fragment):
        if m.group(1) is not None:
            out.append(_unescape(m.group(1)))
        else:
            out.append("\t" if m.group(2) == b"tab" else "\n")
    return "".join(out)


# One scan over a Word table: the text runs, and the row and cell tags around them.
_TABLE_TOKEN = re.compile(rb"<w:t(?:\s[^<>]*)?>([^<]*)</w:t>|<w:t([cr])[ >]|</w:t([cr])>")


def _word_table_rows(body: bytes) -> list[list[str]]:
    """The rows of cells of a Word table body, as ``_WTR`` rows of ``_WTC`` cells of stripped
    :func:`_wtext` would give them."""
    rows = _table_rows_by_tokens(body) if _WBREAKS.search(body) is None else None
    if rows is None:
        rows = [[_wtext(c).strip() for c in _WTC.findall(r)] for r in _WTR.findall(body)]
    return rows


def _table_rows_by_tokens(body: bytes) -> list[list[str]] | None:
    """A table without tabs or breaks read in one regular-expression scan instead of three
    scans per cell; None when some text tag is not one the scan reads (then the caller
    takes the regex-per-row-and-cell way).

    The lazy regexes are followed exactly: a row runs from ``<w:tr`` to the first ``</w:tr>``
    and a cell from ``<w:tc`` to the first ``</w:tc>`` within its row; tags inside an open
    row or cell are its content; an unclosed cell or row is no cell or row. A test compares
    both ways on random tables.
    """
    # Closed cells' runs joined, in order; cells per closed row. Flat lists rather than a
    # list per row and per cell: fewer objects for the cyclic garbage collector to track.
    cells: list[bytes] = []
    widths: list[int] = []
    with_entities: dict[int, list[bytes]] = {}  # cells whose runs are unescaped one by one
    row_start = -1  # index in cells of the open row's first cell; -1: no row open
    cell: list[bytes] | None = None
    texts = 0
    for text, opened, closed in _TABLE_TOKEN.findall(body):
        if opened:
            if opened == b"r":
                if row_start < 0:
                    row_start = len(cells)
            elif row_start >= 0 and cell is None:
                cell = []
        elif closed:
            if closed == b"c":
                if cell is not None:
                    joined = b"".join(cell)
                    if b"&" in joined:
                        with_entities[len(cells)] = cell
                    cells.append(joined)
                    cell = None
            elif row_start >= 0:
                widths.append(len(cells) - row_start)
                row_start = -1
                cell = None
        else:
            texts += 1
            if cell is not None:
                cell.append(text)
    if texts != body.count(b"<w:t>") + body.count(b"<w:t "):
        return None  # a text tag with other whitespace or a "<" in it: the regexes decide
    if row_start >= 0:
        del cells[row_start:]  # an unclosed row is no row
    strings = _decode_all(cells)
    for i, runs in with_entities.items():
        if i < len(strings):
            strings[i] = "".join(_unescape(t) for t in runs)
    strings = list(map(str.strip, strings))
    rows = []
    pos = 0
    for width in widths:
        rows.append(strings[pos:pos + width])
        pos += width
    return rows


def _decode_all(pieces: list[bytes]) -> list[str]:
    """Each piece decoded as UTF-8 (errors replaced), in one decode when no piece holds NUL."""
    joined = b"\x00".join(pieces)
    if joined.count(b"\x00") != len(pieces) - 1:
        return [p.decode("utf-8", "replace") for p in pieces]
    return joined.decode("utf-8", "replace").split("\x00") if pieces else []


# Word and PowerPoint keep a second copy of text boxes and shapes for older readers
# (mc:AlternateContent: mc:Choice, then mc:Fallback); read once, each would count twice.
_FALLBACK = re.compile(rb"<mc:Fallback\b.*?</mc:Fallback>", re.S)


_A_TBL = re.compile(rb"<a:tbl>.*?</a:tbl>", re.S)
_A_TR = re.compile(rb"<a:tr\b.*?</a:tr>", re.S)
_A_TC = re.compile(rb"<a:tc\b.*?</a:tc>", re.S)


def _without_fallbacks(xml: bytes) -> bytes:
    return _FALLBACK.sub(b"", xml) if b"<mc:Fallback" in xml else xml


def extract_docx(zf: zipfile.ZipFile, ctx: ScanContext) -> Parts:
    """Paragraphs as text and Word tables as tables (header row recognised like a sheet)."""
    names = [n for n in zf.namelist() if _DOCX_PARTS.match(n)]
    if "word/document.xml" not in names:
        raise Unreadable("Word文書の本文（document.xml）がありません（破損の疑い）。",
                         "The Word document has no body part.")
    for name in sorted(names, key=lambda n: n != "word/document.xml"):
        ctx.check_time()
        xml = read_xml_part(zf, name, ctx)
        if xml is None:
            continue
        xml = _without_fallbacks(xml)
        tables = []
        pieces: list[bytes] = []
        pos = 0
        for start, body, end in _table_spans(xml):
            pieces.append(xml[pos:start])
            pos = end
            rows = _word_table_rows(body)
            if rows:
                tables.extend(split_table(rows, name))
        # The text around the tables (every table cut out, as _WTBL.sub did), when there were any.
        prose = b"".join(pieces) + xml[pos:] if tables else xml
        text = "\n".join(_wtext(p) for p in _paragraphs(prose, b"w:p"))
        if text.strip():
            yield TextPart(text)
        yield from tables


def extract_pptx(zf: zipfile.ZipFile, ctx: ScanContext) -> Parts:
    """Text of every slide (and its notes), paragraph by paragraph."""
    slides = sorted((n for n in zf.namelist() if _SLIDE_NAME.match(n)),
                    key=lambda n: int(_SLIDE_NAME.match(n).group(1)))  # type: ignore[union-attr]
    notes = [n for n in zf.namelist() if n.startswith("ppt/notesSlides/") and n.endswith(".xml")]
    if not slides and "ppt/presentation.xml" not in zf.namelist():
        raise Unreadable("PowerPointのスライドがありません（破損の疑い）。", "The presentation has no slides.")
    for name in slides + notes:
        ctx.check_time()
        xml = read_xml_part(zf, name, ctx)
        if xml is None:
            continue
        xml = _without_fallbacks(xml)
        tables = []
        if b"<a:tbl>" in xml:
            # A slide's table is a table: a participants list counts one record per row.
            for m in _A_TBL.finditer(xml):
                rows = [[" ".join("".join(_unescape(t) for t in _T.findall(p)) for p in _paragraphs(tc, b"a:p"))
                         for tc in _A_TC.findall(tr)] for tr in _A_TR.findall(m.group(0))]
                if rows:
                    tables.extend(split_table(rows, name))
            xml = _A_TBL.sub(b"", xml)
        text = "\n".join("".join(_unescape(t) for t in _T.findall(p)) for p in _paragraphs(xml, b"a:p"))
        if text.strip():
            yield TextPart(text)
        yield from tables

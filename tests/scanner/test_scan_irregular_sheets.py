"""Irregular sheets (gaps, empty and styled cells, formulas, inline strings, ルビ, repeated
and out-of-order cells) read by the general path's cell loop exactly as the loop it replaced:
the original loop is kept here as the specification."""

from __future__ import annotations

import random
import re

from tokki_desktop.scanner.extract import office_xml as ox

# The cell pattern before it took the attributes possessively: the rows must stay the same.
_LAZY_CELL = re.compile(
    rb'<c r="([A-Z]{1,3})(\d+)"([^>]*?)(?:/>|>(?:<f[^>]*?(?:/>|>[^<]*</f>))?(?:<v>([^<]*)</v>|<is>(.*?)</is>)?</c>)',
    re.S,
)

SHARED = ["氏名", "電話", "金額", "山田 太郎", "佐藤 花子", "A&B"]


def _reference_cell_rows(cells: list[tuple[bytes, ...]], shared: list[str]) -> list[list[str]]:
    """The cell loop as it was before the inlined decoding and the per-attribute lookup."""
    rows: list[list[str]] = []
    row: list[str] = []
    current = b""
    for col, rnum, attrs, v, inline in cells:
        if rnum != current:
            if row:
                rows.append(row)
            row = []
            current = rnum
        if inline:
            value = "".join(ox._unescape(x) for x in ox._T.findall(inline))
        elif not v:
            continue
        elif b't="s"' in attrs:
            try:
                value = shared[int(v)]
            except (ValueError, IndexError):
                continue
        else:
            value = ox._unescape(v)
        ci = ox._col_index(col)
        if ci > 16383:
            continue
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


def _random_cell(rnd: random.Random, ref: str) -> str:
    style = rnd.choice(["", ' s="3"', ' s="12"'])
    kind = rnd.randrange(14)
    if kind == 0:
        return f'<c r="{ref}"{style}/>'  # an empty (styled) cell
    if kind == 1:
        return f'<c r="{ref}"{style} t="s"><v>{rnd.randrange(len(SHARED))}</v></c>'
    if kind == 2:
        return f'<c r="{ref}"><f>B2&amp;C2</f><v></v></c>'  # a formula without a cached value
    if kind == 3:
        return f'<c r="{ref}" t="str"><f>A1&amp;B1</f><v>山田&amp;太郎</v></c>'
    if kind == 4:
        return f'<c r="{ref}" t="inlineStr"><is><t>{rnd.choice(["東京都", "a &lt; b", " x ", "", "&#23665;&#0;"])}</t></is></c>'
    if kind == 5:
        return f'<c r="{ref}" t="inlineStr"><is><r><t>鈴木</t></r><r><t xml:space="preserve"> 一郎</t></r></is></c>'
    if kind == 6:
        return f'<c r="{ref}" t="inlineStr"><is><t>ヤマダ</t><rPh sb="0" eb="1"><t>ヤ</t></rPh></is></c>'
    if kind == 12:
        return f'<c r="{ref}" t="inlineStr"><is><t xml:space="preserve"> 佐藤 </t></is></c>'
    if kind == 13:
        return f'<c r="{ref}" t="inlineStr"><is><t></t></is></c>'
    if kind == 7:
        return f'<c r="{ref}"{style} t="n"><v>{rnd.choice(["45383", "3.5", "-1", "1E+3"])}</v></c>'
    if kind == 8:
        return rnd.choice([f'<c r="{ref}" t="b"><v>1</v></c>', f'<c r="{ref}" t="s" x="a/>b"><v>1</v></c>',
                           f'<c r="{ref}" x="a>b"><v>2</v></c>', f'<c r="{ref}" t="s"><f t="shared" si="0"/><v>2</v></c>'])
    if kind == 9:
        return f'<c r="{ref}" t="s"><v></v></c>'  # a shared cell without a value
    return f'<c r="{ref}"{style}><v>{rnd.choice(["12", "090-1234-5678", "a &amp; b &#12354;", "0"])}</v></c>'


def _random_sheet(rnd: random.Random) -> bytes:
    letters = [ox._col_letters(j).decode() for j in range(rnd.choice([3, 8, 30]))]
    out = ["<sheetData>"]
    r = 0
    for _ in range(rnd.randrange(0, 40)):
        r += rnd.choice([1, 1, 1, 2, 5])  # gaps between rows
        if rnd.random() < 0.03:
            r -= 1  # a row number again, or going back
        out.append(f'<row r="{r}">')
        cols = sorted(rnd.sample(range(len(letters)), rnd.randrange(0, len(letters) + 1)))
        if rnd.random() < 0.05:
            cols.reverse()  # cells out of order
        if rnd.random() < 0.05 and cols:
            cols.append(cols[0])  # one cell twice
        for c in cols:
            out.append(_random_cell(rnd, f"{letters[c]}{r}"))
        if rnd.random() < 0.02:
            out.append(f'<c r="XFE{r}"><v>9</v></c>')  # beyond Excel's last column
        out.append("</row>")
    out.append("</sheetData>")
    return "".join(out).encode()


def test_cell_rows_equal_the_reference_loop_on_random_irregular_sheets() -> None:
    rnd = random.Random(5)
    for _ in range(3000):
        xml = _random_sheet(rnd)
        if rnd.random() < 0.03:
            xml = xml.replace(b"<v>1</v>", b"<v>99</v>", 1)  # a shared index out of range, maybe
        if rnd.random() < 0.05:
            xml = xml.replace(b"<v>", b"<v>\xe3\x81", 1)  # a broken UTF-8 sequence
        cells = ox._CELL_FAST.findall(xml)
        assert ox._cell_rows(cells, SHARED) == _reference_cell_rows(cells, SHARED), xml
        assert ox._cell_rows(cells, SHARED) == _reference_cell_rows(_LAZY_CELL.findall(xml), SHARED), xml


def test_inline_texts_equal_run_by_run_unescaping() -> None:
    """Inline bodies converted together (each distinct character reference once) give the
    texts each body gives on its own."""
    rnd = random.Random(8)
    pieces = ["山田", "a", " ", "&#23665;", "&#30000;", "&#0;", "&#128;", "&#55296;", "&#1114112;", "&#1;",
              "&#65;", "&amp;", "&lt;", "&amp", "&#x5C71;", "&#12", "\xe3\x81", "0"]
    for _ in range(2000):
        bodies = []
        plain_refs = rnd.random() < 0.5  # no entity but decimal references: the one-string way
        for _ in range(rnd.randrange(0, 12)):
            pool = pieces[:10] if plain_refs else pieces
            text = "".join(rnd.choice(pool) for _ in range(rnd.randrange(0, 6)))
            raw = text.encode("utf-8", "surrogateescape") if "\xe3" not in text else \
                text.replace("\xe3\x81", "").encode() + b"\xe3\x81"
            shape = rnd.randrange(5)
            if shape == 0:
                bodies.append(b'<t xml:space="preserve">' + raw + b"</t>")
            elif shape == 1:
                bodies.append(b"<r><t>" + raw + b"</t></r><r><t>x</t></r>")
            else:
                bodies.append(b"<t>" + raw + b"</t>")
        expected = ["".join(ox._unescape(t) for t in ox._T.findall(b)) for b in bodies]
        assert ox._inline_texts(bodies) == expected, bodies

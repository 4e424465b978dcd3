"""Records written as literals in source code: seed files and fixtures of other projects.

A Rails seed (``User.create!([{ first_name: '太郎', last_name: '山田', email: … }, …])``), a
JavaScript data module (``{ id: 1, firstName: '大翔', lastName: '佐藤' }``), a Python list of
dicts: each brace-delimited group of ``key: 'value'`` (or ``"key": "value"``, ``key => value``,
``key = value``) pairs is one record. When at least :data:`MIN_RECORDS` records share keys,
they become one table with the keys as its header, so the column checks judge the fields the
way they judge a spreadsheet; the rest of the file is scanned as text. Nothing is executed,
and a group that does not look like a record (a function body) is simply text.

A record is the fields of one object, however few objects the file holds: a fixture of one
or two people (``factory :user do`` with ``name { '…' }`` lines, an object literal with a
nested array of phone numbers) is a table of one or two rows when the object has a field
named as a person's name and one more of a person's fields (e-mail, phone, birthday,
address, postal code). The attribute lines of a Ruby block (``key { "value" }``, one a line)
are one object's fields.
"""

from __future__ import annotations

import re
from collections import Counter

from tokki_desktop.scanner.column_types import latin_header_kind
from tokki_desktop.scanner.extract import Parts, ScanContext, TablePart, TextPart, code_literals

MIN_RECORDS = 3
# A record's keys must mostly recur: a group of pairs with keys seen in no other record is
# a configuration block, not a row.
_SHARED = 0.6
# One level of braces, no nested ones: the innermost groups are the records.
_GROUP = re.compile(r"\{([^{}]{1,4000})\}")
# A group holding groups one level down (a record with a nested array of phone numbers): its
# own fields, the inner groups left out, are a record too.
_NESTED = re.compile(r"\{([^{}]*+(?:\{[^{}]{0,400}+\}[^{}]*+){1,100}+)\}")
_INNER = re.compile(r"\{[^{}]*\}")
_GROUP_CHARS = 4000
# A Ruby block's attribute line: ``name { "山田" }``; a run of them is one object's fields.
_BLOCK_ATTR = re.compile(
    r"""^[ \t]*([A-Za-z_][A-Za-z0-9_]{0,40})[ \t]*\{[ \t]*(?:"((?:[^"\\\n]|\\.){0,400})"|'((?:[^'\\\n]|\\.){0,400})'|(-?\d[\d.\-:/]{0,30}))[ \t]*\}[ \t]*$""",
    re.MULTILINE)
# What makes an object a person's record when the file has too few objects for a table.
_PERSON_FIELDS = frozenset({"email", "phone", "birth_date", "address", "postal_code"})
_PAIR = re.compile(
    r"""(?:^|[\s,(])["':]?([A-Za-z_][A-Za-z0-9_]{0,40})["']?\s*(?::|=>|=)\s*"""
    r"""(?:"((?:[^"\\\n]|\\.){0,400})"|'((?:[^'\\\n]|\\.){0,400})'|(-?\d[\d.\-:/]{0,30}))"""
)


def _pairs(body: str) -> dict[str, str]:
    out: dict[str, str] = {}
    # findall: one call a group, tuples instead of match objects (a seed has 100,000s).
    for key, dq, sq, num in _PAIR.findall(body):
        if key not in out:
            value = dq or sq or num
            out[key] = value.replace("\\'", "'").replace('\\"', '"') if "\\" in value else value
    return out


def records_in(text: str, ctx: ScanContext | None = None) -> tuple[list[str], list[list[str]], str]:
    """(header, rows, the text left over) of the record literals in ``text``; no rows when
    fewer than MIN_RECORDS groups look like records."""
    return tabulate(groups_in(text, ctx), text)


def groups_in(text: str, ctx: ScanContext | None = None) -> list[tuple[int, int, dict[str, str]]]:
    """The (start, end, pairs) of the brace groups and Ruby blocks that hold ``key: value``
    pairs, in the order they start."""
    groups: list[tuple[int, int, dict[str, str]]] = []
    for i, m in enumerate(_GROUP.finditer(text)):
        if ctx is not None and i % 8192 == 8191:
            ctx.check_time()
        pairs = _pairs(m.group(1))
        if len(pairs) >= 2:
            groups.append((m.start(), m.end(), pairs))
    found = len(groups)
    for m in _NESTED.finditer(text):
        body = m.group(1)
        if m.end() - m.start() <= _GROUP_CHARS:
            pairs = _pairs(_INNER.sub(" ", body))
            if len(pairs) >= 2:
                groups.append((m.start(), m.end(), pairs))
    groups.extend(_block_records(text))
    if len(groups) > found:
        groups.sort(key=lambda g: g[0])
    return groups


def tabulate(groups: list[tuple[int, int, dict[str, str]]], text: str, spans: bool = False) -> tuple:
    """The groups of ``key → value`` pairs (start, end, pairs) as one table: those sharing
    keys when there are MIN_RECORDS of them, else the objects that are people's records.
    Returns (header, rows, the text left over), or with ``spans`` (header, rows, the
    (start, end) of the groups taken)."""
    counts = Counter(k for _, _, p in groups for k in p)
    shared = {k for k, n in counts.items() if n >= MIN_RECORDS}
    records = [(a, b, p) for a, b, p in groups if sum(k in shared for k in p) >= _SHARED * len(p)]
    if len(records) < MIN_RECORDS:
        # Too few for a table of records: the objects that are people's records still are.
        records = [g for g in groups if _person_object(g[2])]
        if not records:
            return [], [], [] if spans else text
        counts = Counter(k for _, _, p in records for k in p)
        shared = set(counts)
    header = [k for k, _ in counts.most_common() if k in shared]
    rows = [[p.get(k, "") for k in header] for _, _, p in records]
    if spans:
        return header, rows, [(a, b) for a, b, _ in records]
    rest: list[str] = []
    last = 0
    for a, b, _ in records:
        if a < last:
            continue  # a group inside one already taken (a nested object)
        rest.append(text[last:a])
        last = b
    rest.append(text[last:])
    return header, rows, "\n".join(rest)


def _block_records(text: str) -> list[tuple[int, int, dict[str, str]]]:
    """The runs of a Ruby block's attribute lines (``email { "…" }``), each run one object."""
    out: list[tuple[int, int, dict[str, str]]] = []
    start = end = -1
    pairs: dict[str, str] = {}
    for m in _BLOCK_ATTR.finditer(text):
        if pairs and text[end:m.start()].strip():
            if len(pairs) >= 2:
                out.append((start, end, pairs))
            pairs = {}
        if not pairs:
            start = m.start()
        pairs.setdefault(m.group(1), m.group(2) or m.group(3) or m.group(4))
        end = m.end()
    if len(pairs) >= 2:
        out.append((start, end, pairs))
    return out


def _person_object(pairs: dict[str, str]) -> bool:
    """An object with a field named as a person's name and one more of a person's fields."""
    kinds = {latin_header_kind(k) for k, v in pairs.items() if v}
    return "name" in kinds and bool(kinds & _PERSON_FIELDS)


def extract_code_records(text: str) -> Parts:
    """The record literals as one table, then whatever else the text holds."""
    header, rows, rest = records_in(text)
    if rows:
        yield TablePart(rows, header)
    if rest.strip():
        yield TextPart(rest)


# Seeds and fixtures are small; a larger text is read as running text only.
MAX_BYTES = 8 * 1024 * 1024


def extract_text_or_records(data: bytes, ctx: ScanContext, name: str = "") -> Parts:
    """Plain text, with its record literals (if any) read as a table first. A source file
    of a language Pygments knows, small enough to lex, is read from its tokens
    (:mod:`code_literals`); any other text by the brace and block patterns above."""
    from tokki_desktop.scanner.extract.plain_text import detect_encoding, extract_text

    lexer = code_literals.lexer_for(name) if len(data) <= MAX_BYTES else None
    if lexer is not None:
        text = data.decode(detect_encoding(data), "replace")
        ctx.check_time()
        if len(text) <= code_literals.MAX_LEX_CHARS:
            yield from code_literals.extract_source(text, lexer, ctx)
        else:
            # Too large to lex: objects by the brace patterns, arrays of literals by theirs.
            lit = code_literals.Literals(keyed=groups_in(text, ctx), positional=code_literals.arrays_in(text, ctx))
            yield from code_literals.record_parts(lit, text, ctx)
        return
    if len(data) > MAX_BYTES or b"{" not in data:
        yield from extract_text(data, ctx)
        return
    text = data.decode(detect_encoding(data), "replace")
    ctx.check_time()
    header, rows, rest = records_in(text, ctx)
    if not rows:
        yield from extract_text(data, ctx)
        return
    yield TablePart(rows, header)
    if rest.strip():
        yield TextPart(rest)

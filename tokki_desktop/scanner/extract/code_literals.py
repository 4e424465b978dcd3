"""Records written as literals in source code, read from the tokens of a real lexer.

A fixture, a seed or a mock holds people in whatever syntax its language has: an object or
hash literal (``{ name: '山田', email: … }``, ``['name' => …]``), keyword arguments
(``User.create(name: …, email: …)``, ``Person(name="…")``), a Ruby block's attribute lines
(``name { "山田" }``, ``sequence(:email) { |n| "user#{n}@…" }``), ``key = value``
assignments (a factory class's fields), a constructor call with positional strings
(``new Person("山田", "太郎", "taro@…")``) or an array of arrays (``[["山田太郎", "090-…"], …]``).
Pygments gives the string literals, names and brackets of any of these languages; this
module follows the brackets and collects, for each one, its ``key → literal`` pairs and its
positional literals. Nothing is executed.

What comes out:

- *keyed records*: the pairs of one bracket (a nested object's pairs joined to its parent as
  ``parent.key``), handed to :mod:`code_records`' grouping (three or more sharing keys are a
  table; one or two are records when they hold a person's name field and one more of a
  person's fields);
- *positional records*: the literals of one bracket with no keys; three or more of the same
  length are a table without a header, typed by its values like a headerless CSV; one or
  two are typed value by value (an e-mail, a phone, a whole name);
- *delimited text in a string* (``'Name;Vorname;Ort\\n' + 'Yang;Paloma;Bell\\n' + …``): a
  string of three or more lines with the same count of one delimiter is a CSV.

A value produced by a fake-data generator (``Faker::Name.name``, ``faker.person.fullName()``,
``factory.Faker("name")``) is no person: such a field is left empty.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from pygments.lexer import Lexer
from pygments.token import Comment, Keyword, Number, Operator, Punctuation, String, Text, _TokenType

from tokki_desktop.scanner.extract import Parts, ScanContext, TablePart, TextPart

# A fixture is small; a larger source file is read by the regex readers (lexing runs at
# 0.1–0.5 MB/s with the reading here: 64 KB is at most about half a second of CPU).
MAX_LEX_CHARS = 64 * 1024

# File name endings → Pygments lexer alias.
_LEXERS = {
    "rb": "ruby", "rake": "ruby", "js": "javascript", "mjs": "javascript", "cjs": "javascript",
    "jsx": "javascript", "ts": "typescript", "tsx": "typescript", "mts": "typescript", "py": "python",
    "php": "php", "go": "go", "java": "java", "kt": "kotlin", "kts": "kotlin", "cs": "csharp",
    "dart": "dart", "swift": "swift", "ex": "elixir", "exs": "elixir", "scala": "scala",
    "groovy": "groovy", "rs": "rust",
}
# Fake-data generators: a value built by one of them is invented at run time, not written.
_GENERATORS = frozenset({"faker", "fake", "ffaker", "gofakeit", "chance", "bogus", "forgery", "mimesis", "gimei",
                         "casual"})
_OPEN = {"(": ")", "[": "]", "{": "}"}
_CLOSE = {")", "]", "}"}
_END_BLOCK_LANGUAGES = frozenset({"Ruby", "Elixir"})
# Ruby keywords that open a block closed by ``end``.
_RUBY_BLOCK = frozenset({"do", "def", "class", "module", "begin", "case"})
_RUBY_LINE_BLOCK = frozenset({"if", "unless", "while", "until", "for"})
_QUOTES = re.compile(r"""^(?:[rRbBuUfF]{0,2}|[@$]{0,2})("{3}|'{3}|["'`])(.*)\1$""", re.S)
_DELIMITER = re.compile(r"""^(?:[rRbBuUfF]{0,2}|[@$]{0,2})(?:"{3}|'{3}|["'`])$|^["'`]{1,3}$""")
_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "\\": "\\", "'": "'", '"': '"', "`": "`", "0": "\0"}
_ESCAPE = re.compile(r"\\(.)", re.S)
GENERATED = "\0generated"


@dataclass
class _Frame:
    opener: str
    start: int
    label: str = ""  # the key or block name the bracket is the value of
    assoc: str = ""  # how the label was given to it: ":" / "=>" (an object's key), "=" (assignment)
    keyed: dict[str, str] = field(default_factory=dict)
    positional: list[str] = field(default_factory=list)
    literals: int = 0  # string literals directly inside
    symbols: int = 0  # Ruby symbols directly inside (:email)
    others: int = 0  # anything else directly inside (names, operators…)
    generated: bool = False
    nested: dict[str, str] = field(default_factory=dict)  # a nested object's pairs, as parent.key
    # key: [literals…] inside an object: maybe one column of a table written column-wise
    columns: dict[str, tuple[int, int, list[str]]] = field(default_factory=dict)


@dataclass
class Literals:
    """What one source file's brackets hold (see the module docstring)."""

    keyed: list[tuple[int, int, dict[str, str]]] = field(default_factory=list)
    positional: list[tuple[int, int, list[str]]] = field(default_factory=list)
    strings: list[str] = field(default_factory=list)
    # (start, end, header, rows) of tables written column by column: {name: […], email: […]}
    columnar: list[tuple[int, int, list[str], list[list[str]]]] = field(default_factory=list)


def lexer_for(name: str) -> Lexer | None:
    """A Pygments lexer for a source file's name, or None for other files."""
    ext = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    alias = _LEXERS.get(ext)
    if alias is None:
        return None
    from pygments.lexers import get_lexer_by_name

    options = {"stripnl": False, "ensurenl": False}
    if alias == "php":
        options["startinline"] = True  # a PHP fixture is read as code even before "<?php"
    return get_lexer_by_name(alias, **options)


def _unquote(raw: str) -> str:
    m = _QUOTES.match(raw)
    return m.group(2) if m else raw


def _unescaped(s: str) -> str:
    return _ESCAPE.sub(lambda e: _ESCAPES.get(e.group(1), e.group(1)), s) if "\\" in s else s


# Token types by what the reader does with them, decided once per type (the ``in`` test of
# Pygments' types walks their ancestry: a dict look-up a token is much cheaper).
_INTERP, _STR, _SPACE, _SKIP, _SYM, _NUM, _PUNCT, _KW, _NAME = range(9)


def _category(ttype: _TokenType) -> int:
    if ttype in String.Interpol:
        return _INTERP
    if ttype in String.Symbol:
        return _SYM
    if ttype in String.Doc or ttype in Comment:
        return _SKIP
    if ttype in String:
        return _STR
    if ttype in Text:
        return _SPACE
    if ttype in Number:
        return _NUM
    if ttype in Punctuation or ttype in Operator:
        return _PUNCT
    if ttype in Keyword:
        return _KW
    return _NAME


_CATEGORIES: dict[_TokenType, int] = {}


def _atoms(text: str, lexer: Lexer) -> list[tuple[str, str, int]]:
    """(kind, value, position) of the tokens that matter: one atom per string literal
    (its pieces and interpolations joined), numbers, names, brackets and operators."""
    out: list[tuple[str, str, int]] = []
    append = out.append
    buf: list[str] = []
    buf_start = -1
    interp = 0
    line_start = True
    categories = _CATEGORIES
    # Ruby and Elixir close a block with "end"; elsewhere "class", "if" open no bracket.
    end_blocks = lexer.name in _END_BLOCK_LANGUAGES
    for pos, ttype, value in lexer.get_tokens_unprocessed(text):
        cat = categories.get(ttype)
        if cat is None:
            cat = categories[ttype] = _category(ttype)
        if cat == _INTERP or interp:
            # "user#{n}@…", `${a}`: what is interpolated stands for one character.
            if cat == _INTERP:
                if value.endswith(("{", "${")):
                    interp += 1
                    if interp == 1:
                        buf.append("1")
                    continue
                if value == "}" and interp:
                    interp -= 1
                    continue
            if interp:
                continue
        if cat == _STR:
            if buf_start < 0:
                buf_start = pos
            if not _DELIMITER.match(value):
                buf.append(value if (len(value) < 2 or not _QUOTES.match(value)) else _unquote(value))
            continue
        if buf_start >= 0:
            if cat == _SPACE and not value.strip():
                continue  # "ab" "cd": adjacent literals are one string
            append(("s", _unescaped("".join(buf)), buf_start))
            buf, buf_start = [], -1
        if cat == _SKIP:
            continue
        if cat == _SPACE:
            if "\n" in value:
                line_start = True
            continue
        v = value.strip()
        if not v:
            continue
        if cat == _PUNCT:
            if len(v) == 1:
                append(_punct_atom(v, pos))
            else:
                for ch in _split_punct(v):
                    append(_punct_atom(ch, pos))
        elif cat == _NAME:
            append(("id", v, pos))
        elif cat == _NUM:
            append(("num", v, pos))
        elif cat == _SYM:
            append(("sym", v.strip(":").strip("'\""), pos))
            if v.endswith(":"):
                append(("assoc", ":", pos))
        else:  # a keyword
            low = v.lower()
            if not end_blocks:
                if low in ("true", "false", "null", "nil", "none", "undefined"):
                    append(("num", low, pos))
                else:
                    append(("id", v, pos))
            elif low in _RUBY_BLOCK or (low in _RUBY_LINE_BLOCK and line_start):
                append(("kwopen", low, pos))
            elif low == "end":
                append(("kwclose", low, pos))
            elif low in ("true", "false", "null", "nil", "none", "undefined"):
                append(("num", low, pos))
            else:
                append(("id", v, pos))
        line_start = False
    if buf_start >= 0:
        append(("s", _unescaped("".join(buf)), buf_start))
    return _joined_arrows(out)


def _joined_arrows(atoms: list[tuple[str, str, int]]) -> list[tuple[str, str, int]]:
    """``=`` then ``>`` as two tokens (Ruby's lexer) is one ``=>``."""
    if not any(a[0] == "op" and a[1] == ">" for a in atoms):
        return atoms
    out: list[tuple[str, str, int]] = []
    for a in atoms:
        if a[0] == "op" and a[1] == ">" and out and out[-1][0] == "assoc" and out[-1][1] == "=" \
                and out[-1][2] + 1 == a[2]:
            out[-1] = ("assoc", "=>", out[-1][2])
            continue
        out.append(a)
    return out


_PUNCTS = re.compile(r"=>|->|::|[()\[\]{},;]|[^()\[\]{},;]+")


def _split_punct(v: str) -> list[str]:
    return _PUNCTS.findall(v)


def _punct_atom(ch: str, pos: int) -> tuple[str, str, int]:
    if ch in _OPEN:
        return ("open", ch, pos)
    if ch in _CLOSE:
        return ("close", ch, pos)
    if ch in (",", ";"):
        return ("sep", ch, pos)
    if ch in (":", "=", "=>"):
        return ("assoc", ch, pos)
    return ("op", ch, pos)


def read_literals(text: str, lexer: Lexer) -> Literals:
    """The keyed and positional records and the string literals of one source file."""
    atoms = _atoms(text[:MAX_LEX_CHARS], lexer)
    lit = Literals()
    stack = [_Frame("file", 0)]
    n = len(atoms)
    i = 0
    pending_key = ""  # a key whose value comes next
    pending_assoc = ""
    block_label = ""  # name(…)/name before a block: the block is that field's value
    while i < n:
        kind, value, pos = atoms[i]
        top = stack[-1]
        nxt = atoms[i + 1] if i + 1 < n else ("", "", 0)
        if kind in ("id", "s", "sym", "num") and nxt[0] == "assoc" and not pending_key and \
                not (nxt[1] == "=" and i + 2 < n and atoms[i + 2][0] == "assoc"):
            # key: value, key => value, key = value ("a == b" is two assoc atoms: no pair)
            if kind != "num":
                pending_key, pending_assoc = value, nxt[1]
            i += 2
            continue
        if kind == "open" or kind == "kwopen":
            label = pending_key or block_label
            if not label and kind == "open" and value == "{" and i > 0 and atoms[i - 1][0] == "id":
                label = atoms[i - 1][1]  # name { "value" }: a Ruby block attribute
            if not label and kind == "kwopen" and value == "do" and i > 0 and atoms[i - 1][0] in ("id", "sym"):
                label = atoms[i - 1][1]
            stack.append(_Frame(value, pos, label, pending_assoc if pending_key else ""))
            pending_key = block_label = ""
            i += 1
            continue
        if kind == "close" or kind == "kwclose":
            if len(stack) > 1 and (kind == "kwclose") == (stack[-1].opener in _RUBY_BLOCK | _RUBY_LINE_BLOCK):
                frame = stack.pop()
                block_label = _close(frame, stack[-1], lit, pos + len(value))
            pending_key = ""
            i += 1
            continue
        if kind == "sep":
            pending_key = ""
            i += 1
            continue
        if kind == "s":
            while i + 2 < n and atoms[i + 1][0] == "op" and atoms[i + 1][1] in ("+", ".", "..", "<>") \
                    and atoms[i + 2][0] == "s":
                i += 2
                value += atoms[i][1]
            lit.strings.append(value)
            top.literals += 1
            if pending_key:
                top.keyed.setdefault(pending_key, value)
                pending_key = ""
            else:
                top.positional.append(value)
            i += 1
            continue
        if kind == "num":
            if pending_key:
                top.keyed.setdefault(pending_key, value if value[0].isdigit() or value[0] == "-" else "")
                pending_key = ""
            else:
                top.positional.append(value if value[:1].isdigit() else "")
            i += 1
            continue
        if kind == "id" and value.lower() in _GENERATORS:
            top.generated = True
            if pending_key:
                top.keyed.setdefault(pending_key, GENERATED)
                pending_key = ""
            i += 1
            continue
        if kind == "sym" and not pending_key:
            top.positional.append(value)
            top.symbols += 1
            i += 1
            continue
        # Anything else: an expression; a key given one has no literal value.
        top.others += 1
        if kind == "id" and nxt[0] == "open" and nxt[1] == "(":
            pending_key = ""  # f(…): the key's value is a call
        elif kind in ("id", "op") and pending_key and nxt[0] not in ("id", "op", "open", "sym"):
            top.keyed.setdefault(pending_key, "")
            pending_key = ""
        i += 1
    while len(stack) > 1:
        frame = stack.pop()
        _close(frame, stack[-1], lit, len(text))
    _close(stack[0], None, lit, len(text))
    return lit


def _close(frame: _Frame, parent: _Frame | None, lit: Literals, end: int) -> str:
    """Hand a closed bracket's contents to its parent and to the records; returns the label
    a following block takes (``sequence(:email) { … }``)."""
    keyed = {k: v for k, v in frame.keyed.items() if v != GENERATED}
    if keyed and frame.nested:
        for k, v in frame.nested.items():
            keyed.setdefault(k, v)
    if parent is not None:
        if frame.label and not frame.keyed and frame.literals == 1 and len(frame.positional) == 1:
            # name { "山田" }, phones: ["090-…"]: one literal is the field's value.
            parent.keyed.setdefault(frame.label, frame.positional[0])
            return ""
        if frame.label and frame.generated and not frame.keyed:
            parent.keyed.setdefault(frame.label, GENERATED)  # name { Faker::Name.name }
            return ""
        if frame.label and keyed:
            # A nested object (address: { city: … }) is its parent's fields too, when the
            # parent is an object itself (not a block that merely encloses it).
            for k, v in keyed.items():
                if v:
                    parent.nested.setdefault(f"{frame.label}.{k}", v)
        if frame.opener == "(" and not frame.keyed and frame.symbols + frame.literals == 1 and frame.others == 0:
            # sequence(:email), trait(:admin): the name of what the block after it makes.
            return frame.positional[0]
        if frame.label and frame.opener == "[" and (frame.assoc in (":", "=>") and parent.opener in ("{", "[", "(")
                                                    or frame.assoc == "=" and parent.opener == "(") \
                and not frame.keyed and frame.literals >= 2 and frame.others == 0:
            # name: ["…", "…"] inside an object: decided when the object closes (below).
            parent.columns.setdefault(frame.label, (frame.start, end, list(frame.positional)))
            return ""
    if frame.columns:
        _columns(frame, lit)
    if len(keyed) >= 2:
        lit.keyed.append((frame.start, end, keyed))
    elif not frame.keyed and frame.literals >= 2 and frame.opener in ("(", "[", "{"):
        lit.positional.append((frame.start, end, list(frame.positional)))
    return ""


def _columns(frame: _Frame, lit: Literals) -> None:
    """An object's arrays of literals: two or more of one length are the columns of a table
    (``DataFrame({"name": […], "email": […]})``); any other is a positional record."""
    by_length: dict[int, list[str]] = defaultdict(list)
    for label, (_, _, values) in frame.columns.items():
        by_length[len(values)].append(label)
    for labels in by_length.values():
        if len(labels) >= 2:
            cols = [frame.columns[k][2] for k in labels]
            spans = [frame.columns[k][:2] for k in labels]
            lit.columnar.append((min(a for a, _ in spans), max(b for _, b in spans), labels,
                                 [list(r) for r in zip(*cols)]))
        else:
            lit.positional.append(frame.columns[labels[0]])


# A table written into one string: the delimiters a CSV uses, and the fewest lines.
_DELIMITERS = (",", ";", "\t", "|")
_MIN_LINES = 3
# Whole names in one array that make a list of people (as a column of three does).
MIN_NAMES = 3
# Positional values typed one by one, as a header would name them.
_VALUE_FIELDS = {"email": "email", "phone": "phone", "postal_code": "postal_code", "date": "birthday",
                 "address": "address"}


def delimited(s: str) -> str | None:
    """The delimiter of a string that is a small CSV (three or more lines, each with the same
    number of one delimiter, at least one), or None."""
    if s.count("\n") < _MIN_LINES - 1:
        return None
    lines = [ln for ln in s.split("\n") if ln.strip()]
    if len(lines) < _MIN_LINES:
        return None
    for delim in _DELIMITERS:
        counts = Counter(ln.count(delim) for ln in lines)
        common, k = counts.most_common(1)[0]
        if common >= 1 and k >= 0.9 * len(lines):
            return delim
    return None


def _typed_by_value(values: list[str]) -> dict[str, str]:
    """A positional record's values under the header each one's shape names (an e-mail, a
    phone, a whole name…); empty when they name no person's field."""
    from tokki_desktop.scanner import column_types as ct, japanese

    out: dict[str, str] = {}
    values = [v.strip() for v in values]
    # The local parts of the record's e-mail addresses: a Latin name they spell is a person's.
    locals_ = " ".join(v.split("@", 1)[0].lower() for v in values if "@" in v and ct._EMAIL.fullmatch(v))

    def latin_name(v: str) -> bool:
        if ct.is_romaji_full_name(v):
            return True  # Satou Syuuichi: Japanese syllables
        return ct._ROMAJI_FULL_NAME.fullmatch(v) is not None and \
            any(len(w) > 2 and w.lower() in locals_ for w in v.replace(",", " ").split())

    for i, v in enumerate(values):
        if not v or len(v) > 80:
            continue
        kind = ct.value_kind(v)
        nxt = values[i + 1] if i + 1 < len(values) else ""
        if kind == ct.NAME and japanese.is_full_name(v) or v.isascii() and latin_name(v):
            out.setdefault("name", v)
        elif kind in _VALUE_FIELDS:
            out.setdefault(_VALUE_FIELDS[kind], v)
        elif 0 < len(nxt) <= 12 and (kind == ct.NAME and japanese.is_full_name(f"{v} {nxt}")
                                     or v.isascii() and nxt.isascii() and latin_name(f"{v} {nxt}")):
            out.setdefault("name", f"{v} {nxt}")  # ("山田", "太郎", …), ("John", "Smith", …)
    return out if "name" in out and len(out) >= 2 else {}


def _whole_names(values: list[str]) -> bool:
    """Most values are people's whole names (surname and given name, in kanji or romaji)."""
    from tokki_desktop.scanner import column_types as ct, japanese

    vals = [v.strip() for v in values if v.strip()][:40]
    if len(vals) < MIN_NAMES or any(len(v) > 30 for v in vals):
        return False
    whole = sum(1 for v in vals if (ct.is_romaji_full_name(v) if v.isascii() else japanese.is_full_name(v)))
    return whole >= MIN_NAMES and whole >= 0.8 * len(vals)


def _cut(text: str, spans: list[tuple[int, int]]) -> str:
    rest: list[str] = []
    last = 0
    for a, b in sorted(spans):
        if a < last:
            continue
        rest.append(text[last:a])
        last = b
    rest.append(text[last:])
    return "\n".join(rest)


def extract_source(text: str, lexer: Lexer, ctx: ScanContext) -> Parts:
    """The records of a source file as tables (keyed, positional, CSV in a string), then the
    text that is left."""
    lit = read_literals(text, lexer)
    ctx.check_time()
    yield from record_parts(lit, text, ctx)


# A source file too large to lex: its innermost arrays of literals only ("…", '…', numbers).
_LITERAL = r"""(?:"(?:[^"\\\n]|\\.){0,400}"|'(?:[^'\\\n]|\\.){0,400}'|-?\d[\d.]{0,30}|null|nil|None|true|false)"""
_ARRAY = re.compile(rf"\[\s*({_LITERAL}(?:\s*,\s*{_LITERAL})+)\s*,?\s*\]")
_STRING = re.compile(r"""^(?:"((?:[^"\\\n]|\\.)*)"|'((?:[^'\\\n]|\\.)*)')$""")
_ITEM = re.compile(_LITERAL)


def arrays_in(text: str, ctx: ScanContext) -> list[tuple[int, int, list[str]]]:
    """The innermost arrays of two or more literals, at least two of them strings, found by
    pattern (for a file over :data:`MAX_LEX_CHARS`): positional records."""
    out: list[tuple[int, int, list[str]]] = []
    for i, m in enumerate(_ARRAY.finditer(text)):
        if i % 8192 == 8191:
            ctx.check_time()
        values: list[str] = []
        strings = 0
        for item in _ITEM.findall(m.group(1)):
            sm = _STRING.match(item)
            if sm:
                strings += 1
                values.append(_unescaped(sm.group(1) if sm.group(1) is not None else sm.group(2)))
            else:
                values.append(item if item[:1].isdigit() or item[:1] == "-" else "")
        if strings >= 2:
            out.append((m.start(), m.end(), values))
    return out


def record_parts(lit: Literals, text: str, ctx: ScanContext) -> Parts:
    """Tables of what :func:`read_literals` (or the patterns, for a large file) found, then
    the text outside them."""
    from tokki_desktop.scanner.extract.code_records import MIN_RECORDS, tabulate
    from tokki_desktop.scanner.extract.plain_text import extract_delimited

    groups = list(lit.keyed)
    spans: list[tuple[int, int]] = []
    by_length: dict[int, list[tuple[int, int, list[str]]]] = defaultdict(list)
    for rec in lit.positional:
        by_length[len(rec[2])].append(rec)
    tables: list[TablePart] = []
    for recs in by_length.values():
        if len(recs) >= MIN_RECORDS:
            # Arrays of arrays, rows of a constructor: a table without a header.
            tables.append(TablePart([r[2] for r in recs], None))
            spans.extend((a, b) for a, b, _ in recs)
        else:
            for a, b, values in recs:
                typed = _typed_by_value(values)
                if typed:
                    groups.append((a, b, typed))
    for a, b, header, rows in lit.columnar:
        tables.append(TablePart(rows, header))
        spans.append((a, b))
    for a, b, values in lit.positional:
        if len(values) >= MIN_RECORDS and _whole_names(values):
            # ["山田 太郎", "佐藤 花子", …]: an array of whole names is a column of people.
            tables.append(TablePart([[v] for v in values if v], ["name"]))
            spans.append((a, b))
    groups.sort(key=lambda g: g[0])
    header, rows, used = tabulate(groups, text, spans=True)
    if rows:
        yield TablePart(rows, header)
        spans.extend(used)
    yield from tables
    for s in lit.strings:
        if s.count("\n") < _MIN_LINES - 1:
            continue
        delim = delimited(s)
        if delim is not None:
            yield from extract_delimited(s.encode("utf-8"), ctx, delim)
        elif "\\n" in text:
            # A string of lines written with \n escapes (a letter, names one a line): the
            # text rules read its lines, which the source shows on one.
            yield TextPart(s)
    rest = _cut(text, spans) if spans else text
    if rest.strip():
        yield TextPart(rest)

"""SQL dumps (mysqldump, pg_dump, sqlite3 .dump): one table per dumped table, joined by key.

The rows of ``INSERT INTO t (a, b) VALUES (…), (…);`` and of pg_dump's ``COPY t (a, b) FROM
stdin;`` blocks become a table whose header is the column list, or the column names of
``CREATE TABLE t (…)`` when the INSERTs give none, so the column checks judge a dump as they
judge a sheet. Where the dump makes a relation plain, records are joined: a declared foreign
key (``FOREIGN KEY (user_id) REFERENCES users (id)``, inline or in ``ALTER TABLE``) or a
column named ``<table singular>_id`` (``addresses.user_id`` → ``users.id``) puts each
address beside its person, as one row. ``UPDATE t SET a = '…', b = '…' WHERE …`` gives the
literal values it sets as a row of ``t`` under the columns set (a masking or data-fix
script of such statements is a table). Statements that hold no rows (comments, an UPDATE
setting no literal…) are scanned as text; nothing in the file is left unread.

Dialects: MySQL/MariaDB strings take backslash escapes (``\\'``, ``\\n``); standard SQL
(PostgreSQL, SQLite) doubles quotes (``''``) and takes backslashes only in ``E'…'``. Binary
values (``_binary '…'``, ``X'…'``, ``0x…``) are never read as text. Memory is bounded: rows
held for joining are capped (:data:`HOLD_CELLS`), a file over :data:`MAX_SQL_BYTES` is read as
chunked plain text, and a malformed statement (an unterminated string) ends the table reading:
the rest of the file is scanned as text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterator

from tokki_desktop.scanner.extract import Parts, ScanContext, TablePart, TextPart
from tokki_desktop.scanner.extract.plain_text import detect_encoding, extract_text

MAX_SQL_BYTES = 64 * 1024 * 1024
ROWS_PER_PART = 20_000
# Cells held back for joining tables at the end of the dump; beyond it the largest table
# goes out unjoined (bounded memory: a few hundred MB of Python strings at most).
HOLD_CELLS = 1_000_000
_TEXT_FLUSH = 1024 * 1024

_MYSQL_MARKERS = re.compile(r"-- (?:MySQL|MariaDB) dump|/\*![0-9]{5}|ENGINE\s*=|`", re.I)
# Standard quoting wins when the dump says so, even if a backtick appears in some text.
_STANDARD_MARKERS = re.compile(r"-- PostgreSQL database dump|standard_conforming_strings\s*=\s*on|^PRAGMA |"
                               r"^BEGIN TRANSACTION;", re.I | re.M)
_BLOB_BYTES = re.compile(rb"_binary\s*'(?:[^'\\]++|\\.|'')*+'|[Xx]'[0-9A-Fa-f]*'|0x[0-9A-Fa-f]+", re.S)

_COMMON = r"""
 |(?P<cmt>--[^\n]*|/\*.*?\*/)
 |(?P<p>[(),;])
 |(?P<bad>['"`])
"""
# Tokens of MySQL dumps: '…' and "…" strings with backslash escapes, `identifiers`, # comments.
_MYSQL_TOKEN = re.compile(r"""\s*+(?:
  (?P<str>'(?:[^'\\]++|\\.|'')*+'|"(?:[^"\\]++|\\.|"")*+")
 |(?P<ident>`(?:[^`]++|``)*+`)
 |(?P<hash>\#[^\n]*)""" + _COMMON + r"""
 |(?P<word>[^\s'"`(),;]+)
)""", re.S | re.X)
# Tokens of standard SQL: '…' with doubled quotes, E'…' with backslashes, "identifiers",
# [identifiers] and `identifiers` (SQLite), $tag$…$tag$ (PostgreSQL function bodies).
_STANDARD_TOKEN = re.compile(r"""\s*+(?:
  (?P<estr>[Ee]'(?:[^'\\]++|\\.|'')*+')
 |(?P<str>'(?:[^']++|'')*+')
 |(?P<ident>"(?:[^"]++|"")*+"|`(?:[^`]++|``)*+`|\[[^\]\n]*\])
 |(?P<dollar>\$(?P<tag>[A-Za-z_0-9]*)\$.*?\$(?P=tag)\$)""" + _COMMON + r"""
 |(?P<word>[^\s'"`(),;\[]+)
)""", re.S | re.X)
# A whole row of simple values, the bulk of any dump: matched in one step, split by _VALUE.
_MYSQL_V = r"""(?:'(?:[^'\\]++|\\.|'')*+'|[^\s'"`(),;]+)"""
_STANDARD_V = r"""(?:'(?:[^']++|'')*+'|[^\s'"`(),;\[]+)"""
_MYSQL_ROW = re.compile(rf"\s*+\(\s*+({_MYSQL_V}(?:\s*+,\s*+{_MYSQL_V})*+)\s*+\)", re.S)
_STANDARD_ROW = re.compile(rf"\s*+\(\s*+({_STANDARD_V}(?:\s*+,\s*+{_STANDARD_V})*+)\s*+\)", re.S)
# The values of such a row: (string body, "") for a quoted string, ("", word) for the rest.
_MYSQL_VALUE = re.compile(r"""\s*+(?:'((?:[^'\\]++|\\.|'')*+)'|([^\s'"`(),;]+))\s*+,?""", re.S)
_STANDARD_VALUE = re.compile(r"""\s*+(?:'((?:[^']++|'')*+)'|([^\s'"`(),;\[]+))\s*+,?""", re.S)
_MYSQL_ESCAPES = {"0": "\0", "b": "\b", "n": "\n", "r": "\r", "t": "\t", "Z": "\x1a"}
# Words that open a statement: after a table definition's closing parenthesis they end it
# when the script has no semicolons.
_STATEMENT_WORDS = frozenset({"INSERT", "REPLACE", "CREATE", "ALTER", "DROP", "UPDATE", "DELETE",
                              "COPY", "GRANT", "USE"})
# CREATE [TEMPORARY | GLOBAL TEMPORARY | UNLOGGED …] TABLE
_CREATE_TABLE = re.compile(r"CREATE\s+(?:[A-Za-z_]+\s+){0,2}TABLE\b", re.I)
_ESCAPE = re.compile(r"\\(.)", re.S)
_COPY_ESCAPE = re.compile(r"\\(?:([0-7]{1,3})|x([0-9A-Fa-f]{1,2})|(.))", re.S)
_INSERT_MODIFIERS = {"IGNORE", "LOW_PRIORITY", "DELAYED", "HIGH_PRIORITY", "OR", "REPLACE", "ROLLBACK",
                     "ABORT", "FAIL"}
# Words between UPDATE (or INSERT) and the table's name.
_SET_HEAD_WORDS = frozenset({"ONLY", "LOW_PRIORITY", "IGNORE", "INTO", "DELAYED", "HIGH_PRIORITY"})
# What ends the SET list of an UPDATE.
_SET_END = frozenset({"WHERE", "FROM", "RETURNING", "ORDER", "LIMIT", "OUTPUT"})
_CONSTRAINT_WORDS = {"PRIMARY", "KEY", "UNIQUE", "INDEX", "CONSTRAINT", "FOREIGN", "CHECK", "FULLTEXT",
                     "SPATIAL", "EXCLUDE", "PERIOD"}


@dataclass
class _Table:
    """The rows of one dumped table, held until the end of the dump for joining."""

    name: str
    columns: list[str] | None = None  # from CREATE TABLE
    primary_key: str | None = None
    header: list[str] | None = None  # of the rows held
    rows: list[list[str]] = field(default_factory=list)
    flushed: bool = False  # some rows went out already: not joined


@dataclass
class _ForeignKey:
    child: str
    column: str
    parent: str
    parent_column: str | None


def extract_sql(data: bytes, ctx: ScanContext) -> Parts:
    """Tables of the rows a dump inserts (joined by key where declared), the rest as text."""
    if len(data) > MAX_SQL_BYTES:
        yield from extract_text(data, ctx)
        return
    text = _decode(data)
    yield from _Dump(text, ctx).parts()


def _decode(data: bytes) -> str:
    """The dump as text; raw bytes of binary values must not decide the encoding."""
    try:
        return data.decode("utf-8").lstrip("\ufeff")
    except UnicodeDecodeError:
        pass
    probe = _BLOB_BYTES.sub(b"''", data[: 4 * 1024 * 1024])
    return data.decode(detect_encoding(probe), "replace").lstrip("\ufeff")


_NAME_PART = re.compile(r"""`(?:[^`]|``)*`|"(?:[^"]|"")*"|\[[^\]]*\]|[^.]+""")


def _bare(name: str) -> str:
    """An identifier without quotes or schema: `shop`.`users`, "public"."users" → users."""
    parts = _NAME_PART.findall(name.strip())
    last = parts[-1] if parts else name
    if len(last) >= 2 and last[0] in "`\"[" and last[-1] in "`\"]":
        last = last[1:-1]
    return last


def _qualified(tokens: list[str], i: int) -> tuple[str, int]:
    """The (possibly schema-qualified) name starting at token ``i``, and the index after it.

    ``"public"."users"`` is three tokens (identifier, ".", identifier); ``public.users`` one.
    """
    name = tokens[i]
    j = i + 1
    while j < len(tokens) and (tokens[j].startswith(".") or name.endswith(".")):
        name += tokens[j]
        j += 1
    return name, j


def _singular(name: str) -> str:
    n = name.lower()
    if n == "people":
        return "person"
    if n.endswith("ies") and len(n) > 3:
        return n[:-3] + "y"
    if n.endswith(("sses", "shes", "ches", "xes")):
        return n[:-2]
    if n.endswith("s") and not n.endswith("ss"):
        return n[:-1]
    return n


class _Dump:
    """One pass over a dump's statements; tables come out at the end (or when over the cap)."""

    def __init__(self, text: str, ctx: ScanContext) -> None:
        self.text = text
        self.ctx = ctx
        head = text[:65536]
        mysql = not _STANDARD_MARKERS.search(head) and bool(_MYSQL_MARKERS.search(head))
        self.mysql = mysql
        self.token = _MYSQL_TOKEN if mysql else _STANDARD_TOKEN
        self.row = _MYSQL_ROW if mysql else _STANDARD_ROW
        self.value = _MYSQL_VALUE if mysql else _STANDARD_VALUE
        self.tables: dict[str, _Table] = {}
        self.keys: list[_ForeignKey] = []
        self.held = 0
        self.leftover: list[str] = []
        self.leftover_chars = 0
        self.out: list[TablePart | TextPart] = []

    # -- the statement loop ----------------------------------------------------------------

    def parts(self) -> Parts:
        text, pos, n = self.text, 0, 0
        while pos < len(text):
            n += 1
            if n % 200 == 0:
                self.ctx.check_time()
            m = self.token.match(text, pos)
            if m is None or m.end() == pos:
                break  # only whitespace is left
            kind = m.lastgroup
            if kind == "bad":
                # An unterminated string or identifier: nothing after it can be trusted as
                # SQL; it is scanned as text.
                self._text(text[m.start(kind):])
                pos = len(text)
                break
            if kind in ("cmt", "hash"):
                self._text(m.group(kind))
                pos = m.end()
                continue
            start = m.start(kind)
            word = m.group(kind).upper() if kind == "word" else ""
            try:
                if word in ("INSERT", "REPLACE"):
                    pos = self._insert(m.end(), start)
                elif word == "COPY":
                    pos = self._copy(m.end(), start)
                elif word == "CREATE" or word == "ALTER":
                    pos = self._definition(start)
                elif word == "GO":  # SQL Server's batch separator: a statement of its own
                    pos = m.end()
                elif word == "UPDATE":
                    pos = self._update(m.end(), start)
                else:
                    pos = self._other(start)
            except (IndexError, ValueError):
                # A statement of a shape not foreseen (CREATE ( TABLE…): its text is scanned.
                pos = self._other(start)
            yield from self._drain()
        yield from self._finish()

    def _tokens(self, pos: int, ends_after_parens: frozenset[str] = frozenset()) -> Iterator[re.Match[str]]:
        """Tokens from ``pos`` to the end of the statement (the ``;`` at depth 0, included).

        With ``ends_after_parens``, one of those words at depth 0 once a parenthesis has closed
        there also ends it (not yielded): a definition in a script without semicolons.
        """
        text, depth, start = self.text, 0, pos
        closed = False
        while True:
            m = self.token.match(text, pos)
            if m is None or m.end() == pos:
                return
            kind = m.lastgroup
            if kind == "bad":
                raise _Unterminated(m.start(kind))
            if kind in ("cmt", "hash"):
                pos = m.end()
                continue
            if kind == "word" and depth == 0 and pos > start and m.group("word").upper() == "GO":
                return  # SQL Server's batch separator ends a statement without a semicolon
            if closed and kind == "word" and depth == 0 and m.group("word").upper() in ends_after_parens:
                return
            pos = m.end()
            yield m
            if kind == "p":
                c = m.group("p")
                if c == "(":
                    depth += 1
                elif c == ")":
                    depth = max(0, depth - 1)
                    closed = closed or depth == 0
                elif c == ";" and depth == 0:
                    return

    def _statement_end(self, start: int) -> int:
        end = start
        for m in self._tokens(start):
            end = m.end()
        return end

    def _other(self, start: int) -> int:
        """A statement that holds no rows: its text is scanned (an UPDATE may name a person)."""
        try:
            end = self._statement_end(start)
        except _Unterminated:
            self._text(self.text[start:])
            return len(self.text)
        self._text(self.text[start:end])
        return max(end, start + 1)

    # -- UPDATE … SET (a masking or data-fix script) ----------------------------------------

    def _update(self, pos: int, start: int) -> int:
        """``UPDATE t SET a = 'x', b = 'y' WHERE …;`` (or MySQL's ``INSERT INTO t SET …``): the
        literal values set are one row of table ``t`` under the columns set (a script of such
        statements is a table)."""
        try:
            matches = list(self._tokens(pos))
        except _Unterminated:
            self._text(self.text[start:])
            return len(self.text)
        end = matches[-1].end() if matches else pos
        toks: list[tuple[str, str]] = []
        starts: list[int] = []
        for m in matches:
            kind, tok = m.lastgroup or "", m.group(m.lastgroup or 0)
            if kind == "word" and tok.endswith("=") and len(tok) > 1 and tok[-2] not in "<>!=:":
                toks += [(kind, tok[:-1]), ("word", "=")]  # name1='…' written without spaces
                starts += [m.start(kind), m.end() - 1]
            else:
                toks.append((kind, tok))
                starts.append(m.start(kind))
        upper = [t.upper() if k == "word" else "" for k, t in toks]
        columns: list[str] = []
        row: list[str] = []
        tail = end  # where the SET list ends: the WHERE clause may name a person too
        if "SET" in upper:
            s_at = upper.index("SET")
            head = [t for (_, t), u in zip(toks[:s_at], upper) if u not in _SET_HEAD_WORDS]
            table = _qualified(head, 0)[0] if head else ""
            depth, i, n = 0, s_at + 1, len(toks)
            while i < n:
                kind, tok = toks[i]
                if kind == "p" and tok in "()":
                    depth += 1 if tok == "(" else -1
                elif depth == 0 and (upper[i] in _SET_END or tok == ";"):
                    tail = starts[i]
                    break
                # col = 'literal', then "," or the end of the SET list
                if depth == 0 and kind in ("word", "ident") and i + 2 < n and toks[i + 1] == ("word", "=") \
                        and toks[i + 2][0] in ("str", "estr") and \
                        (i + 3 >= n or toks[i + 3][1] in (",", ";") or upper[i + 3] in _SET_END):
                    columns.append(_bare(tok).rsplit(".", 1)[-1])
                    row.append(self._literal(toks[i + 2][1]))
                    i += 3
                    continue
                i += 1
        if not columns:
            self._text(self.text[start:end])
            return max(end, start + 1)
        # WHERE name = '佐藤 花子': the row whose values are set, a field of the same record.
        for j in range(i + 1, len(toks) - 2):
            kind, tok = toks[j]
            if kind in ("word", "ident") and toks[j + 1] == ("word", "=") and toks[j + 2][0] in ("str", "estr") \
                    and upper[j - 1] in ("WHERE", "AND") and (j + 3 >= len(toks) or toks[j + 3][1] == ";"
                                                                or upper[j + 3] in ("AND", "OR", "LIMIT")):
                col = _bare(tok).rsplit(".", 1)[-1]
                if col not in columns:
                    columns.append(col)
                    row.append(self._literal(toks[j + 2][1]))
        self._add_row(self._table(table), columns, row)
        self._text(self.text[tail:end])
        return max(end, start + 1)

    # -- INSERT ----------------------------------------------------------------------------

    def _insert(self, pos: int, start: int) -> int:
        """INSERT [IGNORE] INTO name [(columns)] VALUES (…), (…) [ON …];"""
        text = self.text
        head: list[str] = []
        columns: list[str] | None = None
        after_keyword = pos
        tokens = self._tokens(pos)
        try:
            for m in tokens:
                kind, tok = m.lastgroup, m.group(m.lastgroup or 0)
                if kind == "word" and columns is None and tok.upper() == "SET":
                    return self._update(after_keyword, start)  # MySQL's INSERT INTO t SET a = '…'
                if kind == "p" and tok == "(" and head and columns is None and head[-1].upper() != "VALUES":
                    columns = self._name_list(tokens)
                    continue
                head.append(tok)
                if kind == "word" and tok.upper() in ("VALUES", "VALUE"):
                    pos = m.end()
                    break
                if kind == "p" and tok == ";" or kind == "word" and tok.upper() == "SELECT":
                    # INSERT … SELECT (no literal rows): read as text.
                    end = m.end() if tok == ";" else self._statement_end(m.end())
                    self._text(text[start:end])
                    return end
            else:
                self._text(text[start:])
                return len(text)
        except _Unterminated:
            self._text(text[start:])
            return len(text)
        upper = [h.upper() for h in head]
        i = upper.index("INTO") + 1 if "INTO" in upper else 0
        while i < len(head) and upper[i] in _INSERT_MODIFIERS:
            i += 1
        name = _qualified(head, i)[0] if i < len(head) and upper[i] not in ("VALUES", "VALUE") else ""
        return self._rows(pos, start, self._table(name), columns)

    def _name_list(self, tokens: Iterator[re.Match[str]]) -> list[str]:
        names: list[str] = []
        for m in tokens:
            tok = m.group(m.lastgroup or 0)
            if m.lastgroup == "p" and tok == ")":
                break
            if m.lastgroup != "p":
                names.append(_bare(tok))
        return names

    def _rows(self, pos: int, start: int, table: _Table, columns: list[str] | None) -> int:
        """The value rows after VALUES, up to the end of the statement."""
        text, n = self.text, 0
        while True:
            pos = self._past_comments(pos)
            row_start = pos
            m = self.row.match(text, pos)
            if m is not None:
                self._add_row(table, columns, self._simple_row(m.group(1)))
                pos = m.end()
            else:
                try:
                    row, pos = self._complex_row(pos)
                except _Unterminated:
                    self._text(text[row_start:])
                    return len(text)
                if row is None:
                    break
                self._add_row(table, columns, row)
            n += 1
            if n % 5000 == 0:
                self.ctx.check_time()
            pos = self._past_comments(pos)
            sep = self.token.match(text, pos)
            if sep is not None and sep.lastgroup == "p" and sep.group("p") == ",":
                pos = sep.end()
                continue
            break
        nxt = self.token.match(text, pos)
        if nxt is not None and nxt.lastgroup == "p" and nxt.group("p") == ";":
            return nxt.end()
        if nxt is None or nxt.lastgroup != "word" or nxt.group("word").upper() not in ("ON", "RETURNING"):
            # No semicolon (SQL Server scripts, a cut file): the statement ends with its rows,
            # and whatever follows is read as statements of its own.
            return max(pos, start + 1)
        # ON DUPLICATE KEY UPDATE …, ON CONFLICT … RETURNING …
        try:
            end = self._statement_end(pos)
        except _Unterminated:
            self._text(text[pos:])
            return len(text)
        tail = text[pos:end].strip().rstrip(";").strip()
        if tail:
            self._text(tail)
        return max(end, start + 1)

    def _past_comments(self, pos: int) -> int:
        """Past the comments between rows (-- 会員ID 1の注文); they are scanned as text."""
        while True:
            m = self.token.match(self.text, pos)
            if m is None or m.lastgroup not in ("cmt", "hash"):
                return pos
            self._text(m.group(m.lastgroup))
            pos = m.end()

    def _simple_row(self, values: str) -> list[str]:
        """The values of a row without calls or introducers (the hot path: one regex, no tokens)."""
        row = []
        for quoted, word in self.value.findall(values):
            if word:
                upper = word[:2].upper()
                row.append("" if upper == "0X" or word.upper() == "NULL" else word)
            elif "\\" in quoted or "''" in quoted:
                row.append(self._literal(f"'{quoted}'"))
            else:
                row.append(quoted)
        return row

    def _complex_row(self, pos: int) -> tuple[list[str] | None, int]:
        """A row with function calls, casts or binary introducers: token by token."""
        text = self.text
        m = self.token.match(text, pos)
        if m is None or m.lastgroup != "p" or m.group("p") != "(":
            return None, pos
        pos = m.end()
        row: list[str] = []
        value: list[tuple[str, str]] = []
        depth = 1
        while True:
            m = self.token.match(text, pos)
            if m is None or m.end() == pos:
                raise _Unterminated(pos)
            kind = m.lastgroup or ""
            if kind == "bad":
                raise _Unterminated(m.start(kind))
            tok = m.group(kind)
            pos = m.end()
            if kind in ("cmt", "hash"):
                continue
            if kind == "p":
                if tok == "(":
                    depth += 1
                elif tok == ")":
                    depth -= 1
                    if depth == 0:
                        row.append(self._compound(value))
                        return row, pos
                elif tok == "," and depth == 1:
                    row.append(self._compound(value))
                    value = []
                    continue
                elif tok == ";":
                    raise _Unterminated(m.start(kind))
            value.append((kind, tok))

    def _compound(self, value: list[tuple[str, str]]) -> str:
        """One value made of several tokens: '1990-01-01'::date, _binary '…', CAST(… AS …)."""
        words = [t.upper() for k, t in value if k == "word"]
        if any(w in ("_BINARY", "X", "B") or w.startswith("0X") for w in words):
            return ""  # binary data is not text
        # In a row of values a double-quoted token is a string even where the dialect reads it
        # as an identifier: ("0001", "山田太郎") in a script that MySQL alone would accept.
        value = [("str", t) if k == "ident" and t.startswith('"') else (k, t) for k, t in value]
        strings = [t for k, t in value if k in ("str", "estr")]
        if len(strings) == 1:
            return self._literal(strings[0])
        return " ".join(self._literal(t) if k in ("str", "estr") else t for k, t in value)

    def _literal(self, tok: str) -> str:
        """A value as written in a row: strings unescaped, NULL and hex blobs empty."""
        if not tok:
            return ""
        c = tok[0]
        if c == "'" or (c in "Ee" and len(tok) > 1 and tok[1] == "'"):
            backslashes = self.mysql or c != "'"
            body = tok[1:-1] if c == "'" else tok[2:-1]
            if "''" in body:
                body = body.replace("''", "'")
            if backslashes and "\\" in body:
                body = _ESCAPE.sub(lambda e: _MYSQL_ESCAPES.get(e.group(1), e.group(1)), body)
            return body
        if c == '"':  # a MySQL string in double quotes
            body = tok[1:-1].replace('""', '"')
            return _ESCAPE.sub(lambda e: _MYSQL_ESCAPES.get(e.group(1), e.group(1)), body) if "\\" in body else body
        upper = tok.upper()
        if upper == "NULL" or upper.startswith("0X"):
            return ""
        return tok

    # -- COPY … FROM stdin (pg_dump's default) -------------------------------------------------

    def _copy(self, pos: int, start: int) -> int:
        text = self.text
        try:
            tokens = list(self._tokens(pos))
        except _Unterminated:
            self._text(text[start:])
            return len(text)
        words = [m.group(m.lastgroup or 0) for m in tokens]
        if not tokens or "STDIN" not in (w.upper() for w in words):
            return self._other(start)
        name, i = _qualified(words, 0)
        columns: list[str] | None = None
        if i < len(words) and words[i] == "(" and ")" in words[i:]:
            columns = [_bare(w) for w in words[i + 1:words.index(")", i)] if w != ","]
        table = self._table(name)
        nl = text.find("\n", tokens[-1].end())
        pos = len(text) if nl < 0 else nl + 1
        n = 0
        while pos < len(text):
            nl = text.find("\n", pos)
            end = len(text) if nl < 0 else nl
            line = text[pos:end].rstrip("\r")
            pos = end + 1
            if line == "\\.":
                break
            self._add_row(table, columns, [_copy_field(f) for f in line.split("\t")])
            n += 1
            if n % 5000 == 0:
                self.ctx.check_time()
        return min(pos, len(text))

    # -- CREATE TABLE / ALTER TABLE: column names and foreign keys --------------------------------

    def _definition(self, start: int) -> int:
        try:
            # A CREATE TABLE runs straight into the next statement in a script written
            # without semicolons (SQL Server style, a classroom exercise): once the table's
            # parentheses have closed, a word that opens a statement ends the definition,
            # so the rows after it are read as rows.
            stops = _STATEMENT_WORDS if _CREATE_TABLE.match(self.text, start) else frozenset()
            tokens = list(self._tokens(start, stops))
        except _Unterminated:
            self._text(self.text[start:])
            return len(self.text)
        end = tokens[-1].end() if tokens else start + 1
        words = [(m.lastgroup or "", m.group(m.lastgroup or 0)) for m in tokens]
        upper = [t.upper() if k == "word" else t for k, t in words]
        if len(upper) > 2 and upper[0] == "CREATE" and "TABLE" in upper[1:4] and "(" in upper:
            i = upper.index("TABLE") + 1
            while upper[i] in ("IF", "NOT", "EXISTS"):
                i += 1
            name, j = _qualified([t for _, t in words], i)
            self._create_table(name, words[upper.index("(", j) + 1:])
        elif upper[:2] == ["ALTER", "TABLE"] and "FOREIGN" in upper:
            i = 2
            while upper[i] in ("ONLY", "IF", "EXISTS"):
                i += 1
            name, j = _qualified([t for _, t in words], i)
            self._foreign_keys(_bare(name), words[j:])
        elif not (upper[:1] == ["CREATE"] and any(w in upper[1:4] for w in ("INDEX", "UNIQUE", "SEQUENCE"))):
            self._text(self.text[start:end])  # a view, a function…: text
        return max(end, start + 1)

    def _create_table(self, raw_name: str, body: list[tuple[str, str]]) -> None:
        table = self._table(raw_name)
        columns: list[str] = []
        for item in _split_items(body):
            if not item:
                continue
            first = item[0][1].upper() if item[0][0] == "word" else ""
            if first in _CONSTRAINT_WORDS:
                self._constraint(table, item)
                continue
            column = _bare(item[0][1])
            columns.append(column)
            upper = [t.upper() for _, t in item]
            if "PRIMARY" in upper and table.primary_key is None:
                table.primary_key = column
            if "REFERENCES" in upper:
                i = upper.index("REFERENCES")
                parent, parent_col = _reference(item[i + 1:])
                if parent:
                    self.keys.append(_ForeignKey(_bare(raw_name), column, parent, parent_col))
        table.columns = columns or None

    def _constraint(self, table: _Table, item: list[tuple[str, str]]) -> None:
        upper = [t.upper() for _, t in item]
        if "PRIMARY" in upper and "(" in upper:
            names = _names_in_parens(item[upper.index("(") :])
            if len(names) == 1:
                table.primary_key = names[0]
        if "FOREIGN" in upper:
            self._foreign_keys(table.name, item)

    def _foreign_keys(self, child: str, item: list[tuple[str, str]]) -> None:
        upper = [t.upper() for _, t in item]
        for i, w in enumerate(upper):
            if w == "FOREIGN" and i + 1 < len(upper) and upper[i + 1] == "KEY":
                columns = _names_in_parens(item[upper.index("(", i):])
                if "REFERENCES" not in upper[i:]:
                    continue
                r = upper.index("REFERENCES", i)
                parent, parent_col = _reference(item[r + 1:])
                if parent and len(columns) == 1:
                    self.keys.append(_ForeignKey(_bare(child), columns[0], parent, parent_col))

    # -- rows, text and the end of the dump ---------------------------------------------------

    def _table(self, raw_name: str) -> _Table:
        key = _bare(raw_name).lower()
        table = self.tables.get(key)
        if table is None:
            table = self.tables[key] = _Table(_bare(raw_name))
        return table

    def _add_row(self, table: _Table, columns: list[str] | None, row: list[str]) -> None:
        header = columns or (table.columns if table.columns and len(table.columns) == len(row) else None)
        if table.rows and header is not table.header and header != table.header:
            self._flush(table)  # another column list: the rows so far go out under theirs
        table.header = header
        table.rows.append(row)
        self.held += len(row)
        if len(table.rows) >= ROWS_PER_PART:
            self._flush(table)
        elif self.held > HOLD_CELLS:
            self._flush(max(self.tables.values(), key=lambda t: len(t.rows)))

    def _flush(self, table: _Table) -> None:
        if table.rows:
            self.out.append(TablePart(table.rows, table.header, table.name))
            self.held -= sum(len(r) for r in table.rows)
            table.rows = []
            table.flushed = True

    def _text(self, s: str) -> None:
        if s.strip():
            self.leftover.append(s)
            self.leftover_chars += len(s)
            if self.leftover_chars >= _TEXT_FLUSH:
                self.out.append(TextPart("\n".join(self.leftover)))
                self.leftover, self.leftover_chars = [], 0

    def _drain(self) -> Parts:
        if self.out:
            out, self.out = self.out, []
            yield from out

    def _finish(self) -> Parts:
        for table in self.tables.values():
            # Rows inserted before their CREATE TABLE get its column names now.
            if table.rows and table.header is None and table.columns and len(table.columns) == len(table.rows[0]):
                table.header = table.columns
        for part in _joined(self.tables, self.keys):
            yield part
        if self.leftover:
            yield TextPart("\n".join(self.leftover))
        yield from self._drain()


class _Unterminated(ValueError):
    """A string or identifier that never ends, starting at ``pos``."""

    def __init__(self, pos: int) -> None:
        super().__init__(pos)
        self.pos = pos


def _copy_field(f: str) -> str:
    r"""A field of COPY text format: \N is NULL, backslash escapes (\t, \n, \\, octal)."""
    if f == "\\N":
        return ""
    if "\\" not in f:
        return f

    def one(m: re.Match[str]) -> str:
        if m.group(1):
            return chr(int(m.group(1), 8))
        if m.group(2):
            return chr(int(m.group(2), 16))
        return {"b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t", "v": "\v"}.get(m.group(3), m.group(3))

    return _COPY_ESCAPE.sub(one, f)


def _split_items(body: list[tuple[str, str]]) -> list[list[tuple[str, str]]]:
    """The comma-separated items of a CREATE TABLE body (tokens after its opening paren)."""
    items: list[list[tuple[str, str]]] = [[]]
    depth = 0
    for kind, tok in body:
        if kind == "p":
            if tok == "(":
                depth += 1
            elif tok == ")":
                if depth == 0:
                    break
                depth -= 1
            elif tok == "," and depth == 0:
                items.append([])
                continue
        items[-1].append((kind, tok))
    return items


def _names_in_parens(tokens: list[tuple[str, str]]) -> list[str]:
    names: list[str] = []
    for kind, tok in tokens[1:]:
        if kind == "p" and tok == ")":
            break
        if kind != "p":
            names.append(_bare(tok))
    return names


def _reference(tokens: list[tuple[str, str]]) -> tuple[str, str | None]:
    """(parent table, parent column or None) after REFERENCES."""
    if not tokens or tokens[0][0] == "p":
        return "", None
    name, j = _qualified([t for _, t in tokens], 0)
    cols = _names_in_parens(tokens[j:]) if j < len(tokens) and tokens[j] == ("p", "(") else []
    return _bare(name), (cols[0] if len(cols) == 1 else None)


def _joined(tables: dict[str, _Table], keys: list[_ForeignKey]) -> Iterator[TablePart]:
    """Held tables, each child joined into its parent where a relation is plain."""
    relations: list[tuple[_Table, int, _Table, int]] = []
    joined_children: set[str] = set()
    candidates = [(k.child, k.column, k.parent, k.parent_column) for k in keys]
    # The naming rule: addresses.user_id → users.id (or users' primary key).
    by_singular = {_singular(name): t for name, t in tables.items()}
    for t in tables.values():
        for column in t.header or []:
            low = column.lower()
            if low.endswith("_id") and low[:-3] in by_singular:
                candidates.append((t.name, column, by_singular[low[:-3]].name, None))
    for child_name, column, parent_name, parent_col in candidates:
        child, parent = tables.get(child_name.lower()), tables.get(parent_name.lower())
        if child is None or parent is None or child is parent or child.name in joined_children:
            continue
        if child.flushed or parent.flushed or not child.header or not parent.header or not child.rows:
            continue
        lower_child = [c.lower() for c in child.header]
        lower_parent = [c.lower() for c in parent.header]
        key = (parent_col or parent.primary_key or "id").lower()
        if column.lower() not in lower_child or key not in lower_parent:
            continue
        relations.append((child, lower_child.index(column.lower()), parent, lower_parent.index(key)))
        joined_children.add(child.name)
    leftovers: dict[str, list[list[str]]] = {}
    for child, ci, parent, pi in relations:
        groups: dict[str, list[list[str]]] = {}
        short: list[list[str]] = []
        for row in child.rows:
            if ci < len(row):
                groups.setdefault(row[ci].strip(), []).append(row)
            else:
                short.append(row)
        keep = [i for i in range(len(child.header or [])) if i != ci]
        added = [(child.header or [])[i] for i in keep]
        taken = {c.lower() for c in parent.header or []}
        added = [c if c.lower() not in taken else f"{child.name}.{c}" for c in added]
        empty = [""] * len(keep)
        new_rows = []
        for row in parent.rows:
            matches = groups.get(row[pi].strip()) if pi < len(row) else None
            if matches:
                first = matches.pop(0)
                new_rows.append(row + [first[i] if i < len(first) else "" for i in keep])
            else:
                new_rows.append(row + empty)
        parent.rows = new_rows
        parent.header = (parent.header or []) + added
        # Children beyond the first per person, and those without one, stay rows of their own.
        leftovers[child.name] = [r for rows in groups.values() for r in rows] + short
    for table in tables.values():
        if table.name in leftovers:
            if leftovers[table.name]:
                yield TablePart(leftovers[table.name], table.header, table.name)
        elif table.rows:
            yield TablePart(table.rows, table.header, table.name)

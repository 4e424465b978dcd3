"""JSON and JSON Lines: arrays of objects become tables with the keys as their header.

An export of records is an array of objects, at the top level (``[{…}, …]``), under a key
(``{"users": […]}``) or one key deeper (``{"data": {"users": […]}}``), or one object per line
(JSON Lines). Each becomes a table whose header is the keys, nested objects flattened with
dotted keys (``address.city``), so the column checks judge it as they judge a sheet. An array
of arrays is a table too (its first row may be a header). Everything else in the document
(scalars beside the records, other values) is scanned as ``key: value`` text.

Memory stays bounded: the decoder reads one element at a time (``raw_decode``), rows go out
in batches, and a file over :data:`MAX_JSON_BYTES` is read as plain text in chunks. Malformed
JSON never raises: what was read so far stays read, the rest is scanned as plain text.
"""

from __future__ import annotations

import json
import re
from typing import Any, Iterator

from tokki_desktop.scanner.extract import Parts, ScanContext, TablePart, TextPart, split_table
from tokki_desktop.scanner.extract.plain_text import detect_encoding, extract_text

# A JSON file is decoded whole (one str) to read it element by element; beyond this size it
# is read as chunked plain text instead, which keeps a 200 MB file from taking 1 GB.
MAX_JSON_BYTES = 64 * 1024 * 1024
ROWS_PER_PART = 20_000
# Arrays of records are looked for at the top level and at most this many keys below it.
_RECORD_DEPTH = 2
# Nested objects inside a record are flattened this deep (address.city, a.b.c…); deeper
# values are kept as text in the cell of the last flattened key.
_FLATTEN_DEPTH = 4
_LEFTOVER_FLUSH = 1024 * 1024
_WS = re.compile(r"[ \t\n\r]*")
# A flat object (no nested object or array) within the first _FLAT_PEEK characters: the
# shape of one record in an object of records keyed by id (Firebase and similar exports).
_FLAT_OBJECT = re.compile(r'\{(?:[^{}\[\]"]++|"(?:[^"\\]++|\\.)*+")*+\}')
_FLAT_PEEK = 64 * 1024
_DECODER = json.JSONDecoder()


class _Malformed(ValueError):
    """The JSON stops making sense at ``pos``; the rest is scanned as text."""

    def __init__(self, pos: int) -> None:
        super().__init__(pos)
        self.pos = pos


def extract_json(data: bytes, ctx: ScanContext) -> Parts:
    """Tables of the records in a JSON or JSON Lines file, and its other values as text."""
    if len(data) > MAX_JSON_BYTES:
        yield from extract_text(data, ctx)
        return
    text = data.decode(detect_encoding(data), "replace").lstrip("\ufeff")
    if len(text) <= _ONE_OBJECT_CHARS and text.lstrip()[:1] == "{":
        yield from _people_objects(text)
    reader = _Reader(text, ctx)
    try:
        yield from reader.document()
    except (_Malformed, ValueError, RecursionError, IndexError) as exc:
        # Unterminated strings, 10,000 nested brackets, a truncated file: what was read is
        # kept, and everything after the last complete element is scanned as text.
        yield from reader.flush_leftovers()
        pos = exc.pos if isinstance(exc, _Malformed) else reader.done
        if text[pos:].strip():
            yield TextPart(text[pos:])
        return
    yield from reader.flush_leftovers()


# A document that is one object (a mock user, an API response): read whole when this small.
_ONE_OBJECT_CHARS = 256 * 1024
# How deep a person's object is looked for inside it (``{"user": {"first_name": …}}``).
_PERSON_DEPTH = 3


def _people_objects(text: str) -> Parts:
    """The objects of a one-object document that are a person's record (a field named as a
    person's name and one more of a person's fields: ``{"firstName": …, "email": …}``), as
    a table; an array of three or more objects is left to the table reading below."""
    from tokki_desktop.scanner.extract.code_records import tabulate

    try:
        doc = json.loads(text)
    except (ValueError, RecursionError):
        return
    found: list[tuple[int, int, dict[str, str]]] = []

    def walk(obj: Any, depth: int) -> None:
        if isinstance(obj, dict):
            flat = {str(k): _cell(v) for k, v in obj.items()
                    if isinstance(v, (str, int, float)) and not isinstance(v, bool)}
            if len(flat) >= 2:
                found.append((0, 0, flat))
            if depth < _PERSON_DEPTH:
                for v in obj.values():
                    walk(v, depth + 1)
        elif isinstance(obj, list) and len(obj) < 3 and depth < _PERSON_DEPTH:
            for v in obj:
                walk(v, depth + 1)

    walk(doc, 0)
    people = [g for g in found if _is_person(g[2])]
    if people:
        header, rows, _ = tabulate(people, "", spans=True)
        if rows:
            yield TablePart(rows, header)


def _is_person(fields: dict[str, str]) -> bool:
    from tokki_desktop.scanner.extract.code_records import _person_object

    return _person_object(fields)


class _Reader:
    """Walks one JSON text; ``done`` is where the text has been fully accounted for."""

    def __init__(self, text: str, ctx: ScanContext) -> None:
        self.text = text
        self.ctx = ctx
        self.done = 0
        self.leftovers: list[str] = []
        self.leftover_chars = 0

    def skip(self, i: int) -> int:
        return _WS.match(self.text, i).end()  # type: ignore[union-attr]

    def document(self) -> Parts:
        text = self.text
        i = self.skip(0)
        if i >= len(text):
            return
        if text[i] == "{" and self._is_json_lines(i):
            yield from self._json_lines(i)
            return
        i = yield from self._value(i, "", 0)
        self.done = i
        i = self.skip(i)
        if i < len(text):
            # Concatenated documents or trailing garbage: read as text, not lost.
            raise _Malformed(i)

    def _is_json_lines(self, i: int) -> bool:
        nl = self.text.find("\n", i)
        if nl < 0:
            return False
        try:
            first, end = _DECODER.raw_decode(self.text[i:nl].rstrip("\r \t"))
        except ValueError:
            return False
        nxt = self.skip(nl)
        return isinstance(first, dict) and nxt < len(self.text) and self.text[nxt] == "{"

    def _json_lines(self, i: int) -> Parts:
        text = self.text
        rows: list[dict[str, str]] = []
        pos = i
        n = 0
        while pos < len(text):
            nl = text.find("\n", pos)
            end = len(text) if nl < 0 else nl
            line = text[pos:end].strip()
            if line:
                try:
                    obj = json.loads(line)
                except (ValueError, RecursionError):
                    obj = None
                if isinstance(obj, dict):
                    rows.append(_flatten(obj))
                else:
                    self._leftover(line)
            pos = end + 1
            n += 1
            if len(rows) >= ROWS_PER_PART or n % 2000 == 0:
                self.ctx.check_time()
                if len(rows) >= ROWS_PER_PART:
                    yield _records_table(rows, "")
                    rows = []
            self.done = min(pos, len(text))
        if rows:
            yield _records_table(rows, "")

    def _value(self, i: int, path: str, depth: int) -> Iterator[TablePart | TextPart]:
        """Parts of the value at ``i``; returns (via StopIteration) the index after it."""
        text = self.text
        c = text[i]
        if c == "[" and depth <= _RECORD_DEPTH:
            first = self.skip(i + 1)
            if first < len(text) and text[first] in "{[":
                return (yield from self._array(i, path))
        if c == "{" and depth < _RECORD_DEPTH:
            return (yield from self._object(i, path, depth))
        value, end = _DECODER.raw_decode(text, i)
        self._leftover(f"{path}: {_cell(value)}" if path else _cell(value))
        if self.leftover_chars >= _LEFTOVER_FLUSH:
            yield from self.flush_leftovers()
        return end

    def _object(self, i: int, path: str, depth: int) -> Iterator[TablePart | TextPart]:
        text = self.text
        i = self.skip(i + 1)
        if text[i] == "}":
            return i + 1
        # Flat objects among the members are records keyed by id ({"u1": {…}, "u2": {…}},
        # Firebase and similar exports) when there are two or more of them.
        keyed: list[tuple[str, dict[str, str]]] = []
        try:
            while True:
                if text[i] != '"':
                    raise _Malformed(self.done)
                key, i = _DECODER.raw_decode(text, i)
                i = self.skip(i)
                if text[i] != ":":
                    raise _Malformed(self.done)
                i = self.skip(i + 1)
                if text[i] == "{" and _FLAT_OBJECT.match(text, i, i + _FLAT_PEEK):
                    value, i = _DECODER.raw_decode(text, i)
                    keyed.append((str(key), _flatten(value)))
                    if len(keyed) >= ROWS_PER_PART:
                        yield from self._keyed_out(keyed, path)
                        keyed = []
                else:
                    i = yield from self._value(i, f"{path}.{key}" if path else str(key), depth + 1)
                self.done = i
                i = self.skip(i)
                if text[i] == ",":
                    i = self.skip(i + 1)
                    continue
                if text[i] == "}":
                    break
                raise _Malformed(self.done)
        except (ValueError, RecursionError, IndexError):
            yield from self._keyed_out(keyed, path)
            raise
        yield from self._keyed_out(keyed, path)
        return i + 1

    def _keyed_out(self, keyed: list[tuple[str, dict[str, str]]], path: str) -> Parts:
        if len(keyed) >= 2:
            yield _records_table([{"key": key, **record} for key, record in keyed], path)
            return
        for key, record in keyed:  # one object alone is no table: its values as text
            prefix = f"{path}.{key}" if path else key
            for field_name, value in record.items():
                self._leftover(f"{prefix}.{field_name}: {value}")

    def _array(self, i: int, name: str) -> Iterator[TablePart | TextPart]:
        """An array of objects (records) or of arrays (rows), read one element at a time."""
        text = self.text
        records: list[dict[str, str]] = []
        rows: list[list[str]] = []
        i = self.skip(i + 1)
        n = 0
        try:
            while text[i] != "]":
                element, i = _DECODER.raw_decode(text, i)
                if isinstance(element, dict) and element.get("type") == "Feature" and isinstance(
                        element.get("properties"), dict):
                    # GeoJSON (open data): a feature's record is its properties; the geometry
                    # is coordinates, not text about anyone.
                    element = element["properties"]
                if isinstance(element, dict):
                    records.append(_flatten(element))
                elif isinstance(element, list):
                    rows.append([_cell(v) for v in element])
                else:
                    self._leftover(f"{name}: {_cell(element)}" if name else _cell(element))
                self.done = i
                i = self.skip(i)
                if text[i] == ",":
                    i = self.skip(i + 1)
                elif text[i] != "]":
                    raise _Malformed(self.done)
                n += 1
                if n % 2000 == 0:
                    self.ctx.check_time()
                if len(records) >= ROWS_PER_PART:
                    yield _records_table(records, name)
                    records = []
                if len(rows) >= ROWS_PER_PART:
                    yield TablePart(rows, None, name)
                    rows = []
        except (ValueError, RecursionError, IndexError):
            # Rows read before a damaged element are scanned all the same.
            yield from self._rows_out(records, rows, name)
            raise
        yield from self._rows_out(records, rows, name)
        return i + 1

    def _rows_out(self, records: list[dict[str, str]], rows: list[list[str]], name: str) -> Parts:
        fields = _field_list(records)
        if fields is not None:
            for label, value in fields:
                self._leftover(f"{label}: {value}")
        elif records:
            yield _records_table(records, name)
        if rows:
            yield from split_table(rows, name)

    def _leftover(self, line: str) -> None:
        self.leftovers.append(line)
        self.leftover_chars += len(line)

    def flush_leftovers(self) -> Parts:
        if self.leftovers:
            yield TextPart("\n".join(self.leftovers))
        self.leftovers = []
        self.leftover_chars = 0


# A short array of {label, value} objects is one object's fields written out, not a table:
# a résumé site's personalDetails ({label: "birth date", value: …}), its contacts ({type:
# "email", label: "…@…"}). The key naming the field, then the key holding its value.
_FIELD_LIST_MAX = 30
_FIELD_NAME_KEYS = ("key", "field", "type", "kind", "label", "title")
_FIELD_VALUE_KEYS = ("value", "text", "label", "link", "url")
_FIELD_LIST_KEYS = frozenset(_FIELD_NAME_KEYS + _FIELD_VALUE_KEYS + ("sortOrder", "order", "id", "icon"))


def _field_list(records: list[dict[str, str]]) -> list[tuple[str, str]] | None:
    """(field, value) of each object when ``records`` is a list of fields, else None."""
    if not records or len(records) > _FIELD_LIST_MAX:
        return None
    keys = set().union(*records)
    if not keys <= _FIELD_LIST_KEYS:
        return None
    label_key = next((k for k in _FIELD_NAME_KEYS if all(k in r for r in records)), None)
    value_key = next((k for k in _FIELD_VALUE_KEYS if k != label_key and all(k in r for r in records)), None)
    if label_key is None or value_key is None:
        return None
    return [(r[label_key], r[value_key]) for r in records]


def _records_table(records: list[dict[str, str]], name: str) -> TablePart:
    """One table over records whose keys may differ: the header is every key, in first-seen order."""
    header: dict[str, None] = {}
    for rec in records:
        for key in rec:
            if key not in header:
                header[key] = None
    keys = list(header)
    return TablePart([[rec.get(k, "") for k in keys] for rec in records], keys, name)


def _flatten(obj: dict[str, Any], prefix: str = "", depth: int = 0,
             out: dict[str, str] | None = None) -> dict[str, str]:
    """A record as flat ``{dotted.key: text}`` (``{"address": {"city": …}}`` → ``address.city``)."""
    out = {} if out is None else out
    for key, value in obj.items():
        full = f"{prefix}{key}"
        if isinstance(value, dict) and value and depth < _FLATTEN_DEPTH:
            _flatten(value, f"{full}.", depth + 1, out)
        else:
            out[full] = _cell(value)
    return out


def _cell(value: Any) -> str:
    """A JSON value as the text a spreadsheet would show (lists and objects: their values)."""
    if isinstance(value, str):
        return value
    if value is None:
        return ""
    if value is True or value is False:
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)
    # A list or a deep object: its scalar values in order, without recursion (any depth).
    out: list[str] = []
    stack: list[Any] = [value]
    while stack:
        v = stack.pop()
        if isinstance(v, dict):
            stack.extend(reversed(list(v.values())))
        elif isinstance(v, list):
            stack.extend(reversed(v))
        else:
            s = _cell(v)
            if s:
                out.append(s)
    return " / ".join(out)

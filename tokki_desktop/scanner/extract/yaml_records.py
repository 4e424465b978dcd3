"""YAML and TOML data files (fixtures, seeds, lists of people) read as the data they hold.

A Rails fixture (``taro:`` / ``  name: Taro Yamada`` / ``  birthday: 1990-01-01``), a list of
members (``- name: …`` / ``  email: …``), a TOML array of tables (``[[members]]``) hold
records exactly as a JSON file does: they are parsed (PyYAML's safe loader, the standard
library's tomllib) and handed to the JSON reader (:mod:`json_records`), so arrays of
objects and objects of records keyed by id become tables with their keys as header. The
text as written is scanned too, as before: the layout rules (a résumé's ``name:`` field
under its title) and the comments read it.

Nothing is executed (``safe_load`` builds only plain data). A file that does not parse, a
file over :data:`MAX_BYTES`, or one with more aliases than :data:`MAX_ALIASES` or whose
aliases would expand past :data:`MAX_VALUES` values (a "billion laughs" document) is read as
plain text instead: nothing is left unread.
"""

from __future__ import annotations

import datetime
import json
import re
from typing import Any

from tokki_desktop.scanner.extract import Parts, ScanContext, TablePart, TextPart
from tokki_desktop.scanner.extract.json_records import extract_json
from tokki_desktop.scanner.extract.plain_text import detect_encoding, extract_text

# Data files of this kind are small; a larger one is read as plain text (chunked).
MAX_BYTES = 4 * 1024 * 1024
MAX_ALIASES = 200
# Values once aliases are written out: past this the document is read as text.
MAX_VALUES = 500_000
_ALIAS = re.compile(r"(?:^|[\s\[{,:-])\*[^\s\[\]{},]+", re.MULTILINE)


def _plain(value: Any) -> Any:
    """JSON's value for what YAML or TOML parsed: dates and times as written, keys as text."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, (datetime.date, datetime.time)):
        return value.isoformat()
    if isinstance(value, (bytes, bytearray)):
        return ""  # !!binary: no text
    return value


def _expanded_size(value: Any, memo: dict[int, int]) -> int:
    """How many values ``value`` holds once its aliases are written out (shared nodes are
    counted from the memo, so a "billion laughs" document is measured without expanding it)."""
    if not isinstance(value, (dict, list)):
        return 1
    known = memo.get(id(value))
    if known is not None:
        return known
    memo[id(value)] = 1  # a node that holds itself (&a [*a]) counts once
    items = value.values() if isinstance(value, dict) else value
    size = 1 + sum(_expanded_size(v, memo) for v in items)
    memo[id(value)] = size
    return size


def _load(text: str, toml: bool) -> Any:
    if toml:
        import tomllib

        return tomllib.loads(text)
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    docs = [d for d in yaml.load_all(text, Loader=loader) if d is not None]
    return docs[0] if len(docs) == 1 else docs


def extract_yaml(data: bytes, ctx: ScanContext, toml: bool = False) -> Parts:
    """Tables of the records a YAML (or TOML) file holds, its other values and comments as text."""
    if len(data) > MAX_BYTES:
        yield from extract_text(data, ctx)
        return
    text = data.decode(detect_encoding(data), "replace").lstrip("\ufeff")
    if not toml and "*" in text and len(_ALIAS.findall(text)) > MAX_ALIASES:
        yield from extract_text(data, ctx)
        return
    try:
        import yaml

        errors: tuple[type[BaseException], ...] = (yaml.YAMLError, ValueError, RecursionError, TypeError)
    except ImportError:  # pragma: no cover - a declared dependency
        errors = (ValueError, RecursionError, TypeError)
    try:
        loaded = _load(text, toml)
        if "*" in text and _expanded_size(loaded, {}) > MAX_VALUES:
            raise ValueError("aliases expand past the cap")
        doc = _plain(loaded)
        payload = json.dumps(doc, ensure_ascii=False)
    except errors:
        # Not YAML after all (a template with {{ }}, a broken file): its text is scanned.
        yield from extract_text(data, ctx)
        return
    ctx.check_time()
    if not isinstance(doc, (dict, list)) or not doc:
        yield from extract_text(data, ctx)
        return
    for part in extract_json(payload.encode("utf-8"), ctx):
        if isinstance(part, TablePart):
            yield part
    # The document as written, for the rules that read a layout (a résumé's title and
    # ``name:`` field, an addressee's lines) and for its comments.
    yield TextPart(text)

"""vCard address books (RFC 2426 / 6350, and the 2.1 of Japanese phones): each card a record.

A phone's or a mail program's contacts export is ``BEGIN:VCARD`` … ``END:VCARD`` blocks of
``PROPERTY;params:value`` lines; a long line goes on in lines starting with a space or a tab.
A card is an individual's contact by the format's own definition (``N`` holds the family and
given names), so each card with a name is one record of the fields it gives; the column
checks judge the table, and the text is scanned as well. A card of an organisation alone
(``ORG`` with no ``N``/``FN``, or ``KIND:org``) is no person's.

vCard 2.1 writes non-ASCII values as quoted-printable in the charset a parameter names
(``N;CHARSET=SHIFT_JIS;ENCODING=QUOTED-PRINTABLE:=8E=52=93=63;=91=BE=98=59``): they are
decoded here, or the names would reach the checks as ``=8E=52…``.
"""

from __future__ import annotations

import codecs
import quopri

from tokki_desktop.scanner.extract import Parts, ScanContext, TablePart, TextPart
from tokki_desktop.scanner.extract.plain_text import detect_encoding

MAX_BYTES = 16 * 1024 * 1024
# The card's properties by the field they hold (the column checks' header words).
_FIELDS = {"FN": "full_name", "TEL": "tel", "EMAIL": "email", "ADR": "address", "BDAY": "birthday",
           "X-PHONETIC-LAST-NAME": "last_name_kana", "X-PHONETIC-FIRST-NAME": "first_name_kana",
           "SOUND": "kana", "NOTE": "note"}


def _unfolded(text: str) -> list[str]:
    lines: list[str] = []
    for line in text.splitlines():
        if line[:1] in (" ", "\t") and lines:
            lines[-1] += line[1:]
        elif lines and lines[-1].endswith("=") and "QUOTED-PRINTABLE" in lines[-1].upper():
            lines[-1] = lines[-1][:-1] + line  # a quoted-printable soft line break
        else:
            lines.append(line)
    return lines


def _value(params: list[str], raw: str) -> str:
    upper = [p.upper() for p in params]
    if "ENCODING=QUOTED-PRINTABLE" in upper or "QUOTED-PRINTABLE" in upper:
        charset = next((p.split("=", 1)[1] for p in params if p.upper().startswith("CHARSET=")), "utf-8")
        try:
            codecs.lookup(charset)
        except LookupError:
            charset = "utf-8"
        raw = quopri.decodestring(raw.encode("ascii", "replace")).decode(charset, "replace")
    return raw.replace("\\,", ",").replace("\\;", ";").replace("\\n", " ").replace("\\N", " ").strip()


def _cards(text: str) -> list[dict[str, str]]:
    cards: list[dict[str, str]] = []
    card: dict[str, str] | None = None
    for line in _unfolded(text):
        head, sep, raw = line.partition(":")
        if not sep:
            continue
        name, *params = head.split(";")
        name = name.rsplit(".", 1)[-1].strip().upper()  # item1.TEL → TEL
        if name == "BEGIN" and raw.strip().upper() == "VCARD":
            card = {}
        elif name == "END" and card is not None:
            cards.append(card)
            card = None
        elif card is not None:
            value = _value(params, raw)
            if name == "N":
                parts = value.split(";")
                card.setdefault("last_name", parts[0].strip())
                card.setdefault("first_name", parts[1].strip() if len(parts) > 1 else "")
            elif name == "ADR":
                card.setdefault("address", " ".join(p.strip() for p in reversed(value.split(";")) if p.strip()))
            elif name == "KIND":
                card.setdefault("kind", value.lower())
            elif name in _FIELDS and value:
                card.setdefault(_FIELDS[name], value)
    return cards


def looks_like_vcard(data: bytes) -> bool:
    """A file that starts as a vCard (after a byte-order mark and blank lines)."""
    return data[:64].lstrip(b"\xef\xbb\xbf\r\n\t ").upper().startswith(b"BEGIN:VCARD")


def extract_vcard(data: bytes, ctx: ScanContext) -> Parts:
    """The cards of people as a table of records, then the file's text."""
    text = data[:MAX_BYTES].decode(detect_encoding(data[:65536]), "replace")
    ctx.check_time()
    rows: list[dict[str, str]] = []
    for card in _cards(text):
        if card.pop("kind", "individual") not in ("individual", ""):
            continue  # a card of a group, an organisation, a place
        if not (card.get("last_name") or card.get("first_name") or card.get("full_name")):
            continue
        rows.append({k: v for k, v in card.items() if v})
    if rows:
        header = list(dict.fromkeys(k for r in rows for k in r))
        yield TablePart([[r.get(k, "") for k in header] for r in rows], header, "vcard")
    yield TextPart(text)

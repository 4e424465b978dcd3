"""LDIF directory exports (RFC 2849): each entry is one record of its attributes.

An address book or a user directory exported from LDAP is blocks of ``attribute: value``
lines separated by blank lines (``cn: Taro Yamada``, ``mail: …``, ``telephoneNumber: …``);
a value may be base64 (``attr:: …``) and a long line goes on in lines starting with a space.
The attribute names are the standard schema's (RFC 4519, inetOrgPerson), named here by the
field they are (``cn`` a name, ``sn`` a surname, ``mail`` an e-mail…), so the entries are
judged by the column checks as a table of records; the text is scanned as well.
"""

from __future__ import annotations

import base64
import binascii

from tokki_desktop.scanner.extract import Parts, ScanContext, TablePart, TextPart
from tokki_desktop.scanner.extract.plain_text import detect_encoding

# The person's attributes of the standard schema, by the field they hold.
_FIELDS = {
    "cn": "name", "commonname": "name", "displayname": "full_name", "sn": "last_name", "surname": "last_name",
    "givenname": "first_name", "gn": "first_name", "mail": "email", "rfc822mailbox": "email",
    "telephonenumber": "tel", "mobile": "mobile", "mobiletelephonenumber": "mobile", "homephone": "tel",
    "hometelephonenumber": "tel", "postaladdress": "address", "homepostaladdress": "address",
    "street": "street", "postalcode": "postal_code", "l": "city", "birthdate": "birthday",
}
MAX_BYTES = 16 * 1024 * 1024


def _entries(text: str) -> list[dict[str, str]]:
    entries: list[dict[str, str]] = []
    entry: dict[str, str] = {}
    last = ""
    for line in text.splitlines():
        if not line.strip():
            if entry:
                entries.append(entry)
            entry, last = {}, ""
            continue
        if line.startswith("#"):
            continue
        if line.startswith(" ") and last:
            entry[last] += line[1:]  # a folded line goes on
            continue
        attr, sep, value = line.partition(":")
        if not sep:
            continue
        attr = attr.split(";", 1)[0].strip().lower()  # cn;lang-ja → cn
        if value.startswith(":"):
            try:
                value = base64.b64decode(value[1:].strip(), validate=True).decode("utf-8", "replace")
            except (binascii.Error, ValueError):
                value = ""
        last = attr
        entry.setdefault(attr, value.strip())
    if entry:
        entries.append(entry)
    return entries


def extract_ldif(data: bytes, ctx: ScanContext) -> Parts:
    """The directory's person entries as a table of records, then the file's text."""
    text = data[:MAX_BYTES].decode(detect_encoding(data[:65536]), "replace")
    ctx.check_time()
    rows: list[dict[str, str]] = []
    for entry in _entries(text):
        fields = {_FIELDS[a]: v for a, v in entry.items() if a in _FIELDS and v}
        if len(fields) >= 2:
            rows.append(fields)
    if rows:
        header = list(dict.fromkeys(k for r in rows for k in r))
        yield TablePart([[r.get(k, "") for k in header] for r in rows], header, "ldif")
    yield TextPart(text)

"""A list of people kept as running text: one whole name a line.

The rule is the table rule (docs/DETECTION.md, 5) for text: three or more lines that hold
nothing but a person's whole name — a surname and a given name, by the dictionary — are a
list of people (a class list pasted into a memo, a staff list in Markdown, attendees one a
line). List marks and numbers before the name (``- ``, ``1. ``, ``・``) are left out; a
line with anything else on it is prose and says nothing here. Surnames alone name no one.
"""

from __future__ import annotations

import re

from tokki_desktop.scanner.japanese import is_full_name

_LIST_MARK = re.compile(r"^(?:[-*+・•]|\d{1,4}[.)、．]|[(（]\d{1,4}[)）])?\s*")
_NAME_LINE = re.compile(r"[一-龥々〆ヶ]{1,4}[ 　]?[一-龥々〆ヶぁ-んァ-ヶー]{1,4}")
# Lines read for names (a list of people fits in the first lines of a document).
MAX_LINES = 20_000


def names_one_a_line(text: str) -> int:
    """How many distinct whole names stand alone on their lines in ``text``."""
    names: set[str] = set()
    for i, line in enumerate(text.split("\n")):
        if i >= MAX_LINES:
            break
        v = _LIST_MARK.sub("", line.strip()).strip()
        if 2 <= len(v) <= 9 and _NAME_LINE.fullmatch(v) and is_full_name(v):
            names.add(v.replace("　", " "))
    return len(names)

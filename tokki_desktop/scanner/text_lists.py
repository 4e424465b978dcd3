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

# A line of a list mark or number, then 1–4 kanji, a space or none, 1–4 kanji or kana, and
# nothing else. Searched over the whole text at once (in C): the lines that match are few.
# Searched from the line break before each line (the text with one put in front), and the
# name's first letter and length (a kanji, 2–9 characters to the line's end) checked before
# its letters: a pattern anchored by (?m)^ is tried at every character, and the name's two
# runs of kanji are otherwise tried in every split of every line of prose. The white space
# and the list mark before the name are taken possessively: neither can start with what the
# other or the name starts with, so giving them back never finds a match. The matches are
# those of the (?m)^ form; a test compares both.
_NAME_LINE = re.compile(
    r"(?m)\n[ \t　]*+(?:(?:[-*+・•]|\d{1,4}[.)、．]|[(（]\d{1,4}[)）])[ \t　]*)?+"
    r"(?=[一-龥々〆ヶ][^\n]{1,8}[ \t　]*$)([一-龥々〆ヶ]{1,4}[ 　]?[一-龥々〆ヶぁ-んァ-ヶー]{1,4})[ \t　]*$"
)


def names_one_a_line(text: str) -> int:
    """How many distinct whole names stand alone on their lines in ``text``."""
    names: set[str] = set()
    for m in _NAME_LINE.finditer("\n" + text):
        v = m.group(1).replace("　", " ")
        if len(v) >= 2 and v not in names and is_full_name(v):
            names.add(v)
    return len(names)

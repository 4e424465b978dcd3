"""A list of people kept as running text: one whole name a line.

The rule is the table rule (docs/DETECTION.md, 5) for text: three or more lines that hold
nothing but a person's whole name — a surname and a given name, by the dictionary — are a
list of people (a class list pasted into a memo, a staff list in Markdown, attendees one a
line). List marks and numbers before the name (``- ``, ``1. ``, ``・``) are left out; a
line with anything else on it is prose and says nothing here. Surnames alone name no one.
Whole names in romaji (Taro Yamada) count as the table rule reads them. Circled numbers (①)
are list marks too; an honorific (様, さん, 殿) or a short note in brackets
after the name (``山田 太郎（会計）``, the role, as in tables) leaves it a name line.
"""

from __future__ import annotations

import re

from tokki_desktop.scanner.column_types import is_romaji_full_name
from tokki_desktop.scanner.japanese import is_full_name

# A line of a list mark or number, then 1–4 kanji, a space or none, 1–4 kanji or kana, and
# nothing else. Searched over the whole text at once (in C): the lines that match are few.
# Searched from the line break before each line (the text with one put in front), and the
# name's first letter and length (a kanji, at most 61 characters to the line's end: the
# anchored form also took a name followed by any run of white space, never seen) checked before
# its letters: a pattern anchored by (?m)^ is tried at every character, and the name's two
# runs of kanji are otherwise tried in every split of every line of prose. The white space
# and the list mark before the name are taken possessively: neither can start with what the
# other or the name starts with, so giving them back never finds a match. The matches are
# those of the (?m)^ form; a test compares both.
_NAME_LINE = re.compile(
    r"(?m)\n[ \t　]*+(?:(?:[-*+・•]|\d{1,4}[.)、．]|[(（]\d{1,4}[)）]|[\u2460-\u2473]|\d{1,2}(?=[ \t　]*[一-龥々]))[ \t　]*)?+"
    r"(?=[一-龥々〆ヶ][^\n]{1,60}$)"
    # Implied by the rest of the pattern, and checked before the name because it fails fast: up to a
    # bracketed note, the line holds a name in at most two runs of letters, then spaces and an
    # honorific (a date, a figure, a table row of several cells or a
    # punctuated sentence is rejected in one possessive pass instead of by backtracking
    # through every split of surname and given name: six times faster on office PDFs).
    r"(?=[一-龥々〆ヶ][一-龥々〆ヶぁ-んァ-ヶー]*+(?:[ 　][一-龥々〆ヶぁ-んァ-ヶー]*+)?[ \t　]*+(?:様|さん|殿)?[ \t　]*+"
    r"(?:[(（][^\n]*+)?$)"
    r"([一-龥々〆ヶ]{1,4}[ 　]?(?:(?!様|殿|さん)[一-龥々〆ヶぁ-んァ-ヶー]){1,4})[ \t　]*(?:様|さん|殿)?"
    r"(?:[ \t　]*[(（][^()（）\n]{1,12}[)）])?[ \t　]*$"
)


# The same in romaji: two capitalised words (Taro Yamada, SATO Hanako), checked against the
# syllables of Japanese as a table's romaji name column is (New York, John Smith fail them).
_ROMAJI_LINE = re.compile(
    r"(?m)^[ \t]*(?:(?:[-*+•]|\d{1,4}[.)])[ \t]*)?([A-Z][A-Za-z]{1,14} [A-Z][A-Za-z]{1,14})[ \t]*$"
)


def names_one_a_line(text: str) -> int:
    """How many distinct whole names stand alone on their lines in ``text``."""
    names: set[str] = set()
    for m in _NAME_LINE.finditer("\n" + text):
        v = m.group(1).replace("　", " ")
        if len(v) >= 2 and v not in names and is_full_name(v):
            names.add(v)
    if "\n" in text:
        names.update(v for v in set(_ROMAJI_LINE.findall(text)) if is_romaji_full_name(v))
    return len(names)

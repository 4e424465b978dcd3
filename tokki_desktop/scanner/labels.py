"""Address labels and postcards whose addressee is written in parts, one part a line.

The rule: an **addressee block** is 様 or 殿 alone on a line, right after one to three short
lines that together spell a person's name (surname, given name: 磯野 / 波平 / 様), with an
address (a prefecture, or a municipality with its block numbers) within a few lines around
it, or the same parts in the cells of one row (浜田 | 健一 | 様). That is one person with
their address, whatever laid the parts out: the cells of a label sheet, the ``<div>`` s of a postcard template in HTML, the text boxes of a PDF, a
LaTeX label class. A 様 after a role or a group (保護者 様, 担当者 様) names no one.
"""

from __future__ import annotations

import re

from tokki_desktop.scanner.japanese import is_full_name, is_person_name
from tokki_desktop.scanner.names import surnames

_HONORIFIC_LINE = frozenset({"様", "殿", "さま", "御中"})
_PART = re.compile(r"[一-龥々〆ヶぁ-んァ-ヶー]{1,6}")
_PREFECTURE = re.compile(r"^(?:北海道|東京都|京都府|大阪府|[一-龥]{2,3}県)")
_BLOCK_NUMBERS = re.compile(r"[市区町村郡].{0,16}?(?:\d|[一二三四五六七八九〇十][ー\-][一二三四五六七八九〇十])")
# How far from the name an address is looked for, in lines.
ADDRESS_LINES = 4


def _address_line(line: str) -> bool:
    return bool(_PREFECTURE.match(line) or _BLOCK_NUMBERS.search(line))


def _spelled_name(parts: list[str]) -> str | None:
    """The name the parts spell (surname first), or None."""
    if not 1 <= len(parts) <= 2 or not all(_PART.fullmatch(p) for p in parts):
        return None
    name = " ".join(parts)
    if len(parts) == 2 and (is_full_name(name) or is_person_name(name) or parts[0] in surnames()):
        return name
    if len(parts) == 1 and 3 <= len(parts[0]) <= 6 and is_full_name(parts[0]):
        return name
    return None


def _row_addressee(kept: list[str], i: int) -> list[str]:
    """The name spelled by row ``i``'s cells before its 様 (a label sheet: 浜田 | 健一 | 様)."""
    cells = [c.strip() for c in kept[i].split("\t") if c.strip()]
    for width in (2, 1):
        name = _spelled_name(cells[-1 - width:-1]) if len(cells) > width else None
        if name is not None:
            around = kept[max(0, i - ADDRESS_LINES):i] + kept[i + 1:i + 1 + ADDRESS_LINES]
            return [name] if any(_address_line(ln) for ln in around) else []
    return []


# What every addressee block has: an honorific that ends its line and starts it or a cell
# (white space aside). One search over the text with a line break put in front tells the
# letters that have none (佐藤 直樹 様: the honorific after the name on one line), which then
# need no list of their lines.
_HONORIFIC_ALONE = re.compile(r"[\n\t][^\S\n]*(?:様|殿|さま|御中)[^\S\n]*(?:\n|\Z)")


def addressees(text: str) -> list[str]:
    """The names of the addressee blocks in ``text`` (see the module's rule)."""
    if "様" not in text and "殿" not in text:
        return []
    if _HONORIFIC_ALONE.search("\n" + text) is None:
        return []
    lines = [ln.strip() for ln in text.split("\n")]
    # Blank lines say nothing about a label's layout (HTML leaves many between its blocks).
    kept = [ln for ln in lines if ln]
    found: list[str] = []
    for i, line in enumerate(kept):
        if line not in _HONORIFIC_LINE:
            # Most lines: no honorific closes them, and no cell list is made for them.
            if "\t" in line and line.rsplit("\t", 1)[-1].strip() in _HONORIFIC_LINE:
                found.extend(_row_addressee(kept, i))
            continue
        if i == 0:
            continue
        for width in (2, 1):
            if i - width < 0:
                continue
            name = _spelled_name(kept[i - width:i])
            if name is None:
                continue
            around = kept[max(0, i - width - ADDRESS_LINES):i - width] + kept[i + 1:i + 1 + ADDRESS_LINES]
            if any(_address_line(ln) for ln in around):
                found.append(name)
            break
    return found

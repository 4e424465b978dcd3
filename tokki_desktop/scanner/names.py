"""Lists of common Japanese surnames and given names, the clue for names without a label."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources


def _load(name: str) -> frozenset[str]:
    text = resources.files("tokki_desktop.scanner").joinpath("data", name).read_text("utf-8")
    words: set[str] = set()
    for line in text.splitlines():
        if line.startswith("#"):
            continue
        words.update(line.split())
    return frozenset(words)


@lru_cache(maxsize=1)
def surnames() -> frozenset[str]:
    """Common surnames (漢字)."""
    return _load("surnames.txt")


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """Common given names (漢字 or かな)."""
    return _load("given_names.txt")


def starts_with_surname(text: str) -> bool:
    """True when ``text`` begins with a listed surname (longest first: 佐々木 before 佐), and
    is longer than a one-character one."""
    names = surnames()
    # Written out (no generator): the honorific pass asks this at every 様 of a letter.
    n = len(text)
    return n >= 2 and ((n >= 3 and text[:3] in names) or text[:2] in names or text[:1] in names)

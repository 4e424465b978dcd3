"""Turning the data a form is filled with into the text printed on it.

Resolves keys (``record.name``), prints dates in 和暦, and checks every character
against the font: a character the font cannot draw (a rare kanji variant, an emoji) is
printed as 〓 and *reported* by field label and code point, never silently dropped.
The reports hold labels and code points only — never the value itself.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from tokki_desktop.forms import fonts
from tokki_desktop.forms.model import Kind
from tokki_desktop.wareki import format_wareki, format_wareki_datetime

_MISSING = object()
# Variation selectors (IVS / SVS): IPAex has no variant glyphs, so the base character is
# printed and the selector reported.
_SELECTORS = re.compile("[\ufe00-\ufe0f\U000e0100-\U000e01ef]")
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f]")


@dataclass
class Findings:
    """What went wrong while filling a form, for the caller to show (no values inside)."""

    missing: list[str] = field(default_factory=list)  # labels of required values left empty
    unsupported: list[str] = field(default_factory=list)  # "label: U+20BB7"

    def add_missing(self, label: str) -> None:
        if label not in self.missing:
            self.missing.append(label)


def lookup(data: Mapping[str, object], key: str) -> object:
    """The value at a dotted ``key`` (``record.name``); ``None`` when any part is absent."""
    cur: object = data
    for part in key.split("."):
        if isinstance(cur, Mapping):
            cur = cur.get(part, _MISSING)
        else:
            cur = getattr(cur, part, _MISSING)
        if cur is _MISSING or cur is None:
            return None
    return cur


def _as_date(value: object) -> dt.date | dt.datetime | None:
    if isinstance(value, dt.datetime | dt.date):
        return value
    if isinstance(value, str) and value.strip():
        text = value.strip()
        try:
            return dt.datetime.fromisoformat(text) if "T" in text or " " in text else dt.date.fromisoformat(text)
        except ValueError:
            return None
    return None


def format_value(value: object, kind: Kind, *, seireki: bool = False, choices: tuple[str, ...] = ()) -> str:
    """The printed text of ``value``; an empty string means "nothing to print"."""
    if value is None:
        return "" if kind != "choice" else "　".join(f"□{c}" for c in choices)
    if kind == "date":
        day = _as_date(value)
        return format_wareki(day, with_seireki=seireki) if day is not None else str(value)
    if kind == "datetime":
        moment = _as_date(value)
        if isinstance(moment, dt.datetime):
            return format_wareki_datetime(moment, with_seireki=seireki)
        return format_wareki(moment, with_seireki=seireki) if moment is not None else str(value)
    if kind in ("count", "people"):
        if isinstance(value, bool) or not isinstance(value, int | float):
            return str(value)
        return f"{value:,}{'件' if kind == 'count' else '人'}"
    if kind == "yesno":
        if isinstance(value, str):
            return value
        return "あり" if value else "なし"
    if kind == "okng":
        if isinstance(value, str):
            return value
        return "良" if value else "否"
    if kind == "choice":
        return "　".join(("■" if str(value) == c else "□") + c for c in choices)
    if isinstance(value, list | tuple):
        return "、".join(str(v) for v in value if v not in (None, ""))
    if isinstance(value, dt.datetime):
        return format_wareki_datetime(value, with_seireki=seireki)
    if isinstance(value, dt.date):
        return format_wareki(value, with_seireki=seireki)
    if isinstance(value, bool):
        return "あり" if value else "なし"
    return str(value)


class Printer:
    """Prepares text for the page: font coverage, control characters, findings."""

    def __init__(self, data: Mapping[str, object], findings: Findings) -> None:
        self.data = data
        self.findings = findings
        self.seireki = bool(lookup(data, "profile.seireki_in_brackets"))
        self._glyphs = fonts.glyph_set()

    def value(self, key: str, kind: Kind, label: str, *, choices: tuple[str, ...] = ()) -> str:
        """The printable text at ``key``, made safe for the font."""
        text = format_value(lookup(self.data, key), kind, seireki=self.seireki, choices=choices)
        return self.clean(text, label)

    def clean(self, text: str, label: str) -> str:
        """Replace what the font cannot draw with 〓 and report it under ``label``."""
        if not text:
            return text
        text = text.replace("\t", " ")
        if _CONTROLS.search(text):
            text = _CONTROLS.sub("", text)
        if _SELECTORS.search(text):
            for sel in _SELECTORS.findall(text):
                self._report(label, sel)
            text = _SELECTORS.sub("", text)
        glyphs = self._glyphs
        if all(ord(c) in glyphs or c == "\n" for c in text):
            return text
        out = []
        for c in text:
            if c == "\n" or ord(c) in glyphs:
                out.append(c)
            else:
                self._report(label, c)
                out.append(fonts.SUBSTITUTE)
        return "".join(out)

    def _report(self, label: str, char: str) -> None:
        entry = f"{label}: U+{ord(char):04X}"
        if entry not in self.findings.unsupported:
            self.findings.unsupported.append(entry)

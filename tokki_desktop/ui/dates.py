"""Dates as people read them: 和暦 in Japanese (令和8年11月26日), ISO dates in English.

A contract may ask for the western year in brackets (「西暦を併記」: 令和8年（2026年）11月26日);
screens pass ``seireki`` from :meth:`ScreenContext.seireki`, which reads the contract profile.
"""

from __future__ import annotations

import datetime as dt

from tokki_desktop.wareki import format_wareki, format_wareki_datetime


def show_date(value: object, lang: str, *, seireki: bool = False) -> str:
    """A stored date, date-time or ISO string for the screen ('' for nothing).

    ``seireki``: the western year in brackets after the era year (Japanese only; English
    dates are western already).
    """
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        text = value
        try:
            value = dt.datetime.fromisoformat(text) if len(text) > 10 else dt.date.fromisoformat(text)
        except ValueError:
            return text  # not a date after all: show it as stored
    if isinstance(value, dt.datetime):
        local = value.astimezone() if value.tzinfo is not None else value
        return format_wareki_datetime(local, with_seireki=seireki) if lang == "ja" else local.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, dt.date):
        return format_wareki(value, with_seireki=seireki) if lang == "ja" else value.isoformat()
    return str(value)

"""Dates and moments as compliance messages print them, for every part that adds rules.

``message_ja`` reads 和暦 (令和8年11月27日 10時12分), ``message_en`` ISO-like (2026-11-27 10:12);
``Finding.due`` keeps the machine value. The monitor's rules can use :func:`when` too.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from tokki_desktop.wareki import format_wareki, format_wareki_datetime


def when(value: dt.date | dt.datetime, now: dt.datetime, contract: Mapping[str, Any] | None = None, *,
         with_time: bool = True) -> tuple[str, str]:
    """A date or moment as the two messages print it: (和暦 for Japanese, ISO-like for English).

    Moments are shown in the zone of ``now``, the terminal's clock (stored values may carry
    another offset, e.g. typed elsewhere or written in UTC), so that "10時12分" is the time on
    the wall. The contract's 西暦併記 setting adds the western year in brackets, as on its forms.
    ``Finding.due`` stays the machine-readable value; only the words change.
    """
    seireki = bool(contract and contract.get("seireki_in_brackets"))
    if isinstance(value, dt.datetime):
        moment = value.astimezone(now.tzinfo) if now.tzinfo is not None else value.astimezone()
        if with_time:
            return format_wareki_datetime(moment, with_seireki=seireki), moment.strftime("%Y-%m-%d %H:%M")
        value = moment.date()
    return format_wareki(value, with_seireki=seireki), value.isoformat()

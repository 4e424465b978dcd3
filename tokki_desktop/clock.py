"""The clock, behind a tiny interface so that rules and tests can move time."""

from __future__ import annotations

import datetime as dt
import time
from typing import Protocol


class Clock(Protocol):
    """Anything that tells the current time (aware datetime) and a monotonic count."""

    def now(self) -> dt.datetime: ...

    def monotonic(self) -> float: ...


class SystemClock:
    """The real clock, in the terminal's local time zone."""

    def now(self) -> dt.datetime:
        return dt.datetime.now().astimezone()

    def monotonic(self) -> float:
        return time.monotonic()


class FixedClock:
    """A clock for tests: starts at ``start`` and moves only when told to."""

    def __init__(self, start: dt.datetime) -> None:
        if start.tzinfo is None:
            start = start.replace(tzinfo=dt.timezone(dt.timedelta(hours=9)))
        self._now = start
        self._mono = 1000.0

    def now(self) -> dt.datetime:
        return self._now

    def monotonic(self) -> float:
        return self._mono

    def advance(self, seconds: float) -> None:
        self._now += dt.timedelta(seconds=seconds)
        self._mono += seconds


def iso(t: dt.datetime) -> str:
    """The one timestamp format stored in the ledger (ISO 8601 with offset, ms)."""
    return t.isoformat(timespec="milliseconds")

"""No silent gaps: the monitor's start, heartbeat and stop, and the gaps between runs.

At start the monitor compares the previous run's last sign of life and the machine's boot
time with now. A stretch of a running terminal without the monitor (killed, stopped, started
late after boot) longer than the tolerance is recorded as a gap, which the compliance
status reports.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

HEARTBEAT_SECONDS = 300.0
# Two missed heartbeats and a minute of slack before silence counts as a gap.
TOLERANCE = dt.timedelta(seconds=2 * HEARTBEAT_SECONDS + 60)
# Boot times read twice differ by a second or so; the same boot within this.
SAME_BOOT = dt.timedelta(seconds=30)


@dataclass(frozen=True)
class Gap:
    """A stretch without the monitor: from, to, and why (killed, stopped, officer_stop, started_late)."""

    start: dt.datetime
    end: dt.datetime
    reason: str


def _t(value: object) -> dt.datetime | None:
    return dt.datetime.fromisoformat(str(value)) if value else None


def gaps_at_start(previous: Mapping[str, Any] | None, boot_at: dt.datetime, now: dt.datetime,
                  tolerance: dt.timedelta = TOLERANCE) -> list[Gap]:
    """The gaps a starting monitor must record, given the previous run's row."""
    found: list[Gap] = []
    same_boot = False
    if previous is not None:
        prev_boot = _t(previous.get("boot_at"))
        same_boot = prev_boot is not None and abs(prev_boot - boot_at) <= SAME_BOOT
        last_alive = _t(previous.get("stopped_at")) or _t(previous.get("last_heartbeat_at")) \
            or _t(previous.get("started_at"))
        if same_boot and last_alive is not None and now - last_alive > tolerance:
            kind = previous.get("stop_kind")
            reason = {"officer": "officer_stop", "shutdown": "stopped"}.get(str(kind), "killed")
            found.append(Gap(last_alive, now, reason))
    if not same_boot and previous is not None and now - boot_at > tolerance:
        # The terminal ran since boot without the monitor (a first run ever is set-up time).
        found.append(Gap(boot_at, now, "started_late"))
    return found


def boot_time() -> dt.datetime:
    """When this machine booted (local time zone)."""
    import psutil

    return dt.datetime.fromtimestamp(psutil.boot_time()).astimezone()

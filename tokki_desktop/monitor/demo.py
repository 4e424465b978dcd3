"""The monitor's part of the demo ledger: the inventory scans behind the media inspections.

Runs after the registers' populator (it reads the demo media and their inspections). Each
inspection of a removable medium gets the scan of that medium made that morning, and the watched folders get their
weekly scans for the last six weeks — one of them interrupted, as happens when a terminal is
shut down mid-scan — so that the 媒体点検記録 and the 棚卸しスキャン結果 show real evidence.
Only counts and times are recorded, as the monitor itself records them.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from tokki_desktop.monitor.inventory import InventoryResult, record
from tokki_desktop.registers import repository

#: Files found on each kind of removable medium at its inspection (plausible, fixed: the demo is
#: repeatable). A PC is not a removable medium: the monitor cannot make a medium scan of it
#: (its folders have the weekly scan), so the demo makes none either.
_FILES = {"usb": (42, 6, 6, 0), "hdd": (1_830, 0, 1_830, 2)}
#: The watched folders: weekly files, personal data (all within approvals), encrypted, unreadable.
_ROOTS = (9_812, 4, 11, 3)
_WEEKS = 6


def _at(day: dt.date, hour: int, minute: int, tz: dt.tzinfo) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, hour, minute, tzinfo=tz)


def populate(session: Any) -> None:
    """Record the demo's inventory scans (the officer's session of a fresh demo ledger)."""
    now = session.clock.now()
    tz = now.tzinfo or dt.UTC
    media = {int(m["id"]): m for m in repository.list_records(session, "media")}
    for inspection in repository.list_records(session, "media_inspections"):
        medium = media.get(int(inspection["media_id"])) if inspection.get("media_id") is not None else None
        if medium is None:
            continue
        counts = _FILES.get(str(medium.get("media_type")))
        if counts is None:
            continue
        day = dt.date.fromisoformat(str(inspection["inspected_on"]))
        files, personal, encrypted, unreadable = counts
        start = _at(day, 9, 5, tz)
        minutes = max(1, files // 400)
        record(session, InventoryResult(
            "medium", str(medium["control_no"]), start.isoformat(),
            (start + dt.timedelta(minutes=minutes)).isoformat(), files=files, personal_data=personal,
            encrypted=encrypted, unreadable=unreadable, complete=True, media_id=int(medium["id"])))
    for week in range(_WEEKS, 0, -1):
        day = now.date() - dt.timedelta(days=7 * week)
        start = _at(day, 12, 30, tz)
        interrupted = week == 3  # the terminal was shut down during the lunch-time scan
        files, personal, encrypted, unreadable = _ROOTS
        if interrupted:
            files, personal, encrypted, unreadable = files // 3, 1, 4, 1
        files += (_WEEKS - week) * 17  # the folders grow a little week by week
        record(session, InventoryResult(
            "roots", "監視フォルダ / watched folders", start.isoformat(),
            (start + dt.timedelta(minutes=8 if interrupted else 24)).isoformat(), files=files,
            personal_data=personal, encrypted=encrypted, unreadable=unreadable, complete=not interrupted))

"""The monitor's part of the demo ledger: the inventory scans behind the media inspections.

Runs after the registers' populator (it reads the demo media and their inspections). Each
inspection of a removable medium gets the scan of that medium made that morning, and the watched folders get their
weekly scans for the last six weeks — one of them interrupted, as happens when a terminal is
shut down mid-scan — so that the 媒体点検記録 and the 棚卸しスキャン結果 show real evidence.
Only counts and times are recorded, as the monitor itself records them.

The demo also has a watched folder of its own (``<demo folder>-監視フォルダ（デモ）``, beside the
demo's data folder) with an
invented resident list saved there without an approval: the real monitor is run over it once,
so the 検知 screen, the tray and the dashboard's Art. 5 show a real detection, made the way
every detection is made (scan, policy, encrypted spool, ledger). A newcomer can save another
file there and watch the monitor find it.
"""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path
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
#: The demo's watched folder (beside the ledger's files, in the demo's own data folder).
WATCHED_FOLDER = "監視フォルダ（デモ）"
WATCHED_PLACE = "デモ端末 共有フォルダ"
#: Invented residents (names and numbers of no one; the phone numbers are fictitious 0120 ones).
_DEMO_LIST = (
    "氏名,フリガナ,住所,電話番号,生年月日\n"
    "小金 一郎,コガネ イチロウ,東京都小金井市本町9-9-1,0120-000-001,1961-02-03\n"
    "桜 花子,サクラ ハナコ,東京都小金井市桜町9-9-2,0120-000-002,1972-04-05\n"
    "緑 次郎,ミドリ ジロウ,東京都小金井市緑町9-9-3,0120-000-003,1983-06-07\n"
)
_DEMO_FILES = {"課税資料_入力待ち一覧.csv": _DEMO_LIST,
               "メモ.txt": "作業手順の確認メモ（個人情報なし）。\n"}
log = logging.getLogger(__name__)


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
    watched_folder_with_a_detection(session)


def demo_watched_folder(data_dir: Path) -> Path:
    """Beside the demo's data folder: the monitor never scans its own folder (ledger, spool)."""
    return data_dir.with_name(f"{data_dir.name}-{WATCHED_FOLDER}")


def watched_folder_with_a_detection(session: Any, timeout: float = 30.0) -> Path:
    """Make the demo's watched folder, save the invented list there, run the monitor once over it."""
    from tokki_desktop.monitor.service import Monitor, MonitorOptions
    from tokki_desktop.monitor.settings import add_folder

    folder = demo_watched_folder(Path(session.data_dir))
    folder.mkdir(exist_ok=True)
    add_folder(session, folder, WATCHED_PLACE)
    monitor = Monitor(session, options=MonitorOptions(quiet=0.1, import_every=0.2, inventory=False,
                                                      heartbeat=3600, refresh_every=3600))
    monitor.start()
    try:
        # Saved while the monitor watches, as a handler would save it: the monitor sees the file
        # arrive (a real watchdog event), scans it and records what its policy decides.
        for name, text in _DEMO_FILES.items():
            (folder / name).write_text(text, encoding="utf-8")
        found = _wait_for_detection(session, monitor, timeout)
        if not found:  # a slow machine: the app's own monitor finds it at the next start
            log.warning("demo: the monitor found nothing in the demo folder within %.0f s", timeout)
    finally:
        # Stopped as an officer stops it: the next start records the pause honestly.
        monitor.stop(kind="officer", by=session.user.login)
    return folder


def _wait_for_detection(session: Any, monitor: Any, timeout: float) -> bool:
    import time

    end = time.monotonic() + timeout
    while time.monotonic() < end:
        monitor.wait_idle(1.0)
        row = session.ledger.read_one("SELECT count(*) FROM monitor_detections")
        if row is not None and int(row[0]) > 0:
            return True
        time.sleep(0.1)
    return False

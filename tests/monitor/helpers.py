"""Shared helpers of the monitor tests: a resident roster, waiting, a fast monitor."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tokki_desktop.monitor.events import MonitorEvent
from tokki_desktop.monitor.media import ListedMedia
from tokki_desktop.monitor.service import Monitor, MonitorOptions

# Values that must never appear outside the scanned files themselves.
SECRETS = ("山田", "123456789018", "本町1-2-3", "042-387-9999")

ROSTER = (
    "氏名,フリガナ,個人番号,住所,電話番号,生年月日\n"
    "山田 太郎,ヤマダ タロウ,123456789018,東京都小金井市本町1-2-3,042-387-9999,1980-01-02\n"
    "佐藤 花子,サトウ ハナコ,234567890124,東京都小金井市緑町2-3-4,042-381-1234,1975-05-06\n"
    "鈴木 一郎,スズキ イチロウ,345678901230,東京都小金井市前原町3-4-5,042-383-5678,1990-07-08\n"
)

FAST = MonitorOptions(quiet=0.2, workers=2, reconcile_every=3600, heartbeat=3600, import_every=0.2,
                      refresh_every=0.3, media_interval=0.1, health_every=0.2,
                      inventory=False)


def write_roster(path: Path, extra: str = "") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(ROSTER + extra, encoding="utf-8")
    return path


def wait_for(cond: Callable[[], Any], timeout: float = 10.0) -> Any:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        value = cond()
        if value:
            return value
        time.sleep(0.02)
    return cond()


class Collected:
    """Events from a monitor, for assertions."""

    def __init__(self) -> None:
        self.events: list[MonitorEvent] = []

    def __call__(self, e: MonitorEvent) -> None:
        self.events.append(e)

    def kinds(self) -> list[str]:
        return [e.kind for e in self.events]


def start_monitor(session: Any, media: ListedMedia | None = None) -> tuple[Monitor, Collected]:
    mon = Monitor(session, media=media or ListedMedia(), options=FAST)
    got = Collected()
    mon.subscribe(on_event=got)
    mon.start()
    return mon, got


def open_detections(session: Any) -> list[dict[str, Any]]:
    from tokki_desktop.monitor import records

    return records.detections(session.ledger, open_only=True)

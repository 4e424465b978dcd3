"""Inventory scans: a full scan of the watched folders (weekly by default) or of one
registered medium when it is inspected — the evidence of the periodic inspection (Art. 6(2)).

Unlike watching, an inventory ignores the "already scanned" index: it reads every file
again, so its counts stand on their own as a record of that day. The result row names
counts only; files holding personal data are the monitor's detections.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from tokki_desktop.monitor import records, settings
from tokki_desktop.monitor.errors import MonitorError
from tokki_desktop.monitor.folders import walk_files
from tokki_desktop.monitor.media import MediaSource, system_media_source
from tokki_desktop.monitor.scanning import (
    ENCRYPTED,
    PERSONAL_DATA,
    SKIPPED,
    UNREADABLE,
    FileVerdict,
    scan,
)


class NotAMedium(MonitorError):
    """The folder given for a medium inventory is not a mounted removable medium."""

    def __init__(self, where: str) -> None:
        super().__init__(f"「{where}」に接続された記録媒体が見つかりません。",
                         f"No removable medium is mounted at {where}.")


@dataclass
class InventoryResult:
    """Counts of one inventory scan."""

    kind: str
    target: str
    started_at: str
    finished_at: str
    files: int = 0
    personal_data: int = 0
    encrypted: int = 0
    unreadable: int = 0
    complete: bool = True
    media_id: int | None = None
    seconds: float = 0.0

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)

    def summary(self, lang: str = "ja") -> str:
        if lang == "en":
            return (f"inventory of {self.target}: {self.files} files, {self.personal_data} with personal data, "
                    f"{self.encrypted} encrypted, {self.unreadable} unreadable"
                    + ("" if self.complete else " (interrupted)"))
        return (f"{self.target} の棚卸し検査: {self.files} 件、個人情報 {self.personal_data} 件、"
                f"暗号化 {self.encrypted} 件、読めないもの {self.unreadable} 件" + ("" if self.complete else "（中断）"))


def run(kind: str, target: str, roots: list[Path], scanner: Callable[[Path], FileVerdict],
        now: Callable[[], dt.datetime], *, still_there: Callable[[], bool] = lambda: True) -> InventoryResult:
    """Scan every file under ``roots``; stops early (complete=False) when the place goes away."""
    result = InventoryResult(kind, target, now().isoformat(), "")
    t0 = time.monotonic()
    for root in roots:
        for path, _st in walk_files(root):
            if not still_there():
                result.complete = False
                break
            v = scanner(Path(path))
            result.files += 1
            if v.verdict == PERSONAL_DATA:
                result.personal_data += 1
            elif v.verdict == ENCRYPTED:
                result.encrypted += 1
            elif v.verdict in (UNREADABLE, SKIPPED):
                result.unreadable += 1
        if not root.exists():
            result.complete = False
    result.finished_at = now().isoformat()
    result.seconds = time.monotonic() - t0
    return result


def record(session: Any, result: InventoryResult) -> int:
    """Write the inventory result into the ledger (audited) as the session's user."""
    from tokki_desktop.monitor.spool import new_uid

    with session.ledger.transaction(session.user) as tx:
        return tx.insert("monitor_inventory", {
            "record_uid": new_uid(), "kind": result.kind, "target": result.target,
            "media_id": result.media_id, "started_at": result.started_at, "finished_at": result.finished_at,
            "files": result.files, "personal_data": result.personal_data, "encrypted": result.encrypted,
            "unreadable": result.unreadable, "complete": 1 if result.complete else 0}, action="inventory")


def scan_roots(session: Any, *, scanner: Callable[[Path], FileVerdict] | None = None) -> InventoryResult:
    """Inventory every watched folder now, and record it."""
    folders = [Path(r["path"]) for r in settings.watched_folders(session.ledger)]
    result = run("roots", "監視フォルダ / watched folders", folders, scanner or scan, lambda: session.clock.now())
    record(session, result)
    return result


def scan_medium(session: Any, mount_point: Path, *, media: MediaSource | None = None,
                scanner: Callable[[Path], FileVerdict] | None = None) -> InventoryResult:
    """Inventory one mounted medium (its inspection, Art. 6(2)), and record it."""
    source = media or system_media_source()
    found = [m for m in source.current() if Path(m.mount_point) == Path(mount_point)]
    if not found:
        raise NotAMedium(str(mount_point))
    medium = found[0]
    row = records.find_medium(session.ledger, medium.volume_id, medium.device_serial)
    target = row.control_no if row is not None else f"未登録媒体 {medium.describe()}"

    def present() -> bool:
        return any(m.volume_id == medium.volume_id for m in source.current())

    result = run("medium", target, [medium.mount_point], scanner or scan, lambda: session.clock.now(),
                 still_there=present)
    result.media_id = row.id if row is not None else None
    record(session, result)
    return result


def due(ledger: Any, now: dt.datetime) -> bool:
    """Whether the scheduled inventory of the watched folders is due."""
    row = ledger.read_one("SELECT max(finished_at) FROM monitor_inventory WHERE kind = 'roots' AND complete = 1")
    last = row[0] if row is not None else None
    if not last:
        return True
    return now - dt.datetime.fromisoformat(str(last)) >= dt.timedelta(days=settings.inventory_days(ledger))

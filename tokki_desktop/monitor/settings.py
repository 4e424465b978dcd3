"""The monitor's configuration in the ledger: watched folders and officer switches.

Watched folders are rows of ``monitor_folders`` (removed = closed, never deleted); the
switches live in the core ``settings`` table under ``monitor.*`` keys. Every change is an
officer's, audited.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path
from typing import Any

from tokki_desktop.ledger.db import Ledger
from tokki_desktop.monitor.errors import WatchFolderMissing, WatchFolderNotWatched
from tokki_desktop.paths import is_network_path

AUTO_QUARANTINE = "monitor.auto_quarantine"
STOP_REQUEST = "monitor.stop_request"
INVENTORY_DAYS = "monitor.inventory_days"
INVENTORY_DAYS_DEFAULT = 7
# The scanner's choice of whose representative makes a row a person's (see docs/DETECTION.md).
SCANNER_REPRESENTATIVES = "scanner.representatives"


def _norm(path: Path) -> str:
    return os.path.normcase(os.path.abspath(path))


def watched_folders(ledger: Any) -> list[dict[str, Any]]:
    """The open watched-folder rows, oldest first."""
    return [dict(r) for r in ledger.read("SELECT * FROM monitor_folders WHERE closed_at IS NULL ORDER BY id")]


def add_folder(session: Any, folder: Path, place: str | None = None) -> int:
    """An officer adds a folder to watch; network shares are watched by polling."""
    Ledger.require_officer(session.user, "監視フォルダの追加", "add watched folders")
    folder = Path(folder)
    if not folder.is_dir():
        raise WatchFolderMissing(str(folder))
    path = _norm(folder)
    for row in watched_folders(session.ledger):
        if row["path"] == path:
            return int(row["id"])
    remote, _ = is_network_path(folder)
    with session.ledger.transaction(session.user) as tx:
        return tx.insert("monitor_folders", {"path": path, "place": place or folder.name or path,
                                             "polling": 1 if remote else 0}, action="watch_added")


def remove_folder(session: Any, folder: Path) -> None:
    """An officer stops watching a folder (the row is closed, not deleted)."""
    Ledger.require_officer(session.user, "監視フォルダの削除", "remove watched folders")
    path = _norm(Path(folder))
    for row in watched_folders(session.ledger):
        if row["path"] == path:
            with session.ledger.transaction(session.user) as tx:
                tx.update("monitor_folders", int(row["id"]), {
                    "closed_at": tx.now, "closed_by": session.user.login,
                    "close_reason": "watch removed"}, action="watch_removed")
            return
    raise WatchFolderNotWatched(str(folder))


def get_setting(ledger: Any, key: str) -> str | None:
    row = ledger.read_one("SELECT value FROM settings WHERE key = ?", (key,))
    return None if row is None else str(row["value"])


def _put_setting(session: Any, key: str, value: str, action: str) -> None:
    with session.ledger.transaction(session.user) as tx:
        row = tx.read_one("SELECT id FROM settings WHERE key = ?", (key,))
        if row is None:
            tx.insert("settings", {"key": key, "value": value}, action=action)
        else:
            tx.update("settings", int(row["id"]), {"value": value}, action=action)


def auto_quarantine(ledger: Any) -> bool:
    """Whether personal data on unregistered media is moved to quarantine at once."""
    return get_setting(ledger, AUTO_QUARANTINE) == "1"


def set_auto_quarantine(session: Any, on: bool) -> None:
    """An officer turns automatic quarantine for unregistered media on or off."""
    Ledger.require_officer(session.user, "自動隔離の設定", "change automatic quarantine")
    _put_setting(session, AUTO_QUARANTINE, "1" if on else "0", "monitor_auto_quarantine")


def inventory_days(ledger: Any) -> int:
    """Days between scheduled inventory scans (weekly by default)."""
    value = get_setting(ledger, INVENTORY_DAYS)
    return int(value) if value and value.isdigit() and int(value) > 0 else INVENTORY_DAYS_DEFAULT


def representatives(ledger: Any) -> str:
    """Whose name in a representative column (代表者, 開設者) the scanner counts as a person's:
    ``sole_proprietors`` (the default) or ``all``."""
    from tokki_desktop.scanner.result import REPRESENTATIVES_CHOICES, REPRESENTATIVES_SOLE_PROPRIETORS

    value = get_setting(ledger, SCANNER_REPRESENTATIVES)
    return value if value in REPRESENTATIVES_CHOICES else REPRESENTATIVES_SOLE_PROPRIETORS


def set_representatives(session: Any, value: str) -> None:
    """An officer decides whether a corporation's representative is counted as a person too."""
    from tokki_desktop.errors import InvalidInput
    from tokki_desktop.scanner.result import REPRESENTATIVES_CHOICES

    Ledger.require_officer(session.user, "代表者の扱いの設定", "change how representatives are counted")
    if value not in REPRESENTATIVES_CHOICES:
        raise InvalidInput("代表者の扱い", "representatives", f"{' / '.join(REPRESENTATIVES_CHOICES)} のいずれかにしてください",
                           f"must be one of {', '.join(REPRESENTATIVES_CHOICES)}")
    _put_setting(session, SCANNER_REPRESENTATIVES, value, "scanner_representatives")


def scan_limits(ledger: Any) -> Any:
    """The scanner's limits with this site's settings in them (what the monitor scans with)."""
    from tokki_desktop.scanner.result import ScanLimits

    return ScanLimits(representatives=representatives(ledger))


def request_stop(session: Any) -> None:
    """Only an officer may stop the monitor: the request is audited, the monitor obeys it."""
    Ledger.require_officer(session.user, "監視の停止", "stop the monitor")
    value = json.dumps({"at": session.clock.now().isoformat(), "by": session.user.login})
    _put_setting(session, STOP_REQUEST, value, "monitor_stop_requested")


def stop_request(ledger: Any) -> tuple[dt.datetime, str] | None:
    """The last officer stop request (time, login), if any."""
    value = get_setting(ledger, STOP_REQUEST)
    if not value:
        return None
    doc = json.loads(value)
    return dt.datetime.fromisoformat(doc["at"]), str(doc["by"])

"""Where a terminal's delivery stands, for ``tokki agent status`` (another process than the
running agent): the last delivery problem, since when, and how much waits on the terminal.

The running agent writes ``delivery.json`` in its folder when the problem changes (never
every second), and when delivery works again. It names a problem kind, times and counts;
no file names.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from tokki_desktop.site import bundle
from tokki_desktop.site.sealing import Unsealable, read_header, write_durably

STATUS_FILE = "delivery.json"

# problem -> (ja, en)
PROBLEMS = {
    "missing": ("受け渡しフォルダが見つかりません", "the drop folder is not there"),
    "read_only": ("受け渡しフォルダに書き込めません（読み取り専用か権限なし）",
                  "the drop folder cannot be written (read-only or no permission)"),
    "full": ("受け渡しフォルダの空きがありません", "the drop folder is full"),
    "revoked": ("この端末の登録は取り消されました（記録は端末に保管したままです）",
                "this terminal's enrolment was revoked (its records stay on it)"),
    "other": ("受け渡しフォルダに書き込めません", "the drop folder cannot be written"),
}


@dataclass
class DeliveryProblem:
    """The last delivery problem: its kind, when it began and when delivery last tried."""

    problem: str | None = None  # None: delivering normally
    since: str | None = None
    last_tried: str | None = None
    last_delivered_at: str | None = None

    def words(self, lang: str) -> str:
        if not self.problem:
            return ""
        ja, en = PROBLEMS.get(self.problem, PROBLEMS["other"])
        return en if lang == "en" else ja


def write(agent_dir: Path, status: DeliveryProblem) -> None:
    write_durably(Path(agent_dir) / STATUS_FILE, json.dumps(asdict(status)).encode(), mode=0o600)


def read(agent_dir: Path) -> DeliveryProblem:
    try:
        d = json.loads((Path(agent_dir) / STATUS_FILE).read_text(encoding="utf-8"))
        return DeliveryProblem(**{k: d.get(k) for k in ("problem", "since", "last_tried", "last_delivered_at")})
    except (OSError, ValueError, TypeError):
        return DeliveryProblem()


def waiting(agent_dir: Path) -> dict[str, int]:
    """What waits on the terminal: records in the spool, bundles and their records in the outbox."""
    d = Path(agent_dir)
    spool = sum(1 for n in os.listdir(d / "spool") if n.endswith(".rec")) if (d / "spool").is_dir() else 0
    bundles = records = 0
    if (d / "outbox").is_dir():
        for name in os.listdir(d / "outbox"):
            if not bundle.parse_name(name):
                continue
            bundles += 1
            try:
                # The clear header counts the records: no key needed to say how many wait.
                records += int(read_header(bundle.MAGIC, (d / "outbox" / name).read_bytes()).get("count") or 0)
            except (OSError, Unsealable, ValueError):
                continue
    return {"spool_records": spool, "outbox_bundles": bundles, "outbox_records": records,
            "records_waiting": spool + records}


def report(agent_dir: Path, identity: dict[str, Any], lang: str) -> tuple[dict[str, Any], list[str]]:
    """(the status as JSON, the lines for people) of an agent folder."""
    status = read(agent_dir)
    counts = waiting(agent_dir)
    doc = {"terminal": identity.get("name"), **asdict(status), "problem_text": status.words(lang) or None, **counts}
    n = counts["records_waiting"]
    if lang == "en":
        lines = [f"terminal: {identity.get('name')}",
                 f"waiting: {n} record(s) ({counts['outbox_bundles']} bundle(s) in the outbox, "
                 f"{counts['spool_records']} record(s) in the spool)"]
        lines.append(f"delivery problem: {status.words('en')} since {status.since} (last tried {status.last_tried})"
                     if status.problem else "delivery: no problem" +
                     (f" (last delivered {status.last_delivered_at})" if status.last_delivered_at else ""))
    else:
        lines = [f"端末: {identity.get('name')}",
                 f"未配送: {n} 件（outbox の束 {counts['outbox_bundles']} 件、spool の記録 {counts['spool_records']} 件）"]
        lines.append(f"配送の問題: {status.words('ja')}（{status.since} から、最後の試行 {status.last_tried}）"
                     if status.problem else "配送: 問題なし" +
                     (f"（最後の配送 {status.last_delivered_at}）" if status.last_delivered_at else ""))
    return doc, lines

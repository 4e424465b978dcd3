"""The monitor's rules in the compliance status: open detections, and gaps in monitoring.

Registered into the registers' rule registry (this module is named in its RULE_MODULES).
Messages name ids, rules, places and times only. Times are worded by the registers'
:func:`~tokki_desktop.registers.compliance.dates.when`, like every other rule: 和暦 in Japanese,
ISO-like in English, both on the wall clock of ``now`` (the terminal's zone), whatever offset
the monitor stored them with.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterator
from typing import Any

from tokki_desktop.monitor.runs import TOLERANCE
from tokki_desktop.registers.compliance.data import ComplianceData, Row
from tokki_desktop.registers.compliance.dates import when
from tokki_desktop.registers.compliance.model import Finding, RecordRef
from tokki_desktop.registers.compliance.registry import rule

# Gaps older than this are history, shown in the runs' record but no longer a finding.
GAP_LOOKBACK = dt.timedelta(days=90)
_GAP_WORDS = {
    "killed": ("監視が強制終了されていました", "the monitor had been killed"),
    "stopped": ("監視が停止されていました", "the monitor had been stopped"),
    "started_late": ("起動後しばらく監視が動いていませんでした", "the monitor started late after boot"),
    "officer_stop": ("取扱責任者の指示で監視が止まっていました", "an officer had stopped the monitor"),
}


def _contract(data: ComplianceData) -> Row | None:
    """The contract the terminal works for (its first open one): its id and its 西暦併記 setting."""
    contracts = data.contracts()
    return contracts[0] if contracts else None


def _t(value: Any) -> dt.datetime | None:
    return dt.datetime.fromisoformat(str(value)) if value else None


def _moment(value: Any) -> dt.datetime:
    """A stored moment that is known to be there (a detection's time is NOT NULL)."""
    return dt.datetime.fromisoformat(str(value))


# The monitor's policy rules in the words of a 取扱責任者.
DETECTION_WORDS: dict[str, tuple[str, str]] = {
    "copy_without_approval": ("承認のない場所への複写", "a copy in a place without an approval"),
    "unregistered_medium": ("媒体管理簿にない媒体", "a medium not in the media register"),
    "medium_not_consented": ("委託者の承諾がない媒体", "a medium the client has not consented to"),
    "unencrypted_on_medium": ("暗号化していない媒体上の個人情報", "unencrypted personal data on a medium"),
    "encrypted_unknown": ("開けない暗号化ファイル", "an encrypted file that cannot be opened"),
    "copy_recorded": ("承認の範囲内の複写", "a copy within an approval"),
}


@rule("monitor_open_detections", 5, "未処理の検知", "open monitor detections", also_articles=(6, 7))
def open_detections(data: ComplianceData, now: dt.datetime) -> Iterator[Finding]:
    """Detections no officer has resolved yet, one finding per article and rule."""
    groups: dict[tuple[int, str, str], list[dict[str, Any]]] = defaultdict(list)
    for d in data.table("monitor_detections"):
        if d.get("status") == "open":
            groups[(int(d["article"]), str(d["rule"]), str(d["severity"]))].append(d)
    contract = _contract(data)
    cid = int(contract["id"]) if contract is not None else None
    for (article, code, severity), rows in sorted(groups.items()):
        # The title is shown in either language: the ISO-like wording, on the terminal's clock.
        refs = tuple(RecordRef("monitor_detections", int(r["id"]),
                               f"{r['place']} {when(_moment(r['detected_at']), now, contract)[1]}")
                     for r in rows[:20])
        # What people read names the rule as they say it; the code and the ids stay in --json
        # (the rule field and the refs).
        what_ja, what_en = DETECTION_WORDS.get(code, ("検知", "detection"))
        yield Finding(
            article, "violation" if severity == "violation" else "due_soon", "monitor_open_detections",
            f"未処理の検知（{what_ja}）が {len(rows)} 件あります。",
            f"{len(rows)} open detection(s): {what_en}.",
            refs, "「検知」の画面で処理してください（承認・削除の確認・隔離・事故として報告）。",
            "Resolve them on the Detections screen (approve, confirm removal, quarantine or report an incident).",
            _t(min(r["detected_at"] for r in rows)), cid)


@rule("monitor_gap", 7, "監視の空白", "time without the monitor", also_articles=(5, 6))
def monitor_gaps(data: ComplianceData, now: dt.datetime) -> Iterator[Finding]:
    """A terminal in use without the monitor: recorded gaps, and a monitor silent right now."""
    contract = _contract(data)
    cid = int(contract["id"]) if contract is not None else None
    for g in data.table("monitor_gaps"):
        start, end = _t(g["gap_from"]), _t(g["gap_to"])
        if start is None or end is None or now - end > GAP_LOOKBACK:
            continue
        ja, en = _GAP_WORDS.get(str(g["reason"]), ("監視が動いていませんでした", "the monitor was not running"))
        start_ja, start_en = when(start, now, contract)
        end_ja, end_en = when(end, now, contract)
        yield Finding(
            7, "due_soon" if g["reason"] == "officer_stop" else "violation", "monitor_gap",
            f"{start_ja}から{end_ja}まで、{ja}。",
            f"From {start_en} to {end_en} {en}.",
            (RecordRef("monitor_gaps", int(g["id"]), str(g["reason"])),),
            "理由を確認し、監視を常に起動してください。", "Find out why, and keep the monitor running.",
            end, cid)
    runs = sorted(data.table("monitor_runs"), key=lambda r: int(r["id"]))
    if not runs:
        if [f for f in data.table("monitor_folders") if not f.get("closed_at")]:
            yield Finding(7, "due_soon", "monitor_gap", "監視フォルダが設定されていますが、監視が一度も起動していません。",
                          "Folders are set up for watching but the monitor has never run.", (),
                          "`tokki monitor` を起動してください。", "Start it with `tokki monitor`.", None, cid)
        return
    last = runs[-1]
    alive = _t(last.get("stopped_at")) or _t(last.get("last_heartbeat_at")) or _t(last.get("started_at"))
    if alive is None:
        return
    alive_ja, alive_en = when(alive, now, contract)
    if last.get("stopped_at"):
        if last.get("stop_kind") == "officer":
            yield Finding(7, "due_soon", "monitor_gap",
                          f"{alive_ja}から、取扱責任者の指示で監視が停止しています。",
                          f"The monitor has been stopped by an officer since {alive_en}.",
                          (RecordRef("monitor_runs", int(last["id"]), "officer"),),
                          "作業を再開する前に監視を起動してください。", "Start the monitor before work resumes.",
                          alive, cid)
        return  # a shutdown: the next start records any gap against the boot time
    if now - alive > TOLERANCE:
        yield Finding(7, "violation", "monitor_gap",
                      f"{alive_ja}以降、監視からの応答がありません。",
                      f"No sign of the monitor since {alive_en}.",
                      (RecordRef("monitor_runs", int(last["id"]), "silent"),),
                      "監視を起動し直してください。", "Start the monitor again.", alive, cid)

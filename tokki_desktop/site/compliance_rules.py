"""The work site's rules in the compliance status: missing bundles, silent terminals,
refused bundles.

Registered into the registers' rule registry (named in its RULE_MODULES). A missing
sequence number means records of a terminal never reached the site: what the city may
inspect (Art. 12) is incomplete. A terminal silent beyond its heartbeat allowance is a
terminal in use without the monitor (Art. 7, as the monitor's own gaps). Messages name
terminals, numbers and times only.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from tokki_desktop.registers.compliance.data import ComplianceData
from tokki_desktop.registers.compliance.dates import when
from tokki_desktop.registers.compliance.model import Finding, RecordRef
from tokki_desktop.registers.compliance.registry import rule

REFUSAL_LOOKBACK = dt.timedelta(days=30)


def _contract_id(data: ComplianceData) -> int | None:
    contracts = data.contracts()
    return int(contracts[0]["id"]) if contracts else None


@rule("site_missing_bundles", 12, "端末の欠番", "missing terminal bundles", also_articles=(7,))
def missing_bundles(data: ComplianceData, now: dt.datetime) -> Iterator[Finding]:
    """Sequence numbers a terminal used that never arrived."""
    names = {int(t["id"]): str(t["name"]) for t in data.table("site_terminals")}
    for g in data.table("site_gaps"):
        if g.get("filled_at"):
            continue
        name = names.get(int(g["terminal_id"]), "?")
        first, last = int(g["seq_from"]), int(g["seq_to"])
        span = f"{first}" if first == last else f"{first}〜{last}"
        yield Finding(
            12, "violation", "site_missing_bundles",
            f"端末「{name}」の記録の束 {span} 番が届いていません（欠番）。",
            f"Bundles {first}-{last} of terminal '{name}' never arrived (missing sequence numbers).",
            (RecordRef("site_gaps", int(g["id"]), name),),
            "端末の outbox と受け渡しフォルダを確認し、届かない理由を記録してください。",
            "Check the terminal's outbox and the drop folder; record why they are missing.",
            dt.datetime.fromisoformat(str(g["found_at"])), _contract_id(data))


@rule("site_terminal_silent", 7, "無応答の端末", "silent terminal", also_articles=(5, 6))
def silent_terminals(data: ComplianceData, now: dt.datetime) -> Iterator[Finding]:
    """An enrolled terminal not heard of for longer than its heartbeat allowance."""
    contracts = data.contracts()
    contract = contracts[0] if contracts else None
    for t in data.table("site_terminals"):
        if t["status"] == "revoked":
            continue
        seen = t.get("last_heartbeat_at") or t.get("enrolled_at")
        if not seen:
            continue
        moment = dt.datetime.fromisoformat(str(seen))
        if t["status"] == "active" and not t.get("running"):
            continue  # stopped at a shutdown: its next start is what counts
        if now - moment <= dt.timedelta(seconds=int(t["allowance_seconds"])):
            continue
        ja, en = when(moment, now, contract)
        joined = t["status"] == "active"
        yield Finding(
            7, "violation", "site_terminal_silent",
            f"端末「{t['name']}」から{ja}以降、応答がありません。" if joined else
            f"端末「{t['name']}」は{ja}に登録されましたが、まだ何も届いていません。",
            f"No sign of terminal '{t['name']}' since {en}." if joined else
            f"Terminal '{t['name']}' was enrolled {en} and nothing has arrived from it yet.",
            (RecordRef("site_terminals", int(t["id"]), str(t["name"])),),
            "端末でエージェントが動いているか、受け渡しフォルダが届いているか確認してください。",
            "Check that the agent runs on it and that its drop folder reaches the site.",
            moment, _contract_id(data))


@rule("site_refused_bundles", 12, "受付を拒否した束", "refused bundles", also_articles=(19,))
def refused_bundles(data: ComplianceData, now: dt.datetime) -> Iterator[Finding]:
    """Bundles refused in the last 30 days (tampered, replayed, foreign, revoked): evidence to look at."""
    rows = [r for r in data.table("site_refusals")
            if now - dt.datetime.fromisoformat(str(r["created_at"])) <= REFUSAL_LOOKBACK]
    if not rows:
        return
    reasons = sorted({str(r["reason"]) for r in rows})
    yield Finding(
        12, "due_soon", "site_refused_bundles",
        f"受け付けなかった記録の束が {len(rows)} 件あります（{', '.join(reasons)}）。",
        f"{len(rows)} bundle(s) were refused ({', '.join(reasons)}).",
        tuple(RecordRef("site_refusals", int(r["id"]), str(r["kept_as"])) for r in rows[:20]),
        "受け渡しフォルダの refused/ を確認し、必要なら事故として記録してください。",
        "Look at refused/ in the drop folder; record an incident if it was not a mistake.",
        dt.datetime.fromisoformat(str(max(r["created_at"] for r in rows))), _contract_id(data))


INVENTORY_GRACE = dt.timedelta(days=1)  # the agent checks once a minute; a day covers a terminal off overnight


@rule("site_terminal_inventory_overdue", 7, "端末の棚卸し検査の遅れ", "terminal inventory overdue",
      also_articles=(12,))
def terminal_inventory_overdue(data: ComplianceData, now: dt.datetime) -> Iterator[Finding]:
    """A joined terminal without a complete inventory of its watched folders within its
    period (weekly by default, as the monitor's): what is kept there is not checked."""
    from tokki_desktop.monitor.settings import INVENTORY_DAYS, INVENTORY_DAYS_DEFAULT

    days = INVENTORY_DAYS_DEFAULT
    for s in data.table("settings"):
        if s.get("key") == INVENTORY_DAYS and str(s.get("value") or "").isdigit() and int(s["value"]) > 0:
            days = int(s["value"])
    period = dt.timedelta(days=days)
    last: dict[str, dt.datetime] = {}
    for r in data.table("monitor_inventory"):
        if r.get("terminal") and r.get("complete") and r.get("kind") == "roots":
            at = dt.datetime.fromisoformat(str(r["finished_at"]))
            last[str(r["terminal"])] = max(at, last.get(str(r["terminal"]), at))
    contracts = data.contracts()
    contract = contracts[0] if contracts else None
    for t in data.table("site_terminals"):
        if t["status"] != "active" or not t.get("joined_at"):
            continue
        since = last.get(str(t["name"])) or dt.datetime.fromisoformat(str(t["joined_at"]))
        if now - since <= period + INVENTORY_GRACE:
            continue
        ja, en = when(since, now, contract)
        never = str(t["name"]) not in last
        yield Finding(
            7, "violation", "site_terminal_inventory_overdue",
            f"端末「{t['name']}」の監視フォルダの棚卸し検査が{ja}から行われていません（{days}日ごと）。" if not never else
            f"端末「{t['name']}」では{ja}の参加以降、棚卸し検査が一度も完了していません（{days}日ごと）。",
            f"Terminal '{t['name']}' has had no complete inventory of its watched folders since {en} "
            f"(every {days} days)." if not never else
            f"Terminal '{t['name']}' has completed no inventory since it joined {en} (every {days} days).",
            (RecordRef("site_terminals", int(t["id"]), str(t["name"])),),
            "端末でエージェントが動き続けているか確認してください（棚卸しは自動で行われます）。",
            "Check that the agent keeps running on the terminal (the inventory runs by itself).",
            since + period, _contract_id(data))


@rule("site_resolution_failed", 7, "端末で実行できなかった処理", "resolution failed on a terminal",
      also_articles=(5,))
def failed_resolutions(data: ComplianceData, now: dt.datetime) -> Iterator[Finding]:
    """An officer's removed / quarantine that the terminal could not carry out, while the
    detection is still open: the copy may still be there."""
    from tokki_desktop.site.carry_out import REASONS

    open_ids = {int(d["id"]) for d in data.table("monitor_detections") if d.get("status") == "open"}
    names = {int(t["id"]): str(t["name"]) for t in data.table("site_terminals")}
    latest: dict[int, dict] = {}
    for r in data.table("site_resolutions"):
        latest[int(r["detection_id"])] = r  # rows in id order: the last request per detection
    for det_id, r in sorted(latest.items()):
        if r["state"] != "failed" or det_id not in open_ids:
            continue
        ja, en = REASONS.get(str(r.get("reason") or ""), REASONS["error"])
        name = names.get(int(r["terminal_id"]), "?")
        yield Finding(
            7, "violation", "site_resolution_failed",
            f"端末「{name}」で検知 {det_id} の処理（{r['kind']}）ができませんでした：{ja}。",
            f"Terminal '{name}' could not carry out {r['kind']} of detection {det_id}: {en}.",
            (RecordRef("site_resolutions", int(r["id"]), name), RecordRef("monitor_detections", det_id, name)),
            "端末でファイルの状態を確かめ、もう一度処理を依頼するか、事故として記録してください。",
            "Check the file on the terminal; request the resolution again, or record an incident.",
            dt.datetime.fromisoformat(str(r["finished_at"] or r["requested_at"])), _contract_id(data))

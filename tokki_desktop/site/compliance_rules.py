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

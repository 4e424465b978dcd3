"""Art. 17(2)–(5): disposals approved beforehand, made unreadable, and reported."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from tokki_desktop.registers.compliance.data import ComplianceData, as_date
from tokki_desktop.registers.compliance.model import Finding
from tokki_desktop.registers.compliance.registry import rule
from tokki_desktop.registers.compliance.rules._common import (
    deadline_severity,
    finding,
    ref,
    setting,
    when,
    window,
)


@rule("disposal_without_approval", 17, "承諾前の廃棄", "disposal without approval")
def disposal_without_approval(data: ComplianceData, now: dt.datetime) -> Iterator[Finding]:
    """A return, disposal or erasure carried out before the client approved the application."""
    for c in data.contracts():
        for d in data.of_contract("disposals", int(c["id"])):
            done, approved = as_date(d.get("executed_at")), as_date(d.get("approved_on"))
            if done is not None and (approved is None or approved > done):
                yield finding(17, "violation", "disposal_without_approval",
                              f"返還・廃棄（ID {d['id']}）が委託者の承諾前に実施されています。",
                              f"Disposal {d['id']} was carried out before the client approved it.",
                              contract=c, refs=(ref(data, "disposals", d),), due=done,
                              next_ja="委託者に経緯を報告してください。",
                              next_en="Report what happened to the client.")


@rule("disposal_not_destroyed", 17, "判読不能化の未実施", "media not made unreadable")
def disposal_not_destroyed(data: ComplianceData, now: dt.datetime) -> Iterator[Finding]:
    """Art. 17(4): a disposal or erasure done without physical destruction or making it unreadable."""
    for c in data.contracts():
        for d in data.of_contract("disposals", int(c["id"])):
            if d.get("action") in ("dispose", "erase") and d.get("executed_at") and not d.get("physical_destruction"):
                yield finding(17, "violation", "disposal_not_destroyed",
                              f"廃棄・消去（ID {d['id']}）で媒体の物理的破壊・判読不能化が記録されていません。",
                              f"Disposal {d['id']} has no record of physical destruction or making it unreadable.",
                              contract=c, refs=(ref(data, "disposals", d),),
                              next_ja="判読不能にする措置を実施し、記録してください。",
                              next_en="Make the data unreadable and record it.")


@rule("disposal_report_missing", 17, "廃棄報告の未提出", "disposal report not sent")
def disposal_report_missing(data: ComplianceData, now: dt.datetime) -> Iterator[Finding]:
    """Art. 17(5): a disposal carried out but not reported to the client in time."""
    for c in data.contracts():
        for d in data.of_contract("disposals", int(c["id"])):
            done = as_date(d.get("executed_at"))
            if done is None or d.get("reported_on") or done > now.date():
                continue
            due = done + dt.timedelta(days=setting(c, "disposal_report_days"))
            ja, en = when(due, now, c)
            yield finding(17, deadline_severity(due, now, window(c)), "disposal_report_missing",
                          f"返還・廃棄（ID {d['id']}）の報告書の期限は{ja}です。",
                          f"The report of disposal {d['id']} is due by {en}.",
                          contract=c, refs=(ref(data, "disposals", d),), due=due,
                          next_ja="廃棄（消去）報告書を提出し、報告日を記録してください。",
                          next_en="Send the disposal report and record its date.")

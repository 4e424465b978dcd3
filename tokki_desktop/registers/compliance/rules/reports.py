"""Art. 12, 13, 14, 18, 19: reports to the client on time (orders, requested records, supervision, complaints,
incidents)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from tokki_desktop.registers.compliance.data import ComplianceData, as_date, as_moment
from tokki_desktop.registers.compliance.model import Finding, Severity
from tokki_desktop.registers.compliance.registry import rule
from tokki_desktop.registers.compliance.rules._common import (
    contract_running,
    deadline_severity,
    finding,
    ref,
    setting,
    when,
    window,
)


@rule("subcontract_without_approval", 14, "承認のない再委託", "subcontract without approval")
def subcontract_without_approval(data: ComplianceData, now: dt.datetime) -> Iterator[Finding]:
    """Art. 14(2): subcontracted work started before the client's approval."""
    today = now.date()
    for c in data.contracts():
        for s in data.of_contract("subcontracts", int(c["id"])):
            started, approved = as_date(s.get("work_started_on")), as_date(s.get("approved_on"))
            r = (ref(data, "subcontracts", s),)
            if started is not None and started <= today and (approved is None or approved > started):
                yield finding(14, "violation", "subcontract_without_approval",
                              f"再委託（ID {s['id']}）が委託者の承認前に着手されています。",
                              f"Subcontract {s['id']} started before the client approved it.",
                              contract=c, refs=r, due=started,
                              next_ja="作業を止め、再委託承認申請書で承認を得てください。",
                              next_en="Stop the work and get the client's approval in writing.")
            elif approved is None:
                yield finding(14, "due_soon", "subcontract_without_approval",
                              f"再委託（ID {s['id']}）は承認待ちです。承認前に着手しないでください。",
                              f"Subcontract {s['id']} awaits approval; do not start before it.",
                              contract=c, refs=r, due=started,
                              next_ja="承認を得てから着手日を記録してください。",
                              next_en="Start only after approval and record the date.")


@rule("supervision_report_due", 14, "再委託先の監督報告", "supervision report due")
def supervision_report_due(data: ComplianceData, now: dt.datetime) -> Iterator[Finding]:
    """Art. 14(5): a running subcontract whose supervision was not reported within the interval."""
    last: dict[int, dt.date] = {}
    for r in data.rows("supervision_reports"):
        day = as_date(r.get("reported_on"))
        sid = int(r["subcontract_id"])
        if day is not None and (sid not in last or day > last[sid]):
            last[sid] = day
    for c in data.contracts():
        if not contract_running(c, now.date()):
            continue
        interval = dt.timedelta(days=setting(c, "supervision_report_days"))
        for s in data.of_contract("subcontracts", int(c["id"])):
            started = as_date(s.get("work_started_on"))
            if started is None or s.get("ended_on") or started > now.date():
                continue
            due = (last.get(int(s["id"])) or started) + interval
            sev = deadline_severity(due, now, window(c))
            if sev != "ok":
                ja, en = when(due, now, c)
                yield finding(14, sev, "supervision_report_due",
                              f"再委託（ID {s['id']}）の監督状況報告の期限は{ja}です。",
                              f"The supervision report for subcontract {s['id']} is due by {en}.",
                              contract=c, refs=(ref(data, "subcontracts", s),), due=due,
                              next_ja="再委託先の履行状況を確認し、監督状況を報告してください。",
                              next_en="Check the subcontractor's work and report on the supervision.")


@rule("complaint_not_reported", 18, "苦情の未報告", "complaint not reported")
def complaint_not_reported(data: ComplianceData, now: dt.datetime) -> Iterator[Finding]:
    """Art. 18(2): a complaint not reported to the client within the configured hours."""
    for c in data.contracts():
        hours = dt.timedelta(hours=setting(c, "complaint_report_hours"))
        for k in data.of_contract("complaints", int(c["id"])):
            received = as_moment(k.get("received_at"), now.tzinfo)
            if received is None or k.get("reported_at") or received > now:
                continue
            due = received + hours
            ja, en = when(due, now, c)
            yield finding(18, "overdue" if now > due else "due_soon", "complaint_not_reported",
                          f"苦情（ID {k['id']}）を委託者に報告していません（期限：{ja}）。",
                          f"Complaint {k['id']} has not been reported to the client (due {en}).",
                          contract=c, refs=(ref(data, "complaints", k),), due=due,
                          next_ja="直ちに委託者へ報告し、報告日時を記録してください。",
                          next_en="Report it to the client now and record the time.")


@rule("incident_not_reported", 19, "事故の速報・確報", "incident reports")
def incident_not_reported(data: ComplianceData, now: dt.datetime) -> Iterator[Finding]:
    """Art. 19: the first report (速報) within hours of discovery, the final (確報) within days."""
    for c in data.contracts():
        first_limit = dt.timedelta(hours=setting(c, "incident_first_report_hours"))
        final_limit = dt.timedelta(days=setting(c, "incident_final_report_days"))
        for i in data.of_contract("incidents", int(c["id"])):
            found = as_moment(i.get("discovered_at"), now.tzinfo)
            if found is None or found > now:
                continue
            r = (ref(data, "incidents", i),)
            if not i.get("first_report_at"):
                due = found + first_limit
                ja, en = when(due, now, c)
                yield finding(19, "overdue" if now > due else "due_soon", "incident_not_reported",
                              f"事故（ID {i['id']}）の速報が未提出です（期限：{ja}）。",
                              f"The first report of incident {i['id']} is missing (due {en}).",
                              contract=c, refs=r, due=due,
                              next_ja="直ちに事故報告書（速報）を委託者に提出し、日時を記録してください。",
                              next_en="Send the first incident report to the client now and record the time.")
            if not i.get("final_report_at"):
                due = found + final_limit
                sev = deadline_severity(due, now, window(c))
                if sev != "ok":
                    ja, en = when(due, now, c, with_time=False)
                    yield finding(19, sev, "incident_not_reported",
                                  f"事故（ID {i['id']}）の確報の期限は{ja}です。",
                                  f"The final report of incident {i['id']} is due by {en}.",
                                  contract=c, refs=r, due=due,
                                  next_ja="原因・再発防止策をまとめ、確報を提出してください。",
                                  next_en="Complete cause and prevention and send the final report.")


@rule("emergency_plan_missing", 19, "緊急時対応計画", "emergency response plan")
def emergency_plan_missing(data: ComplianceData, now: dt.datetime) -> Iterator[Finding]:
    """Art. 19(2): a running contract with no emergency response plan on file."""
    for c in data.contracts():
        start = as_date(c.get("period_start"))
        plans = [p for p in data.of_contract("emergency_plans", int(c["id"]))
                 if (as_date(p.get("established_on")) or now.date()) <= now.date()]
        if plans:
            continue
        sev: Severity = "violation" if start is not None and start <= now.date() else "due_soon"
        yield finding(19, sev, "emergency_plan_missing",
                      f"契約（ID {c['id']}）の緊急時対応計画がありません。",
                      f"Contract {c['id']} has no emergency response plan.",
                      contract=c, refs=(ref(data, "contracts", c),), due=start,
                      next_ja="連絡体制、証拠保全、被害拡大防止、復旧、再発防止を定めた計画を登録してください。",
                      next_en="Record a plan covering contacts, evidence, containment, recovery and prevention.")


@rule("improvement_order_due", 12, "改善指示への対応", "improvement order")
def improvement_order_due(data: ComplianceData, now: dt.datetime) -> Iterator[Finding]:
    """Art. 12(3): an improvement order of the client not answered by its due date."""
    for c in data.contracts():
        for o in data.of_contract("improvement_orders", int(c["id"])):
            due = as_date(o.get("due_on"))
            if due is None or o.get("responded_on"):
                continue
            sev = deadline_severity(due, now, window(c))
            if sev != "ok":
                ja, en = when(due, now, c)
                yield finding(12, sev, "improvement_order_due",
                              f"改善指示（ID {o['id']}）の対応期限は{ja}です。",
                              f"Improvement order {o['id']} is due by {en}.",
                              contract=c, refs=(ref(data, "improvement_orders", o),), due=due,
                              next_ja="改善を実施し、対応内容と対応日を記録してください。",
                              next_en="Make the improvement and record the response and its date.")


@rule("record_request_overdue", 13, "資料の提出依頼", "records requested by the client")
def record_request_overdue(data: ComplianceData, now: dt.datetime) -> Iterator[Finding]:
    """Art. 13: records the client asked for, not submitted by the deadline (or soon due)."""
    for c in data.contracts():
        for q in data.of_contract("record_requests", int(c["id"])):
            due = as_date(q.get("due_on"))
            if due is None or q.get("submitted_on"):
                continue
            sev = deadline_severity(due, now, window(c))
            if sev == "ok":
                continue
            ja, en = when(due, now, c)
            yield finding(13, sev, "record_request_overdue",
                          f"委託者から依頼された資料（依頼 ID {q['id']}）の提出期限は{ja}です。",
                          f"The records the client asked for (request {q['id']}) are due by {en}.",
                          contract=c, refs=(ref(data, "record_requests", q),), due=due,
                          next_ja="依頼された資料を提出し（台帳は tokki export で書き出せます）、提出日と方法を記録してください。",
                          next_en="Submit the records (tokki export writes the registers) and record the date and means.")

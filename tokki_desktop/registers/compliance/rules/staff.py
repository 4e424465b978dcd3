"""Art. 2, 8, 10, 11, 15: every handler approved, pledged and trained, whatever the employment."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from tokki_desktop.registers.compliance.data import ComplianceData, as_date
from tokki_desktop.registers.compliance.model import Finding
from tokki_desktop.registers.compliance.registry import rule
from tokki_desktop.registers.compliance.rules._common import (
    contract_running,
    deadline_severity,
    finding,
    is_current,
    is_working,
    ref,
    setting,
    when,
    window,
)


def _pledged(data: ComplianceData, contract_id: int, today: dt.date) -> set[int]:
    out: set[int] = set()
    for p in data.of_contract("pledges", contract_id):
        signed = as_date(p.get("signed_on"))
        if signed is not None and signed <= today:
            out.add(int(p["person_id"]))
    return out


def last_training(data: ComplianceData, contract_id: int, today: dt.date) -> dict[int, dt.date]:
    """The last training day of each person of the contract (trainings held by today)."""
    held: dict[int, dt.date] = {}
    for t in data.of_contract("trainings", contract_id):
        day = as_date(t.get("held_on"))
        if day is not None and day <= today:
            held[int(t["id"])] = day
    last: dict[int, dt.date] = {}
    for a in data.rows("training_attendance"):
        day = held.get(int(a["training_id"]))
        if day is None:
            continue
        pid = int(a["person_id"])
        if pid not in last or day > last[pid]:
            last[pid] = day
    return last


@rule("staff_not_approved", 8, "承認前の従事", "handling before approval", needs=("people",))
def staff_not_approved(data: ComplianceData, now: dt.datetime) -> Iterator[Finding]:
    """A person handles data before the client approved them (or is about to)."""
    today = now.date()
    for c in data.contracts():
        for p in data.of_contract("people", int(c["id"])):
            if not is_current(p, today):
                continue
            approved, started = as_date(p.get("approved_on")), as_date(p.get("started_on"))
            r = (ref(data, "people", p),)
            if started is not None and started <= today and (approved is None or approved > started):
                yield finding(8, "violation", "staff_not_approved",
                              f"従事者（ID {p['id']}）が委託者の承認前に個人情報を取り扱っています。",
                              f"Person {p['id']} handles personal data without the client's approval.",
                              contract=c, refs=r, due=started,
                              next_ja="作業から外し、報告書・変更承認申請書で承認を得てください。",
                              next_en="Stop their work and get the client's approval in writing.")
            elif approved is None:
                yield finding(8, "due_soon", "staff_not_approved",
                              f"従事者（ID {p['id']}）は委託者の承認がまだです。",
                              f"Person {p['id']} is not approved by the client yet.",
                              contract=c, refs=r, due=started,
                              next_ja="従事開始前に報告し、承認日を記録してください。",
                              next_en="Report them before they start and record the approval date.")


@rule("change_request_unapproved", 8, "未承認の変更", "change not approved", needs=("people",))
def change_request_unapproved(data: ComplianceData, now: dt.datetime) -> Iterator[Finding]:
    """A change of staff takes effect (or is about to) without the client's approval."""
    for c in data.contracts():
        for cr in data.of_contract("change_requests", int(c["id"])):
            effective = as_date(cr.get("effective_on"))
            if cr.get("approved_on") or effective is None:
                continue
            sev = deadline_severity(effective - dt.timedelta(days=1), now, window(c))
            if sev == "ok":
                continue
            sev = "violation" if sev == "overdue" else sev
            yield finding(8, sev, "change_request_unapproved",
                          f"変更承認申請（ID {cr['id']}）が承認されないまま変更予定日を迎えます。",
                          f"Change request {cr['id']} takes effect without approval.",
                          contract=c, refs=(ref(data, "change_requests", cr),), due=effective,
                          next_ja="委託者の承認を得るまで変更を実施しないでください。",
                          next_en="Do not make the change before the client approves it.")


@rule("staff_no_pledge", 11, "誓約書の未提出", "no pledge", needs=("people",))
def staff_no_pledge(data: ComplianceData, now: dt.datetime) -> Iterator[Finding]:
    """A current person has no signed pledge on file."""
    today = now.date()
    for c in data.contracts():
        pledged = _pledged(data, int(c["id"]), today)
        for p in data.of_contract("people", int(c["id"])):
            if not is_current(p, today) or int(p["id"]) in pledged:
                continue
            working = is_working(p, today)
            yield finding(11, "violation" if working else "due_soon", "staff_no_pledge",
                          f"従事者（ID {p['id']}）の誓約書がありません。",
                          f"Person {p['id']} has no signed pledge on file.",
                          contract=c, refs=(ref(data, "people", p),), due=as_date(p.get("started_on")),
                          next_ja="誓約書に署名を受け、委託者に提出して記録してください。",
                          next_en="Have them sign the pledge, submit it and record it.")


def _untrained(data: ComplianceData, now: dt.datetime, article: int, code: str,
               only_non_regular: bool) -> Iterator[Finding]:
    today = now.date()
    for c in data.contracts():
        if not contract_running(c, today):
            continue
        cid = int(c["id"])
        interval = dt.timedelta(days=setting(c, "training_interval_days"))
        last = last_training(data, cid, today)
        for p in data.of_contract("people", cid):
            if not is_working(p, today):
                continue
            if only_non_regular and p.get("employment_type") in (None, "regular"):
                continue
            seen = last.get(int(p["id"]))
            r = (ref(data, "people", p),)
            if seen is None:
                yield finding(article, "overdue", code,
                              f"従事者（ID {p['id']}）は研修を受けていません。",
                              f"Person {p['id']} has had no training.",
                              contract=c, refs=r, due=as_date(p.get("started_on")),
                              next_ja="秘密保持の研修を実施し、受講を記録してください。",
                              next_en="Train them on confidentiality and record the attendance.")
                continue
            due = seen + interval
            sev = deadline_severity(due, now, window(c))
            if sev != "ok":
                ja, en = when(due, now, c)
                yield finding(article, sev, code,
                              f"従事者（ID {p['id']}）の研修の期限は{ja}です。",
                              f"Person {p['id']} is due for training by {en}.",
                              contract=c, refs=r, due=due,
                              next_ja="次の研修を実施し、受講を記録してください。",
                              next_en="Hold the next training and record the attendance.")


@rule("staff_untrained", 10, "研修の期限", "training due", needs=("people",))
def staff_untrained(data: ComplianceData, now: dt.datetime) -> Iterator[Finding]:
    """A working person was never trained, or not within the contract's interval."""
    return _untrained(data, now, 10, "staff_untrained", only_non_regular=False)


@rule("non_regular_staff_duties", 15, "派遣・契約社員の義務", "non-regular staff duties", needs=("people",))
def non_regular_staff_duties(data: ComplianceData, now: dt.datetime) -> Iterator[Finding]:
    """Art. 15: dispatched and other non-regular staff are bound like regulars (pledge, training)."""
    today = now.date()
    for c in data.contracts():
        pledged = _pledged(data, int(c["id"]), today)
        for p in data.of_contract("people", int(c["id"])):
            if p.get("employment_type") in (None, "regular") or not is_working(p, today):
                continue
            if int(p["id"]) not in pledged:
                yield finding(15, "violation", "non_regular_staff_duties",
                              f"正社員以外の従事者（ID {p['id']}）に誓約書がありません。",
                              f"Non-regular person {p['id']} has no pledge on file.",
                              contract=c, refs=(ref(data, "people", p),),
                              next_ja="正社員と同じく誓約書を受け、研修を実施してください。",
                              next_en="Bind them like regular staff: pledge and training.")
    yield from _untrained(data, now, 15, "non_regular_staff_duties", only_non_regular=True)


@rule("staff_not_briefed", 2, "秘密保持の周知", "confidentiality not made known", needs=("people",))
def staff_not_briefed(data: ComplianceData, now: dt.datetime) -> Iterator[Finding]:
    """Art. 2(2): a working person with neither a pledge nor any training was never told."""
    today = now.date()
    for c in data.contracts():
        cid = int(c["id"])
        pledged = _pledged(data, cid, today)
        trained = last_training(data, cid, today)
        for p in data.of_contract("people", cid):
            pid = int(p["id"])
            if is_working(p, today) and pid not in pledged and pid not in trained:
                yield finding(2, "violation", "staff_not_briefed",
                              f"従事者（ID {pid}）に秘密保持の義務を周知した記録がありません。",
                              f"Nothing shows person {pid} was made aware of confidentiality.",
                              contract=c, refs=(ref(data, "people", p),),
                              next_ja="研修と誓約書で周知し、記録してください。",
                              next_en="Brief them (training, pledge) and record it.")



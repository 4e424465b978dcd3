"""Small helpers the rules share: evidence refs, contract settings, due-date severities, date wording."""

from __future__ import annotations

import datetime as dt

from tokki_desktop.registers.catalog import SPECS
from tokki_desktop.registers.compliance.data import ComplianceData, Row, as_date
from tokki_desktop.registers.compliance.dates import when
from tokki_desktop.registers.compliance.model import Finding, RecordRef, Severity

__all__ = ["contract_running", "deadline_severity", "finding", "is_current", "is_working", "ref",
           "setting", "when", "window"]


def ref(data: ComplianceData, kind: str, row: Row) -> RecordRef:
    """Evidence pointing at ``row``, titled as lists show it (a person's name for a pledge)."""
    spec = SPECS[kind]
    title_field = spec.field(spec.title_field)
    value = row.get(spec.title_field)
    if title_field.type == "ref" and value is not None and title_field.ref is not None:
        target = data.by_id(title_field.ref).get(int(value))
        if target is not None:
            value = target.get(SPECS[title_field.ref].title_field)
    return RecordRef(kind, int(row["id"]), "" if value is None else str(value)[:80])


def setting(contract: Row, name: str) -> int:
    """An interval of the contract profile, falling back to the spec's default when empty."""
    value = contract.get(name)
    if value is None or value == "":
        default = SPECS["contracts"].field(name).default
        return int(default) if default is not None else 0
    return int(value)


def window(contract: Row) -> dt.timedelta:
    """How long before a deadline it counts as due soon."""
    return dt.timedelta(days=setting(contract, "due_soon_days"))


def deadline_severity(due: dt.date | dt.datetime, now: dt.datetime, warn: dt.timedelta) -> Severity:
    """overdue after ``due``, due_soon within ``warn`` before it, else ok."""
    if isinstance(due, dt.datetime):
        if now > due:
            return "overdue"
        return "due_soon" if now >= due - warn else "ok"
    today = now.date()
    if today > due:
        return "overdue"
    return "due_soon" if today >= due - warn else "ok"


def contract_running(contract: Row, today: dt.date) -> bool:
    """Whether the contract's period still runs: periodic duties (training, inspections,
    supervision reports) stop with it, while facts from the past stay findings."""
    end = as_date(contract.get("period_end"))
    return end is None or today <= end


def is_working(person: Row, today: dt.date) -> bool:
    """Whether a person has started handling data and has not stopped."""
    start, end = as_date(person.get("started_on")), as_date(person.get("ended_on"))
    return start is not None and start <= today and (end is None or end >= today)


def is_current(person: Row, today: dt.date) -> bool:
    """Whether a person is (or is about to be) on the work: not yet ended."""
    end = as_date(person.get("ended_on"))
    return end is None or end >= today


def finding(article: int, severity: Severity, rule: str, ja: str, en: str, *, contract: Row,
            refs: tuple[RecordRef, ...] = (), next_ja: str = "", next_en: str = "",
            due: dt.date | dt.datetime | None = None) -> Finding:
    """A finding of ``contract`` (keeps the rules short)."""
    return Finding(article, severity, rule, ja, en, refs, next_ja, next_en, due, int(contract["id"]))

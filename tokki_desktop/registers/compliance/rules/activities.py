"""Art. 5, 6(5), 7(2)(3)(4): every copy, take-out, transport and transmission has a valid approval."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from tokki_desktop.registers.catalog import APPROVAL_FOR_ACTIVITY
from tokki_desktop.registers.compliance.data import (
    ComplianceData,
    Row,
    as_date,
    as_moment,
)
from tokki_desktop.registers.compliance.model import Finding
from tokki_desktop.registers.compliance.registry import rule
from tokki_desktop.registers.compliance.rules._common import finding, ref, when, window

#: The article each activity falls under.
ARTICLE_OF_ACTIVITY = {"copy": 5, "takeout": 7, "transport": 7, "transmission": 6}
#: What each activity is called in the messages (Japanese, English).
ACTIVITY_WORDS = {"copy": ("複写・複製", "copy"), "takeout": ("持出し", "take-out"),
                  "transport": ("移送", "transport"), "transmission": ("電磁的送信", "transmission")}


#: Approvals bound to one medium that also cover recording personal data onto it (Art. 6:
#: the client's consent to record on that medium), as the monitor's policy allows.
MEDIUM_BOUND_TYPES = frozenset({"media_use", "takeout"})


def _medium_consent_covers_copy(t: Row, approval: Row) -> bool:
    """A copy onto the very medium a media-use or take-out approval names is within it."""
    return (str(t.get("activity")) == "copy" and approval.get("approval_type") in MEDIUM_BOUND_TYPES
            and t.get("media_id") is not None and approval.get("media_id") == t.get("media_id"))


def approval_problem(t: Row, approval: Row | None, day: dt.date) -> tuple[str, str] | None:
    """Why the approval does not cover the activity, or None when it does."""
    if approval is None:
        return ("承認の記録がありません", "there is no approval")
    if approval.get("status") != "approved":
        return ("承認されていません（申請中または不承認）", "the approval was not granted")
    if approval.get("approval_type") != APPROVAL_FOR_ACTIVITY.get(str(t.get("activity"))) \
            and not _medium_consent_covers_copy(t, approval):
        return ("承認の種別が違います", "the approval is of another type")
    decided = as_date(approval.get("decided_on"))
    if decided is not None and decided > day:
        return ("承認日より前に実施されています", "it happened before the approval date")
    until = as_date(approval.get("valid_until"))
    if until is not None and until < day:
        return ("承認の有効期限が切れています", "the approval had expired")
    return None


@rule("activity_without_approval", 7, "承認のない複写・持出し・送信", "copy, take-out or transmission without approval",
      also_articles=(5, 6))
def activity_without_approval(data: ComplianceData, now: dt.datetime) -> Iterator[Finding]:
    """A copy (Art. 5), take-out or transport (Art. 7) or transmission (Art. 6(5)) not covered by an approval."""
    approvals = data.by_id("approvals")
    for c in data.contracts():
        for t in data.of_contract("takeouts", int(c["id"])):
            started = as_moment(t.get("started_at"), now.tzinfo)
            if started is None or started > now:
                continue
            approval = approvals.get(int(t["approval_id"])) if t.get("approval_id") is not None else None
            if approval is not None and approval.get("closed_at"):
                approval = None  # a withdrawn approval covers nothing
            problem = approval_problem(t, approval, started.date())
            if problem is None:
                continue
            activity = str(t.get("activity"))
            what_ja, what_en = ACTIVITY_WORDS.get(activity, ("持出し", "take-out"))
            refs = (ref(data, "takeouts", t),) + ((ref(data, "approvals", approval),) if approval else ())
            yield finding(ARTICLE_OF_ACTIVITY.get(activity, 7), "violation", "activity_without_approval",
                          f"{what_ja}（ID {t['id']}）: {problem[0]}。",
                          f"{what_en.capitalize()} {t['id']}: {problem[1]}.",
                          contract=c, refs=refs, due=started,
                          next_ja="経緯を確認し、委託者に報告して承認を得てください。",
                          next_en="Find out what happened, report it to the client and get approval.")


@rule("takeout_not_returned", 7, "持出しの返却遅れ", "take-out not back")
def takeout_not_returned(data: ComplianceData, now: dt.datetime) -> Iterator[Finding]:
    """Art. 7(2)(4): taken-out data not back by the time set for its return."""
    for c in data.contracts():
        for t in data.of_contract("takeouts", int(c["id"])):
            expected = as_moment(t.get("expected_return_at"), now.tzinfo)
            if expected is None or t.get("returned_at"):
                continue
            overdue = now > expected
            if not overdue and now < expected - min(window(c), dt.timedelta(days=1)):
                continue
            ja, en = when(expected, now, c)
            yield finding(7, "overdue" if overdue else "due_soon", "takeout_not_returned",
                          f"持出し（ID {t['id']}）の返却予定日時は{ja}です。",
                          f"Take-out {t['id']} is due back at {en}.",
                          contract=c, refs=(ref(data, "takeouts", t),), due=expected,
                          next_ja="返却を確認して返却日時を記録してください。",
                          next_en="Check it is back and record the time.")

"""A copy onto a medium is covered by that medium's media-use or take-out approval (Art. 6)."""

import datetime as dt

from tokki_desktop.registers.compliance.rules.activities import approval_problem

DAY = dt.date(2026, 11, 20)


def approval(kind: str, media_id: int | None = 3) -> dict:
    return {"status": "approved", "approval_type": kind, "media_id": media_id,
            "decided_on": "2026-11-01", "valid_until": "2027-03-31"}


def test_copy_onto_the_consented_medium_is_covered():
    copy = {"activity": "copy", "media_id": 3}
    assert approval_problem(copy, approval("media_use"), DAY) is None
    assert approval_problem(copy, approval("takeout"), DAY) is None
    assert approval_problem(copy, approval("copy", None), DAY) is None


def test_copy_onto_another_medium_is_not():
    copy = {"activity": "copy", "media_id": 4}
    assert approval_problem(copy, approval("media_use"), DAY) is not None
    assert approval_problem({"activity": "copy", "media_id": None}, approval("media_use"), DAY) is not None


def test_medium_consent_does_not_cover_a_take_out_or_transmission():
    assert approval_problem({"activity": "transmission", "media_id": 3}, approval("media_use"), DAY) is not None
    assert approval_problem({"activity": "takeout", "media_id": 3}, approval("media_use"), DAY) is not None

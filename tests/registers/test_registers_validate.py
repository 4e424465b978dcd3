"""Validation properties: free text is kept exactly, every way of typing a date gives the same day."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from tokki_desktop.registers import spec_for
from tokki_desktop.registers.validate import convert_value, validate
from tokki_desktop.wareki import format_wareki

JST = dt.timezone(dt.timedelta(hours=9))
NOTES = spec_for("people").field("notes")
STARTED = spec_for("people").field("started_on")


@settings(max_examples=200, deadline=None)
@given(st.text(min_size=1, max_size=300).filter(lambda t: t.strip() != ""))
def test_free_text_is_kept_exactly(text: str) -> None:
    assert convert_value(NOTES, text, JST) == text


@settings(max_examples=200, deadline=None)
@given(st.dates(min_value=dt.date(1989, 1, 8), max_value=dt.date(2100, 12, 31)))
def test_wareki_iso_and_full_width_give_the_same_day(day: dt.date) -> None:
    full_width = day.isoformat().translate(str.maketrans("0123456789-", "０１２３４５６７８９－"))
    typed = [day.isoformat(), format_wareki(day), full_width, f"{day.year}/{day.month}/{day.day}"]
    assert {convert_value(STARTED, t, JST) for t in typed} == {day.isoformat()}


def test_edit_keeps_required_fields_and_checks_order_against_stored_values() -> None:
    spec = spec_for("people")
    stored = {"contract_id": 1, "name": "山田", "started_on": "2026-04-01", "ended_on": None}
    assert validate(spec, {"ended_on": "R8.5.1"}, tz=JST, is_officer=True, existing=stored) == {
        "ended_on": "2026-05-01"}
    assert validate(spec, {}, tz=JST, is_officer=True, existing=stored) == {}

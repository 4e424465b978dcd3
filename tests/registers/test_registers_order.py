"""Sorting a register by any field, stable paging with ties, and a record's row number."""

from __future__ import annotations

import pytest

from tokki_desktop.errors import InvalidInput
from tokki_desktop.registers import repository
from tokki_desktop.registers.errors import UnknownField

# (name, record_count, received_on, handling): ties and missing values on purpose.
ASSETS = [
    ("申告書", 5, "2026-04-01", "in_use"),
    ("名簿", None, None, "returned"),
    ("給与支払報告書", 5, "2026-03-15", "in_use"),
    ("申告書", 1, "2026-04-01", "disposed"),
    ("異動届", 5, None, "in_use"),
    ("名簿", 30, "2026-05-20", "in_use"),
    ("口座振替依頼書", None, "2026-04-01", "returned"),
    ("申告書", 12, "2025-12-01", "in_use"),
]


@pytest.fixture
def assets(officer_session) -> list[int]:
    ids = []
    for name, count, received, handling in ASSETS:
        values: dict[str, object] = {"name": name, "items": "氏名", "handling": handling}
        if count is not None:
            values["record_count"] = count
        if received is not None:
            values["received_on"] = received
        ids.append(repository.add(officer_session, "assets", values))
    repository.close(officer_session, "assets", ids[3], "廃棄済み")
    return ids


def _expected(session, field: str, descending: bool, **where: object) -> list[int]:
    """The order SQLite should give, worked out in Python: NULL smallest, ties by id."""
    rows = repository.list_records(session, "assets", **where)  # id order, same filters

    def key(r: dict) -> tuple:
        v = r[field]
        return (v is not None, v if v is not None else 0, r["id"])

    return [int(r["id"]) for r in sorted(rows, key=key, reverse=descending)]


@pytest.mark.parametrize("field", ["name", "record_count", "received_on", "handling", "id", "created_at"])
@pytest.mark.parametrize("descending", [False, True])
def test_sorted_pages_and_positions_agree(officer_session, assets, field, descending) -> None:
    s = officer_session
    for where in ({}, {"include_closed": True}, {"search": "書"}, {"filters": {"handling": "利用中"}}):
        expected = _expected(s, field, descending, **where)
        whole = [int(r["id"]) for r in repository.list_records(s, "assets", order_by=field,
                                                               descending=descending, **where)]
        assert whole == expected, (field, where)
        # Pages of 3 put together give the same order: equal values never swap between pages.
        paged: list[int] = []
        for offset in range(0, len(expected) + 3, 3):
            paged += [int(r["id"]) for r in repository.list_records(
                s, "assets", order_by=field, descending=descending, offset=offset, limit=3, **where)]
        assert paged == expected, (field, where)
        for row, record_id in enumerate(expected):
            assert repository.position_of(s, "assets", record_id, order_by=field, descending=descending,
                                          **where) == row, (field, where, record_id)
        for left_out in set(assets) - set(expected):
            assert repository.position_of(s, "assets", left_out, order_by=field, descending=descending,
                                          **where) is None


def test_ints_and_dates_sort_naturally(officer_session, assets) -> None:
    counts = [r["record_count"] for r in repository.list_records(officer_session, "assets", order_by="record_count")]
    assert counts == [None, None, 5, 5, 5, 12, 30]  # 12 after 5: numbers, not text
    days = [r["received_on"] for r in repository.list_records(officer_session, "assets", order_by="received_on",
                                                              descending=True)]
    assert days == ["2026-05-20", "2026-04-01", "2026-04-01", "2026-03-15", "2025-12-01", None, None]


def test_ties_are_broken_by_id_in_the_sort_direction(officer_session, assets) -> None:
    rows = repository.list_records(officer_session, "assets", order_by="name", include_closed=True)
    same = [int(r["id"]) for r in rows if r["name"] == "申告書"]
    assert same == sorted(same)
    rows = repository.list_records(officer_session, "assets", order_by="name", descending=True, include_closed=True)
    assert [int(r["id"]) for r in rows if r["name"] == "申告書"] == sorted(same, reverse=True)


@pytest.mark.parametrize("bad", [
    "nonexistent", "name; DROP TABLE assets", "name DESC", "1", "", "ＮＡＭＥ", "person_id", "audit_log",
])
def test_a_field_that_is_not_in_the_spec_is_refused(officer_session, assets, bad) -> None:
    with pytest.raises(UnknownField) as listing:
        repository.list_records(officer_session, "assets", order_by=bad)
    with pytest.raises(UnknownField):
        repository.position_of(officer_session, "assets", assets[0], order_by=bad)
    assert isinstance(listing.value, InvalidInput)
    assert "DROP" not in str(listing.value)  # the text is not echoed when it is not a field name
    assert repository.count_records(officer_session, "assets") == len(ASSETS) - 1  # nothing happened


def test_position_of_an_unknown_or_malformed_id(officer_session, assets) -> None:
    assert repository.position_of(officer_session, "assets", 10_000) is None
    with pytest.raises(InvalidInput):
        repository.position_of(officer_session, "assets", "1")  # type: ignore[arg-type]
    with pytest.raises(InvalidInput):
        repository.position_of(officer_session, "assets", True)  # type: ignore[arg-type]

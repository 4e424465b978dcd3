"""Each compliance rule: quiet on a compliant site, firing when one thing goes wrong."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any

import pytest
from register_site import NOW, clean_site, row

from tokki_desktop.registers.compliance import ComplianceData, evaluate_data
from tokki_desktop.registers.compliance.registry import load_rules

Site = dict[str, list[dict[str, Any]]]
RULES = load_rules()
OWN_RULES = sorted(code for code, r in RULES.items() if r.func.__module__.startswith("tokki_desktop.registers"))


def run(code: str, site: Site, now: dt.datetime = NOW) -> list:
    return list(RULES[code].func(ComplianceData.from_rows(site), now))


def test_compliant_site_has_no_findings() -> None:
    report = evaluate_data(ComplianceData.from_rows(clean_site()), NOW)
    assert report.findings == []
    assert {a.status for a in report.articles.values()} == {"ok"}
    assert sorted(report.articles) == list(range(1, 20))


@pytest.mark.parametrize("code", OWN_RULES)
def test_rule_quiet_on_compliant_site(code: str) -> None:
    assert run(code, clean_site()) == []


def _set(kind: str, ident: int, **values: Any) -> Callable[[Site], None]:
    def change(site: Site) -> None:
        row(site, kind, ident).update(values)
    return change


def _add(kind: str, **values: Any) -> Callable[[Site], None]:
    def change(site: Site) -> None:
        site[kind].append({"id": max((r["id"] for r in site[kind]), default=0) + 1, **values})
    return change


def _drop(kind: str, ident: int) -> Callable[[Site], None]:
    def change(site: Site) -> None:
        site[kind] = [r for r in site[kind] if r["id"] != ident]
    return change


def _all(*changes: Callable[[Site], None]) -> Callable[[Site], None]:
    def change(site: Site) -> None:
        for one in changes:
            one(site)
    return change


NEW_HANDLER = {"contract_id": 1, "name": "新人 次郎", "role": "handler", "employment_type": "regular",
               "started_on": "2026-11-01", "approved_on": "2026-10-25"}

THIRD_PARTY = {"contract_id": 1, "activity": "transmission", "destination": "株式会社広告社 企画部",
               "started_at": "2026-11-25T09:00:00+09:00"}

# (rule, change, article, severity, kind of the first evidence)
FIRING = [
    ("contract_profile_incomplete", _set("contracts", 1, contractor_address=""), 1, "due_soon", "contracts"),
    ("staff_not_approved", _set("people", 2, approved_on=None), 8, "violation", "people"),
    ("staff_not_approved", _set("people", 2, approved_on="2026-04-02"), 8, "violation", "people"),
    ("staff_not_approved", _set("people", 2, approved_on=None, started_on="2026-12-20"), 8, "due_soon", "people"),
    ("change_request_unapproved", _set("change_requests", 1, approved_on=None), 8, "violation", "change_requests"),
    ("change_request_unapproved", _set("change_requests", 1, approved_on=None, effective_on="2026-12-01"), 8,
     "due_soon", "change_requests"),
    ("staff_no_pledge", _drop("pledges", 2), 11, "violation", "people"),
    ("staff_no_pledge", _set("pledges", 2, signed_on="2026-12-01"), 11, "violation", "people"),
    ("staff_untrained", _add("people", **NEW_HANDLER), 10, "overdue", "people"),
    ("staff_untrained", _set("trainings", 1, held_on="2025-11-20"), 10, "overdue", "people"),
    ("staff_untrained", _set("trainings", 1, held_on="2025-12-05"), 10, "due_soon", "people"),
    ("non_regular_staff_duties", _drop("pledges", 2), 15, "violation", "people"),
    ("non_regular_staff_duties", _drop("training_attendance", 2), 15, "overdue", "people"),
    ("staff_not_briefed", _add("people", **NEW_HANDLER), 2, "violation", "people"),
    ("workplace_unreported", _set("workplaces", 1, reported_on=None), 9, "violation", "workplaces"),
    ("workplace_unreported", _set("workplaces", 1, reported_on="2026-04-02"), 9, "violation", "workplaces"),
    ("workplace_unreported", _set("workplaces", 1, reported_on=None, first_used_on=None), 9, "due_soon",
     "workplaces"),
    ("id_card_missing", _set("id_cards", 2, returned_on="2026-10-01"), 9, "violation", "people"),
    ("storage_not_locked", _set("workplaces", 1, lockable_storage=0, entry_control=""), 7, "violation",
     "workplaces"),
    ("media_before_consent", _set("media", 1, consent_on=None), 6, "violation", "media"),
    ("media_before_consent", _set("media", 1, consent_on="2026-04-05"), 6, "violation", "media"),
    ("media_inspection_due", _set("media_inspections", 1, inspected_on="2026-08-01"), 6, "overdue", "media"),
    ("media_inspection_due", _set("media_inspections", 1, inspected_on="2026-09-05"), 6, "due_soon", "media"),
    ("media_inspection_due", _drop("media_inspections", 1), 6, "overdue", "media"),
    ("media_inspection_due", _set("media_inspections", 1, result="issue"), 6, "due_soon", "media"),
    ("private_device", _set("media", 1, private_device=1), 6, "violation", "media"),
    ("takeout_unencrypted", _set("media", 1, encrypted=0), 6, "violation", "takeouts"),
    ("activity_without_approval", _set("takeouts", 1, approval_id=None), 7, "violation", "takeouts"),
    ("activity_without_approval", _set("takeouts", 2, approval_id=None), 5, "violation", "takeouts"),
    ("activity_without_approval", _set("takeouts", 1, approval_id=2), 7, "violation", "takeouts"),
    ("activity_without_approval", _set("approvals", 1, status="requested"), 7, "violation", "takeouts"),
    ("activity_without_approval", _set("approvals", 1, valid_until="2026-11-19"), 7, "violation", "takeouts"),
    ("activity_without_approval", _set("approvals", 2, decided_on="2026-11-22"), 5, "violation", "takeouts"),
    ("activity_without_approval", _set("approvals", 1, closed_at="2026-11-01T00:00:00+09:00"), 7, "violation",
     "takeouts"),
    ("activity_without_approval", _add("takeouts", contract_id=1, activity="transmission", destination="市",
                                       started_at="2026-11-25T09:00:00+09:00"), 6, "violation", "takeouts"),
    ("takeout_not_returned", _set("takeouts", 1, returned_at=None), 7, "overdue", "takeouts"),
    ("takeout_not_returned", _set("takeouts", 1, returned_at=None, expected_return_at="2026-11-26T18:00:00+09:00"),
     7, "due_soon", "takeouts"),
    ("asset_incomplete", _set("assets", 1, storage_place=""), 7, "violation", "assets"),
    ("asset_incomplete", _set("assets", 1, users=None), 7, "violation", "assets"),
    ("asset_without_receipt", _set("assets", 1, handover_id=None), 16, "violation", "assets"),
    ("receipt_not_submitted", _set("handovers", 1, receipt_submitted_on=None), 16, "overdue", "handovers"),
    ("asset_items_outside_purpose", _set("assets", 1, items="氏名、住所、電話番号"), 3, "violation", "assets"),
    ("assets_after_contract_end", _set("contracts", 1, period_end="2026-11-20"), 17, "due_soon", "assets"),
    ("assets_after_contract_end", _set("contracts", 1, period_end="2026-10-31"), 17, "overdue", "assets"),
    ("disposal_without_approval", _set("disposals", 1, approved_on=None), 17, "violation", "disposals"),
    ("disposal_without_approval", _set("disposals", 1, approved_on="2026-10-06"), 17, "violation", "disposals"),
    ("disposal_not_destroyed", _set("disposals", 1, physical_destruction=0), 17, "violation", "disposals"),
    ("disposal_report_missing", _set("disposals", 1, reported_on=None), 17, "overdue", "disposals"),
    ("disposal_report_missing", _set("disposals", 1, reported_on=None, executed_at="2026-11-25T10:00:00+09:00"),
     17, "due_soon", "disposals"),
    ("subcontract_without_approval", _set("subcontracts", 1, approved_on=None), 14, "violation", "subcontracts"),
    ("subcontract_without_approval", _set("subcontracts", 1, approved_on=None, work_started_on=None), 14,
     "due_soon", "subcontracts"),
    ("supervision_report_due", _drop("supervision_reports", 1), 14, "overdue", "subcontracts"),
    ("supervision_report_due", _set("supervision_reports", 1, reported_on="2026-09-01"), 14, "due_soon",
     "subcontracts"),
    ("complaint_not_reported", _set("complaints", 1, reported_at=None), 18, "overdue", "complaints"),
    ("complaint_not_reported", _set("complaints", 1, reported_at=None, received_at="2026-11-26T09:00:00+09:00"),
     18, "due_soon", "complaints"),
    ("incident_not_reported", _set("incidents", 1, first_report_at=None), 19, "overdue", "incidents"),
    ("incident_not_reported", _set("incidents", 1, final_report_at=None), 19, "overdue", "incidents"),
    ("incident_not_reported", _set("incidents", 1, first_report_at=None, final_report_at=None,
                                   discovered_at="2026-11-26T08:00:00+09:00"), 19, "due_soon", "incidents"),
    ("emergency_plan_missing", _drop("emergency_plans", 1), 19, "violation", "contracts"),
    ("improvement_order_due", _set("improvement_orders", 1, responded_on=None), 12, "overdue",
     "improvement_orders"),
    ("improvement_order_due", _set("improvement_orders", 1, responded_on=None, due_on="2026-12-01"), 12,
     "due_soon", "improvement_orders"),
    ("third_party_provision", _add("takeouts", **THIRD_PARTY), 4, "violation", "takeouts"),
    # Another city's office is a third party, though it reads like "the city hall".
    ("third_party_provision", _set("takeouts", 1, destination="府中市役所 総務課", approval_id=None), 4, "violation",
     "takeouts"),
    # The subcontractor was never approved, so it is a third party too.
    ("third_party_provision", _all(_set("subcontracts", 1, approved_on=None),
                                   _set("takeouts", 1, destination="有限会社下請", approval_id=None)), 4,
     "violation", "takeouts"),
    # An approval that has expired consents to nothing.
    ("third_party_provision", _all(_set("approvals", 1, valid_until="2026-11-19"),
                                   _set("takeouts", 1, destination="株式会社広告社")), 4, "violation", "takeouts"),
    ("record_request_overdue", _set("record_requests", 1, submitted_on=None), 13, "overdue", "record_requests"),
    ("record_request_overdue", _set("record_requests", 1, submitted_on=None, due_on="2026-12-01"), 13, "due_soon",
     "record_requests"),
]


@pytest.mark.parametrize(("code", "change", "article", "severity", "kind"), FIRING,
                         ids=[f"{c[0]}-{i}" for i, c in enumerate(FIRING)])
def test_rule_fires(code: str, change: Callable[[Site], None], article: int, severity: str, kind: str) -> None:
    site = clean_site()
    change(site)
    found = run(code, site)
    assert found, f"{code} stayed quiet"
    worst = max(found, key=lambda f: ["ok", "due_soon", "overdue", "violation"].index(f.severity))
    assert (worst.article, worst.severity) == (article, severity)
    assert worst.refs and worst.refs[0].kind == kind
    assert worst.message_ja and worst.message_en and worst.next_action_ja and worst.next_action_en
    assert worst.contract_id == 1
    # The whole engine reports it under the article too.
    report = evaluate_data(ComplianceData.from_rows(site), NOW)
    assert report.articles[article].status != "ok"


def test_every_own_rule_has_a_firing_test() -> None:
    assert set(OWN_RULES) == {c[0] for c in FIRING}


def test_closed_records_and_contracts_are_not_checked() -> None:
    site = clean_site()
    row(site, "people", 2).update(approved_on=None, closed_at="2026-11-01T00:00:00+09:00")
    assert run("staff_not_approved", site) == []
    site = clean_site()
    row(site, "assets", 1)["storage_place"] = ""
    row(site, "contracts", 1)["closed_at"] = "2026-11-01T00:00:00+09:00"
    assert evaluate_data(ComplianceData.from_rows(site), NOW).findings == []


def test_moving_time_turns_due_soon_into_overdue() -> None:
    site = clean_site()
    row(site, "complaints", 1).update(reported_at=None, received_at="2026-11-26T09:00:00+09:00")
    assert run("complaint_not_reported", site)[0].severity == "due_soon"
    later = NOW + dt.timedelta(hours=23, minutes=1)
    assert run("complaint_not_reported", site, later)[0].severity == "overdue"


def test_intervals_come_from_the_contract_profile() -> None:
    site = clean_site()
    row(site, "media_inspections", 1)["inspected_on"] = "2026-10-01"
    assert run("media_inspection_due", site) == []
    row(site, "contracts", 1)["media_inspection_days"] = 30
    assert run("media_inspection_due", site)[0].severity == "overdue"


def test_report_orders_findings_most_urgent_first_and_counts() -> None:
    site = clean_site()
    row(site, "complaints", 1)["reported_at"] = None            # overdue (Art. 18)
    row(site, "media", 1)["private_device"] = 1                 # violation (Art. 6)
    row(site, "improvement_orders", 1).update(responded_on=None, due_on="2026-12-01")  # due soon (Art. 12)
    report = evaluate_data(ComplianceData.from_rows(site), NOW)
    assert [f.severity for f in report.findings] == ["violation", "overdue", "due_soon"]
    assert report.status_of(6) == "violation" and report.status_of(18) == "overdue"
    assert report.status_of(12) == "due_soon" and report.articles[12].open_count == 1
    assert report.articles[6].most_urgent is not None and report.articles[6].most_urgent.rule == "private_device"
    as_json = report.to_dict()
    assert as_json["articles"][5]["status"] == "violation"  # type: ignore[index]


def test_findings_never_carry_names_in_messages() -> None:
    site = clean_site()
    row(site, "pledges", 2)["signed_on"] = "2027-01-01"
    found = run("staff_no_pledge", site)
    assert "派遣 花子" not in found[0].message_ja + found[0].message_en
    assert found[0].refs[0].title == "派遣 花子"  # the screen shows the name from the evidence


def test_rule_registry_accepts_new_rules_and_refuses_duplicates() -> None:
    from tokki_desktop.registers.compliance.registry import RULES as registry
    from tokki_desktop.registers.compliance.registry import rule

    @rule("test_extra_rule", 4, "試験", "test")
    def extra(data: ComplianceData, now: dt.datetime) -> list:
        return []

    try:
        assert registry["test_extra_rule"].article == 4
        with pytest.raises(ValueError):
            rule("test_extra_rule", 4, "x", "x")(lambda d, n: [])
        assert evaluate_data(ComplianceData.from_rows(clean_site()), NOW).articles[4].checked
    finally:
        del registry["test_extra_rule"]


@pytest.mark.parametrize(("code", "change"), [
    ("staff_untrained", _set("trainings", 1, held_on="2025-11-20")),
    ("media_inspection_due", _set("media_inspections", 1, inspected_on="2026-08-01")),
    ("supervision_report_due", _drop("supervision_reports", 1)),
])
def test_periodic_duties_stop_when_the_contract_period_ends(code: str, change: Callable[[Site], None]) -> None:
    site = clean_site()
    change(site)
    assert run(code, site)
    row(site, "contracts", 1)["period_end"] = "2026-11-25"
    assert run(code, site) == []
    # ... while the end of the contract brings its own duty: return or dispose (Art. 17).
    assert run("assets_after_contract_end", site)


def test_findings_belong_to_their_contract() -> None:
    site = clean_site()
    second = dict(row(site, "contracts", 1), id=2, title="別契約")
    site["contracts"].append(second)
    site["emergency_plans"].append({"id": 2, "contract_id": 2, "title": "計画", "established_on": "2026-03-30"})
    site["people"].append({"id": 3, "contract_id": 2, "name": "別 契約者", "role": "handler",
                           "employment_type": "regular", "started_on": "2026-05-01"})
    found = run("staff_not_approved", site)
    assert [(f.contract_id, f.refs[0].id) for f in found] == [(2, 3)]
    # Contract 1's pledges do not count for a person of contract 2.
    assert [(f.contract_id, f.refs[0].id) for f in run("staff_no_pledge", site)] == [(2, 3)]


# Art. 4 stays quiet where the destination is a party of the contract or the client consented;
# a missing approval alone is Art. 5/6/7's finding, not a provision to a third party.
@pytest.mark.parametrize(("change", "approval_finding"), [
    (_all(_add("approvals", contract_id=1, approval_type="transmission", scope="広告社への送信", status="approved",
               requested_on="2026-11-01", decided_on="2026-11-10", valid_until="2027-03-31"),
          _add("takeouts", **dict(THIRD_PARTY, approval_id=3))), False),
    (_add("takeouts", **dict(THIRD_PARTY, destination="小金井市 課税課")), True),
    (_add("takeouts", **dict(THIRD_PARTY, destination="小金井市　課税課（窓口）")), True),  # full-width space
    (_add("takeouts", **dict(THIRD_PARTY, destination="市役所 課税課")), True),
    (_add("takeouts", **dict(THIRD_PARTY, destination="本庁")), True),
    (_add("takeouts", **dict(THIRD_PARTY, destination="作業室")), True),  # the work place, by part of its name
    (_add("takeouts", **dict(THIRD_PARTY, destination="株式会社テスト")), True),  # the contractor itself
    (_add("takeouts", **dict(THIRD_PARTY, destination="有限会社下請 入力センター")), True),  # approved subcontractor
    (_add("takeouts", **dict(THIRD_PARTY, started_at="2026-11-27T09:00:00+09:00")), False),  # not happened yet
], ids=["approved", "client-by-name", "full-width", "city-hall", "honcho", "work-place", "contractor",
        "subcontractor", "future"])
def test_third_party_provision_quiet(change: Callable[[Site], None], approval_finding: bool) -> None:
    site = clean_site()
    change(site)
    assert run("third_party_provision", site) == []
    assert bool(run("activity_without_approval", site)) is approval_finding


def test_third_party_provision_counts_the_subcontractor_only_from_its_approval() -> None:
    site = clean_site()
    site["takeouts"].append(dict(THIRD_PARTY, id=3, destination="有限会社下請", started_at="2026-03-30T09:00:00+09:00"))
    # Sent before the subcontract was approved (2026-04-01): a third party on that day.
    assert [f.refs[0].id for f in run("third_party_provision", site)] == [3]


@pytest.mark.parametrize("change", [
    _set("record_requests", 1, submitted_on="2026-10-15"),  # late, but submitted: a past fact, not a duty
    _set("record_requests", 1, submitted_on=None, due_on="2026-12-31"),  # beyond the warning window
    _set("record_requests", 1, submitted_on=None, closed_at="2026-10-20T00:00:00+09:00"),  # withdrawn
], ids=["submitted-late", "not-due-yet", "closed"])
def test_record_request_quiet(change: Callable[[Site], None]) -> None:
    site = clean_site()
    change(site)
    assert run("record_request_overdue", site) == []


ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
ISO_MOMENT = re.compile(r"T\d{2}:\d{2}|[+-]\d{2}:\d{2}\b")


@pytest.mark.parametrize(("code", "change"), [(c[0], c[1]) for c in FIRING], ids=[str(i) for i in range(len(FIRING))])
def test_messages_show_wareki_in_japanese_and_no_raw_timestamps(code: str, change: Callable[[Site], None]) -> None:
    site = clean_site()
    change(site)
    for f in run(code, site):
        assert not ISO_DATE.search(f.message_ja) and not ISO_MOMENT.search(f.message_ja), f.message_ja
        assert not ISO_MOMENT.search(f.message_en), f.message_en


def test_deadline_moments_are_shown_in_the_terminals_zone() -> None:
    site = clean_site()
    # Received 09:12 JST, stored in UTC (another terminal); the 24-hour deadline is 27th 09:12 JST.
    row(site, "complaints", 1).update(reported_at=None, received_at="2026-11-26T00:12:00+00:00")
    (f,) = run("complaint_not_reported", site)
    assert "令和8年11月27日 9時12分" in f.message_ja
    assert "2026-11-27 09:12" in f.message_en
    assert f.due == dt.datetime(2026, 11, 27, 0, 12, tzinfo=dt.UTC)  # machine-readable, unchanged
    assert f.to_dict()["due"] == "2026-11-27T00:12:00+00:00"
    # The same finding on a terminal set to UTC reads the wall clock there.
    (f,) = run("complaint_not_reported", site, NOW.astimezone(dt.UTC))
    assert "令和8年11月27日 0時12分" in f.message_ja and "2026-11-27 00:12" in f.message_en


def test_deadline_dates_in_wareki_with_the_contracts_western_year_setting() -> None:
    site = clean_site()
    row(site, "improvement_orders", 1).update(responded_on=None, due_on="2026-12-01")
    (f,) = run("improvement_order_due", site)
    assert "令和8年12月1日" in f.message_ja and "2026-12-01" in f.message_en and f.due == dt.date(2026, 12, 1)
    row(site, "contracts", 1)["seireki_in_brackets"] = 1
    (f,) = run("improvement_order_due", site)
    assert "令和8年（2026年）12月1日" in f.message_ja


def test_when_words_dates_for_other_parts_rules() -> None:
    from tokki_desktop.registers.compliance.dates import when

    assert when(dt.date(2019, 5, 1), NOW) == ("令和元年5月1日", "2019-05-01")
    moment = dt.datetime(2026, 11, 26, 1, 5, tzinfo=dt.UTC)
    assert when(moment, NOW) == ("令和8年11月26日 10時05分", "2026-11-26 10:05")
    assert when(moment, NOW, with_time=False) == ("令和8年11月26日", "2026-11-26")
    assert when(dt.date(2026, 12, 1), NOW, {"seireki_in_brackets": 1})[0] == "令和8年（2026年）12月1日"


def test_an_article_whose_rules_have_nothing_to_judge_is_unregistered_not_ok() -> None:
    from tokki_desktop.registers.compliance import ComplianceData, evaluate_data

    now = dt.datetime(2026, 11, 26, 10, 0, tzinfo=dt.timezone(dt.timedelta(hours=9)))
    contract = {"id": 1, "client": "小金井市", "title": "業務委託", "started_on": "2026-04-01"}
    empty = evaluate_data(ComplianceData.from_rows({"contracts": [contract]}), now)
    assert empty.status_of(11) == "unregistered"
    assert empty.articles[11].todo("en").startswith("Nothing to check")
    assert empty.to_dict()["articles"][10]["missing_registers"] == ["people"]
    assert empty.status_of(18) == "ok"  # no complaint is simply no complaint
    staffed = evaluate_data(ComplianceData.from_rows({"contracts": [contract], "people": [
        {"id": 1, "contract_id": 1, "name": "新人 次郎", "role": "handler", "employment_type": "regular",
         "started_on": "2026-11-01", "approved_on": "2026-10-25"}]}), now)
    assert staffed.status_of(11) == "violation" and not staffed.articles[11].unregistered


@pytest.mark.parametrize(("code", "change", "article", "severity", "kind"), FIRING,
                         ids=[f"{c[0]}-{i}" for i, c in enumerate(FIRING)])
def test_what_people_read_names_the_records_not_their_ids(code: str, change: Callable[[Site], None],
                                                          article: int, severity: str, kind: str) -> None:
    site = clean_site()
    change(site)
    for found in run(code, site):
        titled = [r for r in found.refs if r.title]
        ja, en = found.shown("ja"), found.shown("en")
        assert "ID" not in ja or not titled, ja
        if titled and f"ID {titled[0].id}" in found.message_ja:  # the first evidence is the subject
            assert f"「{titled[0].title}」" in ja and f"“{titled[0].title}”" in en, (ja, en)


def test_a_person_is_named_and_two_records_with_the_same_id_keep_their_own_names() -> None:
    from tokki_desktop.registers.compliance.model import Finding, RecordRef

    f = Finding(6, "violation", "takeout_unencrypted", "持出し（ID 3）に暗号化していない媒体（ID 3）が使われています。",
                "Take-out 3 used medium 3, which is not encrypted.",
                refs=(RecordRef("takeouts", 3, "市役所への持出し"), RecordRef("media", 3, "USB-07")))
    assert f.shown("ja") == "持出し「市役所への持出し」に暗号化していない媒体「USB-07」が使われています。"
    assert f.shown("en") == "Take-out “市役所への持出し” used medium “USB-07”, which is not encrypted."
    assert "ID 3" in f.message("ja")  # logs and --json keep the id

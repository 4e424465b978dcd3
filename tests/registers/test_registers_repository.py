"""The repository on a real (SQLCipher) ledger: conversion, refusal of bad input, roles, history."""

from __future__ import annotations

import datetime as dt

import pytest

from tokki_desktop.errors import InvalidInput, NotFound, NotPermitted
from tokki_desktop.registers import SPECS, repository
from tokki_desktop.registers.compliance import evaluate
from tokki_desktop.registers.errors import AlreadyClosed, UnknownField, UnknownRegister


def audit_head(session) -> int:
    return session.ledger.audit_head()[0]


def test_tables_match_the_specs(officer_session) -> None:
    for spec in SPECS.values():
        cols = [r[1] for r in officer_session.ledger.read(f"PRAGMA table_info({spec.table})")]
        assert tuple(cols) == spec.columns, spec.kind


def test_first_contract_comes_from_the_ledger_profile(officer_session) -> None:
    (contract,) = repository.list_records(officer_session, "contracts")
    assert contract["client"] == "小金井市" and contract["client_head"] == "小金井市長"
    assert contract["title"] == "令和8年度 テスト業務委託" and contract["contractor_name"] == "株式会社テスト"
    assert contract["period_end"] == "2027-03-31" and contract["media_inspection_days"] == 90


def test_values_typed_by_people_are_converted(officer_session) -> None:
    pid = repository.add(officer_session, "people", {
        "name": "山田 太郎", "employment_type": "派遣", "reported_on": "令和8年3月１日",
        "approved_on": "R8.3.10", "started_on": "２０２６／４／１"})
    p = repository.get(officer_session, "people", pid)
    assert (p["reported_on"], p["approved_on"], p["started_on"]) == ("2026-03-01", "2026-03-10", "2026-04-01")
    assert p["employment_type"] == "dispatched" and p["role"] == "handler" and p["contract_id"] == 1
    assert p["created_by"] == "boss" and p["created_at"].startswith("2026-11-26T10:00")
    mid = repository.add(officer_session, "media", {"control_no": "USB-1", "media_type": "USBメモリ",
                                                    "encrypted": "はい"})
    aid = repository.add(officer_session, "assets", {"name": "申告書", "items": "氏名", "record_count": "１，２００",
                                                     "media_id": str(mid)})
    assert repository.get(officer_session, "assets", aid)["record_count"] == 1200
    assert repository.get(officer_session, "media", mid)["encrypted"] == 1
    tid = repository.add(officer_session, "takeouts", {"activity": "持出し", "destination": "本庁",
                                                       "started_at": "R8.11.20 9時30分"})
    assert repository.get(officer_session, "takeouts", tid)["started_at"] == "2026-11-20T09:30:00.000+09:00"


FREE_TEXT = [
    "Robert'); DROP TABLE people;--",
    'quote " and \' and `backtick`',
    "絵文字 🙂🚀 と 𠮷野家",
    "改行\nと\tタブ\r\n",
    "  leading and trailing spaces  ",
    "x" * 5000,
]


@pytest.mark.parametrize("text", FREE_TEXT, ids=["sql", "quotes", "emoji", "newlines", "spaces", "5000"])
def test_free_text_comes_back_unchanged(officer_session, text: str) -> None:
    cid = repository.add(officer_session, "complaints", {"received_at": "2026-11-26 09:00", "content": text})
    assert repository.get(officer_session, "complaints", cid)["content"] == text
    assert repository.count_records(officer_session, "people", include_closed=True) == 0


BAD = [
    ("people", {"name": "山田", "started_on": "令和8年2月30日"}, "従事開始日"),
    ("people", {"name": "山田", "started_on": "R1.4.1"}, "従事開始日"),      # 令和元年4月1日 did not exist
    ("people", {"started_on": "2026-04-01"}, "氏名"),
    ("people", {"name": "山田", "started_on": "2026-04-01", "ended_on": "2026-03-31"}, "従事終了日"),
    ("people", {"name": "山田", "employment_type": "アルバイト"}, "雇用形態"),
    ("people", {"name": "山田", "favourite": "x"}, "favourite"),
    ("pledges", {"person_id": 99, "signed_on": "2026-04-01"}, "署名者"),
    ("pledges", {"person_id": "abc", "signed_on": "2026-04-01"}, "署名者"),
    ("assets", {"name": "a", "items": "氏名", "media_id": 7}, "記録媒体"),
    ("assets", {"name": "a", "items": "氏名", "record_count": "-1"}, "件数"),
    ("media", {"control_no": "U", "media_type": "usb", "encrypted": "maybe"}, "暗号化"),
    ("contracts", {"title": "t", "period_start": "2026-04-01", "period_end": "2025-03-31", "purpose": "p",
                   "contractor_address": "a", "contractor_name": "n", "contractor_representative": "r"}, "契約期間（終了）"),
    ("incidents", {"discovered_at": "2026-11-01 10:00", "occurred_at": "2026-11-02 10:00", "summary": "s"}, "発覚日時"),
    ("complaints", {"received_at": "昨日", "content": "c"}, "受付日時"),
    ("people", {"name": "x" * 201}, "氏名"),
]


@pytest.mark.parametrize(("kind", "values", "field"), BAD, ids=[f"{b[0]}-{i}" for i, b in enumerate(BAD)])
def test_bad_input_names_the_field_and_writes_nothing(officer_session, kind, values, field) -> None:
    before = audit_head(officer_session)
    rows = repository.count_records(officer_session, kind, include_closed=True)
    with pytest.raises(InvalidInput) as caught:
        repository.add(officer_session, kind, values)
    assert caught.value.field_ja == field
    assert "何も記録していません" in caught.value.ja and "nothing was recorded" in caught.value.en
    assert audit_head(officer_session) == before
    assert repository.count_records(officer_session, kind, include_closed=True) == rows


def test_errors_do_not_echo_what_was_typed(officer_session) -> None:
    secret = "山田花子 090-1234-5678"
    with pytest.raises(InvalidInput) as caught:
        repository.add(officer_session, "people", {"name": "x", "started_on": secret})
    assert secret not in caught.value.ja + caught.value.en
    with pytest.raises(UnknownField) as caught2:
        repository.add(officer_session, "people", {"name": "x", secret: "1"})
    assert secret not in caught2.value.ja + caught2.value.en
    with pytest.raises(UnknownRegister) as caught3:
        repository.add(officer_session, secret, {})
    assert secret not in caught3.value.ja + caught3.value.en


def test_roles(officer_session, handler_session) -> None:
    with pytest.raises(NotPermitted):
        repository.add(handler_session, "people", {"name": "勝手 追加"})
    with pytest.raises(NotPermitted):
        repository.update(handler_session, "contracts", 1, {"title": "x"})
    # A handler asks for approval; only the officer records the decision.
    aid = repository.add(handler_session, "approvals", {"approval_type": "copy", "scope": "複写",
                                                        "requested_on": "2026-11-20"})
    assert repository.get(handler_session, "approvals", aid)["status"] == "requested"
    with pytest.raises(NotPermitted):
        repository.update(handler_session, "approvals", aid, {"status": "approved"})
    with pytest.raises(NotPermitted):
        repository.add(handler_session, "approvals", {"approval_type": "copy", "scope": "s",
                                                      "requested_on": "2026-11-20", "status": "承認"})
    repository.update(officer_session, "approvals", aid, {"status": "承認", "decided_on": "2026-11-21"})
    assert repository.get(handler_session, "approvals", aid)["status"] == "approved"
    with pytest.raises(NotPermitted):
        repository.close(handler_session, "approvals", aid, "取り下げ")
    repository.add(handler_session, "takeouts", {"activity": "copy", "approval_id": aid, "destination": "入力室",
                                                 "started_at": "2026-11-25 10:00"})


def test_update_close_and_history(officer_session, clock) -> None:
    pid = repository.add(officer_session, "people", {"name": "山田", "started_on": "2026-04-01"})
    clock.advance(3600)
    changed = repository.update(officer_session, "people", pid, {"approved_on": "R8.3.30", "name": "山田"})
    assert changed == {"approved_on": (None, "2026-03-30")}
    with pytest.raises(InvalidInput):
        repository.update(officer_session, "people", pid, {"name": ""})  # required stays filled
    with pytest.raises(InvalidInput):
        repository.update(officer_session, "people", pid, {"ended_on": "2026-03-01"})  # before the start
    repository.close(officer_session, "people", pid, "退職のため")
    row = repository.get(officer_session, "people", pid)
    assert row["closed_by"] == "boss" and row["close_reason"] == "退職のため"
    assert repository.list_records(officer_session, "people") == []
    assert [r["id"] for r in repository.list_records(officer_session, "people", include_closed=True)] == [pid]
    with pytest.raises(AlreadyClosed):
        repository.close(officer_session, "people", pid, "again")
    with pytest.raises(AlreadyClosed):
        repository.update(officer_session, "people", pid, {"notes": "x"})
    with pytest.raises(InvalidInput):
        repository.close(officer_session, "people", pid, "  ")
    entries = repository.history(officer_session, "people", pid)
    assert [e.action for e in entries] == ["insert", "update", "close"]
    assert entries[1].change == {"old": {"approved_on": None}, "new": {"approved_on": "2026-03-30"}}
    assert all(e.actor == "boss" for e in entries)
    with pytest.raises(NotFound):
        repository.history(officer_session, "people", 999)
    with pytest.raises(NotFound):
        repository.get(officer_session, "media", 1)


def test_rows_cannot_be_deleted(officer_session) -> None:
    pid = repository.add(officer_session, "people", {"name": "山田"})
    with pytest.raises(Exception, match="never deleted"):
        officer_session.ledger.conn.execute("DELETE FROM people WHERE id = ?", (pid,))
    assert repository.get(officer_session, "people", pid)["name"] == "山田"


def test_several_contracts(officer_session) -> None:
    c2 = repository.add(officer_session, "contracts", {
        "title": "別契約", "period_start": "2026-04-01", "period_end": "2027-03-31", "purpose": "p",
        "contractor_address": "a", "contractor_name": "n", "contractor_representative": "r", "client": "東京都"})
    assert repository.get(officer_session, "contracts", c2)["client_head"] == "小金井市長"  # default, as typed
    with pytest.raises(InvalidInput) as caught:
        repository.add(officer_session, "people", {"name": "山田"})
    assert caught.value.field_en == "contract"
    pid = repository.add(officer_session, "people", {"name": "山田", "contract_id": c2})
    with pytest.raises(InvalidInput) as other:
        repository.add(officer_session, "pledges", {"contract_id": 1, "person_id": pid, "signed_on": "2026-04-01"})
    assert other.value.field_ja == "署名者"


def test_list_pages_and_filters(officer_session) -> None:
    for n in range(25):
        repository.add(officer_session, "media", {"control_no": f"U-{n:02d}",
                                                  "media_type": "usb" if n % 2 else "sd"})
    page = repository.list_records(officer_session, "media", offset=10, limit=5)
    assert [r["control_no"] for r in page] == [f"U-{n:02d}" for n in range(10, 15)]
    sd = repository.list_records(officer_session, "media", filters={"media_type": "SDカード"})
    assert len(sd) == 13 and repository.count_records(officer_session, "media", filters={"media_type": "sd"}) == 13
    assert repository.list_records(officer_session, "media", newest_first=True, limit=1)[0]["control_no"] == "U-24"
    with pytest.raises(UnknownField):
        repository.list_records(officer_session, "media", filters={"nope": 1})


def test_engine_reads_the_ledger_and_time_moves(officer_session, clock) -> None:
    repository.add(officer_session, "complaints", {"received_at": "2026-11-26 09:00", "content": "問合せ"})
    report = evaluate(officer_session)
    assert report.status_of(18) == "due_soon"
    clock.advance(dt.timedelta(days=1).total_seconds())
    assert evaluate(officer_session).status_of(18) == "overdue"
    pid = repository.add(officer_session, "people", {"name": "山田", "started_on": "2026-11-01"})
    assert any(f.rule == "staff_not_approved" and f.refs[0].id == pid for f in evaluate(officer_session).findings)


def test_search_matches_text_literally(officer_session) -> None:
    a = repository.add(officer_session, "assets", {"name": "給与支払報告書", "items": "氏名"})
    b = repository.add(officer_session, "assets", {"name": "100%_集計", "items": "税額"})
    repository.add(officer_session, "assets", {"name": "1000X集計", "items": "税額"})
    assert [r["id"] for r in repository.list_records(officer_session, "assets", search="支払")] == [a]
    assert [r["id"] for r in repository.list_records(officer_session, "assets", search="0%_")] == [b]
    assert repository.count_records(officer_session, "assets", search="税額") == 2
    assert repository.count_records(officer_session, "assets", search="  ") == 3


def test_display_for_screens_and_forms() -> None:
    people = SPECS["people"]
    assert people.field("started_on").display("2026-04-01", wareki=True) == "令和8年4月1日"
    assert people.field("started_on").display("2026-04-01", wareki=True, with_seireki=True) == "令和8年（2026年）4月1日"
    assert people.field("employment_type").display("dispatched", "en") == "dispatched"
    assert people.field("employment_type").display("dispatched") == "派遣"
    assert SPECS["takeouts"].field("started_at").display("2026-11-20T09:30:00.000+09:00", wareki=True) == (
        "令和8年11月20日 9時30分")
    assert SPECS["media"].field("encrypted").display(1) == "はい"


def test_a_decided_approval_is_locked_for_handlers(officer_session, handler_session) -> None:
    aid = repository.add(handler_session, "approvals", {"approval_type": "takeout", "scope": "本庁へ",
                                                        "requested_on": "2026-11-20"})
    repository.update(handler_session, "approvals", aid, {"scope": "本庁へ（2名で移送）"})  # still a request
    repository.update(officer_session, "approvals", aid, {"status": "approved", "decided_on": "2026-11-21",
                                                          "valid_until": "2026-12-31"})
    with pytest.raises(NotPermitted):
        repository.update(handler_session, "approvals", aid, {"valid_until": "2027-12-31"})
    assert repository.get(officer_session, "approvals", aid)["valid_until"] == "2026-12-31"
    repository.update(officer_session, "approvals", aid, {"valid_until": "2027-03-31"})


def test_registers_behind_numbered_forms_carry_a_document_number() -> None:
    # The forms print record.doc_no above the date of every per-record form with a 文書番号 line.
    from tokki_desktop.forms.catalog import FORMS

    numbered = {f.source.register for f in FORMS.values()
                if f.doc_number and f.source.per_record and f.source.register}
    assert numbered and all(SPECS[kind].has_field("doc_no") for kind in numbered), numbered
    assert SPECS["incidents"].field("other").label_ja == "その他参考となる事項"
    assert SPECS["incidents"].field("other").type == "longtext"


def test_new_fields_round_trip_for_a_handler(handler_session) -> None:
    iid = repository.add(handler_session, "incidents", {
        "discovered_at": "R8.11.25 9:00", "summary": "誤送付", "other": "市の指示で関係書類を点検", "doc_no": "と業第１２号"})
    row = repository.get(handler_session, "incidents", iid)
    assert row["other"] == "市の指示で関係書類を点検" and row["doc_no"] == "と業第１２号"  # text is kept as typed
    changed = repository.update(handler_session, "incidents", iid, {"doc_no": "と業第13号"})
    assert changed == {"doc_no": ("と業第１２号", "と業第13号")}


RECORD_REQUEST = {"received_on": "R8.11.20", "request": "管理台帳の写し", "due_on": "R8.11.30"}


@pytest.mark.parametrize(("values", "field"), [
    ({**RECORD_REQUEST, "due_on": "R8.11.19"}, "期限"),             # a deadline before the request
    ({**RECORD_REQUEST, "submitted_on": "2026-11-19"}, "提出日"),    # submitted before it was asked
    ({k: v for k, v in RECORD_REQUEST.items() if k != "due_on"}, "期限"),
    ({k: v for k, v in RECORD_REQUEST.items() if k != "request"}, "依頼内容"),
    ({**RECORD_REQUEST, "doc_no": "x" * 101}, "文書番号"),
], ids=["due-before", "submitted-before", "no-due", "no-request", "long-doc-no"])
def test_record_request_bad_input(officer_session, values: dict, field: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        repository.add(officer_session, "record_requests", values)
    assert caught.value.field_ja == field
    assert repository.count_records(officer_session, "record_requests", include_closed=True) == 0


def test_record_request_on_the_ledger_turns_art_13(officer_session, clock) -> None:
    assert evaluate(officer_session).status_of(13) == "ok"
    qid = repository.add(officer_session, "record_requests", RECORD_REQUEST)
    assert evaluate(officer_session).status_of(13) == "due_soon"
    clock.advance(dt.timedelta(days=5).total_seconds())
    (finding,) = evaluate(officer_session).articles[13].findings
    assert finding.severity == "overdue" and "令和8年11月30日" in finding.message_ja
    repository.update(officer_session, "record_requests", qid, {"submitted_on": "R8.12.1", "submission_method": "手渡し"})
    assert evaluate(officer_session).status_of(13) == "ok"

"""A compliant work site as plain register rows: the rules' quiet baseline in tests.

Every rule must say nothing about this site at :data:`NOW`; each firing test changes one
thing. Rows look exactly as the ledger stores them (ISO dates, 0/1 bools, choice codes).
"""

from __future__ import annotations

import copy
import datetime as dt
from typing import Any

JST = dt.timezone(dt.timedelta(hours=9))
NOW = dt.datetime(2026, 11, 26, 10, 0, tzinfo=JST)

_SITE: dict[str, list[dict[str, Any]]] = {
    "contracts": [{
        "id": 1, "title": "令和8年度 課税資料入力業務", "client": "小金井市", "client_head": "小金井市長",
        "period_start": "2026-04-01", "period_end": "2027-03-31", "purpose": "課税資料のデータ入力",
        "purpose_items": "氏名、住所、生年月日、税額", "contractor_address": "東京都小金井市本町1-1",
        "contractor_name": "株式会社テスト", "contractor_representative": "代表取締役 見本 太郎",
        "media_inspection_days": 90, "training_interval_days": 365, "complaint_report_hours": 24,
        "incident_first_report_hours": 24, "incident_final_report_days": 30, "disposal_report_days": 7,
        "supervision_report_days": 90, "return_grace_days": 14, "due_soon_days": 14,
    }],
    "people": [
        {"id": 1, "contract_id": 1, "name": "責任 太郎", "role": "officer", "employment_type": "regular",
         "reported_on": "2026-03-20", "approved_on": "2026-03-25", "started_on": "2026-04-01"},
        {"id": 2, "contract_id": 1, "name": "派遣 花子", "role": "handler", "employment_type": "dispatched",
         "reported_on": "2026-03-20", "approved_on": "2026-03-25", "started_on": "2026-04-01"},
    ],
    "change_requests": [{"id": 1, "contract_id": 1, "change": "add", "description": "増員",
                         "applied_on": "2026-05-01", "effective_on": "2026-06-01", "approved_on": "2026-05-20"}],
    "pledges": [{"id": 1, "contract_id": 1, "person_id": 1, "signed_on": "2026-03-28"},
                {"id": 2, "contract_id": 1, "person_id": 2, "signed_on": "2026-03-28"}],
    "trainings": [{"id": 1, "contract_id": 1, "title": "秘密保持研修", "held_on": "2026-04-01"}],
    "training_attendance": [{"id": 1, "training_id": 1, "person_id": 1},
                            {"id": 2, "training_id": 1, "person_id": 2}],
    "workplaces": [{"id": 1, "contract_id": 1, "name": "市役所第二庁舎 作業室", "address": "小金井市本町",
                    "in_client_building": 1, "lockable_storage": 1, "entry_control": "入退室記録簿",
                    "reported_on": "2026-03-20", "first_used_on": "2026-04-01"}],
    "id_cards": [{"id": 1, "contract_id": 1, "person_id": 1, "workplace_id": 1, "card_no": "A-1",
                  "issued_on": "2026-03-30"},
                 {"id": 2, "contract_id": 1, "person_id": 2, "workplace_id": 1, "card_no": "A-2",
                  "issued_on": "2026-03-30"}],
    "media": [{"id": 1, "contract_id": 1, "control_no": "USB-01", "media_type": "usb", "encrypted": 1,
               "private_device": 0, "consent_on": "2026-03-25", "first_used_on": "2026-04-01"}],
    "media_inspections": [{"id": 1, "media_id": 1, "inspected_on": "2026-10-15", "inspector": "責任 太郎",
                           "result": "ok"}],
    "handovers": [{"id": 1, "contract_id": 1, "direction": "receive", "handed_at": "2026-04-01T10:00:00+09:00",
                   "place": "課税課", "method": "手渡し", "documents": "申告書", "handed_by": "市職員",
                   "received_by": "責任 太郎", "receipt_submitted_on": "2026-04-01"}],
    "assets": [{"id": 1, "contract_id": 1, "name": "申告書データ", "items": "氏名、住所", "record_count": 1200,
                "users": "責任、派遣", "storage_place": "作業室 保管庫A", "handling": "in_use",
                "received_on": "2026-04-01", "handover_id": 1}],
    "approvals": [{"id": 1, "contract_id": 1, "approval_type": "takeout", "scope": "本庁への移送",
                   "requested_on": "2026-03-25", "status": "approved", "decided_on": "2026-04-01",
                   "valid_until": "2027-03-31"},
                  {"id": 2, "contract_id": 1, "approval_type": "copy", "scope": "入力用の複写",
                   "requested_on": "2026-03-25", "status": "approved", "decided_on": "2026-04-01",
                   "valid_until": "2027-03-31"}],
    "takeouts": [{"id": 1, "contract_id": 1, "activity": "transport", "media_id": 1, "approval_id": 1,
                  "destination": "本庁", "started_at": "2026-11-20T09:00:00+09:00",
                  "expected_return_at": "2026-11-20T17:00:00+09:00",
                  "returned_at": "2026-11-20T16:00:00+09:00"},
                 {"id": 2, "contract_id": 1, "activity": "copy", "approval_id": 2, "destination": "作業室",
                  "started_at": "2026-11-21T09:00:00+09:00"}],
    "subcontracts": [{"id": 1, "contract_id": 1, "name": "有限会社下請", "address": "府中市",
                      "reason": "繁忙期", "content": "入力", "information": "氏名", "safety_measures": "施錠",
                      "supervision_method": "月次報告", "applied_on": "2026-03-20", "approved_on": "2026-04-01",
                      "work_started_on": "2026-04-10"}],
    "supervision_reports": [{"id": 1, "subcontract_id": 1, "reported_on": "2026-10-01", "content": "問題なし"}],
    "disposals": [{"id": 1, "contract_id": 1, "action": "dispose", "items": "氏名", "quantity": "1冊",
                   "method": "溶解", "planned_on": "2026-10-05", "applied_on": "2026-09-20",
                   "approved_on": "2026-10-01", "executed_at": "2026-10-05T10:00:00+09:00",
                   "physical_destruction": 1, "reported_on": "2026-10-06"}],
    "complaints": [{"id": 1, "contract_id": 1, "received_at": "2026-11-01T10:00:00+09:00", "content": "問合せ",
                    "reported_at": "2026-11-01T11:00:00+09:00"}],
    "incidents": [{"id": 1, "contract_id": 1, "discovered_at": "2026-10-01T10:00:00+09:00", "summary": "誤送付",
                   "first_report_at": "2026-10-01T12:00:00+09:00",
                   "final_report_at": "2026-10-20T12:00:00+09:00"}],
    "emergency_plans": [{"id": 1, "contract_id": 1, "title": "緊急時対応計画", "established_on": "2026-03-30"}],
    "inspections": [{"id": 1, "contract_id": 1, "inspected_on": "2026-09-01"}],
    "improvement_orders": [{"id": 1, "contract_id": 1, "inspection_id": 1, "ordered_on": "2026-09-01",
                            "content": "施錠の徹底", "due_on": "2026-09-30", "responded_on": "2026-09-20"}],
    "record_requests": [{"id": 1, "contract_id": 1, "received_on": "2026-10-01", "request": "管理台帳の写し",
                         "due_on": "2026-10-10", "submitted_on": "2026-10-08", "submission_method": "手渡し"}],
}


def clean_site() -> dict[str, list[dict[str, Any]]]:
    """A fresh, deep copy of the compliant site (tests change it freely)."""
    return copy.deepcopy(_SITE)


def row(site: dict[str, list[dict[str, Any]]], kind: str, ident: int = 1) -> dict[str, Any]:
    """The row ``ident`` of ``kind`` in ``site``."""
    return next(r for r in site[kind] if r["id"] == ident)

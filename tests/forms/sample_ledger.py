"""One made-up record in every register, added through the registers' repository.

Used by the forms tests and by ``bench/forms_bench.py``. All names are invented.
"""

from __future__ import annotations

from typing import Any

from tokki_desktop.monitor.inventory import InventoryResult
from tokki_desktop.monitor.inventory import record as record_inventory
from tokki_desktop.registers import repository as repo


def fill_sample(s: Any) -> dict[str, Any]:
    """Add one made-up record to every register; returns the session and the ids by name."""
    contract = repo.list_records(s, "contracts")[0]["id"]
    repo.update(s, "contracts", contract, {
        "title": "令和8年度 住民税課税資料入力業務委託",
        "client_head": "小金井市長",
        "contractor_address": "東京都小金井市本町六丁目6番3号",
        "contractor_name": "株式会社テスト情報サービス",
        "contractor_representative": "代表取締役　見本　一郎",
        "purpose": "住民税の課税資料のデータ入力",
        "period_start": "2026-04-01", "period_end": "2027-03-31",
    })
    ids: dict[str, int] = {"contract": contract}
    ids["officer"] = repo.add(s, "people", {"name": "責任 太郎", "role": "officer", "affiliation": "情報処理部",
                                             "employment_type": "regular", "started_on": "2026-04-01"})
    ids["handler"] = repo.add(s, "people", {"name": "従事 花子", "name_kana": "ジュウジ ハナコ", "role": "handler",
                                             "affiliation": "入力課", "employment_type": "dispatched",
                                             "dispatch_agency": "派遣サンプル株式会社", "started_on": "2026-04-10"})
    ids["change"] = repo.add(s, "change_requests", {"change": "add", "person_id": ids["handler"],
                                                    "description": "入力件数の増加に伴い従事者を1名追加する。",
                                                    "applied_on": "2026-04-03", "effective_on": "2026-04-10"})
    ids["workplace"] = repo.add(s, "workplaces", {"name": "本社第二作業室", "address": "東京都小金井市本町六丁目6番3号",
                                                  "room": "4階 402号室", "lockable_storage": True,
                                                  "entry_control": "ICカード、入退室記録簿",
                                                  "first_used_on": "2026-04-01"})
    ids["id_card"] = repo.add(s, "id_cards", {"person_id": ids["handler"], "workplace_id": ids["workplace"],
                                              "card_no": "ID-0012", "issued_on": "2026-04-05"})
    ids["training"] = repo.add(s, "trainings", {"title": "個人情報保護研修", "held_on": "2026-04-08",
                                                "trainer": "責任 太郎", "minutes": 90,
                                                "content": "特記事項の説明、持出し禁止、事故時の報告手順"})
    repo.add(s, "training_attendance", {"training_id": ids["training"], "person_id": ids["handler"]})
    ids["media"] = repo.add(s, "media", {"control_no": "USB-001", "media_type": "usb", "maker": "サンプル電機",
                                         "model": "SB-32", "serial": "SN12345678", "capacity": "32GB",
                                         "encrypted": True, "encryption_method": "AES-256 ハードウェア暗号化",
                                         "storage_place": "第二作業室 保管庫A"})
    repo.add(s, "media_inspections", {"media_id": ids["media"], "inspected_on": "2026-07-01",
                                      "inspector": "責任 太郎", "result": "ok"})
    # The monitor's inventory scans (Art. 6(2) evidence): the medium's scan the day before its
    # inspection (stored in UTC, as another terminal may), a later interrupted one, and the
    # weekly scan of the watched folders.
    ids["scan_medium"] = record_inventory(s, InventoryResult(
        "medium", "USB-001", "2026-06-30T00:40:00+00:00", "2026-06-30T01:05:00+00:00", files=1234,
        personal_data=3, encrypted=2, unreadable=1, complete=True, media_id=ids["media"]))
    ids["scan_later"] = record_inventory(s, InventoryResult(
        "medium", "USB-001", "2026-07-15T09:00:00+09:00", "2026-07-15T09:02:00+09:00", files=57,
        personal_data=0, encrypted=0, unreadable=0, complete=False, media_id=ids["media"]))
    ids["scan_roots"] = record_inventory(s, InventoryResult(
        "roots", "監視フォルダ / watched folders", "2026-07-06T03:00:00+09:00", "2026-07-06T03:20:00+09:00",
        files=10250, personal_data=0, encrypted=4, unreadable=2, complete=True))
    ids["handover"] = repo.add(s, "handovers", {"direction": "receive", "handed_at": "2026-04-15 10:30",
                                                "place": "小金井市役所 第二庁舎", "method": "手渡し（施錠ケース）",
                                                "documents": "課税資料（紙）", "items": "氏名、住所、生年月日",
                                                "record_count": 1200, "medium": "紙",
                                                "handed_by": "市民税課 担当者", "received_by": "責任 太郎"})
    ids["asset"] = repo.add(s, "assets", {"name": "令和8年度課税資料", "items": "氏名、住所、生年月日、税額",
                                          "record_count": 1200, "medium": "紙", "media_id": ids["media"],
                                          "users": "責任 太郎、従事 花子", "storage_place": "第二作業室 保管庫A",
                                          "received_on": "2026-04-15", "handover_id": ids["handover"]})
    ids["approval"] = repo.add(s, "approvals", {"approval_type": "copy", "scope": "課税資料の一部を照合用に1部複写する",
                                                "asset_id": ids["asset"], "requested_on": "2026-04-20",
                                                "requested_by": "責任 太郎"})
    ids["takeout_approval"] = repo.add(s, "approvals", {"approval_type": "takeout", "asset_id": ids["asset"],
                                                        "scope": "照合のため市役所へ課税資料を持ち出す（施錠ケース）",
                                                        "requested_on": "2026-04-25", "requested_by": "責任 太郎"})
    ids["transmission_approval"] = repo.add(s, "approvals", {"approval_type": "transmission",
                                                            "scope": "入力結果を市の指定する暗号化ファイル交換で送信",
                                                            "requested_on": "2026-04-26",
                                                            "requested_by": "責任 太郎"})
    repo.add(s, "takeouts", {"activity": "transport", "asset_id": ids["asset"], "person_id": ids["officer"],
                             "destination": "小金井市役所", "transport": "2名で施錠ケースにより移送",
                             "started_at": "2026-05-01 09:00"})
    ids["subcontract"] = repo.add(s, "subcontracts", {
        "name": "株式会社サンプル入力", "address": "東京都府中市宮西町1丁目1番地",
        "reason": "繁忙期の入力量に対応するため", "content": "課税資料のデータ入力の一部",
        "information": "氏名、住所、税額", "safety_measures": "ISMS認証取得、入退室管理、私物持込禁止",
        "supervision_method": "月1回の立入確認と作業報告書の提出", "period": "令和8年5月から6月まで",
        "applied_on": "2026-04-20"})
    ids["supervision"] = repo.add(s, "supervision_reports", {"subcontract_id": ids["subcontract"],
                                                             "reported_on": "2026-06-30", "period": "令和8年5月～6月",
                                                             "content": "立入確認を2回実施し、問題なし。"})
    ids["disposal"] = repo.add(s, "disposals", {"action": "dispose", "asset_id": ids["asset"],
                                                "items": "氏名、住所、生年月日、税額", "media_name": "USB-001",
                                                "quantity": "1個", "method": "物理破壊", "planned_on": "2027-03-25",
                                                "applied_on": "2027-03-01", "executed_at": "2027-03-25 15:00",
                                                "executed_by": "責任 太郎", "physical_destruction": True})
    ids["complaint"] = repo.add(s, "complaints", {"received_at": "2026-06-01 11:00", "received_by": "責任 太郎",
                                                  "content": "電話応対の際の確認が不十分との指摘",
                                                  "progress": "本人確認手順を見直した"})
    ids["incident"] = repo.add(s, "incidents", {"discovered_at": "2026-09-01 17:00", "place": "第二作業室",
                                                "summary": "誤って別の資料に1枚混入した。", "items": "氏名、住所",
                                                "affected_count": 1, "cause": "照合手順の省略"})
    ids["plan"] = repo.add(s, "emergency_plans", {"title": "個人情報漏えい等事故対応計画", "established_on": "2026-04-01",
                                                  "contacts": "取扱責任者→代表取締役→小金井市 市民税課",
                                                  "content": "証拠保全、被害拡大防止、復旧、再発防止の各手順"})
    return {"session": s, **ids}

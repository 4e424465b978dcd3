"""The demo work site: one contract with the city, its people, places, media, data and events.

Everything is invented (names, addresses, numbers). Dates are set relative to today so that
the compliance status always shows a mix: most articles ok, a few due soon, overdue or in
violation, each for a reason a 取扱責任者 would recognise.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from tokki_desktop.registers import repository
from tokki_desktop.registers.setup import fiscal_year_end
from tokki_desktop.wareki import format_wareki

PURPOSE_ITEMS = "氏名、住所、生年月日、個人番号、給与収入額、公的年金等収入額、税額"


def _at(day: dt.date, hour: int, minute: int, tz: dt.tzinfo) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, hour, minute, tzinfo=tz)


def populate(session: Any) -> None:
    """Fill the registers of a freshly created demo ledger (the officer's session)."""
    now = session.clock.now()
    tz = now.tzinfo or dt.UTC
    today = now.date()
    fy_start = dt.date(fiscal_year_end(today).year - 1, 4, 1)
    start = fy_start if (today - fy_start).days >= 120 else dt.date(fy_start.year - 1, 4, 1)

    def day(offset: int) -> dt.date:
        """``offset`` days after the contract started."""
        return start + dt.timedelta(days=offset)

    def ago(days: int) -> dt.date:
        return today - dt.timedelta(days=days)

    filed: list[tuple[dt.date, str, int]] = []

    def add(kind: str, filed_on: dt.date | None = None, **values: Any) -> int:
        """Add a record; ``filed_on``: the day it went to the city as a numbered document."""
        new_id = repository.add(session, kind, values)
        if filed_on is not None:
            filed.append((filed_on, kind, new_id))
        return new_id

    contracts = repository.list_records(session, "contracts")
    cid = contracts[0]["id"]
    repository.update(session, "contracts", cid, {
        "client_department": "市民部 課税課",
        "period_start": start, "period_end": fiscal_year_end(today),
        "purpose": "個人住民税の課税資料（給与支払報告書、公的年金等支払報告書、申告書）のデータ入力及び照合",
        "purpose_items": PURPOSE_ITEMS,
        "contractor_address": "東京都小金井市本町九丁目1番1号 とっきビル3階",
        "contractor_representative": "代表取締役 山口 誠",
        "contractor_contact_person": "田中 一郎（業務部）",
        "contractor_contact": "042-000-0000 / demo@example.jp",
    })

    # Art. 8, 11, 15: the officer and six handlers, one dispatched and added later in the year.
    people = {}
    staff = [
        ("田中 一郎", "タナカ イチロウ", "officer", "regular", "tanaka"),
        ("佐藤 花子", "サトウ ハナコ", "handler", "regular", ""),
        ("鈴木 健太", "スズキ ケンタ", "handler", "regular", ""),
        ("高橋 美咲", "タカハシ ミサキ", "handler", "contract", ""),
        ("伊藤 大輔", "イトウ ダイスケ", "handler", "regular", ""),
        ("渡辺 由美", "ワタナベ ユミ", "handler", "regular", ""),
    ]
    for name, kana, role, employment, login in staff:
        people[name] = add("people", name=name, name_kana=kana, role=role, employment_type=employment,
                           affiliation="業務部 データ入力課", login=login, reported_on=day(-14),
                           approved_on=day(-7), started_on=day(0))
    joined = max(ago(40), day(1))
    cr = add("change_requests", change="add", description="繁忙期の増員（派遣社員1名）",
             applied_on=joined - dt.timedelta(days=14), effective_on=joined,
             approved_on=joined - dt.timedelta(days=5), filed_on=joined - dt.timedelta(days=14))
    people["山本 翔"] = add("people", name="山本 翔", name_kana="ヤマモト ショウ", role="handler",
                          employment_type="dispatched", dispatch_agency="株式会社みらい人材（架空）",
                          affiliation="業務部 データ入力課", reported_on=joined - dt.timedelta(days=14),
                          approved_on=joined - dt.timedelta(days=5), started_on=joined,
                          notes=f"変更承認申請 ID {cr}")
    for name, pid in people.items():
        signed = joined - dt.timedelta(days=2) if name == "山本 翔" else day(-5)
        add("pledges", person_id=pid, signed_on=signed, submitted_on=signed + dt.timedelta(days=1),
            copy_location="業務部 書庫（施錠）")

    # Art. 10: the opening training; the dispatched handler who joined later has not had one yet.
    training = add("trainings", title="個人情報保護・秘密保持研修", held_on=day(0), trainer="田中 一郎", minutes=90,
                   content="特記事項の各条、持出し・複写の承認手続、事故時の連絡", filed_on=day(1))
    for name, pid in people.items():
        if name != "山本 翔":
            add("training_attendance", training_id=training, person_id=pid)

    # Art. 9: two places; the one inside the city hall needs the contractor's ID cards.
    add("workplaces", name="本社 データ入力室", address="東京都小金井市本町九丁目1番1号 とっきビル3階",
        room="301 入力室", in_client_building=False, lockable_storage=True,
        entry_control="ICカードによる入退室管理・記録", reported_on=day(-10), first_used_on=day(0))
    hall = add("workplaces", name="市役所 第二庁舎 作業スペース", address="小金井市本町（市役所第二庁舎）",
               room="4階 会議室B", in_client_building=True, lockable_storage=True,
               entry_control="課税課の入退室記録簿", reported_on=day(-10), first_used_on=day(30))
    for n, (name, pid) in enumerate(people.items(), start=1):
        add("id_cards", person_id=pid, workplace_id=hall, card_no=f"TK-{n:03d}",
            issued_on=day(25) if name != "山本 翔" else joined)

    # Art. 6: four media; the backup disk has missed its periodic inspection.
    media = {
        "USB-01": add("media", control_no="USB-01", media_type="usb", maker="（架空）メーカー", model="SecureStick 32",
                      serial="SS32-0001", encrypted=True, encryption_method="ハードウェア暗号化 AES-256",
                      storage_place="301 入力室 保管庫A", consent_on=day(-3), first_used_on=day(2)),
        "USB-02": add("media", control_no="USB-02", media_type="usb", maker="（架空）メーカー", model="SecureStick 32",
                      serial="SS32-0002", encrypted=True, encryption_method="ハードウェア暗号化 AES-256",
                      storage_place="301 入力室 保管庫A", consent_on=day(-3), first_used_on=day(2)),
        "HDD-01": add("media", control_no="HDD-01", media_type="hdd", maker="（架空）メーカー", model="Backup 2TB",
                      serial="BK2T-7781", encrypted=True, encryption_method="BitLocker To Go",
                      storage_place="301 入力室 金庫", consent_on=day(-3), first_used_on=day(2)),
        "PC-01": add("media", control_no="PC-01", media_type="pc", maker="（架空）メーカー", model="Desk 5",
                     serial="DK5-1203", encrypted=True, encryption_method="BitLocker",
                     storage_place="301 入力室（ワイヤーロック）", consent_on=day(-3), first_used_on=day(0)),
    }
    for control_no, mid in media.items():
        last = ago(150) if control_no == "HDD-01" else ago(30)
        add("media_inspections", media_id=mid, inspected_on=max(last, day(3)), inspector="田中 一郎",
            result="ok", notes="保管状況・バックアップ・データの正確性を確認")

    # Art. 16: the city's documents received with a receipt.
    handover = add("handovers", direction="receive", handed_at=_at(day(1), 10, 0, tz), place="小金井市役所 課税課窓口",
                   method="施錠ケースによる手渡し", documents="給与支払報告書、公的年金等支払報告書、申告書",
                   items="氏名、住所、生年月日、個人番号、給与収入額、公的年金等収入額", record_count=18_500,
                   medium="紙（ファイル12冊）", handed_by="課税課 職員（架空）", received_by="田中 一郎",
                   receipt_submitted_on=day(1), filed_on=day(1))

    # Art. 7(5): the 個人情報管理台帳. One entry lacks its users (a finding).
    users = "佐藤、鈴木、高橋、伊藤、渡辺、山本"
    assets = {
        "paper": add("assets", name="給与支払報告書（紙）", items="氏名、住所、生年月日、個人番号、給与収入額",
                     record_count=12_000, medium="紙", users=users, storage_place="301 入力室 保管庫B（施錠）",
                     handling="in_use", received_on=day(1), handover_id=handover),
        "pension": add("assets", name="公的年金等支払報告書（紙）", items="氏名、住所、生年月日、公的年金等収入額",
                       record_count=4_500, medium="紙", users=users, storage_place="301 入力室 保管庫B（施錠）",
                       handling="in_use", received_on=day(1), handover_id=handover),
        "returns": add("assets", name="住民税申告書（紙）", items="氏名、住所、生年月日、給与収入額",
                       record_count=2_000, medium="紙", users=users, storage_place="301 入力室 保管庫C（施錠）",
                       handling="stored", received_on=day(1), handover_id=handover),
        "data": add("assets", name="課税資料 入力データ", items="氏名、住所、生年月日、給与収入額、公的年金等収入額、税額",
                    record_count=18_500, medium="電子", media_id=media["PC-01"], users=users,
                    storage_place="PC-01（暗号化）、HDD-01（バックアップ）", handling="in_use"),
        "check": add("assets", name="入力照合チェックリスト", items="氏名、税額", record_count=18_500, medium="電子",
                     media_id=media["USB-01"], users="", storage_place="USB-01", handling="in_use"),
    }

    # Art. 5, 6, 7: approvals and what was done under them.
    transport = add("approvals", approval_type="takeout", scope="入力済み資料の市役所への搬送（施錠ケース、2名で移送）",
                    asset_id=assets["paper"], requested_on=day(5), requested_by="田中 一郎", status="approved",
                    decided_on=day(8), valid_until=fiscal_year_end(today), client_reference="課税課-承-12（架空）",
                    filed_on=day(5))
    copy = add("approvals", approval_type="copy", scope="照合用に入力データの一部を USB-01 に複製",
               asset_id=assets["data"], media_id=media["USB-01"], requested_on=day(5), requested_by="田中 一郎",
               status="approved", decided_on=day(8), valid_until=fiscal_year_end(today), filed_on=day(5))
    add("approvals", approval_type="media_use", scope="USB-01、USB-02、HDD-01、PC-01 の使用", requested_on=day(-5),
        requested_by="田中 一郎", status="approved", decided_on=day(-3), filed_on=day(-5))
    add("approvals", approval_type="transmission", scope="照合結果の電子メール送信", requested_on=ago(3),
        requested_by="佐藤 花子", status="requested")
    add("takeouts", activity="transport", asset_id=assets["paper"], person_id=people["田中 一郎"],
        approval_id=transport, destination="小金井市役所 課税課", purpose="入力済み資料の返却",
        transport="施錠ケース、社用車、2名で移送", started_at=_at(ago(20), 9, 30, tz),
        expected_return_at=_at(ago(20), 12, 0, tz), returned_at=_at(ago(20), 11, 40, tz))
    add("takeouts", activity="copy", asset_id=assets["data"], media_id=media["USB-01"], person_id=people["佐藤 花子"],
        approval_id=copy, destination="301 入力室", purpose="入力照合", started_at=_at(ago(10), 14, 0, tz))

    # Art. 14: the second keying (verification) subcontracted with approval, supervised every two
    # months and reported (so the 監督状況報告書 has something to print) ...
    verify_start = day(30)
    verifier = add("subcontracts", name="株式会社サンプル入力センター（架空）", address="東京都調布市（架空）",
                   reason="繁忙期の入力件数の増加に対応し、入力の正確性を確保するため",
                   content="給与支払報告書の2回目入力（ベリファイ入力）",
                   information="氏名、住所、給与収入額（給与支払報告書の該当欄のみ）",
                   safety_measures="再委託先の施錠された入力室で作業、従事者の誓約書、私物の持込み禁止、当社貸与の暗号化端末のみ使用",
                   supervision_method="月1回の立入確認と作業報告書の提出",
                   period=f"{format_wareki(verify_start)}から契約期間の終了まで", applied_on=day(12),
                   approved_on=day(20), work_started_on=verify_start, filed_on=day(12))
    covered_from, report_day = verify_start, verify_start + dt.timedelta(days=60)
    while report_day < today:
        issue = "入退室記録簿の記入漏れ1件。再委託先で記入を徹底し、次回の立入確認で是正を確認する。" \
            if covered_from == verify_start else "なし"
        add("supervision_reports", subcontract_id=verifier, reported_on=report_day,
            period=f"{format_wareki(covered_from)}〜{format_wareki(report_day - dt.timedelta(days=1))}",
            content="立入確認（入力室の施錠、入退室記録、端末の暗号化）を2回実施。作業報告書で入力件数と"
                    "持出し・複写のないことを確認した。",
            issues=issue, filed_on=report_day)
        covered_from, report_day = report_day, report_day + dt.timedelta(days=60)
    # ... and a second one applied for, not yet approved (due soon: do not start).
    add("subcontracts", name="有限会社サンプル印刷（架空）", address="東京都府中市（架空）", reason="通知書の封入封緘の繁忙期対応",
        content="課税通知書の封入封緘", information="氏名、住所（宛名面のみ）",
        safety_measures="施錠された作業室、作業者の誓約書、持出し禁止", supervision_method="週次の作業報告と月1回の立入確認",
        period="承認日から1か月", applied_on=ago(4))

    # Art. 17: checklists of the first run erased; the report is due in a few days.
    add("disposals", action="erase", items="氏名、税額（第1回照合分）", media_name="USB-02", quantity="1件（約3,000件分）",
        method="専用ソフトによる上書き消去", planned_on=ago(2), applied_on=ago(9), approved_on=ago(5),
        executed_at=_at(ago(2), 16, 0, tz), executed_by="田中 一郎", physical_destruction=True, filed_on=ago(9))

    # Art. 18: a complaint received this morning, not reported yet (due soon).
    add("complaints", received_at=now - dt.timedelta(hours=3), received_by="佐藤 花子",
        content="電話：自分の申告書が委託先で扱われているのか確認したい、との問合せ",
        progress="契約上の取扱いを説明。市へ報告予定。")

    # Art. 19: an incident with its first report sent; the final report is due soon.
    found = now - dt.timedelta(days=20)
    add("incidents", occurred_at=found - dt.timedelta(hours=2), discovered_at=found, place="301 入力室",
        summary="入力済み申告書1件を別のファイルに綴じ込み、一時所在不明（室内で発見）",
        items="氏名、住所、給与収入額", affected_count=1, cause="綴じ込み時の確認不足",
        secondary_damage="なし（室外への持出しなし）",
        response_to_individuals="市と協議中", publication="なし（市の判断による）",
        prevention="綴じ込み時のダブルチェック", other="市の指示により全ファイルの綴じ込みを点検し、他に誤りのないことを確認",
        first_report_at=found + dt.timedelta(hours=3), filed_on=(found + dt.timedelta(hours=3)).date())
    add("emergency_plans", title="個人情報漏えい等事故 緊急時対応計画", established_on=day(-10),
        contacts="発見者 → 取扱責任者（田中）→ 市 課税課（直ちに電話、同日中に書面）",
        content="証拠保全、被害拡大の防止、復旧、再発防止の手順", reviewed_on=day(90))

    # Art. 12: the city's inspection, with an improvement order now past its due date.
    inspection = add("inspections", inspected_on=ago(45), inspectors="課税課 職員2名（架空）",
                     scope="作業場所、保管状況、台帳の記載", findings="媒体点検記録の記載漏れ")
    add("improvement_orders", inspection_id=inspection, ordered_on=ago(45), content="媒体の定期点検を記録すること",
        due_on=ago(3))

    # Art. 13: the city asked for copies of the records after its inspection (handed over in
    # time), and for the training records of the year so far (not due yet).
    add("record_requests", received_on=ago(30), requested_by="課税課 職員（架空）",
        request="調査の指摘に関し、個人情報管理台帳及び電磁的記録媒体点検記録の写しの提出",
        due_on=ago(23), submitted_on=ago(26), submission_method="印刷した写しを課税課窓口で手渡し",
        filed_on=ago(26))
    add("record_requests", received_on=ago(2), requested_by="課税課 職員（架空）",
        request="今年度の研修実施記録及び受講者一覧の写しの提出", due_on=ago(2) + dt.timedelta(days=21))

    # 文書番号 run in the order the documents went out, as the contractor's filing book counts them.
    for number, (_day, kind, ident) in enumerate(sorted(filed), start=1):
        repository.update(session, kind, ident, {"doc_no": f"と業第{number}号"})

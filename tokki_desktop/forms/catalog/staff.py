"""Who handles the data and where (Art. 8, 9, 10): staff report and change, work places, training."""

from __future__ import annotations

from tokki_desktop.forms.catalog.common import CONTRACT, intro
from tokki_desktop.forms.model import (
    Column,
    Field,
    Fields,
    FormSpec,
    Source,
    Table,
    TextBox,
)

STAFF_REPORT = FormSpec(
    id="staff_report", title="個人情報取扱責任者・従事者報告書", article="第8条",
    summary_en="Report of the responsible officer and handlers",
    source=Source(rows="people"),
    intro=intro("第8条", "報告"),
    blocks=(
        Fields((CONTRACT, Field("契約期間", "profile.period"))),
        Table((
            Column("区分", "role", 1.1),
            Column("氏名", "name", 1.6),
            Column("フリガナ", "name_kana", 1.6),
            Column("所属", "affiliation", 1.6),
            Column("雇用形態", "employment", 1.4),
            Column("従事開始日", "started_on", 1.5, "date"),
        ), heading="取扱責任者及び従事者"),
    ),
)

STAFF_CHANGE = FormSpec(
    id="staff_change", title="個人情報取扱責任者・従事者変更承認申請書", article="第8条",
    summary_en="Application to change the officer or handlers",
    source=Source(register="change_requests", per_record=True),
    intro="{profile.title}に係る個人情報取扱特記事項第8条の規定に基づき、取扱責任者・従事者の変更について"
          "下記のとおり申請しますので、承認をお願いします。",
    date_key="record.applied_on",
    blocks=(
        Fields((
            CONTRACT,
            Field("変更の種類", "record.change"),
            Field("対象者", "record.person.name", required=False),
            Field("区分", "record.person.role", required=False),
            Field("雇用形態", "record.person.employment", required=False),
            Field("変更予定日", "record.effective_on", kind="date"),
        )),
        TextBox("変更の内容及び理由", "record.description"),
    ),
)

WORKPLACE_REPORT = FormSpec(
    id="workplace_report", title="作業場所報告書", article="第9条",
    summary_en="Report of the work places", source=Source(rows="workplaces", extra=("id_cards",)),
    intro=intro("第9条", "報告"),
    blocks=(
        Fields((CONTRACT,)),
        Table((
            Column("名称", "name", 1.5),
            Column("所在地", "address", 2.4),
            Column("室", "room", 1.1),
            Column("委託者の庁舎内", "in_client_building", 0.9, "yesno", "center"),
            Column("施錠できる保管庫", "lockable_storage", 0.9, "yesno", "center"),
            Column("入退室管理", "entry_control", 1.4),
            Column("使用開始日", "first_used_on", 1.4, "date"),
        ), heading="1　作業場所"),
        Table((
            Column("証明書番号", "card_no", 1.2),
            Column("携帯者", "person.name", 1.5),
            Column("作業場所", "workplace.name", 1.5),
            Column("発行日", "issued_on", 1.3, "date"),
            Column("返却日", "returned_on", 1.3, "date"),
        ), rows_key="id_cards", heading="2　身分証明書の発行（委託者の庁舎内で作業する場合・第9条第2項）"),
    ),
)

TRAINING_RECORD = FormSpec(
    id="training_record", title="研修実施記録", article="第10条",
    summary_en="Record of a training session and its attendees",
    source=Source(register="trainings", per_record=True, extra=("attendees",)),
    intro=intro("第10条", "研修を実施したことを報告"),
    date_key="record.held_on",
    blocks=(
        Fields((
            CONTRACT,
            Field("研修名", "record.title"),
            Field("実施日", "record.held_on", kind="date"),
            Field("講師", "record.trainer"),
            Field("時間", "record.minutes_text"),
        )),
        TextBox("内容", "record.content"),
        Table((
            Column("No.", "no", 0.5, align="right"),
            Column("氏名", "person.name", 2.0),
            Column("区分", "person.role", 1.2),
            Column("所属", "person.affiliation", 2.0),
            Column("備考", "notes", 2.0),
        ), rows_key="attendees", heading="受講者", blank_rows=2),
    ),
)

FORMS = (STAFF_REPORT, STAFF_CHANGE, WORKPLACE_REPORT, TRAINING_RECORD)

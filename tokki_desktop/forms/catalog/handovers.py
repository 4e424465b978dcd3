"""受渡し・返還・廃棄 (Art. 16, 17): the receipt, the application and the disposal report."""

from __future__ import annotations

from tokki_desktop.forms.catalog.common import CONTRACT
from tokki_desktop.forms.model import Field, Fields, FormSpec, Note, Source

RECEIPT = FormSpec(
    id="receipt", title="預り証", article="第16条",
    summary_en="Receipt for personal data received from the client",
    source=Source(register="handovers", per_record=True, where=(("direction", "receive"),)),
    intro="{profile.title}に係る個人情報取扱特記事項第16条の規定に基づき、下記のとおり個人情報を確かに預かりました。",
    date_key="record.handed_at",
    blocks=(
        Fields((
            CONTRACT,
            Field("受渡しの日時", "record.handed_at", kind="datetime"),
            Field("場所", "record.place"),
            Field("方法", "record.method"),
            Field("資料", "record.documents", lines=2),
            Field("個人情報の項目", "record.items", required=False, lines=2),
            Field("件数", "record.record_count", kind="count"),
            Field("媒体", "record.medium", required=False),
            Field("引渡者（委託者）", "record.handed_by"),
            Field("受領者（受託者）", "record.received_by"),
        )),
    ),
)

DISPOSAL_APPLICATION = FormSpec(
    id="disposal_application", title="個人情報返還・廃棄申請書", article="第17条",
    summary_en="Application to return, erase or dispose of personal data",
    source=Source(register="disposals", per_record=True),
    intro="{profile.title}に係る個人情報取扱特記事項第17条第2項の規定に基づき、下記のとおり個人情報の返還・消去・廃棄を"
          "申請しますので、承諾をお願いします。",
    date_key="record.applied_on",
    blocks=(
        Fields((
            CONTRACT,
            Field("区分", "record.action_choice", kind="choice", choices=("返還", "廃棄", "消去")),
            Field("個人情報の項目", "record.items", lines=2),
            Field("媒体名", "record.media_name"),
            Field("数量", "record.quantity"),
            Field("返還・消去・廃棄の方法", "record.method", lines=2),
            Field("処理予定日", "record.planned_on", kind="date"),
            Field("委託者の立会い", "record.witness_text"),
        )),
        Note("廃棄する場合は、電磁的記録媒体の物理的な破壊その他当該個人情報を判読不可能とするのに必要な措置を講じます。（第17条第4項）",
             size=9.5),
    ),
)

DISPOSAL_REPORT = FormSpec(
    id="disposal_report", title="個人情報廃棄（消去）報告書", article="第17条第5項",
    summary_en="Report that personal data was erased or disposed of",
    source=Source(register="disposals", per_record=True, present=("executed_at",)),
    intro="{profile.title}に係る個人情報取扱特記事項第17条第5項の規定に基づき、下記のとおり個人情報の消去・廃棄を"
          "行ったので報告します。",
    date_key="record.reported_on",
    blocks=(
        Fields((
            CONTRACT,
            Field("区分", "record.action_choice", kind="choice", choices=("返還", "廃棄", "消去")),
            Field("実施日時", "record.executed_at", kind="datetime"),
            Field("担当者", "record.executed_by"),
            Field("個人情報の項目", "record.items", lines=2),
            Field("媒体名", "record.media_name"),
            Field("数量", "record.quantity"),
            Field("方法", "record.method", lines=2),
            Field("判読不可能とする措置", "record.destruction_text"),
            Field("委託者の承諾日", "record.approved_on", kind="date"),
            Field("立会人", "record.witness", required=False),
        )),
    ),
)

FORMS = (RECEIPT, DISPOSAL_APPLICATION, DISPOSAL_REPORT)

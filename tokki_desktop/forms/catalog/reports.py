"""実施状況報告書 (Art. 12): the self-check list article by article, from the compliance engine."""

from __future__ import annotations

from tokki_desktop.forms.catalog.common import CONTRACT
from tokki_desktop.forms.model import Column, Field, Fields, FormSpec, Source, Table

IMPLEMENTATION_REPORT = FormSpec(
    id="implementation_report", title="個人情報の取扱いに関する実施状況報告書", article="第12条",
    summary_en="Report on how the provisions are carried out, with a self-check list per article",
    source=Source(extra=("activity", "checks", "orders")),
    intro="{profile.title}に係る個人情報取扱特記事項第12条第1項の規定に基づき、本業務の実施状況を下記のとおり報告します。",
    blocks=(
        Fields((CONTRACT, Field("契約期間", "profile.period"), Field("点検日", "today", kind="date"))),
        Fields((
            Field("取扱責任者・従事者", "activity.people_text"),
            Field("作業場所", "activity.workplaces", kind="count"),
            Field("研修の実施", "activity.trainings_text"),
            Field("電磁的記録媒体", "activity.media", kind="count"),
            Field("管理台帳の個人情報", "activity.assets", kind="count"),
            Field("持出し・移送・複写・送信", "activity.takeouts", kind="count"),
            Field("受渡し・返還・廃棄", "activity.handover_text"),
            Field("再委託", "activity.subcontracts", kind="count"),
            Field("苦情・事故", "activity.trouble_text"),
        ), heading="1　業務の実施状況（台帳の記録件数）"),
        Table((
            Column("条", "article", 0.7, align="center"),
            Column("点検項目", "item", 3.2),
            Column("状況", "status", 1.0, align="center"),
            Column("内容", "detail", 3.6),
        ), rows_key="checks", heading="2　自己点検（条項ごと）"),
        Table((
            Column("指示日", "ordered_on", 1.3, "date"),
            Column("指示の内容", "content", 2.6),
            Column("期限", "due_on", 1.3, "date"),
            Column("対応内容", "response", 2.6),
            Column("対応日", "responded_on", 1.3, "date"),
        ), rows_key="orders", heading="3　改善指示への対応（第12条第2項・第3項）"),
    ),
)

FORMS = (IMPLEMENTATION_REPORT,)

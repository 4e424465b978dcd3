"""苦情・事故 (Art. 18, 19): complaint report, incident report (速報/確報), emergency plan."""

from __future__ import annotations

from tokki_desktop.forms.catalog.common import CONTRACT
from tokki_desktop.forms.model import (
    Attachments,
    Field,
    Fields,
    FormSpec,
    Source,
    TextBox,
)

COMPLAINT_REPORT = FormSpec(
    id="complaint_report", title="苦情処理報告書", article="第18条",
    summary_en="Report of a complaint and how it was handled",
    source=Source(register="complaints", per_record=True),
    intro="{profile.title}に係る個人情報取扱特記事項第18条第2項の規定に基づき、個人情報の取扱いに関する苦情について"
          "下記のとおり報告します。",
    date_key="record.report_date",
    blocks=(
        Fields((
            CONTRACT,
            Field("受付日時", "record.received_at", kind="datetime"),
            Field("受付者", "record.received_by"),
            Field("処理の状況", "record.status", kind="choice", choices=("対応中", "完了")),
            Field("完了日", "record.resolved_on", kind="date", required=False),
        )),
        TextBox("苦情の内容", "record.content", min_lines=4),
        TextBox("対応経過", "record.progress", min_lines=4),
    ),
)

# The nine items of the personal information protection commission's leak report.
INCIDENT_REPORT = FormSpec(
    id="incident_report", title="個人情報漏えい等事故報告書", article="第19条",
    summary_en="Incident report (first or final), with the nine items of the PPC leak report",
    source=Source(register="incidents", per_record=True, extra=("detected_on",)),
    intro="{profile.title}に係る個人情報取扱特記事項第19条第1項の規定に基づき、個人情報の漏えい等の事故について"
          "下記のとおり報告します。",
    date_key="record.report_date",
    blocks=(
        Fields((
            Field("報告の区分", "record.report_kind", kind="choice", choices=("速報", "確報")),
            CONTRACT,
            Field("発生日時", "record.occurred_at", kind="datetime"),
            Field("発覚日時", "record.discovered_at", kind="datetime"),
            Field("発生場所", "detected_on.place"),
            # A detection made on a work-site terminal names it in a field of its own.
            Field("端末", "detected_on.terminal", required=False),
        )),
        TextBox("1　概要（発生及び発覚の経緯）", "record.summary", min_lines=3),
        Fields((
            Field("2　漏えい等が発生し、又は発生したおそれがある個人情報の項目", "record.items", lines=2),
            Field("3　本人の数（件数）", "record.affected_count", kind="people"),
        )),
        TextBox("4　原因", "record.cause", min_lines=2),
        TextBox("5　二次被害又はそのおそれの有無及びその内容", "record.secondary_damage", min_lines=2),
        TextBox("6　本人への対応の実施状況", "record.response_to_individuals", min_lines=2),
        TextBox("7　公表の実施状況", "record.publication", min_lines=2),
        TextBox("8　再発防止のための措置", "record.prevention", min_lines=2),
        TextBox("9　その他参考となる事項", "record.other", required=False, min_lines=2),
    ),
)

EMERGENCY_PLAN = FormSpec(
    id="emergency_plan", title="緊急時対応計画", article="第19条第2項",
    summary_en="Emergency response plan for leaks and losses",
    source=Source(register="emergency_plans", per_record=True),
    intro="{profile.title}に係る個人情報取扱特記事項第19条第2項の規定に基づき、個人情報の漏えい等の事故に備え、"
          "下記のとおり緊急時対応計画を定めます。",
    date_key="record.established_on", kiki=True,
    blocks=(
        Fields((
            CONTRACT,
            Field("名称", "record.title"),
            Field("策定日", "record.established_on", kind="date"),
            Field("見直し日", "record.reviewed_on", kind="date", required=False),
        )),
        TextBox("1　連絡体制（委託者その他の関係者との連絡）", "record.contacts", min_lines=4),
        TextBox("2　証拠保全、被害拡大の防止、復旧及び再発防止の措置", "record.content", min_lines=6),
        Attachments(("緊急連絡先一覧（委託者の担当課、受託者の取扱責任者及び代表者）",)),
    ),
)

FORMS = (COMPLAINT_REPORT, INCIDENT_REPORT, EMERGENCY_PLAN)

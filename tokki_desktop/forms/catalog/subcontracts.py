"""再委託 (Art. 14): the application with its eight items, and the supervision report."""

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

SUBCONTRACT_APPLICATION = FormSpec(
    id="subcontract_application", title="再委託承認申請書", article="第14条",
    summary_en="Application to subcontract (the eight items of Art. 14(2))",
    source=Source(register="subcontracts", per_record=True),
    intro="{profile.title}に係る個人情報取扱特記事項第14条第2項の規定に基づき、業務の一部を再委託したいので、"
          "下記のとおり申請します。",
    date_key="record.applied_on",
    blocks=(
        Fields((CONTRACT,)),
        Fields((Field("1　再委託先の名称", "record.name"), Field("2　再委託先の所在地", "record.address"))),
        TextBox("3　再委託する理由", "record.reason", min_lines=2),
        TextBox("4　再委託して処理する内容", "record.content", min_lines=2),
        TextBox("5　再委託先において取り扱う情報", "record.information", min_lines=2),
        TextBox("6　再委託先における安全性及び信頼性を確保する対策", "record.safety_measures", min_lines=2),
        TextBox("7　再委託先に対する管理及び監督の方法", "record.supervision_method", min_lines=2),
        Fields((Field("8　再委託の期間", "record.period"),)),
        Attachments(("再委託先との契約書（案）の写し（管理及び監督の手続及び方法を定めたもの。第14条第4項）",
                     "再委託先の個人情報保護に関する体制が分かる資料")),
    ),
)

SUPERVISION_REPORT = FormSpec(
    id="supervision_report", title="再委託先監督状況報告書", article="第14条第5項",
    summary_en="Report on the supervision of a subcontractor",
    source=Source(register="supervision_reports", per_record=True),
    intro="{profile.title}に係る個人情報取扱特記事項第14条第5項の規定に基づき、再委託先の管理・監督の状況を"
          "下記のとおり報告します。",
    date_key="record.reported_on",
    blocks=(
        Fields((
            CONTRACT,
            Field("再委託先の名称", "record.subcontract.name"),
            Field("再委託先の所在地", "record.subcontract.address"),
            Field("再委託して処理する内容", "record.subcontract.content", lines=2),
            Field("対象期間", "record.period"),
        )),
        TextBox("管理・監督の状況", "record.content", min_lines=4),
        TextBox("課題及び対応", "record.issues", required=False, min_lines=2),
    ),
)

FORMS = (SUBCONTRACT_APPLICATION, SUPERVISION_REPORT)

"""Copies, media, take-outs and the 個人情報管理台帳 (Art. 5, 6, 7)."""

from __future__ import annotations

from tokki_desktop.forms.catalog.common import CONTRACT, intro
from tokki_desktop.forms.model import (
    Column,
    Field,
    Fields,
    FormSpec,
    Note,
    Source,
    Table,
    TextBox,
)

COPY_APPROVAL = FormSpec(
    id="copy_approval", title="複写・複製承認申請書", article="第5条",
    summary_en="Application to copy the client's originals",
    source=Source(register="approvals", per_record=True, where=(("approval_type", "copy"),)),
    intro="{profile.title}に係る個人情報取扱特記事項第5条の規定に基づき、委託者から引き渡された原票、資料等の"
          "複写・複製について下記のとおり申請しますので、許可をお願いします。",
    date_key="record.requested_on",
    blocks=(
        Fields((
            CONTRACT,
            Field("対象の個人情報", "record.asset.name"),
            Field("項目", "record.asset.items", required=False),
            Field("記録媒体", "record.media.control_no", required=False),
            Field("申請者", "record.requested_by"),
            Field("有効期限", "record.valid_until", kind="date", required=False),
        )),
        TextBox("複写・複製の範囲、部数及び理由", "record.scope"),
        Note("複写・複製した物は、業務を行う場所で必要最小限の範囲で取り扱い、業務終了後は返還又は廃棄します。（第7条第3号）", size=9.5),
    ),
)

def _approval_form(form_id: str, code: str, title: str, article: str, what: str, en: str) -> FormSpec:
    """An application for one kind of the client's approval (take-out, transmission)."""
    return FormSpec(
        id=form_id, title=title, article=article, summary_en=en,
        source=Source(register="approvals", per_record=True, where=(("approval_type", code),)),
        intro=f"{{profile.title}}に係る個人情報取扱特記事項{article}の規定に基づき、{what}について"
              "下記のとおり申請しますので、承諾をお願いします。",
        date_key="record.requested_on",
        blocks=(
            Fields((
                CONTRACT,
                Field("対象の個人情報", "record.asset.name"),
                Field("項目", "record.asset.items", required=False),
                Field("記録媒体", "record.media.control_no", required=False),
                Field("申請者", "record.requested_by"),
                Field("有効期限", "record.valid_until", kind="date", required=False),
            )),
            TextBox("範囲、相手先、方法及び理由", "record.scope"),
        ),
    )


TAKEOUT_APPROVAL = _approval_form(
    "takeout_approval", "takeout", "個人情報持出し承認申請書", "第7条第2号",
    "個人情報を定められた場所から持ち出すこと", "Application to take personal data out to a designated place")
TRANSMISSION_APPROVAL = _approval_form(
    "transmission_approval", "transmission", "電磁的方法による送信承諾申請書", "第6条第5号",
    "個人情報を記録した情報を電磁的方法で送信すること", "Application to send personal data electronically")

MEDIA_USE = FormSpec(
    id="media_use", title="電磁的記録媒体使用届・承諾申請書", article="第6条",
    summary_en="Notice of and application to use an electronic medium",
    source=Source(register="media", per_record=True),
    intro="{profile.title}に係る個人情報取扱特記事項第6条の規定に基づき、個人情報を記録する電磁的記録媒体について"
          "下記のとおり届け出ますので、承諾をお願いします。",
    blocks=(
        Fields((
            CONTRACT,
            Field("管理番号", "record.control_no"),
            Field("種別", "record.media_type"),
            Field("メーカー・型番", "record.maker_model", required=False),
            Field("製造番号", "record.serial", required=False),
            Field("ボリュームID", "record.volume_id", required=False),
            Field("容量", "record.capacity", required=False),
            Field("暗号化", "record.encryption"),
            Field("保管場所", "record.storage_place"),
            Field("使用開始予定日", "record.first_used_on", kind="date", required=False),
        ), heading="1　使用する媒体"),
        TextBox("2　記録する個人情報・用途", "record.notes", required=False, min_lines=2),
        Note("3　遵守事項（第6条各号）", bold=True),
        Note("(1) 媒体で持ち出す場合は、暗号化処理又はこれと同等以上の保護措置を施します。\n"
             "(2) 媒体及びそのバックアップの保管状況並びに記録されたデータの正確性を定期的に点検します。\n"
             "(3) 作業場所で私用物を利用して個人情報を扱う作業を行わせません。\n"
             "(4) 個人情報を扱うパソコンに業務に関係のないアプリケーション等をインストールしません。\n"
             "(5) 委託者の承諾を得た場合を除き、個人情報を電磁的方法で送信しません。", size=9.5),
    ),
)

MEDIA_INSPECTION = FormSpec(
    id="media_inspection", title="電磁的記録媒体点検記録", article="第6条第2号",
    summary_en="Record of the periodic media inspections", landscape=True,
    source=Source(rows="media_inspections", extra=("inspection_evidence",)),
    intro=intro("第6条第2号", "報告"),
    blocks=(
        Fields((CONTRACT, Field("点検の間隔", "profile.media_inspection_text", required=False))),
        Table((
            Column("点検日", "inspected_on", 1.4, "date"),
            Column("管理番号", "media.control_no", 1.1),
            Column("種別", "media.media_type", 0.9),
            Column("点検者", "inspector", 1.1),
            Column("媒体の保管状況", "storage_ok", 1.0, "okng", "center"),
            Column("バックアップの保管状況", "backup_ok", 1.0, "okng", "center"),
            Column("データの正確性", "accuracy_ok", 1.0, "okng", "center"),
            Column("結果", "result", 0.8, align="center"),
            Column("棚卸しスキャンの結果（証跡）", "scan_text", 2.6),
            Column("備考", "notes", 1.4),
        ), heading="点検の結果"),
        Note("棚卸しスキャンの結果は、監視サービスが点検日までに当該媒体の全ファイルを検査した最新の記録です"
             "（件数のみ。個人情報の内容は記載しません）。各回の詳細は「棚卸しスキャン結果（定期点検の証跡）」の"
             "スキャンNo.を参照してください。", size=9.0),
    ),
)

INVENTORY_SCANS = FormSpec(
    id="inventory_scans", title="棚卸しスキャン結果（定期点検の証跡）", article="第6条第2号",
    summary_en="Inventory scans of the watched folders and media (evidence of the periodic inspection)",
    landscape=True, personal_data=False,  # counts, times and 管理番号 only
    source=Source(extra=("inventory_scans",)),
    intro="{profile.title}に係る個人情報取扱特記事項第6条第2号の定期点検の証跡として、"
          "監視サービスによる棚卸しスキャンの結果を下記のとおり報告します。",
    blocks=(
        Fields((CONTRACT, Field("点検の間隔", "profile.media_inspection_text", required=False))),
        Table((
            Column("No.", "no", 0.5, align="right"),
            Column("区分", "kind_text", 1.1),
            Column("端末", "terminal_text", 1.2),
            Column("対象", "target", 1.7),
            Column("実施日時（開始～終了）", "span_text", 1.9),
            Column("検査したファイル", "files", 1.2, "count", "right"),
            Column("うち個人情報", "personal_data", 1.0, "count", "right"),
            Column("うち暗号化", "encrypted", 1.0, "count", "right"),
            Column("うち読取不可", "unreadable", 1.0, "count", "right"),
            Column("結果", "result", 1.2, align="center"),
        ), rows_key="inventory_scans", heading="棚卸しスキャンの記録"),
        Note("棚卸しスキャンは、監視フォルダ（既定では毎週）及び点検する媒体の全ファイルを、前回の結果によらず"
             "改めて検査するものです。「中断（未完了）」は、媒体の取外し等により全ファイルを検査し終えなかった回です。"
             "個人情報を含むファイルの所在と処理は、監視の検知記録で管理しています。"
             "「端末」は作業場所の端末で行った回の端末名で、「取扱責任者PC」は台帳のあるPCで行った回です。", size=9.0),
    ),
)

TAKEOUT_LOG = FormSpec(
    id="takeout_log", title="個人情報持出し・移送記録", article="第7条",
    summary_en="Log of take-outs, transports, copies and transmissions", landscape=True,
    source=Source(rows="takeouts"),
    intro=intro("第7条第2号～第4号", "報告"),
    blocks=(
        Fields((CONTRACT,)),
        Table((
            Column("区分", "activity", 0.9),
            Column("実施日時", "started_at", 1.8, "datetime"),
            Column("個人情報", "asset.name", 1.7),
            Column("媒体", "media.control_no", 1.0),
            Column("実施者", "person.name", 1.2),
            Column("持出先・送信先", "destination", 1.6),
            Column("移送の体制・方法", "transport", 2.0),
            Column("承認", "approval_text", 1.3),
            Column("返却日時", "returned_at", 1.8, "datetime"),
        ), heading="持出し・移送・複写・送信の記録"),
    ),
)

ASSET_LEDGER = FormSpec(
    id="asset_ledger", title="個人情報管理台帳", article="第7条第5号",
    summary_en="The personal data ledger (landscape table, any length)", landscape=True,
    source=Source(rows="assets"),
    recipient=False, doc_number=False, kiki=False, contractor=False,
    blocks=(
        Fields((CONTRACT, Field("受託者", "profile.contractor_name"))),
        Table((
            Column("No.", "no", 0.55, align="right"),
            Column("情報名", "name", 2.0),
            Column("項目", "items", 2.4),
            Column("件数", "record_count", 0.9, "count", "right"),
            Column("媒体", "medium_text", 1.2),
            Column("利用者", "users", 1.6),
            Column("保管場所", "storage_place", 1.6),
            Column("取扱状況", "handling", 0.9, align="center"),
            Column("受領日", "received_on", 1.25, "date"),
            Column("返還・廃棄日", "ended_on", 1.25, "date"),
            Column("備考", "notes", 1.4),
        )),
    ),
)

FORMS = (COPY_APPROVAL, MEDIA_USE, TRANSMISSION_APPROVAL, MEDIA_INSPECTION, INVENTORY_SCANS, TAKEOUT_APPROVAL,
         TAKEOUT_LOG, ASSET_LEDGER)

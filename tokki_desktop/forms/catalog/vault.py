"""Sheets for the contractor's own files: the recovery key and an audit checkpoint."""

from __future__ import annotations

from tokki_desktop.forms.catalog.common import CONTRACT
from tokki_desktop.forms.model import (
    Emphasis,
    Field,
    Fields,
    FormSpec,
    Note,
    Signature,
    Source,
)

RECOVERY_KEY = FormSpec(
    id="recovery_key", title="台帳回復キー保管票", article="—",
    summary_en="Recovery key sheet (only when the ledger is created; keep it in a locked cabinet)",
    source=Source(extra=("recovery_key",)), recipient=False, contractor=False, kiki=False,
    doc_number=False, personal_data=False,
    blocks=(
        Note("この用紙には、暗号化された台帳を開くための回復キーが記載されています。パスフレーズを忘れた場合や"
             "取扱責任者が不在の場合に、台帳を開く唯一の手段です。回復キーは台帳には保存されておらず、再表示できません。",
             size=10.5),
        Fields((CONTRACT, Field("受託者", "profile.contractor_name"), Field("作成日", "today", kind="date"))),
        Emphasis("回復キー", "recovery_key"),
        Note("取扱い", bold=True),
        Note("1　施錠できる保管庫に保管し、台帳の端末とは別の場所に置いてください。\n"
             "2　複写、撮影、電子的な保存はしないでください。\n"
             "3　紛失又は第三者に見られたおそれがあるときは、直ちに取扱責任者に報告し、新しい回復キーを発行してください。",
             size=10),
        Signature((Field("保管場所", "", required=False), Field("保管責任者（自署）", "", required=False)),
                  heading="保管の記録"),
    ),
)

AUDIT_CHECKPOINT = FormSpec(
    id="audit_checkpoint", title="監査記録チェックポイント票", article="—",
    summary_en="Audit checkpoint sheet: sequence and MAC of the audit chain, kept on paper",
    source=Source(extra=("checkpoint",)), recipient=False, contractor=False, kiki=False, personal_data=False,
    doc_number=False,
    intro="台帳の監査記録は改ざんを検知できる連鎖で記録されています。この票に記載した番号と検証値は、"
          "後日「tokki verify --checkpoint 番号:検証値」で照合し、記録が削られていないことを確かめるために使います。",
    blocks=(
        Fields((
            CONTRACT,
            Field("記録番号", "checkpoint.seq"),
            Field("記録日時", "checkpoint.time", kind="datetime"),
            Field("作成者", "user.name"),
        )),
        Emphasis("チェックポイント（番号:検証値）", "checkpoint.text", size=11),
        Signature((Field("確認者（自署）", "", required=False),), heading="確認"),
    ),
)

FORMS = (RECOVERY_KEY, AUDIT_CHECKPOINT)

"""Art. 3, 7(5), 16, 17(1): the 個人情報管理台帳 is complete, receipted and emptied at the end."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from tokki_desktop.registers.compliance.data import (
    ComplianceData,
    Row,
    as_date,
    split_items,
)
from tokki_desktop.registers.compliance.model import Finding, Severity
from tokki_desktop.registers.compliance.registry import rule
from tokki_desktop.registers.compliance.rules._common import (
    deadline_severity,
    finding,
    ref,
    setting,
)


def is_held(asset: Row) -> bool:
    """Whether the contractor still holds the data (not returned, not disposed of)."""
    return (asset.get("handling") not in ("returned", "disposed")
            and not asset.get("returned_on") and not asset.get("disposed_on"))


@rule("asset_incomplete", 7, "台帳の記載漏れ", "ledger entry incomplete")
def asset_incomplete(data: ComplianceData, now: dt.datetime) -> Iterator[Finding]:
    """Art. 7(5): a held asset with no storage place or no users recorded."""
    for c in data.contracts():
        for a in data.of_contract("assets", int(c["id"])):
            if not is_held(a):
                continue
            missing_ja = [ja for name, ja in (("storage_place", "保管場所"), ("users", "利用者"))
                          if not str(a.get(name) or "").strip()]
            missing_en = [en for name, en in (("storage_place", "storage place"), ("users", "users"))
                          if not str(a.get(name) or "").strip()]
            if missing_ja:
                yield finding(7, "violation", "asset_incomplete",
                              f"管理台帳（ID {a['id']}）に{'・'.join(missing_ja)}の記載がありません。",
                              f"Asset {a['id']} has no {' or '.join(missing_en)} recorded.",
                              contract=c, refs=(ref(data, "assets", a),),
                              next_ja="管理台帳に記入してください。", next_en="Fill them in.")


@rule("asset_without_receipt", 16, "預り証のない受領", "received without a receipt")
def asset_without_receipt(data: ComplianceData, now: dt.datetime) -> Iterator[Finding]:
    """Art. 16: data received from the client with no handover (預り証) recorded for it."""
    handovers = data.by_id("handovers")
    for c in data.contracts():
        for a in data.of_contract("assets", int(c["id"])):
            received = as_date(a.get("received_on"))
            if received is None:
                continue
            h = handovers.get(int(a["handover_id"])) if a.get("handover_id") is not None else None
            if h is None or h.get("closed_at"):
                yield finding(16, "violation", "asset_without_receipt",
                              f"管理台帳（ID {a['id']}）の受領に預り証（受渡しの記録）がありません。",
                              f"Asset {a['id']} was received with no handover receipt recorded.",
                              contract=c, refs=(ref(data, "assets", a),), due=received,
                              next_ja="受渡しを記録し、預り証を委託者に提出してください。",
                              next_en="Record the handover and submit the receipt to the client.")


@rule("receipt_not_submitted", 16, "預り証の未提出", "receipt not submitted")
def receipt_not_submitted(data: ComplianceData, now: dt.datetime) -> Iterator[Finding]:
    """Art. 16: a handover from the client whose receipt (預り証) was not submitted within a day."""
    for c in data.contracts():
        for h in data.of_contract("handovers", int(c["id"])):
            if h.get("direction") != "receive" or h.get("receipt_submitted_on"):
                continue
            handed = as_date(h.get("handed_at"))
            if handed is None or handed > now.date():
                continue
            due = handed + dt.timedelta(days=1)
            yield finding(16, deadline_severity(due, now, dt.timedelta(days=1)), "receipt_not_submitted",
                          f"受渡し（ID {h['id']}）の預り証が委託者に提出されていません。",
                          f"The receipt for handover {h['id']} has not been submitted.",
                          contract=c, refs=(ref(data, "handovers", h),), due=due,
                          next_ja="預り証を印刷・押印して提出し、提出日を記録してください。",
                          next_en="Print, seal and submit the receipt, and record the date.")


@rule("asset_items_outside_purpose", 3, "目的に必要な範囲を超える項目", "items beyond the purpose")
def asset_items_outside_purpose(data: ComplianceData, now: dt.datetime) -> Iterator[Finding]:
    """Art. 3: an asset holds items the contract's purpose does not need."""
    for c in data.contracts():
        allowed = split_items(c.get("purpose_items"))
        if not allowed:
            continue
        for a in data.of_contract("assets", int(c["id"])):
            extra = split_items(a.get("items")) - allowed
            if extra and is_held(a):
                names = "、".join(sorted(extra))
                yield finding(3, "violation", "asset_items_outside_purpose",
                              f"管理台帳（ID {a['id']}）に業務の目的に必要な項目以外（{names}）があります。",
                              f"Asset {a['id']} holds items the purpose does not need ({', '.join(sorted(extra))}).",
                              contract=c, refs=(ref(data, "assets", a),),
                              next_ja="不要な項目を収集しない・削除するか、契約の項目を見直してください。",
                              next_en="Stop collecting those items, or correct the contract's items.")


@rule("assets_after_contract_end", 17, "契約終了後の未返還・未廃棄", "assets kept after the contract ended")
def assets_after_contract_end(data: ComplianceData, now: dt.datetime) -> Iterator[Finding]:
    """Art. 17(1): the contract ended and data is neither returned nor disposed of."""
    for c in data.contracts():
        end = as_date(c.get("period_end"))
        if end is None or now.date() <= end:
            continue
        due = end + dt.timedelta(days=setting(c, "return_grace_days"))
        held = [a for a in data.of_contract("assets", int(c["id"])) if is_held(a)]
        for a in held:
            sev: Severity = "overdue" if now.date() > due else "due_soon"
            yield finding(17, sev, "assets_after_contract_end",
                          f"契約が終了しましたが、管理台帳（ID {a['id']}）は返還も廃棄もされていません。",
                          f"The contract has ended but asset {a['id']} is neither returned nor disposed of.",
                          contract=c, refs=(ref(data, "assets", a),), due=due,
                          next_ja="委託者の指定する方法で返還又は廃棄を申請してください。",
                          next_en="Apply to return or dispose of it as the client directs.")

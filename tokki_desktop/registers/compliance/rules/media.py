"""Art. 6: media consented before use, inspected periodically, never private, encrypted when taken out."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from tokki_desktop.registers.catalog import REMOVABLE_MEDIA
from tokki_desktop.registers.compliance.data import ComplianceData, as_date
from tokki_desktop.registers.compliance.model import Finding
from tokki_desktop.registers.compliance.registry import rule
from tokki_desktop.registers.compliance.rules._common import (
    contract_running,
    deadline_severity,
    finding,
    ref,
    setting,
    when,
    window,
)


@rule("media_before_consent", 6, "承諾前の媒体使用", "medium used before consent")
def media_before_consent(data: ComplianceData, now: dt.datetime) -> Iterator[Finding]:
    """A medium recorded personal data before the client's consent."""
    today = now.date()
    for c in data.contracts():
        for m in data.of_contract("media", int(c["id"])):
            consent, used = as_date(m.get("consent_on")), as_date(m.get("first_used_on"))
            if used is not None and used <= today and (consent is None or consent > used):
                yield finding(6, "violation", "media_before_consent",
                              f"媒体（ID {m['id']}）が委託者の承諾前に使われています。",
                              f"Medium {m['id']} was used before the client consented.",
                              contract=c, refs=(ref(data, "media", m),), due=used,
                              next_ja="使用を止め、電磁記録媒体使用届・承諾申請書で承諾を得てください。",
                              next_en="Stop using it and ask the client's consent in writing.")


@rule("media_inspection_due", 6, "媒体の定期点検", "media inspection due")
def media_inspection_due(data: ComplianceData, now: dt.datetime) -> Iterator[Finding]:
    """Art. 6(2): a medium in use was not inspected within the contract's interval."""
    last: dict[int, dt.date] = {}
    latest_issue: dict[int, tuple[dt.date, bool]] = {}
    for i in data.rows("media_inspections"):
        day = as_date(i.get("inspected_on"))
        if day is None or day > now.date():
            continue
        mid = int(i["media_id"])
        if mid not in last or day > last[mid]:
            last[mid] = day
            latest_issue[mid] = (day, i.get("result") == "issue")
    for c in data.contracts():
        if not contract_running(c, now.date()):
            continue
        interval = dt.timedelta(days=setting(c, "media_inspection_days"))
        for m in data.of_contract("media", int(c["id"])):
            base = last.get(int(m["id"])) or as_date(m.get("first_used_on"))
            if base is None or base > now.date():
                continue  # not in use yet
            r = (ref(data, "media", m),)
            if latest_issue.get(int(m["id"]), (None, False))[1]:
                yield finding(6, "due_soon", "media_inspection_due",
                              f"媒体（ID {m['id']}）の直近の点検で要対応の結果が出ています。",
                              f"The last inspection of medium {m['id']} found something to act on.",
                              contract=c, refs=r, next_ja="指摘に対応し、再点検を記録してください。",
                              next_en="Deal with it and record a new inspection.")
            due = base + interval
            sev = deadline_severity(due, now, window(c))
            if sev != "ok":
                ja, en = when(due, now, c)
                yield finding(6, sev, "media_inspection_due",
                              f"媒体（ID {m['id']}）の定期点検の期限は{ja}です。",
                              f"Medium {m['id']} is due for inspection by {en}.",
                              contract=c, refs=r, due=due,
                              next_ja="保管状況、バックアップ、データの正確性を点検し、記録してください。",
                              next_en="Inspect storage, backups and data accuracy, and record it.")


@rule("private_device", 6, "私物の使用", "private device")
def private_device(data: ComplianceData, now: dt.datetime) -> Iterator[Finding]:
    """Art. 6(3): personal data handled on a privately owned device."""
    for c in data.contracts():
        for m in data.of_contract("media", int(c["id"])):
            if m.get("private_device"):
                yield finding(6, "violation", "private_device",
                              f"媒体（ID {m['id']}）は私物です。私物で個人情報を扱うことはできません。",
                              f"Medium {m['id']} is privately owned; no personal data may be handled on it.",
                              contract=c, refs=(ref(data, "media", m),),
                              next_ja="使用を止め、データを消去して記録してください。",
                              next_en="Stop using it, erase the data and record it.")


@rule("takeout_unencrypted", 6, "暗号化していない媒体での持出し", "taken out on an unencrypted medium")
def takeout_unencrypted(data: ComplianceData, now: dt.datetime) -> Iterator[Finding]:
    """Art. 6(1): personal data taken out on a removable medium that is not encrypted."""
    media = data.by_id("media")
    for c in data.contracts():
        for t in data.of_contract("takeouts", int(c["id"])):
            if t.get("activity") not in ("takeout", "transport") or t.get("media_id") is None:
                continue
            m = media.get(int(t["media_id"]))
            if m is not None and m.get("media_type") in REMOVABLE_MEDIA and not m.get("encrypted"):
                yield finding(6, "violation", "takeout_unencrypted",
                              f"持出し（ID {t['id']}）に暗号化していない媒体（ID {m['id']}）が使われています。",
                              f"Take-out {t['id']} used medium {m['id']}, which is not encrypted.",
                              contract=c, refs=(ref(data, "takeouts", t), ref(data, "media", m)),
                              next_ja="暗号化した媒体に替え、経緯を記録してください。",
                              next_en="Use an encrypted medium and record what happened.")

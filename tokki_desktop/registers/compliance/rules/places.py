"""Art. 9 (work places reported, ID cards inside the client's building) and Art. 7(1) (locked storage)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from tokki_desktop.registers.compliance.data import ComplianceData, as_date
from tokki_desktop.registers.compliance.model import Finding
from tokki_desktop.registers.compliance.registry import rule
from tokki_desktop.registers.compliance.rules._common import finding, is_working, ref


@rule("workplace_unreported", 9, "報告前の作業場所の使用", "work place used before it was reported", needs=("workplaces",))
def workplace_unreported(data: ComplianceData, now: dt.datetime) -> Iterator[Finding]:
    """A work place in use before it was reported to the client in writing."""
    today = now.date()
    for c in data.contracts():
        for w in data.of_contract("workplaces", int(c["id"])):
            reported, used = as_date(w.get("reported_on")), as_date(w.get("first_used_on"))
            r = (ref(data, "workplaces", w),)
            if used is not None and used <= today and (reported is None or reported > used):
                yield finding(9, "violation", "workplace_unreported",
                              f"作業場所（ID {w['id']}）が委託者への報告前に使われています。",
                              f"Work place {w['id']} was used before it was reported to the client.",
                              contract=c, refs=r, due=used,
                              next_ja="作業場所報告書を提出し、報告日を記録してください。",
                              next_en="Submit the work place report and record its date.")
            elif reported is None:
                yield finding(9, "due_soon", "workplace_unreported",
                              f"作業場所（ID {w['id']}）は委託者にまだ報告していません。",
                              f"Work place {w['id']} has not been reported to the client yet.",
                              contract=c, refs=r, due=used,
                              next_ja="使用を始める前に作業場所報告書を提出してください。",
                              next_en="Report it before it is used.")


@rule("id_card_missing", 9, "庁舎内の身分証明書", "ID card inside the client's building", needs=("workplaces",))
def id_card_missing(data: ComplianceData, now: dt.datetime) -> Iterator[Finding]:
    """Art. 9(2): with a work place in the client's building, every working person carries an ID card."""
    today = now.date()
    for c in data.contracts():
        cid = int(c["id"])
        inside = [w for w in data.of_contract("workplaces", cid) if w.get("in_client_building")]
        if not inside:
            continue
        carded = {int(card["person_id"]) for card in data.of_contract("id_cards", cid)
                  if not card.get("returned_on")}
        for p in data.of_contract("people", cid):
            if is_working(p, today) and int(p["id"]) not in carded:
                yield finding(9, "violation", "id_card_missing",
                              f"従事者（ID {p['id']}）に庁舎内で携帯する身分証明書が発行されていません。",
                              f"Person {p['id']} has no ID card for work inside the client's building.",
                              contract=c, refs=(ref(data, "people", p), ref(data, "workplaces", inside[0])),
                              next_ja="受託者の身分証明書を発行し、記録してください。",
                              next_en="Issue the contractor's ID card and record it.")


@rule("storage_not_locked", 7, "施錠・入退室管理のない保管", "storage without lock or entry control")
def storage_not_locked(data: ComplianceData, now: dt.datetime) -> Iterator[Finding]:
    """Art. 7(1): a work place with neither a lockable store nor entry control."""
    for c in data.contracts():
        for w in data.of_contract("workplaces", int(c["id"])):
            if not w.get("lockable_storage") and not str(w.get("entry_control") or "").strip():
                yield finding(7, "violation", "storage_not_locked",
                              f"作業場所（ID {w['id']}）に施錠できる保管庫も入退室管理もありません。",
                              f"Work place {w['id']} has neither lockable storage nor entry control.",
                              contract=c, refs=(ref(data, "workplaces", w),),
                              next_ja="施錠できる保管庫か入退室管理を用意し、記録してください。",
                              next_en="Provide lockable storage or entry control and record it.")

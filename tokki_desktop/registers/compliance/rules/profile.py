"""Art. 1: the contract profile is complete (the forms and every other check depend on it)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from tokki_desktop.registers.catalog import CONTRACTS
from tokki_desktop.registers.compliance.data import ComplianceData
from tokki_desktop.registers.compliance.model import Finding
from tokki_desktop.registers.compliance.registry import rule
from tokki_desktop.registers.compliance.rules._common import finding, ref


@rule("contract_profile_incomplete", 1, "契約情報の不足", "contract profile incomplete")
def contract_profile_incomplete(data: ComplianceData, now: dt.datetime) -> Iterator[Finding]:
    """A contract lacks a required field (a ledger made by ``tokki init`` starts that way)."""
    for c in data.contracts():
        missing = [f for f in CONTRACTS.fields if f.required and not str(c.get(f.name) or "").strip()]
        if missing:
            yield finding(1, "due_soon", "contract_profile_incomplete",
                          f"契約（ID {c['id']}）に未記入の項目があります: {'、'.join(f.label_ja for f in missing)}。",
                          f"Contract {c['id']} lacks: {', '.join(f.label_en for f in missing)}.",
                          contract=c, refs=(ref(data, "contracts", c),),
                          next_ja="契約の情報を記入してください（様式に使われます）。",
                          next_en="Complete the contract profile (the forms use it).")

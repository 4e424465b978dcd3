"""The first contract, made from the profile given when a ledger is created (``tokki init``)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from tokki_desktop.registers.catalog import CONTRACTS

# profile keys of ``create_ledger`` that are named differently from the contract's fields
_ALIASES = {"contract": "title", "contractor": "contractor_name"}


def head_title(client: str) -> str:
    """The addressee of the forms: 小金井市 → 小金井市長, 東京都 → 東京都知事."""
    client = client.strip()
    if client.endswith(("都", "道", "府", "県")):
        return client + "知事"
    return client + "長"


def fiscal_year_end(day: dt.date) -> dt.date:
    """The last day (3月31日) of the Japanese fiscal year that ``day`` falls in."""
    return dt.date(day.year + 1 if day.month >= 4 else day.year, 3, 31)


def on_ledger_created(tx: Any, profile: dict[str, Any]) -> None:
    """Insert the first contract; the officer completes the profile later (Art. 1 check)."""
    values: dict[str, Any] = {}
    for key, value in profile.items():
        name = _ALIASES.get(key, key)
        if CONTRACTS.has_field(name) and value not in (None, ""):
            values[name] = value
    today = tx.ledger.clock.now().date()
    values.setdefault("client_head", head_title(str(values.get("client", ""))))
    values.setdefault("period_start", today.isoformat())
    values.setdefault("period_end", fiscal_year_end(today).isoformat())
    for f in CONTRACTS.fields:
        if f.name not in values and f.default is not None:
            values[f.name] = int(f.default) if f.type in ("int", "bool") else f.default
    tx.insert(CONTRACTS.table, values)

"""The one line that says which contract this ledger is for, shown in the window header."""

from __future__ import annotations

import importlib
from typing import Any


def contract_line(session: Any, lang: str) -> str:
    """``小金井市 / 契約件名 — 受託者`` for the ledger's open contract ('' when there is none)."""
    try:
        repository = importlib.import_module("tokki_desktop.registers.repository")
    except ModuleNotFoundError as exc:
        if exc.name and "tokki_desktop.registers.repository".startswith(exc.name):
            return ""  # the registers part is not in this build
        raise
    rows = repository.list_records(session, "contracts", limit=1)
    if not rows:
        return ""
    row = rows[0]
    return f"{row['client']} / {row['title']} — {row.get('contractor_name') or ''}"

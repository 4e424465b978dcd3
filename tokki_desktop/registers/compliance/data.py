"""The ledger as the rules see it: every register's rows, read once, grouped for quick lookups.

Rules are pure functions of this data and ``now``, so tests can build it from plain rows
(:meth:`ComplianceData.from_rows`) and move time freely.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from tokki_desktop.registers.catalog import SPECS

Row = dict[str, Any]


class ComplianceData:
    """Rows of every register, open ones by default, with per-contract and by-id indexes.

    ``extra`` reads a table outside the registers (the monitor's detections, say) on first use;
    it is how rules of other parts reach their own tables through the same object.
    """

    def __init__(self, rows: Mapping[str, Iterable[Mapping[str, Any]]],
                 extra: Callable[[str], list[Row]] | None = None) -> None:
        self._all: dict[str, list[Row]] = {kind: [dict(r) for r in rows.get(kind, ())] for kind in SPECS}
        self._open: dict[str, list[Row]] = {
            kind: [r for r in rs if not r.get("closed_at")] for kind, rs in self._all.items()
        }
        self._by_id: dict[str, dict[int, Row]] = {}
        self._by_contract: dict[str, dict[int, list[Row]]] = {}
        self._extra = extra
        self._extra_cache: dict[str, list[Row]] = {}

    @classmethod
    def from_rows(cls, rows: Mapping[str, Iterable[Mapping[str, Any]]]) -> ComplianceData:
        """Data from plain rows (tests, previews)."""
        return cls(rows)

    def rows(self, kind: str) -> list[Row]:
        """Open (not closed) rows of ``kind``."""
        return self._open[kind]

    def all_rows(self, kind: str) -> list[Row]:
        """Every row of ``kind``, closed ones too."""
        return self._all[kind]

    def by_id(self, kind: str) -> dict[int, Row]:
        """Every row of ``kind`` by id (closed too: a reference may point at a closed row)."""
        if kind not in self._by_id:
            self._by_id[kind] = {int(r["id"]): r for r in self._all[kind]}
        return self._by_id[kind]

    def of_contract(self, kind: str, contract_id: int) -> list[Row]:
        """Open rows of ``kind`` that belong to contract ``contract_id``."""
        if kind not in self._by_contract:
            grouped: dict[int, list[Row]] = defaultdict(list)
            for r in self._open[kind]:
                grouped[int(r["contract_id"])].append(r)
            self._by_contract[kind] = grouped
        return self._by_contract[kind].get(contract_id, [])

    def contracts(self) -> list[Row]:
        """The contracts the rules check: every open one."""
        return self._open["contracts"]

    def table(self, name: str) -> list[Row]:
        """Rows of a table outside the registers (read once); empty without a ledger."""
        if name not in self._extra_cache:
            self._extra_cache[name] = self._extra(name) if self._extra is not None else []
        return self._extra_cache[name]


def as_date(value: object) -> dt.date | None:
    """A stored date (or the day of a stored date-time)."""
    if value is None or value == "":
        return None
    text = str(value)
    if len(text) > 10:
        return dt.datetime.fromisoformat(text).date()
    return dt.date.fromisoformat(text)


def as_moment(value: object, tz: dt.tzinfo | None) -> dt.datetime | None:
    """A stored date-time (aware); a bare date counts from its midnight in ``tz``."""
    if value is None or value == "":
        return None
    moment = dt.datetime.fromisoformat(str(value))
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=tz)
    return moment


def split_items(text: object) -> set[str]:
    """The items of a list typed as 氏名、住所・生年月日 / a, b (empty pieces dropped)."""
    if not text:
        return set()
    raw = str(text)
    for sep in ("、", "，", ",", "・", "／", "/", ";", "；", "\n"):
        raw = raw.replace(sep, "\t")
    return {p.strip() for p in raw.split("\t") if p.strip()}

"""Reading and writing register rows: the one API the CLI, the GUI and the forms use.

Every write goes through :meth:`Ledger.transaction`, so it is audited with who made it.
Values are validated and converted first (:mod:`.validate`); references are checked inside
the same transaction, so an error writes nothing. Rows are never deleted: :func:`close`
marks them closed with a reason, and :func:`history` reads their changes from the audit chain.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from tokki_desktop.errors import InvalidInput, NotFound
from tokki_desktop.registers import spec_for
from tokki_desktop.registers.catalog import SPECS
from tokki_desktop.registers.errors import AlreadyClosed, UnknownField
from tokki_desktop.registers.spec import RegisterSpec
from tokki_desktop.registers.validate import convert_value, validate

Record = dict[str, Any]


@dataclass(frozen=True)
class HistoryEntry:
    """One audited change of a record: when, who, what (old and new values)."""

    seq: int
    ts: str
    actor: str
    action: str
    change: dict[str, Any]


def _tz(session: Any) -> dt.tzinfo:
    tz = session.clock.now().tzinfo
    return tz if tz is not None else dt.UTC


def _require_officer_for(session: Any, spec: RegisterSpec, verb_ja: str, verb_en: str) -> None:
    session.ledger.require_officer(session.user, f"{spec.label_ja}の{verb_ja}", f"{verb_en} {spec.label_en}")


def _fill_contract(tx: Any, spec: RegisterSpec, values: dict[str, Any]) -> None:
    """Fill ``contract_id`` with the only open contract when the caller left it out."""
    if not spec.contract_scoped or values.get("contract_id") not in (None, ""):
        return
    rows = tx.read("SELECT id FROM contracts WHERE closed_at IS NULL ORDER BY id LIMIT 2")
    if len(rows) == 1:
        values["contract_id"] = int(rows[0]["id"])
    elif rows:
        raise InvalidInput("契約", "contract", "契約が複数あります。契約のIDを指定してください",
                           "there are several contracts: give the contract id")
    else:
        raise InvalidInput("契約", "contract", "契約がまだ登録されていません", "no contract has been added yet")


def _check_refs(tx: Any, spec: RegisterSpec, row: Mapping[str, Any], names: set[str]) -> None:
    """Every reference points at an existing record, of the same contract where both have one."""
    for f in spec.fields:
        if f.type != "ref" or f.name not in names or row.get(f.name) is None or f.ref is None:
            continue
        target = SPECS[f.ref]
        cols = "id, contract_id" if target.contract_scoped else "id"
        found = tx.read_one(f"SELECT {cols} FROM {target.table} WHERE id = ?", (int(row[f.name]),))
        if found is None:
            raise InvalidInput(f.label_ja, f.label_en,
                               f"{target.label_ja}にID {int(row[f.name])} の記録はありません",
                               f"there is no {target.label_en} record with id {int(row[f.name])}")
        if (target.contract_scoped and spec.contract_scoped and f.name != "contract_id"
                and row.get("contract_id") is not None and int(found["contract_id"]) != int(row["contract_id"])):
            raise InvalidInput(f.label_ja, f.label_en, "別の契約の記録は指定できません",
                               "that record belongs to another contract")


def add(session: Any, kind: str, values: Mapping[str, object]) -> int:
    """Add a record to register ``kind``; returns its id. Nothing is written on an error."""
    spec = spec_for(kind)
    if spec.add_requires_officer:
        _require_officer_for(session, spec, "登録", "add to")
    raw = dict(values)
    with session.ledger.transaction(session.user) as tx:
        _fill_contract(tx, spec, raw)
        clean = validate(spec, raw, tz=_tz(session), is_officer=session.user.is_officer)
        _check_refs(tx, spec, clean, set(clean))
        return tx.insert(spec.table, clean)


def update(session: Any, kind: str, record_id: int, values: Mapping[str, object]) -> dict[str, tuple[Any, Any]]:
    """Change fields of an open record; returns {field: (old, new)} of what really changed."""
    spec = spec_for(kind)
    if spec.add_requires_officer:
        _require_officer_for(session, spec, "変更", "change")
    with session.ledger.transaction(session.user) as tx:
        existing = _get(tx, spec, record_id)
        if existing.get("closed_at"):
            raise AlreadyClosed(spec.label_ja, spec.label_en, record_id)
        if spec.decided(existing):
            _require_officer_for(session, spec, "承認後の変更", "change decided records of")
        clean = validate(spec, values, tz=_tz(session), is_officer=session.user.is_officer,
                         existing={f.name: existing.get(f.name) for f in spec.fields})
        merged = {**existing, **clean}
        _check_refs(tx, spec, merged, set(clean))
        return tx.update(spec.table, record_id, clean)


def close(session: Any, kind: str, record_id: int, reason: str) -> None:
    """Close a record (the officer's call): it stays in the ledger, marked closed with why."""
    spec = spec_for(kind)
    _require_officer_for(session, spec, "終了（クローズ）", "close records of")
    if not isinstance(reason, str) or not reason.strip():
        raise InvalidInput("理由", "reason", "終了する理由を入力してください", "give the reason for closing")
    if len(reason) > 2000:
        raise InvalidInput("理由", "reason", "2000文字以内で入力してください", "at most 2000 characters")
    with session.ledger.transaction(session.user) as tx:
        existing = _get(tx, spec, record_id)
        if existing.get("closed_at"):
            raise AlreadyClosed(spec.label_ja, spec.label_en, record_id)
        tx.update(spec.table, record_id,
                  {"closed_at": tx.now, "closed_by": session.user.login, "close_reason": reason},
                  action="close")


def _get(reader: Any, spec: RegisterSpec, record_id: int) -> Record:
    if isinstance(record_id, bool) or not isinstance(record_id, int):
        raise InvalidInput("ID", "id", "整数で指定してください", "must be a whole number")
    row = reader.read_one(f"SELECT * FROM {spec.table} WHERE id = ?", (record_id,))
    if row is None:
        raise NotFound(spec.label_ja, spec.label_en, record_id)
    return dict(row)


def get(session: Any, kind: str, record_id: int) -> Record:
    """One record with every column (:class:`NotFound` when there is none)."""
    return _get(session.ledger, spec_for(kind), record_id)


def _where(spec: RegisterSpec, session: Any, filters: Mapping[str, object] | None,
           include_closed: bool, search: str | None = None) -> tuple[str, list[Any]]:
    clauses: list[str] = []
    params: list[Any] = []
    if search is not None and search.strip():
        # Plain substring match over the text fields; % and _ typed by the user are literal.
        pattern = "%" + search.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        text_fields = [f.name for f in spec.fields if f.type in ("text", "longtext")]
        clauses.append("(" + " OR ".join(f"{n} LIKE ? ESCAPE '\\'" for n in text_fields) + ")")
        params.extend([pattern] * len(text_fields))
    for name, value in (filters or {}).items():
        if not spec.has_field(name):
            raise UnknownField(spec.label_ja, spec.label_en, name)
        stored = convert_value(spec.field(name), value, _tz(session))
        if stored is None:
            clauses.append(f"{name} IS NULL")
        else:
            clauses.append(f"{name} = ?")
            params.append(stored)
    if not include_closed:
        clauses.append("closed_at IS NULL")
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def _order_column(spec: RegisterSpec, order_by: str | None) -> str:
    """The column to sort by, checked against the spec before it is ever put into SQL.

    Any column of the register may be named (its fields, ``id`` and the system columns such as
    ``created_at``); anything else raises :class:`UnknownField`, so text from a user never
    reaches the statement. Dates are stored as ISO text and numbers as integers, so the
    database's own order is the natural one.
    """
    if order_by is None:
        return "id"
    if not isinstance(order_by, str) or order_by not in spec.columns:
        raise UnknownField(spec.label_ja, spec.label_en, str(order_by))
    return order_by


def _order_clause(column: str, descending: bool) -> str:
    """``ORDER BY`` with id as the tie-breaker, so equal values page in a stable order."""
    direction = "DESC" if descending else "ASC"
    if column == "id":
        return f" ORDER BY id {direction}"
    return f" ORDER BY {column} {direction}, id {direction}"


def list_records(session: Any, kind: str, *, filters: Mapping[str, object] | None = None,
                 include_closed: bool = False, offset: int = 0, limit: int | None = None,
                 newest_first: bool = False, search: str | None = None,
                 order_by: str | None = None, descending: bool = False) -> list[Record]:
    """Rows of a register, filtered by field equality (and ``search``: a substring of any text
    field, case-insensitive for ASCII), one page at a time.

    Ordered by ``order_by`` (any column of the spec; :class:`UnknownField` otherwise; id when
    None), then by id in the same direction, so that rows with equal values keep their place
    from one page to the next. ``newest_first`` is the older spelling of ``descending``.
    """
    spec = spec_for(kind)
    column = _order_column(spec, order_by)
    where, params = _where(spec, session, filters, include_closed, search)
    order = _order_clause(column, descending or newest_first)
    sql = f"SELECT * FROM {spec.table}{where}{order} LIMIT ? OFFSET ?"
    rows = session.ledger.read(sql, (*params, -1 if limit is None else int(limit), max(0, int(offset))))
    return [dict(r) for r in rows]


def position_of(session: Any, kind: str, record_id: int, *, filters: Mapping[str, object] | None = None,
                search: str | None = None, order_by: str | None = None, descending: bool = False,
                include_closed: bool = False) -> int | None:
    """The row number (0-based) of ``record_id`` in what :func:`list_records` gives with the same
    filters and order, or None when the record is not among those rows.

    One COUNT of the rows that come before it, so a screen can jump to a record of a 100,000-row
    register without reading page after page. "Before" follows SQLite's order exactly: NULL is
    the smallest value (first when ascending, last when descending), ties are broken by id.
    """
    spec = spec_for(kind)
    if isinstance(record_id, bool) or not isinstance(record_id, int):
        raise InvalidInput("ID", "id", "整数で指定してください", "must be a whole number")
    column = _order_column(spec, order_by)
    where, params = _where(spec, session, filters, include_closed, search)
    found = session.ledger.read_one(
        f"SELECT {column} AS v FROM {spec.table}{where}{' AND' if where else ' WHERE'} id = ?",
        (*params, record_id))
    if found is None:
        return None  # no such record, or the filters leave it out
    value = found["v"]
    gt = ">" if descending else "<"  # "comes before" for the column and for the id
    if column == "id":
        before, extra = f"id {gt} ?", [record_id]
    elif value is None and not descending:
        # NULLs come first when ascending: only NULLs with a lower id precede.
        before, extra = f"({column} IS NULL AND id < ?)", [record_id]
    elif value is None:
        # ...and last when descending: every value precedes, and NULLs with a higher id.
        before, extra = f"({column} IS NOT NULL OR id > ?)", [record_id]
    else:
        nulls = "" if descending else f"{column} IS NULL OR "
        before = f"({nulls}{column} {gt} ? OR ({column} = ? AND id {gt} ?))"
        extra = [value, value, record_id]
    clause = f"{where}{' AND' if where else ' WHERE'} {before}"
    return int(session.ledger.read_one(f"SELECT count(*) FROM {spec.table}{clause}", (*params, *extra))[0])


def count_records(session: Any, kind: str, *, filters: Mapping[str, object] | None = None,
                  include_closed: bool = False, search: str | None = None) -> int:
    """How many rows :func:`list_records` would give without paging."""
    spec = spec_for(kind)
    where, params = _where(spec, session, filters, include_closed, search)
    return int(session.ledger.read_one(f"SELECT count(*) FROM {spec.table}{where}", tuple(params))[0])


def history(session: Any, kind: str, record_id: int) -> list[HistoryEntry]:
    """Every audited change of one record, oldest first, from the audit chain."""
    spec = spec_for(kind)
    get(session, kind, record_id)  # NotFound for a record that never existed
    rows = session.ledger.read(
        "SELECT seq, ts, actor, action, change FROM audit_log WHERE tbl = ? AND row_id = ? ORDER BY seq",
        (spec.table, record_id))
    return [HistoryEntry(int(r["seq"]), r["ts"], r["actor"], r["action"], json.loads(r["change"] or "{}"))
            for r in rows]


def title(session: Any, kind: str, row: Mapping[str, Any]) -> str:
    """A row in one line as lists and pickers show it (a reference shows its target's title)."""
    spec = spec_for(kind)
    f = spec.field(spec.title_field)
    value = row.get(spec.title_field)
    if f.type == "ref" and value is not None and f.ref is not None:
        target = SPECS[f.ref]
        found = session.ledger.read_one(f"SELECT {target.title_field} FROM {target.table} WHERE id = ?",
                                        (int(value),))
        value = found[0] if found is not None else value
    return f.display(value) if f.type != "ref" else ("" if value is None else str(value))

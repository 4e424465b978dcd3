"""The thin binding between the ledger's registers and the forms.

A form declares which register it reads (:class:`~tokki_desktop.forms.model.Source`); this
module reads it through the registers' repository and hands the layout plain dicts:

- ``profile``: the open contract (委託者の長, 受託者の所在地・商号・代表者, seal and 西暦 settings)
- ``record``: the one record of a per-record form; a reference ``person_id`` also appears
  resolved as ``person`` (the referenced row), so a form can name ``record.person.name``
- ``rows``: the records that fill a form's table
- ``today`` and the extras a form asks for (``checks`` from the compliance engine,
  ``inventory_scans`` from the monitor's records, …)

Choice codes are turned into the Japanese labels the register declares. The few values a
form prints that are not stored as such (契約期間 as one line, 速報/確報) are derived here,
per register, so declarations stay pure data.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from tokki_desktop.errors import NotFound
from tokki_desktop.forms.errors import NotForThisForm, SecretRequired
from tokki_desktop.forms.model import FormSpec
from tokki_desktop.registers import repository as repo
from tokki_desktop.registers import spec_for
from tokki_desktop.wareki import format_wareki

Row = dict[str, Any]


class _Refs:
    """Referenced rows, read once per render (the 台帳's 10,000 rows share a few media)."""

    def __init__(self, session: Any) -> None:
        self.session = session
        self._cache: dict[tuple[str, int], Row | None] = {}

    def get(self, kind: str, ident: object) -> Row | None:
        if ident is None:
            return None
        key = (kind, int(ident))  # type: ignore[call-overload]
        if key not in self._cache:
            try:
                row: Row | None = repo.get(self.session, kind, key[1])
            except NotFound:  # a dangling reference prints as empty, it does not stop the form
                row = None
            self._cache[key] = display(kind, row, None) if row is not None else None
        return self._cache[key]


def display(kind: str, row: Row, refs: _Refs | None) -> Row:
    """``row`` as printed: choice labels, references resolved (one level), derived values."""
    spec = spec_for(kind)
    out: Row = dict(row)
    for f in spec.fields:
        value = row.get(f.name)
        if f.type == "choice" and value is not None:
            out[f.name] = f.display(value)
        elif f.type == "ref" and refs is not None and f.ref and f.name.endswith("_id"):
            out[f.name[:-3]] = refs.get(f.ref, value)
    derive = _DERIVED.get(kind)
    if derive is not None:
        out.update(derive(out))
    return out


# ---- values printed but not stored as such -------------------------------------------
def _contract(r: Row) -> Row:
    start, end = _date(r.get("period_start")), _date(r.get("period_end"))
    seireki = bool(r.get("seireki_in_brackets"))
    period = (f"{format_wareki(start, with_seireki=seireki)}から{format_wareki(end, with_seireki=seireki)}まで"
              if start and end else None)
    days = r.get("media_inspection_days")
    return {"period": period, "media_inspection_text": f"{days}日ごと" if days else None}


def _person(r: Row) -> Row:
    employment = r.get("employment_type")
    if employment and r.get("dispatch_agency"):
        employment = f"{employment}（派遣元: {r['dispatch_agency']}）"
    return {"employment": employment}


def _media(r: Row) -> Row:
    maker_model = "　".join(str(v) for v in (r.get("maker"), r.get("model")) if v)
    method = r.get("encryption_method")
    encryption = ("あり" + (f"（{method}）" if method else "")) if r.get("encrypted") else "なし"
    return {"maker_model": maker_model or None, "encryption": encryption}


def _training(r: Row) -> Row:
    return {"minutes_text": f"{r['minutes']}分" if r.get("minutes") else None}


def _takeout(r: Row) -> Row:
    approval = r.get("approval")
    text = None
    if approval:
        decided = _date(approval.get("decided_on"))
        text = f"{approval.get('status') or ''} {format_wareki(decided) if decided else ''}".strip()
    return {"approval_text": text}


def _asset(r: Row) -> Row:
    media = r.get("media")
    medium = r.get("medium") or ""
    if media and media.get("control_no"):
        medium = f"{medium}（{media['control_no']}）" if medium else str(media["control_no"])
    return {"medium_text": medium or None, "ended_on": r.get("returned_on") or r.get("disposed_on")}


def _disposal(r: Row) -> Row:
    return {
        "action_choice": r.get("action"),
        "witness_text": "立会いを求められている" if r.get("witness_requested") else "立会いの求めなし",
        "destruction_text": "物理的な破壊又は判読不可能とする措置を講じた" if r.get("physical_destruction") else None,
    }


def _complaint(r: Row) -> Row:
    return {"status": "完了" if r.get("resolved_on") else "対応中", "report_date": r.get("reported_at")}


def _incident(r: Row) -> Row:
    final = r.get("final_report_at")
    # A report is 確報 once the final report is recorded; until then each print is a 速報.
    return {"report_kind": "確報" if final else "速報", "report_date": final or r.get("first_report_at")}


_DERIVED: dict[str, Callable[[Row], Row]] = {
    "contracts": _contract, "people": _person, "media": _media, "trainings": _training,
    "takeouts": _takeout, "assets": _asset, "disposals": _disposal, "complaints": _complaint,
    "incidents": _incident,
}


def _date(value: object) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and value:
        try:
            return dt.date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None


# ---- what a form reads ---------------------------------------------------------------
def current_contract(session: Any) -> Row | None:
    """The open contract the forms are made for (the newest, when several are open)."""
    rows = repo.list_records(session, "contracts", newest_first=True, limit=1)
    return rows[0] if rows else None


def _rows(session: Any, kind: str, contract: Row | None, refs: _Refs,
          filters: dict[str, object] | None = None) -> list[Row]:
    spec = spec_for(kind)
    filters = dict(filters or {})
    if spec.contract_scoped and contract is not None:
        filters["contract_id"] = contract["id"]
    rows = [display(kind, r, refs) for r in repo.list_records(session, kind, filters=filters)]
    if kind == "people":
        # The 取扱責任者 heads the list, as on the city's own forms.
        rows.sort(key=lambda r: (r.get("role") != spec_for("people").field("role").display("officer"), r["id"]))
    for n, r in enumerate(rows, start=1):
        r["no"] = n
    return rows


def record_ids(session: Any, spec: FormSpec) -> list[int]:
    """The records a per-record form is made for (``render --all`` makes one PDF each)."""
    kind = spec.source.register
    if not spec.source.per_record or kind is None:
        return []
    contract = current_contract(session)
    filters: dict[str, object] = dict(spec.source.where)
    if spec_for(kind).contract_scoped and contract is not None:
        filters["contract_id"] = contract["id"]
    rows = repo.list_records(session, kind, filters=filters)
    return [int(r["id"]) for r in rows if all(r.get(name) not in (None, "") for name in spec.source.present)]


def load(session: Any, spec: FormSpec, record_id: int | None, *, recovery_key: str | None = None) -> Row:
    """Everything ``spec`` prints, read from the ledger."""
    refs = _Refs(session)
    contract = current_contract(session)
    data: Row = {
        "profile": display("contracts", contract, None) if contract else {},
        "today": session.clock.now().date(),
        "user": {"login": session.user.login, "name": session.user.name},
    }
    source = spec.source
    if source.register and source.per_record:
        assert record_id is not None  # render() refuses a per-record form without an id
        raw = repo.get(session, source.register, record_id)
        for name, value in source.where:
            if str(raw.get(name)) != value:
                raise NotForThisForm(spec.id, record_id)
        data["record"] = display(source.register, raw, refs)
    if source.rows:
        data["rows"] = _rows(session, source.rows, contract, refs)
    for extra in source.extra:
        data[extra] = _EXTRAS[extra](session, data, contract, refs, recovery_key)
    return data


def _id_cards(session: Any, data: Row, contract: Row | None, refs: _Refs, _key: str | None) -> list[Row]:
    return _rows(session, "id_cards", contract, refs)


def _attendees(session: Any, data: Row, contract: Row | None, refs: _Refs, _key: str | None) -> list[Row]:
    return _rows(session, "training_attendance", None, refs, {"training_id": data["record"]["id"]})


def _activity(session: Any, data: Row, contract: Row | None, refs: _Refs, _key: str | None) -> Row:
    """Counts for the 実施状況報告書: how much of each kind of record the contract has."""
    def count(kind: str, **filters: object) -> int:
        if spec_for(kind).contract_scoped and contract is not None:
            filters["contract_id"] = contract["id"]
        return repo.count_records(session, kind, filters=filters)

    n = {
        "officers": count("people", role="officer"), "handlers": count("people", role="handler"),
        "workplaces": count("workplaces"), "trainings": count("trainings"), "media": count("media"),
        "assets": count("assets"), "takeouts": count("takeouts"), "handovers": count("handovers"),
        "disposals": count("disposals"), "complaints": count("complaints"), "incidents": count("incidents"),
        "subcontracts": count("subcontracts"),
    }
    return {
        **n,
        "people_text": f"取扱責任者 {n['officers']}人、従事者 {n['handlers']}人",
        "trainings_text": f"{n['trainings']}回",
        "handover_text": f"受渡し {n['handovers']}件、返還・廃棄 {n['disposals']}件",
        "trouble_text": f"苦情 {n['complaints']}件、事故 {n['incidents']}件",
    }


def _orders(session: Any, data: Row, contract: Row | None, refs: _Refs, _key: str | None) -> list[Row]:
    return _rows(session, "improvement_orders", contract, refs)


def _checks(session: Any, data: Row, contract: Row | None, refs: _Refs, _key: str | None) -> list[Row]:
    """The self-check list: one row per article, its status and findings, from the engine."""
    from tokki_desktop.registers.compliance import evaluate
    from tokki_desktop.registers.compliance.model import SEVERITY_LABELS

    report = evaluate(session, session.clock.now())
    rows = []
    for number, art in sorted(report.articles.items()):
        if not art.checked:
            continue
        open_findings = [f for f in art.findings if f.severity != "ok"]
        detail = art.todo("ja") or "／".join(f.shown("ja") for f in open_findings) or "指摘事項なし"
        rows.append({"article": f"第{number}条", "item": art.title_ja,
                     "status": SEVERITY_LABELS[art.status][0], "detail": detail})
    return rows


def _recovery_key(session: Any, data: Row, contract: Row | None, refs: _Refs, key: str | None) -> str:
    if not key:
        raise SecretRequired()
    return key


def _checkpoint(session: Any, data: Row, contract: Row | None, refs: _Refs, _key: str | None) -> Row:
    cp = session.checkpoint()
    return {"seq": cp.seq, "mac": cp.mac, "time": cp.ts, "text": cp.text()}


# ---- the monitor's inventory scans: the evidence of the periodic inspection (Art. 6(2)) ------
#: The place of records made beside the ledger, in a 端末 column.
OWN_PC = "取扱責任者PC"
#: How the two kinds of inventory scan are named on paper.
SCAN_KINDS = {"roots": "定期スキャン", "medium": "媒体の点検"}


def _moment(value: object, tz: dt.tzinfo | None) -> dt.datetime | None:
    """A stored moment on the terminal's clock (the monitor may have stored another offset)."""
    if not value:
        return None
    try:
        moment = dt.datetime.fromisoformat(str(value))
    except ValueError:
        return None
    if moment.tzinfo is None or tz is None:
        return moment
    return moment.astimezone(tz)


def _span_text(start: dt.datetime | None, end: dt.datetime | None, seireki: bool) -> str | None:
    """「令和8年7月6日 / 3時00分～3時20分」: the day once, the times of the scan under it."""
    if start is None or end is None:
        return None
    day = format_wareki(start.date(), with_seireki=seireki)
    if end.date() == start.date():
        return f"{day}\n{start.hour}時{start.minute:02d}分～{end.hour}時{end.minute:02d}分"
    return (f"{day} {start.hour}時{start.minute:02d}分～\n"
            f"{format_wareki(end.date(), with_seireki=seireki)} {end.hour}時{end.minute:02d}分")


def _scan_rows(session: Any, contract: Row | None, refs: _Refs) -> list[Row]:
    """Every inventory scan the monitor recorded, oldest first, as printed.

    Scans of the watched folders belong to the terminal, not to one contract, so they are all
    listed; a medium's scan is listed when the medium is this contract's (or unregistered:
    that is evidence too). Rows hold counts, times and the medium's 管理番号 only.
    """
    tz = session.clock.now().tzinfo
    seireki = bool(contract and contract.get("seireki_in_brackets"))
    rows: list[Row] = []
    for raw in session.ledger.read("SELECT * FROM monitor_inventory ORDER BY finished_at, id"):
        r = dict(raw)
        medium = refs.get("media", r.get("media_id"))
        if (medium is not None and contract is not None and medium.get("contract_id") is not None
                and int(medium["contract_id"]) != int(contract["id"])):
            continue
        kind = str(r.get("kind"))
        if kind == "roots":
            target = "監視フォルダ（全体）"
        elif medium is not None:
            target = str(medium.get("control_no") or "")
        else:
            target = str(r.get("target") or "未登録媒体")
        complete = bool(r.get("complete"))
        started, finished = _moment(r.get("started_at"), tz), _moment(r.get("finished_at"), tz)
        rows.append({
            "id": int(r["id"]), "kind": kind, "kind_text": SCAN_KINDS.get(kind, kind), "target": target,
            "terminal": r.get("terminal"), "terminal_text": str(r.get("terminal") or OWN_PC),
            "media_id": r.get("media_id"), "media": medium,
            "started_at": started, "finished_at": finished, "span_text": _span_text(started, finished, seireki),
            "files": int(r.get("files") or 0), "personal_data": int(r.get("personal_data") or 0),
            "encrypted": int(r.get("encrypted") or 0), "unreadable": int(r.get("unreadable") or 0),
            "complete": complete, "result": "完了" if complete else "中断（未完了）",
        })
    for n, r in enumerate(rows, start=1):
        r["no"] = n
    return rows


def _detected_on(session: Any, data: Row, _contract: Row | None, _refs: _Refs, _key: str | None) -> Row:
    """The work-site terminal whose detection an incident was recorded from (None when it
    was not), and the place without the ``[terminal]`` prefix, which the 端末 field states."""
    record = data.get("record") or {}
    place = record.get("place")
    row = session.ledger.read_one(
        "SELECT terminal FROM monitor_detections WHERE incident_id = ? AND terminal IS NOT NULL ORDER BY id LIMIT 1",
        (int(record.get("id") or 0),))
    terminal = str(row[0]) if row is not None else None
    prefix = f"[{terminal}] " if terminal else None
    if prefix and isinstance(place, str) and place.startswith(prefix):
        place = place[len(prefix):] or None
    return {"terminal": terminal, "place": place}


def _evidence_text(scan: Row | None, seireki: bool) -> str:
    """One inspection's evidence in a table cell: when, how many files, what was found, complete?"""
    if scan is None:
        return "スキャン記録なし"
    when = scan["finished_at"]
    day = format_wareki(when.date(), with_seireki=seireki) if when is not None else "日時不明"
    time = f" {when.hour}時{when.minute:02d}分" if when is not None else ""
    return (f"{day}{time}\n"
            f"検査 {scan['files']:,}件／個人情報 {scan['personal_data']:,}件\n"
            f"暗号化 {scan['encrypted']:,}件／読取不可 {scan['unreadable']:,}件\n"
            f"{scan['result']}（スキャンNo.{scan['no']}）")


def _inventory_scans(session: Any, data: Row, contract: Row | None, refs: _Refs, _key: str | None) -> list[Row]:
    return _scan_rows(session, contract, refs)


def _inspection_evidence(session: Any, data: Row, contract: Row | None, refs: _Refs,
                         _key: str | None) -> list[Row]:
    """Attach to each media inspection the latest scan of its medium up to that day.

    A scan finished after the inspection day is not evidence of that inspection, so the
    latest one *on or before* it is shown (complete or not: an interrupted scan is printed
    as such, never passed off as a full one). Returns the scans, numbered as on the
    棚卸しスキャン結果 form, so that a reader can look a row up there.
    """
    scans = _scan_rows(session, contract, refs)
    seireki = bool(data.get("profile", {}).get("seireki_in_brackets"))
    by_medium: dict[int, list[Row]] = {}
    for scan in scans:
        if scan["kind"] == "medium" and scan["media_id"] is not None and scan["finished_at"] is not None:
            by_medium.setdefault(int(scan["media_id"]), []).append(scan)
    for row in data.get("rows", []):
        day = _date(row.get("inspected_on"))
        candidates = by_medium.get(int(row["media_id"]), []) if row.get("media_id") is not None else []
        latest = None
        for scan in candidates:  # oldest first: the last one that fits is the latest
            if day is None or scan["finished_at"].date() <= day:
                latest = scan
        row["scan"] = latest
        row["scan_text"] = _evidence_text(latest, seireki)
    return scans


_EXTRAS: dict[str, Callable[[Any, Row, Row | None, _Refs, str | None], Any]] = {
    "id_cards": _id_cards, "attendees": _attendees, "orders": _orders, "checks": _checks, "activity": _activity,
    "recovery_key": _recovery_key, "checkpoint": _checkpoint, "inventory_scans": _inventory_scans,
    "detected_on": _detected_on,
    "inspection_evidence": _inspection_evidence,
}

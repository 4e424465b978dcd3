"""Rendering a form to a PDF: the entry points the CLI and the GUI call.

``render(session, form_id, record_id, out_path=…)`` reads the ledger, lays the form out,
writes the PDF atomically and records a ``form_rendered`` audit event (form id, record id,
page count — never a value from the form). ``render_data`` does the same from plain data,
without a ledger (tests, previews, benchmarks). Both are safe to call from a worker thread.
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tokki_desktop.forms import sources
from tokki_desktop.forms.catalog import FORMS
from tokki_desktop.forms.errors import RecordRequired, UnknownForm
from tokki_desktop.forms.layout import lay_out
from tokki_desktop.forms.model import FormSpec
from tokki_desktop.forms.pdf import draw, write_atomically
from tokki_desktop.forms.values import Findings


@dataclass(frozen=True)
class FormInfo:
    """One form as lists show it (``tokki forms list``, the GUI's menu)."""

    id: str
    title: str
    article: str
    summary_en: str
    register: str | None  # the register whose records it is made for, if per record
    per_record: bool
    landscape: bool
    needs_secret: bool  # the recovery-key sheet: only at ledger creation
    menu_title: str = ""  # the title as lists show it (distinguishes forms sharing a title)


@dataclass
class RenderResult:
    """What was written, and what the person printing it should know.

    ``missing``: labels of required values left empty (printed as an empty box marked
    ※未記入); ``unsupported``: characters the font cannot print, as "label: U+XXXX"
    (printed as 〓). Neither ever holds a value from the form.
    """

    path: Path
    form_id: str
    record_id: int | None
    pages: int
    ms: float
    missing: list[str] = field(default_factory=list)
    unsupported: list[str] = field(default_factory=list)


def list_forms() -> list[FormInfo]:
    """Every form, in the order of the articles."""
    return [
        FormInfo(s.id, s.title, s.article, s.summary_en,
                 s.source.register if s.source.per_record else None, s.source.per_record, s.landscape,
                 "recovery_key" in s.source.extra, s.menu_title or s.title)
        for s in FORMS.values()
    ]


def form_spec(form_id: str) -> FormSpec:
    """The declaration of ``form_id`` (:class:`UnknownForm` otherwise)."""
    try:
        return FORMS[form_id.strip().lower().replace("-", "_")]
    except KeyError:
        raise UnknownForm(form_id) from None


def record_choices(session: Any, form_id: str) -> list[tuple[int, str]]:
    """The records a per-record form can be made for, as (id, one-line title) for a picker.

    Titles come from the register (a person's name, a medium's number): for screens only.
    Empty for forms that are not made per record.
    """
    from tokki_desktop.registers import repository as repo

    spec = form_spec(form_id)
    kind = spec.source.register
    if not spec.source.per_record or kind is None:
        return []
    ids = set(sources.record_ids(session, spec))
    rows = [r for r in repo.list_records(session, kind) if int(r["id"]) in ids]
    return [(int(r["id"]), repo.title(session, kind, r)) for r in rows]


def render_data(spec: FormSpec, data: Mapping[str, Any], out_path: Path | str,
                record_id: int | None = None) -> RenderResult:
    """Lay ``spec`` out filled with plain ``data`` and write the PDF (no ledger, no audit)."""
    start = time.perf_counter()
    findings = Findings()
    pages = lay_out(spec, data, findings)
    pdf = draw(pages, spec.title)
    out = Path(out_path)
    write_atomically(pdf, out)
    return RenderResult(out, spec.id, record_id, len(pages), (time.perf_counter() - start) * 1000,
                        findings.missing, findings.unsupported)


def render(session: Any, form_id: str, record_id: int | None = None, *, out_path: Path | str,
           recovery_key: str | None = None) -> RenderResult:
    """Fill ``form_id`` from the ledger, write it to ``out_path``, audit that it was written.

    ``record_id`` picks the record of a per-record form (one pledge per person…).
    ``recovery_key`` is only for the recovery-key sheet right after ``create_ledger``.
    """
    start = time.perf_counter()
    spec = form_spec(form_id)
    if spec.source.per_record and record_id is None:
        raise RecordRequired(spec.id, _register_label(spec))
    data = sources.load(session, spec, record_id if spec.source.per_record else None,
                        recovery_key=recovery_key)
    findings = Findings()
    pages = lay_out(spec, data, findings)
    pdf = draw(pages, spec.title)
    out = Path(out_path)
    register = spec.source.register or spec.source.rows
    table = _table_of(register)
    # The event and the file go together: if the file cannot be written the event is rolled
    # back; if the event cannot be committed the file is removed.
    written = False
    try:
        with session.ledger.transaction(session.user) as tx:
            tx.event("form_rendered", table=table, row_id=record_id if spec.source.per_record else None,
                     change={"form": spec.id, "pages": len(pages), "personal_data": spec.personal_data,
                             "missing": len(findings.missing), "unsupported": len(findings.unsupported)})
            write_atomically(pdf, out)
            written = True
    except BaseException:
        if written:
            out.unlink(missing_ok=True)
        raise
    return RenderResult(out, spec.id, record_id, len(pages), (time.perf_counter() - start) * 1000,
                        findings.missing, findings.unsupported)


def render_all(session: Any, out_dir: Path | str) -> tuple[list[RenderResult], list[str]]:
    """Every form the ledger has data for, one PDF per record for per-record forms.

    Returns the results and the ids of forms not made (no records, or the recovery-key
    sheet, which needs the key that only ``tokki init`` shows).
    """
    folder = Path(out_dir)
    folder.mkdir(parents=True, exist_ok=True)
    results: list[RenderResult] = []
    skipped: list[str] = []
    for spec in FORMS.values():
        if "recovery_key" in spec.source.extra:
            skipped.append(spec.id)
            continue
        if spec.source.per_record:
            ids = sources.record_ids(session, spec)
            if not ids:
                skipped.append(spec.id)
            for rid in ids:
                results.append(render(session, spec.id, rid, out_path=folder / f"{spec.id}-{rid}.pdf"))
        else:
            results.append(render(session, spec.id, out_path=folder / f"{spec.id}.pdf"))
    return results, skipped


def _register_label(spec: FormSpec) -> str:
    from tokki_desktop.registers import spec_for

    return spec_for(spec.source.register or "").label_ja


def _table_of(kind: str | None) -> str | None:
    if not kind:
        return None
    from tokki_desktop.registers import spec_for

    return spec_for(kind).table

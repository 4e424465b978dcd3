"""Printable forms: every document the provisions ask for, filled from the ledger.

One layout engine (:mod:`.layout`) lays out forms declared as data (:mod:`.catalog`) with
the bundled IPAex fonts embedded as subsets. Callers use :func:`list_forms` and
:func:`render` (or :func:`render_data` with plain data, no ledger).
"""

from __future__ import annotations

from tokki_desktop.forms.render import (
    FormInfo,
    RenderResult,
    form_spec,
    list_forms,
    record_choices,
    render,
    render_all,
    render_data,
)

__all__ = [
    "FormInfo", "RenderResult", "form_spec", "list_forms", "record_choices", "render", "render_all", "render_data",
]

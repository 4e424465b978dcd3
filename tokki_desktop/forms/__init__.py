"""Printable forms: every document the provisions ask for, filled from the ledger.

One layout engine (:mod:`.layout`) lays out forms declared as data (:mod:`.catalog`) with
the bundled IPAex fonts embedded as subsets. Callers use :func:`list_forms` and
:func:`render` (or :func:`render_data` with plain data, no ledger). The fonts take
~0.1 s to load once per process; a GUI can call :func:`preload_fonts` at start-up in a
worker so that the first form is as quick as the others.
"""

from __future__ import annotations

from tokki_desktop.forms.fonts import ensure_fonts as preload_fonts
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
    "FormInfo",
    "RenderResult",
    "form_spec",
    "list_forms",
    "preload_fonts",
    "record_choices",
    "render",
    "render_all",
    "render_data",
]

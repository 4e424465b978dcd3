"""The obligation registers: declarative specs, the repository, the compliance engine, export.

Callers use :func:`spec_for` / :data:`SPECS` to learn a register's fields and
:mod:`tokki_desktop.registers.repository` to read and write its rows.
"""

from __future__ import annotations

from tokki_desktop.registers.catalog import SPECS
from tokki_desktop.registers.errors import UnknownRegister
from tokki_desktop.registers.spec import Choice, FieldSpec, OrderCheck, RegisterSpec


def spec_for(kind: str) -> RegisterSpec:
    """The spec of register ``kind`` (:class:`UnknownRegister`, a KnownError, otherwise)."""
    try:
        return SPECS[kind.strip().lower().replace("-", "_")]
    except KeyError:
        raise UnknownRegister(kind) from None


__all__ = ["SPECS", "Choice", "FieldSpec", "OrderCheck", "RegisterSpec", "UnknownRegister", "spec_for"]

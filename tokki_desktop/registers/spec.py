"""The shape of a register, declared once and read by everyone.

A :class:`RegisterSpec` says which table holds a kind of record, what its fields are called in
Japanese and English, their types, which are required and which only the 取扱責任者 may set.
The validator, the repository, the CLI (``tokki add KIND --field value``), the CSV export and the
GUI's generic table and editor all read the same specs, so a field added here shows up
everywhere at once (plus a migration for its column).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

FieldType = Literal["text", "longtext", "date", "datetime", "int", "bool", "choice", "ref"]

#: Columns every register table has besides its fields; filled by the ledger and the repository.
SYSTEM_COLUMNS: tuple[str, ...] = (
    "id",
    "created_at",
    "created_by",
    "updated_at",
    "updated_by",
    "closed_at",
    "closed_by",
    "close_reason",
)


@dataclass(frozen=True)
class Choice:
    """One allowed value of a ``choice`` field: the stored code and its labels."""

    value: str
    label_ja: str
    label_en: str


@dataclass(frozen=True)
class FieldSpec:
    """One field of a register: its column, labels, type and rules.

    ``default`` is a string as a user would type it (or a bool/int), converted like input.
    ``officer_only``: only an officer may set it to anything but its default (approvals,
    approval dates). ``ref`` names the kind a ``ref`` field points to. ``hint_ja``/``hint_en``
    help the person filling it in (shown as the CLI help and as the editor's tooltip).
    """

    name: str
    label_ja: str
    label_en: str
    type: FieldType = "text"
    required: bool = False
    choices: tuple[Choice, ...] = ()
    ref: str | None = None
    default: str | int | bool | None = None
    officer_only: bool = False
    max_length: int = 10_000
    minimum: int | None = None
    hint_ja: str = ""
    hint_en: str = ""

    def choice(self, value: str) -> Choice | None:
        """The choice whose code or Japanese/English label is ``value`` (case-insensitive)."""
        low = value.strip().lower()
        for c in self.choices:
            if low in (c.value.lower(), c.label_ja.lower(), c.label_en.lower()):
                return c
        return None

    def label(self, lang: str = "ja") -> str:
        """The field's name in ``lang``."""
        return self.label_en if lang == "en" else self.label_ja

    def display(self, value: object, lang: str = "ja", *, wareki: bool = False, with_seireki: bool = False) -> str:
        """A stored value as a person reads it (choice labels, はい/いいえ; 和暦 dates if asked)."""
        if value is None or value == "":
            return ""
        if wareki and self.type in ("date", "datetime"):
            from tokki_desktop import wareki as era

            moment = dt.datetime.fromisoformat(str(value))
            if self.type == "date":
                return era.format_wareki(moment.date(), with_seireki=with_seireki)
            return era.format_wareki_datetime(moment, with_seireki=with_seireki)
        if self.type == "choice":
            c = self.choice(str(value))
            if c is not None:
                return c.label_en if lang == "en" else c.label_ja
        if self.type == "bool":
            yes = bool(value)
            if lang == "en":
                return "yes" if yes else "no"
            return "はい" if yes else "いいえ"
        return str(value)


@dataclass(frozen=True)
class OrderCheck:
    """Two fields where the second may not come before the first (start/end, 発生/発覚)."""

    first: str
    second: str


@dataclass(frozen=True)
class RegisterSpec:
    """One register (one kind of record): table, labels, article, fields, checks.

    ``contract_scoped``: the rows carry ``contract_id`` (a required ``ref`` to contracts, filled
    with the only open contract when the caller leaves it out). ``add_requires_officer``: only
    the 取扱責任者 may add rows (contracts, people). ``title_field`` names the field that shows
    a row in one line (lists, reference pickers).
    """

    kind: str
    table: str
    label_ja: str
    label_en: str
    article: int
    fields: tuple[FieldSpec, ...]
    title_field: str
    contract_scoped: bool = True
    add_requires_officer: bool = False
    #: Once this (officer-only) field holds a decision, only an officer may change the record:
    #: a handler must not widen the scope or extend the expiry of what was approved.
    decision_field: str | None = None
    order_checks: tuple[OrderCheck, ...] = ()
    description_ja: str = ""
    description_en: str = ""
    _by_name: dict[str, FieldSpec] = field(default_factory=dict, init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        names = [f.name for f in self.fields]
        if len(names) != len(set(names)):
            raise ValueError(f"duplicate field in register {self.kind}")
        clash = set(names) & set(SYSTEM_COLUMNS)
        if clash:
            raise ValueError(f"register {self.kind} uses system column names {sorted(clash)}")
        if self.title_field not in names:
            raise ValueError(f"register {self.kind}: title field {self.title_field} is not a field")
        if self.decision_field is not None and not self._decision_ok(names):
            raise ValueError(f"register {self.kind}: decision field must be an officer-only field")
        if self.contract_scoped and "contract_id" not in names:
            raise ValueError(f"register {self.kind} is contract-scoped but has no contract_id")
        self._by_name.update({f.name: f for f in self.fields})

    def _decision_ok(self, names: list[str]) -> bool:
        return any(f.name == self.decision_field and f.officer_only for f in self.fields)

    def decided(self, row: dict[str, object]) -> bool:
        """Whether ``row`` carries a decision (approval) that locks it for non-officers."""
        if self.decision_field is None:
            return False
        f = self._by_name[self.decision_field]
        value = row.get(f.name)
        return value not in (None, "") and value != f.default

    def field(self, name: str) -> FieldSpec:
        """The field called ``name`` (KeyError for a name that is not one of its fields)."""
        return self._by_name[name]

    def has_field(self, name: str) -> bool:
        """Whether ``name`` is one of the register's fields."""
        return name in self._by_name

    @property
    def columns(self) -> tuple[str, ...]:
        """Every column of the table, system columns included, in a stable order."""
        return ("id", *(f.name for f in self.fields), *SYSTEM_COLUMNS[1:])

    def label(self, lang: str = "ja") -> str:
        """The register's name in ``lang``."""
        return self.label_en if lang == "en" else self.label_ja


def contract_ref() -> FieldSpec:
    """The ``contract_id`` field every contract-scoped register starts with."""
    return FieldSpec(
        "contract_id", "契約", "Contract", "ref", required=True, ref="contracts",
        hint_ja="契約が一つだけなら省略できます", hint_en="may be left out when there is one contract",
    )

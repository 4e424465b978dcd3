"""Known errors of the registers (subclasses of :class:`tokki_desktop.errors.KnownError`)."""

from __future__ import annotations

from tokki_desktop.errors import InvalidInput, KnownError


class UnknownRegister(KnownError):
    """A register kind that does not exist (typo on the command line)."""

    def __init__(self, kind: str) -> None:
        from tokki_desktop.registers.catalog import SPECS

        # Only the kind names are echoed: they are ours, never personal data.
        names = ", ".join(SPECS)
        shown = kind if kind.replace("_", "").replace("-", "").isalnum() and len(kind) < 40 else "?"
        super().__init__(
            f"台帳の種類「{shown}」はありません。",
            f"There is no register called '{shown}'.",
            hint_ja=f"使える種類: {names}",
            hint_en=f"Registers: {names}",
        )


class UnknownField(InvalidInput):
    """A field name that the register does not have."""

    def __init__(self, kind_label_ja: str, kind_label_en: str, name: str) -> None:
        shown = name if name.replace("_", "").isalnum() and len(name) < 60 else "?"
        super().__init__(
            shown, shown,
            f"{kind_label_ja}にこの項目はありません",
            f"{kind_label_en} has no such field",
        )


class AlreadyClosed(KnownError):
    """Closing (or editing) a record that has already been closed."""

    def __init__(self, what_ja: str, what_en: str, ident: int) -> None:
        super().__init__(
            f"{what_ja}（ID {ident}）は既に終了（クローズ）しています。",
            f"{what_en} {ident} is already closed.",
        )

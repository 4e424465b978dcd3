"""The users' roles as people call them: 取扱責任者 (officer) and 従事者 (handler)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

_ROLE_NAMES = {
    "officer": QT_TRANSLATE_NOOP("Roles", "Responsible officer"),
    "handler": QT_TRANSLATE_NOOP("Roles", "Data handler"),
    "system": QT_TRANSLATE_NOOP("Roles", "System"),
}


def role_name(role: str) -> str:
    """The role's name in the current language (the code itself for an unknown role)."""
    source = _ROLE_NAMES.get(role)
    return QCoreApplication.translate("Roles", str(source)) if source else role

"""Every screen of the main window, in navigation order, with who may open it."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from tokki_desktop.ui.workspace import ScreenSpec


def all_screens() -> list[ScreenSpec]:
    """The screens; officer-only ones are left out of a handler's navigation."""
    from tokki_desktop.ui.users_screen import UsersScreen

    return [
        ScreenSpec("users", QT_TRANSLATE_NOOP("Screens", "Users"), UsersScreen),
    ]

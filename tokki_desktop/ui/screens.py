"""Every screen of the main window, in navigation order, with who may open it."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from tokki_desktop.ui.workspace import ScreenSpec


def all_screens() -> list[ScreenSpec]:
    """The screens; officer-only ones are left out of a handler's navigation."""
    from tokki_desktop.ui.approvals_screen import ApprovalsScreen
    from tokki_desktop.ui.audit_screen import AuditScreen
    from tokki_desktop.ui.dashboard import DashboardScreen
    from tokki_desktop.ui.detections_screen import DetectionsScreen
    from tokki_desktop.ui.forms_screen import FormsScreen
    from tokki_desktop.ui.registers_screen import RegistersScreen
    from tokki_desktop.ui.settings_screen import SettingsScreen
    from tokki_desktop.ui.terminals_screen import TerminalsScreen
    from tokki_desktop.ui.users_screen import UsersScreen

    return [
        ScreenSpec("dashboard", str(QT_TRANSLATE_NOOP("Screens", "Dashboard")), DashboardScreen),
        ScreenSpec("detections", str(QT_TRANSLATE_NOOP("Screens", "Detections")), DetectionsScreen),
        ScreenSpec("approvals", str(QT_TRANSLATE_NOOP("Screens", "Approvals")), ApprovalsScreen),
        ScreenSpec("registers", str(QT_TRANSLATE_NOOP("Screens", "Registers")), RegistersScreen),
        ScreenSpec("forms", str(QT_TRANSLATE_NOOP("Screens", "Forms")), FormsScreen),
        ScreenSpec("audit", str(QT_TRANSLATE_NOOP("Screens", "Audit")), AuditScreen, officer_only=True),
        ScreenSpec("users", str(QT_TRANSLATE_NOOP("Screens", "Users")), UsersScreen),
        ScreenSpec("settings", str(QT_TRANSLATE_NOOP("Screens", "Settings")), SettingsScreen, officer_only=True),
        ScreenSpec("terminals", str(QT_TRANSLATE_NOOP("Screens", "Terminals")), TerminalsScreen, officer_only=True),
    ]

"""What every screen of the main window is given, and how screens are declared.

A screen is declared once (key, title, who may see it, how to build it) and built lazily the
first time it is opened, so that the main window appears quickly and switching back to a
screen is instant.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtWidgets import QWidget

from tokki_desktop.ui.tasks import TaskRunner


@dataclass
class ScreenContext:
    """The session and helpers a screen works with (no SQL: only the core's API)."""

    session: Any  # tokki_desktop.session.Session
    runner: TaskRunner
    lang: str
    # open_screen(key, **target): switch to another screen and show ``target`` there
    open_screen: Callable[..., None] = field(default=lambda key, **target: None)
    monitor_bridge: Any = None  # MonitorBridge, when a monitor runs in this app

    @property
    def is_officer(self) -> bool:
        """Whether the logged-in user is a 取扱責任者 (approvals, settings, users)."""
        return bool(getattr(self.session.user, "is_officer", False))


@dataclass(frozen=True)
class ScreenSpec:
    """One entry of the navigation: ``title`` is an untranslated source (``Screens`` context)."""

    key: str
    title: str
    build: Callable[[ScreenContext], QWidget]
    officer_only: bool = False

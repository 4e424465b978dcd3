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
    # 西暦併記 per contract id, read once when the context is made (see seireki()): a
    # background answer may arrive after log-out, when the ledger can no longer be read.
    _seireki: dict[int, bool] = field(default_factory=dict, init=False, repr=False)
    _main_contract: int | None = field(default=None, init=False, repr=False)

    def __post_init__(self) -> None:
        self.reload_contract_settings()

    def seireki(self, contract_id: object = None) -> bool:
        """Whether 和暦 dates get the western year in brackets, as contract ``contract_id`` asks.

        Without a contract (audit times, the dashboard's moment…) the terminal's contract
        decides: the first open one, as the monitor's rules also take it.
        """
        try:
            key = int(str(contract_id)) if contract_id not in (None, "") else self._main_contract
        except ValueError:
            key = self._main_contract
        return self._seireki.get(key, False) if key is not None else False

    def reload_contract_settings(self) -> None:
        """Read the contracts' 西暦併記 setting again (after a contract was edited)."""
        from tokki_desktop.registers import repository

        rows = repository.list_records(self.session, "contracts", include_closed=True)
        self._seireki = {int(r["id"]): bool(r.get("seireki_in_brackets")) for r in rows}
        self._main_contract = next((int(r["id"]) for r in rows if not r.get("closed_at")), None)

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

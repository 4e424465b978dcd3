"""The running desktop app: which window is up, the open session, the language.

One :class:`Desktop` per process. It shows the login window, turns a successful unlock into
the main window, goes back to the login window on logout, and rebuilds the visible window
when the user switches language (every string is created through ``tr()`` at build time).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QSettings, Qt, Signal
from PySide6.QtWidgets import QWidget

from tokki_desktop.clock import Clock
from tokki_desktop.errors import KnownError
from tokki_desktop.paths import LedgerFiles
from tokki_desktop.ui.contract_line import contract_line
from tokki_desktop.ui.idle_lock import DEFAULT_IDLE_SECONDS
from tokki_desktop.ui.language import LanguageSwitcher, normalise, shared_switcher
from tokki_desktop.ui.login_window import DemoHint, LoginWindow
from tokki_desktop.ui.main_window import MainWindow
from tokki_desktop.ui.monitor_bridge import MonitorBridge
from tokki_desktop.ui.problems import log_bug
from tokki_desktop.ui.screens import all_screens
from tokki_desktop.ui.tasks import TaskRunner
from tokki_desktop.ui.tray import MonitorTray

log = logging.getLogger(__name__)


def _take_place_of(window: QWidget, old: QWidget) -> None:
    """The new window (after a language switch) exactly where the old one was.

    Not restoreGeometry: on X11 it mixes the frame and the client area and the new window
    lands a title bar lower (25 px) each time. pos() and move() both mean the frame's corner.
    """
    if old.isMaximized():
        window.setWindowState(window.windowState() | Qt.WindowState.WindowMaximized)
        return
    window.resize(old.size())
    window.move(old.pos())


def ui_settings(data_dir: Path) -> QSettings:
    """This terminal's display preferences (language only; no personal data), by the ledger."""
    return QSettings(str(Path(data_dir) / "desktop.ini"), QSettings.Format.IniFormat)


class Desktop(QObject):
    """Owns the windows and the session of one running app."""

    main_window_shown = Signal(object)
    login_window_shown = Signal(object)

    def __init__(
        self,
        data_dir: Path,
        *,
        lang: str | None = None,
        demo: DemoHint | None = None,
        clock: Clock | None = None,
        idle_seconds: int = DEFAULT_IDLE_SECONDS,
        switcher: LanguageSwitcher | None = None,
        opener: Callable[..., Any] | None = None,
        monitor_factory: Callable[[Any], Any] | None = None,
    ) -> None:
        super().__init__()
        self.data_dir = Path(data_dir)
        self.demo = demo
        self.clock = clock
        self.idle_seconds = idle_seconds
        self.runner = TaskRunner(self)
        self.switcher = switcher or shared_switcher()
        self._opener = opener
        # session -> Monitor (not started); None: this app runs no monitor of its own.
        self._monitor_factory = monitor_factory
        self.monitor: Any = None
        self.bridge = MonitorBridge(self)
        self.tray: MonitorTray | None = None
        self.session: Any = None
        self.login_window: LoginWindow | None = None
        self.main_window: MainWindow | None = None
        saved = ui_settings(self.data_dir).value("language") if self.data_dir.is_dir() else None
        self.switcher.apply(normalise(lang or (saved if isinstance(saved, str) else None)))

    @property
    def lang(self) -> str:
        """The language in use (``ja`` or ``en``)."""
        return self.switcher.lang

    # -- opening the ledger ----------------------------------------------------------------
    def _open(self, data_dir: Path, login: str, passphrase: str) -> Any:
        if self._opener is not None:
            return self._opener(data_dir, login, passphrase)
        from tokki_desktop.session import unlock

        return unlock(data_dir, login, passphrase, clock=self.clock)

    def _check_passphrase(self, login: str, passphrase: str) -> None:
        # Unlocking the window proves the passphrase the same way a login does (same key
        # slot, same attempt counting); the second connection is closed at once.
        self._open(self.data_dir, login, passphrase).close()

    def start(self) -> None:
        """Show the login window."""
        self.show_login()

    def show_login(self) -> LoginWindow:
        """Replace whatever is shown by a fresh login window."""
        old = self.login_window
        window = LoginWindow(
            self.data_dir,
            self.runner,
            self.lang,
            self._open,
            ledger_exists=LedgerFiles(self.data_dir).exists(),
            can_set_up=True,
            demo=self.demo,
        )
        window.unlocked.connect(self._unlocked)
        window.language_chosen.connect(self.set_language)
        window.setup_requested.connect(self.show_setup)
        self.login_window = window
        if old is not None:
            _take_place_of(window, old)
        window.show()
        if old is not None:
            old.close()
            old.deleteLater()
        self.login_window_shown.emit(window)
        return window

    def show_setup(self) -> Any:
        """Open the first-run wizard; the created ledger's officer is then logged in."""
        from tokki_desktop.ui.setup_wizard import SetupWizard

        wizard = SetupWizard(self.data_dir, self.runner, self.lang, clock=self.clock, parent=self.login_window)
        wizard.created.connect(self._unlocked)
        wizard.open()
        self.setup_wizard = wizard
        return wizard

    def _unlocked(self, session: Any) -> None:
        self.session = session
        self._show_main()
        self._start_monitor()
        if self.login_window is not None:
            self.login_window.close()
            self.login_window.deleteLater()
            self.login_window = None

    def _show_main(self) -> MainWindow:
        old = self.main_window
        window = MainWindow(
            self.session,
            self.runner,
            self.lang,
            all_screens(),
            contract_line=contract_line(self.session, self.lang),
            check_passphrase=self._check_passphrase,
            idle_seconds=self._idle_seconds(),
            monitor_bridge=self.bridge,
        )
        window.logout_requested.connect(self.log_out)
        window.language_chosen.connect(self.set_language)
        self.main_window = window
        if old is not None:
            _take_place_of(window, old)
            old.idle.stop()
            old.hide()
            old.deleteLater()
        window.show()
        self.main_window_shown.emit(window)
        return window

    # -- the monitor ---------------------------------------------------------------------------
    def _start_monitor(self) -> None:
        """Start the monitor of this session in the background; the tray follows it."""
        if self.tray is None:
            self.tray = MonitorTray(self.bridge, self.lang, self)
            self.tray.open_requested.connect(self._raise_window)
            self.tray.show_detections.connect(self._show_detections)
        if self._monitor_factory is None or self.monitor is not None:
            return
        session = self.session

        def start() -> Any:
            # What a monitor spooled while nobody could write (or before a crash) goes into
            # the ledger first, so the inbox is complete even when another process monitors.
            from tokki_desktop.monitor.service import import_pending

            import_pending(session)
            monitor = self._monitor_factory(session)  # type: ignore[misc]
            monitor.start()
            return monitor

        self.runner.run_task(start, self._monitor_started, what=self.tr("starting the monitor"),
                             ask_before_close=False)

    def _monitor_started(self, monitor: Any, error: BaseException | None) -> None:
        if isinstance(error, KnownError):
            # e.g. another monitor (autostarted at sign-in) already watches this ledger: it
            # records detections in the ledger, which the inbox reads on its own.
            if self.tray is not None:
                self.tray.show_elsewhere(error.message(self.lang))
            log.info("monitor not started here: %s", type(error).__name__)
            return
        if error is not None:
            # The app works without it; the tray says "stopped" and the log says why.
            log_bug(error, "starting the monitor")
            return
        if self.session is None:  # logged out meanwhile
            monitor.stop()
            return
        self.monitor = monitor
        self.bridge.attach(monitor)

    def _stop_monitor(self) -> None:
        monitor, self.monitor = self.monitor, None
        self.bridge.detach()
        if monitor is not None:
            monitor.stop()  # joins its threads (a second at most) and records the stop
        if self.tray is not None:
            self.tray.show_state(None)

    def _show_detections(self) -> None:
        if self.main_window is not None and not self.main_window.is_locked:
            self.main_window.open_screen("detections")
        self._raise_window()

    def _raise_window(self) -> None:
        window = self.visible_window()
        if window is not None:
            window.showNormal()
            window.raise_()
            window.activateWindow()

    def _idle_seconds(self) -> int:
        # An officer may shorten or lengthen the lock time for this terminal (settings).
        minutes = ui_settings(self.data_dir).value("idle_minutes") if self.data_dir.is_dir() else None
        try:
            return int(minutes) * 60 if minutes is not None else self.idle_seconds
        except (TypeError, ValueError):
            return self.idle_seconds

    def log_out(self) -> None:
        """Close the session and go back to the login window."""
        self._stop_monitor()
        if self.main_window is not None:
            self.main_window.idle.stop()
            self.main_window.hide()
            self.main_window.deleteLater()
            self.main_window = None
        if self.session is not None:
            self.session.close()
            self.session = None
        self.show_login()

    def set_language(self, lang: str) -> None:
        """Switch language, remember it for this terminal, rebuild the visible window."""
        lang = normalise(lang)
        if lang == self.lang:
            return
        self.switcher.apply(lang)
        if self.data_dir.is_dir():
            settings = ui_settings(self.data_dir)
            settings.setValue("language", lang)
            settings.sync()
        if self.main_window is not None:
            self._show_main()
        elif self.login_window is not None:
            self.show_login()

    def visible_window(self) -> QWidget | None:
        """The window the user sees now."""
        return self.main_window or self.login_window

    def shut_down(self) -> None:
        """Close windows, the monitor and the session (end of the process)."""
        self._stop_monitor()
        if self.tray is not None:
            self.tray.hide()
        for window in (self.main_window, self.login_window):
            if window is not None:
                window.close()
        if self.session is not None:
            self.session.close()
            self.session = None

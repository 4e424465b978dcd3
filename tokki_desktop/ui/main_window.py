"""The main window: who is logged in, for which contract, and the screens.

Layout: a header (contract and user, lock button), a navigation list on the left and the
current screen on the right. Locking swaps the whole workspace for the lock panel, so no
record stays visible behind it.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QFont, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from tokki_desktop.ui.idle_lock import (
    DEFAULT_IDLE_SECONDS,
    IdleWatcher,
    LockPanel,
    PassphraseCheck,
)
from tokki_desktop.ui.language import LANGUAGE_NAMES, SUPPORTED
from tokki_desktop.ui.os_lock import OsLockWatcher
from tokki_desktop.ui.problems import show_problem
from tokki_desktop.ui.roles import role_name
from tokki_desktop.ui.tasks import TaskRunner
from tokki_desktop.ui.workspace import ScreenContext, ScreenSpec


class MainWindow(QMainWindow):
    """The workspace after login: header, navigation, screens, lock."""

    logout_requested = Signal()
    language_chosen = Signal(str)
    locked_changed = Signal(bool)

    def __init__(
        self,
        session: object,
        runner: TaskRunner,
        lang: str,
        screens: list[ScreenSpec],
        *,
        contract_line: str,
        check_passphrase: PassphraseCheck,
        idle_seconds: int = DEFAULT_IDLE_SECONDS,
        monitor_bridge: object = None,
    ) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.session = session
        self._runner = runner
        self._lang = lang
        user = session.user  # type: ignore[attr-defined]
        self._context = ScreenContext(session=session, runner=runner, lang=lang, open_screen=self.open_screen,
                                      monitor_bridge=monitor_bridge)
        self._screens = [s for s in screens if self._context.is_officer or not s.officer_only]
        self._built: dict[str, QWidget] = {}
        self._closing_confirmed = False
        self.setWindowTitle(self.tr("Tokki Desktop"))

        # Header: contract and user, always visible (also behind the lock).
        self.contract_label = QLabel(contract_line)
        self.contract_label.setObjectName("contractLabel")
        bold = QFont(self.font())
        bold.setBold(True)
        bold.setPointSizeF(bold.pointSizeF() * 1.15)
        self.contract_label.setFont(bold)
        self.contract_label.setWordWrap(True)
        self.user_label = QLabel(
            self.tr("%1 (%2)").replace("%1", user.name).replace("%2", role_name(user.role))
        )
        self.user_label.setObjectName("userLabel")
        self.lock_button = QPushButton(self.tr("&Lock"))
        self.lock_button.setObjectName("lockButton")
        self.lock_button.clicked.connect(self.lock)
        header = QHBoxLayout()
        header.addWidget(self.contract_label, 1)
        header.addWidget(self.user_label)
        header.addWidget(self.lock_button)

        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setAccessibleName(self.tr("Screens"))
        for spec in self._screens:
            item = QListWidgetItem(QCoreApplication.translate("Screens", spec.title))
            item.setData(Qt.ItemDataRole.UserRole, spec.key)
            self.nav.addItem(item)
        self.nav.setMaximumWidth(200)
        self.nav.setMinimumWidth(130)
        self.nav.setSpacing(3)
        self.stack = QStackedWidget()
        self.stack.setObjectName("screens")
        self.nav.currentRowChanged.connect(self._show_row)

        body = QHBoxLayout()
        body.addWidget(self.nav)
        body.addWidget(self.stack, 1)
        self.workspace = QWidget()
        self.workspace.setLayout(body)

        self.lock_panel = LockPanel(user.login, user.name, runner, lang, check_passphrase)
        self.lock_panel.unlocked.connect(self.unlock)
        self.lock_panel.logout_requested.connect(self.logout_requested)
        self.outer = QStackedWidget()
        self.outer.addWidget(self.workspace)
        self.outer.addWidget(self.lock_panel)

        central = QWidget()
        column = QVBoxLayout(central)
        column.addLayout(header)
        column.addWidget(self.outer, 1)
        self.setCentralWidget(central)
        self._build_menus()

        self.idle = IdleWatcher(session.clock, idle_seconds, parent=self)  # type: ignore[attr-defined]
        self.idle.idle.connect(self.lock)
        # The OS locking the session (Win+L, screen saver) locks this window too.
        self.os_lock = OsLockWatcher(self)
        self.os_lock.session_locked.connect(self.lock)
        self._os_lock_started = False
        self.resize(1100, 720)
        if self._screens:
            self.nav.setCurrentRow(0)

    def showEvent(self, event: object) -> None:
        """Start listening for the OS session lock once the window has a native handle."""
        super().showEvent(event)  # type: ignore[arg-type]
        if not self._os_lock_started:
            self._os_lock_started = True
            self.os_lock.watch_window(int(self.winId()))

    # -- menus ---------------------------------------------------------------------------
    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        lock = QAction(self.tr("&Lock now"), self)
        lock.setShortcut(QKeySequence("Ctrl+L"))
        lock.triggered.connect(self.lock)
        logout = QAction(self.tr("Log &out"), self)
        logout.triggered.connect(self.logout_requested)
        export = QAction(self.tr("&Export for the client…"), self)
        export.triggered.connect(self.open_export)
        # Exporting every register is the officer's call (Art. 13, at the client's request).
        export.setVisible(self._context.is_officer)
        self.export_action = export
        quit_action = QAction(self.tr("E&xit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        for action in (lock, export, logout, quit_action):
            file_menu.addAction(action)
        self.screen_menu = self.menuBar().addMenu(self.tr("&View"))
        for row, spec in enumerate(self._screens):
            action = QAction(QCoreApplication.translate("Screens", spec.title), self)
            if row < 9:
                action.setShortcut(QKeySequence(f"Ctrl+{row + 1}"))
            action.triggered.connect(lambda _checked=False, r=row: self.nav.setCurrentRow(r))
            self.screen_menu.addAction(action)
        lang_menu = self.menuBar().addMenu(self.tr("Lan&guage"))
        for code in SUPPORTED:
            action = QAction(LANGUAGE_NAMES[code], self)
            action.setCheckable(True)
            action.setChecked(code == self._lang)
            action.triggered.connect(lambda _checked=False, c=code: self.language_chosen.emit(c))
            lang_menu.addAction(action)

    def open_export(self) -> object:
        """The Art. 13 export dialog (non-blocking)."""
        from tokki_desktop.ui.export_dialog import ExportDialog

        dialog = ExportDialog(self._context, self)
        dialog.open()
        return dialog

    # -- screens ---------------------------------------------------------------------------
    @property
    def screen_keys(self) -> list[str]:
        """The keys of the screens this user may open, in navigation order."""
        return [s.key for s in self._screens]

    def current_screen(self) -> QWidget | None:
        """The screen widget on display."""
        return self.stack.currentWidget()

    def screen_widget(self, key: str) -> QWidget:
        """The screen ``key``, built on first use."""
        if key not in self._built:
            spec = next(s for s in self._screens if s.key == key)
            widget = spec.build(self._context)
            widget.setProperty("screenKey", key)
            self._built[key] = widget
            self.stack.addWidget(widget)
        return self._built[key]

    def _show_row(self, row: int) -> None:
        if 0 <= row < len(self._screens):
            key = self._screens[row].key
            try:
                self.stack.setCurrentWidget(self.screen_widget(key))
            except Exception as exc:  # noqa: BLE001 - a screen that fails to build is a bug, not a crash
                show_problem(self, exc, self._lang, f"opening screen {key}")

    def open_screen(self, key: str, **target: object) -> None:
        """Switch to ``key`` and, when the screen supports it, show ``target`` there."""
        if key not in self.screen_keys:
            return
        self.nav.setCurrentRow(self.screen_keys.index(key))
        widget = self.screen_widget(key)
        show = getattr(widget, "show_target", None)
        if target and callable(show):
            show(**target)

    # -- lock ----------------------------------------------------------------------------
    @property
    def is_locked(self) -> bool:
        """Whether the workspace is hidden behind the lock panel."""
        return self.outer.currentWidget() is self.lock_panel

    def lock(self) -> None:
        """Hide the workspace and ask for the passphrase."""
        if self.is_locked:
            return
        self.workspace.setVisible(False)
        self.outer.setCurrentWidget(self.lock_panel)
        self.nav.setEnabled(False)
        self.menuBar().setEnabled(False)
        self.lock_button.setEnabled(False)
        self.lock_panel.pass_edit.setFocus()
        self.locked_changed.emit(True)

    def unlock(self) -> None:
        """Show the workspace again (after the passphrase was checked)."""
        self.outer.setCurrentWidget(self.workspace)
        self.workspace.setVisible(True)
        self.nav.setEnabled(True)
        self.menuBar().setEnabled(True)
        self.lock_button.setEnabled(True)
        self.idle.reset()
        self.locked_changed.emit(False)

    # -- closing -------------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:
        """Ask before closing while background work runs; nothing is lost either way."""
        running = self._runner.running()
        if running and not self._closing_confirmed:
            event.ignore()
            self.ask_to_close(running)
            return
        self.idle.stop()
        self.os_lock.stop()
        event.accept()

    def ask_to_close(self, running: list[str]) -> QMessageBox:
        """The "still working" question (non-blocking); Yes waits for the work, then closes."""
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Work in progress"),
            self.tr("Still working: %1. Wait for it to finish and then close?").replace("%1", ", ".join(running)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.setObjectName("closeWhileBusy")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.accepted.connect(self._close_after_work)
        box.open()
        return box

    def _close_after_work(self) -> None:
        self._closing_confirmed = True
        self._runner.wait()
        # Deliver the finished work's results (queued calls to the runner) before the window
        # goes; only those: the question box deletes itself later, outside its own click.
        QCoreApplication.sendPostedEvents(self._runner, QEvent.Type.MetaCall)
        self.close()

"""Locking the window after idle time, and unlocking it with the passphrase.

Idle time is measured on the session's clock (``clock.monotonic()``), so tests move time
instead of sleeping. Any keyboard or mouse input counts as activity. While locked the
workspace is hidden (no personal data on screen) but the app, and the monitor behind it,
keep running.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from tokki_desktop.clock import Clock
from tokki_desktop.ui.problems import show_problem
from tokki_desktop.ui.tasks import TaskRunner

DEFAULT_IDLE_SECONDS = 5 * 60

_ACTIVITY = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
    QEvent.Type.InputMethod,
}


class IdleWatcher(QObject):
    """Emits ``idle`` once when no input came for ``idle_seconds`` (until ``reset``)."""

    idle = Signal()

    def __init__(self, clock: Clock, idle_seconds: int = DEFAULT_IDLE_SECONDS, *, check_ms: int = 5000,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._clock = clock
        self.idle_seconds = idle_seconds
        self._last = clock.monotonic()
        self._fired = False
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        self._timer = QTimer(self)
        self._timer.setInterval(check_ms)
        self._timer.timeout.connect(self.check)
        self._timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _ACTIVITY:
            self._last = self._clock.monotonic()
        return False

    def check(self) -> None:
        """Emit ``idle`` if the idle time has passed (called by the timer, and by tests)."""
        if not self._fired and self._clock.monotonic() - self._last >= self.idle_seconds:
            self._fired = True
            self.idle.emit()

    def reset(self) -> None:
        """Start counting again (after an unlock)."""
        self._last = self._clock.monotonic()
        self._fired = False

    def stop(self) -> None:
        """Stop watching (the window is closing)."""
        self._timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)


# (login, passphrase) -> None, raising WrongPassphrase and the like; runs off the main thread.
PassphraseCheck = Callable[[str, str], None]


class LockPanel(QWidget):
    """What a locked window shows: who is logged in and a passphrase field."""

    unlocked = Signal()
    logout_requested = Signal()

    def __init__(self, login: str, display_name: str, runner: TaskRunner, lang: str,
                 check: PassphraseCheck) -> None:
        super().__init__()
        self.setObjectName("lockPanel")
        self._login = login
        self._runner = runner
        self._lang = lang
        self._check = check
        self._busy = False

        title = QLabel(self.tr("Locked"))
        big = QFont(self.font())
        big.setPointSizeF(big.pointSizeF() * 1.6)
        big.setBold(True)
        title.setFont(big)
        who = QLabel(self.tr("Locked for %1. Type the passphrase to continue.").replace("%1", display_name))
        who.setWordWrap(True)
        self.pass_edit = QLineEdit()
        self.pass_edit.setObjectName("unlockPassphrase")
        self.pass_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.pass_edit.returnPressed.connect(self.submit)
        label = QLabel(self.tr("&Passphrase"))
        label.setBuddy(self.pass_edit)
        self.unlock_button = QPushButton(self.tr("&Unlock"))
        self.unlock_button.setObjectName("unlockButton")
        self.unlock_button.setDefault(True)
        self.unlock_button.clicked.connect(self.submit)
        logout = QPushButton(self.tr("Log &out"))
        logout.setObjectName("logoutButton")
        logout.clicked.connect(self.logout_requested)
        self.status = QLabel("")
        self.status.setWordWrap(True)

        row = QHBoxLayout()
        row.addWidget(label)
        row.addWidget(self.pass_edit, 1)
        row.addWidget(self.unlock_button)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(logout)

        box = QVBoxLayout()
        box.addWidget(title)
        box.addWidget(who)
        box.addLayout(row)
        box.addWidget(self.status)
        box.addLayout(buttons)
        holder = QWidget()
        holder.setLayout(box)
        holder.setMaximumWidth(560)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        centre = QHBoxLayout()
        centre.addStretch(1)
        centre.addWidget(holder, 3)
        centre.addStretch(1)
        outer.addLayout(centre)
        outer.addStretch(2)

    def showEvent(self, event: object) -> None:
        """Put the cursor in the passphrase field as soon as the panel shows."""
        super().showEvent(event)  # type: ignore[arg-type]
        self.pass_edit.setFocus()

    def submit(self) -> None:
        """Check the passphrase in the background; emit ``unlocked`` when it is right."""
        if self._busy:
            return
        passphrase = self.pass_edit.text()
        if not passphrase:
            self.status.setText(self.tr("Type your passphrase."))
            return
        self._busy = True
        self.unlock_button.setEnabled(False)
        self.status.setText(self.tr("Checking…"))
        login, check = self._login, self._check
        self._runner.run_task(lambda: check(login, passphrase), self._checked, what=self.tr("unlocking"))

    def _checked(self, _result: object, error: BaseException | None) -> None:
        self._busy = False
        self.unlock_button.setEnabled(True)
        self.pass_edit.clear()
        if error is not None:
            self.status.setText(self.tr("Still locked."))
            show_problem(self, error, self._lang, "unlocking")
            return
        self.status.setText("")
        self.unlocked.emit()

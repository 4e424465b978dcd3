"""The login window: who you are and your passphrase, to open the ledger.

Unlocking derives a key (0.3–0.5 s on purpose), so it runs on the thread pool; the window
stays responsive and the button shows that work is going on. A wrong passphrase never
touches the ledger files (the core guarantees it); the window just says so and lets the
user try again.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from tokki_desktop.ui.language import LANGUAGE_NAMES, SUPPORTED
from tokki_desktop.ui.problems import show_problem
from tokki_desktop.ui.shown_path import shown_path
from tokki_desktop.ui.tasks import TaskRunner

# (data_dir, login, passphrase) -> Session; the real one is tokki_desktop.session.unlock.
Opener = Callable[[Path, str, str], Any]


@dataclass(frozen=True)
class DemoHint:
    """The demo ledger's login and passphrase, shown on screen so anyone can try the app."""

    login: str
    passphrase: str


class LoginWindow(QWidget):
    """Asks for the login and passphrase and opens the ledger in the background."""

    unlocked = Signal(object)  # the Session
    language_chosen = Signal(str)
    setup_requested = Signal()

    def __init__(
        self,
        data_dir: Path,
        runner: TaskRunner,
        lang: str,
        opener: Opener,
        *,
        ledger_exists: bool = True,
        can_set_up: bool = False,
        demo: DemoHint | None = None,
    ) -> None:
        super().__init__()
        self.setObjectName("loginWindow")
        self._data_dir = data_dir
        self._runner = runner
        self._lang = lang
        self._opener = opener
        self._busy = False
        self.setWindowTitle(self.tr("Tokki Desktop: log in"))

        title = QLabel(self.tr("Tokki Desktop"))
        big = QFont(self.font())
        big.setPointSizeF(big.pointSizeF() * 1.6)
        big.setBold(True)
        title.setFont(big)
        subtitle = QLabel(self.tr("Ledger for the personal data handling provisions"))

        self.login_edit = QLineEdit()
        self.login_edit.setObjectName("login")
        self.pass_edit = QLineEdit()
        self.pass_edit.setObjectName("passphrase")
        self.pass_edit.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        login_label = QLabel(self.tr("&Login name"))
        login_label.setBuddy(self.login_edit)
        pass_label = QLabel(self.tr("&Passphrase"))
        pass_label.setBuddy(self.pass_edit)
        form.addRow(login_label, self.login_edit)
        form.addRow(pass_label, self.pass_edit)

        self.login_button = QPushButton(self.tr("Log &in"))
        self.login_button.setObjectName("loginButton")
        self.login_button.setDefault(True)
        self.login_button.clicked.connect(self.submit)
        self.pass_edit.returnPressed.connect(self.submit)
        self.login_edit.returnPressed.connect(self.pass_edit.setFocus)

        self.status = QLabel("")
        self.status.setObjectName("loginStatus")
        self.status.setWordWrap(True)

        self.language_box = QComboBox()
        self.language_box.setObjectName("languageBox")
        for code in SUPPORTED:
            self.language_box.addItem(LANGUAGE_NAMES[code], code)
        self.language_box.setCurrentIndex(SUPPORTED.index(lang))
        self.language_box.currentIndexChanged.connect(
            lambda i: self.language_chosen.emit(self.language_box.itemData(i))
        )
        lang_label = QLabel(self.tr("Lan&guage"))
        lang_label.setBuddy(self.language_box)

        folder = QLabel(self.tr("Ledger folder: %1").replace("%1", shown_path(data_dir)))
        folder.setObjectName("ledgerFolder")
        folder.setWordWrap(True)
        folder.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(subtitle)
        layout.addSpacing(8)
        if demo is not None:
            layout.addWidget(self._demo_box(demo))
            self.login_edit.setText(demo.login)
        layout.addLayout(form)
        buttons = QHBoxLayout()
        buttons.addWidget(lang_label)
        buttons.addWidget(self.language_box)
        buttons.addStretch(1)
        self.setup_button = QPushButton(self.tr("&Set up a new ledger…"))
        self.setup_button.setObjectName("setupButton")
        self.setup_button.clicked.connect(self.setup_requested)
        self.setup_button.setVisible(can_set_up and not ledger_exists)
        buttons.addWidget(self.setup_button)
        buttons.addWidget(self.login_button)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        layout.addWidget(folder)
        layout.addStretch(1)

        if not ledger_exists:
            self.status.setText(
                self.tr("There is no ledger here yet. Start with “Set up a new ledger…” below: it asks for "
                        "the contract, the first responsible officer and a passphrase.")
            )
            self.login_button.setEnabled(False)
        self.setMinimumWidth(460)
        (self.pass_edit if self.login_edit.text() else self.login_edit).setFocus()

    def _demo_box(self, demo: DemoHint) -> QFrame:
        box = QFrame()
        box.setObjectName("demoBox")
        box.setFrameShape(QFrame.Shape.StyledPanel)
        inner = QVBoxLayout(box)
        head = QLabel(self.tr("Demo ledger: sample data only, for trying the app."))
        head.setWordWrap(True)
        creds = QLabel(
            self.tr("Login: %1    Passphrase: %2").replace("%1", demo.login).replace("%2", demo.passphrase)
        )
        creds.setObjectName("demoCredentials")
        creds.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        inner.addWidget(head)
        inner.addWidget(creds)
        return box

    @property
    def busy(self) -> bool:
        """Whether an unlock is running."""
        return self._busy

    def submit(self) -> None:
        """Open the ledger with what was typed (in the background)."""
        if self._busy:
            return
        login = self.login_edit.text().strip()
        passphrase = self.pass_edit.text()
        if not login or not passphrase:
            self.status.setText(self.tr("Type your login name and passphrase."))
            (self.login_edit if not login else self.pass_edit).setFocus()
            return
        self._set_busy(True)
        data_dir, opener = self._data_dir, self._opener
        self._runner.run_task(lambda: opener(data_dir, login, passphrase), self._opened, what=self.tr("logging in"))

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.login_button.setEnabled(not busy)
        self.login_edit.setEnabled(not busy)
        self.pass_edit.setEnabled(not busy)
        # Switching language rebuilds this window: not while it waits for the unlock.
        self.language_box.setEnabled(not busy)
        self.setup_button.setEnabled(not busy)
        self.status.setText(self.tr("Opening the ledger…") if busy else "")

    def _opened(self, session: object, error: BaseException | None) -> None:
        self._set_busy(False)
        if error is not None:
            self.pass_edit.clear()
            self.pass_edit.setFocus()
            self.status.setText(self.tr("The ledger was not opened."))
            show_problem(self, error, self._lang, "logging in")
            return
        self.pass_edit.clear()
        self.unlocked.emit(session)

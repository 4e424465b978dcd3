"""Users of the ledger (取扱責任者 and 従事者), and adding one (officers only).

Each user gets a passphrase of their own: adding a user wraps the ledger's key for them
(a key derivation, so it runs in the background).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tokki_desktop.errors import KnownError
from tokki_desktop.session import MIN_PASSPHRASE, is_valid_login
from tokki_desktop.ui.problems import show_problem
from tokki_desktop.ui.roles import role_name
from tokki_desktop.ui.workspace import ScreenContext


class AddUserDialog(QDialog):
    """Login, name, role and a first passphrase (typed twice), checked as they are typed."""

    def __init__(self, context: ScreenContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("addUserDialog")
        self._context = context
        self._busy = False
        self.setWindowTitle(self.tr("Add a user"))
        self.login_edit = QLineEdit()
        self.name_edit = QLineEdit()
        self.role_box = QComboBox()
        for code in ("handler", "officer"):
            self.role_box.addItem(role_name(code), code)
        self.pass_edit = QLineEdit()
        self.pass_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat_edit = QLineEdit()
        self.repeat_edit.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        for text, widget in (
            (self.tr("&Login name"), self.login_edit),
            (self.tr("&Name"), self.name_edit),
            (self.tr("&Role"), self.role_box),
            (self.tr("&Passphrase"), self.pass_edit),
            (self.tr("Con&firm passphrase"), self.repeat_edit),
        ):
            label = QLabel(text)
            label.setBuddy(widget)
            form.addRow(label, widget)
        self.problem = QLabel("")
        self.problem.setObjectName("problem")
        self.problem.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Add"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        intro = QLabel(self.tr("The new user logs in with this login name and passphrase; tell them the "
                               "passphrase in person. They can change it later."))
        intro.setWordWrap(True)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setVerticalSpacing(8)
        # Kept two lines high: a message appearing does not move the buttons.
        self.problem.setFixedHeight(self.problem.fontMetrics().lineSpacing() * 2 + 4)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(480)  # as wide as the other dialogs: names and logins fit
        for edit in (self.login_edit, self.name_edit, self.pass_edit, self.repeat_edit):
            edit.textChanged.connect(self._recheck)
        self._recheck()

    def _problem_text(self) -> str:
        login = self.login_edit.text().strip()
        if not login:
            return self.tr("Type a login name.")
        if not is_valid_login(login):
            return self.tr("Login names use only letters, digits, '.', '_' and '-'.")
        if not self.name_edit.text().strip():
            return self.tr("Type the person's name.")
        if len(self.pass_edit.text()) < MIN_PASSPHRASE:
            return self.tr("The passphrase needs at least 8 characters.")
        if self.pass_edit.text() != self.repeat_edit.text():
            return self.tr("The two passphrases differ.")
        return ""

    def _recheck(self) -> None:
        text = self._problem_text()
        self.problem.setText(text)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not text and not self._busy)

    def submit(self) -> None:
        """Add the user in the background; close when done, explain when refused."""
        if self._problem_text() or self._busy:
            return
        self._busy = True
        self._recheck()
        self.problem.setText(self.tr("Adding…"))
        session = self._context.session
        login, name = self.login_edit.text().strip(), self.name_edit.text().strip()
        role, passphrase = self.role_box.currentData(), self.pass_edit.text()
        self._context.runner.run_task(lambda: session.add_user(login, role, name, passphrase), self._added,
                                      what=self.tr("adding a user"))

    def _added(self, _result: object, error: BaseException | None) -> None:
        self._busy = False
        self._recheck()
        if error is None:
            self.accept()
        elif isinstance(error, KnownError):
            self.problem.setText(error.message(self._context.lang))
        else:
            self.problem.setText("")
            show_problem(self, error, self._context.lang, "adding a user")


class PassphraseDialog(QDialog):
    """A new passphrase for a user (your own, or an officer's reset of someone else's)."""

    def __init__(self, context: ScreenContext, login: str, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("passphraseDialog")
        self._context = context
        self.login = login
        self._busy = False
        self.setWindowTitle(self.tr("New passphrase for %1").replace("%1", name))
        self.pass_edit = QLineEdit()
        self.pass_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat_edit = QLineEdit()
        self.repeat_edit.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        for text, widget in ((self.tr("&New passphrase"), self.pass_edit),
                             (self.tr("Con&firm passphrase"), self.repeat_edit)):
            label = QLabel(text)
            label.setBuddy(widget)
            form.addRow(label, widget)
        self.problem = QLabel("")
        self.problem.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Set"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        for edit in (self.pass_edit, self.repeat_edit):
            edit.textChanged.connect(self._recheck)
        self._recheck()

    def _problem_text(self) -> str:
        if len(self.pass_edit.text()) < MIN_PASSPHRASE:
            return self.tr("The passphrase needs at least 8 characters.")
        if self.pass_edit.text() != self.repeat_edit.text():
            return self.tr("The two passphrases differ.")
        return ""

    def _recheck(self) -> None:
        text = self._problem_text()
        self.problem.setText(text)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not text and not self._busy)

    def submit(self) -> None:
        """Re-wrap the ledger's key for the new passphrase (a key derivation: background)."""
        if self._problem_text() or self._busy:
            return
        session, login, passphrase = self._context.session, self.login, self.pass_edit.text()
        self._busy = True
        self._recheck()
        self.problem.setText(self.tr("Setting…"))
        self._context.runner.run_task(lambda: session.set_passphrase(login, passphrase), self._done,
                                      what=self.tr("setting a passphrase"))

    def _done(self, _result: object, error: BaseException | None) -> None:
        self._busy = False
        self.pass_edit.clear()
        self.repeat_edit.clear()
        self._recheck()
        if error is None:
            self.accept()
        elif isinstance(error, KnownError):
            self.problem.setText(error.message(self._context.lang))
        else:
            show_problem(self, error, self._context.lang, "setting a passphrase")


class UsersScreen(QWidget):
    """Who may open this ledger, in which role; officers add users here."""

    def __init__(self, context: ScreenContext) -> None:
        super().__init__()
        self.setObjectName("usersScreen")
        self._context = context
        title = QLabel(self.tr("Users of this ledger"))
        title.setObjectName("screenTitle")
        self.table = QTableWidget(0, 3)
        self.table.setObjectName("usersTable")
        self.table.setHorizontalHeaderLabels([self.tr("Login name"), self.tr("Name"), self.tr("Role")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        self.add_button = QPushButton(self.tr("&Add a user…"))
        self.add_button.setObjectName("addUserButton")
        self.add_button.clicked.connect(self.add_user)
        # Only officers add users: a handler does not even see the button.
        self.add_button.setVisible(context.is_officer)
        self.own_button = QPushButton(self.tr("Change &my passphrase…"))
        self.own_button.setObjectName("ownPassphrase")
        self.own_button.clicked.connect(self.change_own_passphrase)
        self.reset_button = QPushButton(self.tr("&Reset passphrase…"))
        self.reset_button.setObjectName("resetPassphrase")
        self.reset_button.clicked.connect(self.reset_selected_passphrase)
        self.disable_button = QPushButton(self.tr("&Disable user"))
        self.disable_button.setObjectName("disableUser")
        self.disable_button.clicked.connect(self.disable_selected)
        for button in (self.reset_button, self.disable_button):
            button.setVisible(context.is_officer)
        self.status = QLabel("")
        buttons = QHBoxLayout()
        buttons.addWidget(self.own_button)
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.reset_button)
        buttons.addWidget(self.disable_button)
        buttons.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.refresh()

    def refresh(self) -> None:
        """Reload the list (a handful of rows: read on the main thread)."""
        users = self._context.session.users()
        self.table.setRowCount(len(users))
        for row, user in enumerate(users):
            for col, text in enumerate((user.login, user.name, role_name(user.role))):
                item = QTableWidgetItem(text)
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.table.setItem(row, col, item)

    def selected_login(self) -> tuple[str, str] | None:
        """(login, name) of the selected row."""
        row = self.table.currentRow()
        if row < 0 or self.table.item(row, 0) is None:
            return None
        return self.table.item(row, 0).text(), self.table.item(row, 1).text()  # type: ignore[union-attr]

    def change_own_passphrase(self) -> PassphraseDialog:
        """Set a new passphrase for the logged-in user."""
        user = self._context.session.user
        dialog = PassphraseDialog(self._context, user.login, user.name, self)
        dialog.accepted.connect(lambda: self.status.setText(self.tr("Passphrase changed.")))
        dialog.open()
        return dialog

    def reset_selected_passphrase(self) -> PassphraseDialog | None:
        """An officer sets a new passphrase for the selected user (who forgot theirs)."""
        chosen = self.selected_login()
        if chosen is None:
            return None
        dialog = PassphraseDialog(self._context, chosen[0], chosen[1], self)
        dialog.accepted.connect(lambda: self.status.setText(self.tr("Passphrase changed.")))
        dialog.open()
        return dialog

    def disable_selected(self) -> None:
        """An officer disables the selected user (their key slot is removed; history stays)."""
        chosen = self.selected_login()
        if chosen is None:
            return
        if chosen[0] == self._context.session.user.login:
            self.status.setText(self.tr("You cannot disable yourself."))
            return
        try:
            self._context.session.disable_user(chosen[0])
        except Exception as exc:  # noqa: BLE001
            show_problem(self, exc, self._context.lang, "disabling a user")
            return
        self.status.setText(self.tr("User disabled."))
        self.refresh()

    def add_user(self) -> AddUserDialog:
        """Open the add-user dialog (non-blocking); the list refreshes when a user is added."""
        dialog = AddUserDialog(self._context, self)
        dialog.accepted.connect(self.refresh)
        dialog.open()
        return dialog

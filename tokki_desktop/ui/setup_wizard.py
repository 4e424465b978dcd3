"""First run: set up a new ledger in three steps.

1. The contract (client, title, contractor) and the first 取扱責任者 with a passphrase.
2. The recovery key, shown once, with its sheet to save or print; the user confirms it is kept.
3. Watched folders and the terminal key (both optional, both changeable later in Settings).

Creating the ledger derives keys, so it runs in the background. Nothing is written before
step 1 is complete and valid; the core refuses to create a ledger over an existing one.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from tokki_desktop.clock import Clock
from tokki_desktop.errors import KnownError
from tokki_desktop.session import MIN_PASSPHRASE, is_valid_login
from tokki_desktop.ui.problems import show_problem
from tokki_desktop.ui.shown_path import shown_path
from tokki_desktop.ui.tasks import TaskRunner


class SetupWizard(QDialog):
    """Creates the ledger and its first officer; emits ``created(session)`` at the end."""

    created = Signal(object)

    def __init__(self, data_dir: Path, runner: TaskRunner, lang: str, *, clock: Clock | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("setupWizard")
        self.setWindowTitle(self.tr("Set up a new ledger"))
        self._data_dir = Path(data_dir)
        self._runner = runner
        self._lang = lang
        self._clock = clock
        self._busy = False
        self.session: Any = None
        self.recovery_key = ""
        self.keyring_store: Any = None  # None: the OS keyring (tests give a memory store)

        self.steps = QStackedWidget()
        self.steps.addWidget(self._profile_step())
        self.steps.addWidget(self._recovery_step())
        self.steps.addWidget(self._monitor_step())
        self.step_label = QLabel("")
        self.step_label.setObjectName("stepLabel")
        self.problem = QLabel("")
        self.problem.setObjectName("problem")
        self.problem.setWordWrap(True)
        self.next_button = QPushButton("")
        self.next_button.setObjectName("nextButton")
        self.next_button.setDefault(True)
        self.next_button.clicked.connect(self.next_step)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.step_label)
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.next_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.steps, 1)
        layout.addWidget(self.problem)
        layout.addLayout(buttons)
        self.resize(620, 520)
        self._show_step(0)

    # -- step 1 --------------------------------------------------------------------------------
    def _profile_step(self) -> QWidget:
        page = QWidget()
        intro = QLabel(self.tr("The contract this ledger is for, and you, its first responsible officer (取扱責任者). "
                               "Everything else can be filled in later in the registers."))
        intro.setWordWrap(True)
        self.client_edit = QLineEdit()
        self.client_edit.setPlaceholderText(self.tr("e.g. 小金井市"))
        self.contract_edit = QLineEdit()
        self.contract_edit.setPlaceholderText(self.tr("the contract's title, as on the contract"))
        self.contractor_edit = QLineEdit()
        self.contractor_edit.setPlaceholderText(self.tr("your company's name"))
        self.login_edit = QLineEdit()
        self.login_edit.setPlaceholderText(self.tr("letters and digits, e.g. tanaka"))
        self.name_edit = QLineEdit()
        self.pass_edit = QLineEdit()
        self.pass_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat_edit = QLineEdit()
        self.repeat_edit.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        for text, edit in (
            (self.tr("Cl&ient (委託者):"), self.client_edit),
            (self.tr("Con&tract title:"), self.contract_edit),
            (self.tr("Contract&or (受託者):"), self.contractor_edit),
            (self.tr("Your &login name:"), self.login_edit),
            (self.tr("Your &name:"), self.name_edit),
            (self.tr("&Passphrase:"), self.pass_edit),
            (self.tr("Con&firm passphrase:"), self.repeat_edit),
        ):
            label = QLabel(text)
            label.setBuddy(edit)
            form.addRow(label, edit)
            edit.textChanged.connect(self._recheck)
        column = QVBoxLayout(page)
        column.addWidget(intro)
        column.addLayout(form)
        column.addStretch(1)
        return page

    def profile_problem(self) -> str:
        """What is still wrong with step 1 ('' when it can go ahead)."""
        for edit, name in ((self.client_edit, self.tr("the client")), (self.contract_edit, self.tr("the contract title")),
                           (self.contractor_edit, self.tr("the contractor")), (self.login_edit, self.tr("a login name")),
                           (self.name_edit, self.tr("your name"))):
            if not edit.text().strip():
                return self.tr("Type %1.").replace("%1", name)
        login = self.login_edit.text().strip()
        if not is_valid_login(login):
            return self.tr("Login names use only letters, digits, '.', '_' and '-'.")
        if len(self.pass_edit.text()) < MIN_PASSPHRASE:
            return self.tr("The passphrase needs at least 8 characters.")
        if self.pass_edit.text() != self.repeat_edit.text():
            return self.tr("The two passphrases differ.")
        return ""

    # -- step 2 --------------------------------------------------------------------------------
    def _recovery_step(self) -> QWidget:
        page = QWidget()
        intro = QLabel(self.tr("This is the recovery key. It opens the ledger when every passphrase is lost. "
                               "It is shown only now: save or print its sheet and keep it locked away."))
        intro.setWordWrap(True)
        self.key_label = QLabel("")
        self.key_label.setObjectName("recoveryKey")
        mono = QFont("monospace")
        mono.setStyleHint(QFont.StyleHint.TypeWriter)
        mono.setPointSizeF(self.font().pointSizeF() * 1.4)
        self.key_label.setFont(mono)
        self.key_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.key_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        save = QPushButton(self.tr("&Save the sheet as PDF…"))
        save.setObjectName("saveSheet")
        save.clicked.connect(self.ask_save_sheet)
        print_sheet = QPushButton(self.tr("&Print the sheet…"))
        print_sheet.setObjectName("printSheet")
        print_sheet.clicked.connect(self.ask_print_sheet)
        self.sheet_status = QLabel("")
        self.sheet_status.setWordWrap(True)
        self.kept = QCheckBox(self.tr("I have &kept the recovery key (sheet saved or printed, or written down)"))
        self.kept.setObjectName("keptCheck")
        self.kept.toggled.connect(self._recheck)
        column = QVBoxLayout(page)
        column.addWidget(intro)
        column.addSpacing(12)
        column.addWidget(self.key_label)
        column.addSpacing(12)
        row = QHBoxLayout()
        row.addWidget(save)
        row.addWidget(print_sheet)
        row.addStretch(1)
        column.addLayout(row)
        column.addWidget(self.sheet_status)
        column.addStretch(1)
        column.addWidget(self.kept)
        return page

    def ask_save_sheet(self) -> None:
        """Ask where to save the recovery-key sheet, then save it."""
        path, _f = QFileDialog.getSaveFileName(self, self.tr("Save the recovery key sheet"),
                                               str(Path.home() / (self.tr("recovery-key") + ".pdf")), self.tr("PDF files (*.pdf)"))
        if path:
            self.save_sheet(Path(path))

    def save_sheet(self, path: Path) -> None:
        """Write the recovery-key sheet (the only time the key can be printed)."""
        from tokki_desktop.forms import render

        session, key = self.session, self.recovery_key
        self.sheet_status.setText(self.tr("Saving…"))
        self._runner.run_task(lambda: render(session, "recovery_key", out_path=path, recovery_key=key),
                              self._sheet_saved, what=self.tr("saving the recovery key sheet"))

    def _sheet_saved(self, result: Any, error: BaseException | None) -> None:
        if error is not None:
            self.sheet_status.setText("")
            show_problem(self, error, self._lang, "saving the recovery key sheet")
            return
        self.sheet_status.setText(self.tr("Saved: %1. Print it, then delete the file.").replace("%1", shown_path(result.path)))

    def ask_print_sheet(self) -> None:
        """The system print dialog, then print the recovery-key sheet."""
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        if QPrintDialog(printer, self).exec() == QPrintDialog.DialogCode.Accepted:
            self.print_sheet(printer)

    def print_sheet(self, printer: Any) -> None:
        """Make the sheet in memory (never on disk) and print it."""
        from tokki_desktop.ui.form_preview import make_pdf, page_images
        from tokki_desktop.ui.forms_screen import PRINT_DPI

        session, key = self.session, self.recovery_key
        self.sheet_status.setText(self.tr("Preparing to print…"))
        self._runner.run_task(
            lambda: page_images(make_pdf(session, "recovery_key", None, recovery_key=key)[0], PRINT_DPI),
            lambda pages, error: self._sheet_printed(printer, pages, error),
            what=self.tr("printing the recovery key sheet"), owner=self)

    def _sheet_printed(self, printer: Any, pages: Any, error: BaseException | None) -> None:
        from tokki_desktop.ui.forms_screen import paint_pages

        if error is not None or not pages:
            self.sheet_status.setText("")
            show_problem(self, error or RuntimeError("no pages"), self._lang, "printing the recovery key sheet")
            return
        if not paint_pages(printer, pages):
            self.sheet_status.setText(self.tr("The printer could not be opened."))
            return
        with self.session.ledger.transaction(self.session.user) as tx:
            tx.event("form_printed", change={"form": "recovery_key", "pages": len(pages)})
        self.sheet_status.setText(self.tr("Sent to the printer."))

    # -- step 3 --------------------------------------------------------------------------------
    def _monitor_step(self) -> QWidget:
        page = QWidget()
        intro = QLabel(self.tr("Folders where copies of personal data must be noticed (for example the download "
                               "and desktop folders). Removable media are always watched. Optional."))
        intro.setWordWrap(True)
        self.folder_list = QListWidget()
        self.folder_list.setObjectName("setupFolders")
        add = QPushButton(self.tr("&Add a folder…"))
        add.clicked.connect(self._ask_folder)
        self.terminal_key = QCheckBox(self.tr("Watch this computer from the moment it starts, before anyone "
                                              "logs in (&the key stays in this computer's password store)"))
        self.terminal_key.setObjectName("terminalKey")
        column = QVBoxLayout(page)
        column.addWidget(intro)
        column.addWidget(self.folder_list, 1)
        row = QHBoxLayout()
        row.addWidget(add)
        row.addStretch(1)
        column.addLayout(row)
        column.addWidget(self.terminal_key)
        return page

    def _ask_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Folder to watch"), str(Path.home()))
        if folder:
            self.add_folder(Path(folder))

    def add_folder(self, folder: Path) -> None:
        """Add a folder to watch (recorded now, audited)."""
        from tokki_desktop.monitor import settings

        try:
            settings.add_folder(self.session, folder)
        except Exception as exc:  # noqa: BLE001
            show_problem(self, exc, self._lang, "adding a watched folder")
            return
        self.folder_list.addItem(str(folder))

    # -- moving between steps ------------------------------------------------------------------
    def _show_step(self, index: int) -> None:
        self.steps.setCurrentIndex(index)
        self.step_label.setText(self.tr("Step %1 of 3").replace("%1", str(index + 1)))
        self.next_button.setText([self.tr("&Create the ledger"), self.tr("&Next"), self.tr("&Finish")][index])
        # Once the ledger exists, cancelling would leave it without its officer's choices: go on.
        self.cancel_button.setVisible(index == 0)
        self._recheck()

    def _recheck(self) -> None:
        index = self.steps.currentIndex()
        if index == 0:
            text = self.profile_problem()
            self.problem.setText(text)
            self.next_button.setEnabled(not text and not self._busy)
        elif index == 1:
            self.problem.setText("" if self.kept.isChecked() else self.tr("Keep the recovery key before going on."))
            self.next_button.setEnabled(self.kept.isChecked())
        else:
            self.problem.setText("")
            self.next_button.setEnabled(not self._busy)

    def next_step(self) -> None:
        """Create the ledger (step 1), go on (step 2) or finish (step 3)."""
        index = self.steps.currentIndex()
        if index == 0:
            self._create()
        elif index == 1 and self.kept.isChecked():
            self._show_step(2)
        elif index == 2:
            self._finish()

    def _create(self) -> None:
        if self.profile_problem() or self._busy:
            return
        from tokki_desktop.session import create_ledger

        client, contract = self.client_edit.text().strip(), self.contract_edit.text().strip()
        contractor, login = self.contractor_edit.text().strip(), self.login_edit.text().strip()
        name, passphrase = self.name_edit.text().strip(), self.pass_edit.text()
        data_dir, clock = self._data_dir, self._clock
        self._busy = True
        self._recheck()
        self.problem.setText(self.tr("Creating the ledger…"))
        self._runner.run_task(lambda: create_ledger(data_dir, client=client, contract=contract, contractor=contractor,
                                                    officer_login=login, officer_name=name,
                                                    passphrase=passphrase, clock=clock), self._created,
                              what=self.tr("creating the ledger"))

    def _created(self, result: Any, error: BaseException | None) -> None:
        self._busy = False
        if error is not None:
            self._recheck()
            if isinstance(error, KnownError):
                self.problem.setText(error.message(self._lang))
            else:
                show_problem(self, error, self._lang, "creating the ledger")
            return
        self.session, self.recovery_key = result
        self.pass_edit.clear()
        self.repeat_edit.clear()
        self.key_label.setText(self.recovery_key)
        self._show_step(1)

    def reject(self) -> None:
        # Before the ledger exists, cancelling loses nothing. After, the recovery key must be
        # confirmed first; on the last step closing counts as finishing.
        if self.session is None:
            super().reject()
        elif self.steps.currentIndex() == 2:
            self._finish()

    def _finish(self) -> None:
        if self.terminal_key.isChecked():
            status = self.session.enable_terminal_slot(self.keyring_store)
            if not status.available:
                # Said once, plainly; passphrases keep working.
                self.problem.setText(self.tr("The terminal key is not available here: %1").replace(
                    "%1", status.reason_en if self._lang == "en" else status.reason_ja))
                self.terminal_key.setChecked(False)
                return
        self.recovery_key = ""
        self.key_label.setText("")
        self.accept()
        self.created.emit(self.session)

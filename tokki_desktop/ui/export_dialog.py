"""Hand the records to the client (Art. 13): every register as CSV in one encrypted zip.

The export runs in the background; closing the window meanwhile asks first. The password is
typed twice and never stored; tell it to the client by another channel than the file.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from tokki_desktop.errors import KnownError
from tokki_desktop.ui.problems import show_problem
from tokki_desktop.ui.workspace import ScreenContext

MIN_PASSWORD = 8


class ExportDialog(QDialog):
    """Choose where, set a password, export (officers)."""

    def __init__(self, context: ScreenContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self._context = context
        self._busy = False
        self.result_files: list[Any] = []
        self.setWindowTitle(self.tr("Export the records for the client"))
        intro = QLabel(self.tr("Every register as CSV (with a manifest of SHA-256 hashes) in one AES-encrypted "
                               "zip. Tell the password to the client separately from the file."))
        intro.setWordWrap(True)
        self.path_edit = QLineEdit(str(Path.home() / (self.tr("tokki-export") + ".zip")))
        self.path_edit.setObjectName("exportPath")
        browse = QPushButton(self.tr("&Browse…"))
        browse.clicked.connect(self._browse)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(browse)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat = QLineEdit()
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        file_label = QLabel(self.tr("&File:"))
        file_label.setBuddy(self.path_edit)
        pass_label = QLabel(self.tr("&Password:"))
        pass_label.setBuddy(self.password)
        repeat_label = QLabel(self.tr("&Repeat password:"))
        repeat_label.setBuddy(self.repeat)
        form.addRow(file_label, path_row)
        form.addRow(pass_label, self.password)
        form.addRow(repeat_label, self.repeat)
        self.problem = QLabel("")
        self.problem.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Export"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.export)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        for edit in (self.path_edit, self.password, self.repeat):
            edit.textChanged.connect(self._recheck)
        self.resize(560, 260)
        self._recheck()

    def _browse(self) -> None:
        path, _f = QFileDialog.getSaveFileName(self, self.tr("Export to"), self.path_edit.text(),
                                               self.tr("Encrypted zip (*.zip)"))
        if path:
            self.path_edit.setText(path)

    def problem_text(self) -> str:
        """What is still missing ('' when the export can start)."""
        if not self.path_edit.text().strip():
            return self.tr("Choose the file to write.")
        if len(self.password.text()) < MIN_PASSWORD:
            return self.tr("The password needs at least 8 characters.")
        if self.password.text() != self.repeat.text():
            return self.tr("The two passwords differ.")
        return ""

    def _recheck(self) -> None:
        text = self.problem_text()
        self.problem.setText(text)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not text and not self._busy)

    def export(self) -> None:
        """Write the bundle in the background."""
        if self.problem_text() or self._busy:
            return
        from tokki_desktop.registers.export import export_bundle

        session, password = self._context.session, self.password.text()
        path = Path(self.path_edit.text().strip())
        self._busy = True
        self._recheck()
        self.problem.setText(self.tr("Exporting…"))
        self._context.runner.run_task(lambda: export_bundle(session, path, password), self._exported,
                                      what=self.tr("exporting the records"))

    def _exported(self, files: Any, error: BaseException | None) -> None:
        self._busy = False
        self._recheck()
        if error is None:
            self.result_files = list(files)
            self.password.clear()
            self.repeat.clear()
            self.accept()
        elif isinstance(error, KnownError):
            self.problem.setText(error.message(self._context.lang))
        else:
            self.problem.setText("")
            show_problem(self, error, self._context.lang, "exporting the records")

"""端末: the work site's terminals (issue 14) — each one's last heartbeat, open detections,
policy version delivered and applied; an officer enrols and revokes terminals here.

Only the core's API (``tokki_desktop.site.enrol``); the one-time code of an enrolment is
shown once in a dialog and never stored.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tokki_desktop.ui.dates import show_date
from tokki_desktop.ui.problems import show_problem
from tokki_desktop.ui.workspace import ScreenContext


class EnrolDialog(QDialog):
    """What an enrolment needs: the terminal's name, the drop folder, the folders it
    watches, and where to write the enrolment file."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Enrol a terminal"))
        self.name_edit = QLineEdit()
        self.drop_edit = QLineEdit()
        self.watch_edit = QPlainTextEdit()
        self.watch_edit.setPlaceholderText(self.tr("One folder per line"))
        self.out_edit = QLineEdit()
        form = QFormLayout()
        form.addRow(self.tr("Terminal name"), self.name_edit)
        form.addRow(self.tr("Drop folder"), self.drop_edit)
        form.addRow(self.tr("Folders to watch"), self.watch_edit)
        form.addRow(self.tr("Enrolment file to write"), self.out_edit)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def values(self) -> dict[str, Any]:
        """The entries, as ``site.enrol.enrol`` takes them."""
        watch = [Path(line.strip()) for line in self.watch_edit.toPlainText().splitlines() if line.strip()]
        return {"name": self.name_edit.text().strip(), "drop": Path(self.drop_edit.text().strip()),
                "watch": watch, "out": Path(self.out_edit.text().strip())}


class TerminalsScreen(QWidget):
    """The site's terminals; enrol and revoke for officers."""

    def __init__(self, context: ScreenContext) -> None:
        super().__init__()
        self.setObjectName("terminalsScreen")
        self._context = context
        self._lang = context.lang
        self.rows: list[dict[str, Any]] = []
        self.last_code = ""

        title = QLabel(self.tr("Terminals of this work site"))
        title.setObjectName("screenTitle")
        self.table = QTableWidget(0, 6)
        self.table.setObjectName("terminalsTable")
        self.table.setHorizontalHeaderLabels([
            self.tr("Terminal"), self.tr("Status"), self.tr("Last heartbeat"), self.tr("Open detections"),
            self.tr("Policy version (delivered / applied)"),
            self.tr("Resolutions (waiting / failed)")])
        self.table.setProperty("dataColumns", [0])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.enrol_button = QPushButton(self.tr("&Enrol a terminal…"))
        self.enrol_button.clicked.connect(self.enrol)
        self.revoke_button = QPushButton(self.tr("&Revoke"))
        self.revoke_button.clicked.connect(self.revoke_selected)
        refresh_button = QPushButton(self.tr("Refres&h"))  # Alt+F is the File menu
        refresh_button.clicked.connect(self.refresh)
        buttons = QHBoxLayout()
        for b in (self.enrol_button, self.revoke_button, refresh_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        self.status = QLabel("")
        self.status.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        self.refresh()

    def _status_text(self, status: str) -> str:
        return {"enrolled": self.tr("enrolled, not heard of yet"), "active": self.tr("active"),
                "revoked": self.tr("revoked")}.get(status, status)

    def refresh(self) -> None:
        """Read the terminals again."""
        from tokki_desktop.site.enrol import terminals

        try:
            self.rows = terminals(self._context.session.ledger)
        except Exception as exc:  # noqa: BLE001 - shown as a problem, never a crash
            show_problem(self, exc, self._lang, "listing terminals")
            return
        self.table.setRowCount(len(self.rows))
        seireki = self._context.seireki()
        for i, r in enumerate(self.rows):
            cells = (str(r["name"]), self._status_text(str(r["status"])),
                     show_date(r.get("last_heartbeat_at"), self._lang, seireki=seireki),
                     str(r["open_detections"]), f"{r['policy_version']} / {r['policy_applied'] or '-'}",
                     f"{r['resolutions_waiting']} / {r['resolutions_failed']}")
            for col, text in enumerate(cells):
                self.table.setItem(i, col, QTableWidgetItem(text))
        if self.rows:
            self.table.selectRow(0)
        officer = self._context.is_officer
        self.enrol_button.setEnabled(officer)
        self.revoke_button.setEnabled(officer and bool(self.rows))

    def selected(self) -> dict[str, Any] | None:
        """The selected terminal's row."""
        i = self.table.currentRow()
        return self.rows[i] if 0 <= i < len(self.rows) else None

    def enrol(self) -> EnrolDialog:
        """Ask for the enrolment's details, then enrol in the background and show the code."""
        dialog = EnrolDialog(self)

        def done() -> None:
            from tokki_desktop.site.enrol import enrol

            values = dialog.values()
            session = self._context.session
            self._context.runner.run_task(lambda: enrol(session, **values), self._enrolled,
                                          what=self.tr("enrolling a terminal"))

        dialog.accepted.connect(done)
        dialog.open()
        return dialog

    def _enrolled(self, result: Any, error: BaseException | None) -> None:
        if error is not None:
            show_problem(self, error, self._lang, "enrolling a terminal")
            return
        self.last_code = result.code
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Terminal enrolled"),
                          self.tr("Give this one-time code to the terminal with the enrolment file. It is shown only now."),
                          QMessageBox.StandardButton.Ok, self)
        box.setInformativeText(result.code)
        box.open()
        self.refresh()

    def revoke_selected(self) -> None:
        """Revoke the selected terminal after a confirmation (its bundles are refused from then on)."""
        row = self.selected()
        if row is None or row["status"] == "revoked":
            return
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Revoke"),
                          self.tr("Revoke terminal %1? Its bundles will be refused from now on.")
                          .replace("%1", str(row["name"])),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)

        def answered(button: Any) -> None:
            if box.standardButton(button) != QMessageBox.StandardButton.Yes:
                return
            from tokki_desktop.site.enrol import revoke

            session = self._context.session
            self._context.runner.run_task(lambda: revoke(session, str(row["name"])), self._revoked,
                                          what=self.tr("revoking a terminal"))

        box.buttonClicked.connect(answered)
        box.open()

    def _revoked(self, _result: Any, error: BaseException | None) -> None:
        if error is not None:
            show_problem(self, error, self._lang, "revoking a terminal")
            return
        self.status.setText(self.tr("Revoked."))
        self.refresh()

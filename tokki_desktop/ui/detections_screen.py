"""The detections inbox: what the monitor found, masked, and how it was resolved.

An officer resolves an open detection in one of four ways (approve after the fact, removed,
quarantine, report as an incident). A handler sees the same list with an explanation of
what the rule means and what to do, no resolve buttons at all, and can record why the file
is there (kept in the audit chain); the officer sees every such explanation in the details.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from tokki_desktop.ui.dates import show_date
from tokki_desktop.ui.problems import show_problem
from tokki_desktop.ui.shown_path import shown_path
from tokki_desktop.ui.workspace import ScreenContext

# What each rule of the monitor's policy means, and what to do (shown to everyone).
RULE_EXPLANATIONS: dict[str, tuple[str, str]] = {
    "copy_without_approval": (
        str(QT_TRANSLATE_NOOP("Rules", "A copy of personal data in a place without an approval (Art. 5, 7).")),
        str(QT_TRANSLATE_NOOP("Rules", "Do not open or copy the file further. Tell your officer, who will approve "
                                   "it after the fact, have it removed, quarantine it or report an incident.")),
    ),
    "unregistered_medium": (
        str(QT_TRANSLATE_NOOP("Rules", "Personal data on a storage medium that is not in the media register (Art. 6).")),
        str(QT_TRANSLATE_NOOP("Rules", "Unplug nothing yet. Tell your officer; the medium must be registered and "
                                   "consented to by the client before it holds personal data.")),
    ),
    "medium_not_consented": (
        str(QT_TRANSLATE_NOOP("Rules", "Personal data on a registered medium the client has not consented to (Art. 6).")),
        str(QT_TRANSLATE_NOOP("Rules", "Stop using the medium for personal data until the client's consent "
                                   "is recorded. Tell your officer.")),
    ),
    "unencrypted_on_medium": (
        str(QT_TRANSLATE_NOOP("Rules", "Unencrypted personal data on a removable medium (Art. 6(1)).")),
        str(QT_TRANSLATE_NOOP("Rules", "Personal data taken out on media must be encrypted. Tell your officer.")),
    ),
    "encrypted_unknown": (
        str(QT_TRANSLATE_NOOP("Rules", "An encrypted file that cannot be opened: it may be a copy of personal data.")),
        str(QT_TRANSLATE_NOOP("Rules", "Tell your officer what the file is, so it can be approved or removed.")),
    ),
}
RESOLUTIONS = {
    "approve": str(QT_TRANSLATE_NOOP("Resolutions", "approved after the fact")),
    "removed": str(QT_TRANSLATE_NOOP("Resolutions", "removed")),
    "quarantine": str(QT_TRANSLATE_NOOP("Resolutions", "quarantined")),
    "incident": str(QT_TRANSLATE_NOOP("Resolutions", "reported as an incident")),
}
# What the scanner counts, as people call it (unknown kinds are shown as their code).
FINDING_KINDS = {
    "name": str(QT_TRANSLATE_NOOP("Findings", "name")),
    "my_number": str(QT_TRANSLATE_NOOP("Findings", "My Number")),
    "drivers_license": str(QT_TRANSLATE_NOOP("Findings", "driver's licence no.")),
    "passport": str(QT_TRANSLATE_NOOP("Findings", "passport no.")),
    "residence_card": str(QT_TRANSLATE_NOOP("Findings", "residence card no.")),
    "pension_number": str(QT_TRANSLATE_NOOP("Findings", "pension no.")),
    "health_insurance": str(QT_TRANSLATE_NOOP("Findings", "health insurance no.")),
    "bank_account": str(QT_TRANSLATE_NOOP("Findings", "bank account")),
    "birth_date": str(QT_TRANSLATE_NOOP("Findings", "date of birth")),
    "postal_code": str(QT_TRANSLATE_NOOP("Findings", "postal code")),
    "address": str(QT_TRANSLATE_NOOP("Findings", "address")),
    "phone": str(QT_TRANSLATE_NOOP("Findings", "phone")),
    "email": str(QT_TRANSLATE_NOOP("Findings", "e-mail")),
}
STATUSES = {
    "open": str(QT_TRANSLATE_NOOP("Resolutions", "open")),
    "allowed": str(QT_TRANSLATE_NOOP("Resolutions", "recorded (approved)")),
    "resolved": str(QT_TRANSLATE_NOOP("Resolutions", "resolved")),
}


def explain(rule: str) -> tuple[str, str]:
    """What rule ``rule`` means and what to do, in the current language."""
    what, todo = RULE_EXPLANATIONS.get(rule, ("", ""))
    if not what:
        return QCoreApplication.translate("Rules", "A file the monitor recorded."), ""
    return QCoreApplication.translate("Rules", what), QCoreApplication.translate("Rules", todo)


class DetectionsScreen(QWidget):
    """The inbox of detections, newest first; resolve buttons for officers only."""

    def __init__(self, context: ScreenContext) -> None:
        super().__init__()
        self.setObjectName("detectionsScreen")
        self._context = context
        self._lang = context.lang
        self.rows: list[dict[str, Any]] = []
        self._busy = False

        title = QLabel(self.tr("Detections"))
        title.setObjectName("screenTitle")
        self.open_only = QCheckBox(self.tr("&Open only"))
        self.open_only.setObjectName("openOnly")
        self.open_only.setChecked(True)
        self.open_only.toggled.connect(self.refresh)
        self.summary = QLabel("")
        head = QHBoxLayout()
        head.addWidget(title)
        head.addStretch(1)
        head.addWidget(self.summary)
        head.addWidget(self.open_only)

        self.table = QTableWidget(0, 7)
        self.table.setObjectName("detectionTable")
        self.table.setHorizontalHeaderLabels([
            "ID", self.tr("Found at"), self.tr("Place"), self.tr("File"), self.tr("What was found"),
            self.tr("Article"), self.tr("Status"),
        ])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.currentCellChanged.connect(lambda row, *_: self._show_details(row))

        self.details = QTextBrowser()
        self.details.setObjectName("detectionDetails")
        self.buttons: dict[str, QPushButton] = {}
        row = QHBoxLayout()
        if context.is_officer:
            labels = {
                "approve": self.tr("&Approve after the fact"),
                "removed": self.tr("File &removed"),
                "quarantine": self.tr("&Quarantine"),
                "incident": self.tr("Report as &incident"),
            }
            for kind, text in labels.items():
                button = QPushButton(text)
                button.setObjectName(f"resolve_{kind}")
                button.clicked.connect(lambda _c=False, k=kind: self.resolve_selected(k))
                self.buttons[kind] = button
                row.addWidget(button)
        self.explain_button: QPushButton | None = None
        if not context.is_officer:
            self.explain_button = QPushButton(self.tr("&Explain why the file is there…"))
            self.explain_button.setObjectName("explainButton")
            self.explain_button.clicked.connect(self.explain_selected)
            row.addWidget(self.explain_button)
            note = QLabel(self.tr("Only a responsible officer resolves detections. "
                                  "The explanation above says what to do."))
            note.setWordWrap(True)
            row.addWidget(note, 1)
        row.addStretch(1)

        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.details, 1)
        lower_layout.addLayout(row)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(lower)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(split, 1)
        bridge = getattr(context, "monitor_bridge", None)
        self._open_seen: int | None = None
        # A monitor in another process writes to the ledger without telling this window:
        # look again now and then while the inbox is on screen.
        self._poll = QTimer(self)
        self._poll.setInterval(15_000)
        self._poll.timeout.connect(self._poll_ledger)
        self._poll.start()
        if bridge is not None:
            bridge.monitor_event.connect(self._monitor_event)
            bridge.monitor_state.connect(self._monitor_state)
        self.refresh()

    @property
    def busy(self) -> bool:
        """Whether a resolution is running."""
        return self._busy

    def _monitor_event(self, event: Any) -> None:
        if event.kind in ("detection", "quarantined", "unregistered_medium"):
            self.refresh()

    def _poll_ledger(self) -> None:
        if self.isVisible() and not self._busy:
            self.refresh()

    def _monitor_state(self, state: Any) -> None:
        # The event comes when the file is judged; the ledger row only after the spool is
        # imported, which the state's count of open detections tells.
        count = getattr(state, "open_detections", None)
        if count is not None and count != self._open_seen:
            self._open_seen = count
            self.refresh()

    def refresh(self) -> None:
        """Read the detections again (newest first, at most 1,000)."""
        from tokki_desktop.monitor import records

        selected = self.selected()
        try:
            self.rows = records.detections(self._context.session.ledger, open_only=self.open_only.isChecked())
        except Exception as exc:  # noqa: BLE001
            show_problem(self, exc, self._lang, "listing detections")
            return
        self.table.setRowCount(len(self.rows))
        seireki = self._context.seireki()  # detections belong to the terminal's contract
        for i, det in enumerate(self.rows):
            found = ", ".join(f"{_kind(kind)} {count}" for kind, count in (det.get("findings") or {}).items())
            status = det["status"]
            status_text = QCoreApplication.translate("Resolutions", STATUSES.get(status, status))
            if det.get("resolution"):
                status_text = QCoreApplication.translate("Resolutions", RESOLUTIONS[det["resolution"]])
            cells = (str(det["id"]), show_date(det["detected_at"], self._lang, seireki=seireki), det["place"],
                     Path(det["path"]).name, found or det["verdict"],
                     self.tr("Art. %1").replace("%1", str(det["article"])), status_text)
            for col, text in enumerate(cells):
                self.table.setItem(i, col, QTableWidgetItem(text))
        open_count = sum(1 for d in self.rows if d["status"] == "open")
        self.summary.setText(self.tr("%1 open").replace("%1", str(open_count)))
        row = next((i for i, d in enumerate(self.rows) if selected and d["id"] == selected["id"]), 0)
        if self.rows:
            self.table.selectRow(row)
        self._show_details(row if self.rows else -1)

    def selected(self) -> dict[str, Any] | None:
        """The detection of the selected row."""
        row = self.table.currentRow()
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def _show_details(self, row: int) -> None:
        det = self.rows[row] if 0 <= row < len(self.rows) else None
        for button in self.buttons.values():
            button.setEnabled(det is not None and det["status"] == "open" and not self._busy)
        if self.explain_button is not None:
            self.explain_button.setEnabled(det is not None)
        if det is None:
            self.details.setPlainText(self.tr("Nothing detected."))
            return
        what, todo = explain(det["rule"])
        examples = ", ".join(det.get("examples") or [])  # masked by the scanner (1234********)
        why_label = self.tr("Why")
        todo_label = self.tr("What to do")
        file_label = self.tr("File")
        examples_label = self.tr("Examples (masked)")
        lines = [
            f"<b>{why_label}</b>: {_html(what)}",
            f"<b>{todo_label}</b>: {_html(todo)}" if todo else "",
            f"<b>{file_label}</b>: {_html(shown_path(det['path']))}",
            f"<b>{examples_label}</b>: {_html(examples)}" if examples else "",
            *self._explanation_lines(int(det["id"])),
        ]
        self.details.setHtml("<br>".join(line for line in lines if line))

    def _explanation_lines(self, detection_id: int) -> list[str]:
        """What handlers recorded about the detection, oldest first (one indexed read)."""
        from tokki_desktop.registers.explanations import explanations

        try:
            given = explanations(self._context.session, detection_id)
        except Exception as exc:  # noqa: BLE001
            show_problem(self, exc, self._lang, "reading explanations")
            return []
        heading = _html(self.tr("Explanations"))
        if not given:
            none = _html(self.tr("none recorded yet"))
            return [f"<b>{heading}</b>: {none}"]
        seireki = self._context.seireki()
        lines = [f"<b>{heading}</b>:"]
        for e in given:
            text = _html(e.text).replace("\n", "<br>")
            lines.append(f"・{_html(show_date(e.ts, self._lang, seireki=seireki))} {_html(e.login)}: {text}")
        return lines

    def explain_selected(self) -> Any:
        """Open the dialog that records why the selected detection's file is there (handlers)."""
        det = self.selected()
        if det is None:
            return None
        from tokki_desktop.ui.explain_dialog import ExplainDialog

        dialog = ExplainDialog(self._context, int(det["id"]), self)
        dialog.accepted.connect(lambda: self._show_details(self.table.currentRow()))
        dialog.open()
        return dialog

    def resolve_selected(self, kind: str) -> None:
        """Resolve the selected detection as ``kind`` (officers; in the background)."""
        det = self.selected()
        if det is None or det["status"] != "open" or self._busy:
            return
        from tokki_desktop.monitor import resolutions

        session, det_id = self._context.session, int(det["id"])
        self._busy = True
        self._show_details(self.table.currentRow())
        self._context.runner.run_task(lambda: resolutions.resolve(session, det_id, kind), self._resolved,
                                      what=self.tr("resolving a detection"))

    def _resolved(self, result: Any, error: BaseException | None) -> None:
        self._busy = False
        if error is not None:
            show_problem(self, error, self._lang, "resolving a detection")
            self._show_details(self.table.currentRow())
            return
        self.refresh()
        if getattr(result, "request_id", None):
            # A terminal's detection: the terminal carries it out and reports back.
            box = QMessageBox(QMessageBox.Icon.Information, self.tr("Requested from the terminal"),
                              self.tr("The terminal carries this out when it next reads the drop folder; the "
                                      "detection stays open until it reports back (see the Terminals screen)."),
                              QMessageBox.StandardButton.Ok, self)
            box.setObjectName("requestedOnTerminal")
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            box.open()
        if getattr(result, "incident_id", None):
            box = QMessageBox(QMessageBox.Icon.Information, self.tr("Incident report started"),
                              self.tr("An incident record (ID %1) was prefilled from the detection. "
                                      "Complete it in the registers and report to the client at once.")
                              .replace("%1", str(result.incident_id)), QMessageBox.StandardButton.Ok, self)
            box.setObjectName("incidentCreated")
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            box.open()


def _kind(code: str) -> str:
    source = FINDING_KINDS.get(code.rstrip("?"))
    return QCoreApplication.translate("Findings", source) if source else code


def _html(text: str) -> str:
    return str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


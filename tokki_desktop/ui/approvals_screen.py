"""The approvals queue: requests waiting for a decision (copies, take-outs, media, staff
changes, subcontracts), across every register that carries a decision.

Handlers file requests here and follow them; only a 取扱責任者 records a decision (the
client's approval or refusal), so a handler never sees those buttons.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tokki_desktop.ui.dates import show_date
from tokki_desktop.ui.problems import show_problem
from tokki_desktop.ui.record_editor import RecordEditor
from tokki_desktop.ui.workspace import ScreenContext

REFUSED_REASON = "不承認 / refused"


def decision_specs() -> list[Any]:
    """The registers whose records wait for a decision."""
    from tokki_desktop.registers import SPECS

    return [s for s in SPECS.values() if s.decision_field]


def applied_on(spec: Any, row: dict[str, Any]) -> object:
    """When the request was made (the register's request or application date)."""
    for name in ("requested_on", "applied_on"):
        if spec.has_field(name):
            return row.get(name)
    return row.get("created_at")


class ApprovalsScreen(QWidget):
    """Pending requests, oldest first; decisions for officers, new requests for everyone."""

    def __init__(self, context: ScreenContext) -> None:
        super().__init__()
        self.setObjectName("approvalsScreen")
        self._context = context
        self._lang = context.lang
        self.pending: list[tuple[Any, dict[str, Any]]] = []

        title = QLabel(self.tr("Requests waiting for a decision"))
        title.setObjectName("screenTitle")
        self.count = QLabel("")
        head = QHBoxLayout()
        head.addWidget(title)
        head.addStretch(1)
        head.addWidget(self.count)
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("pendingTable")
        self.table.setHorizontalHeaderLabels([self.tr("Register"), "ID", self.tr("Request"), self.tr("Requested on")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.itemActivated.connect(lambda _item: self.open_selected())

        self.new_button = QPushButton(self.tr("&New request…"))
        self.new_button.setObjectName("newRequest")
        self.new_button.clicked.connect(self.new_request)
        open_button = QPushButton(self.tr("&Open in the registers"))
        open_button.clicked.connect(self.open_selected)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(open_button)
        buttons.addStretch(1)
        self.approve_button: QPushButton | None = None
        self.refuse_button: QPushButton | None = None
        if context.is_officer:
            self.approve_button = QPushButton(self.tr("Record &approval"))
            self.approve_button.setObjectName("approveButton")
            self.approve_button.clicked.connect(lambda: self.decide(True))
            self.refuse_button = QPushButton(self.tr("Record re&fusal"))
            self.refuse_button.setObjectName("refuseButton")
            self.refuse_button.clicked.connect(lambda: self.decide(False))
            buttons.addWidget(self.approve_button)
            buttons.addWidget(self.refuse_button)
        else:
            note = QLabel(self.tr("A responsible officer records the client's decision."))
            buttons.addWidget(note)
        self.status = QLabel("")
        self.status.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        self.refresh()

    def refresh(self) -> None:
        """Read the pending requests again."""
        from tokki_desktop.registers import repository

        pending: list[tuple[Any, dict[str, Any]]] = []
        try:
            for spec in decision_specs():
                for row in repository.list_records(self._context.session, spec.kind):
                    if not spec.decided(row):
                        pending.append((spec, row))
        except Exception as exc:  # noqa: BLE001
            show_problem(self, exc, self._lang, "listing requests")
            return
        pending.sort(key=lambda pair: str(applied_on(*pair) or ""))
        self.pending = pending
        self.table.setRowCount(len(pending))
        for i, (spec, row) in enumerate(pending):
            title = repository.title(self._context.session, spec.kind, row).replace("\n", " ")
            cells = (spec.label_en if self._lang == "en" else spec.label_ja, str(row["id"]),
                     title if len(title) <= 120 else title[:119] + "…", show_date(applied_on(spec, row), self._lang,
                               seireki=self._context.seireki(row.get("contract_id"))))
            for col, text in enumerate(cells):
                self.table.setItem(i, col, QTableWidgetItem(text))
        self.count.setText(self.tr("%1 waiting").replace("%1", str(len(pending))))
        if pending:
            self.table.selectRow(0)
        for button in (self.approve_button, self.refuse_button):
            if button is not None:
                button.setEnabled(bool(pending))

    def selected(self) -> tuple[Any, dict[str, Any]] | None:
        """The selected request (register spec, record)."""
        row = self.table.currentRow()
        return self.pending[row] if 0 <= row < len(self.pending) else None

    def new_request(self) -> RecordEditor:
        """A new approval request (copy, take-out, transmission, medium, software)."""
        from tokki_desktop.registers import spec_for

        editor = RecordEditor(self._context, spec_for("approvals"), None, self)
        today = self._context.session.clock.now().date()
        editor.inputs["requested_on"].set_stored(today.isoformat(), self._lang)
        editor.inputs["requested_by"].set_stored(self._context.session.user.name, self._lang)
        editor.accepted.connect(self.refresh)
        editor.open()
        return editor

    def open_selected(self) -> None:
        """Show the selected request in its register."""
        chosen = self.selected()
        if chosen is not None:
            self._context.open_screen("registers", kind=chosen[0].kind, record_id=int(chosen[1]["id"]))

    def decide(self, approve: bool) -> None:
        """Record the client's approval or refusal of the selected request (officers)."""
        chosen = self.selected()
        if chosen is None:
            return
        from tokki_desktop.registers import repository

        spec, row = chosen
        session = self._context.session
        today = session.clock.now().date().isoformat()
        field = spec.field(spec.decision_field)

        def work() -> None:
            if field.type == "choice":  # approvals: status plus the decision date
                values: dict[str, object] = {spec.decision_field: "approved" if approve else "refused"}
                if spec.has_field("decided_on"):
                    values["decided_on"] = today
                repository.update(session, spec.kind, int(row["id"]), values)
            elif approve:  # a date field: the day of approval
                repository.update(session, spec.kind, int(row["id"]), {spec.decision_field: today})
            else:  # no refusal field: the request is closed with the reason
                repository.close(session, spec.kind, int(row["id"]), REFUSED_REASON)

        self._context.runner.run_task(work, self._decided, what=self.tr("recording a decision"))

    def _decided(self, _result: object, error: BaseException | None) -> None:
        if error is not None:
            show_problem(self, error, self._lang, "recording a decision")
            return
        self.status.setText(self.tr("Recorded on %1.").replace(
            "%1", show_date(self._context.session.clock.now().date(), self._lang,
                                     seireki=self._context.seireki())))
        self.refresh()


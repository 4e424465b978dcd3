"""The audit chain: browse its records, verify it, take and print a checkpoint.

Verifying reads every record and checks the file's pages, so it runs in the background
(about a second per hundred thousand records). A checkpoint (sequence and MAC) kept on
paper lets a later verification notice a cut-off tail.
"""

from __future__ import annotations

import itertools
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tokki_desktop.errors import KnownError
from tokki_desktop.registers.audit_words import action_text, change_text, record_text
from tokki_desktop.ui.dates import show_date
from tokki_desktop.ui.problems import show_problem
from tokki_desktop.ui.workspace import ScreenContext

PAGE = 200


class AuditScreen(QWidget):
    """Audit records page by page (newest page first), verification and checkpoints."""

    def __init__(self, context: ScreenContext) -> None:
        super().__init__()
        self.setObjectName("auditScreen")
        self._context = context
        self._lang = context.lang
        self._busy = False
        self.report: Any = None
        self.checkpoint: Any = None

        title = QLabel(self.tr("Audit chain"))
        title.setObjectName("screenTitle")
        self.start_box = QSpinBox()
        self.start_box.setObjectName("startSeq")
        self.start_box.setMinimum(1)
        self.start_box.setMaximum(2_000_000_000)
        self.start_box.setSingleStep(PAGE)
        start_label = QLabel(self.tr("Show from &No.:"))
        start_label.setBuddy(self.start_box)
        show_button = QPushButton(self.tr("Sho&w"))
        show_button.clicked.connect(self.load_page)
        newest_button = QPushButton(self.tr("&Newest"))
        newest_button.clicked.connect(self.show_newest)
        head = QHBoxLayout()
        head.addWidget(title)
        head.addStretch(1)
        head.addWidget(start_label)
        head.addWidget(self.start_box)
        head.addWidget(show_button)
        head.addWidget(newest_button)

        self.table = QTableWidget(0, 6)
        self.table.setObjectName("auditTable")
        self.table.setHorizontalHeaderLabels([
            self.tr("No."), self.tr("When"), self.tr("Who"), self.tr("What"), self.tr("Record"), self.tr("Change"),
        ])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setDefaultSectionSize(22)

        self.checkpoint_edit = QLineEdit()
        self.checkpoint_edit.setObjectName("checkpointEdit")
        self.checkpoint_edit.setPlaceholderText(self.tr("optional: a checkpoint kept on paper (No.:MAC)"))
        checkpoint_label = QLabel(self.tr("&Checkpoint:"))
        checkpoint_label.setBuddy(self.checkpoint_edit)
        self.verify_button = QPushButton(self.tr("&Verify the chain"))
        self.verify_button.setObjectName("verifyButton")
        self.verify_button.clicked.connect(self.verify)
        self.take_button = QPushButton(self.tr("&Take a checkpoint"))
        self.take_button.setObjectName("takeCheckpoint")
        self.take_button.clicked.connect(self.take_checkpoint)
        self.print_button = QPushButton(self.tr("&Print the checkpoint sheet…"))
        self.print_button.setObjectName("printCheckpoint")
        self.print_button.clicked.connect(lambda: context.open_screen("forms", form_id="audit_checkpoint"))
        self.result = QLabel("")
        self.result.setObjectName("verifyResult")
        self.result.setWordWrap(True)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        verify_row = QHBoxLayout()
        verify_row.addWidget(checkpoint_label)
        verify_row.addWidget(self.checkpoint_edit, 1)
        verify_row.addWidget(self.verify_button)
        cp_row = QHBoxLayout()
        cp_row.addWidget(self.take_button)
        cp_row.addWidget(self.print_button)
        cp_row.addStretch(1)

        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(self.table, 1)
        layout.addLayout(verify_row)
        layout.addLayout(cp_row)
        layout.addWidget(self.result)
        self.show_newest()

    @property
    def busy(self) -> bool:
        """Whether a verification runs."""
        return self._busy

    def show_newest(self) -> None:
        """Show the last page of the chain."""
        head_seq, _mac = self._context.session.ledger.audit_head()
        self.start_box.setValue(max(1, head_seq - PAGE + 1))
        self.load_page()

    def load_page(self) -> None:
        """Show up to 200 records from the chosen number on."""
        rows = list(itertools.islice(self._context.session.ledger.audit_rows(self.start_box.value()), PAGE))
        seireki = self._context.seireki()  # the terminal's contract
        self.table.setRowCount(len(rows))
        lang = self._lang
        for i, (seq, ts, actor, action, tbl, row_id, change, _mac) in enumerate(rows):
            # Codes and JSON are what the chain stores; people read 作成・変更 and a diff.
            shown = change_text(tbl, change, lang)
            cells = (str(seq), show_date(ts, lang, seireki=seireki), actor, action_text(action, lang),
                     record_text(tbl, row_id, lang), shown if len(shown) <= 200 else shown[:199] + "…")
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if col == 5 and shown:
                    item.setToolTip(shown)  # the whole diff, when the cell cuts it
                self.table.setItem(i, col, item)
        if rows:
            self.table.scrollToBottom()

    def verify(self) -> None:
        """Verify the chain (and the checkpoint, if typed) in the background."""
        if self._busy:
            return
        from tokki_desktop.ledger.audit import Checkpoint

        text = self.checkpoint_edit.text().strip()
        try:
            checkpoint = Checkpoint.parse(text) if text else None
        except KnownError as exc:
            self.result.setText("✖ " + exc.message(self._lang))
            return
        session = self._context.session
        self._busy = True
        self.verify_button.setEnabled(False)
        self.result.setText(self.tr("Verifying…"))
        self._context.runner.run_task(lambda: session.verify(checkpoint), self._verified,
                                      what=self.tr("verifying the audit chain"))

    def _verified(self, report: Any, error: BaseException | None) -> None:
        self._busy = False
        self.verify_button.setEnabled(True)
        if error is not None:
            self.result.setText("")
            show_problem(self, error, self._lang, "verifying the audit chain")
            return
        self.report = report
        if report.ok:
            self.result.setText(self.tr("✔ The chain is intact: %1 records, up to No. %2; the file's pages are sound.")
                                .replace("%1", f"{report.records:,}").replace("%2", str(report.last_seq)))
        else:
            problems = "; ".join(report.problems[:5]) or self.tr("damaged pages in the ledger file")
            self.result.setText(self.tr("✖ Problems found: %1. Keep the file as it is and restore from a backup.")
                                .replace("%1", problems))

    def take_checkpoint(self) -> None:
        """Show the current checkpoint (No.:MAC), to copy or print and keep on paper."""
        self.checkpoint = self._context.session.checkpoint()
        self.result.setText(self.tr("Checkpoint taken at %1: %2").replace(
            "%1", show_date(self.checkpoint.ts, self._lang,
                                                          seireki=self._context.seireki())).replace("%2", self.checkpoint.text()))

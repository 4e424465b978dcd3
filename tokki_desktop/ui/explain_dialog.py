"""The 従事者's explanation of a detection: why the copy exists, kept in the audit chain.

Written in the background (a ledger write), closed when stored; a refusal (empty, too long,
the detection gone) is shown in place and nothing is written.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from tokki_desktop.ui.problems import show_problem
from tokki_desktop.ui.workspace import ScreenContext


class ExplainDialog(QDialog):
    """Ask for the reason a file the monitor found is there, and store it with the detection."""

    def __init__(self, context: ScreenContext, detection_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from tokki_desktop.registers.explanations import MAX_LENGTH

        self.setObjectName("explainDialog")
        self._context = context
        self._lang = context.lang
        self.detection_id = int(detection_id)
        self._busy = False
        self._max = MAX_LENGTH
        self.setWindowTitle(self.tr("Explain detection %1").replace("%1", str(self.detection_id)))
        prompt = QLabel(self.tr("Why is this file there? Who asked for it, what it is for, and what happens "
                                "to it next. Your officer reads this before deciding; it is kept in the "
                                "audit record and cannot be changed afterwards."))
        prompt.setWordWrap(True)
        self.text = QPlainTextEdit()
        self.text.setObjectName("explanationText")
        self.text.setAccessibleName(self.tr("Explanation"))
        self.text.textChanged.connect(self._recheck)
        prompt.setBuddy(self.text)
        self.problem = QLabel("")
        self.problem.setObjectName("explainProblem")
        self.problem.setStyleSheet("color: #b00020;")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("&Record explanation"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(prompt)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.resize(560, 320)
        self._recheck()

    def _recheck(self) -> None:
        typed = self.text.toPlainText()
        too_long = len(typed) > self._max
        self.problem.setText(self.tr("At most %1 characters.").replace("%1", f"{self._max:,}") if too_long else "")
        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setEnabled(bool(typed.strip()) and not too_long and not self._busy)

    def save(self) -> None:
        """Store the explanation in the background; close when it is in the ledger."""
        if self._busy:
            return
        from tokki_desktop.registers.explanations import explain_detection

        session, det_id, text = self._context.session, self.detection_id, self.text.toPlainText()
        self._busy = True
        self._recheck()
        self._context.runner.run_task(lambda: explain_detection(session, det_id, text), self._saved,
                                      what=self.tr("recording an explanation"))

    def _saved(self, _seq: Any, error: BaseException | None) -> None:
        self._busy = False
        self._recheck()
        if error is not None:
            show_problem(self, error, self._lang, "recording an explanation")
            return
        self.accept()

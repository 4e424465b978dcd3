"""The editor of one register record, built from the register's spec.

Each field is checked as it is typed, with the core's own converter (so the screen and the
ledger agree): dates accept 和暦 (R8.4.1, 令和8年4月1日) and show how they were read; an
error appears under its field and the save button waits until every field is acceptable.
Fields only a 取扱責任者 may set are read-only for a 従事者.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from tokki_desktop.errors import KnownError
from tokki_desktop.ui.dates import show_date
from tokki_desktop.ui.problems import show_problem
from tokki_desktop.ui.record_table import RefTitles
from tokki_desktop.ui.workspace import ScreenContext


class NoteLine(QLabel):
    """The line under a field ("= 令和8年4月1日", "✖ 2月は28日までです"), always one line high.

    It takes its height when empty too, so a message appearing never pushes the fields below
    it down (the next click would land on another field). A message too long for the line is
    cut there; the whole of it is the tooltip and the problem line at the bottom of the editor.
    """

    def __init__(self) -> None:
        super().__init__("")
        self.setWordWrap(False)
        self.setFixedHeight(self.fontMetrics().lineSpacing() + 2)
        # Never widens the editor for a long message; it is cut at the editor's width.
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)

    def setText(self, text: str) -> None:  # noqa: N802 - Qt's name
        super().setText(text)
        self.setToolTip(text)


class FieldInput:
    """One field's widget, its "how it was read" note, and its error line."""

    def __init__(self, field: Any, lang: str, choices: list[tuple[object, str]] | None = None) -> None:
        self.field = field
        self.note = NoteLine()
        self.note.setObjectName(f"note_{field.name}")
        if field.type == "longtext":
            widget: QWidget = QPlainTextEdit()
            widget.setTabChangesFocus(True)  # type: ignore[attr-defined]
            widget.setFixedHeight(72)
        elif field.type == "bool":
            widget = QCheckBox()
        elif field.type in ("choice", "ref"):
            widget = QComboBox()
            if not field.required or field.type == "ref":
                widget.addItem("", None)
            for value, label in choices or []:
                widget.addItem(label, value)
        else:
            widget = QLineEdit()
            if field.type in ("text",):
                widget.setMaxLength(field.max_length)
        widget.setObjectName(f"field_{field.name}")
        hint = field.hint_en if lang == "en" else field.hint_ja
        if hint:
            widget.setToolTip(hint)
        self.widget = widget

    def raw(self) -> object:
        """What the user entered, as the core's converter takes it."""
        w = self.widget
        if isinstance(w, QPlainTextEdit):
            return w.toPlainText()
        if isinstance(w, QCheckBox):
            return w.isChecked()
        if isinstance(w, QComboBox):
            return w.currentData()
        assert isinstance(w, QLineEdit)
        return w.text()

    def set_stored(self, value: object, lang: str) -> None:
        """Show a stored value for editing (dates in 和暦 in Japanese)."""
        w = self.widget
        if isinstance(w, QPlainTextEdit):
            w.setPlainText("" if value is None else str(value))
        elif isinstance(w, QCheckBox):
            w.setChecked(bool(value))
        elif isinstance(w, QComboBox):
            stored = value
            if self.field.type == "choice" and value is not None:
                found = self.field.choice(str(value))
                stored = found.value if found else value
            i = w.findData(stored)
            w.setCurrentIndex(max(0, i))
        else:
            assert isinstance(w, QLineEdit)
            if self.field.type in ("date", "datetime") and value not in (None, ""):
                w.setText(show_date(value, lang))
            else:
                w.setText("" if value is None else str(value))

    def connect(self, slot: Any) -> None:
        """Call ``slot`` whenever the value changes."""
        w = self.widget
        if isinstance(w, QPlainTextEdit):
            w.textChanged.connect(slot)
        elif isinstance(w, QCheckBox):
            w.toggled.connect(slot)
        elif isinstance(w, QComboBox):
            w.currentIndexChanged.connect(slot)
        else:
            w.textChanged.connect(slot)  # type: ignore[attr-defined]


class RecordEditor(QDialog):
    """Add or edit one record of a register; writes through the registers repository."""

    def __init__(self, context: ScreenContext, spec: Any, record: dict[str, Any] | None = None,
                 parent: QWidget | None = None, refs: RefTitles | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recordEditor")
        self._context = context
        self._lang = context.lang
        self.spec = spec
        self.record = record
        self._busy = False
        self.saved_id: int | None = None
        self._refs = refs or RefTitles(context.session)
        label = spec.label_en if self._lang == "en" else spec.label_ja
        if record is None:
            self.setWindowTitle(self.tr("New record: %1").replace("%1", label))
        else:
            self.setWindowTitle(self.tr("%1: record %2").replace("%1", label).replace("%2", str(record["id"])))

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.inputs: dict[str, FieldInput] = {}
        for field in spec.fields:
            entry = FieldInput(field, self._lang, self._choices(field))
            if record is not None:
                entry.set_stored(record.get(field.name), self._lang)
            elif field.default is not None:
                entry.set_stored(field.default, self._lang)
            if field.name == "contract_id" and record is None:
                self._preselect_only_contract(entry)
            if field.officer_only and not context.is_officer:
                entry.widget.setEnabled(False)
                entry.widget.setToolTip(self.tr("Only a responsible officer can set this."))
            text = field.label_en if self._lang == "en" else field.label_ja
            caption = QLabel(text + (" *" if field.required else ""))
            caption.setBuddy(entry.widget)
            box = QVBoxLayout()
            box.setSpacing(1)
            box.addWidget(entry.widget)
            box.addWidget(entry.note)
            form.addRow(caption, box)
            entry.connect(self._recheck)
            self.inputs[field.name] = entry

        holder = QWidget()
        holder.setLayout(form)
        scroll = QScrollArea()
        scroll.setWidget(holder)
        scroll.setWidgetResizable(True)
        self.problem = QLabel("")
        self.problem.setObjectName("problem")
        self.problem.setWordWrap(True)
        # Two lines kept free: a message appearing does not move the buttons either.
        self.problem.setFixedHeight(self.problem.fontMetrics().lineSpacing() * 2 + 4)
        self.problem.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        required_note = QLabel(self.tr("* required. Dates: 2026-04-01, R8.4.1 or 令和8年4月1日."))
        required_note.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("&Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(required_note)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.resize(640, 620)
        self._recheck()
        self._as_opened = self._typed()
        self.discard_question: QMessageBox | None = None

    def _typed(self) -> dict[str, object]:
        return {name: entry.raw() for name, entry in self.inputs.items()}

    def has_unsaved_input(self) -> bool:
        """Whether anything was typed or chosen since the editor opened (and not saved)."""
        return self.saved_id is None and self._typed() != self._as_opened

    def reject(self) -> None:
        """Cancel, Esc or the window's close button: what was typed is never dropped unasked.

        The question is window-modal and does not block (``open``, not ``exec``): the answer
        arrives as a click, and only "discard" closes the editor."""
        if not self.has_unsaved_input():
            super().reject()
            return
        if self.discard_question is None:
            box = QMessageBox(QMessageBox.Icon.Question, self.tr("Discard what you typed?"),
                              self.tr("What you typed in this record has not been saved. Discard it?"),
                              QMessageBox.StandardButton.NoButton, self)
            box.setObjectName("discardQuestion")
            discard = box.addButton(self.tr("&Discard"), QMessageBox.ButtonRole.DestructiveRole)
            keep = box.addButton(self.tr("&Keep editing"), QMessageBox.ButtonRole.RejectRole)
            box.setDefaultButton(keep)
            box.setEscapeButton(keep)
            discard.clicked.connect(self.discard)
            self.discard_question = box
        self.discard_question.open()

    def discard(self) -> None:
        """Close without saving and without asking (the answer "discard")."""
        super().reject()

    def _choices(self, field: Any) -> list[tuple[object, str]]:
        if field.type == "choice":
            return [(c.value, c.label_en if self._lang == "en" else c.label_ja) for c in field.choices]
        if field.type == "ref" and field.ref:
            from tokki_desktop.registers import repository

            rows = repository.list_records(self._context.session, field.ref, limit=2000)
            return [(int(r["id"]), f"{repository.title(self._context.session, field.ref, r)} (ID {r['id']})")
                    for r in rows]
        return []

    @staticmethod
    def _preselect_only_contract(entry: FieldInput) -> None:
        combo = entry.widget
        if isinstance(combo, QComboBox) and combo.count() == 2:  # blank + the one contract
            combo.setCurrentIndex(1)

    # -- checking ------------------------------------------------------------------------------
    def _tz(self) -> dt.tzinfo:
        tz = self._context.session.clock.now().tzinfo
        return tz if tz is not None else dt.UTC

    def field_problem(self, name: str) -> str:
        """The problem with field ``name`` as typed ('' when acceptable); updates its note."""
        from tokki_desktop.registers.validate import convert_value

        entry = self.inputs[name]
        field = entry.field
        raw = entry.raw()
        try:
            value = convert_value(field, raw, self._tz())
        except KnownError as exc:
            entry.note.setText("✖ " + exc.message(self._lang))
            entry.note.setStyleSheet("color: #b00020;")
            return exc.message(self._lang)
        entry.note.setStyleSheet("")
        if value is None and field.required:
            label = field.label_en if self._lang == "en" else field.label_ja
            if self.record is not None and self.record.get(name) is None:
                # Already empty before this edit: say so, but do not block an unrelated change
                # (the core accepts it too; the dashboard keeps reporting the gap).
                entry.note.setText(self.tr("Still to be filled in."))
                return ""
            entry.note.setText("")
            return self.tr("%1 is required.").replace("%1", label)
        # The note may add the western year (西暦併記); the input itself stays parseable 和暦.
        shown = (show_date(value, self._lang, seireki=self._seireki())
                 if field.type in ("date", "datetime") and value is not None else "")
        if shown and shown != str(raw).strip():
            entry.note.setText("= " + shown)  # how the typed date was read (R8.4.1 = 令和8年4月1日)
        else:
            entry.note.setText("")
        return ""

    def _seireki(self) -> bool:
        """Whether the contract of this record asks for the western year in brackets."""
        if self.spec.kind == "contracts":
            return self._context.seireki(self.record.get("id") if self.record else None)
        entry = self.inputs.get("contract_id")
        chosen = entry.raw() if entry is not None else (self.record or {}).get("contract_id")
        return self._context.seireki(chosen)

    def _recheck(self) -> None:
        problems = [p for p in (self.field_problem(n) for n in self.inputs) if p]
        self.problem.setText(problems[0] if problems else "")
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(not problems and not self._busy)

    def values(self) -> dict[str, object]:
        """What to send: every field for a new record, only the changed ones for an edit."""
        from tokki_desktop.registers.validate import convert_value

        out: dict[str, object] = {}
        for name, entry in self.inputs.items():
            raw = entry.raw()
            if self.record is None:
                if raw not in (None, ""):
                    out[name] = raw
                continue
            new, old = convert_value(entry.field, raw, self._tz()), self.record.get(name)
            # The editor shows minutes; an untouched time must not lose its seconds.
            if (entry.field.type == "datetime" and new is not None and old is not None
                    and show_date(new, self._lang) == show_date(old, self._lang)):
                continue
            if new != old:
                out[name] = raw if raw != "" else None
        return out

    def save(self) -> None:
        """Write in the background; close when saved, show the core's message when refused."""
        if self._busy:
            return
        self._recheck()
        if not self.buttons.button(QDialogButtonBox.StandardButton.Save).isEnabled():
            return
        from tokki_desktop.registers import repository

        values = self.values()
        if self.record is not None and not values:
            self.reject()  # nothing changed: nothing to write
            return
        session, kind = self._context.session, self.spec.kind
        record_id = None if self.record is None else int(self.record["id"])
        self._busy = True
        self._recheck()
        self.problem.setText(self.tr("Saving…"))

        def work() -> int:
            if record_id is None:
                return repository.add(session, kind, values)
            repository.update(session, kind, record_id, values)
            return record_id

        self._context.runner.run_task(work, self._saved, what=self.tr("saving a record"))

    def _saved(self, record_id: object, error: BaseException | None) -> None:
        self._busy = False
        self._recheck()
        if error is None:
            self.saved_id = int(str(record_id))
            self.accept()
        elif isinstance(error, KnownError):
            self.problem.setText(error.message(self._lang))
        else:
            self.problem.setText("")
            show_problem(self, error, self._lang, "saving a record")


class CloseRecordDialog(QDialog):
    """Close a record (officers): it stays in the ledger, marked closed, with the reason."""

    def __init__(self, context: ScreenContext, spec: Any, record_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("closeRecordDialog")
        self._context = context
        self.spec = spec
        self.record_id = record_id
        self.setWindowTitle(self.tr("Close record %1").replace("%1", str(record_id)))
        explain = QLabel(self.tr("A closed record stays in the ledger and in its history; "
                                 "it is only marked as closed. Give the reason."))
        explain.setWordWrap(True)
        self.reason = QLineEdit()
        self.reason.setObjectName("closeReason")
        reason_label = QLabel(self.tr("&Reason"))
        reason_label.setBuddy(self.reason)
        self.problem = QLabel("")
        self.problem.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("C&lose record"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        self.reason.textChanged.connect(
            lambda t: self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(t.strip()))
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addWidget(reason_label)
        layout.addWidget(self.reason)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(420)

    def submit(self) -> None:
        """Close the record in the background."""
        from tokki_desktop.registers import repository

        session, kind, rid, reason = self._context.session, self.spec.kind, self.record_id, self.reason.text()
        self.buttons.setEnabled(False)
        self._context.runner.run_task(lambda: repository.close(session, kind, rid, reason), self._closed,
                                      what=self.tr("closing a record"))

    def _closed(self, _result: object, error: BaseException | None) -> None:
        self.buttons.setEnabled(True)
        if error is None:
            self.accept()
        elif isinstance(error, KnownError):
            self.problem.setText(error.message(self._context.lang))
        else:
            show_problem(self, error, self._context.lang, "closing a record")

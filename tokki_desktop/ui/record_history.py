"""The history of one record, read from the audit chain: who changed what, when."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tokki_desktop.ui.dates import show_date
from tokki_desktop.ui.record_table import RefTitles, show_value
from tokki_desktop.ui.workspace import ScreenContext


def describe_change(spec: Any, change: dict[str, Any], lang: str, refs: RefTitles, *, seireki: bool = False) -> str:
    """``氏名: 山田 → 山田 太郎; 承認日: → 令和8年4月1日`` from an audit record's change."""
    new = change.get("new") or {}
    old = change.get("old") or {}
    parts = []
    for name in new:
        if not spec.has_field(name):
            continue  # system columns (updated_at…) are in the row's own columns
        field = spec.field(name)
        label = field.label_en if lang == "en" else field.label_ja
        before = show_value(field, old.get(name), lang, refs, seireki=seireki) if name in old else ""
        after = show_value(field, new.get(name), lang, refs, seireki=seireki)
        parts.append(f"{label}: {before} → {after}" if name in old else f"{label}: {after}")
    if not parts and "close_reason" in new:
        parts.append(str(new.get("close_reason") or ""))
    return "; ".join(parts)


class RecordHistoryDialog(QDialog):
    """Every audited change of one record, oldest first."""

    def __init__(self, context: ScreenContext, spec: Any, record_id: int, parent: QWidget | None = None,
                 refs: RefTitles | None = None) -> None:
        super().__init__(parent)
        from tokki_desktop.registers import repository

        self.setObjectName("recordHistory")
        lang = context.lang
        refs = refs or RefTitles(context.session)
        label = spec.label_en if lang == "en" else spec.label_ja
        self.setWindowTitle(self.tr("History of %1 record %2").replace("%1", label).replace("%2", str(record_id)))
        self.entries = repository.history(context.session, spec.kind, record_id)
        # The record's contract decides 西暦併記 (a contract its own setting).
        record = repository.get(context.session, spec.kind, record_id)
        seireki = context.seireki(record_id if spec.kind == "contracts" else record.get("contract_id"))
        actions = {
            "insert": self.tr("added"), "update": self.tr("changed"), "close": self.tr("closed"),
        }
        self.table = QTableWidget(len(self.entries), 5)
        self.table.setObjectName("historyTable")
        self.table.setHorizontalHeaderLabels(
            [self.tr("No."), self.tr("When"), self.tr("Who"), self.tr("What"), self.tr("Changes")]
        )
        for row, entry in enumerate(self.entries):
            cells = (str(entry.seq), show_date(entry.ts, lang, seireki=seireki), entry.actor,
                     actions.get(entry.action, entry.action),
                     describe_change(spec, entry.change, lang, refs, seireki=seireki))
            for col, text in enumerate(cells):
                self.table.setItem(row, col, QTableWidgetItem(text))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.table.setWordWrap(True)
        self.table.resizeRowsToContents()
        note = QLabel(self.tr("From the audit chain: entries cannot be edited or removed."))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.resize(820, 420)

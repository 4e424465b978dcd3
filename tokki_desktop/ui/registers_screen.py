"""The registers: pick one on the left, its records on the right; add, edit, close, history.

Every register of the catalogue gets the same screen, generated from its spec. Adding is
hidden where only an officer may add (contracts, people) and closing is for officers only:
a 従事者 never sees those buttons. Clicking a column header sorts the whole register in the
ledger (not only the rows on screen); a record asked for from elsewhere (the dashboard's
findings, a save) is found by its row number under the current filters and order, one COUNT
in the background, instead of reading page after page.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from tokki_desktop.ui.problems import show_problem
from tokki_desktop.ui.record_editor import CloseRecordDialog, RecordEditor
from tokki_desktop.ui.record_history import RecordHistoryDialog
from tokki_desktop.ui.record_table import RecordTableModel, RefTitles
from tokki_desktop.ui.workspace import ScreenContext


class RegistersScreen(QWidget):
    """Every obligation register as a paged, filterable table with an editor."""

    def __init__(self, context: ScreenContext) -> None:
        super().__init__()
        from tokki_desktop.registers import SPECS

        self.setObjectName("registersScreen")
        self._context = context
        self._lang = context.lang
        self._refs = RefTitles(context.session)
        self.specs = list(SPECS.values())
        self.model: RecordTableModel | None = None
        self._target: int | None = None  # a record to select once the rows are in
        self._locating = False  # a record's row number is being worked out in the background
        self._sized = False

        self.register_list = QListWidget()
        self.register_list.setObjectName("registerList")
        self.register_list.setAccessibleName(self.tr("Registers"))
        for spec in self.specs:
            text = self.tr("Art. %1  %2").replace("%1", str(spec.article)).replace(
                "%2", spec.label_en if self._lang == "en" else spec.label_ja)
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, spec.kind)
            item.setToolTip(spec.description_en if self._lang == "en" else spec.description_ja)
            self.register_list.addItem(item)
        self.register_list.currentRowChanged.connect(self._register_chosen)

        self.title = QLabel("")
        self.title.setObjectName("screenTitle")
        self.description = QLabel("")
        self.description.setWordWrap(True)
        self.count_label = QLabel("")
        self.show_closed = QCheckBox(self.tr("Show c&losed records"))
        self.show_closed.setObjectName("showClosed")
        self.show_closed.toggled.connect(self._filters_changed)
        self.filter_box = QComboBox()
        self.filter_box.setObjectName("choiceFilter")
        self.filter_box.currentIndexChanged.connect(self._filters_changed)
        self.filter_label = QLabel("")
        self.filter_label.setBuddy(self.filter_box)
        self.search_edit = QLineEdit()
        self.search_edit.setObjectName("searchBox")
        self.search_edit.setPlaceholderText(self.tr("Search (any text field)"))
        self.search_edit.setClearButtonEnabled(True)
        search_label = QLabel(self.tr("Se&arch:"))
        search_label.setBuddy(self.search_edit)
        # Search as the user types, but only once they pause (one query, not one per key).
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(250)
        self._search_timer.timeout.connect(self._filters_changed)
        self.search_edit.textChanged.connect(lambda _t: self._search_timer.start())

        self.table = QTableView()
        self.table.setObjectName("recordTable")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSortingEnabled(True)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        # Column widths from the first rows only: measuring 1,000 rows would read 5 pages.
        self.table.horizontalHeader().setResizeContentsPrecision(60)
        self.table.doubleClicked.connect(lambda _i: self.edit_selected())
        # After a click on a header the selected record stays selected in the new order. The view
        # connected its own sorting slot in setSortingEnabled() above, so the model is already
        # re-reading when _sorted runs (slots run in the order they were connected).
        self.table.horizontalHeader().sortIndicatorChanged.connect(self._sorted)

        self.add_button = QPushButton(self.tr("&New…"))
        self.add_button.setObjectName("addButton")
        self.add_button.clicked.connect(self.add_record)
        self.edit_button = QPushButton(self.tr("&Edit…"))
        self.edit_button.setObjectName("editButton")
        self.edit_button.clicked.connect(self.edit_selected)
        self.history_button = QPushButton(self.tr("&History"))
        self.history_button.setObjectName("historyButton")
        self.history_button.clicked.connect(self.show_history)
        self.close_button = QPushButton(self.tr("Clo&se record…"))
        self.close_button.setObjectName("closeRecordButton")
        self.close_button.clicked.connect(self.close_selected)
        self.close_button.setVisible(context.is_officer)

        filters = QHBoxLayout()
        filters.addWidget(search_label)
        filters.addWidget(self.search_edit, 1)
        filters.addWidget(self.filter_label)
        filters.addWidget(self.filter_box)
        filters.addWidget(self.show_closed)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.history_button, self.close_button):
            buttons.addWidget(button)
        buttons.addStretch(1)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        title_row = QHBoxLayout()
        title_row.addWidget(self.title, 1)
        title_row.addWidget(self.count_label)
        right_layout.addLayout(title_row)
        right_layout.addWidget(self.description)
        right_layout.addLayout(filters)
        right_layout.addWidget(self.table, 1)
        right_layout.addLayout(buttons)
        split = QSplitter()
        split.addWidget(self.register_list)
        split.addWidget(right)
        split.setStretchFactor(1, 1)
        split.setSizes([230, 900])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(split)
        self.register_list.setCurrentRow(0)

    # -- choosing a register -------------------------------------------------------------------
    @property
    def spec(self) -> Any:
        """The register on display."""
        return self.specs[max(0, self.register_list.currentRow())]

    def show_register(self, kind: str) -> None:
        """Switch to register ``kind``."""
        for row, spec in enumerate(self.specs):
            if spec.kind == kind:
                self.register_list.setCurrentRow(row)
                return

    def show_target(self, kind: str, record_id: int | None = None) -> None:
        """Show register ``kind`` with record ``record_id`` selected once its rows are in."""
        self._target = int(record_id) if record_id is not None else None
        if self.model is not None and self.spec.kind == kind and not self.model.loading:
            self._loaded()  # already on screen: select now
        else:
            self.show_register(kind)

    def select_row(self, row: int) -> None:
        """Select and scroll to ``row``."""
        assert self.model is not None
        index = self.model.index(row, 0)
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self.table.scrollTo(index)

    def _register_chosen(self, row: int) -> None:
        if not 0 <= row < len(self.specs):
            return
        spec = self.specs[row]
        en = self._lang == "en"
        self.title.setText(spec.label_en if en else spec.label_ja)
        self.description.setText(spec.description_en if en else spec.description_ja)
        self.add_button.setVisible(self._context.is_officer or not spec.add_requires_officer)
        self.edit_button.setVisible(self._context.is_officer or not spec.add_requires_officer)
        self.filter_box.blockSignals(True)
        self.filter_box.clear()
        self._filter_field = next((f for f in spec.fields if f.type == "choice"), None)
        if self._filter_field is not None:
            f = self._filter_field
            self.filter_label.setText((f.label_en if en else f.label_ja) + ":")
            self.filter_box.addItem(self.tr("All"), None)
            for c in f.choices:
                self.filter_box.addItem(c.label_en if en else c.label_ja, c.value)
        self.filter_label.setVisible(self._filter_field is not None)
        self.filter_box.setVisible(self._filter_field is not None)
        self.filter_box.blockSignals(False)
        self.model = RecordTableModel(self._context.session, spec, self._lang, self._refs, self._context.runner,
                                      seireki=self._context.seireki)
        self.model.loaded.connect(self._loaded)
        self.model.failed.connect(lambda exc: show_problem(self, exc, self._lang, "listing a register"))
        self.table.setModel(self.model)
        self.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self._sized = False
        self._apply_filters()

    # -- filters ------------------------------------------------------------------------------
    def _filters_changed(self) -> None:
        if self.model is not None:
            self._apply_filters()

    @property
    def busy(self) -> bool:
        """Whether the register's rows are being read."""
        return self.model is not None and (self.model.loading or self._locating)

    def _apply_filters(self) -> None:
        assert self.model is not None
        chosen = self.filter_box.currentData() if self._filter_field is not None else None
        field = self._filter_field
        self.model.filters = {field.name: chosen} if field is not None and chosen is not None else {}
        self.model.include_closed = self.show_closed.isChecked()
        self.model.search = self.search_edit.text().strip()
        self.count_label.setText(self.tr("Reading…"))
        self.model.reload(self._context.runner)

    def _loaded(self) -> None:
        assert self.model is not None
        self.count_label.setText(self.tr("%1 records").replace("%1", f"{self.model.rowCount():,}"))
        if not self._sized and self.model.rowCount():
            self._sized = True  # widths from the first rows, once per register
            for col in range(min(self.model.columnCount(), 8)):
                self.table.resizeColumnToContents(col)
        target, self._target = self._target, None
        if target is not None:
            self._locate(target)

    def _sorted(self, _column: int, _order: Qt.SortOrder) -> None:
        index = self.table.currentIndex()
        if self.model is None or not index.isValid():
            return
        # Only from the pages in memory: a page read now would already use the new order.
        record = self.model.kept_record_at(index.row())
        if record is not None:
            self._target = int(record["id"])  # selected again once the rows are in
            if not self.model.loading:
                self._loaded()

    def _locate(self, target: int) -> None:
        """Find ``target``'s row under the current filters and order (in the background)."""
        from tokki_desktop.registers import repository

        model = self.model
        assert model is not None
        session, kind, query, generation = self._context.session, model.spec.kind, model.query(), model.generation
        self._locating = True
        self._context.runner.run_task(
            lambda: repository.position_of(session, kind, target, **query),
            lambda row, error: self._located(model, generation, target, row, error), ask_before_close=False)

    def _located(self, model: RecordTableModel, generation: int, target: int, row: Any,
                 error: BaseException | None) -> None:
        self._locating = False
        if model is not self.model or generation != model.generation:
            return  # another register, filter or order since: that reload looks for its own target
        if error is not None:
            show_problem(self, error, self._lang, "finding a record")
            return
        if row is not None:
            self.select_row(int(row))
        elif not self.show_closed.isChecked():
            self._target = target  # the record may be a closed one: look there too
            self.show_closed.setChecked(True)

    # -- actions -------------------------------------------------------------------------------
    def selected_record(self) -> dict[str, Any] | None:
        """The record of the selected row."""
        index = self.table.currentIndex()
        if self.model is None or not index.isValid():
            return None
        return self.model.record_at(index.row())

    def add_record(self) -> RecordEditor:
        """Open the editor for a new record (non-blocking)."""
        editor = RecordEditor(self._context, self.spec, None, self, refs=self._refs)
        editor.accepted.connect(lambda: self._saved(editor.saved_id))
        editor.open()
        return editor

    def edit_selected(self) -> RecordEditor | None:
        """Open the editor on the selected record (closed records are read-only: history)."""
        record = self.selected_record()
        if record is None:
            return None
        if record.get("closed_at"):
            self.show_history()
            return None
        if self.spec.add_requires_officer and not self._context.is_officer:
            self.show_history()
            return None
        editor = RecordEditor(self._context, self.spec, record, self, refs=self._refs)
        editor.accepted.connect(lambda: self._saved(editor.saved_id))
        editor.open()
        return editor

    def _saved(self, record_id: int | None) -> None:
        self._refs = RefTitles(self._context.session)  # a title may have changed
        if self.spec.kind == "contracts":
            self._context.reload_contract_settings()  # 西暦併記 may have been switched
        assert self.model is not None
        self.model.refs = self._refs
        self._target = record_id
        self._apply_filters()

    def show_history(self) -> RecordHistoryDialog | None:
        """Open the selected record's history from the audit chain."""
        record = self.selected_record()
        if record is None:
            return None
        try:
            dialog = RecordHistoryDialog(self._context, self.spec, int(record["id"]), self, refs=self._refs)
        except Exception as exc:  # noqa: BLE001
            show_problem(self, exc, self._lang, "reading a record's history")
            return None
        dialog.open()
        return dialog

    def close_selected(self) -> CloseRecordDialog | None:
        """Ask for the reason and close the selected record (officers)."""
        record = self.selected_record()
        if record is None or record.get("closed_at"):
            return None
        dialog = CloseRecordDialog(self._context, self.spec, int(record["id"]), self)
        dialog.accepted.connect(lambda: self._saved(None))
        dialog.open()
        return dialog

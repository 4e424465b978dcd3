"""A register as a table model, read from the ledger one page at a time.

Only the rows on screen are read (pages of 200, the last few pages kept), so a register of
100,000 rows opens and scrolls as fast as one of ten. Sorted by a column other than the id,
SQLite must sort the whole register for every page (50-110 ms at 100,000 rows), so with a
task runner pages are read in the background: the rows show empty for a moment and fill in
when their page arrives, and the main thread never waits for the database.
Values are shown as people read them: choice labels, はい/いいえ, 和暦 dates in Japanese
(with the western year in brackets when the contract asks for it), and a reference as its
record's title.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QColor

from tokki_desktop.ui.dates import show_date

Index = QModelIndex | QPersistentModelIndex
_ROLES = frozenset({Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.ToolTipRole})
PAGE = 200
KEPT_PAGES = 16


class RefTitles:
    """Titles of referenced records (people, contracts…), read once per register kind."""

    def __init__(self, session: Any) -> None:
        self._session = session
        self._titles: dict[str, dict[int, str]] = {}

    def title(self, kind: str, record_id: object) -> str:
        """The one-line title of record ``record_id`` of ``kind`` ('' for none)."""
        if record_id is None or record_id == "":
            return ""
        if kind not in self._titles:
            from tokki_desktop.registers import repository

            rows = repository.list_records(self._session, kind, include_closed=True)
            self._titles[kind] = {int(r["id"]): repository.title(self._session, kind, r) for r in rows}
        return self._titles[kind].get(int(str(record_id)), f"#{record_id}")


def show_value(field: Any, value: object, lang: str, refs: RefTitles, *, seireki: bool = False) -> str:
    """A stored value of ``field`` as shown in tables and history (``seireki``: 西暦併記)."""
    if value is None:
        return ""
    if field.type in ("date", "datetime"):
        return show_date(value, lang, seireki=seireki)
    if field.type == "ref" and field.ref:
        return refs.title(field.ref, value)
    if field.type == "longtext":
        text = str(value).replace("\n", " ")
        return text if len(text) <= 80 else text[:79] + "…"
    return field.display(value, lang)


class RecordTableModel(QAbstractTableModel):
    """Rows of one register: id, its fields (the contract column left out), and whether closed."""

    loaded = Signal()  # new rows are in (after a reload)
    failed = Signal(object)  # the reload raised (a known error or a bug)
    page_arrived = Signal(int)  # a page read in the background is in (its number)

    def __init__(self, session: Any, spec: Any, lang: str, refs: RefTitles | None = None,
                 runner: Any = None, *, seireki: Any = None) -> None:
        super().__init__()
        self.session = session
        self.spec = spec
        self._lang = lang
        self.refs = refs or RefTitles(session)
        # 西暦併記 per contract id (callable), so each row follows its own contract's setting.
        self._seireki = seireki or (lambda _contract_id: False)
        self.fields = [f for f in spec.fields if f.name != "contract_id"]
        self.runner: Any = runner  # a TaskRunner: reloads (and pages) are read in the background
        self.include_closed = False
        self.order_by: str | None = None  # a column of the spec; None: the id
        self.descending = False
        self.filters: dict[str, object] = {}
        self.search = ""
        self._count = 0
        self._generation = 0
        self.loading = False
        self._pages: OrderedDict[int, list[dict[str, Any]]] = OrderedDict()
        self._requested: set[int] = set()  # pages being read in the background
        self._wanted: set[int] = set()  # pages asked for during this paint, read together after it
        if runner is None:
            self.reload()  # no runner: read now (the caller filters and reloads otherwise)

    @property
    def newest_first(self) -> bool:
        """Whether the rows run from the highest id down (the id column sorted descending)."""
        return self.order_by is None and self.descending

    @property
    def generation(self) -> int:
        """A number that changes with every reload (filters, order, a write)."""
        return self._generation

    def _contract_of(self, record: dict[str, Any]) -> object:
        """The contract whose settings a row follows (a contract follows its own)."""
        return record.get("id") if self.spec.kind == "contracts" else record.get("contract_id")

    def query(self) -> dict[str, Any]:
        """The filters and order of the rows on screen, as the repository takes them."""
        return {"filters": dict(self.filters), "include_closed": self.include_closed,
                "search": self.search or None, "order_by": self.order_by, "descending": self.descending}

    def column_field(self, column: int) -> str | None:
        """The column of the ledger behind table column ``column`` (None: the id)."""
        if 1 <= column <= len(self.fields):
            return self.fields[column - 1].name
        if column == len(self.fields) + 1:
            return "closed_at"
        return None

    def column_of(self, name: str | None) -> int:
        """The table column showing ledger column ``name`` (0, the id, for None)."""
        if name == "closed_at":
            return len(self.fields) + 1
        names = [f.name for f in self.fields]
        return 1 + names.index(name) if name in names else 0

    # -- loading -----------------------------------------------------------------------------
    def reload(self, runner: Any = None) -> None:
        """Count again and forget cached pages (after a write or a filter change).

        With a ``runner`` (TaskRunner) the count and the first page are read in the background
        (counting 100,000 rows takes ~40 ms, a text search ~90 ms); ``loaded`` is emitted when
        the new rows are in. A newer reload makes an older one's answer irrelevant.
        """
        from tokki_desktop.registers import repository

        self._generation += 1
        generation = self._generation
        session, kind, query = self.session, self.spec.kind, self.query()

        def read() -> tuple[int, list[dict[str, Any]]]:
            count = repository.count_records(session, kind, filters=query["filters"],
                                             include_closed=query["include_closed"], search=query["search"])
            first = repository.list_records(session, kind, offset=0, limit=PAGE, **query) if count else []
            return count, first

        if runner is None:
            self._reloaded(generation, read(), None)
            return
        self.loading = True
        runner.run_task(read, lambda result, error: self._reloaded(generation, result, error),
                        ask_before_close=False, owner=self)

    def _reloaded(self, generation: int, result: Any, error: BaseException | None) -> None:
        if generation != self._generation:
            return  # superseded by a newer filter or write
        self.loading = False
        if error is not None:
            self.failed.emit(error)
            return
        count, first = result
        self.beginResetModel()
        self._pages.clear()
        self._requested.clear()
        self._wanted.clear()
        self._count = count
        if first:
            self._pages[0] = first
        self.endResetModel()
        self.loaded.emit()

    def _keep(self, number: int, rows: list[dict[str, Any]]) -> None:
        self._pages[number] = rows
        while len(self._pages) > KEPT_PAGES:
            self._pages.popitem(last=False)

    def _page(self, number: int) -> list[dict[str, Any]]:
        """Page ``number``, read now if it is not cached (actions that need the record)."""
        if number in self._pages:
            self._pages.move_to_end(number)
            return self._pages[number]
        from tokki_desktop.registers import repository

        rows = repository.list_records(self.session, self.spec.kind, offset=number * PAGE, limit=PAGE,
                                       **self.query())
        self._keep(number, rows)
        return rows

    def _page_for_display(self, number: int) -> list[dict[str, Any]] | None:
        """Page ``number`` if cached; otherwise ask for it in the background and return None."""
        if number in self._pages:
            self._pages.move_to_end(number)
            return self._pages[number]
        if self.runner is None:
            return self._page(number)
        if number not in self._requested:
            self._requested.add(number)
            if not self._wanted:
                # Once the paint that asks for rows is over: the rows on screen usually span two
                # pages, and sorted by a column each read sorts the whole register, so adjacent
                # pages are read in one query.
                QTimer.singleShot(0, self, self._read_wanted)
            self._wanted.add(number)
        return None

    def _read_wanted(self) -> None:
        from tokki_desktop.registers import repository

        wanted, self._wanted = sorted(self._wanted), set()
        runs: list[list[int]] = []
        for number in wanted:
            if runs and runs[-1][-1] == number - 1:
                runs[-1].append(number)
            else:
                runs.append([number])
        generation, session, kind, query = self._generation, self.session, self.spec.kind, self.query()
        for run in runs:
            first, count = run[0], len(run)
            self.runner.run_task(
                lambda first=first, count=count: repository.list_records(
                    session, kind, offset=first * PAGE, limit=count * PAGE, **query),
                lambda rows, error, first=first, count=count: self._pages_read(generation, first, count, rows, error),
                ask_before_close=False)

    def _pages_read(self, generation: int, first: int, count: int, rows: Any, error: BaseException | None) -> None:
        if generation != self._generation:
            return  # the filters or the order changed meanwhile: these rows are stale
        for number in range(first, first + count):
            self._requested.discard(number)
        if error is not None:
            self.failed.emit(error)
            return
        for k in range(count):
            self._keep(first + k, rows[k * PAGE:(k + 1) * PAGE])
        top, bottom = first * PAGE, min(self._count, (first + count) * PAGE) - 1
        if bottom >= top:
            self.dataChanged.emit(self.index(top, 0), self.index(bottom, self.columnCount() - 1))
        for number in range(first, first + count):
            self.page_arrived.emit(number)

    def record_at(self, row: int) -> dict[str, Any] | None:
        """The full record shown on ``row`` (None past the end); reads its page if needed."""
        if not 0 <= row < self._count:
            return None
        page = self._page(row // PAGE)
        offset = row % PAGE
        return page[offset] if offset < len(page) else None

    def cached_record_at(self, row: int) -> dict[str, Any] | None:
        """The record on ``row`` if its page is in; otherwise None (its page is asked for)."""
        if not 0 <= row < self._count:
            return None
        page = self._page_for_display(row // PAGE)
        offset = row % PAGE
        return page[offset] if page is not None and offset < len(page) else None

    def kept_record_at(self, row: int) -> dict[str, Any] | None:
        """The record on ``row`` if its page is in memory; never reads the ledger."""
        page = self._pages.get(row // PAGE) if 0 <= row < self._count else None
        offset = row % PAGE
        return page[offset] if page is not None and offset < len(page) else None

    def row_of(self, record_id: int) -> int | None:
        """The row showing ``record_id`` under the current filters and order (one COUNT query)."""
        from tokki_desktop.registers import repository

        return repository.position_of(self.session, self.spec.kind, int(record_id), **self.query())

    # -- Qt model ----------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.fields) + 2

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if section == 0:
            return "ID"
        if section == len(self.fields) + 1:
            return self.tr("Closed")
        f = self.fields[section - 1]
        return f.label_en if self._lang == "en" else f.label_ja

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        # A paint asks each cell for ~9 roles; answer the six this model has no use for at once.
        if role not in _ROLES or not index.isValid():
            return None
        record = self.cached_record_at(index.row())
        if record is None:
            return None
        col = index.column()
        closed = bool(record.get("closed_at"))
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return str(record["id"])
            if col == len(self.fields) + 1:
                return self.tr("closed") if closed else ""
            f = self.fields[col - 1]
            return show_value(f, record.get(f.name), self._lang, self.refs,
                              seireki=f.type in ("date", "datetime") and self._seireki(self._contract_of(record)))
        if role == Qt.ItemDataRole.ForegroundRole and closed:
            return QBrush(QColor("#6b6b6b"))
        if role == Qt.ItemDataRole.ToolTipRole and closed:
            return self.tr("Closed: %1").replace("%1", str(record.get("close_reason") or ""))
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Order by the clicked column in the ledger (ties by id), not just the rows on screen.

        Choices sort by their stored code and references by the referenced id: the order the
        ledger can give page by page without reading every row.
        """
        name = self.column_field(column)
        descending = order == Qt.SortOrder.DescendingOrder
        if (name, descending) != (self.order_by, self.descending):
            self.order_by, self.descending = name, descending
            self.reload(self.runner)

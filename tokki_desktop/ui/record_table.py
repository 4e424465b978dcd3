"""A register as a table model, read from the ledger one page at a time.

Only the rows on screen are read (pages of 200, the last few pages kept), so a register of
100,000 rows opens and scrolls as fast as one of ten. Values are shown as people read them:
choice labels, はい/いいえ, 和暦 dates in Japanese, and a reference as its record's title.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor

from tokki_desktop.ui.dates import show_date

Index = QModelIndex | QPersistentModelIndex
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


def show_value(field: Any, value: object, lang: str, refs: RefTitles) -> str:
    """A stored value of ``field`` as shown in tables and history."""
    if value is None:
        return ""
    if field.type in ("date", "datetime"):
        return show_date(value, lang)
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

    def __init__(self, session: Any, spec: Any, lang: str, refs: RefTitles | None = None,
                 runner: Any = None) -> None:
        super().__init__()
        self.session = session
        self.spec = spec
        self._lang = lang
        self.refs = refs or RefTitles(session)
        self.fields = [f for f in spec.fields if f.name != "contract_id"]
        self.runner: Any = runner  # a TaskRunner: reloads run in the background
        self.include_closed = False
        self.newest_first = False
        self.filters: dict[str, object] = {}
        self.search = ""
        self._count = 0
        self._generation = 0
        self.loading = False
        self._pages: OrderedDict[int, list[dict[str, Any]]] = OrderedDict()
        if runner is None:
            self.reload()  # no runner: read now (the caller filters and reloads otherwise)

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
        session, kind, filters = self.session, self.spec.kind, dict(self.filters)
        closed, search, newest = self.include_closed, self.search or None, self.newest_first

        def read() -> tuple[int, list[dict[str, Any]]]:
            count = repository.count_records(session, kind, filters=filters, include_closed=closed, search=search)
            first = repository.list_records(session, kind, filters=filters, include_closed=closed, offset=0,
                                            limit=PAGE, newest_first=newest, search=search) if count else []
            return count, first

        if runner is None:
            self._reloaded(generation, read(), None)
            return
        self.loading = True
        runner.run_task(read, lambda result, error: self._reloaded(generation, result, error),
                        ask_before_close=False)

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
        self._count = count
        if first:
            self._pages[0] = first
        self.endResetModel()
        self.loaded.emit()

    def _page(self, number: int) -> list[dict[str, Any]]:
        if number in self._pages:
            self._pages.move_to_end(number)
            return self._pages[number]
        from tokki_desktop.registers import repository

        rows = repository.list_records(
            self.session, self.spec.kind, filters=self.filters, include_closed=self.include_closed,
            offset=number * PAGE, limit=PAGE, newest_first=self.newest_first, search=self.search or None,
        )
        self._pages[number] = rows
        while len(self._pages) > KEPT_PAGES:
            self._pages.popitem(last=False)
        return rows

    def record_at(self, row: int) -> dict[str, Any] | None:
        """The full record shown on ``row`` (None past the end)."""
        if not 0 <= row < self._count:
            return None
        page = self._page(row // PAGE)
        offset = row % PAGE
        return page[offset] if offset < len(page) else None

    def row_of(self, record_id: int) -> int | None:
        """The row showing ``record_id`` among the loaded pages, or found by scanning pages."""
        for row in range(self._count):
            record = self.record_at(row)
            if record is not None and int(record["id"]) == record_id:
                return row
        return None

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
        if not index.isValid():
            return None
        record = self.record_at(index.row())
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
            return show_value(f, record.get(f.name), self._lang, self.refs)
        if role == Qt.ItemDataRole.ForegroundRole and closed:
            return QBrush(QColor("#6b6b6b"))
        if role == Qt.ItemDataRole.ToolTipRole and closed:
            return self.tr("Closed: %1").replace("%1", str(record.get("close_reason") or ""))
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Order by record number (the ledger keeps entry order; other columns keep it too)."""
        newest = order == Qt.SortOrder.DescendingOrder
        if newest != self.newest_first:
            self.newest_first = newest
            self.reload(self.runner)

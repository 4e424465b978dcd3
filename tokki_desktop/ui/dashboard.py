"""The dashboard: the compliance status of every article, as a table and as a small chart.

The compliance engine reads every register, so it runs in the background; the screen shows
"checking…" meanwhile. It is never left showing an old green: whenever the ledger changed
since the last evaluation (a record saved on another screen, a detection of the monitor, a
second window or process), the head of the audit chain moved, and the dashboard evaluates
again; until then the statuses read "re-checking", not their old colours. Status is colour *and* a symbol *and* a word. A finding's evidence
is one double-click away: it opens the register screen on that record.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QRectF,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QPainter, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tokki_desktop.ui.appearance import STATUS_COLOURS, STATUS_STRONG, STATUS_SYMBOLS
from tokki_desktop.ui.dates import show_date
from tokki_desktop.ui.problems import show_problem
from tokki_desktop.ui.workspace import ScreenContext

Index = QModelIndex | QPersistentModelIndex


def severity_text(severity: str, lang: str) -> str:
    """``✖ 違反`` / ``✖ violation``: symbol plus word, never colour alone."""
    from tokki_desktop.registers.compliance.model import SEVERITY_LABELS

    ja, en = SEVERITY_LABELS.get(severity, (severity, severity))
    return f"{STATUS_SYMBOLS.get(severity, '')} {en if lang == 'en' else ja}".strip()


class ArticleTableModel(QAbstractTableModel):
    """One row per article: number, heading, status, open findings, what to do first, due."""

    def __init__(self, lang: str, parent: QWidget | None = None, seireki: Any = None) -> None:
        super().__init__(parent)
        self._lang = lang
        # 西暦併記 of a finding's contract (callable: contract id or None → bool).
        self._seireki = seireki or (lambda _contract_id=None: False)
        self.articles: list[Any] = []  # ArticleStatus
        self.stale = False  # the ledger changed after these statuses were evaluated
        self._headers = [
            self.tr("Article"), self.tr("Heading"), self.tr("Status"), self.tr("Open"),
            self.tr("Most urgent"), self.tr("Due"),
        ]

    def set_articles(self, articles: list[Any]) -> None:
        """Replace the rows (after an evaluation)."""
        self.beginResetModel()
        self.articles = articles
        self.stale = False
        self.endResetModel()

    def set_stale(self) -> None:
        """The ledger changed: stop showing these statuses as current until the next evaluation."""
        self.stale = True
        if self.articles:
            self.dataChanged.emit(self.index(0, 2), self.index(len(self.articles) - 1, 3))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.articles)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        article = self.articles[index.row()]
        col = index.column()
        status = article.status if article.checked and not self.stale else None
        if role == Qt.ItemDataRole.DisplayRole:
            urgent = article.most_urgent
            if col == 0:
                return self.tr("Art. %1").replace("%1", str(article.article))
            if col == 1:
                return article.title_en if self._lang == "en" else article.title_ja
            if col == 2:
                if article.checked and self.stale:
                    return self.tr("re-checking…")
                return severity_text(status, self._lang) if status else self.tr("not checked")
            if col == 3:
                return str(article.open_count) if article.checked and not self.stale else ""
            if col == 4:
                if article.unregistered:
                    return article.todo(self._lang)
                return urgent.shown(self._lang) if urgent and urgent.severity != "ok" else ""
            if col == 5:
                return (show_date(urgent.due, self._lang, seireki=self._seireki(urgent.contract_id))
                        if urgent else "")
        if role == Qt.ItemDataRole.BackgroundRole and col == 2 and status:
            return QBrush(STATUS_COLOURS[status])
        if role == Qt.ItemDataRole.ForegroundRole and col == 2 and status:
            return QBrush(QColor("#000000"))  # dark text on the light status colours, any theme
        if role == Qt.ItemDataRole.ToolTipRole and col == 4 and article.most_urgent:
            return article.most_urgent.next_action(self._lang)
        return None


class FindingsChart(QWidget):
    """Open findings per article as a bar chart, each bar in its article's status colour."""

    article_clicked = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findingsChart")
        self.articles: list[Any] = []
        self.setMinimumHeight(110)
        self.setMaximumHeight(170)  # a compact picture: the table stays the main view
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setAccessibleName(self.tr("Open findings by article"))
        self.setToolTip(self.tr("Open findings by article: click a bar to see that article"))

    def set_articles(self, articles: list[Any]) -> None:
        """Redraw for a new evaluation."""
        self.articles = articles
        self.update()

    def _bars(self) -> list[tuple[QRectF, Any]]:
        if not self.articles:
            return []
        top, bottom = 18.0, float(self.height() - 20)
        slot = self.width() / len(self.articles)
        peak = max([a.open_count for a in self.articles] + [1])
        bars = []
        for i, article in enumerate(self.articles):
            height = (bottom - top) * article.open_count / peak
            bars.append((QRectF(i * slot + slot * 0.15, bottom - height, slot * 0.7, height), article))
        return bars

    def paintEvent(self, _event: object) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        text_pen = QPen(self.palette().windowText().color())
        bottom = self.height() - 20
        slot = self.width() / max(1, len(self.articles))
        painter.setPen(QPen(self.palette().mid().color()))
        painter.drawLine(0, bottom, self.width(), bottom)
        for rect, article in self._bars():
            status = article.status if article.checked else "ok"
            if article.open_count:
                painter.fillRect(rect, STATUS_STRONG[status])
                painter.setPen(text_pen)
                painter.drawText(QRectF(rect.x() - 4, rect.y() - 16, rect.width() + 8, 14),
                                 Qt.AlignmentFlag.AlignCenter, str(article.open_count))
            painter.setPen(text_pen)
            painter.drawText(QRectF(rect.center().x() - slot / 2, bottom + 2, slot, 16),
                             Qt.AlignmentFlag.AlignCenter, str(article.article))
        painter.end()

    def mousePressEvent(self, event: Any) -> None:
        """A click on (or under) a bar selects that article."""
        slot = self.width() / max(1, len(self.articles))
        i = int(event.position().x() // slot) if self.articles else -1
        if 0 <= i < len(self.articles):
            self.article_clicked.emit(self.articles[i].article)


WATCH_INTERVAL_MS = 2000


class DashboardScreen(QWidget):
    """Compliance by article: table, chart, and the selected article's findings."""

    def __init__(self, context: ScreenContext) -> None:
        super().__init__()
        self.setObjectName("dashboardScreen")
        self._context = context
        self._lang = context.lang
        self.report: Any = None
        self._busy = False
        self._evaluated_head: int | None = None  # audit chain head the shown report was read at
        self._polling = False
        # How often a visible dashboard asks whether the ledger moved (one indexed read, in the
        # background): changes from the monitor or another process show within this time.
        self._watch = QTimer(self)
        self._watch.setInterval(WATCH_INTERVAL_MS)
        self._watch.timeout.connect(self.check_for_changes)

        title = QLabel(self.tr("Compliance by article"))
        title.setObjectName("screenTitle")
        self.as_of = QLabel("")
        self.as_of.setObjectName("asOf")
        self.refresh_button = QPushButton(self.tr("&Check again"))
        self.refresh_button.setObjectName("refreshButton")
        self.refresh_button.clicked.connect(self.refresh)
        head = QHBoxLayout()
        head.addWidget(title)
        head.addStretch(1)
        head.addWidget(self.as_of)
        head.addWidget(self.refresh_button)

        self.model = ArticleTableModel(self._lang, self, seireki=context.seireki)
        self.table = QTableView()
        self.table.setObjectName("articleTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().currentRowChanged.connect(lambda cur, _prev: self._show_findings(cur.row()))

        self.chart = FindingsChart()
        self.chart.article_clicked.connect(self.select_article)

        self.findings = QTableWidget(0, 4)
        self.findings.setObjectName("findingsTable")
        self.findings.setHorizontalHeaderLabels(
            [self.tr("Status"), self.tr("Finding"), self.tr("What to do"), self.tr("Records")]
        )
        self.findings.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.findings.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.findings.verticalHeader().setVisible(False)
        self.findings.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.findings.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.findings.setWordWrap(True)
        self.findings.itemActivated.connect(lambda item: self.open_evidence(item.row()))
        hint = QLabel(self.tr("Double-click a finding (or press Enter) to open its record."))
        hint.setWordWrap(True)

        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.findings)
        lower_layout.addWidget(hint)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(self.chart)
        split.addWidget(lower)
        split.setStretchFactor(0, 6)
        split.setStretchFactor(1, 1)
        split.setStretchFactor(2, 2)

        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(split, 1)
        self._shown_findings: list[Any] = []
        self.refresh()

    @property
    def busy(self) -> bool:
        """Whether an evaluation is running."""
        return self._busy

    def refresh(self) -> None:
        """Evaluate the ledger again (in the background)."""
        if self._busy:
            return
        self._busy = True
        self.refresh_button.setEnabled(False)
        self.as_of.setText(self.tr("Checking…"))
        from tokki_desktop.registers.compliance import evaluate

        session = self._context.session

        def head_and_report() -> tuple[int, Any]:
            # The head first: a change made while evaluating moves it again → evaluated again.
            return session.ledger.audit_head()[0], evaluate(session)

        self._context.runner.run_task(head_and_report, self._evaluated, what=self.tr("checking compliance"))

    def showEvent(self, event: Any) -> None:
        """Coming back to the dashboard: evaluate again if anything changed meanwhile."""
        super().showEvent(event)
        self._watch.start()
        self.check_for_changes()

    def hideEvent(self, event: Any) -> None:
        super().hideEvent(event)
        self._watch.stop()

    def check_for_changes(self) -> None:
        """Ask (in the background) whether the ledger changed since the shown evaluation."""
        if self._busy or self._polling or self._evaluated_head is None:
            return
        self._polling = True
        ledger = self._context.session.ledger
        self._context.runner.run_task(lambda: ledger.audit_head()[0], self._head_read, ask_before_close=False)

    def _head_read(self, head: Any, error: BaseException | None) -> None:
        self._polling = False
        if error is None and head != self._evaluated_head:
            self.model.set_stale()
            self.refresh()

    def _evaluated(self, result: Any, error: BaseException | None) -> None:
        self._busy = False
        self.refresh_button.setEnabled(True)
        if error is not None:
            self.as_of.setText("")
            show_problem(self, error, self._lang, "evaluating compliance")
            return
        self._evaluated_head, report = result
        self.report = report
        articles = list(report.articles.values())
        self.model.set_articles(articles)
        self.chart.set_articles(articles)
        self.as_of.setText(self.tr("As of %1").replace("%1", show_date(report.generated_at, self._lang,
                                                                          seireki=self._context.seireki())))
        worst = next((i for i, a in enumerate(articles) if a.open_count), 0)
        self.table.selectRow(worst)

    def select_article(self, number: int) -> None:
        """Select an article's row (the chart's bars call this)."""
        for row, article in enumerate(self.model.articles):
            if article.article == number:
                self.table.selectRow(row)
                return

    def _show_findings(self, row: int) -> None:
        if not 0 <= row < len(self.model.articles):
            return
        article = self.model.articles[row]
        shown = [f for f in article.findings if f.severity != "ok"]
        self._shown_findings = shown
        if article.unregistered:  # no finding to list: say what to register, and where
            self.findings.setRowCount(1)
            todo = QTableWidgetItem(article.todo(self._lang))
            cells = [QTableWidgetItem(severity_text("unregistered", self._lang)), todo, QTableWidgetItem(""),
                     QTableWidgetItem("")]
            cells[0].setBackground(STATUS_COLOURS["unregistered"])
            cells[0].setForeground(QColor("#000000"))
            for col, item in enumerate(cells):
                self.findings.setItem(0, col, item)
            self.findings.resizeRowsToContents()
            return
        self.findings.setRowCount(len(shown))
        for i, finding in enumerate(shown):
            records = ", ".join(r.title or f"#{r.id}" for r in finding.refs)
            cells = (severity_text(finding.severity, self._lang), finding.shown(self._lang),
                     finding.next_action(self._lang), records)
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if col == 0:
                    item.setBackground(STATUS_COLOURS[finding.severity])
                    item.setForeground(QColor("#000000"))
                self.findings.setItem(i, col, item)
        self.findings.resizeRowsToContents()

    def open_evidence(self, row: int) -> None:
        """Open the register screen on the first record behind finding ``row``."""
        if 0 <= row < len(self._shown_findings) and self._shown_findings[row].refs:
            ref = self._shown_findings[row].refs[0]
            self._context.open_screen("registers", kind=ref.kind, record_id=ref.id)

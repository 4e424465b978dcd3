"""Forms: pick a form (and its record), preview it, save it as PDF, print it.

Making a form and drawing its pages run on the thread pool, so the window never freezes;
the preview is kept in memory. Saving goes through the forms part (which audits it);
printing is audited here as a ledger event.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPainter, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from tokki_desktop.ui.form_preview import Preview, make_preview, page_images
from tokki_desktop.ui.problems import show_problem
from tokki_desktop.ui.shown_path import shown_path
from tokki_desktop.ui.workspace import ScreenContext

PRINT_DPI = 300.0


FIT_WIDTH, FIT_PAGE = "fit_width", "fit_page"
ZOOM_PERCENTS = (50, 75, 100, 125, 150, 200)
# Pages are drawn once at this resolution and scaled for the zoom: crisp up to about 150 %.
PREVIEW_DPI = 144.0

class FormsScreen(QWidget):
    """Every printable form of the provisions, filled from the ledger."""

    def __init__(self, context: ScreenContext) -> None:
        super().__init__()
        self._record_titles: dict[int, str] = {}  # record id → its one-line title (file names)
        self._page_labels: list[QLabel] = []  # the pages of the preview shown
        from tokki_desktop.forms import list_forms

        self.setObjectName("formsScreen")
        self._context = context
        self._lang = context.lang
        # The recovery-key sheet is printed only once, when the ledger is created.
        self.forms = [f for f in list_forms() if not f.needs_secret]
        self.preview: Preview | None = None
        self._busy = False
        self.last_saved: Path | None = None

        self.form_list = QListWidget()
        self.form_list.setObjectName("formList")
        self.form_list.setAccessibleName(self.tr("Forms"))
        for info in self.forms:
            # Form names and article references are the official Japanese ones in both languages
            # (the English summary is the tooltip and the screen's subtitle).
            item = QListWidgetItem(f"{info.article}  {info.menu_title}")
            item.setToolTip(info.summary_en if self._lang == "en" else info.menu_title)
            self.form_list.addItem(item)
        self.form_list.currentRowChanged.connect(self._form_chosen)

        self.title = QLabel("")
        self.title.setObjectName("screenTitle")
        self.summary = QLabel("")
        self.summary.setWordWrap(True)
        self.record_box = QComboBox()
        self.record_box.setObjectName("recordBox")
        self.record_box.setMinimumContentsLength(24)
        self.record_label = QLabel(self.tr("&Record:"))
        self.record_label.setBuddy(self.record_box)
        self.preview_button = QPushButton(self.tr("&Preview"))
        self.preview_button.setObjectName("previewButton")
        self.preview_button.clicked.connect(self.make_preview)
        self.save_button = QPushButton(self.tr("&Save PDF…"))
        self.save_button.setObjectName("saveButton")
        self.save_button.clicked.connect(self.ask_save)
        self.print_button = QPushButton(self.tr("P&rint…"))
        self.print_button.setObjectName("printButton")
        self.print_button.clicked.connect(self.ask_print)
        self.status = QLabel("")
        self.status.setObjectName("formStatus")
        self.status.setWordWrap(True)

        self.pages_holder = QWidget()
        self.pages_layout = QVBoxLayout(self.pages_holder)
        self.pages_layout.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.preview_area = QScrollArea()
        self.preview_area.setObjectName("previewArea")
        self.preview_area.setWidget(self.pages_holder)
        self.preview_area.setWidgetResizable(True)

        # Zoom of the preview: fit the width (the default: nothing is cut off on the right),
        # the whole page, or a fixed size; remembered for the next time.
        self.zoom_box = QComboBox()
        self.zoom_box.setObjectName("zoomBox")
        for key, label in ((FIT_WIDTH, self.tr("Fit width")), (FIT_PAGE, self.tr("Whole page")),
                           *((str(p), f"{p} %") for p in ZOOM_PERCENTS)):
            self.zoom_box.addItem(label, key)
        zoom_label = QLabel(self.tr("&Zoom:"))
        zoom_label.setBuddy(self.zoom_box)
        self.zoom_box.setCurrentIndex(max(0, self.zoom_box.findData(self._remembered_zoom())))
        self.zoom_box.currentIndexChanged.connect(self._zoom_chosen)

        pick = QHBoxLayout()
        pick.addWidget(self.record_label)
        pick.addWidget(self.record_box, 1)
        pick.addWidget(self.preview_button)
        pick.addWidget(self.save_button)
        pick.addWidget(self.print_button)
        pick.addWidget(zoom_label)
        pick.addWidget(self.zoom_box)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.title)
        right_layout.addWidget(self.summary)
        right_layout.addLayout(pick)
        right_layout.addWidget(self.status)
        right_layout.addWidget(self.preview_area, 1)
        split = QSplitter()
        split.addWidget(self.form_list)
        split.addWidget(right)
        split.setStretchFactor(1, 1)
        split.setSizes([280, 800])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(split)
        self.form_list.setCurrentRow(0)

    @property
    def busy(self) -> bool:
        """Whether a form is being made or printed."""
        return self._busy

    @property
    def form(self) -> Any:
        """The chosen form (FormInfo)."""
        return self.forms[max(0, self.form_list.currentRow())]

    def choose(self, form_id: str, record_id: int | None = None) -> None:
        """Select a form (and a record) as if clicked."""
        for row, info in enumerate(self.forms):
            if info.id == form_id:
                self.form_list.setCurrentRow(row)
        if record_id is not None:
            self.record_box.setCurrentIndex(max(0, self.record_box.findData(record_id)))

    def show_target(self, form_id: str, record_id: int | None = None) -> None:
        """Open on ``form_id`` (other screens send the user here, e.g. the checkpoint sheet)."""
        self.choose(form_id, record_id)

    def _form_chosen(self, row: int) -> None:
        if not 0 <= row < len(self.forms):
            return
        from tokki_desktop.forms import record_choices

        info = self.forms[row]
        self.title.setText(info.menu_title)
        self.summary.setText(info.summary_en if self._lang == "en" else "")
        self.summary.setVisible(self._lang == "en")
        self.record_box.clear()
        if info.per_record:
            try:
                choices = record_choices(self._context.session, info.id)
            except Exception as exc:  # noqa: BLE001
                show_problem(self, exc, self._lang, "listing records for a form")
                choices = []
            self._record_titles = {int(record_id): str(title) for record_id, title in choices}
            for record_id, title in choices:
                self.record_box.addItem(f"{title} (ID {record_id})", record_id)
        self.record_label.setVisible(info.per_record)
        self.record_box.setVisible(info.per_record)
        self._clear_pages()
        self.preview = None
        self._update_buttons()
        if info.per_record and self.record_box.count() == 0:
            self.status.setText(self.tr("No record for this form yet: add one in the registers first."))
        else:
            self.status.setText("")

    def _record_id(self) -> int | None:
        return self.record_box.currentData() if self.form.per_record else None

    def _update_buttons(self) -> None:
        ready = not self._busy and (not self.form.per_record or self.record_box.count() > 0)
        self.preview_button.setEnabled(ready)
        self.save_button.setEnabled(ready)
        self.print_button.setEnabled(ready)

    def _set_busy(self, busy: bool, text: str = "") -> None:
        self._busy = busy
        self.status.setText(text)
        self._update_buttons()

    def _clear_pages(self) -> None:
        while self.pages_layout.count():
            item = self.pages_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()

    # -- preview -------------------------------------------------------------------------------
    def make_preview(self) -> None:
        """Make the form in memory and show its pages (in the background)."""
        if self._busy:
            return
        session, form_id, record_id = self._context.session, self.form.id, self._record_id()
        self._set_busy(True, self.tr("Making the form…"))
        self._context.runner.run_task(lambda: make_preview(session, form_id, record_id, dpi=PREVIEW_DPI),
                                      self._previewed,
                                      what=self.tr("making a form"))

    def _previewed(self, preview: Preview | None, error: BaseException | None) -> None:
        self._set_busy(False)
        if error is not None or preview is None:
            show_problem(self, error or RuntimeError("no preview"), self._lang, "making a form")
            return
        self.preview = preview
        self._clear_pages()
        self._page_labels = []
        for number, _image in enumerate(preview.pages, start=1):
            page = QLabel()
            self._page_labels.append(page)
            page.setObjectName(f"page{number}")
            page.setFrameShape(QLabel.Shape.Box)
            page.setAccessibleName(self.tr("Page %1").replace("%1", str(number)))
            self.pages_layout.addWidget(page)
        self._show_pages()
        notes = [self.tr("%1 page(s).").replace("%1", str(len(preview.pages)))]
        if preview.missing:
            notes.append(self.tr("Not filled in (printed as ※未記入): %1").replace("%1", "、".join(preview.missing)))
        if preview.unsupported:
            notes.append(self.tr("Characters the font cannot print (shown as 〓): %1")
                         .replace("%1", ", ".join(preview.unsupported)))
        self.status.setText(" ".join(notes))

    # -- zoom ----------------------------------------------------------------------------------
    def _remembered_zoom(self) -> str:
        from tokki_desktop.ui.desktop import ui_settings

        value = ui_settings(Path(self._context.session.data_dir)).value("preview_zoom")
        return str(value) if value else FIT_WIDTH

    def _zoom_chosen(self) -> None:
        from tokki_desktop.ui.desktop import ui_settings

        ui_settings(Path(self._context.session.data_dir)).setValue("preview_zoom", self.zoom_box.currentData())
        self._show_pages()

    def page_scale(self, image: Any) -> float:
        """How much the page image is scaled for the chosen zoom (1.0 = as rendered)."""
        key = str(self.zoom_box.currentData())
        view = self.preview_area.viewport().size()
        margin = 2 * (self.pages_layout.contentsMargins().left() + 4)
        if not self.preview_area.verticalScrollBar().isVisible():
            # A fitted tall page brings the vertical scroll bar, which narrows the view.
            margin += self.preview_area.verticalScrollBar().sizeHint().width()
        if key == FIT_WIDTH:
            return max(0.05, (view.width() - margin) / image.width())
        if key == FIT_PAGE:
            return max(0.05, min((view.width() - margin) / image.width(), (view.height() - margin) / image.height()))
        return int(key) / 100 * 96.0 / PREVIEW_DPI  # 100 % is the paper's size on a 96 dpi screen

    def _show_pages(self) -> None:
        if getattr(self, "preview", None) is None:
            return
        # The labels of this preview (by name, a page of the previous one, not yet deleted,
        # could answer first).
        for page, image in zip(self._page_labels, self.preview.pages):
            scale = self.page_scale(image)
            size = image.size() * scale
            page.setPixmap(QPixmap.fromImage(image.scaled(size, Qt.AspectRatioMode.KeepAspectRatio,
                                                          Qt.TransformationMode.SmoothTransformation)))

    def resizeEvent(self, event: Any) -> None:  # noqa: N802 - Qt's name
        """A fitted page follows the window's size."""
        super().resizeEvent(event)
        if hasattr(self, "zoom_box") and str(self.zoom_box.currentData()) in (FIT_WIDTH, FIT_PAGE):
            self._show_pages()

    # -- save ----------------------------------------------------------------------------------
    def ask_save(self) -> None:
        """Ask where to save the PDF, then save it (in the background)."""
        suggested = self.suggested_file_name()
        path, _filter = QFileDialog.getSaveFileName(self, self.tr("Save the form as PDF"),
                                                    str(Path.home() / suggested), self.tr("PDF files (*.pdf)"))
        if path:
            self.save_to(Path(path))

    def suggested_file_name(self) -> str:
        """誓約書_山田太郎_令和8年11月26日.pdf: the printed title, the record, today."""
        from tokki_desktop.ui.file_names import suggested_name

        record = ""
        if self.form.per_record and self.record_box.currentIndex() >= 0:
            record = self._record_titles.get(self._record_id(), "")
        return suggested_name(self.form.title, record, self._context.session.clock.now().date(), lang=self._lang)

    def save_to(self, path: Path) -> None:
        """Write the form to ``path`` through the forms part (audited as a rendered form)."""
        if self._busy:
            return
        from tokki_desktop.forms import render

        if path.suffix.lower() != ".pdf":
            path = path.with_suffix(".pdf")
        session, form_id, record_id = self._context.session, self.form.id, self._record_id()
        self._set_busy(True, self.tr("Saving…"))
        self._context.runner.run_task(lambda: render(session, form_id, record_id, out_path=path), self._saved,
                                      what=self.tr("saving a form"))

    def _saved(self, result: Any, error: BaseException | None) -> None:
        self._set_busy(False)
        if error is not None:
            show_problem(self, error, self._lang, "saving a form")
            return
        self.last_saved = Path(result.path)
        self.status.setText(self.tr("Saved: %1").replace("%1", shown_path(result.path)))

    # -- print ---------------------------------------------------------------------------------
    def ask_print(self) -> None:
        """The system print dialog, then print the pages at the printer's resolution."""
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        dialog.setObjectName("printDialog")
        if dialog.exec() == QPrintDialog.DialogCode.Accepted:
            self.print_to(printer)

    def print_to(self, printer: Any) -> None:
        """Make the pages at print resolution in the background, then paint them on ``printer``."""
        if self._busy:
            return
        from tokki_desktop.ui.form_preview import make_pdf

        session, form_id, record_id = self._context.session, self.form.id, self._record_id()

        def work() -> list[Any]:
            pdf, _missing, _unsupported = make_pdf(session, form_id, record_id)
            return page_images(pdf, PRINT_DPI)

        self._set_busy(True, self.tr("Preparing to print…"))
        self._context.runner.run_task(work, lambda pages, error: self._printed(printer, pages, error),
                                      what=self.tr("printing a form"), owner=self)

    def _printed(self, printer: Any, pages: list[Any] | None, error: BaseException | None) -> None:
        self._set_busy(False)
        if error is not None or not pages:
            show_problem(self, error or RuntimeError("no pages"), self._lang, "printing a form")
            return
        if not paint_pages(printer, pages):
            self.status.setText(self.tr("The printer could not be opened."))
            return
        with self._context.session.ledger.transaction(self._context.session.user) as tx:
            tx.event("form_printed", change={"form": self.form.id, "record_id": self._record_id(),
                                             "pages": len(pages)})
        self.status.setText(self.tr("Sent to the printer: %1 page(s).").replace("%1", str(len(pages))))


def paint_pages(printer: Any, pages: list[Any]) -> bool:
    """Paint page images on ``printer``, one per sheet, as large as fits; False if it won't open."""
    painter = QPainter()
    if not painter.begin(printer):
        return False
    try:
        for number, image in enumerate(pages):
            if number:
                printer.newPage()
            area = QRectF(painter.viewport())
            size = image.size().scaled(area.size().toSize(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.drawImage(QRectF(area.topLeft(), size.toSizeF()), image)
    finally:
        painter.end()
    return True

"""Forms: preview in memory, save as PDF (audited), print through a printer (audited)."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import OFFICER
from tests.ui.conftest import log_in


def _forms(qtbot, desktop):
    window = log_in(qtbot, desktop, OFFICER)
    window.open_screen("forms")
    return window, window.screen_widget("forms")


def _audit_actions(session) -> list[str]:
    return [row[3] for row in session.ledger.audit_rows()]


def test_preview_then_save_a_per_record_form(qtbot, desktop, tmp_path: Path) -> None:
    from tokki_desktop.registers import repository

    window, screen = _forms(qtbot, desktop)
    person = repository.add(window.session, "people", {"name": "山田 花子", "role": "handler"})
    screen.choose("pledge_handler")
    screen._form_chosen(screen.form_list.currentRow())  # reload the record list
    screen.choose("pledge_handler", person)
    assert screen.record_box.currentData() == person
    screen.make_preview()
    qtbot.waitUntil(lambda: screen.preview is not None and not screen.busy, timeout=20000)
    page = screen.pages_holder.findChild(type(screen.title), "page1")
    assert page is not None and page.pixmap().width() > 300
    assert screen.preview.pdf.startswith(b"%PDF")
    assert "1" in screen.status.text()
    files_before = set(Path(window.session.data_dir).rglob("*"))

    target = tmp_path / "out" / "pledge"
    target.parent.mkdir()
    screen.save_to(target)
    qtbot.waitUntil(lambda: screen.last_saved is not None and not screen.busy, timeout=20000)
    assert screen.last_saved == target.with_suffix(".pdf")
    assert screen.last_saved.read_bytes().startswith(b"%PDF")
    assert "form_rendered" in _audit_actions(window.session)
    # The preview wrote nothing next to the ledger (no plain personal data in temp files).
    new_files = set(Path(window.session.data_dir).rglob("*")) - files_before
    assert not [p for p in new_files if p.suffix in (".pdf", ".png")]


def test_per_record_form_without_records_says_what_to_do(qtbot, desktop) -> None:
    _window, screen = _forms(qtbot, desktop)
    screen.choose("complaint_report")
    assert screen.record_box.count() == 0
    assert not screen.preview_button.isEnabled()
    assert "台帳" in screen.status.text()


def test_print_goes_to_the_printer_and_is_audited(qtbot, desktop, tmp_path: Path) -> None:
    from PySide6.QtPrintSupport import QPrinter

    window, screen = _forms(qtbot, desktop)
    screen.choose("staff_report")
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)  # a file stands in for the device
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    screen.print_to(printer)
    qtbot.waitUntil(lambda: not screen.busy and "印刷" in screen.status.text(), timeout=30000)
    assert (tmp_path / "printed.pdf").stat().st_size > 10_000
    assert "form_printed" in _audit_actions(window.session)


def test_the_default_file_name_is_the_title_the_person_and_the_day(qtbot, desktop) -> None:
    from tokki_desktop.registers import repository

    window, screen = _forms(qtbot, desktop)
    person = repository.add(window.session, "people", {"name": "山田 太郎", "role": "handler"})
    screen.choose("pledge_handler")
    screen._form_chosen(screen.form_list.currentRow())
    screen.choose("pledge_handler", person)
    assert screen.suggested_file_name() == "誓約書_山田太郎_令和8年11月26日.pdf"  # the clock is fixed


def test_file_dialogs_speak_japanese(qtbot, desktop) -> None:
    import re

    from PySide6.QtWidgets import QAbstractButton, QFileDialog, QLabel

    log_in(qtbot, desktop, OFFICER)
    for mode in (QFileDialog.AcceptMode.AcceptSave, QFileDialog.AcceptMode.AcceptOpen):
        dialog = QFileDialog(None, "t", "", "PDF (*.pdf)")
        qtbot.addWidget(dialog)
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
        dialog.setAcceptMode(mode)
        dialog.show()
        texts = [w.text() for w in dialog.findChildren(QLabel) + dialog.findChildren(QAbstractButton)]
        english = [t for t in texts if re.search("[A-Za-z]{3}", t.replace("PDF", ""))]
        assert english == [], english  # "Look in:", "Files of type:" were English
        dialog.close()


def test_the_file_name_helper_refuses_what_file_systems_refuse() -> None:
    import datetime as dt

    from tokki_desktop.ui.file_names import suggested_name

    assert suggested_name("事故報告書", "USB/紛失: 2件?", dt.date(2026, 4, 1)) == "事故報告書_USB・紛失・2件_令和8年4月1日.pdf"
    assert suggested_name("Pledge", "Taro Yamada", dt.date(2026, 4, 1), lang="en") == "Pledge_TaroYamada_2026-04-01.pdf"


def test_preview_fits_the_width_by_default_zooms_and_remembers(qtbot, desktop) -> None:
    from PySide6.QtWidgets import QLabel

    window, screen = _forms(qtbot, desktop)
    window.resize(1000, 700)
    screen.choose("audit_checkpoint")
    screen.make_preview()
    qtbot.waitUntil(lambda: screen.preview is not None and not screen.busy, timeout=20000)
    screen.choose("asset_ledger")  # landscape: the widest page; a second preview replaces the first
    screen.make_preview()
    qtbot.waitUntil(lambda: screen.preview is not None and not screen.busy, timeout=20000)
    qtbot.wait(50)  # the first preview's pages are deleted meanwhile
    pages = [w for w in screen.pages_holder.findChildren(QLabel) if w.objectName().startswith("page")]
    assert len(pages) == len(screen.preview.pages)
    page = pages[0]
    assert not page.pixmap().isNull()
    assert screen.zoom_box.currentData() == "fit_width"
    assert page.pixmap().width() <= screen.preview_area.viewport().width()  # nothing cut off on the right
    screen.zoom_box.setCurrentIndex(screen.zoom_box.findData("fit_page"))
    assert page.pixmap().height() <= screen.preview_area.viewport().height()
    screen.zoom_box.setCurrentIndex(screen.zoom_box.findData("200"))
    wide = page.pixmap().width()
    screen.zoom_box.setCurrentIndex(screen.zoom_box.findData("100"))
    assert abs(page.pixmap().width() * 2 - wide) <= 2
    # A new forms screen (next log-in) starts at the zoom last chosen.
    from tokki_desktop.ui.forms_screen import FormsScreen

    again = FormsScreen(screen._context)
    qtbot.addWidget(again)
    assert again.zoom_box.currentData() == "100"

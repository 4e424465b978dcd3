"""Registers screen: sorting by any column header, jumping to a record by its row number,
and the contract's 西暦併記 setting on dates."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDialogButtonBox

from tests.conftest import OFFICER
from tests.ui.conftest import log_in

ROWS = 450  # three pages of 200


def _registers(qtbot, desktop):
    window = log_in(qtbot, desktop, OFFICER)
    window.open_screen("registers")
    return window, window.screen_widget("registers")


def _wait(qtbot, screen) -> None:
    qtbot.waitUntil(lambda: not screen.busy, timeout=10000)


def _complaint(spec, text: str) -> dict[str, object]:
    values: dict[str, object] = {}
    for f in spec.fields:
        if f.required and f.default is None and f.name != "contract_id":
            values[f.name] = {"date": "2026-04-01", "datetime": "2026-04-01 10:00",
                              "choice": f.choices[0].value if f.choices else "", "int": 1,
                              "bool": True}.get(f.type, text)
    return values


@pytest.fixture
def complaints(qtbot, desktop):
    """The registers screen on 450 complaints whose text runs against the id order (with ties)."""
    from tokki_desktop.registers import repository, spec_for
    from tokki_desktop.registers.validate import validate

    window, screen = _registers(qtbot, desktop)
    spec = spec_for("complaints")
    session = window.session
    tz = session.clock.now().tzinfo
    # One transaction through the ledger's API (450 audited inserts), as the benchmark fills it.
    with session.ledger.transaction(session.user) as tx:
        for i in range(ROWS):
            clean = validate(spec, {"contract_id": 1, **_complaint(spec, f"問合せ {(ROWS - i) // 2:03d}")},
                             tz=tz, is_officer=True)
            tx.insert(spec.table, clean)
    text_field = next(f.name for f in spec.fields if f.type in ("text", "longtext") and f.required)
    screen.show_register("complaints")
    _wait(qtbot, screen)
    assert screen.model.rowCount() == ROWS
    return window, screen, text_field, repository


def _click_header(qtbot, screen, column: int) -> None:
    header = screen.table.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))


def _shown(qtbot, model, row: int, column: int) -> str:
    """What the table shows in a cell, once its page has come in from the background."""
    qtbot.waitUntil(lambda: model.data(model.index(row, column)) is not None, timeout=10000)
    return str(model.data(model.index(row, column)))


def test_clicking_a_header_sorts_the_whole_register_with_stable_ties(qtbot, complaints) -> None:
    _window, screen, text_field, _repository = complaints
    model = screen.model
    column = model.column_of(text_field)
    assert column > 0
    _click_header(qtbot, screen, column)
    _wait(qtbot, screen)
    header = screen.table.horizontalHeader()
    assert header.isSortIndicatorShown() and header.sortIndicatorSection() == column
    assert (model.order_by, model.descending) == (text_field, header.sortIndicatorOrder()
                                                  == Qt.SortOrder.DescendingOrder)
    texts = [_shown(qtbot, model, row, column) for row in range(ROWS)]
    ids = [int(_shown(qtbot, model, row, 0)) for row in range(ROWS)]
    expected = sorted(zip(texts, ids, strict=True), reverse=model.descending)
    assert list(zip(texts, ids, strict=True)) == expected  # ties by id, across page borders
    assert len(set(ids)) == ROWS
    _click_header(qtbot, screen, column)  # again: the other direction
    _wait(qtbot, screen)
    reversed_ids = [int(_shown(qtbot, model, row, 0)) for row in range(ROWS)]
    assert reversed_ids == ids[::-1]
    assert model.query()["order_by"] == text_field


def test_selected_record_stays_selected_when_sorted(qtbot, complaints) -> None:
    _window, screen, text_field, _repository = complaints
    screen.select_row(10)
    chosen = screen.selected_record()["id"]
    _click_header(qtbot, screen, screen.model.column_of(text_field))
    _wait(qtbot, screen)
    assert screen.selected_record()["id"] == chosen
    assert screen.table.currentIndex().row() != 10  # it moved, and the selection followed it


def test_jumping_to_a_record_counts_its_row_instead_of_reading_pages(qtbot, complaints, monkeypatch) -> None:
    _window, screen, text_field, repository = complaints
    screen.table.sortByColumn(screen.model.column_of(text_field), Qt.SortOrder.DescendingOrder)
    _wait(qtbot, screen)
    target = int(repository.list_records(screen.model.session, "complaints", order_by=text_field,
                                         descending=True)[ROWS - 5]["id"])
    reads: list[int] = []
    real = repository.list_records

    def counted(*args, **kwargs):
        reads.append(kwargs.get("offset", 0))
        return real(*args, **kwargs)

    monkeypatch.setattr(repository, "list_records", counted)
    screen.show_target("complaints", target)
    _wait(qtbot, screen)
    assert screen.table.currentIndex().row() == ROWS - 5
    # The selected row's page comes in from the background (the view asked for it).
    qtbot.waitUntil(lambda: screen.model.kept_record_at(ROWS - 5) is not None, timeout=10000)
    assert reads == [400]  # only the page that holds it: no reading page after page
    assert screen.selected_record()["id"] == target


def test_a_closed_record_is_found_with_closed_records_shown(qtbot, complaints) -> None:
    window, screen, _text_field, repository = complaints
    target = int(repository.list_records(window.session, "complaints", limit=1, offset=300)[0]["id"])
    repository.close(window.session, "complaints", target, "対応完了")
    screen.show_target("complaints", target)
    qtbot.waitUntil(lambda: screen.show_closed.isChecked() and not screen.busy
                    and screen.selected_record() is not None, timeout=10000)
    assert screen.selected_record()["id"] == target


def test_unknown_sort_column_from_the_model_is_refused_by_the_core(qtbot, complaints) -> None:
    from tokki_desktop.registers.errors import UnknownField

    _window, screen, _text_field, repository = complaints
    with pytest.raises(UnknownField):
        repository.position_of(screen.model.session, "complaints", 1, order_by="summary); --")


def test_contract_asks_for_the_western_year_in_brackets(qtbot, desktop) -> None:
    window, screen = _registers(qtbot, desktop)
    screen.show_register("contracts")
    _wait(qtbot, screen)
    model = screen.model
    column = model.column_of("period_end")
    assert _shown(qtbot, model, 0, column) == "令和9年3月31日"  # the setting is off by default
    screen.select_row(0)
    editor = screen.edit_selected()
    editor.inputs["seireki_in_brackets"].widget.setChecked(True)
    with qtbot.waitSignal(editor.accepted, timeout=15000):
        editor.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    _wait(qtbot, screen)
    assert _shown(qtbot, screen.model, 0, column) == "令和9年（2027年）3月31日"
    # The editor's note says how a typed date was read, with the western year too; what the
    # user types stays plain 和暦 so it can be read back.
    screen.select_row(0)
    editor = screen.edit_selected()
    assert editor.inputs["period_end"].widget.text() == "令和9年3月31日"
    editor.inputs["period_end"].widget.setText("R9.3.30")
    assert editor.inputs["period_end"].note.text() == "= 令和9年（2027年）3月30日"
    editor.discard()
    history = screen.show_history()
    assert "（2026年）" in history.table.item(0, 1).text()  # when: 令和8年（2026年）11月26日 …
    history.close()
    window.open_screen("dashboard")
    dashboard = window.screen_widget("dashboard")
    dashboard.refresh()
    qtbot.waitUntil(lambda: dashboard.report is not None and not dashboard.busy, timeout=15000)
    assert "令和8年（2026年）11月26日" in dashboard.as_of.text()
    window.open_screen("audit")
    audit = window.screen_widget("audit")
    audit.load_page()
    assert audit.table.rowCount() > 0 and "（2026年）" in audit.table.item(0, 1).text()


def test_without_the_setting_no_western_year_is_shown(qtbot, desktop) -> None:
    window, _screen = _registers(qtbot, desktop)
    window.open_screen("dashboard")
    dashboard = window.screen_widget("dashboard")
    qtbot.waitUntil(lambda: dashboard.report is not None and not dashboard.busy, timeout=15000)
    assert "令和8年11月26日" in dashboard.as_of.text() and "（2026年）" not in dashboard.as_of.text()


def test_the_closed_column_sorts_closed_records_together(qtbot, complaints) -> None:
    window, screen, _text_field, repository = complaints
    closed = [int(r["id"]) for r in repository.list_records(window.session, "complaints", offset=100, limit=3)]
    for record_id in closed:
        repository.close(window.session, "complaints", record_id, "対応完了")
    screen.show_closed.setChecked(True)
    _wait(qtbot, screen)
    last = screen.model.columnCount() - 1
    screen.table.sortByColumn(last, Qt.SortOrder.DescendingOrder)
    _wait(qtbot, screen)
    assert screen.model.order_by == "closed_at"
    assert [int(_shown(qtbot, screen.model, row, 0)) for row in range(3)] == sorted(closed, reverse=True)
    assert [_shown(qtbot, screen.model, row, last) for row in range(4)] == ["終了", "終了", "終了", ""]

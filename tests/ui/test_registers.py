"""Registers: add a person with a 和暦 date, validation in place, history, paging, roles."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QLineEdit

from tests.conftest import HANDLER, OFFICER
from tests.ui.conftest import log_in


def _registers(qtbot, desktop, who=OFFICER):
    window = log_in(qtbot, desktop, who)
    window.open_screen("registers")
    return window, window.screen_widget("registers")


def _wait(qtbot, screen) -> None:
    """The rows are read in the background: wait until they are in."""
    qtbot.waitUntil(lambda: not screen.busy, timeout=10000)


def _save_button(editor):
    return editor.buttons.button(QDialogButtonBox.StandardButton.Save)


def test_officer_adds_a_person_typing_a_wareki_date(qtbot, desktop) -> None:
    from tokki_desktop.registers import repository

    window, screen = _registers(qtbot, desktop)
    screen.show_register("people")
    _wait(qtbot, screen)
    before = screen.model.rowCount()
    editor = screen.add_record()
    assert editor.inputs["contract_id"].raw() == 1  # the only contract is preselected
    name = editor.inputs["name"].widget
    name.setText("山田 花子")  # typed through an input method: keyClicks is Latin-1 only
    started = editor.inputs["started_on"].widget
    assert isinstance(started, QLineEdit)
    qtbot.keyClicks(started, "R8.4.1")
    assert editor.inputs["started_on"].note.text() == "= 令和8年4月1日"
    assert _save_button(editor).isEnabled()
    with qtbot.waitSignal(editor.accepted, timeout=15000):
        _save_button(editor).click()
    qtbot.waitUntil(lambda: screen.model.rowCount() == before + 1 and screen.selected_record() is not None,
                    timeout=10000)
    record = screen.selected_record()
    assert record["name"] == "山田 花子" and record["started_on"] == "2026-04-01"
    stored = repository.get(window.session, "people", record["id"])
    assert stored["started_on"] == "2026-04-01"
    # The table shows the date in 和暦.
    col = 1 + [f.name for f in screen.model.fields].index("started_on")
    assert screen.model.data(screen.model.index(screen.table.currentIndex().row(), col)) == "令和8年4月1日"


def test_bad_date_is_refused_in_place_and_nothing_is_written(qtbot, desktop) -> None:
    _window, screen = _registers(qtbot, desktop)
    screen.show_register("people")
    _wait(qtbot, screen)
    before = screen.model.rowCount()
    editor = screen.add_record()
    editor.inputs["name"].widget.setText("佐藤 一")
    editor.inputs["started_on"].widget.setText("令和元年4月1日")  # 令和 began on 5月1日
    assert editor.inputs["started_on"].note.text().startswith("✖")
    assert not _save_button(editor).isEnabled()
    editor.save()  # even forced, nothing is sent
    assert not editor.isHidden() and screen.model.rowCount() == before
    editor.inputs["started_on"].widget.setText("")
    editor.inputs["started_on"].widget.setText("２０２６／５／１")  # full-width
    assert editor.inputs["started_on"].note.text() == "= 令和8年5月1日"
    editor.inputs["name"].widget.setText("")
    assert not _save_button(editor).isEnabled()
    assert "必須" in editor.problem.text()
    editor.discard()


def test_edit_then_history_shows_both_changes(qtbot, desktop) -> None:
    _window, screen = _registers(qtbot, desktop)
    screen.show_register("contracts")
    _wait(qtbot, screen)
    screen.select_row(0)
    editor = screen.edit_selected()
    editor.inputs["purpose"].widget.setPlainText("住民税課税資料のデータ入力")
    with qtbot.waitSignal(editor.accepted, timeout=15000):
        _save_button(editor).click()
    _wait(qtbot, screen)
    screen.select_row(0)
    history = screen.show_history()
    actions = [history.table.item(r, 3).text() for r in range(history.table.rowCount())]
    assert actions[0] == "登録" and actions[-1] == "変更"
    assert "業務の目的: " in history.table.item(history.table.rowCount() - 1, 4).text()
    assert "住民税課税資料のデータ入力" in history.table.item(history.table.rowCount() - 1, 4).text()
    history.close()


def test_officer_closes_a_record_it_stays_visible_as_closed(qtbot, desktop) -> None:
    from tokki_desktop.registers import repository

    window, screen = _registers(qtbot, desktop)
    pid = repository.add(window.session, "workplaces", _workplace())
    screen.show_register("workplaces")
    _wait(qtbot, screen)
    screen.select_row(screen.model.row_of(pid))
    dialog = screen.close_selected()
    dialog.reason.setText("移転のため")
    with qtbot.waitSignal(dialog.accepted, timeout=15000):
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    _wait(qtbot, screen)
    assert screen.model.row_of(pid) is None
    screen.show_closed.setChecked(True)
    _wait(qtbot, screen)
    row = screen.model.row_of(pid)
    assert screen.model.data(screen.model.index(row, screen.model.columnCount() - 1)) == "終了"


def _workplace() -> dict[str, object]:
    from tokki_desktop.registers import spec_for

    spec = spec_for("workplaces")
    values: dict[str, object] = {}
    for f in spec.fields:
        if f.required and f.default is None and f.name != "contract_id":
            values[f.name] = {"date": "2026-04-01", "choice": f.choices[0].value if f.choices else "",
                              "int": 1, "bool": True}.get(f.type, "第2作業室")
    return values


def test_handler_sees_no_officer_buttons(qtbot, desktop) -> None:
    window, screen = _registers(qtbot, desktop, HANDLER)
    assert "users" in window.screen_keys
    screen.show_register("people")  # only officers add people
    _wait(qtbot, screen)
    assert not screen.add_button.isVisibleTo(screen)
    assert not screen.close_button.isVisibleTo(screen)
    screen.show_register("workplaces")
    _wait(qtbot, screen)
    assert screen.add_button.isVisibleTo(screen)
    assert not screen.close_button.isVisibleTo(screen)
    users = window.screen_widget("users")
    assert not users.add_button.isVisibleTo(users)


def test_thousand_rows_are_paged_not_loaded_at_once(qtbot, desktop) -> None:
    from tokki_desktop.registers import repository
    from tokki_desktop.ui import record_table

    window, screen = _registers(qtbot, desktop)
    for i in range(450):
        repository.add(window.session, "complaints", _complaint(i))
    screen.show_register("complaints")
    _wait(qtbot, screen)
    model = screen.model
    assert model.rowCount() == 450
    pages_read = len(model._pages)
    assert pages_read == 1  # only what is on screen was read
    last = model.record_at(449)
    assert last is not None and len(model._pages) <= record_table.KEPT_PAGES
    model.sort(0, Qt.SortOrder.DescendingOrder)
    _wait(qtbot, screen)
    assert model.record_at(0)["id"] == last["id"]


def _complaint(i: int) -> dict[str, object]:
    from tokki_desktop.registers import spec_for

    spec = spec_for("complaints")
    values: dict[str, object] = {}
    for f in spec.fields:
        if f.required and f.default is None and f.name != "contract_id":
            values[f.name] = {"date": "2026-04-01", "datetime": "2026-04-01 10:00",
                              "choice": f.choices[0].value if f.choices else "", "int": 1,
                              "bool": True}.get(f.type, f"問合せ {i}")
    return values


def test_search_box_filters_the_register(qtbot, desktop) -> None:
    from tokki_desktop.registers import repository

    window, screen = _registers(qtbot, desktop)
    for i in range(3):
        repository.add(window.session, "complaints", _complaint(i))
    screen.show_register("complaints")
    _wait(qtbot, screen)
    assert screen.model.rowCount() == 3
    screen.search_edit.setText("問合せ 1")
    qtbot.waitUntil(lambda: screen.model.rowCount() == 1, timeout=3000)
    assert screen.count_label.text() == "1 件"



def _answer(editor, button_text: str) -> None:
    """Click ``button_text`` in the editor's discard question (window-modal, open)."""
    box = editor.discard_question
    assert box is not None and box.isVisible()
    next(b for b in box.buttons() if b.text().replace("&", "").startswith(button_text)).click()


def test_a_date_message_does_not_move_the_fields_and_says_what_is_wrong(qtbot, desktop) -> None:
    _window, screen = _registers(qtbot, desktop)
    screen.show_register("people")
    _wait(qtbot, screen)
    editor = screen.add_record()
    editor.show()
    qtbot.waitExposed(editor)

    def places() -> list[int]:
        return [entry.widget.mapTo(editor, entry.widget.rect().topLeft()).y() for entry in editor.inputs.values()]

    before = places()
    editor.inputs["started_on"].widget.setText("令和8年2月30日")
    qtbot.wait(10)
    note = editor.inputs["started_on"].note.text()
    assert note.startswith("✖") and "2月は28日までです" in note and "読めません" not in note
    assert places() == before  # the next click lands where the officer aims
    editor.inputs["started_on"].widget.setText("R8.4.1")
    qtbot.wait(10)
    assert places() == before
    editor.discard()


def test_what_was_typed_is_not_dropped_by_cancel_without_asking(qtbot, desktop) -> None:
    _window, screen = _registers(qtbot, desktop)
    screen.show_register("people")
    _wait(qtbot, screen)
    editor = screen.add_record()
    editor.show()
    editor.inputs["started_on"].widget.setText("R8.4.1")
    editor.reject()  # Cancel / Esc
    _answer(editor, "編集を続ける")
    assert editor.isVisible() and editor.inputs["started_on"].widget.text() == "R8.4.1"
    editor.reject()
    _answer(editor, "破棄")
    assert not editor.isVisible()
    untouched = screen.add_record()
    untouched.show()
    untouched.reject()  # nothing typed: closes without a question
    assert not untouched.isVisible() and untouched.discard_question is None

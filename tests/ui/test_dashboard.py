"""The dashboard: status per article from the compliance engine, and one click to evidence."""

from __future__ import annotations

from tests.conftest import OFFICER
from tests.ui.conftest import log_in


def _dashboard(qtbot, desktop):
    window = log_in(qtbot, desktop, OFFICER)
    window.open_screen("dashboard")
    screen = window.screen_widget("dashboard")
    qtbot.waitUntil(lambda: screen.report is not None and not screen.busy, timeout=15000)
    return window, screen


def test_table_shows_every_article_with_symbol_and_word(qtbot, desktop) -> None:
    from tokki_desktop.registers.compliance import evaluate

    window, screen = _dashboard(qtbot, desktop)
    expected = evaluate(window.session)
    model = screen.model
    assert model.rowCount() == len(expected.articles) == 19
    for row, article in enumerate(model.articles):
        status_text = model.data(model.index(row, 2))
        if article.checked:
            want = {"ok": "✔ 適合", "due_soon": "△ 期限間近", "overdue": "▲ 期限超過", "violation": "✖ 違反",
                    "unregistered": "○ 未登録"}
            assert status_text == want[expected.status_of(article.article)]
            assert model.data(model.index(row, 3)) == str(expected.articles[article.article].open_count)
        else:
            assert status_text == "確認対象外"
    # A fresh contract without an emergency plan is a violation of Art. 19, shown as such.
    row19 = next(r for r, a in enumerate(model.articles) if a.article == 19)
    assert model.data(model.index(row19, 2)) == "✖ 違反"
    assert model.data(model.index(row19, 0)) == "第19条"


def test_finding_opens_its_record_in_the_registers(qtbot, desktop) -> None:
    window, screen = _dashboard(qtbot, desktop)
    screen.select_article(1)  # the contract lacks purpose and address: due soon
    assert screen.findings.rowCount() >= 1
    assert "契約" in screen.findings.item(0, 1).text()
    screen.open_evidence(0)
    registers = window.current_screen()
    assert registers.objectName() == "registersScreen"
    assert registers.spec.kind == "contracts"
    qtbot.waitUntil(lambda: registers.selected_record() is not None, timeout=10000)
    assert registers.selected_record()["id"] == 1


def test_chart_click_selects_the_article(qtbot, desktop) -> None:
    from PySide6.QtCore import QPoint, Qt

    _window, screen = _dashboard(qtbot, desktop)
    chart = screen.chart
    chart.resize(190, 120)
    slot = chart.width() / 19
    qtbot.mouseClick(chart, Qt.MouseButton.LeftButton, pos=QPoint(int(slot * 18 + slot / 2), 60))
    assert screen.table.currentIndex().row() == 18
    assert screen.findings.rowCount() >= 1


NEW_HANDLER = {"contract_id": 1, "name": "新人 次郎", "role": "handler", "employment_type": "regular",
               "started_on": "2026-11-01", "approved_on": "2026-10-25"}


def _status(screen, article: int) -> str:
    row = next(r for r, a in enumerate(screen.model.articles) if a.article == article)
    return screen.model.data(screen.model.index(row, 2))


def test_a_record_saved_elsewhere_turns_the_dashboard_red_without_a_click(qtbot, desktop, clock) -> None:
    from tokki_desktop.registers import repository

    window, screen = _dashboard(qtbot, desktop)
    before = _status(screen, 11)
    assert "違反" not in before
    clock.advance(90)
    # As another screen (or the monitor) would: straight into the ledger, no signal to us.
    repository.add(window.session, "people", NEW_HANDLER)
    qtbot.waitUntil(lambda: "違反" in _status(screen, 11), timeout=10000)
    row = next(r for r, a in enumerate(screen.model.articles) if a.article == 11)
    assert "従事者「新人 次郎」の誓約書がありません" in screen.model.data(screen.model.index(row, 4))  # a name, no ID
    screen.select_article(11)
    assert "「新人 次郎」" in screen.findings.item(0, 1).text() and "ID" not in screen.findings.item(0, 1).text()
    assert screen.report.generated_at == clock.now()  # the evaluation's own moment, not the old one
    assert "01分" in screen.as_of.text()  # the moment of this evaluation, not of the first one


def test_an_old_green_is_never_shown_while_re_checking(qtbot, desktop) -> None:
    from tokki_desktop.registers import repository

    window, screen = _dashboard(qtbot, desktop)
    window.open_screen("registers")
    repository.add(window.session, "people", NEW_HANDLER)
    seen: list[str] = []
    screen.model.dataChanged.connect(lambda *_: seen.append(_status(screen, 11)))
    window.open_screen("dashboard")  # coming back: the change is noticed at once
    qtbot.waitUntil(lambda: "違反" in _status(screen, 11), timeout=10000)
    assert seen and seen[0] == "再確認中…"


def test_a_new_ledger_is_not_green_on_articles_with_nothing_registered(qtbot, desktop) -> None:
    from tokki_desktop.registers import repository

    window, screen = _dashboard(qtbot, desktop)
    for article in (2, 8, 9, 10, 11, 15):  # nobody and no work place registered yet
        assert _status(screen, article) == "○ 未登録"
    screen.select_article(11)
    assert screen.findings.rowCount() == 1
    assert "取扱責任者・従事者名簿" in screen.findings.item(0, 1).text()
    assert "登録" in screen.findings.item(0, 1).text()
    row = next(r for r, a in enumerate(screen.model.articles) if a.article == 11)
    assert "登録してください" in screen.model.data(screen.model.index(row, 4))
    repository.add(window.session, "people", NEW_HANDLER)
    qtbot.waitUntil(lambda: _status(screen, 11) == "✖ 違反", timeout=10000)
    assert _status(screen, 9) == "○ 未登録"  # still no work place

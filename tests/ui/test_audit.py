"""Audit: browse, verify (also against a checkpoint), take a checkpoint; officers only."""

from __future__ import annotations

from tests.conftest import HANDLER, OFFICER
from tests.ui.conftest import log_in


def _audit(qtbot, desktop):
    window = log_in(qtbot, desktop, OFFICER)
    window.open_screen("audit")
    return window, window.screen_widget("audit")


def test_verify_reports_an_intact_chain_and_checks_a_checkpoint(qtbot, desktop) -> None:
    window, screen = _audit(qtbot, desktop)
    head_seq, _ = window.session.ledger.audit_head()
    assert screen.table.rowCount() == head_seq  # a fresh ledger fits in one page
    assert screen.table.item(head_seq - 1, 3).text() == "ログイン"
    screen.take_checkpoint()
    text = screen.checkpoint.text()
    assert text in screen.result.text()
    screen.checkpoint_edit.setText(text)
    screen.verify()
    qtbot.waitUntil(lambda: screen.report is not None and not screen.busy, timeout=20000)
    assert screen.report.ok
    assert screen.result.text().startswith("✔")


def test_a_wrong_checkpoint_is_reported_and_a_malformed_one_explained(qtbot, desktop) -> None:
    window, screen = _audit(qtbot, desktop)
    screen.checkpoint_edit.setText("12:xyz")
    screen.verify()
    assert screen.result.text().startswith("✖") and "チェックポイント" in screen.result.text()
    seq, _mac = window.session.ledger.audit_head()
    screen.checkpoint_edit.setText(f"{seq}:" + "0" * 64)
    screen.verify()
    qtbot.waitUntil(lambda: screen.report is not None and not screen.busy, timeout=20000)
    assert not screen.report.ok
    assert "✖" in screen.result.text() and "バックアップ" in screen.result.text()


def test_checkpoint_sheet_button_opens_the_form(qtbot, desktop) -> None:
    window, screen = _audit(qtbot, desktop)
    screen.print_button.click()
    forms = window.current_screen()
    assert forms.objectName() == "formsScreen" and forms.form.id == "audit_checkpoint"


def test_handlers_have_no_audit_screen(qtbot, desktop) -> None:
    window = log_in(qtbot, desktop, HANDLER)
    assert "audit" not in window.screen_keys


def test_the_audit_table_speaks_words_not_codes_and_json(qtbot, desktop) -> None:
    from tokki_desktop.registers import repository

    window, screen = _audit(qtbot, desktop)
    new_id = repository.add(window.session, "people", {
        "contract_id": 1, "name": "新人 次郎", "role": "handler", "employment_type": "regular",
        "started_on": "2026-11-01"})
    repository.update(window.session, "people", new_id, {"approved_on": "2026-10-25"})
    screen.show_newest()
    last = screen.table.rowCount() - 1
    cells = [screen.table.item(last, col).text() for col in range(6)]
    assert cells[3] == "変更"
    assert cells[4] == f"取扱責任者・従事者名簿 No.{new_id}"
    assert "（なし） → 令和8年10月25日" in cells[5] and "{" not in cells[5]
    created = [screen.table.item(last - 1, col).text() for col in range(6)]
    assert created[3] == "作成" and "氏名: 新人 次郎" in created[5] and "正社員" in created[5]
    assert "created_at" not in created[5]


def test_monitor_records_in_the_audit_read_as_words_without_hashes() -> None:
    import json

    from tokki_desktop.registers.audit_words import change_text, record_text

    change = json.dumps({"new": {"path": "C:/共有/一覧.csv", "place": "共有フォルダ", "article": 5,
                                 "content_hash": "685e7edee184", "dedupe_key": "ab12"}})
    text = change_text("monitor_detections", change, "ja")
    assert "パス: C:/共有/一覧.csv" in text and "条項: 5" in text
    assert "685e7edee184" not in text and "content_hash" not in text
    assert record_text("monitor_detections", 2, "en") == "detection No.2"
    login = change_text(None, json.dumps({"method": "passphrase"}), "ja")
    assert login == "方法: パスフレーズ"
    started = change_text("monitor_runs", json.dumps({"new": {"started_at": "2026-11-26T10:00:00+09:00"}}), "en")
    assert started.startswith("started: 2026-11-2") and "T10:00:00" not in started

"""Every visible string has a Japanese translation; English can be chosen instead.

Two nets: (1) every string the code passes to ``tr()``/``QT_TRANSLATE_NOOP`` (as extracted
by ``pyside6-lupdate``) has a finished entry in ``i18n/tokki_ja.ts``; (2) walking every
window and screen in Japanese, no visible text holds an English word (an untranslated
string, or one that skipped ``tr()``), ledger data aside.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QTabWidget,
    QTextBrowser,
    QWidget,
)

from tests.conftest import OFFICER
from tests.ui.conftest import log_in
from tokki_desktop.ui.i18n_build import find_tool, source_files
from tokki_desktop.ui.language import compiled_catalogue, read_ts
from tokki_desktop.ui.resources import ts_dir

# Words that are the same in both languages (product name, abbreviations, formats).
ALLOWED_WORDS = {"Tokki", "Desktop", "PDF", "USB", "CSV", "demo", "English", "ID", "HDD", "SSD", "SD", "Enter", "Ctrl", "MAC"}


def visible_texts(root: QWidget) -> list[str]:
    """Every piece of text a user can see in ``root`` and its visible descendants."""
    texts: list[str] = [root.windowTitle()]
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisibleTo(root) and widget is not root:
            continue
        if isinstance(widget, (QLabel, QAbstractButton)):
            texts.append(widget.text())
        elif isinstance(widget, QGroupBox):
            texts.append(widget.title())
        elif isinstance(widget, QLineEdit):
            texts.append(widget.placeholderText())
        elif isinstance(widget, QTabWidget):
            texts += [widget.tabText(i) for i in range(widget.count())]
        elif isinstance(widget, QMenu):
            texts += [a.text() for a in widget.actions()]
        elif isinstance(widget, QTextBrowser):
            texts.append(widget.toPlainText())
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model = widget.model()
            for col in range(_columns(model)):
                texts.append(str(model.headerData(col, Qt.Orientation.Horizontal) or ""))
            for row in range(model.rowCount()):
                texts.append(str(model.data(model.index(row, 0)) or ""))
    return [t for t in texts if t]


def _columns(model) -> int:
    """Column count (list models hide ``columnCount`` from Python: they have one)."""
    try:
        return int(model.columnCount())
    except TypeError:
        return 1


def english_words(text: str, data: set[str]) -> list[str]:
    """ASCII words of 3+ letters in ``text`` that are neither allowed nor data."""
    cleaned = re.sub(r"<[^>]+>", " ", text)  # rich-text tags
    for value in sorted(data, key=len, reverse=True):  # a path before the file name inside it
        cleaned = cleaned.replace(value, " ")
    return [w for w in re.findall(r"[A-Za-z]{3,}", cleaned) if w not in ALLOWED_WORDS]


def test_every_string_in_the_code_has_a_japanese_translation(tmp_path: Path) -> None:
    tool = find_tool("lupdate")
    if tool is None:  # PySide6-Essentials ships it; its absence is an environment problem
        pytest.fail("pyside6-lupdate is missing")
    extracted = tmp_path / "extracted.ts"
    subprocess.run([*tool, *map(str, source_files()), "-locations", "none", "-ts", str(extracted)],
                   check=True, capture_output=True)
    wanted = set()
    import xml.etree.ElementTree as ET

    for ctx in ET.parse(extracted).getroot().iter("context"):
        for msg in ctx.iter("message"):
            wanted.add((ctx.findtext("name"), msg.findtext("source")))
    have = read_ts(ts_dir() / "tokki_ja.ts")
    missing = sorted(wanted - set(have))
    assert len(wanted) > 50
    assert missing == [], f"untranslated: {missing}"


def test_walking_every_screen_in_japanese_finds_no_untranslated_text(qtbot, desktop) -> None:
    data = {OFFICER[0], OFFICER[1], str(desktop.data_dir)}
    problems = [(t, english_words(t, data)) for t in visible_texts(desktop.login_window)]
    window = log_in(qtbot, desktop, OFFICER)
    for key in window.screen_keys:
        window.open_screen(key)
        screen = window.screen_widget(key)
        qtbot.waitUntil(lambda s=screen: not getattr(s, "busy", False), timeout=15000)
        problems += [(t, english_words(t, data | _screen_data(window))) for t in visible_texts(window)]
    problems += [(a.text(), english_words(a.text(), data)) for m in window.menuBar().findChildren(QMenu)
                 for a in m.actions()]
    assert len(problems) > 20
    assert [p for p in problems if p[1]] == []


def test_missing_catalogue_is_compiled_at_first_start(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from tokki_desktop.ui import language

    monkeypatch.setattr(language, "qm_dir", lambda: tmp_path / "pkg")
    qm = compiled_catalogue("ja")
    assert qm == tmp_path / "pkg" / "tokki_ja.qm" and qm.stat().st_size > 0
    # Read-only package folder (installed system-wide): the user's cache folder is used.
    monkeypatch.setattr(language, "qm_dir", lambda: Path("/proc/tokki-not-writable"))
    cached = compiled_catalogue("ja")
    assert cached is not None and cached.is_file() and "pkg" not in cached.parts


def _screen_data(window: QWidget) -> set[str]:
    """Values from the ledger on screen (logins, names…), which are not ours to translate."""
    values: set[str] = set()
    for view in window.findChildren(QAbstractItemView):
        model = view.model()
        if model is None:
            continue
        for row in range(min(model.rowCount(), 50)):
            for col in range(_columns(model)):
                if view.property("dataColumns") is None or col in (view.property("dataColumns") or []):
                    values.add(str(model.data(model.index(row, col)) or ""))
    return {v for v in values if v}


def test_switching_to_english_rebuilds_the_window_in_english(qtbot, desktop) -> None:
    window = log_in(qtbot, desktop, OFFICER)
    assert "取扱責任者" in window.user_label.text()
    english = next(a for m in window.menuBar().findChildren(QMenu) for a in m.actions() if a.text() == "English")
    with qtbot.waitSignal(desktop.main_window_shown, timeout=5000):
        english.trigger()
    new = desktop.main_window
    assert new is not window
    assert "Responsible officer" in new.user_label.text()
    assert new.lock_button.text() == "&Lock"
    assert new.session is window.session  # still logged in: nothing to re-type
    # Remembered for this terminal: the next start is in English.
    from tokki_desktop.ui.desktop import ui_settings

    assert ui_settings(desktop.data_dir).value("language") == "en"


def test_login_window_language_choice(qtbot, desktop) -> None:
    window = desktop.login_window
    with qtbot.waitSignal(desktop.login_window_shown, timeout=5000):
        window.language_box.setCurrentIndex(1)
    assert desktop.lang == "en"
    assert desktop.login_window.login_button.text() == "Log &in"


def test_dialogs_and_lock_panel_are_in_japanese_too(qtbot, desktop) -> None:
    window = log_in(qtbot, desktop, OFFICER)
    data = {OFFICER[0], OFFICER[1], str(desktop.data_dir)}
    registers = window.screen_widget("registers")
    window.open_screen("registers")
    registers.show_register("people")
    opened = [registers.add_record()]
    registers.show_register("contracts")
    qtbot.waitUntil(lambda: not registers.busy, timeout=10000)
    registers.select_row(0)
    opened.append(registers.show_history())
    opened.append(window.screen_widget("users").add_user())
    problems = []
    for dialog in opened:
        dialog_data = data | _screen_data(dialog) | _field_values(dialog)
        problems += [(t, english_words(t, dialog_data)) for t in visible_texts(dialog)]
        dialog.close()
    window.lock()
    problems += [(t, english_words(t, data)) for t in visible_texts(window.lock_panel)]
    assert [p for p in problems if p[1]] == []


def _field_values(dialog: QWidget) -> set[str]:
    """Text the user typed or the ledger filled in (editor fields), which is data."""
    return {e.text() for e in dialog.findChildren(QLineEdit) if e.text()}

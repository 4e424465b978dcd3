"""Screenshots of every screen in Japanese and English: ``python -m tokki_desktop.ui.screenshots``.

Runs offscreen on a fresh demo ledger in a temporary folder (the monitor watches one folder
there and finds a made-up roster), and writes ``docs/screenshots/<screen>-<lang>.png``.
Used to look at what users see (clipping, tofu, untranslated text) and for the README.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

# A made-up roster (invented names and numbers) for the monitor to find.
FAKE_ROSTER = (
    "氏名,フリガナ,個人番号,住所,電話番号\n"
    "見本 太郎,ミホン タロウ,123456789018,東京都小金井市本町9-9-9,042-000-0000\n"
    "見本 花子,ミホン ハナコ,234567890124,東京都小金井市緑町9-9-9,042-000-0001\n"
)


def _wait(app: Any, condition: Any, timeout: float = 30.0) -> None:
    from PySide6.QtTest import QTest

    end = time.monotonic() + timeout
    while not condition() and time.monotonic() < end:
        QTest.qWait(50)


def _save(widget: Any, out: Path, name: str, lang: str) -> Path:
    path = out / f"{name}-{lang}.png"
    widget.grab().save(str(path), "PNG")
    return path


def _explain_as_handler(officer: Any, data_dir: Path, detection_id: int, lang: str) -> None:
    """A made-up 従事者 explains the detection, so the officer's details show an explanation."""
    from tokki_desktop.registers.explanations import explain_detection
    from tokki_desktop.session import unlock

    passphrase = "screenshot-handler-1"  # a throw-away ledger in a temporary folder
    officer.add_user("mihon", "handler", "見本 花子", passphrase)
    text = ("課税課から照合用に受け取った名簿です。照合が済みしだい削除します。" if lang == "ja" else
            "A roster the tax division sent for checking; it will be deleted once checked.")
    with unlock(data_dir, "mihon", passphrase) as handler:
        explain_detection(handler, detection_id, text)


def take(out: Path, lang: str, work: Path) -> list[Path]:
    """Every screen in ``lang``; returns the files written."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication, QListWidget

    from tokki_desktop.demo import create_demo
    from tokki_desktop.monitor import settings
    from tokki_desktop.monitor.media import ListedMedia
    from tokki_desktop.monitor.service import Monitor, MonitorOptions
    from tokki_desktop.session import unlock
    from tokki_desktop.ui.desktop import Desktop
    from tokki_desktop.ui.login_window import DemoHint

    app = QApplication.instance()
    info = create_demo(work / f"demo-{lang}")
    folder = work / f"Downloads-{lang}"
    folder.mkdir(exist_ok=True)
    with unlock(info.data_dir, info.login, info.passphrase) as session:
        settings.add_folder(session, folder, "ダウンロード" if lang == "ja" else "Downloads")
        # Two terminals enrolled at the site (the 端末 screen); neither has reported yet.
        from tokki_desktop.site.enrol import enrol
        for name in (("受付端末1", "入力端末2") if lang == "ja" else ("Reception-1", "Entry-2")):
            enrol(session, name, drop=work / f"drop-{lang}", watch=[work / f"{name}-folder"],
                  out=work / f"{name}.tokki-enrol")
    options = MonitorOptions(quiet=0.2, reconcile_every=3600, heartbeat=3600, import_every=0.2,
                             refresh_every=0.3, media_interval=0.2, inventory=False)
    desktop = Desktop(info.data_dir, lang=lang, demo=DemoHint(info.login, info.passphrase),
                      monitor_factory=lambda s: Monitor(s, media=ListedMedia(), options=options))
    files: list[Path] = []
    desktop.start()
    login = desktop.login_window
    assert login is not None
    login.resize(520, 330)
    _wait(app, lambda: True, 0.2)
    files.append(_save(login, out, "login", lang))
    login.pass_edit.setText(info.passphrase)
    login.submit()
    _wait(app, lambda: desktop.main_window is not None and desktop.monitor is not None)
    window = desktop.main_window
    assert window is not None
    window.resize(1200, 760)
    (folder / "kakunin.csv").write_text(FAKE_ROSTER, encoding="utf-8")
    for key in window.screen_keys:
        window.open_screen(key)
        screen: Any = window.screen_widget(key)
        _wait(app, lambda s=screen: not getattr(s, "busy", False))
        if key == "detections":
            _wait(app, lambda s=screen: s.table.rowCount() > 0, 15)
            if screen.rows:
                _explain_as_handler(window.session, info.data_dir, int(screen.rows[0]["id"]), lang)
                screen.refresh()
        if key == "registers":
            # Sorted by a column header (the indicator shows): フリガナ gives the 五十音 order.
            screen.show_register("people")
            _wait(app, lambda s=screen: not s.busy)
            screen.table.sortByColumn(screen.model.column_of("name_kana"), Qt.SortOrder.AscendingOrder)
            _wait(app, lambda s=screen: not s.busy)
        if key == "forms":
            screen.choose("pledge_handler")
            screen.make_preview()
            _wait(app, lambda s=screen: s.preview is not None and not s.busy)
        _wait(app, lambda: True, 0.3)
        files.append(_save(window, out, key, lang))
    registers: Any = window.screen_widget("registers")
    window.open_screen("registers")
    registers.show_register("people")
    _wait(app, lambda: not registers.busy)
    registers.select_row(0)
    editor = registers.edit_selected()
    if editor is not None:
        # A date that does not exist: the message says why, in its line, without moving a field.
        editor.inputs["started_on"].widget.setText("令和8年2月30日")
        _wait(app, lambda: True, 0.2)
        files.append(_save(editor, out, "record-editor", lang))
        editor.discard()
    history = registers.show_history()
    if history is not None:
        _wait(app, lambda: True, 0.2)
        files.append(_save(history, out, "record-history", lang))
        history.close()
    inbox: Any = window.screen_widget("detections")
    if inbox.rows:
        # The dialog a 従事者 opens from the inbox (the officer's window has no button for it).
        from tokki_desktop.ui.explain_dialog import ExplainDialog

        explain = ExplainDialog(inbox._context, int(inbox.rows[0]["id"]), inbox)
        explain.text.setPlainText("課税課から照合用に受け取った名簿です。照合が済みしだい削除します。" if lang == "ja"
                                  else "A roster the tax division sent for checking; it will be deleted once checked.")
        explain.show()
        _wait(app, lambda: True, 0.2)
        files.append(_save(explain, out, "explain-detection", lang))
        explain.reject()
    from tokki_desktop.ui.users_screen import AddUserDialog

    add_user = AddUserDialog(inbox._context, window)
    add_user.show()
    _wait(app, lambda: True, 0.2)
    files.append(_save(add_user, out, "add-user", lang))
    add_user.reject()
    window.lock()
    _wait(app, lambda: True, 0.2)
    files.append(_save(window, out, "lock", lang))
    desktop.shut_down()

    empty = Desktop(work / f"empty-{lang}", lang=lang)
    empty.start()
    wizard = empty.show_setup()
    _wait(app, lambda: True, 0.2)
    files.append(_save(wizard, out, "setup-wizard", lang))
    folders = wizard.findChild(QListWidget, "setupFolders")
    for step in range(wizard.steps.count()):
        if folders is not None and wizard.steps.widget(step).isAncestorOf(folders):
            wizard.steps.setCurrentIndex(step)  # the watched folders and the terminal key
            _wait(app, lambda: True, 0.2)
            files.append(_save(wizard, out, "setup-wizard-monitor", lang))
    wizard.reject()
    empty.shut_down()
    return files


def main(argv: list[str] | None = None) -> int:
    """Write the screenshots (both languages unless ``--lang``)."""
    parser = argparse.ArgumentParser(prog="python -m tokki_desktop.ui.screenshots")
    parser.add_argument("--out", type=Path, default=Path("docs/screenshots"))
    parser.add_argument("--lang", choices=("ja", "en"), action="append")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from tokki_desktop.ui.appearance import register_japanese_font
    from tokki_desktop.ui.binding_guard import guard_binding

    app = QApplication.instance() or QApplication([sys.argv[0]])
    guard_binding()
    register_japanese_font(app)  # type: ignore[arg-type]
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="tokki-shots-") as tmp:
        # The temporary folder stands in for the user's home, so the screens show ~/demo-ja
        # as they would on a user's machine (not a temporary folder's name), and nothing of
        # the person running this (settings, keyring files) is read or written.
        old_home = os.environ.get("HOME")
        os.environ["HOME"] = tmp
        try:
            for lang in args.lang or ["ja", "en"]:
                for path in take(args.out.resolve(), lang, Path(tmp)):
                    print(path)
        finally:
            if old_home is None:
                os.environ.pop("HOME", None)
            else:
                os.environ["HOME"] = old_home
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

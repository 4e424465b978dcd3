"""``tokki-desktop``: start the desktop application.

``tokki-desktop [--data-dir DIR] [--demo] [--smoke-test] [--lang ja|en]``

- ``--demo`` makes sure the demo ledger exists (sample data only) and shows its login and
  passphrase on the login window.
- ``--smoke-test`` (CI) opens the demo ledger in a temporary folder (or ``--data-dir``),
  logs in through the login window, shows the main window offscreen and exits 0.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tokki_desktop.ui.login_window import DemoHint

log = logging.getLogger("tokki_desktop.ui")

# Measured from here (the first line of our code that runs) to the first window on screen.
_STARTED = time.monotonic()


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    """The command line (see the module docstring)."""
    parser = argparse.ArgumentParser(prog="tokki-desktop", description="Tokki Desktop")
    parser.add_argument("--data-dir", type=Path, default=None, help="the ledger's folder")
    parser.add_argument("--demo", action="store_true", help="open the demo ledger (created on first use)")
    parser.add_argument("--smoke-test", action="store_true", help="start, log in to the demo, exit 0 (CI)")
    parser.add_argument("--lang", choices=("ja", "en"), default=None, help="language (default: Japanese)")
    parser.add_argument("--no-monitor", action="store_true",
                        help="do not watch folders and media from this window (another monitor runs)")
    # For bench/gui_startup.py: print the seconds until the first window is shown, then quit.
    parser.add_argument("--report-startup", action="store_true", help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def real_monitor(session: object) -> object:
    """The monitor of the logged-in session (watched folders and removable media)."""
    from tokki_desktop.monitor.service import Monitor

    return Monitor(session)


def _log_file() -> Path:
    import platformdirs

    from tokki_desktop import APP_NAME

    from tokki_desktop.private_files import private_dir, restrict

    folder = private_dir(Path(platformdirs.user_log_dir(APP_NAME, appauthor=False)))
    log = folder / "tokki-desktop.log"
    if log.exists():
        restrict(log, folder=False)
    return log


def setup_logging() -> None:
    """Log to a file in the user's log folder (bugs go there, never personal data)."""
    try:
        handler: logging.Handler = logging.FileHandler(_log_file(), encoding="utf-8")
    except OSError:
        handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)


def quiet_platform_noise(lang: str = "ja") -> None:
    """Route Qt's messages to our log, minus the offscreen platform's size-hint notice.

    A fatal message (Qt aborts right after it) is also shown to the user: in the log alone
    nobody would ever read why the window never came."""
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler

    from tokki_desktop.ui.platform_check import report_fatal_qt_message

    qt_log = logging.getLogger("qt")

    def handler(kind: QtMsgType, _context: object, message: str) -> None:
        if "propagateSizeHints" in message:
            return  # the offscreen platform (CI, --smoke-test) cannot do it; harmless
        if kind == QtMsgType.QtFatalMsg:
            report_fatal_qt_message(message, lang)
        level = logging.DEBUG if kind == QtMsgType.QtDebugMsg else logging.WARNING
        qt_log.log(level, "%s", message)

    qInstallMessageHandler(handler)


def install_bug_hook(desktop_lang: Callable[[], str]) -> None:
    """Uncaught exceptions in slots: apology dialog plus a log without personal data."""
    from tokki_desktop.ui.problems import show_problem

    def hook(kind: type[BaseException], error: BaseException, tb: object) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, tb)  # type: ignore[arg-type]
            return
        show_problem(None, error, desktop_lang(), "handling an event")

    sys.excepthook = hook


def main(argv: list[str] | None = None) -> int:
    """Run the app; returns the process exit code."""
    args = parse_args(sys.argv[1:] if argv is None else argv)
    from tokki_desktop.private_files import set_private_umask

    set_private_umask()  # the app's files (ledger, spool, log, exports) are this user's only
    if args.smoke_test and not os.environ.get("QT_QPA_PLATFORM"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from tokki_desktop.errors import user_language
    from tokki_desktop.ui.platform_check import check_display, tell_user

    # Qt aborts without a word when its display plugin cannot load: ask before starting it.
    problem = check_display()
    if problem is not None:
        tell_user(problem.message(args.lang or user_language()))
        return 2

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from tokki_desktop import APP_NAME, __version__
    from tokki_desktop.errors import KnownError
    from tokki_desktop.ui.appearance import register_japanese_font
    from tokki_desktop.ui.binding_guard import guard_binding
    from tokki_desktop.ui.desktop import Desktop

    setup_logging()
    quiet_platform_noise(args.lang or user_language())
    app = QApplication.instance() or QApplication([sys.argv[0]])
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    guard_binding()
    register_japanese_font(app)  # type: ignore[arg-type]

    temp: tempfile.TemporaryDirectory[str] | None = None
    demo: DemoHint | None = None
    data_dir = args.data_dir
    if args.smoke_test and data_dir is None:
        temp = tempfile.TemporaryDirectory(prefix="tokki-smoke-")
        data_dir = Path(temp.name) / "ledger"
    if args.demo or args.smoke_test:
        from tokki_desktop.demo import create_demo, demo_data_dir

        try:
            info = create_demo(data_dir or demo_data_dir())
        except KnownError as exc:
            print(exc.message(args.lang or "ja"), file=sys.stderr)
            return 2
        data_dir = info.data_dir
        demo = DemoHint(info.login, info.passphrase)
    if data_dir is None:
        from tokki_desktop.paths import default_data_dir

        data_dir = default_data_dir()

    desktop = Desktop(data_dir, lang=args.lang, demo=demo,
                      monitor_factory=None if args.no_monitor else real_monitor)
    install_bug_hook(lambda: desktop.lang)
    if args.report_startup:
        desktop.login_window_shown.connect(
            lambda _w: QTimer.singleShot(0, lambda: (print(f"visible_s={time.monotonic() - _STARTED:.3f}",
                                                           flush=True), app.quit()))
        )
    if args.smoke_test:
        return _smoke_test(app, desktop, temp)
    desktop.start()
    code = app.exec()
    desktop.shut_down()
    return code


def _smoke_test(app: object, desktop: object, temp: tempfile.TemporaryDirectory[str] | None) -> int:
    """Log in through the login window, wait for the main window, check it, exit."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from tokki_desktop.ui.desktop import Desktop

    assert isinstance(desktop, Desktop) and isinstance(app, QApplication)
    outcome: dict[str, Any] = {"code": 1, "why": "the main window did not appear within 60 s"}

    def shown(window: object) -> None:
        from tokki_desktop.ui.main_window import MainWindow

        assert isinstance(window, MainWindow)
        try:
            for key in window.screen_keys:  # every screen must build without a bug
                window.screen_widget(key)
                window.open_screen(key)
                app.processEvents()
        except Exception as exc:  # noqa: BLE001 - reported as the smoke test's failure
            outcome.update(code=1, why=f"screen {key} failed: {type(exc).__name__}", shown=True)
            return
        session: Any = window.session
        ok = window.isVisible() and desktop.demo is not None and session.user.login == desktop.demo.login
        outcome.update(code=0 if ok else 1, why="" if ok else "main window not visible", shown=True)

    desktop.main_window_shown.connect(shown)
    desktop.start()
    login = desktop.login_window
    assert login is not None and desktop.demo is not None
    login.login_edit.setText(desktop.demo.login)
    login.pass_edit.setText(desktop.demo.passphrase)
    login.submit()

    def watch_login() -> None:
        # A login that ended without a main window (known error or bug) fails the test now.
        if desktop.main_window is None and not login.busy:
            outcome["why"] = "login failed: " + login.status.text()
            app.quit()
        # Done once the window was checked and background work (the monitor's start) ended.
        elif outcome.get("shown") and desktop.runner.idle():
            app.quit()

    poll = QTimer()
    poll.timeout.connect(watch_login)
    poll.start(200)
    QTimer.singleShot(60_000, app.quit)
    app.exec()
    poll.stop()
    if outcome["code"] == 0 and desktop._monitor_factory is not None and desktop.monitor is None:
        outcome.update(code=1, why="the monitor did not start (see the log)")
    desktop.shut_down()
    if temp is not None:
        temp.cleanup()
    print("smoke test: ok" if outcome["code"] == 0 else f"smoke test: FAILED ({outcome['why']})")
    return int(outcome["code"])


if __name__ == "__main__":
    raise SystemExit(main())

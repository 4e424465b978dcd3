"""Showing what went wrong: known errors as dialogs, bugs as an apology plus a log.

A :class:`~tokki_desktop.errors.KnownError` carries a message in Japanese and English that
says what to do next; it is shown as is. Anything else is a bug of ours: the user gets a
short apology and the log gets the exception *type* and the code locations of the traceback,
never the exception text or local values, which could hold personal data.
"""

from __future__ import annotations

import logging
import traceback
from pathlib import PureWindowsPath

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from tokki_desktop.errors import KnownError

log = logging.getLogger("tokki_desktop.bugs")

_CTX = "Problems"
_TITLE_KNOWN = QT_TRANSLATE_NOOP("Problems", "Tokki Desktop")
_TITLE_BUG = QT_TRANSLATE_NOOP("Problems", "Sorry, something went wrong")
_APOLOGY = QT_TRANSLATE_NOOP(
    "Problems",
    "Sorry: Tokki Desktop ran into an internal error and could not finish this. "
    "Nothing was written to the ledger. The details (without any personal data) were "
    "saved in the log; please tell your officer or the support desk.",
)


def safe_traceback(error: BaseException) -> str:
    """Exception type plus ``file:line in function`` of each frame; no messages, no values."""
    frames = traceback.extract_tb(error.__traceback__)
    # Only the file's name: a full path could hold the Windows user name.
    where = " <- ".join(f"{PureWindowsPath(f.filename).name}:{f.lineno} in {f.name}" for f in reversed(frames))
    return f"{type(error).__module__}.{type(error).__qualname__} at {where or 'unknown'}"


def log_bug(error: BaseException, doing: str = "") -> None:
    """Write a bug to the log without personal data (see :func:`safe_traceback`)."""
    log.error("bug while %s: %s", doing or "working", safe_traceback(error))


def show_problem(parent: QWidget | None, error: BaseException, lang: str, doing: str = "") -> QMessageBox:
    """Open (non-blocking, window-modal) the dialog for ``error``; return it."""
    box = QMessageBox(parent)
    if isinstance(error, KnownError):
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(QCoreApplication.translate(_CTX, str(_TITLE_KNOWN)))
        box.setText(error.message(lang))
    else:
        log_bug(error, doing)
        box.setIcon(QMessageBox.Icon.Critical)
        box.setWindowTitle(QCoreApplication.translate(_CTX, str(_TITLE_BUG)))
        box.setText(QCoreApplication.translate(_CTX, str(_APOLOGY)))
    box.setObjectName("problemDialog")
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box

"""A guard against a Qt binding that loses references to ``None``/``True``/``False``.

PySide6 6.12.0 on Python 3.11 (where ``None`` is not yet immortal) drops one reference to
``None`` on every call of a method returning ``void`` (``setText``, ``setEnabled``,
``processEvents``…) and one to ``True`` on every signal ``emit``. After a few thousand calls
Python aborts ("none_dealloc"), taking the user's unsaved work with it. The project pins a
good version; this guard is the safety net when a bad one got installed anyway: it notices
the loss and keeps the counts topped up by holding extra references (8 bytes each), so the
app never reaches zero.
"""

from __future__ import annotations

import ctypes
import logging
import sys

from PySide6.QtCore import QObject, QTimer

log = logging.getLogger(__name__)

_WATCHED = (None, True, False)
_CHUNK = 1_000_000  # references added at a time (8 MB)
_FLOOR = 500_000  # top up when a count falls below this


def binding_loses_references() -> bool:
    """Whether this Qt binding drops references on plain calls (measured, not guessed)."""
    probe = QObject()
    before = sys.getrefcount(None)
    for _ in range(50):
        probe.setObjectName("probe")
    return sys.getrefcount(None) < before - 25


class ReferenceBallast(QObject):
    """Holds spare references to ``None``/``True``/``False`` and tops them up on a timer."""

    def __init__(self, parent: QObject | None = None, interval_ms: int = 100) -> None:
        super().__init__(parent)
        self._spare: list[object] = []
        # The list must outlive interpreter shutdown: freeing it would drop the counts it
        # props up below zero at exit (Python aborts, exit code 134). One extra reference,
        # never released, keeps it (a one-off leak at exit, by design).
        ctypes.pythonapi.Py_IncRef(ctypes.py_object(self._spare))
        self.top_up()
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.top_up)
        self._timer.start()

    def top_up(self) -> None:
        """Add references to any watched object whose count runs low."""
        for value in _WATCHED:
            if sys.getrefcount(value) < _FLOOR + _CHUNK:
                self._spare.extend([value] * _CHUNK)


_ballast: ReferenceBallast | None = None


def guard_binding() -> bool:
    """Start the ballast when the binding is faulty; True when it was needed."""
    global _ballast
    if _ballast is not None:
        return True
    if not binding_loses_references():
        return False
    log.warning("the installed PySide6 loses object references on Python %s.%s; "
                "install the version pinned by the project", *sys.version_info[:2])
    _ballast = ReferenceBallast()
    return True

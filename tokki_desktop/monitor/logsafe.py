"""Logging a bug without personal data: where it happened, never what the message said.

An ``OSError`` names the file it failed on, and file names can name residents; a parser's
error may quote document text. So the monitor logs the exception's type and the code
locations of its traceback, and leaves the message out.
"""

from __future__ import annotations

import logging
import traceback


def log_bug(log: logging.Logger, what: str, exc: BaseException) -> None:
    """Log ``what`` with the exception type and the traceback's code locations only."""
    frames = traceback.extract_tb(exc.__traceback__)
    where = " <- ".join(f"{f.filename.rsplit('/', 1)[-1]}:{f.lineno} {f.name}" for f in reversed(frames[-6:]))
    log.error("%s: %s at %s", what, type(exc).__name__, where or "?")

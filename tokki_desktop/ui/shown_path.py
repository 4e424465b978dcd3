"""Paths as the user reads them on screen: the home folder written as ``~``.

A ledger folder or a detection's file shown in full (``/home/tanaka/Documents/…``) is long and
repeats what the user knows; file managers and terminals on Linux and macOS write the home
folder as ``~``. Windows users read full paths (Explorer shows them), so there they stay.
Only the text shown changes: every path kept or passed on stays absolute.
"""

from __future__ import annotations

import os
from pathlib import Path, PurePath


def shown_path(path: str | PurePath, *, home: Path | None = None, windows: bool | None = None) -> str:
    """``path`` for display: ``~/…`` when it lies under the home folder (not on Windows)."""
    text = str(path)
    if (os.name == "nt") if windows is None else windows:
        return text
    try:
        home_dir = home if home is not None else Path.home()
    except (RuntimeError, KeyError):  # no home folder can be found (a service account)
        return text
    home_text = str(home_dir).rstrip("/")
    if not home_text or home_text == "/":
        return text  # a home of / would turn every path into ~
    if text == home_text:
        return "~"
    if text.startswith(home_text + "/"):
        return "~" + text[len(home_text):]
    return text

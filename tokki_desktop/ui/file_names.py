"""Default file names in the users' words: 誓約書_山田太郎_令和8年4月1日.pdf, not pledge_handler-8.pdf.

A suggested name is what the save dialog offers; the user may change it. It is made from the
form's printed title, the record's one-line title and the day, with what a file system refuses
(/ \\ : * ? " < > |) and spaces taken out, and kept short enough for every file system.
"""

from __future__ import annotations

import datetime as dt
import re

from tokki_desktop.wareki import format_wareki

_REFUSED = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')
_SPACES = re.compile(r"[\s\u3000]+")
_MAX_STEM = 80  # characters; a Japanese name is 3 bytes each in UTF-8, well under 255 bytes


def _part(text: str) -> str:
    return _SPACES.sub("", _REFUSED.sub("・", text)).strip("._・")


def suggested_name(title: str, record: str = "", day: dt.date | None = None, *, lang: str = "ja",
                   suffix: str = ".pdf") -> str:
    """``title_record_day.pdf`` (the day in 和暦 in Japanese, ISO in English)."""
    parts = [_part(title), _part(record)]
    if day is not None:
        parts.append(format_wareki(day) if lang == "ja" else day.isoformat())
    stem = "_".join(p for p in parts if p)[:_MAX_STEM] or "tokki"
    return stem + suffix

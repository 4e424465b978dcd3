"""A 従事者's explanation of a detection: why the copy the monitor found exists.

The monitor's detection rows have no column for it (``tokki_desktop/monitor/records.py`` and
``resolutions.py`` only record a resolution), so each explanation is an audit record of its
own: action ``detection_explained`` on the ``monitor_detections`` row, with the text as its
change. That keeps it where the chain already protects it (it can be neither edited nor
removed, and ``verify`` covers it) and needs no migration; the officer reads every past
explanation of a detection before resolving it. Several explanations may be given (a first
one, then more once the officer asked); they are shown oldest first.

This lives with the registers because it is an obligation record written by people, next
to the compliance engine that reads the same ledger; the monitor part stays free of it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from tokki_desktop.errors import InvalidInput, KnownError, NotFound

ACTION = "detection_explained"
TABLE = "monitor_detections"
MAX_LENGTH = 2000


class NotAPerson(KnownError):
    """The monitor's or the recovery key's system actor tried to explain a detection."""

    def __init__(self) -> None:
        super().__init__(
            "検知の説明は、ログインした取扱責任者または従事者が記録します。",
            "A detection is explained by a person who logged in (an officer or a handler).",
        )


@dataclass(frozen=True)
class Explanation:
    """One recorded explanation: audit number, when (ISO 8601), who (login), the text."""

    seq: int
    ts: str
    login: str
    text: str


def explain_detection(session: Any, detection_id: int, text: str) -> int:
    """Record ``text`` as an explanation of detection ``detection_id``; returns its audit number.

    The text is kept exactly as typed (quotes, emoji, line breaks), only checked for being
    there and not longer than :data:`MAX_LENGTH`. :class:`NotFound` for an unknown detection;
    nothing is written on any error.
    """
    if session.user.role not in ("officer", "handler"):
        raise NotAPerson()
    if isinstance(detection_id, bool) or not isinstance(detection_id, int):
        raise InvalidInput("ID", "id", "整数で指定してください", "must be a whole number")
    if not isinstance(text, str) or not text.strip():
        raise InvalidInput("説明", "explanation", "ファイルがある理由を入力してください",
                           "say why the file is there")
    if len(text) > MAX_LENGTH:
        raise InvalidInput("説明", "explanation", f"{MAX_LENGTH}文字以内で入力してください",
                           f"at most {MAX_LENGTH} characters")
    with session.ledger.transaction(session.user) as tx:
        if tx.read_one(f"SELECT 1 FROM {TABLE} WHERE id = ?", (detection_id,)) is None:
            raise NotFound("検知", "detection", detection_id)
        return int(tx.event(ACTION, table=TABLE, row_id=detection_id, change={"text": text}))


def explanations(session: Any, detection_id: int) -> list[Explanation]:
    """Every explanation of detection ``detection_id``, oldest first (none: an empty list)."""
    rows = session.ledger.read(
        "SELECT seq, ts, actor, change FROM audit_log WHERE tbl = ? AND row_id = ? AND action = ? ORDER BY seq",
        (TABLE, int(detection_id), ACTION))
    out = []
    for r in rows:
        change = json.loads(r["change"] or "{}")
        out.append(Explanation(int(r["seq"]), str(r["ts"]), str(r["actor"]), str(change.get("text", ""))))
    return out

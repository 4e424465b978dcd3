"""Extraction: a file's bytes in, its text and tables out, as a stream of parts.

Extractors never interpret personal data; they only turn formats into text (``TextPart``),
tables with their header row (``TablePart``) and embedded files (``MemberPart``). A file that
cannot be read raises :class:`Unreadable` or :class:`Encrypted`, which the scanner turns into
a verdict; nothing here is shown to the user with document text in it.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Iterator, Union

from tokki_desktop.errors import KnownError
from tokki_desktop.scanner.result import ScanLimits


class ScanProblem(KnownError):
    """A file the scanner could not fully read; becomes a verdict, never reaches the user raw."""

    verdict = "unreadable"


class Unreadable(ScanProblem):
    """Damaged, truncated, over a limit, or a format we do not read."""

    verdict = "unreadable"


class Encrypted(ScanProblem):
    """Password-protected: we cannot see inside, so it is never reported as clean."""

    verdict = "encrypted"


class Skipped(ScanProblem):
    """A format that holds no text we scan (images, programs)."""

    verdict = "skipped"


@dataclass
class TextPart:
    """Running text (paragraphs, a chunk of a text file)."""

    text: str


@dataclass
class TablePart:
    """Rows of cells; ``header`` is the column header row when one was recognised."""

    rows: list[list[str]]
    header: list[str] | None = None
    name: str = ""


class ColumnTablePart(TablePart):
    """A table read column by column (a regular sheet). The column checks take the columns as
    they are; rows are built only when something asks for them (fingerprints, no header)."""

    def __init__(self, columns: list[list[str]], header: list[str] | None = None, name: str = "") -> None:
        self.columns = columns
        self.header = header
        self.name = name
        self._rows: list[list[str]] | None = None

    @property  # type: ignore[override]
    def rows(self) -> list[list[str]]:
        if self._rows is None:
            self._rows = list(map(list, zip(*self.columns)))
        return self._rows

    @property
    def row_count(self) -> int:
        return len(self.columns[0]) if self.columns else 0


@dataclass
class MemberPart:
    """A file inside this one (archive member, mail attachment), scanned on its own."""

    name: str
    data: bytes | None = None
    problem: ScanProblem | None = None
    size: int = 0


Part = Union[TextPart, TablePart, MemberPart]


@dataclass
class ScanContext:
    """The limits and budgets shared by one file and everything nested inside it."""

    limits: ScanLimits
    deadline: float
    depth: int = 0
    total_budget: list[int] = field(default_factory=lambda: [0])

    @classmethod
    def start(cls, limits: ScanLimits) -> "ScanContext":
        return cls(limits=limits, deadline=time.monotonic() + limits.max_seconds,
                   total_budget=[limits.max_total_bytes])

    def check_time(self) -> None:
        """Stop a file that takes longer than the time cap (checked between parts and rows)."""
        if time.monotonic() > self.deadline:
            secs = self.limits.max_seconds
            raise Unreadable(f"制限時間（{secs:g}秒）内に読み終わりませんでした。",
                             f"Not finished within the time limit ({secs:g} s).")

    def spend(self, nbytes: int) -> None:
        """Count decompressed bytes against the archive-wide cap (zip bombs)."""
        self.total_budget[0] -= nbytes
        if self.total_budget[0] < 0:
            mb = self.limits.max_total_bytes // (1024 * 1024)
            raise Unreadable(f"展開後の合計サイズが上限（{mb}MB）を超えました（圧縮爆弾の疑い）。",
                             f"Decompressed total exceeds the limit ({mb} MB); possible zip bomb.")

    def nested(self) -> "ScanContext":
        return ScanContext(self.limits, self.deadline, self.depth + 1, self.total_budget)


Parts = Iterator[Part]


def split_table(rows: list[list[str]], name: str = "") -> list[TablePart]:
    """A table under its header row, preceded by the rows above the header when there are any.

    Those rows (a title, a note such as "作成: 山田 090-…") are scanned too, without a header:
    nothing in a file is left unread because a header was found below it.
    """
    from tokki_desktop.scanner.tables import find_header

    h = find_header(rows)
    if h is None:
        return [TablePart(rows, None, name)]
    parts = [TablePart(rows[:h], None, name)] if h else []
    parts.append(TablePart(rows[h + 1:], rows[h], name))
    return parts

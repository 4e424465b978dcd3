"""What a form is made of: declarations that the one layout engine lays out.

A form is data (title, recipient, header, blocks of fields, free-text boxes, tables,
signature lines), never a drawing function. Values are named by *keys* into the data a
form is filled with (see :mod:`tokki_desktop.forms.sources`): ``record.name``,
``profile.client_head``, ``rows``…
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

# How a value is printed: dates and times in 和暦, counts with 件/人, yes/no as あり/なし,
# a choice as ■選択 □その他.
Kind = Literal["text", "date", "datetime", "count", "people", "yesno", "okng", "choice", "mono"]


@dataclass(frozen=True)
class Field:
    """One labelled value, printed as a row of a two-column box (label | value)."""

    label: str
    key: str
    required: bool = True
    kind: Kind = "text"
    choices: tuple[str, ...] = ()
    lines: int = 1  # height kept free for a handwritten value even when empty


@dataclass(frozen=True)
class Fields:
    """A box of labelled values, optionally under a numbered heading (1. 2. …)."""

    items: tuple[Field, ...]
    heading: str = ""


@dataclass(frozen=True)
class TextBox:
    """A free-text box under a heading; long text flows onto continuation pages."""

    label: str
    key: str
    required: bool = True
    min_lines: int = 3


@dataclass(frozen=True)
class Column:
    """One column of a :class:`Table`: header text, key in each row, relative width."""

    label: str
    key: str
    width: float = 1.0
    kind: Kind = "text"
    align: Literal["left", "center", "right"] = "left"


@dataclass(frozen=True)
class Table:
    """Rows read from ``rows_key``; the header row is repeated on every page.

    ``blank_rows`` empty rows are added for entries written by hand (e.g. a witness).
    """

    columns: tuple[Column, ...]
    rows_key: str = "rows"
    heading: str = ""
    blank_rows: int = 0
    empty_text: str = "該当なし"


@dataclass(frozen=True)
class Note:
    """Fixed wording (may name values as ``{profile.client}``); wrapped to the width."""

    text: str
    size: float = 10.5
    bold: bool = False


@dataclass(frozen=True)
class Signature:
    """Lines to be signed by hand (自署), with the 印 box when the profile keeps seals."""

    lines: tuple[Field, ...]
    heading: str = ""


@dataclass(frozen=True)
class Emphasis:
    """A value printed large in a framed box (the recovery key, a checkpoint MAC)."""

    label: str
    key: str
    size: float = 15.0


@dataclass(frozen=True)
class Attachments:
    """添付書類: the documents to enclose, listed under the blocks (before 以上)."""

    items: tuple[str, ...]


Block = Fields | TextBox | Table | Note | Signature | Emphasis | Attachments


@dataclass(frozen=True)
class Source:
    """Where a form's data comes from: a register, and whether one record or all of them.

    ``per_record``: one document per record (a pledge per person); ``--id`` picks it.
    ``rows``: the register whose records fill the form's table(s) as ``rows``.
    """

    register: str | None = None
    per_record: bool = False
    rows: str | None = None
    present: tuple[str, ...] = ()  # only records where these fields are filled (executed_at)
    where: tuple[tuple[str, str], ...] = ()  # only records with these stored values (role=officer)
    extra: tuple[str, ...] = ()  # other data the binding layer provides by name (checks, key)


@dataclass(frozen=True)
class FormSpec:
    """One printable form of the provisions."""

    id: str
    title: str
    article: str  # "第8条" — shown in `tokki forms list` and the intro
    summary_en: str
    blocks: tuple[Block, ...]
    source: Source = field(default_factory=Source)
    intro: str = ""
    recipient: bool = True  # 「{委託者の長} 様」
    contractor: bool = True  # 所在地 / 商号又は名称 / 代表者職氏名 (+ 印)
    doc_number: bool = True  # 文書番号 line above the date
    kiki: bool = True  # 記 … 以上 around the blocks
    landscape: bool = False
    personal_data: bool = True  # rendering it is an audited event
    date_key: str = "today"  # the date printed in the header
    hand_date: bool = False  # a blank 令和　年　月　日 for the signer to write (pledges)
    menu_title: str = ""  # how lists name it when the printed title is shared (誓約書（従事者）)

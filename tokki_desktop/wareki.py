"""和暦 (Japanese era) dates: formatting for forms and screens, parsing what users type.

Users type dates as 2026-04-01, 2026/4/1, 令和8年4月1日, R8.4.1, 令和元年5月1日, H31.4.30,
with full-width digits and any hyphen variant; all of these parse to the same ``date``.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

from tokki_desktop.errors import InvalidInput

# (name, letter, first day of the era)
ERAS: list[tuple[str, str, dt.date]] = [
    ("令和", "R", dt.date(2019, 5, 1)),
    ("平成", "H", dt.date(1989, 1, 8)),
    ("昭和", "S", dt.date(1926, 12, 25)),
    ("大正", "T", dt.date(1912, 7, 30)),
    ("明治", "M", dt.date(1868, 1, 25)),  # 明治元年 is counted from 1868 (the era's calendar year)
]

_HYPHENS = "‐‑‒–—―−－﹣⁃"
# The katakana long vowel mark is typed as a hyphen between digits (2026ー4ー1), but it is
# part of words such as カード: replace it only next to a digit.
_CHOON_BETWEEN_DIGITS = re.compile(r"(?<=\d)[ーｰ](?=\d)")


def normalize(text: str) -> str:
    """NFKC (full-width digits/letters to ASCII) and hyphen variants to '-'."""
    text = unicodedata.normalize("NFKC", text).strip()
    for h in _HYPHENS:
        text = text.replace(h, "-")
    return _CHOON_BETWEEN_DIGITS.sub("-", text)


def era_of(day: dt.date) -> tuple[str, str, int]:
    """The era name, letter and year number of ``day``."""
    for name, letter, start in ERAS:
        if day >= start:
            return name, letter, day.year - start.year + 1
    raise ValueError("date before 明治")


def format_wareki(day: dt.date | dt.datetime | None, *, with_seireki: bool = False) -> str:
    """``令和8年11月26日`` (元年 for year 1); ``(2026年)`` after the era year if asked."""
    if day is None:
        return ""
    if isinstance(day, dt.datetime):
        day = day.date()
    name, _letter, year = era_of(day)
    ytext = "元" if year == 1 else str(year)
    seireki = f"（{day.year}年）" if with_seireki else ""
    return f"{name}{ytext}年{seireki}{day.month}月{day.day}日"


def format_wareki_datetime(moment: dt.datetime | None, *, with_seireki: bool = False) -> str:
    """``令和8年11月26日 14時05分``."""
    if moment is None:
        return ""
    return f"{format_wareki(moment, with_seireki=with_seireki)} {moment.hour}時{moment.minute:02d}分"


_ERA_BY_KEY = {}
for _name, _letter, _start in ERAS:
    _ERA_BY_KEY[_name] = _start
    _ERA_BY_KEY[_letter] = _start
    _ERA_BY_KEY[_letter.lower()] = _start
    _ERA_BY_KEY[_name[0]] = _start  # 令8.4.1 is typed too

_WAREKI = re.compile(
    r"^(?P<era>令和|平成|昭和|大正|明治|[RHSTMrhstm令平昭大明])\s*(?P<y>\d{1,2}|元)\s*(?:年|[.\-/])\s*"
    r"(?P<m>\d{1,2})\s*(?:月|[.\-/])\s*(?P<d>\d{1,2})\s*日?$"
)
_SEIREKI = re.compile(r"^(?P<y>\d{4})\s*(?:年|[.\-/])\s*(?P<m>\d{1,2})\s*(?:月|[.\-/])\s*(?P<d>\d{1,2})\s*日?$")
_COMPACT = re.compile(r"^(?P<y>\d{4})(?P<m>\d{2})(?P<d>\d{2})$")


def parse_date(text: str, *, field_ja: str = "日付", field_en: str = "date") -> dt.date:
    """Parse a 西暦 or 和暦 date as users type it; :class:`InvalidInput` names the field."""
    raw = normalize(text)
    m = _WAREKI.match(raw)
    try:
        if m:
            start = _ERA_BY_KEY[m["era"]]
            year = 1 if m["y"] == "元" else int(m["y"])
            if year < 1:
                raise ValueError
            day = dt.date(start.year + year - 1, int(m["m"]), int(m["d"]))
            # 令和元年4月1日 does not exist (still 平成31年): refuse dates before the era began.
            if day < start:
                raise ValueError
            return day
        m = _SEIREKI.match(raw) or _COMPACT.match(raw)
        if m:
            return dt.date(int(m["y"]), int(m["m"]), int(m["d"]))
    except ValueError:
        pass
    raise InvalidInput(
        field_ja, field_en,
        "日付として読めません（例: 2026-04-01、令和8年4月1日、R8.4.1）",
        "not a valid date (e.g. 2026-04-01, 令和8年4月1日, R8.4.1)",
    )


def parse_datetime(text: str, *, field_ja: str = "日時", field_en: str = "date and time") -> dt.datetime:
    """A date as in :func:`parse_date`, optionally followed by ``HH:MM`` or ``H時M分``."""
    raw = normalize(text)
    m = re.match(r"^(?P<date>.+?)(?:[ T]+(?P<h>\d{1,2})(?::|時)(?P<mi>\d{1,2})分?(?::(?P<s>\d{1,2}))?)?$", raw)
    if not m:
        raise InvalidInput(field_ja, field_en, "日時として読めません", "not a valid date and time")
    try:
        day = parse_date(m["date"], field_ja=field_ja, field_en=field_en)
    except InvalidInput:
        # ISO 8601 with offset, as stored
        try:
            return dt.datetime.fromisoformat(raw)
        except ValueError:
            raise InvalidInput(field_ja, field_en, "日時として読めません", "not a valid date and time") from None
    h, mi, s = int(m["h"] or 0), int(m["mi"] or 0), int(m["s"] or 0)
    try:
        return dt.datetime(day.year, day.month, day.day, h, mi, s)
    except ValueError:
        raise InvalidInput(field_ja, field_en, "時刻が正しくありません", "the time is not valid") from None

"""和暦 (Japanese era) dates: formatting for forms and screens, parsing what users type.

Users type dates as 2026-04-01, 2026/4/1, 令和8年4月1日, R8.4.1, 令和元年5月1日, H31.4.30,
with full-width digits and any hyphen variant; all of these parse to the same ``date``.
"""

from __future__ import annotations

import calendar
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


# Not calendar.month_name: that follows the process locale, which Qt sets from the desktop's.
_MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
              "October", "November", "December")
_ERA_EN = {"令和": "Reiwa", "平成": "Heisei", "昭和": "Showa", "大正": "Taisho", "明治": "Meiji"}
_EXAMPLES_JA = "（例: 2026-04-01、令和8年4月1日、R8.4.1）"
_EXAMPLES_EN = " (e.g. 2026-04-01, 令和8年4月1日, R8.4.1)"


def _calendar_date(year: int, month: int, day: int, field_ja: str, field_en: str, era: str = "",
                   era_year: str = "") -> dt.date:
    """The date, or an :class:`InvalidInput` that says what is wrong with it (February has no 30th)."""
    if not 1 <= month <= 12:
        raise InvalidInput(field_ja, field_en, f"月は1から12までです{_EXAMPLES_JA}", f"the month must be 1 to 12{_EXAMPLES_EN}")
    last = calendar.monthrange(year, month)[1]
    if not 1 <= day <= last:
        year_ja = f"{era}{era_year}年" if era else f"{year}年"
        raise InvalidInput(field_ja, field_en, f"{year_ja}{month}月は{last}日までです",
                           f"{_MONTHS_EN[month - 1]} {year} has {last} days")
    return dt.date(year, month, day)


def _era_date(era_key: str, year_text: str, month: int, day: int, field_ja: str, field_en: str) -> dt.date:
    index = next(i for i, (name, letter, _start) in enumerate(ERAS)
                 if era_key in (name, name[0], letter, letter.lower()))
    name, _letter, start = ERAS[index]
    year = 1 if year_text == "元" else int(year_text)
    if year < 1:
        raise InvalidInput(field_ja, field_en, "年は元年または1以上です", "the era year starts at 1")
    day_ = _calendar_date(start.year + year - 1, month, day, field_ja, field_en, name, year_text)
    # 令和元年4月1日 does not exist (still 平成31年): refuse dates outside the era.
    if day_ < start:
        raise InvalidInput(field_ja, field_en, f"{name}は{format_wareki(start)}からです",
                           f"the {_ERA_EN[name]} era begins on {start.isoformat()}")
    if index > 0 and day_ >= ERAS[index - 1][2]:
        end = ERAS[index - 1][2] - dt.timedelta(days=1)
        raise InvalidInput(field_ja, field_en, f"{name}は{format_wareki(end)}までです（以降は{ERAS[index - 1][0]}）",
                           f"the {_ERA_EN[name]} era ended on {end.isoformat()}")
    return day_


def parse_date(text: str, *, field_ja: str = "日付", field_en: str = "date") -> dt.date:
    """Parse a 西暦 or 和暦 date as users type it; :class:`InvalidInput` names the field and
    says what is wrong (a month without that day, a day before its era began)."""
    raw = normalize(text)
    m = _WAREKI.match(raw)
    if m:
        return _era_date(m["era"], m["y"], int(m["m"]), int(m["d"]), field_ja, field_en)
    m = _SEIREKI.match(raw) or _COMPACT.match(raw)
    if m:
        return _calendar_date(int(m["y"]), int(m["m"]), int(m["d"]), field_ja, field_en)
    raise InvalidInput(field_ja, field_en, "日付として読めません" + _EXAMPLES_JA, "not a valid date" + _EXAMPLES_EN)


def parse_datetime(text: str, *, field_ja: str = "日時", field_en: str = "date and time") -> dt.datetime:
    """A date as in :func:`parse_date`, optionally followed by ``HH:MM`` or ``H時M分``."""
    raw = normalize(text)
    m = re.match(r"^(?P<date>.+?)(?:[ T]+(?P<h>\d{1,2})(?::|時)(?P<mi>\d{1,2})分?(?::(?P<s>\d{1,2}))?)?$", raw)
    if not m:
        raise InvalidInput(field_ja, field_en, "日時として読めません", "not a valid date and time")
    try:
        day = parse_date(m["date"], field_ja=field_ja, field_en=field_en)
    except InvalidInput as exc:
        # ISO 8601 with offset, as stored
        try:
            return dt.datetime.fromisoformat(raw)
        except ValueError:
            raise exc from None  # what is wrong with the date part (February has no 30th)
    h, mi, s = int(m["h"] or 0), int(m["mi"] or 0), int(m["s"] or 0)
    try:
        return dt.datetime(day.year, day.month, day.day, h, mi, s)
    except ValueError:
        raise InvalidInput(field_ja, field_en, "時刻が正しくありません", "the time is not valid") from None

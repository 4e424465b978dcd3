"""和暦: what users type parses; forms print 令和8年11月26日."""

import datetime as dt

import pytest

from tokki_desktop.errors import InvalidInput
from tokki_desktop.wareki import format_wareki, parse_date, parse_datetime


@pytest.mark.parametrize("text", ["2026-04-01", "2026/4/1", "2026年4月1日", "令和8年4月1日", "R8.4.1",
                                  "r8.04.01", "令8.4.1", "２０２６－０４－０１", "Ｒ８．４．１", "令和８年４月１日",
                                  "20260401", "2026‐4‐1"])
def test_parse_forms_users_type(text):
    assert parse_date(text) == dt.date(2026, 4, 1)


def test_gannen_and_era_boundaries():
    assert parse_date("令和元年5月1日") == dt.date(2019, 5, 1)
    assert parse_date("H31.4.30") == dt.date(2019, 4, 30)
    assert parse_date("昭和64年1月7日") == dt.date(1989, 1, 7)
    with pytest.raises(InvalidInput):
        parse_date("令和元年4月1日")  # still 平成31年


@pytest.mark.parametrize("text", ["", "2026-02-30", "令和8年13月1日", "tomorrow", "R0.1.1", "8/4/1"])
def test_bad_dates_name_the_field(text):
    with pytest.raises(InvalidInput) as err:
        parse_date(text, field_ja="承認日", field_en="approved on")
    assert "承認日" in err.value.message("ja") and "approved on" in err.value.message("en")


def test_format():
    assert format_wareki(dt.date(2026, 11, 26)) == "令和8年11月26日"
    assert format_wareki(dt.date(2019, 5, 1)) == "令和元年5月1日"
    assert format_wareki(dt.date(2019, 4, 30)) == "平成31年4月30日"
    assert format_wareki(dt.date(2026, 11, 26), with_seireki=True) == "令和8年（2026年）11月26日"
    assert format_wareki(None) == ""


def test_long_vowel_mark_is_kept_in_words():
    from tokki_desktop.wareki import normalize

    assert normalize("ＳＤカード") == "SDカード"
    assert normalize("2026ー4ー1") == "2026-4-1"


def test_datetime():
    assert parse_datetime("R8.11.26 14:05") == dt.datetime(2026, 11, 26, 14, 5)
    assert parse_datetime("令和8年11月26日 9時30分") == dt.datetime(2026, 11, 26, 9, 30)
    with pytest.raises(InvalidInput):
        parse_datetime("令和8年11月26日 25:00")


@pytest.mark.parametrize(("typed", "ja", "en"), [
    ("令和8年2月30日", "令和8年2月は28日までです", "February 2026 has 28 days"),
    ("2027/2/29", "2027年2月は28日までです", "February 2027 has 28 days"),
    ("R8.4.31", "令和8年4月は30日までです", "April 2026 has 30 days"),
    ("2026-13-01", "月は1から12までです", "the month must be 1 to 12"),
    ("令和元年4月1日", "令和は令和元年5月1日からです", "the Reiwa era begins on 2019-05-01"),
    ("平成32年1月1日", "平成は平成31年4月30日までです", "the Heisei era ended on 2019-04-30"),
    ("令和8年2月30日 9:00", "令和8年2月は28日までです", "February 2026 has 28 days"),
])
def test_a_date_that_does_not_exist_says_what_is_wrong(typed: str, ja: str, en: str) -> None:
    from tokki_desktop.errors import InvalidInput
    from tokki_desktop.wareki import parse_datetime

    parse = parse_datetime if ":" in typed else parse_date
    with pytest.raises(InvalidInput) as caught:
        parse(typed, field_ja="従事開始日", field_en="Start date")
    assert ja in caught.value.message("ja") and "従事開始日" in caught.value.message("ja")
    assert en in caught.value.message("en")
    assert "読めません" not in caught.value.message("ja")

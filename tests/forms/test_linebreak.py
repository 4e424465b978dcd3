"""禁則処理: no 。、」 at a line start, no 「 at a line end, nothing lost, nothing too wide."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tokki_desktop.forms import fonts
from tokki_desktop.forms.fonts import MINCHO
from tokki_desktop.forms.linebreak import (
    NO_LINE_END,
    NO_LINE_START,
    _units,
    break_lines,
)

SIZE = 10.0


def _w(text: str) -> float:
    return fonts.text_width(text, MINCHO, SIZE)


def test_closing_punctuation_is_pushed_to_the_next_line_with_its_character() -> None:
    lines = break_lines("あいうえおかきくけこ、さしすせそ。", _w("あいうえおかきくけこ"), MINCHO, SIZE)
    assert lines == ["あいうえおかきくけ", "こ、さしすせそ。"]


def test_opening_bracket_never_ends_a_line() -> None:
    lines = break_lines("あいうえおかきく「けこ」", _w("あいうえおかきく「"), MINCHO, SIZE)
    assert lines == ["あいうえおかきく", "「けこ」"]


def test_latin_runs_stay_whole_with_their_brackets() -> None:
    text = "紙（USB-001）"
    assert break_lines(text, _w(text) - 1, MINCHO, SIZE) == ["紙", "（USB-001）"]


def test_a_run_wider_than_the_line_is_split_not_clipped() -> None:
    serial = "SN" + "0123456789" * 4
    lines = break_lines(serial, _w("SN012345"), MINCHO, SIZE)
    assert "".join(lines) == serial
    assert len(lines) > 3
    assert all(_w(line) <= _w("SN012345") for line in lines)


def test_explicit_newlines_are_kept() -> None:
    assert break_lines("一行目\n二行目", 200, MINCHO, SIZE) == ["一行目", "二行目"]
    assert break_lines("", 200, MINCHO, SIZE) == []


_JAPANESE = st.text(
    alphabet=st.sampled_from(list("あいうえおかきくけこ漢字情報個人、。「」（）ー・っゃABC123 ")),
    min_size=1, max_size=120,
)


@settings(max_examples=80, deadline=None)
@given(text=_JAPANESE, chars=st.integers(min_value=3, max_value=30))
def test_kinsoku_holds_for_any_text(text: str, chars: int) -> None:
    width = chars * SIZE
    lines = break_lines(text, width, MINCHO, SIZE)
    # The documented exception: a unit (characters that may not be parted) wider than the
    # whole line is split by characters; 禁則 cannot hold inside it.
    splits_a_unit = any(_w(u) > width for u in _units(text))
    # Nothing is lost (only spaces at a break may go).
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")
    for i, line in enumerate(lines):
        assert _w(line) <= width + 0.01
        if splits_a_unit:
            continue
        if i > 0 and line:
            assert line[0] not in NO_LINE_START, lines
        if i < len(lines) - 1 and line:
            assert line[-1] not in NO_LINE_END, lines

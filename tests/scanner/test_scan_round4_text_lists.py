"""Round 4 for lists of people kept as text: list marks, honorifics and role notes around a
whole name one a line (invented text, never a corpus file)."""

from __future__ import annotations

import io

import docx
import pytest

from tokki_desktop.scanner import CLEAN, PERSONAL_DATA, scan_bytes

PEOPLE = [("山田", "太郎"), ("佐藤", "花子"), ("鈴木", "一郎"), ("高橋", "美咲"), ("田中", "健太")]


def _docx(lines: list[str]) -> bytes:
    doc = docx.Document()
    for line in lines:
        doc.add_paragraph(line)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


@pytest.mark.parametrize("line", [
    "- {s} {g}（会計）",       # a Markdown list of officers with their roles
    "{s}{g}様",               # addressees one a line
    "{s} {g} さん",
    "{i} {s}　{g}",          # circled numbers
    "{n}. {s}{g} (副会長)",
])
def test_names_with_marks_honorifics_or_roles_one_a_line(line: str) -> None:
    text = "# 役員名簿\n" + "".join(line.format(s=s, g=g, i="①②③④⑤"[k], n=k + 1) + "\n"
                                  for k, (s, g) in enumerate(PEOPLE))
    assert scan_bytes(text.encode(), "yakuin.md").verdict == PERSONAL_DATA
    assert scan_bytes(_docx(text.splitlines()), "yakuin.docx").verdict == PERSONAL_DATA


@pytest.mark.parametrize("text", [
    "山田様\n佐藤様\n鈴木様\n高橋様\n",                 # surnames alone, even with 様
    "保護者様\n皆様\n各位\n関係者様\n",                 # no one named
    "中央公園（休園）\n市民病院（外来）\n中央図書館（改修中）\n東部集会所\n",  # facilities with notes
    "1番 山田 太郎 君\n2番 佐藤 花子 君\n3番 鈴木 一郎 君\n",  # minutes: a seat number and 君 are prose
    "① 受付\n② 開会挨拶\n③ 議事\n④ 閉会\n",          # an agenda
])
def test_look_alikes_stay_clean(text: str) -> None:
    assert scan_bytes(text.encode(), "memo.txt").verdict == CLEAN


ROMAJI = ["Taro Yamada", "Hanako Sato", "Ichiro Suzuki", "Misaki Takahashi", "Kenta Tanaka"]


@pytest.mark.parametrize("text,name", [
    ("Full Name\n" + "\n".join(ROMAJI) + "\n", "attendees.csv"),        # one column under an English header
    ("# Members\n" + "".join(f"- {v}\n" for v in ROMAJI), "members.md"),
    ("".join(f"{i}. {v}\n" for i, v in enumerate(ROMAJI, 1)), "list.txt"),
])
def test_romaji_whole_names_one_a_line(text: str, name: str) -> None:
    assert scan_bytes(text.encode(), name).verdict == PERSONAL_DATA


def test_english_headings_and_places_one_a_line_stay_clean() -> None:
    text = "Getting Started\nRelease Notes\nNew York\nSan Francisco\nOmnium Finance\nSee Also\n"
    assert scan_bytes(text.encode(), "README.md").verdict == CLEAN

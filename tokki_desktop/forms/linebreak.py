"""Japanese line breaking (禁則処理) for the forms.

Rules kept: closing brackets, 。、 and small kana never start a line (行頭禁則), opening
brackets never end one (行末禁則); a run of Latin letters and digits (a date, a serial
number, an e-mail address) is kept whole unless it is wider than the line on its own.
Breaking is done by pushing characters onto the next line (追い出し), never by letting
them run past the box edge, so nothing is clipped. Only a unit wider than the whole line
(a long serial number in a narrow column) is split by characters.
"""

from __future__ import annotations

import re
from collections import deque

from tokki_desktop.forms import fonts

# 行頭禁則: may not begin a line.
NO_LINE_START = frozenset(
    "、。，．,.・：:；;？?！!‼⁇⁈⁉ー―‐–～〜」』）)］]｝}〕〉》】〙〗〟’”»"
    "ゝゞヽヾ々〻ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ"
    "%％‰℃°′″"
)
# 行末禁則: may not end a line.
NO_LINE_END = frozenset("「『（(［[｛{〔〈《【〘〖〝‘“«￥$＄£€#＃")

# Units that are never split: Latin words, numbers with their separators; everything else
# (kana, kanji, punctuation, each space) is a unit of its own.
# A number keeps its counter (12,000件, 30分, 3階): 数字と単位は分けない.
_UNIT = re.compile(r"[A-Za-z0-9０-９Ａ-Ｚａ-ｚ_@.,\-/:+'&=~%#]+[年月日時分秒件人個号階枚部回名]?|\s|.", re.DOTALL)


def _units(text: str) -> list[str]:
    """Unbreakable units: a closing mark sticks to what precedes it, an opening one to what
    follows, so a greedy fill can never start a line with 。 or end one with 「."""
    units: list[str] = []
    glue_next = False
    for tok in _UNIT.findall(text):
        space = tok.isspace()
        if units and not space and tok[0] in NO_LINE_START:
            # A space before a closing mark is no break opportunity either.
            if units[-1].isspace() and len(units) > 1:
                spaces = units.pop()
                units[-1] += spaces
            units[-1] += tok
        elif units and glue_next:
            units[-1] += tok
        else:
            units.append(tok)
        if not space:
            glue_next = tok[-1] in NO_LINE_END
    return units


def break_lines(text: str, width: float, font: str, size: float) -> list[str]:
    """Split ``text`` into lines no wider than ``width`` points, keeping 禁則.

    Explicit newlines are kept. An empty text gives no lines.
    """
    fonts.ensure_fonts()
    lines: list[str] = []
    for para in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        if not para:
            lines.append("")
            continue
        lines.extend(_break_paragraph(para, width, font, size))
    # An explicit trailing newline must not leave a dangling blank line in a box.
    while lines and lines[-1] == "" and len(lines) > 1:
        lines.pop()
    return lines if text else []


def _break_paragraph(para: str, width: float, font: str, size: float) -> list[str]:
    out: list[str] = []
    line: list[str] = []
    line_w = 0.0
    units = deque(_units(para))
    while units:
        unit = units.popleft()
        uw = fonts.text_width(unit, font, size)
        if line_w + uw <= width:
            line.append(unit)
            line_w += uw
        elif unit.isspace():
            out.append("".join(line).rstrip())
            line, line_w = [], 0.0
        elif uw > width and len(unit) > 1:
            # Wider than a whole line (a long serial number in a narrow column): split it
            # by characters where it stands rather than let it run past the box.
            units.extendleft(reversed(unit))
        elif not line:
            line, line_w = [unit], uw  # one character wider than the box: it still prints
        else:
            out.append("".join(line).rstrip())
            line, line_w = [unit], uw
    if line:
        out.append("".join(line).rstrip())
    # Spaces at the start of a continuation line carry no meaning.
    return [out[0]] + [ln.lstrip(" ") for ln in out[1:]] if out else [""]

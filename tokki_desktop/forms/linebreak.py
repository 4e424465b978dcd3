"""Japanese line breaking (禁則処理) for the forms.

Rules kept: closing brackets, 。、 and small kana never start a line (行頭禁則), opening
brackets never end one (行末禁則); a run of Latin letters and digits (a date, a serial
number, an e-mail address) is kept whole unless it is wider than the line on its own.
Breaking is done by pushing characters onto the next line (追い出し), never by letting
them run past the box edge, so nothing is clipped.
"""

from __future__ import annotations

import re

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
_UNIT = re.compile(r"[A-Za-z0-9０-９Ａ-Ｚａ-ｚ_@.\-/:+'&=~%#]+|\s|.", re.DOTALL)


def _units(text: str) -> list[str]:
    return _UNIT.findall(text)


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
    for unit in _units(para):
        uw = fonts.text_width(unit, font, size)
        if line_w + uw <= width or not line:
            if uw > width and len(unit) > 1:
                # A Latin run wider than the whole line: split it by characters.
                for ch in unit:
                    cw = fonts.text_width(ch, font, size)
                    if line and line_w + cw > width:
                        out.append("".join(line))
                        line, line_w = [], 0.0
                    line.append(ch)
                    line_w += cw
                continue
            line.append(unit)
            line_w += uw
            continue
        # ``unit`` does not fit: break before it, moving characters back as 禁則 needs.
        if unit.isspace():
            out.append("".join(line).rstrip())
            line, line_w = [], 0.0
            continue
        carry = [unit]
        while len(line) > 1 and (carry[0][0] in NO_LINE_START or line[-1][-1] in NO_LINE_END):
            carry.insert(0, line.pop())
        out.append("".join(line).rstrip())
        line = carry
        line_w = sum(fonts.text_width(u, font, size) for u in line)
        if line_w > width:
            # Several pushed-out units together overflow (very narrow box): re-break them.
            rest = _break_paragraph("".join(line), width, font, size)
            out.extend(rest[:-1])
            line = [rest[-1]]
            line_w = fonts.text_width(rest[-1], font, size)
    if line:
        out.append("".join(line).rstrip())
    # Spaces at the start of a continuation line carry no meaning.
    return [out[0]] + [ln.lstrip(" ") for ln in out[1:]] if out else [""]

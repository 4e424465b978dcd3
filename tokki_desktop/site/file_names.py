"""File names that leave a terminal: name-like parts masked, folders and extension kept.

A file name can name a resident (``山田太郎様_申請書.xlsx``), and so can a folder
(``C:\\Users\\…\\佐藤花子\\``). Before a detection crosses the drop folder, the agent masks
every part of its path that the scanner's own name clues take for a person's name, and
long digit runs (a phone number, a My Number). The result keeps what the officer needs to
act: the folder structure, the separators, the words that are not names (申請書, 住民票),
and the extension. The full path stays on the terminal (its encrypted store), where the
officer's resolutions are carried out.

The clues are the scanner's, used through its functions, not copied: the dictionary test
of a surname followed by a given name, the bare-name test, the listed surnames, and the
scanner's masked form of a name (its first character and ＊＊＊, as in the masked examples
that cross already). Names written in Latin letters (``yamada_taro``) cannot be told
from words reliably and are kept; see docs/SITE.md.
"""

from __future__ import annotations

import ntpath
import posixpath
import re

# Separators inside a file or folder name: kept as they are, they delimit the parts tested.
_SPLIT = re.compile(r"([\s_\-‐－・.,、，。()（）\[\]［］【】「」『』〔〕{}<>＜＞+＋=＝#＃&＆~〜～!！?？'\"]+|\d+)")
_HONORIFIC = re.compile(r"(様|さま|殿|さん|君|くん|ちゃん|氏)$")
_CJK = re.compile(r"^[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff々〆ヵヶー]+$")
_LONG_DIGITS = 7  # a postal code has 7, a phone number 10-11, a My Number 12
_PHONE = re.compile(r"(?<!\d)\d{2,5}[-‐－ー]\d{1,4}[-‐－ー]\d{3,4}(?!\d)")
_MAX_NAME = 8


def _is_name(text: str) -> bool:
    from tokki_desktop.scanner.japanese import is_full_name, is_person_name

    return 2 <= len(text) <= _MAX_NAME + 4 and bool(_CJK.match(text)) and (is_full_name(text) or is_person_name(text))


def _masked_name(text: str) -> str:
    from tokki_desktop.scanner.masking import mask

    return mask("name", text)


def _mask_word(word: str) -> str:
    """One run of letters between separators."""
    if not word or not _CJK.match(word):
        return word
    honor = _HONORIFIC.search(word)
    if honor and honor.start() > 0:
        # 山田太郎様: whatever stands before an honorific is someone's name.
        return _mask_word_body(word[:honor.start()], before_honorific=True) + honor.group(0)
    return _mask_word_body(word)


def _mask_word_body(word: str, *, before_honorific: bool = False) -> str:
    if _is_name(word):
        return _masked_name(word)
    # A name run into other words (山田太郎申請書): the longest leading name.
    for n in range(min(len(word) - 1, _MAX_NAME), 1, -1):
        if _is_name(word[:n]):
            return _masked_name(word[:n]) + _mask_word_body(word[n:])
    if before_honorific:
        # 市民課山田様: the name ends at the honorific; the longest name that ends there.
        from tokki_desktop.scanner.names import starts_with_surname

        for k in range(max(0, len(word) - _MAX_NAME), len(word) - 1):
            tail = word[k:]
            if _is_name(tail) or (len(tail) <= 4 and starts_with_surname(tail)):
                return word[:k] + _masked_name(tail)
        return _masked_name(word)  # an honorific after a word we cannot place: mask it all
    return word


def _digits(run: str) -> str:
    if len(run) < _LONG_DIGITS or _is_date(run):
        return run  # a count, a number of a form, a date (会議資料_20261126): nobody's
    return "*" * len(run)


def _is_date(run: str) -> bool:
    import datetime as dt

    if len(run) != 8:
        return False
    try:
        dt.date(int(run[:4]), int(run[4:6]), int(run[6:]))
    except ValueError:
        return False
    return 1900 <= int(run[:4]) <= 2100


def mask_part(part: str) -> str:
    """One folder or file name (without its extension) with name-like parts masked."""
    # A phone number written with hyphens (090-1234-5678): its digits, whatever the groups.
    part = _PHONE.sub(lambda m: re.sub(r"\d", "*", m.group(0)), part)
    out = []
    for piece in _SPLIT.split(part):
        if not piece:
            continue
        if piece.isdigit():
            out.append(_digits(piece))
        elif _SPLIT.fullmatch(piece):
            out.append(piece)
        else:
            out.append(_mask_word(piece))
    return "".join(out)


def mask_path(path: str, *, is_file: bool = True) -> str:
    """A path with every folder and the file name masked; the extension and drive kept
    (``is_file=False`` for a folder: a dot in its last name is no extension)."""
    windows = "\\" in path and not path.startswith("/")
    mod = ntpath if windows else posixpath
    drive, rest = mod.splitdrive(path)
    sep = "\\" if windows else "/"
    parts = re.split(r"[\\/]" if windows else "/", rest)
    masked = []
    for i, part in enumerate(parts):
        if is_file and i == len(parts) - 1 and "." in part.lstrip("."):
            stem, dot, ext = part.rpartition(".")
            masked.append(mask_part(stem) + dot + ext)
        else:
            masked.append(mask_part(part))
    return drive + sep.join(masked)

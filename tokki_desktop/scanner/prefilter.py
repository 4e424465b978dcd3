"""Which detector families can match a text at all, and where its numbers are: one Hyperscan pass.

Each Python detector is a separate pass over the text. Hyperscan (Intel's multi-pattern
engine; wheels for Windows, Linux and macOS on x86-64 and for macOS on Apple silicon) runs
loose supersets of all their candidate patterns at once and reports which families occur;
the detectors whose family is absent are skipped. The same pass reports where each
candidate number ends, and the number detectors search only the runs of digits around
those (``number_candidates``). The patterns are deliberately looser than the detectors' own
(no look-arounds, no context), so skipping never loses a finding — tests compare every
finding with and without the prefilter.

Without Hyperscan (Linux on ARM, or ``TOKKI_NO_HYPERSCAN=1``) every detector runs over the
whole text; the results are the same, and the tests run both ways.
"""

from __future__ import annotations

import logging
import os
import threading

from tokki_desktop.scanner.keywords import KEYWORD_PATTERN, KIND_PATTERNS, NAME_LABELS, ROLE_LABELS

log = logging.getLogger(__name__)

_CJK = "一-龥々〆ヶぁ-んァ-ヶー"
# The number families are told by the character before and after the number: a 12-digit
# run inside a 13-digit product code, which the detectors skip for the digit next to it,
# does not make "twelve" present. These patterns are matched on the bytes (no UTF-8 mode):
# the guards are ASCII classes that let through every byte but those of the characters the
# detectors refuse there, so any character, even a lone surrogate, passes as one of them.
# The numbers are in ASCII digits; any other decimal digit makes the family present by
# itself (_WIDE_DIGIT, in UTF-8 mode; Hyperscan refuses a guard before Unicode \d runs).
_WIDE_DIGIT = r"[^\D0-9]"
_BEFORE_NUMBER = r"(?:^|[^0-9\-])"
_AFTER_NUMBER = r"(?:[^0-9\-]|$)"
_BEFORE_PHONE = r"(?:^|[^0-9\-+.A-Za-z_])"
_AFTER_PHONE = r"(?:[^0-9A-Za-z_\-.]|$)"
_TWELVE_BYTES = _BEFORE_NUMBER + r"[0-9]{4}[ \-]?[0-9]{4}[ \-]?[0-9]{4}" + _AFTER_NUMBER
# 0[0-9]{9,10} stands for 0[0-9]{9} and 0[5789]0[0-9]{8} (a superset, as a prefilter may be):
# Hyperscan runs it at less than half the cost of the two on digit-dense logs.
_PHONE_BYTES = (_BEFORE_PHONE + r"(?:0[0-9]{1,4}-[0-9]{1,4}-[0-9]{4}|0[0-9]{1,4}\([0-9]{1,4}\)[0-9]{4}"
                r"|0[0-9]{9,10}|\(0[0-9]{1,4}\) ?[0-9]{1,4}-[0-9]{4})" + _AFTER_PHONE)
_POSTAL_BYTES = _BEFORE_NUMBER + r"[0-9]{3}-[0-9]{4}" + _AFTER_NUMBER
_BYTE_PATTERNS = frozenset({_TWELVE_BYTES, _PHONE_BYTES, _POSTAL_BYTES})
FAMILIES: dict[str, str | tuple[str, ...]] = {
    "twelve": (_TWELVE_BYTES, _WIDE_DIGIT),
    "phone": (_PHONE_BYTES, _WIDE_DIGIT),
    "postal": (_POSTAL_BYTES, _WIDE_DIGIT),
    "address": rf"[市区町村郡][{_CJK}]{{0,14}}\d|[市区町村郡][{_CJK}]{{0,14}}丁目"
               rf"|[市区町村郡][{_CJK}]{{0,14}}[一二三四五六七八九十〇][ー\-][一二三四五六七八九十〇]",
    # The three label patterns, each told apart: a roster's カナ column alone would otherwise
    # run the name and role label passes too.
    "label_name": "|".join(NAME_LABELS),
    "label_kana": "フリガナ|ふりがな|カナ|名義",
    "label_role": "|".join(ROLE_LABELS),
    "honor": r"様|さん|殿",
    "bare_name": rf"[{_CJK}] [{_CJK}]",
    "born": r"(日|\d) ?生",
    "email": r"@[A-Za-z0-9\-]+\.[A-Za-z0-9\-]",
    # Words every match of a detector holds (被保険者番号 or 記号番号, 記号 練93 番号…,
    # と申します, (03) 1234-5678): looked for here, as part of the one pass, because a
    # substring test with ``in`` costs as much as the regex itself on 4 MB of Japanese.
    "health_number": "保険者|記号",
    "health_card": "記号",
    "self_intro": "と申します",
    "phone_paren": r"\(0",
    "keyword": KEYWORD_PATTERN,  # exactly the detectors' keyword pattern
    **KIND_PATTERNS,  # kw_my, kw_org…: which kinds of keyword occur at all
}
ALL = frozenset(FAMILIES)
# One Hyperscan expression per alternative; _FAMILY_OF[id] is the family it reports.
_PATTERNS: list[str] = []
_FAMILY_OF: list[str] = []
for _name, _alternatives in FAMILIES.items():
    for _pattern in (_alternatives,) if isinstance(_alternatives, str) else _alternatives:
        _PATTERNS.append(_pattern)
        _FAMILY_OF.append(_name)
_state = threading.local()
_db: object | None = None
_db_lock = threading.Lock()
_unavailable = False


# Set to 1 to run without Hyperscan (as on a platform without its wheel): the tests run both ways.
DISABLE_ENV = "TOKKI_NO_HYPERSCAN"


def _database() -> object | None:
    global _db, _unavailable
    if os.environ.get(DISABLE_ENV) == "1":
        return None
    if _db is not None or _unavailable:
        return _db
    with _db_lock:
        if _db is None and not _unavailable:
            try:
                import hyperscan

                db = hyperscan.Database(mode=hyperscan.HS_MODE_BLOCK)
                utf8 = hyperscan.HS_FLAG_UTF8 | hyperscan.HS_FLAG_UCP | hyperscan.HS_FLAG_SINGLEMATCH
                flags = [hyperscan.HS_FLAG_SINGLEMATCH if p in _BYTE_PATTERNS else utf8 for p in _PATTERNS]
                expressions = [p.encode("utf-8") for p in _PATTERNS]
                db.compile(expressions=expressions, ids=list(range(len(expressions))), elements=len(expressions),
                           flags=flags)
                _db = db
            except Exception as exc:  # not installed, or no wheel for this CPU: run every detector
                log.info("hyperscan prefilter unavailable (%s); all detectors run", type(exc).__name__)
                _unavailable = True
    return _db


# Where the number families occur, for the detectors to run their regexes only there. The
# same pass as the families: the byte patterns report every match (no SINGLEMATCH), their
# ends are kept, and the detectors search only the runs of number characters around them.
# A non-ASCII decimal digit leaves every family unknown: the detectors' \d takes those, the
# byte patterns do not. Past MAX_CANDIDATES in one family the detector's pass over the whole
# text is cheaper than the windows for phone and postal codes (their matches are checked
# one by one anyway); twelve-digit numbers go through windows up to MAX_TWELVE (a log full
# of job ids: 8,000 in 600 KB, read in windows at a third of the whole-text pass). Past
# MAX_CALLBACKS matches in all (a slice that is nothing but numbers) the scan stops and only
# the families are found, by a second pass that reports each family once.
NUMBER_FAMILIES = ("twelve", "phone", "postal")
# With the twelve-digit candidates' last digits, their first digits (same order), under this key.
TWELVE_FIRSTS = "twelve_first"
MAX_CANDIDATES = 500
MAX_TWELVE = 100_000
MAX_CALLBACKS = 200_000
_NUMBER_IDS = {i: _FAMILY_OF[i] for i, p in enumerate(_PATTERNS) if p in _BYTE_PATTERNS}
_TWELVE_ID = _PATTERNS.index(_TWELVE_BYTES)


def _one_pass_database() -> object | None:
    """The families and the number candidates in one database (ids as in _PATTERNS)."""
    global _one_pass_db
    if _one_pass_db is not None or _database() is None:
        return _one_pass_db
    with _db_lock:
        if _one_pass_db is None:
            import hyperscan

            db = hyperscan.Database(mode=hyperscan.HS_MODE_BLOCK)
            utf8 = hyperscan.HS_FLAG_UTF8 | hyperscan.HS_FLAG_UCP | hyperscan.HS_FLAG_SINGLEMATCH
            # The twelve-digit pattern reports where each match starts too (its guard byte):
            # most ids in a log then need no search for their run (see detectors).
            flags = [(hyperscan.HS_FLAG_SOM_LEFTMOST if i == _TWELVE_ID else 0) if i in _NUMBER_IDS else utf8
                     for i in range(len(_PATTERNS))]
            db.compile(expressions=[p.encode("utf-8") for p in _PATTERNS], ids=list(range(len(_PATTERNS))),
                       elements=len(_PATTERNS), flags=flags)
            _one_pass_db = db
    return _one_pass_db


_one_pass_db: object | None = None


def _encoded(text: str) -> bytes:
    return text.encode("utf-8", "surrogatepass")


def _scan(text: str) -> tuple[frozenset[str], dict[str, list[int]]]:
    """(the families present, the number candidates) of ``text`` in one Hyperscan pass."""
    import hyperscan

    db = _one_pass_database()
    scratch = getattr(_state, "one_pass_scratch", None)
    if scratch is None:
        # One scratch space per thread: Hyperscan scratch cannot be shared by concurrent scans.
        scratch = _state.one_pass_scratch = hyperscan.Scratch(db)
    data = _encoded(text)
    names = _FAMILY_OF
    found: set[str] = set()
    ends: dict[str, list[int]] = {f: [] for f in NUMBER_FAMILIES}
    # The list each id appends to (None: a family reported once); looked up once a match.
    sink: list[list[int] | None] = [ends[_NUMBER_IDS[i]] if i in _NUMBER_IDS else None for i in range(len(names))]
    calls = [0]
    limit = MAX_CALLBACKS
    twelve_id = _TWELVE_ID
    froms: list[int] = []

    def on_match(ident: int, start: int, to: int, _flags: int, _ctx: object) -> bool | None:
        out = sink[ident]
        if out is None:
            found.add(names[ident])
            return None
        out.append(to)
        if ident == twelve_id:
            froms.append(start)
        calls[0] += 1
        return calls[0] > limit

    try:
        db.scan(data, match_event_handler=on_match, scratch=scratch)  # type: ignore[attr-defined]
    except hyperscan.ScanTerminated:
        return _families_only(data), {}
    # Before the byte patterns' families are added, a number family in ``found`` can only
    # come from its non-ASCII digit pattern (the only one of them reported once).
    wide = not found.isdisjoint(NUMBER_FAMILIES)
    found.update(family for family, got in ends.items() if got)
    present = frozenset(found)
    if wide:
        return present, {}  # a non-ASCII digit: every family is read whole
    out: dict[str, list[int]] = {}
    ascii_text = len(data) == len(text)
    for family, got in ends.items():
        if len(got) > (MAX_TWELVE if family == "twelve" else MAX_CANDIDATES):
            continue  # dense: the detector reads the whole text
        # The match ends after its guard byte, or at the end of the text after the last digit.
        # In order already (Hyperscan reports in order of end), but a number before a final
        # line break is reported twice, once ending at the break ($) and once after it.
        digits = [e - 1 if 48 <= data[e - 1] <= 57 else e - 2 for e in got]
        if family == "twelve":
            # The first digit: after the guard byte, or at 0 when the match starts the text.
            firsts = [f if not f and 48 <= data[0] <= 57 else f + 1 for f in froms]
            pairs = list(dict.fromkeys(zip(firsts, digits)))
            firsts = [f for f, _ in pairs]
            digits = [d for _, d in pairs]
            if ascii_text:
                out[TWELVE_FIRSTS] = firsts
            else:
                # A candidate's first and last digits hold only ASCII digits, spaces and dashes
                # between them (one byte a character): the first digit's index is the last's
                # less their distance in bytes, so only the last digits are converted.
                chars = _char_indices(data, digits)
                out[TWELVE_FIRSTS] = [c - (d - f) for c, d, f in zip(chars, digits, firsts)]
                out[family] = chars
                continue
        else:
            digits = list(dict.fromkeys(digits))
        out[family] = digits if ascii_text else _char_indices(data, digits)
    return present, out


def _families_only(data: bytes) -> frozenset[str]:
    import hyperscan

    db = _database()
    scratch = getattr(_state, "scratch", None)
    if scratch is None:
        scratch = _state.scratch = hyperscan.Scratch(db)
    names = _FAMILY_OF
    found: set[str] = set()

    def on_match(ident: int, _from: int, _to: int, _flags: int, _ctx: object) -> None:
        found.add(names[ident])

    db.scan(data, match_event_handler=on_match, scratch=scratch)  # type: ignore[attr-defined]
    return frozenset(found)


def number_candidates(text: str) -> dict[str, list[int]]:
    """For each number family with few enough candidates in ``text``: the positions (str
    indices, ascending) of a digit inside each candidate, the last one.

    A family left out is unknown (dense, non-ASCII digits, or no Hyperscan): its detector
    reads the whole text. Every match of the detector's pattern that passes its own check
    of the character before it holds such a digit, because the byte pattern is the same
    number with looser guards; a test compares both ways. The answer comes from the pass
    families_present made over the same string, when it did.
    """
    last = getattr(_state, "last", None)
    _state.last = None  # a slice is 4 MB: keep nothing of it past its scan
    if last is not None and last[0] is text:
        return last[1]
    if _database() is None:
        return {}
    return _scan(text)[1]


def _char_indices(data: bytes, offsets: list[int]) -> list[int]:
    """str indices of the ASCII bytes at ``offsets`` (ascending) of UTF-8 ``data``.

    A plain loop: the same stretches cut, decoded and summed through map/accumulate measured
    slower (slice objects and a methodcaller an offset).
    """
    out: list[int] = []
    char = byte = 0
    for off in offsets:
        char += len(data[byte:off].decode("utf-8", "surrogatepass"))
        byte = off
        out.append(char)
    return out


def families_present(text: str) -> frozenset[str]:
    """The families that occur in ``text`` (all of them when Hyperscan is unavailable).

    The number candidates come out of the same pass; number_candidates(text) hands them
    back for the same string.
    """
    if _database() is None:
        return ALL
    present, numbers = _scan(text)
    _state.last = (text, numbers) if not present.isdisjoint(NUMBER_FAMILIES) else None
    return present

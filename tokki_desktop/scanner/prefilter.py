"""Which detector families can match a text at all, found in one Hyperscan pass.

Each Python detector is a separate pass over the text. Hyperscan (Intel's multi-pattern
engine, wheels for Windows and Linux x86-64) runs loose supersets of all their candidate
patterns at once, at about a gigabyte per second, and reports which families occur; the
detectors whose family is absent are skipped. The patterns are deliberately looser than
the detectors' own (no look-arounds, no context), so skipping never loses a finding — a
test compares every finding with and without the prefilter.

Without Hyperscan (other platforms) every detector runs; the results are the same.
"""

from __future__ import annotations

import logging
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
_PHONE_BYTES = (_BEFORE_PHONE + r"(?:0[0-9]{1,4}-[0-9]{1,4}-[0-9]{4}|0[0-9]{1,4}\([0-9]{1,4}\)[0-9]{4}"
                r"|0[5789]0[0-9]{8}|0[0-9]{9}|\(0[0-9]{1,4}\) ?[0-9]{1,4}-[0-9]{4})" + _AFTER_PHONE)
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


def _database() -> object | None:
    global _db, _unavailable
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


# Where the number families occur, for the detectors to run their regexes only there: a
# database of the byte patterns (no SINGLEMATCH). A family with more than MAX_CANDIDATES
# candidates is dense, and the detector's pass over the whole text is cheaper than a window
# per candidate: the scan stops there and starts again without that family (a Python call
# a match of a dense family cost more than the scan: 8,000 ids in a 600 KB log). A
# non-ASCII decimal digit (the last id) stops it too: the detectors' \d takes those, the
# byte patterns do not.
NUMBER_FAMILIES = ("twelve", "phone", "postal")
MAX_CANDIDATES = 500
_number_dbs: dict[tuple[str, ...], object] = {}


def _number_database(families: tuple[str, ...]) -> object | None:
    """The database of ``families`` (ids 0…) and the non-ASCII digit (id len(families))."""
    db = _number_dbs.get(families)
    if db is not None or _database() is None:
        return db
    with _db_lock:
        if families not in _number_dbs:
            import hyperscan

            db = hyperscan.Database(mode=hyperscan.HS_MODE_BLOCK)
            expressions = [FAMILIES[f][0].encode() for f in families] + [_WIDE_DIGIT.encode()]
            flags = [0] * len(families) + [hyperscan.HS_FLAG_UTF8 | hyperscan.HS_FLAG_UCP | hyperscan.HS_FLAG_SINGLEMATCH]
            db.compile(expressions=expressions, ids=list(range(len(expressions))), elements=len(expressions),
                       flags=flags)
            _number_dbs[families] = db
    return _number_dbs[families]


def _encoded(text: str) -> bytes:
    """``text`` in UTF-8, kept for the next call with the same string (the detectors ask the
    prefilter twice about each slice; encoding 4 MB of Japanese costs 4 ms)."""
    last = getattr(_state, "encoded", None)
    if last is not None and last[0] is text:
        return last[1]
    data = text.encode("utf-8", "surrogatepass")
    _state.encoded = (text, data)
    return data


def _forget_encoded() -> None:
    _state.encoded = None


def number_candidates(text: str) -> dict[str, list[int]]:
    """For each number family with at most MAX_CANDIDATES candidates in ``text``: the
    positions (str indices, ascending) of a digit inside each candidate, the last one.

    A family left out is unknown (dense, non-ASCII digits, or no Hyperscan): its detector
    reads the whole text. Every match of the detector's pattern that passes its own check
    of the character before it holds such a digit, because the byte pattern is the same
    number with looser guards; a test compares both ways.
    """
    if _database() is None:
        return {}
    import hyperscan

    data = _encoded(text)
    _forget_encoded()  # a slice is 4 MB: keep no copy of it past its scan
    scratches = getattr(_state, "number_scratch", None)
    if scratches is None:
        scratches = _state.number_scratch = {}
    families = NUMBER_FAMILIES
    while families:
        db = _number_database(families)
        scratch = scratches.get(families)
        if scratch is None:
            scratch = scratches[families] = hyperscan.Scratch(db)
        wide = len(families)
        ends: list[list[int]] = [[] for _ in families]
        stop: list[int] = []  # the id that stopped the scan
        cap = MAX_CANDIDATES

        def on_match(ident: int, _from: int, to: int, _flags: int, _ctx: object) -> bool:
            found = ends[ident] if ident < wide else None
            if found is None or len(found) >= cap:
                stop.append(ident)
                return True
            found.append(to)
            return False

        try:
            db.scan(data, match_event_handler=on_match, scratch=scratch)  # type: ignore[attr-defined]
        except hyperscan.ScanTerminated:
            if stop[0] == wide:
                return {}  # a non-ASCII digit: every family is read whole
            families = families[:stop[0]] + families[stop[0] + 1:]  # dense: scan again without it
            continue
        break
    else:
        return {}
    out: dict[str, list[int]] = {}
    ascii_text = len(data) == len(text)
    for family, found in zip(families, ends):
        # The match ends after its guard byte, or at the end of the text after the last digit.
        digits = sorted({e - 1 if 48 <= data[e - 1] <= 57 else e - 2 for e in found})
        out[family] = digits if ascii_text else _char_indices(data, digits)
    return out


def _char_indices(data: bytes, offsets: list[int]) -> list[int]:
    """str indices of the ASCII bytes at ``offsets`` (ascending) of UTF-8 ``data``."""
    out: list[int] = []
    char = byte = 0
    for off in offsets:
        char += len(data[byte:off].decode("utf-8", "surrogatepass"))
        byte = off
        out.append(char)
    return out


def families_present(text: str) -> frozenset[str]:
    """The families that occur in ``text`` (all of them when Hyperscan is unavailable)."""
    db = _database()
    if db is None:
        return ALL
    import hyperscan

    scratch = getattr(_state, "scratch", None)
    if scratch is None:
        # One scratch space per thread: Hyperscan scratch cannot be shared by concurrent scans.
        scratch = _state.scratch = hyperscan.Scratch(db)
    names = _FAMILY_OF
    found: set[str] = set()

    def on_match(ident: int, _from: int, _to: int, _flags: int, _ctx: object) -> None:
        found.add(names[ident])

    db.scan(_encoded(text), match_event_handler=on_match, scratch=scratch)  # type: ignore[attr-defined]
    if found.isdisjoint(NUMBER_FAMILIES):
        _forget_encoded()  # the detectors will not ask number_candidates about this text
    return frozenset(found)

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
    "address": rf"[市区町村郡][{_CJK}]{{0,14}}\d|[市区町村郡][{_CJK}]{{0,14}}丁目",
    # The three label patterns, each told apart: a roster's カナ column alone would otherwise
    # run the name and role label passes too.
    "label_name": "|".join(NAME_LABELS),
    "label_kana": "フリガナ|ふりがな|カナ|名義",
    "label_role": "|".join(ROLE_LABELS),
    "honor": r"様|さん|殿",
    "bare_name": rf"[{_CJK}] [{_CJK}]",
    "born": r"(日|\d) ?生",
    "email": r"@[A-Za-z0-9\-]+\.[A-Za-z0-9\-]",
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

    db.scan(text.encode("utf-8", "surrogatepass"), match_event_handler=on_match, scratch=scratch)  # type: ignore[attr-defined]
    return frozenset(found)

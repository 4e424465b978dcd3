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

from tokki_desktop.scanner.keywords import KEYWORD_PATTERN, KIND_PATTERNS

log = logging.getLogger(__name__)

_CJK = "一-龥々〆ヶぁ-んァ-ヶー"
FAMILIES: dict[str, str] = {
    "twelve": r"\d{4}[ \-]?\d{4}[ \-]?\d{4}",
    "phone": r"0\d{1,4}-\d{1,4}-\d{4}|0\d{1,4}\(\d{1,4}\)\d{4}|0[5789]0\d{8}|0\d{9}|\(0\d{1,4}\) ?\d{1,4}-\d{4}",
    "postal": r"\d{3}-\d{4}",
    "address": rf"[市区町村郡][{_CJK}]{{0,14}}\d|[市区町村郡][{_CJK}]{{0,14}}丁目",
    "label": r"氏名|お名前|名前|受取人|申請者|届出人|世帯主|宛名|被保険者氏名|口座名義|名義人|name|Name|NAME"
             r"|フリガナ|ふりがな|カナ|名義",
    "honor": r"様|さん|殿",
    "bare_name": rf"[{_CJK}] [{_CJK}]",
    "born": r"(日|\d) ?生",
    "email": r"@[A-Za-z0-9\-]+\.[A-Za-z0-9\-]",
    "keyword": KEYWORD_PATTERN,  # exactly the detectors' keyword pattern
    **KIND_PATTERNS,  # kw_my, kw_org…: which kinds of keyword occur at all
}
ALL = frozenset(FAMILIES)
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
                names = list(FAMILIES)
                flags = hyperscan.HS_FLAG_UTF8 | hyperscan.HS_FLAG_UCP | hyperscan.HS_FLAG_SINGLEMATCH
                db.compile(expressions=[FAMILIES[n].encode("utf-8") for n in names],
                           ids=list(range(len(names))), elements=len(names), flags=[flags] * len(names))
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
    names = list(FAMILIES)
    found: set[str] = set()

    def on_match(ident: int, _from: int, _to: int, _flags: int, _ctx: object) -> None:
        found.add(names[ident])

    db.scan(text.encode("utf-8", "surrogatepass"), match_event_handler=on_match, scratch=scratch)  # type: ignore[attr-defined]
    return frozenset(found)

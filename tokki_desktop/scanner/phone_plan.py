"""Japanese phone number validity by prefix, precomputed from phonenumbers' JP metadata.

phonenumbers takes about 70 µs to parse and check one number; a roster of 20,000 people
would spend seconds on it. In Japan validity is decided by the leading digits and the
length (the last four are the free subscriber number), so the answer for every prefix is
computed once with phonenumbers and stored in ``data/jp_phone_prefixes.bin``:

- 10-digit numbers (fixed lines, 0120…): keyed by the five digits after the leading 0;
- 11-digit mobile and IP phones (070/080/090/050…): keyed by the three digits after the 0.

Each prefix is tried with two different subscriber tails; when phonenumbers answers
differently for them the entry says "ask", and that number is parsed live. The table is
tied to the phonenumbers version it was built with: with another version installed the
numbers are parsed live (and cached), so the answer is always phonenumbers'.

Rebuild with ``python -m tokki_desktop.scanner.phone_plan`` after upgrading phonenumbers.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import phonenumbers

INVALID, VALID, ASK = 0, 1, 2
_FILE = "jp_phone_prefixes.bin"
_MAGIC = b"JPPHONE1"
_cache: dict[str, bool] = {}
_table: tuple[bytes, bytes] | None = None
_loaded = False


def _parse_valid(digits: str) -> bool:
    try:
        return phonenumbers.is_valid_number(phonenumbers.parse(digits, "JP"))
    except phonenumbers.NumberParseException:
        return False


def _answer(a: str, b: str) -> int:
    va, vb = _parse_valid(a), _parse_valid(b)
    return ASK if va != vb else (VALID if va else INVALID)


def build(path: Path) -> None:
    """Compute the table with the installed phonenumbers (about 200,000 parses)."""
    ten = bytes(_answer(f"0{i:05d}0000", f"0{i:05d}9999") for i in range(100_000))
    eleven = bytes(_answer(f"0{i:03d}0000000", f"0{i:03d}9999999") for i in range(1000))
    version = phonenumbers.__version__.encode().ljust(16)
    path.write_bytes(_MAGIC + version + ten + eleven)


def _load() -> tuple[bytes, bytes] | None:
    global _table, _loaded
    if not _loaded:
        try:
            raw = resources.files("tokki_desktop.scanner").joinpath("data", _FILE).read_bytes()
        except (FileNotFoundError, OSError):
            raw = b""
        version = phonenumbers.__version__.encode().ljust(16)
        if raw[:8] == _MAGIC and raw[8:24] == version and len(raw) == 24 + 100_000 + 1000:
            _table = (raw[24:100_024], raw[100_024:])
        _loaded = True
    return _table


def is_valid_jp(digits: str) -> bool:
    """phonenumbers' answer for a 10- or 11-digit national number (digits only)."""
    table = _load()
    n = len(digits)
    if table is not None and digits[0] == "0":
        if n == 10:
            state = table[0][int(digits[1:6])]
        elif n == 11 and digits[2] == "0" and digits[1] in "5789":
            state = table[1][int(digits[1:4])]
        else:
            state = ASK
        if state != ASK:
            return state == VALID
    ok = _cache.get(digits)
    if ok is None:
        if len(_cache) > 100_000:
            _cache.clear()  # dict get/set are atomic under the GIL: safe from worker threads
        ok = _cache[digits] = _parse_valid(digits)
    return ok


if __name__ == "__main__":
    target = Path(__file__).parent / "data" / _FILE
    build(target)
    print(f"wrote {target.name} for phonenumbers {phonenumbers.__version__}")

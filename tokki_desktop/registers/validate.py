"""Turn what a person typed (CLI strings, editor values) into the values a register stores.

One rule for everyone: dates accept 和暦 and full-width digits (``wareki.parse_date``), empty
text means "no value", choices accept their code or either label, and an error names the field
and never echoes the value (it may be personal data). Nothing here touches the ledger; the
repository checks references and writes.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Mapping

from tokki_desktop import wareki
from tokki_desktop.clock import iso
from tokki_desktop.errors import InvalidInput, NotPermitted
from tokki_desktop.registers.errors import UnknownField
from tokki_desktop.registers.spec import FieldSpec, RegisterSpec

_TRUE = {"1", "true", "yes", "y", "on", "はい", "あり", "有", "済", "○", "〇"}
_FALSE = {"0", "false", "no", "n", "off", "いいえ", "なし", "無", "未", "×"}


def _bad(f: FieldSpec, why_ja: str, why_en: str) -> InvalidInput:
    return InvalidInput(f.label_ja, f.label_en, why_ja, why_en)


def _nfkc(raw: object) -> str:
    """Full-width letters and digits folded; unlike ``wareki.normalize`` the long vowel ー is kept
    (カード must stay カード)."""
    return unicodedata.normalize("NFKC", str(raw)).strip()


def _is_blank(raw: object) -> bool:
    return raw is None or (isinstance(raw, str) and raw.strip() == "")


def convert_value(f: FieldSpec, raw: object, tz: dt.tzinfo) -> object | None:
    """One value converted for storage, or :class:`InvalidInput` naming the field.

    Stored forms: text as given (never trimmed: free text comes back unchanged), dates as
    ``YYYY-MM-DD``, date-times as ISO 8601 with offset (a typed time is in ``tz``), ints,
    bools as 0/1, choices as their code, refs as positive ints.
    """
    if _is_blank(raw):
        return None
    if f.type in ("text", "longtext"):
        if not isinstance(raw, str):
            raise _bad(f, "文字で入力してください", "must be text")
        if len(raw) > f.max_length:
            raise _bad(f, f"{f.max_length}文字以内で入力してください", f"at most {f.max_length} characters")
        return raw
    if f.type == "date":
        if isinstance(raw, dt.datetime):
            return raw.date().isoformat()
        if isinstance(raw, dt.date):
            return raw.isoformat()
        return wareki.parse_date(str(raw), field_ja=f.label_ja, field_en=f.label_en).isoformat()
    if f.type == "datetime":
        if isinstance(raw, dt.datetime):
            moment = raw
        elif isinstance(raw, dt.date):
            moment = dt.datetime(raw.year, raw.month, raw.day)
        else:
            moment = wareki.parse_datetime(str(raw), field_ja=f.label_ja, field_en=f.label_en)
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=tz)
        return iso(moment)
    if f.type in ("int", "ref"):
        number = _to_int(f, raw)
        if f.type == "ref" and number < 1:
            raise _bad(f, "IDは1以上の整数です", "an id is a whole number from 1")
        if f.minimum is not None and number < f.minimum:
            raise _bad(f, f"{f.minimum}以上の整数を入力してください", f"must be at least {f.minimum}")
        return number
    if f.type == "bool":
        if isinstance(raw, bool):
            return int(raw)
        text = _nfkc(raw).lower()
        if text in _TRUE:
            return 1
        if text in _FALSE:
            return 0
        raise _bad(f, "はい／いいえで入力してください", "must be yes or no")
    if f.type == "choice":
        c = f.choice(_nfkc(raw))
        if c is None:
            allowed_ja = "、".join(ch.label_ja for ch in f.choices)
            allowed_en = ", ".join(ch.value for ch in f.choices)
            raise _bad(f, f"次のいずれかを入力してください: {allowed_ja}", f"must be one of: {allowed_en}")
        return c.value
    raise AssertionError(f"unknown field type {f.type}")  # a spec bug, not user input


def _to_int(f: FieldSpec, raw: object) -> int:
    if isinstance(raw, bool):
        raise _bad(f, "整数を入力してください", "must be a whole number")
    if isinstance(raw, int):
        return raw
    # Full-width digits and thousands separators (1,234 / １，２３４) are what people type.
    text = wareki.normalize(str(raw)).replace(",", "").replace("件", "").strip()
    try:
        return int(text)
    except ValueError:
        raise _bad(f, "整数を入力してください", "must be a whole number") from None


def _comparable(f: FieldSpec, stored: object) -> dt.datetime | dt.date:
    if f.type == "date":
        return dt.date.fromisoformat(str(stored))
    return dt.datetime.fromisoformat(str(stored))


def _check_order(spec: RegisterSpec, row: Mapping[str, object]) -> None:
    for check in spec.order_checks:
        a, b = row.get(check.first), row.get(check.second)
        if a is None or b is None:
            continue
        fa, fb = spec.field(check.first), spec.field(check.second)
        va, vb = _comparable(fa, a), _comparable(fb, b)
        # A date against a date-time compares by day.
        if isinstance(va, dt.datetime) != isinstance(vb, dt.datetime):
            va = va.date() if isinstance(va, dt.datetime) else va
            vb = vb.date() if isinstance(vb, dt.datetime) else vb
        if vb < va:  # type: ignore[operator]
            raise _bad(fb, f"「{fa.label_ja}」より前にはできません", f"cannot be before {fa.label_en}")


def validate(
    spec: RegisterSpec,
    values: Mapping[str, object],
    *,
    tz: dt.tzinfo,
    is_officer: bool,
    existing: Mapping[str, object] | None = None,
) -> dict[str, object | None]:
    """Validated, converted values ready to store.

    For a new record (``existing`` is None) defaults fill what is left out and every required
    field must have a value. For an edit only the given fields are returned, checked together
    with the record's other values (order checks, required fields kept filled).
    """
    for name in values:
        if not spec.has_field(name):
            raise UnknownField(spec.label_ja, spec.label_en, name)
    out: dict[str, object | None] = {}
    for f in spec.fields:
        if f.name in values:
            out[f.name] = convert_value(f, values[f.name], tz)
        elif existing is None and f.default is not None:
            out[f.name] = convert_value(f, f.default, tz)
    for f in spec.fields:
        if f.name not in out:
            continue
        new = out[f.name]
        if f.officer_only and not is_officer:
            default = convert_value(f, f.default, tz) if f.default is not None else None
            old = existing.get(f.name) if existing is not None else default
            if new != old and new != default:
                raise NotPermitted(f"「{f.label_ja}」の記入", f"set {f.label_en}")
    merged: dict[str, object | None] = dict(existing or {})
    merged.update(out)
    for f in spec.fields:
        # a required field left empty is refused when added, or when this write empties it
        if f.required and merged.get(f.name) is None and (existing is None or f.name in out):
            raise _bad(f, "必須の項目です", "is required")
    _check_order(spec, merged)
    return out

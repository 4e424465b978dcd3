"""Masked forms of found values: enough for a 従事者 to recognise the kind, never the value."""

from __future__ import annotations

import re

_DIGIT = re.compile(r"\d")
_ERA = re.compile(r"明治|大正|昭和|平成|令和|(?<![A-Za-z])[MTSHR](?=\*)")
_ADDR_HEAD = re.compile(r"^(.*?[都道府県])?(.*?[市区町村郡])")


def mask(kind: str, value: str) -> str:
    """The masked example shown for a finding of ``kind``."""
    if kind == "my_number":
        digits = re.sub(r"\D", "", value)
        return f"{digits[:4]} **** ****"
    if kind in ("phone", "postal_code", "bank_account", "pension_number", "health_insurance",
                "drivers_license"):
        # Keep the first group (area code, 〒 area) and the shape; hide every other digit.
        head, _, rest = value.partition("-")
        if rest:
            return head + "-" + _DIGIT.sub("*", rest)
        return value[:3] + _DIGIT.sub("*", value[3:])
    if kind in ("passport", "residence_card"):
        return value[:2] + "*" * (len(value) - 2)
    if kind == "email":
        local, _, domain = value.partition("@")
        return f"{local[:1]}***@{domain}"
    if kind == "birth_date":
        # The era name would tell the age range: it is hidden with the digits.
        return _ERA.sub("**", _DIGIT.sub("*", value))
    if kind == "address":
        m = _ADDR_HEAD.match(value)
        head = (m.group(0) if m else value[:3])
        return head + "＊＊＊"
    if kind == "name":
        # A fixed number of marks: the length of a name is a clue to it.
        return value.strip()[:1] + "＊＊＊"
    return "＊" * len(value)

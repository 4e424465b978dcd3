"""E-mail messages (.eml): headers, text bodies, and attachments as nested files."""

from __future__ import annotations

import email
import email.policy
import re
from email.message import EmailMessage

from tokki_desktop.scanner.extract import MemberPart, Parts, ScanContext, TextPart, Unreadable

_TAG = re.compile(r"<[^>]{0,2000}>")


def extract_eml(data: bytes, ctx: ScanContext) -> Parts:
    """The people in From/To/Cc, the subject, each text body and each attachment."""
    try:
        msg = email.message_from_bytes(data, policy=email.policy.default)
    except Exception as exc:
        raise Unreadable("メールの形式が壊れています。", f"The e-mail is damaged ({type(exc).__name__}).") from None
    assert isinstance(msg, EmailMessage)
    head = []
    for key in ("From", "To", "Cc", "Subject"):
        try:
            value = msg.get(key)
        except Exception:
            value = None
        if value:
            head.append(f"{key}: {value}")
    if head:
        yield TextPart("\n".join(head))
    n = 0
    for part in msg.walk():
        ctx.check_time()
        if part.is_multipart():
            continue
        filename = part.get_filename()
        try:
            payload = part.get_payload(decode=True) or b""
        except Exception:
            payload = b""
        if filename or part.get_content_maintype() not in ("text",):
            n += 1
            yield MemberPart(filename or f"attachment-{n}", payload, size=len(payload))
            continue
        charset = part.get_content_charset() or "utf-8"
        try:
            text = payload.decode(charset, "replace")
        except LookupError:
            text = payload.decode("utf-8", "replace")
        if part.get_content_subtype() == "html":
            text = _TAG.sub(" ", text)
        yield TextPart(text)

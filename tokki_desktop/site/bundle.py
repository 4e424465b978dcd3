"""Bundles: what a terminal delivers to the drop folder.

A bundle is a batch of the agent's spool records (detections, media events, heartbeats,
starts and stops), sealed with the terminal's bundle key. Its clear header names the site,
the terminal, its sequence number and the SHA-256 of the bundle before it, so the site
can tell a missing, replayed or forked bundle without trusting any clock.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from typing import Any

from tokki_desktop.site.sealing import seal, unseal

MAGIC = b"TKSB1\n"
POLICY_MAGIC = b"TKSP1\n"
SUFFIX = ".tkb"
POLICY_SUFFIX = ".tkp"
GENESIS = "0" * 64
_NAME = re.compile(r"^([0-9a-f]{32})-(\d{10})\.tkb$")


def bundle_name(terminal_uid: str, seq: int) -> str:
    """The file name of a bundle: terminal id and sequence number, nothing else."""
    return f"{terminal_uid}-{seq:010d}{SUFFIX}"


def parse_name(name: str) -> tuple[str, int] | None:
    """(terminal id, sequence) of a bundle's file name, or None for any other file."""
    m = _NAME.match(name)
    return (m.group(1), int(m.group(2))) if m else None


def digest(blob: bytes) -> str:
    """The hash that chains bundles: SHA-256 of the whole sealed file."""
    return hashlib.sha256(blob).hexdigest()


@dataclass(frozen=True)
class Bundle:
    """An opened bundle: its header fields and its records (uid, kind, data)."""

    site: str
    terminal: str
    seq: int
    prev: str
    made_at: str
    records: list[dict[str, Any]]


def make(key: bytes, *, site: str, terminal: str, seq: int, prev: str, made_at: str,
         records: list[dict[str, Any]]) -> bytes:
    """Seal records into a bundle."""
    header = {"site": site, "terminal": terminal, "seq": seq, "prev": prev, "made_at": made_at,
              "count": len(records)}
    body = json.dumps(records, ensure_ascii=False).encode()
    return seal(key, MAGIC, header, body)


def open_bundle(key: bytes, blob: bytes) -> Bundle:
    """Authenticate and decode a bundle (``Unsealable`` when altered or of another key)."""
    head, body = unseal(key, MAGIC, blob)
    records = json.loads(body)
    return Bundle(str(head["site"]), str(head["terminal"]), int(head["seq"]), str(head["prev"]),
                  str(head.get("made_at") or ""), records)


def make_policy(key: bytes, *, site: str, terminal: str, version: int, policy: dict[str, Any]) -> bytes:
    """Seal a policy update for one terminal."""
    header = {"site": site, "terminal": terminal, "version": version}
    return seal(key, POLICY_MAGIC, header, json.dumps(policy, ensure_ascii=False).encode())


def open_policy(key: bytes, blob: bytes) -> tuple[dict[str, Any], dict[str, Any]]:
    """(header, policy) of a sealed policy update (``Unsealable`` when altered)."""
    head, body = unseal(key, POLICY_MAGIC, blob)
    return head, json.loads(body)

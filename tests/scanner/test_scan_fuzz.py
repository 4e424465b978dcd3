"""Damaged files thrown at every extractor: the scanner answers with a verdict, in time."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tokki_desktop.scanner import ScanLimits, scan_bytes
from tokki_desktop.scanner.result import VERDICT_RANK

SEEDS = ["pos/roster_basic.xlsx", "pos/letter.docx", "pos/profile.pptx", "pos/letter.pdf",
         "pos/roster_basic.xls", "pos/bundle.zip", "pos/mail_with_roster.eml", "pos/letter_cp932.txt",
         "pos/roster_mynumber_utf-16.csv", "pos/letter.doc"]
LIMITS = ScanLimits(max_seconds=5.0, max_member_bytes=16 * 1024 * 1024, max_total_bytes=64 * 1024 * 1024)


@st.composite
def damaged(draw: st.DrawFn, data: bytes) -> bytes:
    out = bytearray(data)
    for _ in range(draw(st.integers(1, 6))):
        op = draw(st.sampled_from(["flip", "truncate", "insert", "zero"]))
        if not out:
            break
        pos = draw(st.integers(0, len(out) - 1))
        if op == "flip":
            out[pos] ^= 1 << draw(st.integers(0, 7))
        elif op == "truncate":
            del out[pos:]
        elif op == "insert":
            out[pos:pos] = draw(st.binary(min_size=1, max_size=64))
        else:
            n = draw(st.integers(1, 512))
            out[pos:pos + n] = bytes(min(n, len(out) - pos))
    return bytes(out)


@pytest.mark.parametrize("rel", SEEDS)
def test_damaged_files_never_raise_and_finish_quickly(corpus, rel: str) -> None:
    root, _ = corpus
    original = (root / rel).read_bytes()
    name = Path(rel).name

    @settings(max_examples=25, deadline=None, derandomize=True,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
    @given(damaged(original))
    def check(data: bytes) -> None:
        t0 = time.monotonic()
        res = scan_bytes(data, name, limits=LIMITS)
        assert res.verdict in VERDICT_RANK
        assert time.monotonic() - t0 < LIMITS.max_seconds + 1
        assert res.reason  # every verdict is explained

    check()

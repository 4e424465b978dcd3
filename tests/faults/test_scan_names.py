"""`tokki scan --json` stays valid UTF-8 JSON for a file name that is not UTF-8."""

from __future__ import annotations

import base64
import io
import json
import os
import sys
from pathlib import Path

import pytest

from tokki_desktop.cli import main

pytestmark = pytest.mark.skipif(sys.platform in ("win32", "darwin"),
                                reason="these file systems store only valid Unicode names")


def test_a_cp932_name_is_shown_with_replacement_characters_and_kept_exactly(tmp_path: Path) -> None:
    raw = os.fsencode(str(tmp_path)) + "/名簿_".encode("cp932") + b".txt"
    with open(raw, "wb") as fh:
        fh.write("山田 太郎,090-1234-5678,東京都小金井市本町六丁目6番3号\n".encode() * 3)
    (tmp_path / "ok.txt").write_text("hello", "utf-8")
    out = io.StringIO()
    main(["scan", "--json", "--jobs", "1", str(tmp_path)], out=out)
    # What a terminal or a pipe receives: the text as UTF-8, strictly (no escaped bytes).
    blob = out.getvalue().encode("utf-8")
    records = [json.loads(line) for line in blob.decode("utf-8").splitlines()]
    odd = [r for r in records if "path_bytes_b64" in r]
    assert len(odd) == 1 and len(records) == 2
    assert base64.b64decode(odd[0]["path_bytes_b64"]) == raw
    assert "\ufffd" in odd[0]["path"] and odd[0]["path"].endswith(".txt")
    plain = next(r for r in records if "path_bytes_b64" not in r)
    assert plain["path"] == str(tmp_path / "ok.txt")


def test_the_table_is_valid_utf8_too(tmp_path: Path) -> None:
    raw = os.fsencode(str(tmp_path)) + b"/\x83e\x83X\x83g.txt"
    with open(raw, "wb") as fh:
        fh.write(b"hello")
    out = io.StringIO()
    main(["scan", "--jobs", "1", str(tmp_path)], out=out)
    out.getvalue().encode("utf-8")  # a lone surrogate here would raise
    assert "\ufffd" in out.getvalue()

"""Word 97–2003 (.doc): text read through the piece table; encrypted ones reported as such.

No library writes .doc, so bench/make_corpus.py builds a minimal one: a compound file (CFB v3)
holding a WordDocument stream (FIB + UTF-16 text) and a 1Table stream with the piece table.
"""

from __future__ import annotations

from pathlib import Path

from tokki_desktop.scanner import CLEAN, ENCRYPTED, PERSONAL_DATA, scan_file


def test_legacy_word_text_is_read(tmp_path: Path, corpus_module) -> None:
    build_doc = corpus_module.write_doc
    doc = tmp_path / "通知.doc"
    build_doc(doc, "〒184-0004\r東京都小金井市本町2丁目3番4号\r山田 太郎 様\r\r保険料のお知らせ\r")
    res = scan_file(doc)
    assert (res.format, res.verdict) == ("doc", PERSONAL_DATA), res.reason
    clean = tmp_path / "memo.doc"
    build_doc(clean, "定例会の議題は次のとおりです。\r1. 予算\r2. 日程\r")
    assert scan_file(clean).verdict == CLEAN


def test_encrypted_legacy_word_is_encrypted(tmp_path: Path, corpus_module) -> None:
    build_doc = corpus_module.write_doc
    doc = tmp_path / "locked.doc"
    build_doc(doc, "個人番号 123456789018\r", encrypted=True)
    assert scan_file(doc).verdict == ENCRYPTED

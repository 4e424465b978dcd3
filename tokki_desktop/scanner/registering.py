"""Turning the files of an entrusted dataset into fingerprints (values never leave here)."""

from __future__ import annotations

import hashlib
from pathlib import Path

from tokki_desktop.errors import KnownError
from tokki_desktop.scanner.extract import MemberPart, ScanContext, ScanProblem
from tokki_desktop.scanner.extract.formats import open_parts
from tokki_desktop.scanner.fingerprints import DatasetPrints, fingerprint_parts
from tokki_desktop.scanner.result import ScanLimits


class DatasetFileUnreadable(KnownError):
    """A file given to ``fingerprint add`` cannot be read (missing, encrypted, damaged)."""

    def __init__(self, name: str, why_ja: str, why_en: str) -> None:
        super().__init__(f"「{name}」を登録できません: {why_ja}", f"Cannot register '{name}': {why_en}")


def prints_of_files(name: str, files: list[Path], key: bytes, limits: ScanLimits | None = None) -> DatasetPrints:
    """Fingerprints of every file (and archive member) of one dataset."""
    limits = limits or ScanLimits()
    prints = DatasetPrints(name)
    for path in files:
        try:
            data = Path(path).read_bytes()
        except OSError as exc:
            raise DatasetFileUnreadable(Path(path).name, "ファイルを読めません。",
                                        f"the file cannot be read ({type(exc).__name__}).") from None
        _add(prints, Path(path).name, data, key, ScanContext.start(limits))
    return prints


def _add(prints: DatasetPrints, name: str, data: bytes, key: bytes, ctx: ScanContext) -> None:
    prints.files[hashlib.sha256(data).hexdigest()] = len(data)
    try:
        _fmt, parts = open_parts(data, name, ctx)
        plain = []
        for part in parts:
            if isinstance(part, MemberPart):
                if part.data is not None:
                    _add(prints, part.name, part.data, key, ctx.nested())
            else:
                plain.append(part)
        fingerprint_parts(prints.name, plain, key, prints)
    except ScanProblem as problem:
        raise DatasetFileUnreadable(name, problem.ja, problem.en) from None

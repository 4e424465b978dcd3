"""What the password-protection checks cost: CPU time per format with and without them.

    python bench/scanner_protection.py [--rows 2000] [--repeat 5]

The generated evaluation corpus (bench/make_corpus.py) plus an encrypted PDF and an
owner-password-only PDF of each of its PDFs are scanned in this process, once with the checks
of tokki_desktop/scanner/extract/protection.py and once with them switched off (as before
they existed); the best of ``--repeat`` rounds is kept, as other processes may load the machine.
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from tokki_desktop.scanner import scan_file
from tokki_desktop.scanner.extract import formats, protection

ROOT = Path(__file__).resolve().parent


def _corpus(out: Path, rows: int) -> list[Path]:
    spec = importlib.util.spec_from_file_location("make_corpus", ROOT / "make_corpus.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    sys.modules["make_corpus"] = mod
    spec.loader.exec_module(mod)
    mod.make_eval(out, seed=7, rows=rows)
    files = [p for p in sorted(out.rglob("*")) if p.is_file() and p.suffix in (".pdf", ".xls", ".doc", ".zip", ".xlsx")]
    from pypdf import PdfReader, PdfWriter

    for pdf in [p for p in files if p.suffix == ".pdf"]:
        for label, user, owner in (("locked", "user-pass", "owner-pass"), ("restricted", "", "owner-pass")):
            writer = PdfWriter()
            for page in PdfReader(pdf).pages:
                writer.add_page(page)
            writer.encrypt(user_password=user, owner_password=owner, algorithm="AES-256")
            dst = pdf.with_name(f"{pdf.stem}_{label}.pdf")
            with open(dst, "wb") as fh:
                writer.write(fh)
            files.append(dst)
    return files


def _group(path: Path) -> str:
    if path.suffix == ".pdf":
        return "pdf, user password" if path.stem.endswith("_locked") else (
            "pdf, owner password only" if path.stem.endswith("_restricted") else "pdf")
    return path.suffix.lstrip(".")


def _round(files: list[Path]) -> dict[str, float]:
    cpu: dict[str, float] = defaultdict(float)
    for path in files:
        t0 = time.process_time()
        scan_file(path)
        cpu[_group(path)] += time.process_time() - t0
    return cpu


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rows", type=int, default=2000)
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        files = _corpus(Path(tmp) / "eval", args.rows)
        size: dict[str, float] = defaultdict(float)
        best: dict[str, dict[str, float]] = {"with checks": {}, "without": {}}
        checks = (protection.refuse_locked_pdf, protection.refuse_locked_legacy_office)
        for _ in range(args.repeat):
            for label in best:
                if label == "without":
                    formats.protection.refuse_locked_pdf = lambda data: None  # type: ignore[assignment]
                    formats.protection.refuse_locked_legacy_office = lambda data, kind: None  # type: ignore[assignment]
                else:
                    formats.protection.refuse_locked_pdf, formats.protection.refuse_locked_legacy_office = checks
                for fmt, s in _round(files).items():
                    best[label][fmt] = min(best[label].get(fmt, s), s)
        formats.protection.refuse_locked_pdf, formats.protection.refuse_locked_legacy_office = checks
        count: dict[str, int] = defaultdict(int)
        for path in files:
            size[_group(path)] += path.stat().st_size / 1e6
            count[_group(path)] += 1
        print(f"{'files':26} {'n':>3} {'MB':>6} {'without s':>10} {'with s':>8} {'overhead':>9}")
        for fmt in sorted(best["with checks"]):
            a, b = best["without"].get(fmt, 0.0), best["with checks"][fmt]
            print(f"{fmt:26} {count[fmt]:3d} {size[fmt]:6.2f} {a:10.3f} {b:8.3f} {((b - a) / a * 100 if a else 0):8.1f}%")


if __name__ == "__main__":
    main()

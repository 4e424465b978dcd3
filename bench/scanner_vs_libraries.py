"""The scanner beside the extraction library alone, per format, on the same files in one run.

    python bench/make_corpus.py bench/corpus --size-mb 220      # once
    python bench/scanner_vs_libraries.py [bench/corpus/bulk] [--repeat 3] [--formats pdf xlsx]

For each format, CPU seconds (this process, or ripgrep's own for text) of

    pdf    scan_file            vs pypdfium2: the text of every page
    xlsx   scan_file            vs python-calamine: every cell of every sheet
    xls    scan_file            vs python-calamine: every cell of every sheet (legacy Excel)
    docx   scan_file            vs unzip + XML parse of word/document.xml
    text   scan_file (.txt/.log/.md) vs ripgrep, one thread, the scanner's candidate patterns
    csv    scan_file            vs the same ripgrep run

with the ratio, MB and (xlsx, xls) cells per CPU-second, and the issue's targets: PDF and xlsx at
most 1.5 times the library, plain text at least 25 % of ripgrep's speed. A reference that is
not installed is skipped with a note. The machine may be shared: scanner and library take
turns file by file, each file is timed ``--repeat`` times and its fastest pass kept (ripgrep,
one process over all files, its fastest run).
"""

from __future__ import annotations

import argparse
import io
import os
import resource
import shutil
import subprocess
import sys
import time
import zipfile
from collections.abc import Callable
from pathlib import Path
from xml.etree import ElementTree

sys.path.insert(0, str(Path(__file__).parent))

from scanner_ripgrep import PATTERNS  # noqa: E402  (the same candidate patterns)

from tokki_desktop.scanner import scan_file  # noqa: E402

FORMATS = {"pdf": (".pdf",), "xlsx": (".xlsx",), "xls": (".xls",), "docx": (".docx",),
           "text": (".txt", ".log", ".md"), "csv": (".csv",)}
# Targets of the issue: the scanner's time over the library's (text: the library's speed share).
TARGETS = {"pdf": ("time ratio <= 1.5", lambda r: r <= 1.5), "xlsx": ("time ratio <= 1.5", lambda r: r <= 1.5),
           "text": (">= 25 % of ripgrep's speed", lambda r: r <= 4.0)}


def pdfium_text(path: Path) -> int:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(path.read_bytes())
    chars = 0
    try:
        for i in range(len(document)):
            page = document[i]
            textpage = page.get_textpage()
            chars += len(textpage.get_text_range())
            textpage.close()
            page.close()
    finally:
        document.close()
    return chars


def calamine_cells(path: Path) -> int:
    from python_calamine import CalamineWorkbook

    workbook = CalamineWorkbook.from_path(str(path))
    cells = 0
    try:
        for name in workbook.sheet_names:
            for row in workbook.get_sheet_by_name(name).to_python(skip_empty_area=False):
                cells += len(row)
    finally:
        workbook.close()
    return cells


def docx_xml(path: Path) -> int:
    with zipfile.ZipFile(io.BytesIO(path.read_bytes())) as z:
        root = ElementTree.fromstring(z.read("word/document.xml"))
    return sum(1 for _ in root.iter())


def reference(fmt: str) -> tuple[str, Callable[[Path], int] | None, str]:
    """The library alone for ``fmt``: (name, per-file function or None for ripgrep, why absent)."""
    if fmt == "pdf":
        try:
            import pypdfium2  # noqa: F401
        except ImportError:
            return "pypdfium2", None, "pypdfium2 is not installed"
        return "pypdfium2 text of every page", pdfium_text, ""
    if fmt in ("xlsx", "xls"):
        try:
            import python_calamine  # noqa: F401
        except ImportError:
            return "python-calamine", None, "python-calamine is not installed"
        return "python-calamine, every cell", calamine_cells, ""
    if fmt == "docx":
        return "unzip + XML parse of document.xml", docx_xml, ""
    if not shutil.which("rg"):
        return "ripgrep", None, "ripgrep (rg) is not installed"
    return f"ripgrep -j1, {len(PATTERNS)} candidate patterns", None, ""


def cpu_of(func: Callable[[Path], object], files: list[Path]) -> float:
    t0 = time.process_time()
    for path in files:
        func(path)
    return time.process_time() - t0


def ripgrep_cpu(files: list[Path]) -> float:
    """ripgrep's own CPU seconds over ``files`` in one run (a child process: RUSAGE_CHILDREN)."""
    cmd = ["rg", "--count-matches", "--no-config", "--no-ignore", "-j1", "--no-messages"]
    for p in PATTERNS:
        cmd += ["-e", p]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    # In slices: a command line has a length limit.
    for i in range(0, len(files), 200):
        subprocess.run(cmd + [str(f) for f in files[i:i + 200]], capture_output=True, check=False)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)


def measure(fmt: str, files: list[Path], repeat: int) -> dict:
    name, func, absent = reference(fmt)
    mb = sum(f.stat().st_size for f in files) / 1e6
    # Warm the page cache and the imports, unmeasured, so that neither side pays for them.
    scan_file(files[0])
    if func is not None:
        func(files[0])
    # File by file, scanner and library one after the other, each file's fastest pass kept:
    # both sides then run under the same load from others, and a disturbed pass of one file
    # does not count against the whole set.
    scan_best = [float("inf")] * len(files)
    ref_best = [float("inf")] * len(files)
    units = 0
    verdicts: dict[str, int] = {}
    rg_s = float("inf")
    for _ in range(repeat):
        verdicts, units = {}, 0
        for k, path in enumerate(files):
            t0 = time.process_time()
            v = scan_file(path).verdict
            scan_best[k] = min(scan_best[k], time.process_time() - t0)
            verdicts[v] = verdicts.get(v, 0) + 1
            if func is not None:
                t0 = time.process_time()
                units += func(path)
                ref_best[k] = min(ref_best[k], time.process_time() - t0)
        if func is None and not absent:
            rg_s = min(rg_s, ripgrep_cpu(files))
    scan_s = sum(scan_best)
    ref_s = sum(ref_best) if func is not None else rg_s
    out = {"format": fmt, "files": len(files), "mb": mb, "scan_s": scan_s, "reference": name,
           "verdicts": verdicts}
    if absent:
        out["skipped"] = absent
    else:
        out.update(ref_s=ref_s, ratio=scan_s / ref_s if ref_s else float("inf"))
        if fmt in ("xlsx", "xls"):
            out["cells"] = units
    return out


def report(r: dict) -> None:
    fmt, mb = r["format"], r["mb"]
    print(f"\n{fmt}: {r['files']} files, {mb:.1f} MB   verdicts {r['verdicts']}")
    cells = r.get("cells")
    per = f", {cells / r['scan_s'] / 1e6:.2f} M cells/CPU-s" if cells else ""
    print(f"  {'tokki scan':<12} {r['scan_s']:8.2f} CPU s  {mb / r['scan_s']:7.2f} MB/CPU-s{per}")
    if "skipped" in r:
        print(f"  {'library':<12} skipped: {r['skipped']}")
        return
    per = f", {cells / r['ref_s'] / 1e6:.2f} M cells/CPU-s ({cells:,} cells)" if cells else ""
    print(f"  {'library':<12} {r['ref_s']:8.2f} CPU s  {mb / r['ref_s']:7.2f} MB/CPU-s{per}   ({r['reference']})")
    line = f"  ratio scanner/library time {r['ratio']:.2f}x"
    if fmt in ("text", "csv"):
        line += f" = {100 / r['ratio']:.0f} % of ripgrep's speed"
    if fmt in TARGETS:
        what, ok = TARGETS[fmt]
        line += f"   target {what}: {'met' if ok(r['ratio']) else 'NOT met'}"
    print(line)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("root", type=Path, nargs="?", default=Path(__file__).parent / "corpus" / "bulk")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--formats", nargs="+", choices=sorted(FORMATS), default=list(FORMATS))
    args = ap.parse_args()
    if not args.root.is_dir():
        sys.exit(f"no corpus at {args.root}: run bench/make_corpus.py first (see the docstring)")
    every = sorted(p for p in args.root.rglob("*") if p.is_file())
    print(f"corpus {args.root}: {len(every)} files; CPU time, each file's fastest of {args.repeat} passes; "
          f"load average {os.getloadavg()[0]:.1f}")
    for fmt in args.formats:
        files = [p for p in every if p.suffix.lower() in FORMATS[fmt]]
        if not files:
            print(f"\n{fmt}: no files")
            continue
        report(measure(fmt, files, args.repeat))
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\npeak memory of this process: {peak:.0f} MB (cap 512 MB)")


if __name__ == "__main__":
    main()

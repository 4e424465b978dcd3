"""Scanner throughput on the generated mixed corpus: MB/s and files/s, overall and per format.

    python bench/make_corpus.py bench/corpus --size-mb 220     # once (about a minute)
    python bench/scanner_throughput.py [bench/corpus/bulk] [--jobs 1 2]

Per-format figures are per core (the time each file took in its worker); the overall
figure is wall-clock over the whole run with ``--jobs`` processes. The machine may be shared:
the load average is printed next to the figures.
"""

from __future__ import annotations

import argparse
import json
import os
import time
from collections import defaultdict
from pathlib import Path

from tokki_desktop.scanner.tree import iter_files, scan_paths

ANCHOR_MB_S = 3.7  # a leading Japanese commercial scanner, one thread, Office files
OFFICE = {"xlsx", "xlsm", "xls", "docx", "pptx", "doc"}


def per_format_cpu(root: Path) -> dict[str, dict[str, float]]:
    """CPU seconds per format, file by file in this process: robust when others load the machine."""
    from tokki_desktop.scanner import scan_file

    per: dict[str, list[float]] = defaultdict(lambda: [0, 0.0, 0.0])
    for path, st in iter_files([root]):
        t0 = time.process_time()
        res = scan_file(path)
        cpu = time.process_time() - t0
        p = per[res.format or "?"]
        p[0] += 1
        p[1] += res.bytes
        p[2] += cpu
    return {k: {"files": v[0], "mb": v[1] / 1e6, "cpu_s": v[2], "mb_per_cpu_s": v[1] / 1e6 / v[2] if v[2] else 0.0}
            for k, v in sorted(per.items())}


def run(root: Path, jobs: int) -> dict:
    files = list(iter_files([root]))
    total_bytes = sum(st.st_size for _, st in files if st)
    per: dict[str, list[float]] = defaultdict(lambda: [0, 0.0, 0.0])  # files, bytes, ms
    verdicts: dict[str, int] = defaultdict(int)
    t0 = time.perf_counter()
    for res in scan_paths([root], jobs=jobs):
        p = per[res.format or "?"]
        p[0] += 1
        p[1] += res.bytes
        p[2] += res.ms
        verdicts[res.verdict] += 1
    wall = time.perf_counter() - t0
    office = [v for k, v in per.items() if k in OFFICE]
    office_bytes = sum(v[1] for v in office)
    office_ms = sum(v[2] for v in office)
    return {
        "jobs": jobs, "files": len(files), "mb": total_bytes / 1e6, "wall_s": wall,
        "mb_per_s": total_bytes / 1e6 / wall, "files_per_s": len(files) / wall,
        "office_mb_per_s_per_core": office_bytes / 1e6 / (office_ms / 1000) if office_ms else 0.0,
        "per_format": {k: {"files": v[0], "mb": v[1] / 1e6, "mb_per_s_per_core": v[1] / 1e6 / (v[2] / 1000) if v[2] else 0.0,
                           "files_per_s_per_core": v[0] / (v[2] / 1000) if v[2] else 0.0}
                       for k, v in sorted(per.items())},
        "verdicts": dict(verdicts), "loadavg_before": os.getloadavg(),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("root", nargs="?", type=Path, default=Path(__file__).parent / "corpus" / "bulk")
    ap.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--cpu", action="store_true", help="also measure CPU time per format (one process)")
    args = ap.parse_args()
    out_dir = Path(__file__).parent / "out"
    out_dir.mkdir(exist_ok=True)
    results = []
    for jobs in args.jobs:
        load = os.getloadavg()
        r = run(args.root, jobs)
        r["loadavg_before"] = load
        results.append(r)
        print(f"jobs={jobs}: {r['files']} files, {r['mb']:.1f} MB in {r['wall_s']:.1f} s -> "
              f"{r['mb_per_s']:.2f} MB/s, {r['files_per_s']:.1f} files/s (load avg before {load[0]:.1f})")
        print(f"   Office files per core: {r['office_mb_per_s_per_core']:.2f} MB/s "
              f"({r['office_mb_per_s_per_core'] / ANCHOR_MB_S:.2f}x the 3.7 MB/s anchor)")
        for fmt, v in r["per_format"].items():
            print(f"   {fmt:6} {v['files']:5d} files {v['mb']:8.1f} MB  {v['mb_per_s_per_core']:7.2f} MB/s/core "
                  f"{v['files_per_s_per_core']:7.1f} files/s/core")
        print("   verdicts:", r["verdicts"])
    if args.cpu:
        cpu = per_format_cpu(args.root)
        office_mb = sum(v["mb"] for k, v in cpu.items() if k in OFFICE)
        office_cpu = sum(v["cpu_s"] for k, v in cpu.items() if k in OFFICE)
        print(f"CPU time, one process: Office files {office_mb / office_cpu:.2f} MB per CPU second "
              f"({office_mb / office_cpu / ANCHOR_MB_S:.2f}x the anchor)")
        for fmt, v in cpu.items():
            print(f"   {fmt:6} {v['files']:5d} files {v['mb']:8.1f} MB  {v['mb_per_cpu_s']:7.2f} MB per CPU s")
        results.append({"cpu_per_format": cpu})
    (out_dir / "scanner_throughput.json").write_text(json.dumps(results, indent=1), "utf-8")


if __name__ == "__main__":
    main()

"""Scanner throughput on irregular workbooks, in MB per CPU-second (robust on a shared machine).

    python bench/make_irregular_xlsx.py bench/corpus/irregular     # once
    python bench/scanner_irregular.py bench/corpus/irregular [--repeat 3]

Each file is scanned with scan_file in this process and timed with time.process_time; the
figures are overall and per kind (the file name up to its first underscore). With
``--repeat`` the corpus is scanned several times and the range of each figure is printed.
"""

from __future__ import annotations

import argparse
import time
from collections import Counter, defaultdict
from pathlib import Path

from tokki_desktop.scanner import scan_file


def one_pass(files: list[Path]) -> tuple[dict[str, list[float]], Counter[str]]:
    per: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0])  # bytes, cpu seconds
    verdicts: Counter[str] = Counter()
    for path in files:
        t0 = time.process_time()
        res = scan_file(path)
        cpu = time.process_time() - t0
        for key in ("all", path.name.split("_", 1)[0]):
            per[key][0] += res.bytes
            per[key][1] += cpu
        verdicts[res.verdict] += 1
    return per, verdicts


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("root", type=Path)
    ap.add_argument("--repeat", type=int, default=1)
    args = ap.parse_args()
    files = sorted(p for p in args.root.rglob("*") if p.is_file())
    rates: dict[str, list[float]] = defaultdict(list)
    sizes: dict[str, float] = {}
    verdicts: Counter[str] = Counter()
    for _ in range(args.repeat):
        per, verdicts = one_pass(files)
        for key, (size, cpu) in per.items():
            rates[key].append(size / 1e6 / cpu if cpu else 0.0)
            sizes[key] = size / 1e6
    print(f"{len(files)} files, {sizes.get('all', 0):.1f} MB, {args.repeat} pass(es)")
    for key in ["all"] + sorted(k for k in rates if k != "all"):
        r = rates[key]
        span = f"{min(r):6.2f} - {max(r):6.2f}" if len(r) > 1 else f"{r[0]:6.2f}"
        print(f"  {key:10s} {sizes[key]:7.1f} MB  {span} MB per CPU-second")
    print("verdicts:", dict(sorted(verdicts.items())))


if __name__ == "__main__":
    main()

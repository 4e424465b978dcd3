"""Re-scanning an unchanged tree with the index: the second run against the first.

    python bench/scanner_rescan.py [--files 100000] [--jobs 2]

Makes a tree of text and CSV files (about --kb each) under bench/corpus (kept for reruns),
scans it with a fresh index, then again with the same index, and prints both times and
the ratio (target: the second run takes at most 5 % of the first).
"""

from __future__ import annotations

import argparse
import os
import random
import time
from pathlib import Path

from tokki_desktop.scanner import ScanIndex, scan_paths

HERE = Path(__file__).parent
NAMES = ["佐藤 健", "鈴木 花子", "高橋 誠", "田中 陽子", "伊藤 翔", "渡辺 恵子", "山本 学", "中村 舞"]


def make_tree(root: Path, n: int, kb: float) -> None:
    rng = random.Random(3)
    rows = max(1, int(kb * 1024 / 30))
    lines = max(1, int(kb * 1024 / 110))
    for i in range(n):
        d = root / f"{i // 1000:03d}"
        if i % 1000 == 0:
            d.mkdir(parents=True, exist_ok=True)
        if i % 3 == 0:
            text = "氏名,電話番号\n" + "".join(f"{rng.choice(NAMES)},090-{rng.randrange(1000, 9999)}-{rng.randrange(1000, 9999)}\n"
                                              for _ in range(rows))
            (d / f"{i:06d}.csv").write_text(text, "utf-8")
        else:
            text = f"作業メモ {i}\n" + f"本日の作業は予定どおり完了した。次回は{rng.randrange(1, 12)}月に実施する。\n" * lines
            (d / f"{i:06d}.txt").write_text(text, "utf-8")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--files", type=int, default=100_000)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--kb", type=float, default=8.0, help="approximate size of each file")
    args = ap.parse_args()
    root = HERE / "corpus" / f"rescan_{args.files}_{args.kb:g}kb"
    if not root.exists():
        t0 = time.perf_counter()
        make_tree(root, args.files, args.kb)
        print(f"made {args.files} files in {time.perf_counter() - t0:.1f} s")
    db = HERE / "out" / f"rescan_{args.files}_{args.kb:g}kb.index"
    db.parent.mkdir(exist_ok=True)
    for suffix in ("", "-wal", "-shm"):
        Path(str(db) + suffix).unlink(missing_ok=True)
    t0 = time.perf_counter()
    with ScanIndex(db) as index:
        n1 = sum(1 for _ in scan_paths([root], jobs=args.jobs, index=index))
    first = time.perf_counter() - t0
    t0 = time.perf_counter()
    with ScanIndex(db) as index:
        n2 = sum(1 for _ in scan_paths([root], jobs=args.jobs, index=index))
    second = time.perf_counter() - t0
    print(f"first scan : {n1} files in {first:.1f} s (jobs={args.jobs}, load avg {os.getloadavg()[0]:.1f})")
    print(f"re-scan    : {n2} files in {second:.2f} s  -> {100 * second / first:.1f} % of the first")


if __name__ == "__main__":
    main()

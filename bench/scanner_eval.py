"""Precision and recall of the scanner on the labelled evaluation corpus, per format and detector.

    python bench/make_corpus.py bench/corpus          # writes bench/corpus/eval
    python bench/scanner_eval.py [bench/corpus/eval]

File level: a file is positive when its verdict is personal_data. Per detector: a labelled
kind counts as found when the file's findings hold it; a kind found in a file not labelled
with it is a false alarm of that detector (the file may still be judged correctly).
"""

from __future__ import annotations

import argparse
import json
from collections import defaultdict
from pathlib import Path

from tokki_desktop.scanner import PERSONAL_DATA, scan_file


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("root", nargs="?", type=Path, default=Path(__file__).parent / "corpus" / "eval")
    args = ap.parse_args()
    labels = json.loads((args.root / "labels.json").read_text("utf-8"))
    by_fmt: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])  # tp fp fn tn
    by_kind: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])     # found, missed, false alarms
    wrong = []
    for rel, lab in sorted(labels.items()):
        res = scan_file(args.root / rel)
        got, want = res.verdict == PERSONAL_DATA, bool(lab["personal"])
        cell = by_fmt[res.format or "?"]
        cell[0 if got and want else 1 if got else 2 if want else 3] += 1
        if got != want:
            wrong.append(f"{rel}: {res.verdict} {res.findings}")
        for kind in lab["kinds"]:
            by_kind[kind][0 if res.findings.get(kind) else 1] += 1
        for kind in res.findings:
            if kind not in lab["kinds"] and not lab["personal"]:
                by_kind[kind][2] += 1

    def pr(tp: int, fp: int, fn: int) -> str:
        p = tp / (tp + fp) if tp + fp else 1.0
        r = tp / (tp + fn) if tp + fn else 1.0
        return f"precision {p:.3f} recall {r:.3f}"

    tot = [sum(v[i] for v in by_fmt.values()) for i in range(4)]
    print(f"all {len(labels)} files: {pr(tot[0], tot[1], tot[2])} (tp {tot[0]}, fp {tot[1]}, fn {tot[2]}, tn {tot[3]})")
    for fmt, (tp, fp, fn, tn) in sorted(by_fmt.items()):
        print(f"  {fmt:6} {tp + fp + fn + tn:3d} files  {pr(tp, fp, fn)}  (tp {tp} fp {fp} fn {fn} tn {tn})")
    print("per detector (labelled kind found / missed; found in negative files):")
    for kind, (found, missed, alarms) in sorted(by_kind.items()):
        print(f"  {kind:16} recall {found / (found + missed) if found + missed else 1:.3f} ({found}/{found + missed})"
              f"  in negatives: {alarms}")
    for w in wrong:
        print("  wrong:", w)


if __name__ == "__main__":
    main()

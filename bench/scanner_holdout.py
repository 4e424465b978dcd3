"""Score the scanner on the independent holdout corpus written by ``bench/make_holdout.py``.

    python bench/make_holdout.py bench/corpus/holdout
    python bench/scanner_holdout.py bench/corpus/holdout [--json-out FILE]

File level, positive class = ``personal_data``.  Precision and recall are computed over the
files expected ``personal_data`` or ``clean``, per format and overall, once without and once
with the files marked ``"debatable"``.  A clean file that the scanner calls ``encrypted`` or
``unreadable`` is not a false positive of the detectors but is still 'not clean': such files,
and every file expected ``encrypted``/``unreadable``, are reported in a separate table.
Every disagreement is listed with the scanner's English reason, findings and masked examples;
tables whose record count differs from the number of people in them are listed last.
"""

from __future__ import annotations

import argparse
import json
import time
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from tokki_desktop.scanner import PERSONAL_DATA, ScanResult, scan_file

NOT_CLEAN = {"encrypted", "unreadable"}


@dataclass
class Outcome:
    """One file: what the manifest expects and what the scanner said."""

    rel: str
    expected: str
    why: str
    fmt: str
    debatable: bool
    records: int | None
    result: ScanResult

    @property
    def got(self) -> str:
        return self.result.verdict


@dataclass
class Cell:
    """Confusion counts for the personal_data class."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0

    def add(self, expected_pd: bool, got_pd: bool) -> None:
        if expected_pd and got_pd:
            self.tp += 1
        elif got_pd:
            self.fp += 1
        elif expected_pd:
            self.fn += 1
        else:
            self.tn += 1

    @staticmethod
    def _ratio(a: int, b: int) -> str:
        return f"{a / b:.3f}" if b else "  -  "

    def line(self, label: str) -> str:
        n = self.tp + self.fp + self.fn + self.tn
        return (f"  {label:<10} n={n:<4} tp={self.tp:<3} fp={self.fp:<3} fn={self.fn:<3} tn={self.tn:<3} "
                f"precision={self._ratio(self.tp, self.tp + self.fp)}  recall={self._ratio(self.tp, self.tp + self.fn)}")


def scan_all(root: Path) -> list[Outcome]:
    manifest = json.loads((root / "expected.json").read_text("utf-8"))
    out = []
    for rel, exp in sorted(manifest.items()):
        res = scan_file(root / rel)
        out.append(Outcome(rel, exp["verdict"], exp.get("why", ""), exp.get("format", "?"), bool(exp.get("debatable")),
                           exp.get("records"), res))
    return out


def pr_table(outcomes: list[Outcome], include_debatable: bool) -> list[str]:
    cells: dict[str, Cell] = defaultdict(Cell)
    overall = Cell()
    for o in outcomes:
        if o.expected not in (PERSONAL_DATA, "clean") or (o.debatable and not include_debatable):
            continue
        exp_pd, got_pd = o.expected == PERSONAL_DATA, o.got == PERSONAL_DATA
        cells[o.fmt].add(exp_pd, got_pd)
        overall.add(exp_pd, got_pd)
    lines = [cells[f].line(f) for f in sorted(cells)]
    lines.append(overall.line("OVERALL"))
    return lines


def findings_text(res: ScanResult) -> str:
    return ", ".join(f"{k}={v}" for k, v in sorted(res.findings.items())) or "-"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("root", type=Path)
    ap.add_argument("--json-out", type=Path, help="also write every outcome as JSON here")
    args = ap.parse_args()
    t0 = time.perf_counter()
    outcomes = scan_all(args.root)
    secs = time.perf_counter() - t0
    n_deb = sum(o.debatable for o in outcomes)
    print(f"{len(outcomes)} files scanned in {secs:.1f} s ({n_deb} marked debatable)\n")
    print("Personal data vs clean, EXCLUDING debatable files:")
    print("\n".join(pr_table(outcomes, include_debatable=False)))
    print("\nPersonal data vs clean, INCLUDING debatable files:")
    print("\n".join(pr_table(outcomes, include_debatable=True)))

    print("\nProtected / damaged files and 'not clean' verdicts (encrypted/unreadable):")
    for o in outcomes:
        if o.expected in NOT_CLEAN or o.got in NOT_CLEAN:
            mark = "ok " if o.got == o.expected else "!! "
            print(f"  {mark}{o.rel}: expected {o.expected}, got {o.got}")
    flagged = [o for o in outcomes if o.expected in NOT_CLEAN]
    never_clean = sum(o.got != "clean" for o in flagged)
    print(f"  expected encrypted/unreadable: {len(flagged)}, exact verdict {sum(o.got == o.expected for o in flagged)}, "
          f"not called clean {never_clean}")

    wrong = [o for o in outcomes if o.got != o.expected]
    print(f"\nDisagreements ({len(wrong)}):")
    for o in wrong:
        tag = " [debatable]" if o.debatable else ""
        print(f"- {o.rel}{tag} ({o.fmt}): expected {o.expected}, got {o.got} (score {o.result.score:.2f}, records {o.result.records})")
        print(f"    doc: {o.why}")
        print(f"    findings: {findings_text(o.result)}")
        print(f"    reason_en: {o.result.reason_en}")
        print(f"    examples: {', '.join(o.result.examples[:6]) or '-'}")
    print("\nRecord counts of tables (informational; expected = people in the table):")
    for o in outcomes:
        if o.records is not None and o.result.records != o.records:
            print(f"  {o.rel}: expected {o.records}, got {o.result.records} (verdict {o.got}; findings: {findings_text(o.result)})")
    if args.json_out:
        args.json_out.write_text(json.dumps([{**o.result.to_json(with_members=True), "path": o.rel, "expected": o.expected, "debatable": o.debatable, "format": o.fmt}
                                              for o in outcomes], ensure_ascii=False, indent=1), "utf-8")


if __name__ == "__main__":
    main()

"""Score the scanner on the real-world corpus listed in ``bench/real/manifest.csv``.

    python bench/scanner_real.py [--corpus DIR] [--split dev|holdout|holdout2|holdout3|holdout4|holdout5|holdout6|all] [--json FILE] [--jobs N]

The corpus files are public files nobody on this project wrote (municipal open data, other
people's sample rosters and fixtures, peers' encrypted test files). They are not in git: the
corpus is found by ``--corpus``, else the environment variable ``TOKKI_REAL_CORPUS``, else
``../shared/real-corpus`` beside the repository root. Each file's SHA-256 is checked against
the manifest (the corpus's own encrypted files excepted: they are made again on each machine,
with fresh salts, from real files that are checked); a missing or changed file is reported and
not scored. ``bench/real/rebuild.py`` rebuilds the corpus from snapshots of its sources.

Splits: ``dev`` (the rules were written against it), ``holdout`` (scored often, no longer
blind), ``holdout2`` (collected later by someone who writes no rules, scored blind once, then
read and tuned on: no longer blind), ``holdout3`` (collected apart after that, blind; scored
once, by the lead, then read) and ``holdout4`` / ``holdout5`` (collected apart while holdout3
was tuned on, by two engineers writing no rules, each from its own sources; scored once, then
read) and ``holdout6`` (collected apart while those two were tuned on). The later splits are scored only when asked for by name: ``all`` means dev
and holdout, so that an ordinary run never lists the blind split's misses.

File level, positive class = ``personal_data``. Precision and recall are computed over the
files expected ``personal_data`` or ``clean``, once over the files that are not debatable and
once over all of them. A clean file called ``encrypted`` or ``unreadable`` is not a false
positive (the detectors did not flag it) but it is a miss and is listed. Files expected
``encrypted`` count as recognised only when the verdict is ``encrypted``. The same figures are
printed per kind and per format. Misses are listed by path with the scanner's English reason;
no document content is printed.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import os
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:  # run as a script from anywhere
    sys.path.insert(0, str(REPO))

from tokki_desktop.scanner import CLEAN, ENCRYPTED, PERSONAL_DATA, ScanResult  # noqa: E402

MANIFEST = REPO / "bench" / "real" / "manifest.csv"
MADE_PREFIX = "tokki-made-encrypted"
COLUMNS = ["path", "split", "source", "kind", "format", "expected", "debatable", "sha256", "reason"]
SPLITS = ("dev", "holdout", "holdout2", "holdout3", "holdout4", "holdout5", "holdout6", "all")
# What ``all`` scores: every split but the blind one (see the module docstring).
OPEN_SPLITS = ("dev", "holdout")


@dataclass(frozen=True)
class Entry:
    """One manifest row: a corpus file and the verdict a privacy officer expects of it."""

    path: str
    split: str
    source: str
    kind: str
    format: str
    expected: str
    debatable: bool
    sha256: str
    reason: str


@dataclass
class Tally:
    """Confusion counts for the personal_data class plus the encrypted files of one group."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0
    encrypted: int = 0
    encrypted_found: int = 0
    files: int = 0

    def add(self, entry: Entry, got: str) -> None:
        self.files += 1
        if entry.expected == ENCRYPTED:
            self.encrypted += 1
            self.encrypted_found += got == ENCRYPTED
            return
        if entry.expected not in (PERSONAL_DATA, CLEAN):
            return
        want, have = entry.expected == PERSONAL_DATA, got == PERSONAL_DATA
        if want and have:
            self.tp += 1
        elif have:
            self.fp += 1
        elif want:
            self.fn += 1
        else:
            self.tn += 1

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    def as_dict(self) -> dict[str, object]:
        return {"files": self.files, "tp": self.tp, "fp": self.fp, "fn": self.fn, "tn": self.tn,
                "precision": _round(self.precision), "recall": _round(self.recall),
                "encrypted": self.encrypted, "encrypted_recognised": self.encrypted_found}


@dataclass
class Miss:
    """A file whose verdict is not the expected one (path and the scanner's reason only)."""

    path: str
    kind: str
    expected: str
    got: str
    debatable: bool
    reason_en: str


@dataclass
class Report:
    """Everything the scorer found for one split."""

    split: str
    overall: Tally = field(default_factory=Tally)
    overall_strict: Tally = field(default_factory=Tally)
    by_kind: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    by_format: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    by_expected: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    misses: list[Miss] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, object]:
        return {
            "split": self.split,
            "all_files": self.overall.as_dict(),
            "without_debatable": self.overall_strict.as_dict(),
            "by_kind": {k: t.as_dict() for k, t in sorted(self.by_kind.items())},
            "by_format": {k: t.as_dict() for k, t in sorted(self.by_format.items())},
            "by_expected": dict(sorted(self.by_expected.items())),
            "misses": [vars(m) for m in self.misses],
            "missing": self.missing,
            "changed": self.changed,
        }


def _round(x: float | None) -> float | None:
    return None if x is None else round(x, 3)


def default_corpus() -> Path:
    """Where the corpus lives when ``--corpus`` is not given."""
    env = os.environ.get("TOKKI_REAL_CORPUS")
    return Path(env) if env else REPO.parent / "shared" / "real-corpus"


def load_manifest(path: Path = MANIFEST) -> list[Entry]:
    """The manifest rows; a malformed manifest is an error worth stopping for."""
    with open(path, encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        if reader.fieldnames != COLUMNS:
            raise ValueError(f"manifest columns are {reader.fieldnames}, expected {COLUMNS}")
        return [Entry(debatable=row.pop("debatable") == "yes", **row) for row in reader]


def sha256_of(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def _scan(paths: list[Path], jobs: int) -> list[ScanResult]:
    # Worker processes (as `tokki scan` uses): a file that hangs or kills its worker is
    # unreadable and the run goes on.
    from tokki_desktop.scanner import scan_paths
    return list(scan_paths([str(p) for p in paths], jobs=jobs, isolate=True))


def evaluate(corpus: Path, split: str = "all", *, entries: list[Entry] | None = None,
             jobs: int = 1) -> Report:
    """Scan the manifest's files of ``split`` under ``corpus`` and tally the verdicts."""
    if split not in SPLITS:
        raise ValueError(f"split must be one of {SPLITS}")
    entries = load_manifest() if entries is None else entries
    chosen = [e for e in entries if e.split == split or (split == "all" and e.split in OPEN_SPLITS)]
    report = Report(split)
    ready: list[tuple[Entry, Path]] = []
    for entry in chosen:
        path = corpus / entry.path
        if not path.is_file():
            report.missing.append(entry.path)
        elif sha256_of(path) != entry.sha256 and not entry.source.startswith(MADE_PREFIX):
            # The corpus's own encrypted files are made again on each machine with fresh salts
            # (bench/real/make_encrypted.py), so only their real inputs are held to a hash.
            report.changed.append(entry.path)
        else:
            ready.append((entry, path))
    results = _scan([p for _, p in ready], jobs) if ready else []
    for (entry, _), res in zip(ready, results, strict=True):
        got = res.verdict
        report.by_expected[entry.expected] += 1
        report.overall.add(entry, got)
        if not entry.debatable:
            report.overall_strict.add(entry, got)
        report.by_kind[entry.kind].add(entry, got)
        report.by_format[entry.format].add(entry, got)
        if got != entry.expected:
            report.misses.append(Miss(entry.path, entry.kind, entry.expected, got, entry.debatable,
                                      res.reason_en))
    return report


def _fmt(x: float | None) -> str:
    return "  n/a" if x is None else f"{x:5.2f}"


def _table(title: str, rows: dict[str, Tally]) -> list[str]:
    out = [f"\n{title:<22} {'files':>5} {'TP':>4} {'FP':>4} {'FN':>4} {'TN':>4} {'prec':>5} {'rec':>5} {'encrypted':>9}"]
    for name, t in sorted(rows.items()):
        enc = f"{t.encrypted_found}/{t.encrypted}" if t.encrypted else "-"
        out.append(f"{name:<22} {t.files:>5} {t.tp:>4} {t.fp:>4} {t.fn:>4} {t.tn:>4} "
                   f"{_fmt(t.precision)} {_fmt(t.recall)} {enc:>9}")
    return out


def render(report: Report) -> str:
    """The human-readable report: figures, tables, then the misses by path."""
    o, s = report.overall, report.overall_strict
    lines = [f"Real corpus, split {report.split}: {o.files} files scored"
             + (f", {len(report.missing)} missing" if report.missing else "")
             + (f", {len(report.changed)} changed (not scored)" if report.changed else ""),
             "expected: " + ", ".join(f"{k} {v}" for k, v in sorted(report.by_expected.items())),
             f"personal_data, all files:       precision {_fmt(o.precision)}  recall {_fmt(o.recall)}"
             f"  (TP {o.tp} FP {o.fp} FN {o.fn} TN {o.tn})",
             f"personal_data, not debatable:   precision {_fmt(s.precision)}  recall {_fmt(s.recall)}"
             f"  (TP {s.tp} FP {s.fp} FN {s.fn} TN {s.tn})",
             f"encrypted recognised:           {o.encrypted_found}/{o.encrypted}"]
    lines += _table("by kind", report.by_kind)
    lines += _table("by format", report.by_format)
    if report.misses:
        lines.append(f"\nmisses ({len(report.misses)}): path | expected -> got | scanner's reason")
        for m in sorted(report.misses, key=lambda m: (m.kind, m.path)):
            flag = " (debatable)" if m.debatable else ""
            lines.append(f"  {m.path} | {m.expected} -> {m.got}{flag} | {m.reason_en}")
    for label, paths in (("missing", report.missing), ("changed since labelled", report.changed)):
        for p in paths:
            lines.append(f"  {label}: {p}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=None, help="corpus root (dev/, holdout/, holdout2/ … holdout6/ below it)")
    ap.add_argument("--split", choices=SPLITS, default="all",
                    help="all = dev and holdout; the later splits only when named")
    ap.add_argument("--json", type=Path, default=None, help="write the figures to this file")
    ap.add_argument("--jobs", type=int, default=1, help="worker processes for the scan")
    args = ap.parse_args(argv)
    corpus = args.corpus or default_corpus()
    if not corpus.is_dir():
        print(f"no corpus at {corpus} (give --corpus or set TOKKI_REAL_CORPUS)", file=sys.stderr)
        return 2
    report = evaluate(corpus, args.split, jobs=args.jobs)
    print(render(report))
    if args.json:
        args.json.write_text(json.dumps(report.as_dict(), ensure_ascii=False, indent=2), "utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Rebuild the real-world corpus from local snapshots of its source repositories.

    python bench/real/rebuild.py --mirrors DIR [--corpus DIR] [--split NAME ...] [--force]

The corpus is not in git: each machine rebuilds it. ``SOURCES.md`` names, for every source,
its repository, the commit and the paths taken (with the corpus name after an arrow where it
differs). ``--mirrors`` is a folder holding one bare snapshot of each repository, named
``owner+name`` (a git directory, or a folder with ``repo/`` or ``repo/.git`` inside). Every
file is read with ``git show COMMIT:PATH`` and written to ``<corpus>/<split>/<source>/<name>``;
its SHA-256 must equal the manifest's, or the file is reported and not written. The corpus's own
encrypted files are then made again by ``make_encrypted.py`` from the rebuilt inputs (their
bytes differ from run to run by design; the scorer checks their inputs instead).

Exit status 0 when every manifest file of the chosen splits is in place, 1 otherwise.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import re
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
SOURCES = HERE / "SOURCES.md"
MANIFEST = HERE / "manifest.csv"
MADE_PREFIX = "tokki-made-encrypted"

_SPLIT = re.compile(r"^## (\w+)\b")
_SOURCE = re.compile(r"^### `([^`]+)` — (\S+)\s*$")
_COMMIT = re.compile(r"^- commit: ([0-9a-f]{40})\b")
# A path, its corpus name after an arrow, and its own commit where one source's files come
# from different commits.
_PATH = re.compile(r"`([^`]+)`(?: → `([^`]+)`)?(?: \(commit ([0-9a-f]{40})\))?")


@dataclass
class Source:
    """One repository of the corpus: where its files come from and what they are called."""

    split: str
    name: str
    repo: str
    commit: str = ""
    # (path in repo, corpus name, the path's own commit or "")
    files: list[tuple[str, str, str]] = field(default_factory=list)


def parse_sources(text: str) -> list[Source]:
    """The sources listed in SOURCES.md, in order (the made-encrypted ones are left out)."""
    sources: list[Source] = []
    split = ""
    current: Source | None = None
    for line in text.splitlines():
        if m := _SPLIT.match(line):
            split, current = m.group(1), None
        elif m := _SOURCE.match(line):
            current = None
            if not m.group(1).startswith(MADE_PREFIX) and "/" in m.group(2):
                current = Source(split, m.group(1), m.group(2))
                sources.append(current)
        elif current is not None and (m := _COMMIT.match(line)):
            current.commit = m.group(1)
        elif current is not None and line.startswith("- paths:"):
            for path, renamed, commit in _PATH.findall(line[len("- paths:"):]):
                current.files.append((path, renamed or path.rsplit("/", 1)[-1], commit))
    return sources


def git_dir(mirrors: Path, repo: str) -> Path | None:
    """The git directory of ``repo``'s snapshot under ``mirrors``, if there is one."""
    base = mirrors / repo.replace("/", "+")
    for candidate in (base / "repo" / ".git", base / "repo", base):
        if (candidate / "HEAD").is_file() and (candidate / "objects").is_dir():
            return candidate
    return None


def manifest_hashes() -> dict[str, str]:
    with MANIFEST.open(encoding="utf-8", newline="") as f:
        return {row["path"]: row["sha256"] for row in csv.DictReader(f)}


def rebuild(mirrors: Path, corpus: Path, splits: set[str] | None, force: bool) -> list[str]:
    """Write every file of the chosen splits; return the problems, one line each."""
    wanted = manifest_hashes()
    problems: list[str] = []
    for src in parse_sources(SOURCES.read_text(encoding="utf-8")):
        if splits and src.split not in splits:
            continue
        gd = git_dir(mirrors, src.repo)
        if gd is None:
            problems.append(f"{src.split}/{src.name}: no snapshot of {src.repo}")
            continue
        for path, name, own_commit in src.files:
            commit = own_commit or src.commit
            rel = f"{src.split}/{src.name}/{name}"
            out = corpus / rel
            if rel not in wanted:
                problems.append(f"{rel}: listed in SOURCES.md but not in the manifest")
                continue
            if out.is_file() and not force and _sha(out.read_bytes()) == wanted[rel]:
                continue
            got = subprocess.run(["git", f"--git-dir={gd}", "show", f"{commit}:{path}"],
                                 capture_output=True, check=False)
            if got.returncode != 0:
                problems.append(f"{rel}: git could not read {path} at {commit[:10]}")
                continue
            if _sha(got.stdout) != wanted[rel]:
                problems.append(f"{rel}: SHA-256 differs from the manifest's; not written")
                continue
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_bytes(got.stdout)
    return problems


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def make_encrypted(corpus: Path, splits: set[str] | None) -> list[str]:
    """Run make_encrypted.py for every split that has made-encrypted files."""
    problems = []
    with MANIFEST.open(encoding="utf-8", newline="") as f:
        made = sorted({r["split"] for r in csv.DictReader(f) if r["source"].startswith(MADE_PREFIX)})
    for split in made:
        if splits and split not in splits:
            continue
        cmd = [sys.executable, str(HERE / "make_encrypted.py"), "--corpus", str(corpus), "--split", split]
        if subprocess.run(cmd, check=False).returncode != 0:
            problems.append(f"{split}: make_encrypted.py failed")
    return problems


def missing(corpus: Path, splits: set[str] | None) -> list[str]:
    with MANIFEST.open(encoding="utf-8", newline="") as f:
        rows = [r for r in csv.DictReader(f) if not splits or r["split"] in splits]
    return [r["path"] for r in rows if not (corpus / r["path"]).is_file()]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--mirrors", type=Path, required=True, help="folder of owner+name snapshots")
    ap.add_argument("--corpus", type=Path, default=HERE.parents[2] / "shared" / "real-corpus",
                    help="where the corpus goes (default: ../shared/real-corpus beside the repository)")
    ap.add_argument("--split", action="append", help="only this split (may be repeated)")
    ap.add_argument("--force", action="store_true", help="write files even when already in place")
    args = ap.parse_args(argv)
    splits = set(args.split) if args.split else None
    problems = rebuild(args.mirrors, args.corpus, splits, args.force)
    problems += make_encrypted(args.corpus, splits)
    for p in problems:
        print(p, file=sys.stderr)
    absent = missing(args.corpus, splits)
    for p in absent:
        print(f"{p}: missing", file=sys.stderr)
    print(f"corpus in {args.corpus}: {len(absent)} missing, {len(problems)} problems")
    return 0 if not absent else 1


if __name__ == "__main__":
    raise SystemExit(main())

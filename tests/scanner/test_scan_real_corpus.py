"""The real-world corpus (bench/real/manifest.csv, files outside git): scores may only improve.

The corpus is found like ``bench/scanner_real.py`` finds it (``TOKKI_REAL_CORPUS``, else
``../shared/real-corpus`` beside the repository); the scoring test skips when it is absent.
The manifest itself is checked always, since it is in the repository. The third split,
``holdout2``, was collected blind (by someone writing no rules) and scored blind once; it has
been read and tuned on since, so it is no longer blind and has a floor like the others
(``--split all`` still leaves it out, so an ordinary run lists dev and holdout only).
The fourth split, ``holdout3``, was collected blind after holdout2 had been scored, and was
scored once by the lead, whose one run set its floor.
"""

from __future__ import annotations

import csv
import hashlib
import importlib.util
import re
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]

# The one place the floors live (all files, debatable ones included; rounded down). Raise them
# as the detectors improve; never lower them to make a change pass.
# When the corpus was built: dev 0.62 / 0.27, holdout 0.92 / 0.39. With the column typing
# (Sudachi), organisations, SQL/JSON/SQLite/HTML tables and lists of whole names: dev
# 1.00 / 0.89, holdout 0.90 / 0.64 — holdout precision fell (1 false positive became 2, one
# of them labelled debatable) while recall rose; the holdout floor was re-set to it once, in
# the open. With résumés in any layout (LaTeX macros expanded, PDF code maps through pypdf),
# addressees in parts, transfer lists, short tables with remarks and address columns read as
# places: dev 1.00 / 0.92, holdout 1.00 / 0.96 (both halves were seen while writing them).
FLOORS = {
    "dev": {"precision": 1.00, "recall": 0.90, "encrypted_missed": 0},
    "holdout": {"precision": 0.97, "recall": 0.93, "encrypted_missed": 0},
    # holdout2 was scored blind once at precision 0.96 / recall 0.55 (the rules fit the files
    # they were written against), then read and tuned on: spaced form labels, one-object
    # fixtures, individuals among facilities, romaji name columns, vertical postcards gave
    # 1.00 / 0.88. It is seen now; holdout3 is the blind judge.
    "holdout2": {"precision": 0.97, "recall": 0.85, "encrypted_missed": 0},
    # holdout3, collected apart while holdout2 was tuned on, scored once by the lead after the
    # last rule change: 0.95 / 0.72 (not debatable 1.00 / 0.88); the scanner of the session's
    # start gave 0.95 / 0.62 on it. It was then opened to the rule writers: 0.97 / 0.97 after round 4.
    "holdout3": {"precision": 0.95, "recall": 0.95, "encrypted_missed": 0},
    # holdout4 and holdout5, collected apart while holdout3 was read and tuned on (holdout3 then
    # scored 0.97 / 0.97), read a second time independently before any scoring, and scored
    # once by the lead: the session's starting scanner gave 0.95 / 0.56 and 0.74 / 0.44, the
    # final one 0.95 / 0.62 and 0.75 / 0.56. The blind target (0.97 / 0.97) is far off.
    # holdout5 rose to 0.77 / 0.62 once two SQL scripts' rows were read (floor a file below).
    "holdout4": {"precision": 0.93, "recall": 0.60, "encrypted_missed": 0},
    "holdout5": {"precision": 0.75, "recall": 0.60, "encrypted_missed": 0},
}
MANIFEST_SPLITS = ("dev", "holdout", "holdout2", "holdout3", "holdout4", "holdout5", "holdout6")
# Splits collected blind, each apart from every other split; a split not collected yet has no rows.
BLIND_SPLITS = ("holdout3", "holdout4", "holdout5", "holdout6")


def _bench_module(name: str, path: Path) -> ModuleType:
    """A script of bench/ loaded as a module once (bench/ is no package)."""
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, path)
        assert spec and spec.loader
        mod = importlib.util.module_from_spec(spec)
        sys.modules[name] = mod
        spec.loader.exec_module(mod)
    return sys.modules[name]


def _scorer() -> ModuleType:
    return _bench_module("tokki_scanner_real", ROOT / "bench" / "scanner_real.py")


def test_manifest_is_well_formed() -> None:
    scorer = _scorer()
    entries = scorer.load_manifest()
    assert len(entries) >= 150
    split_of_source: dict[str, str] = {}
    for e in entries:
        assert e.split in MANIFEST_SPLITS, e.path
        assert e.path.startswith(f"{e.split}/{e.source}/"), e.path
        assert e.expected in ("personal_data", "clean", "encrypted", "unreadable"), e.path
        assert re.fullmatch(r"[0-9a-f]{64}", e.sha256), e.path
        assert e.kind and e.format and e.reason, e.path
        # Every file of one source sits in the same half.
        assert split_of_source.setdefault(e.source, e.split) == e.split, e.source
    assert len(split_of_source) >= 25
    assert len({e.path for e in entries}) == len(entries)
    assert sum(e.expected == "encrypted" for e in entries) >= 15
    for split in {e.split for e in entries}:
        expected = {e.expected for e in entries if e.split == split}
        assert {"personal_data", "clean", "encrypted"} <= expected, split


def test_holdout2_is_large_enough_and_apart_from_the_other_splits() -> None:
    scorer = _scorer()
    entries = scorer.load_manifest()
    blind = [e for e in entries if e.split == "holdout2"]
    assert len(blind) >= 90
    assert len({e.source for e in blind}) >= 25
    assert sum(e.expected == "encrypted" for e in blind) >= 5
    # A file of holdout2 must not be a file of another split under another name.
    other_hashes = {e.sha256 for e in entries if e.split != "holdout2"}
    assert not [e.path for e in blind if e.sha256 in other_hashes]
    # Every debatable file says why in its reason.
    assert all("debatable" in e.reason for e in blind if e.debatable)


@pytest.mark.parametrize("split", BLIND_SPLITS)
def test_a_blind_split_is_large_enough_and_apart_from_the_other_splits(split: str) -> None:
    scorer = _scorer()
    entries = scorer.load_manifest()
    blind = [e for e in entries if e.split == split]
    if not blind:
        pytest.skip(f"{split} has no manifest rows yet")
    assert len(blind) >= 60
    assert len({e.source for e in blind}) >= 20
    assert sum(e.expected == "encrypted" for e in blind) >= 5
    # About half of the files hold personal data, so that precision and recall both mean something.
    personal = sum(e.expected == "personal_data" for e in blind)
    clean = sum(e.expected == "clean" for e in blind)
    assert personal >= 15 and clean >= 15
    # A file of a blind split must not be a file of another split under another name.
    other_hashes = {e.sha256 for e in entries if e.split != split}
    assert not [e.path for e in blind if e.sha256 in other_hashes]
    # No source of a blind split was used by another split.
    other_sources = {e.source for e in entries if e.split != split}
    assert not {e.source for e in blind} & other_sources
    # Every debatable file says why in its reason.
    assert all("debatable" in e.reason for e in blind if e.debatable)


def test_split_all_leaves_the_blind_split_out(tmp_path: Path) -> None:
    scorer = _scorer()
    rows = [scorer.Entry(f"{split}/src-{split}/gone.txt", split, f"src-{split}", "notice", "txt",
                         "clean", False, "0" * 64, "absent on purpose")
            for split in MANIFEST_SPLITS]
    report = scorer.evaluate(tmp_path, "all", entries=rows)
    assert report.missing == ["dev/src-dev/gone.txt", "holdout/src-holdout/gone.txt"]
    for blind in MANIFEST_SPLITS[2:]:
        report = scorer.evaluate(tmp_path, blind, entries=rows)
        assert report.missing == [f"{blind}/src-{blind}/gone.txt"]


def test_made_encrypted_files_come_from_their_own_split() -> None:
    name = "tokki_make_encrypted"
    if name not in sys.modules:  # registered first: its dataclass looks its module up by name
        spec = importlib.util.spec_from_file_location(name, ROOT / "bench" / "real" / "make_encrypted.py")
        assert spec and spec.loader
        sys.modules[name] = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(sys.modules[name])
    mod = sys.modules[name]
    split_of = {e.path: e.split for e in _scorer().load_manifest()}
    for split, cfg in mod.SPLIT_INPUTS.items():
        assert cfg.out.startswith(f"{split}/"), split
        for source in (cfg.roster_xlsx, cfg.word_docx, cfg.pdf, cfg.email_csv):
            assert split_of.get(source) == split, source
        made = [p for p, s in split_of.items() if p.startswith(cfg.out + "/")]
        assert made and all(split_of[p] == split for p in made), split


def test_manifest_names_no_path_of_a_machine() -> None:
    text = (ROOT / "bench" / "real" / "manifest.csv").read_text("utf-8")
    assert not re.search(r"(^|[\s,\"])(/work|/tmp|/root|/home|[A-Za-z]:\\)", text)


def test_a_changed_or_missing_file_is_reported_not_scored(tmp_path: Path) -> None:
    scorer = _scorer()
    folder = tmp_path / "dev" / "somewhere"
    folder.mkdir(parents=True)
    kept = folder / "notice.txt"
    kept.write_text("本日は晴天なり。施設の開館時間のお知らせです。\n", "utf-8")
    changed = folder / "changed.txt"
    changed.write_text("後から書き換えられた文書\n", "utf-8")
    good_sha = hashlib.sha256(kept.read_bytes()).hexdigest()
    rows = [
        scorer.Entry("dev/somewhere/notice.txt", "dev", "somewhere", "notice", "txt", "clean", False, good_sha, "a notice"),
        scorer.Entry("dev/somewhere/changed.txt", "dev", "somewhere", "notice", "txt", "clean", False, "0" * 64, "changed"),
        scorer.Entry("dev/somewhere/gone.txt", "dev", "somewhere", "notice", "txt", "clean", False, "0" * 64, "gone"),
    ]
    report = scorer.evaluate(tmp_path, "dev", entries=rows)
    assert report.changed == ["dev/somewhere/changed.txt"]
    assert report.missing == ["dev/somewhere/gone.txt"]
    assert report.overall.files == 1


def test_scorer_writes_its_figures_as_json(tmp_path: Path) -> None:
    scorer = _scorer()
    manifest = tmp_path / "manifest.csv"
    with open(manifest, "w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerow(scorer.COLUMNS)
    entries = scorer.load_manifest(manifest)
    report = scorer.evaluate(tmp_path, "all", entries=entries)
    figures = report.as_dict()
    assert figures["all_files"]["files"] == 0
    assert figures["all_files"]["precision"] is None


@pytest.mark.slow
@pytest.mark.parametrize("split", sorted(FLOORS))
def test_real_corpus_scores_stay_at_or_above_the_floors(split: str) -> None:
    scorer = _scorer()
    corpus = scorer.default_corpus()
    if not corpus.is_dir():
        pytest.skip(f"real corpus not present (set TOKKI_REAL_CORPUS); looked in {corpus.name!r} beside the repository")
    report = scorer.evaluate(corpus, split, jobs=2)
    assert not report.missing and not report.changed, (
        "the corpus differs from the manifest", report.missing[:5], report.changed[:5])
    floor = FLOORS[split]
    t = report.overall
    misses = [f"{m.path}: {m.expected} -> {m.got}" for m in report.misses]
    assert (t.precision or 0.0) >= floor["precision"], misses
    assert (t.recall or 0.0) >= floor["recall"], misses
    assert t.encrypted - t.encrypted_found <= floor["encrypted_missed"], misses


def _rebuild() -> ModuleType:
    return _bench_module("tokki_real_rebuild", ROOT / "bench" / "real" / "rebuild.py")


def test_sources_md_names_every_public_file_of_the_manifest_once() -> None:
    # The corpus is rebuilt on each machine from SOURCES.md: a row it cannot place is a file
    # that can never be scored again.
    rebuild = _rebuild()
    sources = rebuild.parse_sources((ROOT / "bench" / "real" / "SOURCES.md").read_text("utf-8"))
    listed = [f"{s.split}/{s.name}/{name}" for s in sources for _, name, _ in s.files]
    assert len(listed) == len(set(listed))
    assert all(re.fullmatch(r"[0-9a-f]{40}", s.commit or own) for s in sources for _, _, own in s.files)
    public = {e.path for e in _scorer().load_manifest() if not e.source.startswith("tokki-made-encrypted")}
    assert set(listed) == public


def test_rebuild_takes_a_files_own_commit_and_corpus_name() -> None:
    text = ("## holdout9 (1 source)\n\n### `some-src` — someone/repo\n"
            "- commit: " + "a" * 40 + "\n- licence: MIT\n"
            "- paths: `data/x.csv` → `x_sjis.csv`; `y.sql` (commit " + "b" * 40 + ")\n\n"
            "### `tokki-made-encrypted9` — this project (bench/real/make_encrypted.py)\n"
            "- files: `z.zip`\n")
    [src] = _rebuild().parse_sources(text)
    assert (src.split, src.name, src.repo) == ("holdout9", "some-src", "someone/repo")
    assert src.files == [("data/x.csv", "x_sjis.csv", ""), ("y.sql", "y.sql", "b" * 40)]

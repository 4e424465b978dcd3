"""Fixtures of the scanner tests: the generated evaluation corpus (small, in a temp folder)."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]


def load_corpus_module() -> ModuleType:
    """bench/make_corpus.py, the one generator for tests and benchmarks."""
    name = "tokki_make_corpus"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, ROOT / "bench" / "make_corpus.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    sys.modules[name] = mod
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(scope="session")
def corpus_module() -> ModuleType:
    return load_corpus_module()


@pytest.fixture(scope="session")
def corpus(tmp_path_factory: pytest.TempPathFactory, corpus_module: ModuleType) -> tuple[Path, dict]:
    """(folder, labels) of the evaluation set, generated once per test session."""
    out = tmp_path_factory.mktemp("corpus") / "eval"
    corpus_module.make_eval(out, seed=7, rows=30)
    return out, json.loads((out / "labels.json").read_text("utf-8"))


@pytest.fixture(scope="session")
def roster_rows(corpus_module: ModuleType) -> list[list[str]]:
    """A 'basic' roster (header + 25 people) from a seed of its own."""
    return corpus_module.roster_rows(corpus_module.Gen(99), "basic", 25)


@pytest.fixture(params=["hyperscan", "pure-python"])
def hyperscan_mode(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Runs a test with the Hyperscan pass and again without it (TOKKI_NO_HYPERSCAN=1, as on a
    platform without its wheel). Where Hyperscan is not installed, both runs are pure Python."""
    from tokki_desktop.scanner import prefilter

    if request.param == "pure-python":
        monkeypatch.setenv(prefilter.DISABLE_ENV, "1")
    else:
        monkeypatch.delenv(prefilter.DISABLE_ENV, raising=False)
    return request.param

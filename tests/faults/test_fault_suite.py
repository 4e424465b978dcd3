"""bench/faults.py's catalogue as tests: each fault made for real, through the real CLI.

The lock fault waits out the CLI's 30-second busy timeout, so it runs in
test_ledger_files.py in-process with a short timeout instead (same real lock).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bench import faults

NAMES = [name for name in faults.FAULTS if name != "ledger locked by another process"]


@pytest.mark.slow
@pytest.mark.parametrize("name", NAMES)
def test_fault_is_one_known_line_and_loses_nothing(name: str, tmp_path: Path) -> None:
    try:
        row = faults.FAULTS[name](tmp_path)
    except faults.Skip as why:
        pytest.skip(str(why))
    assert not row.lost, row
    assert row.ok, row
    assert "\n" not in row.message
    assert row.unchanged in ("yes", "yes+unlock", "n/a", "n/a (damaged file kept)"), row

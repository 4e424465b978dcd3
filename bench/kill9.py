"""kill -9 at random moments while writing: every acknowledged write survives, chain verifies.

    python bench/kill9.py [--runs 200] [--data-dir DIR]

Prints one line per run and a summary; exits 1 if any run lost an acknowledged write or
broke the chain.
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
LOGIN, PASS = "crash", "crash-pass-1"


def make_ledger(data_dir: Path) -> None:
    from tokki_desktop.session import create_ledger

    session, _ = create_ledger(data_dir, client="小金井市", contract="耐障害試験", contractor="試験",
                               officer_login=LOGIN, officer_name="試験 太郎", passphrase=PASS)
    session.close()


def one_run(data_dir: Path, rng: random.Random, start: int) -> tuple[int, int, bool, str]:
    """One child killed after a random delay; returns (acked, present, chain_ok, detail)."""
    env = dict(os.environ, PYTHONUNBUFFERED="1")
    child = subprocess.Popen([sys.executable, str(HERE / "kill9_child.py"), str(data_dir), LOGIN, PASS,
                              str(start)], stdout=subprocess.PIPE, text=True, env=env)
    assert child.stdout is not None
    line = child.stdout.readline()
    if line.strip() != "ready":
        child.kill()
        return 0, 0, False, f"child did not start: {line!r}"
    time.sleep(rng.uniform(0.0, 0.25))
    os.kill(child.pid, signal.SIGKILL)
    out, _ = child.communicate()
    acked = [int(x.split()[1]) for x in (line + out).splitlines() if x.startswith("ack ")]
    from tokki_desktop.session import unlock

    with unlock(data_dir, LOGIN, PASS) as session:
        keys = {r[0] for r in session.ledger.read("SELECT key FROM settings WHERE key LIKE 'crash.%'")}
        missing = [n for n in acked if f"crash.{n}" not in keys]
        report = session.verify()
        top = max((int(k.split(".")[1]) for k in keys), default=start)
    detail = "" if not missing else f"missing acknowledged writes: {missing[:5]}"
    if not report.ok:
        detail += " chain: " + "; ".join(report.problems[:3])
    return len(acked), top, (not missing and report.ok), detail


def run(runs: int, data_dir: Path | None = None, seed: int = 7, quiet: bool = False) -> int:
    rng = random.Random(seed)
    tmp = None
    if data_dir is None:
        tmp = tempfile.TemporaryDirectory()
        data_dir = Path(tmp.name) / "ledger"
    make_ledger(data_dir)
    failures = 0
    total_acked = 0
    start = 0
    t0 = time.perf_counter()
    for i in range(runs):
        acked, top, ok, detail = one_run(data_dir, rng, start)
        start = top
        total_acked += acked
        if not ok:
            failures += 1
        if not quiet:
            print(f"run {i + 1:3d}: acked {acked:4d}  {'ok' if ok else 'FAIL ' + detail}", flush=True)
    if not quiet:
        print(f"{runs} kills, {total_acked} acknowledged writes, {failures} runs lost data or broke the chain; "
              f"{time.perf_counter() - t0:.1f} s")
    if tmp is not None:
        tmp.cleanup()
    return failures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("--data-dir", type=Path)
    args = parser.parse_args()
    return 1 if run(args.runs, args.data_dir) else 0


if __name__ == "__main__":
    raise SystemExit(main())

"""What the page check at every unlock costs: unlock CPU time on a small and a large ledger.

    python bench/unlock_integrity.py [--records 1000000] [--runs 5]

Since issue 12 every unlock reads every page once (``PRAGMA cipher_integrity_check``)
so that a ledger with a damaged page opens read-only before anything is appended to it.
This prints, for a fresh ledger and for one with ``--records`` audit records: the CPU
time of a whole unlock (real Argon2id parameters) and of the page check alone, median of
``--runs``. CPU time (process_time), not wall time: the build machine is shared. Run the
same script on an older checkout for the baseline (the page check line then says so).
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from pathlib import Path

os.environ.pop("TOKKI_KDF_PROFILE", None)  # the real Argon2id parameters, as users have them

from tokki_desktop.session import create_ledger, unlock  # noqa: E402

LOGIN, PASS = "bench", "bench-pass-1"


def cpu(func) -> float:
    started = time.process_time()
    func()
    return time.process_time() - started


def measure(data_dir: Path, runs: int) -> tuple[float, float | None]:
    unlock_times = [cpu(lambda: unlock(data_dir, LOGIN, PASS).close()) for _ in range(runs)]
    check_times: list[float] = []
    with unlock(data_dir, LOGIN, PASS) as session:
        try:
            from tokki_desktop.ledger.db import damaged_pages
        except ImportError:  # a checkout before issue 12: no check at unlock
            return statistics.median(unlock_times), None
        for _ in range(runs):
            check_times.append(cpu(lambda: damaged_pages(session.ledger.conn)))
    return statistics.median(unlock_times), statistics.median(check_times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--records", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        data_dir = Path(tmp) / "ledger"
        session, _ = create_ledger(data_dir, client="小金井市", contract="性能試験", contractor="試験",
                                   officer_login=LOGIN, officer_name="試験 太郎", passphrase=PASS)
        session.close()
        for label in ("fresh ledger", f"{args.records:,} audit records"):
            if label != "fresh ledger":
                with unlock(data_dir, LOGIN, PASS) as s:
                    have = s.ledger.audit_head()[0]
                    with s.ledger.transaction(s.user) as tx:
                        for i in range(have, args.records):
                            tx.event("bench", table="settings", row_id=i, change={"n": i, "note": "監査記録"})
            size = (data_dir / "ledger.tokki").stat().st_size
            whole, check = measure(data_dir, args.runs)
            check_text = "no page check at unlock" if check is None else f"page check {check:.3f} s"
            print(f"{label} ({size / 1e6:.1f} MB): unlock {whole:.3f} s CPU, {check_text} "
                  f"(median of {args.runs})")


if __name__ == "__main__":
    main()

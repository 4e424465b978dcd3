"""Foundation speed: unlock (KDF included), insert 100,000 audited records, verify 1,000,000.

    python bench/foundation_bench.py [--records 1000000] [--inserts 100000]

Targets (issue 2): unlock 0.3–0.5 s; verify on 1,000,000 audit records ≤ 10 s;
inserting 100,000 records ≤ 30 s. The GUI's launch time is measured by bench/gui_*.py.
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from pathlib import Path

os.environ.pop("TOKKI_KDF_PROFILE", None)  # measure the real Argon2id parameters

from tokki_desktop.session import create_ledger, unlock  # noqa: E402

LOGIN, PASS = "bench", "bench-pass-1"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--records", type=int, default=1_000_000)
    parser.add_argument("--inserts", type=int, default=100_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        data_dir = Path(tmp) / "ledger"
        session, _ = create_ledger(data_dir, client="小金井市", contract="性能試験", contractor="試験",
                                   officer_login=LOGIN, officer_name="試験 太郎", passphrase=PASS)
        session.close()

        times = []
        for _ in range(5):
            t0 = time.perf_counter()
            s = unlock(data_dir, LOGIN, PASS)
            times.append(time.perf_counter() - t0)
            s.close()
        print(f"unlock (Argon2id + open + audit): median {statistics.median(times):.3f} s "
              f"(min {min(times):.3f}, max {max(times):.3f}); target 0.3–0.5 s")

        s = unlock(data_dir, LOGIN, PASS)
        # One record per transaction (each commit fsynced: synchronous=FULL), on a sample.
        sample = 2000
        t0 = time.perf_counter()
        for i in range(sample):
            with s.ledger.transaction(s.user) as tx:
                tx.insert("settings", {"key": f"single.{i}", "value": "記録" * 20})
        single = time.perf_counter() - t0
        print(f"insert, one transaction per record: {sample} in {single:.2f} s "
              f"({sample / single:.0f}/s → 100,000 would take {100_000 * single / sample:.0f} s)")

        t0 = time.perf_counter()
        batch = 1000
        for start in range(0, args.inserts, batch):
            with s.ledger.transaction(s.user) as tx:
                for i in range(start, min(start + batch, args.inserts)):
                    tx.insert("settings", {"key": f"bulk.{i}", "value": "記録" * 20})
        bulk = time.perf_counter() - t0
        print(f"insert {args.inserts:,} audited records in transactions of {batch}: {bulk:.2f} s; target ≤ 30 s")

        have = s.ledger.audit_head()[0]
        t0 = time.perf_counter()
        with s.ledger.transaction(s.user) as tx:
            for i in range(have, args.records):
                tx.event("bench", table="settings", row_id=i, change={"n": i, "note": "監査記録"})
        print(f"filled the chain to {args.records:,} records in {time.perf_counter() - t0:.1f} s")
        size = s.files.ledger.stat().st_size
        s.close()

        s = unlock(data_dir, LOGIN, PASS)
        t0 = time.perf_counter()
        report = s.verify()
        took = time.perf_counter() - t0
        print(f"verify {report.records:,} audit records + cipher_integrity_check ({size / 1e6:.0f} MB): "
              f"{took:.2f} s, ok={report.ok}; target ≤ 10 s")
        s.close()


if __name__ == "__main__":
    main()

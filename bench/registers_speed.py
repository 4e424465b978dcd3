"""Benchmark: ``tokki status`` and register listing on a large ledger.

Target (issue 3): status on 50 people, 500 media, 10,000 assets and 100,000 audit records
within 1 s; listing any register of 10,000 rows within 200 ms. 2,000 take-outs and 200 requests
for records ride along so that the Art. 4, 7 and 13 rules are measured as well.

    python bench/registers_speed.py [--repeat 5]

Builds a throw-away ledger in a temporary folder (cheap KDF: unlocking is not what is
measured here, except in the "CLI" line, which is the whole command as a user runs it).
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("TOKKI_KDF_PROFILE", "fast")

from tokki_desktop.clock import FixedClock  # noqa: E402
from tokki_desktop.registers import SPECS, repository  # noqa: E402
from tokki_desktop.registers.compliance import evaluate, load_data  # noqa: E402
from tokki_desktop.registers.validate import validate  # noqa: E402
from tokki_desktop.session import create_ledger  # noqa: E402

JST = dt.timezone(dt.timedelta(hours=9))
PASS = "bench-pass-1"


def build(data_dir: Path, clock: FixedClock) -> None:
    session, _ = create_ledger(data_dir, client="小金井市", contract="ベンチマーク業務", contractor="株式会社ベンチ",
                               officer_login="boss", officer_name="責任 太郎", passphrase=PASS, clock=clock)
    tz = JST
    with session.ledger.transaction(session.user) as tx:
        def put(kind: str, values: dict) -> int:
            clean = validate(SPECS[kind], {"contract_id": 1, **values} if SPECS[kind].contract_scoped else values,
                             tz=tz, is_officer=True)
            return tx.insert(SPECS[kind].table, clean)

        training = put("trainings", {"title": "研修", "held_on": "2026-04-01"})
        for n in range(50):
            pid = put("people", {"name": f"従事者{n:02d}", "employment_type": "dispatched" if n % 10 == 0 else "regular",
                                 "approved_on": "2026-03-25", "started_on": "2026-04-01" if n % 7 else "2026-03-20"})
            if n % 5:
                put("pledges", {"person_id": pid, "signed_on": "2026-03-28"})
            put("training_attendance", {"training_id": training, "person_id": pid})
        media_ids = []
        for n in range(500):
            mid = put("media", {"control_no": f"M-{n:04d}", "media_type": "usb", "encrypted": n % 50 != 0,
                                "consent_on": "2026-03-25", "first_used_on": "2026-04-01"})
            media_ids.append(mid)
            put("media_inspections", {"media_id": mid, "inspected_on": "2026-10-01" if n % 3 else "2026-07-01",
                                      "inspector": "責任 太郎"})
        for n in range(10_000):
            put("assets", {"name": f"資料{n:05d}", "items": "氏名、住所", "record_count": 100 + n,
                           "users": "" if n % 997 == 0 else "従事者", "storage_place": "保管庫A",
                           "media_id": media_ids[n % 500]})
        # Take-outs and the city's requests, so the Art. 4/7 and Art. 13 rules are measured too:
        # most covered by an approval, every 100th sent to an outside party without one.
        approval = put("approvals", {"approval_type": "takeout", "scope": "本庁への移送", "requested_on": "2026-04-01",
                                     "status": "approved", "decided_on": "2026-04-02", "valid_until": "2027-03-31"})
        for n in range(2_000):
            outside = n % 100 == 0
            put("takeouts", {"activity": "transport", "destination": "株式会社外部" if outside else "小金井市役所 課税課",
                             "approval_id": None if outside else approval, "media_id": media_ids[n % 500],
                             "started_at": f"2026-{5 + n % 6:02d}-{1 + n % 28:02d} 10:00",
                             "expected_return_at": f"2026-{5 + n % 6:02d}-{1 + n % 28:02d} 17:00",
                             "returned_at": f"2026-{5 + n % 6:02d}-{1 + n % 28:02d} 16:00"})
        for n in range(200):
            put("record_requests", {"received_on": "2026-10-01", "request": f"資料{n}の写し", "due_on": "2026-10-15",
                                    "submitted_on": None if n % 50 == 0 else "2026-10-10"})
        head = session.ledger.audit_head()[0]
        for n in range(max(0, 100_000 - head)):
            tx.event("bench_filler", change={"n": n})
    session.close()


def timed(func, repeat: int) -> tuple[float, float]:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        func()
        times.append(time.perf_counter() - t0)
    return statistics.median(times) * 1000, max(times) * 1000


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    from tokki_desktop.cli import main as tokki
    from tokki_desktop.session import unlock

    clock = FixedClock(dt.datetime(2026, 11, 26, 10, 0, tzinfo=JST))
    with tempfile.TemporaryDirectory() as tmp:
        data_dir = Path(tmp) / "ledger"
        t0 = time.perf_counter()
        build(data_dir, clock)
        print(f"built ledger in {time.perf_counter() - t0:.1f} s")
        session = unlock(data_dir, "boss", PASS, clock=clock)
        audit = session.ledger.read_one("SELECT count(*) FROM audit_log")[0]
        print(f"people={repository.count_records(session, 'people')} media={repository.count_records(session, 'media')}"
              f" assets={repository.count_records(session, 'assets')} audit_records={audit}")
        report = evaluate(session)
        print(f"findings={len(report.findings)} "
              f"statuses={ {a.article: a.status for a in report.articles.values() if a.status != 'ok'} }")
        med, worst = timed(lambda: evaluate(session), args.repeat)
        print(f"evaluate (status engine)        median {med:7.1f} ms  max {worst:7.1f} ms   target 1000 ms")
        med, worst = timed(lambda: load_data(session), args.repeat)
        print(f"  of which reading the ledger   median {med:7.1f} ms  max {worst:7.1f} ms")
        med, worst = timed(lambda: repository.list_records(session, "assets"), args.repeat)
        print(f"list_records assets (10,000)    median {med:7.1f} ms  max {worst:7.1f} ms   target 200 ms")
        med, worst = timed(lambda: repository.list_records(session, "assets", offset=5_000, limit=100),
                           args.repeat)
        print(f"list_records assets page of 100 median {med:7.1f} ms  max {worst:7.1f} ms")
        session.close()
        os.environ["TOKKI_PASSPHRASE"] = PASS
        base = ["--data-dir", str(data_dir), "--user", "boss"]
        med, worst = timed(lambda: tokki([*base, "status"], out=io.StringIO()), args.repeat)
        print(f"CLI `tokki status` (in-process, incl. unlock)   median {med:7.1f} ms  max {worst:7.1f} ms")
        med, worst = timed(lambda: tokki([*base, "list", "assets", "--json"], out=io.StringIO()), args.repeat)
        print(f"CLI `tokki list assets --json` (incl. unlock)   median {med:7.1f} ms  max {worst:7.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())

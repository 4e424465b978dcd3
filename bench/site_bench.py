"""Work site benchmarks (issue 14): copy → site ledger latency, bulk import, agent idle cost.

    python bench/site_bench.py latency [--copies 30]
    python bench/site_bench.py import [--terminals 20 --records 1000]
    python bench/site_bench.py import-baseline   # the same records through the monitor's spool
    python bench/site_bench.py idle [--files 100000 --seconds 60]

Targets: a copy complete on a terminal is a detection in the site ledger, with the drop
folder on the same disk and the site monitor running, p95 ≤ 3 s (default timings: the
agent's completion wait 0.5 s and delivery round 1 s, the site's intake round 1 s);
20 terminals × 1,000 records import in ≤ 10 s with nothing doubled or lost; an agent idle
on 100,000 watched files costs ≤ 1 % of a core and ≤ 250 MB resident. The import and idle
figures are CPU time (process_time / psutil), the latency is wall time (it is a latency).
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from monitor_common import new_ledger, percentile, roster_text


def _enrol_join(session, root: Path, name: str, drop: Path, watch: list[Path]) -> Path:
    from tokki_desktop.site.agent import join
    from tokki_desktop.site.enrol import enrol

    made = enrol(session, name, drop=drop, watch=watch, out=root / f"{name}.tkenrol")
    agent_dir = root / f"{name}-agent"
    join(agent_dir, root / f"{name}.tkenrol", made.code, use_keyring=False)
    return agent_dir


def latency(copies: int) -> None:
    from tokki_desktop.monitor.media import ListedMedia
    from tokki_desktop.monitor.service import Monitor
    from tokki_desktop.site.agent import Agent

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        session = new_ledger(root)
        docs = root / "端末の書類"
        docs.mkdir()
        agent_dir = _enrol_join(session, root, "窓口1", root / "drop", [docs])
        mon = Monitor(session, media=ListedMedia())
        mon.start()
        agent = Agent(agent_dir, media=ListedMedia())
        agent.start()
        times: list[float] = []
        try:
            rng = random.Random(14)
            for i in range(copies):
                # A random pause: copies land at any phase of the agent's and the site's rounds.
                time.sleep(rng.uniform(0.0, 1.2))
                before = session.ledger.read_one("SELECT count(*) FROM monitor_detections")[0]
                target = docs / f"copy{i:03d}.csv"
                tmp_file = docs / f".copy{i:03d}.csv.part"
                tmp_file.write_text(roster_text(50, i * 50), encoding="utf-8")
                tmp_file.rename(target)  # the copy is complete at this moment
                t0 = time.perf_counter()
                while session.ledger.read_one("SELECT count(*) FROM monitor_detections")[0] == before:
                    if time.perf_counter() - t0 > 30:
                        raise SystemExit(f"copy {i} not in the site ledger after 30 s")
                    time.sleep(0.01)
                times.append(time.perf_counter() - t0)
        finally:
            agent.stop()
            mon.stop()
            session.close()
    p50, p95 = percentile(times, 50), percentile(times, 95)
    print(f"copy complete on a terminal -> detection in the site ledger, {copies} copies: "
          f"p50 {p50:.2f} s, p95 {p95:.2f} s, max {max(times):.2f} s "
          f"(target p95 <= 3 s: {'OK' if p95 <= 3 else 'MISSED'})")


def _detection(i: int, terminal: int) -> dict:
    return {"dedupe_key": uuid.uuid4().hex, "detected_at": "2026-11-26T10:00:00+09:00", "place_kind": "folder",
            "place": "書類", "root": "C:/書類", "volume_id": None, "media_id": None, "path": f"C:/書類/f{i}.csv",
            "size": 1000 + i, "content_hash": uuid.uuid4().hex * 2, "verdict": "personal_data", "score": 0.9,
            "findings": {"my_number": 3}, "examples": ["1234********"], "dataset": None, "os_user": "user",
            "rule": "copy_without_approval", "article": 5, "severity": "violation", "status": "open",
            "approval_id": None}


def bulk_import(terminals: int, per_terminal: int) -> None:
    from tokki_desktop.site import bundle
    from tokki_desktop.site.agent import BATCH, Agent
    from tokki_desktop.site.intake import SiteIntake

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        session = new_ledger(root)
        drop = root / "drop"
        t = time.perf_counter()
        for n in range(terminals):
            agent_dir = _enrol_join(session, root, f"端末{n:02d}", drop, [])
            agent = Agent(agent_dir)
            try:
                # Bundles sealed as the agent seals them (its keys, its format), written straight
                # into the drop folder: the spool's per-record fsync is not what this measures.
                recs = [{"uid": uuid.uuid4().hex, "kind": "detection", "data": _detection(i, n)}
                        for i in range(per_terminal)]
                prev, seq = bundle.GENESIS, 0
                for start in range(0, len(recs), BATCH):
                    seq += 1
                    blob = bundle.make(agent._bundle_key, site=agent.site, terminal=agent.uid, seq=seq, prev=prev,
                                       made_at="2026-11-26T10:00:00+09:00", records=recs[start:start + BATCH])
                    (drop / bundle.bundle_name(agent.uid, seq)).write_bytes(blob)
                    prev = bundle.digest(blob)
            finally:
                agent.index.close()
        print(f"made {terminals} terminals x {per_terminal} records in {time.perf_counter() - t:.1f} s")
        intake = SiteIntake(session)
        c0, w0 = time.process_time(), time.perf_counter()
        report = intake.take_in()
        cpu, wall = time.process_time() - c0, time.perf_counter() - w0
        rows = session.ledger.read_one("SELECT count(*), count(DISTINCT record_uid) FROM monitor_detections")
        gaps = session.ledger.read_one("SELECT count(*) FROM site_gaps")[0]
        again = intake.take_in()
        session.close()
    expected = terminals * per_terminal
    ok = rows[0] == rows[1] == expected and not report.refused and gaps == 0 and again.bundles == 0
    print(f"import {terminals} x {per_terminal} = {expected} records in {report.bundles} bundles: "
          f"{cpu:.2f} s CPU, {wall:.2f} s wall (target <= 10 s: {'OK' if wall <= 10 else 'MISSED'}); "
          f"{rows[0]} detections, {rows[1]} distinct, {len(report.refused)} refused, {gaps} gaps, "
          f"second import {again.bundles} bundles ({'nothing doubled or lost' if ok else 'MISMATCH'})")


def baseline_import(terminals: int, per_terminal: int) -> None:
    """The same records through the monitor's own spool import (one ledger, no bundles)."""
    from tokki_desktop.monitor import records
    from tokki_desktop.monitor.service import spool_for

    with tempfile.TemporaryDirectory() as tmp:
        session = new_ledger(Path(tmp))
        spool = spool_for(session)
        t = time.perf_counter()
        for n in range(terminals):
            for i in range(per_terminal):
                spool.append("detection", _detection(i, n))
        print(f"spooled {terminals * per_terminal} records in {time.perf_counter() - t:.1f} s")
        c0, w0 = time.process_time(), time.perf_counter()
        report = records.import_spool(session.ledger, spool)
        cpu, wall = time.process_time() - c0, time.perf_counter() - w0
        session.close()
    print(f"baseline: the monitor's spool import of {report.imported} records: {cpu:.2f} s CPU, {wall:.2f} s wall")


def idle(files: int, seconds: float) -> None:
    import psutil

    from tokki_desktop.site.agent import Agent

    proc = psutil.Process()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        session = new_ledger(root)
        docs = [root / "Documents", root / "Shared"]
        t = time.perf_counter()
        for i in range(files):
            folder = docs[i % 2] / f"案件{(i // 2) // 100:04d}"
            if i < 200 or (i // 2) % 100 == 0:
                folder.mkdir(parents=True, exist_ok=True)
            (folder / f"memo{i:06d}.txt").write_text(f"memo {i}\n", encoding="utf-8")
        print(f"made {files} files in {time.perf_counter() - t:.1f} s")
        agent_dir = _enrol_join(session, root, "窓口1", root / "drop", docs)
        session.close()
        agent = Agent(agent_dir)  # the real media source, polled as in production
        t = time.perf_counter()
        agent.start()
        if not agent.wait_idle(3600):
            raise SystemExit("first scan did not finish")
        print(f"first start, all files scanned once: {time.perf_counter() - t:.1f} s, index {len(agent.index)} files")
        # The weekly inventory is due at a first start (as the monitor's): let it finish, it
        # is not idle time.
        t = time.perf_counter()
        while not agent.store.get("inventory_finished_at"):
            if time.perf_counter() - t > 3600:
                raise SystemExit("the scheduled inventory did not finish")
            time.sleep(0.5)
        print(f"scheduled inventory (due at a first start) finished after {time.perf_counter() - t:.1f} s")
        time.sleep(5)
        c0, w0 = proc.cpu_times(), time.perf_counter()
        time.sleep(seconds)
        c1, w1 = proc.cpu_times(), time.perf_counter()
        cpu = (c1.user - c0.user + c1.system - c0.system) / (w1 - w0) * 100
        rss = proc.memory_info().rss / 2**20
        ct = proc.cpu_times()
        for r in agent.watcher.roots():
            agent.watcher.reconcile(r)
        ct2 = proc.cpu_times()
        rec = ct2.user - ct.user + ct2.system - ct.system
        agent.stop()
    print(f"agent idle over {w1 - w0:.0f} s on {files} files: {cpu:.2f} % of one core "
          f"(target <= 1 %: {'OK' if cpu <= 1 else 'MISSED'}); RSS {rss:.0f} MB "
          f"(target <= 250 MB: {'OK' if rss <= 250 else 'MISSED'}); one reconciliation {rec:.2f} s CPU, "
          f"{rec / 600 * 100:.2f} % amortised over its 600 s interval")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("part", choices=("latency", "import", "import-baseline", "idle"))
    parser.add_argument("--copies", type=int, default=30)
    parser.add_argument("--terminals", type=int, default=20)
    parser.add_argument("--records", type=int, default=1000)
    parser.add_argument("--files", type=int, default=100_000)
    parser.add_argument("--seconds", type=float, default=60.0)
    args = parser.parse_args()
    if args.part == "latency":
        latency(args.copies)
    elif args.part == "import":
        bulk_import(args.terminals, args.records)
    elif args.part == "import-baseline":
        baseline_import(args.terminals, args.records)
    else:
        idle(args.files, args.seconds)


if __name__ == "__main__":
    main()

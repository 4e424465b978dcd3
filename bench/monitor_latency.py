"""Copy complete → detection recorded, over 200 copies of a 1 MB personal-data file.

    python bench/monitor_latency.py [--copies 200] [--size-mb 1] [--gap 0.2]

Target (issue 5): p95 ≤ 1.5 s. Each copy is made with ``shutil.copyfile`` into a watched
folder; "complete" is when the copy returns (the file is closed); "recorded" is (a) when
the monitor announces the detection (it is then in the encrypted spool, durable) and (b)
when the row is visible in the ledger from another connection (committed, audited).
The monitor runs with its production defaults.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from monitor_common import LOGIN, PASS, new_ledger, percentile, roster_of_size


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--copies", type=int, default=200)
    parser.add_argument("--size-mb", type=float, default=1.0)
    parser.add_argument("--gap", type=float, default=0.2, help="pause between copies (s)")
    args = parser.parse_args()

    from tokki_desktop.monitor import events as ev
    from tokki_desktop.monitor import settings
    from tokki_desktop.monitor.media import ListedMedia
    from tokki_desktop.monitor.service import Monitor
    from tokki_desktop.session import unlock

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        session = new_ledger(root)
        watched = root / "Downloads"
        watched.mkdir()
        settings.add_folder(session, watched, "Downloads")
        source = root / "source.csv"
        source.write_bytes(roster_of_size(int(args.size_mb * 1024 * 1024)))
        announced: dict[str, float] = {}
        lock = threading.Lock()

        def on_event(e) -> None:
            if e.kind == ev.DETECTION:
                with lock:
                    announced[e.file_name] = time.perf_counter()

        mon = Monitor(session, media=ListedMedia())
        mon.subscribe(on_event=on_event)
        mon.start()
        reader = unlock(root / "ledger", LOGIN, PASS)
        spool_lat: list[float] = []
        ledger_lat: list[float] = []
        try:
            mon.wait_idle(30)
            for i in range(args.copies):
                name = f"copy{i:04d}.csv"
                shutil.copyfile(source, watched / name)
                done = time.perf_counter()
                while True:
                    row = reader.ledger.read_one("SELECT count(*) FROM monitor_detections")
                    if row[0] >= i + 1:
                        ledger_lat.append(time.perf_counter() - done)
                        break
                    if time.perf_counter() - done > 30:
                        raise SystemExit(f"copy {i}: no detection after 30 s")
                    time.sleep(0.005)
                with lock:
                    spool_lat.append(announced[name] - done)
                time.sleep(args.gap)
        finally:
            reader.close()
            mon.stop()
            session.close()
    for label, values in (("announced (in spool)", spool_lat), ("in the ledger", ledger_lat)):
        print(f"{label:22s} n={len(values)} p50={percentile(values, 50):.3f}s p95={percentile(values, 95):.3f}s "
              f"max={max(values):.3f}s")
    p95 = percentile(ledger_lat, 95)
    print(f"target p95 <= 1.5 s: {'OK' if p95 <= 1.5 else 'MISSED'} ({p95:.3f}s)")


if __name__ == "__main__":
    main()

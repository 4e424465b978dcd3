"""Speed of the forms: every single form (≤ 300 ms each) and the 台帳 with 10,000 rows (≤ 10 s).

Run:  .venv/bin/python bench/forms_bench.py [--rows 10000] [--repeat 3]

Builds a throw-away ledger in a temporary folder (fast KDF), adds one made-up record per
register, times ``render`` for every form (ledger read + layout + PDF + audit event), then
adds N rows to the 個人情報管理台帳 in one transaction and times that form. Prints the
figures; exits 1 when a budget is exceeded.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("TOKKI_KDF_PROFILE", "fast")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.forms.sample_ledger import fill_sample
from tokki_desktop.clock import FixedClock
from tokki_desktop.forms import list_forms, render
from tokki_desktop.forms.fonts import ensure_fonts
from tokki_desktop.forms.render import form_spec
from tokki_desktop.forms.sources import record_ids
from tokki_desktop.session import create_ledger

SINGLE_BUDGET_MS = 300.0
LEDGER_BUDGET_S = 10.0


def _add_assets(session, n: int) -> None:
    contract = session.ledger.read_one("SELECT id FROM contracts ORDER BY id LIMIT 1")["id"]
    with session.ledger.transaction(session.user) as tx:
        for i in range(n):
            tx.insert("assets", {
                "contract_id": contract, "name": f"課税資料 第{i:05d}号",
                "items": "氏名、住所、生年月日、税額、（備考）" if i % 3 else "氏名、住所",
                "record_count": 100 + i, "medium": "紙" if i % 2 else "電子",
                "users": "責任 太郎、従事 花子", "storage_place": "第二作業室 保管庫A",
                "handling": "in_use", "received_on": "2026-04-15",
                "notes": "長い備考の例。照合済み、返却予定は令和9年3月。" if i % 10 == 0 else None,
            })


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    ok = True
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        clock = FixedClock(dt.datetime(2026, 11, 26, 10, 0))
        session, recovery = create_ledger(folder / "ledger", client="小金井市", contract="ベンチマーク業務",
                                          contractor="株式会社ベンチ", officer_login="boss",
                                          officer_name="責任 太郎", passphrase="bench-pass-1", clock=clock)
        t0 = time.perf_counter()
        ensure_fonts()
        print(f"font load (once per process): {(time.perf_counter() - t0) * 1000:.0f} ms")
        fill_sample(session)
        print(f"{'form':<26}{'median ms':>10}{'max ms':>9}{'pages':>7}")
        for info in list_forms():
            spec = form_spec(info.id)
            rid = record_ids(session, spec)[0] if info.per_record else None
            times = []
            pages = 0
            for k in range(args.repeat):
                r = render(session, info.id, rid, out_path=folder / f"{info.id}-{k}.pdf",
                           recovery_key=recovery if info.needs_secret else None)
                times.append(r.ms)
                pages = r.pages
            flag = "" if max(times) <= SINGLE_BUDGET_MS else "  OVER BUDGET"
            ok = ok and not flag
            print(f"{info.id:<26}{statistics.median(times):>10.1f}{max(times):>9.1f}{pages:>7}{flag}")
        _add_assets(session, args.rows)
        t0 = time.perf_counter()
        r = render(session, "asset_ledger", out_path=folder / "ledger.pdf")
        secs = time.perf_counter() - t0
        size = (folder / "ledger.pdf").stat().st_size
        flag = "" if secs <= LEDGER_BUDGET_S else "  OVER BUDGET"
        ok = ok and not flag
        print(f"asset_ledger with {args.rows + 1:,} rows: {secs:.2f} s, {r.pages} pages, "
              f"{size / 1e6:.1f} MB{flag}")
        session.close()
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())

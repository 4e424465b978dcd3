"""SQL dumps and JSON: CPU time and peak memory of a scan, read as tables vs as plain text.

    python bench/scanner_sql_json.py [--mb 20] [--repeat 3]

Generated files (a MySQL dump with two joined tables, a pg_dump COPY block, a single-line
JSON array, JSON Lines) are scanned twice in fresh processes: the way they are read now
(tables) and the way they were read before (plain text, or CSV where the comma count made
a file look like one). Figures are CPU seconds (best of ``--repeat``) and the peak resident
memory (RSS) of the process, beside its RSS after imports and a warm-up scan; the machine may be shared.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
from pathlib import Path

_CHILD = r"""
import json, resource, sys, time
from tokki_desktop.scanner import scan_file
from tokki_desktop.scanner.extract import formats, plain_text
path, route = sys.argv[1], sys.argv[2]
if route == "before":
    # The route these files took before SQL and JSON were read as tables.
    from tokki_desktop.scanner import sniff as sniff_module
    real = formats.sniff
    def before(head, name):
        kind = real(head, name)
        return (sniff_module._delimited(head[:8192]) or "text") if kind in ("sql", "json") else kind
    formats.sniff = before
# Warm up (detector tables, lazy imports) so that the peak below is the file's own.
import tempfile, os
with tempfile.NamedTemporaryFile("w", suffix=".sql", delete=False, encoding="utf-8") as fh:
    fh.write("INSERT INTO t (a) VALUES ('x');")
scan_file(fh.name); os.unlink(fh.name)
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
t0 = time.process_time()
res = scan_file(path)
cpu = time.process_time() - t0
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"cpu": cpu, "peak_mb": peak / 1024, "base_mb": base / 1024, "verdict": res.verdict, "format": res.format,
                  "records": res.records}))
"""

SURNAMES = ["山田", "佐藤", "鈴木", "高橋", "田中", "伊藤", "渡辺", "中村", "小林", "加藤"]
GIVEN = ["太郎", "花子", "一郎", "次郎", "美咲", "大輔", "陽子", "健", "直子", "翔"]


def _person(rnd: random.Random, i: int) -> dict:
    return {"id": i, "last_name": rnd.choice(SURNAMES), "first_name": rnd.choice(GIVEN),
            "mail": f"user{i}@example.jp", "tel": f"090-{rnd.randint(1000, 9999)}-{rnd.randint(1000, 9999)}",
            "birthday": f"19{rnd.randint(50, 99)}-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}"}


def make_files(out: Path, mb: int, seed: int = 5) -> dict[str, Path]:
    rnd = random.Random(seed)
    target = mb * 1024 * 1024
    files: dict[str, Path] = {}

    mysql = out / "shop.sql"
    with open(mysql, "w", encoding="utf-8") as fh:
        fh.write("-- MySQL dump 10.13\nCREATE TABLE `users` (`id` int, `last_name` varchar(20), `first_name` varchar(20), "
                 "`mail` varchar(50), `tel` varchar(20), `birthday` date, PRIMARY KEY (`id`));\n"
                 "CREATE TABLE `addresses` (`id` int, `user_id` int, `prefecture` text, `city` text, "
                 "FOREIGN KEY (`user_id`) REFERENCES `users` (`id`));\n")
        i = 0
        while fh.tell() < target:
            users, addresses = [], []
            for _ in range(500):
                i += 1
                p = _person(rnd, i)
                users.append("({id},'{last_name}','{first_name}','{mail}','{tel}','{birthday}')".format(**p))
                addresses.append(f"({i},{i},'東京都','小金井市本町{rnd.randint(1, 9)}-{rnd.randint(1, 30)}-{rnd.randint(1, 20)}')")
            fh.write(f"INSERT INTO `users` VALUES {','.join(users)};\nINSERT INTO `addresses` VALUES {','.join(addresses)};\n")
    files["mysql dump"] = mysql

    pg = out / "members.sql"
    with open(pg, "w", encoding="utf-8") as fh:
        fh.write("-- PostgreSQL database dump\nCOPY public.members (id, last_name, first_name, mail, tel, birthday) FROM stdin;\n")
        i = 0
        while fh.tell() < target:
            i += 1
            p = _person(rnd, i)
            fh.write("\t".join(str(v) for v in p.values()) + "\n")
        fh.write("\\.\n")
    files["pg_dump COPY"] = pg

    people = []
    size = 0
    i = 0
    while size < target:
        i += 1
        p = _person(rnd, i)
        p["address"] = {"pref": "東京都", "city": f"小金井市本町{rnd.randint(1, 9)}-{rnd.randint(1, 30)}"}
        people.append(p)
        size += 190
    arr = out / "people.json"
    arr.write_text(json.dumps(people, ensure_ascii=False), "utf-8")
    files["JSON array, one line"] = arr
    lines = out / "people.jsonl"
    lines.write_text("\n".join(json.dumps(p, ensure_ascii=False) for p in people), "utf-8")
    files["JSON Lines"] = lines
    return files


def measure(path: Path, route: str, repeat: int) -> dict:
    best: dict | None = None
    for _ in range(repeat):
        out = subprocess.run([sys.executable, "-c", _CHILD, str(path), route], capture_output=True, text=True, check=True)
        res = json.loads(out.stdout.strip().splitlines()[-1])
        if best is None or res["cpu"] < best["cpu"]:
            best = res
    assert best is not None
    return best


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=int, default=20)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        files = make_files(Path(tmp), args.mb)
        print(f"{'file':24} {'MB':>6}  {'route':7} {'format':6} {'verdict':14} {'records':>8} {'CPU s':>7} {'MB/CPU s':>9} {'peak RSS MB':>11} {'after imports':>13}")
        for label, path in files.items():
            mb = path.stat().st_size / 1e6
            for route in ("before", "now"):
                r = measure(path, route, args.repeat)
                print(f"{label:24} {mb:6.1f}  {route:7} {r['format']:6} {r['verdict']:14} {r['records']:8d} "
                      f"{r['cpu']:7.2f} {mb / r['cpu'] if r['cpu'] else 0:9.1f} {r['peak_mb']:11.0f} {r['base_mb']:13.0f}")


if __name__ == "__main__":
    main()

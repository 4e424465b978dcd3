"""Plain text: the scanner beside ripgrep on the same file with the same candidate patterns.

    python bench/scanner_ripgrep.py [--mb 50] [--kind mixed|log-ja]

Writes a mixed Japanese text file (roster lines, prose, job-log lines, UTF-8), or with
``--kind log-ja`` a job log whose messages are Japanese (バッチ処理, 完了, full-width brackets:
text that is not ASCII but holds no name, address or keyword), into bench/corpus/, times ``rg --count-matches`` with the scanner's candidate patterns in one
run, then ``scan_file`` on the same file, and prints both and the ratio. ripgrep only finds
candidates; the scanner also validates them (check digits, number plan, context) and
decodes, normalises and judges, so the ratio is the price of that work.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

from tokki_desktop.scanner import scan_file

HERE = Path(__file__).parent
# The scanner's candidate patterns, without the look-arounds ripgrep's engine lacks.
PATTERNS = [
    r"\d{4}[ \-]?\d{4}[ \-]?\d{4}",                        # 12 digits (My Number, licence)
    r"0\d{1,4}-\d{1,4}-\d{4}|0[5789]0\d{8}|0\d{9}",        # phone
    r"\d{3}-\d{4}",                                         # postal code
    r"[市区町村郡][一-龥ぁ-んァ-ヶー]{0,14}?\d{1,4}(丁目\d{1,4}|-\d{1,4}|番地)",  # address
    r"(氏名|お名前|名前|フリガナ|カナ)[:\s]",                 # name labels
    r"様|さん|殿",                                          # honorifics
    r"@[A-Za-z0-9\-]+(\.[A-Za-z0-9\-]+)+",                 # e-mail
    r"個人番号|マイナンバー|運転免許|免許証|旅券|パスポート|在留カード|基礎年金|被保険者|口座|支店|生年月日|生まれ",
    r"(明治|大正|昭和|平成|令和|[MTSHR])\s?(元|\d{1,2})\s?[年.\-/]",  # era dates
]


def _make_corpus():
    spec = importlib.util.spec_from_file_location("make_corpus", HERE / "make_corpus.py")
    mod = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    sys.modules["make_corpus"] = mod  # dataclasses look their module up there
    spec.loader.exec_module(mod)  # type: ignore[union-attr]
    return mod


def make_text(path: Path, mb: int) -> None:
    mod = _make_corpus()
    g = mod.Gen(21)
    # Prose first: a file that opens with CSV lines is read as a CSV table (by content), and
    # this benchmark is about the plain-text path.
    block = (mod.prose_text(g, 300) + mod.rows_text(mod.roster_rows(g, "basic", 2000), ",")
             + mod.jobs_log(g, 5000) + mod.minutes_text(g) * 50).encode("utf-8")
    with open(path, "wb") as fh:
        written = 0
        while written < mb * 1024 * 1024:
            fh.write(block)
            written += len(block)


def make_japanese_log(path: Path, mb: int) -> None:
    mod = _make_corpus()
    g = mod.Gen(22)
    block = (mod.jobs_log(g, 5000).replace("INFO batch job", "INFO バッチ処理 job").replace("finished in", "完了")
             .replace("(worker", "（ワーカー")).encode("utf-8")
    with open(path, "wb") as fh:
        written = 0
        while written < mb * 1024 * 1024:
            fh.write(block)
            written += len(block)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--mb", type=int, default=50)
    ap.add_argument("--kind", choices=("mixed", "log-ja"), default="mixed")
    args = ap.parse_args()
    if not shutil.which("rg"):
        sys.exit("ripgrep (rg) is not installed")
    name = f"mixed_{args.mb}mb_prose_first.txt" if args.kind == "mixed" else f"log_ja_{args.mb}mb.log"
    path = HERE / "corpus" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.exists():
        (make_text if args.kind == "mixed" else make_japanese_log)(path, args.mb)
    size = path.stat().st_size / 1e6
    cmd = ["rg", "--count-matches", "--no-config", "-j1"]
    for p in PATTERNS:
        cmd += ["-e", p]
    subprocess.run(cmd + [str(path)], capture_output=True)  # warm the page cache
    # CPU seconds, not wall-clock: the machine may be shared, and CPU time is what each used.
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    rg = subprocess.run(cmd + [str(path)], capture_output=True, text=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    t_rg = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    t0 = time.process_time()
    res = scan_file(path)
    t_scan = time.process_time() - t0
    print(f"file: {size:.1f} MB {'mixed Japanese text' if args.kind == 'mixed' else 'job log, Japanese messages'} (load avg {os.getloadavg()[0]:.1f})")
    print(f"ripgrep, {len(PATTERNS)} patterns, one thread: {t_rg:.2f} CPU s = {size / t_rg:.1f} MB/s "
          f"({rg.stdout.strip()} matching candidates)")
    print(f"tokki scan (detect + validate + judge):  {t_scan:.2f} CPU s = {size / t_scan:.1f} MB/s "
          f"-> {res.verdict} (read as {res.format}), {sum(res.findings.values())} findings")
    print(f"ratio scanner/ripgrep time: {t_scan / t_rg:.1f}x")


if __name__ == "__main__":
    main()

"""``tokki scan`` and ``tokki fingerprint``: the scanner's commands.

``tokki scan`` needs no ledger and then never prompts. With a ledger in ``--data-dir``,
``TOKKI_PASSPHRASE`` and a login (``--user`` or ``TOKKI_USER``), the registered
fingerprints are used too.
"""

from __future__ import annotations

import argparse
import base64
import json
import os
import sys
from typing import Any

from tokki_desktop.errors import InvalidInput, user_language
from tokki_desktop.scanner.result import (
    PERSONAL_DATA, REPRESENTATIVES_CHOICES, REPRESENTATIVES_SOLE_PROPRIETORS, ScanLimits, ScanResult,
)

_VERDICT_JA = {"personal_data": "個人情報あり", "clean": "なし", "encrypted": "暗号化",
               "unreadable": "読めない", "skipped": "対象外"}


def register(sub: Any, parent: argparse.ArgumentParser) -> None:
    p = sub.add_parser("scan", parents=[parent], help="ファイルの個人情報を検査 / scan files for personal data")
    p.add_argument("paths", nargs="+", metavar="PATH", help="ファイルまたはフォルダ / files or folders")
    p.add_argument("--json", action="store_true", help="1行1ファイルのJSON / one JSON object per line")
    p.add_argument("--jobs", type=int, default=_default_jobs(),
                   help=f"並列数 / parallel processes (default {_default_jobs()}: the CPU cores, at most 8)")
    p.add_argument("--index", help="再検査用の索引ファイル / re-scan index file (unchanged files are skipped)")
    p.add_argument("--max-mb", type=int, default=200, help="1ファイルの上限MB / per-file size cap (MB)")
    p.add_argument("--timeout", type=float, default=20.0, help="1ファイルの制限秒 / per-file time cap (s)")
    p.add_argument("--no-fingerprints", action="store_true", help="台帳の指紋を使わない / do not use the ledger")
    p.add_argument("--representatives", choices=REPRESENTATIVES_CHOICES,
                   help="代表者欄の氏名: sole_proprietors=個人事業主のみ個人情報, all=法人の代表者も / "
                        "representative columns: sole_proprietors (default) or all (corporations' too); "
                        "default: the ledger's setting when it can be read, else sole_proprietors")
    p.set_defaults(func=_scan)

    fp = sub.add_parser("fingerprint", parents=[parent],
                        help="預かったデータの指紋（完全一致照合）/ fingerprints of entrusted data")
    fsub = fp.add_subparsers(dest="fingerprint_command", metavar="ACTION")
    add = fsub.add_parser("add", parents=[parent], help="データセットを登録 / register a dataset")
    add.add_argument("name", metavar="NAME")
    add.add_argument("files", nargs="+", metavar="FILE")
    add.set_defaults(func=_fp_add)
    lst = fsub.add_parser("list", parents=[parent], help="登録済みデータセット / registered datasets")
    lst.add_argument("--json", action="store_true")
    lst.set_defaults(func=_fp_list)
    close = fsub.add_parser("close", parents=[parent], help="照合をやめる（返還・廃棄後）/ stop matching a dataset")
    close.add_argument("name", metavar="NAME")
    close.set_defaults(func=_fp_close)


def _store(ctx: Any):
    from tokki_desktop.scanner.ledger_fingerprints import LedgerFingerprintStore

    return LedgerFingerprintStore(ctx.session())


def _ledger_matcher(args: argparse.Namespace, ctx: Any):
    """The ledger's fingerprints when they can be had without asking; else None and a note."""
    if args.no_fingerprints:
        return None
    from tokki_desktop.paths import LedgerFiles

    if not LedgerFiles(ctx.data_dir).exists():
        return None
    if os.environ.get("TOKKI_PASSPHRASE") is None or not (args.user or os.environ.get("TOKKI_USER")):
        print("tokki: 台帳の指紋は使っていません（TOKKI_PASSPHRASE と --user が必要）/ "
              "ledger fingerprints not used (needs TOKKI_PASSPHRASE and --user)", file=sys.stderr)
        return None
    return _store(ctx).matcher()


def _ledger_readable(args: argparse.Namespace, ctx: Any) -> bool:
    """Whether the ledger can be opened without asking (it exists, passphrase and login given)."""
    from tokki_desktop.paths import LedgerFiles

    return (LedgerFiles(ctx.data_dir).exists() and os.environ.get("TOKKI_PASSPHRASE") is not None
            and bool(args.user or os.environ.get("TOKKI_USER")))


def _representatives(args: argparse.Namespace, ctx: Any) -> str:
    """The flag, else the site's setting in the ledger when it can be read without asking."""
    if args.representatives:
        return str(args.representatives)
    if not _ledger_readable(args, ctx):
        return REPRESENTATIVES_SOLE_PROPRIETORS
    from tokki_desktop.monitor import settings

    return settings.representatives(ctx.session().ledger)


def _default_jobs() -> int:
    return max(1, min(8, os.cpu_count() or 1))


def _scan(args: argparse.Namespace, ctx: Any) -> int:
    from tokki_desktop.scanner.index import ScanIndex
    from tokki_desktop.scanner.tree import scan_paths

    if args.jobs < 1 or args.max_mb < 1 or args.timeout <= 0:
        raise InvalidInput("オプション", "options", "--jobs, --max-mb, --timeout は正の値にしてください",
                           "--jobs, --max-mb and --timeout must be positive")
    limits = ScanLimits(max_file_bytes=args.max_mb * 1024 * 1024, max_seconds=args.timeout,
                        representatives=_representatives(args, ctx))
    matcher = _ledger_matcher(args, ctx)
    index = ScanIndex(args.index) if args.index else None
    missing = [p for p in args.paths if not os.path.exists(p)]
    found = False
    lang = user_language()
    progress = _Progress(enabled=not args.json and sys.stderr.isatty())
    try:
        if not args.json:
            head, score, fmt, size, path = (("verdict", "score", "format", "bytes", "path") if lang == "en"
                                            else ("判定", "点数", "形式", "サイズ", "パス"))
            ctx.print(f"{_pad(head, 13)} {_pad(score, 5, right=True)} {_pad(fmt, 6)} {_pad(size, 9, right=True)}  {path}")
        for res in scan_paths([p for p in args.paths if p not in missing], jobs=args.jobs, index=index,
                              fingerprints=matcher, limits=limits, on_result=progress.update,
                              isolate=True):  # worker processes: the memory and time caps hold
            found = found or res.verdict == PERSONAL_DATA
            progress.clear()
            for line in _lines(res, args.json, lang):
                ctx.print(line)
        progress.clear()
    finally:
        if index is not None:
            index.close()
    for p in missing:
        print(f"tokki: 見つかりません / not found: {p}", file=sys.stderr)
    if found:
        return 1
    return 2 if missing else 0


def _lines(res: ScanResult, as_json: bool, lang: str) -> list[str]:
    out = []
    for r in res.walk():
        if as_json:
            out.append(json.dumps({
                **_json_path(r.path), "verdict": r.verdict, "score": round(r.score, 3), "findings": r.findings,
                "format": r.format, "bytes": r.bytes, "ms": round(r.ms, 1), "reason": r.reason,
                "reason_en": r.reason_en, "dataset": r.dataset, "records": r.records,
                "examples": r.examples, "sha256": r.sha256}, ensure_ascii=False))
        else:
            label = r.verdict.replace("_", " ") if lang == "en" else _VERDICT_JA.get(r.verdict, r.verdict)
            out.append(f"{_pad(label, 13)} {r.score:>5.2f} {r.format or '-':<6} {_size(r.bytes):>9}  "
                       f"{_shown_path(r.path)}")
            if r.verdict != "clean":
                out.append(f"{'':<14}{r.reason_en if lang == 'en' else r.reason}")
    return out


def _path_bytes(path: str) -> bytes | None:
    """The exact bytes of a name that is not valid Unicode (None when it is)."""
    try:
        path.encode("utf-8")
        return None
    except UnicodeEncodeError:
        # A name that is not UTF-8 reaches us as lone surrogates (os.fsdecode's escape).
        return path.encode("utf-8", "surrogateescape") if _escaped_only(path) else \
            path.encode("utf-8", "surrogatepass")


def _escaped_only(path: str) -> bool:
    return all(not 0xD800 <= ord(c) <= 0xDFFF or 0xDC80 <= ord(c) <= 0xDCFF for c in path)


def _shown_path(path: str) -> str:
    """The path as text: undecodable bytes as U+FFFD, so output is valid UTF-8."""
    raw = _path_bytes(path)
    return path if raw is None else raw.decode("utf-8", "replace")


def _json_path(path: str) -> dict[str, str]:
    """``path`` for JSON: readable, plus the exact bytes (base64) when it is not UTF-8."""
    raw = _path_bytes(path)
    if raw is None:
        return {"path": path}
    return {"path": raw.decode("utf-8", "replace"), "path_bytes_b64": base64.b64encode(raw).decode("ascii")}


def _pad(text: str, width: int, *, right: bool = False) -> str:
    """Justify by display width (full-width characters take two columns)."""
    import unicodedata

    cols = sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)
    fill = " " * max(0, width - cols)
    return fill + text if right else text + fill


def _size(n: int) -> str:
    for unit in ("B", "KB", "MB", "GB"):
        if n < 1024 or unit == "GB":
            return f"{n:.0f}{unit}" if unit == "B" else f"{n:.1f}{unit}"
        n /= 1024  # type: ignore[assignment]
    return str(n)


class _Progress:
    """A one-line progress bar on stderr (only on a terminal, only for long scans)."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled
        self.shown = False

    def update(self, res: ScanResult, done: int, total: int) -> None:
        if not self.enabled or total < 20:
            return
        width = 30
        filled = int(width * done / total)
        sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total}")
        sys.stderr.flush()
        self.shown = True

    def clear(self) -> None:
        if self.shown:
            sys.stderr.write("\r" + " " * 60 + "\r")
            self.shown = False


def _fp_add(args: argparse.Namespace, ctx: Any) -> int:
    prints = _store(ctx).add_dataset(args.name, args.files)
    ctx.print(f"登録しました / registered: {args.name} — {prints.rows}行 rows, {len(prints.values)} values, "
              f"{len(prints.records)} records, {len(prints.files)} files (値そのものは保存していません / no values stored)")
    return 0


def _fp_list(args: argparse.Namespace, ctx: Any) -> int:
    rows = _store(ctx).dataset_rows()
    if args.json:
        for r in rows:
            ctx.print(json.dumps(r, ensure_ascii=False))
        return 0
    if not rows:
        ctx.print("登録済みのデータセットはありません / no datasets registered")
    for r in rows:
        ctx.print(f"{r['id']:>3}  {r['name']}  {r['rows']}行 rows  {r['files']} files  {r['created_at']}  {r['created_by']}")
    return 0


def _fp_close(args: argparse.Namespace, ctx: Any) -> int:
    _store(ctx).close_dataset(args.name)
    ctx.print(f"照合をやめました / closed: {args.name}")
    return 0

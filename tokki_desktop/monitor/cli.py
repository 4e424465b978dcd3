"""``tokki watch|monitor|detections|resolve|quarantine|inventory``: the monitor from the command line.

``tokki monitor`` runs in the foreground and logs one line per event. The line names the
place, the rule and the record id, never the file's name or contents (file names can name
people, and logs are kept); ``tokki detections`` shows the full record after an unlock.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import threading
from pathlib import Path
from typing import Any

from tokki_desktop.errors import user_language
from tokki_desktop.scanner.result import REPRESENTATIVES_CHOICES

# Only the columns a person needs in the list; the JSON has every column.
_LIST_COLUMNS = ("id", "detected_at", "status", "rule", "article", "place", "verdict", "path")


def register(sub: Any, parent: argparse.ArgumentParser) -> None:
    """Add the monitor's sub-commands."""
    w = sub.add_parser("watch", parents=[parent], help="監視フォルダ / watched folders")
    wsub = w.add_subparsers(dest="watch_command", metavar="ACTION", required=True)
    a = wsub.add_parser("add", parents=[parent], help="フォルダを監視対象にする（取扱責任者） / watch a folder")
    a.add_argument("folder", type=Path)
    a.add_argument("--place", help="表示名 / name shown in alerts")
    a.set_defaults(func=_watch_add)
    a = wsub.add_parser("list", parents=[parent], help="監視フォルダの一覧 / list watched folders")
    a.set_defaults(func=_watch_list)
    a = wsub.add_parser("remove", parents=[parent], help="監視をやめる（取扱責任者） / stop watching a folder")
    a.add_argument("folder", type=Path)
    a.set_defaults(func=_watch_remove)

    m = sub.add_parser("monitor", parents=[parent], help="監視を前面で実行 / run the monitor in the foreground")
    m.add_argument("--terminal", action="store_true",
                   help="端末用の鍵（OSのキーリング）で開く / open with the terminal key (no passphrase)")
    m.add_argument("--passphrase-fd", type=int, metavar="N",
                   help="パスフレーズをファイル記述子 N から一度だけ読む / read the passphrase once from fd N")
    m.add_argument("--stop", action="store_true", help="実行中の監視を停止（取扱責任者） / stop the running monitor")
    m.add_argument("--auto-quarantine", choices=("on", "off"),
                   help="未登録媒体の自動隔離（取扱責任者） / automatic quarantine for unregistered media")
    m.add_argument("--representatives", choices=REPRESENTATIVES_CHOICES,
                   help="代表者欄の氏名の扱い（取扱責任者）: sole_proprietors=個人事業主のみ, all=法人の代表者も / "
                        "whose representative counts as a person: sole proprietors only, or all")
    m.set_defaults(func=_monitor)

    d = sub.add_parser("detections", parents=[parent], help="検知の一覧 / list detections")
    d.add_argument("--json", action="store_true", help="JSON で出力 / JSON lines")
    d.add_argument("--open", action="store_true", help="未処理のみ / only open ones (exit 1 if any)")
    d.set_defaults(func=_detections)

    r = sub.add_parser("resolve", parents=[parent], help="検知を処理（取扱責任者） / resolve a detection")
    r.add_argument("id", type=int)
    r.add_argument("how", choices=("approve", "removed", "quarantine", "incident"))
    r.set_defaults(func=_resolve)

    q = sub.add_parser("quarantine", parents=[parent], help="隔離ファイル / quarantined files")
    qsub = q.add_subparsers(dest="quarantine_command", metavar="ACTION", required=True)
    a = qsub.add_parser("list", parents=[parent], help="隔離ファイルの一覧 / list")
    a.add_argument("--json", action="store_true")
    a.set_defaults(func=_quarantine_list)
    a = qsub.add_parser("restore", parents=[parent], help="元に戻す（取扱責任者） / restore")
    a.add_argument("id", type=int)
    a.add_argument("--to", type=Path, help="復元先 / where to write it (default: where it was)")
    a.set_defaults(func=_quarantine_restore)

    i = sub.add_parser("inventory", parents=[parent],
                       help="定期の棚卸し検査（監視フォルダ・媒体） / inventory scan of watched folders or a medium")
    i.add_argument("--medium", help="媒体のマウント先 / a medium's mount point")
    i.add_argument("--json", action="store_true")
    i.set_defaults(func=_inventory)


def _import_spool(session: Any) -> None:
    """Show what a monitor recorded while nobody could import it (crash, busy ledger)."""
    from tokki_desktop.monitor.service import import_pending

    import_pending(session)


def _watch_add(args: argparse.Namespace, ctx: Any) -> int:
    from tokki_desktop.monitor.settings import add_folder

    ident = add_folder(ctx.session(), args.folder, args.place)
    ctx.print(f"監視対象に追加しました / watching: {args.folder} (ID {ident})")
    return 0


def _watch_list(args: argparse.Namespace, ctx: Any) -> int:
    from tokki_desktop.monitor.settings import watched_folders

    for row in watched_folders(ctx.session().ledger):
        mode = "polling" if row["polling"] else "events"
        ctx.print(f"{row['id']}\t{row['place']}\t{row['path']}\t{mode}")
    return 0


def _watch_remove(args: argparse.Namespace, ctx: Any) -> int:
    from tokki_desktop.monitor.settings import remove_folder

    remove_folder(ctx.session(), args.folder)
    ctx.print(f"監視をやめました / no longer watching: {args.folder}")
    return 0


def _monitor_session(args: argparse.Namespace, ctx: Any, passphrase: str | None) -> Any:
    """Unlock for a long run: terminal slot, or a passphrase that is not in the environment."""
    if args.terminal:
        from tokki_desktop.session import unlock_terminal

        return unlock_terminal(ctx.data_dir)
    from tokki_desktop.session import unlock
    from tokki_desktop.vault import passphrase_input

    if passphrase is None:
        passphrase = (passphrase_input.read_from_fd(args.passphrase_fd) if args.passphrase_fd is not None
                      else passphrase_input.ask())
    return unlock(ctx.data_dir, ctx.login(), passphrase)


def _monitor(args: argparse.Namespace, ctx: Any) -> int:
    from tokki_desktop.errors import LedgerReadOnly
    from tokki_desktop.monitor import settings
    from tokki_desktop.monitor.service import Monitor
    from tokki_desktop.vault import passphrase_input

    # Out of the environment before anything else runs: the monitor lives for days, and
    # its scanner workers would inherit it (see vault/passphrase_input.py).
    from_env = passphrase_input.take_from_environment()
    if args.stop or args.auto_quarantine or args.representatives:
        if from_env is not None:
            os.environ[passphrase_input.ENV_NAME] = from_env  # a one-shot command, as before
        session = ctx.session()
        if args.auto_quarantine:
            settings.set_auto_quarantine(session, args.auto_quarantine == "on")
            ctx.print(f"自動隔離 / automatic quarantine: {args.auto_quarantine}")
        if args.representatives:
            settings.set_representatives(session, args.representatives)
            ctx.print(f"代表者の扱い / representatives: {args.representatives}")
        if args.stop:
            settings.request_stop(session)
            ctx.print("監視の停止を指示しました / the monitor was told to stop")
        return 0
    session = _monitor_session(args, ctx, from_env)
    if session.read_only:
        session.close()
        raise LedgerReadOnly()  # the monitor records; a damaged ledger must be restored first
    lang = user_language()
    lock = threading.Lock()

    def log_event(e: Any) -> None:
        # No file name here: see the module docstring.
        line = f"{session.clock.now().isoformat(timespec='seconds')}\t{e.kind}\t{e.place}\t{e.rule}\t{e.message(lang)}"
        with lock:
            ctx.print(line)
            ctx.out.flush()

    mon = Monitor(session)
    mon.subscribe(on_event=log_event)
    stop_signal = threading.Event()

    def on_signal(signum: int, frame: object) -> None:
        stop_signal.set()

    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, on_signal)
    mon.start()
    ctx.print(f"監視を開始しました / monitoring (pid {os.getpid()})")
    ctx.out.flush()
    try:
        while not stop_signal.is_set() and not mon.wait_stopped(0.5):
            pass
    finally:
        mon.stop()
        session.close()
    if mon.stopped_by_officer:
        ctx.print(f"取扱責任者（{mon.stopped_by_officer}）の指示で停止しました / stopped by an officer")
    else:
        ctx.print("監視を停止しました / monitor stopped")
    return 0


def _detections(args: argparse.Namespace, ctx: Any) -> int:
    from tokki_desktop.monitor import records

    session = ctx.session()
    _import_spool(session)
    rows = records.detections(session.ledger, open_only=args.open)
    for row in rows:
        if args.json:
            ctx.print(json.dumps(row, ensure_ascii=False, sort_keys=True))
        else:
            ctx.print("\t".join(str(row[c]) for c in _LIST_COLUMNS))
    return 1 if args.open and rows else 0


def _resolve(args: argparse.Namespace, ctx: Any) -> int:
    from tokki_desktop.monitor.resolutions import resolve

    session = ctx.session()
    _import_spool(session)
    res = resolve(session, args.id, args.how)
    if res.request_id is not None:
        ctx.print(f"検知 {args.id} の処理（{args.how}）を端末に依頼しました / detection {args.id}: {args.how} "
                  f"requested from its terminal (request {res.request_id}); see `site resolutions`")
        return 0
    extra = {"approve": f"承認 / approval {res.approval_id}", "incident": f"事故報告 / incident {res.incident_id}",
             "quarantine": f"隔離 / quarantine {res.quarantine_id}", "removed": "削除を確認 / removal confirmed"}
    ctx.print(f"検知 {args.id} を処理しました / detection {args.id} resolved: {extra[args.how]}")
    return 0


def _quarantine_list(args: argparse.Namespace, ctx: Any) -> int:
    from tokki_desktop.monitor.resolutions import quarantined

    for row in quarantined(ctx.session().ledger):
        if args.json:
            ctx.print(json.dumps(row, ensure_ascii=False, sort_keys=True))
        else:
            ctx.print(f"{row['id']}\t{row['status']}\t{row['detection_id']}\t{row['size']}\t{row['original_path']}")
    return 0


def _quarantine_restore(args: argparse.Namespace, ctx: Any) -> int:
    from tokki_desktop.monitor.resolutions import restore

    target = restore(ctx.session(), args.id, to=args.to)
    ctx.print(f"復元しました / restored: {target}")
    return 0


def _inventory(args: argparse.Namespace, ctx: Any) -> int:
    from tokki_desktop.monitor import inventory

    session = ctx.session()
    if args.medium:
        result = inventory.scan_medium(session, Path(args.medium))
    else:
        result = inventory.scan_roots(session)
    _import_spool(session)
    if args.json:
        ctx.print(json.dumps(result.as_dict(), ensure_ascii=False, sort_keys=True))
    else:
        ctx.print(result.summary(user_language()))
    return 1 if result.personal_data else 0

"""``tokki site enrol|list|revoke|import`` (at the site ledger) and ``tokki agent join|run|status``
(on a terminal, with no ledger).

Lines name terminals, numbers and reasons only; never a file's name or contents.
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import signal
import sys
import threading
from pathlib import Path
from typing import Any

from tokki_desktop.errors import InvalidInput, user_language


def register(sub: Any, parent: argparse.ArgumentParser) -> None:
    """Add the ``site`` and ``agent`` command groups."""
    s = sub.add_parser("site", parents=[parent], help="作業場所の端末 / the work site's terminals")
    ssub = s.add_subparsers(dest="site_command", metavar="ACTION", required=True)
    e = ssub.add_parser("enrol", parents=[parent], help="端末を登録（取扱責任者） / enrol a terminal")
    e.add_argument("name")
    e.add_argument("--drop", type=Path, required=True, help="受け渡しフォルダ / drop folder")
    e.add_argument("--watch", type=Path, nargs="+", default=[], help="端末で監視するフォルダ / folders to watch")
    e.add_argument("--out", type=Path, required=True, help="登録ファイル / enrolment file to write")
    e.add_argument("--heartbeat", type=int, default=300, help="ハートビート間隔（秒） / heartbeat seconds")
    e.add_argument("--allowance", type=int, default=None,
                   help="無応答とみなすまでの秒数 / seconds of silence allowed (default 3 heartbeats)")
    e.set_defaults(func=_enrol)
    a = ssub.add_parser("list", parents=[parent], help="端末の一覧 / list terminals")
    a.add_argument("--json", action="store_true")
    a.set_defaults(func=_list)
    a = ssub.add_parser("revoke", parents=[parent], help="端末の登録を取消（取扱責任者） / revoke a terminal")
    a.add_argument("name")
    a.set_defaults(func=_revoke)
    a = ssub.add_parser("resolutions", parents=[parent],
                        help="端末に依頼した処理と結果 / resolutions requested from terminals")
    a.add_argument("--json", action="store_true")
    a.set_defaults(func=_resolutions)
    a = ssub.add_parser("restore", parents=[parent],
                        help="端末の隔離ファイルの復元を依頼（取扱責任者） / ask a terminal to restore a quarantined file")
    a.add_argument("id", type=int, help="隔離ファイルの番号 / quarantined file id (tokki quarantine list)")
    a.set_defaults(func=_restore)
    a = ssub.add_parser("import", parents=[parent], help="受け渡しフォルダを取り込む / take the drop folders in")
    a.add_argument("--drop", type=Path, action="append", help="このフォルダだけ / only this folder")
    a.set_defaults(func=_import)

    g = sub.add_parser("agent", parents=[parent], help="端末エージェント / the terminal agent")
    g.add_argument("--agent-dir", type=Path, required=True, help="エージェントのフォルダ / agent folder")
    gsub = g.add_subparsers(dest="agent_command", metavar="ACTION", required=True)
    j = gsub.add_parser("join", help="作業場所に参加 / join the work site")
    j.add_argument("file", type=Path)
    j.add_argument("--no-keyring", action="store_true", help="鍵をファイルに保存 / keep the key in a 0600 file")
    j.set_defaults(func=_join)
    r = gsub.add_parser("run", help="監視と配送を前面で実行 / watch and deliver in the foreground")
    r.set_defaults(func=_run)
    t = gsub.add_parser("status", help="配送の状況 / delivery status")
    t.add_argument("--json", action="store_true")
    t.set_defaults(func=_status)


def _enrol(args: argparse.Namespace, ctx: Any) -> int:
    from tokki_desktop.site.enrol import enrol

    session = ctx.session()
    made = enrol(session, args.name, drop=args.drop, watch=list(args.watch), out=args.out,
                 heartbeat_seconds=args.heartbeat, allowance_seconds=args.allowance)
    ctx.print(f"端末「{args.name}」を登録しました / enrolled terminal '{args.name}' ({made.terminal_uid})")
    ctx.print(f"code: {made.code}")
    return 0


def _list(args: argparse.Namespace, ctx: Any) -> int:
    from tokki_desktop.site.enrol import terminals

    rows = terminals(ctx.session().ledger)
    for r in rows:
        if args.json:
            ctx.print(json.dumps(r, ensure_ascii=False, sort_keys=True))
        else:
            ctx.print("\t".join(str(r[k] if r[k] is not None else "-") for k in (
                "name", "status", "last_seq", "last_heartbeat_at", "open_detections", "policy_version",
                "policy_applied")))
    return 0


def _revoke(args: argparse.Namespace, ctx: Any) -> int:
    from tokki_desktop.site.enrol import revoke

    from tokki_desktop.site.intake import SiteIntake

    session = ctx.session()
    revoke(session, args.name)
    SiteIntake(session).write_policies()  # tell the terminal now, if its drop folder is there
    ctx.print(f"端末「{args.name}」の登録を取り消しました / revoked terminal '{args.name}'")
    return 0


def _restore(args: argparse.Namespace, ctx: Any) -> int:
    from tokki_desktop.site.resolutions import request_restore

    rid = request_restore(ctx.session(), args.id)
    ctx.print(f"隔離ファイル {args.id} の復元を端末に依頼しました / restore of quarantined file {args.id} "
              f"requested from its terminal (request {rid}); see `site resolutions`")
    return 0


def _resolutions(args: argparse.Namespace, ctx: Any) -> int:
    from tokki_desktop.site.carry_out import reason_text
    from tokki_desktop.site.resolutions import resolutions

    lang = user_language()
    words = {"requested": ("依頼中", "requested"), "done": ("完了", "done"), "failed": ("失敗", "failed")}
    for r in resolutions(ctx.session().ledger):
        if args.json:
            ctx.print(json.dumps(r | {"reason_text": reason_text(r["reason"], lang) if r["reason"] else None},
                                 ensure_ascii=False, sort_keys=True))
            continue
        ja, en = words[r["state"]]
        ctx.print("\t".join(str(v) for v in (
            r["id"], r["detection_id"], r["terminal"], r["kind"], en if lang == "en" else ja,
            reason_text(r["reason"], lang) if r["reason"] else "-", r["requested_by"], r["requested_at"],
            r["finished_at"] or "-")))
    return 0


def _import(args: argparse.Namespace, ctx: Any) -> int:
    from tokki_desktop.site.intake import SiteIntake

    report = SiteIntake(ctx.session()).take_in(args.drop)
    lang = user_language()
    for refusal in report.refused:
        print(f"tokki: {refusal.message(lang)}", file=sys.stderr)
    for name, first, last in report.gaps:
        ctx.print(f"欠番 / missing bundles: {name} {first}-{last}")
    ctx.print(f"取り込み / imported: {report.bundles} bundle(s), {report.records} record(s), "
              f"{report.duplicates} duplicate(s), {report.redelivered} delivered again, {len(report.refused)} refused")
    return 1 if report.refused or report.gaps else 0


def _code() -> str:
    code = os.environ.get("TOKKI_ENROL_CODE")
    if code:
        return code
    if not sys.stdin or not sys.stdin.isatty():
        raise InvalidInput("登録コード", "enrolment code", "TOKKI_ENROL_CODE を設定するか、端末から入力してください",
                           "set TOKKI_ENROL_CODE or run in a terminal")
    return getpass.getpass("登録コード / enrolment code: ")


def _join(args: argparse.Namespace, ctx: Any) -> int:
    from tokki_desktop.site.agent import join

    identity = join(args.agent_dir, args.file, _code(), use_keyring=not args.no_keyring)
    where = "OS のキーリング / OS keyring" if identity["key_in"] == "keyring" else \
        f"鍵ファイル / key file {identity['key_file']} (0600)"
    ctx.print(f"端末「{identity['name']}」として参加しました / joined as '{identity['name']}'; key: {where}")
    return 0


def _run(args: argparse.Namespace, ctx: Any) -> int:
    from tokki_desktop.site.agent import Agent

    agent = Agent(args.agent_dir)
    lang = user_language()
    lock = threading.Lock()

    def log_event(e: Any) -> None:
        # No file name: file names can name people, and this output may be kept.
        with lock:
            ctx.print(f"{e.kind}\t{e.place}\t{e.rule}\t{e.message(lang)}")
            ctx.out.flush()

    agent.subscribers.subscribe(on_event=log_event)
    stop = threading.Event()
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda signum, frame: stop.set())
    agent.start()
    ctx.print(f"端末エージェントを開始しました / agent running (pid {os.getpid()})")
    ctx.out.flush()
    said = ""
    try:
        while not stop.wait(1.0):
            problem = agent.status.problem_en if lang == "en" else agent.status.problem_ja
            if problem != said:
                if problem:
                    print(f"tokki: {problem}", file=sys.stderr)
                said = problem
    finally:
        agent.stop()
    return 0


def _status(args: argparse.Namespace, ctx: Any) -> int:
    from tokki_desktop.site import agent_status
    from tokki_desktop.site.agent import load_identity

    identity = load_identity(args.agent_dir)
    doc, lines = agent_status.report(Path(args.agent_dir), identity, user_language())
    if args.json:
        ctx.print(json.dumps(doc, ensure_ascii=False, sort_keys=True))
    else:
        for line in lines:
            ctx.print(line)
    return 1 if doc["problem"] else 0

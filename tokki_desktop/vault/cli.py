"""Foundation commands: init, user, passwd, verify, checkpoint, backup, restore, demo, terminal-key."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path

from tokki_desktop.cli import CliContext
from tokki_desktop.errors import InvalidInput
from tokki_desktop.ledger import audit


def register(sub, parent: argparse.ArgumentParser) -> None:
    p = sub.add_parser("init", parents=[parent], help="新しい台帳を作る / create a ledger")
    p.add_argument("--client", default="小金井市", help="委託者（既定: 小金井市） / the client (a municipality; default Koganei)")
    p.add_argument("--contract", required=True, help="契約件名 / the contract's title")
    p.add_argument("--contractor", required=True, help="受託者の商号 / the contractor's trade name")
    p.add_argument("--officer", required=True, help="取扱責任者のログイン名 / the responsible officer's login")
    p.add_argument("--name", required=True, help="取扱責任者の氏名 / the responsible officer's full name")
    p.add_argument("--recovery-sheet", metavar="FILE.pdf",
                   help="回復キーの保管用シート (PDF) も書き出す / also write the recovery-key sheet")
    p.set_defaults(func=cmd_init)

    p = sub.add_parser("user", parents=[parent], help="利用者 / users")
    usub = p.add_subparsers(dest="user_command", metavar="ACTION")
    a = usub.add_parser("add", parents=[parent], help="利用者を追加 (取扱責任者のみ) / add a user (officers only)")
    a.add_argument("login")
    a.add_argument("--role", choices=["officer", "handler"], required=True,
                   help="officer = 取扱責任者, handler = 従事者 / officer or data handler")
    a.add_argument("--name", required=True, help="氏名 / full name")
    a.set_defaults(func=cmd_user_add)
    a = usub.add_parser("list", parents=[parent], help="利用者の一覧 / list the users")
    a.set_defaults(func=cmd_user_list)
    a = usub.add_parser("disable", parents=[parent], help="利用者を無効にする (取扱責任者のみ) / disable a user (officers only)")
    a.add_argument("login")
    a.set_defaults(func=cmd_user_disable)

    p = sub.add_parser("passwd", parents=[parent], help="パスフレーズの変更 / change a passphrase")
    p.add_argument("login", nargs="?", help="(取扱責任者) 他の利用者を再設定する / (officer) reset another user's passphrase")
    p.add_argument("--recovery", action="store_true",
                   help="回復キー (TOKKI_RECOVERY_KEY またはプロンプト) で開いて再設定する / open with the recovery key (TOKKI_RECOVERY_KEY or a prompt) and reset")
    p.set_defaults(func=cmd_passwd)

    p = sub.add_parser("verify", parents=[parent], help="監査チェーンと暗号ページの検査 / check the audit chain and every encrypted page")
    p.add_argument("--checkpoint", help="紙に控えた SEQ:MAC / a SEQ:MAC kept on paper")
    p.set_defaults(func=cmd_verify)

    p = sub.add_parser("checkpoint", parents=[parent], help="監査チェーンのチェックポイントを表示 / print a checkpoint of the audit chain")
    p.set_defaults(func=cmd_checkpoint)

    p = sub.add_parser("backup", parents=[parent], help="暗号化バックアップを書いて検査する (取扱責任者のみ) / write and check an encrypted backup (officers only)")
    p.add_argument("path")
    p.set_defaults(func=cmd_backup)

    p = sub.add_parser("restore", parents=[parent], help="バックアップを検査してから復元する (取扱責任者のみ) / check a backup, then restore it (officers only)")
    p.add_argument("path")
    p.add_argument("--confirm-loss", action="store_true",
                   help="バックアップより後の記録が失われることを確認した / restore although later records are lost")
    p.set_defaults(func=cmd_restore)

    p = sub.add_parser("demo", parents=[parent], help="デモ台帳を作る / create the demo ledger")
    p.set_defaults(func=cmd_demo)

    p = sub.add_parser("terminal-key", parents=[parent],
                       help="端末用の鍵 (OS キーリング) / the terminal key in the OS keyring")
    p.add_argument("action", choices=["enable", "disable", "status"])
    p.set_defaults(func=cmd_terminal_key)


def _new_passphrase(env: str = "TOKKI_NEW_PASSPHRASE") -> str:
    value = os.environ.get(env)
    if value is not None:
        return value
    if not sys.stdin or not sys.stdin.isatty():
        raise InvalidInput("新しいパスフレーズ", "new passphrase", f"{env} を設定するか、端末から入力してください",
                           f"set {env} or run in a terminal")
    first = getpass.getpass("新しいパスフレーズ / new passphrase: ")
    if getpass.getpass("もう一度 / again: ") != first:
        raise InvalidInput("新しいパスフレーズ", "new passphrase", "2回の入力が一致しません", "the two entries differ")
    return first


def cmd_init(args: argparse.Namespace, ctx: CliContext) -> int:
    from tokki_desktop.session import create_ledger

    passphrase = ctx.passphrase("取扱責任者のパスフレーズ / officer passphrase: ")
    session, recovery = create_ledger(ctx.data_dir, client=args.client, contract=args.contract,
                                      contractor=args.contractor, officer_login=args.officer,
                                      officer_name=args.name, passphrase=passphrase)
    try:
        ctx.print(f"台帳を作成しました / ledger created: {ctx.data_dir}")
        ctx.print("回復キー（一度だけ表示します。印刷して施錠保管してください）/ recovery key (shown once; print it and lock it away):")
        ctx.print(f"recovery-key: {recovery}")
        if args.recovery_sheet:
            from tokki_desktop.forms.render import render

            render(session, "recovery_key", out_path=Path(args.recovery_sheet), recovery_key=recovery)
            ctx.print(f"回復キーのシートを書き出しました。印刷後はファイルを削除してください / "
                      f"recovery-key sheet written (delete the file after printing): {args.recovery_sheet}")
    finally:
        session.close()
    return 0


def cmd_user_add(args: argparse.Namespace, ctx: CliContext) -> int:
    session = ctx.session()
    session.add_user(args.login, args.role, args.name, _new_passphrase())
    ctx.print(f"利用者を追加しました / user added: {args.login} ({args.role})")
    return 0


def cmd_user_list(args: argparse.Namespace, ctx: CliContext) -> int:
    for actor in ctx.session().users():
        role = "取扱責任者" if actor.role == "officer" else "従事者"
        ctx.print(f"{actor.login}\t{role}\t{actor.name}")
    return 0


def cmd_user_disable(args: argparse.Namespace, ctx: CliContext) -> int:
    ctx.session().disable_user(args.login)
    ctx.print(f"無効にしました / disabled: {args.login}")
    return 0


def cmd_passwd(args: argparse.Namespace, ctx: CliContext) -> int:
    if args.recovery:
        from tokki_desktop.session import unlock_with_recovery_key

        if not args.login:
            raise InvalidInput("ログイン名", "login", "再設定する利用者を指定してください", "name the user to reset")
        key = os.environ.get("TOKKI_RECOVERY_KEY") or getpass.getpass("回復キー / recovery key: ")
        with unlock_with_recovery_key(ctx.data_dir, key) as session:
            session.set_passphrase(args.login, _new_passphrase())
    else:
        session = ctx.session()
        session.set_passphrase(args.login or session.user.login, _new_passphrase())
    ctx.print("パスフレーズを変更しました / passphrase changed")
    return 0


def cmd_verify(args: argparse.Namespace, ctx: CliContext) -> int:
    checkpoint = audit.Checkpoint.parse(args.checkpoint) if args.checkpoint else None
    report = ctx.session().verify(checkpoint)
    if report.ok:
        ctx.print(f"OK: 監査記録 {report.records} 件、チェーンと暗号ページに異常なし / "
                  f"chain of {report.records} records and cipher pages intact")
        ctx.print(f"checkpoint: {report.last_seq}:{report.last_mac}")
        return 0
    ctx.print(f"NG: 問題が見つかりました / problems found ({len(report.problems)}):")
    for problem in report.problems:
        ctx.print(f"  - {problem}")
    return 1


def cmd_checkpoint(args: argparse.Namespace, ctx: CliContext) -> int:
    cp = ctx.session().checkpoint()
    ctx.print(f"checkpoint: {cp.text()}")
    ctx.print(f"time: {cp.ts}")
    return 0


def cmd_backup(args: argparse.Namespace, ctx: CliContext) -> int:
    report = ctx.session().backup(Path(args.path))
    ctx.print(f"バックアップを書き、開いて検査しました（監査記録 {report.records} 件）/ "
              f"backup written and verified ({report.records} audit records): {args.path}")
    return 0


def cmd_restore(args: argparse.Namespace, ctx: CliContext) -> int:
    from tokki_desktop.errors import LedgerDamaged
    from tokki_desktop.session import restore_unreadable, unlock

    passphrase = ctx.passphrase()  # asked once, whichever way the restore goes
    try:
        ctx._session = unlock(ctx.data_dir, ctx.login(), passphrase)
    except LedgerDamaged:
        # The ledger does not open at all: the way out the message gave must still work.
        result = restore_unreadable(ctx.data_dir, ctx.login(), passphrase, Path(args.path))
    else:
        result = ctx._session.restore(Path(args.path), confirm_loss=args.confirm_loss)  # type: ignore[attr-defined]
    ctx.print(f"復元しました / restored from {args.path}")
    if result.records_dropped:
        ctx.print(f"バックアップより後の監査記録 {result.records_dropped} 件は置き換えた台帳に残っています / "
                  f"{result.records_dropped} later audit record(s) remain only in the replaced ledger")
    if result.kept:
        ctx.print(f"置き換えた台帳は保管しました / the replaced ledger was kept as {result.kept}")
    return 0


def cmd_demo(args: argparse.Namespace, ctx: CliContext) -> int:
    from tokki_desktop.demo import create_demo

    info = create_demo(ctx.data_dir)
    ctx.print(f"デモ台帳 / demo ledger: {ctx.data_dir}")
    ctx.print(f"login: {info.login}")
    ctx.print(f"passphrase: {info.passphrase}")
    return 0


def cmd_terminal_key(args: argparse.Namespace, ctx: CliContext) -> int:
    from tokki_desktop.vault import terminal

    session = ctx.session()
    if args.action == "enable":
        status = session.enable_terminal_slot()
        if not status.available:
            ctx.print(f"端末用の鍵は設定できません / cannot set the terminal key: {status.reason_ja} / {status.reason_en}")
            return 2
        ctx.print(f"端末用の鍵を OS キーリングに保存しました / terminal key stored ({status.backend})")
    elif args.action == "disable":
        session.disable_terminal_slot()
        ctx.print("端末用の鍵を削除しました / terminal key removed")
    else:
        _store, status = terminal.system_store()
        has_slot = session.header.slot_of_type("terminal") is not None
        ctx.print(f"keyring: {'available' if status.available else 'unavailable'} ({status.backend})")
        ctx.print(f"terminal slot: {'yes' if has_slot else 'no'}")
    return 0

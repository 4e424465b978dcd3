"""`tokki forms list` and `tokki forms render FORM [--id ID] --out FILE.pdf | --all --out DIR`."""

from __future__ import annotations

import argparse
from pathlib import Path

from tokki_desktop.cli import CliContext
from tokki_desktop.errors import InvalidInput, user_language
from tokki_desktop.forms.render import RenderResult, list_forms, render, render_all


def register(sub, parent: argparse.ArgumentParser) -> None:
    """Add the ``forms`` command and its actions."""
    p = sub.add_parser("forms", parents=[parent], help="様式（PDF）の一覧と作成 / printable forms")
    fsub = p.add_subparsers(dest="forms_command", metavar="ACTION")
    a = fsub.add_parser("list", parents=[parent], help="様式の一覧 / list the forms")
    a.set_defaults(func=cmd_list)
    a = fsub.add_parser("render", parents=[parent], help="様式を PDF にする / render a form to PDF")
    a.add_argument("form", nargs="?", help="様式の ID（tokki forms list） / the form's id (see tokki forms list)")
    a.add_argument("--id", type=int, dest="record_id", help="記録の ID（記録ごとの様式） / the record's id (forms made per record)")
    a.add_argument("--all", action="store_true", help="台帳のすべての様式をフォルダに作成する / render every form of the ledger into a folder")
    a.add_argument("--out", required=True, help="PDF ファイル（--all のときはフォルダ） / the PDF file (a folder with --all)")
    a.set_defaults(func=cmd_render)


def cmd_list(args: argparse.Namespace, ctx: CliContext) -> int:
    """Print one line per form: id, article, title, and what it is made for."""
    en = user_language() == "en"
    for f in list_forms():
        per = f"  [{'one per record of' if en else '記録ごと:'} {f.register}]" if f.per_record else ""
        secret = ("  [only at tokki init]" if en else "  [tokki init のときのみ]") if f.needs_secret else ""
        ctx.print(f"{f.id:<26}{f.article:<12}{f.summary_en if en else f.menu_title}{per}{secret}")
    return 0


def _report(ctx: CliContext, result: RenderResult) -> None:
    en = user_language() == "en"
    ctx.print(f"{result.path}  ({result.pages} {'pages' if en else 'ページ'})")
    # Labels and code points only: the values themselves are personal data.
    if result.missing:
        head = "  empty required fields: " if en else "  未記入の必須項目: "
        ctx.print(head + "、".join(result.missing))
    if result.unsupported:
        head = "  characters the font cannot print (shown as 〓): " if en else "  フォントにない文字（〓で印字）: "
        ctx.print(head + "、".join(result.unsupported))


def cmd_render(args: argparse.Namespace, ctx: CliContext) -> int:
    """Render one form, or every form of the ledger with ``--all``."""
    out = Path(args.out)
    if args.all:
        if args.form or args.record_id is not None:
            raise InvalidInput("様式", "form", "--all のときは様式と --id を指定しません",
                               "give neither a form nor --id with --all")
        results, skipped = render_all(ctx.session(), out)
        for r in results:
            _report(ctx, r)
        if skipped:
            en = user_language() == "en"
            ctx.print(("not made (no records, or needs the recovery key): " if en
                       else "作成しなかった様式（記録がない、又は回復キーが必要）: ") + ", ".join(skipped))
        return 0
    if not args.form:
        raise InvalidInput("様式", "form", "様式の ID を指定してください（tokki forms list）",
                           "give a form id (see tokki forms list)")
    if out.suffix.lower() != ".pdf":
        raise InvalidInput("出力先", "--out", "拡張子 .pdf のファイル名を指定してください",
                           "give a file name ending in .pdf")
    _report(ctx, render(ctx.session(), args.form, args.record_id, out_path=out))
    return 0

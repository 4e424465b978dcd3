"""``tokki status``, ``add``, ``edit``, ``list``, ``show``, ``close``, ``export``: the registers on the command line.

``add`` and ``edit`` get one sub-command per register, with one option per field, built from
the specs: ``tokki add people --help`` lists the fields of the 名簿 with their Japanese labels.
"""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import json
import os
import sys
from pathlib import Path
from typing import Any

from tokki_desktop.errors import InvalidInput, user_language
from tokki_desktop.registers import repository, spec_for
from tokki_desktop.registers.catalog import SPECS
from tokki_desktop.registers.compliance import evaluate
from tokki_desktop.registers.compliance.model import SEVERITY_LABELS
from tokki_desktop.registers.spec import FieldSpec, RegisterSpec
from tokki_desktop.wareki import format_wareki, format_wareki_datetime

_TYPE_HINT = {"date": ("日付（2026-04-01、令和8年4月1日、R8.4.1）", "date (2026-04-01, 令和8年4月1日, R8.4.1)"),
              "datetime": ("日時（2026-04-01 10:30）", "date and time (2026-04-01 10:30)"),
              "int": ("整数", "number"), "bool": ("はい/いいえ", "yes/no"), "ref": ("ID", "ID"),
              "text": ("", ""), "longtext": ("", ""), "choice": ("", "")}


def _field_options(p: argparse.ArgumentParser, spec: RegisterSpec, *, for_edit: bool) -> None:
    for f in spec.fields:
        names = [f"--{f.name.replace('_', '-')}"]
        if "_" in f.name:
            names.append(f"--{f.name}")
        # One language at a time (TOKKI_LANG), as the rest of the help.
        en = user_language() == "en"
        bits = [f.label_en if en else f.label_ja]
        if f.type == "choice":
            bits.append(" | ".join(f"{c.value}={c.label_en if en else c.label_ja}" for c in f.choices))
        elif _TYPE_HINT[f.type][0]:
            bits.append(_TYPE_HINT[f.type][1 if en else 0])
        if f.type == "ref" and f.ref:
            bits.append(f"→ {f.ref}")
        if f.required and not for_edit:
            bits.append("required" if en else "必須")
        if f.default is not None and not for_edit:
            bits.append(f"default {f.default}" if en else f"既定値 {f.default}")
        if f.officer_only:
            bits.append("officer only" if en else "取扱責任者のみ")
        hint = f.hint_en if en else f.hint_ja
        if hint:
            bits.append(hint)
        # "%" would be read as a format by argparse's help
        p.add_argument(*names, dest=f"field__{f.name}", default=None, metavar="VALUE",
                       help="; ".join(bits).replace("%", "%%"))


def register(sub: Any, parent: argparse.ArgumentParser) -> None:
    """Add the registers' sub-commands to ``tokki``."""
    kinds = list(SPECS)

    p = sub.add_parser("status", parents=[parent], help="条項ごとの遵守状況 / compliance status per article")
    p.add_argument("--json", action="store_true", help="JSONで出力 / print JSON")
    p.add_argument("--strict", action="store_true",
                   help="期限超過・違反があれば終了コード1 / exit 1 when anything is overdue or a violation")
    p.set_defaults(func=cmd_status)

    for verb, help_text in (("add", "台帳に記録を追加 / add a record"),
                            ("edit", "記録を変更 / change a record")):
        p = sub.add_parser(verb, parents=[parent], help=help_text)
        # without a KIND the handler explains what to type instead of a bare usage line
        p.set_defaults(func=cmd_add if verb == "add" else cmd_edit, kind=None)
        ksub = p.add_subparsers(dest="kind", metavar="KIND")
        for spec in SPECS.values():
            k = ksub.add_parser(spec.kind, parents=[parent], help=f"{spec.label_ja} / {spec.label_en}")
            if verb == "edit":
                k.add_argument("id", type=int, help="ID")
            _field_options(k, spec, for_edit=verb == "edit")
            k.add_argument("--json", action="store_true", help="結果をJSONで / print the record as JSON")
            k.set_defaults(func=cmd_add if verb == "add" else cmd_edit)

    p = sub.add_parser("list", parents=[parent], help="台帳の一覧 / list a register")
    p.add_argument("kind", choices=kinds, metavar="KIND", help=", ".join(kinds))
    p.add_argument("--json", action="store_true", help="JSONで出力 / print JSON")
    p.add_argument("--all", action="store_true", help="終了した記録も / include closed records")
    p.add_argument("--where", action="append", default=[], metavar="FIELD=VALUE",
                   help="絞り込み（繰り返し可） / filter, repeatable")
    p.add_argument("--search", default=None, help="文字列を含む記録 / records whose text contains this")
    p.add_argument("--offset", type=int, default=0)
    p.add_argument("--limit", type=int, default=None)
    p.add_argument("--order-by", default=None, metavar="FIELD",
                   help="この項目の順に並べる（同じ値は ID 順）/ sort by this field (ties by id)")
    p.add_argument("--desc", action="store_true", help="降順 / descending")
    p.set_defaults(func=cmd_list)

    p = sub.add_parser("show", parents=[parent], help="記録の表示と変更履歴 / show a record and its history")
    p.add_argument("kind", choices=kinds, metavar="KIND")
    p.add_argument("id", type=int)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_show)

    p = sub.add_parser("close", parents=[parent], help="記録を終了（削除はしない） / close a record (never deleted)")
    p.add_argument("kind", choices=kinds, metavar="KIND")
    p.add_argument("id", type=int)
    p.add_argument("--reason", required=True, help="理由 / reason")
    p.set_defaults(func=cmd_close)

    p = sub.add_parser("export", parents=[parent],
                       help="全台帳を暗号化ZIP（CSV+マニフェスト）に書き出す / encrypted export of every register")
    p.add_argument("path", help="書き出すZIPファイル / the zip to write")
    p.set_defaults(func=cmd_export)


def _lang() -> str:
    return user_language()


def _moment_text(moment: dt.datetime, lang: str, tz: dt.tzinfo | None) -> str:
    """A moment on the terminal's wall clock: 令和8年11月26日 10時00分 / 2026-11-26 10:00."""
    if moment.tzinfo is not None and tz is not None:
        moment = moment.astimezone(tz)
    return moment.strftime("%Y-%m-%d %H:%M") if lang == "en" else format_wareki_datetime(moment)


def _shown(f: FieldSpec, value: object, lang: str, tz: dt.tzinfo | None) -> str:
    """A stored value as the terminal prints it; dates in 和暦 for Japanese readers.

    ``--json`` keeps the stored ISO values: it is for programs, this is for people.
    """
    if value is None or value == "":
        return ""
    if f.type == "datetime":
        return _moment_text(dt.datetime.fromisoformat(str(value)), lang, tz)
    if f.type == "date":
        day = dt.date.fromisoformat(str(value))
        return day.isoformat() if lang == "en" else format_wareki(day)
    return f.display(value, lang)


def _values(args: argparse.Namespace) -> dict[str, str]:
    return {k[len("field__"):]: v for k, v in vars(args).items() if k.startswith("field__") and v is not None}


def _need_kind(args: argparse.Namespace) -> RegisterSpec:
    if not getattr(args, "kind", None):
        raise InvalidInput("種類", "kind", "台帳の種類を指定してください（例: tokki add people --help）",
                           "give the register (e.g. tokki add people --help)")
    return spec_for(args.kind)


def cmd_add(args: argparse.Namespace, ctx: Any) -> int:
    spec = _need_kind(args)
    new_id = repository.add(ctx.session(), spec.kind, _values(args))
    if args.json:
        ctx.print(json.dumps(repository.get(ctx.session(), spec.kind, new_id), ensure_ascii=False))
    else:
        ctx.print(new_id)
    return 0


def cmd_edit(args: argparse.Namespace, ctx: Any) -> int:
    spec = _need_kind(args)
    changed = repository.update(ctx.session(), spec.kind, args.id, _values(args))
    if args.json:
        ctx.print(json.dumps(repository.get(ctx.session(), spec.kind, args.id), ensure_ascii=False))
    else:
        en = _lang() == "en"
        names = ", ".join(spec.field(n).label(_lang()) for n in changed if spec.has_field(n))
        ctx.print(f"{'changed' if en else '変更'}: {names or ('nothing' if en else 'なし')}")
    return 0


def _parse_where(spec: RegisterSpec, items: list[str]) -> dict[str, str]:
    filters: dict[str, str] = {}
    for item in items:
        name, sep, value = item.partition("=")
        if not sep:
            raise InvalidInput("--where", "--where", "「項目=値」の形で指定してください", "use FIELD=VALUE")
        filters[name.strip().replace("-", "_")] = value
    return filters


def _list_columns(spec: RegisterSpec) -> list[str]:
    """The columns a terminal list shows: the title and short fields, at most eight."""
    names = [spec.title_field]
    for f in spec.fields:
        if f.name not in names and f.type != "longtext" and f.name != "contract_id":
            names.append(f.name)
    return names[:8]


def reading_session(ctx: Any) -> Any:
    """The session of a read command (status, list, show) with the README's defaults.

    Without ``--data-dir`` and with no ledger in the user data folder, the demo ledger is read
    when there is one (said on stderr); on the demo ledger without ``--user`` its officer reads
    it, with the demo's published passphrase unless TOKKI_PASSPHRASE says otherwise. Anything
    else missing is named exactly (which option, with an example).
    """
    from tokki_desktop.demo import DEMO_LOGIN, DEMO_PASSPHRASE, demo_data_dir
    from tokki_desktop.errors import KnownError
    from tokki_desktop.paths import LedgerFiles

    args = ctx.args
    if not args.data_dir and not LedgerFiles(ctx.data_dir).exists() and LedgerFiles(demo_data_dir()).exists():
        args.data_dir = str(demo_data_dir())
        print("tokki: " + ("showing the demo ledger (give --data-dir DIR for another)" if _lang() == "en"
                           else "デモ台帳を表示しています（別の台帳は --data-dir フォルダ で指定します）"), file=sys.stderr)
    on_demo = Path(ctx.data_dir).resolve() == demo_data_dir().resolve()
    if not (args.user or os.environ.get("TOKKI_USER")):
        if not on_demo:
            raise KnownError("ログイン名がありません。--user でログイン名を指定してください"
                             "（例: tokki --user tanaka status）。環境変数 TOKKI_USER でも指定できます。",
                             "No login given: add --user LOGIN (e.g. tokki --user tanaka status), or set TOKKI_USER.")
        args.user = DEMO_LOGIN
        if os.environ.get("TOKKI_PASSPHRASE") is None and ctx._session is None:
            from tokki_desktop.session import unlock

            # Invented data; the README and the login window print this passphrase.
            ctx._session = unlock(ctx.data_dir, DEMO_LOGIN, DEMO_PASSPHRASE)
    return ctx.session()


def cmd_list(args: argparse.Namespace, ctx: Any) -> int:
    spec = spec_for(args.kind)
    session = reading_session(ctx)
    rows = repository.list_records(session, spec.kind, filters=_parse_where(spec, args.where),
                                   include_closed=args.all, offset=args.offset, limit=args.limit,
                                   search=args.search, order_by=args.order_by, descending=args.desc)
    if args.json:
        ctx.print(json.dumps(rows, ensure_ascii=False))
        return 0
    lang = _lang()
    tz = session.clock.now().tzinfo
    cols = _list_columns(spec)
    ctx.print("\t".join(["ID", *(spec.field(c).label(lang) for c in cols)]))
    lines = []
    for r in rows:
        cells = [str(r["id"]) + (" (closed)" if r.get("closed_at") else "")]
        cells += [_shown(spec.field(c), r.get(c), lang, tz).replace("\t", " ").replace("\n", " ") for c in cols]
        lines.append("\t".join(cells))
    if lines:
        ctx.print("\n".join(lines))
    return 0


def cmd_show(args: argparse.Namespace, ctx: Any) -> int:
    spec = spec_for(args.kind)
    session = reading_session(ctx)
    record = repository.get(session, spec.kind, args.id)
    entries = repository.history(session, spec.kind, args.id)
    if args.json:
        ctx.print(json.dumps({"record": record, "history": [e.__dict__ for e in entries]}, ensure_ascii=False))
        return 0
    lang = _lang()
    tz = session.clock.now().tzinfo
    ctx.print(f"{spec.label(lang)} ID {record['id']}")
    for f in spec.fields:
        ctx.print(f"  {f.label(lang)} [{f.name}]: {_shown(f, record.get(f.name), lang, tz)}")
    if record.get("closed_at"):
        closed = _moment_text(dt.datetime.fromisoformat(record["closed_at"]), lang, tz)
        ctx.print(f"  {'closed' if lang == 'en' else '終了'}: {closed} {record['closed_by']} "
                  f"— {record['close_reason']}")
    ctx.print("history:" if lang == "en" else "変更履歴:")
    for e in entries:
        ctx.print(f"  #{e.seq} {e.ts} {e.actor} {e.action} {json.dumps(e.change, ensure_ascii=False)}")
    return 0


def cmd_close(args: argparse.Namespace, ctx: Any) -> int:
    repository.close(ctx.session(), args.kind, args.id, args.reason)
    ctx.print("closed" if _lang() == "en" else "終了しました")
    return 0


def _export_password() -> str:
    value = os.environ.get("TOKKI_EXPORT_PASSWORD")
    if value is not None:
        return value
    if not sys.stdin or not sys.stdin.isatty():
        raise InvalidInput("パスワード", "password", "TOKKI_EXPORT_PASSWORD を設定するか、端末から入力してください",
                           "set TOKKI_EXPORT_PASSWORD or run in a terminal")
    first = getpass.getpass("書き出しのパスワード / export password: ")
    again = getpass.getpass("もう一度 / again: ")
    if first != again:
        raise InvalidInput("パスワード", "password", "2回の入力が一致しません", "the two entries differ")
    return first


def cmd_export(args: argparse.Namespace, ctx: Any) -> int:
    from tokki_desktop.registers.export import check_password, export_bundle

    session = ctx.session()
    session.ledger.require_officer(session.user, "台帳の書き出し", "export the registers")
    password = _export_password()
    check_password(password)
    files = export_bundle(session, Path(args.path), password)
    total = sum(f.rows for f in files)
    if _lang() == "en":
        ctx.print(f"wrote {len(files)} registers ({total} rows) and manifest.json, AES-256 encrypted")
    else:
        ctx.print(f"{len(files)}台帳（{total}件）と manifest.json を AES-256 で暗号化して書き出しました")
    return 0


def cmd_status(args: argparse.Namespace, ctx: Any) -> int:
    session = reading_session(ctx)
    report = evaluate(session)
    if args.json:
        ctx.print(json.dumps(report.to_dict(), ensure_ascii=False))
    else:
        lang = _lang()
        en = lang == "en"
        ctx.print("\t".join(["Art.", "Title", "Status", "Open", "Most urgent"] if en
                            else ["条", "見出し", "状態", "件数", "最も急ぐもの"]))
        for a in report.articles.values():
            label_ja, label_en = SEVERITY_LABELS[a.status]
            status = label_en if en else label_ja
            if not a.checked:
                status = "not checked" if en else "対象外"
            urgent = a.most_urgent
            tail = ""
            if a.unregistered:
                tail = a.todo(lang)
            elif urgent is not None:
                tail = f"{urgent.shown(lang)} → {urgent.next_action(lang)}"  # names; ids stay in --json
            ctx.print("\t".join([f"{a.article}" if en else f"第{a.article}条", a.title_en if en else a.title_ja,
                                 status, str(a.open_count), tail]))
        # A printed status is evidence of a moment: say which one (after the table, so the
        # header stays the first line for anyone reading the columns).
        when = _moment_text(report.generated_at, lang, session.clock.now().tzinfo)
        ctx.print(f"as of {when}" if en else f"{when} 現在")
    if args.strict and any(f.severity in ("overdue", "violation") for f in report.findings):
        return 1
    return 0

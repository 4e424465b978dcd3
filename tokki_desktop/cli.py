"""``tokki``: the stable, scriptable command line (used by tests and benchmarks too).

Exit codes: 0 success; 1 ``verify`` found a problem (or a scan found personal data);
2 usage or known error, with a one-line message in the user's language.
"""

from __future__ import annotations

import argparse
import getpass
import importlib
import logging
import os
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, TextIO

from tokki_desktop import __version__
from tokki_desktop.errors import InvalidInput, KnownError, user_language
from tokki_desktop.paths import default_data_dir
from tokki_desktop.private_files import set_private_umask

log = logging.getLogger("tokki")

# Each part registers its own sub-commands: module.register(sub, parent).
COMMAND_MODULES = [
    "tokki_desktop.vault.cli",
    "tokki_desktop.registers.cli",
    "tokki_desktop.scanner.cli",
    "tokki_desktop.monitor.cli",
    "tokki_desktop.forms.cli",
    "tokki_desktop.site.cli",
]


@dataclass
class CliContext:
    """What a command handler needs: where the ledger is, who is asking, where to print."""

    args: argparse.Namespace
    out: TextIO = field(default_factory=lambda: sys.stdout)
    _session: object | None = None

    @property
    def data_dir(self) -> Path:
        return Path(self.args.data_dir) if self.args.data_dir else default_data_dir()

    def passphrase(self, prompt: str = "パスフレーズ / passphrase: ") -> str:
        value = os.environ.get("TOKKI_PASSPHRASE")
        if value is not None:
            return value
        if not sys.stdin or not sys.stdin.isatty():
            raise InvalidInput("パスフレーズ", "passphrase", "TOKKI_PASSPHRASE を設定するか、端末から入力してください",
                               "set TOKKI_PASSPHRASE or run in a terminal")
        return getpass.getpass(prompt)

    def login(self) -> str:
        login = self.args.user or os.environ.get("TOKKI_USER")
        if not login:
            raise InvalidInput("利用者", "user", "--user でログイン名を指定してください",
                               "give your login with --user")
        return login

    def session(self):
        """Unlock the ledger once per command (passphrase from the environment or a prompt)."""
        if self._session is None:
            from tokki_desktop.session import unlock

            self._session = unlock(self.data_dir, self.login(), self.passphrase())
        return self._session

    def close(self) -> None:
        if self._session is not None:
            self._session.close()  # type: ignore[attr-defined]
            self._session = None

    def print(self, *parts: object) -> None:
        print(*parts, file=self.out)


def build_parser() -> argparse.ArgumentParser:
    parent = argparse.ArgumentParser(add_help=False)
    parent.add_argument("--data-dir", default=argparse.SUPPRESS,
                        help="台帳のフォルダ / ledger folder (default: the user data folder)")
    parent.add_argument("--user", default=argparse.SUPPRESS, help="ログイン名 / login")
    parser = argparse.ArgumentParser(
        prog="tokki", description="Tokki Desktop — 個人情報取扱特記事項の台帳・監視・様式 / "
                                  "Tokki Desktop — ledger, monitor and forms for the special provisions",
        parents=[parent])
    parser.add_argument("--version", action="version", version=f"tokki {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        module = _import_part(name)
        if module is not None:
            module.register(sub, parent)
    _one_language(parser, user_language())
    return parser


# The Japanese half, a slash, the English half ("監視フォルダ / watched folders").
_HALVES = re.compile(r"\s*/\s+(?=[A-Za-z(`'\"-])")


_JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")


class _JapaneseHelp(argparse.HelpFormatter):
    """argparse's own words (usage:) in Japanese; the rest is ours."""

    def add_usage(self, usage, actions, groups, prefix=None):  # type: ignore[no-untyped-def]
        super().add_usage(usage, actions, groups, prefix="使い方: " if prefix is None else prefix)


def _pick(text: str | None, lang: str) -> str | None:
    """``台帳のフォルダ / ledger folder`` → the half in ``lang`` (help is written "ja / en")."""
    if not text or text is argparse.SUPPRESS:
        return text
    halves = _HALVES.split(text, maxsplit=1)
    if len(halves) != 2 or _JAPANESE.search(halves[1]):
        return text  # not "ja / en" (a path, a choice list with Japanese labels): as written
    return halves[1].strip() if lang == "en" else halves[0].strip()


def _one_language(parser: argparse.ArgumentParser, lang: str, seen: set[int] | None = None) -> None:
    """Help in one language at a time (TOKKI_LANG), for the parser and every sub-command."""
    seen = set() if seen is None else seen
    if id(parser) in seen:
        return
    seen.add(id(parser))
    parser.description = _pick(parser.description, lang)
    if lang == "ja":
        parser.formatter_class = _JapaneseHelp
        for group in parser._action_groups:  # noqa: SLF001 - argparse has no public setter
            group.title = {"positional arguments": "引数", "options": "オプション"}.get(group.title or "", group.title)
    for action in parser._actions:  # noqa: SLF001
        if isinstance(action, argparse._HelpAction) and lang == "ja":  # noqa: SLF001
            action.help = "このヘルプを表示して終了します"
        elif isinstance(action, argparse._VersionAction) and lang == "ja":  # noqa: SLF001
            action.help = "版を表示して終了します"
        else:
            action.help = _pick(action.help, lang)
        if isinstance(action, argparse._SubParsersAction):  # noqa: SLF001
            for choice in action._choices_actions:  # noqa: SLF001 - the sub-commands' one-line help
                choice.help = _pick(choice.help, lang)
            for child in action.choices.values():
                _one_language(child, lang, seen)


def _import_part(name: str):
    try:
        return importlib.import_module(name)
    except ModuleNotFoundError as exc:
        if exc.name and (name == exc.name or name.startswith(exc.name + ".")):
            return None  # this part is not in this build

        raise


def main(argv: list[str] | None = None, out: TextIO | None = None) -> int:
    logging.basicConfig(level=os.environ.get("TOKKI_LOG", "WARNING").upper(),
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s", stream=sys.stderr)
    parser = build_parser()
    args = parser.parse_args(argv)
    for attr in ("data_dir", "user"):
        if not hasattr(args, attr):
            setattr(args, attr, None)
    if not getattr(args, "func", None):
        parser.print_help(out or sys.stdout)
        return 2
    ctx = CliContext(args, out or sys.stdout)
    # Whatever the caller's umask, what a command writes is for this user only.
    put_back_umask = set_private_umask()
    try:
        code = int(args.func(args, ctx) or 0)
        if getattr(ctx._session, "read_only", False):
            from tokki_desktop.errors import LedgerReadOnly

            # A read worked on a ledger with a damaged page: say so once (a write says it itself).
            print(f"tokki: {LedgerReadOnly().message(user_language())}", file=sys.stderr)
        return code
    except KnownError as exc:
        print(f"tokki: {exc.message(user_language())}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("tokki: 中断しました / interrupted", file=sys.stderr)
        return 130
    except Exception:  # noqa: BLE001 - a bug: apologise, log the traceback (no personal data)
        log.exception("unexpected error in %s", getattr(args, "command", "?"))
        print("tokki: 予期しないエラーが発生しました。申し訳ありません。ログを担当者に送ってください。 / "
              "An unexpected error occurred; sorry. Please send the log to support.", file=sys.stderr)
        return 3
    finally:
        ctx.close()
        put_back_umask()


Handler = Callable[[argparse.Namespace, CliContext], int]

if __name__ == "__main__":
    raise SystemExit(main())

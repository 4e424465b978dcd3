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
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, TextIO

from tokki_desktop import __version__
from tokki_desktop.errors import InvalidInput, KnownError, user_language
from tokki_desktop.paths import default_data_dir

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
        prog="tokki", description="Tokki Desktop — 個人情報取扱特記事項の台帳・監視・様式",
        parents=[parent])
    parser.add_argument("--version", action="version", version=f"tokki {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        module = _import_part(name)
        if module is not None:
            module.register(sub, parent)
    return parser


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
    try:
        return int(args.func(args, ctx) or 0)
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


Handler = Callable[[argparse.Namespace, CliContext], int]

if __name__ == "__main__":
    raise SystemExit(main())

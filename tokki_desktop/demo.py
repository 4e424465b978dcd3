"""The demo ledger: a believable work site to try the product on (fake people only)."""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from pathlib import Path

from tokki_desktop.paths import LedgerFiles, default_data_dir

DEMO_LOGIN = "tanaka"
DEMO_NAME = "田中 一郎"
DEMO_PASSPHRASE = "tokki-demo-2026"
DEMO_CLIENT = "小金井市"
DEMO_CONTRACT = "令和8年度 住民税課税資料データ入力業務委託"
DEMO_CONTRACTOR = "株式会社とっきデータサービス"

# Each part fills its registers: populate(session). Called once, on creation.
DEMO_POPULATORS: list[str] = ["tokki_desktop.registers.demo:populate", "tokki_desktop.monitor.demo:populate"]


@dataclass(frozen=True)
class DemoInfo:
    """How to log in to the demo ledger (shown on screen; the data is invented)."""

    login: str
    passphrase: str
    data_dir: Path
    created: bool


def demo_data_dir() -> Path:
    """The local folder of the demo ledger, beside (never inside) the real one."""
    base = default_data_dir()
    return base.with_name(base.name + "-demo")


def create_demo(data_dir: Path | None = None) -> DemoInfo:
    """Create the demo ledger unless it exists; return the demo officer's login."""
    from tokki_desktop.session import create_ledger

    data_dir = Path(data_dir) if data_dir else demo_data_dir()
    if LedgerFiles(data_dir).exists():
        return DemoInfo(DEMO_LOGIN, DEMO_PASSPHRASE, data_dir, created=False)
    session, _recovery = create_ledger(
        data_dir, client=DEMO_CLIENT, contract=DEMO_CONTRACT, contractor=DEMO_CONTRACTOR,
        officer_login=DEMO_LOGIN, officer_name=DEMO_NAME, passphrase=DEMO_PASSPHRASE)
    try:
        for spec in DEMO_POPULATORS:
            module, _, name = spec.partition(":")
            try:
                mod = importlib.import_module(module)
            except ModuleNotFoundError as exc:
                if exc.name and module.startswith(exc.name):
                    continue  # that part is not in this build
                raise
            getattr(mod, name)(session)
    finally:
        session.close()
    return DemoInfo(DEMO_LOGIN, DEMO_PASSPHRASE, data_dir, created=True)

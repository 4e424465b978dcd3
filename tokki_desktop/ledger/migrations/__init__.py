"""Numbered schema migrations, recorded in ``PRAGMA user_version``.

Each module ``mNNNN_name.py`` here has ``VERSION = N`` and ``upgrade(conn)``. They run in
order, each in its own transaction with an audit record. Before an existing ledger is
migrated, an encrypted copy is written and verified (see ``ledger.backup``).
"""

from __future__ import annotations

import importlib
import pkgutil
from types import ModuleType
from typing import Callable

import sqlcipher3

from tokki_desktop.ledger.db import Actor, Ledger

MIGRATOR = Actor("schema", "スキーマ更新", "system")


class MigrationConnection:
    """What ``upgrade(conn)`` gets: ``execute`` and a transaction-safe ``executescript``.

    The driver's own ``executescript`` commits the open transaction first, which would
    break the all-or-nothing migration; this one runs the statements one by one inside it.
    """

    def __init__(self, conn: sqlcipher3.Connection) -> None:
        self._conn = conn

    def execute(self, sql: str, params: tuple | dict = ()):
        return self._conn.execute(sql, params)

    def executemany(self, sql: str, rows):
        return self._conn.executemany(sql, rows)

    def executescript(self, script: str) -> None:
        buffer = ""
        for line in script.splitlines(keepends=True):
            buffer += line
            if sqlcipher3.complete_statement(buffer):
                if buffer.strip():
                    self._conn.execute(buffer)
                buffer = ""
        if buffer.strip().strip(";").strip():
            raise ValueError("incomplete SQL statement at the end of a migration script")


def all_migrations() -> list[ModuleType]:
    mods = []
    for info in pkgutil.iter_modules(__path__):
        if info.name.startswith("m") and info.name[1:5].isdigit():
            mods.append(importlib.import_module(f"{__name__}.{info.name}"))
    mods.sort(key=lambda m: m.VERSION)
    versions = [m.VERSION for m in mods]
    if len(set(versions)) != len(versions):
        raise RuntimeError(f"two migrations share a version: {versions}")
    return mods


def latest_version() -> int:
    mods = all_migrations()
    return mods[-1].VERSION if mods else 0


def pending(ledger: Ledger) -> list[ModuleType]:
    current = ledger.schema_version()
    return [m for m in all_migrations() if m.VERSION > current]


def migrate(ledger: Ledger, before_first: Callable[[int, int], None] | None = None) -> list[int]:
    """Apply pending migrations; ``before_first(current, target)`` runs once before any."""
    todo = pending(ledger)
    if not todo:
        return []
    current = ledger.schema_version()
    if before_first is not None:
        before_first(current, todo[-1].VERSION)
    done = []
    for mod in todo:
        with ledger.transaction(MIGRATOR) as tx:
            mod.upgrade(MigrationConnection(tx.conn))
            ledger.forget_schema_cache()
            tx.conn.execute(f"PRAGMA user_version = {int(mod.VERSION)}")
            if ledger.read_one("SELECT name FROM sqlite_master WHERE name='audit_log'", ()) is not None:
                tx.event("schema_upgrade", change={"version": mod.VERSION,
                                                   "name": mod.__name__.rsplit(".", 1)[-1]})
        done.append(mod.VERSION)
    return done

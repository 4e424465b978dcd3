"""The encrypted ledger: connection, migrations, audit chain, users, backup."""

from tokki_desktop.ledger.db import Actor, Ledger, Tx

__all__ = ["Actor", "Ledger", "Tx"]

"""Child process for the kill -9 test: writes audited records in a loop, acknowledging each.

After each committed transaction it prints ``ack N`` (flushed). The parent kills it with
SIGKILL at a random moment, reopens the ledger and checks that every acknowledged record
is there and the audit chain verifies.
"""

from __future__ import annotations

import sys
from pathlib import Path

from tokki_desktop.session import unlock


def main(data_dir: str, login: str, passphrase: str, start: int) -> None:
    session = unlock(Path(data_dir), login, passphrase)
    n = start
    print("ready", flush=True)
    while True:
        n += 1
        with session.ledger.transaction(session.user) as tx:
            tx.insert("settings", {"key": f"crash.{n}", "value": "x" * (n % 300)})
        print(f"ack {n}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]))

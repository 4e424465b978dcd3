"""Fingerprints kept in the encrypted ledger, keyed with the ledger's "fingerprint" subkey."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from tokki_desktop.errors import InvalidInput
from tokki_desktop.scanner.fingerprints import DIGEST_BYTES, DatasetInfo, DatasetPrints, FingerprintMatcher
from tokki_desktop.scanner.registering import prints_of_files

# Digests per blob row: 4096 × 16 bytes = 64 KiB, a comfortable SQLite row.
DIGESTS_PER_ROW = 4096


class LedgerFingerprintStore:
    """Registered datasets in the ledger (tables of migration 3); thread-safe.

    The matcher is a snapshot loaded once and rebuilt after :meth:`add_dataset`, so worker
    threads of the monitor can scan with it while the ledger stays untouched.
    """

    def __init__(self, session: Any) -> None:
        self._session = session
        self._key = session.subkey("fingerprint")
        self._lock = threading.Lock()
        self._matcher: FingerprintMatcher | None = None

    def add_dataset(self, name: str, files: list[Path]) -> DatasetPrints:
        """Register a dataset handed over by the city (an officer's action; audited).

        Officer only: a registered dataset decides what the monitor reports as a copy of
        the city's data, so a handler must not be able to add one.
        """
        self._session.ledger.require_officer(self._session.user, "指紋（預かったデータ）の登録",
                                             "register a dataset's fingerprints")
        name = name.strip()
        if not name or len(name) > 200:
            raise InvalidInput("データセット名", "dataset name", "1〜200文字で入力してください", "use 1 to 200 characters")
        if self._session.ledger.read_one(
                "SELECT 1 FROM fingerprint_datasets WHERE name = ? AND closed_at IS NULL", (name,)):
            raise InvalidInput("データセット名", "dataset name", f"「{name}」は既に登録されています",
                               f"'{name}' is already registered")
        prints = prints_of_files(name, [Path(f) for f in files], self._key)
        with self._session.ledger.transaction(self._session.user) as tx:
            ds = tx.insert("fingerprint_datasets", {
                "name": name, "rows": prints.rows, "value_count": len(prints.values),
                "record_count": len(prints.records)}, action="fingerprint_dataset_added")
            for sha, size in sorted(prints.files.items()):
                tx.insert("fingerprint_files", {"dataset_id": ds, "sha256": sha, "bytes": size})
            for kind, digests in (("value", prints.values), ("record", prints.records)):
                ordered = sorted(digests)
                for i in range(0, len(ordered), DIGESTS_PER_ROW):
                    tx.insert("fingerprint_digests", {"dataset_id": ds, "kind": kind,
                                                      "digests": b"".join(ordered[i:i + DIGESTS_PER_ROW])})
        with self._lock:
            self._matcher = None
        return prints

    def close_dataset(self, name: str) -> None:
        """Stop matching a dataset (returned or disposed of); its records stay in the ledger."""
        row = self._session.ledger.read_one(
            "SELECT id FROM fingerprint_datasets WHERE name = ? AND closed_at IS NULL", (name,))
        if row is None:
            raise InvalidInput("データセット名", "dataset name", f"「{name}」は登録されていません",
                               f"'{name}' is not registered")
        with self._session.ledger.transaction(self._session.user) as tx:
            tx.update("fingerprint_datasets", int(row[0]), {"closed_at": tx.now, "closed_by": tx.actor.login},
                      action="fingerprint_dataset_closed")
        with self._lock:
            self._matcher = None

    def list_datasets(self) -> list[DatasetInfo]:
        rows = self._session.ledger.read(
            "SELECT id, name, value_count, record_count FROM fingerprint_datasets "
            "WHERE closed_at IS NULL ORDER BY id")
        return [DatasetInfo(int(r[0]), r[1], int(r[2]), int(r[3])) for r in rows]

    def dataset_rows(self) -> list[dict[str, Any]]:
        """What ``tokki fingerprint list`` shows (counts and dates, never values)."""
        rows = self._session.ledger.read(
            "SELECT d.id, d.name, d.rows, d.value_count, d.record_count, d.created_at, d.created_by,"
            " (SELECT COUNT(*) FROM fingerprint_files f WHERE f.dataset_id = d.id) AS files"
            " FROM fingerprint_datasets d WHERE d.closed_at IS NULL ORDER BY d.id")
        return [dict(zip(("id", "name", "rows", "values", "records", "created_at", "created_by", "files"), r))
                for r in rows]

    def matcher(self) -> FingerprintMatcher:
        with self._lock:
            if self._matcher is None:
                self._matcher = self._load()
            return self._matcher

    def _load(self) -> FingerprintMatcher:
        infos = self.list_datasets()
        values: dict[bytes, tuple[int, ...]] = {}
        records: dict[bytes, tuple[int, ...]] = {}
        files: dict[str, int] = {}
        ids = {i.ident for i in infos}
        for ds, kind, blob in self._session.ledger.read(
                "SELECT dataset_id, kind, digests FROM fingerprint_digests ORDER BY id"):
            if ds not in ids:
                continue
            target = values if kind == "value" else records
            blob = bytes(blob)
            for j in range(0, len(blob), DIGEST_BYTES):
                h = blob[j:j + DIGEST_BYTES]
                target[h] = target.get(h, ()) + (ds,)
        for ds, sha in self._session.ledger.read("SELECT dataset_id, sha256 FROM fingerprint_files"):
            if ds in ids:
                files.setdefault(sha, ds)
        version = "ledger:" + ",".join(str(i.ident) for i in infos)
        return FingerprintMatcher(self._key, infos, values, records, files, version)

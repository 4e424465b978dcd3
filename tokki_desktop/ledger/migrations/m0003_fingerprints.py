"""Scanner fingerprints (Art. 16): registered datasets, their files' SHA-256, keyed digests.

Only HMAC digests (key: ``session.subkey("fingerprint")``) of normalised values and records
are stored, packed 16 bytes each into blobs; never the values. Rows are never deleted: a
dataset no longer in use is closed.
"""

VERSION = 3


def upgrade(conn) -> None:
    conn.executescript(
        """
        CREATE TABLE fingerprint_datasets (
            id           INTEGER PRIMARY KEY,
            name         TEXT NOT NULL,
            rows         INTEGER NOT NULL,
            value_count  INTEGER NOT NULL,
            record_count INTEGER NOT NULL,
            created_at   TEXT NOT NULL,
            created_by   TEXT NOT NULL,
            updated_at   TEXT,
            updated_by   TEXT,
            closed_at    TEXT,
            closed_by    TEXT
        );
        CREATE UNIQUE INDEX fingerprint_datasets_open_name
            ON fingerprint_datasets (name) WHERE closed_at IS NULL;

        CREATE TABLE fingerprint_files (
            id          INTEGER PRIMARY KEY,
            dataset_id  INTEGER NOT NULL REFERENCES fingerprint_datasets(id),
            sha256      TEXT NOT NULL,
            bytes       INTEGER NOT NULL,
            created_at  TEXT NOT NULL,
            created_by  TEXT NOT NULL
        );
        CREATE INDEX fingerprint_files_sha ON fingerprint_files (sha256);

        CREATE TABLE fingerprint_digests (
            id          INTEGER PRIMARY KEY,
            dataset_id  INTEGER NOT NULL REFERENCES fingerprint_datasets(id),
            kind        TEXT NOT NULL CHECK (kind IN ('value', 'record')),
            digests     BLOB NOT NULL,
            created_at  TEXT NOT NULL,
            created_by  TEXT NOT NULL
        );
        CREATE INDEX fingerprint_digests_dataset ON fingerprint_digests (dataset_id);

        CREATE TRIGGER fingerprint_datasets_no_delete BEFORE DELETE ON fingerprint_datasets
            BEGIN SELECT RAISE(ABORT, 'fingerprint records are closed, never deleted'); END;
        CREATE TRIGGER fingerprint_files_no_delete BEFORE DELETE ON fingerprint_files
            BEGIN SELECT RAISE(ABORT, 'fingerprint records are closed, never deleted'); END;
        CREATE TRIGGER fingerprint_digests_no_delete BEFORE DELETE ON fingerprint_digests
            BEGIN SELECT RAISE(ABORT, 'fingerprint records are closed, never deleted'); END;
        CREATE TRIGGER fingerprint_digests_no_update BEFORE UPDATE ON fingerprint_digests
            BEGIN SELECT RAISE(ABORT, 'fingerprint digests are never changed'); END;
        """
    )

"""Work site schema: the site's terminals, the bundles they delivered, gaps and refusals.

A terminal is enrolled from this ledger (``tokki site enrol``) and reports through a drop
folder. ``site_bundles`` keeps one row per accepted bundle (terminal, sequence number,
hash): importing the same bundle again is then recognised, and a missing number is a gap.
Refused bundles are recorded in ``site_refusals`` (the file itself is kept aside as
evidence). Detections and media events from a terminal carry its name in ``terminal``.
"""

VERSION = 5


def upgrade(conn) -> None:
    conn.executescript(
        """
        CREATE TABLE site_terminals (
            id                 INTEGER PRIMARY KEY,
            terminal_uid       TEXT NOT NULL UNIQUE,
            name               TEXT NOT NULL,
            sealed_key         BLOB NOT NULL,
            drop_folder        TEXT NOT NULL,
            watch_paths        TEXT NOT NULL,
            heartbeat_seconds  INTEGER NOT NULL,
            allowance_seconds  INTEGER NOT NULL,
            status             TEXT NOT NULL CHECK (status IN ('enrolled', 'active', 'revoked')),
            enrolled_at        TEXT NOT NULL,
            joined_at          TEXT,
            revoked_at         TEXT,
            last_seq           INTEGER NOT NULL DEFAULT 0,
            last_hash          TEXT NOT NULL DEFAULT '',
            last_heartbeat_at  TEXT,
            last_received_at   TEXT,
            clock_ahead_seconds INTEGER,
            running            INTEGER NOT NULL DEFAULT 0 CHECK (running IN (0, 1)),
            policy_version     INTEGER NOT NULL DEFAULT 1,
            policy_hash        TEXT NOT NULL DEFAULT '',
            policy_applied     INTEGER NOT NULL DEFAULT 0,
            created_at         TEXT NOT NULL,
            created_by         TEXT NOT NULL,
            updated_at         TEXT,
            updated_by         TEXT
        );
        CREATE TRIGGER site_terminals_no_delete BEFORE DELETE ON site_terminals
            BEGIN SELECT RAISE(ABORT, 'terminals are revoked, never deleted'); END;

        CREATE TABLE site_bundles (
            id           INTEGER PRIMARY KEY,
            terminal_id  INTEGER NOT NULL REFERENCES site_terminals(id),
            seq          INTEGER NOT NULL,
            bundle_hash  TEXT NOT NULL,
            records      INTEGER NOT NULL,
            made_at      TEXT,
            created_at   TEXT NOT NULL,
            created_by   TEXT NOT NULL,
            UNIQUE (terminal_id, seq)
        );
        CREATE TRIGGER site_bundles_no_delete BEFORE DELETE ON site_bundles
            BEGIN SELECT RAISE(ABORT, 'site records are never deleted'); END;

        CREATE TABLE site_gaps (
            id           INTEGER PRIMARY KEY,
            terminal_id  INTEGER NOT NULL REFERENCES site_terminals(id),
            seq_from     INTEGER NOT NULL,
            seq_to       INTEGER NOT NULL,
            found_at     TEXT NOT NULL,
            filled_at    TEXT,
            created_at   TEXT NOT NULL,
            created_by   TEXT NOT NULL,
            updated_at   TEXT,
            updated_by   TEXT
        );
        CREATE TRIGGER site_gaps_no_delete BEFORE DELETE ON site_gaps
            BEGIN SELECT RAISE(ABORT, 'site records are never deleted'); END;

        CREATE TABLE site_refusals (
            id           INTEGER PRIMARY KEY,
            file_name    TEXT NOT NULL,
            reason       TEXT NOT NULL,
            terminal_uid TEXT,
            seq          INTEGER,
            kept_as      TEXT NOT NULL,
            created_at   TEXT NOT NULL,
            created_by   TEXT NOT NULL
        );
        CREATE TRIGGER site_refusals_no_delete BEFORE DELETE ON site_refusals
            BEGIN SELECT RAISE(ABORT, 'site records are never deleted'); END;

        ALTER TABLE monitor_detections ADD COLUMN terminal TEXT;
        ALTER TABLE monitor_media_events ADD COLUMN terminal TEXT;
        """
    )

"""Monitor schema: watched folders, detections, quarantine, runs (heartbeat), gaps,
media arrivals, inventory scans.

Rows are never deleted (triggers). Every row that the monitor writes from its spool has a
``record_uid`` (UNIQUE), so importing the same spool record twice — after a crash between
the commit and the spool file's removal — cannot double it.
"""

VERSION = 4


def upgrade(conn) -> None:
    conn.executescript(
        """
        CREATE TABLE monitor_folders (
            id          INTEGER PRIMARY KEY,
            path        TEXT NOT NULL,
            place       TEXT NOT NULL,
            polling     INTEGER NOT NULL DEFAULT 0 CHECK (polling IN (0, 1)),
            created_at  TEXT NOT NULL,
            created_by  TEXT NOT NULL,
            updated_at  TEXT,
            updated_by  TEXT,
            closed_at   TEXT,
            closed_by   TEXT,
            close_reason TEXT
        );
        CREATE TRIGGER monitor_folders_no_delete BEFORE DELETE ON monitor_folders
            BEGIN SELECT RAISE(ABORT, 'monitor records are closed, never deleted'); END;

        CREATE TABLE monitor_detections (
            id            INTEGER PRIMARY KEY,
            record_uid    TEXT NOT NULL UNIQUE,
            dedupe_key    TEXT NOT NULL,
            detected_at   TEXT NOT NULL,
            place_kind    TEXT NOT NULL CHECK (place_kind IN ('folder', 'medium')),
            place         TEXT NOT NULL,
            root          TEXT NOT NULL,
            volume_id     TEXT,
            media_id      INTEGER REFERENCES media(id),
            path          TEXT NOT NULL,
            size          INTEGER,
            content_hash  TEXT,
            verdict       TEXT NOT NULL,
            score         REAL,
            findings      TEXT,
            examples      TEXT,
            dataset       TEXT,
            os_user       TEXT,
            rule          TEXT NOT NULL,
            article       INTEGER NOT NULL,
            severity      TEXT NOT NULL,
            status        TEXT NOT NULL CHECK (status IN ('open', 'allowed', 'resolved')),
            resolution    TEXT CHECK (resolution IN ('approve', 'removed', 'quarantine', 'incident')),
            resolved_at   TEXT,
            resolved_by   TEXT,
            approval_id   INTEGER REFERENCES approvals(id),
            incident_id   INTEGER REFERENCES incidents(id),
            quarantine_id INTEGER,
            created_at    TEXT NOT NULL,
            created_by    TEXT NOT NULL,
            updated_at    TEXT,
            updated_by    TEXT
        );
        CREATE INDEX monitor_detections_by_status ON monitor_detections (status);
        CREATE INDEX monitor_detections_by_dedupe ON monitor_detections (dedupe_key, status);
        CREATE TRIGGER monitor_detections_no_delete BEFORE DELETE ON monitor_detections
            BEGIN SELECT RAISE(ABORT, 'monitor records are never deleted'); END;

        CREATE TABLE monitor_quarantine (
            id            INTEGER PRIMARY KEY,
            record_uid    TEXT NOT NULL UNIQUE,
            detection_id  INTEGER REFERENCES monitor_detections(id),
            stored_name   TEXT NOT NULL,
            original_path TEXT NOT NULL,
            size          INTEGER NOT NULL,
            content_hash  TEXT NOT NULL,
            status        TEXT NOT NULL CHECK (status IN ('held', 'restored')),
            restored_at   TEXT,
            restored_to   TEXT,
            created_at    TEXT NOT NULL,
            created_by    TEXT NOT NULL,
            updated_at    TEXT,
            updated_by    TEXT
        );
        CREATE TRIGGER monitor_quarantine_no_delete BEFORE DELETE ON monitor_quarantine
            BEGIN SELECT RAISE(ABORT, 'monitor records are never deleted'); END;

        CREATE TABLE monitor_runs (
            id                INTEGER PRIMARY KEY,
            record_uid        TEXT NOT NULL UNIQUE,
            host              TEXT,
            os_user           TEXT,
            pid               INTEGER,
            started_at        TEXT NOT NULL,
            boot_at           TEXT,
            last_heartbeat_at TEXT,
            stopped_at        TEXT,
            stop_kind         TEXT CHECK (stop_kind IN ('officer', 'shutdown')),
            stopped_by        TEXT,
            created_at        TEXT NOT NULL,
            created_by        TEXT NOT NULL,
            updated_at        TEXT,
            updated_by        TEXT
        );
        CREATE TRIGGER monitor_runs_no_delete BEFORE DELETE ON monitor_runs
            BEGIN SELECT RAISE(ABORT, 'monitor records are never deleted'); END;

        CREATE TABLE monitor_gaps (
            id          INTEGER PRIMARY KEY,
            record_uid  TEXT NOT NULL UNIQUE,
            gap_from    TEXT NOT NULL,
            gap_to      TEXT NOT NULL,
            reason      TEXT NOT NULL,
            created_at  TEXT NOT NULL,
            created_by  TEXT NOT NULL
        );
        CREATE TRIGGER monitor_gaps_no_delete BEFORE DELETE ON monitor_gaps
            BEGIN SELECT RAISE(ABORT, 'monitor records are never deleted'); END;

        CREATE TABLE monitor_media_events (
            id            INTEGER PRIMARY KEY,
            record_uid    TEXT NOT NULL UNIQUE,
            at            TEXT NOT NULL,
            event         TEXT NOT NULL,
            volume_id     TEXT NOT NULL,
            label         TEXT,
            size_bytes    INTEGER,
            device_serial TEXT,
            media_id      INTEGER REFERENCES media(id),
            registered    INTEGER NOT NULL CHECK (registered IN (0, 1)),
            files         INTEGER,
            created_at    TEXT NOT NULL,
            created_by    TEXT NOT NULL
        );
        CREATE TRIGGER monitor_media_events_no_delete BEFORE DELETE ON monitor_media_events
            BEGIN SELECT RAISE(ABORT, 'monitor records are never deleted'); END;

        CREATE TABLE monitor_inventory (
            id            INTEGER PRIMARY KEY,
            record_uid    TEXT NOT NULL UNIQUE,
            kind          TEXT NOT NULL CHECK (kind IN ('roots', 'medium')),
            target        TEXT NOT NULL,
            media_id      INTEGER REFERENCES media(id),
            started_at    TEXT NOT NULL,
            finished_at   TEXT NOT NULL,
            files         INTEGER NOT NULL,
            personal_data INTEGER NOT NULL,
            encrypted     INTEGER NOT NULL,
            unreadable    INTEGER NOT NULL,
            complete      INTEGER NOT NULL CHECK (complete IN (0, 1)),
            created_at    TEXT NOT NULL,
            created_by    TEXT NOT NULL
        );
        CREATE TRIGGER monitor_inventory_no_delete BEFORE DELETE ON monitor_inventory
            BEGIN SELECT RAISE(ABORT, 'monitor records are never deleted'); END;
        """
    )

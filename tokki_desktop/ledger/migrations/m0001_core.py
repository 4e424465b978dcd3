"""Core schema: users, settings, the audit chain."""

VERSION = 1


def upgrade(conn) -> None:
    conn.executescript(
        """
        CREATE TABLE audit_log (
            seq     INTEGER PRIMARY KEY,
            ts      TEXT NOT NULL,
            actor   TEXT NOT NULL,
            action  TEXT NOT NULL,
            tbl     TEXT,
            row_id  INTEGER,
            change  TEXT NOT NULL,
            mac     BLOB NOT NULL
        );
        CREATE INDEX audit_by_row ON audit_log (tbl, row_id);
        -- Records are never edited or deleted; corrections are new records.
        CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit_log
            BEGIN SELECT RAISE(ABORT, 'audit records cannot be changed'); END;
        CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit_log
            BEGIN SELECT RAISE(ABORT, 'audit records cannot be deleted'); END;

        CREATE TABLE users (
            id          INTEGER PRIMARY KEY,
            login       TEXT NOT NULL UNIQUE,
            name        TEXT NOT NULL,
            role        TEXT NOT NULL CHECK (role IN ('officer', 'handler')),
            created_at  TEXT NOT NULL,
            created_by  TEXT NOT NULL,
            updated_at  TEXT,
            updated_by  TEXT,
            disabled_at TEXT
        );
        CREATE TRIGGER users_no_delete BEFORE DELETE ON users
            BEGIN SELECT RAISE(ABORT, 'users are disabled, never deleted'); END;

        CREATE TABLE settings (
            id          INTEGER PRIMARY KEY,
            key         TEXT NOT NULL UNIQUE,
            value       TEXT NOT NULL,
            created_at  TEXT NOT NULL,
            created_by  TEXT NOT NULL,
            updated_at  TEXT,
            updated_by  TEXT
        );
        """
    )

"""Work site schema, part 2: officers' resolutions carried out on a terminal.

``removed`` and ``quarantine`` of a terminal's detection cannot be done on the officer's
PC: the file is on the terminal; nor can a copy quarantined there be restored from here.
The officer's request is a row of ``site_resolutions``
(requested); it travels to the terminal in the sealed policy update, the agent carries it
out and reports back in a bundle (done, or failed with a reason). Quarantined copies and
inventory scans made on a terminal name it in ``terminal`` (the encrypted copy stays on
that terminal).
"""

VERSION = 6


def upgrade(conn) -> None:
    conn.executescript(
        """
        CREATE TABLE site_resolutions (
            id            INTEGER PRIMARY KEY,
            request_uid   TEXT NOT NULL UNIQUE,
            detection_id  INTEGER NOT NULL REFERENCES monitor_detections(id),
            terminal_id   INTEGER NOT NULL REFERENCES site_terminals(id),
            kind          TEXT NOT NULL CHECK (kind IN ('removed', 'quarantine', 'restore')),
            quarantine_id INTEGER REFERENCES monitor_quarantine(id),
            state         TEXT NOT NULL CHECK (state IN ('requested', 'done', 'failed')),
            reason        TEXT,
            requested_by  TEXT NOT NULL,
            requested_at  TEXT NOT NULL,
            finished_at   TEXT,
            created_at    TEXT NOT NULL,
            created_by    TEXT NOT NULL,
            updated_at    TEXT,
            updated_by    TEXT
        );
        CREATE TRIGGER site_resolutions_no_delete BEFORE DELETE ON site_resolutions
            BEGIN SELECT RAISE(ABORT, 'site records are never deleted'); END;

        ALTER TABLE monitor_quarantine ADD COLUMN terminal TEXT;
        ALTER TABLE monitor_inventory ADD COLUMN terminal TEXT;
        """
    )

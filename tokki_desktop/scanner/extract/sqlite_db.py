"""SQLite database files: every table, under its column names, read like a sheet.

An application's own database (``app.db``, ``development.sqlite3``) copied onto a medium is
a roster like any export. The bytes are opened in memory (``sqlite3.Connection.deserialize``),
never written to a temporary file, and only read. A damaged file is unreadable; a database
encrypted with SQLCipher has no SQLite header and never reaches here.
"""

from __future__ import annotations

import sqlite3

from tokki_desktop.scanner.extract import Parts, ScanContext, TablePart, Unreadable

ROWS_PER_PART = 20_000
_DAMAGED = Unreadable("SQLiteデータベースの構造が壊れています。", "The SQLite database is damaged.")


def _cell(v: object) -> str:
    if v is None:
        return ""
    if isinstance(v, bytes):
        return ""  # a blob (an image, a hash): not text
    return str(v)


def extract_sqlite(data: bytes, ctx: ScanContext) -> Parts:
    """Each table's rows as a table part with the column names as its header."""
    conn = sqlite3.connect(":memory:")
    try:
        try:
            conn.deserialize(data)
            names = [r[0] for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY rowid")]
        except sqlite3.DatabaseError:
            raise _DAMAGED from None
        for name in names:
            ctx.check_time()
            quoted = '"' + name.replace('"', '""') + '"'
            try:
                cur = conn.execute(f"SELECT * FROM {quoted}")
                header = [d[0] for d in cur.description or ()]
                while True:
                    batch = cur.fetchmany(ROWS_PER_PART)
                    if not batch:
                        break
                    ctx.check_time()
                    yield TablePart([[_cell(v) for v in row] for row in batch], header, name)
            except sqlite3.DatabaseError:
                raise _DAMAGED from None
    finally:
        conn.close()

"""No personal data leaves the scanner: not in output, logs, the index or error reasons."""

from __future__ import annotations

import io
import logging
import sqlite3
from pathlib import Path

from tokki_desktop.cli import main
from tokki_desktop.scanner import ScanIndex, scan_paths


def _values(rows: list[list[str]]) -> list[str]:
    out = []
    for r in rows[1:]:
        out += [r[0], r[4], r[5]]  # name, address, phone
        out.append(r[0].replace(" ", ""))
    return out


def test_cli_output_logs_and_index_hold_no_values(tmp_path: Path, roster_rows, caplog, capsys) -> None:
    caplog.set_level(logging.DEBUG)
    folder = tmp_path / "files"
    folder.mkdir()
    csv_text = "\n".join(",".join(r) for r in roster_rows) + "\n"
    (folder / "roster.csv").write_text(csv_text, encoding="cp932")
    (folder / "broken.xlsx").write_bytes(b"PK\x03\x04" + csv_text.encode("utf-8")[:500])
    (folder / "letter.txt").write_text(f"〒184-0004\n{roster_rows[1][4]}\n{roster_rows[1][0]} 様\n", "utf-8")
    said = []
    for argv in (["scan", "--json", str(folder)], ["scan", str(folder)]):
        out = io.StringIO()
        assert main(argv, out=out) == 1
        said.append(out.getvalue())
    db = tmp_path / "index.sqlite"
    with ScanIndex(db) as index:
        list(scan_paths([folder], index=index))
    with sqlite3.connect(db) as conn:
        for table in ("files", "verdicts"):
            said.append(" ".join(str(v) for row in conn.execute(f"SELECT * FROM {table}") for v in row))
    captured = capsys.readouterr()
    said += [captured.out, captured.err, caplog.text]
    everything = "\n".join(said)
    assert "個人情報あり" in everything  # the checks below look at real output
    for value in _values(roster_rows):
        assert value not in everything

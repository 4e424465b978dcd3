"""The Art. 13 bundle: every register as CSV in one AES-encrypted zip, with a manifest of hashes.

CSV files are UTF-8 with a BOM (so Excel opens them as Japanese text), one per register, every
row including closed ones; the header row gives each column's Japanese label with the field name
in brackets. ``manifest.json`` lists each file with its row count and SHA-256, so the city can
check nothing was altered. The zip is written to a temporary name beside the target and renamed
only when complete; nothing unencrypted touches the disk.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyzipper

from tokki_desktop import __version__
from tokki_desktop.clock import iso
from tokki_desktop.errors import InvalidInput, KnownError
from tokki_desktop.private_files import open_private
from tokki_desktop.registers.catalog import SPECS
from tokki_desktop.registers.spec import SYSTEM_COLUMNS, RegisterSpec

MIN_PASSWORD = 8
#: Cells that a spreadsheet would run as a formula (=HYPERLINK…) get a leading apostrophe.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_SYSTEM_LABELS = {
    "id": ("ID", "id"), "created_at": ("登録日時", "created at"), "created_by": ("登録者", "created by"),
    "updated_at": ("更新日時", "updated at"), "updated_by": ("更新者", "updated by"),
    "closed_at": ("終了日時", "closed at"), "closed_by": ("終了者", "closed by"),
    "close_reason": ("終了理由", "reason for closing"),
}


class ExportExists(KnownError):
    """Refuse to overwrite a file at the export path."""

    def __init__(self, name: str) -> None:
        super().__init__(f"書き出し先に同じ名前のファイル（{name}）があります。上書きはしません。",
                         f"A file named {name} already exists; it will not be overwritten.",
                         hint_ja="別の名前を指定してください。", hint_en="Choose another name.")


class ExportFolderMissing(KnownError):
    """The folder of the export path does not exist."""

    def __init__(self) -> None:
        super().__init__("書き出し先のフォルダがありません。", "The folder to write the export to does not exist.")


@dataclass(frozen=True)
class ExportedFile:
    """One CSV of the bundle, as the manifest lists it."""

    name: str
    register: str
    label_ja: str
    rows: int
    sha256: str


def check_password(password: str) -> None:
    """A password the officer can pass on to the city (at least 8 characters)."""
    if len(password) < MIN_PASSWORD:
        raise InvalidInput("パスワード", "password", f"{MIN_PASSWORD}文字以上にしてください",
                           f"use at least {MIN_PASSWORD} characters")


def _cell(spec: RegisterSpec, name: str, value: Any) -> str:
    if value is None:
        return ""
    if spec.has_field(name):
        f = spec.field(name)
        text = f.display(value)
        if f.type in ("text", "longtext", "choice") and text.startswith(_FORMULA_START):
            return "'" + text
        return text
    if name == "close_reason" and str(value).startswith(_FORMULA_START):
        return "'" + str(value)
    return str(value)


def register_csv(session: Any, spec: RegisterSpec) -> tuple[bytes, int]:
    """One register as CSV bytes (UTF-8 with BOM) and its row count."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    columns = spec.columns
    header = []
    for name in columns:
        label = spec.field(name).label_ja if spec.has_field(name) else _SYSTEM_LABELS[name][0]
        header.append(f"{label} [{name}]")
    writer.writerow(header)
    count = 0
    cursor_rows = session.ledger.read(f"SELECT {', '.join(columns)} FROM {spec.table} ORDER BY id")
    for r in cursor_rows:
        writer.writerow([_cell(spec, name, r[name]) for name in columns])
        count += 1
    return ("\ufeff" + buffer.getvalue()).encode("utf-8"), count


def export_bundle(session: Any, path: Path, password: str) -> list[ExportedFile]:
    """Write the encrypted bundle to ``path`` (officer only); returns what it holds."""
    session.ledger.require_officer(session.user, "台帳の書き出し", "export the registers")
    check_password(password)
    path = Path(path)
    if path.suffix.lower() != ".zip":
        path = path.with_name(path.name + ".zip")
    if path.exists():
        raise ExportExists(path.name)
    if not path.parent.is_dir():
        raise ExportFolderMissing()
    files: list[ExportedFile] = []
    tmp = path.with_name(f".{path.name}.{os.getpid()}.part")
    try:
        # Created 0600 first: the zip library would make it with the umask's mode.
        open_private(tmp, "xb").close()
        with pyzipper.AESZipFile(tmp, "w", compression=pyzipper.ZIP_DEFLATED,
                                 encryption=pyzipper.WZ_AES) as zf:
            zf.setpassword(password.encode("utf-8"))
            zf.setencryption(pyzipper.WZ_AES, nbits=256)
            for number, spec in enumerate(SPECS.values(), start=1):
                data, rows = register_csv(session, spec)
                name = f"{number:02d}_{spec.kind}.csv"
                zf.writestr(name, data)
                files.append(ExportedFile(name, spec.kind, spec.label_ja, rows, hashlib.sha256(data).hexdigest()))
            manifest = {
                "format": "tokki-registers-export/1",
                "generated_at": iso(session.clock.now()),
                "generated_by": session.user.login,
                "app_version": __version__,
                "encoding": "UTF-8 with BOM, CRLF",
                "formula_guard": "text cells starting with = + - @ are prefixed with an apostrophe",
                "system_columns": list(SYSTEM_COLUMNS),
                "files": [f.__dict__ for f in files],
            }
            zf.writestr("manifest.json", json.dumps(manifest, ensure_ascii=False, indent=2).encode("utf-8"))
        os.replace(tmp, path)
    finally:
        if tmp.exists():
            tmp.unlink()
    return files

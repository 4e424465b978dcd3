"""Where the ledger lives, and the refusal to put it on a network share."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from tokki_desktop import APP_NAME
from tokki_desktop.errors import NetworkShareRefused

# File systems whose locking or fsync cannot be trusted for an SQLite WAL database.
NETWORK_FSTYPES = {
    "nfs", "nfs4", "cifs", "smbfs", "smb3", "smb2", "9p", "afs", "ceph", "glusterfs",
    "fuse.sshfs", "sshfs", "davfs", "fuse.davfs2", "webdav", "ncpfs", "coda", "lustre",
    "fuse.glusterfs", "fuse.rclone", "fuse.s3fs", "fuse.gcsfuse", "afpfs",
}


def default_data_dir() -> Path:
    """The platform's per-user data folder (e.g. %LOCALAPPDATA%\\TokkiDesktop)."""
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


@dataclass(frozen=True)
class LedgerFiles:
    """The files of one ledger in its data folder."""

    data_dir: Path

    @property
    def ledger(self) -> Path:
        return self.data_dir / "ledger.tokki"

    @property
    def header(self) -> Path:
        return self.data_dir / "ledger.keys"

    @property
    def header_backup(self) -> Path:
        return self.data_dir / "ledger.keys.bak"

    @property
    def attempts(self) -> Path:
        return self.data_dir / "unlock-attempts.json"

    @property
    def backups(self) -> Path:
        return self.data_dir / "backups"

    @property
    def settings(self) -> Path:
        return self.data_dir / "terminal.json"

    def exists(self) -> bool:
        return self.ledger.exists() or self.header.exists()


def filesystem_type(path: Path) -> str:
    """The file system type of the mount that holds ``path`` ("" when unknown)."""
    import psutil

    target = Path(os.path.abspath(path))
    while not target.exists() and target != target.parent:
        target = target.parent
    best, fstype = "", ""
    try:
        partitions = psutil.disk_partitions(all=True)
    except Exception:  # noqa: BLE001 - an unreadable mount table must not block the app
        return ""
    resolved = str(target.resolve())
    for part in partitions:
        mp = part.mountpoint
        if (resolved == mp or resolved.startswith(mp.rstrip(os.sep) + os.sep) or mp == os.sep) and len(mp) > len(best):
            best, fstype = mp, part.fstype
    return fstype.lower()


def is_network_path(path: Path) -> tuple[bool, str]:
    """Whether ``path`` is on a network share, and the file system type seen."""
    text = str(path)
    if sys.platform == "win32":
        if text.startswith("\\\\") or text.startswith("//"):
            return True, "UNC"
        try:
            import ctypes

            drive = os.path.splitdrive(os.path.abspath(text))[0] + "\\"
            DRIVE_REMOTE = 4
            if ctypes.windll.kernel32.GetDriveTypeW(drive) == DRIVE_REMOTE:  # type: ignore[attr-defined]
                return True, "remote drive"
        except Exception:  # noqa: BLE001
            pass
    fstype = filesystem_type(path)
    return fstype in NETWORK_FSTYPES, fstype


def refuse_network_share(path: Path) -> None:
    """Raise :class:`NetworkShareRefused` when ``path`` is on a network file system."""
    remote, fstype = is_network_path(path)
    if remote:
        raise NetworkShareRefused(str(path), fstype)

"""Files only their owner can read: the data folder 0700 and every file we write 0600.

The ledger's folder holds the key file (offline guessing of passphrases), the failed-login
times and encrypted copies of personal data; exports and printed forms hold it in clear.
None of that is for the other accounts of a shared terminal, whatever umask the process
was started with. On POSIX the mode bits are set explicitly; on Windows the file gets a
protected DACL with one entry, full control for the current user (see ``WindowsAcl``).

Two layers: :func:`private_umask` for a whole command or GUI run (covers files SQLite or
a library create on their own), and :func:`restrict` / :func:`open_private` where a file
is written, so that API callers are covered too.
"""

from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path
from typing import IO, Any, Callable, Iterator, Protocol

WINDOWS = os.name == "nt"
DIR_MODE = 0o700
FILE_MODE = 0o600
# What a process of ours creates files with, inherited umask notwithstanding.
PRIVATE_UMASK = 0o077


class AclApi(Protocol):
    """The part of the Win32 security API used here (pywin32's ``win32security``)."""

    def GetTokenInformation(self, token: Any, info_class: int) -> Any: ...
    def OpenProcessToken(self, process: Any, access: int) -> Any: ...
    def ACL(self) -> Any: ...
    def SECURITY_DESCRIPTOR(self) -> Any: ...
    def SetFileSecurity(self, path: str, info: int, descriptor: Any) -> None: ...


class WindowsAcl:
    """A DACL limited to the current user, not inheriting the folder's wider entries.

    Written against pywin32's documented API; it has been unit-tested with the API faked
    and has not run on Windows yet.
    """

    # Constants of winnt.h (also in ntsecuritycon / win32security).
    TOKEN_QUERY = 0x0008
    TOKEN_USER = 1
    ACL_REVISION = 2
    FILE_ALL_ACCESS = 0x001F01FF
    DACL_SECURITY_INFORMATION = 0x00000004
    PROTECTED_DACL_SECURITY_INFORMATION = 0x80000000
    OBJECT_INHERIT_ACE = 0x1
    CONTAINER_INHERIT_ACE = 0x2

    def __init__(self, api: AclApi | None = None, current_process: Any = None) -> None:
        if api is None:
            import win32api  # type: ignore[import-not-found]
            import win32security  # type: ignore[import-not-found]

            api, current_process = win32security, win32api.GetCurrentProcess()
        self.api = api
        self.process = current_process

    def user_sid(self) -> Any:
        token = self.api.OpenProcessToken(self.process, self.TOKEN_QUERY)
        return self.api.GetTokenInformation(token, self.TOKEN_USER)[0]

    def apply(self, path: Path, *, folder: bool) -> None:
        """Replace the DACL of ``path`` by one entry: full control for this user only."""
        acl = self.api.ACL()
        inherit = (self.OBJECT_INHERIT_ACE | self.CONTAINER_INHERIT_ACE) if folder else 0
        # A folder passes the entry on, so files SQLite or Qt create in it are private too.
        acl.AddAccessAllowedAceEx(self.ACL_REVISION, inherit, self.FILE_ALL_ACCESS, self.user_sid())
        descriptor = self.api.SECURITY_DESCRIPTOR()
        descriptor.SetSecurityDescriptorDacl(1, acl, 0)
        self.api.SetFileSecurity(str(path),
                                 self.DACL_SECURITY_INFORMATION | self.PROTECTED_DACL_SECURITY_INFORMATION,
                                 descriptor)


_windows_acl: WindowsAcl | None = None


def _acl() -> WindowsAcl | None:
    global _windows_acl
    if _windows_acl is None:
        try:
            _windows_acl = WindowsAcl()
        except ImportError:  # pywin32 missing from a broken install: the mode bits still apply
            return None
    return _windows_acl


def restrict(path: Path | str, *, folder: bool | None = None) -> None:
    """Make ``path`` private to its owner (0700 folder / 0600 file, or the Windows ACL)."""
    path = Path(path)
    is_dir = path.is_dir() if folder is None else folder
    if WINDOWS:
        acl = _acl()
        if acl is not None:
            acl.apply(path, folder=is_dir)
        return
    mode = DIR_MODE if is_dir else FILE_MODE
    with contextlib.suppress(FileNotFoundError):
        if stat.S_IMODE(os.stat(path).st_mode) != mode:
            os.chmod(path, mode)


def restrict_sqlite(path: Path | str) -> None:
    """A database and its WAL and shared-memory files (SQLite creates those on its own)."""
    path = Path(path)
    for p in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm"),
              path.with_name(path.name + "-journal")):
        if p.exists():
            restrict(p, folder=False)


def private_dir(path: Path | str) -> Path:
    """Create ``path`` (and parents) if needed; the folder itself is made private."""
    path = Path(path)
    path.mkdir(parents=True, exist_ok=True, mode=DIR_MODE)
    restrict(path, folder=True)
    return path


def open_private(path: Path | str, mode: str = "wb") -> IO[Any]:
    """``open`` for writing that creates the file 0600 (no window where it is readable)."""
    flags = os.O_WRONLY | os.O_CREAT | getattr(os, "O_BINARY", 0)
    flags |= os.O_APPEND if "a" in mode else os.O_TRUNC
    if "x" in mode:
        flags |= os.O_EXCL
    fd = os.open(path, flags, FILE_MODE)
    try:
        handle = os.fdopen(fd, mode.replace("x", "w"))
    except BaseException:
        os.close(fd)
        raise
    restrict(path, folder=False)  # an existing file keeps its old mode through O_CREAT
    return handle


def write_private(path: Path | str, data: bytes) -> None:
    with open_private(path, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())


def set_private_umask() -> Callable[[], None]:
    """From now on files are created owner-only (POSIX); returns how to put the old umask back."""
    if WINDOWS:
        return lambda: None
    previous = os.umask(PRIVATE_UMASK)
    return lambda: os.umask(previous) and None


@contextlib.contextmanager
def private_umask() -> Iterator[None]:
    """Everything created inside is owner-only (POSIX); the previous umask comes back after."""
    put_back = set_private_umask()
    try:
        yield
    finally:
        put_back()

"""Removable media: what is plugged in now, behind one small interface tests can fake.

A :class:`MediaSource` answers one question, "which removable volumes are mounted right
now?", as a list of :class:`Medium`. The platform sources read the OS's own tables
(Linux: the mount table and ``/sys/block/*/removable``; Windows: drive types and volume
serials; macOS: ``/Volumes``). :class:`ListedMedia` is a source that reports what it is
told, for tests, benchmarks and demos.
"""

from __future__ import annotations

import os
import sys
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol


@dataclass(frozen=True)
class Medium:
    """One mounted removable volume, identified as well as the OS allows.

    ``volume_id`` is what the media register (Art. 6) stores as the medium's identity:
    the file system UUID on Linux/macOS, the volume serial (``1A2B-3C4D``) on Windows.
    """

    mount_point: Path
    volume_id: str
    label: str = ""
    size_bytes: int = 0
    fstype: str = ""
    device: str = ""
    device_serial: str = ""

    @property
    def key(self) -> tuple[str, str]:
        """Identity of this insertion: the same volume at the same place."""
        return (str(self.mount_point), self.volume_id)

    def describe(self) -> str:
        """A short description for alerts: label and volume id, no contents."""
        label = self.label or "(no label)"
        return f"{label} [{self.volume_id}]"


class MediaSource(Protocol):
    """Anything that lists the removable volumes mounted now."""

    def current(self) -> list[Medium]: ...


class ListedMedia:
    """A media source that reports exactly what it is told (tests, benchmarks, demos)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._media: dict[str, Medium] = {}

    def insert(self, medium: Medium) -> None:
        """Report ``medium`` as mounted from now on."""
        with self._lock:
            self._media[str(medium.mount_point)] = medium

    def eject(self, mount_point: Path | str) -> None:
        """Stop reporting the medium at ``mount_point``."""
        with self._lock:
            self._media.pop(str(mount_point), None)

    def current(self) -> list[Medium]:
        with self._lock:
            return list(self._media.values())


# --------------------------------------------------------------------------- Linux

def _unescape_mount(text: str) -> str:
    """The mount table escapes space, tab, newline and backslash as octal (\\040)."""
    out, i = [], 0
    while i < len(text):
        if text[i] == "\\" and i + 3 < len(text) and text[i + 1 : i + 4].isdigit():
            out.append(chr(int(text[i + 1 : i + 4], 8)))
            i += 4
        else:
            out.append(text[i])
            i += 1
    return "".join(out)


@dataclass(frozen=True)
class MountEntry:
    """One line of ``/proc/self/mountinfo`` (only the fields the monitor needs)."""

    major_minor: str
    mount_point: str
    fstype: str
    source: str


def parse_mountinfo(text: str) -> list[MountEntry]:
    """Parse mountinfo text; malformed lines are skipped, never fatal."""
    entries: list[MountEntry] = []
    for line in text.splitlines():
        parts = line.split()
        if "-" not in parts:
            continue
        sep = parts.index("-")
        if sep < 6 or len(parts) < sep + 3:
            continue
        entries.append(
            MountEntry(
                major_minor=parts[2],
                mount_point=_unescape_mount(parts[4]),
                fstype=parts[sep + 1],
                source=_unescape_mount(parts[sep + 2]),
            )
        )
    return entries


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8", errors="replace").strip()
    except OSError:
        return ""


@dataclass
class LinuxMediaSource:
    """Removable volumes on Linux, from the mount table, sysfs and udev's data.

    The roots are parameters so that tests can hand it a fake mount table and a fake
    ``/sys`` tree while exercising the real parsing.
    """

    mountinfo: Path = Path("/proc/self/mountinfo")
    sys_root: Path = Path("/sys")
    udev_data: Path = Path("/run/udev/data")
    dev_disk: Path = Path("/dev/disk")
    media_prefixes: tuple[str, ...] = ("/media/", "/run/media/", "/mnt/usb")
    _uuid_cache: dict[str, str] = field(default_factory=dict, repr=False)

    def current(self) -> list[Medium]:
        text = _read(self.mountinfo)
        found: list[Medium] = []
        for entry in parse_mountinfo(text):
            if not self._is_removable(entry):
                continue
            found.append(self._describe(entry))
        return found

    def _disk_of(self, entry: MountEntry) -> str:
        """The whole-disk name (sdb) of a partition's major:minor (8:17), via sysfs."""
        link = self.sys_root / "dev" / "block" / entry.major_minor
        try:
            target = Path(os.path.realpath(link))
        except OSError:
            return ""
        if (target / "partition").exists():
            return target.parent.name
        return target.name

    def _is_removable(self, entry: MountEntry) -> bool:
        if not entry.source.startswith("/dev/"):
            return False
        disk = self._disk_of(entry)
        if disk and _read(self.sys_root / "block" / disk / "removable") == "1":
            return True
        # USB disks that call themselves fixed still get mounted by the desktop here.
        return any(entry.mount_point.startswith(p) for p in self.media_prefixes)

    def _udev_props(self, major_minor: str) -> dict[str, str]:
        props: dict[str, str] = {}
        for line in _read(self.udev_data / f"b{major_minor}").splitlines():
            if line.startswith("E:") and "=" in line:
                k, _, v = line[2:].partition("=")
                props[k] = v
        return props

    def _by_link(self, kind: str, device: str) -> str:
        folder = self.dev_disk / kind
        try:
            names = os.listdir(folder)
        except OSError:
            return ""
        for name in names:
            try:
                if os.path.realpath(folder / name) == os.path.realpath(device):
                    return _unescape_mount(name.replace("\\x20", " "))
            except OSError:
                continue
        return ""

    def _describe(self, entry: MountEntry) -> Medium:
        props = self._udev_props(entry.major_minor)
        uuid = props.get("ID_FS_UUID") or self._by_link("by-uuid", entry.source)
        label = props.get("ID_FS_LABEL") or self._by_link("by-label", entry.source)
        serial = props.get("ID_SERIAL_SHORT") or props.get("ID_SERIAL", "")
        size = 0
        try:
            st = os.statvfs(entry.mount_point)
            size = st.f_blocks * st.f_frsize
        except OSError:
            pass
        # Without a UUID the device node is the weakest but still stable-per-port identity.
        volume_id = uuid or f"dev:{entry.source}"
        return Medium(
            mount_point=Path(entry.mount_point),
            volume_id=volume_id,
            label=label,
            size_bytes=size,
            fstype=entry.fstype,
            device=entry.source,
            device_serial=serial,
        )


# --------------------------------------------------------------------------- Windows

class WindowsMediaSource:
    """Removable drive letters on Windows, with their volume serial, label and size."""

    DRIVE_REMOVABLE = 2

    def current(self) -> list[Medium]:  # pragma: no cover - exercised on Windows only
        import ctypes
        from ctypes import wintypes

        kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
        # A drive with no disk must not pop up "insert a disk" dialogs.
        SEM_FAILCRITICALERRORS = 0x0001
        old_mode = kernel32.SetErrorMode(SEM_FAILCRITICALERRORS)
        try:
            mask = kernel32.GetLogicalDrives()
            found: list[Medium] = []
            for i in range(26):
                if not mask & (1 << i):
                    continue
                root = f"{chr(65 + i)}:\\"
                if kernel32.GetDriveTypeW(root) != self.DRIVE_REMOVABLE:
                    continue
                label_buf = ctypes.create_unicode_buffer(261)
                fs_buf = ctypes.create_unicode_buffer(261)
                serial = wintypes.DWORD()
                max_len = wintypes.DWORD()
                flags = wintypes.DWORD()
                ok = kernel32.GetVolumeInformationW(
                    root, label_buf, 261, ctypes.byref(serial), ctypes.byref(max_len),
                    ctypes.byref(flags), fs_buf, 261,
                )
                if not ok:
                    continue  # a card reader slot with no card in it
                total = ctypes.c_ulonglong()
                kernel32.GetDiskFreeSpaceExW(root, None, ctypes.byref(total), None)
                s = serial.value
                found.append(
                    Medium(
                        mount_point=Path(root),
                        volume_id=f"{s >> 16:04X}-{s & 0xFFFF:04X}",
                        label=label_buf.value,
                        size_bytes=total.value,
                        fstype=fs_buf.value,
                        device=root,
                    )
                )
            return found
        finally:
            kernel32.SetErrorMode(old_mode)


# --------------------------------------------------------------------------- macOS

@dataclass
class MacMediaSource:
    """Volumes under ``/Volumes`` that are not the start-up disk."""

    volumes: Path = Path("/Volumes")

    def current(self) -> list[Medium]:  # pragma: no cover - exercised on macOS only
        found: list[Medium] = []
        try:
            names = os.listdir(self.volumes)
        except OSError:
            return found
        root_dev = os.stat("/").st_dev
        for name in names:
            mp = self.volumes / name
            try:
                st = os.stat(mp)
                if st.st_dev == root_dev or not mp.is_dir():
                    continue  # the "Macintosh HD" link back to /
                vfs = os.statvfs(mp)
            except OSError:
                continue
            fsid = getattr(vfs, "f_fsid", 0)
            found.append(
                Medium(
                    mount_point=mp,
                    volume_id=f"fsid:{fsid:x}" if fsid else f"dev:{st.st_dev:x}",
                    label=name,
                    size_bytes=vfs.f_blocks * vfs.f_frsize,
                )
            )
        return found


def system_media_source() -> MediaSource:
    """The media source for the platform this runs on."""
    if sys.platform == "win32":
        return WindowsMediaSource()
    if sys.platform == "darwin":
        return MacMediaSource()
    return LinuxMediaSource()

"""Removable media: the Linux mount-table reader on a fake /proc and /sys, and a medium
pulled out in the middle of its scan."""

from __future__ import annotations

import os
from pathlib import Path

from tests.monitor.helpers import (
    FAST,
    open_detections,
    start_monitor,
    wait_for,
    write_roster,
)
from tokki_desktop.monitor import events as ev
from tokki_desktop.monitor.media import (
    LinuxMediaSource,
    ListedMedia,
    Medium,
    parse_mountinfo,
)
from tokki_desktop.monitor.media_watch import MediaWatcher

MOUNTINFO = """\
22 27 0:21 / /proc rw,relatime - proc proc rw
27 1 252:1 / / rw,relatime - ext4 /dev/vda1 rw
95 27 8:17 / /media/hana/USB\\040STICK rw,nosuid,nodev - vfat /dev/sdb1 rw,uid=1000
96 27 8:33 / /run/media/hana/BACKUP rw,nosuid - exfat /dev/sdc1 rw
97 27 8:1 / /data rw - ext4 /dev/sda1 rw
98 27 0:50 / /mnt/share rw - cifs //server/share rw
this line is garbage
"""


def _fake_system(tmp_path: Path) -> LinuxMediaSource:
    proc = tmp_path / "proc_mountinfo"
    proc.write_text(MOUNTINFO)
    sys_root = tmp_path / "sys"
    for disk, removable, parts in (("sdb", "1", ["sdb1"]), ("sdc", "0", ["sdc1"]), ("sda", "0", ["sda1"])):
        (sys_root / "block" / disk).mkdir(parents=True)
        (sys_root / "block" / disk / "removable").write_text(removable + "\n")
        for part in parts:
            (sys_root / "block" / disk / part).mkdir()
            (sys_root / "block" / disk / part / "partition").write_text("1\n")
    (sys_root / "dev" / "block").mkdir(parents=True)
    for mm, target in (("8:17", "block/sdb/sdb1"), ("8:33", "block/sdc/sdc1"), ("8:1", "block/sda/sda1")):
        os.symlink(sys_root / target, sys_root / "dev" / "block" / mm)
    udev = tmp_path / "udev"
    udev.mkdir()
    (udev / "b8:17").write_text("E:ID_FS_UUID=1A2B-3C4D\nE:ID_FS_LABEL=USB STICK\nE:ID_SERIAL_SHORT=AA00000000001234\n")
    return LinuxMediaSource(mountinfo=proc, sys_root=sys_root, udev_data=udev, dev_disk=tmp_path / "nodisk")


def test_linux_mount_table_finds_removable_media(tmp_path: Path) -> None:
    found = {str(m.mount_point): m for m in _fake_system(tmp_path).current()}
    # sdb is removable; sdc says fixed but is mounted where desktops mount USB disks.
    assert set(found) == {"/media/hana/USB STICK", "/run/media/hana/BACKUP"}
    stick = found["/media/hana/USB STICK"]
    assert (stick.volume_id, stick.label, stick.device_serial, stick.fstype) == (
        "1A2B-3C4D", "USB STICK", "AA00000000001234", "vfat")
    assert found["/run/media/hana/BACKUP"].volume_id == "dev:/dev/sdc1"  # no UUID known: device node


def test_mountinfo_parser_tolerates_garbage() -> None:
    entries = parse_mountinfo(MOUNTINFO + "\n\n1 2 3\n - \n")
    assert [e.mount_point for e in entries][:2] == ["/proc", "/"]
    assert len(entries) == 6


def test_media_watcher_reports_arrival_and_removal_once(tmp_path: Path) -> None:
    media = ListedMedia()
    seen: list[tuple[str, str]] = []
    w = MediaWatcher(media, lambda m: seen.append(("in", m.volume_id)), lambda m: seen.append(("out", m.volume_id)))
    w.poll()
    media.insert(Medium(tmp_path, "V1"))
    w.poll()
    w.poll()
    media.eject(tmp_path)
    w.poll()
    assert seen == [("in", "V1"), ("out", "V1")]


def test_medium_removed_mid_scan_resumes_when_back(officer_session, tmp_path: Path) -> None:
    media = ListedMedia()
    mon, got = start_monitor(officer_session, media)
    stick = tmp_path / "usb"
    for i in range(300):
        write_roster(stick / f"d{i % 10}" / f"r{i:03d}.csv", extra=f"田中 {i}郎,タナカ,{i:012d},小金井市{i},042-380-{i:04d},1970-01-01\n")
    medium = Medium(stick, "FEED-0001", label="STICK")
    try:
        media.insert(medium)
        assert wait_for(lambda: len(open_detections(officer_session)) >= 10, 20)
        # Pulled out: the files vanish with the mount.
        media.eject(stick)
        away = tmp_path / "away"
        stick.rename(away)
        removed = wait_for(lambda: [e for e in got.events if e.kind == ev.MEDIUM_REMOVED], 5)
        assert removed, "removal not reported"
        details = removed[0].details
        assert details["scanned"] < details["total"] == 300
        assert mon.wait_idle(10)
        partial = len(open_detections(officer_session))
        assert 10 <= partial < 300
        # Plugged in again: the scan goes on from where it stopped.
        away.rename(stick)
        media.insert(medium)
        assert wait_for(lambda: [e for e in got.events if e.kind == ev.MEDIUM_SCANNED], 30)
        assert mon.wait_idle(20)
    finally:
        mon.stop()
    paths = [r["path"] for r in officer_session.ledger.read("SELECT path FROM monitor_detections")]
    assert len(paths) == len(set(paths)) == 300
    events = [r["event"] for r in officer_session.ledger.read("SELECT event FROM monitor_media_events ORDER BY id")]
    assert events == ["arrived", "removed_mid_scan", "arrived", "scanned"]
    # The second pass scanned only what the first had not finished (files being read at the
    # moment of removal, at most one per worker, are read again; their detection is not doubled).
    rest = officer_session.ledger.read_one("SELECT files FROM monitor_media_events WHERE event = 'scanned'")[0]
    assert 300 - partial <= rest <= 300 - partial + FAST.workers

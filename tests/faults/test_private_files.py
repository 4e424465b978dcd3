"""What the product writes is its user's only: folders 0700, files 0600, whatever the umask."""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import OFFICER
from tokki_desktop.private_files import WindowsAcl, restrict

posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX modes (Windows: the ACL tests below)")


@pytest.fixture
def open_umask():
    previous = os.umask(0o022)  # the common default: everything readable by others
    yield
    os.umask(previous)


def _open_to_others(*roots: Path, include_root: bool = True) -> list[str]:
    found = []
    for root in roots:
        for path in [root, *root.rglob("*")] if include_root else list(root.rglob("*")):
            mode = stat.S_IMODE(path.stat().st_mode)
            if mode & 0o077:
                found.append(f"{path.relative_to(root.parent)} {mode:o}")
    return found


@posix_only
def test_ledger_keys_attempts_backups_spool_quarantine_index_exports_forms(open_umask, data_dir: Path, clock,
                                                                           tmp_path: Path) -> None:
    from tokki_desktop.errors import WrongPassphrase
    from tokki_desktop.forms.render import render
    from tokki_desktop.monitor.quarantine import QuarantineVault
    from tokki_desktop.monitor.spool import Spool
    from tokki_desktop.registers.export import export_bundle
    from tokki_desktop.scanner.index import ScanIndex
    from tokki_desktop.session import create_ledger, unlock

    session, _ = create_ledger(data_dir, client="小金井市", contract="c", contractor="x", officer_login=OFFICER[0],
                               officer_name=OFFICER[1], passphrase=OFFICER[2], clock=clock)
    session.add_user("hana", "handler", "従事 花子", "handler-pass-1")
    session.backup(data_dir / "backups" / "b.tokki")
    Spool(data_dir / "spool", session.subkey("spool")).append("detection", {"rule": "x"})
    (tmp_path / "out").mkdir(mode=0o755)
    source = tmp_path / "roster.csv"
    source.write_text("氏名\n山田 太郎\n", "utf-8")
    stored = QuarantineVault(data_dir / "quarantine", session.subkey("quarantine")).put(source)
    vault = QuarantineVault(data_dir / "quarantine", session.subkey("quarantine"))
    vault.restore(stored.stored_name, tmp_path / "out" / "r.csv")
    index = ScanIndex(tmp_path / "out" / "scan.idx")
    index.close()
    export_bundle(session, tmp_path / "out" / "registers.zip", "export-pass-1")
    render(session, "asset_ledger", out_path=tmp_path / "out" / "form.pdf")
    session.close()
    with pytest.raises(WrongPassphrase):
        unlock(data_dir, OFFICER[0], "wrong-pass-1", clock=clock)
    assert (data_dir / "unlock-attempts.json").exists()
    assert _open_to_others(data_dir) == []
    # "out" is the user's own folder (made 0755 here): only what the product wrote into it counts.
    assert _open_to_others(tmp_path / "out", include_root=False) == []


@posix_only
def test_an_older_ledger_with_open_modes_is_made_private_at_unlock(created_ledger, clock) -> None:
    from tokki_desktop.session import unlock

    data_dir = created_ledger[0]
    os.chmod(data_dir, 0o755)
    for path in data_dir.iterdir():
        os.chmod(path, 0o644)
    unlock(data_dir, OFFICER[0], OFFICER[2], clock=clock).close()
    assert _open_to_others(data_dir) == []


class FakeAcl:
    """Records what a DACL gets; stands in for a PyACL."""

    def __init__(self) -> None:
        self.aces: list[tuple[int, int, int, Any]] = []

    def AddAccessAllowedAceEx(self, revision: int, flags: int, mask: int, sid: Any) -> None:
        self.aces.append((revision, flags, mask, sid))


class FakeDescriptor:
    def __init__(self) -> None:
        self.dacl: tuple[int, FakeAcl, int] | None = None

    def SetSecurityDescriptorDacl(self, present: int, acl: FakeAcl, defaulted: int) -> None:
        self.dacl = (present, acl, defaulted)


class FakeWin32Security:
    """The few win32security calls WindowsAcl makes, recorded (the OS edge, faked)."""

    def __init__(self) -> None:
        self.set: list[tuple[str, int, FakeDescriptor]] = []

    def OpenProcessToken(self, process: Any, access: int) -> str:
        assert process == "this process" and access == WindowsAcl.TOKEN_QUERY
        return "token"

    def GetTokenInformation(self, token: str, info_class: int) -> tuple[str, int]:
        assert token == "token" and info_class == WindowsAcl.TOKEN_USER
        return ("S-1-5-21-1-2-3-1001", 0)

    def ACL(self) -> FakeAcl:
        return FakeAcl()

    def SECURITY_DESCRIPTOR(self) -> FakeDescriptor:
        return FakeDescriptor()

    def SetFileSecurity(self, path: str, info: int, descriptor: FakeDescriptor) -> None:
        self.set.append((path, info, descriptor))


@pytest.mark.parametrize("folder, inherit", [(True, 0x3), (False, 0)])
def test_windows_acl_is_one_protected_entry_for_the_user(tmp_path: Path, folder: bool, inherit: int) -> None:
    api = FakeWin32Security()
    WindowsAcl(api, "this process").apply(tmp_path / "ledger.tokki", folder=folder)
    [(path, info, descriptor)] = api.set
    assert path == str(tmp_path / "ledger.tokki")
    # DACL replaced and protected: the folder's wider inherited entries no longer apply.
    assert info == WindowsAcl.DACL_SECURITY_INFORMATION | WindowsAcl.PROTECTED_DACL_SECURITY_INFORMATION
    assert descriptor.dacl is not None and descriptor.dacl[0] == 1
    assert descriptor.dacl[1].aces == [(2, inherit, WindowsAcl.FILE_ALL_ACCESS, "S-1-5-21-1-2-3-1001")]


def test_restrict_uses_the_acl_on_windows(monkeypatch, tmp_path: Path) -> None:
    import tokki_desktop.private_files as private_files

    api = FakeWin32Security()
    monkeypatch.setattr(private_files, "WINDOWS", True)
    monkeypatch.setattr(private_files, "_windows_acl", WindowsAcl(api, "this process"))
    restrict(tmp_path)
    assert [p for p, _, _ in api.set] == [str(tmp_path)]

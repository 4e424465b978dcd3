#!/usr/bin/env python3
"""Build the frozen app with PyInstaller, smoke-test it, then (on Windows) the installer.

    .venv/bin/python installer/build.py [--skip-installer]

Steps: compile translations (.qm); PyInstaller with installer/pyinstaller/tokki-desktop.spec
into dist/TokkiDesktop/; run the frozen `tokki-desktop --smoke-test` (offscreen) and the
frozen `tokki demo` + `tokki verify` on a temporary ledger; only then, where Inno Setup's
`iscc` is on PATH, make the Windows installer from installer/windows/tokki-desktop.iss.
A build that fails its smoke test is never packaged.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DIST = ROOT / "dist" / "TokkiDesktop"


def run(cmd: list[str], **kw) -> subprocess.CompletedProcess:
    print("+", " ".join(map(str, cmd)), flush=True)
    return subprocess.run([str(c) for c in cmd], check=True, **kw)


def exe(name: str) -> Path:
    return DIST / (name + (".exe" if os.name == "nt" else ""))


def smoke_test() -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    run([exe("tokki-desktop"), "--smoke-test"], env=env, timeout=120)
    with tempfile.TemporaryDirectory() as tmp:
        out = run([exe("tokki"), "--data-dir", Path(tmp) / "demo", "demo"], env=env, timeout=120,
                  capture_output=True, text=True).stdout
        login = next(l.split(": ", 1)[1] for l in out.splitlines() if l.startswith("login: "))
        passphrase = next(l.split(": ", 1)[1] for l in out.splitlines() if l.startswith("passphrase: "))
        run([exe("tokki"), "--data-dir", Path(tmp) / "demo", "--user", login, "verify"],
            env=dict(env, TOKKI_PASSPHRASE=passphrase), timeout=120)
    print("frozen build passed its smoke test", flush=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skip-installer", action="store_true")
    args = parser.parse_args()
    run([sys.executable, "-m", "tokki_desktop.ui.i18n_build"], cwd=ROOT)
    run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--distpath", ROOT / "dist",
         "--workpath", ROOT / "build", ROOT / "installer" / "pyinstaller" / "tokki-desktop.spec"], cwd=ROOT)
    smoke_test()
    iscc = shutil.which("iscc") or shutil.which("ISCC")
    if args.skip_installer or os.name != "nt" or not iscc:
        print("installer step skipped (Inno Setup's iscc is only on Windows build machines)")
        return 0
    run([iscc, ROOT / "installer" / "windows" / "tokki-desktop.iss"], cwd=ROOT)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

#!/usr/bin/env python3
"""Build the frozen app with PyInstaller, smoke-test it, then (on Windows) the installer.

    .venv/bin/python installer/build.py [--skip-installer]

Steps: compile translations (.qm); PyInstaller with installer/pyinstaller/tokki-desktop.spec
into dist/TokkiDesktop/; run the frozen `tokki-desktop --smoke-test` (offscreen) and the
frozen `tokki demo` + `tokki verify` on a temporary ledger; only then, where Inno Setup's
`iscc` is on PATH, make the Windows installer from installer/windows/tokki-desktop.iss.
A build that fails its smoke test is never packaged.

The build tools (the ``[build]`` extra: PyInstaller) are installed first when missing. Only
progress and the result are printed; each tool's own output goes to build/build.log, and its
last lines are shown when a step fails.
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
LOG = ROOT / "build" / "build.log"


class StepFailed(Exception):
    """A build step failed; its message says which and what to look at."""


def run(cmd: list[str], *, what: str = "", **kw) -> subprocess.CompletedProcess:
    """Run a tool with its output in the build log (and in the result's ``stdout``)."""
    LOG.parent.mkdir(parents=True, exist_ok=True)
    with LOG.open("a", encoding="utf-8") as log:
        log.write("+ " + " ".join(map(str, cmd)) + "\n")
        log.flush()
        done = subprocess.run([str(c) for c in cmd], stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                              text=True, check=False, **kw)
        log.write(done.stdout or "")
    if done.returncode != 0:
        tail = "\n".join((done.stdout or "").splitlines()[-15:])
        raise StepFailed(f"{what or cmd[0]} failed (exit {done.returncode}). Last lines:\n{tail}\n"
                         f"Everything is in {LOG.relative_to(ROOT)}.")
    return done


def step(number: int, total: int, text: str) -> None:
    print(f"[{number}/{total}] {text}…", flush=True)


def ensure_build_tools() -> None:
    """PyInstaller comes with the project's [build] extra: install it when it is missing."""
    import importlib.util

    if importlib.util.find_spec("PyInstaller") is not None:
        return
    print("PyInstaller is not installed: installing the build tools (the [build] extra)…", flush=True)
    try:
        run([sys.executable, "-m", "pip", "install", "--quiet", "-e", f"{ROOT}[build]"], what="installing PyInstaller")
    except StepFailed as exc:
        raise StepFailed(f"{exc}\nInstall them yourself with:  {sys.executable} -m pip install -e \".[build]\"") from None


def exe(name: str) -> Path:
    return DIST / (name + (".exe" if os.name == "nt" else ""))


def smoke_test() -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    run([exe("tokki-desktop"), "--smoke-test"], env=env, timeout=120, what="the frozen app's smoke test")
    with tempfile.TemporaryDirectory() as tmp:
        out = run([exe("tokki"), "--data-dir", Path(tmp) / "demo", "demo"], env=env, timeout=120,
                  what="the frozen tokki demo").stdout
        login = next(l.split(": ", 1)[1] for l in out.splitlines() if l.startswith("login: "))
        passphrase = next(l.split(": ", 1)[1] for l in out.splitlines() if l.startswith("passphrase: "))
        run([exe("tokki"), "--data-dir", Path(tmp) / "demo", "--user", login, "verify"],
            env=dict(env, TOKKI_PASSPHRASE=passphrase), timeout=120, what="the frozen tokki verify")
    print("      the frozen build passed its smoke test", flush=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skip-installer", action="store_true")
    args = parser.parse_args()
    LOG.parent.mkdir(parents=True, exist_ok=True)
    LOG.write_text("", encoding="utf-8")
    try:
        ensure_build_tools()
        step(1, 4, "compiling the translations")
        run([sys.executable, "-m", "tokki_desktop.ui.i18n_build"], cwd=ROOT, what="compiling the translations")
        step(2, 4, "freezing the app with PyInstaller (a few minutes)")
        run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
             "--distpath", ROOT / "dist", "--workpath", ROOT / "build",
             ROOT / "installer" / "pyinstaller" / "tokki-desktop.spec"], cwd=ROOT, what="PyInstaller")
        step(3, 4, "smoke-testing the frozen app")
        smoke_test()
        iscc = shutil.which("iscc") or shutil.which("ISCC")
        if args.skip_installer or os.name != "nt" or not iscc:
            print("[4/4] installer step skipped (Inno Setup's iscc is only on Windows build machines)")
        else:
            step(4, 4, "making the Windows installer")
            run([iscc, ROOT / "installer" / "windows" / "tokki-desktop.iss"], cwd=ROOT, what="Inno Setup")
    except StepFailed as exc:
        print(f"build FAILED: {exc}", file=sys.stderr)
        return 1
    print(f"build done: {DIST.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

#!/usr/bin/env python3
"""Quick start with nothing but Python 3.11+: make a local virtual environment, install
Tokki Desktop into it, and then run the app on the demo ledger or run the test suite.

    python3 installer/quickstart.py app     # install, then open the app on the demo ledger
    python3 installer/quickstart.py test    # install (with test tools), then run every test

Only the standard library is used here. The environment lives in ``.venv`` beside the
project and is reused on the next run (the install step is quick when nothing changed).
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
STAMP = VENV / ".tokki-installed"


def venv_python() -> Path:
    if os.name == "nt":
        return VENV / "Scripts" / "python.exe"
    return VENV / "bin" / "python"


def run(cmd: list[str], **kwargs) -> None:
    print("+", " ".join(str(c) for c in cmd), flush=True)
    subprocess.run([str(c) for c in cmd], check=True, **kwargs)


def install() -> Path:
    if sys.version_info < (3, 11):
        sys.exit(f"Tokki Desktop needs Python 3.11 or newer (this is {sys.version.split()[0]}).")
    if not venv_python().exists():
        print(f"creating a virtual environment in {VENV.name}/", flush=True)
        venv.EnvBuilder(with_pip=True, clear=False).create(VENV)
    py = venv_python()
    # Reinstall only when the project's metadata changed (keeps repeated runs fast).
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if not STAMP.exists() or STAMP.read_text().strip() != wanted:
        run([py, "-m", "pip", "install", "--quiet", "--upgrade", "pip"])
        run([py, "-m", "pip", "install", "--quiet", "-e", f"{ROOT}[test]"])
        STAMP.write_text(wanted)
    # Compiled translations (.qm) are built, not committed.
    build = ROOT / "tokki_desktop" / "ui" / "i18n_build.py"
    if build.exists():
        run([py, "-m", "tokki_desktop.ui.i18n_build"], cwd=ROOT)
    return py


def exit_status(code: int, what: str) -> int:
    """The child's exit status for our caller; a crash (killed by a signal) said in words."""
    if code >= 0:
        return code
    import signal

    try:
        name = signal.Signals(-code).name
    except ValueError:
        name = f"signal {-code}"
    print(f"{what} stopped abnormally ({name}). The reason is in the lines above or in the log "
          "file (tokki-desktop.log in the user's log folder).", file=sys.stderr, flush=True)
    return 128 - code


def main(argv: list[str]) -> int:
    what = argv[1] if len(argv) > 1 else "app"
    py = install()
    env = dict(os.environ)
    if what == "app":
        # The app prints why it cannot open a window (missing system libraries, no display)
        # itself; its exit status is passed on unchanged.
        code = subprocess.call([str(py), "-m", "tokki_desktop", "--demo", *argv[2:]], cwd=ROOT, env=env)
        return exit_status(code, "Tokki Desktop")
    if what == "test":
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
        return exit_status(subprocess.call([str(py), "-m", "pytest", *argv[2:]], cwd=ROOT, env=env), "pytest")
    print(__doc__)
    return 2


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))

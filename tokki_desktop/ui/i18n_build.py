"""Build the compiled translations: ``python -m tokki_desktop.ui.i18n_build``.

Runs ``pyside6-lrelease`` on every ``i18n/*.ts`` into ``tokki_desktop/ui/translations/*.qm``.
``--update`` first refreshes the ``.ts`` sources from the code with ``pyside6-lupdate``
(developers run it after adding strings, then translate the new entries).
The app compiles a missing ``.qm`` itself at first start, and shows English when it cannot,
so a missing tool is reported (exit code 1) but nothing else breaks.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

import PySide6

from tokki_desktop.ui.resources import PACKAGE_DIR, qm_dir, ts_dir


def find_tool(name: str) -> list[str] | None:
    """The command line that runs a PySide6 tool (``lrelease``/``lupdate``), or None."""
    # The binaries inside the PySide6 package start in milliseconds (no Python wrapper).
    pyside_dir = Path(PySide6.__file__).parent
    for candidate in (pyside_dir / name, pyside_dir / f"{name}.exe"):
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return [str(candidate)]
    bin_dir = Path(sys.executable).parent
    for candidate in (bin_dir / f"pyside6-{name}", bin_dir / f"pyside6-{name}.exe"):
        if candidate.is_file():
            return [str(candidate)]
    found = shutil.which(f"pyside6-{name}")
    return [found] if found else None


def source_files() -> list[Path]:
    """The Python files whose strings go into the catalogue."""
    return sorted(p for p in (PACKAGE_DIR / "ui").rglob("*.py") if "__pycache__" not in p.parts)


def update_sources() -> int:
    """Refresh ``i18n/*.ts`` from the code (keeps existing translations); 0 on success."""
    tool = find_tool("lupdate")
    if tool is None:
        print("pyside6-lupdate not found", file=sys.stderr)
        return 1
    status = 0
    for ts in sorted(ts_dir().glob("*.ts")):
        # No line numbers: they would change the catalogue on every edit of the code.
        cmd = [*tool, *map(str, source_files()), "-no-obsolete", "-locations", "none", "-ts", str(ts)]
        status |= subprocess.run(cmd, check=False, capture_output=True).returncode
    return status


def compile_one(ts: Path, qm: Path) -> bool:
    """Compile one ``.ts`` to ``qm`` (written to a temporary name, then renamed); True if done."""
    tool = find_tool("lrelease")
    if tool is None:
        return False
    qm.parent.mkdir(parents=True, exist_ok=True)
    partial = qm.with_name(qm.name + ".part")
    done = subprocess.run([*tool, str(ts), "-qm", str(partial)], check=False, capture_output=True)
    if done.returncode != 0 or not partial.is_file():
        partial.unlink(missing_ok=True)
        return False
    os.replace(partial, qm)
    return True


def build(out_dir: Path | None = None, *, quiet: bool = False) -> int:
    """Compile every ``i18n/*.ts`` to ``.qm``; 0 when all were built."""
    tool = find_tool("lrelease")
    sources = sorted(ts_dir().glob("*.ts"))
    if tool is None:
        print("pyside6-lrelease not found: the app will read the .ts files directly", file=sys.stderr)
        return 1
    out = out_dir or qm_dir()
    out.mkdir(parents=True, exist_ok=True)
    status = 0
    for ts in sources:
        qm = out / (ts.stem + ".qm")
        if not compile_one(ts, qm):
            print(f"lrelease failed for {ts.name}", file=sys.stderr)
            status = 1
        elif not quiet:
            print(f"{ts.name} -> {qm.name}")
    return status


def main(argv: list[str] | None = None) -> int:
    """Command line: build the ``.qm`` files (after refreshing the sources with ``--update``)."""
    parser = argparse.ArgumentParser(prog="python -m tokki_desktop.ui.i18n_build", description=__doc__)
    parser.add_argument("--update", action="store_true", help="refresh i18n/*.ts from the code first")
    parser.add_argument("--quiet", action="store_true")
    args = parser.parse_args(argv)
    if args.update and update_sources() != 0:
        return 1
    return build(quiet=args.quiet)


if __name__ == "__main__":
    raise SystemExit(main())

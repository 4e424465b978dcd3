"""Frozen entry point of the desktop app (PyInstaller needs a script, not a module)."""

import multiprocessing

from tokki_desktop.ui.app import main

if __name__ == "__main__":
    # The scanner's worker processes start this same executable when frozen (Windows, macOS).
    multiprocessing.freeze_support()
    raise SystemExit(main())

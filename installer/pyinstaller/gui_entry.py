"""Frozen entry point of the desktop app (PyInstaller needs a script, not a module)."""

from tokki_desktop.ui.app import main

if __name__ == "__main__":
    raise SystemExit(main())

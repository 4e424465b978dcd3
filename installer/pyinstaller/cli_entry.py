"""Frozen entry point of the ``tokki`` command line."""

from tokki_desktop.cli import main

if __name__ == "__main__":
    raise SystemExit(main())

"""Frozen entry point of the ``tokki`` command line."""

import multiprocessing

from tokki_desktop.cli import main

if __name__ == "__main__":
    # The scanner's worker processes start this same executable when frozen (Windows, macOS).
    multiprocessing.freeze_support()
    raise SystemExit(main())

"""``python -m tokki_desktop`` starts the desktop application."""

from tokki_desktop.ui.app import main

if __name__ == "__main__":
    raise SystemExit(main())

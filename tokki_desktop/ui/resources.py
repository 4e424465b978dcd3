"""Where the app's bundled files are: fonts, translations, icons.

In a source checkout (editable install) they sit next to the package
(``tokki_desktop/../resources``, ``../i18n``); in a PyInstaller build everything is unpacked
under ``sys._MEIPASS`` with the same relative layout, which the installer spec keeps.
"""

from __future__ import annotations

import sys
from pathlib import Path

import tokki_desktop

PACKAGE_DIR = Path(tokki_desktop.__file__).resolve().parent


def bundle_root() -> Path:
    """The folder that holds ``resources/`` and ``i18n/`` (the checkout or the frozen bundle)."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if getattr(sys, "frozen", False) and frozen_root:
        return Path(frozen_root)
    return PACKAGE_DIR.parent


def resources_dir() -> Path:
    """``resources/`` (fonts, icons)."""
    return bundle_root() / "resources"


def font_path() -> Path:
    """The bundled IPAex Gothic font, so Japanese text never shows as tofu."""
    return resources_dir() / "fonts" / "ipaexg.ttf"


def ts_dir() -> Path:
    """``i18n/``: the translation sources (``tokki_ja.ts``)."""
    return bundle_root() / "i18n"


def qm_dir() -> Path:
    """Where compiled translations go (git-ignored; built at install or by the frozen build)."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if getattr(sys, "frozen", False) and frozen_root:
        return Path(frozen_root) / "tokki_desktop" / "ui" / "translations"
    return PACKAGE_DIR / "ui" / "translations"

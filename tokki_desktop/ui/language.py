"""The user's language: Japanese by default, English selectable.

Source strings in the code are English (``self.tr()``, ``QT_TRANSLATE_NOOP``); Japanese
comes from ``i18n/tokki_ja.ts``, compiled to ``tokki_ja.qm`` at install time or, when that
is missing or stale, at first start (see :func:`compiled_catalogue`). Qt's own
``qtbase_ja`` (buttons of standard dialogs) is loaded when Qt ships it.
"""

from __future__ import annotations

import logging
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLibraryInfo, QLocale, QTranslator

from tokki_desktop.ui.resources import qm_dir, ts_dir

log = logging.getLogger(__name__)

SUPPORTED = ("ja", "en")
DEFAULT = "ja"
LANGUAGE_NAMES = {"ja": "日本語", "en": "English"}


def normalise(lang: str | None) -> str:
    """``ja``/``en`` from anything like ``ja_JP`` or ``EN``; Japanese when unknown."""
    text = (lang or "").strip().lower()
    return "en" if text.startswith("en") else DEFAULT


def read_ts(path: Path) -> dict[tuple[str, str], str]:
    """Finished translations of a Qt Linguist ``.ts`` file as ``{(context, source): text}``.

    Entries marked ``unfinished``, ``obsolete`` or ``vanished``, and empty ones, are left
    out, exactly as ``lrelease`` would leave them out of the ``.qm``.
    """
    messages: dict[tuple[str, str], str] = {}
    root = ET.parse(path).getroot()
    for ctx in root.iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            source = msg.findtext("source")
            tr = msg.find("translation")
            if source is None or tr is None:
                continue
            if tr.get("type") in {"unfinished", "obsolete", "vanished"}:
                continue
            text = tr.text or ""
            if text:
                messages[(name, source)] = text
    return messages


def _cache_qm_dir() -> Path:
    import platformdirs

    from tokki_desktop import APP_NAME

    return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False)) / "translations"


def _fresh(qm: Path, ts: Path) -> bool:
    # A .qm older than its .ts would show yesterday's wording.
    return qm.is_file() and (not ts.is_file() or qm.stat().st_mtime >= ts.stat().st_mtime)


def compiled_catalogue(lang: str) -> Path | None:
    """The up-to-date ``tokki_<lang>.qm``, compiling it now from the ``.ts`` when needed.

    Normally the install step built it. On a fresh checkout (``*.qm`` is not committed)
    it is compiled at first start (``lrelease`` takes a few milliseconds), into the package
    folder or, when that is read-only, the user's cache folder. ``None`` when there is no
    catalogue and no ``lrelease``: the app then shows its English source strings.

    (Python subclasses of ``QTranslator`` are not an option: PySide6 6.12 corrupts the
    reference count of ``None`` on every call of an overridden ``translate``.)
    """
    from tokki_desktop.ui.i18n_build import compile_one

    ts = ts_dir() / f"tokki_{lang}.ts"
    for folder in (qm_dir(), _cache_qm_dir()):
        qm = folder / f"tokki_{lang}.qm"
        if _fresh(qm, ts):
            return qm
    if not ts.is_file():
        return None
    for folder in (qm_dir(), _cache_qm_dir()):
        qm = folder / f"tokki_{lang}.qm"
        try:
            if compile_one(ts, qm):
                return qm
        except OSError:
            continue
    log.warning("translations could not be compiled (no lrelease); showing English")
    return None


def _our_translator(lang: str) -> QTranslator | None:
    qm = compiled_catalogue(lang)
    if qm is None:
        return None
    translator = QTranslator()
    if translator.load(str(qm)):
        return translator
    log.warning("compiled translation could not be loaded; showing English")
    return None


# Qt's own qtbase_ja lags behind its sources: these file-dialog labels gained a mnemonic and
# lost their Japanese ("Look in:" is translated, "&Look in:" is not). Our catalogue fills them.
QT_GAPS = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
)


def _qt_translator(lang: str) -> QTranslator | None:
    translator = QTranslator()
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if translator.load(QLocale(lang), "qtbase", "_", folder):
        return translator
    return None


class LanguageSwitcher:
    """Installs and swaps the app's translators; remembers which language is active."""

    def __init__(self) -> None:
        self.lang = DEFAULT
        self._installed: list[QTranslator] = []

    def apply(self, lang: str) -> str:
        """Make ``lang`` the language of every string created from now on; return it."""
        lang = normalise(lang)
        for translator in self._installed:
            QCoreApplication.removeTranslator(translator)
        self._installed = []
        if lang != "en":
            for found in (_qt_translator(lang), _our_translator(lang)):
                if found is not None:
                    QCoreApplication.installTranslator(found)
                    self._installed.append(found)
        QLocale.setDefault(QLocale(QLocale.Language.Japanese if lang == "ja" else QLocale.Language.English))
        self.lang = lang
        return lang


_shared: LanguageSwitcher | None = None


def shared_switcher() -> LanguageSwitcher:
    """The process's one switcher: translators are global to the app, so is their owner."""
    global _shared
    if _shared is None:
        _shared = LanguageSwitcher()
    return _shared

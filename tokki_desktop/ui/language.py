"""The user's language: Japanese by default, English selectable.

Source strings in the code are English (``self.tr()``, ``QT_TRANSLATE_NOOP``); Japanese
comes from ``i18n/tokki_ja.ts``. A compiled ``tokki_ja.qm`` is used when it is there and
up to date; otherwise the ``.ts`` file is read directly by :class:`CatalogTranslator`, so a
fresh checkout (``*.qm`` is not committed) or a build without ``lrelease`` is never English
by accident. Qt's own ``qtbase_ja`` (buttons of standard dialogs) is loaded when Qt ships it.
"""

from __future__ import annotations

import logging
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

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


class CatalogTranslator(QTranslator):
    """A translator fed from a parsed ``.ts`` catalogue (used when no ``.qm`` is built)."""

    def __init__(self, messages: dict[tuple[str, str], str]) -> None:
        super().__init__()
        self._messages = messages

    def translate(  # noqa: D102 - Qt's virtual
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        # None (a null QString) lets Qt ask the next translator and finally use the source.
        return self._messages.get((context, source))

    def isEmpty(self) -> bool:  # noqa: N802 - Qt's name
        return not self._messages


class MissingTranslationRecorder(QTranslator):
    """Installed first (so asked last): notes every string of ours nobody translated.

    The translation test installs it; a string that reaches it in Japanese mode has no
    Japanese translation. Qt's own contexts (``Q…``) are left to ``qtbase_ja``.
    """

    def __init__(self) -> None:
        super().__init__()
        self.missing: set[tuple[str, str]] = set()

    def translate(  # noqa: D102 - Qt's virtual
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        if context and not context.startswith("Q") and source.strip():
            self.missing.add((context, source))
        return None

    def isEmpty(self) -> bool:  # noqa: N802 - Qt's name
        return False


def _our_translator(lang: str) -> QTranslator | None:
    ts = ts_dir() / f"tokki_{lang}.ts"
    qm = qm_dir() / f"tokki_{lang}.qm"
    # A .qm older than its .ts would show yesterday's wording: prefer the source then.
    if qm.is_file() and (not ts.is_file() or qm.stat().st_mtime >= ts.stat().st_mtime):
        translator = QTranslator()
        if translator.load(str(qm)):
            return translator
        log.warning("compiled translation could not be loaded; reading the source catalogue")
    if ts.is_file():
        try:
            return CatalogTranslator(read_ts(ts))
        except (OSError, ET.ParseError):
            log.exception("translation catalogue unreadable; showing English")
    return None


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
            for translator in (_qt_translator(lang), _our_translator(lang)):
                if translator is not None:
                    QCoreApplication.installTranslator(translator)
                    self._installed.append(translator)
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

"""How the app looks: the bundled Japanese font and the status colours.

Status is never shown by colour alone: every coloured cell also carries a word and a symbol,
and the colours are picked to stay distinct in high-contrast and colour-blind settings.
"""

from __future__ import annotations

import logging

from PySide6.QtGui import QColor, QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from tokki_desktop.ui.resources import font_path

log = logging.getLogger(__name__)

# ok / due soon / overdue / violation: background colours light enough for black text.
STATUS_COLOURS: dict[str, QColor] = {
    "ok": QColor("#d7f0d8"),
    "due_soon": QColor("#fff1b8"),
    "overdue": QColor("#ffd3a8"),
    "violation": QColor("#ffc4c4"),
    "unregistered": QColor("#e4e4e4"),  # grey: not judged, so neither green nor red
}
# Stronger tones of the same hues, for bars in charts (with white separators).
STATUS_STRONG: dict[str, QColor] = {
    "ok": QColor("#2e7d32"),
    "due_soon": QColor("#b58900"),
    "overdue": QColor("#d35400"),
    "violation": QColor("#c62828"),
    "unregistered": QColor("#757575"),
}
STATUS_SYMBOLS: dict[str, str] = {"ok": "✔", "due_soon": "△", "overdue": "▲", "violation": "✖",
                                  "unregistered": "○"}


def register_japanese_font(app: QApplication) -> str | None:
    """Register the bundled IPAex Gothic and make it the app font; return its family.

    Without it a terminal that has no Japanese font installed would show tofu (□) for
    every label. Missing or unreadable font file: keep Qt's default and say so in the log.
    """
    path = font_path()
    if not path.is_file():
        log.warning("bundled Japanese font not found; using the system font")
        return None
    font_id = QFontDatabase.addApplicationFont(str(path))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if not families:
        log.warning("bundled Japanese font could not be loaded; using the system font")
        return None
    font = QFont(families[0])
    size = app.font().pointSizeF()
    # Offscreen and minimal platforms report tiny or no sizes; 10 pt reads well at 100–150 %.
    font.setPointSizeF(size if size >= 9 else 10.0)
    app.setFont(font)
    return families[0]

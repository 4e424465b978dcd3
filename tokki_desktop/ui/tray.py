"""The tray icon: the monitor's state at a glance, and notifications for detections.

Watching (green ●), scanning with progress (blue ◐ and a percentage), a detection waiting
(red !), stopped (grey ○): shape and text as well as colour. Notifications name the place
and the rule only; a file name (which can name a person) stays inside the app's window.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, QRectF, Qt, Signal
from PySide6.QtGui import QAction, QColor, QFont, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from tokki_desktop.ui.monitor_bridge import MonitorBridge

_LOOK = {
    "watching": ("#2e7d32", "●"),
    "scanning": ("#1565c0", "◐"),
    "detection_waiting": ("#c62828", "!"),
    "stopped": ("#757575", "○"),
}


def state_icon(phase: str) -> QIcon:
    """A round icon in the phase's colour with its symbol (readable without colour)."""
    colour, symbol = _LOOK.get(phase, _LOOK["stopped"])
    pixmap = QPixmap(32, 32)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(QColor(colour))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.drawEllipse(1, 1, 30, 30)
    font = QFont()
    font.setBold(True)
    font.setPixelSize(20)
    painter.setFont(font)
    painter.setPen(QColor("#ffffff"))
    painter.drawText(QRectF(0, 0, 32, 32), Qt.AlignmentFlag.AlignCenter, symbol)
    painter.end()
    return QIcon(pixmap)


class MonitorTray(QObject):
    """Owns the tray icon; follows the bridge's state and shows notifications."""

    open_requested = Signal()
    show_detections = Signal()

    def __init__(self, bridge: MonitorBridge, lang: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lang = lang
        self.icon = QSystemTrayIcon(self)
        self.menu = QMenu()
        self.status_action = QAction("", self.menu)
        self.status_action.setEnabled(False)
        open_action = QAction(self.tr("&Open Tokki Desktop"), self.menu)
        open_action.triggered.connect(self.open_requested)
        inbox_action = QAction(self.tr("Show &detections"), self.menu)
        inbox_action.triggered.connect(self.show_detections)
        for action in (self.status_action, open_action, inbox_action):
            self.menu.addAction(action)
        self.icon.setContextMenu(self.menu)
        self.icon.activated.connect(lambda _reason: self.open_requested.emit())
        self.icon.messageClicked.connect(self.show_detections)
        self.last_message = ""
        self.status_text = ""
        bridge.monitor_state.connect(self.show_state)
        bridge.monitor_event.connect(self.notify)
        self.show_state(bridge.last_state)
        if QSystemTrayIcon.isSystemTrayAvailable():
            self.icon.show()

    def show_state(self, state: Any) -> None:
        """Icon and tooltip for a monitor state (``None``: not running)."""
        phase = getattr(state, "phase", "stopped") if state is not None else "stopped"
        if phase == "watching":
            text = self.tr("Monitor: watching")
        elif phase == "scanning":
            progress = getattr(state, "progress", None)
            text = (self.tr("Monitor: scanning %1%").replace("%1", str(int(progress * 100)))
                    if progress is not None else self.tr("Monitor: scanning"))
        elif phase == "detection_waiting":
            text = self.tr("Monitor: %1 detection(s) waiting").replace("%1", str(state.open_detections))
        else:
            text = self.tr("Monitor: stopped")
        self.status_text = text
        self.status_action.setText(text)
        self.icon.setToolTip("Tokki Desktop — " + text)
        self.icon.setIcon(state_icon(phase))

    def show_elsewhere(self, why: str) -> None:
        """This window runs no monitor because another one already does (say why)."""
        self.status_text = self.tr("Monitor: running in another process")
        self.status_action.setText(self.status_text)
        self.icon.setToolTip("Tokki Desktop — " + self.status_text + "\n" + why)
        self.icon.setIcon(state_icon("watching"))

    def notify(self, event: Any) -> None:
        """A desktop notification for a detection or an unregistered medium."""
        if event.kind not in ("detection", "unregistered_medium"):
            return
        title = (self.tr("Personal data found") if event.kind == "detection"
                 else self.tr("Unregistered medium"))
        self.last_message = f"{title}: {event.message(self._lang)}"
        if QSystemTrayIcon.supportsMessages() and self.icon.isVisible():
            self.icon.showMessage(title, event.message(self._lang), QSystemTrayIcon.MessageIcon.Warning, 15000)

    def hide(self) -> None:
        """Remove the icon (logout, exit)."""
        self.icon.hide()

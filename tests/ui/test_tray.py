"""The tray: the monitor's state in words and symbols; notifications without file names."""

from __future__ import annotations

from tokki_desktop.monitor.events import MonitorEvent, MonitorState
from tokki_desktop.ui.language import shared_switcher
from tokki_desktop.ui.monitor_bridge import MonitorBridge
from tokki_desktop.ui.tray import MonitorTray


def test_states_and_notifications(qtbot) -> None:
    shared_switcher().apply("ja")
    bridge = MonitorBridge()
    tray = MonitorTray(bridge, "ja")
    assert tray.status_text == "監視停止中"  # nothing running yet
    with qtbot.waitSignal(bridge.monitor_state):
        bridge.monitor_state.emit(MonitorState("scanning", progress=0.42, busy_files=3))
    assert tray.status_text == "検査中 42%"
    bridge.monitor_state.emit(MonitorState("detection_waiting", open_detections=2))
    assert tray.status_text == "検知 2 件が処理待ち"
    assert bridge.last_state.open_detections == 2
    bridge.monitor_event.emit(MonitorEvent("unregistered_medium", "未登録の媒体が接続されました。",
                                           "An unregistered medium was connected.", place="E:",
                                           file_name="名簿.xlsx"))
    assert tray.last_message.startswith("未登録の記録媒体: 未登録の媒体")
    assert "名簿" not in tray.last_message
    bridge.monitor_event.emit(MonitorEvent("medium_removed", "外されました。", "Removed."))
    assert "外されました" not in tray.last_message  # only detections and unknown media notify
    tray.hide()

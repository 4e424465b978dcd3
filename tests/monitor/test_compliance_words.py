"""The monitor's compliance messages word their times like every other rule: 和暦 on the terminal's clock."""

from __future__ import annotations

import datetime as dt

from tokki_desktop.monitor import compliance_rules
from tokki_desktop.registers.compliance.data import ComplianceData

JST = dt.timezone(dt.timedelta(hours=9))
NOW = dt.datetime(2026, 11, 26, 12, 0, tzinfo=JST)
CONTRACT = {"id": 1, "seireki_in_brackets": 0}


def _data(tables: dict[str, list[dict]], contract: dict | None = None) -> ComplianceData:
    return ComplianceData({"contracts": [contract or CONTRACT]}, extra=lambda name: tables.get(name, []))


def test_a_gap_stored_in_utc_reads_in_wareki_on_the_terminals_clock() -> None:
    # 22:00 and 23:30 UTC of the 25th are 07:00 and 08:30 of the 26th in Japan.
    gap = {"id": 4, "gap_from": "2026-11-25T22:00:00+00:00", "gap_to": "2026-11-25T23:30:00+00:00",
           "reason": "killed"}
    found = list(compliance_rules.monitor_gaps(_data({"monitor_gaps": [gap]}), NOW))
    assert len(found) == 1
    f = found[0]
    assert f.message_ja == "令和8年11月26日 7時00分から令和8年11月26日 8時30分まで、監視が強制終了されていました。"
    assert f.message_en == "From 2026-11-26 07:00 to 2026-11-26 08:30 the monitor had been killed."
    assert "2026-11-25" not in f.message_ja + f.message_en
    assert f.due == dt.datetime(2026, 11, 25, 23, 30, tzinfo=dt.UTC)  # the machine value is untouched


def test_the_contracts_western_year_setting_is_honoured() -> None:
    gap = {"id": 4, "gap_from": "2026-11-26T07:00:00+09:00", "gap_to": "2026-11-26T08:00:00+09:00",
           "reason": "officer_stop"}
    f = next(compliance_rules.monitor_gaps(
        _data({"monitor_gaps": [gap]}, {"id": 1, "seireki_in_brackets": 1}), NOW))
    assert "令和8年（2026年）11月26日 7時00分" in f.message_ja
    assert f.severity == "due_soon"


def test_a_silent_monitor_and_an_officer_stop_say_when_in_wareki() -> None:
    silent = {"id": 9, "started_at": "2026-11-26T00:00:00+00:00", "last_heartbeat_at": "2026-11-26T01:05:00+00:00",
              "stopped_at": None, "stop_kind": None}
    f = next(compliance_rules.monitor_gaps(_data({"monitor_runs": [silent]}), NOW))
    assert f.message_ja == "令和8年11月26日 10時05分以降、監視からの応答がありません。"
    assert f.message_en == "No sign of the monitor since 2026-11-26 10:05."
    stopped = dict(silent, stopped_at="2026-11-26T02:00:00+00:00", stop_kind="officer")
    f = next(compliance_rules.monitor_gaps(_data({"monitor_runs": [stopped]}), NOW))
    assert f.message_ja == "令和8年11月26日 11時00分から、取扱責任者の指示で監視が停止しています。"
    assert "2026-11-26 11:00" in f.message_en


def test_open_detections_name_their_time_on_the_terminals_clock() -> None:
    det = {"id": 3, "status": "open", "article": 5, "rule": "copy_without_approval", "severity": "violation",
           "place": "Downloads", "detected_at": "2026-11-26T00:30:00+00:00"}
    f = next(compliance_rules.open_detections(_data({"monitor_detections": [det]}), NOW))
    assert f.refs[0].title == "Downloads 2026-11-26 09:30"
    assert f.severity == "violation" and f.contract_id == 1

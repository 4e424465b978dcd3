"""The audit chain as people read it: 作成・変更 for actions, register names, a readable diff.

The chain stores codes (``update``, ``supervision_reports``, JSON of old and new values) so
that it can be verified and exported; the audit screen shows them through this module. What
it cannot name (a code added later) is shown as stored, never dropped.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any

from tokki_desktop.registers.catalog import SPECS
from tokki_desktop.registers.spec import SYSTEM_COLUMNS, FieldSpec
from tokki_desktop.wareki import format_wareki_datetime

#: Audit actions in the words of a 取扱責任者 (ja, en).
ACTION_WORDS: dict[str, tuple[str, str]] = {
    "insert": ("作成", "created"),
    "update": ("変更", "changed"),
    "close": ("終了", "closed"),
    "append": ("追記", "added to"),
    "ledger_created": ("台帳の作成", "ledger created"),
    "schema_upgrade": ("台帳形式の更新", "ledger format upgraded"),
    "unlock": ("ログイン", "logged in"),
    "unlock_failed": ("ログインの失敗", "failed login"),
    "passphrase_changed": ("パスフレーズの変更", "passphrase changed"),
    "terminal_slot_enabled": ("端末の鍵を有効化", "terminal key enabled"),
    "terminal_slot_disabled": ("端末の鍵を無効化", "terminal key disabled"),
    "backup_written": ("バックアップの作成", "backup written"),
    "restored": ("バックアップから復元", "restored from a backup"),
    "user_added": ("利用者の追加", "user added"),
    "user_disabled": ("利用者の無効化", "user disabled"),
    "form_rendered": ("様式の作成", "form made"),
    "form_printed": ("様式の印刷", "form printed"),
    "watch_added": ("監視フォルダの追加", "watched folder added"),
    "watch_removed": ("監視フォルダの解除", "watched folder removed"),
    "monitor_started": ("監視の開始", "monitor started"),
    "monitor_stopped": ("監視の停止", "monitor stopped"),
    "monitor_heartbeat": ("監視の稼働確認", "monitor running"),
    "detection": ("検知", "detection"),
    "detection_updated": ("検知の処理", "detection handled"),
    "detection_quarantine": ("検知ファイルの隔離", "detected file quarantined"),
    "detection_explained": ("検知の説明", "detection explained"),
    "quarantine": ("隔離", "quarantined"),
    "quarantine_auto": ("自動隔離", "quarantined automatically"),
    "quarantine_restored": ("隔離からの復元", "restored from quarantine"),
    "inventory": ("媒体の棚卸し", "media inventory"),
    "erase": ("消去", "erased"),
    "fingerprint_dataset_added": ("照合データの登録", "dataset registered"),
    "fingerprint_dataset_closed": ("照合データの終了", "dataset closed"),
    "terminal_enrolled": ("端末の登録", "terminal enrolled"),
    "terminal_revoked": ("端末の登録取消", "terminal revoked"),
    "site_bundle_imported": ("端末の記録の取込み", "terminal bundle imported"),
    "site_bundle_refused": ("端末の記録の受付拒否", "terminal bundle refused"),
    "site_gap": ("端末の記録の欠番", "terminal bundles missing"),
    "site_gap_filled": ("欠番の解消", "missing bundles arrived"),
    "site_terminal_seen": ("端末の稼働確認", "terminal heard of"),
    "site_policy_changed": ("端末のポリシーの更新", "terminal policy changed"),
    "site_revocation_delivered": ("登録取消の通知", "revocation delivered"),
    "site_resolution_requested": ("端末での処理の依頼", "resolution requested from a terminal"),
    "site_resolution_done": ("端末での処理の完了", "resolution done on a terminal"),
    "site_resolution_failed": ("端末での処理の失敗", "resolution failed on a terminal"),
    "detection_removed": ("検知ファイルの削除の確認", "detected file's removal confirmed"),
}

#: Tables outside the registers (ja, en).
TABLE_WORDS: dict[str, tuple[str, str]] = {
    "users": ("利用者", "user"),
    "settings": ("設定", "setting"),
    "monitor_detections": ("検知", "detection"),
    "monitor_folders": ("監視フォルダ", "watched folder"),
    "monitor_runs": ("監視の稼働", "monitor run"),
    "monitor_gaps": ("監視の空白", "monitor gap"),
    "monitor_quarantine": ("隔離ファイル", "quarantined file"),
    "monitor_media_events": ("媒体の接続", "medium event"),
    "monitor_inventory": ("媒体の棚卸し", "media inventory"),
    "fingerprint_datasets": ("照合データ", "dataset"),
    "site_terminals": ("作業場所の端末", "work-site terminal"),
    "site_bundles": ("端末の記録の束", "terminal bundle"),
    "site_gaps": ("端末の記録の欠番", "missing terminal bundles"),
    "site_refusals": ("受付を拒否した束", "refused bundle"),
    "site_resolutions": ("端末での処理", "resolution on a terminal"),
}
_REGISTER_OF_TABLE = {spec.table: spec for spec in SPECS.values()}
_EMPTY = {"ja": "（なし）", "en": "(none)"}
# Shown in the When and Who columns already, or by the record's number.
_NOT_REPEATED = frozenset(SYSTEM_COLUMNS) - {"closed_at", "close_reason"}
_MAX_VALUE = 60  # a long text (a complaint's content) is cut in the table; the record has it all


def action_text(action: str, lang: str = "ja") -> str:
    """``update`` → 変更 / changed (an unknown code as stored)."""
    ja, en = ACTION_WORDS.get(action, (action, action))
    return en if lang == "en" else ja


def record_text(table: str | None, row_id: int | None, lang: str = "ja") -> str:
    """``supervision_reports``, 1 → 再委託先監督状況報告 No.1."""
    if not table:
        return ""
    spec = _REGISTER_OF_TABLE.get(table)
    if spec is not None:
        name = spec.label_en if lang == "en" else spec.label_ja
    else:
        ja, en = TABLE_WORDS.get(table, (table, table))
        name = en if lang == "en" else ja
    return f"{name} No.{row_id}" if row_id is not None else name


def _field(table: str | None, name: str) -> FieldSpec | None:
    spec = _REGISTER_OF_TABLE.get(table or "")
    if spec is None:
        return None
    try:
        return spec.field(name)
    except KeyError:
        return None


# Code values outside the registers' choices (ja, en).
_VALUE_WORDS = {"passphrase": ("パスフレーズ", "passphrase"), "recovery_key": ("回復キー", "recovery key"),
                "terminal": ("端末の鍵", "terminal key"), "open": ("未処理", "open"),
                "handler": ("従事者", "handler"), "officer": ("取扱責任者", "responsible officer")}
_MOMENT = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d")


def _plain(value: object, lang: str) -> str:
    """A value with no field spec: a moment as a date and time, a known code in words."""
    text = str(value)
    if isinstance(value, str) and _MOMENT.match(value):
        try:
            moment = dt.datetime.fromisoformat(value)
        except ValueError:
            return text
        local = moment.astimezone() if moment.tzinfo is not None else moment
        return format_wareki_datetime(local) if lang == "ja" else local.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, str) and value in _VALUE_WORDS:
        ja, en = _VALUE_WORDS[value]
        return en if lang == "en" else ja
    return text


def _value(field: FieldSpec | None, value: object, lang: str) -> str:
    if value is None or value == "":
        return _EMPTY[lang]
    if isinstance(value, (dict, list)):
        text = json.dumps(value, ensure_ascii=False)
    else:
        text = field.display(value, lang, wareki=lang == "ja") if field is not None else _plain(value, lang)
    return text if len(text) <= _MAX_VALUE else text[:_MAX_VALUE - 1] + "…"


_CLOSING_LABELS = {"closed_at": ("終了日時", "closed at"), "closed_by": ("終了した人", "closed by"),
                   "close_reason": ("終了の理由", "reason for closing")}
#: Fields of the tables outside the registers (users, the monitor's), as people call them.
_OTHER_LABELS: dict[str, tuple[str, str]] = {
    "login": ("ログイン名", "login"), "name": ("氏名", "name"), "role": ("役割", "role"),
    "method": ("方法", "method"), "path": ("パス", "path"), "place": ("場所", "place"),
    "polling": ("定期確認", "polling"), "article": ("条項", "article"), "rule": ("規則", "rule"),
    "verdict": ("判定", "verdict"), "status": ("状態", "status"), "severity": ("重大度", "severity"),
    "findings": ("検出内容", "found"), "examples": ("例（伏せ字）", "examples (masked)"),
    "detected_at": ("検知日時", "detected at"), "size": ("サイズ", "size"), "score": ("点数", "score"),
    "host": ("端末", "computer"), "os_user": ("OS の利用者", "OS user"), "boot_at": ("端末の起動", "computer started"),
    "started_at": ("開始", "started"), "stopped_at": ("停止", "stopped"), "stop_kind": ("停止の種類", "kind of stop"),
    "stopped_by": ("停止した人", "stopped by"), "last_heartbeat_at": ("最後の稼働確認", "last seen running"),
    "finished_at": ("終了", "finished"), "files": ("ファイル数", "files"), "personal_data": ("個人情報あり", "personal data"),
    "encrypted": ("暗号化", "encrypted"), "unreadable": ("読めない", "unreadable"), "complete": ("完了", "complete"),
    "text": ("説明", "explanation"), "gap_from": ("空白の開始", "gap from"), "gap_to": ("空白の終了", "gap to"),
    "reason": ("理由", "reason"), "resolution": ("処理", "resolution"), "key": ("項目", "setting"),
    "value": ("値", "value"), "form": ("様式", "form"),
}
# Machine keys (keyed hashes, process ids) mean nothing to a reader; the chain keeps them.
_NOT_SHOWN_OTHER = frozenset({"content_hash", "dedupe_key", "pid", "uid", "record_uid", "run_uid", "sha256",
                              "volume_id", "mac"})


def _label(table: str | None, name: str, lang: str) -> str:
    field = _field(table, name)
    if field is not None:
        return field.label(lang)
    ja, en = _CLOSING_LABELS.get(name) or _OTHER_LABELS.get(name, (name, name))
    return en if lang == "en" else ja


def _skipped(table: str | None, name: str) -> bool:
    return name in _NOT_REPEATED or (table not in _REGISTER_OF_TABLE and name in _NOT_SHOWN_OTHER)


def _shown(field: FieldSpec | None, value: object, lang: str) -> str:
    try:
        return _value(field, value, lang)
    except (ValueError, TypeError):  # a stored value that is not what the field says: as stored
        return str(value)


def change_text(table: str | None, change: str | bytes | None, lang: str = "ja") -> str:
    """The stored JSON as a readable diff: 承認日: （なし） → 令和8年4月1日、氏名: 山田 太郎."""
    if not change:
        return ""
    try:
        data: Any = json.loads(change)
    except (ValueError, TypeError):
        return str(change)
    if not isinstance(data, dict):
        return str(change)
    sep = "; " if lang == "en" else "、"
    old, new = data.get("old"), data.get("new")
    parts: list[str] = []
    if isinstance(new, dict) and isinstance(old, dict):
        for name, after in new.items():
            if _skipped(table, name):
                continue
            field = _field(table, name)
            parts.append(f"{_label(table, name, lang)}: {_shown(field, old.get(name), lang)} → "
                         f"{_shown(field, after, lang)}")
    elif isinstance(new, dict):
        for name, value in new.items():
            if value is None or value == "" or _skipped(table, name):
                continue  # a new record: only what was filled in
            parts.append(f"{_label(table, name, lang)}: {_shown(_field(table, name), value, lang)}")
    else:
        for name, value in data.items():
            if _skipped(table, name):
                continue
            parts.append(f"{_label(table, name, lang)}: {_shown(_field(table, name), value, lang)}")
    return sep.join(parts)

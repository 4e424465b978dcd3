"""Known errors of the monitor (ja + en), subclasses of :class:`KnownError`.

Messages name folders, ids and counts only, never document text.
"""

from __future__ import annotations

from tokki_desktop.errors import KnownError


class MonitorError(KnownError):
    """Base of the monitor's known errors."""


class WatchFolderMissing(MonitorError):
    """A folder to watch does not exist or is not a folder."""

    def __init__(self, folder: str) -> None:
        super().__init__(
            f"監視するフォルダ（{folder}）が見つかりません。",
            f"The folder to watch ({folder}) does not exist.",
            hint_ja="フォルダの場所を確かめてください。",
            hint_en="Check the folder's location.",
        )


class WatchFolderNotWatched(MonitorError):
    """Removing a folder that is not on the watch list."""

    def __init__(self, folder: str) -> None:
        super().__init__(
            f"フォルダ（{folder}）は監視対象ではありません。",
            f"The folder {folder} is not being watched.",
            hint_ja="`tokki watch list` で監視対象を確かめてください。",
            hint_en="See `tokki watch list` for the watched folders.",
        )


class TerminalKeyUnavailable(MonitorError):
    """The monitor cannot open its encrypted spool without the terminal key."""

    def __init__(self) -> None:
        super().__init__(
            "端末鍵（OSのキーリング）が使えないため、監視を開始できません。",
            "The terminal key (OS keyring) is not available, so the monitor cannot start.",
            hint_ja="取扱責任者が端末の登録をやり直してください。",
            hint_en="Ask an officer to set up this terminal again.",
        )


class SpoolDamaged(MonitorError):
    """A spool record fails authentication: altered, truncated or from another ledger."""

    def __init__(self, name: str) -> None:
        super().__init__(
            f"監視記録の一時保存ファイル（{name}）が壊れているか改ざんされています。ファイルは残してあります。",
            f"The monitor spool record {name} is damaged or altered; it has been kept as it is.",
        )


class StillPresent(MonitorError):
    """'Removed' was claimed but the file is still where it was found."""

    def __init__(self, detection_id: int) -> None:
        super().__init__(
            f"検知（ID {detection_id}）のファイルはまだ残っています。削除を確認できません。",
            f"The file of detection {detection_id} is still there; removal cannot be confirmed.",
            hint_ja="ファイルを削除するか、隔離を選んでください。",
            hint_en="Delete the file, or choose quarantine.",
        )


class AlreadyResolved(MonitorError):
    """A detection that is already resolved cannot be resolved again."""

    def __init__(self, detection_id: int) -> None:
        super().__init__(
            f"検知（ID {detection_id}）は既に処理済みです。",
            f"Detection {detection_id} has already been resolved.",
        )


class QuarantineFileGone(MonitorError):
    """The file to quarantine is no longer at its place (or changed since detection)."""

    def __init__(self, detection_id: int) -> None:
        super().__init__(
            f"検知（ID {detection_id}）のファイルが見つからないか、検知後に変更されています。隔離できません。",
            f"The file of detection {detection_id} is gone or changed since it was detected; it cannot be quarantined.",
            hint_ja="削除済みなら「removed」で処理してください。",
            hint_en="If it was deleted, resolve it as 'removed'.",
        )


class RestoreTargetExists(MonitorError):
    """Restoring would overwrite an existing file: refused."""

    def __init__(self, target: str) -> None:
        super().__init__(
            f"復元先（{target}）に既にファイルがあります。上書きはしません。",
            f"A file already exists at {target}; it will not be overwritten.",
            hint_ja="`--to` で別の復元先を指定してください。",
            hint_en="Give another place with `--to`.",
        )


class QuarantineDamaged(MonitorError):
    """A quarantined file fails authentication on restore."""

    def __init__(self, quarantine_id: int) -> None:
        super().__init__(
            f"隔離ファイル（ID {quarantine_id}）が壊れているか改ざんされています。何も書き出していません。",
            f"Quarantined file {quarantine_id} is damaged or altered; nothing was written.",
        )


class BadResolution(MonitorError):
    """An unknown resolution kind was asked for."""

    def __init__(self, kind: str) -> None:
        super().__init__(
            f"処理方法「{kind}」はありません（approve / removed / quarantine / incident）。",
            f"There is no resolution '{kind}' (approve / removed / quarantine / incident).",
        )

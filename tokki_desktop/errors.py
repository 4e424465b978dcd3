"""Known errors: the environment's or the user's doing, shown to the user in their language.

Anything that is *not* a :class:`KnownError` is a bug of ours: the CLI and the GUI log it
with a traceback (never with personal data) and show a short apology instead.
Messages never contain document text or personal data; only field names, file names of
the ledger itself and counts.
"""

from __future__ import annotations

import os


def user_language() -> str:
    """The language for messages: ``TOKKI_LANG`` (ja/en) wins, else Japanese first."""
    lang = os.environ.get("TOKKI_LANG", "").strip().lower()
    return "en" if lang.startswith("en") else "ja"


class KnownError(Exception):
    """An error with a message a 従事者 can act on, in Japanese and English."""

    exit_code = 2

    def __init__(self, ja: str, en: str, *, hint_ja: str = "", hint_en: str = "") -> None:
        super().__init__(en)
        self.ja = ja
        self.en = en
        self.hint_ja = hint_ja
        self.hint_en = hint_en

    def message(self, lang: str | None = None) -> str:
        """One line (plus a hint, when there is one) in ``lang`` (default: the user's)."""
        lang = lang or user_language()
        text, hint = (self.en, self.hint_en) if lang == "en" else (self.ja, self.hint_ja)
        return f"{text} {hint}".strip()

    def __str__(self) -> str:
        return self.message()


class WrongPassphrase(KnownError):
    """The passphrase (or recovery key) does not open any key slot."""

    def __init__(self) -> None:
        super().__init__(
            "パスフレーズが違います。",
            "The passphrase is not correct.",
            hint_ja="入力し直してください。忘れた場合は取扱責任者に再設定を依頼するか、回復キーを使ってください。",
            hint_en="Type it again. If it is lost, ask an officer to reset it or use the recovery key.",
        )


class UnknownUser(KnownError):
    """No key slot for this login."""

    def __init__(self, login: str) -> None:
        super().__init__(
            f"利用者「{login}」は登録されていません。",
            f"There is no user '{login}'.",
            hint_ja="ログイン名を確かめてください。",
            hint_en="Check the login name.",
        )


class TooManyAttempts(KnownError):
    """Unlock refused for a while after repeated wrong passphrases (backoff)."""

    def __init__(self, wait_seconds: float) -> None:
        secs = max(1, int(round(wait_seconds)))
        super().__init__(
            f"パスフレーズの誤りが続いたため、あと{secs}秒待ってから入力してください。",
            f"Too many wrong passphrases: wait {secs} seconds before trying again.",
        )
        self.wait_seconds = wait_seconds


class LedgerMissing(KnownError):
    """No ledger in the data folder."""

    def __init__(self, where: str) -> None:
        super().__init__(
            f"台帳が見つかりません（{where}）。",
            f"No ledger was found in {where}.",
            hint_ja="`tokki init` で作成するか、`--data-dir` を確かめてください。",
            hint_en="Create one with `tokki init`, or check `--data-dir`.",
        )


class LedgerExists(KnownError):
    """Refuse to create a ledger over an existing one."""

    def __init__(self, where: str) -> None:
        super().__init__(
            f"この場所には既に台帳があります（{where}）。上書きはしません。",
            f"A ledger already exists in {where}; it will not be overwritten.",
        )


class LedgerDamaged(KnownError):
    """The encrypted ledger file fails to open or fails its integrity check."""

    def __init__(self, detail_ja: str = "", detail_en: str = "") -> None:
        super().__init__(
            f"台帳ファイルが壊れているか、改ざんされています。{detail_ja}".strip(),
            f"The ledger file is damaged or has been altered. {detail_en}".strip(),
            hint_ja="ファイルには手を加えていません。`tokki restore <バックアップ>` で復元してください。",
            hint_en="Nothing was changed. Restore it with `tokki restore <backup>`.",
        )


class HeaderDamaged(KnownError):
    """The key-slot header file is truncated, bit-flipped or of an unknown version."""

    def __init__(self, detail_en: str = "") -> None:
        super().__init__(
            "鍵ファイル（ledger.keys）が壊れています。",
            f"The key file (ledger.keys) is damaged. {detail_en}".strip(),
            hint_ja="ファイルには手を加えていません。同じ場所の ledger.keys.bak を ledger.keys として戻すか、バックアップから復元してください。",
            hint_en="Nothing was changed. Put ledger.keys.bak back as ledger.keys, or restore from a backup.",
        )


class NetworkShareRefused(KnownError):
    """The ledger may not live on a network file system (locking and durability)."""

    def __init__(self, where: str, fstype: str) -> None:
        super().__init__(
            f"台帳をネットワーク上の場所（{where}、{fstype}）に置くことはできません。",
            f"The ledger cannot be placed on a network share ({where}, {fstype}).",
            hint_ja="この端末のローカルディスク上のフォルダを指定してください。",
            hint_en="Choose a folder on this terminal's local disk.",
        )


class DiskFull(KnownError):
    """The disk (or the ledger's size limit) is full; nothing partial was written."""

    def __init__(self) -> None:
        super().__init__(
            "ディスクの空き容量が足りないため、記録できませんでした。途中までの記録は残っていません。",
            "The disk is full, so nothing was recorded (no partial record was left).",
            hint_ja="空き容量を確保してから、もう一度操作してください。",
            hint_en="Free some space and try again.",
        )


class NotPermitted(KnownError):
    """The action needs the 取扱責任者 (officer) role."""

    def __init__(self, action_ja: str, action_en: str) -> None:
        super().__init__(
            f"{action_ja}は取扱責任者だけが行えます。",
            f"Only an officer (取扱責任者) can {action_en}.",
        )


class InvalidInput(KnownError):
    """A value the user typed is not acceptable; names the field, nothing was written."""

    def __init__(self, field_ja: str, field_en: str, why_ja: str, why_en: str) -> None:
        super().__init__(
            f"「{field_ja}」: {why_ja}（何も記録していません）",
            f"{field_en}: {why_en} (nothing was recorded)",
        )
        self.field_ja = field_ja
        self.field_en = field_en


class NotFound(KnownError):
    """A record asked for by id does not exist."""

    def __init__(self, what_ja: str, what_en: str, ident: object) -> None:
        super().__init__(
            f"{what_ja}（ID {ident}）は見つかりません。",
            f"{what_en} with id {ident} was not found.",
        )


class BackupInvalid(KnownError):
    """A backup file that cannot be opened with this ledger's key, or fails its checks."""

    def __init__(self, where: str, detail_en: str = "") -> None:
        super().__init__(
            f"バックアップ（{where}）を開けないか、検査に失敗しました。何も置き換えていません。",
            f"The backup {where} cannot be opened or failed its checks; nothing was replaced. {detail_en}".strip(),
        )

"""Known errors: the environment's or the user's doing, shown to the user in their language.

Anything that is *not* a :class:`KnownError` is a bug of ours: the CLI and the GUI log it
with a traceback (never with personal data) and show a short apology instead.
Messages never contain document text or personal data; only field names, file names of
the ledger itself and counts.
"""

from __future__ import annotations

import os

import sqlcipher3


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


class LedgerEmpty(LedgerDamaged):
    """``ledger.tokki`` exists with 0 bytes: a failed copy or sync, never a new ledger."""

    def __init__(self, where: str) -> None:
        KnownError.__init__(
            self,
            f"台帳ファイルが空（0バイト）です（{where}）。コピーや同期の失敗が考えられます。新しい台帳として作り直すことはしません。",
            f"The ledger file is empty (0 bytes) in {where}, probably a failed copy or sync; it will not be recreated as a new ledger.",
            hint_ja="元の ledger.tokki を戻すか、`tokki restore <バックアップ>` で復元してください。",
            hint_en="Put the original ledger.tokki back, or restore with `tokki restore <backup>`.",
        )


class LedgerTruncated(LedgerDamaged):
    """``ledger.tokki`` is shorter than a whole ledger (a copy cut off)."""

    def __init__(self, where: str, size: int) -> None:
        KnownError.__init__(
            self,
            f"台帳ファイルが途中で切れています（{where}、{size}バイト）。コピーや同期が途中で止まった可能性があります。ファイルには手を加えていません。",
            f"The ledger file is cut short ({where}, {size} bytes), probably an interrupted copy or sync; nothing was changed.",
            hint_ja="元の ledger.tokki を戻すか、`tokki restore <バックアップ>` で復元してください。",
            hint_en="Put the original ledger.tokki back, or restore with `tokki restore <backup>`.",
        )


class NotALedger(LedgerDamaged):
    """The file in the ledger's place is some other file (a plain SQLite database, a text…)."""

    def __init__(self, where: str, what_ja: str, what_en: str) -> None:
        KnownError.__init__(
            self,
            f"{where} は Tokki の台帳ではありません（{what_ja}）。ファイルには手を加えていません。",
            f"{where} is not a Tokki ledger ({what_en}); nothing was changed.",
            hint_ja="正しい台帳ファイルを戻すか（`--data-dir` も確かめてください）、`tokki restore <バックアップ>` で復元してください。",
            hint_en="Put the right ledger file back (and check `--data-dir`), or restore with `tokki restore <backup>`.",
        )


class LedgerFileGone(LedgerDamaged):
    """The key file is there but ``ledger.tokki`` is not (moved, deleted, a sync that lost it)."""

    def __init__(self, where: str) -> None:
        KnownError.__init__(
            self,
            f"台帳ファイル（ledger.tokki）がありません（{where}）。鍵ファイルは残っているため、移動・削除された可能性があります。新しく作ることはしません。",
            f"The ledger file (ledger.tokki) is missing in {where}, although its key file is there: it was moved or deleted; no new one is made.",
            hint_ja="元の ledger.tokki を戻すか、`tokki restore <バックアップ>` で復元してください。",
            hint_en="Put the original ledger.tokki back, or restore with `tokki restore <backup>`.",
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


def _size_text(n: int) -> str:
    for unit in ("B", "KB", "MB", "GB"):
        if n < 1024 or unit == "GB":
            return f"{n} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1024  # type: ignore[assignment]
    return f"{n} B"


class DiskFull(KnownError):
    """The disk (or the ledger's size limit) is full; nothing partial was written."""

    def __init__(self, free_bytes: int | None = None) -> None:
        free_ja = f"（空き {_size_text(free_bytes)}）" if free_bytes is not None else ""
        free_en = f" ({_size_text(free_bytes)} free)" if free_bytes is not None else ""
        super().__init__(
            f"ディスクの空き容量が足りないため、記録できませんでした{free_ja}。台帳は壊れていません。途中までの記録は残っていません。",
            f"The disk is full{free_en}, so nothing was recorded; the ledger is not damaged (no partial record was left).",
            hint_ja="空き容量を確保してから、もう一度操作してください（復元は不要です）。",
            hint_en="Free some space and try again (no restore is needed).",
        )
        self.free_bytes = free_bytes


class MediaReadOnly(KnownError):
    """The ledger's folder or file cannot be written (read-only media, permissions)."""

    def __init__(self, where: str) -> None:
        super().__init__(
            f"台帳の場所に書き込めません（{where}）。読み取り専用の媒体か、権限がありません。何も記録していません。",
            f"The ledger's place cannot be written ({where}): read-only media or no permission; nothing was recorded.",
            hint_ja="書き込める場所に台帳を置くか、媒体の書き込み禁止を解除してください。",
            hint_en="Put the ledger where it can be written, or unlock the medium's write protection.",
        )


class LedgerBusy(KnownError, sqlcipher3.OperationalError):
    """Another process holds a lock on the ledger for longer than we wait.

    Also an ``OperationalError``: the monitor retries on that (the GUI may be writing),
    and only a command that gives up shows the message.
    """

    def __init__(self, where: str) -> None:
        super().__init__(
            f"台帳（{where}）は他のプログラムが使用中のため、操作できませんでした。何も記録していません。",
            f"The ledger ({where}) is locked by another program; nothing was recorded.",
            hint_ja="台帳を開いている他のプログラム（同期ソフトやバックアップソフトなど）を終了してから、もう一度操作してください。",
            hint_en="Close the other program that has it open (a sync or backup tool, for instance) and try again.",
        )


class LedgerUnreadable(KnownError):
    """The operating system failed to read or write the file (a pulled USB stick, a bad disk)."""

    def __init__(self, where: str) -> None:
        super().__init__(
            f"台帳（{where}）の読み書きに失敗しました。媒体が外れたか、ディスクに異常があります。台帳を壊す書き込みはしていません。",
            f"Reading or writing the ledger ({where}) failed: the medium was removed or the disk has a fault; nothing was half-written.",
            hint_ja="媒体を接続し直してから、もう一度操作してください。",
            hint_en="Reconnect the medium and try again.",
        )


class LedgerReadOnly(KnownError):
    """A ledger with a damaged page is open for reading only, until it is restored."""

    def __init__(self) -> None:
        super().__init__(
            "台帳に壊れたページがあるため、読み取り専用で開いています。復元するまで記録はできません。",
            "The ledger has a damaged page, so it is open read-only; nothing can be recorded until it is restored.",
            hint_ja="取扱責任者が `tokki verify` で確かめ、`tokki restore <バックアップ>` で復元してください。",
            hint_en="An officer can check it with `tokki verify` and restore it with `tokki restore <backup>`.",
        )


class RestoreWouldLose(KnownError):
    """The backup is older than the live ledger: restoring it drops the later records."""

    def __init__(self, lost: int, first_seq: int, last_seq: int, backup_seq: int,
                 actions: "dict[str, int] | None" = None) -> None:
        kinds = ", ".join(f"{action} {count}" for action, count in sorted((actions or {}).items()))
        kinds_part = f"（{kinds}）" if kinds else ""
        kinds_en = f" ({kinds})" if kinds else ""
        super().__init__(
            f"バックアップは監査記録 {backup_seq} 番までで今の台帳より古く、復元すると {first_seq}〜{last_seq} 番の記録 {lost} 件{kinds_part}が失われます。何も置き換えていません。",
            f"The backup ends at audit record {backup_seq}, older than the ledger: restoring it loses {lost} record(s), {first_seq} to {last_seq}{kinds_en}; nothing was replaced.",
            hint_ja="それでも復元する場合は、確かめたうえで --confirm-loss を付けて実行してください（置き換えた台帳は保管されます）。",
            hint_en="To restore anyway, check and run it again with --confirm-loss (the replaced ledger is kept).",
        )
        self.lost = lost
        self.first_seq = first_seq
        self.last_seq = last_seq


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

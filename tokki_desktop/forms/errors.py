"""Known errors of the forms: unknown form, missing record, unwritable output, missing font."""

from __future__ import annotations

from tokki_desktop.errors import KnownError


class UnknownForm(KnownError):
    """The form id is not one of :func:`tokki_desktop.forms.list_forms`."""

    def __init__(self, form_id: str) -> None:
        super().__init__(
            f"様式「{form_id}」はありません。",
            f"There is no form '{form_id}'.",
            hint_ja="`tokki forms list` で様式の一覧を確かめてください。",
            hint_en="See `tokki forms list` for the forms.",
        )
        self.form_id = form_id


class RecordRequired(KnownError):
    """A per-record form (e.g. one pledge per person) was asked for without a record id."""

    def __init__(self, form_id: str, register_ja: str) -> None:
        super().__init__(
            f"様式「{form_id}」は{register_ja}の記録ごとに作成します。--id で記録を指定してください。",
            f"Form '{form_id}' is made for one record of {register_ja}: give its id with --id.",
        )


class OutputNotWritable(KnownError):
    """The PDF could not be written where asked (folder missing, read-only, file open)."""

    def __init__(self, where: str) -> None:
        super().__init__(
            f"PDF を書き込めませんでした（{where}）。",
            f"The PDF could not be written to {where}.",
            hint_ja="保存先のフォルダがあるか、ファイルが他のアプリで開かれていないか確かめてください。",
            hint_en="Check that the folder exists and the file is not open in another application.",
        )


class FontMissing(KnownError):
    """A bundled IPAex font file is missing from the installation."""

    def __init__(self, file: str) -> None:
        super().__init__(
            f"帳票用のフォント（{file}）が見つかりません。",
            f"The font for forms ({file}) is missing.",
            hint_ja="Tokki Desktop を再インストールしてください。",
            hint_en="Reinstall Tokki Desktop.",
        )


class SecretRequired(KnownError):
    """The recovery-key sheet was asked for without the key (it is never stored)."""

    def __init__(self) -> None:
        super().__init__(
            "回復キーは台帳に保存されていないため、この様式は台帳作成時（tokki init）にだけ作成できます。",
            "The recovery key is not stored in the ledger, so this sheet can only be made when the ledger is created (tokki init).",
        )


class NotForThisForm(KnownError):
    """The record asked for exists but is not one this form is made for (a handler's id
    given to the officer's pledge, a return given to the 預り証)."""

    def __init__(self, form_id: str, record_id: int) -> None:
        super().__init__(
            f"記録（ID {record_id}）は様式「{form_id}」の対象ではありません。",
            f"Record {record_id} is not one form '{form_id}' is made for.",
        )

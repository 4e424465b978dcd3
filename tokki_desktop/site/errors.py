"""Known errors of the work site (ja + en). Messages name terminals and files, never contents."""

from __future__ import annotations

from tokki_desktop.errors import KnownError


class SiteError(KnownError):
    """Base of the work site's known errors."""


class WrongEnrolCode(SiteError):
    """The one-time code does not open the enrolment file (or the file was altered)."""

    def __init__(self) -> None:
        super().__init__("登録コードが違うか、登録ファイルが壊れています。",
                         "The enrolment code is wrong, or the enrolment file is damaged.",
                         hint_ja="取扱責任者から受け取ったコードを入力し直してください。",
                         hint_en="Type the code the officer gave you again.")


class NotAnEnrolmentFile(SiteError):
    """The file given to ``agent join`` is not an enrolment file."""

    def __init__(self, name: str) -> None:
        super().__init__(f"「{name}」は端末の登録ファイルではありません。",
                         f"'{name}' is not a terminal enrolment file.")


class AlreadyJoined(SiteError):
    """This agent folder belongs to a terminal already."""

    def __init__(self, name: str) -> None:
        super().__init__(f"この端末はすでに「{name}」として登録されています。",
                         f"This terminal has already joined as '{name}'.",
                         hint_ja="登録し直すには、新しいフォルダを指定してください。",
                         hint_en="To join again, give a new agent folder.")


class NotJoined(SiteError):
    """``agent run`` in a folder that has not joined a site."""

    def __init__(self) -> None:
        super().__init__("この端末はまだ作業場所に登録されていません。",
                         "This terminal has not joined a work site yet.",
                         hint_ja="`tokki agent join 登録ファイル` を実行してください。",
                         hint_en="Run `tokki agent join FILE` first.")


class TerminalKeyMissing(SiteError):
    """The terminal key is in neither the keyring nor the key file."""

    def __init__(self) -> None:
        super().__init__("端末鍵が見つかりません（キーリングにも鍵ファイルにもありません）。",
                         "The terminal key is missing (neither in the keyring nor in the key file).",
                         hint_ja="取扱責任者に端末の登録をやり直してもらってください。",
                         hint_en="Ask the officer to enrol this terminal again.")


class TerminalNameTaken(SiteError):
    """An enrolled (not revoked) terminal already has this name."""

    def __init__(self, name: str) -> None:
        super().__init__(f"端末「{name}」はすでに登録されています。",
                         f"A terminal named '{name}' is already enrolled.",
                         hint_ja="別の名前にするか、先に `tokki site revoke` で取り消してください。",
                         hint_en="Choose another name, or revoke it first with `tokki site revoke`.")


class TerminalUnknown(SiteError):
    """No enrolled terminal of this name."""

    def __init__(self, name: str) -> None:
        super().__init__(f"端末「{name}」は登録されていません。", f"There is no terminal named '{name}'.",
                         hint_ja="`tokki site list` で確かめてください。", hint_en="See `tokki site list`.")


class DropFolderUnusable(SiteError):
    """The drop folder cannot be created or written at enrolment."""

    def __init__(self, folder: str) -> None:
        super().__init__(f"受け渡しフォルダ（{folder}）を使えません。",
                         f"The drop folder ({folder}) cannot be used.",
                         hint_ja="場所と書き込み権限を確かめてください。",
                         hint_en="Check that it exists and can be written.")


class AgentStateDamaged(SiteError):
    """The agent's numbering (state.json) cannot be read."""

    def __init__(self) -> None:
        super().__init__("端末エージェントの番号の記録（state.json）が壊れています。記録は端末に残っています。",
                         "The agent's numbering record (state.json) is damaged; the records are kept on this terminal.",
                         hint_ja="取扱責任者に連絡し、端末を登録し直してください。",
                         hint_en="Tell the officer and enrol this terminal again.")

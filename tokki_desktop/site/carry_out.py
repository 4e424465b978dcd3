"""The officer's resolutions, carried out on the terminal where the file is.

The site's policy update lists each open request (``removed`` or ``quarantine`` of one of
this terminal's detections) by the detection's keyed dedupe key and keyed content hash.
The agent finds the file's full path in its own store, and then does what the monitor
does beside the ledger, through the monitor's own functions
(:func:`~tokki_desktop.monitor.resolutions.current_path`, ``same_file`` and
``store_if_same``):

- ``removed``: confirmed only if the detected content is no longer at its place;
- ``quarantine``: only if the file still has the same keyed fingerprint, a verified
  encrypted copy goes into the terminal's quarantine and the original is removed;
- ``restore``: a copy the terminal holds goes back to its place, never over a file.

Every step is in the terminal's audit (:class:`~.terminal_store.TerminalStore`), and the
outcome goes back to the site as a ``resolution`` record in a bundle: done, or failed with
a reason. A request is carried out once. A kill after the copy was stored and before the
original was removed is finished at the next start (the copy is kept if the original is
gone, discarded and done again if it is still there).
"""

from __future__ import annotations

import errno
import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tokki_desktop.monitor.media import MediaSource
from tokki_desktop.monitor.quarantine import QuarantineVault
from tokki_desktop.monitor.resolutions import MediumNotPresent, current_path, same_file, store_if_same
from tokki_desktop.monitor.spool import new_uid
from tokki_desktop.site.terminal_store import TerminalStore

log = logging.getLogger(__name__)

# reason -> (ja, en), shown in the site's list of resolutions
REASONS = {
    "gone": ("ファイルが見つかりません", "the file is gone"),
    "changed": ("検知の後にファイルが変更されています（処理していません）", "the file changed since it was detected (left alone)"),
    "permission": ("ファイルを移動・削除する権限がありません", "no permission to move or delete the file"),
    "still_present": ("ファイルがまだ残っています", "the file is still there"),
    "unknown_file": ("端末にこの検知のファイルの記録がありません", "the terminal has no record of this detection's file"),
    "target_exists": ("元の場所に別のファイルがあります（上書きしません）", "another file is at its place (never overwritten)"),
    "damaged": ("隔離したファイルが見つからないか壊れています", "the quarantined copy is missing or damaged"),
    "error": ("ファイルを処理できませんでした", "the file could not be handled"),
}


def reason_text(reason: str | None, lang: str) -> str:
    """The words of a failure reason in the user's language."""
    ja, en = REASONS.get(reason or "", ("", reason or ""))
    return en if lang == "en" else ja


@dataclass(frozen=True)
class Request:
    """One resolution the site asks the terminal to carry out."""

    uid: str
    kind: str
    dedupe_key: str
    content_hash: str | None
    stored_name: str | None = None  # a restore: the copy in the terminal's quarantine

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Request:
        return cls(str(d["uid"]), str(d["kind"]), str(d["dedupe_key"]), d.get("content_hash"), d.get("stored_name"))


@dataclass(frozen=True)
class Outcome:
    """What carrying out one request came to (the data of its ``resolution`` record)."""

    request: str
    kind: str
    outcome: str
    reason: str | None = None
    stored_name: str | None = None
    size: int | None = None
    quarantine_uid: str | None = None

    def data(self, at: str) -> dict[str, Any]:
        return {"request": self.request, "kind": self.kind, "outcome": self.outcome, "reason": self.reason,
                "stored_name": self.stored_name, "size": self.size, "quarantine_uid": self.quarantine_uid, "at": at}


def _reason_of(exc: OSError) -> str:
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return "permission"
    if exc.errno == errno.ENOENT:
        return "gone"
    return "error"


class ResolutionWorker:
    """Carries out the site's requests on this terminal (one per agent)."""

    def __init__(self, store: TerminalStore, vault: QuarantineVault, hash_key: bytes, media: MediaSource,
                 now: Callable[[], str]) -> None:
        self.store = store
        self.vault = vault
        self.hash_key = hash_key
        self.media = media
        self.now = now

    def carry_out(self, requests: list[Request], report: Callable[[Outcome], None]) -> list[Outcome]:
        """Carry out every request not carried out yet; ``report`` spools each outcome
        (called before the outcome is marked finished, so a kill reports it again rather than never)."""
        finished = self.store.finished()
        outcomes = []
        for req in requests:
            if req.uid in finished:
                continue
            try:
                outcome = self._one(req)
            except MediumNotPresent:
                continue  # the medium is not plugged in: the request waits for it
            if outcome is None:
                continue
            report(outcome)
            self.store.log(self.now(), req.uid, req.kind, "finished", outcome=outcome.outcome, reason=outcome.reason,
                           detail={"stored_name": outcome.stored_name, "size": outcome.size})
            outcomes.append(outcome)
        return outcomes

    def _one(self, req: Request) -> Outcome | None:
        where = self.store.location(req.dedupe_key)
        if where is None:
            return Outcome(req.uid, req.kind, "failed", "unknown_file")
        path = current_path(where.as_detection(), self.media)
        if req.kind == "removed":
            if same_file(self.hash_key, path, req.content_hash):
                return Outcome(req.uid, req.kind, "failed", "still_present")
            return Outcome(req.uid, req.kind, "done")
        if req.kind == "restore":
            return self._restore(req, path)
        if req.kind != "quarantine":
            log.error("an unknown kind of resolution was requested; it is reported as failed")
            return Outcome(req.uid, req.kind, "failed", "error")
        return self._quarantine(req, path)

    def _restore(self, req: Request, path: Path) -> Outcome:
        """The monitor's restore: the original bytes back at their place, never over a file."""
        from tokki_desktop.monitor.quarantine import Damaged

        if not req.stored_name:
            return Outcome(req.uid, req.kind, "failed", "damaged")
        if path.exists():
            return Outcome(req.uid, req.kind, "failed", "target_exists")
        try:
            self.vault.restore(req.stored_name, path)
        except FileExistsError:
            return Outcome(req.uid, req.kind, "failed", "target_exists")
        except (Damaged, FileNotFoundError):
            return Outcome(req.uid, req.kind, "failed", "damaged")
        except OSError as exc:
            return Outcome(req.uid, req.kind, "failed", _reason_of(exc))
        return Outcome(req.uid, req.kind, "done", stored_name=req.stored_name)

    def _quarantine(self, req: Request, path: Path) -> Outcome:
        earlier = [a for a in self.store.actions(req.uid) if a.step == "stored"]
        if earlier:
            # Killed after the copy was stored: finish what was begun.
            name, size = earlier[-1].detail["stored_name"], int(earlier[-1].detail["size"])
            if not path.exists():
                return Outcome(req.uid, req.kind, "done", stored_name=name, size=size,
                               quarantine_uid=earlier[-1].detail["quarantine_uid"])
            self.vault.discard(name)
        if not path.exists():
            return Outcome(req.uid, req.kind, "failed", "gone")
        try:
            stored = store_if_same(self.vault, path, self.hash_key, req.content_hash)
        except OSError as exc:
            return Outcome(req.uid, req.kind, "failed", _reason_of(exc))
        if stored is None:
            return Outcome(req.uid, req.kind, "failed", "changed")
        q_uid = new_uid()
        self.store.log(self.now(), req.uid, req.kind, "stored",
                       detail={"stored_name": stored.stored_name, "size": stored.size, "quarantine_uid": q_uid})
        try:
            # Removed only after the encrypted copy is verified and its step is recorded.
            path.unlink()
        except OSError as exc:
            self.vault.discard(stored.stored_name)
            return Outcome(req.uid, req.kind, "failed", _reason_of(exc))
        return Outcome(req.uid, req.kind, "done", stored_name=stored.stored_name, size=stored.size,
                       quarantine_uid=q_uid)

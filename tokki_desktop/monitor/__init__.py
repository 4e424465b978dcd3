"""The monitor: unapproved copies on watched folders and removable media, caught within seconds.

Plain Python, no Qt. The pieces, in the users' words:

- :mod:`.service` — :class:`~.service.Monitor` ties everything together; ``subscribe(on_event,
  on_state)`` is the observer API a GUI turns into signals (see :mod:`.events`).
- :mod:`.folders` / :mod:`.completion` / :mod:`.file_index` — watched folders: events as
  hints, completion wait, worker pool, reconciliation against the index.
- :mod:`.media` / :mod:`.media_watch` — removable media behind one small interface.
- :mod:`.policy` — is a flagged file allowed where it was found (Art. 5, 6, 7)?
- :mod:`.spool` / :mod:`.records` — every record is written encrypted to the spool first,
  then imported (idempotently) into the ledger's audit chain.
- :mod:`.resolutions` / :mod:`.quarantine` — an officer's four resolutions; the encrypted,
  restorable quarantine.
- :mod:`.runs` / :mod:`.compliance_rules` — heartbeat, gaps, and the compliance findings.
- :mod:`.inventory` — scheduled full scans and media inspections (Art. 6(2)); the forms print
  them (媒体点検記録's evidence column, 棚卸しスキャン結果).
- :mod:`.copies` — an allowed copy is also written into the take-out register (複写・複製).
- :mod:`.demo` — the monitor's part of the demo ledger (inventory scans).
- :mod:`.settings` — watched folders and officer switches in the ledger.
- :mod:`.cli` — ``tokki watch|monitor|detections|resolve|quarantine|inventory``.
"""

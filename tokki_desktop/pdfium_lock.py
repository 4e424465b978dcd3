"""One lock for every use of PDFium in the process.

PDFium is not thread-safe: two threads inside it at once (the scanner in a monitor thread,
the form preview in a GUI worker) can corrupt its state. Every caller opens, reads and closes
its documents while holding this lock. Re-entrant: a reader closed by the garbage collector
while its thread already holds the lock must not wait for itself.
"""

from __future__ import annotations

import threading

PDFIUM_LOCK = threading.RLock()

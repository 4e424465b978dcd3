"""The fault suite: each fault made for real against a real ledger, through the real CLI.

    python bench/faults.py [--only NAME …] [--keep DIR]

For every fault: a fresh ledger (an officer, a handler, a few records), the fault, then
the `tokki` command a user would run, in a child process. Then the fault is undone (space
freed, medium writable again, lock released, original file put back) and the ledger is
opened and verified. The table says:

- message  the one line the user saw (stderr), as they saw it (TOKKI_LANG=en here)
- unchanged  the ledger's files byte for byte as before ("yes+unlock": only the audit
             record of that sign-in was added, which every successful unlock writes)
- lost     whether any record the ledger held before the fault is missing afterwards

Exits 1 when a fault lost data, showed more than one line, or was not a known error.
Faults that need a mount (disk full, read-only media) are skipped, with the reason,
where mounting is refused (not root, no tmpfs). tests/faults/ runs the same catalogue.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parents[1]
OFFICER = ("boss", "責任 太郎", "officer-pass-1")
HANDLER = ("hana", "従事 花子", "handler-pass-1")
PLAIN_NAME_TEXT = "山田 太郎,090-1234-5678,東京都小金井市本町六丁目6番3号\n"


@dataclass
class Outcome:
    """One row of the table."""

    fault: str
    message: str
    unchanged: str  # "yes" | "yes+unlock" | "no" | "n/a"
    lost: bool
    ok: bool
    note: str = ""
    skipped: str = ""


@dataclass
class Ledger:
    """A ledger made for one fault, and how to run `tokki` on it."""

    data_dir: Path
    work: Path
    env: dict[str, str] = field(default_factory=dict)

    def tokki(self, *args: str, who: tuple[str, str, str] = OFFICER, stdin: str | None = None,
              extra_env: dict[str, str] | None = None, timeout: float = 120) -> subprocess.CompletedProcess:
        env = dict(self.env, TOKKI_PASSPHRASE=who[2], **(extra_env or {}))
        return subprocess.run([sys.executable, "-c", "from tokki_desktop.cli import main; raise SystemExit(main())",
                               "--data-dir", str(self.data_dir), "--user", who[0], *args],
                              capture_output=True, text=True, env=env, input=stdin, timeout=timeout)


def base_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("TOKKI_")}
    env.update(TOKKI_KDF_PROFILE="fast", TOKKI_LANG="en", PYTHONPATH=str(ROOT))
    return env


def make_ledger(data_dir: Path, work: Path) -> Ledger:
    """An officer, a handler and three people records: what a fault must not lose."""
    os.environ.setdefault("TOKKI_KDF_PROFILE", "fast")
    from tokki_desktop.registers import repository as repo
    from tokki_desktop.session import create_ledger

    session, _ = create_ledger(data_dir, client="小金井市", contract="障害試験", contractor="株式会社試験",
                               officer_login=OFFICER[0], officer_name=OFFICER[1], passphrase=OFFICER[2])
    try:
        session.add_user(HANDLER[0], "handler", HANDLER[1], HANDLER[2])
        for n in range(3):
            repo.add(session, "people", {"name": f"試験 {n}", "role": "handler", "employment_type": "regular"})
    finally:
        session.close()
    return Ledger(data_dir, work, base_env())


# -- what "unchanged" and "lost" mean, measured -----------------------------------------
def file_digests(folder: Path) -> dict[str, str]:
    """SHA-256 of every file in the data folder (the -shm index excluded: SQLite's scratch)."""
    out = {}
    for path in sorted(folder.rglob("*")):
        if path.is_file() and not path.name.endswith("-shm"):
            out[str(path.relative_to(folder))] = hashlib.sha256(path.read_bytes()).hexdigest()
    return out


def chain(data_dir: Path) -> list[tuple[int, str, str]]:
    """(seq, action, mac) of every audit record, read with the officer's key."""
    from tokki_desktop.session import unlock

    with unlock(data_dir, OFFICER[0], OFFICER[2]) as session:
        rows = session.ledger.read("SELECT seq, action, mac FROM audit_log ORDER BY seq")
        report = session.verify()
        if not report.ok:
            raise RuntimeError("; ".join(report.problems))
        return [(int(r[0]), str(r[1]), bytes(r[2]).hex()) for r in rows]


def compare(before_files: dict[str, str], after_files: dict[str, str], before: list, after: list) -> tuple[str, bool]:
    """(unchanged, lost) from the files and chains before the fault and after it was undone."""
    lost = after[:len(before)] != before
    if before_files == after_files:
        return "yes", lost
    extra = after[len(before):]
    if not lost and extra and all(action in ("unlock", "unlock_failed") for _, action, _ in extra):
        return "yes+unlock", lost
    return "no", lost


def one_line(text: str) -> str:
    lines = [line for line in text.strip().splitlines() if line.strip()]
    return lines[0] if len(lines) == 1 else " | ".join(lines) if lines else ""


# -- mounts (disk full, read-only media) -----------------------------------------------------
class Mount:
    """A small tmpfs of our own; refused mounting raises ``Skip`` with the reason."""

    def __init__(self, where: Path, size_kb: int) -> None:
        self.where = where
        where.mkdir(parents=True, exist_ok=True)
        if not hasattr(os, "geteuid") or os.geteuid() != 0:
            raise Skip("needs root to mount a small tmpfs")
        done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size_kb}k,mode=0700", "tmpfs", str(where)],
                              capture_output=True, text=True)
        if done.returncode != 0:
            raise Skip(f"mounting a tmpfs was refused: {done.stderr.strip()[:80]}")

    def remount(self, options: str) -> None:
        subprocess.run(["mount", "-o", f"remount,{options}", str(self.where)], check=True, capture_output=True)

    def close(self) -> None:
        subprocess.run(["umount", "-l", str(self.where)], capture_output=True)


class Skip(Exception):
    """This fault cannot be made on this machine (the reason is shown)."""


# -- the faults ---------------------------------------------------------------------------
Fault = Callable[[Path], Outcome]
FAULTS: dict[str, Fault] = {}


def fault(name: str) -> Callable[[Fault], Fault]:
    def deco(func: Fault) -> Fault:
        FAULTS[name] = func
        return func
    return deco


def _run_against(name: str, led: Ledger, command: Callable[[], subprocess.CompletedProcess],
                 undo: Callable[[], None] = lambda: None, expect_rc: int = 2,
                 before_files: dict[str, str] | None = None, before: list | None = None) -> Outcome:
    before = chain(led.data_dir) if before is None else before
    before_files = file_digests(led.data_dir) if before_files is None else before_files
    done = command()
    undo()
    unchanged, lost = compare(before_files, file_digests(led.data_dir), before, chain(led.data_dir))
    message = one_line(done.stderr)
    ok = (done.returncode == expect_rc and "\n" not in done.stderr.strip() and not lost
          and "unexpected" not in message.lower() and "ERROR CORE" not in done.stderr)
    return Outcome(name, message, unchanged, lost, ok, note=f"exit {done.returncode}")


@fault("wrong passphrase")
def wrong_passphrase(work: Path) -> Outcome:
    led = make_ledger(work / "d", work)
    return _run_against("wrong passphrase", led,
                        lambda: led.tokki("verify", who=(OFFICER[0], "", "not-the-pass-1")))


@fault("damaged key file (bit flip)")
def damaged_keys(work: Path) -> Outcome:
    led = make_ledger(work / "d", work)
    keys = led.data_dir / "ledger.keys"
    before, before_files = chain(led.data_dir), file_digests(led.data_dir)
    original = keys.read_bytes()
    flipped = bytearray(original)
    flipped[len(flipped) // 2] ^= 0x01
    keys.write_bytes(bytes(flipped))

    def undo() -> None:
        keys.write_bytes(original)
    return _run_against("damaged key file (bit flip)", led, lambda: led.tokki("verify"), undo,
                        before_files=before_files, before=before)


@fault("handler runs restore")
def handler_restore(work: Path) -> Outcome:
    led = make_ledger(work / "d", work)
    assert led.tokki("backup", str(work / "b.tokki")).returncode == 0
    led.tokki("add", "people", "--name", "後から 登録", "--role", "handler", "--employment-type", "regular")
    return _run_against("handler runs restore", led,
                        lambda: led.tokki("restore", str(work / "b.tokki"), who=HANDLER))


@fault("handler runs backup")
def handler_backup(work: Path) -> Outcome:
    led = make_ledger(work / "d", work)
    out = _run_against("handler runs backup", led, lambda: led.tokki("backup", str(work / "h.tokki"), who=HANDLER))
    if (work / "h.tokki").exists():
        out.ok, out.note = False, out.note + "; a backup file was written"
    return out


@fault("handler runs fingerprint add")
def handler_fingerprint(work: Path) -> Outcome:
    led = make_ledger(work / "d", work)
    roster = work / "roster.csv"
    roster.write_text("氏名,電話\n" + PLAIN_NAME_TEXT, "utf-8")
    return _run_against("handler runs fingerprint add", led,
                        lambda: led.tokki("fingerprint", "add", "名簿", str(roster), who=HANDLER))


@fault("officer restores an older backup")
def older_backup(work: Path) -> Outcome:
    led = make_ledger(work / "d", work)
    assert led.tokki("backup", str(work / "b.tokki")).returncode == 0
    led.tokki("add", "people", "--name", "後から 登録", "--role", "handler", "--employment-type", "regular")
    return _run_against("officer restores an older backup (no --confirm-loss)", led,
                        lambda: led.tokki("restore", str(work / "b.tokki")))


def _replace_ledger(work: Path, name: str, content: Callable[[bytes], bytes]) -> Outcome:
    led = make_ledger(work / "d", work)
    path = led.data_dir / "ledger.tokki"
    before, before_files = chain(led.data_dir), file_digests(led.data_dir)
    original = path.read_bytes()
    path.write_bytes(content(original))
    damaged_files = file_digests(led.data_dir)
    done = led.tokki("verify")
    after_damaged = file_digests(led.data_dir)
    path.write_bytes(original)
    unchanged, lost = compare(before_files, file_digests(led.data_dir), before, chain(led.data_dir))
    # What matters here: the damaged file itself was not written over.
    unchanged = "yes" if damaged_files == after_damaged else "no"
    message = one_line(done.stderr)
    ok = done.returncode == 2 and "\n" not in done.stderr.strip() and not lost and unchanged == "yes"
    return Outcome(name, message, unchanged, lost, ok, note=f"exit {done.returncode}")


@fault("0-byte ledger.tokki")
def empty_ledger(work: Path) -> Outcome:
    return _replace_ledger(work, "0-byte ledger.tokki", lambda raw: b"")


@fault("truncated ledger.tokki")
def truncated_ledger(work: Path) -> Outcome:
    return _replace_ledger(work, "truncated ledger.tokki (cut at 10,000 bytes)", lambda raw: raw[:10000])


@fault("a text file as ledger.tokki")
def not_a_ledger(work: Path) -> Outcome:
    return _replace_ledger(work, "a text file as ledger.tokki", lambda raw: b"hello\n" * 2000)


@fault("damaged page read at sign-in")
def damaged_first_pages(work: Path) -> Outcome:
    def flip(raw: bytes) -> bytes:
        data = bytearray(raw)
        for page in range(1, len(raw) // 4096):
            data[page * 4096 + 200] ^= 0xFF  # every page but the first: sign-in must read one
        return bytes(data)
    return _replace_ledger(work, "damaged pages read at sign-in", flip)


@fault("restore over a ledger that does not open")
def restore_over_unreadable(work: Path) -> Outcome:
    """The way out the damaged-ledger message names must work when sign-in cannot read it."""
    led = make_ledger(work / "d", work)
    assert led.tokki("backup", str(work / "b.tokki")).returncode == 0
    in_backup = chain_of_file(work / "b.tokki", led.data_dir)
    path = led.data_dir / "ledger.tokki"
    data = bytearray(path.read_bytes())
    for page in range(1, len(data) // 4096):
        data[page * 4096 + 200] ^= 0xFF
    path.write_bytes(bytes(data))
    done = led.tokki("restore", str(work / "b.tokki"))
    after = chain(led.data_dir)
    lost = after[:len(in_backup)] != in_backup
    kept = list((led.data_dir / "backups").glob("replaced-*.tokki"))
    message = one_line(done.stdout.splitlines()[0] if done.stdout else done.stderr)
    ok = done.returncode == 0 and not lost and len(kept) == 1 and kept[0].read_bytes() == bytes(data)
    return Outcome("restore over a ledger that does not open", message, "n/a (damaged file kept)" if kept else "no",
                   lost, ok, note=f"exit {done.returncode}")


def chain_of_file(path: Path, data_dir: Path) -> list[tuple[int, str, str]]:
    import sqlcipher3

    conn = sqlcipher3.connect(str(path))
    try:
        conn.execute(f"PRAGMA key = \"x'{data_key(data_dir).hex()}'\"")
        rows = conn.execute("SELECT seq, action, mac FROM audit_log ORDER BY seq").fetchall()
        return [(int(r[0]), str(r[1]), bytes(r[2]).hex()) for r in rows]
    finally:
        conn.close()


@fault("ledger.tokki missing")
def missing_ledger(work: Path) -> Outcome:
    led = make_ledger(work / "d", work)
    path = led.data_dir / "ledger.tokki"
    before, before_files = chain(led.data_dir), file_digests(led.data_dir)
    moved = work / "moved.tokki"
    shutil.move(path, moved)
    done = led.tokki("verify")
    created = path.exists()
    if created:
        path.unlink()
    shutil.move(moved, path)
    unchanged, lost = compare(before_files, file_digests(led.data_dir), before, chain(led.data_dir))
    message = one_line(done.stderr)
    ok = done.returncode == 2 and not created and not lost and "\n" not in done.stderr.strip()
    return Outcome("ledger.tokki missing", message, "yes" if not created else "no", lost, ok,
                   note=f"exit {done.returncode}" + ("; a new file was created" if created else ""))


@fault("damaged page not read at sign-in")
def damaged_inner_page(work: Path) -> Outcome:
    """A page of old audit records: sign-in does not read it, the first write would bury it."""
    led = make_ledger(work / "d", work)
    for n in range(40):
        led.tokki("add", "people", "--name", f"多数 {n}", "--role", "handler", "--employment-type", "regular")
    path = led.data_dir / "ledger.tokki"
    before = chain(led.data_dir)
    original = path.read_bytes()
    page = find_unread_page(led)
    damaged = bytearray(original)
    damaged[page * 4096 + 300] ^= 0xFF
    path.write_bytes(bytes(damaged))
    files_damaged = file_digests(led.data_dir)
    done = led.tokki("add", "people", "--name", "新規 登録", "--role", "handler", "--employment-type", "regular")
    unchanged = "yes" if file_digests(led.data_dir) == files_damaged else "no"
    path.write_bytes(original)
    for side in ("-wal", "-shm"):
        (led.data_dir / f"ledger.tokki{side}").unlink(missing_ok=True)
    lost = chain(led.data_dir)[:len(before)] != before
    message = one_line(done.stderr)
    ok = done.returncode == 2 and unchanged == "yes" and not lost and "\n" not in done.stderr.strip()
    return Outcome(f"damaged page not read at sign-in (page {page + 1})", message, unchanged, lost, ok,
                   note=f"exit {done.returncode}")


def find_unread_page(led: Ledger) -> int:
    """A page (0-based) whose damage an old-style sign-in would not notice: old audit leaves.

    Found by trying: each candidate is damaged in a scratch copy and opened the way a
    sign-in reads (users, settings, the audit head) without the integrity check.
    """
    import sqlcipher3

    from tokki_desktop.vault.header import KeyHeader
    from tokki_desktop.vault.kdf import derive_from_passphrase

    header = KeyHeader.load(led.data_dir / "ledger.keys")
    slot = header.user_slot(OFFICER[0])
    assert slot.kdf is not None
    key = header.unwrap(slot, derive_from_passphrase(OFFICER[2], slot.kdf))
    assert key is not None
    original = (led.data_dir / "ledger.tokki").read_bytes()
    scratch = led.work / "probe.tokki"
    for page in range(len(original) // 4096 // 2, len(original) // 4096 - 1):
        data = bytearray(original)
        data[page * 4096 + 300] ^= 0xFF
        scratch.write_bytes(bytes(data))
        conn = sqlcipher3.connect(str(scratch))
        try:
            conn.execute("PRAGMA cipher_log_level = NONE")
            conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
            conn.execute("SELECT * FROM users").fetchall()
            conn.execute("SELECT * FROM settings").fetchall()
            conn.execute("SELECT seq, mac FROM audit_log ORDER BY seq DESC LIMIT 1").fetchall()
            bad = conn.execute("PRAGMA cipher_integrity_check").fetchall()
            if bad:
                return page
        except sqlcipher3.DatabaseError:
            continue
        finally:
            conn.close()
    raise RuntimeError("no page found that sign-in does not read")


def fill(path: Path) -> None:
    """Write zeros until the file system says it is full."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        while True:
            os.write(fd, b"\0" * 4096)
    except OSError:
        pass
    finally:
        os.close(fd)


@fault("disk full")
def disk_full(work: Path) -> Outcome:
    mount = Mount(work / "small", 700)
    try:
        led = make_ledger(work / "made", work)
        led.data_dir = mount.where / "d"
        shutil.copytree(work / "made", led.data_dir)
        before, before_files = chain(led.data_dir), file_digests(led.data_dir)
        filler = mount.where / "filler"
        fill(filler)
        done = led.tokki("add", "people", "--name", "空き 不足", "--role", "handler", "--employment-type", "regular")
        filler.unlink()
        unchanged, lost = compare(before_files, file_digests(led.data_dir), before, chain(led.data_dir))
        message = one_line(done.stderr)
        ok = (done.returncode == 2 and "disk is full" in message and "tokki restore" not in message
              and not lost and "\n" not in done.stderr.strip())
        return Outcome("disk full (700 kB tmpfs)", message, unchanged, lost, ok, note=f"exit {done.returncode}")
    finally:
        mount.close()


@fault("read-only media")
def read_only_media(work: Path) -> Outcome:
    mount = Mount(work / "stick", 4096)
    try:
        led = make_ledger(work / "made", work)
        led.data_dir = mount.where / "d"
        shutil.copytree(work / "made", led.data_dir)
        before, before_files = chain(led.data_dir), file_digests(led.data_dir)
        for side in ("-wal", "-shm"):
            (led.data_dir / f"ledger.tokki{side}").unlink(missing_ok=True)
        mount.remount("ro")
        done = led.tokki("add", "people", "--name", "読取 専用", "--role", "handler", "--employment-type", "regular")
        mount.remount("rw")
        unchanged, lost = compare(before_files, file_digests(led.data_dir), before, chain(led.data_dir))
        message = one_line(done.stderr)
        ok = done.returncode == 2 and "cannot be written" in message and not lost and "\n" not in done.stderr.strip()
        return Outcome("read-only media (tmpfs remounted ro)", message, unchanged, lost, ok,
                       note=f"exit {done.returncode}")
    finally:
        mount.close()


LOCK_HOLDER = """
import sys, time, sqlcipher3
conn = sqlcipher3.connect(sys.argv[1], isolation_level=None)
conn.execute("PRAGMA key = \\"x'" + sys.argv[2] + "'\\"")
conn.execute("BEGIN EXCLUSIVE")
print("locked", flush=True)
sys.stdin.readline()
conn.execute("ROLLBACK")
"""


def data_key(data_dir: Path) -> bytes:
    from tokki_desktop.vault.header import KeyHeader
    from tokki_desktop.vault.kdf import derive_from_passphrase

    header = KeyHeader.load(data_dir / "ledger.keys")
    slot = header.user_slot(OFFICER[0])
    assert slot.kdf is not None
    key = header.unwrap(slot, derive_from_passphrase(OFFICER[2], slot.kdf))
    assert key is not None
    return key


@fault("ledger locked by another process")
def locked(work: Path) -> Outcome:
    led = make_ledger(work / "d", work)
    before, before_files = chain(led.data_dir), file_digests(led.data_dir)
    holder = subprocess.Popen([sys.executable, "-c", LOCK_HOLDER, str(led.data_dir / "ledger.tokki"),
                               data_key(led.data_dir).hex()], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        started = time.monotonic()
        done = led.tokki("add", "people", "--name", "施錠 中", "--role", "handler", "--employment-type", "regular")
        waited = time.monotonic() - started
    finally:
        assert holder.stdin is not None
        holder.communicate("\n", timeout=30)
    unchanged, lost = compare(before_files, file_digests(led.data_dir), before, chain(led.data_dir))
    message = one_line(done.stderr)
    ok = done.returncode == 2 and "locked by another program" in message and not lost
    return Outcome("ledger locked by another process", message, unchanged, lost, ok,
                   note=f"exit {done.returncode} after {waited:.0f} s (the busy wait)")


@fault("scan --json, a name that is not UTF-8")
def non_utf8_name(work: Path) -> Outcome:
    if sys.platform in ("win32", "darwin"):
        raise Skip("this file system only stores valid Unicode names")
    folder = work / "names"
    folder.mkdir()
    raw = os.fsencode(str(folder)) + b"/\x83e\x83X\x83g_\xe9.txt"  # CP932 and Latin-1 bytes
    with open(raw, "wb") as fh:
        fh.write(PLAIN_NAME_TEXT.encode() * 3)
    env = dict(base_env())
    done = subprocess.run([sys.executable, "-c", "from tokki_desktop.cli import main; raise SystemExit(main())",
                           "scan", "--json", str(folder)], capture_output=True, env=env, timeout=120)
    valid, exact = True, False
    for line in done.stdout.splitlines():
        try:
            record = json.loads(line.decode("utf-8"))
        except ValueError:
            valid = False
            continue
        if record.get("path_bytes_b64"):
            exact = base64.b64decode(record["path_bytes_b64"]) == raw
    message = "valid UTF-8 JSON, exact name in path_bytes_b64" if valid and exact else \
        ("invalid JSON line" if not valid else "name bytes not kept")
    return Outcome("scan --json, a name that is not UTF-8", message, "n/a", not exact, valid and exact,
                   note=f"exit {done.returncode}")


@fault("monitor started with TOKKI_PASSPHRASE")
def monitor_environment(work: Path) -> Outcome:
    if not Path("/proc/self/environ").exists():
        raise Skip("no /proc/PID/environ to read another process's environment")
    led = make_ledger(work / "d", work)
    env = dict(led.env, TOKKI_PASSPHRASE=OFFICER[2])
    proc = subprocess.Popen([sys.executable, "-c", "from tokki_desktop.cli import main; raise SystemExit(main())",
                             "--data-dir", str(led.data_dir), "--user", OFFICER[0], "monitor"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        started = "monitoring" in line
        seen = OFFICER[2].encode() in Path(f"/proc/{proc.pid}/environ").read_bytes()
    finally:
        proc.terminate()
        proc.communicate(timeout=30)  # also closes the pipes
    message = ("the passphrase is still in /proc/PID/environ" if seen else
               "the passphrase is not in the running monitor's environment")
    return Outcome("monitor started with TOKKI_PASSPHRASE", message, "n/a", False, started and not seen,
                   note="started" if started else "did not start")


@fault("files of a new ledger under umask 000")
def permissions(work: Path) -> Outcome:
    if os.name != "posix":
        raise Skip("POSIX modes; Windows gets an ACL (unit-tested with the API faked)")
    data_dir = work / "d"
    led = Ledger(data_dir, work, base_env())
    code = "import os; os.umask(0); from tokki_desktop.cli import main; raise SystemExit(main())"
    env = dict(led.env, TOKKI_PASSPHRASE=OFFICER[2], TOKKI_NEW_PASSPHRASE=HANDLER[2])
    runs = [["init", "--contract", "c", "--contractor", "x", "--officer", OFFICER[0], "--name", OFFICER[1]],
            ["user", "add", HANDLER[0], "--role", "handler", "--name", HANDLER[1]],
            ["backup", str(data_dir / "backups" / "b.tokki")],
            ["export", str(work / "out" / "registers.zip")]]
    (work / "out").mkdir()
    for args in runs:
        extra = {"TOKKI_EXPORT_PASSWORD": "export-pass-1"} if args[0] == "export" else {}
        subprocess.run([sys.executable, "-c", code, "--data-dir", str(data_dir), "--user", OFFICER[0], *args],
                       capture_output=True, env=dict(env, **extra), timeout=120, stdin=subprocess.DEVNULL)
    subprocess.run([sys.executable, "-c", code, "--data-dir", str(data_dir), "--user", OFFICER[0], "verify"],
                   capture_output=True, env=dict(env, TOKKI_PASSPHRASE="wrong-pass-1"), timeout=120)
    open_files = []
    for path in [data_dir, *data_dir.rglob("*"), *(work / "out").rglob("*")]:
        mode = path.stat().st_mode & 0o777
        if mode & 0o077:
            open_files.append(f"{path.name} {mode:o}")
    message = "every folder 0700, every file 0600" if not open_files else "open to others: " + ", ".join(open_files)
    return Outcome("files of a new ledger under umask 000", message, "n/a", False, not open_files)


def _cpu() -> float:
    """CPU seconds of this process and of the `tokki` children it waited for."""
    import resource

    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def run(names: list[str] | None = None, keep: Path | None = None) -> list[Outcome]:
    rows = []
    for name, func in FAULTS.items():
        if names and not any(n in name for n in names):
            continue
        work = Path(tempfile.mkdtemp(prefix="tokki-fault-", dir=keep))
        started = _cpu()
        try:
            row = func(work)
        except Skip as why:
            row = Outcome(name, "", "n/a", False, True, skipped=str(why))
        except Exception as exc:  # noqa: BLE001 - e.g. the ledger no longer opens after the fault
            row = Outcome(name, f"(check failed: {type(exc).__name__}: {str(exc)[:120]})", "?", True, False,
                          note="the ledger could not be read back after the fault was undone")
        row.note = (row.note + f"; {_cpu() - started:.1f} s CPU").lstrip("; ")
        rows.append(row)
        if keep is None:
            shutil.rmtree(work, ignore_errors=True)
        print(f"{'ok ' if row.ok else 'BAD'} {row.fault}", file=sys.stderr, flush=True)
    return rows


def table(rows: list[Outcome]) -> str:
    head = "| fault | message shown | files unchanged | data lost | ok | note |\n|---|---|---|---|---|---|"
    lines = [head]
    for r in rows:
        if r.skipped:
            lines.append(f"| {r.fault} | skipped: {r.skipped} | | | | |")
            continue
        lines.append(f"| {r.fault} | {r.message} | {r.unchanged} | {'yes' if r.lost else 'no'} | "
                     f"{'yes' if r.ok else 'NO'} | {r.note} |")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="*", help="run only faults whose name contains one of these")
    parser.add_argument("--keep", type=Path, help="keep each fault's folder under this folder")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    rows = run(args.only, args.keep)
    print(table(rows))
    return 0 if all(r.ok for r in rows) else 1


if __name__ == "__main__":
    raise SystemExit(main())

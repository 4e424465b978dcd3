"""Shared pieces of the monitor benchmarks: a throw-away ledger and resident rosters.

The rosters are synthetic (generated names, numbers that pass the My Number check digit),
never real people.
"""

from __future__ import annotations

import os
import statistics
from pathlib import Path

# Cheap Argon2id for the throw-away ledger: unlock speed is not what these measure.
os.environ.setdefault("TOKKI_KDF_PROFILE", "fast")

LOGIN, PASS = "bench", "bench-pass-1"
SURNAMES = ["田中", "佐藤", "鈴木", "高橋", "伊藤", "渡辺", "山本", "中村", "小林", "加藤"]
GIVEN = ["一郎", "花子", "太郎", "次郎", "桜", "健", "美咲", "翔", "陽菜", "蓮"]


def my_number(seed: int) -> str:
    """A 12-digit number with a valid My Number check digit (synthetic)."""
    body = f"{seed % 10**11:011d}"
    total = sum(int(d) * (n + 1 if n <= 6 else n - 5) for n, d in enumerate(reversed(body), start=1))
    check = 0 if total % 11 <= 1 else 11 - total % 11
    return body + str(check)


def roster_text(rows: int, seed: int = 0) -> str:
    lines = ["氏名,フリガナ,個人番号,住所,電話番号,生年月日"]
    for i in range(seed, seed + rows):
        name = f"{SURNAMES[i % 10]} {GIVEN[(i // 10) % 10]}"
        lines.append(f"{name},カナ,{my_number(i + 1000)},東京都小金井市本町{i % 9 + 1}-{i % 30 + 1}-{i % 7 + 1},"
                     f"042-380-{i % 10000:04d},19{50 + i % 50}-0{1 + i % 9}-1{i % 9}")
    return "\n".join(lines) + "\n"


def roster_of_size(size: int, seed: int = 0) -> bytes:
    """A CSV roster of about ``size`` bytes."""
    text = roster_text(max(1, size // 90), seed)
    data = text.encode("utf-8")
    while len(data) < size:
        data += roster_text(200, seed + len(data)).split("\n", 1)[1].encode("utf-8")
    return data


def new_ledger(root: Path):
    """A fresh ledger with one officer; returns the open session."""
    from tokki_desktop.session import create_ledger

    session, _ = create_ledger(root / "ledger", client="小金井市", contract="性能試験", contractor="試験",
                               officer_login=LOGIN, officer_name="試験 太郎", passphrase=PASS)
    return session


def percentile(values: list[float], q: float) -> float:
    if len(values) < 2:
        return values[0] if values else float("nan")
    return statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1]

"""The PDF reader's one-pass checks give exactly what the passes they replaced gave.

Random byte strings built from the names the checks look for (and near misses) go through
``may_lack_glyphs`` and through the three separate passes it once made.
"""

from __future__ import annotations

import random
import re

from tokki_desktop.scanner.extract.pdf_layout import may_lack_glyphs

PIECES = [b"/Type", b"/Type /FontDescriptor", b"/Type/FontDescriptor", b"/Type\n/FontDescriptor ", b"/FontDescriptorX",
          b"/FontFile", b"/FontFile2", b"/FontFile3", b"/FontFile4", b"/FontFileX", b"/ObjStm", b"/ObjSt", b"/Font",
          b" ", b"\n", b"<<", b">>", b"/", b"x", b"\x00\xff", b"/Type /Font", b"stream\n\x8f/F\xe2endstream"]


def _three_passes(data: bytes) -> bool:
    if b"/ObjStm" in data:
        return True
    return len(re.findall(rb"/Type\s*/FontDescriptor\b", data)) > len(re.findall(rb"/FontFile[23]?\b", data))


def test_one_pass_counts_as_the_three_passes() -> None:
    rng = random.Random(31)
    seen = set()
    for _ in range(5000):
        data = b"".join(rng.choice(PIECES) for _ in range(rng.randint(0, 30)))
        want = _three_passes(data)
        seen.add(want)
        assert may_lack_glyphs(data) == want, data
    assert seen == {True, False}

"""Zip archives: members become nested files, each scanned with the same limits."""

from __future__ import annotations

import zipfile

from tokki_desktop.scanner.extract import MemberPart, Parts, ScanContext, ScanProblem, Unreadable
from tokki_desktop.scanner.extract.zipparts import read_member


def _member_name(info: zipfile.ZipInfo) -> str:
    name = info.filename
    if not (info.flag_bits & 0x800):
        # Japanese Windows writes member names in CP932 without the UTF-8 flag.
        try:
            name = name.encode("cp437").decode("cp932")
        except (UnicodeEncodeError, UnicodeDecodeError):
            pass
    return name


def extract_zip(zf: zipfile.ZipFile, ctx: ScanContext) -> Parts:
    """Every member (files only), nested archives included up to the depth cap."""
    if ctx.depth >= ctx.limits.max_depth:
        raise Unreadable(f"入れ子のZIPが深すぎます（{ctx.limits.max_depth}段まで）。",
                         f"Archives nested deeper than {ctx.limits.max_depth} levels.")
    infos = [i for i in zf.infolist() if not i.is_dir()]
    if len(infos) > ctx.limits.max_members:
        raise Unreadable(f"ZIP内のファイル数が上限（{ctx.limits.max_members}）を超えます。",
                         f"The archive has more than {ctx.limits.max_members} members.")
    for info in infos:
        ctx.check_time()
        name = _member_name(info)
        try:
            yield MemberPart(name, read_member(zf, info, ctx), size=info.file_size)
        except ScanProblem as problem:
            if "合計サイズ" in problem.ja:
                raise
            yield MemberPart(name, None, problem, size=info.file_size)
